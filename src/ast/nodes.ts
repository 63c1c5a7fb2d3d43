/**
 * The syntax tree: what the parser produces and `resolve` consumes. Faithful to the source (one tree per
 * file, declaration order kept, names in their original spelling, every node with an exact span).
 * Literal values are already decoded (strings unescaped, integers exact as bigint).
 * Grammar reference: grammar/mof.ebnf (DSP0004 2.8 Annex A, plus the WMI dialect deltas).
 */
import type { Span } from "../diagnostics/diagnostic.js";

export type { Span };

/** A name as written, with its span. CIM names are case-insensitive: compare with `nameKey`. */
export interface Identifier {
  readonly kind: "Identifier";
  readonly name: string;
  readonly span: Span;
}

/** The key every case-insensitive lookup goes through. */
export function nameKey(name: string): string {
  return name.toLowerCase();
}

// ---------------------------------------------------------------------------------------------------
// Files and statements

export interface MofFile {
  readonly kind: "MofFile";
  /** File name as used in spans and diagnostics. */
  readonly file: string;
  readonly statements: readonly Statement[];
  readonly span: Span;
}

export type Statement =
  | PragmaDirective
  | QualifierTypeDeclaration
  | ClassDeclaration
  | InstanceDeclaration;

/**
 * `#pragma name(args)`. Known names (case-insensitive): include, namespace, locale, instancelocale,
 * and the WMI ones classflags, instanceflags, deleteclass, deleteinstance, autorecover, amendment,
 * nonlocal, nonlocaltype, source, sourcetype. Unknown pragmas are kept too.
 */
export interface PragmaDirective {
  readonly kind: "PragmaDirective";
  readonly name: Identifier;
  /** Arguments in order: strings, integers, or bare identifiers such as FAIL / NOFAIL. */
  readonly args: readonly PragmaArgument[];
  readonly span: Span;
}

export type PragmaArgument = StringLiteral | IntegerLiteral | EnumLiteral;

// ---------------------------------------------------------------------------------------------------
// Types

/** The CIM intrinsic types; `object` is the WMI dialect's untyped embedded object. */
export type IntrinsicTypeName =
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
  | "object";

export const intrinsicTypeNames: readonly IntrinsicTypeName[] = [
  "uint8", "sint8", "uint16", "sint16", "uint32", "sint32", "uint64", "sint64",
  "real32", "real64", "char16", "string", "boolean", "datetime", "object",
];

/**
 * The declared type of a property, parameter, method return or qualifier type.
 * - intrinsic:  `uint16 X`
 * - reference:  `CIM_ManagedElement REF X` (className may be `object` in WMI files)
 * - class:      `CIM_Foo X` — an embedded instance of a class (MOF 3 / WMI style)
 */
export type TypeReference =
  | { readonly kind: "IntrinsicType"; readonly name: IntrinsicTypeName; readonly span: Span }
  | { readonly kind: "ReferenceType"; readonly className: Identifier; readonly span: Span }
  | { readonly kind: "ClassType"; readonly className: Identifier; readonly span: Span };

/** `[]` (variable length) or `[N]` (fixed size). Absent when the element is not an array. */
export interface ArraySpecifier {
  readonly size?: number;
  readonly span: Span;
}

// ---------------------------------------------------------------------------------------------------
// Qualifiers

/** A flavor keyword as written: EnableOverride, DisableOverride, ToSubclass, Restricted, Translatable,
 *  ToInstance, and the WMI Amended, NotToInstance, NotToSubclass. */
export interface Flavor {
  readonly kind: "Flavor";
  readonly name: string;
  readonly span: Span;
}

/** A qualifier on an element: `Key`, `ValueMap { "0", "2" }`, `Description("…"): Amended`. */
export interface Qualifier {
  readonly kind: "Qualifier";
  readonly name: Identifier;
  /** `Name(value)` or `Name{ values }`; absent for a bare `Name` (which means true for booleans). */
  readonly value?: Value;
  readonly flavors: readonly Flavor[];
  readonly span: Span;
}

/** `Qualifier Name : type[] = default, Scope(class, property), Flavor(ToSubclass);` */
export interface QualifierTypeDeclaration {
  readonly kind: "QualifierTypeDeclaration";
  readonly name: Identifier;
  /** Absent for the WMI typeless form `qualifier write:ToInstance ToSubClass;`. */
  readonly type?: TypeReference;
  readonly array?: ArraySpecifier;
  readonly defaultValue?: Value;
  /** Scope keywords as written (class, association, indication, property, reference, method,
   *  parameter, qualifier, any…). */
  readonly scopes: readonly Identifier[];
  readonly flavors: readonly Flavor[];
  readonly span: Span;
}

// ---------------------------------------------------------------------------------------------------
// Classes

