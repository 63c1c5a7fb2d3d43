/**
 * tokenize(text, fileName) -> tokens for the parser + lexical diagnostics (MOF1001, 1003, 1006).
 * One Chevrotain lexer instance, built on first use, tracking offsets only: line and column are computed
 * lazily by `SourceFile` when a diagnostic is printed.
 */
import {
  createTokenInstance,
  Lexer,
  type ILexerConfig,
  type ILexingError,
  type IToken,
} from "chevrotain";
import { createDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { Diagnostics } from "../diagnostics/codes.js";
import {
  allTokens,
  Identifier,
  invalidGroup,
  LParen,
  Pragma,
  preprocessorGroup,
  RParen,
  StringLiteral,
} from "./tokens.js";

export interface TokenizeResult {
  readonly tokens: IToken[];
  readonly diagnostics: Diagnostic[];
}

/**
 * Lexer settings. Chevrotain's definition checks cost a few ms per process start; they run in the
 * lexer tests (`validateLexerDefinition`) instead of on every CLI start.
 */
export const lexerConfig: ILexerConfig = {
  positionTracking: "onlyOffset",
  ensureOptimizations: true,
  skipValidations: true,
};

let chevrotainLexer: Lexer | undefined;

function mofLexer(): Lexer {
  chevrotainLexer ??= new Lexer([...allTokens], lexerConfig);
  return chevrotainLexer;
}

/** Chevrotain's definition errors for the token list (empty when the lexer definition is sound). */
export function validateLexerDefinition(): string[] {
  const checked = new Lexer([...allTokens], {
    ...lexerConfig,
    skipValidations: false,
    deferDefinitionErrorsHandling: true,
  });
  return checked.lexerDefinitionErrors.map((error) => error.message);
}

/** Splits decoded MOF text into tokens. Never throws for any input. */
export function tokenize(text: string, fileName: string): TokenizeResult {
  const result = mofLexer().tokenize(text);
  const diagnostics: Diagnostic[] = [];
  for (const error of result.errors)
    diagnostics.push(lexingErrorToDiagnostic(error, text, fileName));
  for (const token of (result.groups[invalidGroup] ?? []) as IToken[]) {
    diagnostics.push(createDiagnostic(Diagnostics.UnterminatedComment, spanOf(token, fileName)));
  }
  let tokens = result.tokens;
  const directives = (result.groups[preprocessorGroup] ?? []) as IToken[];
  if (directives.length > 0)
    tokens = passThroughIncludes(tokens, directives, fileName, diagnostics);
  return { tokens, diagnostics };
}

function spanOf(token: IToken, file: string) {
  return { file, start: token.startOffset, end: token.startOffset + token.image.length };
}

function lexingErrorToDiagnostic(error: ILexingError, text: string, file: string): Diagnostic {
  const length = Math.max(1, error.length);
  const bad = text.slice(error.offset, error.offset + Math.min(length, 20));
  const shown = Array.from(bad)
    .map((ch) =>
      /[\u0000-\u001f\u007f]/.test(ch)
        ? `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`
        : ch,
    )
    .join("");
  return createDiagnostic(
    Diagnostics.UnexpectedCharacter,
    { file, start: error.offset, end: error.offset + length },
    [shown + (length > 20 ? "…" : "")],
  );
}

const includeLine = /^#[ \t]*include[ \t]*(?:"([^"]*)"|<([^>]*)>)/i;
const cHeader = /\.(?:h|hh|hpp|hxx)$/i;

/**
 * C preprocessor lines are not MOF. `#include "x.mof"` is read as `#pragma include("x.mof")` (a
 * warning); every other directive is an error naming the line.
 */
function passThroughIncludes(
  tokens: IToken[],
  directives: IToken[],
  file: string,
  diagnostics: Diagnostic[],
): IToken[] {
  const synthesized: IToken[] = [];
  for (const line of directives) {
    const text = line.image.split(/\r\n?|\n/)[0]!.trimEnd();
    const span = { file, start: line.startOffset, end: line.startOffset + text.length };
    const match = includeLine.exec(text);
    const target = match?.[1] ?? match?.[2];
    // A C header is never MOF: reading it as an include would only add "file not found" or a cascade
    // of syntax errors; the directive's own error (run the C preprocessor first) is the useful one.
    if (target === undefined || cHeader.test(target)) {
      diagnostics.push(createDiagnostic(Diagnostics.PreprocessorLine, span, [text]));
      continue;
    }
    diagnostics.push(
      createDiagnostic(Diagnostics.PreprocessorLine, span, [text], {
        severity: "warning",
        hint: `It is read as #pragma include("${target}").`,
      }),
    );
    const start = line.startOffset;
    const quoteAt = start + text.indexOf(target) - 1;
    const end = start + text.length - 1;
    // Synthesized tokens mirror `#pragma include("target")` with offsets inside the original line.
    synthesized.push(
      make(Pragma, "#include", start, start + 7),
      make(Identifier, "include", start + 1, start + 7),
      make(LParen, "(", quoteAt, quoteAt),
      make(StringLiteral, JSON.stringify(target), quoteAt, end),
      make(RParen, ")", end, end),
    );
  }
  if (synthesized.length === 0) return tokens;
  return [...tokens, ...synthesized].sort((a, b) => a.startOffset - b.startOffset || 0);
}

function make(type: typeof Pragma, image: string, start: number, end: number): IToken {
  return createTokenInstance(type, image, start, end, NaN, NaN, NaN, NaN);
}
