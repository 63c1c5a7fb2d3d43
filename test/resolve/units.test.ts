import { describe, expect, it } from "vitest";
import { parseMapInteger } from "../../src/resolve/value-maps.js";
import { closestName, editDistance } from "../../src/resolve/did-you-mean.js";
import { classPattern } from "../../src/resolve/selection.js";
import { classNames, compileMof, compileText, codes, findClass, property } from "./helpers.js";
import { parse } from "../../src/parser/parse.js";
import { resolve } from "../../src/resolve/resolve.js";

describe("parseMapInteger", () => {
  it.each([
    ["4", 4n],
    [" 12 ", 12n],
    ["-3", -3n],
    ["+7", 7n],
    ["0x8000", 0x8000n],
    ["0X1f", 0x1fn],
    ["101b", 5n],
    ["18446744073709551615", 18446744073709551615n],
  ])("%s", (text, expected) => expect(parseMapInteger(text)).toBe(expected));

  it("rejects what is not an integer", () => {
    for (const text of ["", "x", "1.5", "0x", "..", "1..2"]) expect(parseMapInteger(text)).toBeUndefined();
  });
});

describe("BitMap entries written as masks", () => {
  it("hints at the bit position a power-of-two entry probably meant", () => {
    const result = compileText('class T { [BitMap {"0x00000040", "0x3", "1"}, BitValues {"A", "B", "C"}] uint16 Flags; };');
    const outOfRange = result.diagnostics.filter((d) => d.code === "MOF2404");
    expect(outOfRange.map((d) => d.message)).toEqual(["BitMap entry '0x00000040' is outside the range of 16 bits."]);
    expect(outOfRange[0]?.hint).toBe(`BitMap entries are bit positions, not masks: '0x00000040' is the mask of bit 6; write "6".`);
  });

  it("gives no mask hint for an entry that is not a power of two", () => {
    const result = compileText('class T { [BitMap {"0x30"}, BitValues {"A"}] uint16 Flags; };');
    const outOfRange = result.diagnostics.filter((d) => d.code === "MOF2404");
    expect(outOfRange).toHaveLength(1);
    expect(outOfRange[0]?.hint).toBeUndefined();
  });
});

describe("did you mean", () => {
  it("suggests the closest plausible name, case-insensitively", () => {
    expect(closestName("CIM_ManagedElemnt", ["CIM_ManagedElement", "CIM_Job"])).toBe("CIM_ManagedElement");
    expect(closestName("cim_job", ["CIM_Job"])).toBe("CIM_Job");
    expect(closestName("Completely_Different", ["CIM_Job"])).toBeUndefined();
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("strat", "start")).toBe(1);
  });
});

describe("class patterns", () => {
  it("matches whole names with wildcards in any case", () => {
    expect(classPattern("CIM_*").test("cim_job")).toBe(true);
    expect(classPattern("CIM_*").test("XCIM_Job")).toBe(false);
    expect(classPattern("a.b").test("axb")).toBe(false);
  });
});

describe("qualifier types and values", () => {
  it("uses the built-in DMTF set when the input declares none", () => {
    const r = compileText(`class A { [Key, MaxLen(256), Description("d")] string Id; [Write, Required] uint8 Level; };`);
    expect(r.diagnostics).toEqual([]);
    const a = findClass(r.schema, "A");
    expect(property(a, "Id")).toMatchObject({ isKey: true, description: "d" });
    expect(property(a, "Level")).toMatchObject({ isWritable: true, isRequired: true });
    expect(r.schema?.qualifierTypes.get("key")?.origin).toBe("dmtf");
    expect(r.schema?.qualifierTypes.get("dynamic")?.origin).toBe("wmi");
  });

  it("checks qualifier values against the declared type", () => {
    const r = compileText(`class A { [Key("yes")] string Id; [MaxLen(-1)] string Name; };`);
    expect(codes(r.diagnostics)).toEqual(["MOF2103", "MOF2103"]);
  });

  it("reports duplicate qualifiers and conflicting qualifier type declarations", () => {
    const r = compileText(`
      Qualifier Tag : string = null, Scope(any);
      Qualifier Tag : uint8 = 0, Scope(any);
      Qualifier Tag : string = null, Scope(any);
      class A { [Tag("a"), TAG("b")] string Id; };`);
    expect(codes(r.diagnostics)).toEqual(["MOF2006", "MOF2005"]);
  });

  it("accepts WMI typeless qualifier declarations and flavors", () => {
    const r = compileText(`
      qualifier Dynamic : ToInstance;
      [Dynamic, Provider("P") : ToInstance ToSubclass] class A { [Key] string Id; };`);
    expect(r.diagnostics).toEqual([]);
    expect(findClass(r.schema, "A").qualifiers.get("provider")?.flavors.toInstance).toBe(true);
  });

  it("derives parameter directions from In and Out", () => {
    const r = compileText(`class A { uint32 M([In] string a, [Out] string b, [In(false), Out] string c, string d, [In, Out] string e); };`);
    expect(findClass(r.schema, "A").methods[0]?.parameters.map((p) => p.direction)).toEqual(["in", "out", "out", "in", "inout"]);
  });

  it("fills class flags and static methods", () => {
    const r = compileText(`[Indication, Abstract] class E { }; class F : E { [Static] uint32 Make(); };`);
    const f = findClass(r.schema, "F");
    expect([f.isIndication, f.isAbstract, findClass(r.schema, "E").isAbstract]).toEqual([true, false, true]);
    expect(f.methods[0]?.isStatic).toBe(true);
  });
});

