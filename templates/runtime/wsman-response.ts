/**
 * Reads WS-Management responses (DSP0226 1.x over SOAP 1.2, CIM instances as DSP0230 maps them) into
 * the property bags that generated `decode<Class>` functions read. Emitted by mof2ts for
 * `--binding wsman`; needs `saxes` (see xml-tree.ts).
 *
 * Values stay text (the decoders convert and range-check them against the schema): a property
 * element becomes a string, a repeated one an array, `xsi:nil` null, a `cim:Datetime` / `cim:Interval`
 * / `cim:Date` / `cim:Time` / `cim:CIM_DateTime` child its text, an endpoint reference a
 * {@link CimReference}, and any other structured value an embedded instance: a plain bag with the
 * class name under `__CLASS` (decoders skip `__` members and take the class from it).
 */
import type { CimKeyValue, CimReference } from "./reference.js";
import { WMI_RESOURCE_URI_PREFIX, WSMAN_NAMESPACES } from "./wsman-namespaces.js";
import {
  readXmlTree,
  resolveXmlQName,
  setBagMember,
  xmlAttribute,
  xmlChild,
  xmlChildren,
  xmlTextContent,
  type ReadXmlOptions,
  type XmlElement,
} from "./xml-tree.js";

/** One CIM instance (or, in EPR enumeration mode, only its reference) from a response. */
export interface WsmanItem {
  /** Class of the instance: the element name, or the last segment of the EPR's resource URI. */
  readonly className: string;
  /** Namespace URI of the instance element (the class's resource URI), when it has one. */
  readonly resourceUri?: string | undefined;
  /** Property bag for `decode<Class>`; empty for an item that is only an endpoint reference. */
  readonly properties: Readonly<Record<string, unknown>>;
  /** The instance's endpoint reference, when the response gives one (EPR and ObjectAndEPR modes, `cim:Location`). */
  readonly reference?: CimReference | undefined;
}

/** A WS-Management response, by what its body holds. */
export type WsmanResponse =
  /** Get, Put or Create answered with the instance. */
  | { readonly kind: "instance"; readonly action: string; readonly item: WsmanItem }
  /** Create answered with the new resource's endpoint reference (`wxf:ResourceCreated`). */
  | { readonly kind: "created"; readonly action: string; readonly reference: CimReference; readonly resourceUri?: string | undefined }
  /** Delete (an empty body). */
  | { readonly kind: "deleted"; readonly action: string }
  /** Any other empty body: a Put applied exactly as sent, a Release. */
  | { readonly kind: "empty"; readonly action: string }
  /** Enumerate: the context to pull with; optimized enumeration (`wsman:OptimizeEnumeration`) also carries items. */
  | {
      readonly kind: "enumerate";
      readonly action: string;
      readonly context?: string | undefined;
      readonly items: readonly WsmanItem[];
      readonly endOfSequence: boolean;
    }
  /** Pull: items, the context for the next Pull, and whether the sequence ended. */
  | {
      readonly kind: "pull";
      readonly action: string;
      readonly items: readonly WsmanItem[];
      readonly context?: string | undefined;
      readonly endOfSequence: boolean;
    }
  /** An extrinsic method's `<Method>_OUTPUT`: `ReturnValue` and the Out parameters, as a property bag. */
  | {
      readonly kind: "output";
      readonly action: string;
      readonly className: string;
      readonly method: string;
      readonly resourceUri?: string | undefined;
      readonly properties: Readonly<Record<string, unknown>>;
    }
  /** A SOAP 1.2 fault; codes are local names (`Sender`, `InvalidSelectors`), whatever prefix the wire used. */
  | {
      readonly kind: "fault";
      readonly action: string;
      readonly code: string;
      readonly subcode?: string | undefined;
      /** Namespace URI of the subcode (WS-Man, WS-Addressing, WS-Enumeration, …). */
      readonly subcodeNamespace?: string | undefined;
      readonly reason: string;
      /** The text of `s:Detail` other than `wsman:FaultDetail`, whitespace collapsed. */
      readonly detail?: string | undefined;
      /** The `wsman:FaultDetail` URI (DSP0226 clause 14). */
      readonly faultDetail?: string | undefined;
    };

