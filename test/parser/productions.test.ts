/**
 * One test (or more) per grammar production, on the fixtures in fixtures/syntax/: each asserts the
 * syntax tree or the decoded values, not just "no errors".
 */
import { describe, expect, it } from "vitest";
import type {
  ClassDeclaration,
  MethodDeclaration,
  PragmaDirective,
  PropertyDeclaration,
  QualifierTypeDeclaration,
} from "../../src/ast/nodes.js";
import { parse } from "../../src/parser/parse.js";
import { classes, id, instances, parseSyntaxFixture, valuesOf, withoutSpans } from "./helpers.js";

function properties(cls: ClassDeclaration): PropertyDeclaration[] {
  return cls.features.filter((f): f is PropertyDeclaration => f.kind === "PropertyDeclaration");
}
function methods(cls: ClassDeclaration): MethodDeclaration[] {
  return cls.features.filter((f): f is MethodDeclaration => f.kind === "MethodDeclaration");
}

describe("compilerDirective / pragmaParameter", () => {
  const { file, diagnostics } = parseSyntaxFixture("pragmas.mof");
  const pragmas = file.statements as PragmaDirective[];
  const summary = pragmas.map((p) => [p.name.name, withoutSpans(p.args)]);

  it("keeps every pragma in order with decoded arguments", () => {
    expect(pragmas.every((p) => p.kind === "PragmaDirective")).toBe(true);
    expect(summary).toEqual([
      ["locale", [{ kind: "StringLiteral", value: "en_US" }]],
      ["instancelocale", [{ kind: "StringLiteral", value: "en_US" }]],
      ["include", [{ kind: "StringLiteral", value: "parts/part.mof" }]],
      ["namespace", [{ kind: "StringLiteral", value: "\\\\.\\root\\cimv2" }]],
      ["namespace", [{ kind: "StringLiteral", value: "//./root/default" }]],
      ["classflags", [{ kind: "StringLiteral", value: "forceupdate" }]],
      ["classflags", [{ kind: "IntegerLiteral", value: 64n, radix: 10 }]],
      ["instanceflags", [{ kind: "StringLiteral", value: "updateonly" }]],
      [
        "deleteclass",
        [
          { kind: "StringLiteral", value: "Old_Class" },
          { kind: "EnumLiteral", name: "NOFAIL" },
        ],
      ],
      [
        "deleteinstance",
        [
          { kind: "StringLiteral", value: 'Old_Class.Name="x"' },
          { kind: "EnumLiteral", name: "FAIL" },
        ],
      ],
      ["amendment", [{ kind: "StringLiteral", value: "MS_409" }]],
      ["autorecover", []],
      ["nonlocal", [{ kind: "StringLiteral", value: "\\\\server\\root" }]],
      ["vendorthing", [{ kind: "StringLiteral", value: "kept" }]],
    ]);
  });

  it("warns about an unknown pragma but keeps it", () => {
    expect(diagnostics.map((d) => [d.code, d.message])).toEqual([
      ["MOF1105", "Unknown pragma 'vendorthing' is ignored."],
    ]);
  });

  it("spans cover the whole directive", () => {
    const text = '#pragma locale ("en_US")\n';
    const pragma = parse(text, "p.mof").file.statements[0] as PragmaDirective;
    expect(pragma.span).toEqual({ file: "p.mof", start: 0, end: text.length - 1 });
    expect(pragma.name.span).toEqual({ file: "p.mof", start: 8, end: 14 });
  });
});

