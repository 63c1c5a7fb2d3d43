/**
 * readCimXml on CIM-XML documents written by us from the DSP0200 / DSP0201 examples and our reading
 * of them, decoded through the generated decoders of the readers fixture and checked field by field.
 */
import { describe, expect, it } from "vitest";
import { readCimXml, type CimXmlResponse } from "../../templates/runtime/cim-xml.js";
import { decodeInstance } from "../../templates/runtime/decode.js";
import { decoded, ofKind, unwrap, useReadersFixture } from "./helpers.js";

const fixture = useReadersFixture("cim-xml");

function read(xml: string): CimXmlResponse {
  return unwrap(readCimXml(xml));
}

function only<K extends CimXmlResponse["kind"]>(response: CimXmlResponse, kind: K): Extract<CimXmlResponse, { kind: K }> {
  return ofKind(response, kind);
}

/** A CIM-XML response message around an IMETHODRESPONSE or METHODRESPONSE. */
function message(response: string): string {
  return `<?xml version="1.0" encoding="utf-8" ?>
<CIM CIMVERSION="2.0" DTDVERSION="2.0">
  <MESSAGE ID="1001" PROTOCOLVERSION="1.0">
    <SIMPLERSP>${response}</SIMPLERSP>
  </MESSAGE>
</CIM>`;
}

const LOCALNAMESPACEPATH = `<LOCALNAMESPACEPATH><NAMESPACE NAME="root"/><NAMESPACE NAME="cimv2"/></LOCALNAMESPACEPATH>`;

function processorName(deviceId: string): string {
  return `<INSTANCENAME CLASSNAME="CIM_Processor">
    <KEYBINDING NAME="CreationClassName"><KEYVALUE VALUETYPE="string">CIM_Processor</KEYVALUE></KEYBINDING>
    <KEYBINDING NAME="DeviceID"><KEYVALUE VALUETYPE="string">${deviceId}</KEYVALUE></KEYBINDING>
    <KEYBINDING NAME="SystemCreationClassName"><KEYVALUE>CIM_ComputerSystem</KEYVALUE></KEYBINDING>
    <KEYBINDING NAME="SystemName"><KEYVALUE VALUETYPE="string">ManagedSystem</KEYVALUE></KEYBINDING>
  </INSTANCENAME>`;
}

function processor(deviceId: string): string {
  return `<INSTANCE CLASSNAME="CIM_Processor">
    <QUALIFIER NAME="Description" TYPE="string"><VALUE>ignored</VALUE></QUALIFIER>
    <PROPERTY NAME="CreationClassName" TYPE="string" PROPAGATED="true"><VALUE>CIM_Processor</VALUE></PROPERTY>
    <PROPERTY NAME="DeviceID" TYPE="string"><VALUE>${deviceId}</VALUE></PROPERTY>
    <PROPERTY NAME="SystemCreationClassName" TYPE="string"><VALUE>CIM_ComputerSystem</VALUE></PROPERTY>
    <PROPERTY NAME="SystemName" TYPE="string"><VALUE>ManagedSystem</VALUE></PROPERTY>
    <PROPERTY NAME="Caption" TYPE="string"></PROPERTY>
    <PROPERTY NAME="Family" TYPE="uint16"><VALUE>179</VALUE></PROPERTY>
    <PROPERTY NAME="CurrentClockSpeed" TYPE="uint32"><VALUE>2400</VALUE></PROPERTY>
    <PROPERTY NAME="Characteristics" TYPE="uint64"><VALUE>18446744073709551615</VALUE></PROPERTY>
    <PROPERTY NAME="InstallDate" TYPE="datetime"><VALUE>20240301083000.000000+000</VALUE></PROPERTY>
    <PROPERTY NAME="TotalPowerOnHours" TYPE="datetime"><VALUE>00000012030405.500000:000</VALUE></PROPERTY>
    <PROPERTY.ARRAY NAME="OperationalStatus" TYPE="uint16"><VALUE.ARRAY><VALUE>2</VALUE><VALUE>3</VALUE></VALUE.ARRAY></PROPERTY.ARRAY>
    <PROPERTY NAME="ElementName" TYPE="string"><VALUE>CPU &lt;${deviceId}&gt; &amp; cache</VALUE></PROPERTY>
  </INSTANCE>`;
}

