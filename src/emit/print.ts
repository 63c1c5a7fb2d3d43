/**
 * The fast printer: prints the ts-morph structures mof2ts builds directly as prettier-formatted text
 * (prettier's default options, printWidth 80), so neither ts-morph's printer (~1 MB/s) nor prettier
 * (~1 MB/s) has to run on multi-megabyte schemas. It knows only the shapes the emitter builds and
 * mirrors prettier's layout rules for them; where it is not sure the result equals prettier's, it
 * says so (`exact: false`) and generate.ts runs prettier on that file. test/emit/print.test.ts checks
 * on every golden that prettier leaves the fast output unchanged.
 */
import type {
  EnumDeclarationStructure,
  ExportDeclarationStructure,
  FunctionDeclarationStructure,
  ImportDeclarationStructure,
  InterfaceDeclarationStructure,
  JSDocStructure,
  OptionalKind,
  PropertySignatureStructure,
  StatementStructures,
  TypeAliasDeclarationStructure,
  VariableDeclarationStructure,
  VariableStatementStructure,
} from "ts-morph";
import { quote as stringLiteral } from "./literals.js";
import { brokenList, conditionalGroup, firstLineFits, group, groupWithFlat, ifBreak, indent, join, line, printDoc, softline, type Doc } from "./doc.js";

/**
 * Marks a top-level call as free of side effects, so bundlers (esbuild, rollup, webpack/terser) drop
 * it when its result is unused: without it, `export *` in an index pulls every module in.
 */
export const PURE = "/* @__PURE__ */ ";

/** Print width the fast printer targets (prettier's default). */
export const PRINT_WIDTH = 80;

/** Slot on a declaration structure for its initializer document (a symbol: no structure printer reads it). */
const INITIALIZER_DOC: unique symbol = Symbol("initializerDoc");
/** Slot for the type a declaration file gives a constant whose TypeScript source leaves it inferred. */
const DECLARED_TYPE: unique symbol = Symbol("declaredType");
type WithDoc = { [INITIALIZER_DOC]?: Doc; [DECLARED_TYPE]?: string };

/**
 * A variable declaration whose initializer is a document: the fast printer lays it out, and for
 * ts-morph's printer it is written as text (prettier then formats it). `declaredType` is what a
 * `.d.ts` says for it when `type` is left to inference (`--emit js`).
 */
export function declarationWithDoc(name: string, type: string | undefined, doc: Doc, declaredType?: string): OptionalKind<VariableDeclarationStructure> {
  // A symbol key in the literal: defineProperty per declaration was a slow runtime call.
  const declaration: OptionalKind<VariableDeclarationStructure> & WithDoc = {
    name,
    initializer: (writer) => void writer.write(printDoc(doc, PRINT_WIDTH)),
    [INITIALIZER_DOC]: doc,
  };
  if (type !== undefined) declaration.type = type;
  if (declaredType !== undefined) declaration[DECLARED_TYPE] = declaredType;
  return declaration;
}

/** A variable declaration whose initializer is text (prettier lays it out); `declaredType` as above. */
export function declarationWithText(name: string, initializer: string, declaredType?: string): OptionalKind<VariableDeclarationStructure> {
  const declaration: OptionalKind<VariableDeclarationStructure> & WithDoc = { name, initializer };
  if (declaredType !== undefined) declaration[DECLARED_TYPE] = declaredType;
  return declaration;
}

/**
 * How a file is printed from the same structures: `ts` (TypeScript), `js` (JavaScript: values only,
 * no type syntax) or `dts` (a declaration file: types, and `declare` for values).
 */
export type PrintMode = "ts" | "js" | "dts";

export interface PrintedFile {
  readonly text: string;
  /** False when a shape was met whose prettier layout the printer does not reproduce. */
  readonly exact: boolean;
  /** The first such shape, for diagnosing why a file needed prettier. */
  readonly inexactReason?: string;
}

