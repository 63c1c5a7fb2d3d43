/**
 * Per-file build context: the plan, the options, ts-morph's structure kinds (loaded lazily by
 * generate.ts) and the file's import collector, plus the name resolution every builder shares.
 */
import type { StructureKind, VariableDeclarationKind } from "ts-morph";
import { ImportCollector } from "./imports.js";
import type { ClassPlan, EmitPlan, EnumPlan, NamespacePlan } from "./plan.js";
import type { EmitOptions } from "./options.js";
import type { TypeRefs } from "./type-map.js";
import { runtimeFilePath, runtimeModuleOf, type RuntimeModule, type RuntimeSymbol } from "./runtime-files.js";

/** ts-morph's `StructureKind` enum object (a value, so it comes from the lazily imported module). */
export type StructureKinds = typeof StructureKind;

/** The enum objects builders need from the lazily imported ts-morph module. */
export interface MorphEnums {
  readonly StructureKind: typeof StructureKind;
  readonly VariableDeclarationKind: typeof VariableDeclarationKind;
}

export class FileContext implements TypeRefs {
  readonly imports: ImportCollector;
  readonly kinds: StructureKinds;
  /** Runtime modules this file refers to. */
  readonly usedRuntime: Set<RuntimeModule>;

  constructor(
    readonly file: string,
    readonly ns: NamespacePlan,
    readonly plan: EmitPlan,
    readonly options: EmitOptions,
    readonly morph: MorphEnums,
    shared?: { readonly imports: ImportCollector; readonly usedRuntime: Set<RuntimeModule> },
  ) {
    this.kinds = morph.StructureKind;
    this.imports = shared?.imports ?? new ImportCollector(file, ns.module.registry);
    this.usedRuntime = shared?.usedRuntime ?? new Set();
  }

  /** The same file seen from another namespace (single-file layout): imports and runtime use are shared. */
  withNamespace(ns: NamespacePlan): FileContext {
    return ns === this.ns ? this : new FileContext(this.file, ns, this.plan, this.options, this.morph, this);
  }

  /** A runtime helper (type or value), imported from the emitted runtime module. */
  runtime(name: RuntimeSymbol, typeOnly: boolean): string {
    const module = runtimeModuleOf(name);
    this.usedRuntime.add(module);
    return this.imports.use(name, runtimeFilePath(module, this.options), typeOnly, true);
  }

  /** TypeScript-only syntax inside a value (`<T>`, `as const`, `satisfies T`): left out when printing JavaScript. */
  tsOnly(text: string): string {
    return this.options.emit === "js" ? "" : text;
  }

  /**
   * The type a `.d.ts` gives a constant whose TypeScript source leaves it inferred (`--emit js` only, so
   * the TypeScript output gets no import it does not use).
   */
  declaredType(build: () => string): string | undefined {
    return this.options.emit === "js" ? build() : undefined;
  }

  runtimeType(name: "CimDateTime" | "CimReference" | "CimInstanceValue"): string {
    return this.runtime(name, true);
  }

  classInterface(className: string): string | undefined {
    const target = this.plan.findClass(className, this.ns);
    return target === undefined ? undefined : this.classSymbol(target, target.name, true);
  }

  /** Any symbol declared in a class's file (interface, enum, helper, metadata). */
  classSymbol(owner: ClassPlan, name: string, typeOnly: boolean): string {
    return this.imports.use(name, owner.file, typeOnly, owner.ns.module === this.ns.module);
  }

  enumType(plan: EnumPlan): string {
    return this.classSymbol(plan.owner, plan.name, true);
  }
}

/**
 * Type references spelled by identity (`file#name`) instead of local names: comparing two types built
 * with it tells whether a subclass's property type differs from its parent's.
 */
export function canonicalRefs(plan: EmitPlan, ns: NamespacePlan): TypeRefs {
  // One per namespace (a namespace plan belongs to one emit plan): asked for on every override check.
  let refs = canonicalRefsByNamespace.get(ns);
  if (refs === undefined) {
    refs = {
      runtimeType: (name) => name,
      classInterface: (className) => {
        const target = plan.findClass(className, ns);
        return target === undefined ? undefined : `${target.file}#${target.name}`;
      },
    };
    canonicalRefsByNamespace.set(ns, refs);
  }
  return refs;
}

const canonicalRefsByNamespace = new WeakMap<NamespacePlan, TypeRefs>();
