/**
 * The response readers run on whatever a network peer sends. Hostile documents must end in an error
 * result or a harmless value: never an exception, never entity expansion, never unbounded work, never
 * a polluted prototype, and markup-looking text must stay text.
 */
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { readCimXml } from "../../templates/runtime/cim-xml.js";
import { readWsman, type WsmanResponse } from "../../templates/runtime/wsman-response.js";
import { readXmlTree } from "../../templates/runtime/xml-tree.js";
import { envelope } from "../readers/helpers.js";

afterEach(() => {
  expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain("polluted");
  expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
});

const GET = "http://schemas.xmlsoap.org/ws/2004/09/transfer/GetResponse";
const P = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_Processor";

function instance(inner: string): string {
  return envelope(GET, `<p:CIM_Processor xmlns:p="${P}">${inner}</p:CIM_Processor>`);
}

function expectError(result: { ok: boolean; error?: string }, pattern?: RegExp): void {
  expect(result.ok).toBe(false);
  if (pattern !== undefined) expect(result.error).toMatch(pattern);
}

function instanceOf(result: ReturnType<typeof readWsman>): Extract<WsmanResponse, { kind: "instance" }> {
  if (!result.ok) throw new Error(result.error);
  if (result.value.kind !== "instance") throw new Error("not an instance: " + result.value.kind);
  return result.value;
}

const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body><p:X xmlns:p="${P}"><p:Name>&lol3;</p:Name></p:X></s:Body></s:Envelope>`;

describe("DTDs and entities", () => {
  it("refuses a billion-laughs document at its DOCTYPE", () => {
    expectError(readWsman(BILLION_LAUGHS), /DOCTYPE/);
    expectError(readCimXml(BILLION_LAUGHS), /DOCTYPE/);
  });

  it("refuses an external entity (XXE) at its DOCTYPE", () => {
    const xxe = `<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><CIM><MESSAGE><SIMPLERSP><IMETHODRESPONSE NAME="x"><IRETURNVALUE><INSTANCE CLASSNAME="A"><PROPERTY NAME="P"><VALUE>&xxe;</VALUE></PROPERTY></INSTANCE></IRETURNVALUE></IMETHODRESPONSE></SIMPLERSP></MESSAGE></CIM>`;
    expectError(readCimXml(xxe), /DOCTYPE/);
  });

  it("refuses a DOCTYPE without an internal subset too", () => {
    expectError(readWsman(`<!DOCTYPE s:Envelope SYSTEM "http://example.com/x.dtd">` + instance("")), /DOCTYPE/);
  });

  it("treats an undeclared entity as malformed, and expands only the predefined ones", () => {
    expectError(readWsman(instance("<p:Name>&lol;</p:Name>")));
    const value = instanceOf(readWsman(instance("<p:Name>&lt;&gt;&amp;&quot;&apos;&#65;&#x42;</p:Name>")));
    expect(value.item.properties["Name"]).toBe(`<>&"'AB`);
  });

  it("refuses character references to characters XML does not allow", () => {
    expectError(readWsman(instance("<p:Name>&#0;</p:Name>")));
    expectError(readWsman(instance("<p:Name>&#xFFFE;</p:Name>")));
  });
});

