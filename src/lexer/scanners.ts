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

/**
 * Runs of characters that never end or escape a quoted literal. A single character class repeated is
 * matched by V8 as a loop without backtrack entries, so this stays safe on a 10 MB literal.
 */
const plainInDouble = /[^"\\\r\n]*/y;
const plainInSingle = /[^'\\\r\n]*/y;

/**
 * A quoted literal starting at `offset` with `quote`: backslash escapes the next character (except a
 * line break); it ends after the closing quote, or before the line break / end of text when unterminated
 * (the decoder reports that).
 */
function matchQuoted(text: string, offset: number, quote: number): PatternMatch {
  if (text.charCodeAt(offset) !== quote) return null;
  const plain = quote === 34 ? plainInDouble : plainInSingle;
  let i = offset + 1;
  const length = text.length;
  while (i < length) {
    // Skip the ordinary characters natively; only quotes, backslashes and line breaks need a decision.
    plain.lastIndex = i;
    plain.test(text);
    i = plain.lastIndex;
    if (i >= length) break;
    const c = text.charCodeAt(i);
    if (c === quote) return [text.slice(offset, i + 1)];
    if (c === LF || c === CR) break;
    // A backslash: it escapes the next character unless that is a line break or the end of text.
    const next = text.charCodeAt(i + 1);
    i += next === LF || next === CR || Number.isNaN(next) ? 1 : 2;
  }
  return [text.slice(offset, i)];
}

export function matchString(text: string, offset: number): PatternMatch {
  return matchQuoted(text, offset, 34 /* " */);
}

export function matchChar16(text: string, offset: number): PatternMatch {
  return matchQuoted(text, offset, 39 /* ' */);
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
