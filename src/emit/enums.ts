/**
 * ValueMap → enum. Style `enum` emits a TypeScript enum; style `const` emits an `as const` object
 * plus a union type of the same name (for projects with `erasableSyntaxOnly`). Both allow
 * `CIM_Synchronized_CopyState.Synchronized` and the type `CIM_Synchronized_CopyState`.
 */
import type { StatementStructures } from "ts-morph";
import type { ValueMapEntry } from "../model/value-map.js";
import type { FileContext } from "./context.js";
import { renderDoc } from "./jsdoc.js";
import { memberValueText, quote } from "./literals.js";
import type { EnumPlan } from "./plan.js";
import { declarationWithDoc, objectDoc } from "./print.js";

/** The enum (or const object + type) declared for one value map. */
export function enumStatements(ctx: FileContext, plan: EnumPlan): StatementStructures[] {
  const docs = enumDocs(plan);
  if (ctx.options.enumStyle === "enum" && ctx.options.emit !== "types") {
    return [
      {
        kind: ctx.kinds.Enum,
        isExported: true,
        name: plan.name,
        docs,
        members: plan.members.map((member) => ({ name: member.name, initializer: memberValueText(member.value) })),
      },
    ];
  }
  if (ctx.options.emit === "types") {
    return [
      {
        kind: ctx.kinds.TypeAlias,
        isExported: true,
        name: plan.name,
        docs: enumDocs(plan, true),
        type: plan.members.length === 0 ? "never" : plan.members.map((m) => memberValueText(m.value)).join(" | "),
      },
    ];
  }
  const body = objectDoc(plan.members.map((m) => [m.name, memberValueText(m.value)] as const), true);
  const objectType = (): string => (plan.members.length === 0 ? "{}" : `{\n${plan.members.map((m) => `  readonly ${m.name}: ${memberValueText(m.value)};\n`).join("")}}`);
  return [
    {
      kind: ctx.kinds.VariableStatement,
      isExported: true,
      docs,
      declarationKind: ctx.morph.VariableDeclarationKind.Const,
      declarations: [declarationWithDoc(plan.name, undefined, [body, ctx.tsOnly(" as const")], ctx.declaredType(objectType))],
    },
    {
      kind: ctx.kinds.TypeAlias,
      isExported: true,
      name: plan.name,
      type: `(typeof ${plan.name})[keyof typeof ${plan.name}]`,
    },
  ];
}

/** `18..32767`, `..5`, `32768..`, and `other values` for a lone `..` (few readers know DSP0004's meaning). */
export function rangeText(entry: Exclude<ValueMapEntry, { kind: "value" }>): string {
  if (entry.kind === "otherwise") return "other values";
  return `${entry.min === undefined ? "" : String(entry.min)}..${entry.max === undefined ? "" : String(entry.max)}`;
}

/** `18..32767 "DMTF Reserved"` for each range, the lone `..` last because the ranges take precedence. */
export function rangeNotes(entries: readonly ValueMapEntry[]): readonly string[] {
  // Asked for by the enum's docs and by every property using the enum.
  let notes = rangeNotesCache.get(entries);
  if (notes === undefined) {
    notes = computeRangeNotes(entries);
    rangeNotesCache.set(entries, notes);
  }
  return notes;
}

const rangeNotesCache = new WeakMap<readonly ValueMapEntry[], readonly string[]>();

function computeRangeNotes(entries: readonly ValueMapEntry[]): string[] {
  const ranges = entries.filter((entry): entry is Exclude<ValueMapEntry, { kind: "value" }> => entry.kind !== "value");
  const ordered = [...ranges.filter((r) => r.kind !== "otherwise"), ...ranges.filter((r) => r.kind === "otherwise")];
  return ordered.map((r) => `${rangeText(r)} ${quote(r.label)}`);
}

/** The enum's doc; for a literal union (`--emit types`, no helper) each value with its Values text. */
function enumDocs(plan: EnumPlan, union = false): string[] {
  const ranges = rangeNotes(plan.valueMap.entries);
  const lines = [`Values of \`${plan.subject}\` (ValueMap/Values).`];
  if (union) lines.push(...plan.members.map((m) => `- \`${memberValueText(m.value)}\`: ${m.label}`));
  if (ranges.length > 0) lines.push(`Ranges (not members): ${ranges.join(", ")}.`);
  if (!union) lines.push(`Value/text lookups and range tests: {@link ${plan.helperName}}.`);
  const doc = renderDoc({ description: lines.join("\n"), tags: [] });
  return doc === undefined ? [] : [doc];
}