describe("qualifierDeclaration / scope / defaultFlavor", () => {
  const { file } = parseSyntaxFixture("qualifier-declarations.mof");
  const decls = file.statements as QualifierTypeDeclaration[];
  const byName = new Map(decls.map((d) => [d.name.name, d]));

  it("reads type, default, scopes and flavors", () => {
    expect(withoutSpans(byName.get("Abstract"))).toEqual({
      kind: "QualifierTypeDeclaration",
      name: id("Abstract"),
      type: { kind: "IntrinsicType", name: "boolean" },
      defaultValue: { kind: "BooleanLiteral", value: false },
      scopes: [id("class"), id("association"), id("indication")],
      flavors: [
        { kind: "Flavor", name: "EnableOverride" },
        { kind: "Flavor", name: "Restricted" },
      ],
    });
  });

  it("reads array types, fixed sizes and array defaults", () => {
    expect(byName.get("ValueMap")?.array).toMatchObject({});
    expect(byName.get("ValueMap")?.array?.size).toBeUndefined();
    expect(byName.get("Fixed")?.array?.size).toBe(4);
    expect(withoutSpans(byName.get("Fixed")?.defaultValue)).toMatchObject({
      kind: "ArrayLiteral",
      elements: [{}, {}, {}, {}],
    });
    expect(withoutSpans(byName.get("Description")?.defaultValue)).toEqual({ kind: "NullLiteral" });
    expect(withoutSpans(byName.get("ArrayType")?.defaultValue)).toEqual({
      kind: "StringLiteral",
      value: "Bag",
    });
  });

  it("accepts flavor before scope", () => {
    const propagated = byName.get("Propagated");
    expect(propagated?.flavors.map((f) => f.name)).toEqual(["DisableOverride"]);
    expect(propagated?.scopes.map((s) => s.name)).toEqual(["property"]);
  });

  it("reads the WMI typeless form: flavors after ':' and no type", () => {
    const write = byName.get("write");
    expect(write?.type).toBeUndefined();
    expect(write?.flavors.map((f) => f.name)).toEqual(["ToInstance", "ToSubClass"]);
    expect(byName.get("Amendment")?.type).toBeUndefined();
  });
});

describe("qualifiedDeclaration / classDeclaration / alias", () => {
  const { file } = parseSyntaxFixture("classes.mof");
  const all = classes(file.statements);

  it("reads names, keywords, superclasses and aliases", () => {
    expect(all.map((c) => [c.keyword, c.name.name, c.superclass?.name, c.alias?.name])).toEqual([
      ["class", "Empty_Class", undefined, undefined],
      ["class", "CIM_Base", undefined, "Base"],
      ["class", "CIM_Derived", "CIM_Base", undefined],
      ["class", "CIM_Link", "CIM_Base", "L"],
      ["association", "CIM_Assoc3", undefined, undefined],
      ["indication", "CIM_Alert3", "CIM_Base", undefined],
    ]);
  });

  it("attaches the qualifier list and spans from '[' to ';'", () => {
    const base = all[1]!;
    expect(base.qualifiers.map((q) => q.name.name)).toEqual(["Abstract", "Version", "Description"]);
    const text = file.span.end;
    expect(base.span.start).toBeLessThan(base.name.span.start);
    expect(base.span.end).toBeLessThanOrEqual(text);
    expect(base.features).toHaveLength(1);
  });
});

describe("classFeature: properties", () => {
  const { file } = parseSyntaxFixture("properties.mof");
  const props = properties(classes(file.statements)[0]!);
  const byName = new Map(props.map((p) => [p.name.name, p]));

  it("reads every intrinsic type, object and class types", () => {
    expect(props.slice(0, 17).map((p) => withoutSpans(p.type))).toEqual([
      ...[
        "uint8",
        "sint8",
        "uint16",
        "sint16",
        "uint32",
        "sint32",
        "uint64",
        "sint64",
        "real32",
        "real64",
        "char16",
        "string",
        "boolean",
        "datetime",
        "object",
      ].map((name) => ({ kind: "IntrinsicType", name })),
      { kind: "ClassType", className: id("CIM_Embedded") },
      { kind: "IntrinsicType", name: "uint16" },
    ]);
  });

  it("decodes defaults exactly", () => {
    expect(withoutSpans(byName.get("U64")?.defaultValue)).toEqual({
      kind: "IntegerLiteral",
      value: 18446744073709551615n,
      radix: 10,
    });
    expect(withoutSpans(byName.get("S64")?.defaultValue)).toEqual({
      kind: "IntegerLiteral",
      value: -9223372036854775808n,
      radix: 10,
    });
    expect(withoutSpans(byName.get("R64")?.defaultValue)).toEqual({
      kind: "RealLiteral",
      value: -0.0025,
    });
    expect(withoutSpans(byName.get("C16")?.defaultValue)).toEqual({
      kind: "Char16Literal",
      value: "x",
    });
    expect(withoutSpans(byName.get("Flag")?.defaultValue)).toEqual({
      kind: "BooleanLiteral",
      value: true,
    });
    expect(withoutSpans(byName.get("Nothing")?.defaultValue)).toEqual({ kind: "NullLiteral" });
  });

  it("reads fixed and variable arrays with array defaults", () => {
    expect(byName.get("Fixed")?.array?.size).toBe(4);
    expect(byName.get("Variable")?.array).toBeDefined();
    expect(byName.get("Variable")?.array?.size).toBeUndefined();
    expect(withoutSpans(byName.get("Variable")?.defaultValue)).toEqual({
      kind: "ArrayLiteral",
      elements: [
        { kind: "StringLiteral", value: "a" },
        { kind: "StringLiteral", value: "b" },
      ],
    });
    expect(withoutSpans(byName.get("Empty")?.defaultValue)).toEqual({
      kind: "ArrayLiteral",
      elements: [],
    });
    expect(byName.get("U16")?.array).toBeUndefined();
  });
});

