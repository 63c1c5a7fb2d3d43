/**
 * Resource bounds: deep nesting, huge literals, huge arrays, huge files, error floods, deep include
 * chains. Each input must end in a diagnostic or succeed, within a generous per-input bound (a hang
 * guard, not a speed measurement — bench/ measures speed). Sizes scale up with MOF2TS_HUGE=1
 * (docs/limits.md): 100 MB inputs and 10,000-deep inheritance instead of the suite's smaller ones.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { compile, type CompileResult } from "../../src/compile.js";
import { memoryHost } from "../../src/host.js";
import { maxIncludeDepth } from "../../src/parser/program-loader.js";
import type { CimClass, CimValue } from "../../src/model/schema.js";
import { expectSaneResult, knownCodes } from "./invariants.js";

const huge = process.env.MOF2TS_HUGE === "1";
const bigFileBytes = huge ? 100_000_000 : 10_000_000;
const perInputMs = huge ? 600_000 : 30_000;

let codes: ReadonlySet<string> = new Set();
beforeAll(async () => {
  codes = await knownCodes();
});

function compileText(text: string, extra: Record<string, string> = {}): CompileResult {
  const started = performance.now();
  const result = compile(["main.mof"], { host: memoryHost({ "main.mof": text, ...extra }) });
  expect(performance.now() - started, "per-input bound").toBeLessThan(perInputMs);
  expectSaneResult(result, codes);
  return result;
}

function codesOf(result: CompileResult): string[] {
  return [...new Set(result.diagnostics.map((d) => d.code))];
}

function onlyClass(result: CompileResult, name: string): CimClass {
  const found = result.schema?.namespaces.flatMap((n) => n.classes).find((c) => c.name === name);
  if (found === undefined) throw new Error(`class ${name} missing`);
  return found;
}

function defaultOf(result: CompileResult, className: string, property: string): CimValue | undefined {
  return onlyClass(result, className).properties.find((p) => p.name === property)?.default;
}

const depth = 10_000;

describe("10,000-deep nesting ends in MOF1106, not a stack overflow", () => {
  it.each([
    ["nested array braces", `class Demo_A { string N[] = ${"{".repeat(depth)}${"}".repeat(depth)}; };`],
    [
      "nested embedded instances",
      `class Demo_A { [Key] string Id; object P; };\ninstance of Demo_A { Id = "x"; P = ${"instance of Demo_A { P = ".repeat(depth)}NULL${"; }".repeat(depth)}; };`,
    ],
    ["unclosed braces", `class Demo_A ${"{".repeat(depth)}`],
    ["nested braces in a qualifier value", `[Description${"{".repeat(depth)}"x"${"}".repeat(depth)}] class Demo_A { };`],
  ])("%s", (_name, text) => {
    const result = compileText(text);
    expect(result.failed).toBe(true);
    expect(codesOf(result)).toContain("MOF1106");
  });

  it.each([
    ["nested parentheses in a qualifier", `class Demo_A { [Q${"(".repeat(depth)}1${")".repeat(depth)}] string N; };`],
    ["nested brackets before a property", `class Demo_A { ${"[".repeat(depth)}Key${"]".repeat(depth)} string N; };`],
    ["nested parentheses in a method", `class Demo_A { void M${"(".repeat(depth)}${")".repeat(depth)}; };`],
  ])("%s ends in syntax errors, at most about a hundred", (_name, text) => {
    const result = compileText(text);
    expect(result.failed).toBe(true);
    expect(result.diagnostics.length).toBeLessThanOrEqual(110);
  });
});

describe("huge literals", () => {
  const mb = 1 << 20;

  it("a 1 MB string literal is kept whole", () => {
    const result = compileText(`class Demo_A { string N = "${"x".repeat(mb)}"; };`);
    expect(result.failed).toBe(false);
    expect(defaultOf(result, "Demo_A", "N")).toHaveLength(mb);
  });

  it("a 1 MB string of escapes decodes to the exact text", () => {
    const result = compileText(`class Demo_A { string N = "${"\\x0041\\n".repeat(mb / 8)}"; };`);
    expect(defaultOf(result, "Demo_A", "N")).toBe("A\n".repeat(mb / 8));
  });

  it("100,000 adjacent string literals concatenate", () => {
    const result = compileText(`class Demo_A { string N = ${'"ab" '.repeat(100_000)}; };`);
    expect(defaultOf(result, "Demo_A", "N")).toHaveLength(200_000);
  });

  it("a 1 MB unterminated string is one MOF1002", () => {
    const result = compileText(`class Demo_A { string N = "${"x".repeat(mb)}`);
    expect(codesOf(result)).toContain("MOF1002");
  });

  it("a 1 MB identifier is a name like any other", () => {
    const result = compileText(`class ${"A".repeat(mb)} { };`);
    expect(result.failed).toBe(false);
    expect(onlyClass(result, "A".repeat(mb)).name).toHaveLength(mb);
  });

  it("a 1 MB integer literal is a diagnostic", () => {
    const result = compileText(`class Demo_A { uint64 N = ${"9".repeat(mb)}; };`);
    expect(result.failed).toBe(true);
  });

  it("a million-element array initializer is kept whole", () => {
    const result = compileText(`class Demo_A { uint8 N[] = {${"1,".repeat(999_999)}1}; };`);
    expect(result.failed).toBe(false);
    const value = defaultOf(result, "Demo_A", "N");
    expect(Array.isArray(value) ? value.length : -1).toBe(1_000_000);
  }, 120_000);

  it("a 10 MB string literal is kept whole (the string scanner is linear, no regex stack)", () => {
    const result = compileText(`class Demo_A { string N = "${"x".repeat(10 * mb)}"; };`);
    expect(codesOf(result)).not.toContain("MOF1199");
    expect(defaultOf(result, "Demo_A", "N")).toHaveLength(10 * mb);
  });
});

describe(`a ${bigFileBytes / 1e6} MB input`, () => {
  it("of comments ends in bounded time", () => {
    const line = "// padding comment line: the lexer must skip this without keeping anything ......\n";
    const result = compileText(line.repeat(Math.ceil(bigFileBytes / line.length)) + "class Demo_A { };");
    expect(result.failed).toBe(false);
  }, perInputMs + 60_000);

  it("of one block comment ends in bounded time", () => {
    const result = compileText(`/*${" x".repeat(bigFileBytes / 2)}*/ class Demo_A { };`);
    expect(result.failed).toBe(false);
  }, perInputMs + 60_000);

  it("that never closes its block comment is one MOF1003", () => {
    const result = compileText(`class Demo_A { }; /*${" x".repeat(bigFileBytes / 2)}`);
    expect(codesOf(result)).toContain("MOF1003");
  }, perInputMs + 60_000);

  it("of classes ends in bounded time", () => {
    const count = huge ? 1_500_000 : 30_000;
    const text = Array.from({ length: count }, (_, i) => `class Demo_C${i} { string Prop; uint32 Q = ${i}; };`).join("\n");
    const result = compileText(text);
    expect(result.failed).toBe(false);
  }, perInputMs + 60_000);
});

describe("error floods stay bounded", () => {
  it("20,000 junk declarations give a bounded number of diagnostics", () => {
    const result = compileText("class Demo_A { };\n}; ;\n".repeat(20_000));
    expect(result.failed).toBe(true);
    expect(result.diagnostics.length).toBeLessThanOrEqual(250);
  }, 120_000);

  it("50,000 broken class headers give a bounded number of diagnostics", () => {
    const result = compileText("class 1 { };\n".repeat(50_000));
    expect(result.failed).toBe(true);
    expect(result.diagnostics.length).toBeLessThanOrEqual(250);
  }, 120_000);

  it("100,000 unexpected characters give a bounded number of diagnostics", () => {
    const result = compileText("@".repeat(100_000));
    expect(result.failed).toBe(true);
    expect(result.diagnostics.length).toBeLessThanOrEqual(250);
  }, 120_000);
});

/**
 * `array.push(...items)` passes every item as an argument; beyond about 120,000 items V8 throws
 * RangeError (Maximum call stack size exceeded). These floods stay far below any size limit.
 */
