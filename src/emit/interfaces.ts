/**
 * CIM class → `export interface`. Key and Required properties are required; the others are optional
 * and nullable; `readonly` unless the Write qualifier makes a property writable. A subclass extends its
 * parent's interface; when it overrides a property with a type the parent's cannot accept (another
 * value map, a narrower reference), it extends `Omit<Parent, "Prop">` instead, so the override is
 * kept and the code still compiles. `flatten` lists every property in every interface; so does a class
 * that would stack more than `maxOmitChain` Omits (tsc stops at about 150, TS2589).
 */
import type { InterfaceDeclarationStructure, OptionalKind, PropertySignatureStructure } from "ts-morph";
import type { CimProperty } from "../model/schema.js";
import { canonicalRefs, type FileContext } from "./context.js";
import { formatValueForDoc, paragraphs, qualifierStrings, qualifierTags, renderDoc, type DocTag } from "./jsdoc.js";
import { quote, signatureKey } from "./literals.js";
import { nameKey } from "./names.js";
import { isDeclaredIn, type ClassPlan, type EnumPlan } from "./plan.js";
import { rangeNotes } from "./enums.js";
import { localizedDescription } from "./localized-doc.js";
import { valueType, type TypeRefs } from "./type-map.js";

export function interfaceStatement(ctx: FileContext, plan: ClassPlan): InterfaceDeclarationStructure {
  const parent = ctx.options.flatten || restartsOmitChain(ctx, plan) ? undefined : plan.parent;
  const properties = parent === undefined ? plan.cls.properties : declaredProperties(plan);
  const omitted = parent === undefined ? [] : incompatibleProperties(ctx, plan, parent);
  let heritage: string[] = [];
  if (parent !== undefined) {
    const parentName = ctx.classSymbol(parent, parent.name, true);
    heritage = [omitted.length === 0 ? parentName : `Omit<${parentName}, ${omitted.map((name) => quote(name)).join(" | ")}>`];
  }
  return {
    kind: ctx.kinds.Interface,
    isExported: true,
    name: plan.name,
    docs: docsOf(classDoc(plan)),
    extends: heritage,
    properties: properties.map((prop) => propertySignature(ctx, plan, prop)),
  };
}

/**
 * Most `Omit<Parent, …>` levels stacked in one chain. Each level nests another mapped-type
 * instantiation, and at about 150 tsc gives up with TS2589; real CIM hierarchies have a handful.
 */
export const maxOmitChain = 16;

/** Omit levels above each class in its own chain (0 when it extends plainly or is flattened). */
const omitChains = new WeakMap<ClassPlan, number>();

/**
 * True when `plan` would be the (maxOmitChain + 1)th stacked `Omit`: it is then written flattened,
 * listing every property without `extends`, which starts a new chain. Ancestors are walked without
 * recursion (inheritance may be thousands deep) and memoized.
 */
function restartsOmitChain(ctx: FileContext, plan: ClassPlan): boolean {
  const pending: ClassPlan[] = [];
  for (let p: ClassPlan | undefined = plan; p !== undefined && !omitChains.has(p); p = p.parent) pending.push(p);
  for (let i = pending.length - 1; i >= 0; i--) {
    const p = pending[i]!;
    const parent = p.parent;
    const depth = parent === undefined ? 0 : (omitChains.get(parent) ?? 0) + (needsOmit(ctx, p, parent) ? 1 : 0);
    omitChains.set(p, depth > maxOmitChain ? 0 : depth);
  }
  const parent = plan.parent;
  return parent !== undefined && needsOmit(ctx, plan, parent) && (omitChains.get(parent) ?? 0) + 1 > maxOmitChain;
}

function needsOmit(ctx: FileContext, plan: ClassPlan, parent: ClassPlan): boolean {
  return incompatibleProperties(ctx, plan, parent).length > 0;
}

/** Properties a class declares (or redeclares) itself. */
const declaredCache = new WeakMap<ClassPlan, readonly CimProperty[]>();
function declaredProperties(plan: ClassPlan): readonly CimProperty[] {
  let declared = declaredCache.get(plan);
  if (declared === undefined) {
    declared = plan.cls.properties.filter((p) => isDeclaredIn(plan.cls, p));
    declaredCache.set(plan, declared);
  }
  return declared;
}

/**
 * Names of the declared properties whose type the parent's declaration cannot accept (what
 * `Omit<Parent, …>` leaves out). Asked for twice per class and once per descendant's chain check.
 */
const incompatibleCache = new WeakMap<ClassPlan, readonly string[]>();
function incompatibleProperties(ctx: FileContext, plan: ClassPlan, parent: ClassPlan): readonly string[] {
  let names = incompatibleCache.get(plan);
  if (names === undefined) {
    names = declaredProperties(plan)
      .filter((p) => !compatibleWithParent(ctx, plan, parent, p))
      .map((p) => p.name);
    incompatibleCache.set(plan, names);
  }
  return names;
}

/** A class's properties by name key. */
const byKeyCache = new WeakMap<ClassPlan, ReadonlyMap<string, CimProperty>>();
function propertyByKey(plan: ClassPlan, key: string): CimProperty | undefined {
  let byKey = byKeyCache.get(plan);
  if (byKey === undefined) {
    const map = new Map<string, CimProperty>();
    for (const p of plan.cls.properties) if (!map.has(nameKey(p.name))) map.set(nameKey(p.name), p);
    byKeyCache.set(plan, map);
    byKey = map;
  }
  return byKey.get(key);
}