/** Prints imports, then the statements separated by blank lines. */
export function printFile(imports: readonly ImportDeclarationStructure[], body: readonly StatementStructures[], mode: PrintMode = "ts"): PrintedFile {
  const state: PrintState = { exact: true, mode };
  const parts: string[] = [];
  let previous: number | undefined;
  for (const statement of body) {
    const text = printStatement(statement, state);
    if (text === "") continue;
    // Consecutive re-exports stay together, as ts-morph prints them.
    if (statement.kind === STATEMENT_KINDS.ExportDeclaration && previous === STATEMENT_KINDS.ExportDeclaration) parts[parts.length - 1] += text;
    else parts.push(text);
    previous = statement.kind;
  }
  const kept = mode === "ts" ? imports : importsFor(imports, mode, parts);
  if (kept.length > 0) parts.unshift(kept.map((i) => printImport(i)).join(""));
  return { text: parts.join("\n"), exact: state.exact, ...(state.reason === undefined ? {} : { inexactReason: state.reason }) };
}

/**
 * The imports a JavaScript or declaration file keeps: JavaScript drops the type-only names; a
 * declaration file drops the values only its initializers used (a name is kept when the printed
 * text refers to it).
 */
function importsFor(imports: readonly ImportDeclarationStructure[], mode: "js" | "dts", parts: readonly string[]): ImportDeclarationStructure[] {
  const text = mode === "dts" ? parts.join("") : "";
  const kept: ImportDeclarationStructure[] = [];
  for (const declaration of imports) {
    if (mode === "js" && declaration.isTypeOnly === true) continue;
    const names = (Array.isArray(declaration.namedImports) ? declaration.namedImports : []).filter((n) => {
      if (typeof n !== "object") return false;
      return mode === "js" ? n.isTypeOnly !== true : mentions(text, n.alias ?? n.name);
    });
    if (names.length === 0) continue;
    // Only types left: `import type { A, B }`, as the collector writes such imports.
    const onlyTypes = declaration.isTypeOnly === true || names.every((n) => typeof n === "object" && n.isTypeOnly === true);
    const namedImports = onlyTypes ? names.map((n) => (typeof n === "object" ? { name: n.name, ...(n.alias === undefined ? {} : { alias: n.alias }) } : n)) : names;
    kept.push({ ...declaration, isTypeOnly: onlyTypes, namedImports });
  }
  return kept;
}

/** True when `text` holds `name` as a whole identifier. */
function mentions(text: string, name: string): boolean {
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    if (!isIdentifierChar(text.charCodeAt(at - 1)) && !isIdentifierChar(text.charCodeAt(at + name.length))) return true;
  }
  return false;
}

function isIdentifierChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code === 36;
}

interface PrintState {
  exact: boolean;
  reason?: string;
  readonly mode: PrintMode;
}

/** Records that prettier must format this file. */
function inexact(state: PrintState, reason: string): void {
  if (state.exact) state.reason = reason;
  state.exact = false;
}

/**
 * ts-morph 28's `StructureKind` values of the statements the emitter builds, so the fast path never
 * loads ts-morph (~0.7 s); test/emit/print.test.ts checks them against ts-morph.
 */
export const STATEMENT_KINDS = {
  Interface: 19,
  Enum: 8,
  VariableStatement: 41,
  TypeAlias: 38,
  Function: 13,
  ExportDeclaration: 11,
  ImportDeclaration: 16,
  SourceFile: 36,
} as const;

/** Stand-ins for ts-morph's enums, so building structures does not load ts-morph. */
export const FAST_MORPH_ENUMS = {
  StructureKind: STATEMENT_KINDS as unknown as typeof import("ts-morph").StructureKind,
  VariableDeclarationKind: { Const: "const" } as unknown as typeof import("ts-morph").VariableDeclarationKind,
};

/** One statement in the file's mode; "" for what the mode leaves out (types in JavaScript). */
function printStatement(statement: StatementStructures, state: PrintState): string {
  switch (statement.kind as number) {
    case STATEMENT_KINDS.Interface:
      return state.mode === "js" ? "" : printInterface(statement as InterfaceDeclarationStructure, state);
    case STATEMENT_KINDS.Enum:
      return state.mode === "js" ? printEnumObject(statement as EnumDeclarationStructure) : printEnum(statement as EnumDeclarationStructure, state.mode === "dts");
    case STATEMENT_KINDS.VariableStatement:
      return printVariable(statement as VariableStatementStructure, state);
    case STATEMENT_KINDS.TypeAlias:
      return state.mode === "js" ? "" : printTypeAlias(statement as TypeAliasDeclarationStructure);
    case STATEMENT_KINDS.Function:
      return printFunction(statement as FunctionDeclarationStructure, state);
    case STATEMENT_KINDS.ExportDeclaration: {
      const declaration = statement as ExportDeclarationStructure;
      return state.mode === "js" && declaration.isTypeOnly === true ? "" : printExport(declaration);
    }
    case STATEMENT_KINDS.ImportDeclaration:
      return printImport(statement as ImportDeclarationStructure);
    default:
      inexact(state, "unknown statement");
      return "";
  }
}

