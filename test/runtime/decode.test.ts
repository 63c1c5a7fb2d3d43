import { describe, expect, expectTypeOf, it } from "vitest";
import type { CimDateTime } from "../../templates/runtime/datetime.js";
import {
  decodeInstance,
  type CimClassMeta,
  type CimInstanceValue,
  type DecodeError,
  type DecodeResult,
} from "../../templates/runtime/decode.js";
import type { CimReference } from "../../templates/runtime/reference.js";
import { defineValueMap } from "../../templates/runtime/value-map.js";

/** CIM_Synchronized as the seed page documents it (inherited properties included). */
const CIM_Synchronized_META: CimClassMeta = {
  name: "CIM_Synchronized",
  namespace: "root/cimv2",
  keys: ["SystemElement", "SyncedElement"],
  properties: {
    SystemElement: { type: "reference", key: true, referenceClass: "CIM_ManagedElement" },
    SyncedElement: { type: "reference", key: true, referenceClass: "CIM_ManagedElement" },
    WhenSynced: { type: "datetime" },
    SyncMaintained: { type: "boolean" },
    CopyState: { type: "uint16" },
    Mode: { type: "uint16" },
    PercentSynced: { type: "uint16" },
    ProgressStatus: { type: "uint16" },
    RequestedCopyState: { type: "uint16" },
    SyncType: { type: "uint16" },
    WhenActivated: { type: "datetime" },
    WhenDeactivated: { type: "datetime" },
    WhenEstablished: { type: "datetime" },
    WhenSuspended: { type: "datetime" },
    WhenSynchronized: { type: "datetime" },
    CopyRecoveryMode: { type: "uint16" },
    FailedCopyStopsHostIO: { type: "boolean" },
  },
};

interface CIM_Synchronized {
  readonly SystemElement: CimReference<"CIM_ManagedElement">;
  readonly SyncedElement: CimReference<"CIM_ManagedElement">;
  readonly WhenSynced?: CimDateTime | null;
  readonly SyncMaintained?: boolean | null;
  readonly CopyState?: number | null;
  readonly RequestedCopyState?: number | null;
  readonly FailedCopyStopsHostIO?: boolean | null;
}

const SETTING_META: CimClassMeta = {
  name: "TEST_Setting",
  namespace: "root/test",
  keys: ["InstanceID"],
  properties: {
    InstanceID: { type: "string", key: true },
    Name: { type: "string", required: true },
    Weight: { type: "uint8" },
  },
};

/** A class with one property of every type. */
const ALL_TYPES_META: CimClassMeta = {
  name: "TEST_AllTypes",
  namespace: "root/test",
  keys: ["Id"],
  properties: {
    Id: { type: "string", key: true },
    U8: { type: "uint8" },
    S8: { type: "sint8" },
    U16: { type: "uint16" },
    S16: { type: "sint16" },
    U32: { type: "uint32" },
    S32: { type: "sint32" },
    U64: { type: "uint64" },
    S64: { type: "sint64" },
    R32: { type: "real32" },
    R64: { type: "real64" },
    C16: { type: "char16" },
    Str: { type: "string" },
    Flag: { type: "boolean" },
    When: { type: "datetime" },
    Ref: { type: "reference", referenceClass: "CIM_ManagedElement" },
    Obj: { type: "object" },
    Values: { type: "uint16", isArray: true },
    Names: { type: "string", isArray: true },
    Settings: { type: "string", isArray: true, embeddedClass: "TEST_Setting", embedded: () => SETTING_META },
    Setting: { type: "string", embeddedClass: "TEST_Setting", embedded: () => SETTING_META },
    Opaque: { type: "string", embeddedClass: "TEST_Unknown" },
    Needed: { type: "uint32", required: true },
  },
};

function errorsOf<T>(result: DecodeResult<T>): readonly DecodeError[] {
  return result.ok ? [] : result.errors;
}

function valueOf<T>(result: DecodeResult<T>): T {
  if (!result.ok) throw new Error("decode failed: " + JSON.stringify(result.errors));
  return result.value;
}

const decodeAll = (raw: Record<string, unknown>, options?: Parameters<typeof decodeInstance>[2]) =>
  decodeInstance<Record<string, unknown>>({ Id: "x", Needed: 1, ...raw }, ALL_TYPES_META, options);

