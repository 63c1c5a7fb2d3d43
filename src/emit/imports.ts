/**
 * Collects what one output file imports while its declarations are built, then renders sorted
 * import declarations (`import type` when every name is used as a type only).
 */
import type { ImportDeclarationStructure, OptionalKind } from "ts-morph";
import type { NameRegistry } from "./names.js";
import { compareText } from "./names.js";
import { importSpecifier } from "./plan.js";

interface ImportedName {
  readonly name: string;
  readonly local: string;
  typeOnly: boolean;
}

export class ImportCollector {
  private readonly byFile = new Map<string, Map<string, ImportedName>>();
  private readonly locals = new Map<string, string>();

  /**
   * @param file the file being built
   * @param ownNames names declared in the file's own output module (an import from another module
   *   that would shadow one of them is aliased)
   */
  constructor(
    readonly file: string,
    private readonly ownNames: NameRegistry,
  ) {}

  /**
   * The local name under which `name`, exported by `fromFile`, is visible in this file; records the
   * import. Imports from another output module get an alias (`Name_2`) when the name is taken here.
   */
  use(name: string, fromFile: string, typeOnly: boolean, sameModule: boolean): string {
    if (fromFile === this.file) return name;
    let names = this.byFile.get(fromFile);
    if (names === undefined) {
      names = new Map();
      this.byFile.set(fromFile, names);
    }
    const existing = names.get(name);
    if (existing !== undefined) {
      existing.typeOnly &&= typeOnly;
      return existing.local;
    }
    const identity = `${fromFile}#${name}`;
    const clashes = (candidate: string): boolean =>
      (this.locals.has(candidate) && this.locals.get(candidate) !== identity) || (!sameModule && this.ownNames.has(candidate));
    let local = name;
    for (let n = 2; clashes(local); n++) local = `${name}_${n}`;
    this.locals.set(local, identity);
    names.set(name, { name, local, typeOnly });
    return local;
  }

  /** Import declarations sorted by specifier, names sorted within each. */
  structures(importKind: ImportDeclarationStructure["kind"]): ImportDeclarationStructure[] {
    const entries = [...this.byFile.entries()].map(([file, names]) => ({ specifier: importSpecifier(this.file, file), names: [...names.values()] }));
    entries.sort((a, b) => compareText(a.specifier, b.specifier));
    return entries.map(({ specifier, names }) => {
      names.sort((a, b) => compareText(a.local, b.local));
      const allTypes = names.every((n) => n.typeOnly);
      const namedImports: OptionalKind<import("ts-morph").ImportSpecifierStructure>[] = names.map((n) => {
        // Fields set only when needed (no object spreads: one specifier per imported name of every file).
        const specifier: OptionalKind<import("ts-morph").ImportSpecifierStructure> = { name: n.name };
        if (n.local !== n.name) specifier.alias = n.local;
        if (n.typeOnly && !allTypes) specifier.isTypeOnly = true;
        return specifier;
      });
      return { kind: importKind, moduleSpecifier: specifier, isTypeOnly: allTypes, namedImports };
    });
  }
}