/** `/** text *\/` or the multi-line form, indented. */
export function printDocs(docs: readonly (string | OptionalKind<JSDocStructure>)[] | undefined, indentText: string): string {
  let out = "";
  for (const doc of docs ?? []) {
    const text = typeof doc === "string" ? doc : typeof doc.description === "string" ? doc.description : "";
    if (text === "") continue;
    if (!text.includes("\n")) {
      out += `${indentText}/** ${text} */\n`;
      continue;
    }
    out += `${indentText}/**\n`;
    for (let start = 0; start <= text.length; ) {
      const found = text.indexOf("\n", start);
      const end = found < 0 ? text.length : found;
      out += end === start ? `${indentText} *\n` : `${indentText} * ${text.slice(start, end)}\n`;
      start = end + 1;
    }
    out += `${indentText} */\n`;
  }
  return out;
}

function exportKeyword(structure: { readonly isExported?: boolean }): string {
  return structure.isExported === true ? "export " : "";
}

function printImport(structure: ImportDeclarationStructure): string {
  return printSpecifiers(`import ${structure.isTypeOnly === true ? "type " : ""}`, structure.namedImports, structure.moduleSpecifier);
}

/** `import { a, b } from "…";` or `export { a, b } from "…";` after `keyword`, laid out as prettier does. */
function printSpecifiers(keyword: string, specifiers: ImportDeclarationStructure["namedImports"] | ExportDeclarationStructure["namedExports"], moduleSpecifier: string): string {
  const names = (Array.isArray(specifiers) ? specifiers : []).map((n) => {
    if (typeof n === "string") return n;
    if (typeof n === "function") return "";
    return `${n.isTypeOnly === true ? "type " : ""}${n.name}${n.alias === undefined ? "" : ` as ${n.alias}`}`;
  });
  // prettier never breaks a list of a single name.
  if (names.length === 1) return `${keyword}{ ${names[0] ?? ""} } from ${stringLiteral(moduleSpecifier)};\n`;
  // prettier's group of the specifiers: all on one line when that fits, else one per line.
  const head = `${keyword}{`;
  const tail = `} from ${stringLiteral(moduleSpecifier)};`;
  const flat = `${head} ${names.join(", ")} ${tail}`;
  if (flat.length <= PRINT_WIDTH) return `${flat}\n`;
  return `${head}\n${names.map((name) => `  ${name},\n`).join("")}${tail}\n`;
}

function printExport(structure: ExportDeclarationStructure): string {
  if (structure.moduleSpecifier === undefined) return "export {};\n";
  const spec = stringLiteral(structure.moduleSpecifier ?? "");
  const keyword = structure.isTypeOnly === true ? "export type" : "export";
  if (Array.isArray(structure.namedExports) && structure.namedExports.length > 0) return printSpecifiers(`${keyword} `, structure.namedExports, structure.moduleSpecifier);
  return structure.namespaceExport === undefined ? `${keyword} * from ${spec};\n` : `${keyword} * as ${structure.namespaceExport} from ${spec};\n`;
}