describe("classFeature: references", () => {
  const { file } = parseSyntaxFixture("references.mof");
  const cls = classes(file.statements)[0]!;
  const props = properties(cls);

  it("reads REF (any case), object ref, and defaults", () => {
    expect(
      props.map((p) => [p.name.name, withoutSpans(p.type), withoutSpans(p.defaultValue)]),
    ).toEqual([
      ["Antecedent", { kind: "ReferenceType", className: id("CIM_ManagedElement") }, undefined],
      [
        "Dependent",
        { kind: "ReferenceType", className: id("CIM_ManagedElement") },
        { kind: "NullLiteral" },
      ],
      ["Anything", { kind: "ReferenceType", className: id("object") }, undefined],
      [
        "Aliased",
        { kind: "ReferenceType", className: id("CIM_Thing") },
        { kind: "AliasReference", name: "Thing" },
      ],
    ]);
  });

  it("reads reference array parameters", () => {
    const parameter = methods(cls)[0]!.parameters[0]!;
    expect(withoutSpans(parameter.type)).toEqual({
      kind: "ReferenceType",
      className: id("CIM_Thing"),
    });
    expect(parameter.array).toBeDefined();
  });
});

describe("classFeature: methods / parameter / array / defaultValue", () => {
  const { file } = parseSyntaxFixture("methods.mof");
  const all = methods(classes(file.statements)[0]!);
  const byName = new Map(all.map((m) => [m.name.name, m]));

  it("void has no return type; others do", () => {
    expect(byName.get("Reset")?.returnType).toBeUndefined();
    expect(withoutSpans(byName.get("Start")?.returnType)).toEqual({
      kind: "IntrinsicType",
      name: "uint32",
    });
    expect(byName.get("Start")?.parameters).toEqual([]);
  });

  it("reads parameters with qualifiers, arrays, references and defaults", () => {
    const create = byName.get("Create")!;
    expect(create.qualifiers.map((q) => q.name.name)).toEqual(["Static", "Description"]);
    expect(
      create.parameters.map((p) => [
        p.qualifiers.map((q) => q.name.name),
        p.type.kind,
        p.name.name,
        p.array === undefined ? "-" : (p.array.size ?? "[]"),
        withoutSpans(p.defaultValue),
      ]),
    ).toEqual([
      [["In", "Required"], "IntrinsicType", "Name", "-", undefined],
      [["In"], "IntrinsicType", "Modes", "[]", undefined],
      [["In"], "IntrinsicType", "Key", 16, undefined],
      [["Out"], "ReferenceType", "Created", "-", undefined],
      [["In"], "IntrinsicType", "Timeout", "-", { kind: "IntegerLiteral", value: 30n, radix: 10 }],
      [
        ["In", "Out"],
        "IntrinsicType",
        "Log",
        "[]",
        { kind: "ArrayLiteral", elements: [{ kind: "StringLiteral", value: "a" }] },
      ],
    ]);
  });

  it("reads array return types and class-typed returns and parameters", () => {
    expect(byName.get("List")?.returnArray).toBeDefined();
    const things = byName.get("Things")!;
    expect([withoutSpans(things.returnType), things.returnArray?.size]).toEqual([
      { kind: "ReferenceType", className: id("CIM_Thing") },
      undefined,
    ]);
    expect(things.returnArray).toBeDefined();
    const run = byName.get("Run")!;
    expect(withoutSpans(run.returnType)).toEqual({
      kind: "ClassType",
      className: id("Methods_Result"),
    });
    expect(withoutSpans(run.parameters[0]!.type)).toEqual({
      kind: "ClassType",
      className: id("Methods_Arg"),
    });
  });
});

