import { describe, expect, expectTypeOf, it } from "vitest";
import {
  defineBitMap,
  defineValueMap,
  valueMapSpecFromQualifiers,
  type ValueMapSpec,
} from "../../templates/runtime/value-map.js";

/** CIM_Synchronized.CopyState as the seed page documents it, in the const-object style. */
const CopyState = {
  Initialized: 2,
  Unsynchronized: 3,
  Synchronized: 4,
  Broken: 5,
  Fractured: 6,
  Split: 7,
  Inactive: 8,
  Suspended: 9,
  Failedover: 10,
  Prepared: 11,
  Aborted: 12,
  Skewed: 13,
  Mixed: 14,
  NotApplicable: 15,
  Partitioned: 16,
  Invalid: 17,
} as const;
type CopyState = (typeof CopyState)[keyof typeof CopyState];

const copyState = defineValueMap<CopyState>({
  name: "CIM_Synchronized_CopyState",
  values: [
    [CopyState.Initialized, "Initialized"],
    [CopyState.Unsynchronized, "Unsynchronized"],
    [CopyState.Synchronized, "Synchronized"],
    [CopyState.Broken, "Broken"],
    [CopyState.Fractured, "Fractured"],
    [CopyState.Split, "Split"],
    [CopyState.Inactive, "Inactive"],
    [CopyState.Suspended, "Suspended"],
    [CopyState.Failedover, "Failedover"],
    [CopyState.Prepared, "Prepared"],
    [CopyState.Aborted, "Aborted"],
    [CopyState.Skewed, "Skewed"],
    [CopyState.Mixed, "Mixed"],
    [CopyState.NotApplicable, "Not Applicable"],
    [CopyState.Partitioned, "Partitioned"],
    [CopyState.Invalid, "Invalid"],
  ],
  ranges: [
    { min: 18, max: 32767, label: "DMTF Reserved" },
    { min: 32768, max: 65535, label: "Vendor Specific" },
  ],
});

const fromQualifiers = (valueMap: readonly string[], values: readonly string[]) => {
  const spec = valueMapSpecFromQualifiers("T", valueMap, values);
  if (spec === undefined) throw new Error("spec expected");
  return defineValueMap<number>(spec as ValueMapSpec<number>);
};

describe("CopyState (seed page)", () => {
  it("maps values to Values text, ranges included", () => {
    expect(copyState.name).toBe("CIM_Synchronized_CopyState");
    expect(copyState.label(4)).toBe("Synchronized");
    expect(copyState.label(15)).toBe("Not Applicable");
    expect(copyState.label(18)).toBe("DMTF Reserved");
    expect(copyState.label(32767)).toBe("DMTF Reserved");
    expect(copyState.label(32768)).toBe("Vendor Specific");
    expect(copyState.label(40000)).toBe("Vendor Specific");
    expect(copyState.label(65535)).toBe("Vendor Specific");
  });

  it("has no label outside the map", () => {
    expect(copyState.label(0)).toBeUndefined();
    expect(copyState.label(65536)).toBeUndefined();
    expect(copyState.label(4.5)).toBeUndefined();
    expect(copyState.label(null)).toBeUndefined();
    expect(copyState.label(undefined)).toBeUndefined();
  });

  it("accepts numeric strings and bigints as clients deliver them", () => {
    expect(copyState.label("4")).toBe("Synchronized");
    expect(copyState.label(40000n)).toBe("Vendor Specific");
    expect(copyState.label("four")).toBeUndefined();
  });

  it("maps text to values: exact, then ignoring case and spaces", () => {
    expect(copyState.value("Synchronized")).toBe(4);
    expect(copyState.value("Not Applicable")).toBe(15);
    expect(copyState.value("NotApplicable")).toBe(15);
    expect(copyState.value("not applicable")).toBe(15);
    expect(copyState.value("NOT_APPLICABLE")).toBe(15);
    expect(copyState.value("DMTF Reserved")).toBeUndefined();
    expect(copyState.value("Nonsense")).toBeUndefined();
  });

  it("guards members only", () => {
    expect(copyState.is(4)).toBe(true);
    expect(copyState.is(18)).toBe(false);
    expect(copyState.is("4")).toBe(false);
    expect(copyState.is(null)).toBe(false);
    const raw: unknown = 9;
    if (copyState.is(raw)) expectTypeOf(raw).toEqualTypeOf<CopyState>();
    expectTypeOf(copyState.value("Split")).toEqualTypeOf<CopyState | undefined>();
  });

  it("tells reserved and vendor values apart", () => {
    expect(copyState.isReserved(18)).toBe(true);
    expect(copyState.isVendor(18)).toBe(false);
    expect(copyState.isVendor(40000)).toBe(true);
    expect(copyState.isReserved(40000)).toBe(false);
    expect(copyState.isReserved(4)).toBe(false);
    expect(copyState.isVendor(4)).toBe(false);
    expect(copyState.isReserved(70000)).toBe(false);
    expect(copyState.isVendor(70000)).toBe(false);
  });

  it("lists members in source order, immutably", () => {
    const entries = copyState.entries();
    expect(entries).toHaveLength(16);
    expect(entries[0]).toEqual([2, "Initialized"]);
    expect(entries[13]).toEqual([15, "Not Applicable"]);
    expect(Object.isFrozen(entries)).toBe(true);
  });
});