describe("readCimXml: intrinsic methods", () => {
  it("reads a GetInstance response into a bag that decodeCIM_Processor decodes field by field", () => {
    const response = only(read(message(`<IMETHODRESPONSE NAME="GetInstance"><IRETURNVALUE>${processor("CPU 0")}</IRETURNVALUE></IMETHODRESPONSE>`)), "result");
    expect(response.method).toBe("GetInstance");
    expect(response.items).toHaveLength(1);
    const [item] = response.items;
    expect(item?.className).toBe("CIM_Processor");
    expect(item?.properties["Caption"]).toBeNull();
    const cpu = decoded(fixture().decoder("CIM_Processor")(item?.properties, { int64: "bigint" }));
    expect(cpu["DeviceID"]).toBe("CPU 0");
    expect(cpu["CreationClassName"]).toBe("CIM_Processor");
    expect(cpu["SystemCreationClassName"]).toBe("CIM_ComputerSystem");
    expect(cpu["SystemName"]).toBe("ManagedSystem");
    expect(cpu["Caption"]).toBeNull();
    expect(cpu["Family"]).toBe(179);
    expect(cpu["CurrentClockSpeed"]).toBe(2400);
    expect(cpu["Characteristics"]).toBe(18446744073709551615n);
    expect(cpu["InstallDate"]).toEqual({ kind: "timestamp", year: 2024, month: 3, day: 1, hour: 8, minute: 30, second: 0, microsecond: 0, utcOffsetMinutes: 0 });
    expect(cpu["TotalPowerOnHours"]).toMatchObject({ kind: "interval", days: 12, hours: 3, minutes: 4, seconds: 5, microseconds: 500000 });
    expect(cpu["OperationalStatus"]).toEqual([2, 3]);
    expect(cpu["ElementName"]).toBe("CPU <CPU 0> & cache");
  });

  it("reads EnumerateInstances (VALUE.NAMEDINSTANCE) with each instance's path", () => {
    const named = (id: string): string => `<VALUE.NAMEDINSTANCE>${processorName(id)}${processor(id)}</VALUE.NAMEDINSTANCE>`;
    const response = only(read(message(`<IMETHODRESPONSE NAME="EnumerateInstances"><IRETURNVALUE>${named("CPU 0")}${named("CPU 1")}</IRETURNVALUE></IMETHODRESPONSE>`)), "result");
    expect(response.items.map((item) => decoded(fixture().decoder("CIM_Processor")(item.properties, { int64: "string" }))["DeviceID"])).toEqual(["CPU 0", "CPU 1"]);
    expect(response.items[1]?.reference).toEqual({
      className: "CIM_Processor",
      keys: { CreationClassName: "CIM_Processor", DeviceID: "CPU 1", SystemCreationClassName: "CIM_ComputerSystem", SystemName: "ManagedSystem" },
    });
  });

  it("reads a pulled enumeration (VALUE.INSTANCEWITHPATH, EnumerationContext, EndOfSequence)", () => {
    const withPath = `<VALUE.INSTANCEWITHPATH><INSTANCEPATH><NAMESPACEPATH><HOST>array.example.com</HOST>${LOCALNAMESPACEPATH}</NAMESPACEPATH>${processorName("CPU 7")}</INSTANCEPATH>${processor("CPU 7")}</VALUE.INSTANCEWITHPATH>`;
    const xml = message(`<IMETHODRESPONSE NAME="PullInstancesWithPath"><IRETURNVALUE>${withPath}</IRETURNVALUE>
      <PARAMVALUE NAME="EndOfSequence" PARAMTYPE="boolean"><VALUE>FALSE</VALUE></PARAMVALUE>
      <PARAMVALUE NAME="EnumerationContext" PARAMTYPE="string"><VALUE>ctx-42</VALUE></PARAMVALUE></IMETHODRESPONSE>`);
    const response = only(read(xml), "result");
    expect(response.context).toBe("ctx-42");
    expect(response.endOfSequence).toBe(false);
    expect(response.items[0]?.reference).toMatchObject({ className: "CIM_Processor", namespace: "root/cimv2", host: "array.example.com" });
    expect(decoded(fixture().decoder("CIM_Processor")(response.items[0]?.properties, { int64: "string" }))["Characteristics"]).toBe("18446744073709551615");
  });

  it("reads Associators (VALUE.OBJECTWITHPATH) and EnumerateInstanceNames (INSTANCENAME)", () => {
    const objectWithPath = `<VALUE.OBJECTWITHPATH><INSTANCEPATH><NAMESPACEPATH><HOST>h</HOST>${LOCALNAMESPACEPATH}</NAMESPACEPATH>${processorName("CPU 3")}</INSTANCEPATH>${processor("CPU 3")}</VALUE.OBJECTWITHPATH>`;
    const associators = only(read(message(`<IMETHODRESPONSE NAME="Associators"><IRETURNVALUE>${objectWithPath}</IRETURNVALUE></IMETHODRESPONSE>`)), "result");
    expect(associators.items[0]?.reference?.keys["DeviceID"]).toBe("CPU 3");
    const names = only(read(message(`<IMETHODRESPONSE NAME="EnumerateInstanceNames"><IRETURNVALUE>${processorName("CPU 0")}${processorName("CPU 1")}</IRETURNVALUE></IMETHODRESPONSE>`)), "result");
    expect(names.items).toEqual([]);
    expect(names.names.map((name) => name.keys["DeviceID"])).toEqual(["CPU 0", "CPU 1"]);
  });

  it("reads PROPERTY.REFERENCE (INSTANCEPATH, LOCALINSTANCEPATH, typed KEYVALUEs, nested references)", () => {
    const association = `<INSTANCE CLASSNAME="Demo_ServiceAffectsProcessor">
      <PROPERTY.REFERENCE NAME="Antecedent" REFERENCECLASS="Demo_ProvisioningService"><VALUE.REFERENCE><LOCALINSTANCEPATH>${LOCALNAMESPACEPATH}
        <INSTANCENAME CLASSNAME="Demo_ProvisioningService"><KEYBINDING NAME="Name"><KEYVALUE VALUETYPE="string">prov</KEYVALUE></KEYBINDING></INSTANCENAME>
      </LOCALINSTANCEPATH></VALUE.REFERENCE></PROPERTY.REFERENCE>
      <PROPERTY.REFERENCE NAME="Dependent" REFERENCECLASS="CIM_Processor"><VALUE.REFERENCE><INSTANCENAME CLASSNAME="CIM_Processor">
        <KEYBINDING NAME="DeviceID"><KEYVALUE VALUETYPE="numeric" TYPE="uint32">12</KEYVALUE></KEYBINDING>
        <KEYBINDING NAME="Big"><KEYVALUE VALUETYPE="numeric">18446744073709551615</KEYVALUE></KEYBINDING>
        <KEYBINDING NAME="Enabled"><KEYVALUE VALUETYPE="boolean">TRUE</KEYVALUE></KEYBINDING>
        <KEYBINDING NAME="System"><VALUE.REFERENCE><INSTANCENAME CLASSNAME="CIM_ComputerSystem"><KEYBINDING NAME="Name"><KEYVALUE>cs</KEYVALUE></KEYBINDING></INSTANCENAME></VALUE.REFERENCE></KEYBINDING>
      </INSTANCENAME></VALUE.REFERENCE></PROPERTY.REFERENCE>
      <PROPERTY NAME="Since" TYPE="datetime"><VALUE>20240301083000.000000+060</VALUE></PROPERTY>
    </INSTANCE>`;
    const [item] = only(read(message(`<IMETHODRESPONSE NAME="GetInstance"><IRETURNVALUE>${association}</IRETURNVALUE></IMETHODRESPONSE>`)), "result").items;
    const value = decoded(fixture().decoder("Demo_ServiceAffectsProcessor")(item?.properties));
    expect(value["Antecedent"]).toEqual({ className: "Demo_ProvisioningService", namespace: "root/cimv2", keys: { Name: "prov" } });
    expect(value["Dependent"]).toEqual({
      className: "CIM_Processor",
      keys: { DeviceID: 12, Big: 18446744073709551615n, Enabled: true, System: { className: "CIM_ComputerSystem", keys: { Name: "cs" } } },
    });
    expect(value["Since"]).toMatchObject({ kind: "timestamp", utcOffsetMinutes: 60 });
  });

  it("reads EmbeddedObject properties (escaped INSTANCE text) into nested bags, arrays included", () => {
    const setting = (name: string, value: string): string =>
      `&lt;INSTANCE CLASSNAME="Demo_Setting"&gt;&lt;PROPERTY NAME="Name" TYPE="string"&gt;&lt;VALUE&gt;${name}&lt;/VALUE&gt;&lt;/PROPERTY&gt;&lt;PROPERTY NAME="Value" TYPE="uint32"&gt;&lt;VALUE&gt;${value}&lt;/VALUE&gt;&lt;/PROPERTY&gt;&lt;/INSTANCE&gt;`;
    const instance = `<INSTANCE CLASSNAME="Demo_ProvisioningService">
      <PROPERTY NAME="Name" TYPE="string"><VALUE>prov</VALUE></PROPERTY>
      <PROPERTY NAME="Setting" TYPE="string" EmbeddedObject="instance"><VALUE>${setting("mode", "7")}</VALUE></PROPERTY>
      <PROPERTY.ARRAY NAME="History" TYPE="string"><QUALIFIER NAME="EmbeddedInstance" TYPE="string"><VALUE>Demo_Setting</VALUE></QUALIFIER>
        <VALUE.ARRAY><VALUE>${setting("h1", "1")}</VALUE><VALUE><![CDATA[<INSTANCE CLASSNAME="Demo_Setting"><PROPERTY NAME="Name" TYPE="string"><VALUE>h2</VALUE></PROPERTY></INSTANCE>]]></VALUE></VALUE.ARRAY></PROPERTY.ARRAY>
      <PROPERTY NAME="Anything" TYPE="string" EMBEDDEDOBJECT="object"><VALUE>${setting("any", "9")}</VALUE></PROPERTY>
      <PROPERTY NAME="Uptime" TYPE="datetime"><VALUE>00000001020000.000000:000</VALUE></PROPERTY>
    </INSTANCE>`;
    const [item] = only(read(message(`<IMETHODRESPONSE NAME="GetInstance"><IRETURNVALUE>${instance}</IRETURNVALUE></IMETHODRESPONSE>`)), "result").items;
    expect(item?.properties["Setting"]).toEqual({ Name: "mode", Value: "7", __CLASS: "Demo_Setting" });
    const service = decoded(fixture().decoder("Demo_ProvisioningService")(item?.properties));
    expect(service["Setting"]).toEqual({ Name: "mode", Value: 7 });
    expect(service["History"]).toEqual([{ Name: "h1", Value: 1 }, { Name: "h2" }]);
    expect(service["Anything"]).toEqual({ className: "Demo_Setting", properties: { Name: "any", Value: "9" } });
    expect(service["Uptime"]).toMatchObject({ kind: "interval", days: 1, hours: 2 });
  });

  it("reads VALUE.NULL items of a VALUE.ARRAY and array properties without a value as null", () => {
    const instance = `<INSTANCE CLASSNAME="Demo_Setting"><PROPERTY NAME="Name" TYPE="string"><VALUE>s</VALUE></PROPERTY>
      <PROPERTY.ARRAY NAME="Tags" TYPE="string"><VALUE.ARRAY><VALUE>a</VALUE><VALUE.NULL/><VALUE></VALUE></VALUE.ARRAY></PROPERTY.ARRAY>
      <PROPERTY.ARRAY NAME="Unset" TYPE="string"></PROPERTY.ARRAY><PROPERTY.REFERENCE NAME="NoTarget" REFERENCECLASS="CIM_X"></PROPERTY.REFERENCE></INSTANCE>`;
    const [item] = only(read(instance), "result").items;
    expect(item?.properties).toEqual({ Name: "s", Tags: ["a", null, ""], Unset: null, NoTarget: null });
    // The decoder keeps a VALUE.NULL in its place (DSP0201 arrays may hold NULL elements).
    expect(decoded(fixture().decoder("Demo_Setting")(item?.properties))["Tags"]).toEqual(["a", null, ""]);
  });

  it("reads a bare INSTANCE document as a result without a method", () => {
    const response = only(read(processor("CPU 9")), "result");
    expect(response.method).toBe("");
    expect(decoded(fixture().decoder("CIM_Processor")(response.items[0]?.properties, { int64: "string" }))["DeviceID"]).toBe("CPU 9");
  });
});