function printInterface(structure: InterfaceDeclarationStructure, state: PrintState): string {
  const heritage = Array.isArray(structure.extends) ? structure.extends.filter((h): h is string => typeof h === "string") : [];
  let header = `${exportKeyword(structure)}interface ${structure.name}${heritage.length === 0 ? "" : ` extends ${heritage.join(", ")}`} {`;
  // A plain `extends Name` never breaks; `Omit<Parent, Keys>` puts its type arguments on their own lines.
  const omit = heritage.length === 1 ? /^Omit<([^,]+), (.*)>$/.exec(heritage[0] ?? "") : null;
  if (header.length > PRINT_WIDTH && omit !== null) {
    let keys = `  ${omit[2] ?? ""}`;
    if (keys.length > PRINT_WIDTH) keys = splitUnion(omit[2] ?? "").map((key) => `  | ${key}`).join("\n");
    header = `${exportKeyword(structure)}interface ${structure.name} extends Omit<\n  ${omit[1] ?? ""},\n${keys}\n> {`;
  } else if (header.length > PRINT_WIDTH && heritage.some((h) => h.includes("<"))) inexact(state, "long heritage");
  const members = structure.properties ?? [];
  let out = printDocs(structure.docs, "");
  if (members.length === 0) return `${out}${header}}\n`;
  out += `${header}\n`;
  for (const member of members) out += printDocs(member.docs, "  ") + printPropertySignature(member, state);
  return `${out}}\n`;
}

/**
 * A property signature, with prettier's layouts for long types: the whole signature on one line when
 * it fits; a union that cannot be hugged moves to the next line, and is split into `| member` lines
 * when even that is too long; `readonly (A | B)[]` opens its parentheses. `T | null` with a simple
 * `T`, and types without a union, stay on one line whatever their length.
 */
export function printPropertySignature(member: OptionalKind<PropertySignatureStructure>, state: PrintState): string {
  const type = typeof member.type === "string" ? member.type : "unknown";
  const head = `  ${member.isReadonly === true ? "readonly " : ""}${member.name}${member.hasQuestionToken === true ? "?" : ""}:`;
  const oneLine = `${head} ${type};`;
  if (oneLine.length <= PRINT_WIDTH) return `${oneLine}\n`;
  const members = splitUnion(type);
  if (members.length > 1 && !isHuggedUnion(members)) {
    const nextLine = `    ${type};`;
    if (nextLine.length <= PRINT_WIDTH) return `${head}\n${nextLine}\n`;
    const lines = members.flatMap((m) => unionMemberLines(m, 4, state));
    return `${head}\n${lines.join("\n")};\n`;
  }
  const array = openableArray(type);
  if (array !== null && members.length === 1) return `${head} readonly (\n${typeLines(array, 4, state).join("\n")}\n  )[];\n`;
  if (members.length > 1 && members.some((m) => !isSimpleType(m) && m !== "null")) inexact(state, "long union");
  return `${oneLine}\n`;
}

/** `| member` at `column`; `readonly (A | B)[]` that does not fit opens its parentheses. */
function unionMemberLines(member: string, column: number, state: PrintState): string[] {
  const pad = " ".repeat(column);
  const flat = `${pad}| ${member}`;
  if (flat.length <= PRINT_WIDTH) return [flat];
  const array = openableArray(member);
  if (array !== null) return [`${pad}| readonly (`, ...typeLines(array, column + 4, state), `${pad}  )[]`];
  if (!isSimpleType(member) && !isHuggedArray(member)) inexact(state, "long union member");
  return [flat];
}

/** A type on its own line(s) at `column`: flat when it fits, else one `| member` per line. */
function typeLines(type: string, column: number, state: PrintState): string[] {
  const flat = `${" ".repeat(column)}${type}`;
  if (flat.length <= PRINT_WIDTH) return [flat];
  const members = splitUnion(type);
  if (members.length === 1) {
    if (!isSimpleType(type)) inexact(state, "long type");
    return [flat];
  }
  return members.flatMap((m) => unionMemberLines(m, column, state));
}

/** The element union of `readonly (A | B)[]`, or undefined for other types. */
function parenthesizedElement(type: string): string | undefined {
  return /^readonly \((.*)\)\[\]$/.exec(type)?.[1];
}

/** `readonly (Name<"X"> | null)[]`: prettier keeps it on one line, like `Name<"X"> | null`. */
function isHuggedArray(type: string): boolean {
  const element = parenthesizedElement(type);
  return element !== undefined && isHuggedUnion(splitUnion(element));
}

/** The element union of a `readonly (A | B)[]` that prettier opens when the line is too long; else null. */
function openableArray(type: string): string | null {
  return isHuggedArray(type) ? null : (parenthesizedElement(type) ?? null);
}

