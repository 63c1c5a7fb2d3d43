/**
 * Runtime helpers for value maps and bit maps: a `defineValueMap` constant next to each enum (value →
 * Values text including ranges, text → value, type guard, reserved/vendor tests) and a `defineBitMap`
 * constant per BitMap (split a number into flag names, compose names into a number).
 */
import type { StatementStructures } from "ts-morph";
import type { FileContext } from "./context.js";
import { renderDoc } from "./jsdoc.js";
import { integerLiteral, quote } from "./literals.js";
import type { BitMapPlan, EnumPlan } from "./plan.js";

/** `export const <Enum>Values = defineValueMap<Enum>({ name, values, ranges, otherwise })`. */
export function valueMapHelperStatement(ctx: FileContext, plan: EnumPlan): StatementStructures {
  const define = ctx.runtime("defineValueMap", false);
  const values = plan.members.map((member) => `    [${plan.name}.${member.name}, ${quote(member.label)}],`);
  const ranges: string[] = [];
  let otherwise: string | undefined;
  for (const entry of plan.valueMap.entries) {
    if (entry.kind === "range" && !plan.isString) ranges.push(`    ${rangeObject(entry.min, entry.max, entry.label)},`);
    if (entry.kind === "otherwise") otherwise ??= entry.label;
  }
  const body = [
    `{`,
    `  name: ${quote(plan.name)},`,
    values.length === 0 ? `  values: [],` : `  values: [\n${values.join("\n")}\n  ],`,
    ranges.length === 0 ? `  ranges: [],` : `  ranges: [\n${ranges.join("\n")}\n  ],`,
    ...(otherwise === undefined ? [] : [`  otherwise: ${quote(otherwise)},`]),
    `}`,
  ].join("\n");
  return {
    kind: ctx.kinds.VariableStatement,
    isExported: true,
    docs: [renderDoc({ description: `Lookups for {@link ${plan.name}}: label(value), value(text), is(value), isReserved(value), isVendor(value), entries().`, tags: [] }) ?? ""],
    declarationKind: ctx.morph.VariableDeclarationKind.Const,
    declarations: [{ name: plan.helperName, initializer: `${define}<${plan.name}>(${body})` }],
  };
}

/** `export const <Class>_<Prop>Bits = defineBitMap({ name, bits, ranges })`. */
export function bitMapHelperStatement(ctx: FileContext, plan: BitMapPlan): StatementStructures {
  const define = ctx.runtime("defineBitMap", false);
  const bits: string[] = [];
  const ranges: string[] = [];
  for (const entry of plan.bitMap.entries) {
    if (entry.kind === "bit") bits.push(`    [${entry.bit}, ${quote(entry.label)}],`);
    else ranges.push(`    ${rangeObject(entry.min, entry.max, entry.label)},`);
  }
  const body = [
    `{`,
    `  name: ${quote(plan.subject)},`,
    bits.length === 0 ? `  bits: [],` : `  bits: [\n${bits.join("\n")}\n  ],`,
    ...(ranges.length === 0 ? [] : [`  ranges: [\n${ranges.join("\n")}\n  ],`]),
    `}`,
  ].join("\n");
  return {
    kind: ctx.kinds.VariableStatement,
    isExported: true,
    docs: [renderDoc({ description: `Flags of \`${plan.subject}\` (BitMap/BitValues): flags(n), has(n, label), compose(labels).`, tags: [] }) ?? ""],
    declarationKind: ctx.morph.VariableDeclarationKind.Const,
    declarations: [{ name: plan.helperName, initializer: `${define}(${body})` }],
  };
}

function rangeObject(min: number | bigint | undefined, max: number | bigint | undefined, label: string): string {
  const parts = [
    ...(min === undefined ? [] : [`min: ${integerLiteral(Number(min))}`]),
    ...(max === undefined ? [] : [`max: ${integerLiteral(Number(max))}`]),
    `label: ${quote(label)}`,
  ];
  return `{ ${parts.join(", ")} }`;
}