/** A response, or why the text is not one. Never throws. */
export type WsmanReadResult = { readonly ok: true; readonly value: WsmanResponse } | { readonly ok: false; readonly error: string };

const WSMAN_NS = WSMAN_NAMESPACES;
/** Children of a property element that carry a datetime as text: the choices of WS-CIM's cimDateTime type (DSP0230). */
const DATETIME_ELEMENTS = new Set(["Datetime", "Interval", "Date", "Time", "CIM_DateTime"]);
const CIM_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Reads a WS-Management response envelope. Prefixes are not significant (names compare by
 * namespace URI); a DOCTYPE, malformed XML or a document beyond the limits in `options` is an error.
 */
export function readWsman(xml: string, options: ReadXmlOptions = {}): WsmanReadResult {
  const tree = readXmlTree(xml, options);
  if (!tree.ok) return tree;
  try {
    return readEnvelope(tree.value);
  } catch (error) {
    // Not expected (the tree is bounded); kept so that no input can make the reader throw.
    return { ok: false, error: "unreadable response: " + (error instanceof Error ? error.message : String(error)) };
  }
}

function wsmanFail(error: string): { readonly ok: false; readonly error: string } {
  return { ok: false, error };
}

function readEnvelope(envelope: XmlElement): WsmanReadResult {
  if (envelope.uri !== WSMAN_NS.s || envelope.local !== "Envelope") {
    return wsmanFail("not a SOAP 1.2 envelope: the root element is {" + envelope.uri + "}" + envelope.local);
  }
  const header = xmlChild(envelope, WSMAN_NS.s, "Header");
  const body = xmlChild(envelope, WSMAN_NS.s, "Body");
  if (body === undefined) return wsmanFail("the envelope has no s:Body");
  const actionElement = header === undefined ? undefined : xmlChild(header, WSMAN_NS.wsa, "Action");
  const action = actionElement === undefined ? "" : actionElement.text.trim();
  const content = body.children[0];
  // WS-Transfer's DeleteResponse (2004/09 for WS-Man 1.x; the action's last segment, so later versions read too).
  if (content === undefined) return { ok: true, value: action.endsWith("/DeleteResponse") ? { kind: "deleted", action } : { kind: "empty", action } };
  if (content.uri === WSMAN_NS.s && content.local === "Fault") return { ok: true, value: readFault(content, action) };
  if (content.uri === WSMAN_NS.wsen && content.local === "EnumerateResponse") {
    const items = xmlChild(content, WSMAN_NS.wsman, "Items") ?? xmlChild(content, WSMAN_NS.wsen, "Items");
    return {
      ok: true,
      value: {
        kind: "enumerate",
        action,
        ...enumerationContext(content),
        items: items === undefined ? [] : readItems(items),
        endOfSequence: hasEndOfSequence(content),
      },
    };
  }
  if (content.uri === WSMAN_NS.wsen && content.local === "PullResponse") {
    const items = xmlChild(content, WSMAN_NS.wsen, "Items") ?? xmlChild(content, WSMAN_NS.wsman, "Items");
    return {
      ok: true,
      value: { kind: "pull", action, items: items === undefined ? [] : readItems(items), ...enumerationContext(content), endOfSequence: hasEndOfSequence(content) },
    };
  }
  if (content.uri === WSMAN_NS.wxf && content.local === "ResourceCreated") {
    const reference = readEndpointReference(content);
    if (reference === undefined) return wsmanFail("wxf:ResourceCreated holds no readable endpoint reference (ResourceURI and SelectorSet)");
    const resourceUri = referenceResourceUri(content);
    return { ok: true, value: { kind: "created", action, reference, ...(resourceUri === undefined ? {} : { resourceUri }) } };
  }
  if (content.uri === WSMAN_NS.wsman && content.local === "XmlFragment") return wsmanFail("fragment-level transfer (wsman:XmlFragment) is not read");
  if (content.local.endsWith("_OUTPUT") && content.local.length > "_OUTPUT".length) {
    const className = classNameOfUri(content.uri) ?? classNameOfUri(action.slice(0, action.lastIndexOf("/"))) ?? "";
    return {
      ok: true,
      value: {
        kind: "output",
        action,
        className,
        method: content.local.slice(0, -"_OUTPUT".length),
        ...(content.uri === "" ? {} : { resourceUri: content.uri }),
        properties: readProperties(content),
      },
    };
  }
  return { ok: true, value: { kind: "instance", action, item: readInstance(content) } };
}

