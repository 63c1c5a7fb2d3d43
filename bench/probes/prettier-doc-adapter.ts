/**
 * src/emit/doc.ts rebuilt on prettier's own document printer (`prettier/doc`: its builders and
 * `printDocToString`), with the same exports, for bench/probes/prettier-doc.js (issue 13, item 4).
 * The probe bundles the emitter with this module in place of doc.ts; nothing in src/ imports it.
 *
 * Where doc.ts has shortcuts (a group's flat text known when it is built, broken lists printed item
 * by item), this module keeps only what prettier has: `groupWithFlat` and `brokenList` are plain
 * groups, and prettier's `propagateBreaks` (run by `printDocToString`) finds the hard lines.
 */
import { builders, printer } from "prettier/doc";
import type * as ours from "../../src/emit/doc.js";

export type Doc = builders.Doc;
export type BrokenList = ours.BrokenList;

const { align, conditionalGroup: prettierConditionalGroup, group: prettierGroup, ifBreak: prettierIfBreak, indent: prettierIndent, indentIfBreak } = builders;

export const line: Doc = builders.line;
export const softline: Doc = builders.softline;
export const hardline: Doc = builders.hardline;

export function indent(contents: Doc): Doc {
  return prettierIndent(contents);
}

export function ifBreak(breakContents: Doc, flatContents: Doc = ""): Doc {
  return prettierIfBreak(breakContents, flatContents);
}

export function group(contents: Doc, shouldBreak = false): Doc {
  return prettierGroup(contents, { shouldBreak });
}

export function brokenList(open: string, items: readonly Doc[], close: string, soft = false): Doc {
  const edge = soft ? softline : line;
  return prettierGroup([open, prettierIndent([edge, join([",", line], items)]), prettierIfBreak(","), edge, close], { shouldBreak: true });
}

/** The flat text and the list are doc.ts's shortcuts; prettier measures the contents itself. */
export function groupWithFlat(contents: Doc, _flat: string, _list?: BrokenList): Doc {
  return prettierGroup(contents);
}

export function conditionalGroup(states: readonly Doc[]): Doc {
  return prettierConditionalGroup([...states]);
}

export function join(separator: Doc, docs: readonly Doc[]): Doc[] {
  return builders.join(separator, [...docs]);
}

const OPTIONS: printer.Options = { printWidth: 80, tabWidth: 2, useTabs: false };

/**
 * Same contract as doc.ts: `baseIndent` indents continuation lines (prettier's `align`), `column` is
 * where the first line starts (a placeholder prefix of that width, cut off again; not spaces, which
 * prettier would trim before a line break).
 */
export function printDoc(doc: Doc, width: number, baseIndent = 0, column = baseIndent): string {
  const body = baseIndent === 0 ? doc : align(baseIndent, doc);
  const options = width === OPTIONS.printWidth ? OPTIONS : { ...OPTIONS, printWidth: width };
  if (column === 0) return printer.printDocToString(body, options).formatted;
  return printer.printDocToString(["x".repeat(column), body], options).formatted.slice(column);
}

/**
 * prettier's printer has no public `fits`, so this asks it through a layout: `group(line)` before the
 * document stays flat exactly when the document's first line (in break mode) fits in `width`. It
 * prints the whole document once more; the probe's "prettier, assignment layout" variant avoids that.
 */
export function firstLineFits(doc: Doc, width: number): boolean {
  const probe = printer.printDocToString([prettierGroup(line), doc], { ...OPTIONS, printWidth: width + 1 });
  return probe.formatted.startsWith(" ");
}

/**
 * `head rhs` or `head` + an indented `rhs` on the next line: prettier's "fluid" assignment layout
 * (`group(indent(line), { id })` then `indentIfBreak(rhs, { groupId })`), one print. The probe swaps
 * print.ts's variable printing to this in its second variant.
 */
export function printAssignment(head: string, rhs: Doc, width: number): string {
  const id = Symbol("assignment");
  const doc = prettierGroup([head, prettierGroup(prettierIndent(line), { id }), indentIfBreak(rhs, { groupId: id })]);
  return printDoc(doc, width);
}

// Same exports as doc.ts (printAssignment is extra): a type error here means doc.ts changed.
type Exports = Omit<typeof import("./prettier-doc-adapter.js"), "printAssignment">;
type Ours = typeof ours;
export type SameExports = [keyof Ours] extends [keyof Exports] ? ([keyof Exports] extends [keyof Ours] ? true : never) : never;
const sameExports: SameExports = true;
void sameExports;
