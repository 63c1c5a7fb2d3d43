/**
 * Injection-proof emission. Hostile schema text (descriptions, defaults, Values texts, instance values,
 * names, namespace names, input file names) goes through compile + generate; for every case the output
 * must (1) stay inside the output folder, (2) type-check with `tsc --strict`, and (3) parse to exactly the
 * declarations meant: only declaration statements at the top level, no identifier `pwned` anywhere, the
 * same statement list as a benign twin, and JSDoc that still carries the (escaped) description.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compile } from "../../src/compile.js";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { generateWithDiagnostics, type GeneratedFile } from "../../src/emit/generate.js";
import { memoryHost } from "../../src/host.js";
import { marker, mofString, payloads, textEverywhere } from "./emit-cases.js";
import { repoRoot } from "./seeds.js";

interface EmitCase {
  readonly name: string;
  readonly files: Readonly<Record<string, string>>;
  /** Defaults to every file, in the given order. */
  readonly inputs?: readonly string[];
  readonly layout?: "files" | "single";
  /** Name of a benign case whose top-level statement list this case must match exactly. */
  readonly twin?: string;
  readonly check?: (out: CaseOutput) => void;
  /** KNOWN BUG in the emitter: the case runs as `it.fails` under a name that says so. */
  readonly bug?: string;
  /** The known bug makes the output fail to parse: type-check it apart from the others. */
  readonly unparsable?: boolean;
}

interface CaseOutput {
  readonly files: readonly GeneratedFile[];
  readonly diagnostics: readonly Diagnostic[];
  readonly tscErrors: readonly string[];
  readonly parsed: ReadonlyMap<string, ts.SourceFile>;
  /** Why the case could not be generated (compile errors, an unsafe path, an exception). */
  readonly problem?: string;
}

const benignText = "A plain description.";
const cases: EmitCase[] = [];
const add = (c: EmitCase): void => {
  cases.push(c);
};

// --- Hostile text everywhere text can go, compared with a benign twin -----------------------------
add({ name: "benign text", files: { "main.mof": textEverywhere(benignText) } });
payloads.forEach((payload, i) =>
  add({
    name: `text payload ${i + 1}: ${JSON.stringify(payload)}`,
    files: { "main.mof": textEverywhere(payload) },
    twin: "benign text",
    check: (out) => expectDescriptionKept(out, payload),
  }),
);

add({
  name: "fixtures/hostile/injection.mof (every payload in every position, with instances)",
  files: { "injection.mof": readFileSync(path.join(repoRoot, "fixtures/hostile/injection.mof"), "utf8") },
});

