import { describe, expect, it } from "vitest";
import { tokenize, validateLexerDefinition } from "../../src/lexer/lexer.js";

function kinds(text: string): string[] {
  return tokenize(text, "t.mof").tokens.map((t) => `${t.tokenType.name}:${t.image}`);
}

describe("tokenize", () => {
  it("uses a token list that passes Chevrotain's definition checks (skipped at run time)", () => {
    expect(validateLexerDefinition()).toEqual([]);
  });

  it("reads keywords in any case as keyword tokens", () => {
    expect(
      kinds(
        "CLASS Class class cLaSs instance OF As REF qualifier SCOPE flavor association INDICATION",
      ),
    ).toEqual([
      "Class:CLASS",
      "Class:Class",
      "Class:class",
      "Class:cLaSs",
      "Instance:instance",
      "Of:OF",
      "As:As",
      "Ref:REF",
      "QualifierKeyword:qualifier",
      "Scope:SCOPE",
      "Flavor:flavor",
      "Association:association",
      "Indication:INDICATION",
    ]);
  });

  it("does not split identifiers that start with a keyword", () => {
    expect(kinds("classes Referenced Of_X asX")).toEqual([
      "Identifier:classes",
      "Identifier:Referenced",
      "Identifier:Of_X",
      "Identifier:asX",
    ]);
  });

  it("reads identifiers with underscores, digits and non-ASCII letters", () => {
    expect(kinds("_x CIM_Foo2 Grüße __Win32Provider")).toEqual([
      "Identifier:_x",
      "Identifier:CIM_Foo2",
      "Identifier:Grüße",
      "Identifier:__Win32Provider",
    ]);
  });

  it("reads punctuation, aliases and literals", () => {
    expect(kinds("{ } ( ) [ ] ; , : = $Alias_1 \"s\" 'c' 12 -3 0x1F 101b 1.5 -2e3 .5")).toEqual([
      "LBrace:{",
      "RBrace:}",
      "LParen:(",
      "RParen:)",
      "LBracket:[",
      "RBracket:]",
      "Semicolon:;",
      "Comma:,",
      "Colon::",
      "Equals:=",
      "AliasIdentifier:$Alias_1",
      'StringLiteral:"s"',
      "Char16Literal:'c'",
      "IntegerLiteral:12",
      "IntegerLiteral:-3",
      "IntegerLiteral:0x1F",
      "IntegerLiteral:101b",
      "RealLiteral:1.5",
      "RealLiteral:-2e3",
      "RealLiteral:.5",
    ]);
  });

  it("reads #pragma in any case and with blanks after '#'", () => {
    expect(kinds("#pragma #PRAGMA #  Pragma")).toEqual([
      "Pragma:#pragma",
      "Pragma:#PRAGMA",
      "Pragma:#  Pragma",
    ]);
  });

  it("skips comments and whitespace of every kind, CRLF included", () => {
    expect(kinds("a // line\r\n/* block\r\n * more */ b\t\fc\u001a")).toEqual([
      "Identifier:a",
      "Identifier:b",
      "Identifier:c",
    ]);
  });

  it("keeps strings with escaped quotes as one token", () => {
    expect(kinds('"a \\" b", "c"')).toEqual(['StringLiteral:"a \\" b"', "Comma:,", 'StringLiteral:"c"']);
  });

  it("reads a run of adjacent strings separated by whitespace as one token", () => {
    expect(kinds('"a \\" b" "c"\n\t  "d""e"')).toEqual(['StringLiteral:"a \\" b" "c"\n\t  "d""e"']);
  });

  it("ends a run of strings at a comment or an unterminated part", () => {
    expect(kinds('"a" // c\n"b" /* c */ "c" "d\n"e"')).toEqual([
      'StringLiteral:"a"',
      'StringLiteral:"b"',
      'StringLiteral:"c"',
      'StringLiteral:"d',
      'StringLiteral:"e"',
    ]);
    expect(kinds('"open\n  "next" \'x\' \'y\'')).toEqual([
      'StringLiteral:"open',
      'StringLiteral:"next"',
      "Char16Literal:'x'",
      "Char16Literal:'y'",
    ]);
  });

  it("records offsets only", () => {
    const [a, b] = tokenize("ab\n  cd", "t.mof").tokens;
    expect([a?.startOffset, b?.startOffset]).toEqual([0, 5]);
  });
});

describe("lexical diagnostics", () => {
  it("MOF1001 for an unexpected character, with its offset", () => {
    const { tokens, diagnostics } = tokenize("class A { @ };", "t.mof");
    expect(diagnostics.map((d) => [d.code, d.message, d.span?.start])).toEqual([
      ["MOF1001", "Unexpected character '@'.", 10],
    ]);
    expect(tokens.map((t) => t.image)).toEqual(["class", "A", "{", "}", ";"]);
  });

  it("MOF1003 for an unterminated block comment", () => {
    const { diagnostics } = tokenize("class A /* never closed", "t.mof");
    expect(diagnostics.map((d) => [d.code, d.span?.start, d.span?.end])).toEqual([
      ["MOF1003", 8, 23],
    ]);
  });

  it("MOF1006 for C preprocessor lines, naming the line; #define continues over backslash lines", () => {
    const { tokens, diagnostics } = tokenize(
      "#define X \\\n  more\n#ifdef Y\nclass A {};\n#endif\n",
      "t.mof",
    );
    expect(diagnostics.map((d) => [d.code, d.severity, d.message])).toEqual([
      ["MOF1006", "error", "C preprocessor directive '#define X \\' is not MOF."],
      ["MOF1006", "error", "C preprocessor directive '#ifdef Y' is not MOF."],
      ["MOF1006", "error", "C preprocessor directive '#endif' is not MOF."],
    ]);
    expect(tokens.map((t) => t.image)).toEqual(["class", "A", "{", "}", ";"]);
  });

  it('passes #include "x.mof" through as #pragma include, with a warning', () => {
    const { tokens, diagnostics } = tokenize('#include "parts\\x.mof"\nclass A {};', "t.mof");
    expect(diagnostics.map((d) => [d.code, d.severity, d.hint])).toEqual([
      ["MOF1006", "warning", 'It is read as #pragma include("parts\\x.mof").'],
    ]);
    expect(tokens.slice(0, 5).map((t) => t.tokenType.name)).toEqual([
      "Pragma",
      "Identifier",
      "LParen",
      "StringLiteral",
      "RParen",
    ]);
    expect(tokens[5]?.image).toBe("class");
  });

  it('reports #include of a C header as a preprocessor line, and does not include it', () => {
    const { tokens, diagnostics } = tokenize('#include <windows.h>\n#include "wbemidl.H"\nclass A {};', "t.mof");
    expect(diagnostics.map((d) => [d.code, d.severity, d.message])).toEqual([
      ["MOF1006", "error", "C preprocessor directive '#include <windows.h>' is not MOF."],
      ["MOF1006", "error", `C preprocessor directive '#include "wbemidl.H"' is not MOF.`],
    ]);
    expect(tokens.map((t) => t.image)).toEqual(["class", "A", "{", "}", ";"]);
  });
});
