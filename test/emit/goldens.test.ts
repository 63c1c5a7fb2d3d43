/**
 * Golden output: every fixture case, generated with default options (runtime copies left out: they are
 * templates/runtime/*.ts verbatim), must match its expected/ folder. Update with `vitest -u`.
 * The synchronized case also has goldens for the const enum style, the features case for flatten, the
 * wsman case for `--binding wsman`, and the synchronized, features and namespaces cases for `--emit js` and
 * `--emit types`.
 * (The single-file layout inlines the runtime templates, so it is type-checked, not golden-tested.)
 */
import { readdirSync, existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import type { GenerateOptions } from "../../src/emit/generate.js";
import { emitCases, generateCase, repoRoot, WSMAN_OPTIONS, type EmitCase } from "./helpers/fixtures.js";

const variants: { readonly folder: string; readonly options: GenerateOptions; readonly only?: string }[] = [
  { folder: "expected", options: {} },
  { folder: "expected-const", options: { enumStyle: "const" }, only: "synchronized" },
  { folder: "expected-flatten", options: { flatten: true }, only: "features" },
  { folder: "expected-wsman", options: WSMAN_OPTIONS, only: "wsman" },
  // --emit js (a .js and a .d.ts per module) and --emit types (declarations only).
  { folder: "expected-js", options: { emit: "js" }, only: "synchronized" },
  { folder: "expected-js-const", options: { emit: "js", enumStyle: "const" }, only: "synchronized" },
  { folder: "expected-types", options: { emit: "types" }, only: "synchronized" },
  { folder: "expected-js", options: { emit: "js" }, only: "features" },
  { folder: "expected-types", options: { emit: "types" }, only: "features" },
  // Several namespaces: the root index's named re-exports (values only in .js, all type-only in types).
  { folder: "expected-js", options: { emit: "js" }, only: "namespaces" },
  { folder: "expected-types", options: { emit: "types" }, only: "namespaces" },
];

function listFiles(folder: string, prefix = ""): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(folder, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
  );
}

describe.each(emitCases())("golden output of $name", (emitCase: EmitCase) => {
  for (const variant of variants.filter((v) => v.only === undefined || v.only === emitCase.name)) {
    const folder = emitCase.expected.replace(/expected$/, variant.folder);
    test(variant.folder, async () => {
      const files = await generateCase(emitCase, variant.options);
      const generated = files.filter((file) => !file.path.startsWith("runtime/") && !/(^|\/)runtime\//.test(file.path));
      for (const file of generated) await expect(file.text).toMatchFileSnapshot(join(repoRoot, folder, file.path));
      // No stale goldens: the expected folder holds exactly the generated files.
      const expectedFiles = listFiles(join(repoRoot, folder)).sort();
      if (expectedFiles.length > 0) expect(expectedFiles).toEqual(generated.map((f) => f.path).sort());
    });
  }
});
