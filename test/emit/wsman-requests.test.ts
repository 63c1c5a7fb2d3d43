/**
 * `--binding wsman` at run time: the wsman fixture is generated into test/emit/__output__/ (git-ignored),
 * imported, and its request builders write envelopes that are PARSED with saxes and checked element by
 * element (namespace URIs, attributes, values), following DSP0226 (headers, WS-Transfer, WS-Enumeration,
 * method invocation) and DSP0230 (values, references as endpoint references, datetimes, embedded
 * instances). The method-output decoders are checked on property bags shaped as the contract says.
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, test } from "vitest";
import { resourceUriOf } from "../../src/emit/wsman-uris.js";
import { WSA_ANONYMOUS, WSMAN_NAMESPACES as NS } from "../../templates/runtime/wsman-namespaces.js";
import { wsmanResourceUri } from "../../templates/runtime/wsman-request.js";
import { at, child, children, parseXml, type XmlElement } from "../helpers/xml-tree.js";
import { emitCases, generateCase, repoRoot, WSMAN_OPTIONS, writeFiles } from "./helpers/fixtures.js";

type Builder = (...args: unknown[]) => string;
interface Requests {
  readonly resourceUri: string;
  readonly get: Builder;
  readonly enumerate: Builder;
  readonly pull: Builder;
  readonly put: Builder;
  readonly create: Builder;
  readonly delete: Builder;
  readonly invoke: Readonly<Record<string, Builder>>;
}
type DecodeResult = { readonly ok: true; readonly value: Record<string, unknown> } | { readonly ok: false; readonly errors: readonly { readonly path: string; readonly expected: string }[] };

const modules: Record<string, Record<string, unknown>> = {};
const requests = (name: string): Requests => modules[name]?.[`${name}Wsman`] as Requests;
const exported = <T>(module: string, name: string): T => modules[module]?.[name] as T;

beforeAll(async () => {
  const emitCase = emitCases().find((c) => c.name === "wsman");
  if (emitCase === undefined) throw new Error("fixtures/emit/wsman is missing");
  const folder = join(repoRoot, "test/emit/__output__", "wsman");
  writeFiles(folder, await generateCase(emitCase, WSMAN_OPTIONS));
  for (const name of ["CIM_ComputerSystem", "CIM_PowerManagementService", "CIM_SubPowerService", "AMT_GeneralSettings"]) {
    modules[name] = (await import(pathToFileURL(join(folder, `${name}.ts`)).href)) as Record<string, unknown>;
  }
}, 120_000);

const DMTF = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/";
const TRANSFER = "http://schemas.xmlsoap.org/ws/2004/09/transfer/";
const ENUMERATION = "http://schemas.xmlsoap.org/ws/2004/09/enumeration/";
const XML_NS = "http://www.w3.org/XML/1998/namespace";
const mustUnderstand = `{${NS.s}}mustUnderstand`;

function header(envelope: XmlElement): XmlElement {
  return child(envelope, NS.s, "Header");
}
function body(envelope: XmlElement): XmlElement {
  return child(envelope, NS.s, "Body");
}
/** Selector name → text (or the element, for an endpoint reference). */
function selectors(set: XmlElement): Record<string, string | XmlElement> {
  const out: Record<string, string | XmlElement> = {};
  for (const selector of children(set, NS.wsman, "Selector")) {
    const epr = children(selector, NS.wsa, "EndpointReference")[0];
    out[selector.attributes["Name"] ?? ""] = epr ?? selector.text;
  }
  return out;
}
/** An endpoint reference's address, resource URI and selectors. */
function endpoint(element: XmlElement): { address: string; resourceUri: string; selectors: Record<string, string | XmlElement> } {
  const parameters = child(element, NS.wsa, "ReferenceParameters");
  const set = children(parameters, NS.wsman, "SelectorSet")[0];
  return {
    address: child(element, NS.wsa, "Address").text,
    resourceUri: child(parameters, NS.wsman, "ResourceURI").text,
    selectors: set === undefined ? {} : selectors(set),
  };
}