/** Top-level members of a union type text (`A | (B | C)[] | null` → 3 members). */
export function splitUnion(type: string): string[] {
  const members: string[] = [];
  let depth = 0;
  let quote = "";
  let start = 0;
  for (let i = 0; i < type.length; i++) {
    const ch = type[i] as string;
    if (quote !== "") {
      if (ch === "\\") i++;
      else if (ch === quote) quote = "";
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === "(" || ch === "<" || ch === "[" || ch === "{") depth++;
    else if (ch === ")" || ch === ">" || ch === "]" || ch === "}") depth--;
    else if (depth === 0 && type.startsWith(" | ", i)) {
      members.push(type.slice(start, i));
      start = i + 3;
      i += 2;
    }
  }
  members.push(type.slice(start));
  return members;
}

/** `Name`, `Name<…>`, keywords. */
function isSimpleType(type: string): boolean {
  return /^[A-Za-z$_][A-Za-z0-9$_]*(<.*>)?$/.test(type);
}

/** Keyword types: `boolean | null` is not kept on one line, unlike `Name | null`. */
const KEYWORD_TYPES = new Set(["boolean", "string", "number", "bigint", "unknown", "object", "symbol"]);

/** `T | null` with `T` a type reference (not a keyword): prettier keeps it on one line. */
function isHuggedUnion(members: readonly string[]): boolean {
  const first = members[0] ?? "";
  return members.length === 2 && members[1] === "null" && isSimpleType(first) && !KEYWORD_TYPES.has(first);
}

function printEnum(structure: EnumDeclarationStructure, declare: boolean): string {
  const header = `${printDocs(structure.docs, "")}${exportKeyword(structure)}${declare ? "declare " : ""}enum ${structure.name} {`;
  const members = structure.members ?? [];
  if (members.length === 0) return `${header}}\n`;
  const lines = members.map((m) => `  ${m.name}${typeof m.initializer === "string" ? ` = ${m.initializer}` : ""},`);
  return `${header}\n${lines.join("\n")}\n}\n`;
}

/**
 * An enum as the object TypeScript builds for it: each member, and for numeric members the reverse
 * entry (value → name). A literal rather than TypeScript's IIFE, so bundlers can drop it unused.
 */
function printEnumObject(structure: EnumDeclarationStructure): string {
  const members = structure.members ?? [];
  const entries: [string, Doc][] = members.map((m) => [m.name, typeof m.initializer === "string" ? m.initializer : "undefined"]);
  for (const m of members) {
    if (typeof m.initializer !== "string" || !/^-?\d+$/.test(m.initializer)) continue;
    entries.push([/^\d+$/.test(m.initializer) ? m.initializer : stringLiteral(m.initializer), stringLiteral(m.name)]);
  }
  return `${printDocs(structure.docs, "")}${exportKeyword(structure)}const ${structure.name} = ${printDoc(objectDoc(entries, true), PRINT_WIDTH)};\n`;
}

/** `type X = T;`, T on the next line when too long; a union too long even there gets a `| member` line each. */
function printTypeAlias(structure: TypeAliasDeclarationStructure): string {
  const head = `${exportKeyword(structure)}type ${structure.name} =`;
  const type = typeof structure.type === "string" ? structure.type : "unknown";
  const oneLine = `${head} ${type};`;
  if (oneLine.length <= PRINT_WIDTH) return `${printDocs(structure.docs, "")}${oneLine}\n`;
  const members = splitUnion(type);
  const nextLine = `  ${type};`;
  const broken = members.length > 1 && nextLine.length > PRINT_WIDTH ? `${head}\n${members.map((m) => `  | ${m}`).join("\n")};` : `${head}\n${nextLine}`;
  return `${printDocs(structure.docs, "")}${broken}\n`;
}

