/**
 * The generated helpers work at run time: generate the synchronized fixture (both enum styles) into
 * test/emit/__output__/ (git-ignored), import it, and use CopyState as a user would.
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, test } from "vitest";
import { emitCases, generateCase, repoRoot, writeFiles } from "./helpers/fixtures.js";

interface ValueMapHelpers {
  label(value: number | null | undefined): string | undefined;
  value(text: string): number | undefined;
  is(value: unknown): boolean;
  isReserved(value: number): boolean;
  isVendor(value: number): boolean;
  entries(): readonly (readonly [number, string])[];
}

interface GeneratedModule {
  readonly CIM_Synchronized_CopyState: Record<string, number>;
  readonly CIM_Synchronized_CopyStateValues: ValueMapHelpers;
  readonly CIM_Synchronized_SyncTypeValues: ValueMapHelpers;
  readonly CIM_SynchronizedMeta: { readonly name: string; readonly keys: readonly string[]; readonly properties: Record<string, { readonly type: string }> };
  decodeCIM_Synchronized(raw: unknown): { readonly ok: boolean; readonly value?: Record<string, unknown>; readonly errors?: readonly { readonly path: string }[] };
}

const modules = new Map<string, GeneratedModule>();

beforeAll(async () => {
  const emitCase = emitCases().find((c) => c.name === "synchronized");
  if (emitCase === undefined) throw new Error("fixtures/emit/synchronized is missing");
  for (const enumStyle of ["enum", "const"] as const) {
    const folder = join(repoRoot, "test/emit/__output__", `runtime-${enumStyle}`);
    writeFiles(folder, await generateCase(emitCase, { enumStyle }));
    modules.set(enumStyle, (await import(pathToFileURL(join(folder, "CIM_Synchronized.ts")).href)) as GeneratedModule);
  }
}, 120_000);

describe.each(["enum", "const"])("generated CIM_Synchronized helpers (%s style)", (style) => {
  const mod = (): GeneratedModule => {
    const m = modules.get(style);
    if (m === undefined) throw new Error("not generated");
    return m;
  };

  test("enum members carry the ValueMap values", () => {
    expect(mod().CIM_Synchronized_CopyState.Synchronized).toBe(4);
    expect(mod().CIM_Synchronized_CopyState.NotApplicable).toBe(15);
    expect(mod().CIM_Synchronized_CopyState.Failedover).toBe(10);
  });

  test("value -> Values text, ranges included", () => {
    const copyState = mod().CIM_Synchronized_CopyStateValues;
    expect(copyState.label(4)).toBe("Synchronized");
    expect(copyState.label(15)).toBe("Not Applicable");
    expect(copyState.label(18)).toBe("DMTF Reserved");
    expect(copyState.label(40000)).toBe("Vendor Specific");
    expect(copyState.label(1)).toBeUndefined();
    expect(copyState.label(null)).toBeUndefined();
  });

  test("text -> value, type guard, reserved and vendor tests", () => {
    const copyState = mod().CIM_Synchronized_CopyStateValues;
    expect(copyState.value("Not Applicable")).toBe(15);
    expect(copyState.value("NotApplicable")).toBe(15);
    expect(copyState.value("No such state")).toBeUndefined();
    expect(copyState.is(4)).toBe(true);
    expect(copyState.is(18)).toBe(false);
    expect(copyState.isReserved(18)).toBe(true);
    expect(copyState.isVendor(40000)).toBe(true);
    expect(copyState.isVendor(18)).toBe(false);
    expect(copyState.entries()).toHaveLength(16);
    const syncType = mod().CIM_Synchronized_SyncTypeValues;
    expect(syncType.label(3)).toBe("DMTF Reserved");
    expect(syncType.label(7)).toBe("Snapshot");
  });

  test("metadata and decoder", () => {
    expect(mod().CIM_SynchronizedMeta.keys).toEqual(["SystemElement", "SyncedElement"]);
    expect(mod().CIM_SynchronizedMeta.properties.CopyState?.type).toBe("uint16");
    const decoded = mod().decodeCIM_Synchronized({
      SystemElement: 'CIM_ManagedElement.InstanceID="a"',
      SyncedElement: 'CIM_ManagedElement.InstanceID="b"',
      CopyState: "4",
      WhenSynced: "20240102030405.000000+000",
      FailedCopyStopsHostIO: false,
    });
    expect(decoded.ok).toBe(true);
    expect(decoded.value?.CopyState).toBe(4);
    const failed = mod().decodeCIM_Synchronized({ CopyState: "not a number" });
    expect(failed.ok).toBe(false);
    expect(failed.errors?.map((e) => e.path)).toEqual(expect.arrayContaining(["SystemElement", "SyncedElement", "CopyState"]));
  });
});

describe("int64 representation reaches the decoder", () => {
  test("with int64: bigint, a generated decoder returns exact 64-bit values", async () => {
    const emitCase = emitCases().find((c) => c.name === "features");
    if (emitCase === undefined) throw new Error("fixtures/emit/features is missing");
    const folder = join(repoRoot, "test/emit/__output__", "runtime-bigint");
    writeFiles(folder, await generateCase(emitCase, { int64: "bigint" }));
    const mod = (await import(pathToFileURL(join(folder, "Test_Disk.ts")).href)) as {
      decodeTest_Disk(raw: unknown): { readonly ok: boolean; readonly value?: Record<string, unknown> };
    };
    const decoded = mod.decodeTest_Disk({ InstanceID: "disk-1", Size: "18446744073709551615", Offset: -5 });
    expect(decoded.ok).toBe(true);
    expect(decoded.value?.Size).toBe(18446744073709551615n);
    expect(decoded.value?.Offset).toBe(-5n);
  });
});
