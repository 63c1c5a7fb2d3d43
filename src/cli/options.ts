/**
 * Settings for one run: the config file (explicit `--config`, else `mof2ts.config.json` in the working
 * folder) merged with the flags, flags winning, then validated. Paths in the config file are relative to
 * the config file's folder; paths on the command line are relative to the working folder.
 * Problems come back as MOF50xx diagnostics (all of them usage errors: exit 2).
 */
import { readFileSync, statSync } from "node:fs";
import * as path from "node:path";
import { createDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { Diagnostics } from "../diagnostics/codes.js";
import type { DiagnosticStyle } from "../diagnostics/format.js";
import type { CompileFlags, DiffFlags, GenerateFlags } from "./program.js";
import { BINDINGS, type Binding } from "../emit/options.js";

export const CONFIG_FILE_NAME = "mof2ts.config.json";

/** Settings every compiling command shares. */
export interface CompileSettings {
  readonly inputs: readonly string[];
  readonly includeDirs: readonly string[];
  readonly schemaFiles: readonly string[];
  readonly classes: readonly string[];
  readonly namespaces: readonly string[];
  readonly strict: boolean;
  /** Names no input or --schema file declares may come from the built-in platform classes. */
  readonly builtins: boolean;
  /** Absent: pretty on a terminal, plain otherwise. */
  readonly diagnostics?: DiagnosticStyle;
  readonly quiet: boolean;
  readonly verbose: boolean;
  /** The config file that was read, if any (watched by --watch). */
  readonly configFile?: string;
}

export interface GenerateSettings extends CompileSettings {
  /** Output folder; with `singleFile` alone, the single file's folder. */
  readonly outDir: string;
  /** File name of the single-file layout inside `outDir`. */
  readonly singleFile?: string;
  readonly flatten: boolean;
  readonly enumStyle?: "enum" | "const";
  readonly int64?: "number" | "bigint" | "string";
  readonly emit?: "ts" | "js" | "types";
  readonly prettierConfig?: string;
  readonly check: boolean;
  readonly watch: boolean;
  /** `--binding`: protocol bindings to generate (absent when none). */
  readonly bindings?: readonly Binding[];
  /** `--wsman-uri PREFIX=URI` / config `wsmanUris` (absent when none). */
  readonly wsmanUris?: Readonly<Record<string, string>>;
}

export interface DiffSettings extends CompileSettings {
  readonly oldInputs: readonly string[];
  readonly newInputs: readonly string[];
  readonly format: "text" | "markdown" | "json";
  readonly failOnBreaking: boolean;
  readonly int64?: "number" | "bigint" | "string";
}

type Validated<T> = { readonly ok: true; readonly settings: T } | { readonly ok: false; readonly diagnostics: Diagnostic[] };

/** What a config file may hold; keys mirror the long flags in camelCase. */
type FieldKind = "string" | "string[]" | "boolean" | "record" | readonly string[];
const CONFIG_FIELDS: Readonly<Record<string, FieldKind>> = {
  inputs: "string[]",
  include: "string[]",
  schema: "string[]",
  class: "string[]",
  namespace: "string[]",
  outDir: "string",
  singleFile: "string",
  flatten: "boolean",
  enumStyle: ["enum", "const"],
  int64: ["number", "bigint", "string"],
  emit: ["ts", "js", "types"],
  prettierConfig: "string",
  strict: "boolean",
  builtins: "boolean",
  diagnostics: ["pretty", "plain", "json"],
  bindings: "string[]",
  wsmanUris: "record",
};
/** Config values that are paths, resolved against the config file's folder. */
const PATH_FIELDS = new Set(["inputs", "include", "schema", "outDir", "singleFile", "prettierConfig"]);

export type ConfigValue = string | boolean | readonly string[] | Readonly<Record<string, string>>;
export interface LoadedConfig {
  readonly file?: string;
  readonly values: Readonly<Record<string, ConfigValue>>;
}

/** Reads and checks the config file; no file (and none asked for) is an empty config. */
export function loadConfig(cwd: string, explicit: string | undefined): Validated<LoadedConfig> {
  const file = explicit === undefined ? path.join(cwd, CONFIG_FILE_NAME) : path.resolve(cwd, explicit);
  const shown = explicit ?? CONFIG_FILE_NAME;
  if (!isFile(file)) {
    if (explicit === undefined) return { ok: true, settings: { values: {} } };
    return fail(createDiagnostic(Diagnostics.ConfigNotFound, undefined, [shown]));
  }
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    return fail(createDiagnostic(Diagnostics.ConfigReadFailed, undefined, [shown, errorText(error)]));
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    return fail(createDiagnostic(Diagnostics.ConfigInvalidJson, undefined, [shown, errorText(error)]));
  }
  if (json === null || typeof json !== "object" || Array.isArray(json)) {
    return fail(createDiagnostic(Diagnostics.ConfigWrongType, undefined, ["The top level", shown, "an object"]));
  }
  const diagnostics: Diagnostic[] = [];
  const values: Record<string, ConfigValue> = {};
  const base = path.dirname(file);
  for (const [key, value] of Object.entries(json)) {
    if (key === "$schema") continue;
    const kind = CONFIG_FIELDS[key];
    if (kind === undefined) {
      const suggestion = closest(key, Object.keys(CONFIG_FIELDS));
      const hint = suggestion === undefined ? `Known keys: ${Object.keys(CONFIG_FIELDS).join(", ")}.` : `Did you mean '${suggestion}'?`;
      diagnostics.push(createDiagnostic(Diagnostics.ConfigUnknownKey, undefined, [key, shown, hint]));
      continue;
    }
    const checked = checkValue(value, kind);
    if (checked === undefined) {
      diagnostics.push(createDiagnostic(Diagnostics.ConfigWrongType, undefined, [key, shown, describeKind(kind)]));
      continue;
    }
    values[key] = PATH_FIELDS.has(key) ? relocate(checked, base, cwd) : checked;
  }
  return diagnostics.length > 0 ? { ok: false, diagnostics } : { ok: true, settings: { file, values } };
}

