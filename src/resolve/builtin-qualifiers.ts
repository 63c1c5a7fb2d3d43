/**
 * Built-in qualifier types, as data, so a lone vendor or WMI MOF compiles without a qualifiers.mof
 * (mofcomp behaves the same way). Declarations in the inputs or base schemas replace these.
 * DMTF: the meta, standard and optional qualifiers of DSP0004 2.x §5.6. WMI: the WMI-specific
 * qualifiers documented for mofcomp; the ones whose value type varies between files are typeless
 * (their values are not checked).
 */
import type { CimType, CimValue } from "../model/schema.js";

export interface BuiltinQualifier {
  readonly name: string;
  /** Absent: typeless (any value accepted). */
  readonly type?: CimType;
  readonly isArray?: boolean;
  readonly default?: CimValue;
  /** Space-separated scope names. */
  readonly scopes: string;
  /** Space-separated flavor keywords; absent means the DSP0004 defaults. */
  readonly flavors?: string;
}

const FIXED = "DisableOverride ToSubclass";
const RESTRICTED = "EnableOverride Restricted";
const TRANSLATABLE = "EnableOverride ToSubclass Translatable";
const ELEMENT = "property method parameter";
const CLASSES = "class association indication";

/** DSP0004 2.x meta, standard and optional qualifiers. */
export const dmtfQualifiers: readonly BuiltinQualifier[] = [
  { name: "Association", type: "boolean", default: false, scopes: "association", flavors: FIXED },
  { name: "Indication", type: "boolean", default: false, scopes: "class indication", flavors: FIXED },
  { name: "Abstract", type: "boolean", default: false, scopes: CLASSES, flavors: RESTRICTED },
  { name: "Aggregate", type: "boolean", default: false, scopes: "reference", flavors: FIXED },
  { name: "Aggregation", type: "boolean", default: false, scopes: "association", flavors: FIXED },
  { name: "ArrayType", type: "string", default: "Bag", scopes: "property parameter", flavors: FIXED },
  { name: "BitMap", type: "string", isArray: true, scopes: ELEMENT },
  { name: "BitValues", type: "string", isArray: true, scopes: ELEMENT, flavors: TRANSLATABLE },
  { name: "ClassConstraint", type: "string", isArray: true, scopes: CLASSES },
  { name: "Composition", type: "boolean", default: false, scopes: "association", flavors: FIXED },
  { name: "Correlatable", type: "string", isArray: true, scopes: "property" },
  { name: "Counter", type: "boolean", default: false, scopes: ELEMENT },
  { name: "Deprecated", type: "string", isArray: true, scopes: "any", flavors: RESTRICTED },
  { name: "Description", type: "string", default: null, scopes: "any", flavors: TRANSLATABLE },
  { name: "DisplayName", type: "string", default: null, scopes: "any", flavors: TRANSLATABLE },
  { name: "DN", type: "boolean", default: false, scopes: ELEMENT, flavors: FIXED },
  { name: "EmbeddedInstance", type: "string", default: null, scopes: ELEMENT },
  { name: "EmbeddedObject", type: "boolean", default: false, scopes: ELEMENT, flavors: FIXED },
  { name: "Exception", type: "boolean", default: false, scopes: "class indication", flavors: FIXED },
  { name: "Experimental", type: "boolean", default: false, scopes: "any", flavors: RESTRICTED },
  { name: "Gauge", type: "boolean", default: false, scopes: ELEMENT },
  { name: "In", type: "boolean", default: true, scopes: "parameter", flavors: FIXED },
  { name: "IsPUnit", type: "boolean", default: false, scopes: ELEMENT },
  { name: "Key", type: "boolean", default: false, scopes: "property reference", flavors: FIXED },
  { name: "MappingStrings", type: "string", isArray: true, scopes: "any" },
  { name: "Max", type: "uint32", default: null, scopes: "reference" },
  { name: "MaxLen", type: "uint32", default: null, scopes: ELEMENT },
  { name: "MaxValue", type: "sint64", default: null, scopes: ELEMENT },
  { name: "MethodConstraint", type: "string", isArray: true, scopes: "method" },
  { name: "Min", type: "uint32", default: 0, scopes: "reference" },
  { name: "MinLen", type: "uint32", default: 0, scopes: ELEMENT },
  { name: "MinValue", type: "sint64", default: null, scopes: ELEMENT },
  { name: "ModelCorrespondence", type: "string", isArray: true, scopes: "any" },
  { name: "NullValue", type: "string", default: null, scopes: "property", flavors: FIXED },
  { name: "OctetString", type: "boolean", default: false, scopes: ELEMENT, flavors: FIXED },
  { name: "Out", type: "boolean", default: false, scopes: "parameter", flavors: FIXED },
  { name: "Override", type: "string", default: null, scopes: "property reference method", flavors: RESTRICTED },
  { name: "Propagated", type: "string", default: null, scopes: "property", flavors: FIXED },
  { name: "PropertyConstraint", type: "string", isArray: true, scopes: "property reference" },
  { name: "PUnit", type: "string", default: null, scopes: ELEMENT },
  { name: "Read", type: "boolean", default: true, scopes: "property" },
  { name: "Reference", type: "string", default: null, scopes: "property" },
  { name: "Required", type: "boolean", default: false, scopes: "property reference method parameter", flavors: FIXED },
  { name: "Revision", type: "string", default: null, scopes: CLASSES, flavors: TRANSLATABLE },
  { name: "Schema", type: "string", default: null, scopes: "property method", flavors: "DisableOverride ToSubclass Translatable" },
  { name: "Static", type: "boolean", default: false, scopes: "property method", flavors: FIXED },
  { name: "Structure", type: "boolean", default: false, scopes: "class indication", flavors: FIXED },
  { name: "Terminal", type: "boolean", default: false, scopes: CLASSES },
  { name: "UMLPackagePath", type: "string", default: null, scopes: CLASSES },
  { name: "Units", type: "string", default: null, scopes: ELEMENT, flavors: TRANSLATABLE },
  { name: "ValueMap", type: "string", isArray: true, scopes: ELEMENT },
  { name: "Values", type: "string", isArray: true, scopes: ELEMENT, flavors: TRANSLATABLE },
  { name: "Version", type: "string", default: null, scopes: CLASSES, flavors: "EnableOverride Restricted Translatable" },
  { name: "Weak", type: "boolean", default: false, scopes: "reference", flavors: FIXED },
  { name: "Write", type: "boolean", default: false, scopes: "property" },
  { name: "XMLNamespaceName", type: "string", default: null, scopes: ELEMENT },
  // Optional qualifiers (DSP0004 §5.6.4).
  { name: "Alias", type: "string", default: null, scopes: "property reference method", flavors: TRANSLATABLE },
  { name: "Delete", type: "boolean", default: false, scopes: "association reference" },
  { name: "DisplayDescription", type: "string", default: null, scopes: "any", flavors: TRANSLATABLE },
  { name: "Expensive", type: "boolean", default: false, scopes: "any" },
  { name: "IfDeleted", type: "boolean", default: false, scopes: "association reference" },
  { name: "Invisible", type: "boolean", default: false, scopes: "any" },
  { name: "Large", type: "boolean", default: false, scopes: "property class" },
  { name: "PropertyUsage", type: "string", default: "CurrentContext", scopes: "property" },
  { name: "Provider", type: "string", default: null, scopes: "any" },
  { name: "SyntaxType", type: "string", default: null, scopes: "property reference method parameter" },
  { name: "Syntax", type: "string", default: null, scopes: "property reference method parameter" },
  { name: "TriggerType", type: "string", default: null, scopes: "any" },
  { name: "UnknownValues", type: "string", isArray: true, scopes: "property", flavors: FIXED },
  { name: "UnsupportedValues", type: "string", isArray: true, scopes: "property", flavors: FIXED },
];

