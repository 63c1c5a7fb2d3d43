/**
 * resolve(program) -> CimSchema + diagnostics (MOF2xxx). The steps, each in its own module:
 *   collect (namespaces, source order) -> qualifier types -> class table -> amendments
 *   -> classes (inheritance, flavors, members, value maps) -> instances -> selection + closure
 *   -> sorted, deterministic schema.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { SourceLookup } from "../diagnostics/format.js";
import type { Program } from "../ast/program.js";
import type { CimClass, CimInstance, CimNamespace, CimQualifierType, CimSchema } from "../model/schema.js";
import { namespaceKey } from "../model/namespace.js";
import { stringOfKey } from "../model/qualifiers.js";
import { createContext, type ResolveContext } from "./context.js";
import { Diagnostics } from "../diagnostics/codes.js";
import { classesByName, collectDeclarations, emptyDeclarations, type DeclaredClass } from "./collect.js";
import { builtinQualifierTypes, declareQualifierType } from "./qualifier-types.js";
import { ClassTable } from "./class-table.js";
import { indexAmendments } from "./amendments.js";
import { ClassResolver } from "./inheritance.js";
import { resolveInstances } from "./instances.js";
import { namespaceFilter, selectClasses } from "./selection.js";
import type { ResolveEnvironment } from "./environment.js";

export interface ResolveOptions {
  /** Require qualifier declarations and DSP0004 scope/type conformance (lenient by default). */
  readonly strict?: boolean;
  /** Base schemas (`--schema`): used only to resolve what the inputs need; inputs win on name clashes. */
  readonly base?: readonly Program[];
  /** The built-in platform classes, asked for only when a name is declared by no input or base schema. */
  readonly builtins?: () => Program;
  /** `--class` patterns (case-insensitive, `*` wildcards): keep these classes plus their closure. */
  readonly classes?: readonly string[];
  /** `--namespace` filter (normalized names). */
  readonly namespaces?: readonly string[];
  /** Decoded sources by file name, so model locations carry line numbers (line 0 when absent). */
  readonly sources?: SourceLookup;
}

export interface ResolveResult {
  readonly schema: CimSchema;
  readonly diagnostics: readonly Diagnostic[];
}

/** Turns parsed MOF into the resolved schema model; problems come back as diagnostics, never thrown. */
export function resolve(program: Program, options: ResolveOptions = {}): ResolveResult {
  const ctx = createContext(options.strict === true, options.sources);
  const declarations = emptyDeclarations();
  for (const base of options.base ?? []) collectDeclarations(base, true, declarations);
  collectDeclarations(program, false, declarations);

  const qualifierTypes = builtinQualifierTypes();
  for (const declared of declarations.qualifierTypes) {
    ctx.quiet = declared.fromBase;
    declareQualifierType(qualifierTypes, declared.node, declared.namespace, declared.fromBase, ctx);
  }
  ctx.quiet = false;

  const builtins = options.builtins;
  const classes = new ClassTable(builtins === undefined ? undefined : () => classesByName(builtins()));
  const amendmentClasses: DeclaredClass[] = [];
  for (const declared of declarations.classes) {
    if (declared.locale !== undefined) amendmentClasses.push(declared);
    else classes.add(declared, ctx);
  }
  const env: ResolveEnvironment = {
    ctx,
    classes,
    qualifierTypes,
    amendments: indexAmendments(amendmentClasses.filter((a) => !a.fromBase), classes, ctx),
  };
  const resolver = new ClassResolver(env);
  for (const entry of classes.inputEntries) resolver.resolve(entry);

  const resolvedInstances = resolveInstances(declarations.instances, declarations.classes, env, resolver);
  const inNamespace = namespaceFilter(options.namespaces);
  const instances = resolvedInstances.instances.filter((i) => inNamespace(i.namespace));
  const instanceClasses = instances.flatMap((i) => resolvedInstances.classes.get(i) ?? []);
  const neededBy = new Map<CimClass, CimClass>();
  const selected = selectClasses(classes, resolver, options, instanceClasses, neededBy);
  reportBuiltinClasses(selected, neededBy, ctx);
  const keptInstances = options.classes !== undefined && options.classes.length > 0 ? instancesOfClasses(instances, selected) : instances;

  const version = schemaVersion(selected.filter((c) => !c.fromBaseSchema));
  const schema: CimSchema = {
    namespaces: groupByNamespace(selected, keptInstances),
    qualifierTypes: sortedQualifierTypes(qualifierTypes.types),
    ...(version === undefined ? {} : { version }),
    inputs: program.roots.map((r) => r.file),
  };
  return { schema, diagnostics: ctx.diagnostics };
}

