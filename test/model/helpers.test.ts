import { describe, expect, it } from "vitest";
import { defaultNamespace, namespaceKey, normalizeNamespace, parentNamespace } from "../../src/model/namespace.js";
import { getQualifier, qualifierFlag, qualifierString, qualifierStrings, qualifierValue, valuesEqual, defaultFlavors } from "../../src/model/qualifiers.js";
import { fitsIntegerType, toModelInteger } from "../../src/model/cim-types.js";
import type { CimQualifier, QualifierSet } from "../../src/model/schema.js";

describe("normalizeNamespace", () => {
  it.each([
    ["\\\\.\\root\\cimv2", "root/cimv2"],
    ["\\\\server\\Root\\WMI", "Root/WMI"],
    ["//./root/Interop", "root/Interop"],
    ["root\\cimv2\\Storage\\", "root/cimv2/Storage"],
    ["root/cimv2", "root/cimv2"],
    ["/root//x", "root/x"],
  ])("%s -> %s", (raw, expected) => {
    expect(normalizeNamespace(raw)).toBe(expected);
  });

  it("resolves relative names against the current namespace", () => {
    expect(normalizeNamespace("ms_409", "root/Acme")).toBe("root/Acme/ms_409");
    expect(normalizeNamespace("", "root/Acme")).toBe("root/Acme");
    expect(normalizeNamespace("ms_409")).toBe(`${defaultNamespace}/ms_409`);
  });

  it("compares case-insensitively and finds parents", () => {
    expect(namespaceKey("Root/CIMV2")).toBe(namespaceKey("root/cimv2"));
    expect(parentNamespace("root/cimv2/ms_409")).toBe("root/cimv2");
    expect(parentNamespace("root")).toBeUndefined();
  });
});

describe("qualifier readers", () => {
  const q = (name: string, value: CimQualifier["value"]): [string, CimQualifier] => [name.toLowerCase(), { name, value, flavors: defaultFlavors, origin: "X" }];
  const set: QualifierSet = new Map([q("Key", true), q("Description", "Text"), q("ValueMap", ["1", "2"]), q("Deprecated", ["Other"]), q("In", false)]);

  it("looks names up in any case", () => {
    expect(getQualifier(set, "KEY")?.name).toBe("Key");
    expect(qualifierFlag(set, "key")).toBe(true);
    expect(qualifierFlag(set, "In")).toBe(false);
    expect(qualifierValue(set, "Missing")).toBeUndefined();
    expect(qualifierString(set, "description")).toBe("Text");
    expect(qualifierString(set, "Deprecated")).toBe("Other");
    expect(qualifierStrings(set, "ValueMap")).toEqual(["1", "2"]);
    expect(qualifierStrings(set, "Description")).toEqual(["Text"]);
    expect(qualifierStrings(set, "Nothing")).toBeUndefined();
  });

  it("compares values structurally", () => {
    expect(valuesEqual(["a", 1], ["a", 1n])).toBe(true);
    expect(valuesEqual(["a"], ["a", "b"])).toBe(false);
    expect(valuesEqual({ kind: "alias", name: "X" }, { kind: "alias", name: "x" })).toBe(true);
    expect(valuesEqual(true, "true")).toBe(false);
  });
});

describe("integer helpers", () => {
  it("checks ranges and keeps big integers exact", () => {
    expect(fitsIntegerType(255n, "uint8")).toBe(true);
    expect(fitsIntegerType(-129n, "sint8")).toBe(false);
    expect(toModelInteger(42n)).toBe(42);
    expect(toModelInteger(2n ** 60n)).toBe(2n ** 60n);
  });
});
