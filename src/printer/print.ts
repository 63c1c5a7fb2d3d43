/**
 * The MOF printer: syntax tree → canonical MOF text (DSP0004 2.8 syntax plus the WMI forms the tree
 * can hold). Canonical means one spelling per tree: four-space indents, qualifier lists on their own
 * line, one feature per line, strings as a single literal with every unsafe character escaped. Comments
 * and the original layout are not in the tree and so are not kept. Parsing the output gives back the
 * same tree (spans aside); test/fuzz/round-trip.test.ts checks that on random trees.
 */
import type {
  ArraySpecifier,
  ClassDeclaration,
  Feature,
  Flavor,
  InstanceDeclaration,
  MethodDeclaration,
  MofFile,
  ParameterDeclaration,
  PragmaDirective,
  PropertyDeclaration,
  PropertyValue,
  Qualifier,
  QualifierTypeDeclaration,
  Statement,
  TypeReference,
  Value,
} from "../ast/nodes.js";
import { printChar16, printInteger, printReal, printString } from "./literals.js";

const indentUnit = "    ";

/**
 * Prints a whole file, ending in a single newline. Runs of one-line statements of one kind (pragmas,
 * qualifier declarations) stay together; a blank line separates everything else.
 */
export function formatMof(file: MofFile): string {
  let text = "";
  let previous: Statement | undefined;
  for (const statement of file.statements) {
    if (previous !== undefined) text += isOneLiner(previous) && previous.kind === statement.kind ? "\n" : "\n\n";
    text += printStatement(statement);
    previous = statement;
  }
  return text === "" ? "" : `${text}\n`;
}

function isOneLiner(statement: Statement): boolean {
  return statement.kind === "PragmaDirective" || statement.kind === "QualifierTypeDeclaration";
}

/** Prints one statement (without a trailing newline); nested lines are indented by `indent`. */
export function printStatement(statement: Statement, indent = ""): string {
  switch (statement.kind) {
    case "PragmaDirective":
      return indent + printPragma(statement);
    case "QualifierTypeDeclaration":
      return indent + printQualifierType(statement);
    case "ClassDeclaration":
      return printClass(statement, indent);
    case "InstanceDeclaration":
      return `${printInstance(statement, indent)};`;
  }
}

function printPragma(pragma: PragmaDirective): string {
  // `#pragma autorecover` (WMI) takes no argument list at all.
  if (pragma.args.length === 0) return `#pragma ${pragma.name.name}`;
  return `#pragma ${pragma.name.name}(${pragma.args.map((arg) => printValue(arg)).join(", ")})`;
}

function printQualifierType(declaration: QualifierTypeDeclaration): string {
  let text = `Qualifier ${declaration.name.name}`;
  if (declaration.type === undefined) {
    // WMI typeless form: `qualifier write : ToInstance ToSubclass;`
    if (declaration.flavors.length > 0) text += ` : ${printFlavorWords(declaration.flavors)}`;
  } else {
    text += ` : ${printType(declaration.type)}${printArray(declaration.array)}`;
    if (declaration.defaultValue !== undefined) text += ` = ${printValue(declaration.defaultValue)}`;
  }
  if (declaration.scopes.length > 0) text += `, Scope(${declaration.scopes.map((s) => s.name).join(", ")})`;
  if (declaration.type !== undefined && declaration.flavors.length > 0) {
    text += `, Flavor(${declaration.flavors.map((f) => f.name).join(", ")})`;
  }
  return `${text};`;
}

function printClass(declaration: ClassDeclaration, indent: string): string {
  let head = `${declaration.keyword} ${declaration.name.name}`;
  if (declaration.alias !== undefined) head += ` as $${declaration.alias.name}`;
  if (declaration.superclass !== undefined) head += ` : ${declaration.superclass.name}`;
  const inner = indent + indentUnit;
  const body = declaration.features.map((feature) => printFeature(feature, inner));
  return [
    ...printQualifierLine(declaration.qualifiers, indent),
    `${indent}${head}`,
    `${indent}{`,
    ...body,
    `${indent}};`,
  ].join("\n");
}

function printFeature(feature: Feature, indent: string): string {
  return feature.kind === "PropertyDeclaration" ? printProperty(feature, indent) : printMethod(feature, indent);
}

