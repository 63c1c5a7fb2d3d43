/**
 * readWsman on envelopes written by us from the DSP0226 / DSP0230 examples and our reading of them,
 * each decoded through the generated decoder of a fixture class and checked field by field.
 */
import { describe, expect, it } from "vitest";
import { decodeInstance, type CimClassMeta } from "../../templates/runtime/decode.js";
import type { CimReference } from "../../templates/runtime/reference.js";
import { readWsman, type WsmanItem, type WsmanResponse } from "../../templates/runtime/wsman-response.js";
import { CIM_URI, decoded, envelope, eprChildren, ofKind, unwrap, useReadersFixture } from "./helpers.js";

const fixture = useReadersFixture("wsman");

function read(xml: string): WsmanResponse {
  return unwrap(readWsman(xml));
}

function only<K extends WsmanResponse["kind"]>(response: WsmanResponse, kind: K): Extract<WsmanResponse, { kind: K }> {
  return ofKind(response, kind);
}

const TRANSFER = "http://schemas.xmlsoap.org/ws/2004/09/transfer/";
const ENUMERATION = "http://schemas.xmlsoap.org/ws/2004/09/enumeration/";

/** A CIM_Processor instance element as DSP0230 maps it; `prefix` shows that prefixes do not matter. */
function processor(deviceId: string, prefix = "p", extra = ""): string {
  return `<${prefix}:CIM_Processor xmlns:${prefix}="${CIM_URI}CIM_Processor">
    <${prefix}:CPUStatus>1</${prefix}:CPUStatus>
    <${prefix}:Caption xsi:nil="true"/>
    <${prefix}:CreationClassName>CIM_Processor</${prefix}:CreationClassName>
    <${prefix}:CurrentClockSpeed>2400</${prefix}:CurrentClockSpeed>
    <${prefix}:DeviceID>${deviceId}</${prefix}:DeviceID>
    <${prefix}:ElementName>Managed System Processor &amp; Cache</${prefix}:ElementName>
    <${prefix}:Family>198</${prefix}:Family>
    <${prefix}:InstallDate><cim:Datetime>2024-03-01T08:30:00Z</cim:Datetime></${prefix}:InstallDate>
    <${prefix}:MaxClockSpeed>4800</${prefix}:MaxClockSpeed>
    <${prefix}:OperationalStatus>2</${prefix}:OperationalStatus>
    <${prefix}:OperationalStatus>32768</${prefix}:OperationalStatus>
    <${prefix}:Stepping>  7  </${prefix}:Stepping>
    <${prefix}:SystemCreationClassName>CIM_ComputerSystem</${prefix}:SystemCreationClassName>
    <${prefix}:SystemName>ManagedSystem</${prefix}:SystemName>
    <${prefix}:TotalPowerOnHours><cim:Interval>P12DT3H4M5.5S</cim:Interval></${prefix}:TotalPowerOnHours>
    ${extra}
  </${prefix}:CIM_Processor>`;
}

