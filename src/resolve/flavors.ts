/**
 * Qualifier flavors (DSP0004 §5.6.1.3): how a qualifier propagates to subclasses (ToSubclass, the default,
 * or Restricted) and whether subclasses may change it (EnableOverride, the default, or DisableOverride).
 */
import type { Flavor } from "../ast/nodes.js";
import type { CimFlavors, CimQualifier, QualifierSet } from "../model/schema.js";
import { valuesEqual } from "../model/qualifiers.js";
import { Diagnostics } from "../diagnostics/codes.js";
import type { ResolveContext } from "./context.js";

type FlavorEffect = readonly [field: keyof CimFlavors, value: boolean];

const flavorEffects: ReadonlyMap<string, FlavorEffect> = new Map<string, FlavorEffect>([
  ["enableoverride", ["overridable", true]],
  ["disableoverride", ["overridable", false]],
  ["tosubclass", ["toSubclass", true]],
  ["restricted", ["toSubclass", false]],
  ["nottosubclass", ["toSubclass", false]],
  ["toinstance", ["toInstance", true]],
  ["nottoinstance", ["toInstance", false]],
  ["translatable", ["translatable", true]],
  ["amended", ["amended", true]],
]);

/** Applies flavor keywords as written, in order, on top of `base`; unknown and contradicting ones are reported. */
export function applyFlavors(base: CimFlavors, written: readonly Flavor[], ctx: ResolveContext): CimFlavors {
  if (written.length === 0) return base;
  const result: { -readonly [K in keyof CimFlavors]: CimFlavors[K] } = { ...base };
  const setBy = new Map<keyof CimFlavors, Flavor>();
  for (const flavor of written) {
    const effect = flavorEffects.get(flavor.name.toLowerCase());
    if (effect === undefined) {
      ctx.report(Diagnostics.UnknownFlavor, flavor.span, [flavor.name]);
      continue;
    }
    const [field, value] = effect;
    const earlier = setBy.get(field);
    if (earlier !== undefined && result[field] !== value) {
      ctx.report(Diagnostics.ConflictingFlavors, flavor.span, [earlier.name, flavor.name]);
    }
    result[field] = value;
    setBy.set(field, flavor);
  }
  return result;
}

/** The qualifiers a subclass (or an inherited feature) receives: those with the ToSubclass flavor.
 *  Returns `set` itself when every qualifier propagates (the common case). */
export function propagate(set: QualifierSet): QualifierSet {
  if (set.size === 0) return set;
  // forEach, not for-of: this runs cold, where an iterator allocates per entry.
  restrictedSeen = false;
  set.forEach(noteRestricted);
  return restrictedSeen ? withoutRestricted(set) : set;
}

let restrictedSeen = false;

function noteRestricted(qualifier: CimQualifier): void {
  if (!qualifier.flavors.toSubclass) restrictedSeen = true;
}

/** The ToSubclass qualifiers of `set`, in order. Its own function: keeps `propagate` small to compile. */
function withoutRestricted(set: QualifierSet): QualifierSet {
  const kept = new Map<string, CimQualifier>();
  set.forEach((qualifier, key) => {
    if (qualifier.flavors.toSubclass) kept.set(key, qualifier);
  });
  return kept;
}

/**
 * Effective qualifiers of an element: the inherited (already propagated) ones, overlaid by the ones
 * declared on the element. Changing a DisableOverride qualifier is reported and the inherited value kept.
 */
export function mergeQualifiers(inherited: QualifierSet, declared: QualifierSet, ctx: ResolveContext): QualifierSet {
  if (declared.size === 0) return inherited;
  if (inherited.size === 0) return declared;
  const result = new Map<string, CimQualifier>();
  inherited.forEach((qualifier, key) => result.set(key, qualifier));
  declared.forEach((qualifier, key) => {
    const previous = inherited.get(key);
    if (previous !== undefined && !previous.flavors.overridable && !valuesEqual(previous.value, qualifier.value)) {
      ctx.report(Diagnostics.DisableOverrideViolation, qualifier.source?.span, [qualifier.name, previous.origin], {
        related: previous.source === undefined ? [] : [{ message: "declared with DisableOverride here", span: previous.source.span }],
      });
      return;
    }
    result.set(key, qualifier);
  });
  return result;
}