function enumerationContext(response: XmlElement): { context?: string } {
  const context = xmlChild(response, WSMAN_NS.wsen, "EnumerationContext");
  return context === undefined ? {} : { context: context.text.trim() };
}

function hasEndOfSequence(response: XmlElement): boolean {
  return xmlChild(response, WSMAN_NS.wsen, "EndOfSequence") !== undefined || xmlChild(response, WSMAN_NS.wsman, "EndOfSequence") !== undefined;
}

/**
 * Items of an enumeration: instance elements (ObjectOnly), `wsa:EndpointReference`s (EPR mode) or
 * `wsman:Item`s holding an instance and its reference (ObjectAndEPR mode).
 */
function readItems(items: XmlElement): WsmanItem[] {
  const read: WsmanItem[] = [];
  for (const element of items.children) {
    if (element.uri === WSMAN_NS.wsman && element.local === "Item") {
      const epr = xmlChild(element, WSMAN_NS.wsa, "EndpointReference");
      const instance = element.children.find((child) => child !== epr);
      const reference = epr === undefined ? undefined : readEndpointReference(epr);
      if (instance !== undefined) {
        const item = readInstance(instance);
        read.push(reference === undefined ? item : { ...item, reference });
      } else if (epr !== undefined) {
        read.push(referenceItem(epr));
      }
    } else if (element.uri === WSMAN_NS.wsa && element.local === "EndpointReference") {
      read.push(referenceItem(element));
    } else {
      read.push(readInstance(element));
    }
  }
  return read;
}

/** An item that is only an endpoint reference (EnumerationMode EnumerateEPR). */
function referenceItem(epr: XmlElement): WsmanItem {
  const reference = readEndpointReference(epr);
  const resourceUri = referenceResourceUri(epr);
  return {
    className: reference?.className ?? "",
    ...(resourceUri === undefined ? {} : { resourceUri }),
    properties: {},
    ...(reference === undefined ? {} : { reference }),
  };
}

/** An instance element: its name is the class, its namespace the class's resource URI. */
function readInstance(element: XmlElement): WsmanItem {
  const location = element.children.find((child) => child.uri === WSMAN_NS.cim && child.local === "Location");
  const reference = location === undefined ? undefined : readEndpointReference(location);
  return {
    className: element.local,
    ...(element.uri === "" ? {} : { resourceUri: element.uri }),
    properties: readProperties(element),
    ...(reference === undefined ? {} : { reference }),
  };
}

/**
 * The property bag of an instance or method output: one entry per property element name, in order
 * of first appearance; a name that repeats is an array. Elements in the WS-CIM common namespace
 * (WinRM's `cim:Location`) describe the instance and are not properties.
 */
function readProperties(element: XmlElement): Record<string, unknown> {
  const bag: Record<string, unknown> = {};
  for (const child of element.children) {
    if (child.uri === WSMAN_NS.cim) continue;
    const value = readValue(child);
    if (!Object.prototype.hasOwnProperty.call(bag, child.local)) {
      setBagMember(bag, child.local, value);
      continue;
    }
    // readValue never gives an array, so an array here is one this loop built for a repeated name.
    const previous = bag[child.local];
    if (Array.isArray(previous)) previous.push(value);
    else setBagMember(bag, child.local, [previous, value]);
  }
  return bag;
}

function isNil(element: XmlElement): boolean {
  const nil = xmlAttribute(element, WSMAN_NS.xsi, "nil");
  return nil !== undefined && (nil.trim() === "true" || nil.trim() === "1");
}

