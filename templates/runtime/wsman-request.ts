/**
 * WS-Management request envelopes (DSP0226 1.x over SOAP 1.2, WS-Addressing 2004/08, WS-Transfer and
 * WS-Enumeration 2004/09; values mapped as DSP0230 says), emitted by mof2ts for `--binding wsman`. Each
 * generated `<Class>Wsman` object is `wsmanClass<Types>(spec)`: its functions return the envelope text
 * for Get, Enumerate, Pull, Put, Create, Delete and every extrinsic method. Sending it is the caller's
 * business (any HTTP client, Digest or Basic authentication, TLS).
 *
 * Text only, no XML library. Every value and selector text is escaped; element names come from the
 * schema and are checked; a character XML 1.0 cannot carry (NUL, most C0 controls, U+FFFE/U+FFFF,
 * lone surrogates) makes the call throw a {@link WsmanRequestError} instead of being dropped or replaced,
 * because silently changing a value (a password, a selector) is worse than refusing it.
 */
import { cimDateTimeFromDate, formatCimDateTime, parseCimDateTime, type CimDateTime } from "./datetime.js";
import { parseObjectPath, type CimKeyValue, type CimReference } from "./reference.js";
import { cimIntegerRange, type CimClassMeta, type CimPropertyMeta } from "./decode.js";
import { DMTF_CIM_RESOURCE_URI_PREFIX, WMI_RESOURCE_URI_PREFIX, WSA_ANONYMOUS, WSMAN_NAMESPACES } from "./wsman-namespaces.js";

/** Options every request takes. */
export interface WsmanRequestOptions {
  /**
   * `wsa:MessageID`. Default: a `uuid:` derived from the rest of the envelope (the same request gives the
   * same id, as a retransmission should; different requests give different ids). `"random"` asks for
   * a fresh random UUID (`crypto.randomUUID()`); any other text is written as given.
   */
  readonly messageId?: string | undefined;
  /** `wsa:To`: the service's address, e.g. `https://host:5986/wsman`. Default: the anonymous address. */
  readonly to?: string | undefined;
  /** `wsman:OperationTimeout`: seconds, or xs:duration text (`PT60S`). Default: none (the service's own). */
  readonly operationTimeout?: number | string | undefined;
  /** `wsman:MaxEnvelopeSize` in octets (default 153600), always written with `mustUnderstand`. */
  readonly maxEnvelopeSize?: number | undefined;
  /** `wsman:Locale` (`xml:lang`, e.g. `en-US`), written with `mustUnderstand="false"` when given. */
  readonly locale?: string | undefined;
  /** Selectors besides the key properties, e.g. `{ __cimnamespace: "root/cimv2" }`. */
  readonly selectors?: Readonly<Record<string, CimKeyValue>> | undefined;
}

/**
 * What an enumeration returns: instances (`objects`, the default), endpoint references only (`EPRs`,
 * DSP0226 `EnumerateEPR`) or both (`both`, `EnumerateObjectAndEPR`).
 */
export type WsmanEnumerationMode = "objects" | "EPRs" | "both";

export interface WsmanEnumerateOptions extends WsmanRequestOptions {
  /** `wsman:OptimizeEnumeration`: the response already carries the first items. */
  readonly optimized?: boolean | undefined;
  /** `wsman:MaxElements` of an optimized enumeration; giving it asks for optimization too. */
  readonly maxElements?: number | undefined;
  readonly mode?: WsmanEnumerationMode | undefined;
}

export interface WsmanPullOptions extends WsmanRequestOptions {
  /** `wsen:MaxElements`: at most this many items per response. */
  readonly maxElements?: number | undefined;
  /** `wsen:MaxCharacters`: at most this many characters of items per response. */
  readonly maxCharacters?: number | undefined;
  /** `wsen:MaxTime`: seconds, or xs:duration text. */
  readonly maxTime?: number | string | undefined;
}

/**
 * A reference written as an endpoint reference. `resourceUri` overrides the one the class name gives;
 * `address` is the `wsa:Address` (default: the anonymous address).
 */
export type WsmanReference = CimReference & { readonly resourceUri?: string | undefined; readonly address?: string | undefined };

/** A request that cannot be written: the message names the value and what is wrong with it. */
export class WsmanRequestError extends Error {
  override readonly name = "WsmanRequestError";
}

/** The types a generated `<Class>WsmanTypes` interface gives `wsmanClass`. */
export interface WsmanClassTypes {
  readonly instance: object;
  readonly keys: object;
  readonly methods: object;
}

