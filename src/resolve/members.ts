/**
 * Properties, methods and parameters: declared ones built from the syntax tree (type, default,
 * qualifiers merged with the inherited element they override, value maps), inherited ones derived from
 * the superclass's element once and shared by every subclass that does not redeclare it.
 */
import type {
  ArraySpecifier,
  MethodDeclaration,
  ParameterDeclaration,
  PropertyDeclaration,
  Qualifier,
  Span,
  TypeReference,
  Value,
} from "../ast/nodes.js";
import type { CimMethod, CimParameter, CimProperty, CimType, CimValue, QualifierSet } from "../model/schema.js";
import { emptyQualifierSet, flagOfKey, stringOfKey } from "../model/qualifiers.js";
import { Diagnostics, type DiagnosticDefinition } from "../diagnostics/codes.js";
import { semanticHints } from "../diagnostics/codes/semantic.js";
import { formatMessage, type Severity } from "../diagnostics/diagnostic.js";
import type { ClassScope } from "./environment.js";
import { mergeQualifiers, propagate } from "./flavors.js";
import { cimTypeOf, convertQualifiers, typeText, type QualifierScope, type WrittenQualifiers } from "./qualifier-types.js";
import { convertValue, shapeValue, valueTypeProblem } from "./values.js";
import { buildBitMap, buildValueMap } from "./value-maps.js";
import { keyOf } from "./symbols.js";
import { unknownClassHint } from "./known-schemas.js";

// ---------------------------------------------------------------------------------------------------
// Inherited forms

/**
 * A property as a subclass sees it without redeclaring it: propagated qualifiers, nothing declared.
 * Called once per declared property (the class resolver passes inherited forms on unchanged), so a
 * chain of subclasses shares one object.
 */
export function inheritedProperty(property: CimProperty): CimProperty {
  // One literal, not a spread plus overrides: that measured several times slower in V8.
  return {
    name: property.name,
    type: property.type,
    isArray: property.isArray,
    arraySize: property.arraySize,
    referenceClass: property.referenceClass,
    embeddedClass: property.embeddedClass,
    isEmbeddedObject: property.isEmbeddedObject,
    default: property.default,
    qualifiers: propagate(property.qualifiers),
    declaredQualifiers: emptyQualifierSet,
    valueMap: property.valueMap,
    bitMap: property.bitMap,
    source: property.source,
    classOrigin: property.classOrigin,
    isOverride: false,
    overrides: undefined,
    isKey: property.isKey,
    isRequired: property.isRequired,
    isWritable: property.isWritable,
    description: property.description,
  };
}

/** A method as a subclass sees it without redeclaring it (once per declared method, like properties). */
export function inheritedMethod(method: CimMethod): CimMethod {
  return {
    name: method.name,
    returnType: method.returnType,
    returnIsArray: method.returnIsArray,
    returnReferenceClass: method.returnReferenceClass,
    returnEmbeddedClass: method.returnEmbeddedClass,
    returnValueMap: method.returnValueMap,
    parameters: method.parameters.map(inheritedParameter),
    classOrigin: method.classOrigin,
    isOverride: false,
    overrides: undefined,
    qualifiers: propagate(method.qualifiers),
    declaredQualifiers: emptyQualifierSet,
    isStatic: method.isStatic,
    description: method.description,
    source: method.source,
  };
}

function inheritedParameter(parameter: CimParameter): CimParameter {
  return {
    name: parameter.name,
    type: parameter.type,
    isArray: parameter.isArray,
    arraySize: parameter.arraySize,
    referenceClass: parameter.referenceClass,
    embeddedClass: parameter.embeddedClass,
    isEmbeddedObject: parameter.isEmbeddedObject,
    default: parameter.default,
    qualifiers: propagate(parameter.qualifiers),
    declaredQualifiers: emptyQualifierSet,
    valueMap: parameter.valueMap,
    bitMap: parameter.bitMap,
    source: parameter.source,
    direction: parameter.direction,
    description: parameter.description,
  };
}

// ---------------------------------------------------------------------------------------------------
// Types of elements

interface ElementType {
  type: CimType;
  isArray: boolean;
  arraySize: number | undefined;
  referenceClass: string | undefined;
  embeddedClass: string | undefined;
  isEmbeddedObject: boolean | undefined;
}

