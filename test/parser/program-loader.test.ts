import { describe, expect, it } from "vitest";
import { memoryHost } from "../../src/host.js";
import { loadProgram } from "../../src/parser/program-loader.js";
import { formatDiagnostics } from "../../src/diagnostics/format.js";
import type { ClassDeclaration, PragmaDirective } from "../../src/ast/nodes.js";

function names(files: readonly { file: string }[]): string[] {
  return files.map((f) => f.file);
}

function pragmas(statements: readonly { kind: string }[]): PragmaDirective[] {
  return statements.filter((s): s is PragmaDirective => s.kind === "PragmaDirective");
}

describe("loadProgram", () => {
  it("follows includes relative to the including file, then each include dir in order", () => {
    const host = memoryHost({
      "schema/top.mof":
        '#pragma include ("Core/a.mof")\n#pragma include ("shared.mof")\n#pragma include ("only-in-b.mof")\n',
      "schema/Core/a.mof": '#pragma include ("b.mof")\nclass A {};\n',
      "schema/Core/b.mof": "class B {};\n",
      "inc-a/shared.mof": "class SharedA {};\n",
      "inc-b/shared.mof": "class SharedB {};\n",
      "inc-b/only-in-b.mof": "class OnlyB {};\n",
    });
    const { program, sources, diagnostics } = loadProgram(["schema/top.mof"], {
      host,
      includeDirs: ["inc-a", "inc-b"],
    });
    expect(diagnostics).toEqual([]);
    expect(names(program.roots)).toEqual(["schema/top.mof"]);
    const included = pragmas(program.roots[0]!.statements).map(
      (p) => program.includes.get(p)?.file,
    );
    expect(included).toEqual(["schema/Core/a.mof", "inc-a/shared.mof", "inc-b/only-in-b.mof"]);
    const a = program.includes.get(
      pragmas(program.includes.get(pragmas(program.roots[0]!.statements)[0]!)!.statements)[0]!,
    );
    expect(a?.file).toBe("schema/Core/b.mof");
    expect([...sources.keys()]).toEqual([
      "schema/top.mof",
      "schema/Core/a.mof",
      "schema/Core/b.mof",
      "inc-a/shared.mof",
      "inc-b/only-in-b.mof",
    ]);
    expect(sources.get("schema/Core/b.mof")?.text).toBe("class B {};\n");
  });

  it("parses each file once, however often it is included", () => {
    const host = memoryHost({
      "a.mof": '#pragma include("common.mof")\n#pragma include("./common.mof")\n',
      "b.mof": '#pragma include("common.mof")\n',
      "common.mof": "class Common {};\n",
    });
    const { program, sources } = loadProgram(["a.mof", "b.mof"], { host });
    const all = [...program.includes.values()];
    expect(all).toHaveLength(3);
    expect(new Set(all).size).toBe(1);
    expect(sources.size).toBe(3);
  });

  it("keeps an absolute name and a relative name that differ only by the root as two files", () => {
    const host = memoryHost({ "/lib/a.mof": "class Outer_A {};\n", "lib/a.mof": "class Inner_B {};\n" });
    const { program } = loadProgram(["/lib/a.mof", "lib/a.mof"], { host });
    expect(names(program.roots)).toEqual(["/lib/a.mof", "lib/a.mof"]);
    expect(program.roots.map((root) => (root.statements[0] as ClassDeclaration).name.name)).toEqual(["Outer_A", "Inner_B"]);
  });

  it("accepts Windows backslashes in include paths", () => {
    const host = memoryHost({
      "top.mof": '#pragma include ("sub\\\\x.mof")\n',
      "sub/x.mof": "class X {};\n",
    });
    const { program, diagnostics } = loadProgram(["top.mof"], { host });
    expect(diagnostics).toEqual([]);
    expect([...program.includes.values()].map((f) => f.file)).toEqual(["sub/x.mof"]);
  });

  it("reads a C '#include' as an include, with a warning", () => {
    const host = memoryHost({ "top.mof": '#include "x.mof"\n', "x.mof": "class X {};\n" });
    const { program, diagnostics } = loadProgram(["top.mof"], { host });
    expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([["MOF1006", "warning"]]);
    const file = [...program.includes.values()][0];
    expect((file?.statements[0] as ClassDeclaration).name.name).toBe("X");
  });

  it("MOF3002: a missing include names the searched places and the include chain", () => {
    const host = memoryHost({
      "top.mof": '#pragma include ("mid.mof")\n',
      "mid.mof": 'class M {};\n#pragma include ("gone.mof")\n',
    });
    const { diagnostics, program } = loadProgram(["top.mof"], { host, includeDirs: ["extra"] });
    expect(diagnostics).toHaveLength(1);
    const [d] = diagnostics;
    expect(d).toMatchObject({
      code: "MOF3002",
      severity: "error",
      message: "Included file 'gone.mof' was not found.",
      hint: "Searched: gone.mof, extra/gone.mof. Add the folder that holds it with -I.",
      span: { file: "mid.mof", start: 29, end: 39 },
    });
    expect(d?.related).toEqual([
      { message: "'mid.mof' is included from here", span: { file: "top.mof", start: 0, end: 27 } },
    ]);
    expect(program.includes.size).toBe(1);
  });

  it("MOF3003: an include cycle is reported once with the chain, and loading stops there", () => {
    const host = memoryHost({
      "a.mof": '#pragma include ("b.mof")\nclass A {};\n',
      "b.mof": '#pragma include ("c.mof")\nclass B {};\n',
      "c.mof": '#pragma include ("a.mof")\nclass C {};\n',
    });
    const { diagnostics, program } = loadProgram(["a.mof"], { host });
    expect(diagnostics.map((d) => [d.code, d.message, d.span?.file])).toEqual([
      ["MOF3003", "Include cycle: a.mof -> b.mof -> c.mof -> a.mof.", "c.mof"],
    ]);
    expect(diagnostics[0]?.related?.map((r) => r.message)).toEqual([
      "'c.mof' is included from here",
      "'b.mof' is included from here",
    ]);
    expect(program.includes.size).toBe(2);
  });

  it("renders the include chain under the diagnostic", () => {
    const host = memoryHost({
      "top.mof": '#pragma include ("mid.mof")\n',
      "mid.mof": '\n#pragma include ("gone.mof")\n',
    });
    const { diagnostics, sources } = loadProgram(["top.mof"], { host });
    expect(formatDiagnostics(diagnostics, (name) => sources.get(name), { style: "plain" })).toBe(
      [
        "mid.mof:2:18: error MOF3002: Included file 'gone.mof' was not found.",
        "  hint: Searched: gone.mof. Add the folder that holds it with -I.",
        "  top.mof:1:1: 'mid.mof' is included from here",
      ].join("\n"),
    );
  });

  it("MOF3003: a file including itself", () => {
    const host = memoryHost({ "self.mof": '#pragma include ("self.mof")\n' });
    expect(loadProgram(["self.mof"], { host }).diagnostics.map((d) => d.message)).toEqual([
      "Include cycle: self.mof -> self.mof.",
    ]);
  });

  it("MOF3001: an input that cannot be read", () => {
    const { diagnostics, program } = loadProgram(["nope.mof"], { host: memoryHost({}) });
    expect(diagnostics.map((d) => [d.code, d.message])).toEqual([
      ["MOF3001", "Cannot read file 'nope.mof'."],
    ]);
    expect(program.roots).toEqual([]);
  });

  it("MOF3004: an include without one string argument", () => {
    const host = memoryHost({ "a.mof": "#pragma include (x)\n#pragma include\n" });
    expect(loadProgram(["a.mof"], { host }).diagnostics.map((d) => d.code)).toEqual([
      "MOF3004",
      "MOF3004",
    ]);
  });

  it("decodes UTF-16LE with BOM and CRLF (Windows .mfl) and keeps offsets in the decoded text", () => {
    const text =
      '[AMENDMENT, LOCALE(0x409)]\r\nclass Win32_X\r\n{\r\n  [Description("Grüße") : Amended] string Name;\r\n};\r\n';
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    const { program, sources, diagnostics } = loadProgram(["x.mfl"], {
      host: memoryHost({ "x.mfl": bytes }),
    });
    expect(diagnostics).toEqual([]);
    const cls = program.roots[0]!.statements[0] as ClassDeclaration;
    expect(cls.name.name).toBe("Win32_X");
    expect(sources.get("x.mfl")?.positionAt(cls.name.span.start)).toEqual({ line: 2, column: 7 });
  });

  it("MOF1005 points at the first NUL of an otherwise text file, with a code frame", () => {
    const host = memoryHost({ "nul.mof": Buffer.from("class Demo_Nul {\n  string Name\u0000;\u0000\n};\n", "latin1") });
    const { diagnostics, sources, program } = loadProgram(["nul.mof"], { host });
    expect(program.roots).toEqual([]);
    const rendered = formatDiagnostics(diagnostics, (name) => sources.get(name), { style: "pretty" });
    expect(rendered.split("\n").slice(0, 4)).toEqual([
      "nul.mof:2:14 - error MOF1005: File is not MOF text: it contains NUL bytes, the first one here.",
      "",
      "2 |   string Name\u2400;\u2400",
      "  |              ^",
    ]);
    expect(diagnostics[0]?.hint).toMatch(/^Delete the NUL character/);
  });

  it("MOF1005: a binary file; MOF1009: a Windows-1252 file is read with a warning", () => {
    const host = memoryHost({
      "bin.mof": Uint8Array.from([
        0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xff, 0xff,
      ]),
      "ansi.mof": Uint8Array.from([
        ...Buffer.from('class A { string S = "'),
        0xa9,
        ...Buffer.from('"; };'),
      ]),
    });
    const { diagnostics, program } = loadProgram(["bin.mof", "ansi.mof"], { host });
    expect(diagnostics.map((d) => [d.code, d.severity, d.span?.file])).toEqual([
      ["MOF1005", "error", "bin.mof"],
      ["MOF1009", "warning", "ansi.mof"],
    ]);
    expect(diagnostics[0]?.message).toBe("File is not MOF text: it contains NUL bytes.");
    expect(names(program.roots)).toEqual(["ansi.mof"]);
  });

  it("never throws, even when the host does", () => {
    const host = {
      ...memoryHost({ "a.mof": '#pragma include ("b.mof")\n' }),
      fileExists: () => {
        throw new Error("disk on fire");
      },
    };
    const throwing = {
      ...host,
      readFile: () => {
        throw new Error("disk on fire");
      },
    };
    expect(loadProgram(["a.mof"], { host }).diagnostics.map((d) => d.code)).toEqual(["MOF3002"]);
    expect(loadProgram(["a.mof"], { host: throwing }).diagnostics.map((d) => d.code)).toEqual([
      "MOF3001",
    ]);
  });

  it("collects parse diagnostics of included files", () => {
    const host = memoryHost({
      "a.mof": '#pragma include ("b.mof")\n',
      "b.mof": "class B { string X };\n",
    });
    expect(loadProgram(["a.mof"], { host }).diagnostics.map((d) => [d.code, d.span?.file])).toEqual(
      [["MOF1101", "b.mof"]],
    );
  });
});
