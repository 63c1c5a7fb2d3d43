/**
 * Runtime helpers behind generated ValueMap enums and BitMap flags (DSP0004 ValueMap/Values,
 * BitMap/BitValues), emitted by mof2ts next to generated code that uses them.
 *
 * Discrete values become enum members; ranges (`a..b`, `..b`, `a..`) and the lone `..` ("every other
 * value") are not members but are answered here: value → Values text, text → value, a type guard and
 * reserved/vendor tests.
 *
 * Self-contained: no imports, no runtime dependencies.
 */

/**
 * A ValueMap range with inclusive bounds; an absent bound is open. Both bounds absent is a lone `..`.
 * A range is a vendor range when `vendor` says so or, when `vendor` is absent, its label starts with
 * "Vendor" (e.g. "Vendor Specific", "Vendor Reserved").
 */
export interface CimValueRange {
  readonly min?: number | undefined;
  readonly max?: number | undefined;
  readonly label: string;
  readonly vendor?: boolean | undefined;
}

/** What the generator knows about one ValueMap/Values pair. */
export interface ValueMapSpec<V extends number | string = number> {
  /** Enum name, e.g. `CIM_Synchronized_CopyState` (for messages). */
  readonly name: string;
  /** Discrete values with their Values text, in source order. */
  readonly values: readonly (readonly [V, string])[];
  /** Ranges in source order (numeric maps only). A range without bounds acts like `otherwise`. */
  readonly ranges: readonly CimValueRange[];
  /** Label of the (first) lone `..` entry: every value not listed otherwise. */
  readonly otherwise?: string | undefined;
  /** The enum object (member name → value), so `value()` also accepts member names such as `Other_12`. */
  readonly members?: Readonly<Record<string, V | string>> | undefined;
}

/** Lookups over one value map; all O(1) for discrete values and O(ranges) otherwise. */
export interface ValueMapHelpers<E extends number | string> {
  readonly name: string;
  /**
   * The Values text for a value: the discrete label, else the first matching bounded range in source
   * order, else the lone `..` label; `undefined` when none applies (or for null/undefined).
   * For CopyState: 4 → "Synchronized", 18 → "DMTF Reserved", 40000 → "Vendor Specific".
   */
  label(value: number | bigint | string | null | undefined): string | undefined;
  /**
   * The discrete value for a Values text or an enum member name: exact label first, then the exact
   * member name, then by words ignoring case, spaces and separators ("not applicable",
   * "NotApplicable" → 15). Signs and symbols count as words, as in member names: "saturday" is
   * `Saturday` (7), "-Saturday" and "MinusSaturday" are -7, "DVD-RW+" is not "DVD-RW".
   */
  value(label: string): E | undefined;
  /** True when `value` is one of the discrete members. */
  is(value: unknown): value is E;
  /** True when `value` is not a member but falls in a non-vendor range or the lone `..` ("DMTF Reserved"). */
  isReserved(value: number): boolean;
  /** True when `value` is not a member but falls in a vendor range ("Vendor Specific"). */
  isVendor(value: number): boolean;
  /** The discrete members with their Values text, in source order. */
  entries(): readonly (readonly [E, string])[];
}

/** Builds the helpers for one value map; precomputes maps so lookups are O(1). */
export function defineValueMap<E extends number | string>(spec: ValueMapSpec<E>): ValueMapHelpers<E> {
  return createValueMapHelpers(spec);
}

/**
 * Builds a {@link ValueMapSpec} from raw ValueMap and Values qualifier arrays (decimal, hex `0x…`,
 * binary `…b`/octal `0…` integers, ranges and lone `..`). Values missing at the end of `values` get the
 * ValueMap text as label. Returns `undefined` when an entry is malformed.
 */
export function valueMapSpecFromQualifiers(
  name: string,
  valueMap: readonly string[],
  values: readonly string[],
  isString = false,
): ValueMapSpec<number> | ValueMapSpec<string> | undefined {
  return isString ? stringSpec(name, valueMap, values) : numericSpec(name, valueMap, values);
}

/** What the generator knows about one BitMap/BitValues pair. Bits are positions (0 = least significant). */
export interface BitMapSpec {
  readonly name: string;
  /** Bit position → BitValues text, in source order. */
  readonly bits: readonly (readonly [number, string])[];
  /** Ranges of bit positions with a label (e.g. 16..31 "Vendor Reserved"). */
  readonly ranges?: readonly CimValueRange[] | undefined;
}

/** Flag helpers for one bit map. Values may be numbers (up to 2^53) or bigints (any width). */
export interface BitMapHelpers {
  readonly name: string;
  /** Labels of the set bits that have one, in bit order. */
  flags(value: number | bigint): string[];
  /** Positions of set bits without an individual label (including bits inside labelled ranges), ascending. */
  unknownBits(value: number | bigint): number[];
  /** True when the bit labelled `label` is set (label matched like `ValueMapHelpers.value`). */
  has(value: number | bigint, label: string): boolean;
  /** The number with the given labelled bits set; `undefined` when a label is unknown or a bit ≥ 53. */
  compose(labels: readonly string[]): number | undefined;
  /** Like `compose`, as a bigint (for bits up to 63). */
  composeBigInt(labels: readonly string[]): bigint | undefined;
  /** Bit positions with their labels, in source order. */
  entries(): readonly (readonly [number, string])[];
}