/** What mof2ts generates per class (plain data; the metadata thunks allow cyclic imports). */
export interface WsmanClassSpec {
  readonly resourceUri: string;
  readonly meta: CimClassMeta;
  /** Properties Put and Create write besides the keys: those with the Write qualifier. */
  readonly writable: readonly string[];
  /** Each extrinsic method's input parameters, as metadata (`<Method>_INPUT`). */
  readonly methods: Readonly<Record<string, () => CimClassMeta>>;
  /** Resource URI rules given to mof2ts (`--wsman-uri PREFIX=URI`), for references and embedded instances. */
  readonly resourceUris?: Readonly<Record<string, string>> | undefined;
}

/** A method's request builder: typed input, optional selectors of the instance it runs on. */
export type WsmanMethodRequest<Input, Keys> = (input: Input, keys?: Keys, opts?: WsmanRequestOptions) => string;

/** The request builders of one class; every function returns SOAP envelope text. */
export interface WsmanClassRequests<T extends WsmanClassTypes> {
  readonly resourceUri: string;
  /** WS-Transfer Get of the instance the keys select (no keys: a singleton, or selectors in `opts`). */
  get(keys?: T["keys"], opts?: WsmanRequestOptions): string;
  /** WS-Enumeration Enumerate over the class's instances. */
  enumerate(opts?: WsmanEnumerateOptions): string;
  /** WS-Enumeration Pull with the context an Enumerate or Pull response returned. */
  pull(context: string, opts?: WsmanPullOptions): string;
  /** WS-Transfer Put: the keys select the instance; the body holds keys and Write properties. */
  put(instance: T["instance"], opts?: WsmanRequestOptions): string;
  /** WS-Transfer Create: the body holds the keys and Write properties that are set. */
  create(instance: T["instance"], opts?: WsmanRequestOptions): string;
  /** WS-Transfer Delete of the instance the keys select. */
  delete(keys: T["keys"], opts?: WsmanRequestOptions): string;
  /** Extrinsic methods: action `<resourceUri>/<Method>`, body `<p:<Method>_INPUT>`. */
  readonly invoke: { readonly [M in keyof T["methods"]]: WsmanMethodRequest<T["methods"][M], T["keys"]> };
}

const TRANSFER = "http://schemas.xmlsoap.org/ws/2004/09/transfer/";
const ENUMERATION = "http://schemas.xmlsoap.org/ws/2004/09/enumeration/";
const DEFAULT_MAX_ENVELOPE_SIZE = 153600;
/** References nest (a selector holding a reference) at most this deep; so do embedded instances. */
const MAX_DEPTH = 32;
/** Prefixes of the DMTF CIM Schema's classes (`PRS_`: its Support model). */
const DMTF_PREFIXES = ["CIM_", "PRS_"];
/** Prefixes of Windows' own WMI providers; other WMI prefixes are mapped with `PREFIX=wmi`. */
const WMI_PREFIXES = ["Win32_", "MSFT_", "Msvm_"];

/** Builds the request functions of one class from its generated spec. */
export function wsmanClass<T extends WsmanClassTypes>(spec: WsmanClassSpec): WsmanClassRequests<T> {
  const writer = new RequestWriter(spec);
  const invoke: Record<string, WsmanMethodRequest<unknown, unknown>> = {};
  for (const method of Object.keys(spec.methods)) {
    invoke[method] = (input, keys, opts) => writer.invoke(method, input, keys, opts);
  }
  return {
    resourceUri: spec.resourceUri,
    get: (keys, opts) => writer.envelope(TRANSFER + "Get", writer.selectorsOf(keys, opts, false), "", opts),
    enumerate: (opts) => writer.envelope(ENUMERATION + "Enumerate", writer.selectorsOf(undefined, opts, false), enumerateBody(opts), opts, true),
    pull: (context, opts) => writer.envelope(ENUMERATION + "Pull", writer.selectorsOf(undefined, opts, false), pullBody(context, opts), opts, true),
    put: (instance, opts) => writer.envelope(TRANSFER + "Put", writer.selectorsOf(instance, opts, true), writer.instanceBody(instance), opts),
    create: (instance, opts) => writer.envelope(TRANSFER + "Create", writer.selectorsOf(undefined, opts, false), writer.instanceBody(instance), opts),
    delete: (keys, opts) => writer.envelope(TRANSFER + "Delete", writer.selectorsOf(keys, opts, false), "", opts),
    invoke: invoke as WsmanClassRequests<T>["invoke"],
  };
}