/** Resolves a declared type plus the EmbeddedInstance / EmbeddedObject qualifiers of the element. */
function elementType(
  elementName: string,
  type: TypeReference | undefined,
  array: ArraySpecifier | undefined,
  qualifiers: QualifierSet,
  written: WrittenQualifiers,
  scope: ClassScope,
): ElementType | undefined {
  if (type === undefined) return undefined;
  const result: ElementType = {
    type: cimTypeOf(type),
    isArray: array !== undefined,
    arraySize: array?.size,
    referenceClass: undefined,
    embeddedClass: undefined,
    isEmbeddedObject: undefined,
  };
  if (type.kind === "ReferenceType") {
    // `ref` of class `object` (any class): only a six-letter name can be one, so most skip the lower-casing.
    if (type.className.name.length !== 6 || keyOf(type.className.name) !== "object") {
      result.referenceClass = classReference(elementName, type.className.name, type.className.span, Diagnostics.UnknownReferenceClass, undefined, scope);
    }
  } else if (type.kind === "ClassType") {
    result.embeddedClass = classReference(elementName, type.className.name, type.className.span, Diagnostics.UnknownEmbeddedClass, "error", scope);
  }
  if (qualifiers.size === 0) return result;
  const embedded = stringOfKey(qualifiers, "embeddedinstance");
  if (embedded !== undefined && result.embeddedClass === undefined) {
    const node = written.get("embeddedinstance");
    // An inherited EmbeddedInstance was checked where it was written.
    result.embeddedClass = node === undefined
      ? (scope.env.classes.lookup(embedded, scope.namespace)?.name ?? embedded)
      : classReference(elementName, embedded, node.value?.span ?? node.span, Diagnostics.UnknownEmbeddedClass, undefined, scope);
    if (node === undefined) addDependency(embedded, scope);
  }
  if (flagOfKey(qualifiers, "embeddedobject")) result.isEmbeddedObject = true;
  return result;
}

/** True when the element itself writes one of the map qualifiers (else inherited maps are reused). */
function writesMaps(written: WrittenQualifiers): boolean {
  return written.size > 0 && (written.has("valuemap") || written.has("values") || written.has("bitmap") || written.has("bitvalues"));
}

function addDependency(name: string, scope: ClassScope): void {
  const entry = scope.env.classes.lookup(name, scope.namespace);
  if (entry !== undefined) scope.dependencies.add(entry);
}

/** Looks a class name up for a reference or embedding; reports unknown ones with a suggestion. */
function classReference(
  elementName: string,
  className: string,
  span: Span,
  def: DiagnosticDefinition,
  severity: Severity | undefined,
  scope: ClassScope,
): string {
  const entry = scope.env.classes.lookup(className, scope.namespace);
  if (entry !== undefined) {
    scope.dependencies.add(entry);
    return entry.name;
  }
  const suggestion = scope.env.ctx.suggest(className, () => scope.env.classes.names());
  const hint = unknownClassHint(className, suggestion);
  scope.env.ctx.report(def, span, [elementName, className], {
    ...(severity === undefined ? {} : { severity }),
    ...(hint === undefined ? {} : { hint }),
  });
  return className;
}

function defaultValue(elementName: string, node: Value | undefined, type: ElementType, scope: ClassScope): CimValue | undefined {
  if (node === undefined) return undefined;
  const problem = valueTypeProblem(node, type.type, type.isArray);
  if (problem !== undefined) {
    scope.env.ctx.report(Diagnostics.DefaultValueType, node.span, [elementName, typeText(type.type, type.isArray), problem]);
  }
  return shapeValue(convertValue(node, scope.namespace, scope.env.ctx.location), type.isArray);
}

