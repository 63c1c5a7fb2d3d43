/**
 * MOF token types (DSP0004 2.8 Annex A terminals, plus the WMI dialect).
 *
 * Keywords are case-insensitive and are members of the `Identifier` category, so every rule that accepts
 * a name also accepts a keyword spelled as a name (a property called `Scope`, a class called `Method`…).
 * Only words the grammar must branch on are keyword tokens; intrinsic type names, flavors, scopes and
 * `true` / `false` / `null` / `void` are plain identifiers checked by name in the parser (fewer token
 * types keep the lexer fast and avoid keyword-vs-name ambiguities).
 *
 * Malformed literals (unterminated strings, bad numbers) still lex as their literal token; the value
 * decoder in `ast/literals.ts` reports them, so one mistake gives one diagnostic, not a cascade.
 * Every token type carries a `LABEL` used in diagnostics ("';' expected").
 */
import { createToken, Lexer, type TokenType } from "chevrotain";
import {
  matchBlockComment,
  matchChar16,
  matchPreprocessorLine,
  matchString,
  matchUnterminatedComment,
} from "./scanners.js";

/** Token groups collected by the lexer but not seen by the parser. */
export const invalidGroup = "invalid";
export const preprocessorGroup = "preprocessor";

const identifierStart = "A-Za-z_\\u0080-\\uFFFF";
const identifierPart = "A-Za-z0-9_\\u0080-\\uFFFF";

export const WhiteSpace = createToken({
  name: "WhiteSpace",
  pattern: /[ \t\r\n\f\v\u00a0\ufeff\u001a]+/,
  group: Lexer.SKIPPED,
  line_breaks: true,
});
export const LineComment = createToken({
  name: "LineComment",
  pattern: /\/\/[^\r\n]*/,
  group: Lexer.SKIPPED,
});
export const BlockComment = createToken({
  name: "BlockComment",
  pattern: { exec: matchBlockComment },
  start_chars_hint: ["/"],
  group: Lexer.SKIPPED,
  line_breaks: true,
});
/** `/*` without `*\/`: reported as MOF1003. */
export const UnterminatedComment = createToken({
  name: "UnterminatedComment",
  pattern: { exec: matchUnterminatedComment },
  start_chars_hint: ["/"],
  group: invalidGroup,
  line_breaks: true,
});

/** `#pragma`, any case, spaces allowed after `#` (DSP0004 §7.3 / A.1 compilerDirective). */
export const Pragma = createToken({
  name: "Pragma",
  pattern: /#[ \t]*pragma(?![A-Za-z0-9_])/i,
  label: "'#pragma'",
});
/** C preprocessor lines seen in Windows sample MOFs: reported as MOF1006 (`#include "x"` passes through). */
export const PreprocessorLine = createToken({
  name: "PreprocessorLine",
  pattern: { exec: matchPreprocessorLine },
  start_chars_hint: ["#"],
  group: preprocessorGroup,
  // A `#define` continues over lines ending in a backslash.
  line_breaks: true,
});

export const Identifier = createToken({
  name: "Identifier",
  pattern: new RegExp(`[${identifierStart}][${identifierPart}]*`),
  label: "identifier",
});

function keyword(name: string, word: string): TokenType {
  return createToken({
    name,
    pattern: new RegExp(`${word}(?![${identifierPart}])`, "i"),
    categories: [Identifier],
    label: `'${word}'`,
  });
}

export const Class = keyword("Class", "class");
export const Association = keyword("Association", "association");
export const Indication = keyword("Indication", "indication");
export const Instance = keyword("Instance", "instance");
export const Of = keyword("Of", "of");
export const As = keyword("As", "as");
export const Ref = keyword("Ref", "ref");
export const QualifierKeyword = keyword("QualifierKeyword", "qualifier");
export const Scope = keyword("Scope", "scope");
export const Flavor = keyword("Flavor", "flavor");

/** `$Name` (DSP0004 A.1 aliasIdentifier). */
export const AliasIdentifier = createToken({
  name: "AliasIdentifier",
  pattern: new RegExp(`\\$[${identifierStart}][${identifierPart}]*`),
  label: "alias ('$Name')",
});

/**
 * A string literal, or a run of adjacent ones with only whitespace between them (so it may span lines);
 * the closing quote is optional so an unterminated string is one token (MOF1002).
 */
export const StringLiteral = createToken({
  name: "StringLiteral",
  pattern: { exec: matchString },
  start_chars_hint: ['"'],
  line_breaks: true,
  label: "string",
});
/** A char16 literal `'a'`, `'\x41'`; the closing quote is optional (reported when decoding). */
export const Char16Literal = createToken({
  name: "Char16Literal",
  pattern: { exec: matchChar16 },
  start_chars_hint: ["'"],
  line_breaks: false,
  label: "char16 literal",
});
/** Reals need a `.` or an exponent; tried before integers. */
export const RealLiteral = createToken({
  name: "RealLiteral",
  pattern: /[+-]?(?:\d*\.\d+(?:[eE][+-]?\d+)?|\d+\.(?:[eE][+-]?\d+)?|\d+[eE][+-]?\d+)/,
  label: "number",
});
/** Decimal, hex `0x1F`, octal `017`, binary `101b`; trailing letters are swallowed so `12ab` is one bad number. */
export const IntegerLiteral = createToken({
  name: "IntegerLiteral",
  pattern: /[+-]?\d[0-9A-Za-z_]*/,
  label: "number",
});

export const LBrace = createToken({ name: "LBrace", pattern: "{", label: "'{'" });
export const RBrace = createToken({ name: "RBrace", pattern: "}", label: "'}'" });
export const LParen = createToken({ name: "LParen", pattern: "(", label: "'('" });
export const RParen = createToken({ name: "RParen", pattern: ")", label: "')'" });
export const LBracket = createToken({ name: "LBracket", pattern: "[", label: "'['" });
export const RBracket = createToken({ name: "RBracket", pattern: "]", label: "']'" });
export const Semicolon = createToken({ name: "Semicolon", pattern: ";", label: "';'" });
export const Comma = createToken({ name: "Comma", pattern: ",", label: "','" });
export const Colon = createToken({ name: "Colon", pattern: ":", label: "':'" });
export const Equals = createToken({ name: "Equals", pattern: "=", label: "'='" });

/** Keyword tokens, in lexer order (each must precede `Identifier`). */
export const keywordTokens: readonly TokenType[] = [
  Class,
  Association,
  Indication,
  Instance,
  Of,
  As,
  Ref,
  QualifierKeyword,
  Scope,
  Flavor,
];

/** Lexer order matters: first match wins, so comments precede `/`-free tokens and keywords precede names. */
export const allTokens: readonly TokenType[] = [
  WhiteSpace,
  LineComment,
  BlockComment,
  UnterminatedComment,
  Pragma,
  PreprocessorLine,
  StringLiteral,
  Char16Literal,
  RealLiteral,
  IntegerLiteral,
  AliasIdentifier,
  LBrace,
  RBrace,
  LParen,
  RParen,
  LBracket,
  RBracket,
  Semicolon,
  Comma,
  Colon,
  Equals,
  ...keywordTokens,
  Identifier,
];
