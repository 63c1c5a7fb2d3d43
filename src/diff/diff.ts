/**
 * diffSchemas(old, new): what changed between two schema versions, graded for the generated TypeScript.
 *
 * Classes are matched by namespace and name (case-insensitive; a class found under another namespace is
 * "moved"), members by name, value-map entries by value. Classes carry their inherited members, so a
 * change made in a superclass would show up again in every subclass; a member change is reported only
 * where it happens: it is dropped from a class whose superclass (the same on both sides) shows the very
 * same change. Classes that came only from `--schema` base schemas are not compared.
 */
import type { CimClass, CimMethod, CimParameter, CimProperty, CimSchema, CimType, CimValue, QualifierSet } from "../model/schema.js";
import type { ValueMap, ValueMapEntry } from "../model/value-map.js";
import type { ChangeKind, DiffOptions, DiffSummary, Int64Style, SchemaChange, SchemaDiff } from "./types.js";
import { primitiveFamily } from "../emit/type-map.js";

/** Qualifiers whose changes users care about, beyond those with their own change kind (Key, Required, Write). */
const TRACKED_QUALIFIERS = ["Deprecated", "Experimental", "Version"] as const;

type Draft = Omit<SchemaChange, "namespace" | "className">;

interface Located {
  readonly namespace: string;
  readonly cls: CimClass;
}

export function diffSchemas(oldSchema: CimSchema, newSchema: CimSchema, options: DiffOptions = {}): SchemaDiff {
  const int64 = options.int64 ?? "number";
  const oldIndex = indexClasses(oldSchema);
  const newIndex = indexClasses(newSchema);
  const memberMemo = new Map<string, readonly Draft[]>();
  const changes: SchemaChange[] = [];
  const oldByName = byName(oldIndex);
  const newByName = byName(newIndex);

  for (const [key, now] of newIndex) {
    const before = oldIndex.get(key) ?? uniqueElsewhere(oldByName, newByName, now.cls.name);
    const at = (d: Draft): SchemaChange => ({ ...d, namespace: now.namespace, className: now.cls.name });
    if (before === undefined) {
      changes.push(at({ kind: "class-added", grade: "compatible", message: `Class ${now.cls.name} was added.` }));
      continue;
    }
    if (nsKey(before.namespace) !== nsKey(now.namespace)) {
      changes.push(
        at({
          kind: "class-moved",
          grade: "breaking",
          before: before.namespace,
          after: now.namespace,
          message: `Class ${now.cls.name} moved from namespace ${before.namespace} to ${now.namespace}.`,
        }),
      );
    }
    changes.push(...classLevelChanges(before.cls, now.cls, ancestorsIn(newIndex, now)).map(at));
    changes.push(...memberChangesReported(before, now, oldIndex, newIndex, memberMemo, int64).map(at));
  }
  for (const [key, was] of oldIndex) {
    if (newIndex.has(key) || uniqueElsewhere(newByName, oldByName, was.cls.name) !== undefined) continue;
    changes.push({
      kind: "class-removed",
      grade: "breaking",
      namespace: was.namespace,
      className: was.cls.name,
      message: `Class ${was.cls.name} was removed.`,
    });
  }
  const sorted = sortChanges(changes);
  return { summary: summarize(sorted), changes: sorted };
}

// ---------------------------------------------------------------------------------------------- classes

function indexClasses(schema: CimSchema): Map<string, Located> {
  const index = new Map<string, Located>();
  for (const ns of schema.namespaces) {
    for (const cls of ns.classes) {
      if (!cls.fromBaseSchema) index.set(classKey(ns.name, cls.name), { namespace: ns.name, cls });
    }
  }
  return index;
}

function byName(index: ReadonlyMap<string, Located>): Map<string, Located[]> {
  const names = new Map<string, Located[]>();
  for (const located of index.values()) {
    const key = located.cls.name.toLowerCase();
    names.set(key, [...(names.get(key) ?? []), located]);
  }
  return names;
}