describe("decodeInstance: CIM_Synchronized from real clients", () => {
  it("decodes PowerShell 7 Get-CimInstance | ConvertTo-Json output", () => {
    const raw = JSON.parse(`{
      "CopyState": 4,
      "SyncMaintained": true,
      "WhenSynced": "2023-10-12T10:10:10.123+02:00",
      "RequestedCopyState": 15,
      "FailedCopyStopsHostIO": false,
      "WhenSuspended": null,
      "SystemElement": {
        "DeviceID": "vol1",
        "CimClass": "root/cimv2:CIM_StorageVolume",
        "CimInstanceProperties": [{ "Name": "DeviceID", "Value": "vol1", "CimType": 14, "Flags": "Property, Key, ReadOnly", "IsValueModified": false }],
        "CimSystemProperties": { "Namespace": "root/cimv2", "ServerName": "SRV", "ClassName": "CIM_StorageVolume", "Path": null }
      },
      "SyncedElement": "root/cimv2:CIM_StorageVolume.DeviceID=\\"vol2\\"",
      "PSComputerName": null,
      "CimClass": "root/cimv2:CIM_Synchronized",
      "CimInstanceProperties": ["CopyState = 4"],
      "CimSystemProperties": { "Namespace": "root/cimv2", "ServerName": "SRV", "ClassName": "CIM_Synchronized", "Path": null }
    }`);
    const result = decodeInstance<CIM_Synchronized>(raw, CIM_Synchronized_META);
    expectTypeOf(result).toEqualTypeOf<DecodeResult<CIM_Synchronized>>();
    expect(valueOf(result)).toEqual({
      SystemElement: { className: "CIM_StorageVolume", namespace: "root/cimv2", host: "SRV", keys: { DeviceID: "vol1" } },
      SyncedElement: { className: "CIM_StorageVolume", namespace: "root/cimv2", keys: { DeviceID: "vol2" } },
      WhenSynced: {
        kind: "timestamp",
        year: 2023,
        month: 10,
        day: 12,
        hour: 10,
        minute: 10,
        second: 10,
        microsecond: 123000,
        utcOffsetMinutes: 120,
      },
      SyncMaintained: true,
      CopyState: 4,
      RequestedCopyState: 15,
      WhenSuspended: null,
      FailedCopyStopsHostIO: false,
    });
  });

  it("decodes WS-Man / CIM-XML style text values with other name casing", () => {
    const raw = {
      systemelement: '//srv/root/cimv2:CIM_StorageVolume.DeviceID="vol1"',
      SYNCEDELEMENT: '//srv/root/cimv2:CIM_StorageVolume.DeviceID="vol2"',
      copystate: "4",
      syncmaintained: "TRUE",
      whensynced: "20231012101010.123000+120",
      percentsynced: " 100 ",
    };
    const value = valueOf(decodeInstance<Record<string, unknown>>(raw, CIM_Synchronized_META));
    expect(Object.keys(value)).toEqual(["SystemElement", "SyncedElement", "WhenSynced", "SyncMaintained", "CopyState", "PercentSynced"]);
    expect(value["CopyState"]).toBe(4);
    expect(value["SyncMaintained"]).toBe(true);
    expect(value["PercentSynced"]).toBe(100);
    expect(value["SystemElement"]).toMatchObject({ host: "srv", keys: { DeviceID: "vol1" } });
  });

  it("prefers the exact spelling when a bag has two casings of one name", () => {
    const raw = { SystemElement: "A.K=1", SyncedElement: "A.K=2", copystate: "5", CopyState: "4" };
    expect(valueOf(decodeInstance<Record<string, unknown>>(raw, CIM_Synchronized_META))["CopyState"]).toBe(4);
  });

  it("reports missing and null keys", () => {
    expect(errorsOf(decodeInstance({ SyncedElement: null }, CIM_Synchronized_META))).toEqual([
      { path: "SystemElement", expected: "reference to CIM_ManagedElement (key property)", got: "missing" },
      { path: "SyncedElement", expected: "reference to CIM_ManagedElement (key property)", got: "null" },
    ]);
  });

  it("keeps null as null and leaves missing properties absent", () => {
    const value = valueOf(decodeInstance<Record<string, unknown>>({ SystemElement: "A.K=1", SyncedElement: "A.K=2", Mode: null }, CIM_Synchronized_META));
    expect(value["Mode"]).toBeNull();
    expect("CopyState" in value).toBe(false);
  });

  it("reads WS-Man xsi:nil markers, as XML-to-JSON converters print them, as null", () => {
    const value = valueOf(
      decodeInstance<Record<string, unknown>>(
        {
          SystemElement: "A.K=1",
          SyncedElement: "A.K=2",
          Mode: { "@xsi:nil": "true" },
          WhenSynced: { "@_xsi:nil": "true", "@_xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance" },
          CopyState: { $: { "xsi:nil": "true" } },
          SyncMaintained: { "@xsi:nil": true },
        },
        CIM_Synchronized_META,
      ),
    );
    expect(value).toMatchObject({ Mode: null, WhenSynced: null, CopyState: null, SyncMaintained: null });
    // A nil key is still a missing key; a false nil or other members are data, checked as usual.
    expect(errorsOf(decodeInstance({ SystemElement: { "@xsi:nil": "true" }, SyncedElement: "A.K=2" }, CIM_Synchronized_META))).toEqual([
      { path: "SystemElement", expected: "reference to CIM_ManagedElement (key property)", got: "null" },
    ]);
    const notNil = errorsOf(decodeInstance({ SystemElement: "A.K=1", SyncedElement: "A.K=2", Mode: { "@xsi:nil": "false" }, CopyState: { "xsi:nil": "true", Value: 4 } }, CIM_Synchronized_META));
    expect(notNil.map((e) => e.path).sort()).toEqual(["CopyState", "Mode"]);
  });

  it("collects every error, not just the first", () => {
    const raw = {
      SystemElement: 42,
      SyncedElement: "A.K=2",
      CopyState: 70000,
      SyncMaintained: "yes",
      WhenSynced: "last tuesday",
      PercentSynced: -1,
    };
    expect(errorsOf(decodeInstance(raw, CIM_Synchronized_META))).toEqual([
      { path: "SystemElement", expected: "reference to CIM_ManagedElement", got: "42" },
      { path: "WhenSynced", expected: "datetime", got: '"last tuesday"' },
      { path: "SyncMaintained", expected: "boolean", got: '"yes"' },
      { path: "CopyState", expected: "uint16 (0..65535)", got: "70000" },
      { path: "PercentSynced", expected: "uint16 (0..65535)", got: "-1" },
    ]);
  });
});

