/**
 * `mof2ts generate` (the default command): compile, generate in memory, then write — or, with `--check`,
 * compare — the output folder. Nothing touches the disk unless the whole run succeeded and no file in the
 * way lacks our banner.
 */
import { createHash } from "node:crypto";
import * as path from "node:path";
import { builtinSchemaFile, loadPlatformSchema } from "../builtins/platform-schema.js";
import { createDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { Diagnostics } from "../diagnostics/codes.js";
import { generateWithDiagnostics, type GenerateOptions } from "../emit/generate.js";
import { importOnDemand } from "../emit/on-demand.js";
import { SourceFile } from "../diagnostics/source-file.js";
import { decodeBytes } from "../lexer/decode.js";
import { checkDiagnostics } from "./check.js";
import { compileInputs } from "./compile-step.js";
import { ExitCode } from "./exit-code.js";
import type { CliIo } from "./io.js";
import { errorText, type GenerateSettings } from "./options.js";
import { applyPlan, OutputError, planOutput, type OutputPlan } from "./output.js";
import { cliHost } from "./host.js";
import { createProgress } from "./progress.js";
import { RunStamp, stampDigest } from "./run-stamp.js";
import type { Reporter } from "./report.js";
import { watchLoop } from "./watch.js";

export interface GenerateOutcome {
  readonly code: ExitCode;
  /** Absolute paths of every file the run read (inputs, includes, base schemas, config): what --watch watches. */
  readonly readFiles: readonly string[];
}

/** One generate (or check) run. Diagnostics are queued on `reporter`; the caller flushes. */
export async function generateOnce(settings: GenerateSettings, io: CliIo, reporter: Reporter): Promise<GenerateOutcome> {
  const progress = createProgress(io.stderr, !reporter.quiet && reporter.style !== "json");
  const absolute = (file: string) => path.resolve(io.cwd, file);
  let readFiles = [...settings.inputs, ...settings.schemaFiles, ...(settings.configFile === undefined ? [] : [settings.configFile])].map(absolute);
  const started = performance.now();
  const shown = (file: string) => displayPath(io.cwd, file);
  // Nothing changed since the last clean run: its output is already on disk (see run-stamp.ts).
  const stamp = RunStamp.open(io.cwd, settings.outDir, stampSettings(settings));
  const upToDate = stamp?.check();
  if (upToDate !== undefined) {
    if (upToDate.diagnostics.length > 0) reporter.add(upToDate.diagnostics, sourcesOf(upToDate.diagnostics, io.cwd));
    const outDir = shown(absolute(settings.outDir));
    if (settings.check) reporter.status(`${upToDate.outputCount} generated files in ${outDir} are up to date.`);
    else reporter.status(`All ${upToDate.outputCount} files in ${outDir} were already up to date (${elapsed(started)}).`);
    return { code: ExitCode.Ok, readFiles: unique([...readFiles, ...upToDate.readFiles]) };
  }
  try {
    progress.stage("reading and resolving MOF");
    const readDigests = new Map<string, string>();
    const step = compileInputs(settings.inputs, settings, io, reporter, stamp === undefined ? undefined : (file, bytes) => readDigests.set(file, stampDigest(bytes)));
    // The built-in platform schema is no file of the user's: the tool fingerprint covers it.
    const sourceFiles = step.result === undefined ? [] : [...step.result.sources.keys()].filter((name) => name !== builtinSchemaFile);
    readFiles = unique([...readFiles, ...sourceFiles.map(absolute)]);
    if (!step.ok) return { code: step.code, readFiles };
    const classCount = step.schema.namespaces.reduce((n, ns) => n + ns.classes.length, 0);
    reporter.detail(`Resolved ${classCount} classes from ${step.result.sources.size} files in ${elapsed(started)}.`);

    const prettierOptions = await loadPrettierOptions(settings, io, reporter);
    if (prettierOptions === false) return { code: ExitCode.Usage, readFiles };

    progress.stage("generating TypeScript");
    const generateStarted = performance.now();
    const options: GenerateOptions = {
      layout: settings.singleFile === undefined ? "files" : "single",
      ...(settings.singleFile === undefined ? {} : { singleFileName: settings.singleFile }),
      flatten: settings.flatten,
      ...(settings.enumStyle === undefined ? {} : { enumStyle: settings.enumStyle }),
      ...(settings.int64 === undefined ? {} : { int64: settings.int64 }),
      ...(settings.emit === undefined ? {} : { emit: settings.emit }),
      ...(prettierOptions === undefined ? {} : { prettierOptions }),
      ...(settings.bindings === undefined ? {} : { bindings: settings.bindings }),
      ...(settings.wsmanUris === undefined ? {} : { wsmanUris: settings.wsmanUris }),
      banner: { inputs: bannerInputs(settings.inputs), hash: contentHash(step.result.sources) },
    };
    const generated = await generateWithDiagnostics(step.schema, options);
    const files = generated.files;
    reporter.add(generated.diagnostics);
    reporter.detail(`Generated ${files.length} files in ${elapsed(generateStarted)}.`);
    if (generated.diagnostics.some((d) => d.severity === "error")) return { code: ExitCode.Failed, readFiles };
    if (files.length === 0) {
      reporter.add([createDiagnostic(Diagnostics.NothingGenerated, undefined)]);
      return { code: ExitCode.Ok, readFiles };
    }

    progress.stage(settings.check ? "comparing with the output folder" : "writing");
    // The stamp keeps the run's warnings so a skipped run reports them again. A run formatted with the
    // user's prettier config is not stamped: its output also depends on the prettier installed.
    const stampRun = () => {
      if (settings.prettierConfig === undefined) stamp?.record(readFiles, files, [...step.result.diagnostics, ...generated.diagnostics], readDigests);
    };
    let plan: OutputPlan;
    try {
      plan = planOutput(absolute(settings.outDir), files, { ownsFolder: settings.singleFile === undefined });
    } catch (error) {
      return { code: outputFailure(error, reporter, shown), readFiles };
    }
    if (settings.check) {
      const problems = checkDiagnostics(plan, shown);
      reporter.add(problems);
      if (problems.length > 0) return { code: ExitCode.Failed, readFiles };
      reporter.status(`${files.length} generated files in ${shown(plan.outDir)} are up to date.`);
      stampRun();
      return { code: ExitCode.Ok, readFiles };
    }
    if (plan.foreign.length > 0) {
      reporter.add(plan.foreign.map((rel) => createDiagnostic(Diagnostics.ForeignFile, undefined, [shown(path.join(plan.outDir, rel))])));
      return { code: ExitCode.Usage, readFiles };
    }
    try {
      applyPlan(plan);
    } catch (error) {
      return { code: outputFailure(error, reporter, shown), readFiles };
    }
    stampRun();
    for (const file of plan.write) reporter.detail(`  wrote ${shown(path.join(plan.outDir, file.path))}`);
    for (const rel of plan.remove) reporter.detail(`  removed ${shown(path.join(plan.outDir, rel))}`);
    reporter.status(
      plan.write.length === 0 && plan.remove.length === 0
        ? `All ${files.length} files in ${shown(plan.outDir)} were already up to date (${elapsed(started)}).`
        : `Wrote ${plan.write.length} of ${files.length} files to ${shown(plan.outDir)} ` +
            `(${plan.unchanged.length} unchanged, ${plan.remove.length} removed) in ${elapsed(started)}.`,
    );
    return { code: ExitCode.Ok, readFiles };
  } finally {
    progress.done();
  }
}

/**
 * Code frames for replayed warnings: the files they point into, read again. The stamp has just checked
 * that every input is byte-identical to the recorded run, so the frames are the ones that run showed.
 */
function sourcesOf(diagnostics: readonly Diagnostic[], cwd: string): Map<string, SourceFile> {
  const host = cliHost(cwd);
  const sources = new Map<string, SourceFile>();
  const spans = diagnostics.flatMap((d) => [d.span, ...(d.related ?? []).map((r) => r.span)]);
  for (const span of spans) {
    if (span === undefined || sources.has(span.file)) continue;
    if (span.file === builtinSchemaFile) {
      for (const [name, source] of loadPlatformSchema().sources) sources.set(name, source);
      continue;
    }
    const bytes = host.readFile(span.file);
    const decoded = bytes === undefined ? undefined : decodeBytes(bytes);
    if (decoded?.ok === true) sources.set(span.file, new SourceFile(span.file, decoded.text));
  }
  return sources;
}

/** Everything in the settings that decides what a run writes (not how it reports or whether it only checks). */
function stampSettings(settings: GenerateSettings): unknown {
  const { quiet, verbose, diagnostics, watch, check, configFile, ...decisive } = settings;
  void [quiet, verbose, diagnostics, watch, check, configFile];
  return decisive;
}

/** `--prettier-config`: the options it resolves to; `undefined` when not asked for; `false` after reporting a failure. */
async function loadPrettierOptions(
  settings: GenerateSettings,
  io: CliIo,
  reporter: Reporter,
): Promise<Readonly<Record<string, unknown>> | undefined | false> {
  if (settings.prettierConfig === undefined) return undefined;
  const file = path.resolve(io.cwd, settings.prettierConfig);
  try {
    const prettier = await importOnDemand("prettier");
    // resolveConfig wants the path of a file to format; with `config` set it reads exactly that config.
    const options = await prettier.resolveConfig(path.join(path.resolve(io.cwd, settings.outDir), "index.ts"), {
      config: file,
      editorconfig: false,
    });
    if (options === null) throw new Error("it holds no options");
    return options as Readonly<Record<string, unknown>>;
  } catch (error) {
    reporter.add([createDiagnostic(Diagnostics.PrettierConfigFailed, undefined, [settings.prettierConfig, errorText(error)])]);
    return false;
  }
}

function outputFailure(error: unknown, reporter: Reporter, shown: (file: string) => string): ExitCode {
  if (!(error instanceof OutputError)) throw error;
  const definition =
    error.kind === "not-a-folder" ? Diagnostics.OutputNotFolder : error.kind === "read" ? Diagnostics.OutputReadFailed : Diagnostics.WriteFailed;
  reporter.add([createDiagnostic(definition, undefined, [shown(error.file), error.message])]);
  return ExitCode.Usage;
}

/** Inputs as the banner names them: `/`-separated and sorted, so input order never changes the output. */
function bannerInputs(inputs: readonly string[]): string[] {
  return inputs.map((file) => file.split(path.sep).join("/")).sort();
}

/** SHA-256 over the contents of every file read, independent of file names and order: `sha256:` + 16 hex digits. */
export function contentHash(sources: ReadonlyMap<string, SourceFile>): string {
  const perFile = [...sources.values()].map((file) => createHash("sha256").update(file.text).digest("hex")).sort();
  return "sha256:" + createHash("sha256").update(perFile.join("\n")).digest("hex").slice(0, 16);
}

/** A path relative to the working folder when it lies inside it, else absolute. */
function displayPath(cwd: string, file: string): string {
  const relative = path.relative(cwd, file);
  return relative === "" ? "." : relative.startsWith("..") || path.isAbsolute(relative) ? file : relative;
}

function unique(files: readonly string[]): string[] {
  return [...new Set(files)];
}

function elapsed(started: number): string {
  const ms = performance.now() - started;
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

/** `--watch`: generate, then again after every change to a file the last run read, until stopped. */
export async function watchGenerate(settings: GenerateSettings, io: CliIo, reporter: Reporter): Promise<ExitCode> {
  let last: ExitCode = ExitCode.Ok;
  await watchLoop(
    async () => {
      const outcome = await generateOnce(settings, io, reporter);
      reporter.flush();
      last = outcome.code;
      return outcome.readFiles;
    },
    io,
    (line) => reporter.status(line),
  );
  return last;
}
