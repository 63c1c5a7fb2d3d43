/**
 * The class symbol table: case-insensitive, per namespace, inputs before base schemas. A name is looked
 * up in the asking namespace first, then in any namespace, inputs first: classes declared in the inputs
 * shadow same-named base-schema classes wherever those are declared. A name nobody declares falls back
 * to the built-in platform classes, placed in the asking namespace (on Windows a subclass lives in its
 * superclass's namespace), so they never shadow anything.
 */
import type { ClassDeclaration } from "../ast/nodes.js";
import { namespaceKey } from "../model/namespace.js";
import { Diagnostics } from "../diagnostics/codes.js";
import { semanticHints } from "../diagnostics/codes/semantic.js";
import type { ResolveContext } from "./context.js";
import type { DeclaredClass } from "./collect.js";
import { SymbolTable, keyOf } from "./symbols.js";

export interface ClassEntry {
  readonly node: ClassDeclaration;
  readonly name: string;
  readonly key: string;
  readonly namespace: string;
  readonly fromBase: boolean;
  /** Declared by mof2ts's built-in platform schema (implies `fromBase`). */
  readonly builtin?: boolean;
}

/** Built-in class declarations by name key; asked for only when a name is declared nowhere else. */
export type BuiltinClasses = () => ReadonlyMap<string, ClassDeclaration>;

interface Layer {
  /** namespaceKey -> classes of that namespace. */
  readonly byNamespace: Map<string, SymbolTable<ClassEntry>>;
  /** Any namespace; the first declaration of a name wins. */
  readonly anywhere: SymbolTable<ClassEntry>;
}

function layer(): Layer {
  return { byNamespace: new Map(), anywhere: new SymbolTable() };
}

export class ClassTable {
  private readonly inputs = layer();
  private readonly bases = layer();
  /** Input classes in declaration order. */
  readonly inputEntries: ClassEntry[] = [];
  /** Built-in classes placed so far, by namespace key and name key. */
  private readonly placedBuiltins = new Map<string, ClassEntry>();
  private builtinDeclarations: ReadonlyMap<string, ClassDeclaration> | undefined;

  constructor(private readonly builtins?: BuiltinClasses) {}

  /** Adds a class; a second input class with the same name in the same namespace is reported. */
  add(declared: DeclaredClass, ctx: ResolveContext): ClassEntry | undefined {
    const node = declared.node;
    const entry: ClassEntry = {
      node,
      name: node.name.name,
      key: keyOf(node.name.name),
      namespace: declared.namespace,
      fromBase: declared.fromBase,
    };
    const target = declared.fromBase ? this.bases : this.inputs;
    const nsKey = namespaceKey(declared.namespace);
    let table = target.byNamespace.get(nsKey);
    if (table === undefined) {
      table = new SymbolTable();
      target.byNamespace.set(nsKey, table);
    }
    const first = table.define(entry.key, entry);
    if (first !== undefined) {
      if (!declared.fromBase) {
        // Concatenated MOFs repeat whole class declarations; mofcomp takes that as an update. When the
        // same spelling repeats and only class qualifiers differ, keeping the first loses nothing: warn.
        const repeated = !ctx.strict && first.node.name.name === node.name.name && memberShape(first.node) === memberShape(node);
        ctx.report(Diagnostics.DuplicateClass, node.name.span, [entry.name, declared.namespace], {
          related: [{ message: "first declared here", span: first.node.name.span }],
          ...(repeated ? { severity: "warning" as const, hint: semanticHints.classRepeated } : {}),
        });
      }
      return undefined;
    }
    target.anywhere.define(entry.key, entry);
    if (!declared.fromBase) this.inputEntries.push(entry);
    return entry;
  }

  /** Finds a class by name as seen from `namespace`; `withBuiltins: false` looks at declared classes only. */
  lookup(name: string, namespace: string, withBuiltins = true): ClassEntry | undefined {
    const key = keyOf(name);
    const nsKey = namespaceKey(namespace);
    return (
      this.inputs.byNamespace.get(nsKey)?.get(key) ??
      this.inputs.anywhere.get(key) ??
      this.bases.byNamespace.get(nsKey)?.get(key) ??
      this.bases.anywhere.get(key) ??
      (withBuiltins ? this.builtin(key, nsKey, namespace) : undefined)
    );
  }

  /** The built-in class `key` placed in `namespace` (one entry per namespace that asks). */
  private builtin(key: string, nsKey: string, namespace: string): ClassEntry | undefined {
    if (this.builtins === undefined) return undefined;
    const placedKey = `${nsKey}\0${key}`;
    const placed = this.placedBuiltins.get(placedKey);
    if (placed !== undefined) return placed;
    this.builtinDeclarations ??= this.builtins();
    const node = this.builtinDeclarations.get(key);
    if (node === undefined) return undefined;
    const entry: ClassEntry = { node, name: node.name.name, key, namespace, fromBase: true, builtin: true };
    this.placedBuiltins.set(placedKey, entry);
    return entry;
  }

  /** Every known class name (for "did you mean"). */
  *names(): Iterable<string> {
    for (const entry of this.inputs.anywhere.values()) yield entry.name;
    for (const entry of this.bases.anywhere.values()) if (!this.inputs.anywhere.has(entry.key)) yield entry.name;
  }

  /** Base-schema classes not shadowed by an input class, in declaration order. */
  *visibleBaseEntries(): Iterable<ClassEntry> {
    for (const entry of this.bases.anywhere.values()) if (!this.inputs.anywhere.has(entry.key)) yield entry;
  }
}

/** Superclass and members of a declaration without positions: equal shapes declare the same class body. */
function memberShape(node: ClassDeclaration): string {
  return JSON.stringify([node.superclass?.name.toLowerCase() ?? "", node.features], (key, value: unknown) =>
    key === "span" ? undefined : typeof value === "bigint" ? `${value}n` : value,
  );
}