/**
 * The resource URI of a class (the same rule mof2ts applies when generating): a `--wsman-uri` prefix
 * (longest first; the URI gets the class name appended, `wmi` means WinRM's WMI form), then `CIM_`
 * and `PRS_` classes under DMTF's CIM schema URI, then `Win32_`, `MSFT_` and `Msvm_` classes as WinRM exposes WMI
 * (`…/wmi/<namespace>/<Class>`). `undefined` when no rule applies.
 */
export function wsmanResourceUri(className: string, namespace: string | undefined, rules: Readonly<Record<string, string>> = {}): string | undefined {
  const prefixes = Object.keys(rules).sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  for (const prefix of prefixes) {
    if (!className.toLowerCase().startsWith(prefix.toLowerCase())) continue;
    const uri = rules[prefix] ?? "";
    if (uri.toLowerCase() !== "wmi") return (uri.endsWith("/") ? uri : uri + "/") + className;
    return namespace === undefined ? undefined : wmiUri(className, namespace);
  }
  if (DMTF_PREFIXES.some((p) => className.toLowerCase().startsWith(p.toLowerCase()))) return DMTF_CIM_RESOURCE_URI_PREFIX + className;
  if (namespace !== undefined && WMI_PREFIXES.some((p) => className.toLowerCase().startsWith(p.toLowerCase()))) return wmiUri(className, namespace);
  return undefined;
}

function wmiUri(className: string, namespace: string): string {
  return WMI_RESOURCE_URI_PREFIX + namespace.replace(/\\/g, "/").replace(/^\/+|\/+$/g, "") + "/" + className;
}

/** Writes the parts of one class's requests. */
class RequestWriter {
  private readonly spec: WsmanClassSpec;
  private readonly keyNames: ReadonlySet<string>;

  constructor(spec: WsmanClassSpec) {
    this.spec = spec;
    this.keyNames = new Set(spec.meta.keys);
  }

  /** The whole envelope; the MessageID is derived from the rest unless the caller gives one. */
  envelope(action: string, selectors: string, body: string, opts: WsmanRequestOptions | undefined, enumeration = false): string {
    const to = opts?.to ?? WSA_ANONYMOUS;
    const timeout = opts?.operationTimeout === undefined ? "" : `<wsman:OperationTimeout>${duration(opts.operationTimeout, "operationTimeout")}</wsman:OperationTimeout>`;
    const size = opts?.maxEnvelopeSize ?? DEFAULT_MAX_ENVELOPE_SIZE;
    if (!Number.isSafeInteger(size) || size < 8192) throw new WsmanRequestError(`maxEnvelopeSize must be a whole number of octets, at least 8192 (DSP0226); got ${String(size)}.`);
    const locale = opts?.locale === undefined ? "" : `<wsman:Locale xml:lang="${attribute(opts.locale, "locale")}" s:mustUnderstand="false"/>`;
    const head =
      ENVELOPE_OPEN +
      (enumeration ? ` xmlns:wsen="${WSMAN_NAMESPACES.wsen}"` : "") +
      `><s:Header><wsa:To>${text(to, "to")}</wsa:To>` +
      `<wsman:ResourceURI s:mustUnderstand="true">${text(this.spec.resourceUri, "resourceUri")}</wsman:ResourceURI>` +
      `<wsa:ReplyTo><wsa:Address s:mustUnderstand="true">${WSA_ANONYMOUS}</wsa:Address></wsa:ReplyTo>` +
      `<wsa:Action s:mustUnderstand="true">${text(action, "action")}</wsa:Action>`;
    const tail =
      selectors +
      timeout +
      `<wsman:MaxEnvelopeSize s:mustUnderstand="true">${size}</wsman:MaxEnvelopeSize>` +
      locale +
      "</s:Header>" +
      (body === "" ? "<s:Body/>" : `<s:Body>${body}</s:Body>`) +
      "</s:Envelope>";
    const id = opts?.messageId === "random" ? randomMessageId() : (opts?.messageId ?? derivedMessageId(head + tail));
    return `${head}<wsa:MessageID>${text(id, "messageId")}</wsa:MessageID>${tail}`;
  }

