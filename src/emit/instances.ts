/**
 * `instance of` declarations → typed constants checked with `satisfies` (the class interface, or
 * `Partial<…>` when the MOF leaves out a key or required property), one file per namespace.
 * Constants are named after the alias (`$Disk1` → `Disk1`), else `<Class>_Instance`; they are sorted
 * by class name, alias and content so the output does not depend on input order.
 */
import type { StatementStructures } from "ts-morph";
import type { CimInstance, CimProperty, CimValue } from "../model/schema.js";
import type { FileContext } from "./context.js";
import { renderDoc } from "./jsdoc.js";
import { propertyKey, quote } from "./literals.js";
import { compareText, nameKey } from "./names.js";
import type { ClassPlan, NamespacePlan } from "./plan.js";
import { declarationWithText } from "./print.js";
import { is64Bit } from "./type-map.js";

/** Instances in a fixed order. */
export function sortedInstances(instances: readonly CimInstance[]): CimInstance[] {
  const key = (i: CimInstance): string => `${nameKey(i.className)}\u0000${i.alias ?? ""}\u0000${stableText(i.properties)}`;
  return [...instances].sort((a, b) => compareText(key(a), key(b)));
}

export function instanceStatements(ctx: FileContext, ns: NamespacePlan, instances: readonly CimInstance[]): StatementStructures[] {
  const aliases = new Map<string, CimInstance>();
  for (const instance of instances) if (instance.alias !== undefined) aliases.set(nameKey(instance.alias), instance);
  const statements: StatementStructures[] = [];
  for (const instance of sortedInstances(instances)) {
    const plan = ctx.plan.findClass(instance.className, ns);
    if (plan === undefined) continue;
    const name = ns.module.registry.claim(instance.alias ?? `${plan.name}_Instance`);
    const iface = ctx.classSymbol(plan, plan.name, true);
    const complete = plan.cls.properties
      .filter((p) => p.isKey || p.isRequired)
      .every((p) => instance.properties.some((v) => nameKey(v.name) === nameKey(p.name) && v.value !== null));
    const checked = complete ? iface : `Partial<${iface}>`;
    statements.push({
      kind: ctx.kinds.VariableStatement,
      isExported: true,
      docs: [renderDoc({ description: `\`instance of ${instance.className}\`${instance.alias === undefined ? "" : ` as $${instance.alias}`} (${instance.source.file}:${instance.source.line}).`, tags: [] }) ?? ""],
      declarationKind: ctx.morph.VariableDeclarationKind.Const,
      declarations: [
        declarationWithText(name, `${instanceLiteral(ctx, plan, instance, aliases, "")}${ctx.tsOnly(` satisfies ${checked}`)}`, ctx.declaredType(() => checked)),
      ],
    });
  }
  return statements;
}

function instanceLiteral(ctx: FileContext, plan: ClassPlan, instance: CimInstance, aliases: ReadonlyMap<string, CimInstance>, indent: string): string {
  const lines: string[] = [];
  for (const { name, value } of instance.properties) {
    const prop = plan.cls.properties.find((p) => nameKey(p.name) === nameKey(name));
    if (prop === undefined) continue;
    lines.push(`${indent}  ${propertyKey(prop.name)}: ${valueText(ctx, plan, prop, value, aliases, `${indent}  `)},`);
  }
  return lines.length === 0 ? "{}" : `{\n${lines.join("\n")}\n${indent}}`;
}

function valueText(ctx: FileContext, plan: ClassPlan, prop: CimProperty, value: CimValue, aliases: ReadonlyMap<string, CimInstance>, indent: string): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return `[${value.map((item: CimValue) => valueText(ctx, plan, prop, item, aliases, indent)).join(", ")}]`;
  if (typeof value === "object" && "kind" in value) {
    if (value.kind === "enum") return quote(value.name);
    if (value.kind === "alias") {
      const target = aliases.get(nameKey(value.name));
      return target === undefined ? "null" : referenceLiteral(ctx, target);
    }
    const embedded = ctx.plan.findClass(value.instance.className, plan.ns);
    return embedded === undefined ? "null" : instanceLiteral(ctx, embedded, value.instance, aliases, indent);
  }
  switch (prop.type) {
    case "datetime":
      return typeof value === "string" ? datetimeLiteral(value) : "null";
    case "reference":
      return typeof value === "string" ? pathLiteral(value) : "null";
    case "boolean":
      return typeof value === "boolean" ? String(value) : "null";
    case "string":
    case "char16":
      return typeof value === "string" ? quote(value) : quote(String(value));
    default:
      if (typeof value !== "number" && typeof value !== "bigint") return "null";
      if (!is64Bit(prop.type) || ctx.options.int64 === "number") return String(value);
      return ctx.options.int64 === "bigint" ? `${String(value)}n` : quote(String(value));
  }
}