/** Checks an Override qualifier and a type change against the overridden element. */
function checkOverride(
  kind: "property" | "method",
  name: string,
  written: WrittenQualifiers,
  inherited: { type?: CimType; isArray: boolean } | undefined,
  declared: ElementType | undefined,
  span: Span,
  scope: ClassScope,
): void {
  const overrideNode = written.get("override");
  if (overrideNode !== undefined && inherited === undefined && !scope.incomplete) {
    const target = overrideNode.value?.kind === "StringLiteral" ? overrideNode.value.value : name;
    const members = kind === "property" ? scope.superclass?.properties : scope.superclass?.methods;
    const suggestion = scope.env.ctx.suggest(target, () => (members ?? []).map((m) => m.name));
    scope.env.ctx.report(Diagnostics.OverrideTargetNotFound, overrideNode.span, [target, name, scope.superclassName ?? "(no superclass)"], {
      ...(suggestion === undefined ? {} : { hint: formatMessage(semanticHints.didYouMean, [suggestion]) }),
    });
  }
  if (inherited !== undefined && declared !== undefined && (inherited.type !== declared.type || inherited.isArray !== declared.isArray)) {
    scope.env.ctx.report(Diagnostics.OverrideTypeChange, span, [
      name,
      name,
      typeText(declared.type, declared.isArray),
      typeText(inherited.type, inherited.isArray),
    ]);
  }
}

/** Converts the qualifiers written on an element (declared in the class in `scope`). */
function writtenQualifiers(written: readonly Qualifier[], qualifierScope: QualifierScope, scope: ClassScope): WrittenQualifiers {
  return convertQualifiers(written, qualifierScope, scope.className, scope.namespace, scope.env.qualifierTypes, scope.env.ctx);
}

/** Effective qualifiers of an element: the inherited ones (if it overrides one) merged with the written ones. */
function effectiveQualifiers(inherited: QualifierSet | undefined, declared: WrittenQualifiers, scope: ClassScope): QualifierSet {
  return inherited === undefined ? declared.set : mergeQualifiers(inherited, declared.set, scope.env.ctx);
}

// ---------------------------------------------------------------------------------------------------
// Declared elements

/**
 * Builds a property declared in the class in `scope`; `inherited` is the element it overrides and
 * `inheritedFrom` the class whose declaration of it is in effect.
 */
export function buildProperty(
  decl: PropertyDeclaration,
  inherited: CimProperty | undefined,
  inheritedFrom: string | undefined,
  scope: ClassScope,
): CimProperty {
  const name = decl.name.name;
  const qualifierScope: QualifierScope = decl.type.kind === "ReferenceType" ? "reference" : "property";
  const declared = writtenQualifiers(decl.qualifiers, qualifierScope, scope);
  const effective = effectiveQualifiers(inherited?.qualifiers, declared, scope);
  // Locations are asked in source order (name, default): see LineCounter.
  const source = scope.env.ctx.location(decl.name.span);
  const type = elementType(name, decl.type, decl.array, effective, declared, scope)!;
  checkOverride("property", name, declared, inherited, type, decl.type.span, scope);
  const reuseMaps = inherited !== undefined && inherited.type === type.type && !writesMaps(declared);
  const property: CimProperty = {
    name,
    type: type.type,
    isArray: type.isArray,
    arraySize: type.arraySize,
    referenceClass: type.referenceClass,
    embeddedClass: type.embeddedClass,
    isEmbeddedObject: type.isEmbeddedObject,
    default: defaultValue(name, decl.defaultValue, type, scope) ?? inherited?.default,
    qualifiers: effective,
    declaredQualifiers: declared.set,
    valueMap: reuseMaps ? inherited.valueMap : buildValueMap(type.type, effective, declared, scope.env.ctx),
    bitMap: reuseMaps ? inherited.bitMap : buildBitMap(type.type, effective, declared, scope.env.ctx),
    source,
    classOrigin: inherited?.classOrigin ?? scope.className,
    isOverride: inherited !== undefined,
    overrides: inherited === undefined ? undefined : inheritedFrom,
    isKey: flagOfKey(effective, "key"),
    isRequired: flagOfKey(effective, "required"),
    isWritable: flagOfKey(effective, "write"),
    description: stringOfKey(effective, "description"),
  };
  return property;
}