  /**
   * `wsman:SelectorSet` from the key properties (schema order) in `source`, then `opts.selectors`.
   * `keysOnly`: `source` is an instance (Put) or a keys object; anything but keys in it is skipped.
   */
  selectorsOf(source: unknown, opts: WsmanRequestOptions | undefined, keysOnly: boolean): string {
    let selectors = "";
    const given = new Set<string>();
    if (source !== undefined && source !== null) {
      if (typeof source !== "object") throw new WsmanRequestError(`keys must be an object; got ${typeof source}.`);
      const bag = source as Readonly<Record<string, unknown>>;
      if (!keysOnly) {
        for (const name of Object.keys(bag)) {
          if (!this.keyNames.has(name) && own(bag, name) !== undefined) throw new WsmanRequestError(`'${name}' is not a key property of ${this.spec.meta.name} (keys: ${[...this.keyNames].join(", ") || "none"}).`);
        }
      }
      for (const name of this.spec.meta.keys) {
        const value = own(bag, name);
        if (value === undefined || value === null) continue;
        selectors += this.selector(name, value, own(this.spec.meta.properties, name), 0);
        given.add(name.toLowerCase());
      }
    }
    for (const [name, value] of Object.entries(opts?.selectors ?? {})) {
      if (value === undefined) continue;
      if (given.has(name.toLowerCase())) throw new WsmanRequestError(`Selector '${name}' is given twice (as a key and in opts.selectors).`);
      given.add(name.toLowerCase());
      selectors += this.selector(name, value, undefined, 0);
    }
    return selectors === "" ? "" : `<wsman:SelectorSet>${selectors}</wsman:SelectorSet>`;
  }

  /** One `wsman:Selector`: text, or a nested endpoint reference for a reference value. */
  private selector(name: string, value: unknown, meta: CimPropertyMeta | undefined, depth: number): string {
    const open = `<wsman:Selector Name="${attribute(name, "selector name")}">`;
    if (meta?.type === "reference" || isReferenceObject(value)) {
      return `${open}<wsa:EndpointReference>${this.endpointReference(value, undefined, `selector ${name}`, depth + 1)}</wsa:EndpointReference></wsman:Selector>`;
    }
    return `${open}${text(selectorText(value, meta, name), `selector ${name}`)}</wsman:Selector>`;
  }

  /** The children of an endpoint reference (`wsa:Address`, `wsa:ReferenceParameters`). */
  private endpointReference(value: unknown, namespace: string | undefined, where: string, depth: number): string {
    if (depth > MAX_DEPTH) throw new WsmanRequestError(`${where}: references nest deeper than ${MAX_DEPTH}.`);
    const ref: WsmanReference | undefined = typeof value === "string" ? parseObjectPath(value) : isReferenceObject(value) ? value : undefined;
    if (ref === undefined) throw new WsmanRequestError(`${where}: expected a reference ({ className, keys } or an object path); got ${describeValue(value)}.`);
    const uri = ref.resourceUri ?? this.uriOf(ref.className, ref.namespace ?? namespace, where);
    let selectors = "";
    for (const name of Object.keys(ref.keys)) selectors += this.selector(name, ref.keys[name], undefined, depth);
    if (ref.namespace !== undefined && !Object.keys(ref.keys).some((k) => k.toLowerCase() === "__cimnamespace")) {
      selectors += this.selector("__cimnamespace", ref.namespace, undefined, depth);
    }
    return (
      `<wsa:Address>${text(ref.address ?? WSA_ANONYMOUS, `${where} address`)}</wsa:Address>` +
      `<wsa:ReferenceParameters><wsman:ResourceURI>${text(uri, `${where} resourceUri`)}</wsman:ResourceURI>` +
      (selectors === "" ? "" : `<wsman:SelectorSet>${selectors}</wsman:SelectorSet>`) +
      "</wsa:ReferenceParameters>"
    );
  }

  private uriOf(className: string, namespace: string | undefined, where: string): string {
    const uri = wsmanResourceUri(className, namespace ?? this.spec.meta.namespace, this.spec.resourceUris);
    if (uri === undefined) {
      throw new WsmanRequestError(`${where}: no resource URI is known for class ${className}; give the reference a resourceUri, or map its prefix with --wsman-uri.`);
    }
    return uri;
  }

  /** `<p:<Class>>` with the keys and Write properties the instance sets (schema order). */
  instanceBody(instance: unknown): string {
    if (typeof instance !== "object" || instance === null) throw new WsmanRequestError(`The instance must be an object; got ${describeValue(instance)}.`);
    const names = [...this.spec.meta.keys, ...this.spec.writable];
    return this.instanceElement(this.spec.meta, this.spec.resourceUri, instance as Readonly<Record<string, unknown>>, names, 0);
  }

