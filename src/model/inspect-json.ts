/**
 * The `mof2ts inspect --json` document: the resolved model as plain JSON-safe data. This shape is a
 * public interface (docs/inspect-json.md); change it only by adding fields.
 * Every optional field is present with `null` when absent, so consumers see one shape. Integers beyond
 * 2^53 (uint64/sint64 values) are decimal strings; all other integers are numbers.
 */
import type {
  CimClass,
  CimFlavors,
  CimInstance,
  CimMethod,
  CimNamespace,
  CimParameter,
  CimProperty,
  CimQualifierType,
  CimSchema,
  CimValue,
  QualifierSet,
  SourceLocation,
} from "./schema.js";
import type { BitMap, ValueMap } from "./value-map.js";

/** A JSON value. */
export type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };

/** Version of the document shape; bumped only when fields are added. */
export const inspectJsonFormatVersion = 2;

/** The whole schema as the `inspect --json` document. `writeInspectJson` (inspect-json-text.ts) writes
 *  the same document as text without building it. */
export function toInspectJson(schema: CimSchema): Json {
  const classWithMembers = (cls: CimClass) =>
    classJson(
      cls,
      cls.properties.map((p) => propertyJson(p, declaredIn(p, cls))),
      cls.methods.map((m) => methodJson(m, declaredIn(m, cls))),
    );
  return documentJson(
    schema,
    schema.namespaces.map((ns) => namespaceJson(ns, ns.classes.map(classWithMembers))),
  );
}

/** The document's fields, with `namespaces` as given: built, or a placeholder the text writer fills in. */
export function documentJson(schema: CimSchema, namespaces: Json): { readonly [key: string]: Json } {
  return {
    formatVersion: inspectJsonFormatVersion,
    version: schema.version ?? null,
    inputs: [...schema.inputs],
    namespaces,
    qualifierTypes: [...schema.qualifierTypes.values()].map(qualifierTypeJson),
  };
}

/** A namespace's fields, with `classes` as given. */
export function namespaceJson(ns: CimNamespace, classes: Json): { readonly [key: string]: Json } {
  return { name: ns.name, classes, instances: ns.instances.map(instanceJson) };
}

/** A class's fields, with `properties` and `methods` as given. */
export function classJson(cls: CimClass, properties: Json, methods: Json): { readonly [key: string]: Json } {
  return {
    name: cls.name,
    namespace: cls.namespace,
    superclass: cls.superclass ?? null,
    isAssociation: cls.isAssociation,
    isIndication: cls.isIndication,
    isAbstract: cls.isAbstract,
    fromBaseSchema: cls.fromBaseSchema,
    origin: cls.builtin === true ? "builtin" : cls.fromBaseSchema ? "schema" : "input",
    qualifiers: qualifiersJson(cls.declaredQualifiers),
    properties,
    methods,
    localized: cls.localized === undefined ? null : localizedJson(cls),
    source: sourceJson(cls.source),
  };
}

/** Value maps are reported where the element is declared (like its qualifiers); members a class
 *  inherits without redeclaring show `null` there and the map at their class of origin. */
export function declaredIn(member: CimProperty | CimMethod, cls: CimClass): boolean {
  return member.isOverride || member.classOrigin === cls.name;
}

/** Built as one literal per element kind: spreading a shared part measured many times slower. */
export function propertyJson(property: CimProperty, declaredHere: boolean): Json {
  return {
    name: property.name,
    type: property.type,
    isArray: property.isArray,
    arraySize: property.arraySize ?? null,
    referenceClass: property.referenceClass ?? null,
    embeddedClass: property.embeddedClass ?? null,
    isEmbeddedObject: property.isEmbeddedObject === true,
    default: property.default === undefined ? null : valueJson(property.default),
    qualifiers: qualifiersJson(property.declaredQualifiers),
    valueMap: declaredHere ? valueMapJson(property.valueMap) : null,
    bitMap: declaredHere ? bitMapJson(property.bitMap) : null,
    source: sourceJson(property.source),
    classOrigin: property.classOrigin,
    isOverride: property.isOverride,
    overrides: property.overrides ?? null,
    isKey: property.isKey,
    isRequired: property.isRequired,
    isWritable: property.isWritable,
  };
}

function parameterJson(parameter: CimParameter, declaredHere: boolean): Json {
  return {
    name: parameter.name,
    type: parameter.type,
    isArray: parameter.isArray,
    arraySize: parameter.arraySize ?? null,
    referenceClass: parameter.referenceClass ?? null,
    embeddedClass: parameter.embeddedClass ?? null,
    isEmbeddedObject: parameter.isEmbeddedObject === true,
    default: parameter.default === undefined ? null : valueJson(parameter.default),
    qualifiers: qualifiersJson(parameter.declaredQualifiers),
    valueMap: declaredHere ? valueMapJson(parameter.valueMap) : null,
    bitMap: declaredHere ? bitMapJson(parameter.bitMap) : null,
    source: sourceJson(parameter.source),
    direction: parameter.direction,
  };
}

