/**
 * Schema text → JSDoc. Descriptions come from the MOF author, so they are treated as untrusted:
 * after `escapeDocText` no text can close the comment, start a bogus tag or break the file's encoding.
 */
import type { CimQualifier, CimValue, QualifierSet } from "../model/schema.js";

/** One JSDoc block as data: description paragraphs, then `@tag text` lines. */
export interface DocBlock {
  readonly description: string;
  readonly tags: readonly DocTag[];
}

export interface DocTag {
  readonly name: string;
  readonly text?: string;
}

/**
 * Makes text safe inside a `/** … *\/` block:
 * - `*\/` can never appear (`*` followed by `/` becomes `*\/` with a backslash between);
 * - CR LF and CR become LF; U+2028/U+2029 become LF (they are line terminators);
 * - NUL, other C0/C1 control characters (except tab and LF), lone surrogates and U+FEFF become U+FFFD
 *   or a space (tab, vertical tab, form feed);
 * - `@` after a line start or whitespace becomes `\@` so text cannot start a block tag (TSDoc escape);
 * - trailing spaces on each line and blank lines at both ends are removed.
 */
export function escapeDocText(text: string): string {
  // Most descriptions need none of the rewrites below, and most others only lose spaces at line ends.
  const need = escapeNeeds(text);
  if (need === Needs.Nothing) return text;
  if (need === Needs.LineEnds) return trimLineEnds(text);
  const cleaned = text
    .replace(/\r\n?|[\u2028\u2029]/g, "\n")
    .replace(/[\t\v\f]/g, " ")
    .replace(/[\u0000-\u0008\u000e-\u001f\u007f-\u009f\ufeff]/g, "\ufffd")
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd")
    .replace(/\*\//g, "*\\/")
    .replace(/(^|\s)@/g, "$1\\@");
  const lines = cleaned
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n");
  return trimNewlines(lines);
}

/** What `escapeDocText` has to do with a text. */
const Needs = {
  Nothing: 0,
  /** Only spaces before line breaks, or blanks at either end. */
  LineEnds: 1,
  Everything: 2,
} as const;
type Needs = (typeof Needs)[keyof typeof Needs];

/** Characters only the full rewrite handles: controls other than LF, C1, U+2028/2029, BOM, surrogates. */
const NEEDS_REWRITE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff\ud800-\udfff]/;
/** `@` at the start or after white space (what the rewrite escapes; `{@link …}` needs nothing). */
const TAG_START = /(?:^|\s)@/;

/**
 * What `escapeDocText` has to do: nothing; only trim line ends (a space before a line break, a
 * blank at either end); or the full rewrite (see NEEDS_REWRITE, `*\/`, TAG_START). Native searches
 * only (one character class, `includes`): descriptions are most of a schema's text, and this runs
 * before the JIT has warmed up.
 */
function escapeNeeds(text: string): Needs {
  if (text.includes("*/") || NEEDS_REWRITE.test(text) || (text.includes("@") && TAG_START.test(text))) return Needs.Everything;
  const n = text.length;
  if (n === 0) return Needs.Nothing;
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(n - 1);
  return first === 32 || first === 10 || last === 32 || last === 10 || text.includes(" \n") ? Needs.LineEnds : Needs.Nothing;
}

/** What `trimEnd` removes, except line terminators (text reaching `trimLineEnds` has only LF). */
const LINE_END_BLANKS = /[\t\v\f \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\ufeff]+$/gm;

/**
 * The last step of `escapeDocText` alone, for text that needs nothing else: each line loses what
 * `String.prototype.trimEnd` removes, and blank lines at both ends go.
 */
function trimLineEnds(text: string): string {
  return trimNewlines(text.replace(LINE_END_BLANKS, ""));
}

/** Text without line breaks at either end (a scan of the ends, not a regex over the whole text). */
function trimNewlines(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) === 10) start++;
  while (end > start && text.charCodeAt(end - 1) === 10) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

/** Reads a qualifier by name key (lower case) from an effective qualifier set. */
export function qualifier(set: QualifierSet, key: string): CimQualifier | undefined {
  return set.get(key);
}