function printProperty(property: PropertyDeclaration, indent: string): string {
  return [
    ...printQualifierLine(property.qualifiers, indent),
    `${indent}${printTyped(property, indent)};`,
  ].join("\n");
}

/** `type Name[array] = default` — shared by properties and parameters. */
function printTyped(element: PropertyDeclaration | ParameterDeclaration, indent: string): string {
  let text = `${printType(element.type)} ${element.name.name}${printArray(element.array)}`;
  if (element.defaultValue !== undefined) text += ` = ${printValue(element.defaultValue, indent)}`;
  return text;
}

function printMethod(method: MethodDeclaration, indent: string): string {
  const returns =
    method.returnType === undefined ? "void" : `${printType(method.returnType)}${printArray(method.returnArray)}`;
  const parameters = method.parameters.map((parameter) => printParameter(parameter, indent)).join(", ");
  return [
    ...printQualifierLine(method.qualifiers, indent),
    `${indent}${returns} ${method.name.name}(${parameters});`,
  ].join("\n");
}

function printParameter(parameter: ParameterDeclaration, indent: string): string {
  const qualifiers = parameter.qualifiers.length > 0 ? `${printQualifierList(parameter.qualifiers)} ` : "";
  return qualifiers + printTyped(parameter, indent);
}

/** `instance of X as $A { … }` without the final `;` (an embedded instance value has none). */
function printInstance(instance: InstanceDeclaration, indent: string): string {
  let head = `instance of ${instance.className.name}`;
  if (instance.alias !== undefined) head += ` as $${instance.alias.name}`;
  const inner = indent + indentUnit;
  return [
    ...printQualifierLine(instance.qualifiers, indent),
    `${indent}${head}`,
    `${indent}{`,
    ...instance.properties.map((property) => printPropertyValue(property, inner)),
    `${indent}}`,
  ].join("\n");
}

function printPropertyValue(property: PropertyValue, indent: string): string {
  const assignment = property.value === undefined ? "" : ` = ${printValue(property.value, indent)}`;
  return [
    ...printQualifierLine(property.qualifiers, indent),
    `${indent}${property.name.name}${assignment};`,
  ].join("\n");
}

function printType(type: TypeReference): string {
  switch (type.kind) {
    case "IntrinsicType":
      return type.name;
    case "ReferenceType":
      return `${type.className.name} REF`;
    case "ClassType":
      return type.className.name;
  }
}

function printArray(array: ArraySpecifier | undefined): string {
  if (array === undefined) return "";
  return array.size === undefined ? "[]" : `[${array.size}]`;
}

function printQualifierLine(qualifiers: readonly Qualifier[], indent: string): string[] {
  return qualifiers.length === 0 ? [] : [`${indent}${printQualifierList(qualifiers)}`];
}

function printQualifierList(qualifiers: readonly Qualifier[]): string {
  return `[${qualifiers.map(printQualifier).join(", ")}]`;
}

/** `Name`, `Name(value)` or `Name{ values }`, then `: Flavor …` when flavors were written. */
function printQualifier(qualifier: Qualifier): string {
  let text = qualifier.name.name;
  if (qualifier.value !== undefined) {
    text += qualifier.value.kind === "ArrayLiteral" ? printValue(qualifier.value) : `(${printValue(qualifier.value)})`;
  }
  if (qualifier.flavors.length > 0) text += ` : ${printFlavorWords(qualifier.flavors)}`;
  return text;
}

function printFlavorWords(flavors: readonly Flavor[]): string {
  return flavors.map((flavor) => flavor.name).join(" ");
}

/** Prints a value; `indent` is where an embedded instance's lines start. */
export function printValue(value: Value, indent = ""): string {
  switch (value.kind) {
    case "StringLiteral":
      return printString(value.value);
    case "Char16Literal":
      return printChar16(value.value);
    case "IntegerLiteral":
      return printInteger(value.value, value.radix);
    case "RealLiteral":
      return printReal(value.value);
    case "BooleanLiteral":
      return value.value ? "TRUE" : "FALSE";
    case "NullLiteral":
      return "NULL";
    case "ArrayLiteral":
      return `{${value.elements.map((element) => printValue(element, indent)).join(", ")}}`;
    case "AliasReference":
      return `$${value.name}`;
    case "EnumLiteral":
      return value.name;
    case "InstanceValue":
      // The embedded instance opens on the current line; its body follows at the current indent.
      return printInstance(value.instance, indent).trimStart();
  }
}
