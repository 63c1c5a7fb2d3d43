import { describe, expect, it } from "vitest";
import { toInspectJson, valueJson, type Json } from "../../src/model/inspect-json.js";
import { compileMof, compileText } from "../resolve/helpers.js";

type JsonObject = { readonly [key: string]: Json };
const obj = (value: Json | undefined): JsonObject => value as JsonObject;
const arr = (value: Json | undefined): readonly Json[] => value as readonly Json[];

const mof = `
Qualifier Description : string = null, Scope(any), Flavor(EnableOverride, ToSubclass, Translatable);
[Association, Version("2.28.0"), Description("Two elements kept in step.")]
class CIM_Synchronized {
  [Key] CIM_ManagedElement REF SystemElement;
  [ValueMap { "..", "6", "7", "8", "9", "..", "0x8000.." },
   Values { "DMTF Reserved", "Mirror", "Snapshot", "Clone", "TokenizedClone", "DMTF Reserved", "Vendor Specific" }]
  uint16 SyncType;
  uint64 Huge = 18446744073709551615;
};
class CIM_ManagedElement { string Caption; };
[Association] class Acme_Synchronized : CIM_Synchronized {
  uint32 Check([In(false), Out, EmbeddedInstance("CIM_ManagedElement")] string Result[]);
};
instance of CIM_ManagedElement as $me { Caption = "x"; };
`;

describe("toInspectJson", () => {
  const result = compileText(mof);
  const doc = obj(toInspectJson(result.schema!));
  const namespace = obj(arr(doc.namespaces)[0]);
  const classes = arr(namespace.classes).map(obj);
  const sync = classes.find((c) => c.name === "CIM_Synchronized")!;
  const sub = classes.find((c) => c.name === "Acme_Synchronized")!;

  it("produces the documented top level", () => {
    expect(result.diagnostics).toEqual([]);
    expect(Object.keys(doc)).toEqual(["formatVersion", "version", "inputs", "namespaces", "qualifierTypes"]);
    expect(doc.version).toBe("2.28.0");
    expect(namespace.name).toBe("root/cimv2");
    expect(classes.map((c) => c.name)).toEqual(["Acme_Synchronized", "CIM_ManagedElement", "CIM_Synchronized"]);
  });

  it("reports classes with declared qualifiers and every field present", () => {
    expect(sync.qualifiers).toEqual({ Association: true, Version: "2.28.0", Description: "Two elements kept in step." });
    expect(sync.superclass).toBeNull();
    expect(sync.localized).toBeNull();
    expect(sync.source).toEqual({ file: "main.mof", line: 4 });
    expect(sub.superclass).toBe("CIM_Synchronized");
    expect(sub.qualifiers).toEqual({ Association: true });
  });

  it("reports properties with types, references, value maps and big integers as strings", () => {
    const props = arr(sync.properties).map(obj);
    expect(props[0]).toMatchObject({ name: "SystemElement", type: "reference", referenceClass: "CIM_ManagedElement", isKey: true, arraySize: null });
    expect(props[1]?.valueMap).toEqual({
      isString: false,
      entries: [
        { kind: "otherwise", label: "DMTF Reserved" },
        { kind: "value", value: 6, label: "Mirror" },
        { kind: "value", value: 7, label: "Snapshot" },
        { kind: "value", value: 8, label: "Clone" },
        { kind: "value", value: 9, label: "TokenizedClone" },
        { kind: "otherwise", label: "DMTF Reserved" },
        { kind: "range", min: 32768, max: null, label: "Vendor Specific" },
      ],
    });
    expect(props[2]?.default).toBe("18446744073709551615");
  });

  it("lists inherited members with their class of origin and no qualifiers of their own", () => {
    const props = arr(sub.properties).map(obj);
    expect(props.map((p) => [p.name, p.classOrigin, p.isOverride])).toEqual([
      ["SystemElement", "CIM_Synchronized", false],
      ["SyncType", "CIM_Synchronized", false],
      ["Huge", "CIM_Synchronized", false],
    ]);
    expect(props[1]?.qualifiers).toEqual({});
    expect(props[1]?.valueMap).toBeNull();
    expect(props[1]?.source).toEqual({ file: "main.mof", line: 8 });
  });

  it("reports methods with return type and parameters with direction and embedded class", () => {
    const check = obj(arr(sub.methods)[0]);
    expect(check).toMatchObject({ name: "Check", returnType: "uint32", returnIsArray: false, classOrigin: "Acme_Synchronized" });
    expect(obj(arr(check.parameters)[0])).toMatchObject({
      name: "Result",
      type: "string",
      isArray: true,
      direction: "out",
      embeddedClass: "CIM_ManagedElement",
      qualifiers: { In: false, Out: true, EmbeddedInstance: "CIM_ManagedElement" },
    });
  });

  it("reports instances and qualifier types", () => {
    expect(arr(namespace.instances)).toEqual([
      {
        className: "CIM_ManagedElement",
        namespace: "root/cimv2",
        alias: "me",
        properties: [{ name: "Caption", type: "string", value: "x" }],
        source: { file: "main.mof", line: 15 },
      },
    ]);
    const types = arr(doc.qualifierTypes).map(obj);
    const description = types.find((t) => t.name === "Description");
    expect(description).toMatchObject({ origin: "input", type: "string", scopes: ["any"], source: { file: "main.mof", line: 2 } });
    expect(obj(description?.flavors).translatable).toBe(true);
    expect(types.find((t) => t.name === "Key")).toMatchObject({ origin: "dmtf", source: null });
  });

  it("is plain JSON that survives a round trip", () => {
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });
});

describe("valueJson", () => {
  it("encodes special values", () => {
    expect(valueJson(2n ** 64n)).toBe("18446744073709551616");
    expect(valueJson({ kind: "alias", name: "a" })).toEqual({ alias: "a" });
    expect(valueJson({ kind: "enum", name: "Red" })).toEqual({ enum: "Red" });
    expect(valueJson([1, null, "x"])).toEqual([1, null, "x"]);
    expect(valueJson(Number.POSITIVE_INFINITY)).toBe("Infinity");
  });
});

describe("determinism", () => {
  const files = {
    "a.mof": `class B_Sub : A_Base { string Extra; };\n#pragma namespace("root/zed")\nclass Z_One { };`,
    "b.mof": `class A_Base { [Key] string Id; };\nclass a_lower { };`,
  };

  it("gives the same document whatever the input order", () => {
    const forward = toInspectJson(compileMof(files, { inputs: ["a.mof", "b.mof"] }).schema!);
    const backward = toInspectJson(compileMof(files, { inputs: ["b.mof", "a.mof"] }).schema!);
    const strip = (doc: Json) => JSON.stringify({ ...obj(doc), inputs: [] });
    expect(strip(forward)).toBe(strip(backward));
    const names = arr(obj(forward).namespaces).map((ns) => [obj(ns).name, arr(obj(ns).classes).map((c) => obj(c).name)]);
    expect(names).toEqual([
      ["root/cimv2", ["A_Base", "a_lower", "B_Sub"]],
      ["root/zed", ["Z_One"]],
    ]);
  });
});
