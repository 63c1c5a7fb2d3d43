/**
 * parse(text, fileName) -> syntax tree + diagnostics (MOF10xx lexer, MOF11xx parser).
 *
 * Chevrotain's recognition errors are translated here into our codes. Two guards keep any input safe:
 * nesting deeper than `maxNesting` braces is cut out before parsing (no deep recursion), and tokens the
 * grammar cannot start a declaration with are skipped up to the next declaration start, so one file
 * reports several errors. Nothing escapes as an exception.
 */
import { EOF, type IRecognitionException, type IToken, type TokenType } from "chevrotain";
import type { MofFile, Statement } from "../ast/nodes.js";
import { createDiagnostic, type Diagnostic, type Span } from "../diagnostics/diagnostic.js";
import { Diagnostics } from "../diagnostics/codes.js";
import { appendAll } from "../diagnostics/append.js";
import { tokenize } from "../lexer/lexer.js";
import {
  Association,
  Class,
  Flavor,
  Indication,
  Scope,
  Instance,
  LBrace,
  LBracket,
  Pragma,
  QualifierKeyword,
  RBrace,
  RParen,
  Semicolon,
  StringLiteral,
} from "../lexer/tokens.js";
import {
  describeToken,
  endOfFile,
  maxRecognitionErrors,
  mofFileNode,
  mofParser,
} from "./parser.js";

export interface ParseResult {
  readonly file: MofFile;
  readonly diagnostics: readonly Diagnostic[];
}

/** Deepest brace nesting accepted (instance values inside arrays inside instances…). */
export const maxNesting = 32;

/** Parses one file's text. Spans name `fileName`. Never throws. */
export function parse(text: string, fileName: string): ParseResult {
  const diagnostics: Diagnostic[] = [];
  let statements: Statement[] = [];
  // Chevrotain signals every syntax error with an exception; their stack traces are never shown and
  // cost more than the rest of error recovery, so they are switched off while parsing.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    const lexed = tokenize(text, fileName);
    appendAll(diagnostics, lexed.diagnostics);
    const tokens = limitNesting(lexed.tokens, fileName, diagnostics);
    statements = parseTokens(tokens, text, fileName, diagnostics);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    diagnostics.push(
      createDiagnostic(Diagnostics.InternalParserError, { file: fileName, start: 0, end: 0 }, [
        message,
      ]),
    );
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
  return { file: mofFileNode(fileName, statements, text.length), diagnostics };
}

function parseTokens(
  tokens: IToken[],
  text: string,
  fileName: string,
  diagnostics: Diagnostic[],
): Statement[] {
  const parser = mofParser();
  const statements: Statement[] = [];
  let errorCount = 0;
  let from = 0;
  while (from < tokens.length || from === 0) {
    const slice = from === 0 ? tokens : tokens.slice(from);
    const run = parser.run(slice, fileName, text.length, diagnostics);
    appendAll(statements, run.statements);
    const errors = parser.recognitionErrors();
    let redundant: IToken | undefined;
    // End of a stretch an earlier diagnostic already explains: errors inside it are its echoes.
    let explainedUntil = -1;
    for (const error of errors) {
      if (error.name === "NotAllInputParsedException") redundant = error.token;
      if (error.token.startOffset < explainedUntil) continue;
      const previous = previousToken(slice, error.token);
      if (errorCount++ < maxRecognitionErrors)
        diagnostics.push(translate(error, previous, fileName, text.length));
      explainedUntil = Math.max(explainedUntil, gluedStringEnd(slice, previous, error.token));
    }
    if (errorCount >= maxRecognitionErrors) {
      const at = redundant ?? errors[errors.length - 1]?.token;
      const span = at === undefined ? undefined : tokenSpan(at, fileName, text.length);
      diagnostics.push(createDiagnostic(Diagnostics.TooManyErrors, span, [maxRecognitionErrors]));
      break;
    }
    if (redundant === undefined) break;
    const index = slice.indexOf(redundant);
    if (index < 0) break;
    const next = nextDeclarationStart(slice, index + 1);
    if (next >= slice.length) break;
    from += next;
  }
  return statements;
}