describe("readWsman: WS-Transfer", () => {
  it("reads a Get response into a property bag that decodeCIM_Processor decodes field by field", () => {
    const response = only(read(envelope(TRANSFER + "GetResponse", processor("CPU 0"))), "instance");
    expect(response.action).toBe(TRANSFER + "GetResponse");
    expect(response.item.className).toBe("CIM_Processor");
    expect(response.item.resourceUri).toBe(CIM_URI + "CIM_Processor");
    expect(response.item.properties["Caption"]).toBeNull();
    expect(response.item.properties["OperationalStatus"]).toEqual(["2", "32768"]);
    expect(response.item.properties["InstallDate"]).toBe("2024-03-01T08:30:00Z");
    const cpu = decoded(fixture().decoder("CIM_Processor")(response.item.properties));
    expect(cpu["DeviceID"]).toBe("CPU 0");
    expect(cpu["CPUStatus"]).toBe(1);
    expect(cpu["Caption"]).toBeNull();
    expect(cpu["CreationClassName"]).toBe("CIM_Processor");
    expect(cpu["CurrentClockSpeed"]).toBe(2400);
    expect(cpu["MaxClockSpeed"]).toBe(4800);
    expect(cpu["ElementName"]).toBe("Managed System Processor & Cache");
    expect(cpu["Family"]).toBe(198);
    expect(cpu["OperationalStatus"]).toEqual([2, 32768]);
    expect(cpu["Stepping"]).toBe("  7  ");
    expect(cpu["SystemCreationClassName"]).toBe("CIM_ComputerSystem");
    expect(cpu["SystemName"]).toBe("ManagedSystem");
    expect(cpu["InstallDate"]).toEqual({ kind: "timestamp", year: 2024, month: 3, day: 1, hour: 8, minute: 30, second: 0, microsecond: 0, utcOffsetMinutes: 0 });
    expect(cpu["TotalPowerOnHours"]).toMatchObject({ kind: "interval", days: 12, hours: 3, minutes: 4, seconds: 5, microseconds: 500000 });
    expect(cpu).not.toHaveProperty("LoadPercentage");
  });

  it("compares namespace URIs, not prefixes: any prefix, a default namespace, a redeclared prefix", () => {
    const defaultNamespace = processor("CPU 1").replace(/<(\/?)p:/g, "<$1").replace('xmlns:p="', 'xmlns="');
    const renamed = envelope(TRANSFER + "GetResponse", processor("CPU 2", "x"))
      .replace(/(<\/?)s:/g, "$1soap:")
      .replace('xmlns:s="', 'xmlns:soap="')
      .replace(" s:mustUnderstand", " soap:mustUnderstand");
    for (const [xml, id] of [[envelope(TRANSFER + "GetResponse", defaultNamespace), "CPU 1"], [renamed, "CPU 2"]] as const) {
      const response = only(read(xml), "instance");
      expect(response.item.className).toBe("CIM_Processor");
      expect(decoded(fixture().decoder("CIM_Processor")(response.item.properties))["DeviceID"]).toBe(id);
    }
    // `s` bound to another namespace inside the body is just another element namespace.
    const tricky = envelope(TRANSFER + "GetResponse", processor("CPU 3").replace("<p:CPUStatus>", '<p:CPUStatus xmlns:s="urn:other">'));
    expect(only(read(tricky), "instance").item.properties["CPUStatus"]).toBe("1");
  });

  it("reads Put (instance or empty body), Create (ResourceCreated) and Delete responses", () => {
    expect(only(read(envelope(TRANSFER + "PutResponse", processor("CPU 0"))), "instance").item.properties["DeviceID"]).toBe("CPU 0");
    expect(read(envelope(TRANSFER + "PutResponse", ""))).toEqual({ kind: "empty", action: TRANSFER + "PutResponse" });
    expect(read(envelope(TRANSFER + "DeleteResponse", "\n  "))).toEqual({ kind: "deleted", action: TRANSFER + "DeleteResponse" });
    const created = only(
      read(envelope(TRANSFER + "CreateResponse", `<wxf:ResourceCreated>${eprChildren("CIM_ConcreteJob", { InstanceID: "Job:17", __cimnamespace: "root/cimv2" })}</wxf:ResourceCreated>`)),
      "created",
    );
    expect(created.reference).toEqual({ className: "CIM_ConcreteJob", namespace: "root/cimv2", keys: { InstanceID: "Job:17" } });
    expect(created.resourceUri).toBe(CIM_URI + "CIM_ConcreteJob");
  });
});

