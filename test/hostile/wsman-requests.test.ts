/**
 * Request envelopes under hostile text (templates/runtime/wsman-request.ts): whatever a caller passes
 * as a value, selector name or text, context, message id, address or locale, and whatever class and
 * property names arrive in references and embedded objects, the envelope parses (saxes, namespace-aware)
 * to exactly the structure a benign value gives, and the text reads back unchanged, CR and tabs
 * included. Text XML 1.0 cannot carry (NUL, C0 controls, lone surrogates, U+FFFE) is refused with a
 * WsmanRequestError, and a name that is no XML name is refused too: nothing is dropped or replaced.
 */
import { describe, expect, it } from "vitest";
import type { CimClassMeta } from "../../templates/runtime/decode.js";
import { WSMAN_NAMESPACES as NS } from "../../templates/runtime/wsman-namespaces.js";
import { WsmanRequestError, wsmanClass, type WsmanRequestOptions } from "../../templates/runtime/wsman-request.js";
import { parseXml, shape, type XmlElement } from "../helpers/xml-tree.js";
import { payloads } from "./emit-cases.js";

const meta: CimClassMeta = {
  name: "Test_Target",
  namespace: "root/test",
  keys: ["Id", "Owner"],
  properties: {
    Id: { type: "string", key: true },
    Owner: { type: "reference", key: true, referenceClass: "CIM_ManagedElement" },
    Note: { type: "string" },
    Extra: { type: "string", embeddedClass: "CIM_Any" },
    Blob: { type: "object" },
  },
};
const inputMeta: CimClassMeta = { name: "Go_INPUT", namespace: "root/test", keys: [], properties: { Text: { type: "string" }, Texts: { type: "string", isArray: true } } };
const target = wsmanClass<{ instance: Record<string, unknown>; keys: Record<string, unknown>; methods: { Go: Record<string, unknown> } }>({
  resourceUri: "http://example.com/test/Test_Target",
  meta,
  writable: ["Note", "Blob"],
  methods: { Go: () => inputMeta },
  resourceUris: { Test_: "http://example.com/test/" },
});

/** Text aimed at XML: closing elements and attributes, CDATA ends, entities, comments, declarations. */
const xmlPayloads: readonly string[] = [
  "</wsman:Selector><wsman:Selector Name=\"pwned\">x",
  "\" pwned=\"1",
  "' pwned='1",
  "]]><pwned/><![CDATA[",
  "&amp; &lt; &#60; &#x3C; &pwned; &",
  "<!DOCTYPE x [<!ENTITY pwned \"boom\">]>&pwned;",
  "<?xml version=\"1.0\"?><pwned/>",
  "<!-- pwned -->",
  "line\r\nbreaks\rand\ttabs\n",
  "  leading and trailing spaces  ",
  "\u0085 NEL \u2028 LS \u00a0 NBSP \ufeff BOM",
  "😀 astral",
];

const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Every place a caller's text lands, as a request and a path to read the text back. */
const places: readonly { readonly name: string; readonly build: (text: string) => string; readonly read: (root: XmlElement) => string }[] = [
  { name: "key selector value", build: (t) => target.get({ Id: t }), read: (r) => selector(r, "Id") },
  { name: "extra selector name", build: (t) => target.get({}, { selectors: { [t]: "v" } }), read: (r) => header(r, NS.wsman, "SelectorSet").children[0]?.attributes["Name"] ?? "" },
  { name: "extra selector value", build: (t) => target.get({}, { selectors: { Other: t } }), read: (r) => selector(r, "Other") },
  { name: "to", build: (t) => target.get({}, { to: t }), read: (r) => header(r, NS.wsa, "To").text },
  { name: "messageId", build: (t) => target.get({}, { messageId: t }), read: (r) => header(r, NS.wsa, "MessageID").text },
  { name: "locale", build: (t) => target.get({}, { locale: t } as WsmanRequestOptions), read: (r) => header(r, NS.wsman, "Locale").attributes["{http://www.w3.org/XML/1998/namespace}lang"] ?? "" },
  { name: "enumeration context", build: (t) => target.pull(t), read: (r) => body(r).children[0]?.children[0]?.text ?? "" },
  { name: "Put property", build: (t) => target.put({ Id: "i", Note: t }), read: (r) => body(r).children[0]?.children[1]?.text ?? "" },
  { name: "method parameter", build: (t) => target.invoke.Go({ Text: t }), read: (r) => body(r).children[0]?.children[0]?.text ?? "" },
  { name: "array item", build: (t) => target.invoke.Go({ Texts: ["a", t] }), read: (r) => body(r).children[0]?.children[1]?.text ?? "" },
  {
    name: "reference key value",
    build: (t) => target.get({ Owner: { className: "CIM_System", keys: { Name: t } } }),
    read: (r) => eprSelector(r),
  },
  {
    name: "reference address",
    build: (t) => target.get({ Owner: { className: "CIM_System", keys: { Name: "n" }, address: t } }),
    read: (r) => header(r, NS.wsman, "SelectorSet").children[0]?.children[0]?.children[0]?.text ?? "",
  },
  {
    name: "embedded object value",
    build: (t) => target.put({ Id: "i", Blob: { className: "CIM_Thing", properties: { Text: t } } }),
    read: (r) => body(r).children[0]?.children[1]?.children[0]?.children[0]?.text ?? "",
  },
];

