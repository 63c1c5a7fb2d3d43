/**
 * Orchestration of the front half of the pipeline: read + decode + parse every input and included file,
 * then resolve them into a schema model. No formatting, no argv, no writing: the CLI does those.
 */
import { nodeHost, type CompilerHost } from "./host.js";
import { sortDiagnostics, hasErrors, type Diagnostic } from "./diagnostics/diagnostic.js";
import type { SourceFile } from "./diagnostics/source-file.js";
import { appendAll } from "./diagnostics/append.js";
import { loadProgram } from "./parser/program-loader.js";
import { resolve, type ResolveOptions } from "./resolve/resolve.js";
import type { CimSchema } from "./model/schema.js";
import { loadPlatformSchema } from "./builtins/platform-schema.js";

export interface CompileOptions extends Omit<ResolveOptions, "base" | "sources" | "builtins"> {
  /** Defaults to the real file system. */
  readonly host?: CompilerHost;
  /** `-I` folders for `#pragma include`. */
  readonly includeDirs?: readonly string[];
  /** `--schema` files: base schemas used only to resolve what the inputs need. */
  readonly schemaFiles?: readonly string[];
  /** Resolve names no input or `--schema` file declares from the built-in platform classes (WMI
   *  system and event classes, WDK, hi-perf counters, PowerShell DSC). Default true. */
  readonly builtins?: boolean;
}

export interface CompileResult {
  /** Absent only when reading or parsing failed so badly that there is nothing to resolve. */
  readonly schema?: CimSchema;
  /** Sorted by file and position. */
  readonly diagnostics: readonly Diagnostic[];
  /** Decoded text of every file read, for code frames. */
  readonly sources: ReadonlyMap<string, SourceFile>;
  /** True when any diagnostic is an error. */
  readonly failed: boolean;
}

export function compile(inputs: readonly string[], options: CompileOptions = {}): CompileResult {
  const host = options.host ?? nodeHost();
  const loadOptions = { host, includeDirs: options.includeDirs ?? [] };
  const main = loadProgram(inputs, loadOptions);
  const bases = (options.schemaFiles ?? []).map((file) => loadProgram([file], loadOptions));
  const sources = new Map(main.sources);
  const diagnostics: Diagnostic[] = [...main.diagnostics];
  for (const base of bases) {
    for (const [name, source] of base.sources) sources.set(name, source);
    appendAll(diagnostics, base.diagnostics);
  }
  // Loaded only when a name is declared nowhere else; its source then joins the others for code frames.
  const builtins = () => {
    const platform = loadPlatformSchema();
    for (const [name, source] of platform.sources) sources.set(name, source);
    return platform.program;
  };
  const { builtins: useBuiltins, ...resolveOptions } = options;
  const resolved = resolve(main.program, {
    ...resolveOptions,
    base: bases.map((b) => b.program),
    sources: (name) => sources.get(name),
    ...(useBuiltins === false ? {} : { builtins }),
  });
  appendAll(diagnostics, resolved.diagnostics);
  return { schema: resolved.schema, diagnostics: sortDiagnostics(diagnostics), sources, failed: hasErrors(diagnostics) };
}