function checkValue(value: unknown, kind: FieldKind): ConfigValue | undefined {
  if (kind === "string") return typeof value === "string" && value !== "" ? value : undefined;
  if (kind === "boolean") return typeof value === "boolean" ? value : undefined;
  if (kind === "record") {
    if (value === null || typeof value !== "object" || Array.isArray(value)) return undefined;
    const entries = Object.entries(value as Record<string, unknown>);
    return entries.every((entry): entry is [string, string] => typeof entry[1] === "string") ? Object.fromEntries(entries) : undefined;
  }
  if (kind === "string[]") {
    if (typeof value === "string" && value !== "") return [value];
    return Array.isArray(value) && value.every((v): v is string => typeof v === "string" && v !== "") ? value : undefined;
  }
  return typeof value === "string" && kind.includes(value) ? value : undefined;
}

function describeKind(kind: FieldKind): string {
  if (kind === "string") return "a non-empty string";
  if (kind === "boolean") return "true or false";
  if (kind === "record") return "an object of strings";
  if (kind === "string[]") return "an array of strings";
  return `one of ${kind.map((k) => `"${k}"`).join(", ")}`;
}

/** A config-relative path, re-expressed relative to the working folder (as a user would type it). */
function relocate(value: ConfigValue, base: string, cwd: string): ConfigValue {
  const one = (p: string) => path.relative(cwd, path.resolve(base, p)) || ".";
  if (typeof value === "string") return one(value);
  if (typeof value === "boolean") return value;
  if (!Array.isArray(value)) return value;
  return (value as readonly string[]).map(one);
}

