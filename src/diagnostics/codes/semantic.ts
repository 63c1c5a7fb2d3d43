import type { DiagnosticDefinition } from "../codes.js";

/** 20xx names, 21xx qualifier types, 22xx flavors, 23xx inheritance, 24xx ValueMap, 25xx instances, 26xx references. */
export const semanticCodes = {
  // 20xx names, duplicates and element declarations
  DuplicateClass: {
    code: 2001,
    severity: "error",
    message: "Class '{0}' is already declared in namespace '{1}'.",
    hint: "CIM class names are case-insensitive; rename one of the classes or put it in another namespace.",
  },
  DuplicateProperty: {
    code: 2002,
    severity: "error",
    message: "Property '{0}' is declared more than once in class '{1}'.",
    hint: "CIM property names are case-insensitive.",
  },
  DuplicateMethod: {
    code: 2003,
    severity: "error",
    message: "Method '{0}' is declared more than once in class '{1}'.",
    hint: "CIM method names are case-insensitive.",
  },
  DuplicateParameter: {
    code: 2004,
    severity: "error",
    message: "Parameter '{0}' is declared more than once in method '{1}'.",
  },
  DuplicateQualifier: {
    code: 2005,
    severity: "error",
    message: "Qualifier '{0}' appears more than once on the same element.",
  },
  ConflictingQualifierType: {
    code: 2006,
    severity: "warning",
    message: "Qualifier type '{0}' is declared again with a different definition; the first one is used.",
  },
  DefaultValueType: {
    code: 2007,
    severity: "error",
    message: "Default value of '{0}' does not fit its type {1}: {2}.",
  },
  PropertyMethodNameClash: {
    code: 2008,
    severity: "warning",
    message: "'{0}' in class '{1}' is both a property and a method.",
  },

  // 21xx qualifier types and qualifier values
  UndeclaredQualifier: {
    code: 2101,
    severity: "error",
    message: "Qualifier '{0}' is not declared.",
    hint: "Declare it with 'Qualifier {0} : type, Scope(...);' or compile without strict mode.",
  },
  QualifierScope: {
    code: 2102,
    severity: "error",
    message: "Qualifier '{0}' is not allowed on a {1}; its scope is {2}.",
  },
  QualifierValueType: {
    code: 2103,
    severity: "error",
    message: "Value of qualifier '{0}' does not fit its type {1}: {2}.",
  },
  QualifierTypeDefault: {
    code: 2104,
    severity: "error",
    message: "Default value of qualifier type '{0}' does not fit its type {1}: {2}.",
  },
  UnknownScope: {
    code: 2105,
    severity: "warning",
    message: "Unknown qualifier scope '{0}'.",
    hint: "Scopes are class, association, indication, property, reference, method, parameter, qualifier and any.",
  },
  UnknownFlavor: {
    code: 2106,
    severity: "warning",
    message: "Unknown flavor '{0}' is ignored.",
    hint: "Flavors are EnableOverride, DisableOverride, ToSubclass, Restricted, ToInstance, Translatable (and the WMI Amended, NotToInstance, NotToSubclass).",
  },
  ConflictingFlavors: {
    code: 2107,
    severity: "warning",
    message: "Flavors '{0}' and '{1}' contradict each other; the last one wins.",
  },

  // 22xx flavors and overriding
  DisableOverrideViolation: {
    code: 2201,
    severity: "error",
    message: "Qualifier '{0}' inherited from '{1}' has the DisableOverride flavor and cannot be changed.",
    hint: "Remove the qualifier or give it the inherited value.",
  },

  // 23xx inheritance
  UnknownSuperclass: {
    code: 2301,
    severity: "error",
    message: "Class '{0}' derives from unknown class '{1}'.",
    hint: "Declare '{1}', or pass the schema that declares it with --schema.",
  },
  InheritanceCycle: {
    code: 2302,
    severity: "error",
    message: "Class '{0}' is part of an inheritance cycle: {1}.",
  },
  OverrideTargetNotFound: {
    code: 2303,
    severity: "warning",
    message: "Override('{0}') on '{1}' names nothing inherited from '{2}'.",
  },
  OverrideTypeChange: {
    code: 2304,
    severity: "warning",
    message: "'{0}' overrides '{1}' with a different type ({2} instead of {3}).",
  },
  KeyAddedInSubclass: {
    code: 2305,
    severity: "warning",
    message: "Class '{0}' adds key property '{1}' although its superclass '{2}' already has keys.",
    hint: "DSP0004: a subclass of a class with keys does not introduce new keys.",
  },
  AmendmentTargetNotFound: {
    code: 2306,
    severity: "warning",
    message: "Amendment for unknown class '{0}' is ignored.",
    hint: "Compile the .mfl file together with the MOF that declares the class.",
  },
  AssociationKindMismatch: {
    code: 2307,
    severity: "warning",
    message: "Association '{0}' derives from '{1}', which is not an association.",
  },
  BuiltinClassUsed: {
    code: 2308,
    severity: "info",
    verboseOnly: true,
    message: "Class '{0}' is not declared by the inputs or --schema files: using mof2ts's built-in declaration in namespace '{1}'.",
    hint: "Pass the platform's own MOF with --schema to use its declaration instead, or turn built-in classes off with --no-builtins.",
  },
  AmendmentTakenAsDeclaration: {
    code: 2309,
    severity: "warning",
    message: "Class '{0}' is marked AMENDMENT without LOCALE and declared nowhere else: it is compiled as the declaration it spells.",
    hint: "Reference pages show classes with AMENDMENT; remove the qualifier, or compile this file together with the MOF that declares the class to use it as an amendment.",
  },

  // 24xx ValueMap / Values, BitMap / BitValues
  MapLengthMismatch: {
    code: 2401,
    severity: "warning",
    message: "{0} has {1} entries but {2} has {3}.",
    hint: "Each {0} entry is paired with the {2} entry at the same position.",
  },
  MapDuplicateEntry: {
    code: 2402,
    severity: "warning",
    message: "{0} entry '{1}' appears more than once.",
  },
  MapEntryInvalid: {
    code: 2403,
    severity: "error",
    message: "{0} entry '{1}' is not an integer, a range 'a..b' or '..'.",
  },
  MapEntryOutOfRange: {
    code: 2404,
    severity: "warning",
    message: "{0} entry '{1}' is outside the range of {2}.",
  },
  MapOnUnsupportedType: {
    code: 2405,
    severity: "warning",
    message: "{0} is not meaningful on an element of type {1}.",
  },
  MapRangeReversed: {
    code: 2406,
    severity: "warning",
    message: "{0} entry '{1}' is an empty range: its lower bound is above its upper bound.",
    hint: "Write the smaller bound first ('a..b' with a <= b).",
  },

  // 25xx instances and aliases
  InstanceOfUnknownClass: {
    code: 2501,
    severity: "error",
    message: "Instance of unknown class '{0}'.",
    hint: "Declare '{0}', or pass the schema that declares it with --schema.",
  },
  InstanceUnknownProperty: {
    code: 2502,
    severity: "error",
    message: "Class '{0}' has no property '{1}'.",
  },
  UnknownAlias: {
    code: 2503,
    severity: "error",
    message: "Alias '${0}' is not declared.",
  },
  DuplicateAlias: {
    code: 2504,
    severity: "error",
    message: "Alias '${0}' is already declared.",
  },
  InstanceValueType: {
    code: 2505,
    severity: "error",
    message: "Value of '{0}' does not fit its type {1}: {2}.",
  },
  DuplicateInstanceProperty: {
    code: 2506,
    severity: "error",
    message: "Property '{0}' is given more than once in this instance.",
  },
  InstanceOfAbstractClass: {
    code: 2507,
    severity: "warning",
    message: "Instance of abstract class '{0}'.",
  },

  // 26xx references and embedded classes
  UnknownReferenceClass: {
    code: 2601,
    severity: "error",
    message: "Reference '{0}' points to unknown class '{1}'.",
    hint: "Declare '{1}', or pass the schema that declares it with --schema.",
  },
  ReferenceOutsideAssociation: {
    code: 2602,
    severity: "warning",
    message: "Reference property '{0}' is declared in '{1}', which is not an association.",
    hint: "DSP0004: only associations have reference properties; add the Association qualifier or use a method parameter.",
  },
  UnknownEmbeddedClass: {
    code: 2603,
    severity: "warning",
    message: "'{0}' embeds unknown class '{1}'.",
  },
} as const satisfies Record<string, DiagnosticDefinition>;