/** A note (shown with --verbose) for each built-in class the schema keeps, pointing at what needed it. */
function reportBuiltinClasses(selected: readonly CimClass[], neededBy: ReadonlyMap<CimClass, CimClass>, ctx: ResolveContext): void {
  for (const cls of selected) {
    if (cls.builtin !== true) continue;
    // Through a chain of built-in classes, up to the declared class that started it.
    let needer = neededBy.get(cls);
    while (needer?.builtin === true) needer = neededBy.get(needer);
    const related = needer === undefined ? [] : [{ message: `needed by '${needer.name}'`, span: needer.source.span }];
    ctx.report(Diagnostics.BuiltinClassUsed, cls.source.span, [cls.name, cls.namespace], { related });
  }
}

function instancesOfClasses(instances: readonly CimInstance[], classes: readonly CimClass[]): CimInstance[] {
  const keys = new Set(classes.map((c) => c.name.toLowerCase()));
  return instances.filter((i) => keys.has(i.className.toLowerCase()));
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function groupByNamespace(classes: readonly CimClass[], instances: readonly CimInstance[]): CimNamespace[] {
  const groups = new Map<string, { name: string; classes: CimClass[]; instances: CimInstance[] }>();
  const group = (name: string) => {
    const key = namespaceKey(name);
    let found = groups.get(key);
    if (found === undefined) {
      found = { name, classes: [], instances: [] };
      groups.set(key, found);
    } else if (name < found.name) {
      // Several spellings of one namespace: pick one independent of input order.
      found.name = name;
    }
    return found;
  };
  for (const cls of classes) group(cls.namespace).classes.push(cls);
  for (const instance of instances) group(instance.namespace).instances.push(instance);
  const byInstance = (a: CimInstance, b: CimInstance) =>
    compareText(a.className.toLowerCase(), b.className.toLowerCase()) ||
    compareText(a.source.file, b.source.file) ||
    a.source.span.start - b.source.span.start;
  return [...groups.entries()]
    .sort(([a], [b]) => compareText(a, b))
    .map(([, g]) => ({ name: g.name, classes: sortClasses(g.classes), instances: g.instances.sort(byInstance) }));
}

/** Classes by name key, then by spelling; each key computed once, not per comparison. */
function sortClasses(classes: readonly CimClass[]): CimClass[] {
  const keyed = classes.map((cls) => ({ key: cls.name.toLowerCase(), cls }));
  keyed.sort((a, b) => compareText(a.key, b.key) || compareText(a.cls.name, b.cls.name));
  return keyed.map((k) => k.cls);
}

function sortedQualifierTypes(types: ReadonlyMap<string, CimQualifierType>): ReadonlyMap<string, CimQualifierType> {
  return new Map([...types.entries()].sort(([a], [b]) => compareText(a, b)));
}

/** The highest `Version` qualifier among the input classes (DMTF classes carry the schema release they changed in). */
function schemaVersion(classes: readonly CimClass[]): string | undefined {
  let best: { text: string; parts: number[] } | undefined;
  // Classes repeat a few dozen version strings: each distinct text is looked at once.
  const looked = new Set<string>();
  for (let i = 0; i < classes.length; i++) {
    const text = stringOfKey(classes[i]!.declaredQualifiers, "version");
    if (text === undefined || looked.has(text)) continue;
    looked.add(text);
    if (!/^\d+(\.\d+)*$/.test(text.trim())) continue;
    const parts = text.trim().split(".").map(Number);
    if (best === undefined || compareParts(parts, best.parts) > 0) best = { text: text.trim(), parts };
  }
  return best?.text;
}

function compareParts(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
