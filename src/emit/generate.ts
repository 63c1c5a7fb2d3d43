/**
 * generate(schema, options) → generated TypeScript files (path + text).
 *
 * 1. plan.ts names every symbol and file (deterministic, input-order independent);
 * 2. layout.ts builds each file as ts-morph structures (interfaces, enums, helpers, methods,
 *    metadata, decoders, instances, indexes) and prints it in one call;
 * 3. format.ts runs prettier; banner.ts prepends the banner; runtime-files.ts adds the runtime helpers
 *    the code uses.
 * ts-morph and prettier are imported lazily: loading them costs ~0.7 s, paid only when generating.
 */
import type { CimSchema } from "../model/schema.js";
import { createDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { Diagnostics } from "../diagnostics/codes.js";
import { bannerText } from "./banner.js";
import { formatTypeScript } from "./format.js";
import { buildFiles } from "./layout.js";
import { resolveOptions, type EmitOptions, type GenerateOptions } from "./options.js";
import { importOnDemand } from "./on-demand.js";
import { planSchema } from "./plan.js";
import { classesWithoutUri } from "./wsman-uris.js";
import { FAST_MORPH_ENUMS } from "./print.js";
import {
  inlineRuntimeText,
  loadCompiledRuntime,
  loadRuntimeSources,
  runtimeClosure,
  runtimeExportNames,
  type RuntimeModule,
  type RuntimeSource,
} from "./runtime-files.js";

export type { EmitMode, GenerateOptions } from "./options.js";
export { GENERATED_BANNER_MARKER, isGeneratedText } from "./banner.js";

export interface GeneratedFile {
  /** Relative to the output folder, `/`-separated. */
  readonly path: string;
  readonly text: string;
}

export interface GenerateResult {
  /** Sorted by path. */
  readonly files: GeneratedFile[];
  /** Formatting problems (MOF4001) and renamed symbols (MOF4002). */
  readonly diagnostics: Diagnostic[];
}

/** Generates the TypeScript files for a schema. */
export async function generate(schema: CimSchema, options: GenerateOptions = {}): Promise<GeneratedFile[]> {
  return (await generateWithDiagnostics(schema, options)).files;
}

/** Like `generate`, also returning what the emitter had to report. */
export async function generateWithDiagnostics(schema: CimSchema, options: GenerateOptions = {}): Promise<GenerateResult> {
  const resolved = resolveOptions(options);
  // Every class needs a resource URI for --binding wsman: say which do not have one, and write nothing.
  const missingUris = resolved.wsman ? wsmanUriDiagnostics(schema, resolved.wsmanUris) : [];
  if (missingUris.length > 0) return { files: [], diagnostics: missingUris };
  // The fast printer needs nothing from ts-morph at run time; its printer is loaded only on request.
  const [morph, runtime] = await Promise.all([resolved.printer === "ts-morph" ? importOnDemand("ts-morph") : FAST_MORPH_ENUMS, loadRuntimeSources()]);
  const plan = planSchema(schema, resolved, runtimeExportNames(runtime));
  const built = buildFiles(plan, resolved, morph);
  const banner = bannerText({
    inputs: resolved.banner?.inputs ?? schema.inputs,
    ...(resolved.banner?.hash === undefined ? {} : { hash: resolved.banner.hash }),
    ...((resolved.banner?.version ?? schema.version) === undefined ? {} : { version: resolved.banner?.version ?? schema.version }),
  });
  // Declarations only carry no request builders or readers: say so rather than drop a binding silently.
  const diagnostics: Diagnostic[] =
    options.emit === "types" ? (options.bindings ?? []).map((binding) => createDiagnostic(Diagnostics.BindingNotEmitted, undefined, [binding])) : [];
  const modules = runtimeClosure(built.usedRuntime, runtime);
  const runtimeTexts = await Promise.all(modules.map((module) => runtimeModuleFiles(module, runtime, resolved)));
  const files: GeneratedFile[] = [];
  for (const file of built.files) {
    let text = file.text;
    if (resolved.layout === "single") {
      // The runtime in the same language as the file (JavaScript, declarations or TypeScript).
      const flavour = outputFlavour(file.path);
      const inlined = runtimeTexts.flatMap((texts) => texts.filter((t) => outputFlavour(t.path) === flavour || (flavour === "ts" && resolved.emit === "types")).map((t) => inlineRuntimeText(t.text)));
      text = [...inlined, text].join("\n");
    }
    // Text from the fast printer is already prettier's output for the pinned options.
    if (file.formatted && resolved.layout === "files" && resolved.prettierOptions === undefined) {
      files.push({ path: file.path, text: banner + text });
      continue;
    }
    try {
      text = await formatTypeScript(banner + text, file.path, resolved.prettierOptions);
    } catch (error) {
      text = banner + text;
      diagnostics.push(createDiagnostic(Diagnostics.FormattingFailed, undefined, [file.path, errorSummary(error)]));
    }
    files.push({ path: file.path, text });
  }
  if (resolved.layout === "files") for (const texts of runtimeTexts) for (const t of texts) files.push({ path: t.path, text: banner + t.text });
  const seen = new Set<unknown>();
  for (const ns of plan.namespaces) {
    if (seen.has(ns.module.registry)) continue;
    seen.add(ns.module.registry);
    for (const { wanted, given } of ns.module.registry.renamed) {
      diagnostics.push(createDiagnostic(Diagnostics.GeneratedNameChanged, undefined, [wanted, ns.namespace.name, given]));
    }
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, diagnostics };
}

function wsmanUriDiagnostics(schema: CimSchema, mappings: Readonly<Record<string, string>>): Diagnostic[] {
  const missing = classesWithoutUri(
    schema.namespaces.flatMap((ns) => ns.classes),
    mappings,
  );
  return [...missing.entries()].map(([prefix, classes]) => {
    const shown = classes.slice(0, 5).map((cls) => cls.name).join(", ") + (classes.length > 5 ? `, … (${classes.length - 5} more)` : "");
    return createDiagnostic(Diagnostics.WsmanUriMissing, classes[0]?.source.span, [classes.length, prefix, shown]);
  });
}

/**
 * The files one runtime module becomes: `runtime/<module>.ts` (`ts`), `.js` plus `.d.ts` (`js`), or
 * `.d.ts` alone (`types`: its types, no code). In the single-file layout the paths only tell the
 * language; the texts are inlined.
 */
async function runtimeModuleFiles(
  module: RuntimeModule,
  runtime: ReadonlyMap<RuntimeModule, RuntimeSource>,
  options: EmitOptions,
): Promise<{ readonly path: string; readonly text: string }[]> {
  const stem = `runtime/${module}`;
  if (options.emit === "ts") return [{ path: `${stem}.ts`, text: runtime.get(module)?.text ?? "" }];
  const compiled = await loadCompiledRuntime(module);
  const declarations = { path: `${stem}.d.ts`, text: compiled.dts };
  return options.emit === "js" ? [{ path: `${stem}.js`, text: compiled.js }, declarations] : [declarations];
}

/** `js`, `dts` or `ts`, from an output path. */
function outputFlavour(path: string): "js" | "dts" | "ts" {
  return path.endsWith(".d.ts") ? "dts" : path.endsWith(".js") ? "js" : "ts";
}

/**
 * First line of a thrown error without its closing period: the MOF4001 message adds its own. Prettier
 * colours its messages when it believes it runs in a terminal (CI=true is enough), so ANSI sequences
 * are removed: the diagnostic is plain text and the reporter decides about colour.
 */
function errorSummary(error: unknown): string {
  const text = (error instanceof Error ? error.message : String(error)).replace(/\u001b\[[0-?]*[ -/]*[@-~]/g, "");
  return (text.split("\n")[0] ?? "").trim().replace(/\.+$/, "");
}
