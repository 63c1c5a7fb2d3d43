/**
 * parse(text, fileName) -> syntax tree + diagnostics (MOF10xx/11xx). STUB: replaced by the front end.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { MofFile } from "../ast/nodes.js";

export interface ParseResult {
  readonly file: MofFile;
  readonly diagnostics: readonly Diagnostic[];
}

export function parse(text: string, fileName: string): ParseResult {
  return {
    file: { kind: "MofFile", file: fileName, statements: [], span: { file: fileName, start: 0, end: text.length } },
    diagnostics: [],
  };
}