  /** `<p:<Method>_INPUT>` with the method's input parameters in declaration order. */
  invoke(method: string, input: unknown, keys: unknown, opts: WsmanRequestOptions | undefined): string {
    const meta = own(this.spec.methods, method)?.();
    if (meta === undefined) throw new WsmanRequestError(`${this.spec.meta.name} has no method ${method}.`);
    if (typeof input !== "object" || input === null) throw new WsmanRequestError(`${method}: the input must be an object; got ${describeValue(input)}.`);
    const bag = input as Readonly<Record<string, unknown>>;
    for (const name of Object.keys(bag)) {
      if (own(meta.properties, name) === undefined && own(bag, name) !== undefined) throw new WsmanRequestError(`${method}: '${name}' is not an input parameter.`);
    }
    const element = elementName(`${method}_INPUT`);
    const content = this.members(meta, bag, Object.keys(meta.properties), method, 0);
    const body = `<p:${element} xmlns:p="${attribute(this.spec.resourceUri, "resourceUri")}">${content}</p:${element}>`;
    return this.envelope(`${this.spec.resourceUri}/${elementName(method)}`, this.selectorsOf(keys, opts, false), body, opts);
  }

  private instanceElement(meta: CimClassMeta, uri: string, bag: Readonly<Record<string, unknown>>, names: readonly string[], depth: number): string {
    const element = elementName(meta.name);
    return `<p:${element} xmlns:p="${attribute(uri, "resourceUri")}">${this.members(meta, bag, names, meta.name, depth)}</p:${element}>`;
  }

  /** The elements of the named members that are set (undefined members are left out). */
  private members(meta: CimClassMeta, bag: Readonly<Record<string, unknown>>, names: readonly string[], where: string, depth: number): string {
    let out = "";
    for (const name of names) {
      const value = own(bag, name);
      const property = own(meta.properties, name);
      if (value === undefined || property === undefined) continue;
      out += this.valueElements(elementName(name), property, value, `${where}.${name}`, depth);
    }
    return out;
  }

  /** One element per value (arrays repeat the element); null is `xsi:nil`. */
  private valueElements(name: string, meta: CimPropertyMeta, value: unknown, where: string, depth: number): string {
    if (value === null) return `<p:${name} xsi:nil="true"/>`;
    if (meta.isArray === true) {
      if (!Array.isArray(value)) throw new WsmanRequestError(`${where}: expected an array; got ${describeValue(value)}.`);
      let out = "";
      value.forEach((item: unknown, i) => {
        out += item === null || item === undefined ? `<p:${name} xsi:nil="true"/>` : this.valueElement(name, meta, item, `${where}[${i}]`, depth);
      });
      return out;
    }
    return this.valueElement(name, meta, value, where, depth);
  }

  private valueElement(name: string, meta: CimPropertyMeta, value: unknown, where: string, depth: number): string {
    return `<p:${name}>${this.content(meta, value, where, depth)}</p:${name}>`;
  }

  /** An element's content for one non-null value of the property's CIM type. */
  private content(meta: CimPropertyMeta, value: unknown, where: string, depth: number): string {
    switch (meta.type) {
      case "reference":
        return this.endpointReference(value, undefined, where, depth + 1);
      case "datetime":
        return datetimeContent(value, where);
      case "object":
        return this.embeddedContent(meta, value, where, depth + 1);
      case "string":
      case "char16":
        if (meta.embeddedClass !== undefined) return this.embeddedContent(meta, value, where, depth + 1);
        if (typeof value !== "string") throw new WsmanRequestError(`${where}: expected a string; got ${describeValue(value)}.`);
        return text(value, where);
      default:
        return text(scalarText(meta.type, value, where), where);
    }
  }

  /** An embedded instance as a typed element: `<p:<Class> xmlns:p="<its resource URI>">…`. */
  private embeddedContent(meta: CimPropertyMeta, value: unknown, where: string, depth: number): string {
    if (depth > MAX_DEPTH) throw new WsmanRequestError(`${where}: embedded instances nest deeper than ${MAX_DEPTH}.`);
    if (typeof value !== "object" || value === null || Array.isArray(value)) throw new WsmanRequestError(`${where}: expected an embedded instance; got ${describeValue(value)}.`);
    const target = meta.embedded?.();
    const record = value as Readonly<Record<string, unknown>>;
    if (target !== undefined) {
      const uri = this.uriOf(target.name, target.namespace, where);
      return this.instanceElement(target, uri, record, Object.keys(target.properties), depth);
    }
    // An EmbeddedObject (any class): `{ className, properties }`, values written as text.
    const className = own(record, "className");
    const properties = own(record, "properties");
    if (typeof className !== "string" || typeof properties !== "object" || properties === null) {
      throw new WsmanRequestError(`${where}: expected { className, properties } for an instance of any class; got ${describeValue(value)}.`);
    }
    const element = elementName(className);
    let out = "";
    for (const [name, item] of Object.entries(properties as Readonly<Record<string, unknown>>)) {
      if (item === undefined) continue;
      out += this.valueElements(elementName(name), { type: "string", isArray: Array.isArray(item) }, Array.isArray(item) ? item.map((v) => untypedText(v, where)) : untypedText(item, where), `${where}.${name}`, depth);
    }
    return `<p:${element} xmlns:p="${attribute(this.uriOf(className, undefined, where), "resourceUri")}">${out}</p:${element}>`;
  }
}

