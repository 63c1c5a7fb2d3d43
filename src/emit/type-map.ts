/**
 * CIM type → TypeScript type text (docs/generated-code.md, "Type mapping").
 * Names of other generated or runtime types come through `TypeRefs`, which also records the imports.
 */
import type { CimType } from "../model/schema.js";

/** How 64-bit integers are represented (`--int64`). */
export type Int64Style = "number" | "bigint" | "string";

/** The parts of a property, parameter or method return that decide its type. */
export interface TypedShape {
  readonly type: CimType;
  readonly isArray: boolean;
  readonly referenceClass?: string;
  readonly embeddedClass?: string;
  readonly isEmbeddedObject?: boolean;
}

/** Resolves names the type text refers to (and records the imports they need). */
export interface TypeRefs {
  /** `CimDateTime`, `CimReference`, `CimInstanceValue`: a runtime type, by its exported name. */
  runtimeType(name: "CimDateTime" | "CimReference" | "CimInstanceValue"): string;
  /** The interface generated for a class, or undefined when the schema does not have the class. */
  classInterface(className: string): string | undefined;
}

/** True for uint64 / sint64. */
export function is64Bit(type: CimType): boolean {
  return type === "uint64" || type === "sint64";
}

/** True for the integer types. */
export function isInteger(type: CimType): boolean {
  return /^[us]int(8|16|32|64)$/.test(type);
}

/**
 * The TypeScript family of a CIM scalar type: `number`, `string`, `boolean`, or the `--int64` choice.
 * datetime, reference and object keep their CIM name: they map to runtime types (see `scalarType`).
 * `diff` grades type changes with this same mapping.
 */
export function primitiveFamily(type: CimType, int64: Int64Style): string {
  switch (type) {
    case "uint8":
    case "sint8":
    case "uint16":
    case "sint16":
    case "uint32":
    case "sint32":
    case "real32":
    case "real64":
      return "number";
    case "uint64":
    case "sint64":
      return int64;
    case "string":
    case "char16":
      return "string";
    default:
      return type;
  }
}

/** The TypeScript type of one value of `shape` (no array, no null). */
export function scalarType(shape: TypedShape, refs: TypeRefs, int64: Int64Style): string {
  switch (shape.type) {
    case "string":
    case "char16":
      return embeddedType(shape, refs) ?? "string";
    case "datetime":
      return refs.runtimeType("CimDateTime");
    case "reference":
      return `${refs.runtimeType("CimReference")}<${JSON.stringify(shape.referenceClass ?? "CIM_ManagedElement")}>`;
    case "object":
      return embeddedType(shape, refs) ?? refs.runtimeType("CimInstanceValue");
    default:
      return primitiveFamily(shape.type, int64);
  }
}

/** EmbeddedInstance("X") / class-typed → the X interface; EmbeddedObject → the generic instance type. */
function embeddedType(shape: TypedShape, refs: TypeRefs): string | undefined {
  if (shape.embeddedClass !== undefined) return refs.classInterface(shape.embeddedClass) ?? refs.runtimeType("CimInstanceValue");
  if (shape.isEmbeddedObject === true || shape.type === "object") return refs.runtimeType("CimInstanceValue");
  return undefined;
}

/**
 * The value type of an element: the enum (left open for vendor and future values with
 * `| (number & {})` or `| (string & {})`) when a value map applies, else the scalar type; arrays
 * become `readonly (T | null)[]`, because an array element may be NULL (DSP0004: every CIM value may
 * be NULL; DSP0201: `VALUE.ARRAY` holds `VALUE` or `VALUE.NULL` elements; PowerShell prints them as
 * `[null]`). 64-bit value maps use the enum only with `--int64 number`.
 */
export function valueType(shape: TypedShape, enumName: string | undefined, refs: TypeRefs, int64: Int64Style): string {
  const scalar = scalarType(shape, refs, int64);
  const useEnum = enumName !== undefined && (scalar === "number" || scalar === "string");
  const item = useEnum ? `${enumName} | (${scalar} & {})` : scalar;
  return shape.isArray ? `readonly (${item} | null)[]` : item;
}