/** Builds a method declared in the class in `scope`; `inherited` is the method it overrides (see buildProperty). */
export function buildMethod(
  decl: MethodDeclaration,
  inherited: CimMethod | undefined,
  inheritedFrom: string | undefined,
  scope: ClassScope,
): CimMethod {
  const name = decl.name.name;
  const declared = writtenQualifiers(decl.qualifiers, "method", scope);
  const effective = effectiveQualifiers(inherited?.qualifiers, declared, scope);
  const source = scope.env.ctx.location(decl.name.span);
  const returns = elementType(name, decl.returnType, decl.returnArray, effective, declared, scope);
  checkOverride(
    "method",
    name,
    declared,
    inherited === undefined ? undefined : { ...(inherited.returnType === undefined ? {} : { type: inherited.returnType }), isArray: inherited.returnIsArray },
    returns,
    decl.returnType?.span ?? decl.name.span,
    scope,
  );
  const reuseMaps = inherited !== undefined && inherited.returnType === returns?.type && !writesMaps(declared);
  const method: CimMethod = {
    name,
    returnType: returns?.type,
    returnIsArray: returns?.isArray ?? false,
    returnReferenceClass: returns?.referenceClass,
    returnEmbeddedClass: returns?.embeddedClass,
    returnValueMap: reuseMaps
      ? inherited.returnValueMap
      : buildValueMap(returns?.type, effective, declared, scope.env.ctx),
    parameters: buildParameters(decl, inherited, scope),
    classOrigin: inherited?.classOrigin ?? scope.className,
    isOverride: inherited !== undefined,
    overrides: inherited === undefined ? undefined : inheritedFrom,
    qualifiers: effective,
    declaredQualifiers: declared.set,
    isStatic: flagOfKey(effective, "static"),
    description: stringOfKey(effective, "description"),
    source,
  };
  return method;
}

function buildParameters(decl: MethodDeclaration, inherited: CimMethod | undefined, scope: ClassScope): CimParameter[] {
  const result: CimParameter[] = [];
  if (decl.parameters.length === 0) return result;
  const inheritedByName =
    inherited === undefined || inherited.parameters.length === 0 ? undefined : new Map(inherited.parameters.map((p) => [keyOf(p.name), p]));
  const seen = new Map<string, ParameterDeclaration>();
  for (const parameter of decl.parameters) {
    const key = keyOf(parameter.name.name);
    const first = seen.get(key);
    if (first !== undefined) {
      scope.env.ctx.report(Diagnostics.DuplicateParameter, parameter.name.span, [parameter.name.name, decl.name.name], {
        related: [{ message: "first declared here", span: first.name.span }],
      });
      continue;
    }
    seen.set(key, parameter);
    result.push(buildParameter(parameter, inheritedByName?.get(key), scope));
  }
  return result;
}

function buildParameter(decl: ParameterDeclaration, inherited: CimParameter | undefined, scope: ClassScope): CimParameter {
  const name = decl.name.name;
  const declared = writtenQualifiers(decl.qualifiers, "parameter", scope);
  const effective = effectiveQualifiers(inherited === undefined ? undefined : propagate(inherited.qualifiers), declared, scope);
  const source = scope.env.ctx.location(decl.name.span);
  const type = elementType(name, decl.type, decl.array, effective, declared, scope)!;
  const reuseMaps = inherited !== undefined && inherited.type === type.type && !writesMaps(declared);
  return {
    name,
    type: type.type,
    isArray: type.isArray,
    arraySize: type.arraySize,
    referenceClass: type.referenceClass,
    embeddedClass: type.embeddedClass,
    isEmbeddedObject: type.isEmbeddedObject,
    default: defaultValue(name, decl.defaultValue, type, scope),
    qualifiers: effective,
    declaredQualifiers: declared.set,
    valueMap: reuseMaps ? inherited.valueMap : buildValueMap(type.type, effective, declared, scope.env.ctx),
    bitMap: reuseMaps ? inherited.bitMap : buildBitMap(type.type, effective, declared, scope.env.ctx),
    source,
    direction: direction(effective),
    description: stringOfKey(effective, "description"),
  };
}

/**
 * DSP0004 (§5.6.3.31, §5.6.3.39) defaults In to true, but schemas write a bare `[Out]` (216 times in
 * CIM 2.49, e.g. CIM_ConcreteJob.GetErrors) for output-only parameters, and WMI and CIM clients treat it
 * so: an `[Out]` parameter is input too only when `In` is written as well.
 */
function direction(qualifiers: QualifierSet): CimParameter["direction"] {
  const output = flagOfKey(qualifiers, "out");
  const writtenIn = qualifiers.get("in")?.value;
  const input = writtenIn === undefined ? !output : writtenIn !== false;
  return input && output ? "inout" : output ? "out" : "in";
}