describe("floods past V8's argument limit (150,000 items)", () => {
  const flood = 150_000;
  // Fixed: every stage appends through appendAll (src/diagnostics/append.ts).
  const spreadBug = (where: string) => `regression (${where}: push(...items) threw RangeError beyond ~120,000 items)`;

  it(`${spreadBug("src/parser/program-loader.ts:120 this.diagnostics.push(...parsed.diagnostics)")}: 150,000 invalid escapes in one string (300 KB) end in warnings`, () => {
    const result = compileText(`class Demo_A { string S = "${"\\d".repeat(flood)}"; };`);
    expect(result.failed).toBe(false);
  }, 120_000);

  it(`${spreadBug("src/parser/program-loader.ts:120")}: 150,000 unknown pragmas end in warnings`, () => {
    const result = compileText('#pragma frobnicate("x")\n'.repeat(flood));
    expect(result.failed).toBe(false);
  }, 120_000);

  it(`${spreadBug("src/compile.ts:44 diagnostics.push(...resolved.diagnostics)")}: 150,000 unknown flavors on one qualifier end in warnings`, () => {
    const result = compileText(`[Description("x") :${" Bogus".repeat(flood)}] class Demo_A { };`);
    expect(result.diagnostics.length).toBeGreaterThan(0);
  }, 120_000);

  it(`${spreadBug("src/parser/parse.ts:81 statements.push(...run.statements)")}: 150,000 classes in one file parse (no MOF1199)`, () => {
    const result = compileText(Array.from({ length: flood }, (_, i) => `class Demo_C${i} { };`).join("\n"));
    expect(codesOf(result)).not.toContain("MOF1199");
  }, 180_000);

  it(`${spreadBug("src/resolve/selection.ts:49 roots.push(...table.inputEntries)")}: 160,000 classes in four files resolve`, () => {
    const files: Record<string, string> = {};
    for (let f = 0; f < 4; f++) files[`f${f}.mof`] = Array.from({ length: 40_000 }, (_, i) => `class Demo_C${f}_${i} { };`).join("\n");
    const result = compile(Object.keys(files), { host: memoryHost(files) });
    expect(result.failed).toBe(false);
  }, 180_000);
});