/** A reference to an aliased instance: its class and key values. */
function referenceLiteral(ctx: FileContext, target: CimInstance): string {
  const plan = ctx.plan.findClass(target.className);
  const keyNames = new Set(plan?.cls.properties.filter((p) => p.isKey).map((p) => nameKey(p.name)) ?? []);
  const keys = target.properties
    .filter((p) => keyNames.has(nameKey(p.name)) && (typeof p.value === "string" || typeof p.value === "number" || typeof p.value === "boolean"))
    .map((p) => `${propertyKey(p.name)}: ${typeof p.value === "string" ? quote(p.value) : String(p.value)}`);
  return `{ className: ${quote(target.className)}, keys: { ${keys.join(", ")} } }`;
}

/** An object path written in MOF (`Class.Key="v"`), split into class name and keys. */
function pathLiteral(path: string): string {
  const match = /^(?:.*:)?([A-Za-z_][\w]*)(?:\.(.*))?$/s.exec(path);
  if (match === null) return `{ className: "", keys: {} }`;
  const keys: string[] = [];
  for (const pair of (match[2] ?? "").matchAll(/([A-Za-z_]\w*)=("(?:[^"\\]|\\.)*"|[^,]*)/g)) {
    const raw = pair[2] ?? "";
    const keyValue = raw.startsWith('"') ? quote(raw.slice(1, -1).replace(/\\(.)/g, "$1")) : /^(true|false|-?\d+)$/i.test(raw) ? raw.toLowerCase() : quote(raw);
    keys.push(`${propertyKey(pair[1] ?? "")}: ${keyValue}`);
  }
  return `{ className: ${quote(match[1] ?? "")}, keys: { ${keys.join(", ")} } }`;
}

/** A CIM datetime string as a CimDateTime object literal (wildcarded fields left out). */
export function datetimeLiteral(text: string): string {
  const timestamp = /^(\d{4}|\*{4})(\d{2}|\*{2})(\d{2}|\*{2})(\d{2}|\*{2})(\d{2}|\*{2})(\d{2}|\*{2})\.([\d*]{6})([+-])(\d{3}|\*{3})$/.exec(text);
  if (timestamp !== null) {
    const [, year, month, day, hour, minute, second, micro, sign, offset] = timestamp;
    const fields: [string, string | undefined][] = [["year", year], ["month", month], ["day", day], ["hour", hour], ["minute", minute], ["second", second]];
    const parts = [`kind: "timestamp"`, ...numericFields(fields), ...microFields("microsecond", micro)];
    if (offset !== undefined && !offset.includes("*")) parts.push(`utcOffsetMinutes: ${sign === "-" && Number(offset) !== 0 ? "-" : ""}${Number(offset)}`);
    return `{ ${parts.join(", ")} }`;
  }
  const interval = /^(\d{8}|\*{8})(\d{2}|\*{2})(\d{2}|\*{2})(\d{2}|\*{2})\.([\d*]{6}):000$/.exec(text);
  if (interval !== null) {
    const [, days, hours, minutes, seconds, micro] = interval;
    const fields: [string, string | undefined][] = [["days", days], ["hours", hours], ["minutes", minutes], ["seconds", seconds]];
    return `{ ${[`kind: "interval"`, ...numericFields(fields), ...microFields("microseconds", micro)].join(", ")} }`;
  }
  return "null";
}

function numericFields(fields: readonly [string, string | undefined][]): string[] {
  return fields.filter(([, v]) => v !== undefined && !v.includes("*")).map(([k, v]) => `${k}: ${Number(v)}`);
}

function microFields(name: string, micro: string | undefined): string[] {
  if (micro === undefined) return [];
  const known = /^\d*/.exec(micro)?.[0] ?? "";
  if (known.length === 0) return [];
  const parts = [`${name}: ${Number(known.padEnd(6, "0"))}`];
  if (known.length < 6) parts.push(`microsecondPrecision: ${known.length}`);
  return parts;
}

function stableText(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? `${v}n` : v instanceof Map ? [...v.entries()] : v)) ?? "";
}
