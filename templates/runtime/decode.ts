/**
 * Table-driven decoding of raw CIM property bags into generated interfaces, emitted by mof2ts next to
 * generated decoders (`decodeCIM_X(raw) { return decodeInstance<CIM_X>(raw, CIM_X_META) }`).
 *
 * Accepts what real clients give: PowerShell `Get-CimInstance | ConvertTo-Json` (any property-name
 * case, extra members such as CimClass or PSComputerName, value-mapped integers printed as their
 * Values text, `Select-Object` projections with `partial`, instances cut off by `-Depth`), .NET
 * serializers that keep only `CimInstanceProperties`, WS-Man / CIM-XML clients (numbers and booleans
 * as strings, single-element arrays as scalars), nulls, NULL array elements and missing properties.
 */
import { coerceCimDateTime } from "./datetime.js";
import { coerceCimReference } from "./reference.js";

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
  readonly isArray?: boolean | undefined;
  /** Required qualifier: missing or null is an error. */
  readonly required?: boolean | undefined;
  /** Key qualifier: missing or null is an error. */
  readonly key?: boolean | undefined;
  /** Target class of a reference (documentation; the decoder does not check subclassing). */
  readonly referenceClass?: string | undefined;
  /** Class named by EmbeddedInstance; without `embedded` such values decode as {@link CimInstanceValue}. */
  readonly embeddedClass?: string | undefined;
  /** Metadata of the EmbeddedInstance class, for nested decoding (a thunk so classes may refer to each other). */
  readonly embedded?: (() => CimClassMeta) | undefined;
  /**
   * The property's ValueMap/Values (the generated `<Enum>Values` helper, behind a thunk so metadata
   * stays a plain literal): an integer printed as its Values text or enum member name decodes to its value.
   */
  readonly valueMap?: (() => CimValueLabels) | undefined;
}

/** What the decoder needs of a value map: text → value, and the labels for messages (`ValueMapHelpers` has both). */
export interface CimValueLabels {
  value(text: string): number | string | undefined;
  entries(): readonly (readonly [number | string, string])[];
}

/** Runtime metadata of one class, as generated. */
export interface CimClassMeta {
  readonly name: string;
  readonly superclass?: string | undefined;
  readonly namespace: string;
  /** Key property names in schema spelling. */
  readonly keys: readonly string[];
  /** Every property, inherited ones included, by schema spelling. */
  readonly properties: Readonly<Record<string, CimPropertyMeta>>;
}

/** One problem found while decoding. */
/**
 * A subclass's `properties`: its parent's, then the ones it adds or changes (an override keeps the
 * parent's place in the order). Generated metadata calls it marked pure instead of spreading the
 * parent's object in place, because a bundler must assume a spread can run a getter and would keep
 * every class's metadata.
 */
export function inheritProperties(
  parent: CimClassMeta,
  own: Readonly<Record<string, CimPropertyMeta>>,
): Readonly<Record<string, CimPropertyMeta>> {
  return { ...parent.properties, ...own };
}

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
   * `true` for projections (`Select-Object Number, FriendlyName | ConvertTo-Json`): every property may
   * be missing, keys and required ones too; a property that is present is still fully checked. The
   * generated decoders then return `Partial<Class>`.
   */
  readonly partial?: boolean | undefined;
  /**
   * Representation of uint64/sint64: `number` (default) rejects values beyond ±2^53-1, because they
   * would silently lose precision; `bigint` is exact; `string` is the canonical decimal text.
   */
  readonly int64?: "number" | "bigint" | "string" | undefined;
  /** `ignore` (default) drops properties the class does not declare; `error` reports them. */
  readonly unknownProperties?: "ignore" | "error" | undefined;
  /**
   * uint64/sint64 values that cannot be exact: a JSON number beyond ±(2^53-1), which `JSON.parse` has
   * already rounded (9223372036854775807 arrives as 9223372036854775808), or, with `int64: "number"`,
   * any value beyond that. `reject` (default) reports them; `accept` takes them knowingly: as the
   * nearest double with `int64: "number"`, else as that double's integer, kept within the type's range.
   */
  readonly roundedInt64?: "reject" | "accept" | undefined;
}

