import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  cimReferenceEquals,
  coerceCimReference,
  formatObjectPath,
  parseObjectPath,
  type CimKeyValue,
  type CimReference,
} from "../../templates/runtime/reference.js";

describe("parseObjectPath", () => {
  it("reads the DMTF form with host, namespace, escapes and typed keys", () => {
    expect(parseObjectPath('//host/root/cimv2:CIM_Foo.Name="a\\"b",Num=5,Flag=true')).toEqual({
      className: "CIM_Foo",
      namespace: "root/cimv2",
      host: "host",
      keys: { Name: 'a"b', Num: 5, Flag: true },
    });
  });

  it("reads the WMI form and stores the namespace with slashes", () => {
    expect(parseObjectPath('\\\\HOST\\root\\cimv2:Win32_Foo.Name="x"')).toEqual({
      className: "Win32_Foo",
      namespace: "root/cimv2",
      host: "HOST",
      keys: { Name: "x" },
    });
    expect(parseObjectPath('\\\\.\\root\\cimv2:Win32_Foo.Name="x"')).toMatchObject({ host: "." });
  });

  it("reads a namespace without host, and a path without either", () => {
    expect(parseObjectPath('root\\cimv2:Win32_Service.Name="Spooler"')).toEqual({
      className: "Win32_Service",
      namespace: "root/cimv2",
      keys: { Name: "Spooler" },
    });
    expect(parseObjectPath('CIM_Foo.Id="1"')).toEqual({ className: "CIM_Foo", keys: { Id: "1" } });
  });

  it("reads a host with dots and a class path without keys", () => {
    expect(parseObjectPath("//server.example.com/root/interop:CIM_RegisteredProfile")).toEqual({
      className: "CIM_RegisteredProfile",
      namespace: "root/interop",
      host: "server.example.com",
      keys: {},
    });
  });

  it("distinguishes a keyless singleton from a class path", () => {
    expect(parseObjectPath("root/cimv2:Win32_WMISetting=@")).toEqual({
      className: "Win32_WMISetting",
      namespace: "root/cimv2",
      keys: {},
      singleton: true,
    });
  });

  it("keeps colons, dots, commas and equals signs inside quoted values", () => {
    expect(parseObjectPath('Win32_Directory.Name="C:\\\\Windows,x=1.y"')).toEqual({
      className: "Win32_Directory",
      keys: { Name: "C:\\Windows,x=1.y" },
    });
  });

  it("reads nested references as quoted escaped paths, in both forms", () => {
    const dmtf = parseObjectPath(
      'root/cimv2:CIM_Synchronized.SyncedElement="root/cimv2:CIM_StorageVolume.DeviceID=\\"v2\\",SystemName=\\"s\\"",SystemElement="root/cimv2:CIM_StorageVolume.DeviceID=\\"v1\\",SystemName=\\"s\\""',
    );
    expect(dmtf).toEqual({
      className: "CIM_Synchronized",
      namespace: "root/cimv2",
      keys: {
        SyncedElement: { className: "CIM_StorageVolume", namespace: "root/cimv2", keys: { DeviceID: "v2", SystemName: "s" } },
        SystemElement: { className: "CIM_StorageVolume", namespace: "root/cimv2", keys: { DeviceID: "v1", SystemName: "s" } },
      },
    });
    const wmi = parseObjectPath(
      '\\\\H\\root\\cimv2:Win32_DependentService.Antecedent="\\\\\\\\H\\\\root\\\\cimv2:Win32_Service.Name=\\"A\\"",Dependent="\\\\\\\\H\\\\root\\\\cimv2:Win32_Service.Name=\\"B\\""',
    );
    expect(wmi?.keys["Antecedent"]).toEqual({ className: "Win32_Service", namespace: "root/cimv2", host: "H", keys: { Name: "A" } });
    expect(wmi && formatObjectPath(wmi, "wmi")).toBe(
      '\\\\H\\root\\cimv2:Win32_DependentService.Antecedent="\\\\\\\\H\\\\root\\\\cimv2:Win32_Service.Name=\\"A\\"",Dependent="\\\\\\\\H\\\\root\\\\cimv2:Win32_Service.Name=\\"B\\""',
    );
  });

  it("keeps quoted text that is not an instance path as a string", () => {
    expect(parseObjectPath('A.K="root/cimv2:CIM_Foo"')?.keys["K"]).toBe("root/cimv2:CIM_Foo");
    expect(parseObjectPath('A.K="plain"')?.keys["K"]).toBe("plain");
  });

  it("types unquoted numbers, including negatives, reals, hex and bigints", () => {
    expect(parseObjectPath("A.a=-7,b=2.5,c=0x10,d=18446744073709551615,e=1e3,f=FALSE")?.keys).toEqual({
      a: -7,
      b: 2.5,
      c: 16,
      d: 18446744073709551615n,
      e: 1000,
      f: false,
    });
  });

  it("reads an integral number beyond 2^53 back as the exact bigint it prints as", () => {
    const path = formatObjectPath({ className: "A", keys: { n: 2 ** 60 } });
    expect(path).toBe("A.n=1152921504606846976");
    expect(parseObjectPath(path)?.keys["n"]).toBe(2n ** 60n);
  });

  it("reads single-quoted char16 values as strings", () => {
    expect(parseObjectPath("A.C='x'")?.keys).toEqual({ C: "x" });
  });

  it.each([
    ["empty", ""],
    ["no class", "root/cimv2:"],
    ["bad class name", "root/cimv2:1Foo"],
    ["unterminated string", 'A.K="abc'],
    ["dangling escape", 'A.K="abc\\'],
    ["bare word value", "A.K=abc"],
    ["missing value", "A.K="],
    ["trailing comma", 'A.K="a",'],
    ["duplicate key ignoring case", 'A.K="a",k="b"'],
    ["text after the class", "A B"],
    ["missing key name", 'A.="x"'],
    ["host without path", "//host"],
    ["empty namespace segment", "root//cimv2:A"],
  ])("rejects %s", (_why, text) => {
    expect(parseObjectPath(text)).toBeUndefined();
  });

  it("gives up on absurdly deep nesting instead of recursing forever", () => {
    let path = 'A.K="x"';
    for (let level = 0; level < 12; level += 1) path = "A.K=" + JSON.stringify(path);
    // Within the depth limit levels are references; below it the text stays a string: no throw.
    let levels = 0;
    let current: CimKeyValue | undefined = parseObjectPath(path);
    while (typeof current === "object") {
      levels += 1;
      current = current.keys["K"];
    }
    expect(levels).toBe(9);
    expect(typeof current).toBe("string");
  });
});

