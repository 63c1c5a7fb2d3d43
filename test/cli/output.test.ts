import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { applyPlan, planOutput } from "../../src/cli/output.js";
import { GENERATED_BANNER_MARKER, isGeneratedText } from "../../src/emit/banner.js";
import { checkDiagnostics } from "../../src/cli/check.js";

const banner = `${GENERATED_BANNER_MARKER}\n// Inputs: test.mof\n\n`;
const gen = (p: string, body: string) => ({ path: p, text: `${banner}${body}\n` });

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "mof2ts-output-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function put(rel: string, text: string): void {
  mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  writeFileSync(path.join(dir, rel), text);
}
function read(rel: string): string {
  return readFileSync(path.join(dir, rel), "utf8");
}
/** Every file under dir, relative, sorted. */
function tree(): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import("node:fs").Dirent[])
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
    .sort();
}

describe("isGeneratedText", () => {
  it("recognizes the banner, also after a BOM, and nothing else", () => {
    expect(isGeneratedText(banner)).toBe(true);
    expect(isGeneratedText("\uFEFF" + banner)).toBe(true);
    expect(isGeneratedText("// my own file\n" + banner)).toBe(false);
    expect(isGeneratedText("")).toBe(false);
  });
});

describe("planOutput + applyPlan", () => {
  it("writes new files into new folders and leaves no temporary files", () => {
    const plan = planOutput(path.join(dir, "out"), [gen("index.ts", "a"), gen("root/interop/CIM_X.ts", "b")]);
    expect(plan.missing).toEqual(["index.ts", "root/interop/CIM_X.ts"]);
    applyPlan(plan);
    expect(tree()).toEqual(["out/index.ts", "out/root/interop/CIM_X.ts"]);
    expect(read("out/root/interop/CIM_X.ts")).toBe(`${banner}b\n`);
  });

  it("creates a new output folder whole from a hidden staging copy, and a new subfolder of an existing one too", () => {
    applyPlan(planOutput(path.join(dir, "out"), [gen("index.ts", "a"), gen("runtime/decode.ts", "r")]));
    expect(readdirSync(dir)).toEqual(["out"]);
    put("out/mine.ts", "export const mine = 1;\n");
    const plan = planOutput(path.join(dir, "out"), [gen("index.ts", "a"), gen("runtime/decode.ts", "r"), gen("root/cimv2/CIM_X.ts", "x")]);
    expect(plan.missing).toEqual(["root/cimv2/CIM_X.ts"]);
    applyPlan(plan);
    expect(readdirSync(path.join(dir, "out")).sort()).toEqual(["index.ts", "mine.ts", "root", "runtime"]);
    expect(read("out/root/cimv2/CIM_X.ts")).toBe(`${banner}x\n`);
  });

  it("skips a name already taken (even by a planted symbolic link) when it makes a staging copy", () => {
    const victim = path.join(dir, "victim");
    mkdirSync(victim);
    for (let i = 0; i < 4; i++) symlinkSync(victim, path.join(dir, `.out.${process.pid}.${i}.tmp`), "dir");
    applyPlan(planOutput(path.join(dir, "out"), [gen("A.ts", "a")]));
    expect(readdirSync(victim)).toEqual([]);
    expect(read("out/A.ts")).toBe(`${banner}a\n`);
  });

  it("a failed write removes the staging copy of a new folder as well as the temporary files", () => {
    put("index.ts", `${banner}old\n`);
    put("blocker", "I am a file");
    const plan = planOutput(dir, [gen("index.ts", "new"), gen("fresh/A.ts", "a"), gen("blocker/X.ts", "x")]);
    expect(() => applyPlan(plan)).toThrow(expect.objectContaining({ kind: "write" }));
    expect(readdirSync(dir).sort()).toEqual(["blocker", "index.ts"]);
    expect(read("index.ts")).toBe(`${banner}old\n`);
  });

  it("compares a file whose name on disk differs only in case instead of taking it for missing", () => {
    put("cim_a.ts", "// hand-written\n");
    const plan = planOutput(dir, [gen("CIM_A.ts", "new")]);
    const caseSensitive = !existsSync(path.join(dir, "CIM_A.ts"));
    expect(plan.foreign).toEqual(caseSensitive ? [] : ["CIM_A.ts"]);
    expect(plan.missing).toEqual(caseSensitive ? ["CIM_A.ts"] : []);
  });

  it("leaves identical files alone (their modification time is kept)", () => {
    put("index.ts", `${banner}a\n`);
    const old = new Date("2020-01-01T00:00:00Z");
    utimesSync(path.join(dir, "index.ts"), old, old);
    const plan = planOutput(dir, [gen("index.ts", "a"), gen("B.ts", "b")]);
    expect(plan.unchanged).toEqual(["index.ts"]);
    expect(plan.write.map((f) => f.path)).toEqual(["B.ts"]);
    applyPlan(plan);
    expect(statSync(path.join(dir, "index.ts")).mtime.getTime()).toBe(old.getTime());
  });

  it("replaces our changed files, removes our stale ones with their emptied folder, and keeps hand-written files", () => {
    put("index.ts", `${banner}old\n`);
    put("Stale.ts", `${banner}stale\n`);
    put("root/gone/CIM_G.ts", `${banner}g\n`);
    put("helpers.ts", "export const mine = 1;\n");
    put("notes.md", `${banner}not a .ts file\n`);
    const plan = planOutput(dir, [gen("index.ts", "new")]);
    expect(plan.remove).toEqual(["Stale.ts", "root/gone/CIM_G.ts"]);
    expect(plan.foreign).toEqual([]);
    applyPlan(plan);
    expect(tree()).toEqual(["helpers.ts", "index.ts", "notes.md"]);
    expect(read("index.ts")).toBe(`${banner}new\n`);
    expect(read("helpers.ts")).toBe("export const mine = 1;\n");
    expect(existsSync(path.join(dir, "root"))).toBe(false);
  });

  it("marks a file without our banner at a generated path as foreign, and refuses to apply such a plan", () => {
    put("CIM_X.ts", "// hand-written\n");
    const plan = planOutput(dir, [gen("CIM_X.ts", "x"), gen("index.ts", "i")]);
    expect(plan.foreign).toEqual(["CIM_X.ts"]);
    expect(() => applyPlan(plan)).toThrow();
    expect(tree()).toEqual(["CIM_X.ts"]);
    expect(read("CIM_X.ts")).toBe("// hand-written\n");
  });

  it("refuses generated paths that leave the output folder", () => {
    expect(() => planOutput(dir, [gen("../escape.ts", "x")])).toThrow(/leaves the output folder/);
  });

  it("reports an output path that is a file", () => {
    put("file.ts", "x");
    expect(() => planOutput(path.join(dir, "file.ts"), [gen("a.ts", "a")])).toThrow(expect.objectContaining({ kind: "not-a-folder" }));
  });

  it("a failed write leaves the folder as it was", () => {
    put("index.ts", `${banner}old\n`);
    // A folder where a generated file's folder must go makes mkdir fail midway.
    put("blocker", "I am a file");
    const plan = planOutput(dir, [gen("index.ts", "new"), gen("blocker/X.ts", "x")]);
    expect(() => applyPlan(plan)).toThrow(expect.objectContaining({ kind: "write" }));
    expect(tree()).toEqual(["blocker", "index.ts"]);
    expect(read("index.ts")).toBe(`${banner}old\n`);
  });
});

