/**
 * Qualifier types (DSP0004 §5.6.1): the built-in DMTF and WMI sets, then base-schema declarations, then
 * input declarations (later sources replace earlier ones). Also turns the qualifiers written on an
 * element into a model `QualifierSet`: value conversion and type check, flavors, duplicates, and in
 * strict mode the declaration and scope checks.
 */
import type { Qualifier, QualifierTypeDeclaration, Span, TypeReference, Value } from "../ast/nodes.js";
import type { CimFlavors, CimQualifier, CimQualifierType, CimType, CimValue, QualifierSet, SourceLocation } from "../model/schema.js";
import { defaultFlavors, emptyQualifierSet, valuesEqual } from "../model/qualifiers.js";
import { Diagnostics } from "../diagnostics/codes.js";
import type { ResolveContext } from "./context.js";
import { applyFlavors } from "./flavors.js";
import { dmtfQualifiers, wmiQualifiers, type BuiltinQualifier } from "./builtin-qualifiers.js";
import { convertValue, shapeValue, valueTypeProblem } from "./values.js";
import { semanticHints } from "../diagnostics/codes/semantic.js";
import { formatMessage } from "../diagnostics/diagnostic.js";
import { keyOf } from "./symbols.js";

/** Where a qualifier stands, for scope checks. */
export type QualifierScope = "class" | "association" | "indication" | "property" | "reference" | "method" | "parameter";

const knownScopes = new Set(["class", "association", "indication", "property", "reference", "method", "parameter", "qualifier", "any"]);

/** The scopes a use site satisfies: a reference property accepts `property` qualifiers too. */
const acceptedScopes: Readonly<Record<QualifierScope, readonly string[]>> = {
  class: ["class"],
  association: ["association", "class"],
  indication: ["indication", "class"],
  property: ["property"],
  reference: ["reference", "property"],
  method: ["method"],
  parameter: ["parameter"],
};

export interface QualifierTypeTable {
  readonly types: Map<string, CimQualifierType>;
  /** Declaration node per input/base-declared type, for "first declared here". */
  readonly nodes: Map<string, QualifierTypeDeclaration>;
  /** Keys declared only by base schemas so far (an input declaration replaces them). */
  readonly baseKeys: Set<string>;
  /** Each qualifier name as spelled in the sources -> its key and type (a cache: a schema spells a few
   *  dozen names tens of thousands of times; cleared whenever a type is declared). */
  readonly spellings: Map<string, QualifierSpelling>;
}

interface QualifierSpelling {
  readonly key: string;
  readonly type: CimQualifierType | undefined;
}

/** The built-in DMTF and WMI qualifier types. */
export function builtinQualifierTypes(): QualifierTypeTable {
  const types = new Map<string, CimQualifierType>();
  const add = (q: BuiltinQualifier, origin: "dmtf" | "wmi") => {
    const key = keyOf(q.name);
    if (types.has(key)) return;
    const flavors = q.flavors === undefined ? defaultFlavors : flavorsFromKeywords(q.flavors);
    types.set(key, {
      name: q.name,
      ...(q.type === undefined ? {} : { type: q.type }),
      isArray: q.isArray === true,
      ...(q.default === undefined ? {} : { default: q.default }),
      scopes: q.scopes.split(" "),
      flavors,
      origin,
    });
  };
  for (const q of dmtfQualifiers) add(q, "dmtf");
  for (const q of wmiQualifiers) add(q, "wmi");
  return { types, nodes: new Map(), baseKeys: new Set(), spellings: new Map() };
}

function flavorsFromKeywords(keywords: string): CimFlavors {
  const result = { ...defaultFlavors };
  for (const word of keywords.split(" ")) {
    const lower = word.toLowerCase();
    if (lower === "disableoverride") result.overridable = false;
    else if (lower === "enableoverride") result.overridable = true;
    else if (lower === "restricted") result.toSubclass = false;
    else if (lower === "tosubclass") result.toSubclass = true;
    else if (lower === "translatable") result.translatable = true;
    else if (lower === "toinstance") result.toInstance = true;
  }
  return result;
}

/** The model type of a syntax type; `ClassType` (embedded instance) counts as `object`. */
export function cimTypeOf(type: TypeReference): CimType {
  switch (type.kind) {
    case "IntrinsicType":
      return type.name;
    case "ReferenceType":
      return "reference";
    case "ClassType":
      return "object";
  }
}