/**
 * Options that cannot ask for a projection: a generated decoder called with these (or none) returns the
 * whole `Class`; with any other `DecodeOptions` (`{ partial: true }`, or a `boolean` flag) `Partial<Class>`.
 */
export type WholeDecodeOptions = DecodeOptions & { readonly partial?: false | undefined };

/** A raw property bag, as parsed JSON gives it. */
export type CimInstanceBag = Readonly<Record<string, unknown>>;

/** An EmbeddedObject value: any instance, with its class name when the input says it. */
export interface CimInstanceValue {
  readonly className?: string | undefined;
  readonly properties: Readonly<Record<string, unknown>>;
}

/**
 * Decodes a raw property bag against class metadata. Property names match case-insensitively and
 * come out in schema spelling; a null or missing key/required property is an error; any other null
 * stays `null` and a missing one stays absent. Never throws; collects all errors.
 */
export function decodeInstance<T>(raw: unknown, meta: CimClassMeta, options: DecodeOptions = {}): DecodeResult<T> {
  const errors: DecodeError[] = [];
  const decoded = decodeObject(raw, meta, "", errors, resolveOptions(options), 0);
  if (decoded === undefined || errors.length > 0) return { ok: false, errors };
  // The metadata was generated from the same schema as T, and every property was checked against it.
  return { ok: true, value: decoded as T };
}

interface ResolvedOptions {
  readonly int64: "number" | "bigint" | "string";
  readonly rejectUnknown: boolean;
  /** Missing keys and required properties are not errors at the top level (nested instances stay whole). */
  readonly partial: boolean;
  readonly acceptRounded: boolean;
}

function resolveOptions(options: DecodeOptions): ResolvedOptions {
  return {
    int64: options.int64 ?? "number",
    rejectUnknown: options.unknownProperties === "error",
    partial: options.partial === true,
    acceptRounded: options.roundedInt64 === "accept",
  };
}

/** Embedded instances nest at most this deep (JavaScript objects, unlike JSON, may be cyclic). */
const MAX_EMBEDDING_DEPTH = 32;

/**
 * Members that clients add to describe an instance rather than being its properties: PowerShell's
 * CimInstance members, the ones remoting (`Invoke-Command`) adds, Get-WmiObject's ManagementObject
 * members, and WMI system properties (`__*`).
 * Declared properties are matched first, so a class that really declares `Path` still gets it.
 */
const CLIENT_MEMBERS = new Set([
  "cimclass",
  "ciminstanceproperties",
  "cimsystemproperties",
  "pscomputername",
  "psshowcomputername",
  "runspaceid",
  "scope",
  "path",
  "options",
  "classpath",
  "properties",
  "systemproperties",
  "qualifiers",
  "site",
  "container",
]);

function isPlainRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/**
 * WS-Man sends a null property as `<p:X xsi:nil="true"/>`; XML-to-JSON converters keep that attribute
 * as `{ "@xsi:nil": "true" }` (xmltodict), `{ "@_xsi:nil": "true" }` (fast-xml-parser) or
 * `{ "$": { "xsi:nil": "true" } }` (xml2js). Only attributes may sit next to it.
 */
function isNilMarker(value: unknown): boolean {
  if (!isPlainRecord(value)) return false;
  const attributes: [string, unknown][] = [];
  for (const [key, member] of Object.entries(value)) {
    if (key === "$" && isPlainRecord(member)) for (const [name, inner] of Object.entries(member)) attributes.push(["@" + name, inner]);
    else attributes.push([key, member]);
  }
  let nil = false;
  for (const [key, member] of attributes) {
    const name = key.replace(/^@_?/, "").toLowerCase();
    if (!key.startsWith("@") && !name.startsWith("xmlns") && name !== "xsi:nil") return false;
    if (name === "xsi:nil" || name === "nil") {
      if (member !== true && (typeof member !== "string" || member.trim().toLowerCase() !== "true")) return false;
      nil = true;
    }
  }
  return nil;
}

