/**
 * What resolve shares or computes on demand to stay fast must not change what it reports: repeated
 * value maps are built once but every problem is still reported where it is written, and a qualifier's
 * source location (looked up only when read) names the right line.
 */
import { describe, expect, it } from "vitest";
import { compileMof, compileText, codes, described, findClass, property } from "./helpers.js";

const mapOf = (values: string, labels: string) => `[ValueMap {${values}}, Values {${labels}}]`;

describe("repeated value maps", () => {
  it("are built once and shared by every element with the same type and texts", () => {
    const result = compileText(`
      class A { ${mapOf('"0", "1"', '"Off", "On"')} uint16 State; ${mapOf('"0", "1"', '"Off", "On"')} uint16 Mode; };
      class B { ${mapOf('"0", "1"', '"Off", "On"')} uint16 State; ${mapOf('"0", "1"', '"Off", "On"')} string Name; };
    `);
    expect(result.diagnostics).toEqual([]);
    const a = findClass(result.schema, "A");
    const b = findClass(result.schema, "B");
    expect(property(a, "State").valueMap).toEqual({
      isString: false,
      entries: [
        { kind: "value", value: 0, label: "Off" },
        { kind: "value", value: 1, label: "On" },
      ],
    });
    expect(property(a, "Mode").valueMap).toBe(property(a, "State").valueMap);
    expect(property(b, "State").valueMap).toBe(property(a, "State").valueMap);
    // Another element type is another map: string values stay strings.
    expect(property(b, "Name").valueMap).toEqual({
      isString: true,
      entries: [
        { kind: "value", value: "0", label: "Off" },
        { kind: "value", value: "1", label: "On" },
      ],
    });
  });

  it("report their problems at every element that writes them", () => {
    const result = compileText(`
      class A { ${mapOf('"1", "1", "300"', '"One", "Again", "Big"')} uint8 First; };
      class B { ${mapOf('"1", "1", "300"', '"One", "Again", "Big"')} uint8 Second; };
    `);
    expect(described(result).map((line) => line.replace(/:\d+ /, " "))).toEqual([
      "MOF2402 2 ValueMap entry '1' appears more than once.",
      "MOF2404 2 ValueMap entry '300' is outside the range of uint8.",
      "MOF2402 3 ValueMap entry '1' appears more than once.",
      "MOF2404 3 ValueMap entry '300' is outside the range of uint8.",
    ]);
  });

  it("still report problems when an equal map was first built quietly, in a base schema", () => {
    const base = `class Base_Thing { ${mapOf('"1", "1"', '"One", "Again"')} uint8 Level; };`;
    const main = `class My_Thing : Base_Thing { ${mapOf('"1", "1"', '"One", "Again"')} uint8 Other; };`;
    const result = compileMof({ "main.mof": main, "base.mof": base }, { schemaFiles: ["base.mof"] });
    expect(codes(result.diagnostics)).toEqual(["MOF2402"]);
    expect(result.diagnostics[0]?.span?.file).toBe("main.mof");
    expect(property(findClass(result.schema, "My_Thing"), "Level").valueMap?.entries).toHaveLength(2);
  });
});

describe("qualifier source locations", () => {
  it("name the file and line where the qualifier is written, each time they are read", () => {
    const result = compileText(["class A {", "  [Key,", "   Description(\"The id\")]", "  string Id;", "};"].join("\n"));
    const qualifiers = property(findClass(result.schema, "A"), "Id").qualifiers;
    expect(qualifiers.get("key")?.source).toMatchObject({ file: "main.mof", line: 2 });
    expect(qualifiers.get("description")?.source).toMatchObject({ file: "main.mof", line: 3 });
    expect(qualifiers.get("description")?.source).toEqual(qualifiers.get("description")?.source);
  });
});

describe("qualifier objects", () => {
  it("have the same own properties, in the same order, whether written or inherited", () => {
    const result = compileText(`
      class A { [Key, Description("The id")] string Id; };
      class B : A { [Override("Id"), Description("B's id")] string Id; };
    `);
    const a = property(findClass(result.schema, "A"), "Id");
    const b = property(findClass(result.schema, "B"), "Id");
    for (const qualifier of [...a.qualifiers.values(), ...b.qualifiers.values(), ...b.declaredQualifiers.values()]) {
      expect(Object.keys(qualifier)).toEqual(["name", "value", "flavors", "origin"]);
    }
    expect(b.qualifiers.get("key")).toBe(a.qualifiers.get("key"));
    expect(b.qualifiers.get("description")).toMatchObject({ name: "Description", value: "B's id", origin: "B" });
  });
});
