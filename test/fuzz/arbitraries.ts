/**
 * fast-check arbitraries for random VALID MOF syntax trees (DSP0004 2.8 plus the WMI forms the tree
 * holds). Every node gets the same dummy span: spans are stripped before trees are compared.
 * Values match their declared type loosely enough to be valid syntax; the parser does not type-check.
 */
import fc from "fast-check";
import {
  intrinsicTypeNames,
  type ArraySpecifier,
  type ClassDeclaration,
  type Feature,
  type Flavor,
  type Identifier,
  type InstanceDeclaration,
  type IntrinsicTypeName,
  type MethodDeclaration,
  type MofFile,
  type ParameterDeclaration,
  type PragmaArgument,
  type PragmaDirective,
  type PropertyDeclaration,
  type PropertyValue,
  type Qualifier,
  type QualifierTypeDeclaration,
  type Span,
  type Statement,
  type TypeReference,
  type Value,
} from "../../src/ast/nodes.js";

export const genFile = "gen.mof";
const span: Span = { file: genFile, start: 0, end: 0 };

/** Words the grammar reserves somewhere; plain generated names avoid them (keyword-named properties
 *  are generated separately, from the list of keywords the front end promises to accept as names). */
const reserved = new Set([
  ...intrinsicTypeNames,
  "class", "instance", "of", "as", "ref", "qualifier", "scope", "flavor", "true", "false", "null", "void",
  "association", "indication", "pragma", "any", "property", "reference", "method", "parameter",
  "enableoverride", "disableoverride", "restricted", "tosubclass", "translatable", "toinstance",
  "amended", "nottoinstance", "nottosubclass", "include", "schema", "enum", "structure",
]);

/** Keywords that must stay usable as property names (front-end issue, "Lexer"). */
export const keywordNames = ["Method", "Class", "Indication", "Association", "Flavor", "Scope"];

const plainName: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom("", "_", "__", "CIM_", "Win32_", "MSFT_"),
    fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,9}$/),
  )
  .map(([prefix, rest]) => prefix + rest)
  .filter((name) => !reserved.has(name.toLowerCase()));

function identifier(name: fc.Arbitrary<string>): fc.Arbitrary<Identifier> {
  return name.map((n) => ({ kind: "Identifier", name: n, span }));
}

/** Any name: mostly plain, sometimes a keyword in any letter case (MOF keywords stay usable as names). */
const anyName: fc.Arbitrary<string> = fc.oneof(
  { weight: 9, arbitrary: plainName },
  { weight: 1, arbitrary: fc.mixedCase(fc.constantFrom(...keywordNames, ...reserved)) },
);
const ident = identifier(anyName);
const memberIdent = ident;
/** A class used as a type: an intrinsic type name there would read back as the intrinsic type. */
const classTypeIdent = identifier(anyName.filter((n) => !(intrinsicTypeNames as readonly string[]).includes(n.toLowerCase())));

/** Characters that stress escaping: quotes, backslashes, every named escape, controls, NUL, the line
 *  separators, BOM, lone surrogates, comment and pragma openers, and a hex digit after `\x`-able chars. */
const hostileChars = [
  '"', "'", "\\", "\b", "\t", "\n", "\f", "\r", "\0", "\x01", "\x1b", "\x7f", "\x85", "\u2028", "\u2029",
  "\ufeff", "\ud800", "\udfff", "\ud83d\ude00", "*/", "/*", "//", "#pragma", "\\x41", "A", "f", "0", "$", "{", "}", ";", "`", "${",
];

export const hostileString: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...hostileChars) },
      { weight: 3, arbitrary: fc.string({ unit: "binary", maxLength: 4 }) },
      { weight: 1, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((u) => String.fromCharCode(u)) },
    ),
    { maxLength: 8 },
  )
  .map((parts) => parts.join(""));

const char16Value: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('"', "'", "\\", "\n", "\0", "\u2028", "\ud800", "a"),
  fc.integer({ min: 0, max: 0xffff }).map((u) => String.fromCharCode(u)),
);

