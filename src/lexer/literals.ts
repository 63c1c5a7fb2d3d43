/**
 * Decoding of literal token images into values (DSP0004 2.8 A.1 stringValue, charValue, integerValue,
 * realValue). Problems are reported through a callback with absolute offsets, so the parser turns them
 * into diagnostics at the right place without allocating for the common, clean case.
 */
import type { DiagnosticDefinition } from "../diagnostics/codes.js";
import { Diagnostics } from "../diagnostics/codes.js";
import { DOUBLE_QUOTE, quotedLiteralEnd } from "./scanners.js";

/** Receives a problem found while decoding: which code, where (absolute offsets), message arguments. */
export type LiteralReporter = (
  def: DiagnosticDefinition,
  start: number,
  end: number,
  args: readonly string[],
) => void;

const simpleEscapes: Readonly<Record<string, string>> = {
  b: "\b",
  t: "\t",
  n: "\n",
  f: "\f",
  r: "\r",
  '"': '"',
  "'": "'",
  "\\": "\\",
};

function isHex(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102);
}

/**
 * Decodes the body of a quoted literal (`"…"` or `'…'`, quote char = image[0]) starting at absolute
 * offset `at`. Returns the text and whether the closing quote was found.
 */
export function decodeQuoted(
  image: string,
  at: number,
  report: LiteralReporter,
): { value: string; closed: boolean } {
  const quote = image.charCodeAt(0);
  // Fast path: no escapes.
  const last = image.length - 1;
  if (last > 0 && image.charCodeAt(last) === quote && image.indexOf("\\") < 0) {
    return { value: image.slice(1, last), closed: true };
  }
  if (image.length === 0) return { value: "", closed: false };
  const quoteChar = image.charAt(0);
  let out = "";
  let runStart = 1;
  let i = 1;
  // Jump from one quote or backslash to the next with indexOf (native) rather than a loop over every
  // character; the quote position is looked up again only when an escape has stepped over it.
  let quoteAt = image.indexOf(quoteChar, 1);
  while (i < image.length) {
    if (quoteAt >= 0 && quoteAt < i) quoteAt = image.indexOf(quoteChar, i);
    const escapeAt = image.indexOf("\\", i);
    if (quoteAt >= 0 && (escapeAt < 0 || quoteAt <= escapeAt)) {
      out += image.slice(runStart, quoteAt);
      return { value: out, closed: quoteAt === last };
    }
    if (escapeAt < 0) break;
    i = escapeAt;
    out += image.slice(runStart, i);
    const next = image[i + 1] ?? "";
    const simple = simpleEscapes[next];
    if (simple !== undefined) {
      out += simple;
      i += 2;
    } else if (next === "x" || next === "X") {
      let j = i + 2;
      while (j < image.length && j < i + 6 && isHex(image.charCodeAt(j))) j++;
      if (j === i + 2) {
        report(Diagnostics.InvalidEscape, at + i, at + i + 2, [image.slice(i, i + 2)]);
        out += image.slice(i, i + 2);
      } else {
        out += String.fromCharCode(parseInt(image.slice(i + 2, j), 16));
      }
      i = j;
    } else {
      // Real files contain `\d`, `\``: mofcomp keeps them, so do we (with a warning).
      const width = next === "" ? 1 : 2;
      report(Diagnostics.InvalidEscape, at + i, at + i + width, [image.slice(i, i + width)]);
      out += image.slice(i, i + width);
      i += width;
    }
    runStart = i;
  }
  out += image.slice(runStart);
  return { value: out, closed: false };
}

/** Decodes a string literal token; reports MOF1002 when unterminated. */
export function decodeString(image: string, at: number, report: LiteralReporter): string {
  // Most strings are closed and have no escapes (decodeQuoted's fast path, without its result object).
  const last = image.length - 1;
  if (last > 0 && image.charCodeAt(last) === image.charCodeAt(0) && image.indexOf("\\") < 0)
    return image.slice(1, last);
  const { value, closed } = decodeQuoted(image, at, report);
  if (!closed) report(Diagnostics.UnterminatedString, at, at + image.length, []);
  return value;
}

