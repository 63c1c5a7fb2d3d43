/**
 * The README's WS-Management recipe end to end, with both halves of `--binding wsman`: generate the
 * wsman fixture (CIM_PowerManagementService, CIM_Processor), build a RequestPowerStateChange envelope
 * and an Enumerate/Pull, then read a Pull response (written here from DSP0226's Pull response and
 * DSP0230's instance mapping, with the prefixes a service might choose) into typed CIM_Processor
 * instances, and a RequestPowerStateChange_OUTPUT into the method's typed output.
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, expect, test } from "vitest";
import { WSMAN_NAMESPACES as NS } from "../../templates/runtime/wsman-namespaces.js";
import { emitCases, generateCase, repoRoot, WSMAN_OPTIONS, writeFiles } from "../emit/helpers/fixtures.js";
import { child, parseXml } from "../helpers/xml-tree.js";

type Result = { readonly ok: boolean; readonly value?: Record<string, unknown>; readonly errors?: readonly { readonly path: string }[] };
let generated: Record<string, unknown> = {};
const fn = <T>(name: string): T => {
  const value = generated[name];
  if (value === undefined) throw new Error(`${name} is not exported`);
  return value as T;
};

beforeAll(async () => {
  const emitCase = emitCases().find((c) => c.name === "wsman");
  if (emitCase === undefined) throw new Error("fixtures/emit/wsman is missing");
  const folder = join(repoRoot, "test/e2e/__output__/wsman-recipe");
  writeFiles(folder, await generateCase(emitCase, WSMAN_OPTIONS));
  generated = (await import(/* @vite-ignore */ pathToFileURL(join(folder, "index.ts")).href)) as Record<string, unknown>;
}, 120_000);

const DMTF = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/";

/** A Pull response with two processors; the service uses its own prefixes (n, w, e, p, c). */
const pullResponse = `<?xml version="1.0" encoding="UTF-8"?>
<e:Envelope xmlns:e="${NS.s}" xmlns:a="${NS.wsa}" xmlns:n="${NS.wsen}" xmlns:w="${NS.wsman}" xmlns:x="${NS.xsi}">
  <e:Header>
    <a:To>${"http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous"}</a:To>
    <a:Action e:mustUnderstand="true">http://schemas.xmlsoap.org/ws/2004/09/enumeration/PullResponse</a:Action>
    <a:RelatesTo>uuid:0f9b8c4e-1111-4222-8333-444455556666</a:RelatesTo>
    <a:MessageID>uuid:7c1e2d3f-aaaa-4bbb-8ccc-dddddddddddd</a:MessageID>
  </e:Header>
  <e:Body>
    <n:PullResponse>
      <n:EnumerationContext>ctx-2</n:EnumerationContext>
      <n:Items>
        <p:CIM_Processor xmlns:p="${DMTF}CIM_Processor" xmlns:c="${NS.cim}">
          <p:CreationClassName>CIM_Processor</p:CreationClassName>
          <p:CurrentClockSpeed>2400</p:CurrentClockSpeed>
          <p:DeviceID>CPU 0</p:DeviceID>
          <p:ElementName>Managed System CPU</p:ElementName>
          <p:Family>3</p:Family>
          <p:InstallDate><c:Datetime>2024-03-01T08:30:00Z</c:Datetime></p:InstallDate>
          <p:LoadPercentage x:nil="true"/>
          <p:SystemCreationClassName>CIM_ComputerSystem</p:SystemCreationClassName>
          <p:SystemName>ManagedSystem</p:SystemName>
        </p:CIM_Processor>
        <q:CIM_Processor xmlns:q="${DMTF}CIM_Processor">
          <q:CreationClassName>CIM_Processor</q:CreationClassName>
          <q:CurrentClockSpeed>3100</q:CurrentClockSpeed>
          <q:DeviceID>CPU 1</q:DeviceID>
          <q:Family>40000</q:Family>
          <q:LoadPercentage>12</q:LoadPercentage>
          <q:SystemCreationClassName>CIM_ComputerSystem</q:SystemCreationClassName>
          <q:SystemName>ManagedSystem</q:SystemName>
        </q:CIM_Processor>
      </n:Items>
      <n:EndOfSequence/>
    </n:PullResponse>
  </e:Body>
</e:Envelope>`;