const stringLit = hostileString.map((value): Value => ({ kind: "StringLiteral", value, span }));
const char16Lit = char16Value.map((value): Value => ({ kind: "Char16Literal", value, span }));
const booleanLit = fc.boolean().map((value): Value => ({ kind: "BooleanLiteral", value, span }));
const nullLit = fc.constant<Value>({ kind: "NullLiteral", span });
/** MOF 3 / WMI enumeration value: a bare name (never a keyword, which would read as TRUE, NULL…). */
const enumValue = plainName.map((name): Value => ({ kind: "EnumLiteral", name, span }));
const realLit = fc
  .double({ noNaN: true, noDefaultInfinity: true })
  .map((value): Value => ({ kind: "RealLiteral", value, span }));

function integerLit(min: bigint, max: bigint): fc.Arbitrary<Value> {
  return fc
    .tuple(fc.bigInt({ min, max }), fc.constantFrom<2 | 8 | 10 | 16>(2, 8, 10, 16))
    .map(([value, radix]): Value => ({ kind: "IntegerLiteral", value, radix, span }));
}
const anyInteger = integerLit(-(2n ** 63n), 2n ** 64n - 1n);

/** A scalar literal that suits an intrinsic type. */
function scalarFor(type: IntrinsicTypeName): fc.Arbitrary<Value> {
  switch (type) {
    case "uint8": case "uint16": case "uint32": case "uint64":
      return integerLit(0n, 2n ** 64n - 1n);
    case "sint8": case "sint16": case "sint32": case "sint64":
      return anyInteger;
    case "real32": case "real64":
      return fc.oneof(realLit, anyInteger);
    case "char16":
      return char16Lit;
    case "boolean":
      return booleanLit;
    case "string": case "datetime":
      return stringLit;
    case "object":
      return nullLit;
  }
}

const arraySpec: fc.Arbitrary<ArraySpecifier> = fc.oneof(
  fc.constant<ArraySpecifier>({ span }),
  fc.integer({ min: 1, max: 64 }).map((size): ArraySpecifier => ({ size, span })),
);

const flavorNames = [
  "EnableOverride", "DisableOverride", "ToSubclass", "Restricted", "Translatable", "ToInstance",
  "Amended", "NotToInstance", "NotToSubclass",
];
const flavors: fc.Arbitrary<Flavor[]> = fc.uniqueArray(
  fc.constantFrom(...flavorNames).map((name): Flavor => ({ kind: "Flavor", name, span })),
  { maxLength: 3, selector: (f) => f.name },
);

/** Qualifier values: constants and arrays of constants (DSP0004 qualifierParameter). */
const qualifierValue: fc.Arbitrary<Value> = fc.oneof(
  stringLit,
  anyInteger,
  realLit,
  booleanLit,
  nullLit,
  enumValue,
  fc.array(fc.oneof(stringLit, anyInteger, enumValue), { maxLength: 4 }).map((elements): Value => ({ kind: "ArrayLiteral", elements, span })),
);

const qualifier: fc.Arbitrary<Qualifier> = fc
  .record({ name: ident, value: fc.option(qualifierValue, { nil: undefined }), flavors })
  .map(({ name, value, flavors }) => ({ kind: "Qualifier", name, ...(value === undefined ? {} : { value }), flavors, span }));

const qualifiers = fc.array(qualifier, { maxLength: 3 });

const intrinsicType = fc.constantFrom(...intrinsicTypeNames);

/** A declared type plus an optional array and a default that suits it. */
interface TypedParts {
  readonly type: TypeReference;
  readonly array?: ArraySpecifier;
  readonly defaultValue?: Value;
}

function arrayOf(element: fc.Arbitrary<Value>): fc.Arbitrary<Value> {
  return fc.array(element, { maxLength: 4 }).map((elements): Value => ({ kind: "ArrayLiteral", elements, span }));
}

function typedParts(instanceValue: fc.Arbitrary<Value>): fc.Arbitrary<TypedParts> {
  interface TypeAndValue {
    readonly type: TypeReference;
    readonly scalar: fc.Arbitrary<Value>;
  }
  const intrinsic = intrinsicType.map((name): TypeAndValue => ({
    type: { kind: "IntrinsicType", name, span },
    scalar: name === "object" ? fc.oneof(nullLit, instanceValue) : fc.oneof({ weight: 9, arbitrary: scalarFor(name) }, { weight: 1, arbitrary: enumValue }),
  }));
  const reference = ident.map((className): TypeAndValue => ({
    type: { kind: "ReferenceType", className, span },
    scalar: fc.oneof(nullLit, plainName.map((name): Value => ({ kind: "AliasReference", name, span }))),
  }));
  const classTyped = classTypeIdent.map((className): TypeAndValue => ({
    type: { kind: "ClassType", className, span },
    scalar: fc.oneof(nullLit, instanceValue),
  }));
  return fc.oneof(intrinsic, reference, classTyped).chain(({ type, scalar }) =>
    fc
      .record({ array: fc.option(arraySpec, { nil: undefined }), withDefault: fc.boolean() })
      .chain(({ array, withDefault }) => {
        const value = array === undefined ? scalar : arrayOf(scalar);
        return (withDefault ? value : fc.constant(undefined)).map((defaultValue) => ({
          type,
          ...(array === undefined ? {} : { array }),
          ...(defaultValue === undefined ? {} : { defaultValue }),
        }));
      }),
  );
}