export function methodJson(method: CimMethod, declaredHere: boolean): Json {
  return {
    name: method.name,
    classOrigin: method.classOrigin,
    isOverride: method.isOverride,
    overrides: method.overrides ?? null,
    isStatic: method.isStatic,
    returnType: method.returnType ?? null,
    returnIsArray: method.returnIsArray,
    returnReferenceClass: method.returnReferenceClass ?? null,
    returnEmbeddedClass: method.returnEmbeddedClass ?? null,
    returnValueMap: declaredHere ? valueMapJson(method.returnValueMap) : null,
    qualifiers: qualifiersJson(method.declaredQualifiers),
    parameters: method.parameters.map((p) => parameterJson(p, declaredHere)),
    source: sourceJson(method.source),
  };
}

function localizedJson(cls: CimClass): Json {
  const result: Record<string, Json> = {};
  for (const [locale, localized] of cls.localized ?? []) {
    const members: Record<string, Json> = {};
    for (const [key, set] of localized.members) {
      const name = cls.properties.find((p) => p.name.toLowerCase() === key)?.name ?? cls.methods.find((m) => m.name.toLowerCase() === key)?.name ?? key;
      members[name] = qualifiersJson(set);
    }
    result[locale] = { qualifiers: qualifiersJson(localized.qualifiers), members };
  }
  return result;
}

function instanceJson(instance: CimInstance): Json {
  return {
    className: instance.className,
    namespace: instance.namespace,
    alias: instance.alias ?? null,
    properties: instance.properties.map((p) => ({ name: p.name, type: p.type ?? null, value: valueJson(p.value) })),
    source: sourceJson(instance.source),
  };
}

function qualifierTypeJson(type: CimQualifierType): Json {
  return {
    name: type.name,
    type: type.type ?? null,
    isArray: type.isArray,
    default: type.default === undefined ? null : valueJson(type.default),
    scopes: [...type.scopes],
    flavors: flavorsJson(type.flavors),
    origin: type.origin,
    source: type.source === undefined ? null : sourceJson(type.source),
  };
}

function flavorsJson(flavors: CimFlavors): Json {
  return {
    overridable: flavors.overridable,
    toSubclass: flavors.toSubclass,
    toInstance: flavors.toInstance,
    translatable: flavors.translatable,
    amended: flavors.amended,
  };
}

/** Qualifiers as an object: declared name -> value, in declaration order. */
function qualifiersJson(set: QualifierSet): Json {
  const result: Record<string, Json> = {};
  for (const qualifier of set.values()) result[qualifier.name] = valueJson(qualifier.value);
  return result;
}

function sourceJson(source: SourceLocation): Json {
  return { file: source.file, line: source.line };
}

function integerJson(value: number | bigint): Json {
  return typeof value === "bigint" ? value.toString() : value;
}

/** A model value as JSON: aliases `{ "alias": name }`, enum literals `{ "enum": name }`, embedded
 *  instances `{ "instance": {...} }`. */
export function valueJson(value: CimValue): Json {
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : String(value);
  if (typeof value === "bigint") return value.toString();
  if (isArray(value)) return value.map(valueJson);
  switch (value.kind) {
    case "alias":
      return { alias: value.name };
    case "enum":
      return { enum: value.name };
    case "instance":
      return { instance: instanceJson(value.instance) };
  }
}

function isArray(value: CimValue): value is readonly CimValue[] {
  return Array.isArray(value);
}

function valueMapJson(map: ValueMap | undefined): Json {
  if (map === undefined) return null;
  return {
    isString: map.isString,
    entries: map.entries.map((entry): Json => {
      switch (entry.kind) {
        case "value":
          return { kind: "value", value: typeof entry.value === "string" ? entry.value : integerJson(entry.value), label: entry.label };
        case "range":
          return {
            kind: "range",
            min: entry.min === undefined ? null : integerJson(entry.min),
            max: entry.max === undefined ? null : integerJson(entry.max),
            label: entry.label,
          };
        case "otherwise":
          return { kind: "otherwise", label: entry.label };
      }
    }),
  };
}

function bitMapJson(map: BitMap | undefined): Json {
  if (map === undefined) return null;
  return {
    entries: map.entries.map((entry): Json =>
      entry.kind === "bit"
        ? { kind: "bit", bit: entry.bit, label: entry.label }
        : { kind: "range", min: entry.min ?? null, max: entry.max ?? null, label: entry.label },
    ),
  };
}