const ENVELOPE_OPEN =
  `<s:Envelope xmlns:s="${WSMAN_NAMESPACES.s}" xmlns:wsa="${WSMAN_NAMESPACES.wsa}" xmlns:wsman="${WSMAN_NAMESPACES.wsman}"` +
  ` xmlns:xsi="${WSMAN_NAMESPACES.xsi}" xmlns:cim="${WSMAN_NAMESPACES.cim}"`;

function enumerateBody(opts: WsmanEnumerateOptions | undefined): string {
  const mode = opts?.mode ?? "objects";
  if (mode !== "objects" && mode !== "EPRs" && mode !== "both") throw new WsmanRequestError(`mode must be "objects", "EPRs" or "both"; got ${describeValue(mode)}.`);
  const optimized = opts?.optimized === true || opts?.maxElements !== undefined;
  return (
    "<wsen:Enumerate>" +
    (mode === "objects" ? "" : `<wsman:EnumerationMode>${mode === "EPRs" ? "EnumerateEPR" : "EnumerateObjectAndEPR"}</wsman:EnumerationMode>`) +
    (optimized ? "<wsman:OptimizeEnumeration/>" : "") +
    (opts?.maxElements === undefined ? "" : `<wsman:MaxElements>${positive(opts.maxElements, "maxElements")}</wsman:MaxElements>`) +
    "</wsen:Enumerate>"
  );
}

function pullBody(context: string, opts: WsmanPullOptions | undefined): string {
  if (typeof context !== "string" || context === "") throw new WsmanRequestError(`pull needs the enumeration context text; got ${describeValue(context)}.`);
  return (
    `<wsen:Pull><wsen:EnumerationContext>${text(context, "context")}</wsen:EnumerationContext>` +
    (opts?.maxTime === undefined ? "" : `<wsen:MaxTime>${duration(opts.maxTime, "maxTime")}</wsen:MaxTime>`) +
    (opts?.maxElements === undefined ? "" : `<wsen:MaxElements>${positive(opts.maxElements, "maxElements")}</wsen:MaxElements>`) +
    (opts?.maxCharacters === undefined ? "" : `<wsen:MaxCharacters>${positive(opts.maxCharacters, "maxCharacters")}</wsen:MaxCharacters>`) +
    "</wsen:Pull>"
  );
}

function positive(value: number, where: string): string {
  if (!Number.isSafeInteger(value) || value < 1) throw new WsmanRequestError(`${where} must be a whole number of at least 1; got ${String(value)}.`);
  return String(value);
}

const XS_DURATION_TEXT = /^-?P(?=\d|T\d)(?:\d+Y)?(?:\d+M)?(?:\d+D)?(?:T(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?)?$/;

/** Seconds as `PT<n>S`, or xs:duration text as given (checked). */
function duration(value: number | string, where: string): string {
  if (typeof value === "number") {
    if (!Number.isFinite(value) || value < 0) throw new WsmanRequestError(`${where} must be a non-negative number of seconds; got ${String(value)}.`);
    return `PT${Number(value.toFixed(3))}S`;
  }
  if (!XS_DURATION_TEXT.test(value)) throw new WsmanRequestError(`${where} must be seconds or xs:duration text such as PT60S; got ${describeValue(value)}.`);
  return value;
}

function isReferenceObject(value: unknown): value is WsmanReference {
  if (typeof value !== "object" || value === null) return false;
  const keys = own(value as Readonly<Record<string, unknown>>, "keys");
  return typeof own(value as Readonly<Record<string, unknown>>, "className") === "string" && typeof keys === "object" && keys !== null;
}

/** An own member only: a caller's `{}` must not answer `toString` or `__proto__` from Object.prototype. */
function own<T>(record: Readonly<Record<string, T>>, name: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, name) ? record[name] : undefined;
}