/** An instance body (used both for top-level instances and for embedded instance values). */
function instanceArb(value: fc.Arbitrary<Value>, embedded: boolean): fc.Arbitrary<InstanceDeclaration> {
  const propertyValue: fc.Arbitrary<PropertyValue> = fc
    .record({ qualifiers, name: memberIdent, value: fc.option(value, { nil: undefined }) })
    .map(({ qualifiers, name, value }) => ({ kind: "PropertyValue", qualifiers, name, ...(value === undefined ? {} : { value }), span }));
  return fc
    .record({
      // The grammar has no place for qualifiers in front of an embedded `instance of` value.
      qualifiers: embedded ? fc.constant([]) : qualifiers,
      className: ident,
      alias: fc.option(ident, { nil: undefined }),
      properties: fc.uniqueArray(propertyValue, { maxLength: 4, selector: (p) => p.name.name.toLowerCase() }),
    })
    .map(({ alias, ...rest }) => ({ kind: "InstanceDeclaration", ...rest, ...(alias === undefined ? {} : { alias }), span }));
}

/** Property values in instances: any literal, arrays, alias references and embedded instances (depth-limited). */
const instanceValues = fc.letrec<{ value: Value; instance: Value }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    stringLit, char16Lit, anyInteger, realLit, booleanLit, nullLit,
    plainName.map((name): Value => ({ kind: "AliasReference", name, span })),
    enumValue,
    arrayOf(fc.oneof(stringLit, anyInteger, booleanLit, enumValue, tie("instance"))),
    tie("instance"),
  ),
  instance: instanceArb(tie("value"), true).map((instance): Value => ({ kind: "InstanceValue", instance, span })),
}));

const embeddedInstance = instanceValues.instance;
const instanceValue = instanceValues.value;

const property: fc.Arbitrary<PropertyDeclaration> = fc
  .record({ qualifiers, name: memberIdent, parts: typedParts(embeddedInstance) })
  .map(({ qualifiers, name, parts }) => ({ kind: "PropertyDeclaration", qualifiers, name, ...parts, span }));

const parameter: fc.Arbitrary<ParameterDeclaration> = fc
  .record({ qualifiers, name: memberIdent, parts: typedParts(embeddedInstance) })
  .map(({ qualifiers, name, parts }) => ({ kind: "ParameterDeclaration", qualifiers, name, ...parts, span }));

const method: fc.Arbitrary<MethodDeclaration> = fc
  .record({
    qualifiers,
    returnType: fc.option(
      fc.oneof(
        intrinsicType.map((name): TypeReference => ({ kind: "IntrinsicType", name, span })),
        ident.map((className): TypeReference => ({ kind: "ReferenceType", className, span })),
      ),
      { nil: undefined },
    ),
    returnArray: fc.option(fc.constant<ArraySpecifier>({ span }), { nil: undefined, freq: 5 }),
    name: ident,
    parameters: fc.uniqueArray(parameter, { maxLength: 3, selector: (p) => p.name.name.toLowerCase() }),
  })
  .map(({ returnType, returnArray, ...rest }) => ({
    kind: "MethodDeclaration",
    ...rest,
    ...(returnType === undefined ? {} : { returnType }),
    ...(returnType === undefined || returnArray === undefined ? {} : { returnArray }),
    span,
  }));

const feature: fc.Arbitrary<Feature> = fc.oneof({ weight: 3, arbitrary: property }, { weight: 1, arbitrary: method });