describe("limits", () => {
  it("stops at maxDepth (default 64) on deep nesting, without recursing through it", () => {
    const deep = "<a>".repeat(100_000) + "</a>".repeat(100_000);
    expectError(readXmlTree(deep), /maxDepth 64/);
    expectError(readWsman(instance("<p:X>".repeat(80) + "</p:X>".repeat(80))), /maxDepth/);
    expect(readXmlTree("<a>".repeat(10) + "</a>".repeat(10), { maxDepth: 10 }).ok).toBe(true);
    expectError(readXmlTree("<a>".repeat(11) + "</a>".repeat(11), { maxDepth: 10 }), /maxDepth 10/);
  });

  it("stops at maxAttributes on an element with a huge attribute count", () => {
    const attributes = Array.from({ length: 100_000 }, (_, i) => `a${i}="${i}"`).join(" ");
    expectError(readWsman(instance(`<p:Name ${attributes}>x</p:Name>`)), /maxAttributes 256/);
    const declarations = Array.from({ length: 5_000 }, (_, i) => `xmlns:n${i}="urn:n${i}"`).join(" ");
    expectError(readWsman(instance(`<p:Name ${declarations}>x</p:Name>`)), /maxAttributes/);
  });

  it("stops at maxElements and maxLength", () => {
    const many = instance("<p:Tag>x</p:Tag>".repeat(2_000));
    expectError(readWsman(many, { maxElements: 1_000 }), /maxElements 1000/);
    expect(readWsman(many).ok).toBe(true);
    expectError(readWsman(many, { maxLength: 1_000 }), /maxLength 1000/);
  });

  it("bounds escaped embedded documents nested inside each other", () => {
    let value = `&lt;INSTANCE CLASSNAME="Leaf"&gt;&lt;/INSTANCE&gt;`;
    for (let level = 0; level < 12; level++) {
      const escaped = value.replace(/&/g, "&amp;");
      value = `&lt;INSTANCE CLASSNAME="L${level}"&gt;&lt;PROPERTY NAME="E" EmbeddedObject="instance"&gt;&lt;VALUE&gt;${escaped}&lt;/VALUE&gt;&lt;/PROPERTY&gt;&lt;/INSTANCE&gt;`;
    }
    const xml = `<INSTANCE CLASSNAME="Top"><PROPERTY NAME="E" EmbeddedObject="instance"><VALUE>${value}</VALUE></PROPERTY></INSTANCE>`;
    const result = readCimXml(xml);
    expect(result.ok).toBe(true);
    let bag: unknown = result.ok && result.value.kind === "result" ? result.value.items[0]?.properties["E"] : undefined;
    let levels = 0;
    while (typeof bag === "object" && bag !== null) {
      bag = (bag as Record<string, unknown>)["E"];
      levels++;
    }
    // Eight escaped documents are read; the ninth stays text for the decoder to report.
    expect(levels).toBe(8);
    expect(typeof bag).toBe("string");
  });

  it("keeps a numeric key of a million digits as text rather than converting it", () => {
    const digits = "9".repeat(1_000_000);
    const xml = `<VALUE.NAMEDINSTANCE><INSTANCENAME CLASSNAME="A"><KEYBINDING NAME="K"><KEYVALUE VALUETYPE="numeric">${digits}</KEYVALUE></KEYBINDING></INSTANCENAME><INSTANCE CLASSNAME="A"/></VALUE.NAMEDINSTANCE>`;
    const result = readCimXml(xml);
    expect(result.ok && result.value.kind === "result" ? result.value.items[0]?.reference?.keys["K"] : undefined).toBe(digits);
  });
});

describe("prefix tricks", () => {
  it("does not take an element for SOAP because of its prefix", () => {
    const fake = `<s:Envelope xmlns:s="urn:not-soap"><s:Body><s:Fault/></s:Body></s:Envelope>`;
    expectError(readWsman(fake), /not a SOAP 1.2 envelope/);
  });

  it("reads a fault only in the SOAP namespace, whatever the prefix", () => {
    const body = `<soap:Fault xmlns:soap="urn:fake"><soap:Code><soap:Value>soap:Sender</soap:Value></soap:Code></soap:Fault>`;
    const result = readWsman(envelope(GET, body));
    expect(result.ok && result.value.kind).toBe("instance");
  });

  it("keeps prefixes named like Object members harmless", () => {
    for (const prefix of ["__proto__", "constructor", "toString", "hasOwnProperty"]) {
      const xml = envelope(GET, `<${prefix}:CIM_Processor xmlns:${prefix}="${P}"><${prefix}:Name xsi:type="${prefix}:T">a</${prefix}:Name></${prefix}:CIM_Processor>`);
      const value = instanceOf(readWsman(xml));
      expect(value.item.className).toBe("CIM_Processor");
      expect(value.item.properties["Name"]).toBe("a");
    }
  });

  it("resolves a QName whose prefix is unbound, or named like an Object member, to no namespace", () => {
    const body = `<s:Fault><s:Code><s:Value>constructor:Sender</s:Value><s:Subcode><s:Value>__proto__:X</s:Value></s:Subcode></s:Code><s:Reason><s:Text>r</s:Text></s:Reason></s:Fault>`;
    const result = readWsman(envelope(GET, body));
    expect(result.ok && result.value).toMatchObject({ kind: "fault", code: "Sender", subcode: "X" });
    expect(result.ok && result.value.kind === "fault" ? result.value.subcodeNamespace : "").toBeUndefined();
  });

  it("refuses rebinding the xml and xmlns prefixes", () => {
    expectError(readWsman(instance(`<p:Name xmlns:xml="urn:evil">a</p:Name>`)));
    expectError(readWsman(instance(`<p:Name xmlns:xmlns="urn:evil">a</p:Name>`)));
  });

  it("keeps properties named __proto__ and constructor plain members in CIM-XML", () => {
    const xml = `<INSTANCE CLASSNAME="A"><PROPERTY NAME="__proto__"><VALUE>x</VALUE></PROPERTY><PROPERTY NAME="constructor"><VALUE>y</VALUE></PROPERTY></INSTANCE>`;
    const result = readCimXml(xml);
    const properties = result.ok && result.value.kind === "result" ? result.value.items[0]?.properties : undefined;
    expect(properties !== undefined && Object.getPrototypeOf(properties)).toBe(Object.prototype);
    expect(Object.keys(properties ?? {})).toEqual(["__proto__", "constructor"]);
  });
});

