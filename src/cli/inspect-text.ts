/**
 * `mof2ts inspect` without --json: the resolved model as an outline people can read, one class after the
 * other, with inherited members marked by their class of origin and value maps spelled out.
 */
import type { CimClass, CimMethod, CimProperty, CimSchema } from "../model/schema.js";
import type { ValueMap, ValueMapEntry } from "../model/value-map.js";
import { typeText } from "../diff/diff.js";
import { inert } from "../diagnostics/format.js";

export function inspectText(schema: CimSchema): string {
  const lines: string[] = [];
  for (const ns of schema.namespaces) {
    lines.push(`namespace ${ns.name} (${ns.classes.length} class${ns.classes.length === 1 ? "" : "es"}, ${ns.instances.length} instance${ns.instances.length === 1 ? "" : "s"})`, "");
    for (const cls of ns.classes) lines.push(...classLines(cls), "");
  }
  if (lines.length === 0) lines.push("No classes.");
  // Each entry is one line: a line break or U+2028 inside schema text is escaped, never printed raw.
  return lines.map(inert).join("\n");
}

function classLines(cls: CimClass): string[] {
  const traits = [cls.isAbstract && "abstract", cls.isAssociation && "association", cls.isIndication && "indication", cls.fromBaseSchema && "from --schema"].filter(
    (t): t is string => typeof t === "string",
  );
  const head = `class ${cls.name}${cls.superclass === undefined ? "" : ` : ${cls.superclass}`}${traits.length > 0 ? `  [${traits.join(", ")}]` : ""}`;
  return [head, ...cls.properties.flatMap((p) => propertyLines(cls, p)), ...cls.methods.flatMap((m) => methodLines(cls, m))];
}

function propertyLines(cls: CimClass, p: CimProperty): string[] {
  const marks = [p.isKey && "key", p.isRequired && "required", p.isWritable && "write"].filter((t): t is string => typeof t === "string");
  const origin = p.classOrigin.toLowerCase() === cls.name.toLowerCase() ? "" : `  (from ${p.classOrigin})`;
  const line = `  ${marks.length > 0 ? `[${marks.join(", ")}] ` : ""}${typeText(p)} ${p.name}${p.default === undefined ? "" : ` = ${JSON.stringify(p.default, bigints)}`}${origin}`;
  return [line, ...valueMapLines(p.valueMap, "      ")];
}

function methodLines(cls: CimClass, m: CimMethod): string[] {
  const ret =
    m.returnType === undefined
      ? "void"
      : typeText({
          type: m.returnType,
          isArray: m.returnIsArray,
          ...(m.returnReferenceClass === undefined ? {} : { referenceClass: m.returnReferenceClass }),
          ...(m.returnEmbeddedClass === undefined ? {} : { embeddedClass: m.returnEmbeddedClass }),
        });
  const params = m.parameters.map((p) => `${p.direction} ${typeText(p)} ${p.name}`).join(", ");
  const origin = m.classOrigin.toLowerCase() === cls.name.toLowerCase() ? "" : `  (from ${m.classOrigin})`;
  return [`  ${m.isStatic ? "static " : ""}${ret} ${m.name}(${params})${origin}`, ...valueMapLines(m.returnValueMap, "      returns ")];
}

function valueMapLines(map: ValueMap | undefined, indent: string): string[] {
  if (map === undefined || map.entries.length === 0) return [];
  return [`${indent}${map.entries.map(entryText).join(", ")}`];
}

function entryText(entry: ValueMapEntry): string {
  if (entry.kind === "value") return `${String(entry.value)}=${entry.label}`;
  if (entry.kind === "range") return `${entry.min ?? ""}..${entry.max ?? ""}=${entry.label}`;
  return `..=${entry.label}`;
}

function bigints(_key: string, value: unknown): unknown {
  return typeof value === "bigint" ? value.toString() : value;
}
