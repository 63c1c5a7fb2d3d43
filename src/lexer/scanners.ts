/**
 * Hand-written matchers for the tokens whose regular expressions would backtrack per character (quoted
 * literals, block comments, continued preprocessor lines). V8's regex engine keeps a backtrack entry for
 * each iteration of `(a|b)*`, so a 10 MB string literal overflowed its stack; these loops use none.
 * Each has Chevrotain's custom-pattern shape: return `[image]` for a match at `offset`, or null.
 */

/** The shape Chevrotain reads from a custom pattern: element 0 is the matched image. */
export type PatternMatch = [string] | null;

const LF = 10;
const CR = 13;
const BACKSLASH = 92;
export const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;

/**
 * Runs of characters that never end or escape a quoted literal. A single character class repeated is
 * matched by V8 as a loop without backtrack entries, so this stays safe on a 10 MB literal.
 */
const plainInDouble = /[^"\\\r\n]*/y;
const plainInSingle = /[^'\\\r\n]*/y;

/**
 * Where the quoted literal that starts at `offset` with `quote` ends: after its closing quote, or, when
 * it is unterminated (the decoder reports that), before the line break or at the end of text. A
 * backslash escapes the next character except a line break. An unterminated literal's end comes back
 * negated, so callers learn both facts from one number without an allocation.
 */
export function quotedLiteralEnd(text: string, offset: number, quote: number): number {
  const plain = quote === DOUBLE_QUOTE ? plainInDouble : plainInSingle;
  let i = offset + 1;
  const length = text.length;
  while (i < length) {
    // Skip the ordinary characters natively; only quotes, backslashes and line breaks need a decision.
    plain.lastIndex = i;
    plain.test(text);
    i = plain.lastIndex;
    if (i >= length) break;
    const c = text.charCodeAt(i);
    if (c === quote) return i + 1;
    if (c === LF || c === CR) break;
    // A backslash: it escapes the next character unless that is a line break or the end of text.
    const next = text.charCodeAt(i + 1);
    i += next === LF || next === CR || Number.isNaN(next) ? 1 : 2;
  }
  return -i;
}

/** Whitespace between two parts of a run of string literals. */
const gapInRun = /[ \t\r\n]*/y;

/**
 * A string literal, or a run of closed literals with only whitespace between them (`"a" "b"`), which
 * MOF reads as one concatenated string (DSP0004 §7.6.1): one token per run, since DMTF descriptions
 * are written one literal per line and these continuations were 13% of the schema's tokens. A comment
 * or an unterminated part ends the run; the parser joins what follows (`decodeStringRun` decodes a run).
 */
export function matchString(text: string, offset: number): PatternMatch {
  if (text.charCodeAt(offset) !== DOUBLE_QUOTE) return null;
  let end = quotedLiteralEnd(text, offset, DOUBLE_QUOTE);
  while (end > 0) {
    gapInRun.lastIndex = end;
    gapInRun.test(text);
    const next = gapInRun.lastIndex;
    if (text.charCodeAt(next) !== DOUBLE_QUOTE) break;
    const partEnd = quotedLiteralEnd(text, next, DOUBLE_QUOTE);
    if (partEnd < 0) break;
    end = partEnd;
  }
  return [text.slice(offset, Math.abs(end))];
}

export function matchChar16(text: string, offset: number): PatternMatch {
  if (text.charCodeAt(offset) !== SINGLE_QUOTE) return null;
  return [text.slice(offset, Math.abs(quotedLiteralEnd(text, offset, SINGLE_QUOTE)))];
}

/** `/* … *\/`, only when closed. */
export function matchBlockComment(text: string, offset: number): PatternMatch {
  if (!text.startsWith("/*", offset)) return null;
  const end = text.indexOf("*/", offset + 2);
  return end < 0 ? null : [text.slice(offset, end + 2)];
}

/** `/*` with no `*\/` after it: the rest of the text. */
export function matchUnterminatedComment(text: string, offset: number): PatternMatch {
  return text.startsWith("/*", offset) ? [text.slice(offset)] : null;
}

const directive =
  /#[ \t]*(?:include|define|undef|ifdef|ifndef|if|elif|else|endif|error|warning|line)(?![A-Za-z0-9_])/iy;

/** A C preprocessor line; a line ending in a backslash continues on the next one (`#define X \`). */
export function matchPreprocessorLine(text: string, offset: number): PatternMatch {
  directive.lastIndex = offset;
  if (!directive.test(text)) return null;
  let i = directive.lastIndex;
  const length = text.length;
  while (i < length) {
    const c = text.charCodeAt(i);
    if (c === LF || c === CR) {
      if (text.charCodeAt(i - 1) !== BACKSLASH) break;
      i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      continue;
    }
    i++;
  }
  return [text.slice(offset, i)];
}
