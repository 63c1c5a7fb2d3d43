import { describe, expect, it } from "vitest";
import { diffSchemas, renderDiff } from "../../src/diff/index.js";
import type { SchemaChange } from "../../src/diff/index.js";
import { cls, method, param, prop, schema, valueMap } from "./schema-builder.js";

const brief = (changes: readonly SchemaChange[]) => changes.map((c) => `${c.grade} ${c.kind} ${c.className}${c.member ? "." + c.member : ""}${c.parameter ? "(" + c.parameter + ")" : ""}${c.detail ? " " + c.detail : ""}`);

describe("diffSchemas", () => {
  it("reports added and removed classes: removal breaks, addition does not", () => {
    const d = diffSchemas(schema([cls("CIM_A"), cls("CIM_Old")]), schema([cls("CIM_A"), cls("CIM_New")]));
    expect(brief(d.changes)).toEqual(["compatible class-added CIM_New", "breaking class-removed CIM_Old"]);
    expect(d.summary).toMatchObject({ classesAdded: 1, classesRemoved: 1, classesChanged: 0, breaking: 1, compatible: 1 });
  });

  it("matches class names case-insensitively and finds nothing in identical schemas", () => {
    const d = diffSchemas(schema([cls("CIM_A", { properties: [prop("X", "uint16")] })]), schema([cls("cim_a", { properties: [prop("x", "uint16")] })]));
    expect(d.changes).toEqual([]);
    expect(renderDiff(d, "text")).toBe("No changes.\n");
  });

  it("grades property changes for the generated TypeScript", () => {
    const before = cls("CIM_A", {
      properties: [
        prop("Gone", "string"),
        prop("Widened", "uint16"),
        prop("ToInt64", "uint32"),
        prop("ToArray", "string"),
        prop("Ref", "reference", { referenceClass: "CIM_X" }),
        prop("Writable", "string", { isWritable: true }),
        prop("Optional", "string"),
        prop("Keyed", "string"),
      ],
    });
    const after = cls("CIM_A", {
      properties: [
        prop("Widened", "uint32"),
        prop("ToInt64", "uint64"),
        prop("ToArray", "string", { isArray: true }),
        prop("Ref", "reference", { referenceClass: "CIM_Y" }),
        prop("Writable", "string"),
        prop("Optional", "string", { isRequired: true }),
        prop("Keyed", "string", { isKey: true }),
        prop("Fresh", "string"),
        prop("FreshKey", "string", { isKey: true }),
      ],
    });
    expect(brief(diffSchemas(schema([before]), schema([after])).changes)).toEqual([
      "compatible property-type-changed CIM_A.Widened",
      "compatible property-type-changed CIM_A.ToInt64",
      "breaking property-type-changed CIM_A.ToArray",
      "breaking property-type-changed CIM_A.Ref",
      "breaking write-changed CIM_A.Writable",
      "breaking required-changed CIM_A.Optional",
      "breaking key-changed CIM_A.Keyed",
      "compatible property-added CIM_A.Fresh",
      "breaking property-added CIM_A.FreshKey",
      "breaking property-removed CIM_A.Gone",
    ]);
  });

  it("grades 64-bit integer changes by the --int64 the code is generated with", () => {
    const before = schema([cls("CIM_A", { properties: [prop("N", "uint32")] })]);
    const after = schema([cls("CIM_A", { properties: [prop("N", "uint64")] })]);
    expect(diffSchemas(before, after).changes[0]!.grade).toBe("compatible");
    expect(diffSchemas(before, after, { int64: "number" }).changes[0]!.grade).toBe("compatible");
    expect(diffSchemas(before, after, { int64: "bigint" }).changes[0]!.grade).toBe("breaking");
    expect(diffSchemas(before, after, { int64: "string" }).changes[0]!.grade).toBe("breaking");
  });

  it("treats Deprecated, Experimental and Version as compatible, with before and after values", () => {
    const d = diffSchemas(
      schema([cls("CIM_A", { quals: { Version: "2.41.0" }, properties: [prop("P", "string")] })]),
      schema([cls("CIM_A", { quals: { Version: "2.49.0", Experimental: true }, properties: [prop("P", "string", { quals: { Deprecated: ["CIM_A.Q"] } })] })]),
    );
    expect(d.changes.map((c) => [c.kind, c.detail, c.before, c.after, c.grade])).toEqual([
      ["class-qualifier-changed", "Experimental", undefined, "true", "compatible"],
      ["class-qualifier-changed", "Version", "2.41.0", "2.49.0", "compatible"],
      ["property-qualifier-changed", "Deprecated", undefined, "CIM_A.Q", "compatible"],
    ]);
    expect(d.changes[2]!.message).toBe("CIM_A.P is now Deprecated (CIM_A.Q).");
  });

  it("compares value maps entry by entry", () => {
    const ranges = [{ kind: "range", min: 5, max: 32767, label: "DMTF Reserved" }] as const;
    const d = diffSchemas(
      schema([cls("CIM_A", { properties: [prop("State", "uint16", { valueMap: valueMap([[2, "Enabled"], [3, "Disabled"], [4, "Not Applicable"]], ranges) })] })]),
      schema([cls("CIM_A", { properties: [prop("State", "uint16", { valueMap: valueMap([[2, "Turned On"], [4, "Not applicable"], [5, "Testing"]], [{ kind: "range", min: 6, max: 32767, label: "DMTF Reserved" }]) })] })]),
    );
    expect(brief(d.changes)).toEqual([
      "breaking value-renamed CIM_A.State 2",
      "compatible value-renamed CIM_A.State 4",
      "compatible value-added CIM_A.State 5",
      "compatible value-added CIM_A.State 6..32767",
      "breaking value-removed CIM_A.State 3",
      "compatible value-removed CIM_A.State 5..32767",
    ]);
  });

  it("reports method, return and parameter changes", () => {
    const before = cls("CIM_S", {
      methods: [
        method("Gone"),
        method("Change", {
          parameters: [param("Mode", "uint16", { valueMap: valueMap([[1, "A"]]) }), param("Old", "string"), param("Dir", "string")],
        }),
      ],
    });
    const after = cls("CIM_S", {
      methods: [
        method("Change", {
          returnType: "string",
          parameters: [
            param("Mode", "uint16", { valueMap: valueMap([[1, "A"], [2, "B"]]) }),
            param("Dir", "string", { direction: "out" }),
            param("Extra", "string"),
            param("Must", "string", { quals: { Required: true } }),
          ],
        }),
        method("Fresh"),
      ],
    });
    expect(brief(diffSchemas(schema([before]), schema([after])).changes)).toEqual([
      "breaking return-type-changed CIM_S.Change",
      "compatible value-added CIM_S.Change(Mode) 2",
      "breaking parameter-direction-changed CIM_S.Change(Dir)",
      "compatible parameter-added CIM_S.Change(Extra)",
      "breaking parameter-added CIM_S.Change(Must)",
      "breaking parameter-removed CIM_S.Change(Old)",
      "compatible method-added CIM_S.Fresh",
      "breaking method-removed CIM_S.Gone",
    ]);
  });

  it("reports a change made in a superclass once, where it happens", () => {
    const base = (extra: boolean) => [prop("Name", "string", { origin: "CIM_Base" }), ...(extra ? [prop("Added", "string", { origin: "CIM_Base" })] : [])];
    const world = (extra: boolean) =>
      schema([
        cls("CIM_Base", { properties: base(extra) }),
        cls("CIM_Child", { superclass: "CIM_Base", properties: [...base(extra), prop("Own", "uint8", { origin: "CIM_Child" })] }),
        cls("CIM_Grandchild", { superclass: "CIM_Child", properties: [...base(extra), prop("Own", "uint8", { origin: "CIM_Child" })] }),
      ]);
    expect(brief(diffSchemas(world(false), world(true)).changes)).toEqual(["compatible property-added CIM_Base.Added"]);
  });

  it("reports inherited differences when the superclass itself changed", () => {
    const d = diffSchemas(
      schema([cls("P1", { properties: [prop("A", "string")] }), cls("C", { superclass: "P1", properties: [prop("A", "string")] })]),
      schema([cls("P1", { properties: [prop("A", "string")] }), cls("P2", { properties: [prop("B", "string")] }), cls("C", { superclass: "P2", properties: [prop("B", "string")] })]),
    );
    expect(brief(d.changes)).toEqual(["breaking superclass-changed C", "compatible property-added C.B", "breaking property-removed C.A", "compatible class-added P2"]);
  });

  it("grades a class inserted above as compatible: the old superclass is still an ancestor", () => {
    const d = diffSchemas(
      schema([cls("Base", { properties: [prop("A", "string")] }), cls("C", { superclass: "Base", properties: [prop("A", "string")] })]),
      schema([
        cls("Base", { properties: [prop("A", "string")] }),
        cls("Mid", { superclass: "Base", properties: [prop("A", "string"), prop("M", "string")] }),
        cls("C", { superclass: "Mid", properties: [prop("A", "string"), prop("M", "string")] }),
      ]),
    );
    expect(brief(d.changes)).toEqual(["compatible superclass-changed C", "compatible property-added C.M", "compatible class-added Mid"]);
    expect(d.changes[0]!.message).toBe("Superclass of C changed from Base to Mid, which derives from Base.");
  });

  it("says when a removed value now falls in a range (its enum member is gone all the same)", () => {
    const d = diffSchemas(
      schema([cls("CIM_P", { properties: [prop("T", "uint16", { valueMap: valueMap([[1, "One"], [255, "Vendor Unique"]]) })] })]),
      schema([cls("CIM_P", { properties: [prop("T", "uint16", { valueMap: valueMap([[1, "One"]], [{ kind: "range", min: 255, label: "Vendor Unique" }]) })] })]),
    );
    const removed = d.changes.find((c) => c.kind === "value-removed")!;
    expect([removed.grade, removed.message]).toEqual([
      "breaking",
      "Value 255 (Vendor Unique) was removed from CIM_P.T; it now falls in the range 255.. (Vendor Unique), which has no enum member.",
    ]);
  });

  it("detects a class that moved namespace, and ignores classes that came only from --schema", () => {
    const d = diffSchemas(
      schema([cls("CIM_M", { namespace: "root/a" }), cls("CIM_Base", { fromBaseSchema: true })]),
      schema([cls("CIM_M", { namespace: "root/b" })]),
    );
    expect(d.changes.map((c) => [c.kind, c.before, c.after, c.grade])).toEqual([["class-moved", "root/a", "root/b", "breaking"]]);
  });

  it("is deterministic whatever the class order", () => {
    const a = [cls("CIM_B"), cls("CIM_A", { properties: [prop("X", "string")] })];
    const b = [cls("CIM_C"), cls("CIM_A")];
    expect(diffSchemas(schema(a), schema(b))).toEqual(diffSchemas(schema([...a].reverse()), schema([...b].reverse())));
  });
});

