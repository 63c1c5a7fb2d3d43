/**
 * Bytes -> text. MOF files come as UTF-8 (with or without BOM) or UTF-16 (Windows MOFs and every `.mfl`
 * are UTF-16LE, usually with a BOM). BOM-less UTF-16 is recognised by its pattern of NUL bytes. Text that
 * is not valid UTF-8 is read as Windows-1252 (old Windows sample MOFs) with a warning; files with NUL
 * bytes or many control characters are reported as binary.
 */

export type TextEncodingName = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

export type DecodeResult =
  | {
      readonly ok: true;
      readonly text: string;
      readonly encoding: TextEncodingName;
      readonly bom: boolean;
      /** UTF-16 whose line ends a byte-wise CRLF conversion had broken, and which was repaired. */
      readonly repairedLineEnds?: boolean;
    }
  | {
      readonly ok: false;
      readonly reason: string;
      /** Set for a text file whose only fault is NUL: the decoded text (each NUL shown as U+2400 "␀",
       *  one code unit like the NUL) and the offset of the first NUL, so the user can be pointed at it. */
      readonly nul?: { readonly text: string; readonly offset: number };
    };

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const utf16le = new TextDecoder("utf-16le", { ignoreBOM: true });
/** Windows-1252 differs from Latin-1 only in 0x80-0x9F (Node's decoder treats the label as Latin-1). */
const cp1252High =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
  "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

function decodeWindows1252(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 8192) {
    out += String.fromCharCode(...bytes.subarray(i, i + 8192));
  }
  return out.replace(/[\u0080-\u009f]/g, (ch) => cp1252High[ch.charCodeAt(0) - 0x80]!);
}

/** Decodes a file's bytes; never throws. CRLF is left as is (the lexer and SourceFile accept both). */
export function decodeBytes(bytes: Uint8Array): DecodeResult {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return decodeUtf8(bytes.subarray(3), true);
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe)
    return utf16(bytes.subarray(2), "utf-16le", true);
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff)
    return utf16(bytes.subarray(2), "utf-16be", true);
  const guess = guessUtf16(bytes);
  if (guess !== undefined) return utf16(bytes, guess, false);
  if (bytes.includes(0)) return locateNul(decodeUtf8Text(bytes).text, "it contains NUL bytes");
  return decodeUtf8(bytes, false);
}

function decodeUtf8(bytes: Uint8Array, bom: boolean): DecodeResult {
  const { text, encoding } = decodeUtf8Text(bytes);
  return checkText(text, encoding, bom);
}

/** UTF-8, or Windows-1252 when the bytes are not valid UTF-8. */
function decodeUtf8Text(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  try {
    return { text: utf8.decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: "windows-1252" };
  }
}

/** The failure for text with NUL: with the first NUL's position when everything else is text. */
function locateNul(text: string, reason: string): DecodeResult {
  const offset = text.indexOf("\u0000");
  const shown = text.replace(/\u0000/g, "\u2400");
  // A binary file (many NULs and other control characters) stays a file-level error without a position.
  if (offset < 0 || !checkText(text, "utf-8", false).ok) return { ok: false, reason };
  return { ok: false, reason, nul: { text: shown, offset } };
}

function utf16(bytes: Uint8Array, encoding: "utf-16le" | "utf-16be", bom: boolean): DecodeResult {
  let le = bytes;
  let repaired = false;
  if (encoding === "utf-16le") {
    const fixed = repairCrlfDamage(bytes);
    repaired = fixed !== bytes;
    le = fixed;
  }
  if (encoding === "utf-16be") {
    le = new Uint8Array(bytes.length);
    for (let i = 0; i + 1 < bytes.length; i += 2) {
      le[i] = bytes[i + 1]!;
      le[i + 1] = bytes[i]!;
    }
  }
  const text = utf16le.decode(le);
  if (text.includes("\u0000")) return locateNul(text, `it contains NUL characters (read as ${encoding.toUpperCase()})`);
  const checked = checkText(text, encoding, bom);
  return repaired && checked.ok ? { ...checked, repairedLineEnds: true } : checked;
}

/**
 * A UTF-16LE file run through a byte-wise LF -> CRLF conversion (git autocrlf on a file it took for
 * text) gets a 0x0D byte before every 0x0A byte, which shifts the rest of the line by one byte. Such a
 * stray byte sits where a code unit starts and would form U+0A0D, an unassigned code point, so it
 * cannot be real text: drop it. Returns the input itself when there is nothing to repair.
 */
function repairCrlfDamage(bytes: Uint8Array): Uint8Array {
  let out: Uint8Array | undefined;
  let o = 0;
  let aligned = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (aligned % 2 === 0 && b === 0x0d && bytes[i + 1] === 0x0a) {
      if (out === undefined) {
        out = new Uint8Array(bytes.length);
        out.set(bytes.subarray(0, i));
        o = i;
      }
      continue;
    }
    if (out !== undefined) out[o++] = b;
    aligned++;
  }
  return out === undefined ? bytes : out.subarray(0, o);
}

/** UTF-16 without BOM: ASCII-heavy text has a NUL in every other byte. */
function guessUtf16(bytes: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return undefined;
  // Without a single NUL byte in the sample neither pattern can hold: one native scan decides for
  // nearly every file.
  if (bytes.subarray(0, n).indexOf(0) < 0) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return "utf-16le";
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return "utf-16be";
  return undefined;
}

/** Control characters that do not belong in text: all below 32 except tab, LF, VT, FF, CR and 0x1A. */
const unusualControl = /[\u0000-\u0008\u000e-\u0019\u001b-\u001f]/;

/** Rejects text that is mostly control characters (a binary file that happened to decode). */
function checkText(text: string, encoding: TextEncodingName, bom: boolean): DecodeResult {
  // Almost every file has none: one native scan, and the counting loop only when there is one.
  if (!unusualControl.test(text)) return { ok: true, text, encoding, bom };
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Tab, LF, VT, FF, CR and the DOS end-of-file mark 0x1A are normal in text files.
    if (c < 32 && c !== 9 && c !== 10 && c !== 11 && c !== 12 && c !== 13 && c !== 26) controls++;
  }
  if (controls > Math.max(8, text.length / 1000))
    return { ok: false, reason: `it contains ${controls} control characters` };
  return { ok: true, text, encoding, bom };
}
