/**
 * mof2ts public API. The pipeline, stage by stage (folders under src/):
 *
 *   bytes ──lexer/decode──▶ text ──lexer──▶ tokens ──parser──▶ syntax tree (ast/)
 *         ──resolve──▶ schema model (model/) ──emit──▶ TypeScript text ──cli──▶ files
 *
 * Dependency rule: stages are lexer → parser → resolve → emit → cli. `ast/` is what the parser produces
 * and resolve consumes; `model/` is what resolve produces and emit consumes. A stage imports stages to
 * its left, the data folders of its input and output, and `diagnostics/`. `emit/` never imports `ast/`.
 * Only `cli/` and `host.ts` touch `process` or `fs`. `builtins/` holds the built-in platform schema that
 * `compile` hands to resolve for names nothing else declares (its shipped MOF read through `nodeHost`).
 */
export { compile, type CompileOptions, type CompileResult } from "./compile.js";
export { parse, type ParseResult } from "./parser/parse.js";
/** Syntax tree → canonical MOF text (the inverse of `parse`, spans and comments aside). */
export { formatMof } from "./printer/print.js";
export { resolve, type ResolveOptions, type ResolveResult } from "./resolve/resolve.js";
export {
  generate,
  generateWithDiagnostics,
  GENERATED_BANNER_MARKER,
  isGeneratedText,
  type EmitMode,
  type GenerateOptions,
  type GenerateResult,
  type GeneratedFile,
} from "./emit/generate.js";
export { toInspectJson, inspectJsonFormatVersion, type Json as InspectJson } from "./model/inspect-json.js";
export {
  diffSchemas,
  renderDiff,
  type ChangeGrade,
  type ChangeKind,
  type DiffFormat,
  type DiffOptions,
  type DiffSummary,
  type SchemaChange,
  type SchemaDiff,
} from "./diff/index.js";
export { nodeHost, memoryHost, type CompilerHost } from "./host.js";
export { formatDiagnostics, formatDiagnostic, type DiagnosticStyle, type SourceLookup } from "./diagnostics/format.js";
export type { Diagnostic, Span, Severity } from "./diagnostics/diagnostic.js";
export { SourceFile } from "./diagnostics/source-file.js";
export type * from "./ast/nodes.js";
export type { Program } from "./ast/program.js";
export type * from "./model/schema.js";
export type * from "./model/value-map.js";