/** `const name: Type = initializer;` with prettier's "fluid" assignment layout. */
function printVariable(structure: VariableStatementStructure, state: PrintState): string {
  const declaration = structure.declarations[0];
  if (declaration === undefined || structure.declarations.length !== 1) {
    inexact(state, "several declarations");
    return "";
  }
  if (state.mode === "dts") {
    const declared = typeof declaration.type === "string" ? declaration.type : (declaration as WithDoc)[DECLARED_TYPE];
    if (declared === undefined) inexact(state, "constant without a declared type");
    return `${printDocs(structure.docs, "")}${exportKeyword(structure)}declare const ${declaration.name}: ${declared ?? "unknown"};\n`;
  }
  const doc = (declaration as WithDoc)[INITIALIZER_DOC];
  if (doc === undefined) inexact(state, "text initializer");
  const rhs: Doc = doc ?? (typeof declaration.initializer === "string" ? declaration.initializer : "");
  const type = typeof declaration.type === "string" && state.mode === "ts" ? `: ${declaration.type}` : "";
  const head = `${exportKeyword(structure)}const ${declaration.name}${type} =`;
  const body = firstLineFits(rhs, PRINT_WIDTH - head.length - 1)
    ? `${head} ${printDoc(rhs, PRINT_WIDTH, 0, head.length + 1)}`
    : `${head}\n  ${printDoc(rhs, PRINT_WIDTH, 2)}`;
  return `${printDocs(structure.docs, "")}${body};\n`;
}

/** The decoder: overload signatures, then the implementation; parameters break one per line when they do not fit. */
function printFunction(structure: FunctionDeclarationStructure, state: PrintState): string {
  // A declaration file has the overloads only (or the one signature); JavaScript has no overloads.
  const declared = structure.overloads !== undefined && structure.overloads.length > 0 ? structure.overloads : [structure];
  if (state.mode === "dts") return declared.map((signature) => `${printDocs(signature.docs, "")}${printSignature(structure.name ?? "", signature, ";", state)}\n`).join("");
  const overloads =
    state.mode === "js" ? [] : (structure.overloads ?? []).map((overload) => `${printDocs(overload.docs, "")}${printSignature(structure.name ?? "", overload, ";", state)}\n`);
  const header = printSignature(structure.name ?? "", structure, " {", state);
  const statements = Array.isArray(structure.statements) ? structure.statements : [];
  const body = statements.map((s) => (typeof s === "string" ? printBodyStatement(s, state) : (inexact(state, "writer statement"), ""))).join("");
  // JavaScript has no overloads: the function keeps the first one's doc.
  const docs = state.mode === "js" && (structure.docs ?? []).length === 0 ? structure.overloads?.[0]?.docs : structure.docs;
  return `${overloads.join("")}${printDocs(docs, "")}${header}\n${body}}\n`;
}

/**
 * `export function name(params): Type` + `end` (`;` for an overload, ` {` for the implementation);
 * in JavaScript without types, in a declaration file with `declare`.
 */
function printSignature(name: string, signature: Pick<FunctionDeclarationStructure, "isExported" | "parameters" | "returnType">, end: string, state: PrintState): string {
  const typed = state.mode !== "js";
  const params = (signature.parameters ?? []).map((p) => (typed ? `${p.name}${p.hasQuestionToken === true ? "?" : ""}: ${typeof p.type === "string" ? p.type : "unknown"}` : p.name));
  const returnType = typed && typeof signature.returnType === "string" ? `: ${signature.returnType}` : "";
  const open = `${exportKeyword(signature)}${state.mode === "dts" ? "declare " : ""}function ${name}(`;
  const header = `${open}${params.join(", ")})${returnType}${end}`;
  if (header.length <= PRINT_WIDTH) return header;
  return `${open}\n${params.map((p) => `  ${p},\n`).join("")})${returnTypeLines(returnType, end, state)}`;
}

/**
 * `: Type` + `end` after the closing parenthesis. prettier keeps `Name<Name>` (one plain type argument)
 * on one line whatever its length, and breaks `Name<Name<Name>>` inside its outer brackets.
 */
function returnTypeLines(returnType: string, end: string, state: PrintState): string {
  if (`)${returnType}${end}`.length <= PRINT_WIDTH || /^: [\w$]+<[\w$]+>$/.test(returnType)) return `${returnType}${end}`;
  const nested = /^: ([\w$]+)<([\w$]+<[\w$]+>)>$/.exec(returnType);
  // The inner `Name<Name>` stays on one line however long, as above.
  if (nested !== null) return `: ${nested[1] ?? ""}<\n  ${nested[2] ?? ""}\n>${end}`;
  inexact(state, "long return type");
  return `${returnType}${end}`;
}

