/**
 * Runtime helpers for value maps and bit maps: a `defineValueMap` constant next to each enum (value →
 * Values text including ranges, text → value, type guard, reserved/vendor tests) and a `defineBitMap`
 * constant per BitMap (split a number into flag names, compose names into a number).
 */
import type { StatementStructures } from "ts-morph";
import type { FileContext } from "./context.js";
import { renderDoc } from "./jsdoc.js";
import { integerLiteral, memberValueText, quote } from "./literals.js";
import type { BitMapPlan, EnumPlan } from "./plan.js";
import type { Doc } from "./doc.js";
import { arrayDoc, callDoc, declarationWithDoc, identifierValue, objectDoc, PURE } from "./print.js";

/** `export const <Enum>Values = defineValueMap<Enum>({ name, values, ranges, otherwise })`. */
export function valueMapHelperStatement(ctx: FileContext, plan: EnumPlan): StatementStructures {
  const define = ctx.runtime("defineValueMap", false);
  // A TypeScript enum's members are referred to by name (a string enum accepts nothing else, and
  // bundlers inline them); an object's members by value, since esbuild keeps a property read of an
  // unused object as a possible getter call, and with it every value map behind an index.
  const byName = ctx.options.enumStyle === "enum" && ctx.options.emit === "ts";
  const values = plan.members.map((member) => arrayDoc([byName ? `${plan.name}.${member.name}` : memberValueText(member.value), quote(member.label)]));
  const ranges: Doc[] = [];
  const rangeSizes: number[] = [];
  let otherwise: string | undefined;
  for (const entry of plan.valueMap.entries) {
    if (entry.kind === "range" && !plan.isString) {
      const range = rangeEntries(entry.min, entry.max, entry.label);
      ranges.push(objectDoc(range));
      rangeSizes.push(range.length);
    }
    if (entry.kind === "otherwise") otherwise ??= entry.label;
  }
  const spec = objectDoc(
    [
      ["name", quote(plan.name)],
      // The enum object itself: value(text) then accepts member names, suffixed ones (`Other_12`) included.
      ["members", identifierValue(plan.name)],
      ["values", arrayDoc(values, values.map(() => 2))],
      ["ranges", arrayDoc(ranges, rangeSizes)],
      ...(otherwise === undefined ? [] : [["otherwise", quote(otherwise)] as const]),
    ],
    true,
  );
  return {
    kind: ctx.kinds.VariableStatement,
    isExported: true,
    docs: [renderDoc({ description: `Lookups for {@link ${plan.name}}: label(value), value(text), is(value), isReserved(value), isVendor(value), entries().`, tags: [] }) ?? ""],
    declarationKind: ctx.morph.VariableDeclarationKind.Const,
    declarations: [
      declarationWithDoc(
        plan.helperName,
        undefined,
        callDoc(`${PURE}${define}${ctx.tsOnly(`<${plan.name}>`)}`, [spec], true),
        ctx.declaredType(() => `${ctx.runtime("ValueMapHelpers", true)}<${plan.name}>`),
      ),
    ],
  };
}

/** `export const <Class>_<Prop>Bits = defineBitMap({ name, bits, ranges })`. */
export function bitMapHelperStatement(ctx: FileContext, plan: BitMapPlan): StatementStructures {
  const define = ctx.runtime("defineBitMap", false);
  const bits: Doc[] = [];
  const ranges: Doc[] = [];
  const rangeSizes: number[] = [];
  for (const entry of plan.bitMap.entries) {
    if (entry.kind === "bit") bits.push(arrayDoc([String(entry.bit), quote(entry.label)]));
    else {
      const range = rangeEntries(entry.min, entry.max, entry.label);
      ranges.push(objectDoc(range));
      rangeSizes.push(range.length);
    }
  }
  const spec = objectDoc(
    [
      ["name", quote(plan.subject)],
      ["bits", arrayDoc(bits, bits.map(() => 2))],
      ...(ranges.length === 0 ? [] : [["ranges", arrayDoc(ranges, rangeSizes)] as const]),
    ],
    true,
  );
  return {
    kind: ctx.kinds.VariableStatement,
    isExported: true,
    docs: [renderDoc({ description: `Flags of \`${plan.subject}\` (BitMap/BitValues): flags(n), has(n, label), compose(labels).`, tags: [] }) ?? ""],
    declarationKind: ctx.morph.VariableDeclarationKind.Const,
    declarations: [declarationWithDoc(plan.helperName, undefined, callDoc(`${PURE}${define}`, [spec], true), ctx.declaredType(() => ctx.runtime("BitMapHelpers", true)))],
  };
}

function rangeEntries(min: number | bigint | undefined, max: number | bigint | undefined, label: string): (readonly [string, Doc])[] {
  return [
    ...(min === undefined ? [] : [["min", integerLiteral(Number(min))] as const]),
    ...(max === undefined ? [] : [["max", integerLiteral(Number(max))] as const]),
    ["label", quote(label)] as const,
  ];
}
