/**
 * Diagnostics are printed to terminals and parsed by CI problem matchers, and they quote schema text
 * (ValueMap entries, names, file names). That text must not reach the output raw: an ESC or C1 control
 * drives the terminal (OSC sequences set titles, write the clipboard, fake hyperlinks), and a line break
 * forges a whole `file:line:col: error …` line for CI. The JSON style must stay valid JSON.
 */
import { describe, expect, it } from "vitest";
import { compile } from "../../src/compile.js";
import { formatDiagnostics } from "../../src/diagnostics/format.js";
import { memoryHost } from "../../src/host.js";
import { mofString } from "./emit-cases.js";

/** Control characters a terminal or a line-based parser acts on; `\n` only between diagnostics. */
const controls = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/;

const quoted: readonly [string, string][] = [
  ["OSC title sequence", "\u001b]0;pwned\u0007"],
  ["CSI clear screen", "\u001b[2J\u001b[H"],
  ["OSC 52 clipboard write", "\u001b]52;c;cHduZWQ=\u0007"],
  ["8-bit CSI (U+009B)", "\u009b31mred"],
  ["forged CI line after a newline", "x\nmain.mof:1:1: error MOF9999: forged."],
  ["forged CI line after a carriage return", "x\rmain.mof:1:1: error MOF9999: forged."],
  ["forged CI line after U+2028", "x\u2028main.mof:1:1: error MOF9999: forged."],
  ["NUL", "a\u0000b"],
];

interface OutputCase {
  readonly name: string;
  readonly files: Readonly<Record<string, string>>;
}

const cases: OutputCase[] = [
  ...quoted.map(([name, text]) => ({
    name: `${name} in a ValueMap entry`,
    files: { "main.mof": `class Demo_A { [ValueMap{${mofString(text)}}, Values{"a"}] uint8 N; };` },
  })),
  ...quoted.map(([name, text]) => ({
    name: `${name} in an input file name`,
    files: { [`in${text}.mof`]: "class Demo_A : Demo_Missing { };" },
  })),
  { name: "C1 control inside an identifier (DSP0004 allows U+0080..U+FFEF)", files: { "main.mof": "class Demo_A : Demo_\u009b2JX { };" } },
];

describe("diagnostic output cannot carry terminal controls or forged lines", () => {
  for (const c of cases) {
    it(c.name, () => {
      const result = compile(Object.keys(c.files), { host: memoryHost(c.files) });
      expect(result.diagnostics.length).toBeGreaterThan(0);
      for (const style of ["plain", "pretty"] as const) {
        const text = formatDiagnostics(result.diagnostics, (n) => result.sources.get(n), { style, color: false });
        for (const line of text.split("\n")) expect(line, `${style}: ${JSON.stringify(line)}`).not.toMatch(controls);
        // The quoted text may still read "… MOF9999 …", but never as a line of its own that a problem matcher takes.
        if (style === "plain") expect(text.split("\n").filter((l) => /^\s*main\.mof:1:1: error MOF9999/.test(l))).toEqual([]);
      }
    });
  }

  it.each(cases.map((c) => [c.name, c] as const))("json style stays one valid JSON document: %s", (_name, c) => {
    const result = compile(Object.keys(c.files), { host: memoryHost(c.files) });
    const text = formatDiagnostics(result.diagnostics, (n) => result.sources.get(n), { style: "json" });
    const parsed: unknown = JSON.parse(text);
    expect(Array.isArray(parsed)).toBe(true);
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
  });
});
