import { describe, expect, it } from "vitest";
import { compileText, findClass, codes } from "./helpers.js";

describe("smoke", () => {
  it("resolves a class", () => {
    const r = compileText(`
      [Abstract, Description("Base")] class CIM_A { [Key] string Id; uint16 Status = 2; };
      class CIM_B : CIM_A { [Override("Status")] uint16 Status = 3; string Extra; };
    `);
    expect(codes(r.diagnostics)).toEqual([]);
    const b = findClass(r.schema, "cim_b");
    expect(b.properties.map((p) => [p.name, p.classOrigin, p.default, p.isOverride])).toEqual([
      ["Id", "CIM_A", undefined, false],
      ["Status", "CIM_A", 3, true],
      ["Extra", "CIM_B", undefined, false],
    ]);
  });
});
