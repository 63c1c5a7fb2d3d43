/**
 * The readers are runtime modules like the others: listed in src/emit/runtime-files.ts with the
 * symbols generated code may name, and copied together with the modules they import.
 */
import { describe, expect, it } from "vitest";
import { loadRuntimeSources, runtimeClosure, runtimeModuleOf } from "../../src/emit/runtime-files.js";

describe("reader modules in runtime-files.ts", () => {
  it("names the module of each reader symbol", () => {
    expect(runtimeModuleOf("readWsman")).toBe("wsman-response");
    expect(runtimeModuleOf("WsmanResponse")).toBe("wsman-response");
    expect(runtimeModuleOf("WsmanItem")).toBe("wsman-response");
    expect(runtimeModuleOf("readCimXml")).toBe("cim-xml");
    expect(runtimeModuleOf("CimXmlResponse")).toBe("cim-xml");
    expect(runtimeModuleOf("ReadXmlOptions")).toBe("xml-tree");
  });

  it("copies a reader with the modules it imports, dependencies first", async () => {
    const sources = await loadRuntimeSources();
    expect(sources.get("wsman-response")?.imports).toEqual(["reference", "wsman-namespaces", "xml-tree"]);
    expect(sources.get("cim-xml")?.imports).toEqual(["reference", "xml-tree"]);
    expect(runtimeClosure(["wsman-response"], sources)).toEqual(["reference", "wsman-namespaces", "xml-tree", "wsman-response"]);
    expect(runtimeClosure(["cim-xml"], sources)).toEqual(["reference", "xml-tree", "cim-xml"]);
    expect(sources.get("wsman-response")?.exports).toEqual(expect.arrayContaining(["readWsman", "WsmanItem", "WsmanResponse", "WsmanReadResult"]));
    expect(sources.get("xml-tree")?.exports).toEqual(expect.arrayContaining(["readXmlTree", "ReadXmlOptions", "XmlElement"]));
  });
});
