import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { memoryHost, nodeHost, type CompilerHost } from "../../src/host.js";
import { loadProgram } from "../../src/parser/program-loader.js";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";

/** The same disk host without the optional one-step read: the loader's fallback path. */
function withoutOneStepRead(host: CompilerHost): CompilerHost {
  return {
    readFile: (name) => host.readFile(name),
    fileExists: (name) => host.fileExists(name),
    resolve: (from, relative) => host.resolve(from, relative),
    dirname: (name) => host.dirname(name),
  };
}

function summary(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.code} ${d.span?.file ?? "-"} ${d.message}`);
}

describe("nodeHost and includes on disk", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "mof2ts-load-"));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  const put = (name: string, text: string) => {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  };

  it("readFileIfExists reads regular files only", () => {
    put("a.mof", "class A {};\n");
    mkdirSync(path.join(dir, "folder.mof"));
    const host = nodeHost();
    expect(Buffer.from(host.readFileIfExists!(path.join(dir, "a.mof"))!).toString()).toBe(
      "class A {};\n",
    );
    expect(host.readFileIfExists!(path.join(dir, "folder.mof"))).toBeUndefined();
    expect(host.readFileIfExists!(path.join(dir, "missing.mof"))).toBeUndefined();
    put("empty.mof", "");
    expect(host.readFileIfExists!(path.join(dir, "empty.mof"))?.length).toBe(0);
  });

  it("follows includes with and without the optional read, with identical results", () => {
    put("top.mof", '#pragma include ("Core/a.mof")\n#pragma include ("shared.mof")\nclass T {};\n');
    put("Core/a.mof", '#pragma include ("b.mof")\nclass A {};\n');
    put("Core/b.mof", "class B {};\n");
    put("inc/shared.mof", "class S {};\n");
    const top = path.join(dir, "top.mof");
    const options = { includeDirs: [path.join(dir, "inc")] };
    const fast = loadProgram([top], { host: nodeHost(), ...options });
    const slow = loadProgram([top], { host: withoutOneStepRead(nodeHost()), ...options });
    expect(fast.diagnostics).toEqual([]);
    expect([...fast.sources.keys()]).toEqual([
      top,
      path.join(dir, "Core/a.mof"),
      path.join(dir, "Core/b.mof"),
      path.join(dir, "inc/shared.mof"),
    ]);
    expect(fast.program).toEqual(slow.program);
    expect([...fast.sources.keys()]).toEqual([...slow.sources.keys()]);
  });

  it("a missing include, a folder and a FIFO named as includes give the same MOF3002 either way", () => {
    mkdirSync(path.join(dir, "folder.mof"));
    let fifo = false;
    try {
      execFileSync("mkfifo", [path.join(dir, "pipe.mof")]);
      fifo = true;
    } catch {
      // No mkfifo on this platform: the folder and missing cases still run.
    }
    put(
      "top.mof",
      '#pragma include ("missing.mof")\n#pragma include ("folder.mof")\n' +
        (fifo ? '#pragma include ("pipe.mof")\n' : ""),
    );
    const top = path.join(dir, "top.mof");
    const fast = loadProgram([top], { host: nodeHost() });
    const slow = loadProgram([top], { host: withoutOneStepRead(nodeHost()) });
    expect(fast.diagnostics.map((d) => d.code)).toEqual(
      fifo ? ["MOF3002", "MOF3002", "MOF3002"] : ["MOF3002", "MOF3002"],
    );
    expect(summary(fast.diagnostics)).toEqual(summary(slow.diagnostics));
    expect(fast.diagnostics).toEqual(slow.diagnostics);
  });

  it("an include cycle through a symlinked name is still found once", () => {
    put("a.mof", '#pragma include ("b.mof")\n');
    put("b.mof", '#pragma include ("a.mof")\n');
    symlinkSync(path.join(dir, "a.mof"), path.join(dir, "link.mof"));
    const top = path.join(dir, "a.mof");
    const fast = loadProgram([top], { host: nodeHost() });
    const slow = loadProgram([top], { host: withoutOneStepRead(nodeHost()) });
    expect(fast.diagnostics.map((d) => d.code)).toEqual(["MOF3003"]);
    expect(fast.diagnostics).toEqual(slow.diagnostics);
  });

  it("a file found by its existence check but unreadable stays MOF3001 (host without bytes)", () => {
    const base = memoryHost({ "a.mof": '#pragma include ("b.mof")\n', "b.mof": "class B {};\n" });
    const host: CompilerHost = {
      ...base,
      readFileIfExists: () => undefined,
      readFile: (name) => (name === "b.mof" ? undefined : base.readFile(name)),
    };
    const { diagnostics } = loadProgram(["a.mof"], { host });
    expect(diagnostics.map((d) => [d.code, d.message])).toEqual([
      ["MOF3001", "Cannot read file 'b.mof'."],
    ]);
  });

  it("a host whose optional read throws is treated as one that found nothing there", () => {
    const base = memoryHost({ "a.mof": '#pragma include ("b.mof")\n', "b.mof": "class B {};\n" });
    const host: CompilerHost = {
      ...base,
      readFileIfExists: () => {
        throw new Error("disk on fire");
      },
    };
    const { diagnostics, sources } = loadProgram(["a.mof"], { host });
    expect(diagnostics).toEqual([]);
    expect([...sources.keys()]).toEqual(["a.mof", "b.mof"]);
  });
});

describe("include order", () => {
  it("records each include after everything below it, depth-first, as a recursive walk would", () => {
    const host = memoryHost({
      "top.mof":
        '#pragma include ("a.mof")\n#pragma include ("c.mof")\n#pragma include ("b.mof")\n',
      "a.mof": '#pragma include ("b.mof")\n#pragma include ("missing.mof")\n',
      "b.mof": "class B {};\n",
      "c.mof": '#pragma include ("top.mof")\n',
    });
    const { program, diagnostics, sources } = loadProgram(["top.mof"], { host });
    expect([...program.includes.values()].map((file) => file.file)).toEqual([
      "b.mof",
      "a.mof",
      "c.mof",
      "b.mof",
    ]);
    expect([...sources.keys()]).toEqual(["top.mof", "a.mof", "b.mof", "c.mof"]);
    expect(diagnostics.map((d) => d.code)).toEqual(["MOF3002", "MOF3003"]);
  });

  it("a 2,047-file include chain loads without exhausting the call stack", () => {
    const files: Record<string, string> = { "main.mof": '#pragma include ("f1.mof")\n' };
    for (let i = 1; i < 2047; i++) files[`f${i}.mof`] = `#pragma include ("f${i + 1}.mof")\n`;
    files["f2047.mof"] = "class Demo_Last {};\n";
    const { diagnostics, sources } = loadProgram(["main.mof"], { host: memoryHost(files) });
    expect(diagnostics).toEqual([]);
    expect(sources.size).toBe(2048);
  });
});