describe("qualifierList / qualifier", () => {
  const { file } = parseSyntaxFixture("qualifiers.mof");
  const cls = classes(file.statements)[0]!;

  it("reads values, arrays and flavors on a class", () => {
    expect(withoutSpans(cls.qualifiers)).toEqual([
      {
        kind: "Qualifier",
        name: id("Description"),
        value: { kind: "StringLiteral", value: "Class." },
        flavors: [
          { kind: "Flavor", name: "Amended" },
          { kind: "Flavor", name: "ToSubclass" },
        ],
      },
      {
        kind: "Qualifier",
        name: id("Version"),
        value: { kind: "StringLiteral", value: "1.0.0" },
        flavors: [],
      },
      { kind: "Qualifier", name: id("Abstract"), flavors: [] },
      {
        kind: "Qualifier",
        name: id("Counter"),
        value: { kind: "BooleanLiteral", value: true },
        flavors: [],
      },
      {
        kind: "Qualifier",
        name: id("LOCALE"),
        value: { kind: "IntegerLiteral", value: 0x409n, radix: 16 },
        flavors: [],
      },
      {
        kind: "Qualifier",
        name: id("UMLPackagePath"),
        value: { kind: "StringLiteral", value: "CIM::Core" },
        flavors: [],
      },
    ]);
  });

  it("reads array values with braces and flavors after them", () => {
    const [name, old, wmi, q] = properties(cls);
    const valueMap = name!.qualifiers.find((x) => x.name.name === "ValueMap");
    expect(withoutSpans(valueMap?.value)).toEqual({
      kind: "ArrayLiteral",
      elements: ["0", "2", "3..5", ".."].map((value) => ({ kind: "StringLiteral", value })),
    });
    expect(old!.qualifiers.map((x) => [x.name.name, x.flavors.map((f) => f.name)])).toEqual([
      ["Deprecated", ["Restricted", "DisableOverride"]],
      ["Override", ["ToInstance"]],
    ]);
    expect(wmi!.qualifiers[0]!.flavors.map((f) => f.name)).toEqual([
      "NotToInstance",
      "NotToSubclass",
      "Translatable",
      "EnableOverride",
    ]);
    expect(q!.qualifiers.map((x) => withoutSpans(x.value))).toEqual([
      { kind: "IntegerLiteral", value: -1n, radix: 10 },
      { kind: "IntegerLiteral", value: 127n, radix: 16 },
      { kind: "RealLiteral", value: 1.5 },
      { kind: "NullLiteral" },
      { kind: "Char16Literal", value: "a" },
      { kind: "ArrayLiteral", elements: [] },
    ]);
  });
});

describe("instanceDeclaration / instanceBody / valueInitializer / embeddedInstance", () => {
  const { file } = parseSyntaxFixture("instances.mof");
  const all = instances(file.statements);

  it("reads class names, aliases and alias references", () => {
    expect(all.map((i) => [i.className.name, i.alias?.name])).toEqual([
      ["__Win32Provider", "P"],
      ["__InstanceProviderRegistration", undefined],
      ["Sample_Thing", "Thing"],
      ["Sample_Empty", undefined],
    ]);
    expect(valuesOf(all[1]!)).toEqual({
      Provider: { kind: "AliasReference", name: "P" },
      SupportsGet: { kind: "BooleanLiteral", value: true },
    });
  });

  it("reads qualifiers on the instance and on property values, and values left out", () => {
    const thing = all[2]!;
    expect(thing.qualifiers.map((q) => q.name.name)).toEqual(["Description"]);
    expect(
      thing.properties.map((p) => [
        p.name.name,
        p.qualifiers.map((q) => q.name.name),
        p.value === undefined,
      ]),
    ).toEqual([
      ["Name", ["Key"], false],
      ["Count", [], false],
      ["Tags", [], false],
      ["Untouched", [], true],
      ["Inner", [], false],
    ]);
  });

  it("reads nested instances, also inside arrays", () => {
    const inner = valuesOf(all[2]!).Inner as {
      kind: string;
      instance: { className: unknown; properties: unknown[] };
    };
    expect(inner.kind).toBe("InstanceValue");
    expect(inner.instance.className).toEqual(id("Sample_Part"));
    expect(inner.instance.properties).toEqual([
      {
        kind: "PropertyValue",
        qualifiers: [],
        name: id("Size"),
        value: { kind: "IntegerLiteral", value: 4n, radix: 10 },
      },
      {
        kind: "PropertyValue",
        qualifiers: [],
        name: id("Parts"),
        value: {
          kind: "ArrayLiteral",
          elements: [
            {
              kind: "InstanceValue",
              instance: {
                kind: "InstanceDeclaration",
                qualifiers: [],
                className: id("Sample_Part"),
                properties: [
                  {
                    kind: "PropertyValue",
                    qualifiers: [],
                    name: id("Size"),
                    value: { kind: "IntegerLiteral", value: 5n, radix: 10 },
                  },
                ],
              },
            },
          ],
        },
      },
    ]);
    expect(all[3]!.properties).toEqual([]);
  });
});