describe("valueMapSpecFromQualifiers: every ValueMap form", () => {
  it("reads discrete values and a..b ranges", () => {
    const spec = valueMapSpecFromQualifiers("X", ["0", "2", "3..10"], ["Unknown", "Two", "DMTF Reserved"]);
    expect(spec).toEqual({
      name: "X",
      values: [
        [0, "Unknown"],
        [2, "Two"],
      ],
      ranges: [{ min: 3, max: 10, label: "DMTF Reserved" }],
    });
  });

  it("reads ..b and a.. half-open ranges", () => {
    const map = fromQualifiers(["..-1", "0", "1..", "5"], ["Negative", "Zero", "Positive", "Five"]);
    expect(map.label(-100)).toBe("Negative");
    expect(map.label(-1)).toBe("Negative");
    expect(map.label(0)).toBe("Zero");
    expect(map.label(5)).toBe("Five");
    expect(map.label(6)).toBe("Positive");
    expect(map.label(Number.MAX_SAFE_INTEGER)).toBe("Positive");
  });

  it("reads hex bounds and hex values", () => {
    const map = fromQualifiers(["0x10", "0x11..0x7FFF", "0x8000.."], ["Sixteen", "DMTF Reserved", "Vendor Reserved"]);
    expect(map.entries()).toEqual([[16, "Sixteen"]]);
    expect(map.label(0x7fff)).toBe("DMTF Reserved");
    expect(map.label(0x8000)).toBe("Vendor Reserved");
    expect(map.isVendor(0x9000)).toBe(true);
    expect(map.isReserved(0x20)).toBe(true);
  });

  it("reads binary values", () => {
    expect(valueMapSpecFromQualifiers("X", ["101b"], ["Five"])?.values).toEqual([[5, "Five"]]);
  });

  it("treats a lone .. as every other value", () => {
    const map = fromQualifiers(["1", "2", ".."], ["One", "Two", "DMTF Reserved"]);
    expect(map.label(1)).toBe("One");
    expect(map.label(3)).toBe("DMTF Reserved");
    expect(map.label(-7)).toBe("DMTF Reserved");
    expect(map.isReserved(99)).toBe(true);
    expect(map.isVendor(99)).toBe(false);
  });

  it("lets bounded ranges win over a lone .. wherever it appears; the first .. labels the rest", () => {
    const spec = valueMapSpecFromQualifiers("X", ["..", "1", "0x8000..", ".."], ["DMTF Reserved", "One", "Vendor Reserved", "Other"]);
    expect(spec?.ranges).toEqual([
      { label: "DMTF Reserved" },
      { min: 0x8000, label: "Vendor Reserved" },
      { label: "Other" },
    ]);
    const map = fromQualifiers(["..", "1", "0x8000..", ".."], ["DMTF Reserved", "One", "Vendor Reserved", "Other"]);
    expect(map.label(1)).toBe("One");
    expect(map.label(2)).toBe("DMTF Reserved");
    expect(map.label(0x8001)).toBe("Vendor Reserved");
  });

  it("uses the ValueMap text when Values is shorter", () => {
    expect(valueMapSpecFromQualifiers("X", ["1", "2"], ["One"])?.values).toEqual([
      [1, "One"],
      [2, "2"],
    ]);
  });

  it.each([
    ["a word", ["abc"]],
    ["a reversed range", ["5..3"]],
    ["a malformed bound", ["1..x"]],
    ["a fraction", ["1.5"]],
    ["a value beyond 2^53", ["18446744073709551615"]],
  ])("rejects %s", (_why, valueMap) => {
    expect(valueMapSpecFromQualifiers("X", valueMap, [])).toBeUndefined();
  });

  it("reads string value maps, with a lone ..", () => {
    const spec = valueMapSpecFromQualifiers("Kind", ["ISO", "DMTF", ".."], ["ISO standard", "DMTF standard", "Other"], true);
    expect(spec).toEqual({
      name: "Kind",
      values: [
        ["ISO", "ISO standard"],
        ["DMTF", "DMTF standard"],
      ],
      ranges: [],
      otherwise: "Other",
    });
    const map = defineValueMap<"ISO" | "DMTF">(spec as ValueMapSpec<"ISO" | "DMTF">);
    expect(map.label("ISO")).toBe("ISO standard");
    expect(map.label("IEEE")).toBe("Other");
    expect(map.value("dmtf standard")).toBe("DMTF");
    expect(map.is("ISO")).toBe(true);
    expect(map.is("iso")).toBe(false);
  });
});

