/**
 * ValueMap/Values and BitMap/BitValues (DSP0004 §5.6.3.55-56, §5.6.3.5-6) -> `ValueMap` / `BitMap`.
 * ValueMap entries: integers (decimal, hex `0x..`, binary `..b`, optional sign), ranges `a..b`, `..b`,
 * `a..`, and a lone `..` (every value not listed otherwise; may repeat). Values alone number the labels
 * 0..n-1; ValueMap alone uses the values as labels. String-typed elements keep their values as strings.
 */
import type { Qualifier, Span } from "../ast/nodes.js";
import type { CimType, QualifierSet } from "../model/schema.js";
import type { BitMap, BitMapEntry, ValueMap, ValueMapEntry } from "../model/value-map.js";
import { stringsOfKey } from "../model/qualifiers.js";
import { fitsIntegerType, integerTypes, isIntegerType, toModelInteger, type CimIntegerType } from "../model/cim-types.js";
import { Diagnostics } from "../diagnostics/codes.js";
import type { ResolveContext } from "./context.js";
import type { WrittenQualifiers } from "./qualifier-types.js";

type Bound = { readonly ok: true; readonly value: bigint | undefined } | { readonly ok: false };

/** Parses one ValueMap integer (`"4"`, `"-1"`, `"0x8000"`, `"101b"`); undefined when it is none. */
export function parseMapInteger(text: string): bigint | undefined {
  const t = text.trim();
  let match = /^([+-]?)(\d+)$/.exec(t);
  if (match !== null) return applySign(match[1]!, BigInt(match[2]!));
  match = /^([+-]?)0x([0-9a-f]+)$/i.exec(t);
  if (match !== null) return applySign(match[1]!, BigInt(`0x${match[2]!}`));
  match = /^([+-]?)([01]+)b$/i.exec(t);
  if (match !== null) return applySign(match[1]!, BigInt(`0b${match[2]!}`));
  return undefined;
}

function applySign(sign: string, value: bigint): bigint {
  return sign === "-" ? -value : value;
}

function parseBound(text: string): Bound {
  if (text.trim() === "") return { ok: true, value: undefined };
  const value = parseMapInteger(text);
  return value === undefined ? { ok: false } : { ok: true, value };
}

/** Span of entry `index` of a written array qualifier, else the qualifier itself. */
function entrySpan(node: Qualifier | undefined, index: number): Span | undefined {
  if (node === undefined) return undefined;
  const value = node.value;
  if (value?.kind === "ArrayLiteral") return value.elements[index]?.span ?? value.span;
  return value?.span ?? node.span;
}

interface MapNames {
  readonly map: "ValueMap" | "BitMap";
  readonly labels: "Values" | "BitValues";
  /** nameKeys of `map` and `labels`. */
  readonly mapKey: "valuemap" | "bitmap";
  readonly labelsKey: "values" | "bitvalues";
}

const valueMapNames: MapNames = { map: "ValueMap", labels: "Values", mapKey: "valuemap", labelsKey: "values" };
const bitMapNames: MapNames = { map: "BitMap", labels: "BitValues", mapKey: "bitmap", labelsKey: "bitvalues" };

/** The two qualifiers of a map; `report`: either is written on the element (diagnostics go there). */
interface PairedMap {
  readonly values: readonly string[] | undefined;
  readonly labels: readonly string[] | undefined;
  readonly report: boolean;
}

/** Pairs the two qualifiers of a map; reports a length mismatch where either is written. */
function pair(
  qualifiers: QualifierSet,
  written: WrittenQualifiers,
  names: MapNames,
  ctx: ResolveContext,
): PairedMap | undefined {
  if (qualifiers.size === 0) return undefined;
  const values = stringsOfKey(qualifiers, names.mapKey);
  const labels = stringsOfKey(qualifiers, names.labelsKey);
  if (values === undefined && labels === undefined) return undefined;
  const mapNode = written.get(names.mapKey);
  const labelNode = written.get(names.labelsKey);
  const report = mapNode !== undefined || labelNode !== undefined;
  if (report && values !== undefined && labels !== undefined && values.length !== labels.length) {
    ctx.report(Diagnostics.MapLengthMismatch, (labelNode ?? mapNode)?.name.span, [names.map, values.length, names.labels, labels.length]);
  }
  return { values, labels, report };
}

/** True for a plain decimal ValueMap entry ("0", "4", "32768"; at most 15 digits): most entries, read
 *  without BigInt. A character loop, not a regular expression: it runs for every entry. */
