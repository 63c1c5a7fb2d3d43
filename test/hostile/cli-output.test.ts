/**
 * Output safety under hostile conditions, through the whole CLI (`run(argv, io)` in-process): symlinks
 * in the output folder pointing outside it, a foreign file at a generated path, an input that sits where
 * output would go, an output folder that is a file, pre-planted temporary files, `--check` on a stale
 * folder. Whatever happens: files outside the output folder are never touched, a failing run writes
 * nothing, `--check` writes nothing.
 */
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { memoryIo } from "../../src/cli/io.js";
import { run } from "../../src/cli/main.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "mof2ts-hostile-cli-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const goodMof = '[Description("A class.")] class Demo_A { [Key] string Id; [ValueMap{"0","1"}, Values{"Off","On"}] uint16 State; };\n';
const badMof = "class Demo_A { string Id; \n";

function put(rel: string, text: string): string {
  const full = path.join(dir, rel);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, text);
  return full;
}

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo({ cwd: dir, env: { NO_COLOR: "1", MOF2TS_NO_STAMP: "1" } });
  const code = await run(argv, io);
  return { code, out: io.out(), err: io.err() };
}

/** Every entry under a folder (files, links, folders) with size and mtime: a fingerprint of the tree. */
function snapshot(root: string): string[] {
  if (!existsSync(root)) return [];
  const lines: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const full = path.join(d, name);
      const st = lstatSync(full);
      const rel = path.relative(root, full);
      if (st.isSymbolicLink()) lines.push(`link ${rel}`);
      else if (st.isDirectory()) {
        lines.push(`dir ${rel}`);
        walk(full);
      } else lines.push(`file ${rel} ${st.size} ${st.mtimeMs} ${readFileSync(full, "utf8").length}`);
    }
  };
  walk(root);
  return lines;
}

function noStackTrace(text: string): void {
  expect(text).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
}

describe("a failing run writes nothing", () => {
  it("leaves a missing output folder missing", async () => {
    put("in/bad.mof", badMof);
    const result = await cli("in/bad.mof", "-o", "out");
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/MOF1\d{3}/);
    noStackTrace(result.err);
    expect(existsSync(path.join(dir, "out"))).toBe(false);
  });

  it("leaves an existing output folder byte-for-byte as it was", async () => {
    put("in/good.mof", goodMof);
    expect((await cli("in/good.mof", "-o", "out")).code).toBe(0);
    const before = snapshot(path.join(dir, "out"));
    put("in/good.mof", goodMof + badMof);
    expect((await cli("in/good.mof", "-o", "out")).code).toBe(1);
    expect(snapshot(path.join(dir, "out"))).toEqual(before);
  });
});

