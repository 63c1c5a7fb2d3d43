import { describe, expect, it } from "vitest";
import {
  decodeChar16,
  decodeInteger,
  decodeQuoted,
  decodeReal,
  decodeString,
  decodeStringRun,
  type LiteralReporter,
} from "../../src/lexer/literals.js";

function collect(): { report: LiteralReporter; problems: [number, number, number, string[]][] } {
  const problems: [number, number, number, string[]][] = [];
  return {
    problems,
    report: (def, start, end, args) => problems.push([def.code, start, end, [...args]]),
  };
}

describe("decodeStringRun", () => {
  it("concatenates the parts of a run, with or without escapes", () => {
    const { report, problems } = collect();
    expect(decodeStringRun('"ab" "c"\n  "" "d"', 0, report)).toBe("abcd");
    expect(decodeStringRun('"a\\"b" \t"\\x41""\\\\"', 0, report)).toBe('a"bA\\');
    expect(decodeStringRun('"single"', 0, report)).toBe("single");
    expect(problems).toEqual([]);
  });

  it("reports each part's problems at the part's own offset", () => {
    const { report, problems } = collect();
    expect(decodeStringRun('"ok"\n "x\\qy"', 50, report)).toBe("okx\\qy");
    expect(problems).toEqual([[1004, 58, 60, ["\\q"]]]);
    const unterminated = collect();
    expect(decodeStringRun('"open', 10, unterminated.report)).toBe("open");
    expect(unterminated.problems.map((p) => p.slice(0, 3))).toEqual([[1002, 10, 15]]);
  });
});

describe("decodeString", () => {
  it("decodes every DSP0004 escape", () => {
    const { report, problems } = collect();
    expect(decodeString('"\\b\\t\\n\\f\\r\\"\\\'\\\\"', 0, report)).toBe("\b\t\n\f\r\"'\\");
    expect(decodeString('"\\x41\\X42\\x263a\\x0041Z"', 0, report)).toBe("AB\u263aAZ");
    expect(problems).toEqual([]);
  });

  it("keeps invalid escapes literally with warning MOF1004 at the escape", () => {
    const { report, problems } = collect();
    expect(decodeString('"a\\d\\`b"', 100, report)).toBe("a\\d\\`b");
    expect(problems).toEqual([
      [1004, 102, 104, ["\\d"]],
      [1004, 104, 106, ["\\`"]],
    ]);
  });

  it("treats \\x without hex digits as invalid", () => {
    const { report, problems } = collect();
    expect(decodeString('"\\xZ"', 0, report)).toBe("\\xZ");
    expect(problems.map((p) => p[0])).toEqual([1004]);
  });

  it("reports MOF1002 for an unterminated string, also when it ends in an escaped quote", () => {
    const { report, problems } = collect();
    expect(decodeString('"abc', 5, report)).toBe("abc");
    expect(decodeString('"abc\\"', 20, report)).toBe('abc"');
    expect(problems).toEqual([
      [1002, 5, 9, []],
      [1002, 20, 26, []],
    ]);
  });

  it("returns the body without copying when there is no escape", () => {
    expect(decodeQuoted('"plain"', 0, () => undefined)).toEqual({ value: "plain", closed: true });
  });
});

describe("decodeChar16", () => {
  it("decodes one character or escape", () => {
    const { report, problems } = collect();
    expect([
      decodeChar16("'a'", 0, report),
      decodeChar16("'\\n'", 0, report),
      decodeChar16("'\\x263A'", 0, report),
    ]).toEqual(["a", "\n", "\u263a"]);
    expect(problems).toEqual([]);
  });

  it("reports MOF1008 for empty, long or unterminated char16 literals", () => {
    const { report, problems } = collect();
    decodeChar16("''", 0, report);
    decodeChar16("'ab'", 10, report);
    decodeChar16("'a", 20, report);
    expect(problems.map((p) => [p[0], p[1]])).toEqual([
      [1008, 0],
      [1008, 10],
      [1008, 20],
    ]);
  });
});

describe("decodeInteger", () => {
  const cases: [string, bigint, number][] = [
    ["0", 0n, 10],
    ["42", 42n, 10],
    ["-42", -42n, 10],
    ["+7", 7n, 10],
    ["0x1F", 31n, 16],
    ["0XfF", 255n, 16],
    ["-0x10", -16n, 16],
    ["017", 15n, 8],
    ["00", 0n, 8],
    ["101b", 5n, 2],
    ["-11B", -3n, 2],
    ["18446744073709551615", 18446744073709551615n, 10],
    ["0xFFFFFFFFFFFFFFFFFFFF", 0xffffffffffffffffffffn, 16],
  ];
  it.each(cases)("%s", (image, value, radix) => {
    const { report, problems } = collect();
    expect(decodeInteger(image, 0, report)).toEqual({ value, radix });
    expect(problems).toEqual([]);
  });

  it.each(["08", "0x", "12ab", "0xG1", "102b", "1_000"])("reports MOF1007 for %s", (image) => {
    const { report, problems } = collect();
    expect(decodeInteger(image, 3, report)).toBeUndefined();
    expect(problems).toEqual([[1007, 3, 3 + image.length, [image]]]);
  });
});

describe("decodeReal", () => {
  it("reads reals with exponents and signs", () => {
    const { report, problems } = collect();
    expect(
      ["1.5", "-2.5e-3", ".5", "1.", "1e10", "+3.0E+2", "1e-999"].map((image) =>
        decodeReal(image, 0, report),
      ),
    ).toEqual([1.5, -0.0025, 0.5, 1, 1e10, 300, 0]);
    expect(problems).toEqual([]);
  });

  it("reports MOF1011 for a real that overflows", () => {
    const { report, problems } = collect();
    expect(decodeReal("-1.0e999", 4, report)).toBe(-Infinity);
    expect(problems).toEqual([[1011, 4, 12, ["-1.0e999"]]]);
  });
});
