/**
 * The `inspect --json` document written as UTF-8: exactly `JSON.stringify(toInspectJson(schema), null, 2)`,
 * without building the whole tree or one string of tens of megabytes (DMTF: 37 MB).
 * - The skeleton (document, namespaces, classes) is printed field by field in JSON.stringify's key order
 *   (Object.keys of the objects `toInspectJson` builds); every other value goes through JSON.stringify.
 * - A member a class inherits unchanged is the same model object in every subclass (DMTF: 28,440 property
 *   entries, 8,453 objects), so the text of an inherited member is kept as bytes and copied.
 */
import { classJson, declaredIn, documentJson, methodJson, namespaceJson, propertyJson, type Json } from "./inspect-json.js";
import type { CimClass, CimMethod, CimNamespace, CimProperty, CimSchema } from "./schema.js";
import { Utf8Output, Utf8Store, type ChunkSink } from "./utf8-output.js";

/** Writes the document through `sink`, chunk by chunk. */
export function writeInspectJson(schema: CimSchema, sink: ChunkSink): void {
  const out = new JsonText(new Utf8Output(sink));
  const namespaces: Json = [];
  const later = new Map([[namespaces, (depth: number) => out.items(schema.namespaces, depth, (ns, at) => namespaceText(out, ns, at))]]);
  out.fields(documentJson(schema, namespaces), 0, later);
  out.end();
}

function namespaceText(out: JsonText, ns: CimNamespace, depth: number): void {
  const classes: Json = [];
  out.fields(namespaceJson(ns, classes), depth, new Map([[classes, (at: number) => out.items(ns.classes, at, (cls, d) => classText(out, cls, d))]]));
}

function classText(out: JsonText, cls: CimClass, depth: number): void {
  const properties: Json = [];
  const methods: Json = [];
  const members = new Map([
    [properties, (at: number) => out.items(cls.properties, at, (p, d) => out.member(p, declaredIn(p, cls), d, propertyJson))],
    [methods, (at: number) => out.items(cls.methods, at, (m, d) => out.member(m, declaredIn(m, cls), d, methodJson))],
  ]);
  out.fields(classJson(cls, properties, methods), depth, members);
}

/** JSON text as JSON.stringify(value, null, 2) prints it, written piece by piece. */
class JsonText {
  private readonly store = new Utf8Store();
  /** The kept text of repeated members, by depth ("depth:declared") and model object. */
  private readonly kept = new Map<string, Map<object, Uint8Array>>();

  constructor(private readonly out: Utf8Output) {}

  end(): void {
    this.out.flush();
  }

  /** An object field by field in JSON.stringify's order (Object.keys); a value that is a key of `later`
   *  is printed by its function. */
  fields(object: { readonly [key: string]: Json }, depth: number, later: ReadonlyMap<Json, (depth: number) => void>): void {
    const inner = lineAt(depth + 1);
    let first = true;
    for (const key of Object.keys(object)) {
      const value = object[key];
      if (value === undefined) continue; // JSON.stringify leaves such fields out; Json has none, but stay exact
      this.text(`${first ? "{" : ","}${inner}${JSON.stringify(key)}: `);
      first = false;
      const print = later.get(value);
      if (print === undefined) this.text(jsonText(value, depth + 1));
      else print(depth + 1);
    }
    this.text(first ? "{}" : `${lineAt(depth)}}`);
  }

  /** An array printed item by item. */
  items<T>(items: readonly T[], depth: number, item: (item: T, depth: number) => void): void {
    if (items.length === 0) {
      this.text("[]");
      return;
    }
    const inner = lineAt(depth + 1);
    for (let i = 0; i < items.length; i++) {
      this.text(i === 0 ? "[" + inner : "," + inner);
      item(items[i]!, depth + 1);
    }
    this.text(`${lineAt(depth)}]`);
  }

  /** A property or method. Its JSON depends only on the model object and whether this class declares it:
   *  a member declared here, and not an override, is printed in this class only; any other (inherited,
   *  or an override that subclasses inherit) usually prints again, so its text is kept and copied. */
  member<M extends CimProperty | CimMethod>(member: M, declaredHere: boolean, depth: number, json: (member: M, declaredHere: boolean) => Json): void {
    if (declaredHere && !member.isOverride) {
      this.out.text(jsonText(json(member, declaredHere), depth));
      return;
    }
    const slot = `${depth}:${declaredHere}`;
    let kept = this.kept.get(slot);
    if (kept === undefined) this.kept.set(slot, (kept = new Map()));
    let bytes = kept.get(member);
    if (bytes === undefined) kept.set(member, (bytes = this.store.keep(jsonText(json(member, declaredHere), depth))));
    this.out.bytes(bytes);
  }

  private text(text: string): void {
    this.out.text(text);
  }
}

/** "\n" and the indentation of `depth` levels: what starts a line there. */
const lines: string[] = [];
function lineAt(depth: number): string {
  return (lines[depth] ??= "\n" + "  ".repeat(depth));
}

/** `value` as JSON.stringify(…, null, 2) prints it `depth` levels deep: nested in as many arrays, so
 *  JSON.stringify itself indents every line, and cut out of them. */
function jsonText(value: Json, depth: number): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  let nested: Json = value;
  for (let level = 0; level < depth; level++) nested = [nested];
  const text = JSON.stringify(nested, null, 2);
  // Before the value, per level: "[", "\n" and the indentation; after it: "\n", the indentation and "]".
  return text.slice(depth * (depth + 3), text.length - depth * (depth + 1));
}
