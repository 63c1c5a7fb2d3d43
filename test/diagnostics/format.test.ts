import { describe, expect, it } from "vitest";
import { createDiagnostic, sortDiagnostics } from "../../src/diagnostics/diagnostic.js";
import { Diagnostics } from "../../src/diagnostics/codes.js";
import { formatDiagnostics } from "../../src/diagnostics/format.js";
import { SourceFile } from "../../src/diagnostics/source-file.js";

const source = new SourceFile("a.mof", "class A {\r\n  uint16 X\n};\n");
const lookup = (name: string) => (name === "a.mof" ? source : undefined);

describe("SourceFile", () => {
  it("maps offsets to 1-based line and column across CRLF and LF", () => {
    expect(source.positionAt(0)).toEqual({ line: 1, column: 1 });
    expect(source.positionAt(source.text.indexOf("uint16"))).toEqual({ line: 2, column: 3 });
    expect(source.positionAt(source.text.indexOf("};"))).toEqual({ line: 3, column: 1 });
    expect(source.lineText(1)).toBe("class A {");
  });
});

describe("formatDiagnostics", () => {
  const start = source.text.indexOf("X");
  const d = createDiagnostic(Diagnostics.UnexpectedToken, { file: "a.mof", start, end: start + 1 }, ["';'", "'}'"]);

  it("plain: one gcc-style line", () => {
    expect(formatDiagnostics([d], lookup, { style: "plain" })).toBe("a.mof:2:10: error MOF1101: ';' expected, found '}'.");
  });

  it("pretty: code frame with a caret under the offending text", () => {
    expect(formatDiagnostics([d], lookup, { style: "pretty" }).split("\n")).toEqual([
      "a.mof:2:10 - error MOF1101: ';' expected, found '}'.",
      "",
      "2 |   uint16 X",
      "  |          ^",
    ]);
  });

  it("json: positions and code", () => {
    const [json] = JSON.parse(formatDiagnostics([d], lookup, { style: "json" })) as Record<string, unknown>[];
    expect(json).toMatchObject({ code: "MOF1101", severity: "error", file: "a.mof", line: 2, column: 10, endColumn: 11 });
  });

  it("sorts by file and offset", () => {
    const late = createDiagnostic(Diagnostics.UnknownPragma, { file: "a.mof", start: 20, end: 21 }, ["x"]);
    expect(sortDiagnostics([late, d]).map((x) => x.code)).toEqual(["MOF1101", "MOF1105"]);
  });
});

describe("code table", () => {
  it("codes are unique and inside their band", () => {
    const codes = Object.values(Diagnostics).map((x) => x.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of codes) expect(c).toBeGreaterThanOrEqual(1000);
  });
});