describe("decodeInstance: integers", () => {
  it.each([
    ["U8", 255, 255],
    ["U8", "0", 0],
    ["S8", -128, -128],
    ["S8", "+127", 127],
    ["U16", "65535", 65535],
    ["S16", -32768, -32768],
    ["U32", 4294967295, 4294967295],
    ["S32", "-2147483648", -2147483648],
  ])("accepts %s = %j", (name, raw, expected) => {
    expect(valueOf(decodeAll({ [name]: raw }))[name]).toBe(expected);
  });

  it.each([
    ["U8", 256, "uint8 (0..255)"],
    ["U8", -1, "uint8 (0..255)"],
    ["S8", 128, "sint8 (-128..127)"],
    ["S8", -129, "sint8 (-128..127)"],
    ["U16", 65536, "uint16 (0..65535)"],
    ["S16", 32768, "sint16 (-32768..32767)"],
    ["U32", 4294967296, "uint32 (0..4294967295)"],
    ["S32", 2147483648, "sint32 (-2147483648..2147483647)"],
    ["U16", 4.5, "uint16 (0..65535)"],
    ["U16", "4.0", "uint16 (0..65535)"],
    ["U16", "abc", "uint16 (0..65535)"],
    ["U16", "", "uint16 (0..65535)"],
    ["U16", true, "uint16 (0..65535)"],
    ["U16", { value: 1 }, "uint16 (0..65535)"],
  ])("rejects %s = %j", (name, raw, expected) => {
    expect(errorsOf(decodeAll({ [name]: raw }))).toEqual([{ path: name, expected, got: expect.any(String) }]);
  });

  it("decodes uint64/sint64 as safe numbers by default and refuses what would lose precision", () => {
    expect(valueOf(decodeAll({ U64: "9007199254740991" }))["U64"]).toBe(9007199254740991);
    expect(errorsOf(decodeAll({ U64: "9007199254740992" }))).toEqual([
      { path: "U64", expected: 'uint64 within ±(2^53-1) (int64: number; roundedInt64: "accept" takes it rounded)', got: '"9007199254740992"' },
    ]);
    expect(valueOf(decodeAll({ U64: "9007199254740993" }, { roundedInt64: "accept" }))["U64"]).toBe(9007199254740992);
  });

  it("decodes uint64/sint64 exactly as bigint or string", () => {
    expect(valueOf(decodeAll({ U64: "18446744073709551615", S64: "-9223372036854775808" }, { int64: "bigint" }))).toMatchObject({
      U64: 18446744073709551615n,
      S64: -9223372036854775808n,
    });
    expect(valueOf(decodeAll({ U64: "18446744073709551615", S64: -5 }, { int64: "string" }))).toMatchObject({
      U64: "18446744073709551615",
      S64: "-5",
    });
    expect(valueOf(decodeAll({ U64: 7n }, { int64: "bigint" }))["U64"]).toBe(7n);
  });

  it("rejects 64-bit values out of range, and JSON numbers already rounded by JSON.parse", () => {
    for (const int64 of ["number", "bigint", "string"] as const) {
      expect(errorsOf(decodeAll({ U64: "18446744073709551616" }, { int64 }))).toHaveLength(1);
      expect(errorsOf(decodeAll({ S64: "-9223372036854775809" }, { int64 }))).toHaveLength(1);
      // The message must not quote a range the rounded number seems to fit; it says what to do instead.
      expect(errorsOf(decodeAll({ U64: 2 ** 60 }, { int64 }))).toEqual([
        {
          path: "U64",
          expected: 'uint64 as text (a JSON number beyond ±(2^53-1) is already rounded; roundedInt64: "accept" takes it as is)',
          got: "1152921504606847000",
        },
      ]);
      expect(errorsOf(decodeAll({ S64: -(2 ** 60) }, { int64 }))[0]?.expected).toBe(
        'sint64 as text (a JSON number beyond ±(2^53-1) is already rounded; roundedInt64: "accept" takes it as is)',
      );
      expect(errorsOf(decodeAll({ U64: -1 }, { int64 }))).toEqual([
        { path: "U64", expected: "uint64 (0..18446744073709551615)", got: "-1" },
      ]);
    }
  });
});

