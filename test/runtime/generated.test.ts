/**
 * The runtime helpers as generated code uses them: the emitter's CIM_Synchronized fixture (the seed
 * page's class) is generated into test/runtime/__output__/, then imported and exercised, so the
 * helpers and the code that calls them are tested together (enum and const styles, single file).
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DecodeResult } from "../../templates/runtime/decode.js";
import type { ValueMapHelpers } from "../../templates/runtime/value-map.js";
import { emitCases, generateCase, repoRoot, writeFiles } from "../emit/helpers/fixtures.js";

const outputRoot = join(repoRoot, "test/runtime/__output__");
type Module = Readonly<Record<string, unknown>>;
const modules = new Map<string, Module>();

const VARIANTS = {
  enum: { entry: "CIM_Synchronized.ts", options: {} },
  const: { entry: "CIM_Synchronized.ts", options: { enumStyle: "const" } },
  single: { entry: "synchronized.ts", options: { layout: "single", singleFileName: "synchronized.ts" } },
} as const;

beforeAll(async () => {
  const synchronized = emitCases().find((emitCase) => emitCase.name === "synchronized");
  if (synchronized === undefined) throw new Error("fixtures/emit/synchronized is missing");
  for (const [variant, { entry, options }] of Object.entries(VARIANTS)) {
    const folder = join(outputRoot, variant);
    writeFiles(folder, await generateCase(synchronized, options));
    // A variable specifier keeps tsc from resolving generated files at type-check time.
    const loaded: unknown = await import(/* @vite-ignore */ pathToFileURL(join(folder, entry)).href);
    modules.set(variant, loaded as Module);
  }
}, 120_000);

afterAll(() => {
  rmSync(outputRoot, { recursive: true, force: true });
});

function exported(variant: string, name: string): unknown {
  const value = modules.get(variant)?.[name];
  if (value === undefined) throw new Error(`${variant}: ${name} is not exported`);
  return value;
}

function valueMap(variant: string, name: string): ValueMapHelpers<number> {
  const helpers = exported(variant, name);
  if (typeof helpers !== "object" || helpers === null || !("label" in helpers)) throw new Error(`${name} is not a value map`);
  return helpers as ValueMapHelpers<number>;
}

function decoder(variant: string): (raw: unknown) => DecodeResult<Readonly<Record<string, unknown>>> {
  const decode = exported(variant, "decodeCIM_Synchronized");
  if (typeof decode !== "function") throw new Error("decodeCIM_Synchronized is not a function");
  return (raw) => decode(raw) as DecodeResult<Readonly<Record<string, unknown>>>;
}

describe.each(Object.keys(VARIANTS))("generated CIM_Synchronized (%s)", (variant) => {
  it("answers the seed page's CopyState questions", () => {
    const copyState = valueMap(variant, "CIM_Synchronized_CopyStateValues");
    expect(copyState.label(18)).toBe("DMTF Reserved");
    expect(copyState.label(40000)).toBe("Vendor Specific");
    expect(copyState.label(4)).toBe("Synchronized");
    expect(copyState.value("Synchronized")).toBe(4);
    expect(copyState.value("Not Applicable")).toBe(15);
    expect(copyState.value("NotApplicable")).toBe(15);
    expect(copyState.is(15)).toBe(true);
    expect(copyState.isReserved(18)).toBe(true);
    expect(copyState.isVendor(40000)).toBe(true);
  });

  it("keeps the enum and the helpers consistent", () => {
    const members = exported(variant, "CIM_Synchronized_CopyState");
    expect(members).toMatchObject({ Synchronized: 4, NotApplicable: 15, Failedover: 10 });
    const progress = valueMap(variant, "CIM_Synchronized_ProgressStatusValues");
    expect(progress.label(11)).toBe("Failing over");
    expect(progress.value("FailingOver")).toBe(11);
  });

  it("decodes PowerShell-style JSON and reports every error", () => {
    const decode = decoder(variant);
    const good = decode({
      SystemElement: 'root/cimv2:CIM_StorageVolume.DeviceID="v1"',
      SyncedElement: { DeviceID: "v2", CimSystemProperties: { ClassName: "CIM_StorageVolume", Namespace: "root/cimv2" } },
      copystate: "4",
      WhenSynced: "/Date(1697105410000)/",
      RequestedCopyState: null,
      PSComputerName: "srv",
    });
    expect(good.ok ? [] : good.errors).toEqual([]);
    if (good.ok) {
      expect(good.value["CopyState"]).toBe(4);
      expect(good.value["RequestedCopyState"]).toBeNull();
      expect(good.value["SyncedElement"]).toMatchObject({ className: "CIM_StorageVolume", keys: { DeviceID: "v2" } });
      expect(good.value["WhenSynced"]).toMatchObject({ kind: "timestamp", year: 2023, hour: 10 });
    }
    const bad = decode({ SyncedElement: "A.K=1", CopyState: 70000, SyncMaintained: "maybe" });
    expect(bad.ok ? [] : bad.errors.map((error) => error.path)).toEqual(["SystemElement", "SyncMaintained", "CopyState"]);
  });
});
