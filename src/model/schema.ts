/**
 * The resolved schema model: what `resolve` produces and `emit` (and `inspect`, `diff`) consume.
 * Every class carries its effective features (inherited ones included, each with its class of origin)
 * and every ValueMap/BitMap is already understood. Plain readonly data, no AST nodes: `emit` never
 * imports `ast/`. Names keep their declared spelling; look them up through `nameKey` (lower case).
 */
import type { Span } from "../diagnostics/diagnostic.js";
import type { BitMap, ValueMap } from "./value-map.js";

/** CIM data types after resolution. `reference` has `referenceClass`; `object` is an embedded object
 *  with `embeddedClass` when the class is known (EmbeddedInstance qualifier or class-typed property). */
export type CimType =
  | "uint8"
  | "sint8"
  | "uint16"
  | "sint16"
  | "uint32"
  | "sint32"
  | "uint64"
  | "sint64"
  | "real32"
  | "real64"
  | "char16"
  | "string"
  | "boolean"
  | "datetime"
  | "reference"
  | "object";

/** A scalar value: integers are `number` when safe, `bigint` beyond 2^53. */
export type CimScalar = string | number | bigint | boolean | null;

/** A default value, qualifier value or instance property value. */
export type CimValue =
  | CimScalar
  | readonly CimValue[]
  | { readonly kind: "alias"; readonly name: string }
  | { readonly kind: "instance"; readonly instance: CimInstance }
  | { readonly kind: "enum"; readonly name: string };

/** Where an element was declared: file and 1-based line, plus the exact span for diagnostics. */
export interface SourceLocation {
  readonly file: string;
  readonly line: number;
  readonly span: Span;
}

export interface CimFlavors {
  /** DisableOverride forbids subclasses to change the value. */
  readonly overridable: boolean;
  /** ToSubclass (default) propagates to subclasses; Restricted does not. */
  readonly toSubclass: boolean;
  readonly toInstance: boolean;
  readonly translatable: boolean;
  /** WMI: the value lives in a localized amendment (.mfl). */
  readonly amended: boolean;
}

/** A qualifier value attached to an element, with the class that declared it. */
export interface CimQualifier {
  /** Spelling as declared (by the qualifier type if known, else as written). */
  readonly name: string;
  readonly value: CimValue;
  readonly flavors: CimFlavors;
  /** Class whose MOF carries this qualifier (differs from the element's class when inherited). */
  readonly origin: string;
  readonly source?: SourceLocation;
}

/** Effective qualifiers of an element, keyed by `nameKey(name)`; iteration order is declaration order. */
export type QualifierSet = ReadonlyMap<string, CimQualifier>;

interface TypedElement {
  readonly name: string;
  readonly type: CimType;
  readonly isArray: boolean;
  /** Fixed array size `[N]`; absent for variable arrays and scalars. */
  readonly arraySize?: number;
  /** For `reference`: the target class name as resolved (declared spelling of the target). */
  readonly referenceClass?: string;
  /** For `object` / EmbeddedInstance("X") strings: the class of the embedded instance. */
  readonly embeddedClass?: string;
  /** EmbeddedObject qualifier on a string property: any instance. */
  readonly isEmbeddedObject?: boolean;
  readonly default?: CimValue;
  /** Effective qualifiers: inherited ones per flavor rules, overridden ones replaced. */
  readonly qualifiers: QualifierSet;
  /** Qualifiers written on this element in this very class (what `inspect` reports). */
  readonly declaredQualifiers: QualifierSet;
  /** ValueMap/Values (or Values alone) understood; absent when the element has neither. */
  readonly valueMap?: ValueMap;
  /** BitMap/BitValues understood. */
  readonly bitMap?: BitMap;
  readonly source: SourceLocation;
}

export interface CimProperty extends TypedElement {
  /** Class that first declared this property. */
  readonly classOrigin: string;
  /** True when this class redeclares (overrides) an inherited property. */
  readonly isOverride: boolean;
  /** Class whose declaration this one overrides, if any. */
  readonly overrides?: string;
  readonly isKey: boolean;
  readonly isRequired: boolean;
  /** Write qualifier: the property may be modified by clients. */
  readonly isWritable: boolean;
  /** Flattened description (the effective Description qualifier). */
  readonly description?: string;
}