describe("decodeInstance: other scalars", () => {
  it("parses reals from numbers and text, including INF and NaN", () => {
    const value = valueOf(decodeAll({ R32: "1.5", R64: "-2.5e300" }));
    expect(value).toMatchObject({ R32: 1.5, R64: -2.5e300 });
    expect(valueOf(decodeAll({ R64: "INF" }))["R64"]).toBe(Infinity);
    expect(valueOf(decodeAll({ R64: "-INF" }))["R64"]).toBe(-Infinity);
    expect(valueOf(decodeAll({ R32: "NaN" }))["R32"]).toBeNaN();
  });

  it("rejects reals that are not numbers or overflow real32", () => {
    expect(errorsOf(decodeAll({ R32: 1e39, R64: "1,5" }))).toEqual([
      { path: "R32", expected: "real32", got: "1e+39" },
      { path: "R64", expected: "real64", got: '"1,5"' },
    ]);
  });

  it("accepts exactly one UTF-16 code unit as char16", () => {
    expect(valueOf(decodeAll({ C16: "a" }))["C16"]).toBe("a");
    expect(valueOf(decodeAll({ C16: 65 }))["C16"]).toBe("A");
    for (const bad of ["ab", "", "😀", 70000]) {
      expect(errorsOf(decodeAll({ C16: bad }))).toEqual([{ path: "C16", expected: "char16 (one UTF-16 code unit)", got: expect.any(String) }]);
    }
  });

  it("accepts booleans and their text only", () => {
    expect(valueOf(decodeAll({ Flag: "false" }))["Flag"]).toBe(false);
    expect(valueOf(decodeAll({ Flag: " True " }))["Flag"]).toBe(true);
    // xs:boolean's other spelling, as WS-Man and CIM-XML may send it.
    expect(valueOf(decodeAll({ Flag: "1" }))["Flag"]).toBe(true);
    expect(valueOf(decodeAll({ Flag: "0" }))["Flag"]).toBe(false);
    expect(errorsOf(decodeAll({ Flag: "yes" }))).toEqual([{ path: "Flag", expected: "boolean", got: '"yes"' }]);
    expect(errorsOf(decodeAll({ Flag: 1 }))).toEqual([{ path: "Flag", expected: "boolean", got: "1" }]);
  });

  it("accepts strings only for strings", () => {
    expect(valueOf(decodeAll({ Str: "" }))["Str"]).toBe("");
    expect(errorsOf(decodeAll({ Str: 5 }))).toEqual([{ path: "Str", expected: "string", got: "5" }]);
  });

  it("decodes datetimes in every client form", () => {
    expect(valueOf(decodeAll({ When: "/Date(1697105410000)/" }))["When"]).toMatchObject({ kind: "timestamp", hour: 10 });
    expect(valueOf(decodeAll({ When: { Ticks: 10_000_000, Days: 0 } }))["When"]).toMatchObject({ kind: "interval", seconds: 1 });
  });

  it("decodes EmbeddedObject values as generic instances", () => {
    const value = valueOf(
      decodeAll({
        Obj: { Name: "n", Size: 3, CimClass: "root/x:X_Thing", CimSystemProperties: { ClassName: "X_Thing" }, __GENUS: 2 },
      }),
    );
    const expected: CimInstanceValue = { className: "X_Thing", properties: { Name: "n", Size: 3 } };
    expect(value["Obj"]).toEqual(expected);
    expect(valueOf(decodeAll({ Obj: { className: "Y", properties: { A: 1 } } }))["Obj"]).toEqual({ className: "Y", properties: { A: 1 } });
    expect(errorsOf(decodeAll({ Obj: "<INSTANCE CLASSNAME='X'/>" }))).toEqual([
      { path: "Obj", expected: "embedded object", got: "\"<INSTANCE CLASSNAME='X'/>\"" },
    ]);
  });

  it("shortens long values in errors", () => {
    const [error] = errorsOf(decodeAll({ U8: "x".repeat(100) }));
    expect(error?.got).toBe(JSON.stringify("x".repeat(37) + "..."));
  });
});

