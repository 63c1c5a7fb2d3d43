import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { SourceFile } from "../../src/diagnostics/source-file.js";

/** Line starts by the definition: after each LF, each CRLF and each lone CR. */
function expectedStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "\r" && text[i + 1] === "\n") continue;
    if (text[i] === "\n" || text[i] === "\r") starts.push(i + 1);
  }
  return starts;
}

describe("SourceFile line table", () => {
  it("counts LF, CRLF and lone CR line breaks", () => {
    expect(new SourceFile("a.mof", "a\nb\n\nc").lineStarts).toEqual([0, 2, 4, 5]);
    expect(new SourceFile("a.mof", "a\r\nb\rc\n").lineStarts).toEqual([0, 3, 5, 7]);
    expect(new SourceFile("a.mof", "").lineStarts).toEqual([0]);
    const file = new SourceFile("a.mof", "class A {\n  string X;\n};\n");
    expect(file.positionAt(14)).toEqual({ line: 2, column: 5 });
    expect(file.lineText(2)).toBe("  string X;");
  });

  it("agrees with the definition on random text", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom("a", "\n", "\r", "\r\n", " "), { maxLength: 40 }),
        (parts) => {
          const text = parts.join("");
          expect(new SourceFile("t.mof", text).lineStarts).toEqual(expectedStarts(text));
        },
      ),
      { numRuns: 500 },
    );
  });
});
