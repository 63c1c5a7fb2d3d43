/**
 * `mof2ts inspect` without --json: the resolved model as an outline people can read, one class after the
 * other, with inherited members marked by their class of origin and value maps spelled out.
 *
 * The outline of a whole schema is megabytes of text printed once per run, so it is built as one string
 * in a single pass (no per-line arrays), and only lines that need escaping go through `inert`.
 */
import type { CimClass, CimMethod, CimProperty, CimSchema } from "../model/schema.js";
import type { BitMap, BitMapEntry, ValueMap, ValueMapEntry } from "../model/value-map.js";
import { typeText } from "../diff/diff.js";
import { inert } from "../diagnostics/format.js";

/** What `inert` would change: a line break or control character inside schema text. */
const needsEscape = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

export function inspectText(schema: CimSchema): string {
  const out = new Outline();
  for (const ns of schema.namespaces) {
    out.line(`namespace ${ns.name} (${plural(ns.classes.length, "class", "classes")}, ${plural(ns.instances.length, "instance", "instances")})`);
    out.line("");
    for (const cls of ns.classes) {
      classLines(out, cls);
      out.line("");
    }
  }
  return out.empty ? "No classes." : out.text;
}

/** Lines joined by "\n"; each is escaped on its own, so a line break inside schema text is never printed raw. */
class Outline {
  text = "";
  empty = true;
  line(line: string): void {
    const safe = needsEscape.test(line) ? inert(line) : line;
    this.text = this.empty ? safe : this.text + "\n" + safe;
    this.empty = false;
  }
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function classLines(out: Outline, cls: CimClass): void {
  let traits = "";
  if (cls.isAbstract) traits += ", abstract";
  if (cls.isAssociation) traits += ", association";
  if (cls.isIndication) traits += ", indication";
  if (cls.fromBaseSchema) traits += ", from --schema";
  const superclass = cls.superclass === undefined ? "" : ` : ${cls.superclass}`;
  out.line(`class ${cls.name}${superclass}${traits === "" ? "" : `  [${traits.slice(2)}]`}`);
  const own = cls.name.toLowerCase();
  for (const p of cls.properties) propertyLines(out, own, p);
  for (const m of cls.methods) methodLines(out, own, m);
}

function propertyLines(out: Outline, own: string, p: CimProperty): void {
  let marks = "";
  if (p.isKey) marks += ", key";
  if (p.isRequired) marks += ", required";
  if (p.isWritable) marks += ", write";
  const defaultText = p.default === undefined ? "" : ` = ${JSON.stringify(p.default, bigints)}`;
  out.line(`  ${marks === "" ? "" : `[${marks.slice(2)}] `}${typeText(p)} ${p.name}${defaultText}${origin(own, p.classOrigin)}`);
  valueMapLine(out, p.valueMap, "      ");
  bitMapLine(out, p.bitMap);
}

function methodLines(out: Outline, own: string, m: CimMethod): void {
  const ret =
    m.returnType === undefined
      ? "void"
      : typeText({
          type: m.returnType,
          isArray: m.returnIsArray,
          ...(m.returnReferenceClass === undefined ? {} : { referenceClass: m.returnReferenceClass }),
          ...(m.returnEmbeddedClass === undefined ? {} : { embeddedClass: m.returnEmbeddedClass }),
        });
  let params = "";
  for (const p of m.parameters) params += `${params === "" ? "" : ", "}${p.direction} ${typeText(p)} ${p.name}`;
  out.line(`  ${m.isStatic ? "static " : ""}${ret} ${m.name}(${params})${origin(own, m.classOrigin)}`);
  valueMapLine(out, m.returnValueMap, "      returns ");
}

function origin(own: string, classOrigin: string): string {
  return classOrigin.toLowerCase() === own ? "" : `  (from ${classOrigin})`;
}

/** One line listing a value map's or bit map's entries after `indent`; nothing for an empty map. */
function mapLine<Entry>(out: Outline, map: { readonly entries: readonly Entry[] } | undefined, indent: string, text: (entry: Entry) => string): void {
  if (map === undefined || map.entries.length === 0) return;
  let line = indent;
  for (let i = 0; i < map.entries.length; i++) line += (i === 0 ? "" : ", ") + text(map.entries[i]!);
  out.line(line);
}

function valueMapLine(out: Outline, map: ValueMap | undefined, indent: string): void {
  mapLine(out, map, indent, valueEntryText);
}

/** BitMap/BitValues: `bits 0=Read, 1=Write, 4..7=Vendor Reserved`. */
function bitMapLine(out: Outline, map: BitMap | undefined): void {
  mapLine(out, map, "      bits ", (entry: BitMapEntry) => (entry.kind === "bit" ? `${entry.bit}=${entry.label}` : valueEntryText(entry)));
}

function valueEntryText(entry: ValueMapEntry): string {
  if (entry.kind === "value") return `${String(entry.value)}=${entry.label}`;
  if (entry.kind === "range") return `${entry.min ?? ""}..${entry.max ?? ""}=${entry.label}`;
  return `..=${entry.label}`;
}

function bigints(_key: string, value: unknown): unknown {
  return typeof value === "bigint" ? value.toString() : value;
}
