/**
 * MOF literal spelling (DSP0004 2.8 Annex A: stringValue, charValue, integerValue, realValue).
 * Every function is the inverse of the lexer's decoding: the text it returns reads back as exactly the
 * value it was given, whatever characters that value holds.
 */

/** The one-letter escapes DSP0004 defines, keyed by the character they stand for. */
const namedEscapes: ReadonlyMap<string, string> = new Map([
  ["\b", "\\b"],
  ["\t", "\\t"],
  ["\n", "\\n"],
  ["\f", "\\f"],
  ["\r", "\\r"],
  ["\\", "\\\\"],
]);

/**
 * True for code units that must not appear raw in MOF text: C0/C1 controls and DEL (a NUL or a bare
 * CR would end or split the line), the Unicode line/paragraph separators, the BOM, and lone surrogates
 * (which UTF-8 cannot carry; the caller keeps well-formed pairs as the character they encode).
 */
function needsHexEscape(unit: number): boolean {
  return (
    unit < 0x20 ||
    (unit >= 0x7f && unit <= 0x9f) ||
    unit === 0x2028 ||
    unit === 0x2029 ||
    unit === 0xfeff ||
    (unit >= 0xd800 && unit <= 0xdfff)
  );
}

/** Escapes one UTF-16 code unit for a literal delimited by `quote`. Hex escapes always take four digits,
 *  the DSP0004 maximum, so a following hex-digit character can never be read as part of the escape. */
function escapeUnit(char: string, quote: '"' | "'"): string {
  if (char === quote) return `\\${quote}`;
  const named = namedEscapes.get(char);
  if (named !== undefined) return named;
  const unit = char.charCodeAt(0);
  if (needsHexEscape(unit)) return `\\x${unit.toString(16).toUpperCase().padStart(4, "0")}`;
  return char;
}

function escapeText(value: string, quote: '"' | "'"): string {
  let out = "";
  // Walk code units so a lone surrogate is seen (and escaped) on its own; a well-formed pair stays raw.
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    const next = value.charCodeAt(i + 1);
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      out += value.slice(i, i + 2);
      i++;
    } else {
      out += escapeUnit(value.charAt(i), quote);
    }
  }
  return out;
}

/** `"…"` with every character that could end, split or corrupt the literal escaped. */
export function printString(value: string): string {
  return `"${escapeText(value, '"')}"`;
}

/** `'c'`: a char16 literal. */
export function printChar16(value: string): string {
  return `'${escapeText(value, "'")}'`;
}

/** An integer in the radix it was written in: `42`, `0x2A`, `052`, `101010b`, with a leading `-`. */
export function printInteger(value: bigint, radix: 2 | 8 | 10 | 16): string {
  const sign = value < 0n ? "-" : "";
  const magnitude = value < 0n ? -value : value;
  switch (radix) {
    case 16:
      return `${sign}0x${magnitude.toString(16).toUpperCase()}`;
    case 8:
      return `${sign}0${magnitude.toString(8)}`;
    case 2:
      return `${sign}${magnitude.toString(2)}b`;
    case 10:
      return `${sign}${magnitude.toString(10)}`;
  }
}

/**
 * A real literal. MOF requires a `.` followed by digits (`1.0`, `1.5e+21`), which JavaScript's shortest
 * round-trip spelling (`1`, `1e+21`) lacks, so the mantissa gets `.0` when needed. Only finite values
 * exist in MOF; a non-finite value in a tree is a programmer error.
 */
export function printReal(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`MOF has no spelling for the real value ${value}.`);
  if (Object.is(value, -0)) return "-0.0";
  const text = String(value);
  const [mantissa = text, exponent] = text.split("e");
  const withPoint = mantissa.includes(".") ? mantissa : `${mantissa}.0`;
  return exponent === undefined ? withPoint : `${withPoint}e${exponent}`;
}