describe("readWsman: WS-Enumeration", () => {
  it("reads an Enumerate response's context", () => {
    const body = `<wsen:EnumerateResponse><wsen:EnumerationContext> uuid:8D7C5C2E-0001 </wsen:EnumerationContext></wsen:EnumerateResponse>`;
    expect(read(envelope(ENUMERATION + "EnumerateResponse", body))).toEqual({
      kind: "enumerate",
      action: ENUMERATION + "EnumerateResponse",
      context: "uuid:8D7C5C2E-0001",
      items: [],
      endOfSequence: false,
    });
  });

  it("reads Pull responses: several items, the next context, then the end of the sequence", () => {
    const first = `<wsen:PullResponse><wsen:EnumerationContext>ctx-2</wsen:EnumerationContext>
      <wsen:Items>${processor("CPU 0")}${processor("CPU 1", "q")}${processor("CPU 2")}</wsen:Items></wsen:PullResponse>`;
    const pull = only(read(envelope(ENUMERATION + "PullResponse", first)), "pull");
    expect(pull.context).toBe("ctx-2");
    expect(pull.endOfSequence).toBe(false);
    const decode = fixture().decoder("CIM_Processor");
    expect(pull.items.map((item) => decoded(decode(item.properties))["DeviceID"])).toEqual(["CPU 0", "CPU 1", "CPU 2"]);
    expect(pull.items.map((item) => item.className)).toEqual(["CIM_Processor", "CIM_Processor", "CIM_Processor"]);

    const last = `<wsen:PullResponse><wsen:Items>${processor("CPU 3")}</wsen:Items><wsen:EndOfSequence/></wsen:PullResponse>`;
    const end = only(read(envelope(ENUMERATION + "PullResponse", last)), "pull");
    expect(end.context).toBeUndefined();
    expect(end.endOfSequence).toBe(true);
    expect(decoded(decode(end.items[0]?.properties))["DeviceID"]).toBe("CPU 3");
  });

  it("reads an optimized enumeration: items and EndOfSequence in the Enumerate response", () => {
    const body = `<wsen:EnumerateResponse><wsen:EnumerationContext>ctx-1</wsen:EnumerationContext>
      <wsman:Items>${processor("CPU 0")}${processor("CPU 1")}</wsman:Items><wsman:EndOfSequence/></wsen:EnumerateResponse>`;
    const response = only(read(envelope(ENUMERATION + "EnumerateResponse", body)), "enumerate");
    expect(response.context).toBe("ctx-1");
    expect(response.endOfSequence).toBe(true);
    expect(response.items.map((item) => decoded(fixture().decoder("CIM_Processor")(item.properties))["DeviceID"])).toEqual(["CPU 0", "CPU 1"]);
  });

  it("reads EPR mode (references only) and ObjectAndEPR mode (wsman:Item with both)", () => {
    const keys = { CreationClassName: "CIM_Processor", DeviceID: "CPU 0", SystemCreationClassName: "CIM_ComputerSystem", SystemName: "ManagedSystem" };
    const eprOnly = `<wsen:PullResponse><wsen:Items><wsa:EndpointReference>${eprChildren("CIM_Processor", keys)}</wsa:EndpointReference></wsen:Items><wsen:EndOfSequence/></wsen:PullResponse>`;
    const [reference] = only(read(envelope(ENUMERATION + "PullResponse", eprOnly)), "pull").items;
    expect(reference).toEqual<WsmanItem>({ className: "CIM_Processor", resourceUri: CIM_URI + "CIM_Processor", properties: {}, reference: { className: "CIM_Processor", keys } });

    const both = `<wsen:PullResponse><wsen:Items><wsman:Item>${processor("CPU 0")}<wsa:EndpointReference>${eprChildren("CIM_Processor", keys)}</wsa:EndpointReference></wsman:Item></wsen:Items></wsen:PullResponse>`;
    const [item] = only(read(envelope(ENUMERATION + "PullResponse", both)), "pull").items;
    expect(item?.reference).toEqual({ className: "CIM_Processor", keys });
    expect(decoded(fixture().decoder("CIM_Processor")(item?.properties))["Family"]).toBe(198);
  });

  it("reads WMI instances: class from the element, reference and namespace from WinRM's cim:Location", () => {
    const wmi = "http://schemas.microsoft.com/wbem/wsman/1/wmi/root/cimv2/Win32_Service";
    const instance = `<p:Win32_Service xmlns:p="${wmi}" xsi:type="p:Win32_Service_Type"><p:Name>WinRM</p:Name><p:Started>true</p:Started>
      <cim:Location>${eprChildren("Win32_Service", { Name: "WinRM" }, wmi)}</cim:Location></p:Win32_Service>`;
    const [item] = only(read(envelope(ENUMERATION + "PullResponse", `<wsen:PullResponse><wsen:Items>${instance}</wsen:Items></wsen:PullResponse>`)), "pull").items;
    expect(item).toEqual({
      className: "Win32_Service",
      resourceUri: wmi,
      properties: { Name: "WinRM", Started: "true" },
      reference: { className: "Win32_Service", namespace: "root/cimv2", keys: { Name: "WinRM" } },
    });
  });
});