/** The class of this name on the other side when the name is unique on both sides: it moved namespace. */
function uniqueElsewhere(otherByName: ReadonlyMap<string, Located[]>, sameByName: ReadonlyMap<string, Located[]>, name: string): Located | undefined {
  const key = name.toLowerCase();
  const other = otherByName.get(key) ?? [];
  return other.length === 1 && (sameByName.get(key) ?? []).length === 1 ? other[0] : undefined;
}

/**
 * A new superclass is compatible when the old one is still an ancestor (a class was inserted above) or there
 * was none: every interface the class used to extend is still extended. Members that come or go with the
 * new chain are reported on their own.
 */
function classLevelChanges(was: CimClass, now: CimClass, newAncestors: readonly string[]): Draft[] {
  const out: Draft[] = [];
  if ((was.superclass ?? "").toLowerCase() !== (now.superclass ?? "").toLowerCase()) {
    const kept = was.superclass === undefined || newAncestors.includes(was.superclass.toLowerCase());
    const before = was.superclass ?? "(none)";
    const after = now.superclass ?? "(none)";
    out.push({
      kind: "superclass-changed",
      grade: kept ? "compatible" : "breaking",
      before,
      after,
      message:
        `Superclass of ${now.name} changed from ${before} to ${after}` +
        (kept && was.superclass !== undefined ? `, which derives from ${was.superclass}.` : "."),
    });
  }
  out.push(...qualifierChanges(was.qualifiers, now.qualifiers, "class-qualifier-changed", `class ${now.name}`));
  return out;
}

/** Lower-case names of every superclass above `start` on its side (cycles cut). */
function ancestorsIn(index: ReadonlyMap<string, Located>, start: Located): string[] {
  const names: string[] = [];
  let current: Located | undefined = start;
  while (current?.cls.superclass !== undefined && !names.includes(current.cls.superclass.toLowerCase())) {
    names.push(current.cls.superclass.toLowerCase());
    current = findClass(index, current.namespace, current.cls.superclass);
  }
  return names;
}

// ---------------------------------------------------------------------------------------------- members

/** Member changes of `now`, minus those its unchanged superclass shows identically. */
function memberChangesReported(
  before: Located,
  now: Located,
  oldIndex: ReadonlyMap<string, Located>,
  newIndex: ReadonlyMap<string, Located>,
  memo: Map<string, readonly Draft[]>,
  int64: Int64Style,
): Draft[] {
  const own = memberChanges(before, now, memo, int64);
  const superName = now.cls.superclass;
  if (superName === undefined || (before.cls.superclass ?? "").toLowerCase() !== superName.toLowerCase()) return [...own];
  const superNow = findClass(newIndex, now.namespace, superName);
  const superBefore = findClass(oldIndex, before.namespace, superName);
  if (superNow === undefined || superBefore === undefined) return [...own];
  const inherited = new Set(memberChanges(superBefore, superNow, memo, int64).map(identity));
  return own.filter((d) => !inherited.has(identity(d)));
}

function findClass(index: ReadonlyMap<string, Located>, namespace: string, name: string): Located | undefined {
  return index.get(classKey(namespace, name)) ?? [...index.values()].find((l) => l.cls.name.toLowerCase() === name.toLowerCase());
}

/** Every member-level change between two versions of a class (inherited members included), memoized. */
function memberChanges(before: Located, now: Located, memo: Map<string, readonly Draft[]>, int64: Int64Style): readonly Draft[] {
  const key = `${classKey(before.namespace, before.cls.name)}\u0000${classKey(now.namespace, now.cls.name)}`;
  const known = memo.get(key);
  if (known !== undefined) return known;
  const out: Draft[] = [];
  const cls = now.cls.name;
  matchByName(before.cls.properties, now.cls.properties, {
    added: (p) => out.push(propertyAdded(cls, p)),
    removed: (p) => out.push(removed("property-removed", cls, p.name, typeText(p), `Property ${cls}.${p.name} was removed.`)),
    both: (was, is) => out.push(...propertyChanges(cls, was, is, int64)),
  });
  matchByName(before.cls.methods, now.cls.methods, {
    added: (m) => out.push({ kind: "method-added", grade: "compatible", member: m.name, after: signature(m), message: `Method ${cls}.${m.name}() was added.` }),
    removed: (m) => out.push(removed("method-removed", cls, m.name, signature(m), `Method ${cls}.${m.name}() was removed.`)),
    both: (was, is) => out.push(...methodChanges(cls, was, is, int64)),
  });
  memo.set(key, out);
  return out;
}

