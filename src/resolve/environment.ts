/**
 * The tables class resolution reads: built once per `resolve` call.
 */
import type { CimClass } from "../model/schema.js";
import type { ResolveContext } from "./context.js";
import type { ClassEntry, ClassTable } from "./class-table.js";
import type { QualifierTypeTable } from "./qualifier-types.js";
import type { AmendmentIndex } from "./amendments.js";

export interface ResolveEnvironment {
  readonly ctx: ResolveContext;
  readonly classes: ClassTable;
  readonly qualifierTypes: QualifierTypeTable;
  readonly amendments: AmendmentIndex;
}

/** The class being built: what member resolution needs to know about it. */
export interface ClassScope {
  readonly env: ResolveEnvironment;
  readonly className: string;
  readonly namespace: string;
  readonly superclassName: string | undefined;
  /** The superclass as resolved (for "did you mean" among inherited members). */
  readonly superclass: CimClass | undefined;
  /** True when the superclass chain could not be resolved completely (follow-up checks stay quiet). */
  readonly incomplete: boolean;
  readonly isAssociation: boolean;
  /** Classes this class's own members point at (references, embedded instances, parameters). */
  readonly dependencies: Set<ClassEntry>;
}