describe("decodeInstance: arrays", () => {
  it("decodes arrays element by element", () => {
    expect(valueOf(decodeAll({ Values: [1, "2", 3], Names: ["a", "b"] }))).toMatchObject({ Values: [1, 2, 3], Names: ["a", "b"] });
    expect(valueOf(decodeAll({ Values: [] }))["Values"]).toEqual([]);
  });

  it("accepts a bare scalar as a one-element array (WS-Man)", () => {
    expect(valueOf(decodeAll({ Values: "7", Names: "only" }))).toMatchObject({ Values: [7], Names: ["only"] });
  });

  it("reports each bad element with its index", () => {
    expect(errorsOf(decodeAll({ Values: [1, "x", 70000, null] }))).toEqual([
      { path: "Values[1]", expected: "uint16 (0..65535)", got: '"x"' },
      { path: "Values[2]", expected: "uint16 (0..65535)", got: "70000" },
    ]);
  });

  it("keeps NULL elements in place (DSP0201 VALUE.NULL in VALUE.ARRAY; PowerShell's [null])", () => {
    expect(valueOf(decodeAll({ Values: [null] }))["Values"]).toEqual([null]);
    expect(valueOf(decodeAll({ Values: [1, null, "3"], Names: [null, "b"] }))).toMatchObject({ Values: [1, null, 3], Names: [null, "b"] });
    // WS-Man's xsi:nil element, as XML-to-JSON converters keep it.
    expect(valueOf(decodeAll({ Names: ["a", { "@xsi:nil": "true" }] }))["Names"]).toEqual(["a", null]);
  });

  it("rejects an array for a scalar property", () => {
    expect(errorsOf(decodeAll({ U16: [1] }))).toEqual([{ path: "U16", expected: "uint16 (0..65535)", got: "array(1)" }]);
  });
});

