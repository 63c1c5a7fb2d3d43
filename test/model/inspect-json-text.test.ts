import { readdirSync, readFileSync, statSync } from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { toInspectJson } from "../../src/model/inspect-json.js";
import { writeInspectJson } from "../../src/model/inspect-json-text.js";
import type { CimInstance, CimSchema } from "../../src/model/schema.js";
import { cls, method, param, prop, qualifiers, schema, valueMap } from "../cli/schema-builder.js";
import { compileMof, compileText } from "../resolve/helpers.js";

/** The written document, decoded; `keep` makes the sink keep every chunk (no buffer reuse). */
function written(model: CimSchema, keep = false): string {
  const chunks: Uint8Array[] = [];
  writeInspectJson(model, (chunk) => {
    chunks.push(keep ? chunk : chunk.slice());
    return !keep;
  });
  const decoder = new TextDecoder();
  return chunks.map((chunk) => decoder.decode(chunk, { stream: true })).join("") + decoder.decode();
}

function expectSameAsStringify(model: CimSchema): void {
  const expected = JSON.stringify(toInspectJson(model), null, 2);
  expect(written(model)).toBe(expected);
  expect(written(model, true)).toBe(expected);
}

describe("writeInspectJson writes exactly JSON.stringify(toInspectJson(schema), null, 2)", () => {
  it("for inherited and overridden members, value maps, bit maps, methods, instances and qualifier types", () => {
    const result = compileText(`
Qualifier Description : string = null, Scope(any), Flavor(EnableOverride, ToSubclass, Translatable);
[Abstract, Version("2.1.0"), Description("Base\\nwith a line break, a \\"quote\\", a back\\\\slash, \\x2028 and \\xD800 alone")]
class CIM_Base {
  [Key, Description("Ident\\x0001ifier")] string Id;
  [ValueMap {"0", "2..4", "..", "0x8000.."}, Values {"Zero", "Few", "Reserved", "Vendor"}] uint16 Mode = 2;
  [BitMap {"0", "1", "4..7"}, BitValues {"Read", "Write", "Vendor Reserved"}] uint32 Flags;
  uint64 Huge = 18446744073709551615;
  sint64 Small = -9223372036854775808;
  real64 Ratio = 1.5e300;
  string Names[] = {"a", "b\\tc", "é ü 😀"};
  uint8 Fixed[4];
  [ValueMap {"0", "1"}, Values {"Ok", "Failed"}] uint32 Start([In] uint16 Level, [Out, EmbeddedInstance("CIM_Base")] string Result[]);
};
class CIM_Middle : CIM_Base {
  [Override("Mode"), ValueMap {"1"}, Values {"One"}] uint16 Mode;
  CIM_Base REF Other;
};
class CIM_Leaf : CIM_Middle { string Extra = "x"; };
class CIM_OtherLeaf : CIM_Middle { };
class CIM_Empty { };
instance of CIM_Leaf as $leaf { Id = "one"; Extra = "two"; };
instance of CIM_OtherLeaf { Id = "three"; Other = $leaf; };
`);
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expectSameAsStringify(result.schema!);
  });

  it("for namespaces, empty schemas and classes without members", () => {
    const files = {
      "a.mof": `class B_Sub : A_Base { string Extra; };\n#pragma namespace("root/zed")\nclass Z_One { };`,
      "b.mof": `class A_Base { [Key] string Id; };\nclass a_lower { };`,
    };
    expectSameAsStringify(compileMof(files, { inputs: ["a.mof", "b.mof"] }).schema!);
    expectSameAsStringify(compileText("").schema!);
  });

  it("for values JSON.stringify treats specially: non-finite and negative zero reals, bigints, aliases, enums, embedded instances", () => {
    const embedded: CimInstance = {
      className: "CIM_Inner",
      namespace: "root/cimv2",
      properties: [{ name: "V", type: "real64", value: [Number.NaN, -0, 1e21, 2n ** 70n, null, true] }],
      source: { file: "t.mof", line: 3, span: { file: "t.mof", start: 0, end: 0 } },
    };
    const base = cls("CIM_A", {
      quals: { Description: "a\u0000b\u007f\u0085\u2029\udc00", Odd: [{ kind: "alias", name: "x" }, { kind: "enum", name: "Red" }], Empty: [] },
      properties: [
        prop("R", "real64", { default: Number.NEGATIVE_INFINITY, quals: { Nested: { kind: "instance", instance: embedded } } }),
        prop("Z", "real32", { default: -0, valueMap: valueMap([[-1, "Minus"]], [{ kind: "value", value: 2n ** 64n, label: "Big" }, { kind: "range", min: 0n, label: "Open" }]) }),
        prop("S", "string", { valueMap: { isString: true, entries: [{ kind: "value", value: "a\"b", label: "Quote" }] } }),
        prop("B", "uint8", { bitMap: { entries: [{ kind: "bit", bit: 3, label: "Three" }, { kind: "range", label: "Rest" }] } }),
      ],
      methods: [method("Go", { parameters: [param("P", "object", { default: { kind: "instance", instance: embedded }, arraySize: 2, isArray: true })] })],
    });
    const sub = cls("CIM_B", { superclass: "CIM_A", properties: base.properties, methods: base.methods });
    const subSub = cls("CIM_C", { superclass: "CIM_B", properties: base.properties, methods: base.methods });
    expectSameAsStringify(schema([base, sub, subSub]));
  });

  it("for qualifier names an object orders or treats specially: integer-like keys and __proto__", () => {
    const odd = qualifiers({ Zeta: 1, "10": "ten", "2": "two", ["__proto__"]: "proto", "1st": true });
    const a = cls("CIM_A", { declaredQualifiers: odd, properties: [prop("P", "uint8", { declaredQualifiers: odd })] });
    const b = cls("CIM_B", { properties: a.properties });
    const model = schema([a, b]);
    expectSameAsStringify(model);
    expect(written(model)).not.toContain('"__proto__"');
  });

  it("for every fixture schema", () => {
    let compared = 0;
    for (const file of mofFiles(fileURLToPath(new URL("../../fixtures", import.meta.url)))) {
      const text = readFileSync(file, "utf8");
      const result = compileMof({ [path.basename(file)]: text });
      if (result.schema === undefined) continue;
      expectSameAsStringify(result.schema);
      compared++;
    }
    expect(compared).toBeGreaterThan(10);
  });
});

function mofFiles(dir: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) found.push(...mofFiles(full));
    else if (name.endsWith(".mof")) found.push(full);
  }
  return found;
}
