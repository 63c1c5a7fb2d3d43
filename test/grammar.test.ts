import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MofParser, mofParser } from "../src/parser/parser.js";

const ebnf = readFileSync(new URL("../grammar/mof.ebnf", import.meta.url), "utf8");

/** Rule names defined in the EBNF: `name =` at the start of a line, lower-case initial (terminals are upper case). */
function ebnfRuleNames(text: string): string[] {
  const withoutComments = text.replace(/\(\*[^]*?\*\)/g, "");
  return [...withoutComments.matchAll(/^([a-z][A-Za-z0-9]*)\s*=/gm)].map((m) => m[1]!).sort();
}

/** Rule names referenced on right-hand sides. */
function ebnfReferences(text: string): string[] {
  const withoutComments = text.replace(/\(\*[^]*?\*\)/g, "").replace(/"[^"]*"/g, "");
  const bodies = withoutComments.split(";").map((rule) => rule.slice(rule.indexOf("=") + 1));
  return [
    ...new Set(
      bodies.flatMap((body) => [...body.matchAll(/\b([a-z][A-Za-z0-9]*)\b/g)].map((m) => m[1]!)),
    ),
  ].sort();
}

describe("grammar/mof.ebnf", () => {
  const parserRules = Object.keys(mofParser().getGAstProductions()).sort();

  it("defines exactly the parser's rules", () => {
    expect(ebnfRuleNames(ebnf)).toEqual(parserRules);
  });

  it("passes Chevrotain's grammar validations (the shared parser skips them for speed)", () => {
    expect(() => new MofParser(true)).not.toThrow();
  });

  it("refers only to rules it defines", () => {
    const defined = new Set(ebnfRuleNames(ebnf));
    expect(ebnfReferences(ebnf).filter((name) => !defined.has(name))).toEqual([]);
  });

  it("cites DSP0004 Annex A or marks a WMI addition for every rule", () => {
    const blocks = ebnf
      .split(/\n(?=\(\* )/)
      .filter((b) => /^\(\*[^]*?\*\)\s*\n[a-z]\w*\s*=/.test(b));
    expect(blocks.length).toBe(parserRules.length);
    for (const block of blocks) expect(block).toMatch(/Annex A:|WMI:/);
  });
});