function propertySignature(ctx: FileContext, plan: ClassPlan, prop: CimProperty): OptionalKind<PropertySignatureStructure> {
  const optional = !(prop.isKey || prop.isRequired);
  // Only properties with a value map or bit map have plan entries (plan.ts): the others need no key.
  const key = prop.valueMap === undefined && prop.bitMap === undefined ? "" : nameKey(prop.name);
  const enumPlan = key === "" ? undefined : plan.propertyEnums.get(key);
  const type = valueType(prop, enumPlan === undefined ? undefined : ctx.enumType(enumPlan), ctx, ctx.options.int64);
  return {
    name: signatureKey(prop.name),
    isReadonly: !prop.isWritable,
    hasQuestionToken: optional,
    type: optional ? `${type} | null` : type,
    docs: docsOf(propertyDoc(plan, prop, key, enumPlan, ctx.options.emit !== "types")),
  };
}

/** Type identity of a property (optionality + type with symbols spelled by file), for override checks. */
function propertyIdentity(ctx: FileContext, owner: ClassPlan, prop: CimProperty): string {
  const refs: TypeRefs = canonicalRefs(ctx.plan, owner.ns);
  const enumPlan = owner.propertyEnums.get(nameKey(prop.name));
  const enumId = enumPlan === undefined ? undefined : `${enumPlan.owner.file}#${enumPlan.name}`;
  return `${prop.isKey || prop.isRequired ? "required" : "optional"} ${valueType(prop, enumId, refs, ctx.options.int64)}`;
}

/** True when the parent's declaration of the property accepts the subclass's type unchanged. */
function compatibleWithParent(ctx: FileContext, plan: ClassPlan, parent: ClassPlan, prop: CimProperty): boolean {
  const inherited = propertyByKey(parent, nameKey(prop.name));
  if (inherited === undefined) return true;
  if (sameTypeAs(plan, prop, parent, inherited)) return true;
  const mine = propertyIdentity(ctx, plan, prop);
  const theirs = propertyIdentity(ctx, parent, inherited);
  if (mine === theirs) return true;
  // Making an optional property required narrows it: still assignable.
  return theirs.startsWith("optional ") && mine === `required ${theirs.slice("optional ".length)}`;
}

/**
 * Shortcut for the common override (a new description, same type): every input of
 * `propertyIdentity` is the same, so the identities are equal without being built.
 */
function sameTypeAs(plan: ClassPlan, prop: CimProperty, parent: ClassPlan, inherited: CimProperty): boolean {
  return (
    plan.ns === parent.ns &&
    prop.type === inherited.type &&
    prop.isArray === inherited.isArray &&
    prop.referenceClass === inherited.referenceClass &&
    prop.embeddedClass === inherited.embeddedClass &&
    prop.isEmbeddedObject === inherited.isEmbeddedObject &&
    (prop.isKey || prop.isRequired) === (inherited.isKey || inherited.isRequired) &&
    plan.propertyEnums.get(nameKey(prop.name)) === parent.propertyEnums.get(nameKey(inherited.name))
  );
}

function classDoc(plan: ClassPlan): { description: string; tags: DocTag[] } {
  const cls = plan.cls;
  const kind = cls.isAssociation ? "association" : cls.isIndication ? "indication" : "class";
  const facts = [`CIM ${cls.isAbstract ? `abstract ${kind}` : kind} \`${cls.name}\` in namespace \`${cls.namespace}\``];
  const version = qualifierStrings(cls.qualifiers, "version")[0];
  if (version !== undefined) facts.push(`version ${version}`);
  const keys = cls.properties.filter((p) => p.isKey).map((p) => p.name);
  let summary = `${facts.join(", ")}.`;
  if (keys.length > 0) summary += ` Keys: ${keys.join(", ")}.`;
  return { description: paragraphs(cls.description ?? localizedDescription(cls) ?? "", summary), tags: qualifierTags(cls.qualifiers) };
}

/** `helpers`: the value-map and bit-map helpers exist to link to (not with `--emit types`). */
function propertyDoc(plan: ClassPlan, prop: CimProperty, key: string, enumPlan: EnumPlan | undefined, helpers: boolean): { description: string; tags: DocTag[] } {
  const notes: string[] = [];
  if (enumPlan !== undefined) {
    const ranges = rangeNotes(enumPlan.valueMap.entries);
    notes.push(`Values: {@link ${enumPlan.name}}${ranges.length === 0 ? "" : `; also ${ranges.join(", ")}`}${helpers ? ` (see {@link ${enumPlan.helperName}})` : ""}.`);
  }
  const bitMap = prop.bitMap === undefined ? undefined : plan.propertyBitMaps.get(key);
  if (bitMap !== undefined && helpers) notes.push(`Flags: {@link ${bitMap.helperName}}.`);
  const tags: DocTag[] = [];
  if (prop.isKey) tags.push({ name: "key" });
  if (prop.isRequired) tags.push({ name: "required" });
  tags.push(...qualifierTags(prop.qualifiers));
  // A literal union has no members to link to.
  if (prop.default !== undefined && prop.default !== null) tags.push({ name: "defaultValue", text: defaultText(prop, helpers ? enumPlan : undefined) });
  return { description: paragraphs(prop.description ?? localizedDescription(plan.cls, prop.name) ?? "", ...notes), tags };
}

/** The default as written, plus the enum member it names when the property has a value map. */
function defaultText(prop: CimProperty, enumPlan: EnumPlan | undefined): string {
  const value = prop.default;
  if (value === undefined) return "";
  const text = formatValueForDoc(value);
  const member = enumPlan?.members.find((m) => String(m.value) === String(value));
  return member === undefined || enumPlan === undefined ? text : `${text} ({@link ${enumPlan.name}.${member.name}})`;
}

/** A rendered doc block as ts-morph `docs`, or none. */
export function docsOf(block: { description: string; tags: readonly DocTag[] }): string[] {
  const text = renderDoc(block);
  return text === undefined ? [] : [text];
}
