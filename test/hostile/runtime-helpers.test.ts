/**
 * Runtime helpers shipped with the generated code take untrusted text from clients: object paths,
 * datetimes, Values labels. Hostile text must give `undefined` or a value — no exception, no
 * Object.prototype lookups answering for a missing label, no super-linear regex time on long input.
 */
import { describe, expect, it } from "vitest";
import { coerceCimDateTime, parseCimDateTime } from "../../templates/runtime/datetime.js";
import { coerceCimReference, parseObjectPath } from "../../templates/runtime/reference.js";
import { defineValueMap } from "../../templates/runtime/value-map.js";

/** A hang guard, not a speed measurement: linear code handles these inputs in milliseconds. */
const boundMs = 5_000;

function timed<T>(fn: () => T): T {
  const started = performance.now();
  const result = fn();
  expect(performance.now() - started).toBeLessThan(boundMs);
  return result;
}

const longInputs: readonly [string, string][] = [
  ["100,000 backslashes", "\\".repeat(100_000)],
  ["100,000 quotes", '"'.repeat(100_000)],
  ["100,000 key=value pairs", `CIM_X.${Array.from({ length: 100_000 }, (_, i) => `K${i}="v"`).join(",")}`],
  ["a 1 MB key value with escapes", `CIM_X.Id="${'\\"'.repeat(500_000)}"`],
  ["alternating separators", ':.=,"'.repeat(50_000)],
  ["a million digits", "9".repeat(1_000_000)],
  ["a million asterisks", "*".repeat(1_000_000)],
  ["nested references 2,000 deep", `${'CIM_X.R="'.repeat(2000)}x${'"'.repeat(2000)}`],
  ["NUL, bidi and line separators", "CIM_X.Id=\"a\u0000b\u202ec\u2028d\""],
  ["lone surrogates", "CIM_\ud800.Id=\"\udfff\""],
];

describe("object paths and datetimes from hostile text", () => {
  it.each(longInputs)("parseObjectPath: %s", (_name, text) => {
    const result = timed(() => parseObjectPath(text));
    expect(result === undefined || typeof result === "object").toBe(true);
  });

  it.each(longInputs)("coerceCimReference: %s", (_name, text) => {
    const result = timed(() => coerceCimReference(text));
    expect(result === undefined || typeof result === "object").toBe(true);
  });

  it.each(longInputs)("parseCimDateTime and coerceCimDateTime: %s", (_name, text) => {
    expect(timed(() => parseCimDateTime(text))).toBeUndefined();
    const coerced = timed(() => coerceCimDateTime(text));
    expect(coerced === undefined || typeof coerced === "object").toBe(true);
  });

  it.each([
    ["__proto__", JSON.parse('{"__proto__":{"x":1}}') as unknown],
    ["constructor", { constructor: "x" }],
    ["a cyclic object", (() => { const o: Record<string, unknown> = {}; o["self"] = o; return o; })()],
    ["a number", 42],
  ])("coerceCimReference on %s does not throw", (_name, raw) => {
    expect(() => coerceCimReference(raw)).not.toThrow();
  });
});

describe("value-map lookups with hostile labels", () => {
  const helpers = defineValueMap<number>({ name: "Demo_State", values: [[0, "Off"], [1, "On"]], ranges: [] });
  const internals = ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf", "prototype", "__defineGetter__"];

  it.each(internals)("value(%j) is undefined, not an Object.prototype member", (label) => {
    expect(helpers.value(label)).toBeUndefined();
  });

  it.each(internals)("label(%j) is undefined", (label) => {
    expect(helpers.label(label)).toBeUndefined();
    expect(helpers.is(label)).toBe(false);
  });

  it("a map whose own labels are object internals answers them exactly", () => {
    const hostile = defineValueMap<number>({ name: "Demo_H", values: internals.map((label, i) => [i, label] as const), ranges: [] });
    internals.forEach((label, i) => {
      expect(hostile.value(label)).toBe(i);
      expect(hostile.label(i)).toBe(label);
    });
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });
});