describe("include depth and cycles", () => {
  it("a 2,000-file include chain resolves", () => {
    const files: Record<string, string> = {};
    for (let i = 1; i < 2000; i++) files[`f${i}.mof`] = `#pragma include("f${i + 1}.mof")\nclass Demo_F${i} { };\n`;
    files["f2000.mof"] = "class Demo_Last { };\n";
    const result = compileText('#pragma include("f1.mof")\n', files);
    expect(result.failed).toBe(false);
    expect(result.sources.size).toBe(2001);
  });

  it(
    "a 10,000-deep include chain stops at the include-depth limit (one MOF3005 showing the chain), not with RangeError",
    () => {
      const files: Record<string, string> = {};
      for (let i = 1; i < 10_000; i++) files[`f${i}.mof`] = `#pragma include("f${i + 1}.mof")\n`;
      files["f10000.mof"] = "class Demo_Last { };\n";
      const result = compileText('#pragma include("f1.mof")\n', files);
      expect(result.diagnostics.every((d) => d.code !== "MOF1199")).toBe(true);
      const tooDeep = result.diagnostics.filter((d) => d.code === "MOF3005");
      expect(tooDeep).toHaveLength(1);
      expect(tooDeep[0]?.message).toContain(`deeper than ${maxIncludeDepth} files: main.mof -> … -> f${maxIncludeDepth - 1}.mof -> f${maxIncludeDepth}.mof`);
      expect(tooDeep[0]?.related?.length).toBe(maxIncludeDepth - 1);
      expect(result.sources.has(`f${maxIncludeDepth}.mof`)).toBe(false);
    },
  );

  it("a cycle at the end of a 500-file chain is one MOF3003", () => {
    const files: Record<string, string> = {};
    for (let i = 1; i <= 500; i++) files[`f${i}.mof`] = `#pragma include("f${i === 500 ? 1 : i + 1}.mof")\n`;
    const result = compileText('#pragma include("f1.mof")\n', files);
    expect(result.diagnostics.filter((d) => d.code === "MOF3003")).toHaveLength(1);
  });

  it("a diamond of 20 levels (2^20 include paths) reads each file once", () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 20; i++) files[`d${i}.mof`] = `#pragma include("d${i + 1}.mof")\n#pragma include("d${i + 1}.mof")\nclass Demo_D${i} { };\n`;
    files["d20.mof"] = "class Demo_End { };\n";
    const result = compileText('#pragma include("d0.mof")\n', files);
    expect(result.failed).toBe(false);
    expect(result.sources.size).toBe(22);
  });
});

describe("deep inheritance", () => {
  const chain = huge ? 10_000 : 1_000;
  it(`a ${chain}-deep inheritance chain resolves`, () => {
    const text = ["class Demo_C0 { string P0; };", ...Array.from({ length: chain - 1 }, (_, i) => `class Demo_C${i + 1} : Demo_C${i} { string P${i + 1}; };`)].join("\n");
    const result = compileText(text);
    expect(result.failed).toBe(false);
    expect(onlyClass(result, `Demo_C${chain - 1}`).properties).toHaveLength(chain);
  }, perInputMs + 60_000);
});
