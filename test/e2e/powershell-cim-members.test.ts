/**
 * How the generated decoders read PowerShell's CimInstance members: a .NET serializer's output where the
 * values are only in `CimInstanceProperties` (Ansible's module output), and what `ConvertTo-Json`
 * prints for instances past its `-Depth` (5.1's `{ CimClass, CimInstanceProperties: "…" }` objects and
 * `ToString()` strings). Decoded by the code the built CLI generates from fixtures/powershell/storage.mof
 * and tasks.mof. Output goes to test/e2e/__output__/ (git-ignored); needs `npm run build`.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { type Decoder, errorsOf, generateWithCli, loadDecoder, repoRoot, valueOf } from "./helpers.js";

const outDir = join(repoRoot, "test/e2e/__output__/powershell-cim-members");

let decodePartition: Decoder;
let decodeTask: Decoder;

function fixture(file: string): unknown {
  return JSON.parse(readFileSync(join(repoRoot, "fixtures/powershell", file), "utf8")) as unknown;
}

const CUT = "(ConvertTo-Json cut it off at its -Depth: print with a larger -Depth, or decode with partial: true to leave it out)";

beforeAll(async () => {
  generateWithCli("fixtures/powershell/storage.mof", join(outDir, "storage"));
  generateWithCli("fixtures/powershell/tasks.mof", join(outDir, "tasks"));
  decodePartition = await loadDecoder(join(outDir, "storage/root_Microsoft_Windows_Storage"), "MSFT_Partition.ts", "decodeMSFT_Partition");
  decodeTask = await loadDecoder(join(outDir, "tasks"), "MSFT_ScheduledTask.ts", "decodeMSFT_ScheduledTask");
}, 120_000);

describe("values only in CimInstanceProperties (a .NET serializer's output)", () => {
  test("the { Name, Value } entries are the instance's properties, checked as usual", () => {
    const partition = valueOf(decodePartition(fixture("get-partition.ansible.json")));
    expect(partition).toMatchObject({ DiskNumber: 1, PartitionNumber: 2, DriveLetter: "E", OperationalStatus: 1, MbrType: null, Size: 2000263577600 });
    expect(partition["AccessPaths"]).toEqual(["E:\\", "\\\\?\\Volume{5e1f0a2b-0000-0000-0000-200000000000}\\"]);
    expect(String(partition["ObjectId"])).toContain("WSP_Partition.ObjectId=");
    expect(partition).not.toHaveProperty("IsDAX");
  });

  test("a member at the top level wins over the list, and a bad value in the list is still an error", () => {
    const bag = fixture("get-partition.ansible.json") as Record<string, unknown>;
    expect(valueOf(decodePartition({ ...bag, DiskNumber: 7 }))).toMatchObject({ DiskNumber: 7 });
    const list = bag["CimInstanceProperties"] as readonly Record<string, unknown>[];
    const broken = { ...bag, CimInstanceProperties: list.map((entry) => (entry["Name"] === "Size" ? { ...entry, Value: -1 } : entry)) };
    expect(errorsOf(decodePartition(broken))).toEqual([{ path: "Size", expected: "uint64 (0..18446744073709551615)", got: "-1" }]);
  });
});

describe("instances ConvertTo-Json cut off at its -Depth", () => {
  test("5.1 default depth: each cut value is an error that says so; nothing is guessed from the text", () => {
    expect(errorsOf(decodeTask(fixture("get-scheduledtask.ps51.json")))).toEqual([
      { path: "Actions[0]", expected: "embedded instance of MSFT_TaskAction " + CUT, got: '"MSFT_TaskExecAction"' },
      { path: "Principal", expected: "embedded instance of MSFT_TaskPrincipal " + CUT, got: "object {CimClass, CimInstanceProperties, CimSystemProperties}" },
      { path: "Triggers[0]", expected: "embedded instance of MSFT_TaskTrigger " + CUT, got: '"MSFT_TaskDailyTrigger"' },
    ]);
  });

  test("with partial, a cut value is left out like any property ConvertTo-Json did not print", () => {
    expect(valueOf(decodeTask(fixture("get-scheduledtask.ps51.json"), { partial: true }))).toEqual({
      TaskName: "Nightly Backup",
      TaskPath: "\\Ops\\",
      Author: "HOST01\\Operator",
      State: 3,
    });
  });

  test("ToString() forms with keys and .NET type names count as cut too", () => {
    const errors = errorsOf(decodeTask({ TaskName: "t", TaskPath: "\\", Principal: 'MSFT_TaskPrincipal2 (Id = "Author")', Actions: ["Microsoft.Management.Infrastructure.CimInstance"] }));
    expect(errors.map((error) => [error.path, error.expected.endsWith(CUT)])).toEqual([
      ["Actions[0]", true],
      ["Principal", true],
    ]);
  });

  test("a whole instance that was cut off is an error even with partial, and partial does not hide other text", () => {
    const principal = (fixture("get-scheduledtask.ps51.json") as Record<string, unknown>)["Principal"];
    expect(errorsOf(decodeTask(principal, { partial: true }))).toEqual([
      {
        path: "",
        expected: "MSFT_ScheduledTask instance (an object) (ConvertTo-Json cut it off at its -Depth: print with a larger -Depth)",
        got: "object {CimClass, CimInstanceProperties, CimSystemProperties}",
      },
    ]);
    expect(errorsOf(decodeTask({ Principal: "<INSTANCE/>" }, { partial: true }))).toEqual([
      { path: "Principal", expected: "MSFT_TaskPrincipal instance (an object)", got: '"<INSTANCE/>"' },
    ]);
  });

  test("7 with a larger -Depth: embedded instances decode whole, as the declared class, CimInstance members ignored", () => {
    const task = valueOf(decodeTask(fixture("get-scheduledtask.ps7.json")));
    expect(task).toEqual({
      TaskName: "Nightly Backup",
      TaskPath: "\\Ops\\",
      // EmbeddedInstance("MSFT_TaskAction"): what only the subclass MSFT_TaskExecAction declares is left out.
      Actions: [{ Id: null }],
      Principal: { Id: "Author", GroupId: null, UserId: "Operator", LogonType: 1, RunLevel: 1 },
      Triggers: [{ Enabled: true, StartBoundary: "2026-01-05T02:30:00" }],
      Author: "HOST01\\Operator",
      State: 3,
    });
  });
});
