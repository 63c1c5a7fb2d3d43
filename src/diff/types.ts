/**
 * The result of comparing two schema versions: a flat, sorted list of changes, each graded by what it does
 * to the generated TypeScript, plus counts. Plain data, stable as JSON (`mof2ts diff --format json`).
 */

/**
 * `breaking`: code that compiled against the old generated TypeScript may not compile against the new
 * (a type, member or enum member disappears or changes, a property turns required/optional or readonly).
 * `compatible`: additions and documentation-level changes (Deprecated, Experimental, Version).
 */
export type ChangeGrade = "breaking" | "compatible";

export type ChangeKind =
  | "class-added"
  | "class-removed"
  | "class-moved"
  | "superclass-changed"
  | "class-qualifier-changed"
  | "property-added"
  | "property-removed"
  | "property-type-changed"
  | "key-changed"
  | "required-changed"
  | "write-changed"
  | "property-qualifier-changed"
  | "method-added"
  | "method-removed"
  | "return-type-changed"
  | "method-qualifier-changed"
  | "parameter-added"
  | "parameter-removed"
  | "parameter-type-changed"
  | "parameter-direction-changed"
  | "parameter-required-changed"
  | "value-map-added"
  | "value-map-removed"
  | "value-added"
  | "value-removed"
  | "value-renamed";

export interface SchemaChange {
  readonly kind: ChangeKind;
  readonly grade: ChangeGrade;
  /** Namespace of the class (the new one for moved classes). */
  readonly namespace: string;
  /** Declared spelling of the class (new side when it exists there). */
  readonly className: string;
  /** Property or method name, for member-level changes. */
  readonly member?: string;
  /** Parameter name, for parameter-level changes (and value changes of a parameter's value map). */
  readonly parameter?: string;
  /** The value-map entry (`"4"`, `"4..32767"`, `".."`) for value changes; the qualifier name for qualifier changes. */
  readonly detail?: string;
  /** What it was and what it is, as short text (a type, a label, a qualifier value). */
  readonly before?: string;
  readonly after?: string;
  /** One sentence for people. */
  readonly message: string;
}

export interface DiffSummary {
  readonly classesAdded: number;
  readonly classesRemoved: number;
  /** Classes present on both sides with at least one change (moved classes included). */
  readonly classesChanged: number;
  readonly breaking: number;
  readonly compatible: number;
  /** Number of changes of each kind that occurred, sorted by kind. */
  readonly byKind: Readonly<Partial<Record<ChangeKind, number>>>;
}

export interface SchemaDiff {
  readonly summary: DiffSummary;
  /** Sorted by namespace, class, then class-level before member-level changes. */
  readonly changes: readonly SchemaChange[];
}

export type DiffFormat = "text" | "markdown" | "json";

/** How 64-bit integers are generated (`--int64`); diff grades 64-bit type changes the same way. */
import type { Int64Style } from "../emit/type-map.js";
export type { Int64Style };

export interface DiffOptions {
  /** The `--int64` the code is generated with (default `number`, as `generate`). */
  readonly int64?: Int64Style;
}
