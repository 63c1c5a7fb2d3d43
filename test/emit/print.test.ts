/**
 * The fast printer is exact: for every fixture case and option variant, its output is byte-identical
 * to the reference path (ts-morph's printer, then prettier with the pinned options on every file).
 */
import { StructureKind, VariableDeclarationKind } from "ts-morph";
import { describe, expect, test } from "vitest";
import type { GenerateOptions } from "../../src/emit/generate.js";
import { FAST_MORPH_ENUMS, STATEMENT_KINDS } from "../../src/emit/print.js";
import { printDoc, group, indent, line, softline, ifBreak, conditionalGroup } from "../../src/emit/doc.js";
import { emitCases, generateCase } from "./helpers/fixtures.js";

test("the fast printer's StructureKind values are ts-morph's", () => {
  for (const [name, value] of Object.entries(STATEMENT_KINDS)) expect(value).toBe(StructureKind[name as keyof typeof STATEMENT_KINDS]);
  expect(FAST_MORPH_ENUMS.VariableDeclarationKind.Const).toBe(VariableDeclarationKind.Const);
});

test("doc printer: groups break only when they do not fit", () => {
  const doc = group(["[", indent([softline, "a,", line, "b"]), ifBreak(","), softline, "]"]);
  expect(printDoc(doc, 80)).toBe("[a, b]");
  expect(printDoc(doc, 4)).toBe("[\n  a,\n  b,\n]");
  const conditional = conditionalGroup([["f(", group(["{", indent([line, "x: 1"]), line, "}"], true), ")"], "g()"]);
  expect(printDoc(conditional, 80)).toBe("f({\n  x: 1\n})");
  expect(printDoc(conditional, 2)).toBe("g()");
});

const variants: Record<string, GenerateOptions> = {
  enum: {},
  const: { enumStyle: "const" },
  flatten: { flatten: true },
  "int64-bigint": { int64: "bigint" },
};

describe.each(emitCases())("fast printer matches ts-morph + prettier: $name", (emitCase) => {
  // The large SmIscsiTarget case runs once (the reference path takes ~20 s per variant there).
  test.each(Object.keys(variants).filter((v) => emitCase.name !== "smiscsitarget" || v === "enum"))("%s", async (variant) => {
    const options = variants[variant] ?? {};
    const fast = await generateCase(emitCase, options);
    const reference = await generateCase(emitCase, { ...options, printer: "ts-morph" });
    expect(fast.map((f) => f.path)).toEqual(reference.map((f) => f.path));
    for (const [i, file] of fast.entries()) expect(file.text, file.path).toBe(reference[i]?.text);
  }, 300_000);
});