/**
 * The instance's members, with the entries of a `CimInstanceProperties` list of `{ Name, Value }`
 * records added where the top level lacks them: .NET serializers (Ansible's module output, Newtonsoft)
 * see only the CimInstance object's own members (`CimClass`, `CimInstanceProperties`,
 * `CimSystemProperties`), so there the property values are only in that list.
 */
function withCimInstanceProperties(raw: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>> {
  const listName = Object.keys(raw).find((name) => name.toLowerCase() === "ciminstanceproperties");
  const list = listName === undefined ? undefined : raw[listName];
  if (!Array.isArray(list)) return raw;
  const present = new Set(Object.keys(raw).map((name) => name.toLowerCase()));
  const added: [string, unknown][] = [];
  for (const entry of list) {
    if (!isPlainRecord(entry)) continue;
    const name = memberOf(entry, "Name");
    if (typeof name !== "string" || present.has(name.toLowerCase()) || !hasMember(entry, "Value")) continue;
    present.add(name.toLowerCase());
    added.push([name, memberOf(entry, "Value")]);
  }
  return added.length === 0 ? raw : { ...raw, ...Object.fromEntries(added) };
}

function hasMember(record: Readonly<Record<string, unknown>>, name: string): boolean {
  return Object.keys(record).some((key) => key.toLowerCase() === name.toLowerCase());
}

function memberOf(record: Readonly<Record<string, unknown>>, name: string): unknown {
  const key = Object.keys(record).find((candidate) => candidate.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : record[key];
}

/**
 * What `ConvertTo-Json` prints for a CimInstance past its `-Depth`: PowerShell 5.1 an object whose
 * `CimInstanceProperties` is one line of text (`"Id = \"Author\" LogonType = 4 …"`, long values cut
 * to `...`), 5.1 and 7 a string, the instance's `ToString()` (`"MSFT_TaskExecAction"`,
 * `"MSFT_NetIPAddress (Name = \"…\")"`) or a .NET type name. The values are lost, so none is guessed.
 */
function isDepthCut(value: unknown): boolean {
  if (typeof value === "string") return CUT_INSTANCE_TEXT.test(value);
  if (!isPlainRecord(value) || typeof memberOf(value, "CimInstanceProperties") !== "string") return false;
  // Only the CimInstance's own members are left (with -Depth 1 the top level keeps its properties).
  return Object.keys(value).every((name) => CIM_INSTANCE_MEMBERS.has(name.toLowerCase()));
}

const CIM_INSTANCE_MEMBERS = new Set(["cimclass", "ciminstanceproperties", "cimsystemproperties"]);

/** A class name or dotted .NET type name, optionally followed by ` (Key = "value", …)`. */
const CUT_INSTANCE_TEXT = /^[A-Za-z_][\w.]*(?: \(.*\))?$/s;

function containsDepthCut(value: unknown): boolean {
  return Array.isArray(value) ? value.some(isDepthCut) : isDepthCut(value);
}

/** Properties whose values are instances: EmbeddedInstance (with or without metadata) and EmbeddedObject. */
function isInstanceValued(property: CimPropertyMeta): boolean {
  return property.embedded !== undefined || property.embeddedClass !== undefined || property.type === "object";
}

const DEPTH_CUT_HINT = " (ConvertTo-Json cut it off at its -Depth: print with a larger -Depth)";
/** For a property of the instance itself, which `partial` leaves out. */
const DEPTH_CUT_PARTIAL_HINT = " (ConvertTo-Json cut it off at its -Depth: print with a larger -Depth, or decode with partial: true to leave it out)";

function appendPath(base: string, name: string): string {
  return base === "" ? name : base + "." + name;
}

/** Short, JSON-ish rendering of a value for error messages. */
function render(value: unknown): string {
  if (value === undefined) return "missing";
  if (value === null) return "null";
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? value.slice(0, 37) + "..." : value);
  if (typeof value === "bigint") return String(value) + "n";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return "array(" + String(value.length) + ")";
  if (value instanceof Date) return "Date(" + (Number.isNaN(value.getTime()) ? "invalid" : value.toISOString()) + ")";
  if (typeof value === "object") {
    const keys = Object.keys(value);
    return "object {" + keys.slice(0, 3).join(", ") + (keys.length > 3 ? ", ..." : "") + "}";
  }
  return typeof value;
}

/** Decodes a property bag against metadata into a record with schema spellings; errors go to `errors`. */
function decodeObject(
  raw: unknown,
  meta: CimClassMeta,
  path: string,
  errors: DecodeError[],
  options: ResolvedOptions,
  depth: number,
): Record<string, unknown> | undefined {
  // Past -Depth, 5.1 leaves an object of CimInstance members; a bare string here may be anything.
  const cut = isPlainRecord(raw) && isDepthCut(raw);
  if (!isPlainRecord(raw) || cut) {
    const expected = meta.name + " instance (an object)";
    errors.push({ path, expected: cut ? expected + DEPTH_CUT_HINT : expected, got: render(raw) });
    return undefined;
  }
  if (depth > MAX_EMBEDDING_DEPTH) {
    errors.push({ path, expected: "embedded instances nested at most " + String(MAX_EMBEDDING_DEPTH) + " deep", got: "deeper" });
    return undefined;
  }
  const bag = withCimInstanceProperties(raw);
  // Raw names by lower case; an exact spelling wins over a different-case duplicate.
  const rawNames = new Map<string, string>();
  for (const name of Object.keys(bag)) {
    const lower = name.toLowerCase();
    if (!rawNames.has(lower) || Object.prototype.hasOwnProperty.call(meta.properties, name)) rawNames.set(lower, name);
  }
  const entries: [string, unknown][] = [];
  const used = new Set<string>();
  for (const name of Object.keys(meta.properties)) {
    const property = meta.properties[name];
    if (property === undefined) continue;
    const rawName = rawNames.get(name.toLowerCase());
    if (rawName !== undefined) used.add(rawName);
    const given = rawName === undefined ? undefined : bag[rawName];
    // A projection has no value for what ConvertTo-Json did not print, and a cut-off instance is not printed.
    const cutInProjection = options.partial && depth === 0 && isInstanceValued(property) && containsDepthCut(given);
    const value = isNilMarker(given) ? null : cutInProjection ? undefined : given;
    const propertyPath = appendPath(path, name);
    if (value === undefined || value === null) {
      // A projection leaves properties out; a key or required property that is there as null is still wrong.
      const exempt = value === undefined && options.partial && depth === 0;
      const mandatory = exempt ? undefined : property.key === true ? "key" : property.required === true ? "required" : undefined;
      if (mandatory !== undefined) {
        errors.push({ path: propertyPath, expected: describe(property) + " (" + mandatory + " property)", got: render(value) });
      } else if (value === null) {
        entries.push([name, null]);
      }
      continue;
    }
    const decoded = decodeProperty(value, property, propertyPath, errors, options, depth);
    if (decoded.ok) entries.push([name, decoded.value]);
  }
  // A projection prints at least one property; an object with none is another class or a wrapper
  // (`{ "classname": …, "properties": {…} }`), which would otherwise decode to an empty result.
  if (options.partial && depth === 0 && used.size === 0) {
    errors.push({ path, expected: meta.name + " instance with at least one of its properties (partial)", got: render(raw) });
  }
  if (options.rejectUnknown) {
    for (const name of Object.keys(bag)) {
      if (used.has(name) || name.startsWith("__") || CLIENT_MEMBERS.has(name.toLowerCase())) continue;
      errors.push({ path: appendPath(path, name), expected: "no such property in " + meta.name, got: render(bag[name]) });
    }
  }
  // fromEntries defines own properties, so a property named __proto__ cannot change the prototype.
  return Object.fromEntries(entries);
}

type Decoded = { readonly ok: true; readonly value: unknown } | { readonly ok: false };
const FAILED: Decoded = { ok: false };

function decodeProperty(
  value: unknown,
  property: CimPropertyMeta,
  path: string,
  errors: DecodeError[],
  options: ResolvedOptions,
  depth: number,
): Decoded {
  if (property.isArray !== true) {
    if (Array.isArray(value)) {
      errors.push({ path, expected: describe(property), got: render(value) });
      return FAILED;
    }
    return decodeScalar(value, property, path, errors, options, depth);
  }
  // WS-Man and CIM-XML clients turn a one-element array into a bare value.
  const items: readonly unknown[] = Array.isArray(value) ? value : [value];
  const decoded: unknown[] = [];
  let ok = true;
  items.forEach((item, index) => {
    const itemPath = path + "[" + String(index) + "]";
    // DSP0201's VALUE.ARRAY holds VALUE.NULL elements; PowerShell prints them as null ("AccessPaths": [null]).
    // They keep their place: positions matter in Indexed arrays and in arrays that correlate by index.
    if (item === null || isNilMarker(item)) {
      decoded.push(null);
      return;
    }
    if (item === undefined) {
      errors.push({ path: itemPath, expected: describe({ ...property, isArray: false }), got: render(item) });
      ok = false;
      return;
    }
    const result = decodeScalar(item, property, itemPath, errors, options, depth);
    if (result.ok) decoded.push(result.value);
    else ok = false;
  });
  return ok ? { ok: true, value: decoded } : FAILED;
}

/** `uint16 (0..65535)`, `array of datetime`, `embedded instance of CIM_Foo`: the `expected` text. */
function describe(property: CimPropertyMeta): string {
  const scalar = describeScalar(property);
  return property.isArray === true ? "array of " + scalar : scalar;
}

function describeScalar(property: CimPropertyMeta): string {
  const embeddedClass = property.embeddedClass ?? (property.embedded === undefined ? undefined : "an embedded class");
  if (embeddedClass !== undefined) return "embedded instance of " + embeddedClass;
  const range = cimIntegerRange(property.type);
  if (range !== undefined) return property.type + " (" + String(range[0]) + ".." + String(range[1]) + ")";
  switch (property.type) {
    case "reference":
      return "reference" + (property.referenceClass === undefined ? "" : " to " + property.referenceClass);
    case "object":
      return "embedded object";
    case "char16":
      return "char16 (one UTF-16 code unit)";
    default:
      return property.type;
  }
}

/** Inclusive ranges of the integer types, as bigints so uint64/sint64 are exact. */
const INTEGER_RANGES: Readonly<Partial<Record<CimTypeName, readonly [bigint, bigint]>>> = {
  uint8: [BigInt(0), BigInt(255)],
  sint8: [BigInt(-128), BigInt(127)],
  uint16: [BigInt(0), BigInt(65535)],
  sint16: [BigInt(-32768), BigInt(32767)],
  uint32: [BigInt(0), BigInt(4294967295)],
  sint32: [BigInt(-2147483648), BigInt(2147483647)],
  uint64: [BigInt(0), BigInt("18446744073709551615")],
  sint64: [BigInt("-9223372036854775808"), BigInt("9223372036854775807")],
};

/**
 * The range of an integer CIM type (`undefined` for other types). Own entries only: a hand-written
 * `type` such as "toString" must not find Object.prototype members.
 */
export function cimIntegerRange(type: string): readonly [bigint, bigint] | undefined {
  return Object.prototype.hasOwnProperty.call(INTEGER_RANGES, type) ? INTEGER_RANGES[type as CimTypeName] : undefined;
}

/** The Values labels for an error message: `"Unknown", "SCSI", … (40 more)`. */
function labelList(valueMap: CimValueLabels): string {
  const labels = valueMap.entries().map(([, label]) => JSON.stringify(label));
  const shown = labels.slice(0, MAX_LABELS_SHOWN).join(", ");
  return labels.length > MAX_LABELS_SHOWN ? shown + ", ... (" + String(labels.length - MAX_LABELS_SHOWN) + " more)" : shown;
}

const MAX_LABELS_SHOWN = 24;

/**
 * The value a value-mapped integer printed as text stands for: its Values label or enum member name
 * ("SAS", "File Backed Virtual", "FileBackedVirtual"), matched as `<Enum>Values.value(text)` does.
 */
function valueOfLabel(value: unknown, property: CimPropertyMeta): unknown {
  if (typeof value !== "string" || property.valueMap === undefined || /^\s*[+-]?\d+\s*$/.test(value)) return value;
  return property.valueMap().value(value.trim()) ?? value;
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const FLOAT32_MAX = 3.4028234663852886e38;

/**
 * An exact integer from a number, bigint or decimal text. Numbers beyond 2^53 are refused: JSON.parse
 * has already rounded them, so the true value is unknown (pass such values as text to keep them exact).
 */
function toExactInteger(value: unknown): bigint | undefined {
  if (typeof value === "bigint") return value;
  if (typeof value === "number") return Number.isSafeInteger(value) ? BigInt(value) : undefined;
  if (typeof value === "string" && /^\s*[+-]?\d+\s*$/.test(value)) return BigInt(value.trim().replace(/^\+/, ""));
  return undefined;
}

/** A whole number too large for a double to hold exactly. */
function isRoundedInteger(value: unknown): boolean {
  return typeof value === "number" && Number.isInteger(value) && !Number.isSafeInteger(value);
}

/** Reals from numbers or text, including CIM-XML's `INF`, `-INF` and `NaN`. */
function toReal(value: unknown): number | undefined {
  if (typeof value === "number") return value;
  if (typeof value !== "string") return undefined;
  const text = value.trim();
  if (/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i.test(text)) return Number(text);
  const special: Readonly<Record<string, number>> = {
    inf: Infinity,
    "+inf": Infinity,
    infinity: Infinity,
    "-inf": -Infinity,
    "-infinity": -Infinity,
    nan: Number.NaN,
  };
  return special[text.toLowerCase()];
}

function toBoolean(value: unknown): boolean | undefined {
  if (typeof value === "boolean") return value;
  if (typeof value !== "string") return undefined;
  const text = value.trim().toLowerCase();
  // xs:boolean (WS-Man, CIM-XML) also spells the values 1 and 0.
  if (text === "true" || text === "1") return true;
  return text === "false" || text === "0" ? false : undefined;
}

function toChar16(value: unknown): string | undefined {
  if (typeof value === "string") return value.length === 1 ? value : undefined;
  // Some clients serialize a .NET char as its code.
  if (typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= 0xffff) return String.fromCharCode(value);
  return undefined;
}

/** An EmbeddedObject: any instance, with its class name when the input carries one. */
function toInstanceValue(raw: unknown): CimInstanceValue | undefined {
  if (!isPlainRecord(raw)) return undefined;
  const value = withCimInstanceProperties(raw);
  const names = Object.keys(value);
  const ownProperties = value["properties"];
  if (names.every((name) => name === "className" || name === "properties") && isPlainRecord(ownProperties)) {
    const className = value["className"];
    return typeof className === "string" ? { className, properties: ownProperties } : { properties: ownProperties };
  }
  const system = value["CimSystemProperties"];
  const className =
    (isPlainRecord(system) && typeof system["ClassName"] === "string" ? system["ClassName"] : undefined) ??
    (typeof value["__CLASS"] === "string" ? value["__CLASS"] : undefined);
  const properties = Object.fromEntries(
    names
      .filter((name) => !name.startsWith("__") && !CLIENT_MEMBERS.has(name.toLowerCase()))
      .map((name) => [name, value[name]] as const),
  );
  return className === undefined ? { properties } : { className, properties };
}

/**
 * A whole JSON number past 2^53: `JSON.parse` has already rounded it, so its true value is unknown.
 * Rejected (saying how to send it exactly, or accept it) unless `roundedInt64: "accept"`; then it is
 * taken when some value it may stand for fits the type, kept within the type's range.
 */
function decodeRoundedInt64(
  value: number,
  range: readonly [bigint, bigint],
  property: CimPropertyMeta,
  options: ResolvedOptions,
  fail: (expected: string) => Decoded,
): Decoded {
  if (!options.acceptRounded) {
    return fail(property.type + " as text (a JSON number beyond ±(2^53-1) is already rounded; roundedInt64: \"accept\" takes it as is)");
  }
  const integer = BigInt(value);
  // The double stands for every integer within half a unit in the last place of it.
  const halfUlp = BigInt(2 ** (Math.floor(Math.log2(Math.abs(value))) - 53));
  if (integer + halfUlp < range[0] || integer - halfUlp > range[1]) return fail(describeScalar(property));
  const clamped = integer < range[0] ? range[0] : integer > range[1] ? range[1] : integer;
  if (options.int64 === "bigint") return { ok: true, value: clamped };
  if (options.int64 === "string") return { ok: true, value: clamped.toString() };
  return { ok: true, value };
}

function decodeScalar(
  value: unknown,
  property: CimPropertyMeta,
  path: string,
  errors: DecodeError[],
  options: ResolvedOptions,
  depth: number,
): Decoded {
  const fail = (expected: string): Decoded => {
    errors.push({ path, expected, got: render(value) });
    return FAILED;
  };
  if (isInstanceValued(property) && isDepthCut(value)) {
    return fail(describeScalar(property) + (depth === 0 ? DEPTH_CUT_PARTIAL_HINT : DEPTH_CUT_HINT));
  }
  if (property.embedded !== undefined) {
    const before = errors.length;
    const decoded = decodeObject(value, property.embedded(), path, errors, options, depth + 1);
    return decoded === undefined || errors.length > before ? FAILED : { ok: true, value: decoded };
  }
  if (property.embeddedClass !== undefined) {
    // Without metadata for the class the generated type is CimInstanceValue, so it decodes as one.
    const instance = toInstanceValue(value);
    return instance === undefined ? fail(describeScalar(property)) : { ok: true, value: instance };
  }
  const range = cimIntegerRange(property.type);
  if (range !== undefined) {
    const is64 = property.type === "uint64" || property.type === "sint64";
    const given = valueOfLabel(value, property);
    if (is64 && isRoundedInteger(given)) return decodeRoundedInt64(given as number, range, property, options, fail);
    const integer = toExactInteger(given);
    if (integer === undefined && typeof given === "string" && property.valueMap !== undefined) {
      return fail(describeScalar(property) + " or one of its Values: " + labelList(property.valueMap()));
    }
    if (integer === undefined || integer < range[0] || integer > range[1]) return fail(describeScalar(property));
    if (!is64) return { ok: true, value: Number(integer) };
    if (options.int64 === "bigint") return { ok: true, value: integer };
    if (options.int64 === "string") return { ok: true, value: integer.toString() };
    if (integer <= MAX_SAFE && integer >= -MAX_SAFE) return { ok: true, value: Number(integer) };
    if (options.acceptRounded) return { ok: true, value: Number(integer) };
    return fail(property.type + " within ±(2^53-1) (int64: number; roundedInt64: \"accept\" takes it rounded)");
  }
  switch (property.type) {
    case "real32":
    case "real64": {
      const real = toReal(value);
      const fits = real !== undefined && (property.type === "real64" || !Number.isFinite(real) || Math.abs(real) <= FLOAT32_MAX);
      return fits ? { ok: true, value: real } : fail(property.type);
    }
    case "char16": {
      const char = toChar16(value);
      return char === undefined ? fail(describeScalar(property)) : { ok: true, value: char };
    }
    case "string":
      return typeof value === "string" ? { ok: true, value } : fail("string");
    case "boolean": {
      const flag = toBoolean(value);
      return flag === undefined ? fail("boolean") : { ok: true, value: flag };
    }
    case "datetime": {
      const datetime = coerceCimDateTime(value);
      return datetime === undefined ? fail("datetime") : { ok: true, value: datetime };
    }
    case "reference": {
      const reference = coerceCimReference(value);
      return reference === undefined ? fail(describeScalar(property)) : { ok: true, value: reference };
    }
    case "object": {
      const instance = toInstanceValue(value);
      return instance === undefined ? fail("embedded object") : { ok: true, value: instance };
    }
    default:
      return fail(property.type);
  }
}