describe("value / stringValue / arrayInitializer: literal decoding", () => {
  const { file, diagnostics } = parseSyntaxFixture("literals.mof");
  const values = valuesOf(instances(file.statements)[0]!);
  const plain = Object.fromEntries(
    Object.entries(values).map(([k, v]) => {
      const node = v as { kind: string; value?: unknown; name?: string; elements?: unknown };
      return [
        k,
        node.kind === "ArrayLiteral"
          ? node.elements
          : node.kind === "EnumLiteral"
            ? node.name
            : node.value,
      ];
    }),
  );

  it("decodes every DSP0004 escape", () => {
    expect(plain.Escapes).toBe("b\b t\t n\n f\f r\r q\" a' s\\ xA X\u263a");
    expect(diagnostics).toEqual([]);
  });

  it("concatenates adjacent strings, also inside arrays", () => {
    expect(plain.Joined).toBe("one two three");
    expect(plain.ArrayJoined).toEqual([
      { kind: "StringLiteral", value: "ab" },
      { kind: "StringLiteral", value: "c" },
    ]);
    expect(plain.Unicode).toBe("Grüße");
  });

  it("decodes char16 literals", () => {
    expect([plain.Char, plain.CharEscape, plain.CharQuote]).toEqual(["a", "A", "'"]);
  });

  it("decodes integers in every base, exactly", () => {
    expect([
      plain.Decimal,
      plain.Negative,
      plain.Plus,
      plain.Hex,
      plain.HexUpper,
      plain.Octal,
      plain.Binary,
      plain.BinaryUpper,
      plain.Zero,
    ]).toEqual([42n, -17n, 5n, 31n, -255n, 15n, 5n, 3n, 0n]);
    expect(plain.Big).toBe(123456789012345678901234567890n);
    expect((values.Octal as { radix: number }).radix).toBe(8);
    expect((values.Binary as { radix: number }).radix).toBe(2);
    expect((values.Hex as { radix: number }).radix).toBe(16);
  });

  it("decodes reals, booleans, null and enumeration names in any case", () => {
    expect([plain.Real, plain.RealExp, plain.RealNoInt, plain.RealNeg]).toEqual([
      3.25, 1e10, 0.5, -0.0025,
    ]);
    expect([plain.True1, plain.True2, plain.False1]).toEqual([true, true, false]);
    expect([values.Null1, values.Null2]).toEqual([
      { kind: "NullLiteral" },
      { kind: "NullLiteral" },
    ]);
    expect(plain.Enum).toBe("SomeName");
  });
});

describe("keywords as names", () => {
  const { file } = parseSyntaxFixture("keywords-as-names.mof");
  const cls = classes(file.statements)[0]!;

  it("accepts keywords in any case and keywords as property, parameter and method names", () => {
    expect(cls.name.name).toBe("Keywords_Class");
    expect(cls.superclass?.name).toBe("Keywords_Base");
    expect(properties(cls).map((p) => p.name.name)).toEqual([
      "Method",
      "Class",
      "Association",
      "Indication",
      "Flavor",
      "Scope",
      "Qualifier",
      "Ref",
      "Instance",
      "Of",
      "As",
      "Property",
      "Reference",
      "Any",
      "Ref2",
    ]);
    expect(properties(cls).find((p) => p.name.name === "Ref")?.type.kind).toBe("IntrinsicType");
    expect(properties(cls).find((p) => p.name.name === "Ref2")?.type.kind).toBe("ReferenceType");
    const method = methods(cls)[0]!;
    expect([method.name.name, method.parameters.map((p) => p.name.name)]).toEqual([
      "Void",
      ["Class", "Ref"],
    ]);
  });

  it("accepts upper-case INSTANCE OF ... AS", () => {
    const instance = instances(file.statements)[0]!;
    expect([
      instance.className.name,
      instance.alias?.name,
      instance.properties.map((p) => p.name.name),
    ]).toEqual(["Keywords_Class", "K", ["Class", "Ref", "Of"]]);
  });
});