/** Builds the flag helpers for one bit map. */
export function defineBitMap(spec: BitMapSpec): BitMapHelpers {
  return createBitMapHelpers(spec);
}

/**
 * The words of a label or member name, lower-cased, as mof2ts makes member names (src/emit/names.ts):
 * separators go, a leading sign and every `+` and `%` are words, and two digits a separator kept
 * apart keep a `_` ("1.0" → "1_0", "-Saturday" → "minussaturday", "NotApplicable" → "notapplicable").
 */
function labelKey(label: string): string {
  const spelled = label
    .toLowerCase()
    .replace(/['\u2019]/g, "")
    .replace(/^\s*([-+])(?=[\p{L}\p{N}])/u, (_match, sign: string) => (sign === "-" ? "minus " : "plus "))
    .replace(/\+/g, " plus ")
    .replace(/%/g, " percent ");
  let key = "";
  for (const word of spelled.split(/[^\p{L}\p{N}]+/u)) {
    if (word === "") continue;
    if (/\p{N}$/u.test(key) && /^\p{N}/u.test(word)) key += "_";
    key += word;
  }
  return key;
}

function isVendorRange(range: CimValueRange): boolean {
  return range.vendor ?? /^vendor/i.test(range.label.trim());
}

function containsValue(range: CimValueRange, value: number): boolean {
  return (range.min === undefined || value >= range.min) && (range.max === undefined || value <= range.max);
}

/**
 * Text → value: the exact label, else the exact member name, else by {@link labelKey}, where member
 * names come before labels (a label that is its own member name, such as "Saturday", wins the key
 * over "-Saturday"'s neighbours) and the first entry in source order wins among labels.
 */
function labelIndex<V>(entries: readonly (readonly [V, string])[], members?: Readonly<Record<string, V | string>>): (label: string) => V | undefined {
  const exact = new Map<string, V>();
  const names = new Map<string, V>();
  const byKey = new Map<string, V>();
  const values = new Set<V | string>(entries.map(([value]) => value));
  // Numeric TypeScript enums also map values back to names ("7" → "Saturday"): those keys are not names.
  for (const [name, value] of Object.entries(members ?? {})) {
    if (!/^[A-Za-z_$]/.test(name) || !values.has(value)) continue;
    names.set(name, value as V);
    const key = labelKey(name);
    if (!byKey.has(key)) byKey.set(key, value as V);
  }
  for (const [value, label] of entries) {
    if (!exact.has(label)) exact.set(label, value);
    const key = labelKey(label);
    if (!byKey.has(key)) byKey.set(key, value);
  }
  return (label) => exact.get(label) ?? names.get(label) ?? byKey.get(labelKey(label));
}

/** A numeric key for range tests: integers only (ValueMaps describe integer properties). */
function asInteger(value: number | bigint | string): number | undefined {
  if (typeof value === "bigint") return Number(value);
  if (typeof value === "string") return /^[+-]?\d+$/.test(value.trim()) ? Number(value) : undefined;
  return Number.isInteger(value) ? value : undefined;
}

function createValueMapHelpers<E extends number | string>(spec: ValueMapSpec<E>): ValueMapHelpers<E> {
  // Frozen copies: the helpers are shared module constants, so callers must not be able to change them.
  const entries: readonly (readonly [E, string])[] = Object.freeze(
    spec.values.map(([value, label]) => Object.freeze([value, label] as const)),
  );
  const labels = new Map<number | string, string>();
  for (const [value, label] of entries) if (!labels.has(value)) labels.set(value, label);
  const isStringMap = entries.some(([value]) => typeof value === "string");
  const bounded = spec.ranges.filter((range) => range.min !== undefined || range.max !== undefined);
  const unbounded = spec.ranges.find((range) => range.min === undefined && range.max === undefined);
  const otherwise: CimValueRange | undefined =
    spec.otherwise === undefined ? unbounded : { label: spec.otherwise, vendor: unbounded?.vendor };
  const valueOf = labelIndex(entries, spec.members);

  /** The range (or lone `..`) that covers a non-member integer. */
  const rangeOf = (value: number): CimValueRange | undefined => {
    if (!Number.isInteger(value)) return undefined;
    return bounded.find((range) => containsValue(range, value)) ?? otherwise;
  };
  const isMember = (value: unknown): value is E =>
    (typeof value === "number" || typeof value === "string") && labels.has(value);

  return {
    name: spec.name,
    label(value) {
      if (value === null || value === undefined) return undefined;
      if (isStringMap) return labels.get(String(value)) ?? otherwise?.label;
      const integer = asInteger(value);
      if (integer === undefined) return undefined;
      return labels.get(integer) ?? rangeOf(integer)?.label;
    },
    value: valueOf,
    is: isMember,
    isReserved(value) {
      if (isMember(value)) return false;
      const range = rangeOf(value);
      return range !== undefined && !isVendorRange(range);
    },
    isVendor(value) {
      if (isMember(value)) return false;
      const range = rangeOf(value);
      return range !== undefined && isVendorRange(range);
    },
    entries: () => entries,
  };
}

/** A MOF integer as ValueMap text writes it: decimal, `0x` hex or `b`-suffixed binary, optionally signed. */
function parseMofInteger(text: string): number | undefined {
  const trimmed = text.trim();
  const sign = trimmed.startsWith("-") ? -1 : 1;
  const digits = trimmed.replace(/^[+-]/, "");
  let value: number;
  if (/^\d+$/.test(digits)) value = Number(digits);
  else if (/^0x[0-9a-f]+$/i.test(digits)) value = Number.parseInt(digits.slice(2), 16);
  else if (/^[01]+b$/i.test(digits)) value = Number.parseInt(digits.slice(0, -1), 2);
  else return undefined;
  return Number.isSafeInteger(value) ? sign * value : undefined;
}

function numericSpec(name: string, valueMap: readonly string[], values: readonly string[]): ValueMapSpec<number> | undefined {
  const discrete: [number, string][] = [];
  const ranges: CimValueRange[] = [];
  let otherwise: string | undefined;
  for (const [index, entry] of valueMap.entries()) {
    const label = values[index] ?? entry;
    const text = entry.trim();
    const dots = text.indexOf("..");
    if (dots < 0) {
      const value = parseMofInteger(text);
      if (value === undefined) return undefined;
      discrete.push([value, label]);
      continue;
    }
    const minText = text.slice(0, dots).trim();
    const maxText = text.slice(dots + 2).trim();
    const min = minText === "" ? undefined : parseMofInteger(minText);
    const max = maxText === "" ? undefined : parseMofInteger(maxText);
    if ((min === undefined && minText !== "") || (max === undefined && maxText !== "")) return undefined;
    if (min !== undefined && max !== undefined && min > max) return undefined;
    if (min === undefined && max === undefined) otherwise ??= label;
    ranges.push({ ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }), label });
  }
  return { name, values: discrete, ranges, ...(otherwise === undefined ? {} : { otherwise }) };
}