function removed(kind: ChangeKind, _cls: string, member: string, before: string, message: string): Draft {
  return { kind, grade: "breaking", member, before, message };
}

function propertyAdded(cls: string, p: CimProperty): Draft {
  const required = p.isKey || p.isRequired;
  return {
    kind: "property-added",
    grade: required ? "breaking" : "compatible",
    member: p.name,
    after: typeText(p),
    message: required
      ? `Required property ${cls}.${p.name} was added; code that builds ${cls} objects must now set it.`
      : `Property ${cls}.${p.name} was added.`,
  };
}

function propertyChanges(cls: string, was: CimProperty, is: CimProperty, int64: Int64Style): Draft[] {
  const out: Draft[] = [];
  const name = `${cls}.${is.name}`;
  const type = typeChange(was, is, int64);
  if (type !== undefined) out.push({ kind: "property-type-changed", member: is.name, ...type, message: `Type of ${name} changed from ${type.before} to ${type.after}.` });
  if (was.isKey !== is.isKey) {
    out.push({
      kind: "key-changed",
      grade: "breaking",
      member: is.name,
      before: String(was.isKey),
      after: String(is.isKey),
      message: is.isKey ? `${name} became a key property.` : `${name} is no longer a key property.`,
    });
  } else if (was.isRequired !== is.isRequired) {
    // Key properties are required in TypeScript either way; otherwise the property turns required/optional.
    const visible = !is.isKey;
    out.push({
      kind: "required-changed",
      grade: visible ? "breaking" : "compatible",
      member: is.name,
      before: String(was.isRequired),
      after: String(is.isRequired),
      message: is.isRequired
        ? `${name} became Required${visible ? "; code that builds these objects must now set it" : ""}.`
        : `${name} is no longer Required${visible ? "; it becomes optional, so code that reads it must check for absence" : ""}.`,
    });
  }
  if (was.isWritable !== is.isWritable) {
    out.push({
      kind: "write-changed",
      grade: is.isWritable ? "compatible" : "breaking",
      member: is.name,
      before: String(was.isWritable),
      after: String(is.isWritable),
      message: is.isWritable ? `${name} became writable.` : `${name} is no longer writable; it becomes readonly.`,
    });
  }
  out.push(...qualifierChanges(was.qualifiers, is.qualifiers, "property-qualifier-changed", name, { member: is.name }));
  out.push(...valueMapChanges(was.valueMap, is.valueMap, name, { member: is.name }));
  return out;
}

function methodChanges(cls: string, was: CimMethod, is: CimMethod, int64: Int64Style): Draft[] {
  const out: Draft[] = [];
  const name = `${cls}.${is.name}()`;
  const before = returnText(was);
  const after = returnText(is);
  if (returnFamily(was, int64) !== returnFamily(is, int64)) {
    out.push({ kind: "return-type-changed", grade: "breaking", member: is.name, before, after, message: `Return type of ${name} changed from ${before} to ${after}.` });
  } else if (before !== after) {
    out.push({
      kind: "return-type-changed",
      grade: "compatible",
      member: is.name,
      before,
      after,
      message: `Return type of ${name} changed from ${before} to ${after} (same TypeScript type).`,
    });
  }
  out.push(...qualifierChanges(was.qualifiers, is.qualifiers, "method-qualifier-changed", name, { member: is.name }));
  out.push(...valueMapChanges(was.returnValueMap, is.returnValueMap, `the return value of ${name}`, { member: is.name }));
  matchByName(was.parameters, is.parameters, {
    added: (p) => {
      const required = isRequiredParameter(p) && p.direction !== "out";
      out.push({
        kind: "parameter-added",
        grade: required ? "breaking" : "compatible",
        member: is.name,
        parameter: p.name,
        after: `${p.direction} ${typeText(p)}`,
        message: required
          ? `Required parameter ${p.name} was added to ${name}; callers must now pass it.`
          : `Parameter ${p.name} (${p.direction}) was added to ${name}.`,
      });
    },
    removed: (p) =>
      out.push({
        kind: "parameter-removed",
        grade: "breaking",
        member: is.name,
        parameter: p.name,
        before: `${p.direction} ${typeText(p)}`,
        message: `Parameter ${p.name} was removed from ${name}.`,
      }),
    both: (a, b) => out.push(...parameterChanges(name, is.name, a, b, int64)),
  });
  return out;
}