describe("text that looks like markup", () => {
  it("keeps escaped markup and CDATA as the property's text", () => {
    const escaped = "&lt;s:Fault&gt;&lt;s:Reason&gt;boom&lt;/s:Reason&gt;&lt;/s:Fault&gt;";
    const value = instanceOf(readWsman(instance(`<p:Name>${escaped}</p:Name><p:Caption><![CDATA[</p:Caption><p:Evil>1</p:Evil>]]></p:Caption>`)));
    expect(value.item.properties).toEqual({ Name: "<s:Fault><s:Reason>boom</s:Reason></s:Fault>", Caption: "</p:Caption><p:Evil>1</p:Evil>" });
  });

  it("keeps a CIM-XML VALUE that looks like an INSTANCE as text unless the property is an EmbeddedObject", () => {
    const xml = `<INSTANCE CLASSNAME="A"><PROPERTY NAME="P" TYPE="string"><VALUE>&lt;INSTANCE CLASSNAME="B"/&gt;</VALUE></PROPERTY></INSTANCE>`;
    const result = readCimXml(xml);
    expect(result.ok && result.value.kind === "result" ? result.value.items[0]?.properties["P"] : undefined).toBe('<INSTANCE CLASSNAME="B"/>');
  });

  it("does not read a DOCTYPE hidden in an escaped embedded object", () => {
    const hidden = `&lt;!DOCTYPE x [&lt;!ENTITY a "b"&gt;]&gt;&lt;INSTANCE CLASSNAME="B"/&gt;`;
    const xml = `<INSTANCE CLASSNAME="A"><PROPERTY NAME="P" EmbeddedObject="instance"><VALUE>${hidden}</VALUE></PROPERTY></INSTANCE>`;
    const result = readCimXml(xml);
    expect(result.ok && result.value.kind === "result" ? typeof result.value.items[0]?.properties["P"] : undefined).toBe("string");
  });
});

describe("arbitrary input", () => {
  const seed = envelope(GET, `<p:CIM_Processor xmlns:p="${P}"><p:Name xsi:nil="true"/><p:A>1</p:A><p:A>2</p:A><p:R><wsa:ReferenceParameters><wsman:ResourceURI>${P}</wsman:ResourceURI><wsman:SelectorSet><wsman:Selector Name="K">v</wsman:Selector></wsman:SelectorSet></wsa:ReferenceParameters></p:R></p:CIM_Processor>`);

  it("never throws on mutated envelopes and CIM-XML documents", () => {
    const cimXml = `<CIM><MESSAGE><SIMPLERSP><IMETHODRESPONSE NAME="x"><IRETURNVALUE><VALUE.NAMEDINSTANCE><INSTANCENAME CLASSNAME="A"><KEYBINDING NAME="K"><KEYVALUE VALUETYPE="numeric">5</KEYVALUE></KEYBINDING></INSTANCENAME><INSTANCE CLASSNAME="A"><PROPERTY.ARRAY NAME="P"><VALUE.ARRAY><VALUE>1</VALUE><VALUE.NULL/></VALUE.ARRAY></PROPERTY.ARRAY></INSTANCE></VALUE.NAMEDINSTANCE></IRETURNVALUE></IMETHODRESPONSE></SIMPLERSP></MESSAGE></CIM>`;
    const mutation = fc.record({ at: fc.nat(), cut: fc.nat({ max: 40 }), insert: fc.string({ maxLength: 20 }) });
    fc.assert(
      fc.property(mutation, mutation, ({ at, cut, insert }, second) => {
        for (const source of [seed, cimXml]) {
          const position = at % (source.length + 1);
          let text = source.slice(0, position) + insert + source.slice(position + cut);
          const again = second.at % (text.length + 1);
          text = text.slice(0, again) + second.insert + text.slice(again + second.cut);
          for (const result of [readWsman(text), readCimXml(text)]) {
            expect(typeof result.ok).toBe("boolean");
            if (!result.ok) expect(typeof result.error).toBe("string");
          }
        }
      }),
      { numRuns: 300, seed: 15 },
    );
  });

  it("returns an error for values that are not text", () => {
    for (const value of [undefined, null, 42, {}, ["<a/>"]]) {
      expectError(readWsman(value as unknown as string));
      expectError(readCimXml(value as unknown as string));
    }
  });
});
