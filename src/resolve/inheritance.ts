/**
 * Class resolution: superclass chains (wherever the superclass is declared, in any order), inheritance
 * cycles (reported and cut, never followed forever), and the effective class: qualifiers propagated by
 * flavor, inherited properties and methods first, overrides in place, new members after.
 * Each class is built once (memoized), so resolving a whole schema is linear in its size.
 */
import type { Feature, MethodDeclaration, PropertyDeclaration } from "../ast/nodes.js";
import type { CimClass, CimMethod, CimProperty, QualifierSet } from "../model/schema.js";
import { emptyQualifierSet, flagOfKey, stringOfKey } from "../model/qualifiers.js";
import { Diagnostics, type DiagnosticDefinition } from "../diagnostics/codes.js";
import { semanticHints } from "../diagnostics/codes/semantic.js";
import { formatMessage } from "../diagnostics/diagnostic.js";
import type { ClassEntry } from "./class-table.js";
import type { ClassScope, ResolveEnvironment } from "./environment.js";
import type { ResolveContext } from "./context.js";
import { mergeQualifiers, propagate } from "./flavors.js";
import { convertQualifiers, type QualifierScope } from "./qualifier-types.js";
import { buildMethod, buildProperty, inheritedMethod, inheritedProperty } from "./members.js";
import { localizeClass } from "./amendments.js";
import { keyOf } from "./symbols.js";
import { unknownClassHint } from "./known-schemas.js";

/**
 * Position of each member by key. A class records only the members it adds and asks its superclass's
 * index for the rest: no copying per class, lookups cost the depth of the chain.
 */
class PositionIndex {
  /** Created on the first member this class adds (many classes add no methods). */
  private own: Map<string, number> | undefined;

  constructor(private readonly parent: PositionIndex | undefined) {}

  get(key: string): number | undefined {
    for (let index: PositionIndex | undefined = this; index !== undefined; index = index.parent) {
      const found = index.own?.get(key);
      if (found !== undefined) return found;
    }
    return undefined;
  }

  add(key: string, position: number): void {
    (this.own ??= new Map()).set(key, position);
  }
}

/**
 * One kind of member (properties or methods) of the class being built: the inherited list, copied
 * only when the class overrides one, plus the members it adds. The result has exactly its final size.
 */
class MemberList<T> {
  private overridden: T[] | undefined;
  private overriddenOrigins: string[] | undefined;
  private readonly added: T[] = [];
  /** Positions of the members the class declares itself (new ones and overrides). */
  readonly declaredPositions: number[] = [];
  readonly index: PositionIndex;

  constructor(
    private readonly inherited: readonly T[],
    /** Class whose declaration is in effect, per inherited position. */
    private readonly inheritedOrigins: readonly string[],
    parentIndex: PositionIndex | undefined,
    private readonly className: string,
  ) {
    this.index = new PositionIndex(parentIndex);
  }

  /** The inherited member at `position` (positions found through `index` for a key not declared yet). */
  inheritedAt(position: number): T | undefined {
    return (this.overridden ?? this.inherited)[position];
  }

  originAt(position: number): string | undefined {
    return (this.overriddenOrigins ?? this.inheritedOrigins)[position];
  }

  override(position: number, member: T): void {
    this.overridden ??= this.inherited.slice();
    this.overriddenOrigins ??= this.inheritedOrigins.slice();
    this.overridden[position] = member;
    this.overriddenOrigins[position] = this.className;
    this.declaredPositions.push(position);
  }

  add(key: string, member: T): void {
    const position = this.inherited.length + this.added.length;
    this.index.add(key, position);
    this.declaredPositions.push(position);
    this.added.push(member);
  }

  members(): T[] {
    return (this.overridden ?? this.inherited).concat(this.added);
  }

  origins(): readonly string[] {
    const origins = this.overriddenOrigins ?? this.inheritedOrigins;
    // Read-only from here on: a class that adds nothing shares its superclass's list.
    if (this.added.length === 0) return origins;
    const all = origins.slice();
    for (let i = 0; i < this.added.length; i++) all.push(this.className);
    return all;
  }
}

/** What a built class keeps for building its subclasses. */
interface MemberIndex {
  readonly properties: PositionIndex;
  readonly methods: PositionIndex;
  /** Class whose declaration is in effect, per position of the class's properties / methods. */
  readonly propertyOrigins: readonly string[];
  readonly methodOrigins: readonly string[];
  /** Positions of the members this class declares itself (new ones and overrides). */
  readonly declaredProperties: readonly number[];
  readonly declaredMethods: readonly number[];
  /** What subclasses inherit, filled in when the first subclass is built. */
  inherited?: InheritedMembers;
}