function parameterChanges(methodName: string, member: string, was: CimParameter, is: CimParameter, int64: Int64Style): Draft[] {
  const out: Draft[] = [];
  const where = `parameter ${is.name} of ${methodName}`;
  const type = typeChange(was, is, int64);
  if (type !== undefined) {
    out.push({ kind: "parameter-type-changed", member, parameter: is.name, ...type, message: `Type of ${where} changed from ${type.before} to ${type.after}.` });
  }
  if (was.direction !== is.direction) {
    out.push({
      kind: "parameter-direction-changed",
      grade: "breaking",
      member,
      parameter: is.name,
      before: was.direction,
      after: is.direction,
      message: `Direction of ${where} changed from ${was.direction} to ${is.direction}.`,
    });
  }
  const wasRequired = isRequiredParameter(was);
  const isRequired = isRequiredParameter(is);
  if (wasRequired !== isRequired) {
    out.push({
      kind: "parameter-required-changed",
      grade: isRequired ? "breaking" : "compatible",
      member,
      parameter: is.name,
      before: String(wasRequired),
      after: String(isRequired),
      message: isRequired ? `${capitalize(where)} became Required.` : `${capitalize(where)} is no longer Required.`,
    });
  }
  out.push(...valueMapChanges(was.valueMap, is.valueMap, where, { member, parameter: is.name }));
  return out;
}

function isRequiredParameter(p: CimParameter): boolean {
  return p.qualifiers.get("required")?.value === true;
}

// ---------------------------------------------------------------------------------------------- qualifiers

function qualifierChanges(
  was: QualifierSet,
  is: QualifierSet,
  kind: ChangeKind,
  subject: string,
  where: { member?: string } = {},
): Draft[] {
  const out: Draft[] = [];
  for (const name of TRACKED_QUALIFIERS) {
    const before = qualifierText(was, name);
    const after = qualifierText(is, name);
    if (before === after) continue;
    const message =
      before === undefined
        ? `${capitalize(subject)} is now ${name}${after === "true" ? "" : ` (${after})`}.`
        : after === undefined
          ? `${capitalize(subject)} is no longer ${name}.`
          : `${name} of ${subject} changed from ${before} to ${after}.`;
    out.push({ kind, grade: "compatible", ...where, detail: name, ...(before === undefined ? {} : { before }), ...(after === undefined ? {} : { after }), message });
  }
  return out;
}

/** A qualifier's value as text; absent or `false` booleans count as not there. */
function qualifierText(set: QualifierSet, name: string): string | undefined {
  const q = set.get(name.toLowerCase());
  if (q === undefined || q.value === false || q.value === null) return undefined;
  return valueText(q.value);
}

function valueText(value: CimValue): string {
  if (value === null) return "null";
  if (typeof value !== "object") return String(value);
  if (isList(value)) return value.map(valueText).join(", ");
  return value.kind === "instance" ? value.instance.className : value.name;
}

function isList(value: CimValue): value is readonly CimValue[] {
  return Array.isArray(value);
}

// ---------------------------------------------------------------------------------------------- value maps

