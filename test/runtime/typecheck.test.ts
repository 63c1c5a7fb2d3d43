/**
 * templates/runtime/*.ts are copied verbatim into users' projects, so they must compile under the
 * strictest settings users are likely to have, without Node types (no `node:` imports), under both
 * NodeNext and Bundler resolution, with erasableSyntaxOnly, and also concatenated into one file (the
 * single-file layout inlines them).
 *
 * The response readers import saxes, whose own declarations (saxes 6.0.0) do not pass
 * `skipLibCheck: false` under `strict`: errors inside node_modules/saxes are set aside (the README
 * tells users), errors anywhere else fail.
 */
import { execFile } from "node:child_process";
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RUNTIME_MODULES } from "../../src/emit/runtime-files.js";

const run = promisify(execFile);
const root = fileURLToPath(new URL("../..", import.meta.url));
const runtimeDir = join(root, "templates/runtime");
const tsc = join(root, "node_modules/typescript/bin/tsc");
/** Where copies outside the repository find saxes' types. */
const SAXES_PATHS = { saxes: [join(root, "node_modules/saxes/saxes.d.ts")] };

const STRICTEST = {
  strict: true,
  target: "ES2020",
  lib: ["ES2020"],
  types: [],
  noEmit: true,
  erasableSyntaxOnly: true,
  verbatimModuleSyntax: true,
  isolatedModules: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  noPropertyAccessFromIndexSignature: true,
  noImplicitReturns: true,
  noImplicitOverride: true,
  noFallthroughCasesInSwitch: true,
  noUnusedLocals: true,
  noUnusedParameters: true,
  skipLibCheck: false,
};

let work = "";
let runtimeFiles: string[] = [];

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "mof2ts-runtime-"));
  runtimeFiles = (await readdir(runtimeDir)).filter((name) => name.endsWith(".ts")).sort();
  // The inlined copy lives here; NodeNext treats .ts files as ES modules only under "type": "module".
  await writeFile(join(work, "package.json"), JSON.stringify({ type: "module" }));
});

afterAll(async () => {
  if (work !== "") await rm(work, { recursive: true, force: true });
});

/** Runs tsc on a generated tsconfig; resolves with exit code and output (tsc reports errors on stdout). */
async function typecheck(name: string, compilerOptions: Record<string, unknown>, files: readonly string[]) {
  const project = join(work, name + ".json");
  await writeFile(project, JSON.stringify({ compilerOptions, files }));
  try {
    const { stdout } = await run(process.execPath, [tsc, "-p", project], { cwd: work });
    return { code: 0, output: stdout };
  } catch (error) {
    const failure = error as { code?: number; stdout?: string };
    return { code: failure.code ?? -1, output: failure.stdout ?? String(error) };
  }
}

/** tsc's error lines, less those inside saxes' own declarations. */
function ourErrors(output: string): string[] {
  return output.split("\n").filter((line) => /error TS\d+/.test(line) && !line.includes("node_modules/saxes/"));
}

describe("templates/runtime type-checks as shipped", () => {
  it("ships the listed modules and the index", () => {
    expect(runtimeFiles).toEqual(["index.ts", ...RUNTIME_MODULES.map((module) => module + ".ts")].sort());
  });

  it("compiles under the strictest settings with NodeNext resolution, declarations included", async () => {
    // Declaration emit also catches exported types that refer to private names (TS4xxx).
    const files = runtimeFiles.map((file) => join(runtimeDir, file));
    const options = { ...STRICTEST, noEmit: false, declaration: true, emitDeclarationOnly: true, outDir: join(work, "d") };
    const result = await typecheck("nodenext", { ...options, module: "NodeNext", moduleResolution: "NodeNext" }, files);
    expect(ourErrors(result.output)).toEqual([]);
  });

  it("compiles under the strictest settings with Bundler resolution", async () => {
    const files = runtimeFiles.map((file) => join(runtimeDir, file));
    const result = await typecheck("bundler", { ...STRICTEST, module: "ESNext", moduleResolution: "Bundler" }, files);
    expect(ourErrors(result.output)).toEqual([]);
  });

  it("compiles when every module is inlined into one file (single-file layout)", async () => {
    const texts = await Promise.all(RUNTIME_MODULES.map((module) => readFile(join(runtimeDir, module + ".ts"), "utf8")));
    const inlined = texts.map((text) => text.replace(/^import[^;]*?from\s+"\.\/[\w-]+\.js";\n/gms, "")).join("\n");
    const file = join(work, "inlined.ts");
    await writeFile(file, inlined);
    const result = await typecheck("inlined", { ...STRICTEST, module: "NodeNext", moduleResolution: "NodeNext", paths: SAXES_PATHS }, [file]);
    expect(ourErrors(result.output)).toEqual([]);
  });

  it("types references and value maps as generated code and users need them", async () => {
    // Compile-time expectations: each @ts-expect-error must hit an error, everything else must pass.
    const usage = [
      'import { parseObjectPath, type CimReference } from "./runtime/reference.js";',
      'import { defineValueMap } from "./runtime/value-map.js";',
      "declare const parsed: CimReference;",
      'const typed: CimReference<"CIM_ManagedElement"> = parsed;',
      "const back: CimReference = typed;",
      '// @ts-expect-error -- references to unrelated target classes do not mix',
      'const other: CimReference<"CIM_Other"> = typed;',
      'const literal = { className: "CIM_StorageVolume", keys: { DeviceID: "v1" } } satisfies CimReference<"CIM_ManagedElement">;',
      "const maybe = parseObjectPath('A.K=1');",
      'const Mode = { Sync: 2, Async: 3 } as const;',
      "type Mode = (typeof Mode)[keyof typeof Mode];",
      'const modes = defineValueMap<Mode>({ name: "Mode", values: [[Mode.Sync, "Synchronous"], [Mode.Async, "Asynchronous"]], ranges: [] });',
      "const raw: unknown = 2;",
      "const narrowed: Mode | undefined = modes.is(raw) ? raw : modes.value(\"Asynchronous\");",
      "// @ts-expect-error -- only members of the map are values",
      'const wrong = defineValueMap<Mode>({ name: "Mode", values: [[4, "Four"]], ranges: [] });',
      "export { back, other, literal, maybe, narrowed, wrong };",
    ].join("\n");
    const runtimeCopy = join(work, "usage/runtime");
    await mkdir(runtimeCopy, { recursive: true });
    for (const file of runtimeFiles) await copyFile(join(runtimeDir, file), join(runtimeCopy, file));
    await writeFile(join(work, "usage/usage.ts"), usage);
    const files = [join(work, "usage/usage.ts")];
    const result = await typecheck("usage", { ...STRICTEST, module: "NodeNext", moduleResolution: "NodeNext" }, files);
    expect(result.output).toBe("");
    expect(result.code).toBe(0);
  });

  // Enums, namespaces and parameter properties are already refused by erasableSyntaxOnly above.
  it("imports only sibling runtime modules (and saxes, in xml-tree.ts only) and never uses `any`", async () => {
    for (const file of runtimeFiles) {
      const text = await readFile(join(runtimeDir, file), "utf8");
      expect(text, file).not.toMatch(/from\s+"node:/);
      const code = text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
      expect(code, file).not.toMatch(/:\s*any\b|<any>|as any\b/);
      const outside = [...text.matchAll(/^import[^;]*from\s+"([^"]+)"/gm)].map((m) => m[1]).filter((from) => !/^\.\/[\w-]+\.js$/.test(from ?? ""));
      expect(outside, file).toEqual(file === "xml-tree.ts" ? ["saxes"] : []);
    }
  });
});