describe("formatObjectPath", () => {
  const ref: CimReference = {
    className: "CIM_Foo",
    namespace: "root/cimv2",
    host: "h",
    keys: { zeta: 1, Alpha: 'q"\\', beta: true, Big: 9007199254740993n },
  };

  it("sorts keys case-insensitively and escapes quotes and backslashes", () => {
    expect(formatObjectPath(ref)).toBe('//h/root/cimv2:CIM_Foo.Alpha="q\\"\\\\",beta=true,Big=9007199254740993,zeta=1');
  });

  it("writes the WMI form with backslashes", () => {
    expect(formatObjectPath(ref, "wmi")).toBe(
      '\\\\h\\root\\cimv2:CIM_Foo.Alpha="q\\"\\\\",beta=true,Big=9007199254740993,zeta=1',
    );
  });

  it("writes class paths and singletons", () => {
    expect(formatObjectPath({ className: "A", keys: {} })).toBe("A");
    expect(formatObjectPath({ className: "A", keys: {}, singleton: true })).toBe("A=@");
    expect(formatObjectPath({ className: "A", host: "h", keys: { K: "v" } })).toBe('//h/A.K="v"');
  });

  it("is deterministic whatever the key insertion order", () => {
    const a = formatObjectPath({ className: "A", keys: { b: 1, a: 2, B2: 3 } });
    const b = formatObjectPath({ className: "A", keys: { B2: 3, a: 2, b: 1 } });
    expect(a).toBe(b);
    expect(a).toBe("A.a=2,b=1,B2=3");
  });

  it("round-trips canonical paths exactly", () => {
    for (const text of [
      '//h/root/cimv2:CIM_Foo.Alpha="q\\"\\\\",beta=true,zeta=1',
      "root/interop:CIM_RegisteredProfile",
      "A=@",
      'A.K="root/b:B.L=\\"x\\\\\\"y\\""',
      "A.n=-3.25",
    ]) {
      const parsed = parseObjectPath(text);
      expect(parsed, text).toBeDefined();
      expect(parsed && formatObjectPath(parsed)).toBe(text);
    }
  });

  it("round-trips random references through format and parse (property)", () => {
    const name = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,8}$/);
    const scalar: fc.Arbitrary<CimKeyValue> = fc.oneof(
      fc.string().filter((text) => !/=/.test(text)),
      fc.integer(),
      fc.boolean(),
      // Integral doubles beyond 2^53 come back as bigint (see "types unquoted numbers" above).
      fc
        .double({ noNaN: true, noDefaultInfinity: true })
        .filter((n) => !Object.is(n, -0) && !(Number.isInteger(n) && !Number.isSafeInteger(n))),
      fc.bigInt({ min: 2n ** 60n, max: 2n ** 64n }),
    );
    const keys = (value: fc.Arbitrary<CimKeyValue>) =>
      fc.uniqueArray(fc.tuple(name, value), { minLength: 1, maxLength: 4, selector: ([key]) => key.toLowerCase() }).map(
        (entries) => Object.fromEntries(entries),
      );
    const leaf = fc.record({ className: name, namespace: fc.constantFrom("root/cimv2", "root/a/b"), keys: keys(scalar) });
    const outer = fc.record({
      className: name,
      host: fc.constantFrom("h", "server.example.com"),
      namespace: fc.constant("root/cimv2"),
      keys: keys(fc.oneof(scalar, leaf)),
    });
    fc.assert(
      fc.property(outer, fc.constantFrom("dmtf" as const, "wmi" as const), (reference, style) => {
        expect(parseObjectPath(formatObjectPath(reference, style))).toEqual(reference);
      }),
    );
  });
});

