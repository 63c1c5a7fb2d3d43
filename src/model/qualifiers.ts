/**
 * Small readers over qualifier sets. Qualifier names are case-insensitive (`Key`, `KEY`, `key`), so
 * every lookup goes through `nameKey`.
 */
import type { CimFlavors, CimQualifier, CimValue, QualifierSet } from "./schema.js";

/** The flavors a qualifier has when neither its type nor its use says otherwise (DSP0004: EnableOverride,
 *  ToSubclass, not Translatable). */
export const defaultFlavors: CimFlavors = Object.freeze({
  overridable: true,
  toSubclass: true,
  toInstance: false,
  translatable: false,
  amended: false,
});

/** Narrows a value to an array (Array.isArray does not narrow readonly arrays cleanly). */
export function isArrayValue(value: CimValue | undefined): value is readonly CimValue[] {
  return Array.isArray(value);
}

/** An empty qualifier set, shared. */
export const emptyQualifierSet: QualifierSet = new Map<string, CimQualifier>();

/** Lower-case keys of the names callers ask for: a handful of constants ("Description", "key"…) asked
 *  for hundreds of thousands of times; lower-casing allocates a new string each time. */
const askedKeys = new Map<string, string>();
const askedKeysLimit = 512;

function keyOfAsked(name: string): string {
  let key = askedKeys.get(name);
  if (key === undefined) {
    key = name.toLowerCase();
    if (askedKeys.size < askedKeysLimit) askedKeys.set(name, key);
  }
  return key;
}

/** The qualifier named `name` (any case), if present. */
export function getQualifier(set: QualifierSet, name: string): CimQualifier | undefined {
  return set.size === 0 ? undefined : set.get(keyOfAsked(name));
}

/** The value of the qualifier named `name`, or undefined when absent. */
export function qualifierValue(set: QualifierSet, name: string): CimValue | undefined {
  return set.size === 0 ? undefined : set.get(keyOfAsked(name))?.value;
}

/** True when a boolean qualifier is present and true (`[Key]`, `[Key(true)]`). */
export function qualifierFlag(set: QualifierSet, name: string): boolean {
  return set.size !== 0 && flagOfKey(set, keyOfAsked(name));
}

/** A string qualifier's value; for a one-element array (WMI style), its element. */
export function qualifierString(set: QualifierSet, name: string): string | undefined {
  return set.size === 0 ? undefined : stringOfKey(set, keyOfAsked(name));
}

/** A string-array qualifier's values (a scalar string counts as one entry); undefined when absent. */
export function qualifierStrings(set: QualifierSet, name: string): readonly string[] | undefined {
  return set.size === 0 ? undefined : stringsOfKey(set, keyOfAsked(name));
}

// Readers by key, for callers that hold the key already: `key` must be a nameKey (lower case).

/** `qualifierFlag` by key. */
export function flagOfKey(set: QualifierSet, key: string): boolean {
  return set.get(key)?.value === true;
}

/** `qualifierString` by key. */
export function stringOfKey(set: QualifierSet, key: string): string | undefined {
  const value = set.get(key)?.value;
  if (typeof value === "string") return value;
  if (isArrayValue(value) && value.length === 1 && typeof value[0] === "string") return value[0];
  return undefined;
}

/** `qualifierStrings` by key. */
export function stringsOfKey(set: QualifierSet, key: string): readonly string[] | undefined {
  const value = set.get(key)?.value;
  if (value === undefined || value === null) return undefined;
  if (!isArrayValue(value)) return [itemText(value)];
  // Arrays of strings (nearly all) are returned as they are: both are read-only.
  let i = 0;
  while (i < value.length && typeof value[i] === "string") i++;
  if (i === value.length) return value as readonly string[];
  const texts: string[] = [];
  for (let j = 0; j < value.length; j++) texts.push(itemText(value[j]!));
  return texts;
}

/** One entry of a string-array qualifier as text. MOF 3 enumeration literals (and C macros left in
 *  unpreprocessed WMI files) read as their names. */
function itemText(item: CimValue): string {
  if (typeof item === "string") return item;
  return item === null ? "" : typeof item !== "object" ? String(item) : isArrayValue(item) ? "" : item.kind === "instance" ? "" : item.name;
}

/** Structural equality of two values (used to tell a real override from a repetition). */
export function valuesEqual(a: CimValue, b: CimValue): boolean {
  if (a === b) return true;
  if (isArrayValue(a) || isArrayValue(b)) {
    if (!isArrayValue(a) || !isArrayValue(b) || a.length !== b.length) return false;
    return a.every((item, i) => valuesEqual(item, b[i] ?? null));
  }
  if (typeof a === "number" && typeof b === "bigint") return BigInt(a) === b;
  if (typeof a === "bigint" && typeof b === "number") return a === BigInt(b);
  if (a !== null && b !== null && typeof a === "object" && typeof b === "object") {
    if (a.kind === "alias" && b.kind === "alias") return a.name.toLowerCase() === b.name.toLowerCase();
    if (a.kind === "enum" && b.kind === "enum") return a.name === b.name;
  }
  return false;
}