describe("readWsman: values", () => {
  it("reads embedded instances (xsi:type and wrapped forms), arrays of them, EmbeddedObject and intervals", () => {
    const settingUri = CIM_URI + "Demo_Setting";
    const body = `<p:Demo_ProvisioningService xmlns:p="${CIM_URI}Demo_ProvisioningService" xmlns:q="${settingUri}">
      <p:Name>prov</p:Name>
      <p:Setting xsi:type="q:Demo_Setting_Type"><q:Name>mode</q:Name><q:Value>7</q:Value><q:Tags>a</q:Tags><q:Tags>b</q:Tags></p:Setting>
      <p:History><q:Demo_Setting><q:Name>h1</q:Name><q:Value>1</q:Value></q:Demo_Setting></p:History>
      <p:History xsi:type="q:Demo_Setting_Type"><q:Name>h2</q:Name><q:Value xsi:nil="true"/></p:History>
      <p:Anything><q:Demo_Setting><q:Name>any</q:Name></q:Demo_Setting></p:Anything>
      <p:Uptime><cim:Interval>P1DT2H</cim:Interval></p:Uptime>
      <p:Caption xsi:type="cim:cimString">  typed text  </p:Caption>
    </p:Demo_ProvisioningService>`;
    const response = only(read(envelope(TRANSFER + "GetResponse", body)), "instance");
    expect(response.item.properties["Setting"]).toEqual({ Name: "mode", Value: "7", Tags: ["a", "b"], __CLASS: "Demo_Setting" });
    const service = decoded(fixture().decoder("Demo_ProvisioningService")(response.item.properties));
    expect(service["Name"]).toBe("prov");
    expect(service["Setting"]).toEqual({ Name: "mode", Value: 7, Tags: ["a", "b"] });
    expect(service["History"]).toEqual([{ Name: "h1", Value: 1 }, { Name: "h2", Value: null }]);
    expect(service["Anything"]).toEqual({ className: "Demo_Setting", properties: { Name: "any" } });
    expect(service["Uptime"]).toMatchObject({ kind: "interval", days: 1, hours: 2, minutes: 0, seconds: 0 });
    expect(response.item.properties["Caption"]).toBe("  typed text  ");
  });

  it("reads a typed embedded instance without property elements as an instance, and the decoder names what is missing", () => {
    const body = `<p:Demo_ProvisioningService xmlns:p="${CIM_URI}Demo_ProvisioningService" xmlns:q="${CIM_URI}Demo_Setting">
      <p:Name>prov</p:Name><p:Setting xsi:type="q:Demo_Setting_Type">
      </p:Setting></p:Demo_ProvisioningService>`;
    const properties = only(read(envelope(TRANSFER + "GetResponse", body)), "instance").item.properties;
    expect(properties["Setting"]).toEqual({ __CLASS: "Demo_Setting" });
    const result = fixture().decoder("Demo_ProvisioningService")(properties);
    expect(result.ok ? [] : result.errors).toEqual([{ path: "Setting.Name", expected: "string (key property)", got: "missing" }]);
  });

  it("reads cim:Date and cim:Time; a time without a zone stays a time of day, not a duration", () => {
    const body = (inner: string): string => envelope(TRANSFER + "GetResponse", `<p:CIM_ConcreteJob xmlns:p="${CIM_URI}CIM_ConcreteJob"><p:InstanceID>j</p:InstanceID>${inner}</p:CIM_ConcreteJob>`);
    const decode = fixture().decoder("CIM_ConcreteJob");
    const at = (inner: string): unknown => decoded(decode(only(read(body(inner)), "instance").item.properties))["TimeSubmitted"];
    expect(at("<p:TimeSubmitted><cim:Date>2024-03-01+02:00</cim:Date></p:TimeSubmitted>")).toEqual({ kind: "timestamp", year: 2024, month: 3, day: 1, utcOffsetMinutes: 120 });
    expect(at("<p:TimeSubmitted><cim:Time>10:30:05.25</cim:Time></p:TimeSubmitted>")).toEqual({ kind: "timestamp", hour: 10, minute: 30, second: 5, microsecond: 250000 });
    expect(at("<p:TimeSubmitted><cim:Time>10:30:05-05:30</cim:Time></p:TimeSubmitted>")).toEqual({ kind: "timestamp", hour: 10, minute: 30, second: 5, microsecond: 0, utcOffsetMinutes: -330 });
    expect(only(read(body("<p:TimeSubmitted><cim:Time>noon</cim:Time></p:TimeSubmitted>")), "instance").item.properties["TimeSubmitted"]).toBe("noon");
  });

  it("reads EPR-valued properties of an association as references, nested references included", () => {
    const systemEpr = `<wsa:EndpointReference>${eprChildren("CIM_ComputerSystem", { CreationClassName: "CIM_ComputerSystem", Name: "ManagedSystem" })}</wsa:EndpointReference>`;
    const body = `<p:Demo_ServiceAffectsProcessor xmlns:p="${CIM_URI}Demo_ServiceAffectsProcessor">
      <p:Antecedent>${eprChildren("Demo_ProvisioningService", { Name: "prov", __cimnamespace: "/root/cimv2/" })}</p:Antecedent>
      <p:Dependent>${eprChildren("CIM_Processor", { DeviceID: "CPU 0" }).replace("</wsman:SelectorSet>", `<wsman:Selector Name="System">${systemEpr}</wsman:Selector></wsman:SelectorSet>`)}</p:Dependent>
      <p:Since><cim:CIM_DateTime>20240301083000.000000+060</cim:CIM_DateTime></p:Since>
    </p:Demo_ServiceAffectsProcessor>`;
    const properties = only(read(envelope(TRANSFER + "GetResponse", body)), "instance").item.properties;
    const association = decoded(fixture().decoder("Demo_ServiceAffectsProcessor")(properties));
    expect(association["Antecedent"]).toEqual({ className: "Demo_ProvisioningService", namespace: "root/cimv2", keys: { Name: "prov" } });
    expect(association["Dependent"]).toEqual({
      className: "CIM_Processor",
      keys: { DeviceID: "CPU 0", System: { className: "CIM_ComputerSystem", keys: { CreationClassName: "CIM_ComputerSystem", Name: "ManagedSystem" } } },
    });
    expect(association["Since"]).toMatchObject({ kind: "timestamp", year: 2024, hour: 8, utcOffsetMinutes: 60 });
  });

  it("reads a nil element among repeated ones as a NULL array element, kept in its place", () => {
    const body = processor("CPU 0").replace("<p:OperationalStatus>2</p:OperationalStatus>", '<p:OperationalStatus>2</p:OperationalStatus><p:OperationalStatus xsi:nil="true"/>');
    const properties = only(read(envelope(TRANSFER + "GetResponse", body)), "instance").item.properties;
    expect(properties["OperationalStatus"]).toEqual(["2", null, "32768"]);
    expect(decoded(fixture().decoder("CIM_Processor")(properties))["OperationalStatus"]).toEqual([2, null, 32768]);
  });

  it("keeps an element named __proto__ a plain property", () => {
    const body = `<p:CIM_Processor xmlns:p="${CIM_URI}CIM_Processor"><p:__proto__><p:polluted>1</p:polluted></p:__proto__><p:DeviceID>x</p:DeviceID></p:CIM_Processor>`;
    const properties = only(read(envelope(TRANSFER + "GetResponse", body)), "instance").item.properties;
    expect(Object.getPrototypeOf(properties)).toBe(Object.prototype);
    expect(Object.keys(properties)).toEqual(["__proto__", "DeviceID"]);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });
});