/** A class's members and qualifiers as its subclasses see them before redeclaring any. */
interface InheritedMembers {
  readonly qualifiers: QualifierSet;
  readonly properties: readonly CimProperty[];
  readonly methods: readonly CimMethod[];
  /** True when any inherited property is a key. */
  readonly hasKeys: boolean;
}

const noInheritedMembers: InheritedMembers = { qualifiers: emptyQualifierSet, properties: [], methods: [], hasKeys: false };
const noOrigins: readonly string[] = [];

export class ClassResolver {
  private readonly built = new Map<ClassEntry, CimClass>();
  /** Superclass of each class as found (null: none, unknown, or cut to break a cycle). */
  private readonly superclassOf = new Map<ClassEntry, ClassEntry | null>();
  /** The classes each built class needs: superclass, reference targets, embedded classes. */
  readonly dependencies = new Map<CimClass, ReadonlySet<ClassEntry>>();
  /** Classes whose superclass chain is broken (unknown superclass or a cut cycle). */
  private readonly incomplete = new Set<ClassEntry>();
  private readonly incompleteClasses = new Set<CimClass>();
  /** nameKey -> position of each member, per built class (subclasses copy instead of recomputing). */
  private readonly memberIndex = new Map<CimClass, MemberIndex>();

  constructor(private readonly env: ResolveEnvironment) {}

  /** The effective class for `entry`, building it and its superclass chain on first use. */
  resolve(entry: ClassEntry): CimClass {
    const done = this.built.get(entry);
    if (done !== undefined) return done;
    // Walk up to the first built ancestor without recursion, then build downwards.
    const chain: ClassEntry[] = [];
    const onChain = new Set<ClassEntry>();
    let current: ClassEntry | null = entry;
    while (current !== null && !this.built.has(current)) {
      chain.push(current);
      onChain.add(current);
      let next = this.findSuperclass(current);
      if (next !== null && onChain.has(next)) {
        this.reportCycle(current, chain, next);
        this.superclassOf.set(current, null);
        this.incomplete.add(current);
        next = null;
      }
      current = next;
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      const link = chain[i]!;
      const superEntry = this.superclassOf.get(link) ?? null;
      this.build(link, superEntry === null ? undefined : this.built.get(superEntry));
    }
    return this.built.get(entry)!;
  }

  /** True when `cls` has a broken superclass chain: its members may be incomplete. */
  isIncomplete(cls: CimClass): boolean {
    return this.incompleteClasses.has(cls);
  }

  private findSuperclass(entry: ClassEntry): ClassEntry | null {
    const known = this.superclassOf.get(entry);
    if (known !== undefined) return known;
    const written = entry.node.superclass;
    let found: ClassEntry | null = null;
    if (written !== undefined) {
      found = this.env.classes.lookup(written.name, entry.namespace) ?? null;
      if (found === null) this.incomplete.add(entry);
      // `__` classes are WMI system classes (__ExtrinsicEvent, __Win32Provider…): present in every WMI
      // namespace, never declared in MOF.
      if (found === null && !isWmiSystemClass(written.name)) this.quietly(entry, () => {
        // A class never derives from itself, so its own name is no plausible typo fix.
        const suggestion = this.env.ctx.suggest(written.name, () => [...this.env.classes.names()].filter((name) => name !== entry.name));
        const hint = unknownClassHint(written.name, suggestion);
        this.env.ctx.report(Diagnostics.UnknownSuperclass, written.span, [entry.name, written.name], hint === undefined ? {} : { hint });
      });
    }
    this.superclassOf.set(entry, found);
    return found;
  }

  private reportCycle(entry: ClassEntry, chain: readonly ClassEntry[], back: ClassEntry): void {
    const start = chain.indexOf(back);
    const path = [...chain.slice(start), back].map((e) => e.name).join(" -> ");
    this.quietly(entry, () => {
      this.env.ctx.report(Diagnostics.InheritanceCycle, entry.node.superclass?.span ?? entry.node.name.span, [entry.name, path]);
    });
  }

