/**
 * Table-driven decoding of raw CIM property bags into generated interfaces, emitted by mof2ts next to
 * generated decoders (`decodeCIM_X(raw) { return decodeInstance<CIM_X>(raw, CIM_X_META) }`).
 *
 * Accepts what real clients give: PowerShell `Get-CimInstance | ConvertTo-Json` (any property-name
 * case, extra members such as CimClass or PSComputerName), WS-Man / CIM-XML clients (numbers and
 * booleans as strings, single-element arrays as scalars), nulls and missing properties.
 */
import { coerceCimDateTime, type CimDateTime } from "./datetime.js";
import { coerceCimReference, type CimReference } from "./reference.js";

/** CIM intrinsic type names as written in MOF (`object` = EmbeddedObject). */
export type CimTypeName =
  | "uint8"
  | "sint8"
  | "uint16"
  | "sint16"
  | "uint32"
  | "sint32"
  | "uint64"
  | "sint64"
  | "real32"
  | "real64"
  | "char16"
  | "string"
  | "boolean"
  | "datetime"
  | "reference"
  | "object";

/** How one property is decoded. */
export interface CimPropertyMeta {
  readonly type: CimTypeName;
  readonly isArray?: boolean;
  /** Required qualifier: missing or null is an error. */
  readonly required?: boolean;
  /** Key qualifier: missing or null is an error. */
  readonly key?: boolean;
  /** Target class of a reference (documentation; the decoder does not check subclassing). */
  readonly referenceClass?: string;
  /** Class named by EmbeddedInstance (documentation when `embedded` is absent). */
  readonly embeddedClass?: string;
  /** Metadata of the EmbeddedInstance class, for nested decoding (a thunk so classes may refer to each other). */
  readonly embedded?: () => CimClassMeta;
}

/** Runtime metadata of one class, as generated. */
export interface CimClassMeta {
  readonly name: string;
  readonly superclass?: string;
  readonly namespace: string;
  /** Key property names in schema spelling. */
  readonly keys: readonly string[];
  /** Every property, inherited ones included, by schema spelling. */
  readonly properties: Readonly<Record<string, CimPropertyMeta>>;
}

/** One problem found while decoding. */
export interface DecodeError {
  /** Where: `CopyState`, `Settings[2].Name`, or `` (empty) for the instance itself. */
  readonly path: string;
  /** What was expected, e.g. `uint16 (0..65535)`, `datetime`, `a value (key property)`. */
  readonly expected: string;
  /** Short JSON-ish rendering of the offending value, e.g. `"abc"`, `70000`, `missing`. */
  readonly got: string;
}

/** Success with the typed value, or every error found. */
export type DecodeResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly errors: readonly DecodeError[] };

/** Decoding options; `int64` must match the `--int64` the code was generated with. */
export interface DecodeOptions {
  /**
   * Representation of uint64/sint64: `number` (default) rejects values beyond ±2^53-1, because they
   * would silently lose precision; `bigint` is exact; `string` is the canonical decimal text.
   */
  readonly int64?: "number" | "bigint" | "string";
  /** `ignore` (default) drops properties the class does not declare; `error` reports them. */
  readonly unknownProperties?: "ignore" | "error";
}

/** A raw property bag, as parsed JSON gives it. */
export type CimInstanceBag = Readonly<Record<string, unknown>>;

/** An EmbeddedObject value: any instance, with its class name when the input says it. */
export interface CimInstanceValue {
  readonly className?: string;
  readonly properties: Readonly<Record<string, unknown>>;
}

/**
 * Decodes a raw property bag against class metadata. Property names match case-insensitively and
 * come out in schema spelling; a null or missing key/required property is an error; any other null
 * stays `null` and a missing one stays absent. Never throws; collects all errors.
 */
export function decodeInstance<T>(raw: unknown, meta: CimClassMeta, options: DecodeOptions = {}): DecodeResult<T> {
  void raw;
  void meta;
  void options;
  void coerceCimDateTime;
  void coerceCimReference;
  return { ok: false, errors: [] };
}

/** Values a decoded scalar may take (for reference; generated interfaces are more precise). */
export type CimDecodedScalar = number | bigint | string | boolean | CimDateTime | CimReference | CimInstanceValue;