const alwaysStarts = new Set<TokenType>([Pragma]);
const startsAfterEnd = new Set<TokenType>([
  Class,
  Association,
  Indication,
  Instance,
  QualifierKeyword,
  LBracket,
]);
const declarationEnds = new Set<TokenType>([Semicolon, RBrace, RParen]);
const declarationKeywords = new Set<TokenType>([
  Pragma,
  Class,
  Association,
  Indication,
  Instance,
  QualifierKeyword,
]);

/** Where parsing can resume after junk: a `#pragma`, or a declaration keyword after `;`, `}` or `)`. */
function nextDeclarationStart(tokens: readonly IToken[], from: number): number {
  let i = from;
  for (; i < tokens.length; i++) {
    const type = tokens[i]!.tokenType;
    if (alwaysStarts.has(type)) break;
    const previous = tokens[i - 1]?.tokenType;
    if (startsAfterEnd.has(type) && previous !== undefined && declarationEnds.has(previous)) break;
  }
  return i;
}

/**
 * Cuts out any part nested deeper than `maxNesting` braces (reporting MOF1106), so the recursive-descent
 * parser never recurses without bound. Returns the input array itself when nothing is too deep.
 */
function limitNesting(tokens: IToken[], fileName: string, diagnostics: Diagnostic[]): IToken[] {
  let depth = 0;
  let kept: IToken[] | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.tokenType === LBrace && depth === maxNesting) {
      // Keep the braces, drop what they hold: `{ … }` becomes `{}`, which still parses.
      let j = i + 1;
      for (let inner = 1; j < tokens.length; j++) {
        const type = tokens[j]!.tokenType;
        if (type === LBrace) inner++;
        else if (type === RBrace && --inner === 0) break;
      }
      diagnostics.push(
        createDiagnostic(
          Diagnostics.NestingTooDeep,
          { file: fileName, start: token.startOffset, end: token.startOffset + 1 },
          [maxNesting],
        ),
      );
      kept ??= tokens.slice(0, i);
      kept.push(token);
      if (j < tokens.length) kept.push(tokens[j]!);
      i = j;
      continue;
    }
    if (token.tokenType === LBrace) depth++;
    else if (token.tokenType === RBrace && depth > 0) depth--;
    kept?.push(token);
  }
  return kept ?? tokens;
}

function tokenSpan(token: IToken, fileName: string, textLength: number): Span {
  if (token.tokenType === EOF || Number.isNaN(token.startOffset))
    return { file: fileName, start: textLength, end: textLength };
  return { file: fileName, start: token.startOffset, end: token.startOffset + token.image.length };
}

/** After the previous token: where a missing ';' or ')' belongs. */
function afterSpan(token: IToken | undefined, fileName: string): Span | undefined {
  if (token === undefined || token.tokenType === EOF || Number.isNaN(token.startOffset))
    return undefined;
  const end = token.startOffset + token.image.length;
  return { file: fileName, start: end, end };
}

/** Separator hints: where a list goes on without its ',' the grammar only sees a missing closer. */
const missingSeparator: Readonly<Record<string, string>> = {
  "qualifierList ']'": "Separate qualifiers with ','.",
  "arrayInitializer '}'": "Separate array elements with ','.",
  "classFeature ')'": "Separate parameters with ','.",
  "compilerDirective ')'": "Separate pragma arguments with ','.",
  "scope ')'": "Separate scope names with ','.",
  "defaultFlavor ')'": "Separate flavors with ','.",
};

