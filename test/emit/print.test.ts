/**
 * The fast printer is exact: for every fixture case and option variant, its output is byte-identical
 * to the reference path (ts-morph's printer, then prettier with the pinned options on every file).
 */
import { StructureKind, VariableDeclarationKind } from "ts-morph";
import { describe, expect, test } from "vitest";
import type { GenerateOptions } from "../../src/emit/generate.js";
import { FAST_MORPH_ENUMS, STATEMENT_KINDS } from "../../src/emit/print.js";
import { printDoc, group, groupWithFlat, brokenList, indent, join, line, softline, ifBreak, conditionalGroup, type Doc } from "../../src/emit/doc.js";
import { formatTypeScript } from "../../src/emit/format.js";
import { emitCases, generateCase, WSMAN_OPTIONS } from "./helpers/fixtures.js";

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

test("doc printer: a brokenList prints as the broken group it stands for, item by item", () => {
  // The same list as a plain always-broken group, which the printer walks node by node.
  const walked = (open: string, items: readonly Doc[], close: string, soft = false): Doc =>
    group([open, indent([soft ? softline : line, join([",", line], items)]), ifBreak(","), soft ? softline : line, close], true);
  // A pair as arrayDoc builds it (flat text and items known), or as a plain group.
  const pairContents = (a: string, b: string): Doc => ["[", indent([softline, a, ",", line, b]), ifBreak(","), softline, "]"];
  const knownPair = (a: string, b: string): Doc => groupWithFlat(pairContents(a, b), `[${a}, ${b}]`, { open: "[", items: [a, b], close: "]" });
  const plainPair = (a: string, b: string): Doc => group(pairContents(a, b));
  const entries = (list: typeof brokenList | typeof walked, pair: typeof knownPair): Doc =>
    list("{", [
      "name: \"X\"",
      ["values: ", list("[", [pair("X.Short", '"Short"'), pair("X.ALabelLongEnoughToBreakItsPairAcrossLines", '"A label long enough to break"')], "]", true)],
      ["keys: ", group(["[", indent([softline, '"A",', line, '"B"']), ifBreak(","), softline, "]"])],
    ], "}");
  for (const width of [80, 40, 20]) {
    expect(printDoc(entries(brokenList, knownPair), width, 2)).toBe(printDoc(entries(walked, plainPair), width, 2));
  }
  const printed = printDoc(entries(brokenList, knownPair), 80);
  expect(printed).toContain('\n    [X.Short, "Short"],\n');
  expect(printed).toContain('\n    [\n      X.ALabelLongEnoughToBreakItsPairAcrossLines,\n      "A label long enough to break",\n    ],\n');
});

const variants: Record<string, GenerateOptions> = {
  enum: {},
  const: { enumStyle: "const" },
  flatten: { flatten: true },
  "int64-bigint": { int64: "bigint" },
  wsman: WSMAN_OPTIONS,
  "wsman-bigint": { ...WSMAN_OPTIONS, int64: "bigint" },
  types: { emit: "types" },
};

describe.each(emitCases())("fast printer matches ts-morph + prettier: $name", (emitCase) => {
  // The large SmIscsiTarget case runs once (the reference path takes ~20 s per variant there).
  // --binding wsman needs a resource URI for every class: only the wsman case maps all its prefixes.
  test.each(Object.keys(variants).filter((v) => (emitCase.name !== "smiscsitarget" || v === "enum") && (emitCase.name === "wsman" || !v.startsWith("wsman"))))("%s", async (variant) => {
    const options = variants[variant] ?? {};
    const fast = await generateCase(emitCase, options);
    const reference = await generateCase(emitCase, { ...options, printer: "ts-morph" });
    expect(fast.map((f) => f.path)).toEqual(reference.map((f) => f.path));
    for (const [i, file] of fast.entries()) expect(file.text, file.path).toBe(reference[i]?.text);
  }, 300_000);
});

describe.each(emitCases().filter((c) => c.name !== "smiscsitarget"))("--emit js output is what prettier prints: $name", (emitCase) => {
  // ts-morph prints TypeScript only, so the JavaScript and declaration files are checked against prettier itself.
  test.each(["enum", "const"] as const)("%s", async (enumStyle) => {
    const files = (await generateCase(emitCase, { emit: "js", enumStyle })).filter((f) => !f.path.startsWith("runtime/") && !f.path.includes("/runtime/"));
    for (const file of files) expect(await formatTypeScript(file.text, file.path), file.path).toBe(file.text);
  }, 300_000);
});
