/**
 * Facts about the CIM intrinsic types (DSP0004 §5.2): integer ranges and bit widths.
 */
import type { CimType } from "./schema.js";

export type CimIntegerType = "uint8" | "sint8" | "uint16" | "sint16" | "uint32" | "sint32" | "uint64" | "sint64";

/** Inclusive bounds and bit width of each integer type. */
export const integerTypes: Readonly<Record<CimIntegerType, { readonly min: bigint; readonly max: bigint; readonly bits: number }>> = {
  uint8: { min: 0n, max: 0xffn, bits: 8 },
  sint8: { min: -0x80n, max: 0x7fn, bits: 8 },
  uint16: { min: 0n, max: 0xffffn, bits: 16 },
  sint16: { min: -0x8000n, max: 0x7fffn, bits: 16 },
  uint32: { min: 0n, max: 0xffffffffn, bits: 32 },
  sint32: { min: -0x80000000n, max: 0x7fffffffn, bits: 32 },
  uint64: { min: 0n, max: 0xffffffffffffffffn, bits: 64 },
  sint64: { min: -0x8000000000000000n, max: 0x7fffffffffffffffn, bits: 64 },
};

export function isIntegerType(type: CimType | undefined): type is CimIntegerType {
  switch (type) {
    case "uint8":
    case "sint8":
    case "uint16":
    case "sint16":
    case "uint32":
    case "sint32":
    case "uint64":
    case "sint64":
      return true;
    default:
      return false;
  }
}

export function isRealType(type: CimType | undefined): boolean {
  return type === "real32" || type === "real64";
}

/** True when `value` fits the integer type. */
export function fitsIntegerType(value: bigint, type: CimIntegerType): boolean {
  const range = integerTypes[type];
  return value >= range.min && value <= range.max;
}

const minSafe = BigInt(Number.MIN_SAFE_INTEGER);
const maxSafe = BigInt(Number.MAX_SAFE_INTEGER);

/** An exact integer as the model stores it: a number when safe, a bigint beyond 2^53. */
export function toModelInteger(value: bigint): number | bigint {
  return value >= minSafe && value <= maxSafe ? Number(value) : value;
}
