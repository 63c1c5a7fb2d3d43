/**
 * Which declarations go into which file, and the index files. `files` layout: one file per class
 * (`<Class>.ts`), `instances.ts` and `index.ts` per namespace; with several namespaces each gets a
 * folder (a sanitized name that cannot leave the output folder) and the root `index.ts` re-exports
 * each as a namespace object. `single` layout: everything in one file. Each file is printed from
 * ts-morph structures in one call (`printStructure`, no re-parsing).
 */
import type { CodeBlockWriter, ImportDeclarationStructure, StatementStructures, WriterFunction } from "ts-morph";
import { printFile, STATEMENT_KINDS } from "./print.js";
import { FileContext, type MorphEnums } from "./context.js";
import { decoderStatement } from "./decoders.js";
import { enumStatements } from "./enums.js";
import { instanceStatements } from "./instances.js";
import { interfaceStatement } from "./interfaces.js";
import { metadataStatement } from "./metadata.js";
import { methodStatements } from "./methods.js";
import { compareText } from "./names.js";
import type { EmitOptions } from "./options.js";
import { importSpecifier, joinPath, type ClassPlan, type EmitPlan, type NamespacePlan } from "./plan.js";
import { RUNTIME_MODULES, runtimeFilePath, WSMAN_BINDING_MODULES, type RuntimeModule } from "./runtime-files.js";
import { bitMapHelperStatement, valueMapHelperStatement } from "./value-maps.js";
import { classWsmanStatements, methodWsmanStatements } from "./wsman.js";

/** What the builders need from ts-morph, plus its printer when the ts-morph printer is used. */
export type MorphApi = MorphEnums & { readonly printStructure?: typeof import("ts-morph").printStructure };

export interface BuiltFile {
  readonly path: string;
  /** Printed, without banner. */
  readonly text: string;
  /** True when the text is already what prettier (pinned options) produces. */
  readonly formatted: boolean;
  /** Why not, when known. */
  readonly inexactReason?: string;
}

export interface BuiltOutput {
  readonly files: BuiltFile[];
  /** Runtime modules referred to by any file. */
  readonly usedRuntime: ReadonlySet<RuntimeModule>;
}

export function buildFiles(plan: EmitPlan, options: EmitOptions, morph: MorphApi): BuiltOutput {
  const usedRuntime = new Set<RuntimeModule>(options.wsman ? WSMAN_BINDING_MODULES : []);
  const files: BuiltFile[] = [];
  const print = (ctx: FileContext, body: StatementStructures[]): BuiltFile => {
    for (const module of ctx.usedRuntime) usedRuntime.add(module);
    return printBody(ctx.file, ctx.imports.structures(ctx.kinds.ImportDeclaration), body, morph);
  };

  if (options.layout === "single") {
    const first = plan.namespaces[0];
    if (first === undefined) return { files: [], usedRuntime };
    const ctx = new FileContext(options.singleFileName, first, plan, options, morph);
    const body: StatementStructures[] = [];
    for (const ns of plan.namespaces) {
      const nsCtx = ctx.withNamespace(ns);
      for (const cls of ns.classes) body.push(...classStatements(nsCtx, cls));
      if (options.instances && ns.namespace.instances.length > 0) body.push(...instanceStatements(nsCtx, ns, ns.namespace.instances));
    }
    files.push(print(ctx, body));
    return { files, usedRuntime };
  }

  for (const ns of plan.namespaces) {
    for (const cls of ns.classes) {
      const ctx = new FileContext(cls.file, ns, plan, options, morph);
      files.push(print(ctx, classStatements(ctx, cls)));
    }
    // Instances of classes the schema does not have (e.g. WMI system classes) are left out.
    const instancesCtx = new FileContext(ns.instancesFile, ns, plan, options, morph);
    const instanceBody = options.instances ? instanceStatements(instancesCtx, ns, ns.namespace.instances) : [];
    const hasInstances = instanceBody.length > 0;
    if (hasInstances) files.push(print(instancesCtx, instanceBody));
    const ctx = new FileContext(ns.indexFile, ns, plan, options, morph);
    const targets = [...ns.classes.map((c) => c.file), ...(hasInstances ? [ns.instancesFile] : [])].sort(compareText);
    const exports: StatementStructures[] = targets.map((target) => ({ kind: ctx.kinds.ExportDeclaration, moduleSpecifier: importSpecifier(ns.indexFile, target) }));
    // An index with nothing to re-export must still be a module.
    files.push(print(ctx, exports.length > 0 ? exports : [{ kind: ctx.kinds.ExportDeclaration, namedExports: [] }]));
  }
  if (plan.namespaces.length > 1 || plan.namespaces.length === 0) files.push(rootIndex(plan, options, morph, usedRuntime));
  else files.push(withRuntimeExports(files.pop(), options, morph, usedRuntime));
  return { files, usedRuntime };
}

