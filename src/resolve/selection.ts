/**
 * Which classes the schema keeps. Without `--class`, every input class; with it, the classes whose
 * names match a pattern (`*` and `?` wildcards, case-insensitive; base-schema classes match too).
 * `--namespace` keeps only the chosen classes in those namespaces. Then the closure: superclasses,
 * reference targets, embedded-instance classes and method parameter classes, transitively, so the
 * model is self-contained. Base-schema classes appear only through this closure.
 */
import { namespaceKey, normalizeNamespace } from "../model/namespace.js";
import type { CimClass } from "../model/schema.js";
import type { ClassEntry, ClassTable } from "./class-table.js";
import type { ClassResolver } from "./inheritance.js";
import { appendAll } from "../diagnostics/append.js";

export interface SelectionOptions {
  readonly classes?: readonly string[];
  readonly namespaces?: readonly string[];
}

/** A case-insensitive whole-name matcher for a `--class` pattern. */
export function classPattern(pattern: string): RegExp {
  const body = pattern
    .split("")
    .map((ch) => (ch === "*" ? ".*" : ch === "?" ? "." : ch.replace(/[.+^${}()|[\]\\]/g, "\\$&")))
    .join("");
  return new RegExp(`^${body}$`, "i");
}

/** True when no namespace filter is given or `namespace` is one of the chosen ones. */
export function namespaceFilter(namespaces: readonly string[] | undefined): (namespace: string) => boolean {
  if (namespaces === undefined || namespaces.length === 0) return () => true;
  // Names on the command line are absolute: `interop` means `interop`, not a child of root/cimv2.
  const keys = new Set(namespaces.map((n) => namespaceKey(normalizeNamespace(`/${n.replace(/\\/g, "/").replace(/^\/+/, "")}`))));
  return (namespace) => keys.has(namespaceKey(namespace));
}

export function selectClasses(
  table: ClassTable,
  resolver: ClassResolver,
  options: SelectionOptions,
  extraRoots: Iterable<ClassEntry>,
  /** Filled with each class kept through the closure -> the first kept class that needed it. */
  neededBy?: Map<CimClass, CimClass>,
): CimClass[] {
  const inNamespace = namespaceFilter(options.namespaces);
  const roots: ClassEntry[] = [];
  if (options.classes !== undefined && options.classes.length > 0) {
    const patterns = options.classes.map(classPattern);
    const matches = (entry: ClassEntry) => patterns.some((p) => p.test(entry.name));
    for (const entry of table.inputEntries) if (matches(entry)) roots.push(entry);
    for (const entry of table.visibleBaseEntries()) if (matches(entry)) roots.push(entry);
  } else {
    appendAll(roots, table.inputEntries);
    appendAll(roots, extraRoots);
  }
  const kept = new Set<ClassEntry>();
  const queue = roots.filter((entry) => inNamespace(entry.namespace));
  const result: CimClass[] = [];
  const firstNeeder = new Map<ClassEntry, CimClass>();
  for (let i = 0; i < queue.length; i++) {
    const entry = queue[i]!;
    if (kept.has(entry)) continue;
    kept.add(entry);
    const cls = resolver.resolve(entry);
    result.push(cls);
    const needer = firstNeeder.get(entry);
    if (needer !== undefined) neededBy?.set(cls, needer);
    for (const dependency of resolver.dependencies.get(cls) ?? []) {
      if (kept.has(dependency)) continue;
      queue.push(dependency);
      if (!firstNeeder.has(dependency)) firstNeeder.set(dependency, cls);
    }
  }
  return result;
}