describe("defineValueMap details", () => {
  it("honours an explicit vendor flag over the label", () => {
    const map = defineValueMap<number>({
      name: "X",
      values: [],
      ranges: [
        { min: 100, max: 199, label: "Reserved for OEMs", vendor: true },
        { min: 200, max: 299, label: "Vendor-ish but DMTF", vendor: false },
      ],
    });
    expect(map.isVendor(150)).toBe(true);
    expect(map.isReserved(250)).toBe(true);
    expect(map.isVendor(250)).toBe(false);
  });

  it("prefers the first entry for duplicate values and labels", () => {
    const map = defineValueMap<number>({
      name: "X",
      values: [
        [1, "Same"],
        [2, "Same"],
        [1, "Other"],
      ],
      ranges: [],
    });
    expect(map.label(1)).toBe("Same");
    expect(map.value("Same")).toBe(1);
    expect(map.value("Other")).toBe(1);
  });

  it("prefers an exact label over a loose match of an earlier entry", () => {
    const map = defineValueMap<number>({
      name: "X",
      values: [
        [1, "Failing over"],
        [2, "FailingOver"],
      ],
      ranges: [],
    });
    expect(map.value("FailingOver")).toBe(2);
    expect(map.value("failing-over")).toBe(1);
  });

  it("uses the otherwise label of the spec", () => {
    const map = defineValueMap<number>({ name: "X", values: [[0, "Zero"]], ranges: [], otherwise: "Vendor Reserved" });
    expect(map.label(7)).toBe("Vendor Reserved");
    expect(map.isVendor(7)).toBe(true);
  });

  it("works with TypeScript enums", () => {
    enum Mode {
      Sync = 2,
      Async = 3,
    }
    const mode = defineValueMap<Mode>({ name: "Mode", values: [[Mode.Sync, "Synchronous"], [Mode.Async, "Asynchronous"]], ranges: [] });
    expect(mode.value("synchronous")).toBe(Mode.Sync);
    expectTypeOf(mode.value("x")).toEqualTypeOf<Mode | undefined>();
  });
});

