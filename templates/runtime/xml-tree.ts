/**
 * A small, bounded XML element tree for the WS-Management and CIM-XML response readers, built with
 * saxes (namespace-aware, well-formedness checked, no DTD processing). Emitted by mof2ts next to
 * generated code that reads responses; the application installs `saxes`.
 *
 * Hostile input ends in an error result, never an exception: a DOCTYPE is refused (so no entity
 * can be declared, let alone expanded), and length, depth, element and attribute counts are capped.
 */
import { SaxesParser, type SaxesTagNS } from "saxes";

/** Limits for reading one XML document; every one has a safe default. */
export interface ReadXmlOptions {
  /** Longest document accepted, in characters (default 32 MiB). */
  readonly maxLength?: number | undefined;
  /** Deepest element nesting (default 64). */
  readonly maxDepth?: number | undefined;
  /** Most elements in one document (default 500,000). */
  readonly maxElements?: number | undefined;
  /** Most attributes on one element, namespace declarations included (default 256). */
  readonly maxAttributes?: number | undefined;
}

/** An attribute by namespace URI (`""` for none) and local name. */
export interface XmlAttribute {
  readonly uri: string;
  readonly local: string;
  readonly value: string;
}

/** An element by namespace URI (`""` for none) and local name, with its character data joined. */
export interface XmlElement {
  readonly uri: string;
  readonly local: string;
  readonly attributes: readonly XmlAttribute[];
  readonly children: readonly XmlElement[];
  /** Text and CDATA directly inside the element, in document order, entities already replaced. */
  readonly text: string;
  /** Namespace bindings in scope (prefix → URI), for QName-valued text such as `xsi:type` or fault codes. */
  readonly scope: Readonly<Record<string, string>>;
}

/** A value, or why there is none. */
export type XmlResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

const DEFAULT_LIMITS = { maxLength: 32 * 1024 * 1024, maxDepth: 64, maxElements: 500_000, maxAttributes: 256 };

/** The one binding every document has (XML Namespaces 1.0 §3). */
const XML_SCOPE: Readonly<Record<string, string>> = Object.assign(Object.create(null) as Record<string, string>, {
  xml: "http://www.w3.org/XML/1998/namespace",
});

/** Shared by every element without attributes or children (most of them): never pushed to. */
const NONE: never[] = [];

/** True when a null-prototype record (saxes' attribute and namespace records) has any key. */
function hasOwnKeys(record: Readonly<Record<string, unknown>>): boolean {
  for (const _ in record) return true;
  return false;
}

interface MutableElement {
  uri: string;
  local: string;
  attributes: XmlAttribute[];
  children: MutableElement[];
  text: string;
  scope: Readonly<Record<string, string>>;
}

/** Thrown from saxes handlers to stop at the first problem; caught in readXmlTree only. */
class XmlStop extends Error {}

/**
 * Parses a whole document into an element tree. Returns the root element, or an error saying what
 * is wrong and where (`line:column: message`) for malformed XML, a DOCTYPE, or an exceeded limit.
 */
