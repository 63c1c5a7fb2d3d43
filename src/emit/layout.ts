/**
 * Which declarations go into which file, and the index files. `files` layout: one file per class
 * (`<Class>.ts`), `instances.ts` and `index.ts` per namespace; with several namespaces each gets a
 * folder (a sanitized name that cannot leave the output folder) and the root `index.ts` re-exports
 * each as a namespace object, plus by name what only one namespace exports (root-index.ts). `single` layout: everything in one file. Each file is printed from
 * ts-morph structures in one call (`printStructure`, no re-parsing).
 */
import type { CodeBlockWriter, ExportDeclarationStructure, ImportDeclarationStructure, StatementStructures, WriterFunction } from "ts-morph";
import { printFile, STATEMENT_KINDS, type PrintedFile } from "./print.js";
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
import { addExportedNames, emptyExportedNames, rootNamedExports, type NamespaceExports } from "./root-index.js";
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
  const print = (ctx: FileContext, body: StatementStructures[]): void => {
    for (const module of ctx.usedRuntime) usedRuntime.add(module);
    files.push(...printBody(ctx.file, ctx.imports.structures(ctx.kinds.ImportDeclaration), body, morph, options));
  };

  if (options.layout === "single") {
    const first = plan.namespaces[0];
    if (first === undefined) return { files: [], usedRuntime };
    const ctx = new FileContext(options.singleFileName, first, plan, options, morph);
    const body: StatementStructures[] = [];
    for (const ns of plan.namespaces) {
      const nsCtx = ctx.withNamespace(ns);
      for (const cls of ns.classes) body.push(...classStatements(nsCtx, cls));
      if (hasInstances(options, ns)) body.push(...instanceStatements(nsCtx, ns, ns.namespace.instances));
    }
    print(ctx, body);
    return { files, usedRuntime };
  }

  const indexes: { readonly file: string; readonly exports: StatementStructures[] }[] = [];
  const namespaceExports: NamespaceExports[] = [];
  for (const ns of plan.namespaces) {
    const names = emptyExportedNames();
    for (const cls of ns.classes) {
      const ctx = new FileContext(cls.file, ns, plan, options, morph);
      const body = classStatements(ctx, cls);
      addExportedNames(names, body);
      print(ctx, body);
    }
    // Instances of classes the schema does not have (e.g. WMI system classes) are left out.
    const instancesCtx = new FileContext(ns.instancesFile, ns, plan, options, morph);
    const instanceBody = hasInstances(options, ns) ? instanceStatements(instancesCtx, ns, ns.namespace.instances) : [];
    if (instanceBody.length > 0) print(instancesCtx, instanceBody);
    addExportedNames(names, instanceBody);
    namespaceExports.push({ specifier: `./${joinPath(ns.folder, "index.js")}`, names });
    const targets = [...ns.classes.map((c) => c.file), ...(instanceBody.length > 0 ? [ns.instancesFile] : [])].sort(compareText);
    indexes.push({ file: ns.indexFile, exports: targets.map((target) => reExport(importSpecifier(ns.indexFile, target), options, morph)) });
  }
  // Indexes last: the root one re-exports the runtime modules, known once every file is built.
  if (plan.namespaces.length === 1) {
    const only = indexes.pop();
    if (only !== undefined) indexes.push({ file: only.file, exports: [...only.exports, ...runtimeExports(options, morph, usedRuntime, only.file)] });
  } else {
    const namespaceObjects = plan.namespaces.map((ns, i) => reExport(namespaceExports[i]?.specifier ?? "", options, morph, ns.folder));
    const named = rootNamedExports(namespaceExports, new Set(plan.namespaces.map((ns) => ns.folder)), options.emit === "types", morph);
    indexes.push({ file: "index.ts", exports: [...namespaceObjects, ...named, ...runtimeExports(options, morph, usedRuntime, "index.ts")] });
  }
  for (const index of indexes) {
    // An index with nothing to re-export must still be a module.
    const body: StatementStructures[] = index.exports.length > 0 ? index.exports : [{ kind: morph.StructureKind.ExportDeclaration, namedExports: [] }];
    files.push(...printBody(index.file, [], body, morph, options));
  }
  return { files, usedRuntime };
}

/** `--emit types` has no runtime code, so no instance constants. */
function hasInstances(options: EmitOptions, ns: NamespacePlan): boolean {
  return options.instances && options.emit !== "types" && ns.namespace.instances.length > 0;
}

/** `export * from "…"` (`export type *` for declarations only), or `export * as name from "…"`. */
function reExport(moduleSpecifier: string, options: EmitOptions, morph: MorphApi, namespaceExport?: string): StatementStructures {
  const statement: ExportDeclarationStructure = { kind: morph.StructureKind.ExportDeclaration, moduleSpecifier };
  if (namespaceExport !== undefined) statement.namespaceExport = namespaceExport;
  if (options.emit === "types") statement.isTypeOnly = true;
  return statement;
}

const blankLine: WriterFunction = (writer: CodeBlockWriter) => void writer.blankLineIfLastNot();

/**
 * Prints with the fast printer, or with ts-morph's printer when it was loaded for that. `--emit js`
 * prints the same structures twice: `<file>.js` (values) and `<file>.d.ts` (declarations).
 */
function printBody(path: string, imports: ImportDeclarationStructure[], body: StatementStructures[], morph: MorphApi, options: EmitOptions): BuiltFile[] {
  if (options.emit === "js") {
    const stem = path.replace(/\.ts$/, "");
    return [printedFile(`${stem}.js`, printFile(imports, body, "js")), printedFile(`${stem}.d.ts`, printFile(imports, body, "dts"))];
  }
  if (morph.printStructure === undefined) return [printedFile(path, printFile(imports, body))];
  const statements = imports.length === 0 || body.length === 0 ? [...imports, ...separated(body)] : [...imports, blankLine, ...separated(body)];
  return [{ path, text: morph.printStructure({ kind: morph.StructureKind.SourceFile, statements }, { indentNumberOfSpaces: 2 }), formatted: false }];
}

function printedFile(path: string, printed: PrintedFile): BuiltFile {
  return { path, text: printed.text, formatted: printed.exact, ...(printed.inexactReason === undefined ? {} : { inexactReason: printed.inexactReason }) };
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
  // Declarations only: value maps become literal unions, with no lookup helpers.
  const helpers = ctx.options.emit !== "types";
  for (const enumPlan of plan.enums) statements.push(...enumStatements(ctx, enumPlan), ...(helpers ? [valueMapHelperStatement(ctx, enumPlan)] : []));
  if (helpers) for (const bitMap of plan.bitMaps) statements.push(bitMapHelperStatement(ctx, bitMap));
  for (const method of plan.methods) statements.push(...methodStatements(ctx, method));
  if (plan.metaName !== "") statements.push(metadataStatement(ctx, plan));
  if (ctx.options.decoders) statements.push(decoderStatement(ctx, plan));
  for (const method of plan.methods) statements.push(...methodWsmanStatements(ctx, method));
  statements.push(...classWsmanStatements(ctx, plan));
  return statements;
}

/** Re-exports of the runtime helpers the code uses (so users can import `parseCimDateTime` etc.). */
function runtimeExports(options: EmitOptions, morph: MorphApi, usedRuntime: ReadonlySet<RuntimeModule>, from: string): StatementStructures[] {
  return RUNTIME_MODULES.filter((m) => usedRuntime.has(m)).map((module) => reExport(importSpecifier(from, runtimeFilePath(module, options)), options, morph));
}