describe("decodeInstance: embedded instances", () => {
  it("decodes embedded instances through their metadata", () => {
    const value = valueOf(
      decodeAll({
        Setting: { instanceid: "s0", name: "zero", Weight: "9" },
        Settings: [{ InstanceID: "s1", Name: "one" }],
      }),
    );
    expect(value["Setting"]).toEqual({ InstanceID: "s0", Name: "zero", Weight: 9 });
    expect(value["Settings"]).toEqual([{ InstanceID: "s1", Name: "one" }]);
  });

  it("reports nested errors with their full path", () => {
    const raw = {
      Settings: [
        { InstanceID: "s1", Name: "one" },
        { InstanceID: "s2", Name: "two" },
        { InstanceID: "s3", Weight: 300 },
        "not an instance",
      ],
    };
    expect(errorsOf(decodeAll(raw))).toEqual([
      { path: "Settings[2].Name", expected: "string (required property)", got: "missing" },
      { path: "Settings[2].Weight", expected: "uint8 (0..255)", got: "300" },
      { path: "Settings[3]", expected: "TEST_Setting instance (an object)", got: '"not an instance"' },
    ]);
  });

  it("decodes embedded instances without metadata as generic instances", () => {
    expect(valueOf(decodeAll({ Opaque: { A: 1 } }))["Opaque"]).toEqual({ properties: { A: 1 } });
    expect(valueOf(decodeAll({ Opaque: { A: 1, __CLASS: "TEST_Unknown" } }))["Opaque"]).toEqual({ className: "TEST_Unknown", properties: { A: 1 } });
    expect(errorsOf(decodeAll({ Opaque: 1 }))).toEqual([{ path: "Opaque", expected: "embedded instance of TEST_Unknown", got: "1" }]);
  });

  it("stops at absurd nesting instead of overflowing the stack", () => {
    const NODE_META: CimClassMeta = {
      name: "TEST_Node",
      namespace: "root/test",
      keys: [],
      properties: { Next: { type: "string", embeddedClass: "TEST_Node", embedded: () => NODE_META } },
    };
    const cyclic: Record<string, unknown> = {};
    cyclic["Next"] = cyclic;
    const errors = errorsOf(decodeInstance(cyclic, NODE_META));
    expect(errors).toHaveLength(1);
    expect(errors[0]?.expected).toContain("nested at most");
  });
});

describe("decodeInstance: the bag itself and unknown properties", () => {
  it.each([
    ["null", null, "null"],
    ["an array", [], "array(0)"],
    ["a string", "x", '"x"'],
  ])("rejects %s", (_why, raw, got) => {
    expect(errorsOf(decodeInstance(raw, SETTING_META))).toEqual([{ path: "", expected: "TEST_Setting instance (an object)", got }]);
  });

  it("reports missing required properties", () => {
    expect(errorsOf(decodeAll({ Needed: undefined }))).toEqual([{ path: "Needed", expected: "uint32 (0..4294967295) (required property)", got: "missing" }]);
  });

  it("ignores undeclared properties by default", () => {
    expect(valueOf(decodeInstance<Record<string, unknown>>({ InstanceID: "i", Name: "n", Extra: 1 }, SETTING_META))).toEqual({ InstanceID: "i", Name: "n" });
  });

  it("reports undeclared properties on request, but not client members", () => {
    const raw = JSON.parse(
      '{"InstanceID":"i","Name":"n","Extra":1,"CimClass":"x","PSComputerName":null,"RunspaceId":"r","__PATH":"p","__proto__":{"polluted":true}}',
    );
    expect(errorsOf(decodeInstance(raw, SETTING_META, { unknownProperties: "error" }))).toEqual([
      { path: "Extra", expected: "no such property in TEST_Setting", got: "1" },
    ]);
  });

  it("never lets a property named __proto__ change the result's prototype", () => {
    const meta: CimClassMeta = { name: "T", namespace: "n", keys: [], properties: JSON.parse('{"__proto__":{"type":"string"}}') };
    const value = valueOf(decodeInstance<Record<string, unknown>>(JSON.parse('{"__proto__":"x"}'), meta));
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(value, "__proto__")?.value).toBe("x");
  });
});

