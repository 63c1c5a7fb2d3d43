/**
 * CIM references (object paths), emitted by mof2ts next to generated code that uses them.
 *
 * Understands the DMTF form `//host/root/cimv2:CIM_Foo.Name="a\"b",Num=5,Flag=true` and the WMI form
 * `\\HOST\root\cimv2:Win32_Foo.Name="x"`, with or without host and namespace, class paths without keys,
 * keyless singletons (`Class=@`) and references nested as quoted, escaped paths.
 *
 * Self-contained: no imports, no runtime dependencies.
 */

/**
 * Type-only brand that records the target class of a reference. It has no runtime value: never
 * import it as a value; it is exported only so that declaration emit can name it.
 */
export declare const targetClass: unique symbol;

/** A key value in an object path: strings, numbers (bigint beyond 2^53), booleans and nested references. */
export type CimKeyValue = string | number | bigint | boolean | CimReference;

/**
 * A reference to a CIM instance (or, without keys, a class). `Target` names the class the schema
 * declares the reference to point at (e.g. `CimReference<"CIM_ManagedElement">`); it only exists in types.
 */
export interface CimReference<Target extends string = string> {
  /** Class of the referenced instance as the path spells it (may be a subclass of `Target`). */
  readonly className: string;
  /** Namespace with `/` separators (`root/cimv2`); absent when the path has none. */
  readonly namespace?: string | undefined;
  /** Host (`server.example.com`, `.`), absent when the path has none. */
  readonly host?: string | undefined;
  /** Key property values by property name. Empty for class paths and singletons. */
  readonly keys: Readonly<Record<string, CimKeyValue>>;
  /** True for a keyless singleton instance path (`Class=@`), as opposed to a class path. */
  readonly singleton?: boolean | undefined;
  readonly [targetClass]?: CimReferenceTarget<Target>["target"];
}

/**
 * Carrier of a reference's target class in types only. The method syntax makes it bivariant, so a
 * plain `CimReference` (from a parser or client data) fits where `CimReference<"CIM_X">` is expected
 * and back, while references to two unrelated literal targets stay incompatible.
 */
export interface CimReferenceTarget<Target extends string> {
  target(target: Target): void;
}

/**
 * Parses an object path in DMTF or WMI form. Unquoted integer keys become numbers (bigint beyond
 * 2^53), `true`/`false` booleans, and a quoted value that is itself an object path with a namespace,
 * host or keys becomes a nested reference. Returns `undefined` for malformed text.
 */
export function parseObjectPath(text: string): CimReference | undefined {
  return parsePath(text.trim(), 0);
}

/**
 * Formats a reference as a canonical object path: keys sorted case-insensitively, quotes and
 * backslashes escaped, nested references quoted. `dmtf` (default) writes `//host/ns:Class.K="v"`,
 * `wmi` writes `\\host\ns:Class.K="v"`. `parseObjectPath` reads the result back to an equal reference.
 */
export function formatObjectPath(ref: CimReference, style: "dmtf" | "wmi" = "dmtf"): string {
  const separator = style === "wmi" ? "\\" : "/";
  let path = ref.host === undefined ? "" : separator + separator + ref.host + separator;
  if (ref.namespace !== undefined) path += ref.namespace.split(/[\\/]/).join(separator) + ":";
  path += ref.className;
  const names = sortedKeyNames(ref.keys);
  if (names.length === 0) return ref.singleton === true ? path + "=@" : path;
  const bindings = names.map((name) => name + "=" + formatKeyValue(ref.keys[name], style));
  return path + "." + bindings.join(",");
}

/**
 * True when two references name the same instance. CIM names are case-insensitive, so class, key
 * names, namespace and host compare ignoring case; key values compare exactly (numbers and bigints by
 * value, nested references recursively). A namespace or host missing on either side is not compared,
 * because clients often leave them out of one side (a relative path against a full one).
 */
export function cimReferenceEquals(a: CimReference, b: CimReference): boolean {
  if (a.className.toLowerCase() !== b.className.toLowerCase() || (a.singleton === true) !== (b.singleton === true)) return false;
  if (!sameOptionalName(normalizeNamespace(a.namespace), normalizeNamespace(b.namespace))) return false;
  if (!sameOptionalName(a.host, b.host)) return false;
  const namesA = sortedKeyNames(a.keys);
  const namesB = sortedKeyNames(b.keys);
  if (namesA.length !== namesB.length) return false;
  return namesA.every((name, index) => {
    const other = namesB[index];
    return other !== undefined && name.toLowerCase() === other.toLowerCase() && sameKeyValue(a.keys[name], b.keys[other]);
  });
}