describe("coerceCimReference", () => {
  it("parses object path strings", () => {
    expect(coerceCimReference('root/cimv2:A.K="v"')).toEqual({ className: "A", namespace: "root/cimv2", keys: { K: "v" } });
    expect(coerceCimReference("not a path!")).toBeUndefined();
  });

  it("accepts and re-validates built references", () => {
    const ref: CimReference<"CIM_ManagedElement"> = { className: "CIM_Foo", namespace: "root\\cimv2", keys: { Id: "1" } };
    expect(coerceCimReference(ref)).toEqual({ className: "CIM_Foo", namespace: "root/cimv2", keys: { Id: "1" } });
    expect(coerceCimReference({ className: "CIM Foo", keys: {} })).toBeUndefined();
    expect(coerceCimReference({ className: "A", keys: { K: [1] } })).toBeUndefined();
  });

  it("builds a reference from PowerShell 7 JSON with CimInstanceProperties flags", () => {
    const raw = {
      DeviceID: "vol1",
      SystemName: "SRV",
      ElementName: "Volume 1",
      CimClass: "ROOT/Microsoft/Windows/Storage:MSFT_Volume",
      CimInstanceProperties: [
        { Name: "DeviceID", Value: "vol1", CimType: 14, Flags: "Property, Key, ReadOnly, NotModified", IsValueModified: false },
        { Name: "SystemName", Value: "SRV", CimType: 14, Flags: 0x1000 | 0x4 | 0x200000, IsValueModified: false },
        { Name: "ElementName", Value: "Volume 1", CimType: 14, Flags: "Property, ReadOnly, NotModified", IsValueModified: false },
      ],
      CimSystemProperties: { Namespace: "ROOT/Microsoft/Windows/Storage", ServerName: "SRV", ClassName: "MSFT_Volume", Path: null },
      PSComputerName: null,
    };
    expect(coerceCimReference(raw)).toEqual({
      className: "MSFT_Volume",
      namespace: "ROOT/Microsoft/Windows/Storage",
      host: "SRV",
      keys: { DeviceID: "vol1", SystemName: "SRV" },
    });
  });

  it("reads the class and namespace from a CimClass object when system properties are missing", () => {
    const raw = {
      Name: "x",
      CimClass: { CimClassName: "CIM_Foo", CimSystemProperties: { Namespace: "root/cimv2" } },
    };
    expect(coerceCimReference(raw, ["Name"])).toEqual({ className: "CIM_Foo", namespace: "root/cimv2", keys: { Name: "x" } });
  });

  it("uses the WMI __PATH when present and fills missing parts from __SERVER/__NAMESPACE", () => {
    expect(
      coerceCimReference({
        __CLASS: "Win32_Service",
        __NAMESPACE: "root\\cimv2",
        __SERVER: "H",
        __RELPATH: 'Win32_Service.Name="Spooler"',
        Name: "Spooler",
        State: "Running",
      }),
    ).toEqual({ className: "Win32_Service", namespace: "root/cimv2", host: "H", keys: { Name: "Spooler" } });
  });

  it("uses keyNames when the JSON carries no key information", () => {
    const raw = { Name: "x", Count: 3, Other: "y", CimSystemProperties: { ClassName: "A" } };
    expect(coerceCimReference(raw, ["name"])).toEqual({ className: "A", keys: { name: "x" } });
  });

  it("falls back to every scalar non-meta member", () => {
    const raw = { Name: "x", Count: 3, Skip: null, Nested: [1], __CLASS: "A", PSComputerName: "h" };
    expect(coerceCimReference(raw)).toEqual({ className: "A", host: "h", keys: { Name: "x", Count: 3 } });
  });

  it("turns nested reference-valued members into nested references", () => {
    const raw = {
      CimSystemProperties: { ClassName: "CIM_Synchronized", Namespace: "root/cimv2" },
      SystemElement: { CimSystemProperties: { ClassName: "CIM_StorageVolume" }, DeviceID: "v1" },
    };
    expect(coerceCimReference(raw, ["SystemElement"])).toEqual({
      className: "CIM_Synchronized",
      namespace: "root/cimv2",
      keys: { SystemElement: { className: "CIM_StorageVolume", keys: { DeviceID: "v1" } } },
    });
  });

  it("reads WS-Man endpoint references converted from XML, nested ones included", () => {
    const volume = {
      Address: "http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous",
      ReferenceParameters: {
        ResourceURI: "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_StorageVolume",
        SelectorSet: {
          Selector: [
            { "@Name": "DeviceID", "#text": "v1" },
            { "@Name": "__cimnamespace", "#text": "root\\cimv2" },
          ],
        },
      },
    };
    expect(coerceCimReference(volume)).toEqual({ className: "CIM_StorageVolume", namespace: "root/cimv2", keys: { DeviceID: "v1" } });
    const association = {
      EndpointReference: {
        ReferenceParameters: {
          ResourceURI: { _: "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_Synchronized" },
          SelectorSet: { Selector: { Name: "SystemElement", EndpointReference: volume } },
        },
      },
    };
    expect(coerceCimReference(association)).toEqual({
      className: "CIM_Synchronized",
      keys: { SystemElement: { className: "CIM_StorageVolume", namespace: "root/cimv2", keys: { DeviceID: "v1" } } },
    });
    expect(coerceCimReference({ ReferenceParameters: { ResourceURI: "http://x/Not A Class" } })).toBeUndefined();
  });

  it.each([
    ["null", null],
    ["a number", 5],
    ["an array", ['A.K="v"']],
    ["an object without a class", { Name: "x" }],
  ])("rejects %s", (_why, raw) => {
    expect(coerceCimReference(raw)).toBeUndefined();
  });
});

