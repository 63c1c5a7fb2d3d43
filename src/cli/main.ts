/**
 * The command-line program. `run(argv)` parses, dispatches to a command and returns the exit code; it
 * never calls process.exit. User errors are MOF50xx diagnostics without stack traces; anything else is
 * reported as a bug in mof2ts (with the stack only under --verbose).
 */
import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { createDiagnostic } from "../diagnostics/diagnostic.js";
import { Diagnostics } from "../diagnostics/codes.js";
import type { DiagnosticStyle } from "../diagnostics/format.js";
import { writeInspectJson } from "../model/inspect-json-text.js";
import { compileInputs } from "./compile-step.js";
import { ExitCode } from "./exit-code.js";
import { generateOnce, watchGenerate } from "./generate-command.js";
import { runDiff } from "./diff-command.js";
import { runFormat } from "./format-command.js";
import { writeInspectText } from "./inspect-text.js";
import { processIo, type CliIo } from "./io.js";
import { closest, compileSettings, diffSettings, errorText, generateSettings, loadConfig, type LoadedConfig } from "./options.js";
import { ISSUES_URL, parseArgv, type Invocation } from "./program.js";
import { Reporter } from "./report.js";

export { ExitCode } from "./exit-code.js";

/** Runs the CLI with `argv` (arguments after the script name) and returns the exit code. */
export async function run(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const verbose = argv.includes("--verbose");
  let reporter = new Reporter(io, { ...sniffStyle(argv), verbose });
  try {
    const parsed = await parseArgv(argv, packageVersion(), (text) => io.stdout.write(text));
    if (parsed.kind === "done") return ExitCode.Ok;
    if (parsed.kind === "usage-error") {
      reporter.add([createDiagnostic(Diagnostics.UsageError, undefined, [parsed.message])]);
      reporter.flush();
      return ExitCode.Usage;
    }
    const config = loadConfig(io.cwd, parsed.invocation.flags.config);
    if (!config.ok) {
      reporter.add(config.diagnostics);
      reporter.flush();
      return ExitCode.Usage;
    }
    const shared = compileSettings(parsed.invocation.inputs, parsed.invocation.flags, config.settings);
    reporter = new Reporter(io, { ...(shared.diagnostics === undefined ? {} : { style: shared.diagnostics }), quiet: shared.quiet, verbose });
    const code = await dispatch(parsed.invocation, config.settings, io, reporter);
    reporter.flush();
    return code;
  } catch (error) {
    reporter.flush();
    reporter.add([createDiagnostic(Diagnostics.InternalError, undefined, [errorText(error), ISSUES_URL])]);
    reporter.flush();
    if (verbose && error instanceof Error && error.stack !== undefined) io.stderr.write(error.stack + "\n");
    return ExitCode.Usage;
  }
}

async function dispatch(invocation: Invocation, config: LoadedConfig, io: CliIo, reporter: Reporter): Promise<ExitCode> {
  switch (invocation.command) {
    case "generate": {
      const typo = mistypedCommand(invocation.inputs[0], io.cwd);
      if (typo !== undefined) return usage(reporter, [createDiagnostic(Diagnostics.UsageError, undefined, [typo])]);
      const settings = generateSettings(invocation.inputs, invocation.flags, config);
      if (!settings.ok) return usage(reporter, settings.diagnostics);
      return settings.settings.watch ? watchGenerate(settings.settings, io, reporter) : (await generateOnce(settings.settings, io, reporter)).code;
    }
    case "inspect": {
      const settings = compileSettings(invocation.inputs, invocation.flags, config);
      if (settings.inputs.length === 0) return usage(reporter, [createDiagnostic(Diagnostics.NoInputs, undefined)]);
      const step = compileInputs(settings.inputs, settings, io, reporter);
      if (!step.ok) return step.code;
      const schema = step.schema;
      if (invocation.flags.json === true) reporter.dataChunks((sink) => writeInspectJson(schema, sink));
      else reporter.dataChunks((sink) => writeInspectText(schema, sink));
      return ExitCode.Ok;
    }
    case "diff": {
      const settings = diffSettings(invocation.inputs, invocation.flags, config);
      if (!settings.ok) return usage(reporter, settings.diagnostics);
      return runDiff(settings.settings, io, reporter);
    }
    case "format": {
      const file = invocation.inputs[0];
      if (file === undefined) return usage(reporter, [createDiagnostic(Diagnostics.NoInputs, undefined)]);
      return runFormat(file, io, reporter);
    }
  }
}

/** `mof2ts inpsect x.mof` would read "inpsect" as an input of the default command: name the command meant. */
function mistypedCommand(first: string | undefined, cwd: string): string | undefined {
  if (first === undefined || /[./\\]/.test(first) || existsSync(path.resolve(cwd, first))) return undefined;
  const command = closest(first, ["generate", "inspect", "diff", "format"]);
  return command === undefined ? undefined : `Unknown command '${first}'; did you mean '${command}'?`;
}

function usage(reporter: Reporter, diagnostics: Parameters<Reporter["add"]>[0]): ExitCode {
  reporter.add(diagnostics);
  return ExitCode.Usage;
}

/** `--diagnostics X` as typed, so errors found before full option parsing already use the asked style. */
function sniffStyle(argv: readonly string[]): { style?: DiagnosticStyle } {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = arg === "--diagnostics" ? argv[i + 1] : arg.startsWith("--diagnostics=") ? arg.slice("--diagnostics=".length) : undefined;
    if (value === "pretty" || value === "plain" || value === "json") return { style: value };
  }
  return {};
}

function packageVersion(): string {
  try {
    const json: unknown = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));
    if (json !== null && typeof json === "object" && "version" in json && typeof json.version === "string") return json.version;
  } catch {
    // fall through
  }
  return "0.0.0";
}