/** What to do about a mismatched token, judged from the rule it happened in and the tokens around it. */
function mismatchHint(
  expected: string,
  rule: string | undefined,
  previous: IToken | undefined,
  found: IToken,
): string | undefined {
  if (gluedToString(previous, found)) {
    return `A '"' inside the string before ${describeToken(found)} may have ended it early; write it as '\\"'.`;
  }
  // A declaration keyword after an unclosed list more likely means a missing closer than a missing ','.
  const foundStartsItem =
    found.tokenType !== EOF &&
    !declarationEnds.has(found.tokenType) &&
    !declarationKeywords.has(found.tokenType);
  const separator = missingSeparator[`${rule} ${expected}`];
  if (separator !== undefined && foundStartsItem) return separator;
  if (expected !== "';'") return undefined;
  if (
    rule === "qualifierDeclaration" &&
    (found.tokenType === Scope || found.tokenType === Flavor)
  ) {
    return "Separate Scope(...) and Flavor(...) with ','.";
  }
  if (previous?.tokenType === RBrace) return "Class and instance declarations end with '};'.";
  return "Each property, method, qualifier declaration and property value ends with ';'.";
}

/**
 * A word glued to a closing quote (`"He said "hi" to me"`): an unescaped '"' most likely ended the
 * string early. Never valid MOF, so the mismatch it causes is explained by that.
 */
function gluedToString(previous: IToken | undefined, found: IToken): boolean {
  return (
    previous?.tokenType === StringLiteral &&
    /^\w/.test(found.image) &&
    found.startOffset === previous.startOffset + previous.image.length
  );
}

/**
 * Where the text that `gluedToString` explains ends: the broken string goes on as long as its pieces
 * touch (`"as "Present" or "Absent"."`: words and strings with nothing between them); -1 when nothing is
 * glued. The parser's recovery stumbles over those pieces again, and one diagnostic is enough for them.
 */
function gluedStringEnd(tokens: readonly IToken[], previous: IToken | undefined, found: IToken): number {
  if (!gluedToString(previous, found)) return -1;
  let end = found.startOffset + found.image.length;
  let index = tokens.indexOf(found);
  if (index < 0) return end;
  for (let next = tokens[++index]; next !== undefined && next.startOffset === end; next = tokens[++index]) {
    if (next.tokenType !== StringLiteral && !/^\w/.test(next.image)) break;
    end += next.image.length;
  }
  return end;
}

/** The token before `token` in the vector (binary search by offset); the last one for end of file. */
function previousToken(tokens: readonly IToken[], token: IToken): IToken | undefined {
  if (token.tokenType === EOF || Number.isNaN(token.startOffset)) return tokens[tokens.length - 1];
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.startOffset < token.startOffset) lo = mid + 1;
    else hi = mid;
  }
  return tokens[lo - 1];
}

function translate(
  error: IRecognitionException,
  previous: IToken | undefined,
  fileName: string,
  textLength: number,
): Diagnostic {
  const found = describeToken(error.token);
  const span = tokenSpan(error.token, fileName, textLength);
  switch (error.name) {
    case "MismatchedTokenException": {
      const expected = error.message;
      // Chevrotain's own recovery skipped a token it could not place anywhere: trailing input.
      if (expected === endOfFile)
        return createDiagnostic(Diagnostics.UnexpectedTrailingInput, span, [found]);
      const closing = expected === "';'" || expected === "')'" || expected === "']'";
      const at = (closing ? afterSpan(previous, fileName) : undefined) ?? span;
      const rule = error.context?.ruleStack?.[error.context.ruleStack.length - 1];
      const hint = mismatchHint(expected, rule, previous, error.token);
      return createDiagnostic(
        Diagnostics.UnexpectedToken,
        at,
        [expected, found],
        hint === undefined ? {} : { hint },
      );
    }
    case "NoViableAltException":
      return createDiagnostic(Diagnostics.NoViableAlternative, span, [found, error.message]);
    case "EarlyExitException":
      return createDiagnostic(Diagnostics.ExpectedAtLeastOne, span, [error.message, found]);
    default:
      return createDiagnostic(Diagnostics.UnexpectedTrailingInput, span, [found]);
  }
}