const outputResponse = `<s:Envelope xmlns:s="${NS.s}" xmlns:wsa="${NS.wsa}" xmlns:wsman="${NS.wsman}">
  <s:Header>
    <wsa:Action>${DMTF}CIM_PowerManagementService/RequestPowerStateChangeResponse</wsa:Action>
    <wsa:RelatesTo>uuid:1</wsa:RelatesTo>
  </s:Header>
  <s:Body>
    <g:RequestPowerStateChange_OUTPUT xmlns:g="${DMTF}CIM_PowerManagementService">
      <g:Job>
        <wsa:Address>http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</wsa:Address>
        <wsa:ReferenceParameters>
          <wsman:ResourceURI>${DMTF}CIM_ConcreteJob</wsman:ResourceURI>
          <wsman:SelectorSet><wsman:Selector Name="InstanceID">job-7</wsman:Selector></wsman:SelectorSet>
        </wsa:ReferenceParameters>
      </g:Job>
      <g:ReturnValue>4096</g:ReturnValue>
    </g:RequestPowerStateChange_OUTPUT>
  </s:Body>
</s:Envelope>`;

interface Requests {
  readonly enumerate: (opts?: object) => string;
  readonly pull: (context: string, opts?: object) => string;
  readonly invoke: Readonly<Record<string, (input: object, keys?: object, opts?: object) => string>>;
}
type ReadWsman = (xml: string) => { readonly ok: true; readonly value: { readonly kind: string; readonly items?: readonly { readonly properties: unknown }[]; readonly context?: string; readonly endOfSequence?: boolean; readonly properties?: unknown } } | { readonly ok: false; readonly error: string };

test("request a power state change, then read the method's typed output", () => {
  const service = fn<Requests>("CIM_PowerManagementServiceWsman");
  const powerState = fn<Record<string, number>>("CIM_PowerManagementService_RequestPowerStateChange_PowerState");
  const envelope = service.invoke["RequestPowerStateChange"]?.(
    { PowerState: powerState["PowerOffSoft"], ManagedElement: { className: "CIM_ComputerSystem", keys: { CreationClassName: "CIM_ComputerSystem", Name: "ManagedSystem" } } },
    { Name: "Power Management Service" },
    { to: "https://amt-host:16993/wsman" },
  );
  const body = child(parseXml(envelope ?? ""), NS.s, "Body");
  expect(child(child(body, `${DMTF}CIM_PowerManagementService`, "RequestPowerStateChange_INPUT"), `${DMTF}CIM_PowerManagementService`, "PowerState").text).toBe("8");

  const read = fn<ReadWsman>("readWsman")(outputResponse);
  if (!read.ok) throw new Error(read.error);
  expect(read.value.kind).toBe("output");
  const output = fn<(properties: unknown) => Result>("decodeCIM_PowerManagementService_RequestPowerStateChange_Out")(read.value.properties);
  expect(output).toEqual({
    ok: true,
    value: { ReturnValue: 4096, Job: { className: "CIM_ConcreteJob", keys: { InstanceID: "job-7" } } },
  });
  const returnCodes = fn<Record<string, number>>("CIM_PowerManagementService_RequestPowerStateChange_Return");
  expect(output.value?.["ReturnValue"]).toBe(returnCodes["MethodParametersCheckedJobStarted"]);
});

test("enumerate processors and read a Pull response into typed CIM_Processor instances", () => {
  const processors = fn<Requests>("CIM_ProcessorWsman");
  const enumerate = parseXml(processors.enumerate({ optimized: true, maxElements: 2 }));
  expect(child(child(enumerate, NS.s, "Header"), NS.wsman, "ResourceURI").text).toBe(`${DMTF}CIM_Processor`);
  const pull = parseXml(processors.pull("ctx-1", { maxElements: 2 }));
  expect(child(child(child(pull, NS.s, "Body"), NS.wsen, "Pull"), NS.wsen, "EnumerationContext").text).toBe("ctx-1");

  const read = fn<ReadWsman>("readWsman")(pullResponse);
  if (!read.ok) throw new Error(read.error);
  expect(read.value.kind).toBe("pull");
  expect(read.value.endOfSequence).toBe(true);
  const decode = fn<(properties: unknown) => Result>("decodeCIM_Processor");
  const decoded = (read.value.items ?? []).map((item) => decode(item.properties));
  expect(decoded.map((d) => d.ok)).toEqual([true, true]);
  const [first, second] = decoded.map((d) => d.value ?? {});
  expect(first).toMatchObject({ DeviceID: "CPU 0", CurrentClockSpeed: 2400, Family: 3, LoadPercentage: null, ElementName: "Managed System CPU" });
  expect(first?.["InstallDate"]).toMatchObject({ kind: "timestamp", year: 2024, month: 3, day: 1, hour: 8, minute: 30, utcOffsetMinutes: 0 });
  expect(second).toMatchObject({ DeviceID: "CPU 1", CurrentClockSpeed: 3100, Family: 40000, LoadPercentage: 12 });
  const family = fn<{ label(value: number): string | undefined }>("CIM_Processor_FamilyValues");
  expect([family.label(3), family.label(40000)]).toEqual(["8086", "DMTF Reserved"]);
});
