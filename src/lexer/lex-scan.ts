/**
 * A hand-written scanner for the MOF token list in `tokens.ts`: the same tokens as the Chevrotain lexer
 * built from `allTokens` (same types, images, offsets and groups, same token object shape), in a third of
 * the time, because one tight loop dispatches on the first character instead of Chevrotain's generic
 * pattern loop. It covers clean text only: at the first character no token can start with, it gives up
 * and the caller lexes the file with Chevrotain, whose error recovery stays the single source of truth.
 *
 * The scanner hard-codes what the token patterns mean, so it checks at load time that the token list is
 * still the one it was written for (`scannerMatchesTokens`); if anything differs it is never used. The
 * custom matchers (strings, comments, preprocessor lines) and the number, alias and pragma patterns are
 * not copied: the scanner calls those very functions and regular expressions.
 */
import { Lexer, type ILexingError, type IToken, type TokenType } from "chevrotain";
import {
  allTokens,
  AliasIdentifier,
  BlockComment,
  Char16Literal,
  Identifier,
  IntegerLiteral,
  invalidGroup,
  LineComment,
  Pragma,
  PreprocessorLine,
  preprocessorGroup,
  RealLiteral,
  StringLiteral,
  UnterminatedComment,
  WhiteSpace,
} from "./tokens.js";
import {
  matchBlockComment,
  matchChar16,
  matchPreprocessorLine,
  matchString,
  matchUnterminatedComment,
} from "./scanners.js";

/** What Chevrotain's `tokenize` returns for text without lexing errors. */
export interface ScanResult {
  readonly tokens: IToken[];
  readonly groups: { [group: string]: IToken[] };
  /** Always empty: text with a lexing error is left to Chevrotain. */
  readonly errors: readonly ILexingError[];
}

const noErrors: readonly ILexingError[] = Object.freeze([]);

/** Token names in lexer order, as the scanner expects them (keywords sit between `Equals` and `Identifier`). */
const expectedOrder = [
  "WhiteSpace",
  "LineComment",
  "BlockComment",
  "UnterminatedComment",
  "Pragma",
  "PreprocessorLine",
  "StringLiteral",
  "Char16Literal",
  "RealLiteral",
  "IntegerLiteral",
  "AliasIdentifier",
  "LBrace",
  "RBrace",
  "LParen",
  "RParen",
  "LBracket",
  "RBracket",
  "Semicolon",
  "Comma",
  "Colon",
  "Equals",
];

/** Regular-expression tokens whose meaning the scanner relies on, pinned to their exact source. */
const pinnedPatterns: ReadonlyArray<readonly [TokenType, string, string]> = [
  [WhiteSpace, "[ \\t\\r\\n\\f\\v\\u00a0\\ufeff\\u001a]+", ""],
  [LineComment, "\\/\\/[^\\r\\n]*", ""],
  [Pragma, "#[ \\t]*pragma(?![A-Za-z0-9_])", "i"],
  [
    RealLiteral,
    "[+-]?(?:\\d*\\.\\d+(?:[eE][+-]?\\d+)?|\\d+\\.(?:[eE][+-]?\\d+)?|\\d+[eE][+-]?\\d+)",
    "",
  ],
  [IntegerLiteral, "[+-]?\\d[0-9A-Za-z_]*", ""],
  [AliasIdentifier, "\\$[A-Za-z_\\u0080-\\uFFFF][A-Za-z0-9_\\u0080-\\uFFFF]*", ""],
  [Identifier, "[A-Za-z_\\u0080-\\uFFFF][A-Za-z0-9_\\u0080-\\uFFFF]*", ""],
];

const customPatterns: ReadonlyArray<readonly [TokenType, unknown]> = [
  [BlockComment, matchBlockComment],
  [UnterminatedComment, matchUnterminatedComment],
  [PreprocessorLine, matchPreprocessorLine],
  [StringLiteral, matchString],
  [Char16Literal, matchChar16],
];

/** A keyword: a lower-case word not followed by an identifier character, matched in any case. */
const keywordShape = /^([a-z]+)\(\?!\[A-Za-z0-9_\\u0080-\\uFFFF\]\)$/;

function groupOf(type: TokenType): unknown {
  return type.GROUP;
}

function hasModes(type: TokenType): boolean {
  return (
    type.LONGER_ALT !== undefined || type.PUSH_MODE !== undefined || type.POP_MODE !== undefined
  );
}