describe("program walk", () => {
  it("carries #pragma namespace into included files and visits each file once", () => {
    const r = compileMof(
      {
        "main.mof": `#pragma namespace("root/Acme")\n#pragma include("a.mof")\n#pragma include("a.mof")\nclass Acme_After : Acme_A { };`,
        "a.mof": `class Acme_A { [Key] string Id; };`,
      },
    );
    expect(r.diagnostics).toEqual([]);
    expect(classNames(r.schema)).toEqual(["root/Acme:Acme_A", "root/Acme:Acme_After"]);
  });

  it("starts every input file in root/cimv2", () => {
    const r = compileMof(
      { "a.mof": `#pragma namespace("root/Acme")\nclass A1 { };`, "b.mof": `class B1 { };` },
      { inputs: ["a.mof", "b.mof"] },
    );
    expect(classNames(r.schema)).toEqual(["root/Acme:A1", "root/cimv2:B1"]);
    expect(r.schema?.inputs).toEqual(["a.mof", "b.mof"]);
  });

  it("resolves a program directly, with line 0 when no sources are given", () => {
    const program = { roots: [parse(`class A { string Name; };`, "x.mof").file], includes: new Map() };
    const result = resolve(program);
    expect(result.diagnostics).toEqual([]);
    const a = findClass(result.schema, "A");
    expect(a.source).toMatchObject({ file: "x.mof", line: 0 });
    expect(property(a, "Name").source.span.start).toBe(17);
  });
});

describe("suggestions and datetime values", () => {
  it("suggests inherited members for a mistyped Override and declared qualifiers in strict mode", () => {
    const r = compileText(
      `Qualifier Override : string = null, Scope(property, method), Flavor(EnableOverride, Restricted);
       Qualifier Description : string = null, Scope(any);
       class A { string Status; uint32 Start(); };
       class B : A { [Override("Staus")] string Status2; [Override("Strat"), Descripton("x")] uint32 Start2(); };`,
      { strict: true },
    );
    expect(r.diagnostics.map((d) => [d.code, d.hint])).toEqual([
      ["MOF2303", "Did you mean 'Status'?"],
      ["MOF2303", "Did you mean 'Start'?"],
      ["MOF2101", "Did you mean 'Description'?"],
    ]);
  });

  it("in strict mode, an undeclared standard qualifier points at the schema's qualifier declarations", () => {
    const r = compileText(`class A { [Key] string Id; };`, { strict: true });
    expect(r.diagnostics.map((d) => d.code)).toEqual(["MOF2101"]);
    expect(r.diagnostics[0]?.hint).toMatch(/^'Key' is a standard qualifier .*--schema .*qualifiers\.mof/);
    const declared = compileMof(
      { "main.mof": `class A { [Key] string Id; };`, "q.mof": `Qualifier Key : boolean = false, Scope(property, reference), Flavor(DisableOverride, ToSubclass);` },
      { strict: true, schemaFiles: ["q.mof"] },
    );
    expect(declared.diagnostics).toEqual([]);
  });

  it("checks datetime defaults against the DSP0004 formats", () => {
    const r = compileText(`class A {
      datetime Stamp = "20240101120000.000000+060";
      datetime Interval = "00000000001500.000000:000";
      datetime Wild = "2024**01120000.******+000";
      datetime Bad = "2024-01-01";
    };`);
    expect(codes(r.diagnostics)).toEqual(["MOF2007"]);
    expect(r.diagnostics[0]?.message).toContain("Bad");
  });
});

