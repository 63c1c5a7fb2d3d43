/** One block per fixture under fixtures/model/<rule>/: the model each rule must produce. */
import { describe, expect, it } from "vitest";
import { classNames, compileFixture, described, findClass, method, property, codes } from "./helpers.js";
import { getQualifier, qualifierValue } from "../../src/model/qualifiers.js";

describe("flavors", () => {
  const r = compileFixture("flavors");
  const root = findClass(r.schema, "Acme_Root");
  const child = findClass(r.schema, "Acme_Child");

  it("propagates ToSubclass qualifiers and drops Restricted ones", () => {
    expect([...child.qualifiers.values()].map((q) => [q.name, q.value, q.origin])).toEqual([
      ["Description", "The root.", "Acme_Root"],
      ["Owner", "acme", "Acme_Root"],
    ]);
    expect(root.isAbstract).toBe(true);
    expect(child.isAbstract).toBe(false);
    expect(child.declaredQualifiers.size).toBe(0);
  });

  it("takes default flavors from the qualifier type and written flavors on top", () => {
    expect(getQualifier(root.qualifiers, "owner")?.flavors.overridable).toBe(false);
    expect(getQualifier(root.qualifiers, "Note")?.flavors.toSubclass).toBe(false);
    expect(getQualifier(root.qualifiers, "Description")?.flavors.translatable).toBe(true);
  });

  it("propagates property qualifiers and lets EnableOverride ones change", () => {
    const size = property(child, "Size");
    expect(qualifierValue(size.qualifiers, "Units")).toBe("Bytes");
    expect(size.description).toBe("Size of the child.");
    expect(getQualifier(size.qualifiers, "Description")?.origin).toBe("Acme_Child");
    expect(getQualifier(size.qualifiers, "Override")).toBeDefined();
    const inheritedId = property(child, "Id");
    expect(inheritedId.isKey).toBe(true);
    expect(inheritedId.declaredQualifiers.size).toBe(0);
  });

  it("reports DisableOverride violations at the changed qualifier and keeps the inherited value", () => {
    expect(described(r)).toEqual([
      "MOF2201 22:2 Qualifier 'Owner' inherited from 'Acme_Root' has the DisableOverride flavor and cannot be changed.",
      "MOF2201 24:4 Qualifier 'Key' inherited from 'Acme_Root' has the DisableOverride flavor and cannot be changed.",
    ]);
    const rebel = findClass(r.schema, "Acme_Rebel");
    expect(qualifierValue(rebel.qualifiers, "Owner")).toBe("acme");
    expect(property(rebel, "Id").isKey).toBe(true);
    expect(r.diagnostics[0]?.related?.[0]?.message).toBe("declared with DisableOverride here");
  });
});

describe("overrides", () => {
  const r = compileFixture("overrides");
  const leaf = findClass(r.schema, "Acme_Leaf");

  it("keeps inherited members first, overrides in place, new members after", () => {
    expect(leaf.properties.map((p) => [p.name, p.classOrigin, p.isOverride, p.overrides ?? null, p.default ?? null])).toEqual([
      ["First", "Acme_Base", false, null, null],
      ["Status", "Acme_Base", true, "Acme_Middle", 3],
      ["Last", "Acme_Base", true, "Acme_Base", null],
      ["Added", "Acme_Middle", false, null, null],
      ["Extra", "Acme_Leaf", false, null, null],
    ]);
  });

  it("merges qualifiers of an override with the overridden element", () => {
    expect(property(leaf, "Status").description).toBe("Middle status.");
    expect(property(findClass(r.schema, "Acme_Middle"), "Status").description).toBe("Middle status.");
    expect(property(findClass(r.schema, "Acme_Base"), "Status").description).toBe("Base status.");
  });

  it("overrides methods with their own parameters", () => {
    const start = method(leaf, "start");
    expect(start.classOrigin).toBe("Acme_Base");
    expect(start.isOverride).toBe(true);
    expect(start.parameters.map((p) => [p.name, p.type, p.direction])).toEqual([
      ["Mode", "string", "in"],
      ["Force", "boolean", "in"],
    ]);
    expect(method(findClass(r.schema, "Acme_Middle"), "Start").isOverride).toBe(false);
  });

  it("reports an Override naming nothing and a changed type", () => {
    expect(described(r)).toEqual([
      "MOF2303 18:4 Override('Missing') on 'Extra' names nothing inherited from 'Acme_Middle'.",
      "MOF2304 19:22 'Last' overrides 'Last' with a different type (uint32 instead of string).",
    ]);
  });
});