function isPlainDecimal(text: string): boolean {
  const length = text.length;
  if (length === 0 || length > 15) return false;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

/**
 * Builds the ValueMap of an element of type `type` (undefined: a void method) from its effective
 * qualifiers, or undefined when it has neither ValueMap nor Values. Diagnostics go to the qualifiers
 * `written` on the element in this class only.
 */
export function buildValueMap(type: CimType | undefined, qualifiers: QualifierSet, written: WrittenQualifiers, ctx: ResolveContext): ValueMap | undefined {
  // Asked for every element, answered "none" for most: a small function the JIT optimizes early.
  if (qualifiers.size === 0 || (!qualifiers.has("valuemap") && !qualifiers.has("values"))) return undefined;
  return valueMapOf(type, qualifiers, written, ctx);
}

/**
 * A schema repeats many value maps (CIM 2.49: 1,913 written, 1,314 distinct), so each distinct one is
 * built once per resolve. Only maps built without a problem are kept: building an equal one again
 * would report nothing either, and its entries would be the same. (A map built where nothing reports,
 * quietly or not written on the element, may hide problems: it is not kept.)
 */
function valueMapOf(type: CimType | undefined, qualifiers: QualifierSet, written: WrittenQualifiers, ctx: ResolveContext): ValueMap | undefined {
  const paired = pair(qualifiers, written, valueMapNames, ctx);
  if (paired === undefined) return undefined;
  const known = ctx.valueMaps.find(type, paired);
  if (known !== undefined) return known;
  const problemsBefore = ctx.diagnostics.length;
  const built = buildEntries(type, paired, written, ctx);
  if (paired.report && !ctx.quiet && ctx.diagnostics.length === problemsBefore) ctx.valueMaps.keep(type, paired, built);
  return built;
}

/** A value map as built for one element type from one pair of lists. */
interface KnownValueMap {
  readonly type: CimType | undefined;
  readonly values: readonly string[] | undefined;
  readonly labels: readonly string[] | undefined;
  readonly map: ValueMap;
}

/**
 * Value maps kept for reuse (see valueMapOf). Looked up by a short fingerprint (type, list lengths,
 * first and last label), then by comparing the lists: no key is built from the whole text.
 */
export class ValueMapCache {
  private readonly byFingerprint = new Map<string, KnownValueMap[]>();

  find(type: CimType | undefined, lists: PairedMap): ValueMap | undefined {
    const candidates = this.byFingerprint.get(fingerprint(type, lists));
    if (candidates === undefined) return undefined;
    for (let i = 0; i < candidates.length; i++) {
      const known = candidates[i]!;
      if (known.type === type && sameTexts(known.values, lists.values) && sameTexts(known.labels, lists.labels)) return known.map;
    }
    return undefined;
  }

  keep(type: CimType | undefined, lists: PairedMap, map: ValueMap): void {
    const key = fingerprint(type, lists);
    const known: KnownValueMap = { type, values: lists.values, labels: lists.labels, map };
    const candidates = this.byFingerprint.get(key);
    if (candidates === undefined) this.byFingerprint.set(key, [known]);
    else candidates.push(known);
  }
}

function fingerprint(type: CimType | undefined, lists: PairedMap): string {
  const labels = lists.labels;
  const first = labels === undefined || labels.length === 0 ? "" : labels[0];
  const last = labels === undefined || labels.length === 0 ? "" : labels[labels.length - 1];
  return `${type ?? "void"} ${lists.values?.length ?? -1} ${labels?.length ?? -1} ${first}\u0000${last}`;
}

function sameTexts(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function buildEntries(type: CimType | undefined, paired: PairedMap, written: WrittenQualifiers, ctx: ResolveContext): ValueMap {
  const mapNode = paired.report ? written.get("valuemap") : undefined;
  const report = paired.report ? ctx : undefined;
  const isString = !isIntegerType(type);
  if (isString && type !== "string" && type !== "char16" && report !== undefined) {
    report.report(Diagnostics.MapOnUnsupportedType, (mapNode ?? written.get("values"))?.name.span, ["ValueMap", type ?? "void"]);
  }
  const entries: ValueMapEntry[] = [];
  const values = paired.values;
  const labels = paired.labels;
  if (values === undefined) {
    // Values alone: the labels are numbered from 0.
    if (labels !== undefined) for (let i = 0; i < labels.length; i++) entries.push({ kind: "value", value: isString ? String(i) : i, label: labels[i]! });
    return { isString, entries };
  }
  // Duplicates are only reported where the map is written; elsewhere nobody looks.
  const seen = report === undefined ? undefined : new SeenValues();
  const range = isIntegerType(type) ? numericRanges[type] : undefined;
  for (let i = 0; i < values.length; i++) {
    const text = values[i]!;
    const label = labels === undefined ? text : labels[i];
    if (label === undefined) continue;
    const trimmed = text.trim();
    if (trimmed === "..") {
      entries.push({ kind: "otherwise", label });
      continue;
    }
    if (isString) {
      if (seen?.has(text) === true) report?.report(Diagnostics.MapDuplicateEntry, entrySpan(mapNode, i), ["ValueMap", text]);
      seen?.add(text);
      entries.push({ kind: "value", value: text, label });
      continue;
    }
    if (isPlainDecimal(trimmed)) {
      const value = Number(trimmed);
      if (range !== undefined && (value < range.min || value > range.max)) {
        report?.report(Diagnostics.MapEntryOutOfRange, entrySpan(mapNode, i), ["ValueMap", text, type]);
      }
      if (seen?.has(value) === true) report?.report(Diagnostics.MapDuplicateEntry, entrySpan(mapNode, i), ["ValueMap", text]);
      seen?.add(value);
      entries.push({ kind: "value", value, label });
      continue;
    }
    const entry = otherIntegerEntry(text, trimmed, label, type, entrySpan(mapNode, i), seen, report);
    if (entry !== undefined) entries.push(entry);
  }
  return { isString, entries };
}

/**
 * A ValueMap entry of an integer element that is not a plain decimal: a range, a hex or binary integer,
 * a signed or large one (BigInt); undefined when it is none of those (reported). Out of the loop above:
 * rare, and the loop stays small enough to be optimized early.
 */
function otherIntegerEntry(
  text: string,
  trimmed: string,
  label: string,
  integerType: CimType | undefined,
  span: Span | undefined,
  seen: SeenValues | undefined,
  report: ResolveContext | undefined,
): ValueMapEntry | undefined {
  const dots = trimmed.indexOf("..");
  if (dots >= 0) {
    const min = parseBound(trimmed.slice(0, dots));
    const max = parseBound(trimmed.slice(dots + 2));
    if (!min.ok || !max.ok) {
      report?.report(Diagnostics.MapEntryInvalid, span, ["ValueMap", text]);
      return undefined;
    }
    for (const bound of [min.value, max.value]) {
      if (bound !== undefined && isIntegerType(integerType) && !fitsIntegerType(bound, integerType)) {
        report?.report(Diagnostics.MapEntryOutOfRange, span, ["ValueMap", text, integerType]);
        break;
      }
    }
    if (isReversed(min.value, max.value)) report?.report(Diagnostics.MapRangeReversed, span, ["ValueMap", text]);
    return {
      kind: "range",
      min: min.value === undefined ? undefined : toModelInteger(min.value),
      max: max.value === undefined ? undefined : toModelInteger(max.value),
      label,
    };
  }
  const parsed = parseMapInteger(trimmed);
  if (parsed === undefined) {
    report?.report(Diagnostics.MapEntryInvalid, span, ["ValueMap", text]);
    return undefined;
  }
  if (isIntegerType(integerType) && !fitsIntegerType(parsed, integerType)) {
    report?.report(Diagnostics.MapEntryOutOfRange, span, ["ValueMap", text, integerType]);
  }
  // Model integers are canonical (a number when safe), so equal values are equal set members.
  const value = toModelInteger(parsed);
  if (seen?.has(value) === true) report?.report(Diagnostics.MapDuplicateEntry, span, ["ValueMap", text]);
  seen?.add(value);
  return { kind: "value", value, label };
}

/**
 * The values of a map's "value" entries so far, for duplicate checks. Most maps list ascending
 * integers, so a value above every earlier one needs no lookup; small maps are scanned and a Set is
 * built past 8 values. Model integers are canonical (a number when safe, a bigint beyond) and both
 * `includes` and Set compare bigints by value, so equal values always match.
 */
class SeenValues {
  private readonly values: (number | bigint | string)[] = [];
  private set: Set<number | bigint | string> | undefined;
  /** Largest value so far while all are integers; undefined before the first or after a string. */
  private max: number | bigint | undefined;
  private integers = true;

  has(value: number | bigint | string): boolean {
    if (typeof value !== "string" && this.integers && (this.max === undefined || value > this.max)) return false;
    return this.set === undefined ? this.values.includes(value) : this.set.has(value);
  }

  add(value: number | bigint | string): void {
    if (typeof value === "string") this.integers = false;
    else if (this.max === undefined || value > this.max) this.max = value;
    if (this.set !== undefined) this.set.add(value);
    else if (this.values.push(value) > 8) this.set = new Set(this.values);
  }
}

/** Integer type bounds as numbers, for the plain-decimal fast path (its values stay below 2^50). */
const numericRanges: Readonly<Record<CimIntegerType, { readonly min: number; readonly max: number }>> = Object.fromEntries(
  Object.entries(integerTypes).map(([name, range]) => [name, { min: Number(range.min), max: Number(range.max) }]),
) as Record<CimIntegerType, { readonly min: number; readonly max: number }>;

/** Builds the BitMap of an element, or undefined when it has neither BitMap nor BitValues (see buildValueMap). */
export function buildBitMap(type: CimType | undefined, qualifiers: QualifierSet, written: WrittenQualifiers, ctx: ResolveContext): BitMap | undefined {
  if (qualifiers.size === 0 || (!qualifiers.has("bitmap") && !qualifiers.has("bitvalues"))) return undefined;
  return bitMapOf(type, qualifiers, written, ctx);
}

function bitMapOf(type: CimType | undefined, qualifiers: QualifierSet, written: WrittenQualifiers, ctx: ResolveContext): BitMap | undefined {
  const paired = pair(qualifiers, written, bitMapNames, ctx);
  if (paired === undefined) return undefined;
  const mapNode = paired.report ? written.get("bitmap") : undefined;
  const report = paired.report ? ctx : undefined;
  const width = isIntegerType(type) ? integerTypes[type].bits : undefined;
  if (width === undefined && report !== undefined) {
    report.report(Diagnostics.MapOnUnsupportedType, (mapNode ?? written.get("bitvalues"))?.name.span, ["BitMap", type ?? "void"]);
  }
  const entries: BitMapEntry[] = [];
  if (paired.values === undefined) {
    (paired.labels ?? []).forEach((label, bit) => entries.push({ kind: "bit", bit, label }));
    return { entries };
  }
  const seen = new Set<number>();
  const limit = BigInt(width ?? 64);
  const valid = (bit: bigint | undefined) => bit === undefined || (bit >= 0n && bit < limit);
  paired.values.forEach((text, i) => {
    const label = paired.labels === undefined ? text : paired.labels[i];
    if (label === undefined) return;
    const span = entrySpan(mapNode, i);
    const trimmed = text.trim();
    const dots = trimmed.indexOf("..");
    if (dots >= 0) {
      const min = parseBound(trimmed.slice(0, dots));
      const max = parseBound(trimmed.slice(dots + 2));
      if (!min.ok || !max.ok) {
        report?.report(Diagnostics.MapEntryInvalid, span, ["BitMap", text]);
        return;
      }
      if (!valid(min.value) || !valid(max.value)) report?.report(Diagnostics.MapEntryOutOfRange, span, ["BitMap", text, `${limit} bits`]);
      if (isReversed(min.value, max.value)) report?.report(Diagnostics.MapRangeReversed, span, ["BitMap", text]);
      entries.push({
        kind: "range",
        ...(min.value === undefined ? {} : { min: Number(min.value) }),
        ...(max.value === undefined ? {} : { max: Number(max.value) }),
        label,
      });
      return;
    }
    const bit = parseMapInteger(trimmed);
    if (bit === undefined) {
      report?.report(Diagnostics.MapEntryInvalid, span, ["BitMap", text]);
      return;
    }
    if (!valid(bit)) report?.report(Diagnostics.MapEntryOutOfRange, span, ["BitMap", text, `${limit} bits`], maskHint(bit, text));
    const position = Number(bit);
    if (seen.has(position)) report?.report(Diagnostics.MapDuplicateEntry, span, ["BitMap", text]);
    seen.add(position);
    entries.push({ kind: "bit", bit: position, label });
  });
  return { entries };
}

/** A range `a..b` with a > b matches nothing: almost always the bounds written the wrong way round. */
function isReversed(min: bigint | undefined, max: bigint | undefined): boolean {
  return min !== undefined && max !== undefined && min > max;
}

/**
 * BitMap lists bit positions (0, 1, 2…). Some vendor MOFs list masks instead (`"0x00000040"` for bit 6);
 * when an out-of-range entry is a power of two, say which position it probably meant.
 */
function maskHint(bit: bigint, text: string): { hint: string } | Record<string, never> {
  if (bit <= 0n || (bit & (bit - 1n)) !== 0n) return {};
  const position = bit.toString(2).length - 1;
  return { hint: `BitMap entries are bit positions, not masks: '${text}' is the mask of bit ${position}; write "${position}".` };
}