/** One property (or Out parameter) element's value. */
function readValue(element: XmlElement): unknown {
  if (isNil(element)) return null;
  const first = element.children[0];
  if (first === undefined) {
    // An embedded instance whose properties are all null or absent still names its class.
    const className = complexTypeClassName(element);
    return className === undefined ? element.text : { __CLASS: className };
  }
  if (element.children.length === 1 && first.uri === WSMAN_NS.cim && DATETIME_ELEMENTS.has(first.local)) {
    return first.local === "Time" ? timeOfDay(first.text.trim()) : first.text.trim();
  }
  if (isEndpointReference(element)) {
    const reference = readEndpointReference(element);
    if (reference !== undefined) return reference;
  }
  return readEmbedded(element);
}

const XS_TIME_OF_DAY = /^(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * `cim:Time` holds an xs:time. Without a zone it would read as a duration (a .NET TimeSpan looks the
 * same), so it becomes the DMTF form of a time of day: date wildcarded, and the offset too when the
 * text has none (`10:30:00` → `********103000.000000+***`). Anything else stays as sent.
 */
function timeOfDay(text: string): string {
  const match = XS_TIME_OF_DAY.exec(text);
  if (match === null) return text;
  const [, hour = "", minute = "", second = "", fraction = "", zone] = match;
  let offset = "+***";
  if (zone === "Z") offset = "+000";
  else if (zone !== undefined) {
    const minutes = Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6));
    offset = zone.charAt(0) + String(minutes).padStart(3, "0");
  }
  return "********" + hour + minute + second + "." + (fraction + "000000").slice(0, 6) + offset;
}

/** An element of type wsa:EndpointReferenceType, or one wrapping a `wsa:EndpointReference`. */
function isEndpointReference(element: XmlElement): boolean {
  return element.children.some(
    (child) => child.uri === WSMAN_NS.wsa && (child.local === "Address" || child.local === "ReferenceParameters" || child.local === "EndpointReference"),
  );
}

/**
 * An embedded instance (EmbeddedInstance / EmbeddedObject property): either the property element
 * holds the embedded class's properties (typed with `xsi:type="q:<Class>_Type"`), or it wraps one
 * instance element named after its class. Anything else structured reads the same way, untyped.
 */
function readEmbedded(element: XmlElement): Record<string, unknown> {
  const only = element.children.length === 1 ? element.children[0] : undefined;
  if (only !== undefined && only.children.length > 0 && classNameOfUri(only.uri) === only.local) {
    return { ...readProperties(only), __CLASS: only.local };
  }
  const className = embeddedClassName(element);
  const properties = readProperties(element);
  return className === undefined ? properties : { ...properties, __CLASS: className };
}

/**
 * The class a `xsi:type="q:<Class>_Type"` names (DSP0230 names each class's complex type so). Simple
 * types (`xs:string`, WinRM's `cim:cimString`) name none.
 */
function complexTypeClassName(element: XmlElement): string | undefined {
  const type = xmlAttribute(element, WSMAN_NS.xsi, "type");
  if (type === undefined) return undefined;
  const name = resolveXmlQName(element, type);
  if (name.uri === WSMAN_NS.cim || !name.local.endsWith("_Type")) return undefined;
  const local = name.local.slice(0, -"_Type".length);
  return CIM_NAME.test(local) ? local : undefined;
}

/** The class of an embedded instance: from `xsi:type`, else its properties' namespace. */
function embeddedClassName(element: XmlElement): string | undefined {
  const typed = complexTypeClassName(element);
  if (typed !== undefined) return typed;
  const uris = new Set(element.children.map((child) => child.uri));
  const [uri] = [...uris];
  return uris.size === 1 && uri !== undefined ? classNameOfUri(uri) : undefined;
}

/**
 * The class a resource URI names: its last path segment (`.../cim-schema/2/CIM_Processor`,
 * `.../wmi/root/cimv2/Win32_Service`, vendor schemas alike), when that is a CIM name.
 */