describe("hints for undeclared base-schema classes", () => {
  it("say where the PowerShell DSC base classes and the DMTF CIM Schema come from", () => {
    const r = compileText(
      [
        'class Demo_Resource : OMI_BaseResource {',
        '  [Key] string Name;',
        '  [Write, EmbeddedInstance("MSFT_Credential")] string Credential;',
        '};',
        "class Demo_Process : CIM_Process { };",
      ].join("\n"),
      { builtins: false },
    );
    const hints = r.diagnostics.map((d) => [d.code, d.hint]);
    expect(hints).toHaveLength(3);
    expect(hints[0]?.[0]).toBe("MOF2301");
    expect(hints[0]?.[1]).toMatch(/^'OMI_BaseResource' is a PowerShell DSC base class, .*pass BaseResource\.schema\.mof with --schema \(on Windows in %SystemRoot%\\System32\\Configuration\\BaseRegistration;/);
    expect(hints[1]?.[0]).toBe("MOF2603");
    expect(hints[1]?.[1]).toMatch(/^'MSFT_Credential' is a PowerShell DSC base class/);
    expect(hints[2]?.[0]).toBe("MOF2301");
    expect(hints[2]?.[1]).toMatch(/^'CIM_Process' belongs to the DMTF CIM Schema: pass the schema's top file with --schema/);
  });

  it("prefer 'did you mean' when a declared class is close, never the deriving class itself", () => {
    const r = compileText("class CIM_Processs { };\nclass Demo_Process : CIM_Process { };");
    expect(r.diagnostics.map((d) => d.hint)).toEqual(["Did you mean 'CIM_Processs'?"]);
  });
});

describe("repeated class declarations", () => {
  const body = "{ [Key] string Id; uint16 Size = 5; uint32 Run([In] string Mode); }";
  const text = [`[Description("first")] class Demo_Base ${body};`, `[Description("second copy")] class Demo_Base ${body};`, "class Demo_Base { [Key] string Id; };"].join("\n");

  it("warn when only class qualifiers differ and keep the first; stay errors when members differ", () => {
    const r = compileText(text);
    expect(r.diagnostics.map((d) => [d.code, d.severity, r.sources.get("main.mof")?.positionAt(d.span?.start ?? 0).line])).toEqual([
      ["MOF2001", "warning", 2],
      ["MOF2001", "error", 3],
    ]);
    expect(r.diagnostics[0]?.hint).toMatch(/^The declarations have the same superclass, properties and methods, so the first one is used/);
    expect(property(findClass(r.schema, "Demo_Base"), "Size").default).toBe(5);
    expect(findClass(r.schema, "Demo_Base").qualifiers.get("description")?.value).toBe("first");
  });

  it("stay errors when the name is spelled differently", () => {
    const r = compileText(`class Demo_A { };\nclass DEMO_A { };`);
    expect(r.diagnostics.map((d) => [d.code, d.severity])).toEqual([["MOF2001", "error"]]);
  });

  it("are always errors with --strict", () => {
    const r = compileText(text, { strict: true });
    expect(r.diagnostics.filter((d) => d.code === "MOF2001").map((d) => d.severity)).toEqual(["error", "error"]);
  });
});

describe("ValueMap duplicate entries", () => {
  const duplicates = (type: string, values: readonly string[]) => {
    const list = values.map((v) => `"${v}"`).join(", ");
    const r = compileText(`class A { [ValueMap {${list}}] ${type} P; };`);
    return r.diagnostics.filter((d) => d.code === "MOF2402").map((d) => d.message);
  };

  it("finds repeats in ascending, descending and mixed-notation maps, small and large", () => {
    expect(duplicates("uint32", ["1", "2", "3"])).toEqual([]);
    expect(duplicates("uint32", ["3", "2", "3"])).toEqual(["ValueMap entry '3' appears more than once."]);
    expect(duplicates("uint32", ["4", "0x4"])).toEqual(["ValueMap entry '0x4' appears more than once."]);
    const many = Array.from({ length: 20 }, (_, i) => String(i));
    expect(duplicates("uint32", [...many, "7", "100", "0x13"])).toEqual([
      "ValueMap entry '7' appears more than once.",
      "ValueMap entry '0x13' appears more than once.",
    ]);
  });

  it("compares 64-bit values exactly and strings as written", () => {
    expect(duplicates("uint64", ["18446744073709551615", "1", "0xFFFFFFFFFFFFFFFF"])).toEqual([
      "ValueMap entry '0xFFFFFFFFFFFFFFFF' appears more than once.",
    ]);
    expect(duplicates("uint64", ["9007199254740993", "9007199254740992"])).toEqual([]);
    expect(duplicates("string", ["a", "A", "b", "a"])).toEqual(["ValueMap entry 'a' appears more than once."]);
  });
});