/** Keyword tokens by lower-case word, or undefined when the token list is not the expected one. */
function checkTokenList(tokens: readonly TokenType[]): Map<string, TokenType> | undefined {
  const keywords = new Map<string, TokenType>();
  const identifierAt = tokens.indexOf(Identifier);
  if (identifierAt !== tokens.length - 1) return undefined;
  for (let i = 0; i < tokens.length; i++) {
    const type = tokens[i]!;
    if (hasModes(type)) return undefined;
    if (i < expectedOrder.length) {
      if (type.name !== expectedOrder[i]) return undefined;
      continue;
    }
    if (type === Identifier) continue;
    const pattern = type.PATTERN;
    const word =
      pattern instanceof RegExp && pattern.flags === "i"
        ? keywordShape.exec(pattern.source)?.[1]
        : undefined;
    if (word === undefined || groupOf(type) !== undefined || keywords.has(word)) return undefined;
    keywords.set(word, type);
  }
  for (const [type, source, flags] of pinnedPatterns) {
    const pattern = type.PATTERN;
    if (!(pattern instanceof RegExp) || pattern.source !== source || pattern.flags !== flags)
      return undefined;
  }
  for (const [type, exec] of customPatterns) {
    const pattern = type.PATTERN;
    if (
      typeof pattern !== "object" ||
      pattern === null ||
      !("exec" in pattern) ||
      pattern.exec !== exec
    )
      return undefined;
  }
  const skipped = [WhiteSpace, LineComment, BlockComment];
  if (skipped.some((type) => groupOf(type) !== Lexer.SKIPPED)) return undefined;
  if (groupOf(UnterminatedComment) !== invalidGroup) return undefined;
  if (groupOf(PreprocessorLine) !== preprocessorGroup) return undefined;
  for (const type of [
    Pragma,
    StringLiteral,
    Char16Literal,
    RealLiteral,
    IntegerLiteral,
    AliasIdentifier,
    Identifier,
  ]) {
    if (groupOf(type) !== undefined) return undefined;
  }
  return keywords;
}

/** Single-character tokens (`{`, `;`…) by character code. */
function singleCharTokens(tokens: readonly TokenType[]): Map<number, TokenType> {
  const table = new Map<number, TokenType>();
  for (const type of tokens) {
    const pattern = type.PATTERN;
    if (typeof pattern === "string" && pattern.length === 1 && type.GROUP === undefined)
      table.set(pattern.charCodeAt(0), type);
  }
  return table;
}

const keywords = checkTokenList(allTokens);

/** True when the token list is the one this scanner was written for (else `scanTokens` is not used). */
export const scannerMatchesTokens = keywords !== undefined;

/** The scanner's view of a character: what a token starting with it can be. */
const enum Start {
  Other = 0,
  Space,
  Word,
  Single,
  Slash,
  Hash,
  Quote,
  Apostrophe,
  Number,
  Dollar,
}

const startTable = new Uint8Array(128);
const singleTypes: (TokenType | undefined)[] = new Array<TokenType | undefined>(128).fill(
  undefined,
);
{
  for (const c of [32, 9, 13, 10, 12, 11, 0x1a]) startTable[c] = Start.Space;
  for (let c = 65; c <= 90; c++) startTable[c] = Start.Word;
  for (let c = 97; c <= 122; c++) startTable[c] = Start.Word;
  startTable[95] = Start.Word;
  for (const [code, type] of singleCharTokens(allTokens)) {
    if (code < 128 && startTable[code] === Start.Other) {
      startTable[code] = Start.Single;
      singleTypes[code] = type;
    }
  }
  startTable[47] = Start.Slash;
  startTable[35] = Start.Hash;
  startTable[34] = Start.Quote;
  startTable[39] = Start.Apostrophe;
  for (let c = 48; c <= 57; c++) startTable[c] = Start.Number;
  startTable[43] = Start.Number;
  startTable[45] = Start.Number;
  startTable[46] = Start.Number;
  startTable[36] = Start.Dollar;
}