function header(root: XmlElement, uri: string, local: string): XmlElement {
  const found = root.children[0]?.children.find((c) => c.uri === uri && c.local === local);
  if (found === undefined) throw new Error(`no ${local}`);
  return found;
}
function body(root: XmlElement): XmlElement {
  const found = root.children[1];
  if (found === undefined) throw new Error("no body");
  return found;
}
function selector(root: XmlElement, name: string): string {
  return header(root, NS.wsman, "SelectorSet").children.find((c) => c.attributes["Name"] === name)?.text ?? "";
}
/** Owner's endpoint reference → its first selector's text. */
function eprSelector(root: XmlElement): string {
  const owner = header(root, NS.wsman, "SelectorSet").children.find((c) => c.attributes["Name"] === "Owner");
  const parameters = owner?.children[0]?.children[1];
  return parameters?.children[1]?.children[0]?.text ?? "";
}

describe.each(places)("hostile text as $name", (place) => {
  const benign = shape(parseXml(place.build("benign")));
  it.each([...payloads, ...xmlPayloads])("%j", (payload) => {
    if (NOT_XML.test(payload)) {
      expect(() => place.build(payload)).toThrow(WsmanRequestError);
      return;
    }
    const root = parseXml(place.build(payload));
    expect(shape(root)).toBe(benign);
    expect(place.read(root)).toBe(payload);
  });
});

describe("hostile names", () => {
  it.each(["a><b", "x y", "p:q", "1abc", "", "a\u0000b", "-x"])("an embedded property named %j is refused", (name) => {
    expect(() => target.put({ Id: "i", Blob: { className: "CIM_Thing", properties: { [name]: "v" } } })).toThrow(WsmanRequestError);
  });

  it.each(["CIM_<x>", "CIM_a b", "CIM_\"q\""])("an embedded class named %j is refused", (className) => {
    expect(() => target.put({ Id: "i", Blob: { className, properties: {} } })).toThrow(WsmanRequestError);
  });

  it("a referenced class name with markup stays text inside the resource URI", () => {
    const className = "CIM_</wsman:ResourceURI><pwned/>";
    const root = parseXml(target.get({ Owner: { className, keys: { Name: "n" } } }));
    expect(shape(root)).toBe(shape(parseXml(target.get({ Owner: { className: "CIM_System", keys: { Name: "n" } } }))));
    const parameters = header(root, NS.wsman, "SelectorSet").children[0]?.children[0]?.children[1];
    expect(parameters?.children[0]?.text).toBe(`http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/${className}`);
  });

  it("references nested past the depth limit are refused, not overflowed", () => {
    let ref: Record<string, unknown> = { className: "CIM_X", keys: { Name: "leaf" } };
    for (let i = 0; i < 100; i++) ref = { className: "CIM_X", keys: { Inner: ref } };
    expect(() => target.get({ Owner: ref })).toThrow(/nest deeper than 32/);
  });

  it("a megabyte of markup characters is escaped in one pass", () => {
    const text = "<&>\"".repeat(250_000);
    const root = parseXml(target.invoke.Go({ Text: text }));
    expect(body(root).children[0]?.children[0]?.text).toBe(text);
  });

  it("prototype keys in caller objects are not selectors or parameters, and unset members are not inherited", () => {
    const keys = JSON.parse('{"Id":"i","__proto__":{"Owner":"x"}}') as Record<string, unknown>;
    expect(() => target.get(keys)).toThrow(/'__proto__' is not a key property/);
    expect(() => target.invoke.Go(JSON.parse('{"__proto__":{"Text":"x"}}') as Record<string, unknown>)).toThrow(/'__proto__' is not an input parameter/);
    const named = wsmanClass<{ instance: Record<string, unknown>; keys: Record<string, unknown>; methods: object }>({
      resourceUri: "http://example.com/test/Test_Named",
      meta: { name: "Test_Named", namespace: "root/test", keys: ["constructor"], properties: { constructor: { type: "string" as const, key: true }, toString: { type: "string" as const } } },
      writable: ["toString"],
      methods: {},
    });
    const root = parseXml(named.put({}));
    expect(body(root).children[0]?.children).toEqual([]);
    expect(root.children[0]?.children.some((c) => c.local === "SelectorSet")).toBe(false);
  });
});
