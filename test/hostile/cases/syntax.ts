/**
 * Hostile text for the reader, lexer and parser: broken encodings, control characters, unterminated
 * constructs, malformed literals, preprocessor lines, broken declarations.
 */
import { expect } from "vitest";
import { errors, knownBug, mof, ok, type HostileCase } from "./types.js";
import type { CompileResult } from "../../../src/compile.js";

const classNames = (r: CompileResult): string[] => r.schema?.namespaces.flatMap((n) => n.classes.map((c) => c.name)) ?? [];

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === "string" ? [...utf8(p)] : p)));
function utf16(text: string, bigEndian: boolean, withBom = true): Uint8Array {
  const units = [...(withBom ? [0xfeff] : []), ...Array.from(text, (_, i) => text.charCodeAt(i))];
  const out = new Uint8Array(units.length * 2);
  units.forEach((u, i) => {
    out[2 * i + (bigEndian ? 0 : 1)] = u >> 8;
    out[2 * i + (bigEndian ? 1 : 0)] = u & 0xff;
  });
  return out;
}

const cls = "class Demo_A { string Name; };\n";

export const syntaxCases: HostileCase[] = [
  // Empty and near-empty files
  mof("empty file", "", ok()),
  mof("only whitespace", " \t\r\n\n  \f ", ok()),
  mof("only comments", "// line\n/* block\n * more */\n", ok()),
  mof("UTF-8 BOM only", bytes([0xef, 0xbb, 0xbf]), ok()),
  mof("UTF-16LE BOM only", bytes([0xff, 0xfe]), ok()),

  // Encodings
  mof("UTF-16LE with BOM", utf16(cls, false), ok()),
  mof("UTF-16BE with BOM", utf16(cls, true), ok()),
  mof("UTF-16LE with an odd byte count", bytes([...utf16(cls, false)], [0x41]), errors()),
  mof("UTF-16LE with a lone high surrogate in a string", utf16('class Demo_A { string N = "\ud800"; };', false), ok()),
  mof("UTF-16LE with a lone surrogate between tokens", utf16("class Demo_A \udc00 { };", false), errors()),
  mof("invalid UTF-8 byte in a string", bytes('class Demo_A { string N = "', [0xff], '"; };'), ok("MOF1009")),
  mof("CESU-8 encoded surrogate in a string", bytes('class Demo_A { string N = "', [0xed, 0xa0, 0x80], '"; };'), ok("MOF1009")),
  mof("overlong UTF-8 slash", bytes('class Demo_A { string N = "', [0xc0, 0xaf], '"; };'), ok("MOF1009")),
  mof("truncated UTF-8 sequence at end of file", bytes(cls, [0xe2, 0x82]), errors("MOF1009")),
  mof("UTF-32LE BOM and text", bytes([0xff, 0xfe, 0x00, 0x00], [0x63, 0, 0, 0, 0x6c, 0, 0, 0]), errors()),
  mof("UTF-32BE BOM and text", bytes([0x00, 0x00, 0xfe, 0xff], [0, 0, 0, 0x63, 0, 0, 0, 0x6c]), errors()),
  mof("UTF-16BE BOM with an odd byte count", bytes([...utf16(cls, true)], [0x41]), errors()),
  // The decoder recognises BOM-less UTF-16 by its NUL pattern.
  mof("UTF-16LE without a BOM", utf16(cls, false, false), ok(), (r) => expect(classNames(r)).toEqual(["Demo_A"])),
  mof("UTF-7 BOM", bytes("+/v8-", cls), errors()),
  mof("Windows-1252 bytes that have no character (0x81, 0x8D, 0x8F, 0x90, 0x9D) in a string", bytes('class Demo_A { string N = "', [0x81, 0x8d, 0x8f, 0x90, 0x9d], '"; };'), ok("MOF1009")),
  // U+201C/U+201D are identifier characters in DSP0004 (U+0080..U+FFEF): `“x”` reads as a bare name.
  mof("Windows-1252 smart quotes around a string read as a name", bytes("class Demo_A { string N = ", [0x93], "x", [0x94], "; };"), ok("MOF1009")),
  mof("PNG header (binary file)", bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]), errors("MOF1005")),
  mof("file of NUL bytes", new Uint8Array(4096), errors("MOF1005")),
  mof("ELF header", bytes([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]), errors("MOF1005")),
  // U+FEFF between declarations reads as a zero-width no-break space: harmless, both classes survive.
  mof("BOM in the middle of the file", bytes(cls, [0xef, 0xbb, 0xbf], cls.replace("Demo_A", "Demo_B")), ok(), (r) =>
    expect(classNames(r)).toEqual(["Demo_A", "Demo_B"]),
  ),

  // Control characters
  mof("NUL byte between tokens", bytes("class Demo_A", [0], " { };"), errors("MOF1005")),
  mof("NUL byte inside a string", bytes('class Demo_A { string N = "a', [0], 'b"; };'), errors()),
  mof("escape character between tokens", "class Demo_A \x1b[31m { };", errors("MOF1001")),
  mof("lone CR line ends", "class Demo_A\r{\r string Name;\r};\r", ok()),
  // DSP0004 identifiers may hold any of U+0080..U+FFEF, so these characters end up inside names; the
  // emitter must keep them out of generated identifiers (see emit-injection.test.ts).
  mof("U+2028 right after a class name joins the name", "class Demo_A\u2028{ string Name; };", ok(), (r) =>
    expect(classNames(r)).toEqual(["Demo_A\u2028"]),
  ),
  mof("U+2029 inside a string", 'class Demo_A { string N = "a\u2029b"; };', ok()),
  mof("form feed and vertical tab are whitespace", "class Demo_A\f{\v};", ok(), (r) => expect(classNames(r)).toEqual(["Demo_A"])),
  mof("right-to-left override in a comment (Trojan Source)", "// \u202e };\n" + cls, ok()),
  mof("right-to-left override in a name is kept as written", "class Demo\u202eA { };", ok(), (r) => expect(classNames(r)).toEqual(["Demo\u202eA"])),
  mof("zero-width space in a name is kept as written", "class Demo\u200bA { };", ok(), (r) => expect(classNames(r)).toEqual(["Demo\u200bA"])),

  // Unterminated constructs
  mof("unterminated string at end of file", 'class Demo_A { string N = "abc', errors("MOF1002")),
  mof("string broken by a newline", 'class Demo_A { string N = "abc\ndef"; };', errors("MOF1002")),
  mof("string ending in a backslash", 'class Demo_A { string N = "abc\\', errors("MOF1002")),
  mof("unterminated block comment", "/* never closed\n" + cls, errors("MOF1003")),
  mof("nested block comment opener", "/* /* */ */\n" + cls, errors()),
  mof("unterminated char16", "class Demo_A { char16 C = 'a; };", errors()),
  mof("unterminated qualifier list", "[Description(\"x\")\nclass Demo_A { };", errors()),
  mof("missing closing brace", "class Demo_A { string Name;", errors()),
  mof("missing final semicolon", "class Demo_A { string Name; }", errors("MOF1101")),
  mof("stray closing brace", "};\n" + cls, errors()),
  mof("stray comment closer", "*/\n" + cls, errors()),
  mof("unbalanced parentheses in a method", "class Demo_A { uint32 M(string a; };", errors()),

  // Escapes and literals
  mof("invalid escape \\d is kept with a warning", 'class Demo_A { string N = "a\\db"; };', ok("MOF1004")),
  mof("escape \\x without digits", 'class Demo_A { string N = "\\xg"; };', ok("MOF1004")),
  mof("escape \\x with five hex digits", 'class Demo_A { string N = "\\x0004142"; };', ok()),
  mof("escape \\x of a lone surrogate", 'class Demo_A { string N = "\\xD800"; };', ok()),
  mof("escape \\x0000 (NUL) in a string", 'class Demo_A { string N = "a\\x0000b"; };', ok()),
  mof("empty char16", "class Demo_A { char16 C = ''; };", errors("MOF1008")),
  mof("char16 with two characters", "class Demo_A { char16 C = 'ab'; };", errors("MOF1008")),
  mof("hex prefix without digits", "class Demo_A { uint32 N = 0x; };", errors()),
  mof("invalid octal digit", "class Demo_A { uint32 N = 089; };", errors()),
  mof("binary literal with a 2", "class Demo_A { uint32 N = 1012b; };", errors()),
  // Deliberate leniency of the lexer (RealLiteral accepts `1.`): read as 1.0, no diagnostic.
  mof("real without digits after the point is read leniently", "class Demo_A { real64 N = 1.; };", ok()),
  mof("real with an empty exponent", "class Demo_A { real64 N = 1.0e; };", errors()),
  mof("real overflowing to infinity", "class Demo_A { real64 N = 1.0e999; };", errors("MOF1011")),
  mof("real underflowing to zero is accepted", "class Demo_A { real64 N = 1.0e-999; };", ok()),
  mof("integer with 400 digits", `class Demo_A { uint64 N = ${"9".repeat(400)}; };`, errors("MOF2007")),
  mof("sign without a number", "class Demo_A { sint32 N = -; };", errors()),
  mof("double minus", "class Demo_A { sint32 N = --1; };", errors()),

  // Preprocessor and pragmas
  mof("C #include line", '#include "other.mof"\n' + cls, errors("MOF1006")),
  mof("C #define line", "#define FOO 1\n" + cls, errors("MOF1006")),
  mof("C #ifdef block", "#ifdef X\n" + cls + "#endif\n", errors("MOF1006")),
  mof("#pragma without a name", "#pragma\n" + cls, errors()),
  mof("#pragma with an unclosed argument list", '#pragma namespace("root\n' + cls, errors()),
  mof("unknown pragma is a warning", "#pragma frobnicate(\"x\")\n" + cls, ok("MOF1105")),
  mof("#pragma include without arguments", "#pragma include()\n" + cls, errors()),
  mof("#pragma include with a number", "#pragma include(42)\n" + cls, errors("MOF3004")),
  mof("# alone on a line", "#\n" + cls, errors()),

  // Broken declarations
  mof("class without a name", "class { };", errors()),
  mof("class with two superclasses", "class Demo_A : Demo_B : Demo_C { };", errors()),
  mof("property without a type", "class Demo_A { Name; };", errors()),
  mof("array size that is not a number", "class Demo_A { string N[abc]; };", errors()),
  mof("negative array size", "class Demo_A { string N[-1]; };", errors("MOF1108")),
  mof("zero array size", "class Demo_A { string N[0]; };", errors("MOF1108")),
  mof("huge array size", `class Demo_A { string N[${"9".repeat(30)}]; };`, errors("MOF1108")),
  mof("qualifier with both () and {}", 'class Demo_A { [ValueMap("0"){"1"}] uint8 N; };', errors()),
  mof("flavor list without a qualifier", "class Demo_A { [: ToSubclass] uint8 N; };", errors()),
  mof("instance without a class name", "instance of { N = 1; };", errors()),
  mof("alias without a name", "instance of Demo_A as $ { };", errors()),
  mof("value list without commas", 'class Demo_A { string N[] = {"a" "b" 1 2}; };', errors()),
  mof("method returning an array of references", "[Association] class Demo_A { Demo_A REF[] M(); };", ok()),
  mof("keyword soup", "class class class instance of of as ref ref;", errors()),
  mof("dollar signs everywhere", "$ $$ $a $1 ;", errors()),
];