/** A one-line body statement; `return f<T>(a, b, c);` gets its arguments one per line when too long. */
function printBodyStatement(statement: string, state: PrintState): string {
  const oneLine = `  ${statement}`;
  if (oneLine.length <= PRINT_WIDTH) return `${oneLine}\n`;
  const call = /^(return [\w$<>]+)\((.*)\);$/.exec(statement);
  if (call === null || /[{(]/.test(call[2] ?? "")) {
    inexact(state, "long statement");
    return `${oneLine}\n`;
  }
  const args = (call[2] ?? "").split(", ");
  return `  ${call[1] ?? ""}(\n${args.map((a) => `    ${a},\n`).join("")}  );\n`;
}

/** `{ a: 1, b: 2 }` (fits) or one entry per line; `expanded` keeps it broken, as prettier does when
 *  the source has a line break after `{`. */
export function objectDoc(entries: readonly (readonly [string, Doc])[], expanded = false): Doc {
  const items: Doc[] = entries.map(([key, value]) => (typeof value === "object" && fluidValues.has(value) ? [key, ":", value] : [key, ": ", value]));
  if (items.length === 0) return "{}";
  if (expanded) return brokenList("{", items, "}");
  const contents: Doc = ["{", indent([line, join([",", line], items)]), ifBreak(","), line, "}"];
  // Most objects (metadata entries, ranges) hold text only: their flat form is known without a walk.
  const flat = plainEntriesText(entries);
  return flat === undefined ? group(contents) : groupWithFlat(contents, `{ ${flat} }`, { open: "{", items, close: "}" });
}

/** Values made by {@link identifierValue}: they bring their own space (or line break) after the colon. */
const fluidValues = new WeakSet<object>();

/**
 * An object entry's value that is an identifier: prettier's "fluid" layout moves it to the next line,
 * indented, when `key: value` does not fit.
 */
export function identifierValue(name: string): Doc {
  const doc = group(indent([line, name]));
  if (typeof doc === "object") fluidValues.add(doc);
  return doc;
}

/** `() => name`, moved after the arrow onto its own indented line when it does not fit (as prettier does). */
export function thunkDoc(name: string): Doc {
  return ["() =>", group(indent([line, name]))];
}

/** `a: 1, b: 2` when every value is plain text, else undefined. */
function plainEntriesText(entries: readonly (readonly [string, Doc])[]): string | undefined {
  let text = "";
  for (const [key, value] of entries) {
    if (typeof value !== "string") return undefined;
    text += text === "" ? `${key}: ${value}` : `, ${key}: ${value}`;
  }
  return text;
}

/**
 * `[a, b]` (fits) or one item per line. Like prettier, an array of two or more arrays or objects that
 * each have more than one element always breaks.
 */
export function arrayDoc(items: readonly Doc[], itemSizes?: readonly number[]): Doc {
  if (items.length === 0) return "[]";
  const concise = items.length > 1 && itemSizes !== undefined && itemSizes.length === items.length && itemSizes.every((n) => n > 1);
  if (concise) return brokenList("[", items, "]", true);
  const contents: Doc = ["[", indent([softline, join([",", line], items)]), ifBreak(","), softline, "]"];
  // Value-map entries and key lists hold text only: their flat form is known without a walk.
  return items.every((item) => typeof item === "string") ? groupWithFlat(contents, `[${items.join(", ")}]`, { open: "[", items, close: "]" }) : group(contents);
}

/**
 * `callee(args)`. With `hugLast`, the last (object) argument is hugged (`callee({` … `})`) when that
 * first line fits, else every argument goes on its own line, as prettier's argument printing does.
 */
export function callDoc(callee: string, args: readonly Doc[], hugLast = false): Doc {
  const brokenOut = group([callee, "(", indent([line, join([",", line], args)]), ",", line, ")"], true);
  const leading = args.slice(0, -1);
  // Only plain-text arguments before the hugged one (prettier's shouldGroupLast for the shapes emitted).
  if (hugLast && args.length > 0 && leading.every((arg) => typeof arg === "string")) {
    return conditionalGroup([[callee, "(", ...leading.map((arg) => `${arg as string}, `), args[args.length - 1] as Doc, ")"], brokenOut]);
  }
  return group([callee, "(", indent([softline, join([",", line], args)]), ifBreak(","), softline, ")"]);
}
