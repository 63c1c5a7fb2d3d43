/**
 * The parser reads the most common shapes (literal values, simple qualifiers, absent options) without
 * Chevrotain's rule invocations and lookahead calls. Those shortcuts must never change a tree, a
 * diagnostic or error recovery: here a parser that takes them is compared with one that sends every
 * decision through the grammar DSL, on the fixtures and on deterministic mutations of them.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { tokenize } from "../../src/lexer/lexer.js";
import { MofParser } from "../../src/parser/parser.js";
import { fixturesDir, random } from "./helpers.js";

const withShortcuts = new MofParser();
const withoutShortcuts = new MofParser(false, false);

/** Everything a parser run produces, as comparable JSON. */
function runWith(parser: MofParser, text: string): string {
  const sink: Diagnostic[] = [];
  const { tokens } = tokenize(text, "t.mof");
  const run = parser.run([...tokens], "t.mof", text.length, sink);
  const errors = parser.recognitionErrors().map((error) => ({
    name: error.name,
    message: error.message,
    at: error.token.startOffset,
    rules: error.context.ruleStack,
    resynced: error.resyncedTokens.length,
  }));
  return JSON.stringify({ statements: run.statements, sink, errors }, (_key, value: unknown) =>
    typeof value === "bigint" ? `${value}n` : value,
  );
}

function mofFiles(folder: string): string[] {
  return readdirSync(fixturesDir + folder)
    .filter((name) => name.toLowerCase().endsWith(".mof"))
    .sort()
    .map((name) => readFileSync(`${fixturesDir}${folder}/${name}`, "utf8"));
}

/** Pieces that break the shapes the shortcuts look for. */
const stray = [
  "(",
  ")",
  "{",
  "}",
  "[",
  "]",
  ",",
  ":",
  ";",
  '"x"',
  "12",
  "1.5",
  "'c'",
  "$a",
  "Key",
  "/* c */",
  "=",
];

/** `text` truncated, with a piece deleted, or with a stray piece inserted, at a random place. */
function mutate(text: string, next: () => number, kind: number): string {
  const at = Math.floor(next() * text.length);
  if (kind === 0) return text.slice(0, at);
  if (kind === 1) return text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 12));
  return text.slice(0, at) + stray[Math.floor(next() * stray.length)] + text.slice(at);
}

const qualifierHeavy = `
[Description ("A" "B"), ValueMap {"0", "1", 0x10, "..", "2"}, Values {}, Key, MaxLen (256),
 Override ("Name"): ToSubclass, Flag(true), Counts {1, -2, "3" /* c */ "4"}, Real(1.5), Ch('c')]
class CIM_Q : CIM_P {
  [Key, Description ("x\\"y\\n"), ArrayType ("Indexed")] string Name[] = {"a", "b"};
  [In, Out, EmbeddedInstance ("CIM_X")] uint32 Go([IN] CIM_A REF Ref, [Out, Key] string Ref2[4] = 3);
  uint8 Ref;
  CIM_X REF[] Items();
};
`;

describe("parser shortcuts", () => {
  const samples = [
    ...mofFiles("syntax"),
    ...mofFiles("errors"),
    ...mofFiles("smiscsitarget").slice(0, 40),
    qualifierHeavy,
  ];

  it("build the trees, diagnostics and recognition errors of the plain grammar", () => {
    expect(samples.length).toBeGreaterThan(60);
    for (const text of samples)
      expect(runWith(withShortcuts, text)).toBe(runWith(withoutShortcuts, text));
  });

  it("recover from broken input exactly as the plain grammar does", () => {
    const next = random(20261126);
    let broken = 0;
    for (let i = 0; i < 600; i++) {
      const text = mutate(samples[i % samples.length]!, next, i % 3);
      const fast = runWith(withShortcuts, text);
      expect(fast).toBe(runWith(withoutShortcuts, text));
      if (fast.includes('"errors":[{')) broken++;
    }
    // The mutations must reach error recovery, or this test would compare only clean parses.
    expect(broken).toBeGreaterThan(200);
  });
});