/** True when a boolean qualifier is present with a true (or null = implied true) value. */
export function isQualifierTrue(set: QualifierSet, key: string): boolean {
  const q = set.get(key);
  return q !== undefined && (q.value === true || q.value === null);
}

/** The string values of a string or string-array qualifier, in order; empty when absent. */
export function qualifierStrings(set: QualifierSet, key: string): string[] {
  const value = set.get(key)?.value;
  if (value === undefined || value === null) return [];
  const items = Array.isArray(value) ? value : [value];
  return items.filter((item): item is string => typeof item === "string");
}

/** A number (or bigint) qualifier value as text, or undefined. */
export function qualifierNumber(set: QualifierSet, key: string): string | undefined {
  const value = set.get(key)?.value;
  return typeof value === "number" || typeof value === "bigint" ? String(value) : undefined;
}

/**
 * The tags every documented element shares, from its qualifiers: `@deprecated` (naming the
 * replacement from the Deprecated qualifier), `@experimental`, `@unit` (PUnit, else Units),
 * `@maxLength` (MaxLen), `@minValue`, `@maxValue`, `@see` (ModelCorrespondence).
 */
export function qualifierTags(set: QualifierSet): DocTag[] {
  const tags: DocTag[] = [];
  if (set.has("deprecated")) {
    const replacements = qualifierStrings(set, "deprecated").filter((name) => !/^no value$/i.test(name.trim()));
    tags.push({
      name: "deprecated",
      text: replacements.length === 0 ? "Deprecated in the schema." : `Use ${replacements.join(", ")} instead.`,
    });
  }
  if (isQualifierTrue(set, "experimental")) tags.push({ name: "experimental" });
  const unit = qualifierStrings(set, "punit")[0] ?? qualifierStrings(set, "units")[0];
  if (unit !== undefined) tags.push({ name: "unit", text: unit });
  const maxLen = qualifierNumber(set, "maxlen");
  if (maxLen !== undefined) tags.push({ name: "maxLength", text: maxLen });
  const minValue = qualifierNumber(set, "minvalue");
  if (minValue !== undefined) tags.push({ name: "minValue", text: minValue });
  const maxValue = qualifierNumber(set, "maxvalue");
  if (maxValue !== undefined) tags.push({ name: "maxValue", text: maxValue });
  for (const target of qualifierStrings(set, "modelcorrespondence")) tags.push({ name: "see", text: target });
  return tags;
}

/** A CIM value rendered for documentation (`15`, `false`, `"text"`, `[1, 2]`). */
export function formatValueForDoc(value: CimValue): string {
  if (value === null) return "null";
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return `[${value.map((item: CimValue) => formatValueForDoc(item)).join(", ")}]`;
  if ("kind" in value) {
    if (value.kind === "alias") return `$${value.name}`;
    if (value.kind === "enum") return value.name;
    return `instance of ${value.instance.className}`;
  }
  return "";
}

/**
 * The finished comment text (without indentation) for a block, or undefined when it is empty.
 * Every line is escaped; tags follow the description after a blank line.
 */
export function renderDoc(block: DocBlock): string | undefined {
  const description = escapeDocText(block.description);
  // Built by concatenation: one block per documented element, most with one or no tag.
  let tags = "";
  for (const tag of block.tags) {
    const escaped = tag.text === undefined ? "" : escapeDocText(tag.text);
    const text = escaped.includes("\n") ? escaped.replace(/\n/g, " ") : escaped;
    const tagLine = text === "" ? `@${tag.name}` : `@${tag.name} ${text}`;
    tags = tags === "" ? tagLine : `${tags}\n${tagLine}`;
  }
  if (description === "") return tags === "" ? undefined : tags;
  return tags === "" ? description : `${description}\n\n${tags}`;
}

/** Non-empty paragraphs joined by a blank line (a doc's description, then its notes). */
export function paragraphs(...parts: readonly string[]): string {
  let text = "";
  for (const part of parts) {
    if (part === "") continue;
    text = text === "" ? part : `${text}\n\n${part}`;
  }
  return text;
}