describe("readWsman: methods", () => {
  /** Out parameters + ReturnValue metadata, as the generated per-method decoders carry it. */
  const requestPowerStateChangeOut: CimClassMeta = {
    name: "CIM_PowerManagementService.RequestPowerStateChange",
    namespace: "root/cimv2",
    keys: [],
    properties: { ReturnValue: { type: "uint32", required: true }, Job: { type: "reference", referenceClass: "CIM_ConcreteJob" } },
  };

  it("reads RequestPowerStateChange_OUTPUT with an Out reference and the return code", () => {
    const uri = CIM_URI + "CIM_PowerManagementService";
    const body = `<n1:RequestPowerStateChange_OUTPUT xmlns:n1="${uri}">
      <n1:Job>${eprChildren("CIM_ConcreteJob", { InstanceID: "Intel(r) AMT:Job 1" })}</n1:Job>
      <n1:ReturnValue>4096</n1:ReturnValue></n1:RequestPowerStateChange_OUTPUT>`;
    const output = only(read(envelope(uri + "/RequestPowerStateChangeResponse", body)), "output");
    expect(output.className).toBe("CIM_PowerManagementService");
    expect(output.method).toBe("RequestPowerStateChange");
    expect(output.resourceUri).toBe(uri);
    const out = decoded(decodeInstance<Readonly<Record<string, unknown>>>(output.properties, requestPowerStateChangeOut));
    expect(out["ReturnValue"]).toBe(4096);
    const returnValues = fixture().export("CIM_PowerManagementService_RequestPowerStateChange_Return") as Readonly<Record<string, number>>;
    expect(out["ReturnValue"]).toBe(returnValues["MethodParametersCheckedJobStarted"]);
    expect(out["Job"]).toEqual<CimReference>({ className: "CIM_ConcreteJob", keys: { InstanceID: "Intel(r) AMT:Job 1" } });
  });

  it("reads an output with an array of references, an embedded instance and a string array", () => {
    const createElementsOut = fixture().createElementsOutMeta();
    const uri = CIM_URI + "Demo_ProvisioningService";
    const body = `<p:CreateElements_OUTPUT xmlns:p="${uri}" xmlns:d="${CIM_URI}Demo_Setting">
      <p:Elements>${eprChildren("CIM_Processor", { DeviceID: "CPU 0" })}</p:Elements>
      <p:Elements><wsa:EndpointReference>${eprChildren("CIM_Processor", { DeviceID: "CPU 1" })}</wsa:EndpointReference></p:Elements>
      <p:Job xsi:nil="true"/>
      <p:Applied xsi:type="d:Demo_Setting_Type"><d:Name>applied</d:Name><d:Value>3</d:Value></p:Applied>
      <p:Messages>first</p:Messages><p:Messages></p:Messages>
      <p:ReturnValue>0</p:ReturnValue></p:CreateElements_OUTPUT>`;
    const output = only(read(envelope(uri + "/CreateElementsResponse", body)), "output");
    expect(output.method).toBe("CreateElements");
    const out = decoded(decodeInstance<Readonly<Record<string, unknown>>>(output.properties, createElementsOut));
    expect(out["ReturnValue"]).toBe(0);
    expect(out["Elements"]).toEqual([
      { className: "CIM_Processor", keys: { DeviceID: "CPU 0" } },
      { className: "CIM_Processor", keys: { DeviceID: "CPU 1" } },
    ]);
    expect(out["Job"]).toBeNull();
    expect(out["Applied"]).toEqual({ Name: "applied", Value: 3 });
    expect(out["Messages"]).toEqual(["first", ""]);
  });
});