describe("DSP0226 headers", () => {
  test("Get with selectors: every header, in the SOAP 1.2 / WS-Addressing 2004/08 namespaces", () => {
    const xml = requests("CIM_ComputerSystem").get(
      { CreationClassName: "CIM_ComputerSystem", Name: "host-1" },
      { to: "https://host-1:5986/wsman", operationTimeout: 60, locale: "en-US", maxEnvelopeSize: 51200 },
    );
    const envelope = parseXml(xml);
    expect([envelope.uri, envelope.local]).toEqual([NS.s, "Envelope"]);
    const h = header(envelope);
    expect(h.children.map((c) => `${c.uri === NS.wsa ? "wsa" : "wsman"}:${c.local}`)).toEqual([
      "wsa:To",
      "wsman:ResourceURI",
      "wsa:ReplyTo",
      "wsa:Action",
      "wsa:MessageID",
      "wsman:SelectorSet",
      "wsman:OperationTimeout",
      "wsman:MaxEnvelopeSize",
      "wsman:Locale",
    ]);
    expect(child(h, NS.wsa, "To").text).toBe("https://host-1:5986/wsman");
    const resourceUri = child(h, NS.wsman, "ResourceURI");
    expect(resourceUri.text).toBe(`${DMTF}CIM_ComputerSystem`);
    expect(resourceUri.attributes[mustUnderstand]).toBe("true");
    expect(at(h, [NS.wsa, "ReplyTo"], [NS.wsa, "Address"]).text).toBe(WSA_ANONYMOUS);
    expect(child(h, NS.wsa, "Action").text).toBe(`${TRANSFER}Get`);
    expect(child(h, NS.wsa, "MessageID").text).toMatch(/^uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(selectors(child(h, NS.wsman, "SelectorSet"))).toEqual({ CreationClassName: "CIM_ComputerSystem", Name: "host-1" });
    expect(child(h, NS.wsman, "OperationTimeout").text).toBe("PT60S");
    const size = child(h, NS.wsman, "MaxEnvelopeSize");
    expect([size.text, size.attributes[mustUnderstand]]).toEqual(["51200", "true"]);
    const locale = child(h, NS.wsman, "Locale");
    expect(locale.attributes[`{${XML_NS}}lang`]).toBe("en-US");
    expect(locale.attributes[mustUnderstand]).toBe("false");
    expect(body(envelope).children).toEqual([]);
  });

  test("defaults: anonymous To, MaxEnvelopeSize 153600, no timeout, locale or selectors", () => {
    const h = header(parseXml(requests("AMT_GeneralSettings").get()));
    expect(child(h, NS.wsa, "To").text).toBe(WSA_ANONYMOUS);
    expect(child(h, NS.wsman, "MaxEnvelopeSize").text).toBe("153600");
    for (const absent of ["OperationTimeout", "Locale", "SelectorSet"]) expect(children(h, NS.wsman, absent)).toEqual([]);
    expect(child(h, NS.wsman, "ResourceURI").text).toBe("http://intel.com/wbem/wscim/1/amt-schema/1/AMT_GeneralSettings");
  });

  test("message ids: derived and stable by default, as given, or random on request", () => {
    const system = requests("CIM_ComputerSystem");
    const id = (xml: string) => child(header(parseXml(xml)), NS.wsa, "MessageID").text;
    const keys = { CreationClassName: "CIM_ComputerSystem", Name: "a" };
    expect(system.get(keys)).toBe(system.get(keys));
    expect(id(system.get(keys))).not.toBe(id(system.get({ ...keys, Name: "b" })));
    expect(id(system.get(keys, { messageId: "uuid:my-id" }))).toBe("uuid:my-id");
    const random = id(system.get(keys, { messageId: "random" }));
    expect(random).toMatch(/^uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(random).not.toBe(id(system.get(keys, { messageId: "random" })));
  });

  test("extra selectors follow the keys; a selector given twice is refused", () => {
    const xml = requests("CIM_ComputerSystem").get({ Name: "a" }, { selectors: { __cimnamespace: "root/cimv2" } });
    expect(selectors(child(header(parseXml(xml)), NS.wsman, "SelectorSet"))).toEqual({ Name: "a", __cimnamespace: "root/cimv2" });
    expect(() => requests("CIM_ComputerSystem").get({ Name: "a" }, { selectors: { name: "b" } })).toThrow(/Selector 'name' is given twice/);
    expect(() => requests("CIM_ComputerSystem").get({ Nmae: "a" })).toThrow(/'Nmae' is not a key property of CIM_ComputerSystem/);
  });
});

describe("WS-Enumeration", () => {
  test("Enumerate: optimized, MaxElements and EnumerationMode in the wsman namespace", () => {
    const envelope = parseXml(requests("CIM_ComputerSystem").enumerate({ maxElements: 50, mode: "both" }));
    expect(child(header(envelope), NS.wsa, "Action").text).toBe(`${ENUMERATION}Enumerate`);
    const enumerate = child(body(envelope), NS.wsen, "Enumerate");
    expect(enumerate.children.map((c) => [c.uri, c.local, c.text])).toEqual([
      [NS.wsman, "EnumerationMode", "EnumerateObjectAndEPR"],
      [NS.wsman, "OptimizeEnumeration", ""],
      [NS.wsman, "MaxElements", "50"],
    ]);
    const plain = child(body(parseXml(requests("CIM_ComputerSystem").enumerate())), NS.wsen, "Enumerate");
    expect(plain.children).toEqual([]);
    const eprs = child(body(parseXml(requests("CIM_ComputerSystem").enumerate({ mode: "EPRs" }))), NS.wsen, "Enumerate");
    expect(child(eprs, NS.wsman, "EnumerationMode").text).toBe("EnumerateEPR");
  });

  test("Pull: the context (escaped), MaxElements and MaxCharacters", () => {
    const context = "uuid:ctx-1<&>";
    const envelope = parseXml(requests("CIM_ComputerSystem").pull(context, { maxElements: 10, maxCharacters: 65536, maxTime: "PT30S" }));
    expect(child(header(envelope), NS.wsa, "Action").text).toBe(`${ENUMERATION}Pull`);
    const pull = child(body(envelope), NS.wsen, "Pull");
    expect(pull.children.map((c) => [c.local, c.text])).toEqual([
      ["EnumerationContext", context],
      ["MaxTime", "PT30S"],
      ["MaxElements", "10"],
      ["MaxCharacters", "65536"],
    ]);
    expect(() => requests("CIM_ComputerSystem").pull("")).toThrow(/pull needs the enumeration context/);
    expect(() => requests("CIM_ComputerSystem").pull("c", { maxElements: 0 })).toThrow(/maxElements/);
  });
});

describe("WS-Transfer", () => {
  const service = {
    SystemCreationClassName: "CIM_ComputerSystem",
    SystemName: "host-1",
    CreationClassName: "CIM_PowerManagementService",
    Name: "pm",
    InstanceID: "not writable",
    ElementName: null,
    AutoStart: true,
  };

  test("Put: selectors from the keys; the body holds keys and Write properties only, null as xsi:nil", () => {
    const envelope = parseXml(requests("CIM_PowerManagementService").put(service));
    expect(child(header(envelope), NS.wsa, "Action").text).toBe(`${TRANSFER}Put`);
    expect(selectors(child(header(envelope), NS.wsman, "SelectorSet"))).toEqual({
      SystemCreationClassName: "CIM_ComputerSystem",
      SystemName: "host-1",
      CreationClassName: "CIM_PowerManagementService",
      Name: "pm",
    });
    const instance = child(body(envelope), `${DMTF}CIM_PowerManagementService`, "CIM_PowerManagementService");
    expect(instance.children.map((c) => [c.uri, c.local, c.text])).toEqual([
      [`${DMTF}CIM_PowerManagementService`, "SystemCreationClassName", "CIM_ComputerSystem"],
      [`${DMTF}CIM_PowerManagementService`, "SystemName", "host-1"],
      [`${DMTF}CIM_PowerManagementService`, "CreationClassName", "CIM_PowerManagementService"],
      [`${DMTF}CIM_PowerManagementService`, "Name", "pm"],
      [`${DMTF}CIM_PowerManagementService`, "ElementName", ""],
      [`${DMTF}CIM_PowerManagementService`, "AutoStart", "true"],
    ]);
    expect(child(instance, `${DMTF}CIM_PowerManagementService`, "ElementName").attributes[`{${NS.xsi}}nil`]).toBe("true");
  });

  test("a subclass writes its inherited and own Write properties under its own resource URI", () => {
    const envelope = parseXml(requests("CIM_SubPowerService").put({ ...service, Mode: "eco" }));
    const uri = `${DMTF}CIM_SubPowerService`;
    expect(child(header(envelope), NS.wsman, "ResourceURI").text).toBe(uri);
    expect(child(body(envelope), uri, "CIM_SubPowerService").children.map((c) => c.local)).toEqual([
      "SystemCreationClassName",
      "SystemName",
      "CreationClassName",
      "Name",
      "ElementName",
      "AutoStart",
      "Mode",
    ]);
  });

  test("Create: no selectors; the vendor class's body in its mapped namespace", () => {
    const envelope = parseXml(requests("AMT_GeneralSettings").create({ InstanceID: "Intel(r) AMT: General Settings", HostName: "amt-1", PingResponseEnabled: false }));
    expect(child(header(envelope), NS.wsa, "Action").text).toBe(`${TRANSFER}Create`);
    expect(children(header(envelope), NS.wsman, "SelectorSet")).toEqual([]);
    const uri = "http://intel.com/wbem/wscim/1/amt-schema/1/AMT_GeneralSettings";
    const instance = child(body(envelope), uri, "AMT_GeneralSettings");
    expect(instance.children.map((c) => [c.local, c.text])).toEqual([
      ["InstanceID", "Intel(r) AMT: General Settings"],
      ["HostName", "amt-1"],
      ["PingResponseEnabled", "false"],
    ]);
  });

  test("Delete: selectors, empty body", () => {
    const envelope = parseXml(requests("CIM_ComputerSystem").delete({ CreationClassName: "CIM_ComputerSystem", Name: "old" }));
    expect(child(header(envelope), NS.wsa, "Action").text).toBe(`${TRANSFER}Delete`);
    expect(selectors(child(header(envelope), NS.wsman, "SelectorSet"))).toEqual({ CreationClassName: "CIM_ComputerSystem", Name: "old" });
    expect(body(envelope).children).toEqual([]);
  });
});

describe("extrinsic methods (DSP0226 §9, DSP0230 values)", () => {
  const uri = `${DMTF}CIM_PowerManagementService`;
  const keys = { SystemCreationClassName: "CIM_ComputerSystem", SystemName: "host-1", CreationClassName: "CIM_PowerManagementService", Name: "pm" };
  const system = { className: "CIM_ComputerSystem", namespace: "root/cimv2", keys: { CreationClassName: "CIM_ComputerSystem", Name: "host-1" } };

  test("RequestPowerStateChange: action, INPUT body, a reference as an endpoint reference, datetimes", () => {
    const xml = requests("CIM_PowerManagementService").invoke["RequestPowerStateChange"]?.(
      { PowerState: 8, ManagedElement: system, Time: "20250102030405.000000+060", TimeoutPeriod: "00000000000500.000000:000", Job: null },
      keys,
    );
    const envelope = parseXml(xml ?? "");
    expect(child(header(envelope), NS.wsa, "Action").text).toBe(`${uri}/RequestPowerStateChange`);
    expect(Object.keys(selectors(child(header(envelope), NS.wsman, "SelectorSet")))).toEqual(Object.keys(keys));
    const input = child(body(envelope), uri, "RequestPowerStateChange_INPUT");
    expect(input.children.map((c) => c.local)).toEqual(["PowerState", "ManagedElement", "Time", "Job", "TimeoutPeriod"]);
    expect(child(input, uri, "PowerState").text).toBe("8");
    expect(endpoint(child(input, uri, "ManagedElement"))).toEqual({
      address: WSA_ANONYMOUS,
      resourceUri: `${DMTF}CIM_ComputerSystem`,
      selectors: { CreationClassName: "CIM_ComputerSystem", Name: "host-1", __cimnamespace: "root/cimv2" },
    });
    expect(at(input, [uri, "Time"], [NS.cim, "Datetime"]).text).toBe("2025-01-02T03:04:05+01:00");
    expect(at(input, [uri, "TimeoutPeriod"], [NS.cim, "Interval"]).text).toBe("P0DT0H5M0S");
    expect(child(input, uri, "Job").attributes[`{${NS.xsi}}nil`]).toBe("true");
  });

  test("a datetime with wildcards is written as cim:CIM_DateTime; a Date as cim:Datetime in UTC", () => {
    const invoke = requests("CIM_PowerManagementService").invoke["RequestPowerStateChange"];
    const wild = parseXml(invoke?.({ ManagedElement: system, Time: "20250102******.******+000" }) ?? "");
    expect(at(body(wild), [uri, "RequestPowerStateChange_INPUT"], [uri, "Time"], [NS.cim, "CIM_DateTime"]).text).toBe("20250102******.******+000");
    const date = parseXml(invoke?.({ ManagedElement: system, Time: new Date(Date.UTC(2024, 1, 29, 23, 59, 58, 250)) }) ?? "");
    expect(at(body(date), [uri, "RequestPowerStateChange_INPUT"], [uri, "Time"], [NS.cim, "Datetime"]).text).toBe("2024-02-29T23:59:58.25Z");
  });

  test("ApplyToElements: an array of references, an embedded instance, an array of numbers", () => {
    const xml = requests("CIM_PowerManagementService").invoke["ApplyToElements"]?.(
      {
        Elements: [system, { className: "CIM_PowerManagementService", keys, resourceUri: "http://example.com/custom/Service", address: "https://host-1/wsman" }],
        Settings: { InstanceID: "s1", Delay: 5, Reasons: ["maintenance", "a < b"] },
        Priorities: [1, 2, 3],
      },
      keys,
    );
    const input = child(body(parseXml(xml ?? "")), uri, "ApplyToElements_INPUT");
    const elements = children(input, uri, "Elements").map(endpoint);
    expect(elements.map((e) => [e.address, e.resourceUri])).toEqual([
      [WSA_ANONYMOUS, `${DMTF}CIM_ComputerSystem`],
      ["https://host-1/wsman", "http://example.com/custom/Service"],
    ]);
    expect(elements[1]?.selectors).toEqual(keys);
    const settingsUri = `${DMTF}CIM_PowerSettingData`;
    const settings = at(input, [uri, "Settings"], [settingsUri, "CIM_PowerSettingData"]);
    expect(settings.children.map((c) => [c.uri, c.local, c.text])).toEqual([
      [settingsUri, "InstanceID", "s1"],
      [settingsUri, "Delay", "5"],
      [settingsUri, "Reasons", "maintenance"],
      [settingsUri, "Reasons", "a < b"],
    ]);
    expect(children(input, uri, "Priorities").map((p) => p.text)).toEqual(["1", "2", "3"]);
  });

  test("a reference key nests an endpoint reference in a selector; object paths are accepted", () => {
    const xml = requests("CIM_PowerManagementService").invoke["RequestPowerStateChange"]?.({ ManagedElement: 'root/cimv2:CIM_ComputerSystem.CreationClassName="CIM_ComputerSystem",Name="h"' });
    const input = child(body(parseXml(xml ?? "")), uri, "RequestPowerStateChange_INPUT");
    expect(endpoint(child(input, uri, "ManagedElement")).selectors).toEqual({ CreationClassName: "CIM_ComputerSystem", Name: "h", __cimnamespace: "root/cimv2" });
    const nested = { className: "CIM_X", keys: { Owner: system } };
    const inner = endpoint(child(child(body(parseXml(requests("CIM_PowerManagementService").invoke["RequestPowerStateChange"]?.({ ManagedElement: nested }) ?? "")), uri, "RequestPowerStateChange_INPUT"), uri, "ManagedElement"));
    const owner = inner.selectors["Owner"];
    expect(typeof owner).toBe("object");
    expect(endpoint(owner as XmlElement).resourceUri).toBe(`${DMTF}CIM_ComputerSystem`);
  });

  test("a static method without parameters: empty INPUT, no selectors", () => {
    const envelope = parseXml(requests("AMT_GeneralSettings").invoke["Refresh"]?.({}) ?? "");
    const amt = "http://intel.com/wbem/wscim/1/amt-schema/1/AMT_GeneralSettings";
    expect(child(header(envelope), NS.wsa, "Action").text).toBe(`${amt}/Refresh`);
    expect(children(header(envelope), NS.wsman, "SelectorSet")).toEqual([]);
    expect(child(body(envelope), amt, "Refresh_INPUT").children).toEqual([]);
  });

  test("an inherited method is invoked under the subclass's resource URI", () => {
    const xml = requests("CIM_SubPowerService").invoke["RequestPowerStateChange"]?.({ ManagedElement: system }, keys);
    const envelope = parseXml(xml ?? "");
    expect(child(header(envelope), NS.wsa, "Action").text).toBe(`${DMTF}CIM_SubPowerService/RequestPowerStateChange`);
    expect(child(body(envelope), `${DMTF}CIM_SubPowerService`, "RequestPowerStateChange_INPUT").children.length).toBe(1);
  });

  test("values the schema does not allow are refused with the parameter named", () => {
    const invoke = requests("CIM_PowerManagementService").invoke;
    expect(() => invoke["RequestPowerStateChange"]?.({ ManagedElement: system, PowerState: 70000 })).toThrow(/RequestPowerStateChange\.PowerState: expected uint16/);
    expect(() => invoke["RequestPowerStateChange"]?.({ ManagedElement: system, Powerstate: 8 })).toThrow(/'Powerstate' is not an input parameter/);
    expect(() => invoke["RequestPowerStateChange"]?.({ ManagedElement: 42 })).toThrow(/expected a reference/);
    expect(() => invoke["ApplyToElements"]?.({ Elements: system })).toThrow(/expected an array/);
    expect(() => invoke["RequestPowerStateChange"]?.({ ManagedElement: { className: "ACME_Thing", keys: {} } })).toThrow(/no resource URI is known for class ACME_Thing/);
  });
});

describe("method-output decoders", () => {
  const decode = (name: string) => exported<(properties: unknown) => DecodeResult>("CIM_PowerManagementService", name);

  test("ReturnValue typed from the return ValueMap, out references and arrays decoded", () => {
    const result = decode("decodeCIM_PowerManagementService_ApplyToElements_Out")({
      ReturnValue: "4096",
      Results: ["0", "2"],
      Jobs: [{ className: "CIM_ConcreteJob", namespace: "root/interop", keys: { InstanceID: "job-1" } }],
    });
    expect(result).toEqual({
      ok: true,
      value: { ReturnValue: 4096, Results: [0, 2], Jobs: [{ className: "CIM_ConcreteJob", namespace: "root/interop", keys: { InstanceID: "job-1" } }] },
    });
  });

  test("a missing ReturnValue or a bad out value is an error naming it", () => {
    const result = decode("decodeCIM_PowerManagementService_RequestPowerStateChange_Out")({ Job: 5 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.path).sort()).toEqual(["Job", "ReturnValue"]);
  });
});

test("the emitter's resource URI rule and the runtime's agree", () => {
  const mappings = { AMT_: "http://intel.com/wbem/wscim/1/amt-schema/1/", AMT_X: "http://example.com/x", Foo_: "wmi", IPS_: "http://intel.com/wbem/wscim/1/ips-schema/1" };
  const cases: [string, string][] = [
    ["CIM_ComputerSystem", "root/cimv2"],
    ["PRS_Activity", "root/cimv2"],
    ["cim_lowercase", "root/cimv2"],
    ["Win32_Service", "root/cimv2"],
    ["MSFT_Disk", "root\\Microsoft\\Windows\\Storage"],
    ["Msvm_ComputerSystem", "root/virtualization/v2"],
    ["AMT_GeneralSettings", "root/interop"],
    ["AMT_XFoo", "root/interop"],
    ["IPS_HostBasedSetupService", "root/interop"],
    ["Foo_Bar", "/root/foo/"],
    ["ACME_Thing", "root/acme"],
  ];
  for (const [name, namespace] of cases) expect(wsmanResourceUri(name, namespace, mappings), name).toBe(resourceUriOf(name, namespace, mappings));
  expect(resourceUriOf("MSFT_Disk", "root\\Microsoft\\Windows\\Storage", {})).toBe("http://schemas.microsoft.com/wbem/wsman/1/wmi/root/Microsoft/Windows/Storage/MSFT_Disk");
  expect(resourceUriOf("AMT_XFoo", "root/interop", mappings)).toBe("http://example.com/x/AMT_XFoo");
  expect(resourceUriOf("ACME_Thing", "root/acme", mappings)).toBeUndefined();
});