export interface CimParameter extends TypedElement {
  readonly direction: "in" | "out" | "inout";
  readonly description?: string;
}

export interface CimMethod {
  readonly name: string;
  /** `void` methods have no return type. */
  readonly returnType?: CimType;
  readonly returnIsArray: boolean;
  readonly returnReferenceClass?: string;
  readonly returnEmbeddedClass?: string;
  readonly returnValueMap?: ValueMap;
  readonly parameters: readonly CimParameter[];
  readonly classOrigin: string;
  readonly isOverride: boolean;
  readonly overrides?: string;
  readonly qualifiers: QualifierSet;
  readonly declaredQualifiers: QualifierSet;
  readonly isStatic: boolean;
  readonly description?: string;
  readonly source: SourceLocation;
}

export interface CimClass {
  readonly name: string;
  readonly namespace: string;
  readonly superclass?: string;
  /** Effective class qualifiers (inherited ones included per flavor). */
  readonly qualifiers: QualifierSet;
  /** Qualifiers written on this class declaration. */
  readonly declaredQualifiers: QualifierSet;
  /** All properties, inherited first (root class first), then this class's new ones, in declaration
   *  order; an override stands where the overridden property first appeared. */
  readonly properties: readonly CimProperty[];
  readonly methods: readonly CimMethod[];
  readonly isAssociation: boolean;
  readonly isIndication: boolean;
  readonly isAbstract: boolean;
  readonly description?: string;
  /** Per-locale amended qualifiers from .mfl / [AMENDMENT, LOCALE(...)] content. */
  readonly localized?: ReadonlyMap<string, LocalizedClass>;
  readonly source: SourceLocation;
  /** True when the class came only from `--schema` (base schemas) or the built-in platform classes,
   *  not from the inputs. */
  readonly fromBaseSchema: boolean;
  /** True when mof2ts's built-in platform schema declared the class (no input or `--schema` file did). */
  readonly builtin?: boolean;
}

/** Localized (amended) qualifier values for one locale, e.g. "ms_409". */
export interface LocalizedClass {
  readonly locale: string;
  readonly qualifiers: QualifierSet;
  /** nameKey(property or method) -> qualifiers for that element. */
  readonly members: ReadonlyMap<string, QualifierSet>;
}

export interface CimQualifierType {
  readonly name: string;
  /** Absent for WMI typeless declarations. */
  readonly type?: CimType;
  readonly isArray: boolean;
  readonly default?: CimValue;
  /** Lower-case scope names; `any` when the declaration says so. */
  readonly scopes: readonly string[];
  readonly flavors: CimFlavors;
  /** Where it came from: the inputs, or the built-in DMTF / WMI sets. */
  readonly origin: "input" | "dmtf" | "wmi";
  readonly source?: SourceLocation;
}

export interface CimInstance {
  readonly className: string;
  readonly namespace: string;
  readonly alias?: string;
  readonly properties: readonly { readonly name: string; readonly value: CimValue; readonly type?: CimType }[];
  readonly source: SourceLocation;
}

export interface CimNamespace {
  /** Normalized: `root/cimv2`, lower-case separators `/`, declared spelling of each segment kept. */
  readonly name: string;
  /** Sorted by nameKey. */
  readonly classes: readonly CimClass[];
  readonly instances: readonly CimInstance[];
}

export interface CimSchema {
  /** Sorted by name. */
  readonly namespaces: readonly CimNamespace[];
  /** Declared (input) and built-in qualifier types, keyed by nameKey. */
  readonly qualifierTypes: ReadonlyMap<string, CimQualifierType>;
  /** Schema version when known (e.g. from a Version qualifier on the top classes or a pragma). */
  readonly version?: string;
  /** Input files that contributed, in load order (for banners and hashes). */
  readonly inputs: readonly string[];
}