// --- Names -----------------------------------------------------------------------------------------
const reservedWords = ["delete", "new", "function", "await", "yield", "let", "enum", "typeof", "in", "instanceof", "interface", "package", "private", "static", "default", "export", "import", "this", "super", "switch", "with", "arguments", "eval"];
add({
  name: "properties named after reserved words",
  files: { "main.mof": `class Demo_R { ${reservedWords.map((w, i) => `${i === 0 ? "[Key] " : ""}string ${w};`).join(" ")} };` },
  check: (out) => expect(interfaceMembers(out, "Demo_R")).toEqual(reservedWords),
});
const internals = ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf", "prototype", "__defineGetter__", "isPrototypeOf"];
// Found by this suite: metadata entries named like Object.prototype members once failed TS2322.
add({
  name: "properties named after object internals",
  files: { "main.mof": `class Demo_O { ${internals.map((w, i) => `${i === 0 ? "[Key] " : ""}string ${w};`).join(" ")} };` },
  check: (out) => {
    expect(interfaceMembers(out, "Demo_O")).toEqual(internals);
    expectNoPrototypeSetter(out);
  },
});
add({
  name: "instance values keyed by object internals",
  files: {
    "main.mof": `class Demo_O { [Key] string __proto__; string constructor; string toString; };\ninstance of Demo_O { __proto__ = "p"; constructor = "c"; toString = "t"; };`,
  },
  check: (out) => expectNoPrototypeSetter(out),
});
const keywordClassNames = ["delete", "new", "enum", "interface", "type", "default", "await", "yield", "let", "static", "arguments", "eval", "undefined", "NaN", "Infinity", "globalThis"];
add({
  name: `classes named ${keywordClassNames.join(", ")}`,
  files: { "main.mof": keywordClassNames.map((name) => `class ${name} { [Key] string Id; };`).join("\n") },
});
/** Global types the generated code itself may use (`Omit` for incompatible overrides, `Readonly`…). */
const globalTypeNames = ["Object", "Array", "String", "Number", "Boolean", "Promise", "Record", "Omit", "Partial", "Readonly", "Pick", "Error", "Symbol", "Map", "Date", "JSON"];
add({
  name: `classes named ${globalTypeNames.join(", ")}, each with an overriding subclass`,
  files: {
    "main.mof": globalTypeNames
      .map(
        (name) =>
          `class ${name} { [Key] string Id; [ValueMap{"1","2"}, Values{"One","Two"}] uint16 State; string Text; };\nclass Demo_Sub_${name} : ${name} { [Override("State"), ValueMap{"3"}, Values{"Three"}] uint16 State; [Override("Text")] uint32 Text; };`,
      )
      .join("\n"),
  },
});
add({
  name: "class names with bidi controls, zero-width and line separators (DSP0004 allows U+0080..U+FFEF)",
  files: { "main.mof": "class Demo\u202eA { [Key] string Id; };\nclass Demo\u200bB { [Key] string Id; };\nclass Demo\u2028C { [Key] string Id; };\nclass Démo_Ünï { [Key] string Id; };\nclass 日本_Class { [Key] string Id; };" },
});
add({
  name: "property names with bidi controls and line separators",
  files: { "main.mof": "class Demo_P { [Key] string Id\u202e; string Line\u2028Sep; string Zero\u200bWidth; };" },
});
add({
  name: "class names that collide with generated helper names",
  files: {
    "main.mof": `class Demo_A { [Key] string Id; [ValueMap{"0"}, Values{"Zero"}] uint8 State; };\nclass Demo_A_State { [Key] string Id; };\nclass Demo_AMeta { [Key] string Id; };\nclass decodeDemo_A { [Key] string Id; };\nclass Demo_A_StateValues { [Key] string Id; };`,
  },
});
add({
  name: "class names that are file names the layout uses",
  files: { "main.mof": ["index", "Index", "runtime", "instances", "CON", "nul", "Aux", "com1", "LPT9"].map((n, i) => `class ${n}${i < 2 ? "" : ""} { [Key] string Id; };`).slice(1).join("\n") + "\nclass Demo_I : Index { };" },
});
add({
  name: "Values texts that are reserved words, digits, duplicates, empty and symbols",
  files: {
    "main.mof": `class Demo_V { [Key] string Id; [ValueMap{${Array.from({ length: 16 }, (_, i) => `"${i}"`).join(",")}}, Values{"class","1st","42","__proto__","constructor","class","","   ","!!!","-","On","ON","on","toString","${"Long".repeat(2000)}","\\x2028"}] uint16 State; };`,
  },
});
// Names and Values texts with letters newer than TypeScript's Unicode tables: identifiers are ASCII-only.
add({
  name: "Values texts with letters newer than TypeScript's Unicode tables (found by test/fuzz/pipeline.test.ts)",
  files: { "main.mof": `class Demo_U { [Key] string Id; [ValueMap{"1","2"}, Values{${mofString("\u{13460}\u{13461}")}, ${mofString("X\u{2EBF0}")}}] uint8 State; };` },
});
add({
  name: "class and property names with a BMP letter added in Unicode 16 (U+1C89)",
  files: { "main.mof": "class Demo\u1c89 { [Key] string Id\u1c89; };" },
});
add({
  // Every 17th stacked Omit<Parent, …> is written flattened instead (src/emit/interfaces.ts maxOmitChain): no TS2589.
  name: "200 levels of incompatible overrides (Omit chain), single-file layout",
  layout: "single",
  files: {
    "main.mof": [
      'class Demo_C0 { [Key] string Id; [ValueMap{"0"}, Values{"Zero"}] uint16 State; string Text; };',
      ...Array.from(
        { length: 199 },
        (_, k) =>
          `class Demo_C${k + 1} : Demo_C${k} { [Override("State"), ValueMap{"${k + 1}"}, Values{"V${k + 1}"}] uint16 State; [Override("Text")] ${k % 2 === 0 ? "uint32" : "string"} Text; };`,
      ),
    ].join("\n"),
  },
});
add({
  name: "references between instances whose keys hold break-out payloads (object paths quote key values)",
  files: {
    "main.mof": [
      "[Association] class Demo_Link { [Key] Demo_Node REF From; [Key] Demo_Node REF To; };",
      "class Demo_Node { [Key] string Id; [Key] uint32 Num; };",
      ...payloads.slice(0, 8).map((p, i) => `instance of Demo_Node as $N${i} { Id = ${mofString(p)}; Num = ${i}; };`),
      ...payloads.slice(0, 7).map((_, i) => `instance of Demo_Link { From = $N${i}; To = $N${i + 1}; };`),
    ].join("\n"),
  },
});
add({
  name: "ValueMap strings that are hostile",
  files: { "main.mof": `class Demo_V { [Key] string Id; [ValueMap{${mofString("*/ pwned /*")}, ${mofString("`${pwned}`")}}, Values{"A","B"}] string Kind; };` },
});

