/**
 * The part every command shares: check that the inputs exist, compile them through the CLI host, and
 * queue the diagnostics. Returns the schema, or the exit code to stop with.
 */
import { statSync } from "node:fs";
import * as path from "node:path";
import { compile, type CompileResult } from "../compile.js";
import { createDiagnostic } from "../diagnostics/diagnostic.js";
import { Diagnostics } from "../diagnostics/codes.js";
import type { CimSchema } from "../model/schema.js";
import { ExitCode } from "./exit-code.js";
import { cliHost, type ReadObserver } from "./host.js";
import type { CliIo } from "./io.js";
import type { CompileSettings } from "./options.js";
import type { Reporter } from "./report.js";

export type CompileStep =
  | { readonly ok: true; readonly schema: CimSchema; readonly result: CompileResult }
  | { readonly ok: false; readonly code: ExitCode; readonly result?: CompileResult };

/** `observe` sees the bytes of every file the compiler reads (the run stamp hashes them). */
export function compileInputs(
  inputs: readonly string[],
  settings: CompileSettings,
  io: CliIo,
  reporter: Reporter,
  observe?: ReadObserver,
): CompileStep {
  const missing = [...inputs, ...settings.schemaFiles].filter((file) => !isFile(path.resolve(io.cwd, file)));
  if (missing.length > 0) {
    reporter.add(missing.map((file) => createDiagnostic(Diagnostics.InputNotFound, undefined, [file])));
    return { ok: false, code: ExitCode.Usage };
  }
  const result = compile(inputs, {
    host: cliHost(io.cwd, observe),
    includeDirs: settings.includeDirs,
    schemaFiles: settings.schemaFiles,
    strict: settings.strict,
    builtins: settings.builtins,
    classes: settings.classes,
    namespaces: settings.namespaces,
  });
  reporter.add(result.diagnostics, result.sources);
  if (result.failed || result.schema === undefined) return { ok: false, code: ExitCode.Failed, result };
  return { ok: true, schema: result.schema, result };
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