/** Settings shared by all compiling commands; `inputs` from the command line win over the config's. */
export function compileSettings(inputs: readonly string[], flags: CompileFlags, config: LoadedConfig): CompileSettings {
  const list = (flag: readonly string[] | undefined, key: string) => flag ?? strings(config.values[key]);
  const style = flags.diagnostics ?? string(config.values["diagnostics"]);
  return {
    inputs: inputs.length > 0 ? inputs : strings(config.values["inputs"]),
    includeDirs: list(flags.include, "include"),
    schemaFiles: list(flags.schema, "schema"),
    classes: list(flags.class, "class"),
    namespaces: list(flags.namespace, "namespace"),
    strict: flags.strict ?? bool(config.values["strict"]) ?? false,
    // Only `--no-builtins` can be typed, so only `false` from the flags overrides the config file.
    builtins: flags.builtins === false ? false : (bool(config.values["builtins"]) ?? true),
    ...(style === undefined ? {} : { diagnostics: style as DiagnosticStyle }),
    quiet: flags.quiet === true,
    verbose: flags.verbose === true,
    ...(config.file === undefined ? {} : { configFile: config.file }),
  };
}

/** Merges and validates the settings of `generate`. */
export function generateSettings(inputs: readonly string[], flags: GenerateFlags, config: LoadedConfig): Validated<GenerateSettings> {
  const base = compileSettings(inputs, flags, config);
  const diagnostics: Diagnostic[] = [];
  if (base.inputs.length === 0) diagnostics.push(createDiagnostic(Diagnostics.NoInputs, undefined));
  const outDirOption = flags.outDir ?? string(config.values["outDir"]);
  const singleOption = flags.singleFile ?? string(config.values["singleFile"]);
  if (outDirOption === undefined && singleOption === undefined) diagnostics.push(createDiagnostic(Diagnostics.NoOutput, undefined));
  if (flags.check === true && flags.watch === true) {
    diagnostics.push(createDiagnostic(Diagnostics.ConflictingOptions, undefined, ["--check", "--watch"]));
  }
  const bindings = checkBindings(flags.binding ?? strings(config.values["bindings"]), diagnostics);
  const wsmanUris = checkWsmanUris(flags.wsmanUri, config.values["wsmanUris"], diagnostics);
  if (diagnostics.length > 0) return { ok: false, diagnostics };
  // --single-file names a file: relative to -o when both are given, else to the working folder; an
  // absolute name stands as it is.
  const single =
    singleOption === undefined
      ? undefined
      : path.isAbsolute(singleOption)
        ? singleOption
        : path.join(outDirOption ?? ".", singleOption);
  const enumStyle = flags.enumStyle ?? string(config.values["enumStyle"]);
  const int64 = flags.int64 ?? string(config.values["int64"]);
  const emit = flags.emit ?? string(config.values["emit"]);
  const prettierConfig = flags.prettierConfig ?? string(config.values["prettierConfig"]);
  return {
    ok: true,
    settings: {
      ...base,
      outDir: single === undefined ? (outDirOption ?? ".") : path.dirname(single),
      ...(single === undefined ? {} : { singleFile: path.basename(single) }),
      flatten: flags.flatten ?? bool(config.values["flatten"]) ?? false,
      ...(enumStyle === undefined ? {} : { enumStyle: enumStyle as "enum" | "const" }),
      ...(int64 === undefined ? {} : { int64: int64 as "number" | "bigint" | "string" }),
      ...(emit === undefined ? {} : { emit: emit as "ts" | "js" | "types" }),
      ...(prettierConfig === undefined ? {} : { prettierConfig }),
      check: flags.check === true,
      watch: flags.watch === true,
      ...(bindings.length === 0 ? {} : { bindings }),
      ...(Object.keys(wsmanUris).length === 0 ? {} : { wsmanUris }),
    },
  };
}

/** `--binding` / config `bindings`: known names only (each once, in the order given). */
function checkBindings(names: readonly string[], diagnostics: Diagnostic[]): Binding[] {
  const bindings: Binding[] = [];
  for (const name of names) {
    const known = BINDINGS.find((b) => b === name.toLowerCase());
    if (known === undefined) {
      const suggestion = closest(name, BINDINGS);
      diagnostics.push(
        createDiagnostic(Diagnostics.UnknownBinding, undefined, [name, BINDINGS.join(", ")], suggestion === undefined ? {} : { hint: `Did you mean '${suggestion}'? Known bindings: ${BINDINGS.join(", ")}.` }),
      );
    } else if (!bindings.includes(known)) bindings.push(known);
  }
  return bindings;
}