describe("case-insensitivity", () => {
  const r = compileFixture("case-insensitivity");

  it("matches class, superclass, reference and qualifier names in any case, keeping declared spelling", () => {
    const special = findClass(r.schema, "ACME_SPECIAL");
    expect(special.name).toBe("acme_special");
    expect(special.superclass).toBe("ACME_Thing");
    expect(special.properties.map((p) => [p.name, p.classOrigin, p.isOverride, p.isKey])).toEqual([
      ["InstanceID", "ACME_Thing", false, true],
      ["MODE", "ACME_Thing", true, false],
    ]);
    expect(property(special, "mode").description).toBe("Lower-case qualifier name.");
    const link = findClass(r.schema, "acme_link");
    expect(link.isAssociation).toBe(true);
    expect(link.properties.map((p) => p.referenceClass)).toEqual(["ACME_Thing", "acme_special"]);
  });

  it("reports a class declared twice in different case", () => {
    expect(described(r)).toEqual(["MOF2001 17:7 Class 'Acme_Thing' is already declared in namespace 'root/cimv2'."]);
    expect(r.diagnostics[0]?.related?.[0]?.message).toBe("first declared here");
  });
});

describe("out-of-order declarations", () => {
  const r = compileFixture("out-of-order");

  it("resolves superclasses and references declared later or in included files", () => {
    expect(r.diagnostics).toEqual([]);
    const leaf = findClass(r.schema, "Acme_Leaf");
    expect(leaf.properties.map((p) => `${p.classOrigin}.${p.name}`)).toEqual([
      "Acme_Trunk.Id",
      "Acme_Branch.BranchName",
      "Acme_Leaf.LeafName",
    ]);
    expect(property(leaf, "Id").source.file).toMatch(/trunk\.mof$/);
    expect(property(leaf, "Id").source.line).toBe(2);
    expect(findClass(r.schema, "Acme_Holds").properties.map((p) => p.referenceClass)).toEqual(["Acme_Trunk", "Acme_Leaf"]);
  });
});

describe("closure", () => {
  it("keeps selected classes plus superclasses, embedded classes, parameter and reference classes", () => {
    const r = compileFixture("closure", ["main.mof"], { classes: ["acme_serv*"] });
    expect(r.diagnostics).toEqual([]);
    expect(classNames(r.schema)).toEqual([
      "root/cimv2:Acme_Device",
      "root/cimv2:Acme_Element",
      "root/cimv2:Acme_Job",
      "root/cimv2:Acme_Service",
      "root/cimv2:Acme_Setting",
    ]);
  });

  it("keeps everything without a selection, and matches ? and exact names", () => {
    expect(classNames(compileFixture("closure").schema).length).toBe(7);
    expect(classNames(compileFixture("closure", ["main.mof"], { classes: ["ACME_JO?"] }).schema)).toEqual(["root/cimv2:Acme_Job"]);
  });

  it("filters by namespace", () => {
    const r = compileFixture("closure", ["main.mof"], { namespaces: ["root/other"] });
    expect(classNames(r.schema)).toEqual([]);
    expect(classNames(compileFixture("closure", ["main.mof"], { namespaces: ["ROOT\\CIMV2"] }).schema).length).toBe(7);
  });
});

