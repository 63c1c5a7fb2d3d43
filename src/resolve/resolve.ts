/**
 * resolve(program) -> CimSchema + diagnostics (MOF2xxx). STUB: replaced by the model stage.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Program } from "../ast/program.js";
import type { CimSchema } from "../model/schema.js";

export interface ResolveOptions {
  /** Require qualifier declarations and DSP0004 scope/type conformance (lenient by default). */
  readonly strict?: boolean;
  /** Base schemas (`--schema`): used only to resolve what the inputs need; inputs win on name clashes. */
  readonly base?: readonly Program[];
  /** `--class` patterns (case-insensitive, `*` wildcards): keep these classes plus their closure. */
  readonly classes?: readonly string[];
  /** `--namespace` filter (normalized names). */
  readonly namespaces?: readonly string[];
}

export interface ResolveResult {
  readonly schema: CimSchema;
  readonly diagnostics: readonly Diagnostic[];
}

export function resolve(program: Program, _options: ResolveOptions = {}): ResolveResult {
  return {
    schema: { namespaces: [], qualifierTypes: new Map(), inputs: program.roots.map((r) => r.file) },
    diagnostics: [],
  };
}