/**
 * Decodes a string token, which may be a run of adjacent literals separated by whitespace (see
 * `matchString`): the parts' values concatenated, each part's problems reported at its own offset.
 */
export function decodeStringRun(image: string, at: number, report: LiteralReporter): string {
  const last = image.length - 1;
  if (last > 0 && image.charCodeAt(last) === DOUBLE_QUOTE && image.indexOf("\\") < 0) {
    // No escapes, so every quote opens or closes a part (and every part is closed).
    let close = image.indexOf('"', 1);
    let value = image.slice(1, close);
    while (close < last) {
      const open = image.indexOf('"', close + 1);
      close = image.indexOf('"', open + 1);
      value += image.slice(open + 1, close);
    }
    return value;
  }
  let value = "";
  let start = 0;
  for (;;) {
    const end = Math.abs(quotedLiteralEnd(image, start, DOUBLE_QUOTE));
    value += decodeString(end === image.length && start === 0 ? image : image.slice(start, end), at + start, report);
    start = image.indexOf('"', end);
    if (start < 0) return value;
  }
}

/** Decodes a char16 literal token; reports MOF1008 unless it holds exactly one UTF-16 unit. */
export function decodeChar16(image: string, at: number, report: LiteralReporter): string {
  const { value, closed } = decodeQuoted(image, at, report);
  if (!closed || value.length !== 1)
    report(Diagnostics.InvalidChar16, at, at + image.length, [image]);
  return value;
}

export interface DecodedInteger {
  readonly value: bigint;
  readonly radix: 2 | 8 | 10 | 16;
}

const hexDigits = /^[0-9a-fA-F]+$/;
const binaryDigits = /^[01]+$/;
const octalDigits = /^[0-7]+$/;
const decimalDigits = /^(?:0|[1-9][0-9]*)$/;

/**
 * Decodes an integer token: `[+-]` then `0x` hex, binary with a `b` suffix, octal with a leading `0`, or
 * decimal. Exact at any size. Returns undefined (after reporting MOF1007) for anything else.
 */
export function decodeInteger(
  image: string,
  at: number,
  report: LiteralReporter,
): DecodedInteger | undefined {
  const sign = image[0] === "-" ? -1n : 1n;
  const body = image[0] === "-" || image[0] === "+" ? image.slice(1) : image;
  let decoded: DecodedInteger | undefined;
  const second = body[1];
  if ((second === "x" || second === "X") && body[0] === "0" && hexDigits.test(body.slice(2))) {
    decoded = { value: BigInt("0x" + body.slice(2)), radix: 16 };
  } else if ((body.endsWith("b") || body.endsWith("B")) && binaryDigits.test(body.slice(0, -1))) {
    decoded = { value: BigInt("0b" + body.slice(0, -1)), radix: 2 };
  } else if (body.length > 1 && body[0] === "0" && octalDigits.test(body)) {
    decoded = { value: BigInt("0o" + body.slice(1)), radix: 8 };
  } else if (decimalDigits.test(body)) {
    decoded = { value: BigInt(body), radix: 10 };
  }
  if (decoded === undefined) {
    report(Diagnostics.InvalidNumber, at, at + image.length, [image]);
    return undefined;
  }
  return sign < 0n ? { value: -decoded.value, radix: decoded.radix } : decoded;
}

/** Decodes a real token (the lexer guarantees the shape); reports MOF1011 when it overflows to infinity. */
export function decodeReal(image: string, at: number, report: LiteralReporter): number {
  const value = Number(image);
  if (!Number.isFinite(value)) report(Diagnostics.RealOutOfRange, at, at + image.length, [image]);
  return value;
}
