/** Small builders for hand-made CimSchema values (diff tests need no parser). */
import type { CimClass, CimMethod, CimParameter, CimProperty, CimQualifier, CimSchema, CimType, CimValue, QualifierSet } from "../../src/model/schema.js";
import type { ValueMap, ValueMapEntry } from "../../src/model/value-map.js";

const span = { file: "test.mof", start: 0, end: 0 };
const source = { file: "test.mof", line: 1, span };
const flavors = { overridable: true, toSubclass: true, toInstance: false, translatable: false, amended: false };

export function qualifiers(values: Record<string, CimValue> = {}, origin = "X"): QualifierSet {
  return new Map<string, CimQualifier>(Object.entries(values).map(([name, value]) => [name.toLowerCase(), { name, value, flavors, origin }]));
}

export function valueMap(entries: readonly (readonly [number | string, string])[], ranges: readonly ValueMapEntry[] = []): ValueMap {
  return {
    isString: false,
    entries: [...entries.map(([value, label]): ValueMapEntry => ({ kind: "value", value, label })), ...ranges],
  };
}

export function prop(name: string, type: CimType, extra: Partial<CimProperty> & { origin?: string; quals?: Record<string, CimValue> } = {}): CimProperty {
  const { origin, quals, ...rest } = extra;
  return {
    name,
    type,
    isArray: false,
    qualifiers: qualifiers(quals),
    declaredQualifiers: qualifiers(quals),
    source,
    classOrigin: origin ?? "X",
    isOverride: false,
    isKey: false,
    isRequired: false,
    isWritable: false,
    ...rest,
  };
}

export function param(name: string, type: CimType, extra: Partial<CimParameter> & { quals?: Record<string, CimValue> } = {}): CimParameter {
  const { quals, ...rest } = extra;
  return { name, type, isArray: false, direction: "in", qualifiers: qualifiers(quals), declaredQualifiers: qualifiers(quals), source, ...rest };
}

export function method(name: string, extra: Partial<CimMethod> & { origin?: string } = {}): CimMethod {
  const { origin, ...rest } = extra;
  return {
    name,
    returnType: "uint32",
    returnIsArray: false,
    parameters: [],
    classOrigin: origin ?? "X",
    isOverride: false,
    qualifiers: qualifiers(),
    declaredQualifiers: qualifiers(),
    isStatic: false,
    source,
    ...rest,
  };
}

export function cls(name: string, extra: Partial<CimClass> & { quals?: Record<string, CimValue> } = {}): CimClass {
  const { quals, ...rest } = extra;
  return {
    name,
    namespace: "root/cimv2",
    qualifiers: qualifiers(quals),
    declaredQualifiers: qualifiers(quals),
    properties: [],
    methods: [],
    isAssociation: false,
    isIndication: false,
    isAbstract: false,
    source,
    fromBaseSchema: false,
    ...rest,
  };
}

export function schema(classes: readonly CimClass[]): CimSchema {
  const byNs = new Map<string, CimClass[]>();
  for (const c of classes) byNs.set(c.namespace, [...(byNs.get(c.namespace) ?? []), c]);
  return {
    namespaces: [...byNs].map(([name, list]) => ({ name, classes: list, instances: [] })),
    qualifierTypes: new Map(),
    inputs: ["test.mof"],
  };
}