/** Hint templates that replace a code's own hint when a better one is known. */
export const semanticHints = {
  /** `{0}`: the closest known name (edit distance). */
  didYouMean: "Did you mean '{0}'?",
  /** `{0}`: a PowerShell DSC base class (OMI_BaseResource, MSFT_Credential, MSFT_KeyValuePair). */
  dscBaseClass:
    "'{0}' is a PowerShell DSC base class, declared outside resource schemas: pass BaseResource.schema.mof with --schema (on Windows in %SystemRoot%\\System32\\Configuration\\BaseRegistration; in PowerShell 7 in the PSDesiredStateConfiguration module's Configuration/BaseRegistration folder), or declare the class yourself.",
  /** MOF2001 as a warning: a repeated declaration with the same superclass and members. */
  classRepeated:
    "The declarations have the same superclass, properties and methods, so the first one is used; remove the repeat (with --strict this is an error).",
  /** MOF2101 (strict mode) for a qualifier of the built-in DMTF or WMI set. `{0}`: its name. */
  standardQualifier:
    "'{0}' is a standard qualifier that strict mode accepts only when declared: pass the declarations with --schema (the DMTF CIM Schema ships qualifiers.mof and qualifiers_optional.mof next to its top file), or compile without --strict.",
  /** `{0}`: a class of the DMTF CIM Schema. */
  cimSchemaClass: "'{0}' belongs to the DMTF CIM Schema: pass the schema's top file with --schema (e.g. --schema cim_schema_2.49.0.mof from the CIM Schema MOF download at dmtf.org), or declare the class yourself.",
} as const;
