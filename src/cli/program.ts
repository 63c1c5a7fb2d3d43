/**
 * The command tree (commander 14): turns argv into an `Invocation` (which command, its arguments, and the
 * flags the user actually typed). It does no work itself; `main.ts` dispatches, `options.ts` validates.
 * No option has a commander default, so "absent" means "not given" and the config file can fill it in.
 */
import { Command, CommanderError, Option } from "commander";

/** Flags shared by every command that compiles MOF. */
export interface CompileFlags {
  readonly include?: string[];
  readonly schema?: string[];
  readonly class?: string[];
  readonly namespace?: string[];
  readonly strict?: boolean;
  /** False with `--no-builtins`; commander leaves it true otherwise, which means "not given". */
  readonly builtins?: boolean;
  readonly config?: string;
  readonly diagnostics?: string;
  readonly quiet?: boolean;
  readonly verbose?: boolean;
}

export interface GenerateFlags extends CompileFlags {
  readonly outDir?: string;
  readonly singleFile?: string;
  readonly flatten?: boolean;
  readonly enumStyle?: string;
  readonly int64?: string;
  readonly emit?: string;
  readonly prettierConfig?: string;
  readonly check?: boolean;
  readonly watch?: boolean;
  readonly binding?: string[];
  readonly wsmanUri?: string[];
}

export interface InspectFlags extends CompileFlags {
  readonly json?: boolean;
}

export interface DiffFlags extends CompileFlags {
  readonly old?: string[];
  readonly new?: string[];
  readonly format?: string;
  readonly failOn?: string;
  readonly int64?: string;
}

/** `format` reads one file and compiles nothing; it takes only the output flags. */
export type FormatFlags = Pick<CompileFlags, "config" | "diagnostics" | "quiet" | "verbose">;

export type Invocation =
  | { readonly command: "generate"; readonly inputs: readonly string[]; readonly flags: GenerateFlags }
  | { readonly command: "inspect"; readonly inputs: readonly string[]; readonly flags: InspectFlags }
  | { readonly command: "diff"; readonly inputs: readonly string[]; readonly flags: DiffFlags }
  | { readonly command: "format"; readonly inputs: readonly string[]; readonly flags: FormatFlags };

/** What parsing argv ended in: a command to run, or text commander already wrote (help, version), or a usage error. */
export type ParseOutcome =
  | { readonly kind: "run"; readonly invocation: Invocation }
  | { readonly kind: "done" }
  | { readonly kind: "usage-error"; readonly message: string };

export const ISSUES_URL = "https://github.com/mof2ts/mof2ts/issues";

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

function addCompileOptions(cmd: Command): Command {
  return cmd
    .option("-I, --include <dir>", "folder searched for #pragma include files (repeatable)", collect)
    .option("--schema <file>", "base schema used only to resolve what the inputs need (repeatable)", collect)
    .option("--class <pattern>", "keep only these classes and what they need; * wildcards (repeatable)", collect)
    .option("--namespace <name>", "keep only classes in this namespace, e.g. root/cimv2 (repeatable)", collect)
    .option("--strict", "require qualifier declarations and DSP0004 scope/type conformance")
    .option("--no-builtins", "do not fall back to the built-in platform classes (WMI system, WDK, hi-perf counters, PowerShell DSC)")
    .option("--config <file>", "options file (default: ./mof2ts.config.json when present); flags win over it")
    .addOption(
      new Option("--diagnostics <style>", "how problems are printed (default: pretty on a terminal, else plain)").choices([
        "pretty",
        "plain",
        "json",
      ]),
    )
    .option("--quiet", "print errors only")
    .option("--verbose", "print every file written, timings, and stack traces of internal errors");
}

const generateExamples = `
Examples:
  $ mof2ts fixtures/smiscsitarget/SmIscsiTarget.mof -o out
  $ mof2ts cim_schema_2.49.0.mof --class 'CIM_*Synchronized' -o src/cim
  $ mof2ts vendor.mof --schema cim_schema_2.49.0.mof --single-file src/vendor.ts
  $ mof2ts vendor.mof -o src/generated --check        # in CI: fail when the output is stale

Exit codes: 0 ok (warnings allowed), 1 errors in the input or stale output (--check), 2 usage or I/O errors.`;

