/**
 * `mof2ts diff`: compile both sides with the same settings, compare, print the report on stdout.
 */
import { createDiagnostic } from "../diagnostics/diagnostic.js";
import { Diagnostics } from "../diagnostics/codes.js";
import { diffSchemas, renderDiff } from "../diff/index.js";
import { compileInputs } from "./compile-step.js";
import { ExitCode } from "./exit-code.js";
import type { CliIo } from "./io.js";
import type { DiffSettings } from "./options.js";
import { createProgress } from "./progress.js";
import type { Reporter } from "./report.js";

/** Exit 1 when a side has errors, or with --fail-on breaking when a breaking change is found. */
export function runDiff(settings: DiffSettings, io: CliIo, reporter: Reporter): ExitCode {
  const progress = createProgress(io.stderr, !reporter.quiet && reporter.style !== "json");
  try {
    progress.stage("reading the old schema");
    const before = compileInputs(settings.oldInputs, settings, io, reporter);
    progress.stage("reading the new schema");
    const after = compileInputs(settings.newInputs, settings, io, reporter);
    if (!before.ok) return before.code;
    if (!after.ok) return after.code;
    progress.stage("comparing");
    const diff = diffSchemas(before.schema, after.schema, settings.int64 === undefined ? {} : { int64: settings.int64 });
    progress.done();
    reporter.data(renderDiff(diff, settings.format));
    if (settings.failOnBreaking && diff.summary.breaking > 0) {
      reporter.add([createDiagnostic(Diagnostics.BreakingChanges, undefined, [diff.summary.breaking])]);
      return ExitCode.Failed;
    }
    return ExitCode.Ok;
  } finally {
    progress.done();
  }
}
