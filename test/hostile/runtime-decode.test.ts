/**
 * The generated decoders run on untrusted data (PowerShell JSON, WS-Man and CIM-XML clients). Hostile
 * property bags must give typed values or errors: no prototype pollution through `__proto__` /
 * `constructor` keys, no crash on cyclic or deeply nested values or odd shapes. (Bags are plain data, as
 * JSON.parse gives them; a getter or Proxy that throws is the caller's own code and may throw through.)
 */
import { afterEach, describe, expect, it } from "vitest";
import { decodeInstance, type CimClassMeta } from "../../templates/runtime/decode.js";

const embeddedMeta: CimClassMeta = {
  name: "Demo_Inner",
  namespace: "root/cimv2",
  keys: [],
  properties: { Name: { type: "string" }, Inner: { type: "object", embedded: () => embeddedMeta } },
};

const meta: CimClassMeta = {
  name: "Demo_Hostile",
  namespace: "root/cimv2",
  keys: ["Id"],
  properties: {
    Id: { type: "string", key: true },
    ["__proto__"]: { type: "string" } as const,
    constructor: { type: "uint32" } as const,
    toString: { type: "string" } as const,
    Tags: { type: "string", isArray: true },
    Count: { type: "uint64" },
    When: { type: "datetime" },
    Inner: { type: "object", embedded: () => embeddedMeta },
    Loose: { type: "object" },
  },
};

afterEach(() => {
  // Whatever a case did, Object.prototype must be untouched.
  expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain("polluted");
  expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
});

function nested(depth: number): unknown {
  let value: Record<string, unknown> = { Name: "leaf" };
  for (let i = 0; i < depth; i++) value = { Name: `n${i}`, Inner: value };
  return value;
}

const cases: readonly [string, () => unknown][] = [
  ["JSON with a __proto__ key", () => JSON.parse('{"Id":"a","__proto__":{"polluted":1}}')],
  ["JSON with a constructor.prototype payload", () => JSON.parse('{"Id":"a","constructor":{"prototype":{"polluted":1}}}')],
  ["__proto__ in an embedded instance", () => JSON.parse('{"Id":"a","Inner":{"__proto__":{"polluted":1},"Name":"x"}}')],
  ["__proto__ in an untyped embedded object", () => JSON.parse('{"Id":"a","Loose":{"__proto__":{"polluted":1}}}')],
  ["differently cased __PROTO__ key", () => JSON.parse('{"Id":"a","__PROTO__":"x","CONSTRUCTOR":5}')],
  ["an object with a null prototype", () => Object.assign(Object.create(null) as object, { Id: "a" })],
  ["a cyclic embedded instance", () => { const v: Record<string, unknown> = { Id: "a" }; const inner: Record<string, unknown> = { Name: "x" }; inner["Inner"] = inner; v["Inner"] = inner; return v; }],
  ["an embedded instance nested 10,000 deep", () => ({ Id: "a", Inner: nested(10_000) })],
  ["an array of a million tags", () => ({ Id: "a", Tags: Array.from({ length: 1_000_000 }, (_, i) => String(i)) })],
  ["a sparse array", () => ({ Id: "a", Tags: [, , "x"] })],
  ["a 10 MB string", () => ({ Id: "x".repeat(10 * 1024 * 1024) })],
  ["uint64 beyond 2^64 as text", () => ({ Id: "a", Count: "1".repeat(400) })],
  ["uint64 as a float, NaN and Infinity", () => ({ Id: "a", Count: Number.NaN, Tags: [Infinity] })],
  ["a datetime with control characters", () => ({ Id: "a", When: "2026\u0000112610\u202e3000.000000+060" })],
  ["a bigint, a symbol and a function as values", () => ({ Id: 1n, Tags: [Symbol("s")], When: () => 1 })],
  ["an array where an object is expected", () => [{ Id: "a" }]],
  ["a string where an object is expected", () => '{"Id":"a"}'],
  ["undefined and null", () => undefined],
];

describe("generated decoders on hostile property bags", () => {
  it.each(cases)("%s: ends in a value or errors, never throws", (_name, make) => {
    const result = decodeInstance<Record<string, unknown>>(make(), meta);
    expect(typeof result.ok).toBe("boolean");
    if (result.ok) {
      expect(Object.getPrototypeOf(result.value) === Object.prototype || Object.getPrototypeOf(result.value) === null).toBe(true);
    } else {
      expect(result.errors.length).toBeGreaterThan(0);
      for (const error of result.errors) expect(typeof error.path).toBe("string");
    }
  });
});