describe("amendments", () => {
  const r = compileFixture("amendments", ["main.mof", "main_de.mfl", "main_en.mfl"]);

  it("merges amended qualifiers per locale onto the base class instead of adding classes", () => {
    expect(r.diagnostics).toEqual([]);
    expect(classNames(r.schema)).toEqual(["root/Acme:Acme_Widget"]);
    const widget = findClass(r.schema, "Acme_Widget");
    expect(widget.description).toBe("Widget in the base language.");
    expect([...(widget.localized?.keys() ?? [])]).toEqual(["ms_407", "ms_409"]);
    const de = widget.localized?.get("ms_407");
    expect(qualifierValue(de!.qualifiers, "Description")).toBe("Widget auf Deutsch.");
    expect(getQualifier(de!.qualifiers, "Amendment")).toBeUndefined();
    expect(qualifierValue(de!.members.get("state")!, "Values")).toEqual(["Aus", "An"]);
    expect(getQualifier(de!.members.get("id")!, "Description")?.flavors.amended).toBe(true);
    expect(qualifierValue(de!.members.get("reset")!, "Description")).toBe("Zuruecksetzen.");
    expect(qualifierValue(widget.localized!.get("ms_409")!.members.get("id")!, "Description")).toBe("Identifier (en-US).");
  });

  it("reports an amendment for a class that is not there", () => {
    const alone = compileFixture("amendments", ["main_en.mfl"]);
    expect(described(alone)).toEqual(["MOF2306 2:7 Amendment for unknown class 'Acme_Widget' is ignored."]);
    expect(classNames(alone.schema)).toEqual([]);
  });

  it("takes an [AMENDMENT] class without LOCALE that nothing else declares as its declaration (MOF2309)", () => {
    const page = compileFixture("amendments", ["main.mof", "reference-page.mof"]);
    expect(described(page)).toEqual([
      "MOF2309 6:7 Class 'Acme_Gadget' is marked AMENDMENT without LOCALE and declared nowhere else: it is compiled as the declaration it spells.",
    ]);
    expect(page.diagnostics[0]?.severity).toBe("warning");
    const gadget = findClass(page.schema, "Acme_Gadget");
    expect(gadget.superclass).toBe("Acme_Widget");
    expect(gadget.properties.map((p) => p.name)).toEqual(["Id", "State", "Color"]);
    // Acme_Widget is declared in main.mof: the page's copy stays an amendment of it.
    const widget = findClass(page.schema, "Acme_Widget");
    expect(widget.description).toBe("Widget in the base language.");
    expect(widget.localized?.get("default")?.qualifiers.get("description")?.value).toBe("Widget as the reference page describes it.");
    // Alone, both are declarations.
    const alone = compileFixture("amendments", ["reference-page.mof"]);
    expect(codes(alone.diagnostics)).toEqual(["MOF2309", "MOF2309"]);
    expect(findClass(alone.schema, "Acme_Widget").description).toBe("Widget as the reference page describes it.");
  });
});