/** String value maps have no ranges; a lone `..` still means "every other value". */
function stringSpec(name: string, valueMap: readonly string[], values: readonly string[]): ValueMapSpec<string> {
  const discrete: [string, string][] = [];
  let otherwise: string | undefined;
  for (const [index, entry] of valueMap.entries()) {
    const label = values[index] ?? entry;
    if (entry.trim() === "..") otherwise ??= label;
    else discrete.push([entry, label]);
  }
  return { name, values: discrete, ranges: [], ...(otherwise === undefined ? {} : { otherwise }) };
}

/** Highest bit position a bigint-based bit map handles (uint64). */
const MAX_BIT = 63;
/** Highest bit position that still fits a number exactly. */
const MAX_NUMBER_BIT = 52;

/** Set bit positions of a non-negative integer, ascending; empty for negatives and non-integers. */
function setBits(value: number | bigint): number[] {
  let rest: bigint;
  if (typeof value === "bigint") rest = value;
  else if (Number.isSafeInteger(value)) rest = BigInt(value);
  else return [];
  const zero = BigInt(0);
  const one = BigInt(1);
  const bits: number[] = [];
  if (rest < zero) return bits;
  for (let position = 0; rest > zero; position += 1) {
    if ((rest & one) === one) bits.push(position);
    rest >>= one;
  }
  return bits;
}

function createBitMapHelpers(spec: BitMapSpec): BitMapHelpers {
  const entries: readonly (readonly [number, string])[] = Object.freeze(
    spec.bits
      .filter(([bit]) => Number.isInteger(bit) && bit >= 0 && bit <= MAX_BIT)
      .map(([bit, label]) => Object.freeze([bit, label] as const)),
  );
  const labels = new Map<number, string>();
  for (const [bit, label] of entries) if (!labels.has(bit)) labels.set(bit, label);
  const bitOf = labelIndex(entries);

  const composeBigInt = (names: readonly string[]): bigint | undefined => {
    let result = BigInt(0);
    for (const name of names) {
      const bit = bitOf(name);
      if (bit === undefined) return undefined;
      result |= BigInt(1) << BigInt(bit);
    }
    return result;
  };

  return {
    name: spec.name,
    flags(value) {
      const found: string[] = [];
      for (const bit of setBits(value)) {
        const label = labels.get(bit);
        if (label !== undefined) found.push(label);
      }
      return found;
    },
    unknownBits: (value) => setBits(value).filter((bit) => !labels.has(bit)),
    has(value, label) {
      const bit = bitOf(label);
      return bit !== undefined && setBits(value).includes(bit);
    },
    compose(names) {
      if (names.some((name) => (bitOf(name) ?? MAX_BIT + 1) > MAX_NUMBER_BIT)) return undefined;
      const result = composeBigInt(names);
      return result === undefined ? undefined : Number(result);
    },
    composeBigInt,
    entries: () => entries,
  };
}
