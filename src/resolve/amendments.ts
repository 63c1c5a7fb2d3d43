/**
 * Amendments (WMI .mfl files, DSP0004 localized qualifiers): a class declared `[AMENDMENT, LOCALE(...)]`
 * carries translated qualifiers (Description, Values, …) for a class declared elsewhere. It never
 * becomes a class of its own; its qualifiers land in `CimClass.localized` of the class it amends.
 * One exception: `[AMENDMENT]` without LOCALE (outside an `ms_xxx` namespace) on a class declared
 * nowhere else is how Microsoft's reference pages print classes; such a class is the declaration it
 * spells, with a warning.
 */
import type { ClassDeclaration } from "../ast/nodes.js";
import type { CimQualifier, LocalizedClass, QualifierSet } from "../model/schema.js";
import { Diagnostics } from "../diagnostics/codes.js";
import type { ResolveContext } from "./context.js";
import type { DeclaredClass } from "./collect.js";
import type { ClassEntry, ClassTable } from "./class-table.js";
import { convertQualifiers, type QualifierTypeTable } from "./qualifier-types.js";
import { keyOf } from "./symbols.js";

const localeSegment = /^ms_[0-9a-f]+$/i;

/**
 * The locale of an amendment class (`ms_409` style, lower case), or undefined for an ordinary class.
 * LOCALE(0x409) and LOCALE(1033) give `ms_409`; LOCALE("MS_409") gives `ms_409`; without LOCALE the
 * `ms_xxx` namespace segment mofcomp uses for amendments decides.
 */
export function amendmentLocale(node: ClassDeclaration, namespace: string): string | undefined {
  let amendment = false;
  let locale: string | undefined;
  const qualifiers = node.qualifiers;
  for (let i = 0; i < qualifiers.length; i++) {
    const qualifier = qualifiers[i]!;
    const length = qualifier.name.name.length;
    // Every class passes through here: lower-case only the names that could match.
    if (length !== "amendment".length && length !== "locale".length) continue;
    const key = keyOf(qualifier.name.name);
    if (key === "amendment") amendment = qualifier.value === undefined || (qualifier.value.kind === "BooleanLiteral" && qualifier.value.value);
    else if (key === "locale" && qualifier.value !== undefined) {
      if (qualifier.value.kind === "IntegerLiteral") locale = `ms_${qualifier.value.value.toString(16)}`;
      else if (qualifier.value.kind === "StringLiteral") locale = qualifier.value.value.toLowerCase();
    }
  }
  if (!amendment) return undefined;
  if (locale !== undefined) return locale;
  const last = namespace.slice(namespace.lastIndexOf("/") + 1);
  return localeSegment.test(last) ? last.toLowerCase() : "default";
}

/** The namespace an amendment applies to: its own, minus a trailing `ms_xxx` segment. */
function targetNamespace(namespace: string): string {
  const cut = namespace.lastIndexOf("/");
  return cut >= 0 && localeSegment.test(namespace.slice(cut + 1)) ? namespace.slice(0, cut) : namespace;
}

/** Amendments grouped by the class they amend. */
export type AmendmentIndex = ReadonlyMap<ClassEntry, readonly DeclaredClass[]>;

export function indexAmendments(amendments: readonly DeclaredClass[], classes: ClassTable, ctx: ResolveContext): AmendmentIndex {
  const index = new Map<ClassEntry, DeclaredClass[]>();
  for (const amendment of amendments) {
    const unlocalized = amendment.locale === "default";
    // Declared classes only: a page's copy of a built-in class is the user's own declaration.
    const target = classes.lookup(amendment.node.name.name, targetNamespace(amendment.namespace), !unlocalized);
    if (target === undefined && unlocalized) {
      ctx.report(Diagnostics.AmendmentTakenAsDeclaration, amendment.node.name.span, [amendment.node.name.name]);
      classes.add({ node: amendment.node, namespace: amendment.namespace, fromBase: amendment.fromBase }, ctx);
      continue;
    }
    if (target === undefined) {
      ctx.report(Diagnostics.AmendmentTargetNotFound, amendment.node.name.span, [amendment.node.name.name]);
      continue;
    }
    const list = index.get(target);
    if (list === undefined) index.set(target, [amendment]);
    else list.push(amendment);
  }
  return index;
}

const markerQualifiers = new Set(["amendment", "locale"]);

/** Builds `CimClass.localized` for one class from its amendments (several per locale merge in order). */
export function localizeClass(
  className: string,
  amendments: readonly DeclaredClass[],
  types: QualifierTypeTable,
  ctx: ResolveContext,
): ReadonlyMap<string, LocalizedClass> {
  const result = new Map<string, { qualifiers: Map<string, CimQualifier>; members: Map<string, QualifierSet> }>();
  for (const amendment of amendments) {
    const locale = amendment.locale ?? "default";
    let entry = result.get(locale);
    if (entry === undefined) {
      entry = { qualifiers: new Map(), members: new Map() };
      result.set(locale, entry);
    }
    const scope = amendment.node.keyword === "association" ? "association" : "class";
    const own = convertQualifiers(amendment.node.qualifiers, scope, className, amendment.namespace, types, ctx).set;
    for (const [key, qualifier] of own) if (!markerQualifiers.has(key)) entry.qualifiers.set(key, qualifier);
    for (const feature of amendment.node.features) {
      const featureScope = feature.kind === "MethodDeclaration" ? "method" : feature.type.kind === "ReferenceType" ? "reference" : "property";
      const set = convertQualifiers(feature.qualifiers, featureScope, className, amendment.namespace, types, ctx).set;
      const key = keyOf(feature.name.name);
      const previous = entry.members.get(key);
      entry.members.set(key, previous === undefined ? set : new Map([...previous, ...set]));
    }
  }
  const sorted = [...result.keys()].sort();
  return new Map(
    sorted.map((locale) => {
      const entry = result.get(locale)!;
      return [locale, { locale, qualifiers: entry.qualifiers, members: entry.members }];
    }),
  );
}