describe("decodeInstance: 64-bit numbers JSON.parse has rounded, accepted knowingly", () => {
  // 9223372036854775807 (sint64 max) parses as 2^63, just outside the range it stands for.
  const rounded = JSON.parse("9223372036854775807") as number;

  it("rejects by default and accepts with roundedInt64: accept, kept within the type's range", () => {
    expect(errorsOf(decodeAll({ S64: rounded }))).toHaveLength(1);
    expect(valueOf(decodeAll({ S64: rounded }, { roundedInt64: "accept" }))["S64"]).toBe(rounded);
    expect(valueOf(decodeAll({ S64: rounded }, { roundedInt64: "accept", int64: "bigint" }))["S64"]).toBe(9223372036854775807n);
    expect(valueOf(decodeAll({ U64: rounded }, { roundedInt64: "accept", int64: "string" }))["U64"]).toBe("9223372036854775808");
    expect(valueOf(decodeAll({ U64: JSON.parse("18446744073709551615") as number }, { roundedInt64: "accept", int64: "bigint" }))["U64"]).toBe(
      18446744073709551615n,
    );
  });

  it("still rejects a rounded number that no value of the type can stand behind", () => {
    expect(errorsOf(decodeAll({ U64: -(2 ** 60) }, { roundedInt64: "accept" }))).toEqual([
      { path: "U64", expected: "uint64 (0..18446744073709551615)", got: "-1152921504606847000" },
    ]);
    expect(errorsOf(decodeAll({ S64: 2 ** 64 }, { roundedInt64: "accept" }))).toHaveLength(1);
  });
});

describe("decodeInstance: partial (Select-Object projections)", () => {
  it("lets keys and required properties be missing, and still checks what is there", () => {
    expect(errorsOf(decodeInstance({ Weight: 3 }, SETTING_META))).toHaveLength(2);
    expect(valueOf(decodeInstance({ Weight: 3 }, SETTING_META, { partial: true }))).toEqual({ Weight: 3 });
    expect(errorsOf(decodeInstance({ Weight: 300 }, SETTING_META, { partial: true }))).toEqual([
      { path: "Weight", expected: "uint8 (0..255)", got: "300" },
    ]);
  });

  it("a key that is there as null is still an error", () => {
    expect(errorsOf(decodeInstance({ InstanceID: null }, SETTING_META, { partial: true }))).toEqual([
      { path: "InstanceID", expected: "string (key property)", got: "null" },
    ]);
  });

  it("embedded instances inside a projection stay whole", () => {
    const meta: CimClassMeta = {
      name: "TEST_Holder",
      namespace: "root/test",
      keys: [],
      properties: { Setting: { type: "string", embeddedClass: "TEST_Setting", embedded: () => SETTING_META } },
    };
    expect(errorsOf(decodeInstance({ Setting: { Weight: 1 } }, meta, { partial: true })).map((e) => e.path)).toEqual(["Setting.InstanceID", "Setting.Name"]);
  });

  it("an object with none of the class's properties is an error, not an empty result", () => {
    const expected = "TEST_Setting instance with at least one of its properties (partial)";
    expect(errorsOf(decodeInstance({ classname: "TEST_Setting", properties: { Weight: 1 } }, SETTING_META, { partial: true }))).toEqual([
      { path: "", expected, got: "object {classname, properties}" },
    ]);
    expect(errorsOf(decodeInstance({}, SETTING_META, { partial: true }))).toEqual([{ path: "", expected, got: "object {}" }]);
    expect(valueOf(decodeInstance({ Weight: null, LinkSpeed: "1 Gbps" }, SETTING_META, { partial: true }))).toEqual({ Weight: null });
  });
});