describe("value(text) keeps a label's meaning (signs, symbols, digits)", () => {
  /** CIM_Job.RunDayOfWeek as mof2ts emits it: a numeric TypeScript enum has reverse mappings too. */
  enum RunDayOfWeek {
    MinusSaturday = -7,
    MinusSunday = -1,
    ExactDayOfMonth = 0,
    Sunday = 1,
    Saturday = 7,
  }
  const days = defineValueMap<RunDayOfWeek>({
    name: "CIM_Job_RunDayOfWeek",
    members: RunDayOfWeek,
    values: [
      [RunDayOfWeek.MinusSaturday, "-Saturday"],
      [RunDayOfWeek.MinusSunday, "-Sunday"],
      [RunDayOfWeek.ExactDayOfMonth, "ExactDayOfMonth"],
      [RunDayOfWeek.Sunday, "Sunday"],
      [RunDayOfWeek.Saturday, "Saturday"],
    ],
    ranges: [],
  });

  it("a sign is part of the label, in any case and as the member name", () => {
    expect(days.value("Saturday")).toBe(7);
    expect(days.value("saturday")).toBe(7);
    expect(days.value("-Saturday")).toBe(-7);
    expect(days.value("MinusSaturday")).toBe(-7);
    expect(days.value("minus saturday")).toBe(-7);
    expect(days.value("Exact Day Of Month")).toBe(0);
  });

  it("reverse mappings of numeric enums are not names", () => {
    expect(days.value("7")).toBeUndefined();
    expect(days.value("-7")).toBeUndefined();
  });

  it("+ and digits kept apart by a separator count; collision-suffixed member names are accepted", () => {
    const Format = { DVDRWPlus: 1, DVDRW: 2, _1_0: 3, _10: 4, Other: 5, Other_6: 6 } as const;
    type Format = (typeof Format)[keyof typeof Format];
    const format = defineValueMap<Format>({
      name: "Format",
      members: Format,
      values: [
        [Format.DVDRWPlus, "DVD-RW+"],
        [Format.DVDRW, "DVD-RW"],
        [Format._1_0, "1.0"],
        [Format._10, "10"],
        [Format.Other, "Other"],
        [Format.Other_6, "Other"],
      ],
      ranges: [],
    });
    expect(format.value("dvd-rw")).toBe(2);
    expect(format.value("DVD RW +")).toBe(1);
    expect(format.value("DVDRWPlus")).toBe(1);
    expect(format.value("1.0")).toBe(3);
    expect(format.value("1_0")).toBe(3);
    expect(format.value("10")).toBe(4);
    expect(format.value("Other")).toBe(5);
    expect(format.value("Other_6")).toBe(6);
  });
});

describe("defineBitMap", () => {
  const caps = defineBitMap({
    name: "Caps",
    bits: [
      [0, "Read"],
      [1, "Write"],
      [4, "Execute"],
      [60, "Huge"],
    ],
    ranges: [{ min: 16, max: 31, label: "Vendor Reserved" }],
  });

  it("lists the names of set bits in bit order", () => {
    expect(caps.flags(0b10011)).toEqual(["Read", "Write", "Execute"]);
    expect(caps.flags(0)).toEqual([]);
    expect(caps.flags((1n << 60n) | 1n)).toEqual(["Read", "Huge"]);
  });

  it("reports set bits without a name separately", () => {
    expect(caps.unknownBits(0b1000 | (1 << 17) | 1)).toEqual([3, 17]);
    expect(caps.flags(0b1000)).toEqual([]);
  });

  it("ignores negative and non-integer values", () => {
    expect(caps.flags(-1)).toEqual([]);
    expect(caps.flags(1.5)).toEqual([]);
    expect(caps.unknownBits(-1n)).toEqual([]);
  });

  it("tests one flag by label, loosely matched", () => {
    expect(caps.has(0b10, "Write")).toBe(true);
    expect(caps.has(0b10, "write")).toBe(true);
    expect(caps.has(0b01, "Write")).toBe(false);
    expect(caps.has(0b01, "Nope")).toBe(false);
  });

  it("composes numbers and bigints from labels", () => {
    expect(caps.compose(["Read", "Execute"])).toBe(17);
    expect(caps.compose([])).toBe(0);
    expect(caps.compose(["Read", "Nope"])).toBeUndefined();
    expect(caps.compose(["Huge"])).toBeUndefined();
    expect(caps.composeBigInt(["Huge", "Read"])).toBe((1n << 60n) | 1n);
    expect(caps.flags(caps.compose(["Write", "Execute"]) ?? -1)).toEqual(["Write", "Execute"]);
  });

  it("lists bits in source order", () => {
    expect(caps.entries().map(([bit]) => bit)).toEqual([0, 1, 4, 60]);
    expect(caps.name).toBe("Caps");
  });
});
