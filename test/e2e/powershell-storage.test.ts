/**
 * What PowerShell 5.1 and 7 really print for Windows storage and network instances, decoded by the
 * code the built CLI generates from fixtures/powershell/storage.mof: Select-Object projections
 * (`partial`), value-mapped integers printed as their Values text, `[null]` array elements and 64-bit
 * numbers JSON.parse has already rounded. A consumer file type-checks the decoders' overloads.
 * Output goes to test/e2e/__output__/ (git-ignored); needs `npm run build`.
 */
import { execFile } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, test } from "vitest";
import { type Decoder, errorsOf, generateWithCli, loadDecoder, repoRoot, valueOf } from "./helpers.js";

const outDir = join(repoRoot, "test/e2e/__output__/powershell-storage");
const storageDir = join(outDir, "root_Microsoft_Windows_Storage");
const networkDir = join(outDir, "root_StandardCimv2");

let decodeDisk: Decoder;
let decodePartition: Decoder;
let decodeNetAdapter: Decoder;

/** A fixture as JSON.parse gives it: always a list of instances (ConvertTo-Json prints one bare). */
function instances(file: string): readonly unknown[] {
  const parsed = JSON.parse(readFileSync(join(repoRoot, "fixtures/powershell", file), "utf8")) as unknown;
  return Array.isArray(parsed) ? parsed : [parsed];
}

beforeAll(async () => {
  generateWithCli("fixtures/powershell/storage.mof", outDir);
  decodeDisk = await loadDecoder(storageDir, "MSFT_Disk.ts", "decodeMSFT_Disk");
  decodePartition = await loadDecoder(storageDir, "MSFT_Partition.ts", "decodeMSFT_Partition");
  decodeNetAdapter = await loadDecoder(networkDir, "MSFT_NetAdapter.ts", "decodeMSFT_NetAdapter");
}, 120_000);

describe("Select-Object projections with Values text (Get-Disk)", () => {
  test("5.1: without partial every projected disk fails on its missing key; with it, labels become numbers", () => {
    for (const disk of instances("get-disk-select.ps51.json")) {
      expect(errorsOf(decodeDisk(disk))).toContainEqual({ path: "ObjectId", expected: "string (key property)", got: "missing" });
    }
    const [sas, virtual, card] = instances("get-disk-select.ps51.json").map((disk) => valueOf(decodeDisk(disk, { partial: true })));
    expect(sas).toEqual({
      FriendlyName: "HGST HUS726T4TAL5204",
      Number: 0,
      SerialNumber: "V6KJ2P4S",
      Size: 4000787030016,
      OperationalStatus: [0xd010],
      HealthStatus: 0,
      BusType: 10,
      PartitionStyle: 2,
      IsBoot: true,
    });
    expect(virtual).toMatchObject({ BusType: 15, PartitionStyle: 1, SerialNumber: "" });
    expect(card).toMatchObject({ BusType: 7, PartitionStyle: 0, OperationalStatus: [0xd012], SerialNumber: null });
    expect(card).not.toHaveProperty("ObjectId");
  });

  test("7: NVMe, Storage Spaces, an array of labels", () => {
    const [nvme, pool] = instances("get-disk-select.ps7.json").map((disk) => valueOf(decodeDisk(disk, { partial: true })));
    expect(nvme).toMatchObject({ BusType: 17, ProvisioningType: 2, OperationalStatus: [0xd010], AllocatedSize: 1000203837440 });
    expect(pool).toMatchObject({ BusType: 16, HealthStatus: 1, ProvisioningType: 1, OperationalStatus: [0xd010, 3] });
  });

  test("a present property is still fully checked: unknown text names the labels, a wrong type fails", () => {
    const errors = errorsOf(decodeDisk({ Number: "one", BusType: "Thunderbolt", PartitionStyle: "GPT" }, { partial: true }));
    expect(errors).toEqual([
      { path: "Number", expected: "uint32 (0..4294967295)", got: '"one"' },
      {
        path: "BusType",
        expected:
          'uint16 (0..65535) or one of its Values: "Unknown", "SCSI", "ATAPI", "ATA", "1394", "SSA", "Fibre Channel", "USB", "RAID", "iSCSI", "SAS", "SATA", "SD", "MMC", "MAX", "File Backed Virtual", "Storage Spaces", "NVMe", "Microsoft Reserved"',
        got: '"Thunderbolt"',
      },
    ]);
  });

  test("the generated member name and other spellings of a label decode too", () => {
    expect(valueOf(decodeDisk({ BusType: "FileBackedVirtual", PartitionStyle: "gpt", HealthStatus: "unhealthy" }, { partial: true }))).toEqual({
      HealthStatus: 2,
      BusType: 15,
      PartitionStyle: 2,
    });
  });
});

