/**
 * The "nothing changed" shortcut: a stamp is trusted only while every recorded input and output is
 * byte-identical and the output folder holds no other generated file.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { memoryIo } from "../src/cli/io.js";
import { run } from "../src/cli/main.js";
import { isCodeCache, RunStamp } from "../src/cli/run-stamp.js";
import { GENERATED_BANNER_MARKER } from "../src/emit/banner.js";

let root: string;
let project: string;
const settings = { inputs: ["a.mof"], flatten: false };
const outputs = [
  { path: "A.ts", text: `${GENERATED_BANNER_MARKER}\nexport interface A {}\n` },
  { path: "ns/index.ts", text: `${GENERATED_BANNER_MARKER}\nexport * from "./A.js";\n` },
];

function writeOutputs(): void {
  for (const file of outputs) {
    const target = path.join(project, "out", ...file.path.split("/"));
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, file.text);
  }
}

function recordRun(): void {
  writeOutputs();
  const stamp = RunStamp.open(project, "out", settings);
  stamp?.record([path.join(project, "a.mof"), path.join(project, "b.mof")], outputs, []);
}

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), "mof2ts-stamp-"));
  project = path.join(root, "project");
  mkdirSync(path.join(project, "node_modules"), { recursive: true });
  writeFileSync(path.join(project, "package.json"), "{}\n");
  writeFileSync(path.join(project, "a.mof"), "class A {};\n");
  writeFileSync(path.join(project, "b.mof"), "class B {};\n");
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("RunStamp", () => {
  // Only meaningful where no folder above the temporary folder is a project with a node_modules.
  const tmpIsInsideProject = (() => {
    for (let dir = os.tmpdir(); ; dir = path.dirname(dir)) {
      if (existsSync(path.join(dir, "node_modules")) && existsSync(path.join(dir, "package.json"))) return true;
      if (path.dirname(dir) === dir) return false;
    }
  })();
  it.skipIf(tmpIsInsideProject)("is off outside a project with a node_modules folder", () => {
    const bare = path.join(root, "bare");
    mkdirSync(path.join(bare, "node_modules"), { recursive: true });
    expect(RunStamp.open(bare, "out", settings)).toBeUndefined();
  });

  it("identifies the mof2ts build without its V8 code cache, which only changes start-up speed", () => {
    expect(isCodeCache("cli.cjs.2bfaf475d61a0447.v8cache")).toBe(true);
    expect(isCodeCache("cli.cjs.2bfaf475d61a0447.v8cache.4242.tmp")).toBe(true);
    expect(isCodeCache("cli.cjs")).toBe(false);
    expect(isCodeCache("index.js")).toBe(false);
    expect(isCodeCache("v8cache.ts")).toBe(false);
  });

  it("is off with MOF2TS_CACHE=off", () => {
    process.env.MOF2TS_CACHE = "off";
    try {
      expect(RunStamp.open(project, "out", settings)).toBeUndefined();
    } finally {
      delete process.env.MOF2TS_CACHE;
    }
  });

  it("keeps stamps in the nearest node_modules/.cache/mof2ts", () => {
    recordRun();
    expect(readdirSync(path.join(project, "node_modules", ".cache", "mof2ts")).filter((f) => f.endsWith(".json"))).toHaveLength(1);
  });

  it("reports up to date when inputs and outputs are unchanged, with the files the run read", () => {
    recordRun();
    const result = RunStamp.open(project, "out", settings)?.check();
    expect(result?.outputCount).toBe(2);
    expect(result?.readFiles).toEqual([path.join(project, "a.mof"), path.join(project, "b.mof")]);
  });

  it("is stale after an input changes", () => {
    recordRun();
    writeFileSync(path.join(project, "b.mof"), "class B { uint8 X; };\n");
    expect(RunStamp.open(project, "out", settings)?.check()).toBeUndefined();
  });

  it("is stale after an output is edited or deleted", () => {
    recordRun();
    writeFileSync(path.join(project, "out", "A.ts"), `${GENERATED_BANNER_MARKER}\nexport interface A { x: 1 }\n`);
    expect(RunStamp.open(project, "out", settings)?.check()).toBeUndefined();
    recordRun();
    rmSync(path.join(project, "out", "ns", "index.ts"));
    expect(RunStamp.open(project, "out", settings)?.check()).toBeUndefined();
  });

  it("is stale when another generated file sits in the output folder, not when a hand-written one does", () => {
    recordRun();
    writeFileSync(path.join(project, "out", "mine.ts"), "export const handWritten = 1;\n");
    expect(RunStamp.open(project, "out", settings)?.check()).toBeDefined();
    writeFileSync(path.join(project, "out", "Old.ts"), `${GENERATED_BANNER_MARKER}\nexport interface Old {}\n`);
    expect(RunStamp.open(project, "out", settings)?.check()).toBeUndefined();
  });

  it("keeps the warnings of the recorded run, and never records a run with an error", () => {
    writeOutputs();
    const warning = { code: "MOF2602", severity: "warning", message: "A warning.", span: { file: "a.mof", start: 0, end: 5 } } as const;
    RunStamp.open(project, "out", settings)?.record([path.join(project, "a.mof")], outputs, [warning]);
    expect(RunStamp.open(project, "out", settings)?.check()?.diagnostics).toEqual([warning]);
    const error = { ...warning, severity: "error" } as const;
    RunStamp.open(project, "out", { ...settings, flatten: true })?.record([path.join(project, "a.mof")], outputs, [error]);
    expect(RunStamp.open(project, "out", { ...settings, flatten: true })?.check()).toBeUndefined();
  });

  it("is stale under other settings or another output folder", () => {
    recordRun();
    expect(RunStamp.open(project, "out", { ...settings, flatten: true })?.check()).toBeUndefined();
    expect(RunStamp.open(project, "other", settings)?.check()).toBeUndefined();
  });
});

describe("generate with run stamps", () => {
  const mof = "class CIM_A { [Key] string Id; uint16 Speed; };\n";
  async function generate(extra: string[] = []) {
    const io = memoryIo({ cwd: project });
    const code = await run(["a.mof", "-o", "out", "--verbose", ...extra], io);
    return { code, err: io.err() };
  }

  it("answers an unchanged re-run and --check from the stamp, and compiles again after an edit", async () => {
    writeFileSync(path.join(project, "a.mof"), mof);
    const first = await generate();
    expect(first.code).toBe(0);
    expect(first.err).toMatch(/^Resolved 1 classes from 1 files/m);
    const written = readFileSync(path.join(project, "out", "CIM_A.ts"), "utf8");

    const again = await generate();
    expect(again.code).toBe(0);
    expect(again.err).toMatch(/All \d+ files in out were already up to date/);
    // Nothing was parsed or resolved: the verbose pipeline lines are absent.
    expect(again.err).not.toMatch(/^Resolved /m);
    const check = await generate(["--check"]);
    expect([check.code, check.err]).toEqual([0, expect.stringMatching(/generated files in out are up to date/)]);
    expect(check.err).not.toMatch(/^Resolved /m);

    writeFileSync(path.join(project, "a.mof"), mof.replace("Speed", "Rate"));
    const edited = await generate(["--check"]);
    expect(edited.code).toBe(1);
    expect(edited.err).toMatch(/^Resolved 1 classes/m);
    expect(readFileSync(path.join(project, "out", "CIM_A.ts"), "utf8")).toBe(written);
  });

  it("answers a re-run with warnings from the stamp and prints the same warnings, code frames included", async () => {
    writeFileSync(path.join(project, "a.mof"), "class CIM_B { [Key] string Id; };\nclass CIM_A { [Key] string Id; CIM_B REF R; };\n");
    const first = await generate();
    expect(first.err).toMatch(/warning MOF2602/);
    const again = await generate();
    expect(again.err).not.toMatch(/^Resolved /m);
    expect(again.err).toMatch(/already up to date/);
    // The diagnostic lines are the same report, position and hint included.
    const report = (err: string) => err.split("\n").filter((line) => /MOF\d{4}|hint:|\^/.test(line));
    expect(report(again.err)).toEqual(report(first.err));
    expect(report(again.err).join("\n")).toMatch(/a\.mof:2:42: warning MOF2602/);
  });
});
