import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { Lexer, type ILexingResult, type IToken } from "chevrotain";
import { scanTokens, scannerMatchesTokens } from "../../src/lexer/lex-scan.js";
import { lexerConfig } from "../../src/lexer/lexer.js";
import { allTokens } from "../../src/lexer/tokens.js";
import { decodeBytes } from "../../src/lexer/decode.js";

const chevrotain = new Lexer([...allTokens], lexerConfig);

/** A token as plain data, with its own key order (the parser sees the same object shape either way). */
function plain(token: IToken) {
  return {
    keys: Object.keys(token),
    type: token.tokenType.name,
    image: token.image,
    at: token.startOffset,
  };
}

function view(result: Pick<ILexingResult, "tokens" | "groups">) {
  return {
    tokens: result.tokens.map(plain),
    groups: Object.fromEntries(Object.entries(result.groups).map(([k, v]) => [k, v.map(plain)])),
  };
}

/** The scanner gives Chevrotain's tokens exactly, or declines exactly when Chevrotain finds an error. */
function expectSameAsChevrotain(text: string): "scanned" | "declined" {
  const expected = chevrotain.tokenize(text);
  const scanned = scanTokens(text);
  if (scanned === undefined) {
    expect(expected.errors.length, JSON.stringify(text)).toBeGreaterThan(0);
    return "declined";
  }
  expect(expected.errors, JSON.stringify(text)).toEqual([]);
  expect(view(scanned), JSON.stringify(text)).toEqual(view(expected));
  return "scanned";
}

const repoRoot = path.resolve(import.meta.dirname, "../..");

function fixtureTexts(): { name: string; text: string }[] {
  const found: { name: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(mof|mfl)$/i.test(entry.name)) {
        const decoded = decodeBytes(readFileSync(full));
        if (decoded.ok) found.push({ name: path.relative(repoRoot, full), text: decoded.text });
      }
    }
  };
  walk(path.join(repoRoot, "fixtures"));
  return found;
}

describe("scanTokens (hand-written scanner)", () => {
  it("is in use: the token list is the one it was written for", () => {
    // If this fails, tokens.ts changed in a way lex-scan.ts does not know: every file now goes through
    // Chevrotain (correct, slower). Update lex-scan.ts to the new token list.
    expect(scannerMatchesTokens).toBe(true);
  });

  it("gives Chevrotain's tokens for every fixture file", () => {
    const files = fixtureTexts();
    expect(files.length).toBeGreaterThan(20);
    const outcomes = files.map((f) => expectSameAsChevrotain(f.text));
    expect(outcomes.filter((o) => o === "scanned").length).toBeGreaterThan(files.length / 2);
  });

  it("handles each kind of token and declines on a lexing error", () => {
    const cases: [string, "scanned" | "declined"][] = [
      [
        "class CLASS Classes cLaSs_x OF of_ ofx As ref Qualifier SCOPE flavor association indication instance",
        "scanned",
      ],
      ["\u212Aey \u017Fcope \u0130nstance caf\u00e9 x\u00a0y \u00a0\ufeffz _a1 \ud800", "scanned"],
      ["\"a\\\"b\" \"unterminated\n'c' '\\x41' '' \"\\\r\n\"", "scanned"],
      ["1 -2 +3 0x1F 017 101b 12ab 1.5 .5 1. 1.e5 1e5 1e 1.5e+3 -.5e-2 1.5abc", "scanned"],
      ["$alias $_x $caf\u00e9", "scanned"],
      ["{ } ( ) [ ] ; , : =", "scanned"],
      ["// line\r\n/* block\n */ x /* open", "scanned"],
      [
        '#pragma include ("a.mof")\n# PRAGMA locale\n#include "b.mof"\n#define X \\\n  1\n',
        "scanned",
      ],
      [" \t\r\n\f\v\u001a", "scanned"],
      ["", "scanned"],
      ["a / b", "declined"],
      ["#pragmax", "declined"],
      ["a # b", "declined"],
      ["$ 1", "declined"],
      ["+x", "declined"],
      [". x", "declined"],
      ["a @ b", "declined"],
      ["a \u0001 b", "declined"],
    ];
    for (const [text, outcome] of cases)
      expect(expectSameAsChevrotain(text), JSON.stringify(text)).toBe(outcome);
  });

  it("agrees with Chevrotain on random MOF-like text", () => {
    const fragment = fc.constantFrom(
      "class",
      "Class",
      "CLASS",
      "of",
      "As",
      "ref",
      "qualifier",
      "scope",
      "flavor",
      "association",
      "indication",
      "instance",
      "Name",
      "x_1",
      "_",
      "caf\u00e9",
      "\u212A",
      "\u017F",
      "\u00a0",
      "\ufeff",
      " ",
      "\t",
      "\n",
      "\r\n",
      "\r",
      "\f",
      "\v",
      "\u001a",
      "\u0000",
      "\u0007",
      "0",
      "12",
      "0x1F",
      "1.5",
      ".",
      "+",
      "-",
      "e",
      "E",
      "5e",
      "1e+2",
      '"',
      "'",
      "\\",
      '"text"',
      "'c'",
      "//",
      "/*",
      "*/",
      "/",
      "*",
      "#",
      "#pragma",
      "# pragma",
      "#include",
      "#define",
      "#if",
      "pragma",
      "$",
      "$a",
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
      "@",
      "~",
      "\ud83d\ude00",
    );
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 30 }), (parts) => {
        expectSameAsChevrotain(parts.join(""));
      }),
      { numRuns: 3000 },
    );
  });
});
