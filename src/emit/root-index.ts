/**
 * The root index of an output with several namespaces. It re-exports each namespace as an object
 * (`export * as root_cimv2 from …`), and also, by name, every symbol that only one namespace exports:
 * esbuild keeps every member of a namespace object once the object is used, while a named re-export
 * shakes like an import from the class's own file. A name several namespaces export stays reachable
 * only through the namespace objects (two `export *` of one name would be ambiguous: TS2308).
 */
import type {
  EnumDeclarationStructure,
  ExportDeclarationStructure,
  FunctionDeclarationStructure,
  InterfaceDeclarationStructure,
  StatementStructures,
  TypeAliasDeclarationStructure,
  VariableStatementStructure,
} from "ts-morph";
import type { MorphEnums } from "./context.js";
import { STATEMENT_KINDS } from "./print.js";
import { compareText } from "./names.js";

/** The names a module exports: `values` also name a type when one is declared alongside (enums). */
export interface ExportedNames {
  readonly values: Set<string>;
  readonly types: Set<string>;
}

export function emptyExportedNames(): ExportedNames {
  return { values: new Set(), types: new Set() };
}

/** Adds the names the exported declarations of `body` declare. */
export function addExportedNames(names: ExportedNames, body: readonly StatementStructures[]): void {
  for (const statement of body) {
    if (!("isExported" in statement) || statement.isExported !== true) continue;
    switch (statement.kind as number) {
      case STATEMENT_KINDS.Interface:
      case STATEMENT_KINDS.TypeAlias:
        names.types.add((statement as InterfaceDeclarationStructure | TypeAliasDeclarationStructure).name);
        break;
      case STATEMENT_KINDS.Enum:
      case STATEMENT_KINDS.Function: {
        const name = (statement as EnumDeclarationStructure | FunctionDeclarationStructure).name;
        if (name !== undefined) names.values.add(name);
        break;
      }
      case STATEMENT_KINDS.VariableStatement:
        for (const declaration of (statement as VariableStatementStructure).declarations) names.values.add(declaration.name);
        break;
    }
  }
}

export interface NamespaceExports {
  /** The namespace index, as the root index imports it (`./root_cimv2/index.js`). */
  readonly specifier: string;
  readonly names: ExportedNames;
}

/**
 * `export { … } from` each namespace index for the values only it exports, `export type { … }` for its
 * types; `typesOnly` (`--emit types`) makes both type-only. Names in `taken` (the namespace objects'
 * own names) are left out. Sorted, so the output does not depend on the order names were met.
 */
export function rootNamedExports(namespaces: readonly NamespaceExports[], taken: ReadonlySet<string>, typesOnly: boolean, morph: MorphEnums): ExportDeclarationStructure[] {
  const count = new Map<string, number>();
  for (const { names } of namespaces) {
    for (const name of new Set([...names.values, ...names.types])) count.set(name, (count.get(name) ?? 0) + 1);
  }
  const unique = (name: string): boolean => count.get(name) === 1 && !taken.has(name);
  const statements: ExportDeclarationStructure[] = [];
  for (const { specifier, names } of namespaces) {
    const values = [...names.values].filter(unique);
    const types = [...names.types].filter((name) => unique(name) && !names.values.has(name));
    const groups = typesOnly ? [{ list: [...values, ...types], isTypeOnly: true }] : [{ list: values, isTypeOnly: false }, { list: types, isTypeOnly: true }];
    for (const { list, isTypeOnly } of groups) {
      if (list.length === 0) continue;
      statements.push({ kind: morph.StructureKind.ExportDeclaration, moduleSpecifier: specifier, isTypeOnly, namedExports: list.sort(compareText) });
    }
  }
  return statements;
}