describe("--schema shadowing", () => {
  const r = compileFixture("schema-shadowing", ["vendor.mof"], { schemaFiles: ["base.mof"] });

  it("lets input classes win and keeps only the base classes the inputs need", () => {
    expect(r.diagnostics).toEqual([]);
    expect(classNames(r.schema)).toEqual([
      "root/cimv2:CIM_Job",
      "root/cimv2:CIM_LogicalElement",
      "root/cimv2:CIM_ManagedElement",
      "root/cimv2:Vendor_Disk",
    ]);
    const root = findClass(r.schema, "CIM_ManagedElement");
    expect(root.fromBaseSchema).toBe(false);
    expect(root.properties.map((p) => p.name)).toEqual(["Caption", "VendorTag"]);
    const logical = findClass(r.schema, "CIM_LogicalElement");
    expect(logical.fromBaseSchema).toBe(true);
    expect(logical.properties.map((p) => p.name)).toEqual(["Caption", "VendorTag", "Name"]);
    expect(findClass(r.schema, "CIM_Job").fromBaseSchema).toBe(true);
    expect(property(findClass(r.schema, "Vendor_Disk"), "LastJob").embeddedClass).toBe("CIM_Job");
  });

  it("uses qualifier types declared by the base schema and takes the version from the inputs", () => {
    expect(r.schema?.qualifierTypes.get("version")?.origin).toBe("input");
    expect(r.schema?.version).toBe("1.0.0");
  });

  it("reports what the inputs need but nobody declares", () => {
    const alone = compileFixture("schema-shadowing", ["vendor.mof"]);
    expect(described(alone)).toEqual([
      "MOF2301 8:21 Class 'Vendor_Disk' derives from unknown class 'CIM_LogicalElement'.",
      "MOF2603 10:21 'LastJob' embeds unknown class 'CIM_Job'.",
    ]);
    expect(alone.diagnostics[0]?.hint).toMatch(/^'CIM_LogicalElement' belongs to the DMTF CIM Schema: pass the schema's top file with --schema/);
  });
});

describe("value maps", () => {
  const r = compileFixture("value-maps");
  const maps = findClass(r.schema, "Acme_Maps");

  it("understands discrete values, ranges, hex bounds and repeated '..'", () => {
    expect(property(maps, "SyncType").valueMap).toEqual({
      isString: false,
      entries: [
        { kind: "value", value: 0, label: "Unknown" },
        { kind: "value", value: 2, label: "Mirror" },
        { kind: "range", min: 3, max: 5, label: "Low Range" },
        { kind: "otherwise", label: "DMTF Reserved" },
        { kind: "range", min: 0x8000, label: "Vendor Specific" },
        { kind: "otherwise", label: "Other Reserved" },
      ],
    });
    expect(property(maps, "Sign").valueMap?.entries).toEqual([
      { kind: "range", max: -1, label: "Negative" },
      { kind: "value", value: 0, label: "Zero" },
      { kind: "range", min: 1, label: "Positive" },
    ]);
  });

  it("numbers Values alone from 0 and uses ValueMap alone as labels", () => {
    expect(property(maps, "Power").valueMap?.entries.map((e) => (e.kind === "value" ? [e.value, e.label] : e.kind))).toEqual([
      [0, "Off"],
      [1, "On"],
      [2, "Standby"],
    ]);
    expect(property(maps, "Codes").valueMap?.entries.map((e) => (e.kind === "value" ? [e.value, e.label] : e.kind))).toEqual([
      [1, "1"],
      [7, "7"],
      [42, "42"],
    ]);
  });

  it("keeps string-typed maps as strings and reads binary and signed entries", () => {
    expect(property(maps, "Ensure").valueMap).toEqual({
      isString: true,
      entries: [
        { kind: "value", value: "Present", label: "Is there" },
        { kind: "value", value: "Absent", label: "Is gone" },
      ],
    });
    expect(property(maps, "Radix").valueMap?.entries.map((e) => (e.kind === "value" ? e.value : null))).toEqual([5, -3, 4]);
  });

  it("builds bit maps, method return maps and parameter maps", () => {
    expect(property(maps, "Access").bitMap?.entries).toEqual([
      { kind: "bit", bit: 0, label: "Read" },
      { kind: "bit", bit: 1, label: "Write" },
      { kind: "range", min: 4, max: 7, label: "Reserved" },
    ]);
    expect(property(maps, "Flags").bitMap?.entries).toEqual([
      { kind: "bit", bit: 0, label: "A" },
      { kind: "bit", bit: 1, label: "B" },
    ]);
    const check = method(maps, "Check");
    expect(check.returnValueMap?.entries.map((e) => e.label)).toEqual(["Ok", "Error"]);
    expect(check.parameters[0]?.valueMap?.entries.map((e) => e.label)).toEqual(["Fast", "Slow"]);
  });

  it("reports mismatched lengths, duplicates, non-integers and out-of-range entries at the entry", () => {
    expect(described(r)).toEqual([
      "MOF2401 42:30 ValueMap has 3 entries but Values has 2.",
      "MOF2402 43:19 ValueMap entry '1' appears more than once.",
      "MOF2403 44:14 ValueMap entry 'one' is not an integer, a range 'a..b' or '..'.",
      "MOF2403 44:21 ValueMap entry '2..x' is not an integer, a range 'a..b' or '..'.",
      "MOF2404 45:14 ValueMap entry '256' is outside the range of uint8.",
      "MOF2404 45:21 ValueMap entry '0..300' is outside the range of uint8.",
      "MOF2404 46:12 BitMap entry '8' is outside the range of 8 bits.",
    ]);
    const bad = findClass(r.schema, "Acme_BadMaps");
    expect(property(bad, "TooFewLabels").valueMap?.entries.map((e) => e.label)).toEqual(["A", "B"]);
  });
});

describe("namespaces", () => {
  it("normalizes WMI and DMTF spellings, keeps segment spelling and compares case-insensitively", () => {
    const r = compileFixture("namespaces");
    expect(r.diagnostics).toEqual([]);
    expect(classNames(r.schema)).toEqual([
      "root/cimv2:Acme_Back",
      "root/cimv2:Acme_InDefault",
      "root/cimv2/Storage/IscsiTarget:Acme_Target",
      "root/Interop:Acme_Profile",
      "root/Interop:Acme_Registered",
      "root/Interop/Child:Acme_InChild",
    ]);
  });
});

describe("instances", () => {
  // Without the built-in platform classes: __ExtrinsicEvent is then accepted undeclared.
  const r = compileFixture("instances", ["main.mof"], { builtins: false });

  it("resolves instances against their classes with aliases used before their declaration", () => {
    const instances = r.schema?.namespaces[0]?.instances ?? [];
    const edge = instances.find((i) => i.className === "Acme_Edge");
    expect(edge?.properties).toEqual([
      { name: "From", value: { kind: "alias", name: "first" }, type: "reference" },
      { name: "To", value: { kind: "alias", name: "second" }, type: "reference" },
    ]);
    const first = instances.find((i) => i.alias === "first");
    expect(first?.properties).toEqual([
      { name: "Name", value: "a", type: "string" },
      { name: "Weight", value: 1, type: "uint16" },
      { name: "Tags", value: ["x", "y"], type: "string" },
    ]);
    expect(instances.find((i) => i.alias === "second")?.properties[0]?.name).toBe("Name");
  });

  it("reports unknown classes, properties and aliases, wrong values and duplicate aliases", () => {
    expect(described(r)).toEqual([
      "MOF2501 10:13 Instance of unknown class 'Acme_Nod'.",
      "MOF2502 11:37 Class 'Acme_Node' has no property 'Weigth'.",
      "MOF2505 12:32 Value of 'Name' does not fit its type string: an integer is not a string.",
      "MOF2503 13:32 Alias '$missing' is not declared.",
      "MOF2504 14:26 Alias '$first' is already declared.",
    ]);
    expect(r.diagnostics[0]?.hint).toBe("Did you mean 'Acme_Node'?");
    expect(r.diagnostics[1]?.hint).toBe("Did you mean 'Weight'?");
  });

  it("accepts WMI system classes (__Namespace, __ExtrinsicEvent) without declarations", () => {
    const system = r.schema?.namespaces[0]?.instances.find((i) => i.className === "__Namespace");
    expect(system?.properties).toEqual([{ name: "Name", value: "Acme" }]);
    const event = findClass(r.schema, "Acme_Event");
    expect(event.superclass).toBeUndefined();
    expect(event.properties.map((p) => p.name)).toEqual(["Detail"]);
  });

  it("with built-in classes, derives from the built-in __ExtrinsicEvent and checks overrides against it", () => {
    const withBuiltins = compileFixture("instances");
    const event = findClass(withBuiltins.schema, "Acme_Event");
    expect(event.superclass).toBe("__ExtrinsicEvent");
    expect(event.properties.map((p) => p.name)).toEqual(["SECURITY_DESCRIPTOR", "TIME_CREATED", "Detail"]);
    expect(findClass(withBuiltins.schema, "__Event").builtin).toBe(true);
    // Now that the chain is complete, the override that names nothing is reported.
    expect(described(withBuiltins).filter((d) => d.startsWith("MOF2303"))).toEqual([
      "MOF2303 18:40 Override('Missing') on 'Detail' names nothing inherited from '__ExtrinsicEvent'.",
    ]);
  });
});

describe("validation", () => {
  const r = compileFixture("validation");

  it("reports each problem at the offending name with related information", () => {
    expect(described(r)).toEqual([
      "MOF2301 4:19 Class 'Acme_Typo' derives from unknown class 'Acme_Elemnt'.",
      "MOF2302 7:21 Class 'Acme_CycleB' is part of an inheritance cycle: Acme_CycleA -> Acme_CycleB -> Acme_CycleA.",
      "MOF2602 10:20 Reference property 'Target' is declared in 'Acme_NotAssoc', which is not an association.",
      "MOF2601 11:3 Reference 'Dangling' points to unknown class 'Acme_Missing'.",
      "MOF2602 11:20 Reference property 'Dangling' is declared in 'Acme_NotAssoc', which is not an association.",
      "MOF2007 15:17 Default value of 'Small' does not fit its type uint8: 300 is out of range.",
      "MOF2007 16:18 Default value of 'Flag' does not fit its type boolean: a string is not a boolean.",
      "MOF2007 17:17 Default value of 'Text' does not fit its type string: an integer is not a string.",
      "MOF2002 19:10 Property 'DUP' is declared more than once in class 'Acme_Defaults'.",
      "MOF2001 22:7 Class 'Acme_Element' is already declared in namespace 'root/cimv2'.",
      "MOF2305 24:51 Class 'Acme_MoreKeys' adds key property 'Second' although its superclass 'Acme_Element' already has keys.",
      "MOF2603 26:41 'Blob' embeds unknown class 'Acme_Nowhere'.",
    ]);
    expect(r.diagnostics[0]?.hint).toBe("Did you mean 'Acme_Element'?");
    expect(r.diagnostics.find((d) => d.code === "MOF2002")?.related?.[0]?.message).toBe("first declared here");
    expect(r.diagnostics.find((d) => d.code === "MOF2603")?.severity).toBe("warning");
  });

  it("cuts inheritance cycles and still produces both classes", () => {
    expect(findClass(r.schema, "Acme_CycleB").superclass).toBeUndefined();
    expect(findClass(r.schema, "Acme_CycleA").superclass).toBe("Acme_CycleB");
  });
});

describe("strict qualifiers", () => {
  it("accepts unknown qualifiers leniently but checks values", () => {
    expect(described(compileFixture("strict-qualifiers"))).toEqual([
      "MOF2103 9:11 Value of qualifier 'MaxLen' does not fit its type uint32: a string is not an integer.",
    ]);
  });

  it("requires declarations and scope conformance in strict mode", () => {
    expect(described(compileFixture("strict-qualifiers", ["main.mof"], { strict: true }))).toEqual([
      "MOF2102 5:2 Qualifier 'Key' is not allowed on a class; its scope is property, reference.",
      "MOF2101 8:4 Qualifier 'Vendor_Thing' is not declared.",
      "MOF2103 9:11 Value of qualifier 'MaxLen' does not fit its type uint32: a string is not an integer.",
    ]);
  });
});