const classDeclaration: fc.Arbitrary<ClassDeclaration> = fc
  .record({
    qualifiers,
    keyword: fc.constantFrom<ClassDeclaration["keyword"]>("class", "class", "class", "association", "indication"),
    name: ident,
    alias: fc.option(ident, { nil: undefined, freq: 4 }),
    superclass: fc.option(ident, { nil: undefined }),
    features: fc.uniqueArray(feature, { maxLength: 5, selector: (f) => f.name.name.toLowerCase() }),
  })
  .map(({ alias, superclass, ...rest }) => ({
    kind: "ClassDeclaration",
    ...rest,
    ...(alias === undefined ? {} : { alias }),
    ...(superclass === undefined ? {} : { superclass }),
    span,
  }));

const scopeNames = ["class", "association", "indication", "property", "reference", "method", "parameter", "qualifier", "any"];

const qualifierType: fc.Arbitrary<QualifierTypeDeclaration> = fc.oneof(
  // DSP0004 form: Qualifier Name : type[] = default, Scope(…), Flavor(…);
  fc
    .record({
      name: ident,
      type: fc.constantFrom<IntrinsicTypeName>(...intrinsicTypeNames.filter((t) => t !== "object")),
      array: fc.option(arraySpec, { nil: undefined }),
      withDefault: fc.boolean(),
      scopes: fc.uniqueArray(fc.constantFrom(...scopeNames), { minLength: 1, maxLength: 3 }),
      flavors,
    })
    .chain(({ name, type, array, withDefault, scopes, flavors }) => {
      const scalar = scalarFor(type);
      const value = array === undefined ? scalar : arrayOf(scalar);
      return (withDefault ? value : fc.constant(undefined)).map(
        (defaultValue): QualifierTypeDeclaration => ({
          kind: "QualifierTypeDeclaration",
          name,
          type: { kind: "IntrinsicType", name: type, span },
          ...(array === undefined ? {} : { array }),
          ...(defaultValue === undefined ? {} : { defaultValue }),
          scopes: scopes.map((s): Identifier => ({ kind: "Identifier", name: s, span })),
          flavors,
          span,
        }),
      );
    }),
  // WMI typeless form: qualifier write : ToInstance ToSubclass;
  fc
    .record({ name: ident, flavors: flavors.filter((f) => f.length > 0) })
    .map(({ name, flavors }): QualifierTypeDeclaration => ({ kind: "QualifierTypeDeclaration", name, scopes: [], flavors, span })),
);

const enumLit = (name: string): PragmaArgument => ({ kind: "EnumLiteral", name, span });
const pragmaString = hostileString.map((value): PragmaArgument => ({ kind: "StringLiteral", value, span }));
const pragmaInteger = fc.bigInt({ min: 0n, max: 255n }).map((value): PragmaArgument => ({ kind: "IntegerLiteral", value, radix: 10, span }));

const pragma: fc.Arbitrary<PragmaDirective> = fc
  .oneof<fc.Arbitrary<{ name: string; args: PragmaArgument[] }>[]>(
    fc.record({ name: fc.constantFrom("namespace", "locale", "instancelocale", "amendment", "source"), args: pragmaString.map((s) => [s]) }),
    fc.record({ name: fc.constant("classflags"), args: fc.oneof(pragmaString, pragmaInteger).map((a) => [a]) }),
    fc.record({
      name: fc.constantFrom("deleteclass", "deleteinstance"),
      args: fc.tuple(pragmaString, fc.constantFrom("FAIL", "NOFAIL").map(enumLit)),
    }),
    fc.record({ name: fc.constant("autorecover"), args: fc.constant<PragmaArgument[]>([]) }),
  )
  .map(({ name, args }) => ({
    kind: "PragmaDirective",
    name: { kind: "Identifier", name, span },
    args,
    span,
  }));

const instanceStatement: fc.Arbitrary<InstanceDeclaration> = instanceArb(instanceValue, false);

export const statement: fc.Arbitrary<Statement> = fc.oneof(
  { weight: 1, arbitrary: pragma },
  { weight: 1, arbitrary: qualifierType },
  { weight: 3, arbitrary: classDeclaration },
  { weight: 2, arbitrary: instanceStatement },
);

/** A random valid MOF file. */
export const mofFile: fc.Arbitrary<MofFile> = fc
  .array(statement, { minLength: 1, maxLength: 5 })
  .map((statements) => ({ kind: "MofFile", file: genFile, statements, span }));