/**
 * Turns what real clients produce into a reference, or `undefined`: an object path string; an
 * already-built {@link CimReference}; a WS-Man endpoint reference converted from XML
 * (`ReferenceParameters { ResourceURI, SelectorSet { Selector[] } }`); or a reference-valued instance as PowerShell `ConvertTo-Json`
 * emits it (key properties plus `CimClass`, `CimSystemProperties {ClassName, Namespace, ServerName}`,
 * `CimInstanceProperties`, or WMI's `__PATH`, `__CLASS`, `__NAMESPACE`, `__SERVER`).
 * Key properties come from `__PATH`, else from `CimInstanceProperties` entries flagged `Key`, else from
 * `keyNames` when given, else every scalar non-meta property.
 */
export function coerceCimReference(raw: unknown, keyNames?: readonly string[]): CimReference | undefined {
  return coerceReferenceValue(raw, keyNames, 0);
}

/** Nested references deeper than this are treated as malformed (guards against hostile input). */
const MAX_REFERENCE_DEPTH = 8;
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*/;
const NAMESPACE = /^[A-Za-z0-9_.-]+(?:\/[A-Za-z0-9_.-]+)*$/;

/** Builds a key record without prototype surprises (a key named `__proto__` stays a plain key). */
function keyRecord(entries: readonly (readonly [string, CimKeyValue])[]): Record<string, CimKeyValue> {
  return Object.fromEntries(entries);
}