export function readXmlTree(xml: string, options: ReadXmlOptions = {}): XmlResult<XmlElement> {
  const limits = {
    maxLength: options.maxLength ?? DEFAULT_LIMITS.maxLength,
    maxDepth: options.maxDepth ?? DEFAULT_LIMITS.maxDepth,
    maxElements: options.maxElements ?? DEFAULT_LIMITS.maxElements,
    maxAttributes: options.maxAttributes ?? DEFAULT_LIMITS.maxAttributes,
  };
  if (typeof xml !== "string") return { ok: false, error: "expected XML text, got " + typeof xml };
  if (xml.length > limits.maxLength) {
    return { ok: false, error: "document of " + String(xml.length) + " characters exceeds maxLength " + String(limits.maxLength) };
  }
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: MutableElement[] = [];
  let root: MutableElement | undefined;
  let elements = 0;
  let attributes = 0;
  const stop = (message: string): never => {
    throw new XmlStop(String(parser.line) + ":" + String(parser.column) + ": " + message);
  };
  // Six handlers at most: saxes stores each as a property added after construction, and a seventh
  // turns the parser into a slow dictionary-mode object (measured: four times slower on every document).
  // Without an error handler saxes throws its errors, which the catch below turns into results.
  parser.on("doctype", () => stop("a DOCTYPE is not accepted (no DTDs or entity declarations)"));
  parser.on("attribute", () => {
    if (++attributes > limits.maxAttributes) stop("more than maxAttributes " + String(limits.maxAttributes) + " attributes on one element");
  });
  parser.on("opentag", (tag: SaxesTagNS) => {
    attributes = 0;
    if (stack.length >= limits.maxDepth) stop("elements nested deeper than maxDepth " + String(limits.maxDepth));
    if (++elements > limits.maxElements) stop("more than maxElements " + String(limits.maxElements) + " elements");
    const parent = stack[stack.length - 1];
    const outer = parent === undefined ? XML_SCOPE : parent.scope;
    // saxes gives only the bindings declared on this tag; an element shares its parent's scope unless it declares some.
    const scope = hasOwnKeys(tag.ns) ? (Object.assign(Object.create(null), outer, tag.ns) as Record<string, string>) : outer;
    const element: MutableElement = { uri: tag.uri, local: tag.local, attributes: NONE, children: NONE, text: "", scope };
    for (const name in tag.attributes) {
      const attribute = tag.attributes[name];
      // Namespace declarations are in `scope`; they are not data.
      if (attribute === undefined || attribute.prefix === "xmlns" || attribute.name === "xmlns") continue;
      if (element.attributes === NONE) element.attributes = [];
      element.attributes.push({ uri: attribute.uri, local: attribute.local, value: attribute.value });
    }
    if (parent !== undefined && parent.children === NONE) parent.children = [];
    if (parent === undefined) root = element;
    else parent.children.push(element);
    stack.push(element);
  });
  parser.on("closetag", () => {
    stack.pop();
  });
  const appendText = (text: string): void => {
    const current = stack[stack.length - 1];
    if (current !== undefined) current.text += text;
  };
  parser.on("text", appendText);
  parser.on("cdata", appendText);
  try {
    parser.write(xml).close();
  } catch (error) {
    // XmlStop messages and saxes' own errors both start with `line:column:`.
    return { ok: false, error: error instanceof Error ? error.message : "unreadable XML: " + String(error) };
  }
  return root === undefined ? { ok: false, error: "the document has no root element" } : { ok: true, value: root };
}

/** The first child element with this namespace URI and local name. */
export function xmlChild(element: XmlElement, uri: string, local: string): XmlElement | undefined {
  return element.children.find((child) => child.uri === uri && child.local === local);
}

/** Every child element with this namespace URI and local name. */
export function xmlChildren(element: XmlElement, uri: string, local: string): XmlElement[] {
  return element.children.filter((child) => child.uri === uri && child.local === local);
}

/** An attribute's value by namespace URI (`""` for an unprefixed attribute) and local name. */
export function xmlAttribute(element: XmlElement, uri: string, local: string): string | undefined {
  return element.attributes.find((attribute) => attribute.uri === uri && attribute.local === local)?.value;
}

/**
 * Resolves a QName written in text or an attribute value (`s:Sender`, `p:CIM_Foo_Type`) against the
 * element's namespace bindings. An unbound prefix leaves `uri` undefined.
 */
export function resolveXmlQName(element: XmlElement, qname: string): { readonly uri: string | undefined; readonly local: string } {
  const text = qname.trim();
  const colon = text.indexOf(":");
  const prefix = colon < 0 ? "" : text.slice(0, colon);
  const local = colon < 0 ? text : text.slice(colon + 1);
  const bound = Object.prototype.hasOwnProperty.call(element.scope, prefix) ? element.scope[prefix] : undefined;
  return { uri: bound, local };
}

/**
 * Sets a bag member as an own, enumerable data property, so that a member named `__proto__` stays
 * a plain member instead of replacing the bag's prototype.
 */
export function setBagMember(bag: Record<string, unknown>, name: string, value: unknown): void {
  if (name === "__proto__") Object.defineProperty(bag, name, { value, enumerable: true, writable: true, configurable: true });
  else bag[name] = value;
}

/** All character data inside an element and its descendants, whitespace runs collapsed. */
export function xmlTextContent(element: XmlElement): string {
  const parts: string[] = [];
  const visit = (node: XmlElement): void => {
    parts.push(node.text);
    for (const child of node.children) visit(child);
  };
  visit(element);
  return parts.join(" ").replace(/\s+/g, " ").trim();
}
