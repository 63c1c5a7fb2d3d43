/**
 * Random, semantically VALID schemas as MOF text: unique class names (hostile ones included), single
 * inheritance from earlier classes, properties of every intrinsic type with defaults in range, keys,
 * ValueMap/Values pairs with hostile texts, descriptions with break-out payloads, methods with In/Out
 * parameters, references, embedded classes, instances with typed values, and an optional hostile
 * namespace. Such a schema must compile without errors and generate code that type-checks.
 */
import fc from "fast-check";
import { printChar16, printInteger, printReal, printString } from "../../src/printer/literals.js";

/** Names that stress the emitter: reserved words, object internals, global types, layout file names. */
const hostileNames = [
  "delete", "new", "enum", "interface", "type", "default", "await", "yield", "let", "static", "constructor",
  "__proto__", "toString", "valueOf", "prototype", "Object", "Array", "String", "Promise", "Record", "Omit",
  "Partial", "Readonly", "Error", "Symbol", "Map", "Date", "index", "Index", "runtime", "instances", "CON", "nul",
  "Démo", "日本", "A\u200bB", "A\u202eB",
];

const plain = fc.stringMatching(/^[A-Z][A-Za-z0-9_]{0,7}$/);
const name = fc.oneof({ weight: 3, arbitrary: plain }, { weight: 1, arbitrary: fc.constantFrom(...hostileNames) });

/** Texts that try to break out of wherever they land. */
const hostileText = fc.oneof(
  fc.constantFrom(
    "*/ export const pwned = 1; /*", "` + pwned + `", "${pwned}", '"; pwned(); "', "\\", "line\nbreak", "sep\u2028arator",
    "nul\u0000", "@deprecated pwned", "\ud800", "", "   ", "class", "1st", "__proto__", "constructor", "On", "ON",
  ),
  fc.string({ unit: "binary", maxLength: 12 }),
);

/**
 * Values texts become enum member names. Letters newer than TypeScript's Unicode tables are a known
 * emitter bug (see test/hostile/emit-injection.test.ts), so they stay out of this generator until it is
 * fixed: astral characters are dropped from Values texts (descriptions keep them).
 */
const valuesText = hostileText.map((t) => t.replace(/[\u{10000}-\u{10FFFF}]/gu, ""));

type Intrinsic = "uint8" | "sint8" | "uint16" | "sint16" | "uint32" | "sint32" | "uint64" | "sint64" | "real32" | "real64" | "char16" | "string" | "boolean" | "datetime";
const intrinsic: fc.Arbitrary<Intrinsic> = fc.constantFrom(
  "uint8", "sint8", "uint16", "sint16", "uint32", "sint32", "uint64", "sint64", "real32", "real64", "char16", "string", "boolean", "datetime",
);

const ranges: Record<string, readonly [bigint, bigint]> = {
  uint8: [0n, 255n], sint8: [-128n, 127n], uint16: [0n, 65535n], sint16: [-32768n, 32767n],
  uint32: [0n, 4294967295n], sint32: [-2147483648n, 2147483647n],
  uint64: [0n, 18446744073709551615n], sint64: [-9223372036854775808n, 9223372036854775807n],
};

/** A literal that fits `type`, as MOF text. */
function literalFor(type: Intrinsic): fc.Arbitrary<string> {
  const range = ranges[type];
  if (range !== undefined) {
    return fc.tuple(fc.bigInt({ min: range[0], max: range[1] }), fc.constantFrom<2 | 8 | 10 | 16>(2, 8, 10, 16)).map(([v, r]) => printInteger(v, r));
  }
  switch (type) {
    case "real32":
      return fc.float({ noNaN: true, noDefaultInfinity: true }).map((v) => printReal(v));
    case "real64":
      return fc.double({ noNaN: true, noDefaultInfinity: true }).map((v) => printReal(v));
    case "char16":
      return fc.integer({ min: 0x20, max: 0xd7ff }).map((u) => printChar16(String.fromCharCode(u)));
    case "boolean":
      return fc.boolean().map((b) => (b ? "TRUE" : "FALSE"));
    case "datetime":
      return fc.constantFrom('"20261126103000.000000+060"', '"00000001020304.000000:000"', '"2026112610****.******+000"');
    default:
      return hostileText.map(printString);
  }
}

interface PropertySpec {
  readonly name: string;
  readonly type: Intrinsic;
  readonly isArray: boolean;
  readonly defaultValue?: string;
  readonly description?: string;
  readonly valueMap?: { readonly values: readonly bigint[]; readonly texts: readonly string[] };
}

const property: fc.Arbitrary<PropertySpec> = intrinsic.chain((type) =>
  fc.record(
    {
      name: plain,
      type: fc.constant(type),
      isArray: fc.boolean(),
      defaultValue: fc.option(literalFor(type), { nil: undefined }),
      description: fc.option(hostileText, { nil: undefined }),
      valueMap:
        ranges[type] === undefined
          ? fc.constant(undefined)
          : fc.option(
              fc
                .uniqueArray(fc.bigInt({ min: 0n, max: 100n }), { minLength: 1, maxLength: 5 })
                .chain((values) => fc.array(valuesText, { minLength: values.length, maxLength: values.length }).map((texts) => ({ values, texts }))),
              { nil: undefined },
            ),
    },
    { requiredKeys: ["name", "type", "isArray"] },
  ),
);

