/**
 * The root index's named re-exports: what only one namespace exports, values and types apart, names
 * several namespaces (or a namespace object) share left out, sorted.
 */
import { describe, expect, test } from "vitest";
import { FAST_MORPH_ENUMS } from "../../src/emit/print.js";
import { rootNamedExports, type NamespaceExports } from "../../src/emit/root-index.js";

const namespace = (folder: string, values: string[], types: string[]): NamespaceExports => ({
  specifier: `./${folder}/index.js`,
  names: { values: new Set(values), types: new Set(types) },
});

const namespaces = [
  // Test_Enum is an enum: a value and a type of one name.
  namespace("root_a", ["decodeTest_A", "Test_Enum", "decodeShared", "root_b"], ["Test_A", "Test_Enum", "Shared"]),
  namespace("root_b", ["decodeTest_B", "decodeShared"], ["Test_B", "Shared"]),
];
const summary = (typesOnly: boolean) =>
  rootNamedExports(namespaces, new Set(["root_a", "root_b"]), typesOnly, FAST_MORPH_ENUMS).map((s) => ({ from: s.moduleSpecifier, type: s.isTypeOnly, names: s.namedExports }));

describe("rootNamedExports", () => {
  test("values by `export`, types by `export type`, shared and namespace names left out, sorted", () => {
    expect(summary(false)).toEqual([
      { from: "./root_a/index.js", type: false, names: ["Test_Enum", "decodeTest_A"] },
      { from: "./root_a/index.js", type: true, names: ["Test_A"] },
      { from: "./root_b/index.js", type: false, names: ["decodeTest_B"] },
      { from: "./root_b/index.js", type: true, names: ["Test_B"] },
    ]);
  });

  test("--emit types: one `export type` per namespace", () => {
    expect(summary(true)).toEqual([
      { from: "./root_a/index.js", type: true, names: ["Test_A", "Test_Enum", "decodeTest_A"] },
      { from: "./root_b/index.js", type: true, names: ["Test_B", "decodeTest_B"] },
    ]);
  });
});