describe("cimReferenceEquals", () => {
  const path = (text: string): CimReference => {
    const parsed = parseObjectPath(text);
    if (parsed === undefined) throw new Error("bad test path " + text);
    return parsed;
  };

  it("ignores the case of names but not of string values", () => {
    expect(cimReferenceEquals(path('//H/root/cimv2:CIM_Foo.Name="x",Id=1'), path('//h/ROOT/CIMV2:cim_foo.id=1,NAME="x"'))).toBe(true);
    expect(cimReferenceEquals(path('CIM_Foo.Name="x"'), path('CIM_Foo.Name="X"'))).toBe(false);
  });

  it("skips namespace and host when one side leaves them out", () => {
    expect(cimReferenceEquals(path('\\\\H\\root\\cimv2:A.K="v"'), path('A.K="v"'))).toBe(true);
    expect(cimReferenceEquals(path('root/a:A.K="v"'), path('root/b:A.K="v"'))).toBe(false);
    expect(cimReferenceEquals(path('//h1/root/a:A.K="v"'), path('//h2/root/a:A.K="v"'))).toBe(false);
  });

  it("compares numbers with bigints by value and nested references recursively", () => {
    expect(cimReferenceEquals({ className: "A", keys: { N: 5 } }, { className: "A", keys: { N: 5n } })).toBe(true);
    expect(cimReferenceEquals({ className: "A", keys: { N: 5 } }, { className: "A", keys: { N: "5" } })).toBe(false);
    expect(cimReferenceEquals(path('S.E="B.K=\\"1\\""'), path('s.e="b.k=\\"1\\""'))).toBe(true);
    expect(cimReferenceEquals(path('S.E="B.K=\\"1\\""'), path('S.E="B.K=\\"2\\""'))).toBe(false);
  });

  it("tells different key sets, classes and singletons apart", () => {
    expect(cimReferenceEquals(path('A.K="v"'), path('A.K="v",L=1'))).toBe(false);
    expect(cimReferenceEquals(path('A.K="v"'), path('B.K="v"'))).toBe(false);
    expect(cimReferenceEquals(path("A=@"), path("A"))).toBe(false);
    expect(cimReferenceEquals(path("A=@"), { className: "a", keys: {}, singleton: true })).toBe(true);
  });
});