// --- Namespaces and paths ----------------------------------------------------------------------------
const hostileNamespaces = ["..", "../../escape", "..\\\\..\\\\escape", "/etc", "C:\\\\Windows", "a/./b", "con", "a\\x0000b", "root/cimv2", "ROOT/CIMV2", "__proto__", "index", "runtime", "", "\\\\\\\\.\\\\root\\\\x", "a:b*c?d<e>f|g", "trailing. ", "x/../../../y"];
add({
  name: "hostile namespace names stay inside the output folder",
  files: { "main.mof": hostileNamespaces.map((ns, i) => `#pragma namespace("${ns}")\nclass Demo_N${i} { [Key] string Id; };`).join("\n") },
  check: (out) => {
    const folders = new Set(out.files.map((f) => f.path.split("/").slice(0, -1).join("/")));
    expect(folders.size).toBeGreaterThan(5);
  },
});
add({
  name: "same class name in two namespaces, single-file layout",
  layout: "single",
  files: { "main.mof": '#pragma namespace("root/a")\nclass Demo_X { [Key] string Id; };\n#pragma namespace("root/b")\nclass Demo_X { [Key] uint32 Id; };\nclass DEMO_Y { [Key] string Id; };\n#pragma namespace("root/c")\nclass demo_y { [Key] string Id; };' },
});
add({
  name: "input file names with line breaks do not break the banner",
  files: { "evil\nexport const pwned = 1;.mof": "class Demo_F { [Key] string Id; };", "evil\u2028pwned.mof": "class Demo_G { [Key] string Id; };" },
});

// --- Harness -------------------------------------------------------------------------------------------
const outputs = new Map<string, CaseOutput>();
let root = "";
const sharedRuntime = new Map<string, string>();

/** Stores a runtime file once under `_runtime/`; false when a case's copy differs (beyond its banner). */
function shareRuntime(file: GeneratedFile): boolean {
  const body = file.text.replace(/^(\/\/.*\n)+/, "");
  const known = sharedRuntime.get(file.path);
  if (known === undefined) {
    sharedRuntime.set(file.path, body);
    const target = path.join(root, "_runtime", file.path.slice("runtime/".length));
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, file.text);
    return true;
  }
  if (known !== body) throw new Error(`runtime file ${file.path} differs between cases`);
  return true;
}

/** A path the CLI may write: relative, `/`-separated, no `.`/`..`/empty segments, no characters that
 *  are special on Windows or POSIX, no Windows device names. */