/** Adds a declared qualifier type to the table (input declarations replace built-in and base ones). */
export function declareQualifierType(
  table: QualifierTypeTable,
  node: QualifierTypeDeclaration,
  namespace: string,
  fromBase: boolean,
  ctx: ResolveContext,
): void {
  const key = keyOf(node.name.name);
  const type = node.type === undefined ? undefined : cimTypeOf(node.type);
  const isArray = node.array !== undefined;
  for (const scope of node.scopes) {
    if (!knownScopes.has(scope.name.toLowerCase())) ctx.report(Diagnostics.UnknownScope, scope.span, [scope.name]);
  }
  let defaultValue: CimValue | undefined;
  if (node.defaultValue !== undefined) {
    const problem = type === undefined ? undefined : valueTypeProblem(node.defaultValue, type, isArray);
    if (problem !== undefined) {
      ctx.report(Diagnostics.QualifierTypeDefault, node.defaultValue.span, [node.name.name, typeText(type, isArray), problem]);
    }
    defaultValue = convertValue(node.defaultValue, namespace, ctx.location);
  }
  const declared: CimQualifierType = {
    name: node.name.name,
    ...(type === undefined ? {} : { type }),
    isArray,
    ...(defaultValue === undefined ? {} : { default: defaultValue }),
    scopes: node.scopes.map((s) => s.name.toLowerCase()),
    flavors: applyFlavors(defaultFlavors, node.flavors, ctx),
    origin: "input",
    source: ctx.location(node.name.span),
  };
  const previousNode = table.nodes.get(key);
  const previous = table.types.get(key);
  const replacesBase = table.baseKeys.has(key) && !fromBase;
  if (previousNode !== undefined && previous !== undefined && !replacesBase) {
    // The same declaration repeated in several files is common (WMI MOFs carry their own); only a
    // different definition is worth a warning.
    if (!fromBase && !sameDefinition(previous, declared)) {
      ctx.report(Diagnostics.ConflictingQualifierType, node.name.span, [node.name.name], {
        related: [{ message: "first declared here", span: previousNode.name.span }],
      });
    }
    return;
  }
  if (fromBase) table.baseKeys.add(key);
  else table.baseKeys.delete(key);
  table.types.set(key, declared);
  table.nodes.set(key, node);
  table.spellings.clear();
}

function sameDefinition(a: CimQualifierType, b: CimQualifierType): boolean {
  return (
    a.type === b.type &&
    a.isArray === b.isArray &&
    valuesEqual(a.default ?? null, b.default ?? null) &&
    a.flavors.overridable === b.flavors.overridable &&
    a.flavors.toSubclass === b.flavors.toSubclass
  );
}

export function typeText(type: CimType | undefined, isArray: boolean): string {
  return `${type ?? "any"}${isArray ? "[]" : ""}`;
}

/**
 * The qualifiers written on one element: the converted set, plus the syntax nodes by key (for
 * diagnostics that point into values; a scan, elements carry only a few). One object per element.
 */
export class WrittenQualifiers {
  static readonly none = new WrittenQualifiers(emptyQualifierSet, [], []);

  constructor(
    readonly set: QualifierSet,
    private readonly nodes: readonly Qualifier[],
    /** `keys[i]` is the nameKey of `nodes[i]`, computed once when the qualifiers were converted. */
    private readonly keys: readonly string[],
  ) {}

  get size(): number {
    return this.nodes.length;
  }

  /** The first qualifier written with this key (lower-case name). */
  get(key: string): Qualifier | undefined {
    const keys = this.keys;
    for (let i = 0; i < keys.length; i++) if (keys[i] === key) return this.nodes[i];
    return undefined;
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }
}

/**
 * Converts the qualifiers written on one element. `origin` is the class whose MOF carries them.
 */
export function convertQualifiers(
  written: readonly Qualifier[],
  scope: QualifierScope,
  origin: string,
  namespace: string,
  types: QualifierTypeTable,
  ctx: ResolveContext,
): WrittenQualifiers {
  if (written.length === 0) return WrittenQualifiers.none;
  const set = new Map<string, CimQualifier>();
  // Exactly as long as `written` (a push would reserve room for 17).
  const keys = new Array<string>(written.length);
  let firstSeen: Map<string, Qualifier> | undefined;
  for (let i = 0; i < written.length; i++) {
    const node = written[i]!;
    const spelling = node.name.name;
    const { key, type } = types.spellings.get(spelling) ?? learnSpelling(spelling, types);
    keys[i] = key;
    if (i > 0 && (i < 16 ? keys.indexOf(key) < i : set.has(key))) {
      // Built on the first duplicate only: keeps many duplicates linear.
      firstSeen ??= firstOfEachKey(written);
      reportDuplicate(node, firstSeen.get(key), ctx);
      continue;
    }
    if (ctx.strict) checkDeclaredAndScope(node, type, types, scope, ctx);
    const flavors = type === undefined ? defaultFlavors : type.flavors;
    set.set(
      key,
      new WrittenQualifier(
        type === undefined ? spelling : type.name,
        qualifierValue(node, type, namespace, ctx),
        node.flavors.length === 0 ? flavors : applyFlavors(flavors, node.flavors, ctx),
        origin,
        node.span,
        ctx.location,
      ),
    );
  }
  return new WrittenQualifiers(set, written, keys);
}