interface ClassSpec {
  readonly name: string;
  readonly parent?: number;
  readonly description?: string;
  readonly properties: readonly PropertySpec[];
  readonly method?: { readonly name: string; readonly params: readonly PropertySpec[] };
  readonly referenceTo?: number;
  readonly embeds?: number;
}

export interface GeneratedSchema {
  readonly mof: string;
  readonly classCount: number;
}

/** A whole schema as MOF text. */
export const schemaMof: fc.Arbitrary<GeneratedSchema> = fc
  .uniqueArray(name, { minLength: 1, maxLength: 5, selector: (n) => n.toLowerCase() })
  .chain((names) =>
    fc.record({
      namespace: fc.option(fc.constantFrom("root/fuzz", "../../escape", "a\\b", "__proto__", "con", ".."), { nil: undefined }),
      classes: fc.tuple(
        ...names.map((className, i) =>
          fc.record(
            {
              name: fc.constant(className),
              parent: i === 0 ? fc.constant(undefined) : fc.option(fc.nat(i - 1), { nil: undefined }),
              description: fc.option(hostileText, { nil: undefined }),
              properties: fc.uniqueArray(property, { maxLength: 4, selector: (p) => p.name.toLowerCase() }),
              method: fc.option(
                fc.record({ name: plain, params: fc.uniqueArray(property, { maxLength: 3, selector: (p) => p.name.toLowerCase() }) }),
                { nil: undefined },
              ),
              referenceTo: fc.option(fc.nat(names.length - 1), { nil: undefined }),
              embeds: fc.option(fc.nat(names.length - 1), { nil: undefined }),
            },
            { requiredKeys: ["name", "properties"] },
          ),
        ),
      ),
      instanceValues: fc.array(fc.nat(), { maxLength: 8 }),
    }),
  )
  .map(({ namespace, classes, instanceValues }) => ({ mof: render(classes, namespace, instanceValues), classCount: classes.length }));

/** Writes the classes as MOF; names that would clash with an inherited member are suffixed. */
function render(classes: readonly ClassSpec[], namespace: string | undefined, instanceSeeds: readonly number[]): string {
  const lines: string[] = [];
  if (namespace !== undefined) lines.push(`#pragma namespace(${printString(namespace)})`, "");
  const memberNames: Set<string>[] = [];
  const ownProperties: PropertySpec[][] = [];
  classes.forEach((cls, i) => {
    const inherited = cls.parent === undefined ? new Set<string>() : new Set(memberNames[cls.parent]);
    const own = new Set<string>();
    const unique = (n: string): string => {
      let candidate = n;
      for (let k = 2; inherited.has(candidate.toLowerCase()) || own.has(candidate.toLowerCase()); k++) candidate = `${n}_${k}`;
      own.add(candidate.toLowerCase());
      return candidate;
    };
    const body: string[] = [];
    const props: PropertySpec[] = [];
    // Root classes declare the key; subclasses inherit it.
    if (cls.parent === undefined) body.push(`    [Key] string ${unique("Id")};`);
    for (const p of cls.properties) {
      const spec = { ...p, name: unique(p.name) };
      props.push(spec);
      body.push(`    ${qualifierList(spec)}${declaration(spec)};`);
    }
    // References only in root classes: an association must not derive from a non-association.
    const isAssociation = cls.referenceTo !== undefined && cls.parent === undefined;
    if (isAssociation) body.push(`    ${classes[cls.referenceTo!]!.name} REF ${unique("Target")};`);
    if (cls.embeds !== undefined) body.push(`    ${classes[cls.embeds]!.name} ${unique("Embedded")};`);
    if (cls.method !== undefined) {
      const params = cls.method.params.map((p, k) => `[${k % 2 === 0 ? "In" : "Out"}${p.description === undefined ? "" : `, Description(${printString(p.description)})`}] ${declaration(p)}`);
      body.push(`    [Description("method")] uint32 ${unique(cls.method.name)}(${params.join(", ")});`);
    }
    memberNames.push(new Set([...inherited, ...own]));
    ownProperties.push(props);
    const header = `class ${cls.name}${cls.parent === undefined ? "" : ` : ${classes[cls.parent]!.name}`}`;
    const association = isAssociation ? "Association, " : "";
    lines.push(`[${association}Description(${printString(cls.description ?? "")})]`, header, "{", ...body, "};", "");
  });
  for (const seed of instanceSeeds) {
    const target = seed % classes.length;
    const cls = classes[target]!;
    if (cls.referenceTo !== undefined && cls.parent === undefined) continue;
    const values = ownProperties[target]!.filter((p) => p.defaultValue !== undefined && !p.isArray).map((p) => `    ${p.name} = ${p.defaultValue};`);
    lines.push(`instance of ${cls.name}`, "{", ...values, "};", "");
  }
  return lines.join("\n");
}

function qualifierList(p: PropertySpec): string {
  const qualifiers: string[] = [];
  if (p.description !== undefined) qualifiers.push(`Description(${printString(p.description)})`);
  if (p.valueMap !== undefined) {
    qualifiers.push(`ValueMap{${p.valueMap.values.map((v) => `"${v}"`).join(", ")}}`);
    qualifiers.push(`Values{${p.valueMap.texts.map(printString).join(", ")}}`);
  }
  return qualifiers.length === 0 ? "" : `[${qualifiers.join(", ")}] `;
}

function declaration(p: PropertySpec): string {
  const value = p.defaultValue === undefined ? "" : p.isArray ? ` = {${p.defaultValue}}` : ` = ${p.defaultValue}`;
  return `${p.type} ${p.name}${p.isArray ? "[]" : ""}${value}`;
}