function expectSafePath(p: string): void {
  expect(p, p).not.toMatch(/^\/|^[A-Za-z]:|\\|[\u0000-\u001f:*?"<>|]/);
  for (const segment of p.split("/")) {
    expect(segment, p).not.toMatch(/^\.{0,2}$/);
    expect(segment, p).not.toMatch(/[. ]$/);
    expect(segment, p).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i);
  }
}

function caseDir(index: number): string {
  return path.join(root, `case-${String(index).padStart(3, "0")}`);
}

beforeAll(async () => {
  const startedAt = performance.now();
  root = mkdtempSync(path.join(tmpdir(), "mof2ts-emit-"));
  writeFileSync(path.join(root, "package.json"), JSON.stringify({ type: "module" }));
  const generated: { c: EmitCase; files: GeneratedFile[]; diagnostics: Diagnostic[]; problem?: string }[] = [];
  for (const [index, c] of cases.entries()) {
    try {
      const result = compile(c.inputs ?? Object.keys(c.files), { host: memoryHost(c.files) });
      if (result.failed || result.schema === undefined) {
        throw new Error(`did not compile:\n${result.diagnostics.map((d) => `${d.code} ${d.message}`).join("\n")}`);
      }
      const emitted = await generateWithDiagnostics(result.schema, { layout: c.layout ?? "files" });
      // Check every path before writing anything: an unsafe one must fail the case, not escape the temp dir.
      for (const file of emitted.files) expectSafePath(file.path);
      for (const file of emitted.files) {
        // The runtime helpers are the same for every case (banner aside): type-check one shared copy.
        if (file.path.startsWith("runtime/") && shareRuntime(file)) continue;
        const target = path.join(caseDir(index), ...file.path.split("/"));
        mkdirSync(path.dirname(target), { recursive: true });
        writeFileSync(target, file.text);
      }
      if (emitted.files.some((f) => f.path.startsWith("runtime/"))) {
        mkdirSync(caseDir(index), { recursive: true });
        symlinkSync(path.join(root, "_runtime"), path.join(caseDir(index), "runtime"), "dir");
      }
      generated.push({ c, files: emitted.files, diagnostics: [...result.diagnostics, ...emitted.diagnostics] });
    } catch (error) {
      generated.push({ c, files: [], diagnostics: [], problem: error instanceof Error ? error.message : String(error) });
    }
  }
  const generatedAt = performance.now();
  // cwd = root so tsc names files `case-NNN/…`, which routes each error to its case.
  // tsc skips every semantic check once any file has a syntax error, so cases whose output is known not
  // to parse get a project of their own and cannot blind the others.
  const dirsOf = (keep: (c: EmitCase) => boolean) => cases.flatMap((c, i) => (keep(c) ? [path.basename(caseDir(i))] : []));
  const projects = [dirsOf((c) => c.unparsable !== true), dirsOf((c) => c.unparsable === true)].filter((dirs) => dirs.length > 0);
  const errorLines: string[] = [];
  projects.forEach((dirs, n) => {
    const config = `tsconfig.${n}.json`;
    writeFileSync(
      path.join(root, config),
      JSON.stringify({
        compilerOptions: { strict: true, noEmit: true, target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", noUncheckedIndexedAccess: true, types: [], skipLibCheck: false },
        include: [...dirs.map((d) => `${d}/**/*.ts`), "_runtime/**/*.ts"],
        exclude: dirs.map((d) => `${d}/runtime/**`),
      }),
    );
    const tsc = spawnSync(process.execPath, [path.join(repoRoot, "node_modules/typescript/bin/tsc"), "-p", config, "--pretty", "false"], {
      cwd: root,
      encoding: "utf8",
      timeout: 300_000,
    });
    errorLines.push(...`${tsc.stdout}${tsc.stderr}`.split("\n").filter((l) => l.trim() !== ""));
  });
  console.info(`emit-injection: generated ${cases.length} cases in ${Math.round(generatedAt - startedAt)} ms, ${projects.length} tsc runs took ${Math.round(performance.now() - generatedAt)} ms`);
  generated.forEach(({ c, files, diagnostics, problem }, index) => {
    const prefix = path.basename(caseDir(index)) + "/";
    const parsed = new Map(
      files.filter((f) => f.path.endsWith(".ts")).map((f) => [f.path, ts.createSourceFile(f.path, f.text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS)] as const),
    );
    outputs.set(c.name, { files, diagnostics, tscErrors: errorLines.filter((l) => l.startsWith(prefix) || !l.startsWith("case-")), parsed, ...(problem === undefined ? {} : { problem }) });
  });
}, 600_000);

afterAll(() => {
  if (root !== "") rmSync(root, { recursive: true, force: true });
});

/** `kind name` of every top-level statement of every generated file outside runtime/. */
function statementList(out: CaseOutput): string[] {
  const list: string[] = [];
  for (const [file, source] of [...out.parsed].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (file.startsWith("runtime/") || file.includes("/runtime/")) continue;
    for (const statement of source.statements) {
      const name = ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)
        ? (statement.moduleSpecifier as ts.StringLiteral | undefined)?.text ?? ""
        : ts.isVariableStatement(statement)
          ? statement.declarationList.declarations.map((d) => d.name.getText(source)).join(",")
          : "name" in statement && statement.name !== undefined ? (statement.name as ts.Identifier).text : "";
      list.push(`${file}: ${ts.SyntaxKind[statement.kind]} ${name}`);
    }
  }
  return list;
}

const declarationKinds = new Set([
  ts.SyntaxKind.ImportDeclaration, ts.SyntaxKind.ExportDeclaration, ts.SyntaxKind.InterfaceDeclaration, ts.SyntaxKind.EnumDeclaration,
  ts.SyntaxKind.VariableStatement, ts.SyntaxKind.FunctionDeclaration, ts.SyntaxKind.TypeAliasDeclaration, ts.SyntaxKind.ClassDeclaration,
]);

function allIdentifiers(source: ts.SourceFile): string[] {
  const names: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node)) names.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return names;
}

