/**
 * `--check`: the output plan read as a verdict. Files that would be written, created or removed are
 * reported one by one; the caller exits 1 when there is any. Nothing is written.
 */
import * as path from "node:path";
import { createDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { Diagnostics } from "../diagnostics/codes.js";
import type { OutputPlan } from "./output.js";

/** One diagnostic per stale, missing, extra or foreign file, sorted by path; `display` names a file for the user. */
export function checkDiagnostics(plan: OutputPlan, display: (absolute: string) => string): Diagnostic[] {
  const shown = (rel: string) => display(path.join(plan.outDir, ...rel.split("/")));
  const missing = new Set(plan.missing);
  const found: { path: string; diagnostic: Diagnostic }[] = [
    ...plan.write.map((f) => ({
      path: f.path,
      diagnostic: createDiagnostic(missing.has(f.path) ? Diagnostics.MissingFile : Diagnostics.StaleFile, undefined, [shown(f.path)]),
    })),
    ...plan.remove.map((p) => ({ path: p, diagnostic: createDiagnostic(Diagnostics.ExtraFile, undefined, [shown(p)]) })),
    ...plan.foreign.map((p) => ({ path: p, diagnostic: createDiagnostic(Diagnostics.ForeignFile, undefined, [shown(p)]) })),
  ];
  return found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)).map((f) => f.diagnostic);
}
