/** Hostile input never throws, never recurses without bound, and still yields a tree and diagnostics. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse, maxNesting } from "../../src/parser/parse.js";
import { fixturesDir, random } from "./helpers.js";

const pieces = [
  "class",
  "instance",
  "of",
  "as",
  "ref",
  "qualifier",
  "scope",
  "flavor",
  "#pragma",
  "#define",
  "X",
  "CIM_Y",
  "$A",
  "{",
  "}",
  "(",
  ")",
  "[",
  "]",
  ";",
  ",",
  ":",
  "=",
  '"s"',
  '"open',
  "'c'",
  "12",
  "0x",
  "1.5",
  "/*",
  "*/",
  "//",
  "\n",
  " ",
  "\\",
  "@",
  "\u0000",
  "uint8",
  "string",
  "void",
  "null",
  "true",
];

describe("robustness", () => {
  it("random token soup never throws", () => {
    const next = random(42);
    for (let round = 0; round < 300; round++) {
      const length = Math.floor(next() * 60);
      const text = Array.from({ length }, () => pieces[Math.floor(next() * pieces.length)]).join(
        " ",
      );
      const result = parse(text, "soup.mof");
      expect(result.file.kind).toBe("MofFile");
      for (const d of result.diagnostics) expect(d.span?.file).toBe("soup.mof");
    }
  });

  it("every truncation of a valid file parses without throwing and reports the cut", () => {
    const text = readFileSync(fixturesDir + "syntax/instances.mof", "utf8");
    for (let cut = 1; cut < text.length; cut += 5) {
      const result = parse(text.slice(0, cut), "cut.mof");
      expect(result.file.span.end).toBe(cut);
    }
    const mid = parse(text.slice(0, text.indexOf("Count")), "cut.mof");
    expect(mid.diagnostics.some((d) => d.severity === "error")).toBe(true);
  });

  it(`MOF1106: braces nested deeper than ${maxNesting} are cut out, even 50,000 deep`, () => {
    const deep = "instance of X { P = " + "{".repeat(50_000) + "1" + "}".repeat(50_000) + "; };";
    const result = parse(deep, "deep.mof");
    expect(result.diagnostics.map((d) => d.code)).toEqual(["MOF1106"]);
    expect(result.file.statements).toHaveLength(1);
    const unbalanced = parse("class A { uint8 X = " + "{".repeat(20_000), "open.mof");
    expect(unbalanced.diagnostics.map((d) => d.code)).toContain("MOF1106");
  });

  it("nested instance values up to the limit parse into a tree", () => {
    const depth = 10;
    const text =
      "instance of D { P = " +
      "instance of D { P = ".repeat(depth) +
      "1" +
      "; }".repeat(depth) +
      "; };";
    const result = parse(text, "nested.mof");
    expect(result.diagnostics).toEqual([]);
    let value: unknown = result.file.statements[0];
    let levels = 0;
    while (value !== undefined) {
      const inner = (value as { properties?: { value?: { kind: string; instance?: unknown } }[] })
        .properties?.[0]?.value;
      value = inner?.kind === "InstanceValue" ? inner.instance : undefined;
      if (value !== undefined) levels++;
    }
    expect(levels).toBe(depth);
  });

  it("MOF1107: stops after 100 syntax errors, however large the file", () => {
    const junk = "class A { uint8 ; };\n".repeat(20_000);
    const result = parse(junk, "junk.mof");
    expect(result.diagnostics).toHaveLength(101);
    expect(result.diagnostics.slice(0, 100).every((d) => d.code === "MOF1101")).toBe(true);
    expect(result.diagnostics[100]).toMatchObject({ code: "MOF1107", severity: "info" });
  });

  it("binary-looking text gives diagnostics, not exceptions", () => {
    const text = String.fromCharCode(...Array.from({ length: 2000 }, (_, i) => (i * 7919) % 65536));
    expect(() => parse(text, "bin.mof")).not.toThrow();
  });
});
