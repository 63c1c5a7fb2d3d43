/**
 * The built-in platform classes (templates/builtins/platform.mof): used only for names no input or
 * --schema file declares, placed in the asking namespace, kept only when needed, read only on a miss.
 */
import { describe, expect, it } from "vitest";
import { parse } from "../../src/parser/parse.js";
import { resolve } from "../../src/resolve/resolve.js";
import { toInspectJson, type Json } from "../../src/model/inspect-json.js";
import { loadPlatformSchema } from "../../src/builtins/platform-schema.js";
import { classNames, codes, compileMof, compileText, findClass, property } from "./helpers.js";

const dscResource = [
  "[ClassVersion(\"1.0.0\")]",
  "class Demo_Resource : OMI_BaseResource {",
  "  [Key] string Name;",
  "  [Write, EmbeddedInstance(\"MSFT_Credential\")] string Credential;",
  "};",
].join("\n");

describe("built-in platform classes", () => {
  it("resolve a DSC resource alone and keep only the classes it needs", () => {
    const r = compileText(dscResource);
    expect(r.failed).toBe(false);
    expect(classNames(r.schema)).toEqual(["root/cimv2:Demo_Resource", "root/cimv2:MSFT_Credential", "root/cimv2:OMI_BaseResource"]);
    const base = findClass(r.schema, "OMI_BaseResource");
    expect(base.builtin).toBe(true);
    expect(base.fromBaseSchema).toBe(true);
    expect(base.source.file).toBe("mof2ts:builtins/platform.mof");
    expect(findClass(r.schema, "Demo_Resource").builtin).toBeUndefined();
    expect(property(findClass(r.schema, "Demo_Resource"), "ModuleName").isRequired).toBe(true);
    // The base class's own description stays with it (Restricted), not with every resource.
    expect(findClass(r.schema, "Demo_Resource").description).toBeUndefined();
  });

  it("say so in a MOF2308 note per kept class, never a warning or error", () => {
    const r = compileText(dscResource);
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.message])).toEqual([
      ["MOF2308", "info", "Class 'OMI_BaseResource' is not declared by the inputs or --schema files: using mof2ts's built-in declaration in namespace 'root/cimv2'."],
      ["MOF2308", "info", "Class 'MSFT_Credential' is not declared by the inputs or --schema files: using mof2ts's built-in declaration in namespace 'root/cimv2'."],
    ]);
    // Each note also points at the input class that needed the built-in one.
    const needer = (d: (typeof r.diagnostics)[number]) => d.related?.map((x) => `${x.message} @ ${x.span?.file}:${x.span === undefined ? "" : r.sources.get(x.span.file)?.positionAt(x.span.start).line}`);
    expect(r.diagnostics.map(needer)).toEqual([["needed by 'Demo_Resource' @ main.mof:2"], ["needed by 'Demo_Resource' @ main.mof:2"]]);
  });

  it("point a note for a class deep in a built-in chain at the input class that started it", () => {
    const r = compileText("class Demo_Event : WMIEvent { [Key] string InstanceName; };");
    const notes = r.diagnostics.filter((d) => d.code === "MOF2308");
    expect(notes.map((d) => d.message.slice(0, d.message.indexOf("'", 7) + 1))).toEqual([
      "Class '__SystemClass'",
      "Class '__IndicationRelated'",
      "Class '__Event'",
      "Class '__ExtrinsicEvent'",
      "Class 'WMIEvent'",
    ]);
    expect(new Set(notes.map((d) => d.related?.[0]?.message))).toEqual(new Set(["needed by 'Demo_Event'"]));
  });

  it("lose to a --schema declaration and to an input declaration of the same name", () => {
    const own = "class OMI_BaseResource { [Required] string ResourceId; string Extra; };";
    const viaSchema = compileMof({ "main.mof": dscResource, "base.mof": own + "\nclass MSFT_Credential { string UserName; };" }, { schemaFiles: ["base.mof"] });
    expect(viaSchema.diagnostics).toEqual([]);
    expect(findClass(viaSchema.schema, "OMI_BaseResource").builtin).toBeUndefined();
    expect(findClass(viaSchema.schema, "OMI_BaseResource").properties.map((p) => p.name)).toEqual(["ResourceId", "Extra"]);
    const viaInput = compileText(dscResource + "\n" + own);
    expect(findClass(viaInput.schema, "OMI_BaseResource").builtin).toBeUndefined();
    // MSFT_Credential is still declared nowhere else: that one comes from the built-ins.
    expect(findClass(viaInput.schema, "MSFT_Credential").builtin).toBe(true);
  });

  it("are placed in the namespace that asks for them, once per namespace", () => {
    const r = compileText(
      [
        '#pragma namespace("\\\\\\\\.\\\\root\\\\wmi")',
        "class Demo_Arrival : WMIEvent { [Key] string InstanceName; };",
        '#pragma namespace("\\\\\\\\.\\\\root\\\\cimv2")',
        "class Demo_Other : WMIEvent { [Key] string InstanceName; };",
      ].join("\n"),
    );
    expect(r.failed).toBe(false);
    const names = classNames(r.schema);
    expect(names.filter((n) => n.endsWith(":WMIEvent"))).toEqual(["root/cimv2:WMIEvent", "root/wmi:WMIEvent"]);
    expect(names.filter((n) => n.endsWith(":__ExtrinsicEvent"))).toEqual(["root/cimv2:__ExtrinsicEvent", "root/wmi:__ExtrinsicEvent"]);
  });

  it("give hi-perf counter classes their timestamps and WMI's CIM_StatisticalInformation", () => {
    const r = compileText("class Demo_Counters : Win32_PerfRawData { [Key] string Name; uint32 Length; };");
    const counters = findClass(r.schema, "Demo_Counters");
    expect(counters.properties.map((p) => `${p.name}:${p.type}`)).toEqual([
      "Caption:string",
      "Description:string",
      "Name:string",
      "Frequency_Object:uint64",
      "Frequency_PerfTime:uint64",
      "Frequency_Sys100NS:uint64",
      "Timestamp_Object:uint64",
      "Timestamp_PerfTime:uint64",
      "Timestamp_Sys100NS:uint64",
      "Length:uint32",
    ]);
    expect(codes(r.diagnostics).filter((c) => c !== "MOF2308")).toEqual([]);
  });

  it("are off with builtins: false, and the MOF2301 hints stay", () => {
    const r = compileText(dscResource, { builtins: false });
    expect(codes(r.diagnostics)).toEqual(["MOF2301", "MOF2603"]);
    expect(r.diagnostics[0]?.hint).toMatch(/BaseResource\.schema\.mof with --schema/);
  });

  it("leave names they do not declare to the old rules (other __ classes, CIM_ hint)", () => {
    const r = compileText("class Demo_Provider : __Win32Provider { };\nclass Demo_Process : CIM_Process { };");
    expect(codes(r.diagnostics)).toEqual(["MOF2301"]);
    expect(r.diagnostics[0]?.hint).toMatch(/^'CIM_Process' belongs to the DMTF CIM Schema/);
  });

  it("are read only when a name is declared nowhere else", () => {
    let loads = 0;
    const builtins = () => {
      loads++;
      return loadPlatformSchema().program;
    };
    const program = (text: string) => ({ roots: [parse(text, "main.mof").file], includes: new Map() });
    resolve(program("class A { [Key] string Id; };\nclass B : A { A REF Peer; };"), { builtins });
    expect(loads).toBe(0);
    const r = resolve(program("class B : WMIEvent { };\nclass C : EventTrace { };"), { builtins });
    expect(loads).toBe(1);
    expect(r.schema.namespaces[0]?.classes.map((c) => c.name)).toContain("EventTrace");
  });

  it("show their origin in inspect --json", () => {
    const doc = toInspectJson(compileText(dscResource).schema!) as { namespaces: { classes: { name: string; origin: Json; fromBaseSchema: Json }[] }[] };
    const origins = Object.fromEntries(doc.namespaces[0]!.classes.map((c) => [c.name, [c.origin, c.fromBaseSchema]]));
    expect(origins).toEqual({ Demo_Resource: ["input", false], MSFT_Credential: ["builtin", true], OMI_BaseResource: ["builtin", true] });
    const withSchema = compileMof({ "main.mof": "class A : B { };", "b.mof": "class B { };" }, { schemaFiles: ["b.mof"] });
    const schemaDoc = toInspectJson(withSchema.schema!) as { namespaces: { classes: { name: string; origin: Json }[] }[] };
    expect(schemaDoc.namespaces[0]!.classes.map((c) => c.origin)).toEqual(["input", "schema"]);
  });
});