/**
 * A qualifier as written on an element. Its source location is worked out when asked: a schema has
 * tens of thousands of qualifiers and almost nothing reads their lines (a DisableOverride diagnostic
 * reads the span), so resolve neither allocates a location per qualifier nor counts lines for it.
 */
class WrittenQualifier implements CimQualifier {
  readonly #span: Span;
  readonly #locate: (span: Span) => SourceLocation;

  constructor(
    readonly name: string,
    readonly value: CimValue,
    readonly flavors: CimFlavors,
    readonly origin: string,
    span: Span,
    locate: (span: Span) => SourceLocation,
  ) {
    this.#span = span;
    this.#locate = locate;
  }

  /** A new (equal) object on each read: the line is looked up only when someone asks. */
  get source(): SourceLocation {
    return this.#locate(this.#span);
  }
}

function learnSpelling(spelling: string, types: QualifierTypeTable): QualifierSpelling {
  const key = keyOf(spelling);
  const learned = { key, type: types.types.get(key) };
  types.spellings.set(spelling, learned);
  return learned;
}

// Rare paths live in functions of their own: the hot loop stays small, so the JIT compiles it early.

function firstOfEachKey(written: readonly Qualifier[]): Map<string, Qualifier> {
  return new Map([...written].reverse().map((q) => [keyOf(q.name.name), q]));
}

function reportDuplicate(node: Qualifier, first: Qualifier | undefined, ctx: ResolveContext): void {
  ctx.report(Diagnostics.DuplicateQualifier, node.name.span, [node.name.name], {
    related: [{ message: "first given here", span: first?.name.span ?? node.name.span }],
  });
}

function checkDeclaredAndScope(
  node: Qualifier,
  type: CimQualifierType | undefined,
  types: QualifierTypeTable,
  scope: QualifierScope,
  ctx: ResolveContext,
): void {
  // Strict mode accepts only what the inputs (or base schemas) declare, as DSP0004 requires.
  if (type === undefined || !types.nodes.has(keyOf(node.name.name))) {
    // A type known without a declaration is one of the built-in standard qualifiers.
    const hint =
      type !== undefined
        ? formatMessage(semanticHints.standardQualifier, [node.name.name])
        : suggestionHint(ctx.suggest(node.name.name, () => [...types.nodes.values()].map((n) => n.name.name)));
    ctx.report(Diagnostics.UndeclaredQualifier, node.name.span, [node.name.name], hint === undefined ? {} : { hint });
    return;
  }
  if (type.scopes.includes("any")) return;
  if (!acceptedScopes[scope].some((s) => type.scopes.includes(s))) {
    ctx.report(Diagnostics.QualifierScope, node.name.span, [node.name.name, scope, type.scopes.join(", ")]);
  }
}

/** The value of a written qualifier: a bare boolean qualifier means true; values are checked against the type. */
function qualifierValue(node: Qualifier, type: CimQualifierType | undefined, namespace: string, ctx: ResolveContext): CimValue {
  if (node.value === undefined) {
    if (type === undefined || type.type === undefined || type.type === "boolean") return true;
    return type.default ?? null;
  }
  // The common case (Description, Version, MappingStrings entries…): a string for a scalar string type.
  if (node.value.kind === "StringLiteral" && takesStringAsIs(type)) return node.value.value;
  // The other common case (ValueMap, Values, MappingStrings, ModelCorrespondence): an array of strings
  // where a string array or any value fits. One pass, instead of a type check and a conversion.
  if (node.value.kind === "ArrayLiteral" && (type === undefined || type.type === undefined || (type.type === "string" && type.isArray))) {
    const strings = stringsOf(node.value.elements);
    if (strings !== undefined) return strings;
  }
  if (type?.type !== undefined) {
    const problem = valueTypeProblem(node.value, type.type, type.isArray);
    if (problem !== undefined) {
      ctx.report(Diagnostics.QualifierValueType, node.value.span, [type.name, typeText(type.type, type.isArray), problem]);
    }
  }
  return shapeValue(convertValue(node.value, namespace, ctx.location), type?.isArray === true);
}

/** True when a string literal is a value of `type` as it is: an undeclared qualifier, a scalar string, or untyped. */
function takesStringAsIs(type: CimQualifierType | undefined): boolean {
  return type === undefined || (!type.isArray && (type.type === undefined || type.type === "string"));
}

/** The texts of an array literal whose elements are all strings; undefined when any is not a string. */
function stringsOf(elements: readonly Value[]): string[] | undefined {
  for (let i = 0; i < elements.length; i++) if (elements[i]!.kind !== "StringLiteral") return undefined;
  return elements.map(stringText);
}

function stringText(node: Value): string {
  return node.kind === "StringLiteral" ? node.value : "";
}

function suggestionHint(suggestion: string | undefined): string | undefined {
  return suggestion === undefined ? undefined : formatMessage(semanticHints.didYouMean, [suggestion]);
}