export interface ClassDeclaration {
  readonly kind: "ClassDeclaration";
  readonly qualifiers: readonly Qualifier[];
  /** The keyword used: `class`, or the MOF 3 `association` / `indication` forms. */
  readonly keyword: "class" | "association" | "indication";
  readonly name: Identifier;
  /** `class X as $Alias` (DSP0004 2.x alias on classes). */
  readonly alias?: Identifier;
  readonly superclass?: Identifier;
  readonly features: readonly Feature[];
  readonly span: Span;
}

export type Feature = PropertyDeclaration | MethodDeclaration;

/** A property or reference (`type.kind === "ReferenceType"`). */
export interface PropertyDeclaration {
  readonly kind: "PropertyDeclaration";
  readonly qualifiers: readonly Qualifier[];
  readonly type: TypeReference;
  readonly name: Identifier;
  readonly array?: ArraySpecifier;
  readonly defaultValue?: Value;
  readonly span: Span;
}

export interface MethodDeclaration {
  readonly kind: "MethodDeclaration";
  readonly qualifiers: readonly Qualifier[];
  /** Absent for `void`. */
  readonly returnType?: TypeReference;
  /** MOF 3 allows array returns: `string[] Foo();`. */
  readonly returnArray?: ArraySpecifier;
  readonly name: Identifier;
  readonly parameters: readonly ParameterDeclaration[];
  readonly span: Span;
}

export interface ParameterDeclaration {
  readonly kind: "ParameterDeclaration";
  readonly qualifiers: readonly Qualifier[];
  readonly type: TypeReference;
  readonly name: Identifier;
  readonly array?: ArraySpecifier;
  readonly defaultValue?: Value;
  readonly span: Span;
}

// ---------------------------------------------------------------------------------------------------
// Instances

/** `[qualifiers] instance of ClassName as $Alias { Prop = value; … };` */
export interface InstanceDeclaration {
  readonly kind: "InstanceDeclaration";
  readonly qualifiers: readonly Qualifier[];
  readonly className: Identifier;
  readonly alias?: Identifier;
  readonly properties: readonly PropertyValue[];
  readonly span: Span;
}

/** `[qualifiers] Name = value;` or `Name;` (a property listed without a value). */
export interface PropertyValue {
  readonly kind: "PropertyValue";
  readonly qualifiers: readonly Qualifier[];
  readonly name: Identifier;
  readonly value?: Value;
  readonly span: Span;
}

// ---------------------------------------------------------------------------------------------------
// Values

export type Value =
  | StringLiteral
  | Char16Literal
  | IntegerLiteral
  | RealLiteral
  | BooleanLiteral
  | NullLiteral
  | ArrayLiteral
  | AliasReference
  | EnumLiteral
  | InstanceValue;

/** A string; adjacent literals are already concatenated and escapes decoded. */
export interface StringLiteral {
  readonly kind: "StringLiteral";
  readonly value: string;
  readonly span: Span;
}

export interface Char16Literal {
  readonly kind: "Char16Literal";
  readonly value: string;
  readonly span: Span;
}

/** Decimal, hex (`0x1F`), octal (`017`) or binary (`101b`); exact at any size. */
export interface IntegerLiteral {
  readonly kind: "IntegerLiteral";
  readonly value: bigint;
  readonly radix: 2 | 8 | 10 | 16;
  readonly span: Span;
}

export interface RealLiteral {
  readonly kind: "RealLiteral";
  readonly value: number;
  readonly span: Span;
}

export interface BooleanLiteral {
  readonly kind: "BooleanLiteral";
  readonly value: boolean;
  readonly span: Span;
}

export interface NullLiteral {
  readonly kind: "NullLiteral";
  readonly span: Span;
}

/** `{ v1, v2 }`; `{}` is an empty array. */
export interface ArrayLiteral {
  readonly kind: "ArrayLiteral";
  readonly elements: readonly Value[];
  readonly span: Span;
}

/** `$Alias`: a reference to an instance (or class) declared `as $Alias`, anywhere in the inputs. */
export interface AliasReference {
  readonly kind: "AliasReference";
  /** Without the `$`. */
  readonly name: string;
  readonly span: Span;
}

/** A bare identifier used as a value (pragma arguments like NOFAIL; MOF 3 enumeration values). */
export interface EnumLiteral {
  readonly kind: "EnumLiteral";
  readonly name: string;
  readonly span: Span;
}

/** `instance of X { … }` written inline as a value (embedded instance, WMI style). */
export interface InstanceValue {
  readonly kind: "InstanceValue";
  readonly instance: InstanceDeclaration;
  readonly span: Span;
}

export type Node =
  | MofFile
  | Statement
  | Feature
  | ParameterDeclaration
  | PropertyValue
  | Qualifier
  | Flavor
  | Identifier
  | Value;
