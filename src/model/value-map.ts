/**
 * ValueMap/Values and BitMap/BitValues, understood (DSP0004 §5.6.3.55 ValueMap, §5.6.3.56 Values).
 * Pure data plus small helpers; `resolve` builds these, `emit` turns them into enums and helpers.
 */

/** One ValueMap entry paired with its Values text, in source order. */
export type ValueMapEntry =
  /** A discrete value: `"4"` -> "Synchronized". `value` is a string for string-typed properties. */
  | { readonly kind: "value"; readonly value: number | bigint | string; readonly label: string }
  /** A range `a..b`, `..b`, `a..` (inclusive bounds; absent bound = open): "DMTF Reserved". */
  | { readonly kind: "range"; readonly min?: number | bigint; readonly max?: number | bigint; readonly label: string }
  /** A lone `..`: every value not listed otherwise. May appear more than once. */
  | { readonly kind: "otherwise"; readonly label: string };

export interface ValueMap {
  /** True when the map's values are strings (a ValueMap on a string property). */
  readonly isString: boolean;
  readonly entries: readonly ValueMapEntry[];
}

/** One BitMap entry: bit position -> BitValues text. Ranges of bits are allowed like ValueMap ranges. */
export type BitMapEntry =
  | { readonly kind: "bit"; readonly bit: number; readonly label: string }
  | { readonly kind: "range"; readonly min?: number; readonly max?: number; readonly label: string };

export interface BitMap {
  readonly entries: readonly BitMapEntry[];
}