function parsePath(text: string, depth: number): CimReference | undefined {
  if (depth > MAX_REFERENCE_DEPTH) return undefined;
  let rest = text;
  let host: string | undefined;
  if (rest.startsWith("//") || rest.startsWith("\\\\")) {
    const afterSlashes = rest.slice(2);
    const end = afterSlashes.search(/[\\/]/);
    if (end <= 0) return undefined;
    host = afterSlashes.slice(0, end);
    rest = afterSlashes.slice(end + 1);
  }
  // The namespace ends at a colon that comes before any key syntax (key values may contain colons).
  const colon = rest.indexOf(":");
  const keySyntax = rest.search(/[="]/);
  let namespace: string | undefined;
  if (colon >= 0 && (keySyntax < 0 || colon < keySyntax)) {
    namespace = rest.slice(0, colon).replace(/\\/g, "/").replace(/^\/+/, "");
    if (!NAMESPACE.test(namespace)) return undefined;
    rest = rest.slice(colon + 1);
  }
  const classMatch = IDENTIFIER.exec(rest);
  if (classMatch === null) return undefined;
  const className = classMatch[0];
  const location = { className, ...(namespace === undefined ? {} : { namespace }), ...(host === undefined ? {} : { host }) };
  rest = rest.slice(className.length);
  if (rest === "") return { ...location, keys: {} };
  if (rest === "=@") return { ...location, keys: {}, singleton: true };
  if (!rest.startsWith(".")) return undefined;
  const keys = parseKeyBindings(rest.slice(1), depth);
  return keys === undefined ? undefined : { ...location, keys };
}

/** `Name="a",Num=5` → key record; `undefined` when malformed or a key repeats (ignoring case). */
function parseKeyBindings(text: string, depth: number): Record<string, CimKeyValue> | undefined {
  const entries: [string, CimKeyValue][] = [];
  const seen = new Set<string>();
  let position = 0;
  while (position < text.length) {
    const nameMatch = IDENTIFIER.exec(text.slice(position));
    if (nameMatch === null) return undefined;
    const name = nameMatch[0];
    position += name.length;
    if (text[position] !== "=" || seen.has(name.toLowerCase())) return undefined;
    seen.add(name.toLowerCase());
    const read = readKeyValue(text, position + 1, depth);
    if (read === undefined) return undefined;
    entries.push([name, read.value]);
    position = read.end;
    if (position < text.length) {
      if (text[position] !== "," || position === text.length - 1) return undefined;
      position += 1;
    }
  }
  return entries.length === 0 ? undefined : keyRecord(entries);
}

interface ValueRead {
  readonly value: CimKeyValue;
  /** Index just after the value. */
  readonly end: number;
}

function readKeyValue(text: string, start: number, depth: number): ValueRead | undefined {
  const quote = text[start];
  if (quote === '"' || quote === "'") {
    const read = readQuoted(text, start, quote);
    if (read === undefined) return undefined;
    return { value: quote === '"' ? nestedOrString(read.value, depth) : read.value, end: read.end };
  }
  const comma = text.indexOf(",", start);
  const end = comma < 0 ? text.length : comma;
  const value = parseBareValue(text.slice(start, end).trim());
  return value === undefined ? undefined : { value, end };
}

/** A quoted string; a backslash escapes the next character (`\"`, `\\`). */
function readQuoted(text: string, start: number, quote: string): { value: string; end: number } | undefined {
  let value = "";
  for (let index = start + 1; index < text.length; index += 1) {
    const char = text[index];
    if (char === "\\") {
      index += 1;
      if (index >= text.length) return undefined;
      value += text[index];
    } else if (char === quote) {
      return { value, end: index + 1 };
    } else {
      value += char;
    }
  }
  return undefined;
}

/**
 * A quoted key value that is itself an instance path (keys or `=@`) is a nested reference; anything
 * else stays a string. Object paths carry no types, so this is the only way to tell them apart.
 */
function nestedOrString(text: string, depth: number): CimKeyValue {
  const nested = parsePath(text, depth + 1);
  if (nested !== undefined && (nested.singleton === true || Object.keys(nested.keys).length > 0)) return nested;
  return text;
}

/** Unquoted values: booleans, integers (bigint beyond 2^53, decimal or 0x hex) and reals. */
function parseBareValue(token: string): CimKeyValue | undefined {
  const lower = token.toLowerCase();
  if (lower === "true") return true;
  if (lower === "false") return false;
  if (/^[+-]?\d+$/.test(token) || /^[+-]?0x[0-9a-f]+$/i.test(token)) {
    const negative = token.startsWith("-");
    const whole = BigInt(token.replace(/^[+-]/, ""));
    const signed = negative ? -whole : whole;
    const asNumber = Number(signed);
    return Number.isSafeInteger(asNumber) ? asNumber : signed;
  }
  if (/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i.test(token)) return Number(token);
  return undefined;
}

/** Case-insensitive order, then ordinal for names that differ only in case: deterministic everywhere. */
function sortedKeyNames(keys: Readonly<Record<string, CimKeyValue>>): string[] {
  return Object.keys(keys).sort((a, b) => {
    const lowerA = a.toLowerCase();
    const lowerB = b.toLowerCase();
    if (lowerA !== lowerB) return lowerA < lowerB ? -1 : 1;
    return a < b ? -1 : a > b ? 1 : 0;
  });
}

function quote(text: string): string {
  return '"' + text.replace(/[\\"]/g, (char) => "\\" + char) + '"';
}

function formatKeyValue(value: CimKeyValue | undefined, style: "dmtf" | "wmi"): string {
  if (typeof value === "string") return quote(value);
  // An integral number beyond 2^53 prints all its digits (String() would round them to zeros), so it
  // reads back as the exact bigint of the same value.
  if (typeof value === "number" && Number.isInteger(value) && !Number.isSafeInteger(value)) return BigInt(value).toString();
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  if (value === undefined) return '""';
  return quote(formatObjectPath(value, style));
}

/** PowerShell and WMI members that describe an instance rather than being its properties. */
const META_MEMBERS = new Set([
  "cimclass",
  "ciminstanceproperties",
  "cimsystemproperties",
  "pscomputername",
  "psshowcomputername",
]);

/** MI_FLAG_KEY: the Key bit of CimFlags when PowerShell writes `Flags` as a number. */
const KEY_FLAG = 0x1000;

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** An own property, matched exactly first and then case-insensitively. */
function member(object: Readonly<Record<string, unknown>>, name: string): unknown {
  if (Object.prototype.hasOwnProperty.call(object, name)) return object[name];
  const lower = name.toLowerCase();
  for (const key of Object.keys(object)) if (key.toLowerCase() === lower) return object[key];
  return undefined;
}

function stringMember(object: Readonly<Record<string, unknown>>, name: string): string | undefined {
  const value = member(object, name);
  return typeof value === "string" && value !== "" ? value : undefined;
}

function normalizeNamespace(namespace: string | undefined): string | undefined {
  return namespace?.replace(/\\/g, "/").replace(/^\/+|\/+$/g, "");
}

function coerceReferenceValue(raw: unknown, keyNames: readonly string[] | undefined, depth: number): CimReference | undefined {
  if (typeof raw === "string") return parsePath(raw.trim(), depth);
  if (!isRecord(raw) || depth > MAX_REFERENCE_DEPTH) return undefined;
  if (typeof raw["className"] === "string" && isRecord(raw["keys"])) return fromReferenceLike(raw, raw["keys"], depth);
  const endpoint = member(raw, "EndpointReference");
  const parameters = member(isRecord(endpoint) ? endpoint : raw, "ReferenceParameters");
  if (isRecord(parameters)) return fromEndpointReference(parameters, depth);
  return fromInstanceJson(raw, keyNames, depth);
}

/** The text of an XML element as XML-to-JSON converters spell it (`#text`, `_`, `$`, `Value`, `text`). */
function elementText(element: unknown): unknown {
  if (!isRecord(element)) return element;
  for (const name of ["#text", "_", "$", "Value", "text"]) {
    const value = member(element, name);
    if (value !== undefined) return value;
  }
  return undefined;
}

/**
 * A WS-Man endpoint reference (DSP0227/DSP0230) after XML-to-JSON conversion: the class is the last
 * segment of `ResourceURI`, keys are the `SelectorSet` selectors (`__cimnamespace` is the namespace),
 * and a selector holding an endpoint reference is a nested reference.
 */
function fromEndpointReference(parameters: Readonly<Record<string, unknown>>, depth: number): CimReference | undefined {
  const resourceUri = elementText(member(parameters, "ResourceURI"));
  if (typeof resourceUri !== "string") return undefined;
  const className = resourceUri.trim().split("/").pop() ?? "";
  if (IDENTIFIER.exec(className)?.[0] !== className) return undefined;
  const selectorSet = member(parameters, "SelectorSet");
  const selectors = isRecord(selectorSet) ? member(selectorSet, "Selector") : undefined;
  const list: readonly unknown[] = Array.isArray(selectors) ? selectors : selectors === undefined ? [] : [selectors];
  const entries: [string, CimKeyValue][] = [];
  let namespace: string | undefined;
  for (const selector of list) {
    if (!isRecord(selector)) return undefined;
    const name = member(selector, "Name") ?? member(selector, "@Name") ?? member(selector, "$Name");
    if (typeof name !== "string") return undefined;
    const nested = member(selector, "EndpointReference");
    const text = nested === undefined ? elementText(selector) : nested;
    if (name === "__cimnamespace") {
      namespace = typeof text === "string" ? normalizeNamespace(text) : undefined;
      continue;
    }
    const value = toKeyValue(text, depth);
    if (value === undefined) return undefined;
    entries.push([name, value]);
  }
  return { className, ...(namespace === undefined ? {} : { namespace }), keys: keyRecord(entries) };
}

/** Re-validates an object shaped like a CimReference and copies its known fields. */
function fromReferenceLike(
  raw: Readonly<Record<string, unknown>>,
  keys: Readonly<Record<string, unknown>>,
  depth: number,
): CimReference | undefined {
  const className = raw["className"];
  if (typeof className !== "string" || IDENTIFIER.exec(className)?.[0] !== className) return undefined;
  const entries: [string, CimKeyValue][] = [];
  for (const name of Object.keys(keys)) {
    const value = toKeyValue(keys[name], depth);
    if (value === undefined) return undefined;
    entries.push([name, value]);
  }
  const namespace = raw["namespace"];
  const host = raw["host"];
  return {
    className,
    ...(typeof namespace === "string" ? { namespace: normalizeNamespace(namespace) } : {}),
    ...(typeof host === "string" ? { host } : {}),
    keys: keyRecord(entries),
    ...(raw["singleton"] === true ? { singleton: true } : {}),
  };
}

function toKeyValue(value: unknown, depth: number): CimKeyValue | undefined {
  if (typeof value === "string" || typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") {
    return value;
  }
  return coerceReferenceValue(value, undefined, depth + 1);
}

/** `CimClass` is an object ({ CimClassName, … }) or, deeper than ConvertTo-Json's depth, its text `ns:Class`. */
function classFromCimClass(cimClass: unknown): { className?: string; namespace?: string } {
  if (typeof cimClass === "string") {
    const colon = cimClass.lastIndexOf(":");
    return colon < 0 ? { className: cimClass } : { namespace: cimClass.slice(0, colon), className: cimClass.slice(colon + 1) };
  }
  if (!isRecord(cimClass)) return {};
  const system = member(cimClass, "CimSystemProperties");
  const className = stringMember(cimClass, "CimClassName");
  const namespace = isRecord(system) ? stringMember(system, "Namespace") : undefined;
  return { ...(className === undefined ? {} : { className }), ...(namespace === undefined ? {} : { namespace }) };
}

function fromInstanceJson(
  raw: Readonly<Record<string, unknown>>,
  keyNames: readonly string[] | undefined,
  depth: number,
): CimReference | undefined {
  const system = member(raw, "CimSystemProperties");
  const systemBag = isRecord(system) ? system : {};
  const fromClass = classFromCimClass(member(raw, "CimClass"));
  const namespace = normalizeNamespace(
    stringMember(systemBag, "Namespace") ?? stringMember(raw, "__NAMESPACE") ?? fromClass.namespace,
  );
  const host = stringMember(systemBag, "ServerName") ?? stringMember(raw, "__SERVER") ?? stringMember(raw, "PSComputerName");
  const wmiPath = stringMember(raw, "__PATH") ?? stringMember(raw, "__RELPATH");
  if (wmiPath !== undefined) {
    const parsed = parsePath(wmiPath.trim(), depth);
    if (parsed !== undefined) {
      return {
        ...parsed,
        ...(parsed.namespace === undefined && namespace !== undefined ? { namespace } : {}),
        ...(parsed.host === undefined && host !== undefined ? { host } : {}),
      };
    }
  }
  const className = stringMember(systemBag, "ClassName") ?? stringMember(raw, "__CLASS") ?? fromClass.className;
  if (className === undefined || IDENTIFIER.exec(className)?.[0] !== className) return undefined;
  const names = keyNamesFromProperties(member(raw, "CimInstanceProperties")) ?? keyNames ?? scalarMemberNames(raw);
  const entries: [string, CimKeyValue][] = [];
  for (const name of names) {
    const value = member(raw, name);
    if (value === undefined || value === null) continue;
    const keyValue = toKeyValue(value, depth);
    if (keyValue === undefined) return undefined;
    entries.push([name, keyValue]);
  }
  return {
    className,
    ...(namespace === undefined ? {} : { namespace }),
    ...(host === undefined ? {} : { host }),
    keys: keyRecord(entries),
  };
}

/** Names of the `CimInstanceProperties` entries whose `Flags` include Key (text or CimFlags number). */
function keyNamesFromProperties(properties: unknown): string[] | undefined {
  if (!Array.isArray(properties)) return undefined;
  const names: string[] = [];
  for (const property of properties) {
    if (!isRecord(property)) continue;
    const name = stringMember(property, "Name");
    const flags = member(property, "Flags");
    const isKey =
      (typeof flags === "number" && (flags & KEY_FLAG) !== 0) || (typeof flags === "string" && /\bKey\b/.test(flags));
    if (name !== undefined && isKey) names.push(name);
  }
  return names.length === 0 ? undefined : names;
}

/** Without key information every scalar, non-meta member is taken as a key. */
function scalarMemberNames(raw: Readonly<Record<string, unknown>>): string[] {
  return Object.keys(raw).filter((name) => {
    if (META_MEMBERS.has(name.toLowerCase()) || name.startsWith("__")) return false;
    const value = raw[name];
    return typeof value === "string" || typeof value === "number" || typeof value === "bigint" || typeof value === "boolean";
  });
}

function sameOptionalName(a: string | undefined, b: string | undefined): boolean {
  return a === undefined || b === undefined || a.toLowerCase() === b.toLowerCase();
}

function sameKeyValue(a: CimKeyValue | undefined, b: CimKeyValue | undefined): boolean {
  if ((typeof a === "number" || typeof a === "bigint") && (typeof b === "number" || typeof b === "bigint")) {
    // Loose equality compares a number and a bigint by value (2 == 2n), exactly what key values need.
    return a == b;
  }
  if (typeof a === "object" && typeof b === "object") return cimReferenceEquals(a, b);
  return a === b;
}
