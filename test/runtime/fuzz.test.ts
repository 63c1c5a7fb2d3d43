/**
 * The runtime helpers run on whatever clients send, so they must answer `undefined` or an error list
 * for any input, never throw. fast-check feeds them arbitrary values and near-miss strings.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { coerceCimDateTime, formatCimDateTime, parseCimDateTime } from "../../templates/runtime/datetime.js";
import { decodeInstance, type CimClassMeta } from "../../templates/runtime/decode.js";
import { coerceCimReference, formatObjectPath, parseObjectPath } from "../../templates/runtime/reference.js";
import { defineBitMap, defineValueMap, valueMapSpecFromQualifiers } from "../../templates/runtime/value-map.js";

/** Strings built from the characters the parsers care about, so they get past the first checks. */
const nearMiss = (alphabet: string, maxLength: number) =>
  fc.array(fc.constantFrom(...alphabet.split("")), { maxLength }).map((chars) => chars.join(""));

const META: CimClassMeta = {
  name: "T",
  namespace: "root/test",
  keys: ["Id"],
  properties: {
    Id: { type: "string", key: true },
    N: { type: "sint64" },
    U: { type: "uint8", isArray: true },
    R: { type: "real32" },
    C: { type: "char16" },
    B: { type: "boolean" },
    D: { type: "datetime" },
    Ref: { type: "reference" },
    O: { type: "object" },
    E: { type: "string", embeddedClass: "T", embedded: () => META },
  },
};

describe("no helper throws on arbitrary input", () => {
  it("datetime parsing and coercion", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), nearMiss("0123456789*.+-:", 25)), (text) => {
        const parsed = parseCimDateTime(text);
        // Whatever parses formats back to the same text (an offset of -000 or -*** is written with +).
        if (parsed !== undefined) expect(formatCimDateTime(parsed)).toBe(text.replace(/-(000|\*\*\*)$/, "+$1"));
      }),
    );
    fc.assert(
      fc.property(fc.anything(), nearMiss("0123456789-:.TZPDHMSW+/Date()\\", 30), (raw, text) => {
        coerceCimDateTime(raw);
        coerceCimDateTime(text);
      }),
    );
  });

  it("object path parsing and reference coercion", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), nearMiss('AB_1/\\:.="\',@- ', 40)), (text) => {
        const parsed = parseObjectPath(text);
        // Whatever parses is stable under format → parse.
        if (parsed !== undefined) expect(parseObjectPath(formatObjectPath(parsed))).toEqual(parsed);
      }),
    );
    fc.assert(
      fc.property(fc.anything(), (raw) => {
        coerceCimReference(raw);
      }),
    );
  });

  it("decoding", () => {
    const bag = fc.dictionary(fc.constantFrom("Id", "id", "N", "U", "R", "C", "B", "D", "Ref", "O", "E", "X"), fc.anything());
    fc.assert(
      fc.property(fc.oneof(fc.anything(), bag), fc.constantFrom("number" as const, "bigint" as const, "string" as const), (raw, int64) => {
        const result = decodeInstance(raw, META, { int64, unknownProperties: "error" });
        if (!result.ok) expect(result.errors.length).toBeGreaterThan(0);
      }),
    );
  });

  it("value maps and bit maps", () => {
    fc.assert(
      fc.property(fc.array(nearMiss("0123456789x.-b ", 8)), fc.array(fc.string()), fc.anything(), (valueMap, values, probe) => {
        const spec = valueMapSpecFromQualifiers("X", valueMap, values);
        if (spec === undefined) return;
        const helpers = defineValueMap<number>({ name: spec.name, values: spec.values.map(([v, l]) => [Number(v), l]), ranges: spec.ranges });
        helpers.is(probe);
        if (typeof probe === "number" || typeof probe === "string" || typeof probe === "bigint") helpers.label(probe);
        if (typeof probe === "string") helpers.value(probe);
      }),
    );
    const bits = defineBitMap({ name: "B", bits: [[0, "A"], [63, "Z"]] });
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.bigInt()), (value) => {
        bits.flags(value);
        bits.unknownBits(value);
      }),
    );
  });
});
