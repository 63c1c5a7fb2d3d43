/** Compiles MOF text held in memory, for resolve and model tests. */
import { compile, type CompileOptions, type CompileResult } from "../../src/compile.js";
import { memoryHost } from "../../src/host.js";
import type { CimClass, CimMethod, CimProperty, CimSchema } from "../../src/model/schema.js";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";

export interface MofCase extends Omit<CompileOptions, "host"> {
  /** Input files; default: the first file of `files`. */
  readonly inputs?: readonly string[];
}

export function compileMof(files: Readonly<Record<string, string>>, options: MofCase = {}): CompileResult {
  const inputs = options.inputs ?? [Object.keys(files)[0]!];
  return compile(inputs, { ...options, host: memoryHost(files) });
}

/** Compiles one MOF text as `main.mof`. */
export function compileText(text: string, options: MofCase = {}): CompileResult {
  return compileMof({ "main.mof": text }, options);
}

export function findClass(schema: CimSchema | undefined, name: string): CimClass {
  for (const ns of schema?.namespaces ?? []) {
    for (const cls of ns.classes) if (cls.name.toLowerCase() === name.toLowerCase()) return cls;
  }
  throw new Error(`class ${name} not in schema`);
}

export function property(cls: CimClass, name: string): CimProperty {
  const found = cls.properties.find((p) => p.name.toLowerCase() === name.toLowerCase());
  if (found === undefined) throw new Error(`property ${name} not in ${cls.name}`);
  return found;
}

export function method(cls: CimClass, name: string): CimMethod {
  const found = cls.methods.find((m) => m.name.toLowerCase() === name.toLowerCase());
  if (found === undefined) throw new Error(`method ${name} not in ${cls.name}`);
  return found;
}

export function codes(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => d.code);
}

export function classNames(schema: CimSchema | undefined): string[] {
  return (schema?.namespaces ?? []).flatMap((ns) => ns.classes.map((c) => `${ns.name}:${c.name}`));
}

const fixturesRoot = new URL("../../fixtures/model/", import.meta.url).pathname;

/** Compiles files of `fixtures/model/<rule>/` from disk (names relative to that folder). */
export function compileFixture(rule: string, inputs: readonly string[] = ["main.mof"], options: Omit<CompileOptions, "host"> = {}): CompileResult {
  const folder = `${fixturesRoot}${rule}/`;
  return compile(
    inputs.map((f) => folder + f),
    { ...options, schemaFiles: (options.schemaFiles ?? []).map((f) => folder + f) },
  );
}

/** Diagnostics as `code line:col message` lines, for readable assertions. */
export function described(result: CompileResult): string[] {
  return result.diagnostics.map((d) => {
    const source = d.span === undefined ? undefined : result.sources.get(d.span.file);
    const at = d.span === undefined || source === undefined ? "-" : `${source.positionAt(d.span.start).line}:${source.positionAt(d.span.start).column}`;
    return `${d.code} ${at} ${d.message}`;
  });
}
