/**
 * Reads the input files through a host, decodes them, parses them, and follows `#pragma include`
 * (relative to the including file, then each include directory in order). STUB: replaced by the front end.
 */
import type { CompilerHost } from "../host.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { SourceFile } from "../diagnostics/source-file.js";
import type { Program } from "../ast/program.js";

export interface LoadOptions {
  readonly host: CompilerHost;
  /** `-I` folders, searched in order after the including file's folder. */
  readonly includeDirs?: readonly string[];
}

export interface LoadResult {
  readonly program: Program;
  /** Every decoded file by name, for code frames in diagnostics. */
  readonly sources: ReadonlyMap<string, SourceFile>;
  readonly diagnostics: readonly Diagnostic[];
}

export function loadProgram(inputs: readonly string[], _options: LoadOptions): LoadResult {
  return { program: { roots: [], includes: new Map() }, sources: new Map(), diagnostics: [] };
}