/** WMI qualifiers (mofcomp) not in the DMTF set. */
export const wmiQualifiers: readonly BuiltinQualifier[] = [
  { name: "Amendment", type: "boolean", default: false, scopes: "class" },
  { name: "Locale", scopes: "class" },
  { name: "Dynamic", type: "boolean", default: false, scopes: "class property" },
  { name: "Singleton", type: "boolean", default: false, scopes: "class" },
  { name: "Implemented", type: "boolean", default: false, scopes: "method" },
  { name: "Constructor", type: "boolean", default: false, scopes: "method" },
  { name: "Destructor", type: "boolean", default: false, scopes: "method" },
  { name: "SupportsCreate", type: "boolean", default: false, scopes: "class" },
  { name: "SupportsDelete", type: "boolean", default: false, scopes: "class" },
  { name: "SupportsUpdate", type: "boolean", default: false, scopes: "class" },
  { name: "CreateBy", type: "string", default: null, scopes: "class" },
  { name: "DeleteBy", type: "string", default: null, scopes: "class" },
  { name: "Privileges", type: "string", isArray: true, scopes: "class method" },
  { name: "ClassContext", type: "string", default: null, scopes: "class" },
  { name: "InstanceContext", type: "string", default: null, scopes: "class" },
  { name: "PropertyContext", type: "string", default: null, scopes: "property" },
  { name: "CIMTYPE", type: "string", default: null, scopes: "property parameter method" },
  { name: "ID", type: "sint32", default: null, scopes: "parameter" },
  { name: "Optional", type: "boolean", default: false, scopes: "parameter" },
  { name: "Not_Null", type: "boolean", default: false, scopes: "property" },
  { name: "Lazy", type: "boolean", default: false, scopes: "property" },
  { name: "Fixed", type: "boolean", default: false, scopes: "property" },
  { name: "Sensitive", type: "boolean", default: false, scopes: "property parameter" },
  { name: "Guid", type: "string", default: null, scopes: "class" },
  { name: "UUID", type: "string", default: null, scopes: "class" },
  { name: "WMI", type: "boolean", default: false, scopes: "class" },
  { name: "WmiDataId", type: "uint32", default: null, scopes: "property" },
  { name: "WmiMethodId", type: "uint32", default: null, scopes: "method" },
  { name: "WmiSizeIs", type: "string", default: null, scopes: "property parameter" },
  { name: "WmiVersion", scopes: "class" },
  { name: "HasFixedSize", scopes: "property" },
  { name: "Subtype", scopes: "property" },
  { name: "Source", scopes: "class" },
  { name: "SourceType", scopes: "class" },
  { name: "NonLocal", scopes: "class" },
  { name: "NonLocalType", scopes: "class" },
  { name: "Event", scopes: "class" },
  { name: "ClassVersion", type: "string", default: null, scopes: "class" },
  { name: "FriendlyName", type: "string", default: null, scopes: "class" },
  { name: "CounterType", scopes: "property" },
  { name: "DefaultScale", scopes: "property" },
  { name: "PerfDetail", scopes: "property" },
  { name: "PerfDefault", scopes: "property" },
  { name: "PerfIndex", scopes: "class property" },
  { name: "HiPerf", scopes: "class" },
  { name: "Cooked", scopes: "class" },
  { name: "CookingType", scopes: "property" },
  { name: "AutoCook", scopes: "class" },
  { name: "ValueDescriptions", type: "string", isArray: true, scopes: ELEMENT, flavors: TRANSLATABLE },
];