describe("checkDiagnostics", () => {
  it("lists stale, missing, extra and foreign files in path order", () => {
    put("A.ts", `${banner}old\n`);
    put("B.ts", `${banner}same\n`);
    put("D.ts", `${banner}extra\n`);
    put("E.ts", "// mine\n");
    const plan = planOutput(dir, [gen("A.ts", "new"), gen("B.ts", "same"), gen("C.ts", "c"), gen("E.ts", "e")]);
    const shown = checkDiagnostics(plan, (abs) => path.relative(dir, abs)).map((d) => `${d.code} ${d.message}`);
    expect(shown).toEqual([
      "MOF5012 'A.ts' is out of date.",
      "MOF5013 'C.ts' is missing.",
      "MOF5014 'D.ts' was generated by mof2ts but is no longer produced.",
      "MOF5010 'E.ts' was not generated by mof2ts; nothing was written so it stays untouched.",
    ]);
  });

  it("is empty when the folder matches", () => {
    put("A.ts", `${banner}a\n`);
    expect(checkDiagnostics(planOutput(dir, [gen("A.ts", "a")]), (a) => a)).toEqual([]);
  });
});

describe("case of file names", () => {
  it("removes a generated file whose name differs only in case when it is a different file", () => {
    put("cim_a.ts", `${banner}old\n`);
    const plan = planOutput(dir, [gen("CIM_A.ts", "new")]);
    // On a case-sensitive file system these are two files: the old one is stale.
    const caseSensitive = !existsSync(path.join(dir, "CIM_A.ts"));
    expect(plan.remove).toEqual(caseSensitive ? ["cim_a.ts"] : []);
    applyPlan(plan);
    expect(read("CIM_A.ts")).toBe(`${banner}new\n`);
  });
});