function interfaceMembers(out: CaseOutput, name: string): string[] {
  for (const source of out.parsed.values()) {
    for (const statement of source.statements) {
      if (ts.isInterfaceDeclaration(statement) && statement.name.text === name) {
        return statement.members.map((m) => (m.name === undefined ? "" : ts.isIdentifier(m.name) || ts.isStringLiteral(m.name) ? m.name.text : m.name.getText(source)));
      }
    }
  }
  throw new Error(`interface ${name} not found`);
}

/** `{ __proto__: x }` and `{ "__proto__": x }` set an object's prototype; only a computed key is safe. */
function expectNoPrototypeSetter(out: CaseOutput): void {
  for (const [file, source] of out.parsed) {
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAssignment(node) && (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name))) {
        expect(node.name.text, `${file}: ${node.getText(source).slice(0, 80)}`).not.toBe("__proto__");
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
}

/** Visible text of a description survives in the interface's JSDoc (after undoing the `*\/` escape). */
function expectDescriptionKept(out: CaseOutput, description: string): void {
  const squash = (text: string): string =>
    text.replace(/\*\\\//g, "*/").replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\ud800-\udfff\ufffd]/g, " ").replace(/\s+/g, " ").trim();
  const docs: string[] = [];
  for (const source of out.parsed.values()) {
    for (const statement of source.statements) {
      if (ts.isInterfaceDeclaration(statement) && statement.name.text === "Demo_Text") {
        const full = source.text.slice(statement.getFullStart(), statement.getStart(source));
        docs.push(squash(full.replace(/^\s*\/\*\*|\*\/\s*$/g, "").replace(/^\s*\* ?/gm, "")));
      }
    }
  }
  expect(docs).toHaveLength(1);
  const wanted = squash(description).replace(/\\/g, "\\");
  expect(docs[0], `JSDoc should carry ${JSON.stringify(description)}`).toContain(wanted);
}

describe("injection-proof emission", () => {
  for (const c of cases) {
    if (c.bug === undefined) it(c.name, () => runCase(c));
    else it.fails(`KNOWN BUG (${c.bug}): ${c.name}`, () => runCase(c));
  }

  it("has at least 30 cases", () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });
});

function runCase(c: EmitCase): void {
    const out = outputs.get(c.name);
    if (out === undefined) throw new Error("case did not run");
    expect(out.problem).toBeUndefined();
    expect(out.tscErrors, "tsc --strict must accept the output").toEqual([]);
    for (const [file, source] of out.parsed) {
      for (const statement of source.statements) {
        expect(declarationKinds.has(statement.kind), `${file}: unexpected ${ts.SyntaxKind[statement.kind]} statement`).toBe(true);
      }
      expect(allIdentifiers(source), `${file} declares or uses ${marker}`).not.toContain(marker);
    }
    for (const source of out.parsed.values()) {
      const tags = source.statements.flatMap((s) => ts.getJSDocTags(s).map((t) => t.tagName.text));
      expect(tags, "a description must not create JSDoc tags").not.toContain("deprecated");
    }
    if (c.twin !== undefined) {
      const twin = outputs.get(c.twin);
      if (twin === undefined) throw new Error(`twin ${c.twin} missing`);
      expect(statementList(out)).toEqual(statementList(twin));
    }
    c.check?.(out);
}