describe("renderDiff", () => {
  const d = diffSchemas(
    schema([cls("CIM_A", { properties: [prop("X", "string")] }), cls("CIM_Gone")]),
    schema([cls("CIM_A", { properties: [prop("X", "string"), prop("Y", "uint16")] }), cls("CIM_New")]),
  );

  it("text: a summary, then each class with graded changes, breaking first", () => {
    expect(renderDiff(d, "text").split("\n")).toEqual([
      "1 class added, 1 removed, 1 changed; 1 breaking change, 2 compatible.",
      "",
      "CIM_A (root/cimv2)",
      "  compatible  Property CIM_A.Y was added.",
      "",
      "CIM_Gone (root/cimv2)",
      "  BREAKING    Class CIM_Gone was removed.",
      "",
      "CIM_New (root/cimv2)",
      "  compatible  Class CIM_New was added.",
      "",
    ]);
  });

  it("markdown: a count table and sections per grade, schema text escaped", () => {
    const md = renderDiff(d, "markdown");
    expect(md).toContain("| Breaking changes | 1 |");
    expect(md).toContain("## Breaking changes\n\n### CIM_Gone\n\n- Class CIM_Gone was removed.");
    expect(md).toContain("## Compatible changes");
  });

  it("json: the diff itself, parseable", () => {
    const parsed = JSON.parse(renderDiff(d, "json")) as { summary: { breaking: number }; changes: unknown[] };
    expect(parsed.summary.breaking).toBe(1);
    expect(parsed.changes).toHaveLength(3);
  });

  it("keeps control characters in labels from reaching the terminal", () => {
    const evil = diffSchemas(schema([cls("CIM_A")]), schema([cls("CIM_A", { properties: [prop("P", "uint8", { valueMap: undefined })] }), cls("CIM_\u001b[31mX")]));
    expect(renderDiff(evil, "text")).not.toContain("\u001b");
  });
});
