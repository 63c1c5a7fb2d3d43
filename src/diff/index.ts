/**
 * Schema diff: compare two resolved schemas and grade each change for the generated TypeScript.
 */
export { diffSchemas } from "./diff.js";
export { renderDiff, summaryLine } from "./render.js";
export type { ChangeGrade, ChangeKind, DiffFormat, DiffOptions, DiffSummary, Int64Style, SchemaChange, SchemaDiff } from "./types.js";