describe("readWsman: faults", () => {
  it("reads a WS-Management fault: code, subcode, reason, fault detail", () => {
    const body = `<s:Fault><s:Code><s:Value>s:Sender</s:Value><s:Subcode><s:Value>wsman:InvalidSelectors</s:Value></s:Subcode></s:Code>
      <s:Reason><s:Text xml:lang="en-US">The Selectors for the resource were not valid.</s:Text></s:Reason>
      <s:Detail><wsman:FaultDetail>http://schemas.dmtf.org/wbem/wsman/1/wsman/faultDetail/InsufficientSelectors</wsman:FaultDetail></s:Detail></s:Fault>`;
    expect(read(envelope("http://schemas.dmtf.org/wbem/wsman/1/wsman/fault", body))).toEqual({
      kind: "fault",
      action: "http://schemas.dmtf.org/wbem/wsman/1/wsman/fault",
      code: "Sender",
      subcode: "InvalidSelectors",
      subcodeNamespace: "http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd",
      reason: "The Selectors for the resource were not valid.",
      faultDetail: "http://schemas.dmtf.org/wbem/wsman/1/wsman/faultDetail/InsufficientSelectors",
    });
  });

  it("reads a WinRM fault with a WSManFault detail and prefixes of its own", () => {
    const body = `<env:Fault xmlns:env="http://www.w3.org/2003/05/soap-envelope" xmlns:w="http://schemas.xmlsoap.org/ws/2004/09/enumeration">
      <env:Code><env:Value>env:Receiver</env:Value><env:Subcode><env:Value>w:TimedOut</env:Value></env:Subcode></env:Code>
      <env:Reason><env:Text xml:lang="">The operation timed out.</env:Text></env:Reason>
      <env:Detail><f:WSManFault xmlns:f="http://schemas.microsoft.com/wbem/wsman/1/wsmanfault" Code="2150858793" Machine="host">
        <f:Message>The WS-Management service cannot complete the operation within the time specified.</f:Message></f:WSManFault></env:Detail></env:Fault>`;
    const fault = only(read(envelope("http://schemas.xmlsoap.org/ws/2004/08/addressing/fault", body)), "fault");
    expect(fault.code).toBe("Receiver");
    expect(fault.subcode).toBe("TimedOut");
    expect(fault.subcodeNamespace).toBe("http://schemas.xmlsoap.org/ws/2004/09/enumeration");
    expect(fault.reason).toBe("The operation timed out.");
    expect(fault.detail).toBe("The WS-Management service cannot complete the operation within the time specified.");
    expect(fault.faultDetail).toBeUndefined();
  });
});

describe("readWsman: what is not a response", () => {
  it.each([
    ["not XML", "this is not xml"],
    ["a SOAP 1.1 envelope", '<e:Envelope xmlns:e="http://schemas.xmlsoap.org/soap/envelope/"><e:Body/></e:Envelope>'],
    ["an envelope without a body", '<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Header/></s:Envelope>'],
    ["an unbound prefix", '<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body><p:X/></s:Body></s:Envelope>'],
    ["a truncated document", envelope(TRANSFER + "GetResponse", processor("CPU 0")).slice(0, 400)],
  ])("%s is an error result", (_name, xml) => {
    const result = readWsman(xml);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.length).toBeGreaterThan(0);
  });
});
