/**
 * `mof2ts inspect` without --json: the resolved model as an outline people can read, one class after the
 * other, with inherited members marked by their class of origin and value maps spelled out.
 *
 * The outline of a whole schema is megabytes of text (DMTF: 3.7 MB) printed once per run: it is written
 * through a reused UTF-8 buffer, and a member inherited unchanged (the same model object in every subclass)
 * is formatted once and its text reused. Only lines that need escaping go through `inert`.
 */
import type { CimClass, CimMethod, CimProperty, CimSchema } from "../model/schema.js";
import type { BitMap, BitMapEntry, ValueMap, ValueMapEntry } from "../model/value-map.js";
import { Utf8Output, type ChunkSink } from "../model/utf8-output.js";
import { typeText } from "../diff/diff.js";
import { inert } from "../diagnostics/format.js";

/** What `inert` would change: a line break or control character inside schema text. */
const needsEscape = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** Writes the outline through `sink`, chunk by chunk. */
export function writeInspectText(schema: CimSchema, sink: ChunkSink): void {
  const out = new Outline(new Utf8Output(sink));
  for (const ns of schema.namespaces) {
    out.line(`namespace ${ns.name} (${plural(ns.classes.length, "class", "classes")}, ${plural(ns.instances.length, "instance", "instances")})`);
    out.line("");
    for (const cls of ns.classes) {
      classLines(out, cls);
      out.line("");
    }
  }
  out.end();
}

/** Lines separated by "\n"; each is escaped on its own, so a line break inside schema text is never printed raw. */
abstract class LineWriter {
  protected empty = true;

  line(line: string): void {
    this.add(needsEscape.test(line) ? inert(line) : line);
  }

  /** Appends a line, or several already joined and escaped. */
  abstract add(text: string): void;
}

/** Lines kept as one text (a member's, to be reused). */
class Lines extends LineWriter {
  text = "";

  add(text: string): void {
    this.text = this.empty ? text : this.text + "\n" + text;
    this.empty = false;
  }
}

/** The whole outline, written out as it grows. */
class Outline extends LineWriter {
  /** A member's lines by model object: [0] printed in its class of origin, [1] inherited ("from X"). */
  private readonly members = [new Map<object, string>(), new Map<object, string>()] as const;

  constructor(private readonly out: Utf8Output) {
    super();
  }

  /** The lines `print` writes for `member`, reused wherever the same member prints the same way. */
  member<M extends CimProperty | CimMethod>(member: M, inherited: boolean, print: (lines: LineWriter, member: M, inherited: boolean) => void): void {
    const known = this.members[inherited ? 1 : 0];
    let text = known.get(member);
    if (text === undefined) {
      const lines = new Lines();
      print(lines, member, inherited);
      text = lines.text;
      known.set(member, text);
    }
    this.add(text);
  }

  add(text: string): void {
    if (!this.empty) this.out.text("\n");
    this.out.text(text);
    this.empty = false;
  }

  end(): void {
    if (this.empty) this.out.text("No classes.");
    this.out.flush();
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
  if (cls.builtin === true) traits += ", built in";
  else if (cls.fromBaseSchema) traits += ", from --schema";
  const superclass = cls.superclass === undefined ? "" : ` : ${cls.superclass}`;
  out.line(`class ${cls.name}${superclass}${traits === "" ? "" : `  [${traits.slice(2)}]`}`);
  for (const p of cls.properties) out.member(p, isInherited(p.classOrigin, cls.name), propertyLines);
  for (const m of cls.methods) out.member(m, isInherited(m.classOrigin, cls.name), methodLines);
}

/** CIM names are case-insensitive; the class of origin is nearly always spelled as declared. */
function isInherited(classOrigin: string, className: string): boolean {
  return classOrigin !== className && classOrigin.toLowerCase() !== className.toLowerCase();
}

function propertyLines(out: LineWriter, p: CimProperty, inherited: boolean): void {
  let marks = "";
  if (p.isKey) marks += ", key";
  if (p.isRequired) marks += ", required";
  if (p.isWritable) marks += ", write";
  const defaultText = p.default === undefined ? "" : ` = ${JSON.stringify(p.default, bigints)}`;
  out.line(`  ${marks === "" ? "" : `[${marks.slice(2)}] `}${typeText(p)} ${p.name}${defaultText}${origin(inherited, p.classOrigin)}`);
  valueMapLine(out, p.valueMap, "      ");
  bitMapLine(out, p.bitMap);
}

function methodLines(out: LineWriter, m: CimMethod, inherited: boolean): void {
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
  out.line(`  ${m.isStatic ? "static " : ""}${ret} ${m.name}(${params})${origin(inherited, m.classOrigin)}`);
  valueMapLine(out, m.returnValueMap, "      returns ");
}

function origin(inherited: boolean, classOrigin: string): string {
  return inherited ? `  (from ${classOrigin})` : "";
}

/** One line listing a value map's or bit map's entries after `indent`; nothing for an empty map. */
function mapLine<Entry>(out: LineWriter, map: { readonly entries: readonly Entry[] } | undefined, indent: string, text: (entry: Entry) => string): void {
  if (map === undefined || map.entries.length === 0) return;
  let line = indent;
  for (let i = 0; i < map.entries.length; i++) line += (i === 0 ? "" : ", ") + text(map.entries[i]!);
  out.line(line);
}

function valueMapLine(out: LineWriter, map: ValueMap | undefined, indent: string): void {
  mapLine(out, map, indent, valueEntryText);
}

/** BitMap/BitValues: `bits 0=Read, 1=Write, 4..7=Vendor Reserved`. */
function bitMapLine(out: LineWriter, map: BitMap | undefined): void {
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
