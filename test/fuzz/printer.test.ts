/**
 * The MOF printer on hand-built trees: every node kind, and every escape, with the exact text expected.
 */
import { describe, expect, it } from "vitest";
import type { Identifier, MofFile, Qualifier, Span, Statement, StringLiteral, Value } from "../../src/ast/nodes.js";
import { printChar16, printInteger, printReal, printString } from "../../src/printer/literals.js";
import { formatMof } from "../../src/printer/print.js";

const span: Span = { file: "t.mof", start: 0, end: 0 };
const id = (name: string): Identifier => ({ kind: "Identifier", name, span });
const str = (value: string): StringLiteral => ({ kind: "StringLiteral", value, span });
const int = (value: bigint, radix: 2 | 8 | 10 | 16 = 10): Value => ({ kind: "IntegerLiteral", value, radix, span });
const q = (name: string, value?: Value, flavors: string[] = []): Qualifier => ({
  kind: "Qualifier",
  name: id(name),
  ...(value === undefined ? {} : { value }),
  flavors: flavors.map((f) => ({ kind: "Flavor", name: f, span })),
  span,
});
const file = (...statements: Statement[]): MofFile => ({ kind: "MofFile", file: "t.mof", statements, span });

describe("literal spelling", () => {
  it.each([
    ["plain", "abc", '"abc"'],
    ["quote and backslash", 'a"b\\c', '"a\\"b\\\\c"'],
    ["single quote stays raw in a string", "it's", `"it's"`],
    ["named escapes", "\b\t\n\f\r", '"\\b\\t\\n\\f\\r"'],
    ["NUL and controls as four-digit hex", "\0\x1b\x7f\x85", '"\\x0000\\x001B\\x007F\\x0085"'],
    ["hex digit after an escape cannot join it", "\0A", '"\\x0000A"'],
    ["line and paragraph separators, BOM", "\u2028\u2029\ufeff", '"\\x2028\\x2029\\xFEFF"'],
    ["lone surrogates", "\ud800x\udfff", '"\\xD800x\\xDFFF"'],
    ["well-formed pair stays raw", "\ud83d\ude00", '"\ud83d\ude00"'],
    ["comment openers are inert inside strings", "*/ /* //", '"*/ /* //"'],
  ])("string: %s", (_name, value, expected) => {
    expect(printString(value)).toBe(expected);
  });

  it.each([
    ["a", "'a'"],
    ["'", "'\\''"],
    ['"', "'\"'"],
    ["\\", "'\\\\'"],
    ["\n", "'\\n'"],
    ["\0", "'\\x0000'"],
  ])("char16 %j", (value, expected) => {
    expect(printChar16(value)).toBe(expected);
  });

  it.each<[bigint, 2 | 8 | 10 | 16, string]>([
    [0n, 10, "0"],
    [-42n, 10, "-42"],
    [31n, 16, "0x1F"],
    [-31n, 16, "-0x1F"],
    [15n, 8, "017"],
    [5n, 2, "101b"],
    [0n, 2, "0b"],
    [2n ** 64n - 1n, 10, "18446744073709551615"],
  ])("integer %s in radix %s", (value, radix, expected) => {
    expect(printInteger(value, radix)).toBe(expected);
  });

  it.each<[number, string]>([
    [1, "1.0"],
    [1.5, "1.5"],
    [-0, "-0.0"],
    [1e21, "1.0e+21"],
    [5e-7, "5.0e-7"],
    [1.25e-300, "1.25e-300"],
  ])("real %s", (value, expected) => {
    expect(printReal(value)).toBe(expected);
  });

  it("refuses a non-finite real, which no MOF text can hold", () => {
    expect(() => printReal(Number.NaN)).toThrow(RangeError);
  });
});

