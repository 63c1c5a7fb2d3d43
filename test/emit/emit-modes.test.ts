/**
 * `--emit js` and `--emit types`: the JavaScript output runs in Node as generated (import, decode an
 * instance, value-map and bit-map lookups, enum objects); its declarations give consumer code the same
 * types as the TypeScript output (one consumer file type-checked against both, errors expected where
 * both must reject); and every file of the declarations-only output compiles to empty JavaScript.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { GeneratedFile, GenerateOptions } from "../../src/emit/generate.js";
import { emitCases, generateCase, repoRoot, writeFiles } from "./helpers/fixtures.js";

const run = promisify(execFile);
let root = "";

async function generated(name: string, options: GenerateOptions): Promise<GeneratedFile[]> {
  const emitCase = emitCases().find((c) => c.name === name);
  if (emitCase === undefined) throw new Error(`missing fixture ${name}`);
  return generateCase(emitCase, options);
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "mof2ts-emit-modes-"));
  writeFileSync(join(root, "package.json"), JSON.stringify({ type: "module" }));
});
afterAll(() => {
  if (root !== "") rmSync(root, { recursive: true, force: true });
});

describe("--emit js runs in Node", () => {
  test.each([["enum"], ["const"]] as const)("%s style: decode, value maps, bit maps, instances", async (enumStyle) => {
    const folder = join(root, `run-${enumStyle}`);
    writeFiles(folder, await generated("features", { emit: "js", enumStyle }));
    const gen = (await import(pathToFileURL(join(folder, "index.js")).href)) as Record<string, any>;
    const decoded = gen.decodeTest_Disk({ InstanceID: "d1", Size: "1024", State: 2, Speed: "fast", Features: 9 });
    expect(decoded.ok).toBe(true);
    expect(decoded.value.Size).toBe(1024);
    const failed = gen.decodeTest_Disk({ Size: "big" });
    expect(failed.ok).toBe(false);
    expect(failed.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(["InstanceID", "Size"]));
    expect(gen.Test_Disk_State.Disabled).toBe(2);
    // A numeric TypeScript enum maps values back to names; an as-const object does not.
    expect(gen.Test_Disk_State[2]).toBe(enumStyle === "enum" ? "Disabled" : undefined);
    expect(gen.Test_Disk_Speed.FastMode).toBe("fast");
    expect(gen.Test_Disk_StateValues.label(2)).toBe("Disabled");
    expect(gen.Test_Disk_StateValues.value("Starting")).toBe(3);
    expect(gen.Test_Disk_SpeedValues.label("auto")).toBe("Automatic");
    expect(gen.Test_Disk_Format_ReturnValues.label(40000)).toBe("Vendor Specific");
    expect(gen.Test_Disk_FeaturesBits.flags(9)).toEqual(["Readable", "Removable"]);
    expect(gen.Fast).toEqual({ SettingID: "fast" });
    expect(typeof gen.parseCimDateTime).toBe("function");
  });

  test("single file", async () => {
    const folder = join(root, "run-single");
    writeFiles(folder, await generated("synchronized", { emit: "js", layout: "single", singleFileName: "cim.ts" }));
    const gen = (await import(pathToFileURL(join(folder, "cim.js")).href)) as Record<string, any>;
    expect(gen.CIM_Synchronized_CopyStateValues.label(18)).toBe("DMTF Reserved");
    expect(gen.decodeCIM_Synchronized({ SystemElement: 'CIM_ManagedElement.Name="a"' }).ok).toBe(false);
  });
});

/** Consumer code written against the TypeScript output; it must check the same against the declarations. */
const consumer = `
import {
  CIM_Synchronized_CopyState,
  CIM_Synchronized_CopyStateValues,
  CIM_SynchronizedMeta,
  decodeCIM_Synchronized,
  type CIM_Synchronized,
  type CimClassMeta,
  type CimDateTime,
  type DecodeResult,
} from "./gen/index.js";

const result: DecodeResult<CIM_Synchronized> = decodeCIM_Synchronized({}, { int64: "number" });
if (result.ok) {
  const value: CIM_Synchronized = result.value;
  const state: CIM_Synchronized_CopyState | (number & {}) | null | undefined = value.CopyState;
  const when: CimDateTime | null | undefined = value.WhenSynced;
  void [state, when];
  // @ts-expect-error properties are readonly
  value.CopyState = CIM_Synchronized_CopyState.Broken;
  // @ts-expect-error keys are required
  const partial: CIM_Synchronized = { SyncedElement: value.SyncedElement };
  void partial;
}
const member: CIM_Synchronized_CopyState = CIM_Synchronized_CopyState.Synchronized;
const label: string | undefined = CIM_Synchronized_CopyStateValues.label(member);
const parsed: CIM_Synchronized_CopyState | undefined = CIM_Synchronized_CopyStateValues.value("Broken");
const meta: CimClassMeta = CIM_SynchronizedMeta;
// @ts-expect-error not a value of the map
const wrong: CIM_Synchronized_CopyState = "Synchronized";
// @ts-expect-error the decoder wants options, not a class name
decodeCIM_Synchronized({}, "CIM_Synchronized");
export { label, parsed, meta, wrong };
`;