describe("readCimXml: extrinsic methods and errors", () => {
  it("reads a METHODRESPONSE: ReturnValue, an Out reference, an array of references, an embedded instance", () => {
    const outMeta = fixture().createElementsOutMeta();
    const reference = (id: string): string =>
      `<VALUE.REFERENCE><INSTANCEPATH><NAMESPACEPATH><HOST>h</HOST>${LOCALNAMESPACEPATH}</NAMESPACEPATH>${processorName(id)}</INSTANCEPATH></VALUE.REFERENCE>`;
    const xml = message(`<METHODRESPONSE NAME="CreateElements">
      <RETURNVALUE PARAMTYPE="uint32"><VALUE>4096</VALUE></RETURNVALUE>
      <PARAMVALUE NAME="Elements" PARAMTYPE="reference"><VALUE.REFARRAY>${reference("CPU 0")}${reference("CPU 1")}</VALUE.REFARRAY></PARAMVALUE>
      <PARAMVALUE NAME="Job" PARAMTYPE="reference"><VALUE.REFERENCE><INSTANCENAME CLASSNAME="CIM_ConcreteJob"><KEYBINDING NAME="InstanceID"><KEYVALUE>job-1</KEYVALUE></KEYBINDING></INSTANCENAME></VALUE.REFERENCE></PARAMVALUE>
      <PARAMVALUE NAME="Applied" PARAMTYPE="string" EmbeddedObject="instance"><VALUE>&lt;INSTANCE CLASSNAME="Demo_Setting"&gt;&lt;PROPERTY NAME="Name" TYPE="string"&gt;&lt;VALUE&gt;a&lt;/VALUE&gt;&lt;/PROPERTY&gt;&lt;/INSTANCE&gt;</VALUE></PARAMVALUE>
      <PARAMVALUE NAME="Messages" PARAMTYPE="string"><VALUE.ARRAY><VALUE>one</VALUE><VALUE>two</VALUE></VALUE.ARRAY></PARAMVALUE>
    </METHODRESPONSE>`);
    const output = only(read(xml), "output");
    expect(output.method).toBe("CreateElements");
    const out = decoded(decodeInstance<Readonly<Record<string, unknown>>>(output.properties, outMeta));
    expect(out["ReturnValue"]).toBe(4096);
    expect(out["Elements"]).toEqual([0, 1].map((n) => ({
      className: "CIM_Processor",
      namespace: "root/cimv2",
      host: "h",
      keys: { CreationClassName: "CIM_Processor", DeviceID: `CPU ${n}`, SystemCreationClassName: "CIM_ComputerSystem", SystemName: "ManagedSystem" },
    })));
    expect(out["Job"]).toEqual({ className: "CIM_ConcreteJob", keys: { InstanceID: "job-1" } });
    expect(out["Applied"]).toEqual({ Name: "a" });
    expect(out["Messages"]).toEqual(["one", "two"]);
  });

  it("reads ERROR with its code, description and CIM_Error instances", () => {
    const xml = message(`<IMETHODRESPONSE NAME="GetInstance"><ERROR CODE="6" DESCRIPTION="CIM_ERR_NOT_FOUND: CIM_Processor.DeviceID=&quot;CPU 9&quot;">
      <INSTANCE CLASSNAME="CIM_Error"><PROPERTY NAME="CIMStatusCode" TYPE="uint32"><VALUE>6</VALUE></PROPERTY></INSTANCE></ERROR></IMETHODRESPONSE>`);
    expect(read(xml)).toEqual({
      kind: "error",
      method: "GetInstance",
      code: 6,
      description: 'CIM_ERR_NOT_FOUND: CIM_Processor.DeviceID="CPU 9"',
      instances: [{ className: "CIM_Error", properties: { CIMStatusCode: "6" } }],
    });
  });

  it.each([
    ["a request", `<CIM CIMVERSION="2.0" DTDVERSION="2.0"><MESSAGE ID="1" PROTOCOLVERSION="1.0"><SIMPLEREQ/></MESSAGE></CIM>`],
    ["a namespaced root", `<x:CIM xmlns:x="urn:x"/>`],
    ["an HTML page", `<html><body>502 Bad Gateway</body></html>`],
    ["an empty string", ""],
  ])("%s is an error result", (_name, xml) => {
    const result = readCimXml(xml);
    expect(result.ok).toBe(false);
  });
});