/** Selector text: the value as CIM-XML and WS-Man write scalars (datetimes in the CIM form). */
function selectorText(value: unknown, meta: CimPropertyMeta | undefined, where: string): string {
  if (meta === undefined) return untypedText(value, `selector ${where}`);
  if (meta.type === "datetime") {
    const parsed = toCimDateTime(value);
    if (parsed === undefined) throw new WsmanRequestError(`selector ${where}: expected a datetime; got ${describeValue(value)}.`);
    return formatCimDateTime(parsed);
  }
  if (meta.type === "string" || meta.type === "char16") {
    if (typeof value !== "string") throw new WsmanRequestError(`selector ${where}: expected a string; got ${describeValue(value)}.`);
    return value;
  }
  return scalarText(meta.type, value, `selector ${where}`);
}

/** A value whose CIM type is not known: strings, numbers, bigints and booleans as text. */
function untypedText(value: unknown, where: string): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value === "bigint" || typeof value === "boolean") return String(value);
  throw new WsmanRequestError(`${where}: expected a string, number or boolean; got ${describeValue(value)}.`);
}

/** Booleans, integers (range-checked) and reals as XML Schema writes them. */
function scalarText(type: string, value: unknown, where: string): string {
  if (type === "boolean") {
    if (typeof value === "boolean") return value ? "true" : "false";
    if (value === "true" || value === "false") return value;
    throw new WsmanRequestError(`${where}: expected a boolean; got ${describeValue(value)}.`);
  }
  const range = cimIntegerRange(type);
  if (range !== undefined) {
    let whole: bigint | undefined;
    if (typeof value === "bigint") whole = value;
    else if (typeof value === "number" && Number.isSafeInteger(value)) whole = BigInt(value);
    else if (typeof value === "string" && /^[+-]?\d+$/.test(value)) whole = BigInt(value);
    if (whole === undefined || whole < range[0] || whole > range[1]) throw new WsmanRequestError(`${where}: expected ${type} (${range[0]}..${range[1]}); got ${describeValue(value)}.`);
    return whole.toString();
  }
  if (type === "real32" || type === "real64") {
    if (typeof value === "number") return Number.isNaN(value) ? "NaN" : value === Infinity ? "INF" : value === -Infinity ? "-INF" : String(value);
    if (typeof value === "string" && /^(?:[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|NaN|-?INF)$/.test(value)) return value;
    throw new WsmanRequestError(`${where}: expected ${type}; got ${describeValue(value)}.`);
  }
  throw new WsmanRequestError(`${where}: cannot write a value of CIM type ${type}.`);
}

function toCimDateTime(value: unknown): CimDateTime | undefined {
  if (typeof value === "string") return parseCimDateTime(value);
  if (value instanceof Date) return cimDateTimeFromDate(value);
  if (typeof value === "object" && value !== null) {
    const kind = (value as { readonly kind?: unknown }).kind;
    if (kind === "timestamp" || kind === "interval") return value as CimDateTime;
  }
  return undefined;
}

/**
 * DSP0230 `cim:cimDateTime`: a timestamp with every field known as `cim:Datetime` (xs:dateTime), an
 * interval as `cim:Interval` (xs:duration), anything with wildcards (or year 0) as `cim:CIM_DateTime`.
 */
function datetimeContent(value: unknown, where: string): string {
  const parsed = toCimDateTime(value);
  if (parsed === undefined) throw new WsmanRequestError(`${where}: expected a datetime (CimDateTime, CIM datetime text or Date); got ${describeValue(value)}.`);
  const micros = (us: number | undefined, precision: number | undefined): string | undefined =>
    us === undefined || precision !== undefined ? undefined : us === 0 ? "" : "." + String(us).padStart(6, "0").replace(/0+$/, "");
  if (parsed.kind === "interval") {
    const { days, hours, minutes, seconds } = parsed;
    const fraction = micros(parsed.microseconds, parsed.microsecondPrecision);
    if (days !== undefined && hours !== undefined && minutes !== undefined && seconds !== undefined && fraction !== undefined) {
      return `<cim:Interval>P${days}DT${hours}H${minutes}M${seconds}${fraction}S</cim:Interval>`;
    }
  } else {
    const { year, month, day, hour, minute, second, utcOffsetMinutes: offset } = parsed;
    const fraction = micros(parsed.microsecond, parsed.microsecondPrecision);
    if (year !== undefined && year > 0 && month !== undefined && day !== undefined && hour !== undefined && minute !== undefined && second !== undefined && fraction !== undefined && offset !== undefined) {
      const two = (n: number) => String(n).padStart(2, "0");
      const zone = offset === 0 ? "Z" : (offset < 0 ? "-" : "+") + two(Math.floor(Math.abs(offset) / 60)) + ":" + two(Math.abs(offset) % 60);
      return `<cim:Datetime>${String(year).padStart(4, "0")}-${two(month)}-${two(day)}T${two(hour)}:${two(minute)}:${two(second)}${fraction}${zone}</cim:Datetime>`;
    }
  }
  return `<cim:CIM_DateTime>${formatCimDateTime(parsed)}</cim:CIM_DateTime>`;
}

/** Characters XML 1.0 cannot carry, even as character references. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function checkXmlText(value: string, where: string): void {
  const bad = NOT_XML.exec(value);
  if (bad !== null) {
    const code = (bad[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0");
    throw new WsmanRequestError(`${where}: character U+${code} at index ${bad.index} cannot be written in XML 1.0.`);
  }
}

/** Printable ASCII without `&`, `<`, `>` (and, for attributes, `"`, tab and LF): written as it is. */
const PLAIN_TEXT = /^[\t\n -%'-;=?-~]*$/;
const PLAIN_ATTRIBUTE = /^[ !#-%'-;=?-~]*$/;

/** Element content: `&`, `<`, `>` escaped; CR as `&#13;` (a parser would turn a raw one into LF). */
function text(value: string, where: string): string {
  if (typeof value !== "string") throw new WsmanRequestError(`${where}: expected text; got ${describeValue(value)}.`);
  // Most values (names, numbers, URIs) are printable ASCII without markup: nothing to check or escape.
  if (PLAIN_TEXT.test(value)) return value;
  checkXmlText(value, where);
  return /[&<>\r]/.test(value) ? value.replace(/[&<>\r]/g, (c) => ESCAPES[c] ?? c) : value;
}

/** Attribute values (always in double quotes): also `"`, and tab/LF/CR kept through normalization. */
function attribute(value: string, where: string): string {
  if (typeof value !== "string") throw new WsmanRequestError(`${where}: expected text; got ${describeValue(value)}.`);
  if (PLAIN_ATTRIBUTE.test(value)) return value;
  checkXmlText(value, where);
  return /[&<>"\t\n\r]/.test(value) ? value.replace(/[&<>"\t\n\r]/g, (c) => ESCAPES[c] ?? c) : value;
}

const ESCAPES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\t": "&#9;", "\n": "&#10;", "\r": "&#13;" };

/** XML NCNames (no colon) as CIM names can be spelled; checked once per name. */
const NCNAME = /^[\p{L}_][\p{L}\p{M}\p{Nd}_.\-\u00B7\u203F\u2040]*$/u;
const checkedNames = new Set<string>();

function elementName(name: string): string {
  if (checkedNames.has(name)) return name;
  if (typeof name !== "string" || !NCNAME.test(name)) throw new WsmanRequestError(`${describeValue(name)} cannot be an XML element name.`);
  if (checkedNames.size < 10000) checkedNames.add(name);
  return name;
}

function describeValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? value.slice(0, 40) + "…" : value);
  if (typeof value === "bigint") return `${value}n`;
  if (Array.isArray(value)) return "an array";
  if (value === null) return "null";
  return typeof value === "object" ? "an object" : String(value);
}

/** A random `uuid:` from Web Crypto (Node 19+, browsers); typed locally so no DOM or Node types are needed. */
function randomMessageId(): string {
  const crypto = (globalThis as { readonly crypto?: { randomUUID?: () => string } }).crypto;
  if (crypto?.randomUUID === undefined) throw new WsmanRequestError('messageId "random" needs crypto.randomUUID(), which this platform lacks.');
  return "uuid:" + crypto.randomUUID();
}

/**
 * A `uuid:` (RFC 9562 version 8, "custom") from four 32-bit FNV-1a hashes of the text: deterministic,
 * and different for different envelopes. Not a security feature: use `"random"` where ids must not be guessable.
 */
function derivedMessageId(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  let c = 0x9e3779b9;
  let d = 0x85ebca6b;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x01000193) + i;
    c = Math.imul(c ^ code, 0x5bd1e995);
    d = Math.imul(d ^ code, 0x27d4eb2f) ^ (d >>> 15);
  }
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, "0");
  const h = hex(a) + hex(b) + hex(c) + hex(d);
  const variant = ((parseInt(h[16] ?? "0", 16) & 0x3) | 0x8).toString(16);
  return `uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