function classNameOfUri(uri: string): string | undefined {
  const path = uri.trim().replace(/[?#].*$/, "");
  const name = path.slice(path.lastIndexOf("/") + 1);
  return CIM_NAME.test(name) ? name : undefined;
}

/** The `wsa:ReferenceParameters` of an endpoint reference element or of one wrapping it. */
function referenceParameters(element: XmlElement): XmlElement | undefined {
  const inner = xmlChild(element, WSMAN_NS.wsa, "EndpointReference") ?? element;
  return xmlChild(inner, WSMAN_NS.wsa, "ReferenceParameters");
}

function referenceResourceUri(element: XmlElement): string | undefined {
  const parameters = referenceParameters(element);
  const resourceUri = parameters === undefined ? undefined : xmlChild(parameters, WSMAN_NS.wsman, "ResourceURI");
  return resourceUri === undefined ? undefined : resourceUri.text.trim();
}

/**
 * An endpoint reference (DSP0227 / DSP0230) as a CIM reference: the class is the last segment of
 * `wsman:ResourceURI`, keys are the selectors (a selector holding an endpoint reference is a nested
 * reference), and the namespace is the `__cimnamespace` selector, or the path inside a WMI resource
 * URI. Selector values stay text, as the wire has no types for them.
 */
function readEndpointReference(element: XmlElement): CimReference | undefined {
  const parameters = referenceParameters(element);
  const resourceUri = referenceResourceUri(element);
  const className = resourceUri === undefined ? undefined : classNameOfUri(resourceUri);
  if (parameters === undefined || resourceUri === undefined || className === undefined) return undefined;
  let namespace = resourceUri.startsWith(WMI_RESOURCE_URI_PREFIX)
    ? resourceUri.slice(WMI_RESOURCE_URI_PREFIX.length, resourceUri.lastIndexOf("/")) || undefined
    : undefined;
  const keys: [string, CimKeyValue][] = [];
  const selectorSet = xmlChild(parameters, WSMAN_NS.wsman, "SelectorSet");
  for (const selector of selectorSet === undefined ? [] : xmlChildren(selectorSet, WSMAN_NS.wsman, "Selector")) {
    const name = xmlAttribute(selector, "", "Name");
    if (name === undefined) return undefined;
    const nested = xmlChild(selector, WSMAN_NS.wsa, "EndpointReference");
    if (nested !== undefined) {
      const value = readEndpointReference(nested);
      if (value === undefined) return undefined;
      keys.push([name, value]);
    } else if (name === "__cimnamespace") {
      namespace = selector.text.trim().replace(/^\/+|\/+$/g, "") || undefined;
    } else {
      keys.push([name, selector.text]);
    }
  }
  return { className, ...(namespace === undefined ? {} : { namespace }), keys: Object.fromEntries(keys) };
}

/** A SOAP 1.2 fault (DSP0226 clause 14): code and subcode as local names, first reason text, detail. */
function readFault(fault: XmlElement, action: string): WsmanResponse {
  const code = xmlChild(fault, WSMAN_NS.s, "Code");
  const codeValue = code === undefined ? undefined : xmlChild(code, WSMAN_NS.s, "Value");
  const subcode = code === undefined ? undefined : xmlChild(code, WSMAN_NS.s, "Subcode");
  const subcodeValue = subcode === undefined ? undefined : xmlChild(subcode, WSMAN_NS.s, "Value");
  const reason = xmlChild(fault, WSMAN_NS.s, "Reason");
  const reasonText = reason === undefined ? undefined : xmlChild(reason, WSMAN_NS.s, "Text");
  const detail = xmlChild(fault, WSMAN_NS.s, "Detail");
  const faultDetail = detail === undefined ? undefined : xmlChild(detail, WSMAN_NS.wsman, "FaultDetail");
  const detailText = detail === undefined ? "" : xmlTextContent({ ...detail, children: detail.children.filter((child) => child !== faultDetail) });
  const subcodeName = subcodeValue === undefined ? undefined : resolveXmlQName(subcodeValue, subcodeValue.text);
  return {
    kind: "fault",
    action,
    code: codeValue === undefined ? "" : resolveXmlQName(codeValue, codeValue.text).local,
    ...(subcodeName === undefined ? {} : { subcode: subcodeName.local }),
    ...(subcodeName?.uri === undefined ? {} : { subcodeNamespace: subcodeName.uri }),
    reason: reasonText === undefined ? "" : reasonText.text.trim(),
    ...(detailText === "" ? {} : { detail: detailText }),
    ...(faultDetail === undefined ? {} : { faultDetail: faultDetail.text.trim() }),
  };
}
