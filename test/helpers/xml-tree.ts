/**
 * Test helper: XML parsed into a small tree (saxes through the runtime's readXmlTree, the parser the
 * WS-Management readers use), so request envelopes are checked by structure, namespace URIs and
 * values, not by string comparison. Throws on any well-formedness or namespace error.
 */
import { readXmlTree, type XmlElement as RuntimeElement } from "../../templates/runtime/xml-tree.js";

export interface XmlElement {
  /** Namespace URI ("" for none). */
  readonly uri: string;
  readonly local: string;
  /** Attributes by `{uri}local` (`local` alone without a namespace); xmlns declarations left out. */
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  /** Text directly inside the element (all text nodes joined). */
  readonly text: string;
}

/** No limits: the tests decide how large and deep their documents are. */
const UNLIMITED = { maxDepth: Infinity, maxElements: Infinity, maxAttributes: Infinity, maxLength: Infinity };

export function parseXml(xml: string): XmlElement {
  const read = readXmlTree(xml, UNLIMITED);
  if (!read.ok) throw new Error(read.error);
  return testElement(read.value);
}

function testElement(element: RuntimeElement): XmlElement {
  const attributes: Record<string, string> = {};
  for (const attribute of element.attributes) attributes[attribute.uri === "" ? attribute.local : `{${attribute.uri}}${attribute.local}`] = attribute.value;
  return { uri: element.uri, local: element.local, attributes, children: element.children.map(testElement), text: element.text };
}

/** The only child with this namespace URI and local name (fails when there is none or several). */
export function child(element: XmlElement, uri: string, local: string): XmlElement {
  const found = children(element, uri, local);
  if (found.length !== 1) throw new Error(`expected one {${uri}}${local} in ${element.local}, found ${found.length}`);
  return found[0] as XmlElement;
}

export function children(element: XmlElement, uri: string, local: string): XmlElement[] {
  return element.children.filter((c) => c.uri === uri && c.local === local);
}

/** Follows a path of `[uri, local]` steps from an element. */
export function at(element: XmlElement, ...path: readonly (readonly [string, string])[]): XmlElement {
  return path.reduce((current, [uri, local]) => child(current, uri, local), element);
}

/** The element's shape without text: names and attribute names, recursively (for twin comparisons). */
export function shape(element: XmlElement): string {
  const attributes = Object.keys(element.attributes).sort().join(",");
  return `{${element.uri}}${element.local}[${attributes}](${element.children.map(shape).join("")})`;
}