describe("whole instances", () => {
  test("7: Get-Disk with numbers and PowerShell's CIM members decodes without partial", () => {
    const [disk] = instances("get-disk.ps7.json");
    const value = valueOf(decodeDisk(disk));
    expect(value).toMatchObject({ Number: 0, BusType: 15, PartitionStyle: 2, OperationalStatus: [0xd010], UniqueIdFormat: 8, Signature: null, IsBoot: true });
    expect(String(value["ObjectId"])).toContain("WSP_Disk.ObjectId=");
    for (const member of ["PSComputerName", "CimClass", "CimInstanceProperties", "CimSystemProperties"]) expect(value).not.toHaveProperty(member);
  });

  test("5.1: Get-Partition with [null] access paths, NUL drive letters and Values text", () => {
    const [system, reserved, basic] = instances("get-partition.ps51.json").map((partition) => valueOf(decodePartition(partition)));
    expect(reserved?.["AccessPaths"]).toEqual([null]);
    expect(reserved).toMatchObject({ PartitionNumber: 2, OperationalStatus: 1, MbrType: null, IsHidden: true, DriveLetter: "\u0000" });
    expect(system?.["AccessPaths"]).toEqual(["\\\\?\\Volume{3f1c2b7a-0000-0000-0000-100000000000}\\"]);
    expect(basic).toMatchObject({ DriveLetter: "C", AccessPaths: ["C:\\", "\\\\?\\Volume{9b8e7c6d-0000-0000-0000-300000000000}\\"], Size: 135601586176 });
    // Script properties and newer properties the class does not declare are left out.
    for (const member of ["Type", "DiskPath", "IsDAX"]) expect(basic).not.toHaveProperty(member);
  });
});

describe("64-bit numbers JSON.parse has rounded (Get-NetAdapter Speed)", () => {
  const [connected, disconnected] = instances("get-netadapter-select.ps7.json");

  test("strict by default: the message names the option", () => {
    expect(valueOf(decodeNetAdapter(connected, { partial: true }))).toMatchObject({ Speed: 1000000000, MediaConnectState: 1 });
    expect(errorsOf(decodeNetAdapter(disconnected, { partial: true }))).toEqual([
      {
        path: "Speed",
        expected: 'uint64 as text (a JSON number beyond ±(2^53-1) is already rounded; roundedInt64: "accept" takes it as is)',
        got: "9223372036854776000",
      },
    ]);
  });

  test("roundedInt64: accept takes the value knowingly", () => {
    expect(valueOf(decodeNetAdapter(disconnected, { partial: true, roundedInt64: "accept" }))).toMatchObject({ Speed: 9223372036854775807, MediaConnectState: 2 });
  });
});

describe("the decoders' types", () => {
  test("whole by default, Partial with partial: true or a boolean flag, (T | null)[] arrays: tsc --strict agrees", async () => {
    const consumer = `
import { decodeMSFT_Disk, type MSFT_Disk } from "./root_Microsoft_Windows_Storage/MSFT_Disk.js";
import { decodeMSFT_Partition } from "./root_Microsoft_Windows_Storage/MSFT_Partition.js";
import type { DecodeOptions, DecodeResult } from "./runtime/decode.js";

declare const raw: unknown;
declare const flag: boolean;

const whole: DecodeResult<MSFT_Disk> = decodeMSFT_Disk(raw);
const wholeWithOptions: DecodeResult<MSFT_Disk> = decodeMSFT_Disk(raw, { int64: "number", roundedInt64: "accept" });
const projected = decodeMSFT_Disk(raw, { partial: true });
const either = decodeMSFT_Disk(raw, { partial: flag });
const options: DecodeOptions = {};
const fromOptions = decodeMSFT_Disk(raw, options);

if (whole.ok && wholeWithOptions.ok) {
  const id: string = whole.value.ObjectId;
  void id;
}
if (projected.ok) {
  const id: string | undefined = projected.value.ObjectId;
  // @ts-expect-error a projection may leave the key out
  const key: string = projected.value.ObjectId;
  void id, key;
}
if (either.ok && fromOptions.ok) {
  // @ts-expect-error a boolean flag may mean a projection
  const key: string = either.value.ObjectId;
  // @ts-expect-error so may a DecodeOptions value
  const key2: string = fromOptions.value.ObjectId;
  void key, key2;
}
// @ts-expect-error a partial result is not a whole one
const notWhole: DecodeResult<MSFT_Disk> = projected;

const partitions = decodeMSFT_Partition(raw);
if (partitions.ok) {
  const paths: readonly (string | null)[] | null | undefined = partitions.value.AccessPaths;
  // @ts-expect-error an element may be NULL
  const strings: readonly string[] | null | undefined = partitions.value.AccessPaths;
  void paths, strings;
}
void notWhole;
`;
    writeFileSync(join(outDir, "consumer.ts"), consumer);
    writeFileSync(join(outDir, "package.json"), JSON.stringify({ type: "module" }));
    writeFileSync(
      join(outDir, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          target: "ES2022",
          lib: ["ES2022"],
          types: [],
          module: "NodeNext",
          moduleResolution: "NodeNext",
          exactOptionalPropertyTypes: true,
          noUncheckedIndexedAccess: true,
        },
        include: ["**/*.ts"],
      }),
    );
    const tsc = join(repoRoot, "node_modules/.bin/tsc");
    const result = await promisify(execFile)(tsc, ["-p", join(outDir, "tsconfig.json")]).then(
      () => "",
      (error: { stdout?: string }) => error.stdout ?? String(error),
    );
    expect(result).toBe("");
  }, 120_000);
});
