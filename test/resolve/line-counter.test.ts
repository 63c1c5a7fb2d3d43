import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { LineCounter } from "../../src/resolve/context.js";
import { SourceFile } from "../../src/diagnostics/source-file.js";

describe("LineCounter", () => {
  it("numbers lines like SourceFile.positionAt (LF, CRLF, lone CR), in any order of questions", () => {
    const text = fc.array(fc.constantFrom("a", "bc", "\n", "\r", "\r\n", "\n\r", " "), { maxLength: 40 }).map((parts) => parts.join(""));
    fc.assert(
      fc.property(text, fc.array(fc.integer({ min: -2, max: 90 }), { maxLength: 30 }), (source, offsets) => {
        const file = new SourceFile("x.mof", source);
        const counter = new LineCounter(file);
        for (const offset of offsets) expect(counter.lineAt(offset)).toBe(file.positionAt(offset).line);
      }),
      { numRuns: 2000 },
    );
  });

  it("counts the break between CR and LF once, after the LF", () => {
    const counter = new LineCounter(new SourceFile("x.mof", "a\r\nb\rc\nd"));
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8].map((offset) => counter.lineAt(offset))).toEqual([1, 1, 1, 2, 2, 3, 3, 4, 4]);
    expect(counter.lineAt(2)).toBe(1);
  });

  it("answers far jumps, back and forth, from the line table", () => {
    const text = "x\n".repeat(200_000);
    const file = new SourceFile("big.mof", text);
    const counter = new LineCounter(file);
    for (const offset of [399_998, 2, 250_001, 131_072, 0, 399_999, 65_537]) expect(counter.lineAt(offset)).toBe(file.positionAt(offset).line);
  });
});