  /** Base-schema content is not what the user asked to check: its diagnostics are dropped. */
  private quietly<T>(entry: ClassEntry, work: () => T): T {
    const ctx = this.env.ctx;
    const before = ctx.quiet;
    ctx.quiet = before || entry.fromBase;
    try {
      return work();
    } finally {
      ctx.quiet = before;
    }
  }

  private build(entry: ClassEntry, superclass: CimClass | undefined): void {
    const cls = this.quietly(entry, () => this.buildClass(entry, superclass));
    this.built.set(entry, cls);
  }

  private buildClass(entry: ClassEntry, superclass: CimClass | undefined): CimClass {
    const { ctx, qualifierTypes } = this.env;
    const node = entry.node;
    const classScope = qualifierScopeOf(entry);
    const declared = convertQualifiers(node.qualifiers, classScope, entry.name, entry.namespace, qualifierTypes, ctx);
    const superIndex = superclass === undefined ? undefined : this.memberIndex.get(superclass);
    const inherited = superclass === undefined || superIndex === undefined ? noInheritedMembers : inheritedMembers(superclass, superIndex);
    const qualifiers = mergeQualifiers(inherited.qualifiers, declared.set, ctx);
    // Locations are asked in source order (class qualifiers, name, members): see LineCounter.
    const source = ctx.location(node.name.span);
    const isAssociation = node.keyword === "association" || flagOfKey(qualifiers, "association");
    const isIndication = node.keyword === "indication" || flagOfKey(qualifiers, "indication");
    if (superclass !== undefined && isAssociation && !superclass.isAssociation) {
      ctx.report(Diagnostics.AssociationKindMismatch, node.name.span, [entry.name, superclass.name]);
    }
    const dependencies = new Set<ClassEntry>();
    const superEntry = this.superclassOf.get(entry);
    if (superEntry) dependencies.add(superEntry);
    const incomplete = this.incomplete.has(entry) || (superclass !== undefined && this.incompleteClasses.has(superclass));
    const scope: ClassScope = {
      env: this.env,
      className: entry.name,
      namespace: entry.namespace,
      superclassName: superclass?.name,
      superclass,
      incomplete,
      isAssociation,
      dependencies,
    };
    const { properties, methods, index } = this.members(node.features, inherited, superIndex, scope);
    const amendments = this.env.amendments.get(entry);
    const localized = amendments === undefined ? undefined : localizeClass(entry.name, amendments, qualifierTypes, ctx);
    const description = stringOfKey(qualifiers, "description");
    const cls: CimClass = {
      name: entry.name,
      namespace: entry.namespace,
      superclass: superclass?.name,
      qualifiers,
      declaredQualifiers: declared.set,
      properties,
      methods,
      isAssociation,
      isIndication,
      isAbstract: flagOfKey(declared.set, "abstract"),
      description,
      localized,
      source,
      fromBaseSchema: entry.fromBase,
      ...(entry.builtin === true ? { builtin: true } : {}),
    };
    this.dependencies.set(cls, dependencies);
    this.memberIndex.set(cls, index);
    if (incomplete) this.incompleteClasses.add(cls);
    return cls;
  }

