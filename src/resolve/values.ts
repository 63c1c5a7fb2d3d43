/**
 * Literal values from the syntax tree -> model values, and the check of a value against a declared CIM
 * type (used for qualifier values, qualifier-type defaults, property defaults and instance values).
 */
import type { Span, Value } from "../ast/nodes.js";
import type { CimType, CimValue, SourceLocation } from "../model/schema.js";
import { fitsIntegerType, isIntegerType, isRealType, toModelInteger } from "../model/cim-types.js";

/** Converts a literal without type information (integers exact, strings decoded already). */
export function convertValue(node: Value, namespace: string, location: (span: Span) => SourceLocation): CimValue {
  switch (node.kind) {
    case "StringLiteral":
    case "Char16Literal":
      return node.value;
    case "IntegerLiteral":
      return toModelInteger(node.value);
    case "RealLiteral":
    case "BooleanLiteral":
      return node.value;
    case "NullLiteral":
      return null;
    case "ArrayLiteral": {
      // ValueMap/Values/MappingStrings arrays are converted by the thousand: literals of scalars (all of
      // them in practice) map through a shared function, no closure per array.
      const elements = node.elements;
      let strings = true;
      for (let i = 0; i < elements.length; i++) {
        const kind = elements[i]!.kind;
        if (kind === "ArrayLiteral" || kind === "InstanceValue") return elements.map((element) => convertValue(element, namespace, location));
        if (kind !== "StringLiteral") strings = false;
      }
      return elements.map(strings ? stringOf : convertScalar);
    }
    case "AliasReference":
      return { kind: "alias", name: node.name };
    case "EnumLiteral":
      return { kind: "enum", name: node.name };
    case "InstanceValue": {
      const instance = node.instance;
      return {
        kind: "instance",
        instance: {
          className: instance.className.name,
          namespace,
          ...(instance.alias === undefined ? {} : { alias: instance.alias.name }),
          properties: instance.properties.map((p) => ({
            name: p.name.name,
            value: p.value === undefined ? null : convertValue(p.value, namespace, location),
          })),
          source: location(node.span),
        },
      };
    }
  }
}

/** The value of an element known to be a string literal. */
function stringOf(node: Value): CimValue {
  return node.kind === "StringLiteral" ? node.value : convertScalar(node);
}

/** Converts a literal that is neither an array nor an instance (those need more than the node). */
function convertScalar(node: Value): CimValue {
  return convertValue(node, "", noLocation);
}

function noLocation(span: Span): SourceLocation {
  return { file: span.file, line: 0, span };
}

/**
 * Why `node` does not fit `type` (a short phrase for the diagnostic), or undefined when it fits.
 * A scalar given for an array type is accepted (mofcomp does, and DMTF files write `Deprecated("x")`).
 */
export function valueTypeProblem(node: Value, type: CimType, isArray: boolean): string | undefined {
  if (node.kind === "StringLiteral" && type === "string") return undefined;
  if (node.kind === "NullLiteral") return undefined;
  if (node.kind === "ArrayLiteral") {
    if (!isArray) return "an array is given for a scalar";
    const elements = node.elements;
    for (let i = 0; i < elements.length; i++) {
      const element = elements[i]!;
      if (element.kind === "StringLiteral" && type === "string") continue;
      if (element.kind === "ArrayLiteral") return "arrays do not nest";
      const problem = valueTypeProblem(element, type, false);
      if (problem !== undefined) return problem;
    }
    return undefined;
  }
  if (node.kind === "EnumLiteral") return undefined;
  if (isIntegerType(type)) {
    if (node.kind !== "IntegerLiteral") return `${describe(node)} is not an integer`;
    return fitsIntegerType(node.value, type) ? undefined : `${node.value} is out of range`;
  }
  if (isRealType(type)) {
    return node.kind === "IntegerLiteral" || node.kind === "RealLiteral" ? undefined : `${describe(node)} is not a number`;
  }
  switch (type) {
    case "string":
      return node.kind === "StringLiteral" || node.kind === "Char16Literal" ? undefined : `${describe(node)} is not a string`;
    case "char16":
      if (node.kind === "Char16Literal") return undefined;
      if (node.kind === "StringLiteral" && node.value.length === 1) return undefined;
      return `${describe(node)} is not a single character`;
    case "boolean":
      return node.kind === "BooleanLiteral" ? undefined : `${describe(node)} is not a boolean`;
    case "datetime":
      if (node.kind !== "StringLiteral") return `${describe(node)} is not a datetime string`;
      return cimDatetime.test(node.value) ? undefined : `"${node.value}" is not yyyymmddhhmmss.mmmmmmsutc or ddddddddhhmmss.mmmmmm:000`;
    case "reference":
      return node.kind === "StringLiteral" || node.kind === "AliasReference" ? undefined : `${describe(node)} is not a reference`;
    case "object":
      return node.kind === "InstanceValue" || node.kind === "AliasReference" || node.kind === "StringLiteral"
        ? undefined
        : `${describe(node)} is not an instance`;
    default:
      return undefined;
  }
}

/** DSP0004 §5.2.4 datetime: a timestamp (sign + UTC offset) or an interval (`:000`); `*` marks unused digits. */
const cimDatetime = /^[\d*]{14}\.[\d*]{6}(?:[+-][\d*]{3}|:000)$/;

/** Puts a scalar into a one-element array when the type is an array. */
export function shapeValue(value: CimValue, isArray: boolean): CimValue {
  if (!isArray || value === null || Array.isArray(value)) return value;
  return [value];
}

function describe(node: Value): string {
  switch (node.kind) {
    case "StringLiteral":
      return "a string";
    case "Char16Literal":
      return "a char16";
    case "IntegerLiteral":
      return "an integer";
    case "RealLiteral":
      return "a real number";
    case "BooleanLiteral":
      return "a boolean";
    case "NullLiteral":
      return "null";
    case "ArrayLiteral":
      return "an array";
    case "AliasReference":
      return "an alias";
    case "EnumLiteral":
      return "an identifier";
    case "InstanceValue":
      return "an instance";
  }
}
