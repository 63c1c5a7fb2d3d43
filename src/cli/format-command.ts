/**
 * `mof2ts format <file>`: prints the file in the canonical layout of `formatMof` (src/printer). Only
 * what the syntax tree holds is printed, so comments are dropped; a file with syntax errors is refused
 * (its diagnostics, exit 1) rather than printed with the broken parts missing.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { createDiagnostic, hasErrors } from "../diagnostics/diagnostic.js";
import { Diagnostics } from "../diagnostics/codes.js";
import { SourceFile } from "../diagnostics/source-file.js";
import { decodeBytes } from "../lexer/decode.js";
import { parse } from "../parser/parse.js";
import { formatMof } from "../printer/print.js";
import { ExitCode } from "./exit-code.js";
import type { CliIo } from "./io.js";
import type { Reporter } from "./report.js";

/** Formats `file` to stdout; diagnostics go to the reporter. */
export function runFormat(file: string, io: CliIo, reporter: Reporter): ExitCode {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path.resolve(io.cwd, file));
  } catch {
    reporter.add([createDiagnostic(Diagnostics.FileNotFound, undefined, [file])]);
    return ExitCode.Failed;
  }
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) {
    reporter.add([createDiagnostic(Diagnostics.BinaryFile, { file, start: 0, end: 0 }, [decoded.reason])]);
    return ExitCode.Failed;
  }
  const parsed = parse(decoded.text, file);
  reporter.add(parsed.diagnostics, new Map([[file, new SourceFile(file, decoded.text)]]));
  if (hasErrors(parsed.diagnostics)) return ExitCode.Failed;
  reporter.data(formatMof(parsed.file));
  return ExitCode.Ok;
}
