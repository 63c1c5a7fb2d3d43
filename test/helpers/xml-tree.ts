/**
 * Test helper: parses XML with saxes (namespace-aware, the parser the WS-Management readers use) into a
 * small tree, so request envelopes are checked by structure, namespace URIs and values, not by string
 * comparison. Throws on any well-formedness or namespace error.
 */
import { SaxesParser } from "saxes";

export interface XmlElement {
  /** Namespace URI ("" for none). */
  readonly uri: string;
  readonly local: string;
  /** Attributes by `{uri}local` (`local` alone without a namespace); xmlns declarations left out. */
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  /** Text directly inside the element (all text nodes joined). */
  text: string;
}

export function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let failure: Error | undefined;
  parser.on("error", (error) => {
    failure ??= error;
  });
  parser.on("opentag", (tag) => {
    const attributes: Record<string, string> = {};
    for (const attribute of Object.values(tag.attributes)) {
      if (attribute.prefix === "xmlns" || attribute.name === "xmlns") continue;
      attributes[attribute.uri === "" ? attribute.local : `{${attribute.uri}}${attribute.local}`] = attribute.value;
    }
    const element: XmlElement = { uri: tag.uri ?? "", local: tag.local ?? tag.name, attributes, children: [], text: "" };
    const parent = stack[stack.length - 1];
    if (parent === undefined) root = element;
    else parent.children.push(element);
    stack.push(element);
  });
  parser.on("text", (text) => {
    const current = stack[stack.length - 1];
    if (current !== undefined) current.text += text;
  });
  parser.on("closetag", () => void stack.pop());
  parser.write(xml).close();
  if (failure !== undefined) throw failure;
  if (root === undefined) throw new Error("no root element");
  return root;
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
