/**
 * Generated code compiles under `tsc --strict --noEmit`: every fixture case, in both enum styles, with
 * and without flatten, in the single-file layout, with bigint/string int64 and in every --emit mode, under
 * moduleResolution NodeNext and Bundler; the const style also under erasableSyntaxOnly.
 * One tsc run per configuration over all variants (each variant is its own folder).
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { GenerateOptions } from "../../src/emit/generate.js";
import { emitCases, generateCase, repoRoot, writeFiles, WSMAN_OPTIONS } from "./helpers/fixtures.js";

const run = promisify(execFile);
const tsc = join(repoRoot, "node_modules/.bin/tsc");

const variants: Record<string, GenerateOptions> = {
  enum: {},
  const: { enumStyle: "const" },
  "enum-flatten": { flatten: true },
  "const-flatten": { enumStyle: "const", flatten: true },
  single: { layout: "single" },
  "int64-bigint": { int64: "bigint" },
  "int64-string": { int64: "string", enumStyle: "const" },
  // --emit js: the .d.ts files are checked (skipLibCheck off); --emit types: declarations only.
  js: { emit: "js" },
  "js-const": { emit: "js", enumStyle: "const" },
  "js-single": { emit: "js", layout: "single" },
  types: { emit: "types" },
  "types-single": { emit: "types", layout: "single" },
};
/** `--binding wsman` variants, for the case whose prefixes all have resource URIs. */
const wsmanVariants: Record<string, GenerateOptions> = {
  wsman: WSMAN_OPTIONS,
  "wsman-const": { ...WSMAN_OPTIONS, enumStyle: "const" },
  "wsman-single": { ...WSMAN_OPTIONS, layout: "single" },
  "wsman-int64-bigint": { ...WSMAN_OPTIONS, int64: "bigint", flatten: true },
  // The binding's request builders and readers as JavaScript plus declarations.
  "wsman-js": { ...WSMAN_OPTIONS, emit: "js" },
};

let root = "";

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "mof2ts-typecheck-"));
  writeFileSync(join(root, "package.json"), JSON.stringify({ type: "module" }));
  for (const emitCase of emitCases()) {
    // The large SmIscsiTarget case runs in the variants that differ most; the small cases in all.
    const names = emitCase.name === "smiscsitarget" ? ["enum", "const-flatten", "single", "js", "types"] : Object.keys(variants);
    const all = emitCase.name === "wsman" ? { ...variants, ...wsmanVariants } : variants;
    for (const [variant, options] of Object.entries(all).filter(([name]) => names.includes(name) || (emitCase.name === "wsman" && name in wsmanVariants))) {
      writeFiles(join(root, `${emitCase.name}.${variant}`), await generateCase(emitCase, options));
    }
  }
}, 600_000);

afterAll(() => {
  if (root !== "") rmSync(root, { recursive: true, force: true });
});

const strict = {
  strict: true,
  noEmit: true,
  target: "ES2022",
  lib: ["ES2022"],
  types: [],
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  noImplicitOverride: true,
  noUnusedLocals: true,
  isolatedModules: true,
  verbatimModuleSyntax: true,
  skipLibCheck: false,
};

/**
 * The --binding wsman output ships the response readers, which import saxes: the copies outside the
 * repository find its types here. saxes 6's own declarations do not pass `skipLibCheck: false` under
 * `strict` (the README says so), so errors inside them are set aside; errors anywhere else fail.
 */
const SAXES_PATHS = { saxes: [join(repoRoot, "node_modules/saxes/saxes.d.ts")] };

async function typecheck(name: string, compilerOptions: Record<string, unknown>, include: string[]): Promise<void> {
  const config = join(root, `tsconfig.${name}.json`);
  writeFileSync(config, JSON.stringify({ compilerOptions: { ...strict, paths: SAXES_PATHS, ...compilerOptions }, include }));
  try {
    await run(process.execPath, [tsc, "-p", config, "--pretty", "false"], { maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const output = error instanceof Error && "stdout" in error ? String(error.stdout) : String(error);
    const ours = output.split("\n").filter((line) => /error TS\d+/.test(line) && !line.includes("node_modules/saxes/"));
    if (ours.length > 0 || !/error TS\d+/.test(output)) expect.fail(`tsc (${name}) reported errors:\n${(ours.length > 0 ? ours.join("\n") : output).slice(0, 20_000)}`);
  }
}

describe("generated code type-checks with tsc --strict", () => {
  test("moduleResolution NodeNext, all variants", async () => {
    await typecheck("nodenext", { module: "NodeNext", moduleResolution: "NodeNext" }, ["**/*.ts"]);
  }, 600_000);

  test("moduleResolution Bundler, all variants", async () => {
    await typecheck("bundler", { module: "ESNext", moduleResolution: "Bundler" }, [
      "*.enum/**/*.ts",
      "*.single/**/*.ts",
      "*.js/**/*.ts",
      "*.types/**/*.ts",
      "*.wsman/**/*.ts",
      "*.wsman-single/**/*.ts",
      "*.wsman-js/**/*.ts",
    ]);
  }, 600_000);

  test("const enum style under erasableSyntaxOnly", async () => {
    await typecheck("erasable", { module: "NodeNext", moduleResolution: "NodeNext", erasableSyntaxOnly: true }, [
      "*.const/**/*.ts",
      "*.const-flatten/**/*.ts",
      "*.int64-string/**/*.ts",
      "*.types/**/*.ts",
      "*.types-single/**/*.ts",
      "*.wsman-const/**/*.ts",
    ]);
  }, 600_000);
});
