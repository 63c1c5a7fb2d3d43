/**
 * Walks a program in source order (roots in order, descending into an included file where its
 * `#pragma include` stands, each file once) and collects declarations with the namespace in force.
 */
import type {
  ClassDeclaration,
  InstanceDeclaration,
  MofFile,
  PragmaDirective,
  QualifierTypeDeclaration,
} from "../ast/nodes.js";
import type { Program } from "../ast/program.js";
import { defaultNamespace, normalizeNamespace } from "../model/namespace.js";
import { amendmentLocale } from "./amendments.js";
import { keyOf } from "./symbols.js";

interface Declared<T> {
  readonly node: T;
  readonly namespace: string;
  readonly fromBase: boolean;
}

export type DeclaredClass = Declared<ClassDeclaration> & {
  /** Set for `[AMENDMENT, LOCALE(...)]` classes: localized qualifiers, not a class of their own. */
  readonly locale?: string;
};
export type DeclaredInstance = Declared<InstanceDeclaration>;
export type DeclaredQualifierType = Declared<QualifierTypeDeclaration>;

export interface Declarations {
  readonly classes: DeclaredClass[];
  readonly instances: DeclaredInstance[];
  readonly qualifierTypes: DeclaredQualifierType[];
}

export function emptyDeclarations(): Declarations {
  return { classes: [], instances: [], qualifierTypes: [] };
}

/** Appends the declarations of `program` to `into`, in source order. */
export function collectDeclarations(program: Program, fromBase: boolean, into: Declarations): void {
  const visited = new Set<MofFile>();
  const state = { namespace: defaultNamespace };
  // An explicit stack instead of recursion: include chains can be long.
  const stack: { file: MofFile; next: number }[] = [];
  const enter = (file: MofFile) => {
    if (visited.has(file)) return;
    visited.add(file);
    stack.push({ file, next: 0 });
  };
  for (const root of program.roots) {
    // Each input file is its own compilation unit: it starts in the default namespace.
    state.namespace = defaultNamespace;
    enter(root);
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const statement = frame.file.statements[frame.next++];
      if (statement === undefined) {
        stack.pop();
        continue;
      }
      switch (statement.kind) {
        case "PragmaDirective": {
          const included = pragma(statement, program, state);
          if (included !== undefined) enter(included);
          break;
        }
        case "QualifierTypeDeclaration":
          into.qualifierTypes.push({ node: statement, namespace: state.namespace, fromBase });
          break;
        case "ClassDeclaration": {
          const locale = amendmentLocale(statement, state.namespace);
          into.classes.push({ node: statement, namespace: state.namespace, fromBase, locale });
          break;
        }
        case "InstanceDeclaration":
          into.instances.push({ node: statement, namespace: state.namespace, fromBase });
          break;
      }
    }
  }
}

/** Applies a pragma to the walk state; returns the included file for `#pragma include`. */
function pragma(node: PragmaDirective, program: Program, state: { namespace: string }): MofFile | undefined {
  const name = keyOf(node.name.name);
  if (name === "include") return program.includes.get(node);
  if (name === "namespace") {
    const arg = node.args[0];
    if (arg?.kind === "StringLiteral") state.namespace = normalizeNamespace(arg.value, state.namespace);
  }
  return undefined;
}

/** The classes a program declares, by name key (the first declaration of a name wins). */
export function classesByName(program: Program): ReadonlyMap<string, ClassDeclaration> {
  const declarations = emptyDeclarations();
  collectDeclarations(program, true, declarations);
  const byName = new Map<string, ClassDeclaration>();
  for (const declared of declarations.classes) {
    const key = keyOf(declared.node.name.name);
    if (!byName.has(key)) byName.set(key, declared.node);
  }
  return byName;
}
