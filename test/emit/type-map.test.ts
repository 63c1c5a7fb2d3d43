import { describe, expect, test } from "vitest";
import { scalarType, valueType, type TypedShape, type TypeRefs } from "../../src/emit/type-map.js";
import type { CimType } from "../../src/model/schema.js";

const refs: TypeRefs = {
  runtimeType: (name) => name,
  classInterface: (name) => (name === "Known" ? "Known" : undefined),
};
const shape = (type: CimType, extra: Partial<TypedShape> = {}): TypedShape => ({ type, isArray: false, ...extra });

describe("CIM type -> TypeScript type", () => {
  test.each<[CimType, string]>([
    ["boolean", "boolean"],
    ["string", "string"],
    ["char16", "string"],
    ["uint8", "number"],
    ["sint8", "number"],
    ["uint16", "number"],
    ["sint16", "number"],
    ["uint32", "number"],
    ["sint32", "number"],
    ["real32", "number"],
    ["real64", "number"],
    ["datetime", "CimDateTime"],
    ["object", "CimInstanceValue"],
  ])("%s -> %s", (type, expected) => {
    expect(scalarType(shape(type), refs, "number")).toBe(expected);
  });

  test("64-bit integers follow the int64 option", () => {
    for (const int64 of ["number", "bigint", "string"] as const) {
      expect(scalarType(shape("uint64"), refs, int64)).toBe(int64);
      expect(scalarType(shape("sint64"), refs, int64)).toBe(int64);
    }
  });

  test("references carry the target class", () => {
    expect(scalarType(shape("reference", { referenceClass: "CIM_ManagedElement" }), refs, "number")).toBe('CimReference<"CIM_ManagedElement">');
  });

  test("embedded instances and objects", () => {
    expect(scalarType(shape("string", { embeddedClass: "Known" }), refs, "number")).toBe("Known");
    expect(scalarType(shape("string", { embeddedClass: "Unknown" }), refs, "number")).toBe("CimInstanceValue");
    expect(scalarType(shape("string", { isEmbeddedObject: true }), refs, "number")).toBe("CimInstanceValue");
    expect(scalarType(shape("object", { embeddedClass: "Known" }), refs, "number")).toBe("Known");
  });

  test("value maps stay open for vendor values; arrays are readonly", () => {
    expect(valueType(shape("uint16"), "E", refs, "number")).toBe("E | (number & {})");
    expect(valueType(shape("string"), "S", refs, "number")).toBe("S | (string & {})");
    expect(valueType(shape("uint16", { isArray: true }), "E", refs, "number")).toBe("readonly (E | (number & {}) | null)[]");
    expect(valueType(shape("string", { isArray: true }), undefined, refs, "number")).toBe("readonly (string | null)[]");
    expect(valueType(shape("uint64"), "E", refs, "bigint")).toBe("bigint");
  });
});