describe("--emit js declarations type like the TypeScript output", () => {
  test("the same consumer code checks against ts and js output, both enum styles", async () => {
    const folder = join(root, "consumers");
    for (const emit of ["ts", "js"] as const) {
      for (const enumStyle of ["enum", "const"] as const) {
        const project = join(folder, `${emit}-${enumStyle}`);
        writeFiles(join(project, "gen"), await generated("synchronized", { emit, enumStyle }));
        writeFileSync(join(project, "consumer.ts"), consumer);
      }
    }
    const config = join(folder, "tsconfig.json");
    const compilerOptions = { strict: true, noEmit: true, target: "ES2022", lib: ["ES2022"], types: [], module: "NodeNext", moduleResolution: "NodeNext", skipLibCheck: false, exactOptionalPropertyTypes: true, noUncheckedIndexedAccess: true };
    writeFileSync(config, JSON.stringify({ compilerOptions, include: ["**/*.ts"] }));
    writeFileSync(join(folder, "package.json"), JSON.stringify({ type: "module" }));
    const tsc = join(repoRoot, "node_modules/.bin/tsc");
    const outcome = await run(process.execPath, [tsc, "-p", config, "--pretty", "false"]).then(
      () => "",
      (error: { stdout?: string }) => String(error.stdout ?? error),
    );
    expect(outcome).toBe("");
  }, 300_000);
});

describe("--emit js declarations are complete", () => {
  // A builder that adds a constant without a type annotation must give print.ts its declared type.
  test.each(emitCases().filter((c) => c.name !== "smiscsitarget").map((c) => [c.name]))("%s: every constant has its type", async (name) => {
    for (const enumStyle of ["enum", "const"] as const) {
      const declarations = (await generated(name, { emit: "js", enumStyle })).filter((f) => f.path.endsWith(".d.ts") && !f.path.startsWith("runtime/"));
      for (const file of declarations) expect(file.text, file.path).not.toMatch(/declare const [\w$]+: unknown;/);
    }
  });
});

describe("--emit types", () => {
  test("every file compiles to empty JavaScript; value maps are literal unions", async () => {
    const files = await generated("features", { emit: "types" });
    expect(files.some((f) => f.path.endsWith(".js"))).toBe(false);
    for (const file of files.filter((f) => f.path.endsWith(".ts") && !f.path.endsWith(".d.ts"))) {
      const js = ts.transpileModule(file.text, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, removeComments: true, verbatimModuleSyntax: true } }).outputText;
      expect(js.replace(/^\/\/.*\n/gm, "").trim(), file.path).toMatch(/^(export \{\};)?$/);
    }
    const disk = files.find((f) => f.path === "Test_Disk.ts")?.text ?? "";
    expect(disk).toContain('export type Test_Disk_Speed = "fast" | "slow" | "auto";');
    expect(disk).toContain(' * - `"slow"`: Slow mode');
    expect(disk).not.toMatch(/defineValueMap|decodeTest_Disk|Meta\b/);
  });
});