function valueMapChanges(was: ValueMap | undefined, is: ValueMap | undefined, subject: string, where: { member?: string; parameter?: string }): Draft[] {
  if (was === undefined && is === undefined) return [];
  if (was === undefined) return [{ kind: "value-map-added", grade: "compatible", ...where, message: `${capitalize(subject)} now has a value map (${is!.entries.length} entries).` }];
  if (is === undefined) {
    return [{ kind: "value-map-removed", grade: "breaking", ...where, message: `${capitalize(subject)} no longer has a value map; its enum goes away.` }];
  }
  const out: Draft[] = [];
  const before = entryTable(was);
  const after = entryTable(is);
  for (const [key, entry] of after) {
    const old = before.get(key);
    if (old === undefined) {
      out.push({ kind: "value-added", grade: "compatible", ...where, detail: key, after: entry.label, message: `Value ${key} (${entry.label}) was added to ${subject}.` });
    } else if (old.label !== entry.label) {
      // Enum members are named after the label: only a change of that name breaks code.
      const renamed = entry.kind === "value" && memberName(old.label) !== memberName(entry.label);
      out.push({
        kind: "value-renamed",
        grade: renamed ? "breaking" : "compatible",
        ...where,
        detail: key,
        before: old.label,
        after: entry.label,
        message: `Value ${key} of ${subject} was renamed from "${old.label}" to "${entry.label}".`,
      });
    }
  }
  for (const [key, entry] of before) {
    if (after.has(key)) continue;
    const range = entry.kind === "value" ? coveringRange(is, entry.value) : undefined;
    out.push({
      kind: "value-removed",
      grade: entry.kind === "value" ? "breaking" : "compatible",
      ...where,
      detail: key,
      before: entry.label,
      message:
        `Value ${key} (${entry.label}) was removed from ${subject}` +
        (range === undefined ? "." : `; it now falls in the range ${entryKey(range)} (${range.label}), which has no enum member.`),
    });
  }
  return out;
}

/** Entries keyed by what they match: `4`, `4..32767`, `..` (repeated `..` entries get `..#2`). */
function entryTable(map: ValueMap): Map<string, ValueMapEntry> {
  const table = new Map<string, ValueMapEntry>();
  for (const entry of map.entries) {
    let key = entryKey(entry);
    for (let n = 2; table.has(key); n++) key = `${entryKey(entry)}#${n}`;
    table.set(key, entry);
  }
  return table;
}

/** The range entry of `map` that contains `value`, if any. */
function coveringRange(map: ValueMap, value: number | bigint | string): ValueMapEntry | undefined {
  if (typeof value === "string") return undefined;
  return map.entries.find(
    (e) => e.kind === "range" && (e.min === undefined || e.min <= value) && (e.max === undefined || value <= e.max),
  );
}

function entryKey(entry: ValueMapEntry): string {
  if (entry.kind === "value") return String(entry.value);
  if (entry.kind === "range") return `${entry.min ?? ""}..${entry.max ?? ""}`;
  return "..";
}

/** How the emitter would name an enum member, up to case and punctuation. */
function memberName(label: string): string {
  return label.replace(/[^A-Za-z0-9]+/g, "").toLowerCase();
}

// ---------------------------------------------------------------------------------------------- types

interface Typed {
  readonly type: CimType;
  readonly isArray: boolean;
  readonly referenceClass?: string;
  readonly embeddedClass?: string;
  readonly isEmbeddedObject?: boolean;
}

/** CIM type as people write it: `uint16[]`, `CIM_Foo REF`, `string (EmbeddedInstance CIM_Bar)`. */
export function typeText(t: Typed): string {
  const base =
    t.type === "reference"
      ? `${t.referenceClass ?? "object"} REF`
      : t.embeddedClass !== undefined
        ? `${t.type} (EmbeddedInstance ${t.embeddedClass})`
        : t.isEmbeddedObject === true
          ? `${t.type} (EmbeddedObject)`
          : t.type;
  return t.isArray ? `${base}[]` : base;
}

/** The TypeScript shape a CIM type maps to: equal families mean the generated type did not change. */
function family(t: Typed, int64: Int64Style): string {
  const shape =
    t.type === "reference"
      ? `ref:${(t.referenceClass ?? "").toLowerCase()}`
      : t.embeddedClass !== undefined
        ? `embedded:${t.embeddedClass.toLowerCase()}`
        : t.isEmbeddedObject === true
          ? "embedded:*"
          : primitiveFamily(t.type, int64);
  return t.isArray ? `${shape}[]` : shape;
}