/** Builds the program; `write` receives help and version text. */
export function buildProgram(version: string, write: { out: (s: string) => void }): { program: Command; result: () => Invocation | undefined } {
  let invocation: Invocation | undefined;
  const program = new Command("mof2ts")
    .description("Turn DMTF CIM / WMI MOF schemas into typed TypeScript.")
    .version(version, "-V, --version", "print the version")
    .helpOption("-h, --help", "show help")
    .showSuggestionAfterError(true)
    .addHelpText("after", generateExamples.replace("Examples:", "Examples (generate is the default command):"));

  const generate = program
    .command("generate", { isDefault: true })
    .description("generate TypeScript from MOF files (the default command)")
    .argument("[inputs...]", "MOF files (their #pragma include files are read too)")
    .option("-o, --out-dir <dir>", "output folder: a file per class plus index.ts")
    .option("--single-file <file>", "write everything into one file (relative to -o when given)")
    .option("--flatten", "give every interface all inherited properties instead of extends")
    .addOption(new Option("--enum-style <style>", "value maps as TypeScript enums or as const objects").choices(["enum", "const"]))
    .addOption(new Option("--int64 <type>", "TypeScript type for uint64/sint64").choices(["number", "bigint", "string"]))
    .addOption(
      new Option("--emit <mode>", "ts (default): TypeScript modules; js: ESM .js plus .d.ts per module; types: declarations only").choices([
        "ts",
        "js",
        "types",
      ]),
    )
    .option("--prettier-config <file>", "format the output with this Prettier config instead of the pinned defaults")
    .option("--binding <name>", "also generate a protocol binding: wsman (WS-Management request builders) (repeatable)", collect)
    .option("--wsman-uri <prefix=uri>", "WS-Management resource URI for classes with this prefix, e.g. AMT_=http://intel.com/wbem/wscim/1/amt-schema/1/ or Foo_=wmi (repeatable)", collect)
    .option("--check", "write nothing; exit 1 when the files on disk differ from what would be generated")
    .option("--watch", "regenerate whenever an input or included file changes");
  addCompileOptions(generate)
    .addHelpText("after", generateExamples)
    .action((inputs: string[], flags: GenerateFlags) => {
      invocation = { command: "generate", inputs, flags };
    });

  addCompileOptions(
    program
      .command("inspect")
      .description("print the resolved schema model (classes with inherited features, value maps)")
      .argument("[inputs...]", "MOF files"),
  )
    .option("--json", "print the model as JSON (a stable shape for other tools)")
    .addHelpText(
      "after",
      `
Examples:
  $ mof2ts inspect SmIscsiTarget.mof
  $ mof2ts inspect cim_schema_2.49.0.mof --class CIM_Synchronized --json > model.json`,
    )
    .action((inputs: string[], flags: InspectFlags) => {
      invocation = { command: "inspect", inputs, flags };
    });

  addCompileOptions(
    program
      .command("diff")
      .description("compare two schema versions and grade each change breaking or compatible")
      .argument("[old]", "old schema: a top-level MOF file (its includes are read too)")
      .argument("[new]", "new schema")
      .option("--old <files...>", "old schema as several files")
      .option("--new <files...>", "new schema as several files"),
  )
    .addOption(new Option("--format <format>", "report format (default: text)").choices(["text", "markdown", "json"]))
    .addOption(new Option("--fail-on <level>", "exit 1 when a change of this grade is found").choices(["breaking"]))
    .addOption(
      new Option("--int64 <type>", "the --int64 your code is generated with (default: number); grades uint32 -> uint64 by it").choices([
        "number",
        "bigint",
        "string",
      ]),
    )
    .addHelpText(
      "after",
      `
Examples:
  $ mof2ts diff cim_schema_2.41.0.mof cim_schema_2.49.0.mof
  $ mof2ts diff --old v1/a.mof v1/b.mof --new v2/a.mof v2/b.mof --format markdown > CHANGES.md
  $ mof2ts diff old.mof new.mof --fail-on breaking    # in CI: exit 1 on a breaking change`,
    )
    .action((oldFile: string | undefined, newFile: string | undefined, flags: DiffFlags) => {
      invocation = { command: "diff", inputs: [oldFile, newFile].filter((f): f is string => f !== undefined), flags };
    });

  program
    .command("format")
    .description("print a MOF file in canonical layout (comments are not kept)")
    .argument("<file>", "MOF file")
    .addOption(new Option("--diagnostics <style>", "how problems are printed (default: pretty on a terminal, else plain)").choices(["pretty", "plain", "json"]))
    .option("--quiet", "print errors only")
    .option("--verbose", "print stack traces of internal errors")
    .addHelpText(
      "after",
      `
The layout is that of the library's formatMof(): comments are not kept, nor blank lines. A file with
syntax errors is not printed: its diagnostics are, with exit code 1. Includes are not followed.

Examples:
  $ mof2ts format vendor.mof > vendor.formatted.mof`,
    )
    .action((file: string, flags: FormatFlags) => {
      invocation = { command: "format", inputs: [file], flags };
    });

  program.exitOverride();
  for (const cmd of [program, ...program.commands]) {
    cmd.exitOverride();
    cmd.configureOutput({ writeOut: write.out, writeErr: write.out, outputError: () => {} });
  }
  return { program, result: () => invocation };
}

/** Parses argv (without the node and script entries). Never exits the process. */
export async function parseArgv(argv: readonly string[], version: string, out: (s: string) => void): Promise<ParseOutcome> {
  const { program, result } = buildProgram(version, { out });
  try {
    await program.parseAsync([...argv], { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return { kind: "done" };
      return { kind: "usage-error", message: sentence(error.message.replace(/^error:\s*/i, "")) };
    }
    throw error;
  }
  const invocation = result();
  return invocation === undefined ? { kind: "done" } : { kind: "run", invocation };
}

function sentence(text: string): string {
  const trimmed = text.trim();
  const first = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(first) ? first : first + ".";
}
