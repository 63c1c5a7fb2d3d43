/**
 * Byte-level mutations of real MOF files, as fast-check arbitraries: what a truncated download, a bad
 * merge, a wrong encoding or a hostile vendor file looks like to the compiler.
 */
import fc from "fast-check";

export type Mutation =
  | { readonly op: "truncate"; readonly at: number }
  | { readonly op: "deleteOne"; readonly char: string; readonly nth: number }
  | { readonly op: "flipByte"; readonly at: number; readonly mask: number }
  | { readonly op: "insertBytes"; readonly at: number; readonly bytes: readonly number[] }
  | { readonly op: "duplicate"; readonly from: number; readonly length: number; readonly to: number }
  | { readonly op: "toUtf16"; readonly bigEndian: boolean; readonly loneSurrogateAt?: number };

/** Byte sequences worth inserting: NUL, invalid UTF-8 (a CESU-encoded lone surrogate, a stray
 *  continuation byte, an overlong form), BOMs in the middle, and text that opens constructs. */
const insertions: readonly (readonly number[])[] = [
  [0x00],
  [0x00, 0x00, 0x00, 0x00],
  [0xed, 0xa0, 0x80],
  [0xed, 0xbf, 0xbf],
  [0x80],
  [0xc0, 0xaf],
  [0xff, 0xfe],
  [0xef, 0xbb, 0xbf],
  ...[
    "/*", '"', "'", "{", "}", "[", "(", ";", "$", "#pragma include(\"main.mof\")\n", "#include \"x.mof\"\n",
    "instance of ", "class ", "\\x", "\\", "0x", "\r", "\u2028", "Qualifier Q : string = ",
    " REF ", " as $A ", "$", ":", ",", "=", "{{{{", "}}}}", "((((", "[[[[", "'\\x'", "1.5e", "-", "99999999999999999999999",
    " void ", " NULL ", " TRUE ", " of ", "#pragma namespace(\"..\")\n", "#pragma locale(\n",
  ].map((text) => [...new TextEncoder().encode(text)]),
];

const structuralChars = ["{", "}", ";", '"', "(", ")", "[", "]", ",", "=", ":", "'"];

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant("truncate" as const), at: fc.nat() }),
  fc.record({ op: fc.constant("deleteOne" as const), char: fc.constantFrom(...structuralChars), nth: fc.nat(40) }),
  fc.record({ op: fc.constant("flipByte" as const), at: fc.nat(), mask: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ op: fc.constant("insertBytes" as const), at: fc.nat(), bytes: fc.constantFrom(...insertions) }),
  fc.record({ op: fc.constant("duplicate" as const), from: fc.nat(), length: fc.integer({ min: 1, max: 400 }), to: fc.nat() }),
  fc.record({
    op: fc.constant("toUtf16" as const),
    bigEndian: fc.boolean(),
    loneSurrogateAt: fc.option(fc.nat(), { nil: undefined }),
  }),
);

/** Applies one mutation; offsets wrap around the input length so every generated value is usable. */
export function applyMutation(input: Uint8Array, m: Mutation): Uint8Array {
  const at = (n: number): number => (input.length === 0 ? 0 : n % (input.length + 1));
  switch (m.op) {
    case "truncate":
      return input.slice(0, at(m.at));
    case "deleteOne": {
      const code = m.char.charCodeAt(0);
      const positions: number[] = [];
      input.forEach((byte, i) => {
        if (byte === code) positions.push(i);
      });
      const target = positions[positions.length === 0 ? 0 : m.nth % positions.length];
      return target === undefined ? input : concat(input.slice(0, target), input.slice(target + 1));
    }
    case "flipByte": {
      if (input.length === 0) return input;
      const out = input.slice();
      const i = m.at % input.length;
      out[i] = (out[i] ?? 0) ^ m.mask;
      return out;
    }
    case "insertBytes": {
      const i = at(m.at);
      return concat(input.slice(0, i), Uint8Array.from(m.bytes), input.slice(i));
    }
    case "duplicate": {
      const from = at(m.from);
      const chunk = input.slice(from, from + m.length);
      const to = at(m.to);
      return concat(input.slice(0, to), chunk, input.slice(to));
    }
    case "toUtf16":
      return toUtf16(input, m.bigEndian, m.loneSurrogateAt);
  }
}

/** Re-encodes (lossily decoded) UTF-8 text as UTF-16 with a BOM, optionally splicing in a lone
 *  high surrogate: how a Windows MOF arrives, and how a broken one does. */
function toUtf16(input: Uint8Array, bigEndian: boolean, loneSurrogateAt: number | undefined): Uint8Array {
  const text = new TextDecoder("utf-8").decode(input);
  const units: number[] = [0xfeff];
  for (let i = 0; i < text.length; i++) units.push(text.charCodeAt(i));
  if (loneSurrogateAt !== undefined) units.splice(1 + (loneSurrogateAt % (text.length + 1)), 0, 0xd800);
  const out = new Uint8Array(units.length * 2);
  units.forEach((unit, i) => {
    out[2 * i + (bigEndian ? 0 : 1)] = unit >> 8;
    out[2 * i + (bigEndian ? 1 : 0)] = unit & 0xff;
  });
  return out;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** One to three mutations in a row. */
export const mutations: fc.Arbitrary<Mutation[]> = fc.array(mutation, { minLength: 1, maxLength: 3 });
