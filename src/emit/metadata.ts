/**
 * Class metadata for runtime use (`CimClassMeta`): name, superclass, namespace, keys and every
 * property (inherited ones included, through the parent's where that is safe) with its CIM
 * type — what `decodeInstance` works from.
 */
import type { StatementStructures } from "ts-morph";
import type { CimProperty } from "../model/schema.js";
import type { FileContext } from "./context.js";
import { renderDoc } from "./jsdoc.js";
import { propertyKey, quote } from "./literals.js";
import { nameKey } from "./names.js";
import type { ClassPlan, EnumPlan } from "./plan.js";
import type { Doc } from "./doc.js";
import { embeddedTarget, metadataParent } from "./meta-inheritance.js";
import { arrayDoc, callDoc, declarationWithDoc, objectDoc, PURE, thunkDoc } from "./print.js";
import type { TypedShape } from "./type-map.js";

export function metadataStatement(ctx: FileContext, plan: ClassPlan): StatementStructures {
  const cls = plan.cls;
  const metaType = ctx.runtime("CimClassMeta", true);
  const keys = cls.properties.filter((p) => p.isKey).map((p) => quote(p.name));
  const meta = objectDoc(
    [
      ["name", quote(cls.name)],
      ...(cls.superclass === undefined ? [] : [["superclass", quote(cls.superclass)] as const]),
      ["namespace", quote(cls.namespace)],
      ["keys", arrayDoc(keys)],
      ["properties", propertiesDoc(ctx, plan)],
    ],
    true,
  );
  return {
    kind: ctx.kinds.VariableStatement,
    isExported: true,
    docs: [renderDoc({ description: `Runtime metadata of {@link ${plan.name}}${plan.decoderName === "" ? "" : ` (used by {@link ${plan.decoderName}})`}.`, tags: [] }) ?? ""],
    declarationKind: ctx.morph.VariableDeclarationKind.Const,
    declarations: [declarationWithDoc(plan.metaName, metaType, meta)],
  };
}

/**
 * Every property's entry; or, when it is safe (meta-inheritance.ts), `inheritProperties(ParentMeta, {…})`
 * with the entries the class adds or changes (a call marked pure, so bundlers can drop it).
 */
function propertiesDoc(ctx: FileContext, plan: ClassPlan): Doc {
  const parent = metadataParent(ctx.plan, ctx.options, plan);
  if (parent === undefined) return objectDoc(plan.cls.properties.map((p) => [propertyKey(p.name), propertyEntry(ctx, plan, p)] as const), true);
  const inherited = parent.cls.properties;
  const own = plan.cls.properties.filter((prop, i) => {
    const theirs = inherited[i];
    return theirs === undefined || !sameEntry(ctx, plan, prop, parent, theirs);
  });
  const parentMeta = ctx.classSymbol(parent, parent.metaName, false);
  const inherit = ctx.runtime("inheritProperties", false);
  const entries = own.map((p) => [propertyKey(p.name), propertyEntry(ctx, plan, p)] as const);
  return callDoc(`${PURE}${inherit}`, [parentMeta, objectDoc(entries, entries.length > 0)], true);
}

/** True when both properties print the same entry (the `embedded` link compared by identity). */
function sameEntry(ctx: FileContext, plan: ClassPlan, prop: CimProperty, parent: ClassPlan, theirs: CimProperty): boolean {
  if (prop === theirs) return true;
  return (
    prop.type === theirs.type &&
    (prop.isEmbeddedObject === true) === (theirs.isEmbeddedObject === true) &&
    prop.isArray === theirs.isArray &&
    prop.isKey === theirs.isKey &&
    prop.isRequired === theirs.isRequired &&
    prop.referenceClass === theirs.referenceClass &&
    prop.embeddedClass === theirs.embeddedClass &&
    embeddedTarget(ctx.plan, plan, prop) === embeddedTarget(ctx.plan, parent, theirs) &&
    decodedValueMap(plan.propertyEnums.get(nameKey(prop.name))) === decodedValueMap(parent.propertyEnums.get(nameKey(theirs.name)))
  );
}

/** Names `Object.prototype` has: as object-literal keys they take their contextual type from Object. */
const OBJECT_MEMBER_NAMES: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

/**
 * One `properties` entry. A property named like an `Object.prototype` member (`toString`,
 * `constructor`…) gets `satisfies CimPropertyMeta`, because TypeScript would otherwise type the entry
 * against Object's member and lose its literal `type`.
 */
function propertyEntry(ctx: FileContext, plan: ClassPlan, prop: CimProperty): Doc {
  return metaEntry(ctx, plan, prop.name, prop, { isKey: prop.isKey, isRequired: prop.isRequired, valueMap: decodedValueMap(plan.propertyEnums.get(nameKey(prop.name))) });
}

/** Flags of a metadata entry besides its type; `valueMap` is the enum whose labels decoding accepts. */
export interface EntryFlags {
  readonly isKey: boolean;
  readonly isRequired: boolean;
  readonly valueMap?: EnumPlan | undefined;
}

/** A `properties` entry of a property or parameter named `name` (see {@link propertyEntry}). */
export function metaEntry(ctx: FileContext, plan: ClassPlan, name: string, shape: TypedShape, flags: EntryFlags): Doc {
  const meta = elementMeta(ctx, plan, shape, flags);
  return OBJECT_MEMBER_NAMES.has(name) && ctx.options.emit !== "js" ? [meta, ` satisfies ${ctx.runtime("CimPropertyMeta", true)}`] : meta;
}

/** The metadata entry of a property or method parameter (`CimPropertyMeta`). */
function elementMeta(ctx: FileContext, plan: ClassPlan, prop: TypedShape, { isKey, isRequired, valueMap }: EntryFlags): Doc {
  // An EmbeddedObject string carries an instance: decode it as one.
  const parts: [string, Doc][] = [["type", quote(prop.isEmbeddedObject === true ? "object" : prop.type)]];
  if (prop.isArray) parts.push(["isArray", "true"]);
  if (isKey) parts.push(["key", "true"]);
  if (isRequired) parts.push(["required", "true"]);
  if (prop.referenceClass !== undefined) parts.push(["referenceClass", quote(prop.referenceClass)]);
  if (prop.embeddedClass !== undefined) {
    parts.push(["embeddedClass", quote(prop.embeddedClass)]);
    const target = embeddedTarget(ctx.plan, plan, prop);
    if (target !== undefined) parts.push(["embedded", thunkDoc(target === plan ? plan.metaName : ctx.classSymbol(target, target.metaName, false))]);
  }
  // A thunk, like `embedded`: the metadata stays a plain literal and the helper is read only when decoding.
  if (valueMap !== undefined) parts.push(["valueMap", thunkDoc(ctx.classSymbol(valueMap.owner, valueMap.helperName, false))]);
  return objectDoc(parts);
}

/** The enum whose labels an integer value may be printed as (PowerShell's storage cmdlets, `-EnumsAsStrings`). */
export function decodedValueMap(enumPlan: EnumPlan | undefined): EnumPlan | undefined {
  return enumPlan === undefined || enumPlan.isString ? undefined : enumPlan;
}