  /** Inherited members first (in the superclass's order), overrides in place, new members appended. */
  private members(features: readonly Feature[], inherited: InheritedMembers, superIndex: MemberIndex | undefined, scope: ClassScope) {
    const ctx = this.env.ctx;
    const properties = new MemberList(inherited.properties, superIndex?.propertyOrigins ?? noOrigins, superIndex?.properties, scope.className);
    const methods = new MemberList(inherited.methods, superIndex?.methodOrigins ?? noOrigins, superIndex?.methods, scope.className);
    const superHasKeys = inherited.hasKeys;
    const declaredProperties = new Map<string, PropertyDeclaration>();
    let declaredMethods: Map<string, MethodDeclaration> | undefined;
    for (let i = 0; i < features.length; i++) {
      const feature = features[i]!;
      const key = keyOf(feature.name.name);
      if (feature.kind === "PropertyDeclaration") {
        const first = declaredProperties.get(key);
        if (first !== undefined) {
          reportDuplicate(Diagnostics.DuplicateProperty, feature, first, scope.className, ctx);
          continue;
        }
        declaredProperties.set(key, feature);
        // Found positions are inherited ones: a key this class added already is a duplicate (above).
        const index = properties.index.get(key);
        const property =
          index === undefined
            ? buildProperty(feature, undefined, undefined, scope)
            : buildProperty(feature, properties.inheritedAt(index), properties.originAt(index), scope);
        if (index === undefined) {
          properties.add(key, property);
          if (property.isKey && superHasKeys) {
            ctx.report(Diagnostics.KeyAddedInSubclass, feature.name.span, [scope.className, property.name, scope.superclassName]);
          }
        } else {
          properties.override(index, property);
        }
        if (property.type === "reference" && !scope.isAssociation) {
          ctx.report(Diagnostics.ReferenceOutsideAssociation, feature.name.span, [property.name, scope.className]);
        }
      } else {
        declaredMethods ??= new Map();
        const first = declaredMethods.get(key);
        if (first !== undefined) {
          reportDuplicate(Diagnostics.DuplicateMethod, feature, first, scope.className, ctx);
          continue;
        }
        declaredMethods.set(key, feature);
        const index = methods.index.get(key);
        if (index === undefined) methods.add(key, buildMethod(feature, undefined, undefined, scope));
        else methods.override(index, buildMethod(feature, methods.inheritedAt(index), methods.originAt(index), scope));
      }
    }
    if (declaredMethods !== undefined) reportNameClashes(declaredMethods, declaredProperties, scope.className, ctx);
    const index: MemberIndex = {
      properties: properties.index,
      methods: methods.index,
      propertyOrigins: properties.origins(),
      methodOrigins: methods.origins(),
      declaredProperties: properties.declaredPositions,
      declaredMethods: methods.declaredPositions,
      inherited: undefined,
    };
    return { properties: properties.members(), methods: methods.members(), index };
  }
}

// Diagnostics of `members`, out of its loop: a smaller hot function is optimized sooner.

function reportDuplicate(def: DiagnosticDefinition, feature: Feature, first: Feature, className: string, ctx: ResolveContext): void {
  ctx.report(def, feature.name.span, [feature.name.name, className], {
    related: [{ message: "first declared here", span: first.name.span }],
  });
}

function reportNameClashes(
  methods: ReadonlyMap<string, MethodDeclaration>,
  properties: ReadonlyMap<string, PropertyDeclaration>,
  className: string,
  ctx: ResolveContext,
): void {
  for (const [key, method] of methods) {
    const property = properties.get(key);
    if (property !== undefined) {
      ctx.report(Diagnostics.PropertyMethodNameClash, method.name.span, [method.name.name, className], {
        related: [{ message: "property declared here", span: property.name.span }],
      });
    }
  }
}

/**
 * What every subclass of `superclass` starts from, derived once however many subclasses it has. Members
 * the superclass itself inherited are inherited forms already and pass on unchanged; only the ones it
 * declares get a new inherited form.
 */
function inheritedMembers(superclass: CimClass, index: MemberIndex): InheritedMembers {
  if (index.inherited === undefined) {
    // Indexed loops: this code runs cold, where for-of allocates an iterator result per element.
    const properties = superclass.properties.slice();
    const ownProperties = index.declaredProperties;
    for (let i = 0; i < ownProperties.length; i++) properties[ownProperties[i]!] = inheritedProperty(properties[ownProperties[i]!]!);
    const methods = superclass.methods.slice();
    const ownMethods = index.declaredMethods;
    for (let i = 0; i < ownMethods.length; i++) methods[ownMethods[i]!] = inheritedMethod(methods[ownMethods[i]!]!);
    let hasKeys = false;
    for (let i = 0; i < properties.length && !hasKeys; i++) hasKeys = properties[i]!.isKey;
    index.inherited = { qualifiers: propagate(superclass.qualifiers), properties, methods, hasKeys };
  }
  return index.inherited;
}

/** WMI system classes (`__Namespace`, `__ExtrinsicEvent`, …) exist in every WMI namespace. */
export function isWmiSystemClass(name: string): boolean {
  return name.startsWith("__");
}

/** The scope a class's own qualifiers are checked against. */
function qualifierScopeOf(entry: ClassEntry): QualifierScope {
  if (entry.node.keyword !== "class") return entry.node.keyword;
  const qualifiers = entry.node.qualifiers;
  for (let i = 0; i < qualifiers.length; i++) {
    const name = qualifiers[i]!.name.name;
    // Lower-case only the names long enough to be one of the two.
    if (name.length !== "association".length && name.length !== "indication".length) continue;
    const key = keyOf(name);
    if (key === "association") return "association";
    if (key === "indication") return "indication";
  }
  return "class";
}