/** A class-name prefix (`AMT_`) and an absolute URI or `wmi`. */
const URI_PREFIX = /^[A-Za-z_][A-Za-z0-9_]*$/;
const ABSOLUTE_URI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`]+$/;

/** `--wsman-uri PREFIX=URI` flags win over config `wsmanUris` entries; each checked. */
function checkWsmanUris(flags: readonly string[] | undefined, config: ConfigValue | undefined, diagnostics: Diagnostic[]): Record<string, string> {
  const pairs: [string, string, string][] = [];
  if (config !== undefined && typeof config === "object" && !Array.isArray(config)) {
    for (const [prefix, uri] of Object.entries(config as Readonly<Record<string, string>>)) pairs.push([prefix, uri, `wsmanUris.${prefix}`]);
  }
  for (const flag of flags ?? []) {
    const equals = flag.indexOf("=");
    pairs.push(equals < 0 ? ["", "", flag] : [flag.slice(0, equals), flag.slice(equals + 1), flag]);
  }
  const uris: Record<string, string> = {};
  for (const [prefix, uri, shown] of pairs) {
    if (!URI_PREFIX.test(prefix) || !(uri.toLowerCase() === "wmi" || ABSOLUTE_URI.test(uri))) {
      diagnostics.push(createDiagnostic(Diagnostics.InvalidOptionValue, undefined, [shown, "--wsman-uri", "PREFIX=URI with a class-name prefix such as AMT_ and an absolute URI (or wmi)"]));
      continue;
    }
    uris[prefix] = uri;
  }
  return uris;
}

/** Merges and validates the settings of `diff`: `diff old new`, or `--old a b --new c d`. */
export function diffSettings(positional: readonly string[], flags: DiffFlags, config: LoadedConfig): Validated<DiffSettings> {
  const base = compileSettings([], flags, config);
  const int64 = flags.int64 ?? string(config.values["int64"]);
  const rest = [...positional];
  const oldInputs = flags.old ?? rest.splice(0, 1);
  const newInputs = flags.new ?? rest.splice(0, 1);
  if (oldInputs.length === 0 || newInputs.length === 0 || rest.length > 0) {
    return { ok: false, diagnostics: [createDiagnostic(Diagnostics.DiffSidesMissing, undefined)] };
  }
  return {
    ok: true,
    settings: {
      ...base,
      inputs: [...oldInputs, ...newInputs],
      oldInputs,
      newInputs,
      format: (flags.format ?? "text") as "text" | "markdown" | "json",
      failOnBreaking: flags.failOn === "breaking",
      ...(int64 === undefined ? {} : { int64: int64 as "number" | "bigint" | "string" }),
    },
  };
}

function strings(value: ConfigValue | undefined): readonly string[] {
  return Array.isArray(value) ? value : [];
}
function string(value: ConfigValue | undefined): string | undefined {
  return typeof value === "string" ? value : undefined;
}
function bool(value: ConfigValue | undefined): boolean | undefined {
  return typeof value === "boolean" ? value : undefined;
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function fail<T>(diagnostic: Diagnostic): Validated<T> {
  return { ok: false, diagnostics: [diagnostic] };
}

/** The message of a thrown value, without a trailing period (it is placed inside a sentence). */
export function errorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.trim().replace(/\.$/, "");
}

/** The candidate within edit distance 2 of `word` (case-insensitive), if any. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const name of candidates) {
    const distance = editDistance(word.toLowerCase(), name.toLowerCase());
    if (distance <= 2 && (best === undefined || distance < best.distance)) best = { name, distance };
  }
  return best?.name;
}

function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length]!;
}
