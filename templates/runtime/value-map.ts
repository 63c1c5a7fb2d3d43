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
  readonly min?: number;
  readonly max?: number;
  readonly label: string;
  readonly vendor?: boolean;
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
  readonly otherwise?: string;
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
   * The discrete value for a Values text: exact match first, then ignoring case, spaces, `_` and `-`
   * (so the enum member name works too: "NotApplicable" → 15). First in source order wins.
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
  void spec;
  throw new Error("not implemented");
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
  void name;
  void valueMap;
  void values;
  void isString;
  return undefined;
}

/** What the generator knows about one BitMap/BitValues pair. Bits are positions (0 = least significant). */
export interface BitMapSpec {
  readonly name: string;
  /** Bit position → BitValues text, in source order. */
  readonly bits: readonly (readonly [number, string])[];
  /** Ranges of bit positions with a label (e.g. 16..31 "Vendor Reserved"). */
  readonly ranges?: readonly CimValueRange[];
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
  void spec;
  throw new Error("not implemented");
}