function typeChange(was: Typed, is: Typed, int64: Int64Style): { grade: "breaking" | "compatible"; before: string; after: string } | undefined {
  const before = typeText(was);
  const after = typeText(is);
  if (before === after) return undefined;
  return { grade: family(was, int64) === family(is, int64) ? "compatible" : "breaking", before, after };
}

function returnTyped(m: CimMethod): Typed | undefined {
  if (m.returnType === undefined) return undefined;
  return {
    type: m.returnType,
    isArray: m.returnIsArray,
    ...(m.returnReferenceClass === undefined ? {} : { referenceClass: m.returnReferenceClass }),
    ...(m.returnEmbeddedClass === undefined ? {} : { embeddedClass: m.returnEmbeddedClass }),
  };
}

function returnText(m: CimMethod): string {
  const t = returnTyped(m);
  return t === undefined ? "void" : typeText(t);
}

function returnFamily(m: CimMethod, int64: Int64Style): string {
  const t = returnTyped(m);
  return t === undefined ? "void" : family(t, int64);
}

function signature(m: CimMethod): string {
  return `${returnText(m)} ${m.name}(${m.parameters.map((p) => `${p.direction} ${typeText(p)} ${p.name}`).join(", ")})`;
}

// ---------------------------------------------------------------------------------------------- helpers

function matchByName<T extends { readonly name: string }>(
  was: readonly T[],
  is: readonly T[],
  on: { added: (item: T) => void; removed: (item: T) => void; both: (was: T, is: T) => void },
): void {
  const before = new Map(was.map((item) => [item.name.toLowerCase(), item]));
  const after = new Set(is.map((item) => item.name.toLowerCase()));
  for (const item of is) {
    const old = before.get(item.name.toLowerCase());
    if (old === undefined) on.added(item);
    else on.both(old, item);
  }
  for (const item of was) if (!after.has(item.name.toLowerCase())) on.removed(item);
}

/** Changes compare equal across classes when they say the same thing about the same member. */
function identity(d: Draft): string {
  return JSON.stringify([d.kind, d.member?.toLowerCase(), d.parameter?.toLowerCase(), d.detail, d.before, d.after]);
}

function classKey(namespace: string, name: string): string {
  return `${nsKey(namespace)}:${name.toLowerCase()}`;
}

function nsKey(namespace: string): string {
  return namespace.toLowerCase();
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const CLASS_LEVEL = new Set<ChangeKind>(["class-added", "class-removed", "class-moved", "superclass-changed", "class-qualifier-changed"]);

function sortChanges(changes: readonly SchemaChange[]): SchemaChange[] {
  const text = (s: string | undefined) => (s ?? "").toLowerCase();
  return changes
    .map((change, order) => ({ change, order }))
    .sort(
      (a, b) =>
        cmp(text(a.change.namespace), text(b.change.namespace)) ||
        cmp(text(a.change.className), text(b.change.className)) ||
        Number(!CLASS_LEVEL.has(a.change.kind)) - Number(!CLASS_LEVEL.has(b.change.kind)) ||
        a.order - b.order,
    )
    .map((x) => x.change);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function summarize(changes: readonly SchemaChange[]): DiffSummary {
  const byKind: Partial<Record<ChangeKind, number>> = {};
  const changed = new Set<string>();
  for (const c of changes) {
    byKind[c.kind] = (byKind[c.kind] ?? 0) + 1;
    if (c.kind !== "class-added" && c.kind !== "class-removed") changed.add(classKey(c.namespace, c.className));
  }
  const sortedByKind: Partial<Record<ChangeKind, number>> = {};
  for (const kind of (Object.keys(byKind) as ChangeKind[]).sort()) sortedByKind[kind] = byKind[kind]!;
  return {
    classesAdded: byKind["class-added"] ?? 0,
    classesRemoved: byKind["class-removed"] ?? 0,
    classesChanged: changed.size,
    breaking: changes.filter((c) => c.grade === "breaking").length,
    compatible: changes.filter((c) => c.grade === "compatible").length,
    byKind: sortedByKind,
  };
}
