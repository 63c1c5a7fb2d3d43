/**
 * Generated code shakes: importing one enum or one decoder through an index — the namespace's own, and
 * the root index of this two-namespace output — bundles to about what importing it from its own file
 * does, and pulls in no unrelated class (esbuild --bundle --minify; rollup with default tree-shaking on
 * JavaScript output). SmIscsiTarget fixture, 181 classes in two namespaces.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { bundleCode, entrySource } from "../../bench/consumer-cost.js";
import type { GenerateOptions } from "../../src/emit/generate.js";
import { emitCases, generateCase, writeFiles } from "./helpers/fixtures.js";

const modes: Record<string, { readonly options: GenerateOptions; readonly typescript: boolean; readonly bundlers: readonly ("esbuild" | "rollup")[] }> = {
  "ts, enum": { options: {}, typescript: true, bundlers: ["esbuild"] },
  "ts, const": { options: { enumStyle: "const" }, typescript: true, bundlers: ["esbuild"] },
  "ts, flatten": { options: { flatten: true }, typescript: true, bundlers: ["esbuild"] },
  "js, enum": { options: { emit: "js" }, typescript: false, bundlers: ["esbuild", "rollup"] },
  "js, const": { options: { emit: "js", enumStyle: "const" }, typescript: false, bundlers: ["esbuild", "rollup"] },
};
const namespace = "root_cimv2_storage_iscsitarget";
/** Classes CIM_Synchronized's code does not use: their names must not reach its bundles. */
const unrelated = ["CIM_ComputerSystem", "CIM_ConcreteJob", "MSISCSITARGET_LMMappedDisk", "CIM_StorageSynchronized"];

let root = "";
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "mof2ts-shaking-"));
  const emitCase = emitCases().find((c) => c.name === "smiscsitarget");
  if (emitCase === undefined) throw new Error("missing fixture");
  for (const [name, mode] of Object.entries(modes)) writeFiles(join(root, name.replace(/\W+/g, "-")), await generateCase(emitCase, mode.options));
  writeFileSync(join(root, "package.json"), JSON.stringify({ type: "module" }));
}, 120_000);
afterAll(() => {
  if (root !== "") rmSync(root, { recursive: true, force: true });
});

/** The namespace's own index, and the root index (named re-exports of what only one namespace exports). */
const indexes = { "namespace index": `./${namespace}/index.js`, "root index": "./index.js" };

describe.each(Object.entries(modes))("%s", (name, mode) => {
  const cases = mode.bundlers.flatMap((bundler) =>
    ["CIM_Synchronized_CopyState", "decodeCIM_Synchronized"].flatMap((symbol) => Object.keys(indexes).map((index) => [bundler, symbol, index as keyof typeof indexes] as const)),
  );
  test.each(cases)(
    "%s: %s through the %s costs what its own file costs",
    async (bundler, symbol, index) => {
      const dir = join(root, name.replace(/\W+/g, "-"));
      const request = { dir, bundler, typescript: mode.typescript };
      const direct = await bundleCode({ ...request, source: entrySource(symbol, `./${namespace}/CIM_Synchronized.js`) });
      const viaIndex = await bundleCode({ ...request, source: entrySource(symbol, indexes[index]) });
      for (const cls of unrelated) expect(viaIndex, `${cls} in the bundle`).not.toContain(cls);
      expect(viaIndex.length).toBeLessThanOrEqual(direct.length * 1.1 + 1024);
      // The bundle holds the symbol's own code: a member name of the enum, the decoder's class metadata.
      expect(viaIndex).toContain(symbol === "decodeCIM_Synchronized" ? '"CIM_Synchronized"' : "Failedover");
    },
    60_000,
  );
});

test("the root index's named re-exports are the namespace objects' members; a name both namespaces export is only in them", async () => {
  const index = (await import(pathToFileURL(join(root, "js-enum", "index.js")).href)) as Record<string, Record<string, unknown> | undefined>;
  const own = index[namespace];
  expect(index["CIM_Synchronized_CopyState"]).toBeDefined();
  expect(index["CIM_Synchronized_CopyState"]).toBe(own?.["CIM_Synchronized_CopyState"]);
  expect(index["decodeCIM_Synchronized"]).toBe(own?.["decodeCIM_Synchronized"]);
  // CIM_ManagedElement is declared in both namespaces.
  expect(own?.["CIM_ManagedElementMeta"]).toBeDefined();
  expect(index["root_interop"]?.["CIM_ManagedElementMeta"]).toBeDefined();
  expect(index["CIM_ManagedElementMeta"]).toBeUndefined();
});
