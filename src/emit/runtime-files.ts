/**
 * The runtime helpers (templates/runtime/*.ts) shipped with generated code: copied next to it, or
 * inlined into the single file, only when the generated code uses them. They are plain TypeScript
 * with no dependencies, so generated code needs no runtime package; the exception is the response
 * readers (xml-tree, wsman-response, cim-xml), which import saxes for `--binding wsman`.
 */
import { readFile } from "node:fs/promises";
import type { EmitOptions } from "./options.js";

/** Runtime modules, named by their file stem under templates/runtime/. */
export type RuntimeModule =
  | "datetime"
  | "reference"
  | "value-map"
  | "decode"
  | "wsman-namespaces"
  | "wsman-request"
  | "xml-tree"
  | "wsman-response"
  | "cim-xml";

const SYMBOL_MODULES = {
  CimDateTime: "datetime",
  CimReference: "reference",
  CimInstanceValue: "decode",
  CimClassMeta: "decode",
  CimPropertyMeta: "decode",
  DecodeOptions: "decode",
  WholeDecodeOptions: "decode",
  DecodeResult: "decode",
  decodeInstance: "decode",
  inheritProperties: "decode",
  defineValueMap: "value-map",
  defineBitMap: "value-map",
  ReadXmlOptions: "xml-tree",
  readWsman: "wsman-response",
  WsmanItem: "wsman-response",
  WsmanResponse: "wsman-response",
  WsmanReadResult: "wsman-response",
  readCimXml: "cim-xml",
  CimXmlItem: "cim-xml",
  CimXmlResponse: "cim-xml",
  CimXmlReadResult: "cim-xml",
  wsmanClass: "wsman-request",
  WsmanClassRequests: "wsman-request",
  ValueMapHelpers: "value-map",
  BitMapHelpers: "value-map",
} as const satisfies Record<string, RuntimeModule>;

/** Runtime names generated code refers to. */
export type RuntimeSymbol = keyof typeof SYMBOL_MODULES;

/** Runtime modules in a fixed order (dependencies first, as inlining needs). */
export const RUNTIME_MODULES: readonly RuntimeModule[] = [
  "datetime",
  "reference",
  "value-map",
  "decode",
  "wsman-namespaces",
  "wsman-request",
  "xml-tree",
  "wsman-response",
  "cim-xml",
];

/**
 * Modules `--binding wsman` ships whatever the classes use: the response readers (WS-Management and
 * CIM-XML), whose results the generated decoders take.
 */
export const WSMAN_BINDING_MODULES: readonly RuntimeModule[] = ["wsman-response", "cim-xml"];

export function runtimeModuleOf(symbol: RuntimeSymbol): RuntimeModule {
  return SYMBOL_MODULES[symbol];
}

/** Output path of a runtime module: `runtime/<module>.ts`, or the single file when inlined. */
export function runtimeFilePath(module: RuntimeModule, options: EmitOptions): string {
  return options.layout === "single" ? options.singleFileName : `runtime/${module}.ts`;
}

/** A runtime module's source, with the modules it imports. */
export interface RuntimeSource {
  readonly module: RuntimeModule;
  /** The TypeScript source (templates/runtime/<module>.ts). */
  readonly text: string;
  readonly imports: readonly RuntimeModule[];
  /** Names it exports (reserved so generated symbols never collide with them). */
  readonly exports: readonly string[];
}

let cache: Promise<ReadonlyMap<RuntimeModule, RuntimeSource>> | undefined;

/** Reads templates/runtime/*.ts once per process. */
export function loadRuntimeSources(): Promise<ReadonlyMap<RuntimeModule, RuntimeSource>> {
  cache ??= Promise.all(
    RUNTIME_MODULES.map(async (module): Promise<[RuntimeModule, RuntimeSource]> => {
      const text = (await readFile(new URL(`../../templates/runtime/${module}.ts`, import.meta.url), "utf8")).replace(/\r\n?/g, "\n");
      const imports = [...text.matchAll(/^import[^;]*?from\s+"\.\/([\w-]+)\.js";/gms)]
        .map((m) => m[1])
        .filter((name): name is RuntimeModule => RUNTIME_MODULES.includes(name as RuntimeModule));
      const exports = [...text.matchAll(/^export\s+(?:declare\s+)?(?:async\s+)?(?:function\*?|const|let|class|interface|type|enum)\s+([\w$]+)/gm)].map((m) => m[1] ?? "");
      return [module, { module, text, imports, exports }];
    }),
  ).then((entries) => new Map(entries));
  return cache;
}

/**
 * A runtime module compiled by `npm run build` (templates/runtime/tsconfig.json → dist/runtime/): its
 * JavaScript and declarations, for `--emit js` and `--emit types`. Compiled once at build time, so
 * generating never runs tsc.
 */
export interface CompiledRuntime {
  readonly js: string;
  readonly dts: string;
}

const compiledCache = new Map<RuntimeModule, Promise<CompiledRuntime>>();

export function loadCompiledRuntime(module: RuntimeModule): Promise<CompiledRuntime> {
  let compiled = compiledCache.get(module);
  if (compiled === undefined) {
    const read = (extension: string): Promise<string> =>
      readFile(new URL(`../../dist/runtime/${module}${extension}`, import.meta.url), "utf8").then((text) => text.replace(/\r\n?/g, "\n"));
    compiled = Promise.all([read(".js"), read(".d.ts")]).then(([js, dts]) => ({ js, dts }));
    compiledCache.set(module, compiled);
  }
  return compiled;
}

/** Every name any runtime module exports. */
export function runtimeExportNames(sources: ReadonlyMap<RuntimeModule, RuntimeSource>): string[] {
  return [...sources.values()].flatMap((source) => source.exports);
}

/** The used modules plus everything they import, in `RUNTIME_MODULES` order. */
export function runtimeClosure(used: Iterable<RuntimeModule>, sources: ReadonlyMap<RuntimeModule, RuntimeSource>): RuntimeModule[] {
  const needed = new Set<RuntimeModule>();
  const visit = (module: RuntimeModule): void => {
    if (needed.has(module)) return;
    needed.add(module);
    for (const dep of sources.get(module)?.imports ?? []) visit(dep);
  };
  for (const module of used) visit(module);
  return RUNTIME_MODULES.filter((module) => needed.has(module));
}

/** Runtime module text with its imports of sibling runtime modules removed (for inlining). */
export function inlineRuntimeText(text: string): string {
  return text.replace(/^import[^;]*?from\s+"\.\/[\w-]+\.js";\n/gms, "");
}