const blankLine: WriterFunction = (writer: CodeBlockWriter) => void writer.blankLineIfLastNot();

/** Prints with the fast printer, or with ts-morph's printer when it was loaded for that. */
function printBody(path: string, imports: ImportDeclarationStructure[], body: StatementStructures[], morph: MorphApi): BuiltFile {
  if (morph.printStructure === undefined) {
    const printed = printFile(imports, body);
    return { path, text: printed.text, formatted: printed.exact, ...(printed.inexactReason === undefined ? {} : { inexactReason: printed.inexactReason }) };
  }
  const statements = imports.length === 0 || body.length === 0 ? [...imports, ...separated(body)] : [...imports, blankLine, ...separated(body)];
  return { path, text: morph.printStructure({ kind: morph.StructureKind.SourceFile, statements }, { indentNumberOfSpaces: 2 }), formatted: false };
}

/** A blank line between declarations (ts-morph leaves none between variable statements). */
function separated(body: readonly StatementStructures[]): (StatementStructures | WriterFunction)[] {
  return body.flatMap((statement, i) => {
    const bothExports = statement.kind === StructureKindExport && body[i - 1]?.kind === StructureKindExport;
    return i === 0 || bothExports ? [statement] : [blankLine, statement];
  });
}

/** `StructureKind.ExportDeclaration`: consecutive re-exports are printed without blank lines. */
const StructureKindExport = STATEMENT_KINDS.ExportDeclaration as number;

/** Interface, enums and helpers, method types, metadata and decoder of one class; then its WS-Management binding. */
function classStatements(ctx: FileContext, plan: ClassPlan): StatementStructures[] {
  const statements: StatementStructures[] = [interfaceStatement(ctx, plan)];
  for (const enumPlan of plan.enums) statements.push(...enumStatements(ctx, enumPlan), valueMapHelperStatement(ctx, enumPlan));
  for (const bitMap of plan.bitMaps) statements.push(bitMapHelperStatement(ctx, bitMap));
  for (const method of plan.methods) statements.push(...methodStatements(ctx, method));
  if (plan.metaName !== "") statements.push(metadataStatement(ctx, plan));
  if (ctx.options.decoders) statements.push(decoderStatement(ctx, plan));
  for (const method of plan.methods) statements.push(...methodWsmanStatements(ctx, method));
  statements.push(...classWsmanStatements(ctx, plan));
  return statements;
}

/** Root index with several namespaces: `export * as <folder> from "./<folder>/index.js"` + runtime. */
function rootIndex(plan: EmitPlan, options: EmitOptions, morph: MorphApi, usedRuntime: ReadonlySet<RuntimeModule>): BuiltFile {
  const kinds = morph.StructureKind;
  const statements: StatementStructures[] = plan.namespaces.map((ns: NamespacePlan) => ({
    kind: kinds.ExportDeclaration,
    namespaceExport: ns.folder,
    moduleSpecifier: `./${joinPath(ns.folder, "index.js")}`,
  }));
  statements.push(...runtimeExports(options, morph, usedRuntime, "index.ts"));
  return printBody("index.ts", [], [statements.length === 0 ? [] : statements].flat(), morph);
}

/** The single namespace's index plus the runtime re-exports. */
function withRuntimeExports(index: BuiltFile | undefined, options: EmitOptions, morph: MorphApi, usedRuntime: ReadonlySet<RuntimeModule>): BuiltFile {
  const path = index?.path ?? "index.ts";
  const extra = printBody(path, [], runtimeExports(options, morph, usedRuntime, path), morph);
  return { path, text: (index?.text ?? "") + extra.text, formatted: (index?.formatted ?? true) && extra.formatted };
}

/** Re-exports of the runtime helpers the code uses (so users can import `parseCimDateTime` etc.). */
function runtimeExports(options: EmitOptions, morph: MorphApi, usedRuntime: ReadonlySet<RuntimeModule>, from: string): StatementStructures[] {
  return RUNTIME_MODULES.filter((m) => usedRuntime.has(m)).map((module) => ({
    kind: morph.StructureKind.ExportDeclaration,
    moduleSpecifier: importSpecifier(from, runtimeFilePath(module, options)),
  }));
}
