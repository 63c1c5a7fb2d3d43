/**
 * Renders a SchemaDiff as plain text (terminals, logs), Markdown (release notes, PR comments) or JSON
 * (tools). Each groups changes by class, breaking changes first within a class.
 */
import type { DiffFormat, SchemaChange, SchemaDiff } from "./types.js";
import { inert } from "../diagnostics/format.js";

export function renderDiff(diff: SchemaDiff, format: DiffFormat = "text"): string {
  if (format === "json") return JSON.stringify(diff, null, 2) + "\n";
  if (format === "markdown") return renderMarkdown(diff);
  return renderText(diff);
}

/** One sentence with the headline figures. */
export function summaryLine(diff: SchemaDiff): string {
  const s = diff.summary;
  return (
    `${count(s.classesAdded, "class", "classes")} added, ${s.classesRemoved} removed, ${s.classesChanged} changed; ` +
    `${count(s.breaking, "breaking change", "breaking changes")}, ${s.compatible} compatible.`
  );
}

function renderText(diff: SchemaDiff): string {
  if (diff.changes.length === 0) return "No changes.\n";
  const lines = [summaryLine(diff), ""];
  for (const group of groupByClass(diff.changes)) {
    lines.push(inert(`${group.className} (${group.namespace})`));
    for (const change of group.changes) lines.push(`  ${change.grade === "breaking" ? "BREAKING  " : "compatible"}  ${inert(change.message)}`);
    lines.push("");
  }
  return lines.join("\n");
}

function renderMarkdown(diff: SchemaDiff): string {
  const s = diff.summary;
  const lines = [
    "# Schema changes",
    "",
    "| | count |",
    "| --- | ---: |",
    `| Classes added | ${s.classesAdded} |`,
    `| Classes removed | ${s.classesRemoved} |`,
    `| Classes changed | ${s.classesChanged} |`,
    `| Breaking changes | ${s.breaking} |`,
    `| Compatible changes | ${s.compatible} |`,
    "",
  ];
  for (const [grade, title] of [
    ["breaking", "Breaking changes"],
    ["compatible", "Compatible changes"],
  ] as const) {
    const changes = diff.changes.filter((c) => c.grade === grade);
    lines.push(`## ${title}`, "");
    if (changes.length === 0) lines.push("None.", "");
    for (const group of groupByClass(changes)) {
      lines.push(`### ${escapeMarkdown(group.className)}`, "");
      for (const change of group.changes) lines.push(`- ${escapeMarkdown(change.message)}`);
      lines.push("");
    }
  }
  return lines.join("\n");
}

interface ClassGroup {
  readonly namespace: string;
  readonly className: string;
  readonly changes: SchemaChange[];
}

/** Consecutive changes of one class (the diff is sorted by class), breaking first, order kept otherwise. */
function groupByClass(changes: readonly SchemaChange[]): ClassGroup[] {
  const groups: ClassGroup[] = [];
  for (const change of changes) {
    const last = groups.at(-1);
    if (last !== undefined && last.namespace === change.namespace && last.className === change.className) last.changes.push(change);
    else groups.push({ namespace: change.namespace, className: change.className, changes: [change] });
  }
  for (const group of groups) {
    const breaking = group.changes.filter((c) => c.grade === "breaking");
    const compatible = group.changes.filter((c) => c.grade !== "breaking");
    group.changes.splice(0, group.changes.length, ...breaking, ...compatible);
  }
  return groups;
}

/** Schema text (labels, qualifier values) is data: keep it from forming Markdown or HTML. */
function escapeMarkdown(text: string): string {
  return inert(text).replace(/[\\`*[\]<>|]/g, (c) => `\\${c}`);
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