describe("formatMof", () => {
  it("prints nothing for an empty file", () => {
    expect(formatMof(file())).toBe("");
  });

  it("prints every statement and feature kind canonically", () => {
    const embedded: Value = {
      kind: "InstanceValue",
      instance: {
        kind: "InstanceDeclaration",
        qualifiers: [],
        className: id("CIM_Embedded"),
        properties: [{ kind: "PropertyValue", qualifiers: [], name: id("Id"), value: int(7n), span }],
        span,
      },
      span,
    };
    const text = formatMof(
      file(
        { kind: "PragmaDirective", name: id("namespace"), args: [str("\\\\.\\root\\cimv2")], span },
        { kind: "PragmaDirective", name: id("deleteclass"), args: [str("X"), { kind: "EnumLiteral", name: "NOFAIL", span }], span },
        { kind: "PragmaDirective", name: id("autorecover"), args: [], span },
        {
          kind: "QualifierTypeDeclaration",
          name: id("ValueMap"),
          type: { kind: "IntrinsicType", name: "string", span },
          array: { span },
          defaultValue: { kind: "NullLiteral", span },
          scopes: [id("property"), id("method")],
          flavors: [{ kind: "Flavor", name: "EnableOverride", span }],
          span,
        },
        { kind: "QualifierTypeDeclaration", name: id("write"), scopes: [], flavors: [{ kind: "Flavor", name: "ToInstance", span }], span },
        {
          kind: "ClassDeclaration",
          qualifiers: [q("Abstract"), q("Description", str("A \"thing\"."), ["Amended"]), q("ValueMap", { kind: "ArrayLiteral", elements: [str("0"), str("1")], span })],
          keyword: "class",
          name: id("CIM_Thing"),
          alias: id("Thing"),
          superclass: id("CIM_Base"),
          features: [
            { kind: "PropertyDeclaration", qualifiers: [q("Key")], type: { kind: "IntrinsicType", name: "uint16", span }, name: id("Id"), array: { size: 4, span }, defaultValue: { kind: "ArrayLiteral", elements: [int(1n), int(255n, 16)], span }, span },
            { kind: "PropertyDeclaration", qualifiers: [], type: { kind: "ReferenceType", className: id("CIM_Base"), span }, name: id("Owner"), defaultValue: { kind: "AliasReference", name: "Base1", span }, span },
            { kind: "PropertyDeclaration", qualifiers: [], type: { kind: "ClassType", className: id("CIM_Embedded"), span }, name: id("Inner"), defaultValue: embedded, span },
            { kind: "PropertyDeclaration", qualifiers: [], type: { kind: "IntrinsicType", name: "char16", span }, name: id("C"), defaultValue: { kind: "Char16Literal", value: "'", span }, span },
            { kind: "PropertyDeclaration", qualifiers: [], type: { kind: "IntrinsicType", name: "boolean", span }, name: id("On"), defaultValue: { kind: "BooleanLiteral", value: true, span }, span },
            { kind: "PropertyDeclaration", qualifiers: [], type: { kind: "IntrinsicType", name: "real64", span }, name: id("Ratio"), defaultValue: { kind: "RealLiteral", value: 2, span }, span },
            {
              kind: "MethodDeclaration",
              qualifiers: [q("Static")],
              returnType: { kind: "IntrinsicType", name: "uint32", span },
              name: id("Reset"),
              parameters: [
                { kind: "ParameterDeclaration", qualifiers: [q("IN"), q("OUT", { kind: "BooleanLiteral", value: false, span })], type: { kind: "IntrinsicType", name: "string", span }, name: id("Names"), array: { span }, span },
                { kind: "ParameterDeclaration", qualifiers: [], type: { kind: "ReferenceType", className: id("CIM_Base"), span }, name: id("Target"), span },
              ],
              span,
            },
            { kind: "MethodDeclaration", qualifiers: [], name: id("Stop"), parameters: [], span },
            { kind: "MethodDeclaration", qualifiers: [], returnType: { kind: "IntrinsicType", name: "string", span }, returnArray: { span }, name: id("List"), parameters: [], span },
          ],
          span,
        },
        {
          kind: "InstanceDeclaration",
          qualifiers: [q("Locale", int(1033n))],
          className: id("CIM_Thing"),
          alias: id("T1"),
          properties: [
            { kind: "PropertyValue", qualifiers: [], name: id("Id"), value: { kind: "ArrayLiteral", elements: [], span }, span },
            { kind: "PropertyValue", qualifiers: [q("Key")], name: id("Inner"), value: embedded, span },
            { kind: "PropertyValue", qualifiers: [], name: id("Empty"), span },
          ],
          span,
        },
      ),
    );
    expect(text).toBe(
      [
        '#pragma namespace("\\\\\\\\.\\\\root\\\\cimv2")',
        '#pragma deleteclass("X", NOFAIL)',
        "#pragma autorecover",
        "",
        "Qualifier ValueMap : string[] = NULL, Scope(property, method), Flavor(EnableOverride);",
        "Qualifier write : ToInstance;",
        "",
        '[Abstract, Description("A \\"thing\\".") : Amended, ValueMap{"0", "1"}]',
        "class CIM_Thing as $Thing : CIM_Base",
        "{",
        "    [Key]",
        "    uint16 Id[4] = {1, 0xFF};",
        "    CIM_Base REF Owner = $Base1;",
        "    CIM_Embedded Inner = instance of CIM_Embedded",
        "    {",
        "        Id = 7;",
        "    };",
        "    char16 C = '\\'';",
        "    boolean On = TRUE;",
        "    real64 Ratio = 2.0;",
        "    [Static]",
        "    uint32 Reset([IN, OUT(FALSE)] string Names[], CIM_Base REF Target);",
        "    void Stop();",
        "    string[] List();",
        "};",
        "",
        "[Locale(1033)]",
        "instance of CIM_Thing as $T1",
        "{",
        "    Id = {};",
        "    [Key]",
        "    Inner = instance of CIM_Embedded",
        "    {",
        "        Id = 7;",
        "    };",
        "    Empty;",
        "};",
        "",
      ].join("\n"),
    );
  });
});