describe("files we did not generate are never touched", () => {
  it("refuses to overwrite a hand-written file at a generated path, and writes nothing else either", async () => {
    put("in/good.mof", goodMof);
    put("out/Demo_A.ts", "// my own code\nexport const mine = 1;\n");
    const before = snapshot(path.join(dir, "out"));
    const result = await cli("in/good.mof", "-o", "out");
    expect(result.code).not.toBe(0);
    expect(result.err).toContain("MOF5010");
    expect(snapshot(path.join(dir, "out"))).toEqual(before);
  });

  it("an input file that sits where output would go is never overwritten", async () => {
    // A MOF file named like a generated file, in the output folder itself.
    const input = put("work/Demo_A.ts", goodMof);
    const result = await cli("work/Demo_A.ts", "-o", "work");
    expect(result.code).not.toBe(0);
    expect(readFileSync(input, "utf8")).toBe(goodMof);
  });

  it("keeps hand-written files next to generated ones, also in nested and dot folders", async () => {
    put("in/good.mof", goodMof);
    const mine = ["out/notes.md", "out/Extra.ts", "out/.hidden/Thing.ts", "out/node_modules/x/index.ts", "out/sub/Other.ts"];
    for (const rel of mine) put(rel, `// hand-written ${rel}\n`);
    expect((await cli("in/good.mof", "-o", "out")).code).toBe(0);
    expect((await cli("in/good.mof", "-o", "out")).code).toBe(0);
    for (const rel of mine) expect(readFileSync(path.join(dir, rel), "utf8")).toBe(`// hand-written ${rel}\n`);
  });

  it("an output folder inside the input folder (and equal to it) leaves every input and hand-written file alone", async () => {
    put("in/main.mof", '#pragma include("sub/types.mof")\n' + goodMof);
    put("in/sub/types.mof", "class Demo_T { [Key] string Id; };\n");
    put("in/notes.ts", "// mine\n");
    const inputs = snapshot(path.join(dir, "in"));
    expect((await cli("in/main.mof", "-I", "in", "-o", "in/out")).code).toBe(0);
    expect((await cli("in/main.mof", "-I", "in", "-o", "in/out")).code).toBe(0);
    expect(snapshot(path.join(dir, "in")).filter((l) => !l.includes("out"))).toEqual(inputs);
    expect((await cli("in/main.mof", "-o", "in")).code).toBe(0);
    expect(readFileSync(path.join(dir, "in/main.mof"), "utf8")).toContain("Demo_A");
    expect(readFileSync(path.join(dir, "in/sub/types.mof"), "utf8")).toBe("class Demo_T { [Key] string Id; };\n");
    expect(readFileSync(path.join(dir, "in/notes.ts"), "utf8")).toBe("// mine\n");
  });

  it("an output folder that is a file is a diagnostic, and the file survives", async () => {
    put("in/good.mof", goodMof);
    put("out", "not a folder\n");
    const result = await cli("in/good.mof", "-o", "out");
    expect(result.code).toBe(2);
    expect(result.err).toContain("MOF5016");
    expect(readFileSync(path.join(dir, "out"), "utf8")).toBe("not a folder\n");
  });

  it("an output path that runs through a file is an error, not a crash", async () => {
    put("in/good.mof", goodMof);
    put("blocker", "x\n");
    const result = await cli("in/good.mof", "-o", "blocker/out");
    expect(result.code).toBe(2);
    noStackTrace(result.err);
    expect(readFileSync(path.join(dir, "blocker"), "utf8")).toBe("x\n");
  });
});

describe("symlinks in the output folder never lead writes outside it", () => {
  it("a generated path that is a symlink to a foreign file outside: the outside file is untouched", async () => {
    put("in/good.mof", goodMof);
    const victim = put("outside/victim.ts", "// precious\n");
    mkdirSync(path.join(dir, "out"));
    symlinkSync(victim, path.join(dir, "out/Demo_A.ts"));
    await cli("in/good.mof", "-o", "out");
    expect(readFileSync(victim, "utf8")).toBe("// precious\n");
  });

  it("a generated path that is a symlink to a generated-looking file outside: the outside file is untouched", async () => {
    put("in/good.mof", goodMof);
    put("first/in.mof", goodMof);
    expect((await cli("first/in.mof", "-o", "first/out")).code).toBe(0);
    const victim = path.join(dir, "first/out/Demo_A.ts");
    const original = readFileSync(victim, "utf8");
    put("in/good.mof", goodMof.replace("A class.", "Changed."));
    mkdirSync(path.join(dir, "out"));
    symlinkSync(victim, path.join(dir, "out/Demo_A.ts"));
    await cli("in/good.mof", "-o", "out");
    expect(readFileSync(victim, "utf8")).toBe(original);
  });

  it("a stale generated file reached through a symlinked folder is not deleted", async () => {
    put("first/in.mof", goodMof);
    expect((await cli("first/in.mof", "-o", "first/out")).code).toBe(0);
    const before = snapshot(path.join(dir, "first/out"));
    put("in/other.mof", "class Demo_B { [Key] string Id; };\n");
    mkdirSync(path.join(dir, "out"));
    symlinkSync(path.join(dir, "first/out"), path.join(dir, "out/linked"), "dir");
    expect((await cli("in/other.mof", "-o", "out")).code).toBe(0);
    expect(snapshot(path.join(dir, "first/out"))).toEqual(before);
  });

  it("a generated folder that is a symlink to a folder outside: exit 2 (MOF5011 naming the real place), nothing is written anywhere", async () => {
    put("in/good.mof", goodMof);
    mkdirSync(path.join(dir, "outside"));
    mkdirSync(path.join(dir, "out"));
    symlinkSync(path.join(dir, "outside"), path.join(dir, "out/runtime"), "dir");
    const result = await cli("in/good.mof", "-o", "out");
    expect(result.code).toBe(2);
    expect(result.out + result.err).toContain("MOF5011");
    expect(result.out + result.err).toContain("outside the output folder");
    expect(readdirSync(path.join(dir, "outside"))).toEqual([]);
    expect(readdirSync(path.join(dir, "out"))).toEqual(["runtime"]);
  });

  it("an output folder that is itself a symlink is fine (real paths are compared with the real output folder)", async () => {
    put("in/good.mof", goodMof);
    mkdirSync(path.join(dir, "real-out"));
    symlinkSync(path.join(dir, "real-out"), path.join(dir, "out"), "dir");
    expect((await cli("in/good.mof", "-o", "out")).code).toBe(0);
    expect(readdirSync(path.join(dir, "real-out")).length).toBeGreaterThan(0);
  });

  it("a pre-planted symlink at a temporary-file name is not followed", async () => {
    put("in/good.mof", goodMof);
    const victim = put("outside/victim.ts", "// precious\n");
    mkdirSync(path.join(dir, "out"));
    for (let i = 0; i < 8; i++) symlinkSync(victim, path.join(dir, `out/.Demo_A.ts.${process.pid}.${i}.tmp`));
    await cli("in/good.mof", "-o", "out");
    expect(readFileSync(victim, "utf8")).toBe("// precious\n");
  });
});