describe("decodeInstance: value-mapped integers printed as their Values text", () => {
  const busType = defineValueMap<number>({
    name: "MSFT_Disk_BusType",
    members: { Unknown: 0, SCSI: 1, SAS: 10, FileBackedVirtual: 15, StorageSpaces: 16 },
    values: [
      [0, "Unknown"],
      [1, "SCSI"],
      [10, "SAS"],
      [15, "File Backed Virtual"],
      [16, "Storage Spaces"],
    ],
    ranges: [],
  });
  const meta: CimClassMeta = {
    name: "MSFT_Disk",
    namespace: "root/microsoft/windows/storage",
    keys: ["ObjectId"],
    properties: {
      ObjectId: { type: "string", key: true },
      BusType: { type: "uint16", valueMap: () => busType },
      Buses: { type: "uint16", isArray: true, valueMap: () => busType },
    },
  };

  it.each([
    ["SAS", 10],
    ["sas", 10],
    ["File Backed Virtual", 15],
    ["file-backed virtual", 15],
    ["FileBackedVirtual", 15],
    [" Storage Spaces ", 16],
    ["10", 10],
    [10, 10],
  ])("%j decodes to %j", (text, value) => {
    expect(valueOf(decodeInstance<{ BusType?: number }>({ ObjectId: "d", BusType: text }, meta)).BusType).toBe(value);
  });

  it("labels work in arrays, and unknown text names the expected labels", () => {
    expect(valueOf(decodeInstance<{ Buses?: readonly (number | null)[] }>({ ObjectId: "d", Buses: ["SAS", null, 1] }, meta)).Buses).toEqual([10, null, 1]);
    expect(errorsOf(decodeInstance({ ObjectId: "d", BusType: "NVMe" }, meta))).toEqual([
      {
        path: "BusType",
        expected: 'uint16 (0..65535) or one of its Values: "Unknown", "SCSI", "SAS", "File Backed Virtual", "Storage Spaces"',
        got: '"NVMe"',
      },
    ]);
  });
});

describe("decodeInstance: PowerShell's CimInstance members", () => {
  const listed = (entries: Record<string, unknown>) => Object.entries(entries).map(([Name, Value]) => ({ Name, Value, CimType: 0, Flags: "Property" }));

  it("reads embedded objects and nested instances whose values are only in CimInstanceProperties", () => {
    const value = valueOf(
      decodeAll({
        Obj: { CimInstanceProperties: listed({ Label: "a" }), CimSystemProperties: { ClassName: "TEST_Other" } },
        Setting: { CimClass: {}, CimInstanceProperties: listed({ InstanceID: "s", Name: "n", Weight: 3 }) },
      }),
    );
    expect(value["Obj"]).toEqual({ className: "TEST_Other", properties: { Label: "a" } });
    expect(value["Setting"]).toEqual({ InstanceID: "s", Name: "n", Weight: 3 });
  });

  it("skips list entries that are not { Name, Value } records", () => {
    const raw = { CimInstanceProperties: ["InstanceID = \"t\"", { Name: "Name" }, { Value: 1 }, { Name: "InstanceID", Value: "i" }], Name: "n" };
    expect(valueOf(decodeInstance<Record<string, unknown>>(raw, SETTING_META))).toEqual({ InstanceID: "i", Name: "n" });
  });

  it("takes an instance printed with -Depth 1 (its CimInstanceProperties one line of text) from its own members", () => {
    const raw = { InstanceID: "i", Name: "n", CimClass: "root/test:TEST_Setting", CimInstanceProperties: 'InstanceID = "i" Name = "n"' };
    expect(valueOf(decodeInstance<Record<string, unknown>>(raw, SETTING_META))).toEqual({ InstanceID: "i", Name: "n" });
  });

  it("names -Depth for an embedded object or instance without metadata that was cut off, and partial leaves it out", () => {
    const cut = { CimClass: "root/test:TEST_Other", CimInstanceProperties: "Label = 1", CimSystemProperties: "Microsoft.Management.Infrastructure.CimSystemProperties" };
    expect(errorsOf(decodeAll({ Obj: cut, Opaque: "TEST_Unknown" })).map((error) => [error.path, error.expected.includes("-Depth")])).toEqual([
      ["Obj", true],
      ["Opaque", true],
    ]);
    expect(valueOf(decodeAll({ Obj: cut, Opaque: "TEST_Unknown", Settings: ["TEST_Setting"] }, { partial: true }))).toEqual({ Id: "x", Needed: 1 });
  });
});