describe("WMI amendment classes (.mfl)", () => {
  const { file } = parseSyntaxFixture("wmi-amendment.mfl");

  it("reads pragmas and the amended class with its qualifiers", () => {
    expect(file.statements.map((s) => s.kind)).toEqual([
      "PragmaDirective",
      "PragmaDirective",
      "ClassDeclaration",
    ]);
    const cls = classes(file.statements)[0]!;
    expect(cls.qualifiers.map((q) => [q.name.name, withoutSpans(q.value)])).toEqual([
      ["AMENDMENT", undefined],
      ["LOCALE", { kind: "IntegerLiteral", value: 0x409n, radix: 16 }],
      ["Description", { kind: "StringLiteral", value: "Localized." }],
    ]);
    const run = methods(cls)[0]!;
    expect(run.qualifiers[1]!.flavors.map((f) => f.name)).toEqual(["Amended", "ToSubclass"]);
    expect(run.parameters[0]!.qualifiers.map((q) => q.name.name)).toEqual(["In", "Description"]);
  });
});

describe("comments", () => {
  it("skips line and block comments anywhere", () => {
    const { file } = parseSyntaxFixture("comments.mof");
    const cls = classes(file.statements)[0]!;
    expect([cls.name.name, properties(cls).map((p) => p.name.name)]).toEqual([
      "Comments_Class",
      ["Name"],
    ]);
  });
});

describe("REF as a name or a keyword", () => {
  it("is a name when no name follows, also before an array", () => {
    const cls = parse(
      "class K { uint8 Ref[4]; uint16 Ref2 ; K REF Ref; K REF[] Refs(); };",
      "k.mof",
    ).file.statements[0] as ClassDeclaration;
    expect(
      cls.features.map((f) => [
        f.kind,
        f.name.name,
        f.kind === "PropertyDeclaration" ? f.type.kind : f.returnType?.kind,
      ]),
    ).toEqual([
      ["PropertyDeclaration", "Ref", "IntrinsicType"],
      ["PropertyDeclaration", "Ref2", "IntrinsicType"],
      ["PropertyDeclaration", "Ref", "ReferenceType"],
      ["MethodDeclaration", "Refs", "ReferenceType"],
    ]);
    expect((cls.features[0] as PropertyDeclaration).array?.size).toBe(4);
  });
});

describe("spans", () => {
  it("name spans point at the name as written", () => {
    const text = 'class A_B : C_D {\n  [Key] string Name = "x";\n};\n';
    const cls = parse(text, "s.mof").file.statements[0] as ClassDeclaration;
    const slice = (span: { start: number; end: number }) => text.slice(span.start, span.end);
    expect(slice(cls.name.span)).toBe("A_B");
    expect(slice(cls.superclass!.span)).toBe("C_D");
    const prop = cls.features[0] as PropertyDeclaration;
    expect(slice(prop.span)).toBe('[Key] string Name = "x";');
    expect(slice(prop.type.span)).toBe("string");
    expect(slice(prop.defaultValue!.span)).toBe('"x"');
    expect(slice(cls.span)).toBe(text.trimEnd());
  });
});

describe("stringValue across adjacent literals", () => {
  // Parts are read in a loop and decoded one by one: each part's problems keep their own offsets.
  const text = [
    "[Description(",
    '  "a\\q" /* kept */ "b\\"c\\x41\\\\"',
    '  "open',
    ")]",
    'class A { [V { "x" // c',
    '  "y", "\\x4a" }] uint8 P; };',
    "",
  ].join("\n");
  const { file, diagnostics } = parse(text, "s.mof");
  const cls = file.statements[0] as ClassDeclaration;

  it("concatenates the decoded parts; the span runs from the first part to the last", () => {
    const description = cls.qualifiers[0]!.value!;
    expect(description).toMatchObject({ kind: "StringLiteral", value: 'a\\qb"cA\\open' });
    expect(text.slice(description.span.start, description.span.end)).toBe(
      '"a\\q" /* kept */ "b\\"c\\x41\\\\"\n  "open',
    );
    const values = (cls.features[0] as PropertyDeclaration).qualifiers[0]!.value!;
    expect(withoutSpans(values)).toEqual({
      kind: "ArrayLiteral",
      elements: [
        { kind: "StringLiteral", value: "xy" },
        { kind: "StringLiteral", value: "J" },
      ],
    });
  });

  it("reports an invalid escape and an unterminated part where they are", () => {
    expect(diagnostics.map((d) => [d.code, text.slice(d.span!.start, d.span!.end)])).toEqual([
      ["MOF1004", "\\q"],
      ["MOF1002", '"open'],
    ]);
  });
});