describe("--check is read-only", () => {
  it("on a stale, edited, incomplete folder: exit 1, every byte and mtime unchanged", async () => {
    put("in/good.mof", goodMof);
    expect((await cli("in/good.mof", "-o", "out")).code).toBe(0);
    const files = readdirSync(path.join(dir, "out")).filter((f) => f.endsWith(".ts"));
    writeFileSync(path.join(dir, "out", files[0]!), readFileSync(path.join(dir, "out", files[0]!), "utf8") + "// edited\n");
    rmSync(path.join(dir, "out", files[1]!));
    put("out/Stale.ts", "// Code generated by mof2ts. DO NOT EDIT.\n// Inputs: old.mof\n\nexport {};\n");
    put("in/good.mof", goodMof.replace("A class.", "Changed."));
    const before = snapshot(dir);
    const result = await cli("in/good.mof", "-o", "out", "--check");
    expect(result.code).toBe(1);
    expect(snapshot(dir)).toEqual(before);
  });

  it("on a broken input: exit 1, nothing written or created", async () => {
    put("in/bad.mof", badMof);
    const before = snapshot(dir);
    expect((await cli("in/bad.mof", "-o", "out", "--check")).code).toBe(1);
    expect(snapshot(dir)).toEqual(before);
  });
});

describe("hostile inputs on the command line", () => {
  it("an input that is a folder is a diagnostic, not a crash", async () => {
    mkdirSync(path.join(dir, "in.mof"));
    const result = await cli("in.mof", "-o", "out");
    expect(result.code).not.toBe(0);
    noStackTrace(result.err);
    expect(existsSync(path.join(dir, "out"))).toBe(false);
  });

  it("an input file name with a line break does not break the output", async () => {
    put("in/evil\nexport const pwned = 1;.mof", goodMof);
    const result = await cli("in/evil\nexport const pwned = 1;.mof", "-o", "out");
    expect(result.code).toBe(0);
    for (const name of readdirSync(path.join(dir, "out")).filter((f) => f.endsWith(".ts"))) {
      expect(readFileSync(path.join(dir, "out", name), "utf8")).not.toMatch(/^export const pwned/m);
    }
  });

  it("an input that is a symlink loop is a diagnostic, not a crash", async () => {
    symlinkSync(path.join(dir, "b.mof"), path.join(dir, "a.mof"));
    symlinkSync(path.join(dir, "a.mof"), path.join(dir, "b.mof"));
    const result = await cli("a.mof", "-o", "out");
    expect(result.code).not.toBe(0);
    noStackTrace(result.err);
  });

  it("/dev/zero as an input ends (binary file), it does not read forever", async () => {
    if (!existsSync("/dev/zero")) return;
    const result = await cli("/dev/zero", "-o", "out");
    expect(result.code).not.toBe(0);
    expect(existsSync(path.join(dir, "out"))).toBe(false);
  }, 60_000);

  it("leaves no temporary files behind after a successful run", async () => {
    put("in/good.mof", goodMof);
    expect((await cli("in/good.mof", "-o", "out")).code).toBe(0);
    const all = readdirSync(path.join(dir, "out"), { recursive: true }).map(String);
    expect(all.filter((f) => f.endsWith(".tmp"))).toEqual([]);
    expect(statSync(path.join(dir, "out")).isDirectory()).toBe(true);
  });
});