/** Identifier characters after the first: letters, digits, `_` and everything from U+0080 up. */
function isWordPart(c: number): boolean {
  return (
    c >= 0x80 || (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95
  );
}

function isSpace(c: number): boolean {
  return (
    c === 32 ||
    c === 10 ||
    c === 13 ||
    c === 9 ||
    c === 12 ||
    c === 11 ||
    c === 0x1a ||
    c === 0xa0 ||
    c === 0xfeff
  );
}

/** A sticky copy of a token's own pattern, to run it at a given offset. */
function sticky(type: TokenType): RegExp {
  const pattern = type.PATTERN;
  return pattern instanceof RegExp ? new RegExp(pattern.source, `${pattern.flags}y`) : /(?!)/y;
}

const realPattern = sticky(RealLiteral);
const integerPattern = sticky(IntegerLiteral);
const aliasPattern = sticky(AliasIdentifier);
const pragmaPattern = sticky(Pragma);

/** Length of `pattern`'s match at `offset`, or -1. */
function matchAt(pattern: RegExp, text: string, offset: number): number {
  pattern.lastIndex = offset;
  return pattern.test(text) ? pattern.lastIndex - offset : -1;
}

/** Keyword lengths and first letters (both cases): most identifiers are ruled out without a lookup. */
const keywordLengths = new Set<number>();
const keywordFirsts = new Uint8Array(128);
for (const word of keywords?.keys() ?? []) {
  keywordLengths.add(word.length);
  keywordFirsts[word.charCodeAt(0)] = 1;
  keywordFirsts[word.toUpperCase().charCodeAt(0)] = 1;
}

/** The keyword spelled by `image` in any ASCII case (as the patterns' `i` flag reads it), if any. */
function keywordOf(image: string): TokenType | undefined {
  const first = image.charCodeAt(0);
  if (first >= 128 || keywordFirsts[first] === 0 || !keywordLengths.has(image.length))
    return undefined;
  const type = keywords?.get(image.toLowerCase());
  if (type === undefined) return undefined;
  // toLowerCase also folds a few non-ASCII letters to ASCII ones (U+212A Kelvin sign -> k); the
  // patterns' `i` flag does not.
  for (let i = 0; i < image.length; i++) if (image.charCodeAt(i) >= 128) return undefined;
  return type;
}

function token(image: string, startOffset: number, type: TokenType): IToken {
  // The same fields, in the same order, as Chevrotain's offset-only tokens.
  // createToken always assigns tokenTypeIdx.
  return { image, startOffset, tokenTypeIdx: type.tokenTypeIdx!, tokenType: type };
}

/**
 * Tokens and groups exactly as `new Lexer(allTokens, { positionTracking: "onlyOffset" }).tokenize(text)`
 * gives them, or undefined when the text has a character no token can start with (a lexing error:
 * Chevrotain handles those) or the token list is not the one the scanner knows.
 */
export function scanTokens(text: string): ScanResult | undefined {
  if (keywords === undefined) return undefined;
  const tokens: IToken[] = [];
  const invalid: IToken[] = [];
  const preprocessor: IToken[] = [];
  const length = text.length;
  let offset = 0;
  while (offset < length) {
    const c = text.charCodeAt(offset);
    const kind = c < 128 ? startTable[c]! : c === 0xa0 || c === 0xfeff ? Start.Space : Start.Word;
    switch (kind) {
      case Start.Space: {
        let end = offset + 1;
        while (end < length && isSpace(text.charCodeAt(end))) end++;
        offset = end;
        continue;
      }
      case Start.Word: {
        let end = offset + 1;
        while (end < length && isWordPart(text.charCodeAt(end))) end++;
        const image = text.substring(offset, end);
        tokens.push(token(image, offset, keywordOf(image) ?? Identifier));
        offset = end;
        continue;
      }
      case Start.Single: {
        const type = singleTypes[c]!;
        tokens.push(token(type.PATTERN as string, offset, type));
        offset++;
        continue;
      }
      case Start.Quote:
      case Start.Apostrophe: {
        const match = kind === Start.Quote ? matchString(text, offset) : matchChar16(text, offset);
        if (match === null) return undefined;
        const image = match[0];
        tokens.push(token(image, offset, kind === Start.Quote ? StringLiteral : Char16Literal));
        offset += image.length;
        continue;
      }
      case Start.Slash: {
        const next = text.charCodeAt(offset + 1);
        if (next === 47) {
          let end = offset + 2;
          while (end < length) {
            const d = text.charCodeAt(end);
            if (d === 10 || d === 13) break;
            end++;
          }
          offset = end;
          continue;
        }
        const closed = matchBlockComment(text, offset);
        if (closed !== null) {
          offset += closed[0].length;
          continue;
        }
        const open = matchUnterminatedComment(text, offset);
        if (open === null) return undefined;
        invalid.push(token(open[0], offset, UnterminatedComment));
        offset += open[0].length;
        continue;
      }
      case Start.Hash: {
        const pragma = matchAt(pragmaPattern, text, offset);
        if (pragma > 0) {
          tokens.push(token(text.substring(offset, offset + pragma), offset, Pragma));
          offset += pragma;
          continue;
        }
        const line = matchPreprocessorLine(text, offset);
        if (line === null) return undefined;
        preprocessor.push(token(line[0], offset, PreprocessorLine));
        offset += line[0].length;
        continue;
      }
      case Start.Number: {
        let type: TokenType = RealLiteral;
        let size = matchAt(realPattern, text, offset);
        if (size <= 0) {
          type = IntegerLiteral;
          size = matchAt(integerPattern, text, offset);
        }
        if (size <= 0) return undefined;
        tokens.push(token(text.substring(offset, offset + size), offset, type));
        offset += size;
        continue;
      }
      case Start.Dollar: {
        const size = matchAt(aliasPattern, text, offset);
        if (size <= 0) return undefined;
        tokens.push(token(text.substring(offset, offset + size), offset, AliasIdentifier));
        offset += size;
        continue;
      }
      default:
        return undefined;
    }
  }
  return {
    tokens,
    groups: { [invalidGroup]: invalid, [preprocessorGroup]: preprocessor },
    errors: noErrors,
  };
}
