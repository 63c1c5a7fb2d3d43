/**
 * The V8 code cache the bin shim compiles the bundled CLI with (bin/code-cache.js): written by the
 * build with every function compiled, accepted by V8 on later runs, rewritten when unusable, keyed by
 * the bundle's content, and never a reason for a run to fail.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const scratch = mkdtempSync(path.join(tmpdir(), "mof2ts-code-cache-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const cachesIn = (folder: string) => readdirSync(folder).filter((f) => f.endsWith(".v8cache"));

/** Loads `file` through loadWithCodeCache in a fresh process; prints what the module's `answer()` returns. */
function load(file: string, env: Record<string, string> = {}): { stdout: string; stderr: string; status: number | null } {
  const codeCache = path.join(root, "bin", "code-cache.js");
  const script =
    `import { loadWithCodeCache } from ${JSON.stringify(codeCache)};` +
    `const loaded = loadWithCodeCache(${JSON.stringify(file)});` +
    `console.log(await loaded.exports.answer());` +
    `loaded.saveCodeCache();`;
  const child = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8", env: { ...process.env, ...env } });
  return { stdout: child.stdout, stderr: child.stderr, status: child.status };
}

function module(folder: string, body: string): string {
  const file = path.join(folder, "cli.cjs");
  writeFileSync(file, `exports.answer = async () => { ${body} };\n`);
  return file;
}

describe("the build's code cache", () => {
  const bundle = path.join(root, "dist", "bundle");

  it("exists for the bundled CLI and is accepted: a run does not rewrite it", () => {
    const [cache, ...others] = cachesIn(bundle);
    expect(cache, "run `npm run build` first").toMatch(/^cli\.cjs\.[0-9a-f]{16}\.v8cache$/);
    expect(others).toEqual([]);
    const before = statSync(path.join(bundle, cache!)).mtimeMs;
    const run = spawnSync(process.execPath, [path.join(root, "bin", "mof2ts.js"), "--version"], { encoding: "utf8" });
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    expect(statSync(path.join(bundle, cache!)).mtimeMs).toBe(before);
    expect(cachesIn(bundle)).toEqual([cache]);
  });

  it("leaves on-demand imports working: a run that needs prettier formats as the uncached CLI does", () => {
    // The features fixture's instances.ts is laid out by prettier, which the bundle imports on demand.
    const inputs = readdirSync(path.join(root, "fixtures/emit/features")).filter((f) => f.endsWith(".mof"));
    const generateInto = (out: string, env: Record<string, string> = {}) =>
      spawnSync(process.execPath, [path.join(root, "bin", "mof2ts.js"), ...inputs, "-o", out], {
        cwd: path.join(root, "fixtures/emit/features"),
        encoding: "utf8",
        env: { ...process.env, MOF2TS_CACHE: "off", ...env },
      });
    const cached = generateInto(path.join(scratch, "cached-out"));
    const uncached = generateInto(path.join(scratch, "uncached-out"), { MOF2TS_CODE_CACHE: "off" });
    expect(cached.stderr).not.toMatch(/MOF4001|dynamic import|ExperimentalWarning/);
    expect(cached.status).toBe(0);
    const instances = (folder: string) => readFileSync(path.join(scratch, folder, "instances.ts"), "utf8");
    expect(instances("cached-out")).toBe(instances("uncached-out"));
  });
});

describe("loadWithCodeCache", () => {
  it("runs the module, writes a cache after the first run and reuses it after", () => {
    const folder = mkdtempSync(path.join(scratch, "first-"));
    const file = module(folder, "return 6 * 7;");
    expect(load(file).stdout.trim()).toBe("42");
    const [cache] = cachesIn(folder);
    expect(cache).toBeDefined();
    const written = statSync(path.join(folder, cache!)).mtimeMs;
    expect(load(file).stdout.trim()).toBe("42");
    expect(statSync(path.join(folder, cache!)).mtimeMs).toBe(written);
  });

  it("keys the cache by content: a changed module of the same length gets its own cache", () => {
    const folder = mkdtempSync(path.join(scratch, "changed-"));
    const file = module(folder, "return 6 * 7;");
    expect(load(file).stdout.trim()).toBe("42");
    module(folder, "return 6 * 8;");
    expect(load(file).stdout.trim()).toBe("48");
    expect(cachesIn(folder)).toHaveLength(2);
  });

  it("replaces a cache V8 rejects, and the run still succeeds", () => {
    const folder = mkdtempSync(path.join(scratch, "corrupt-"));
    const file = module(folder, "return 'still works';");
    load(file);
    const cache = path.join(folder, cachesIn(folder)[0]!);
    writeFileSync(cache, "not a code cache");
    const run = load(file);
    expect(run.stdout.trim()).toBe("still works");
    expect(run.stderr).toBe("");
    expect(readFileSync(cache, "utf8")).not.toBe("not a code cache");
  });

  it.skipIf(process.getuid?.() === 0)("runs from a read-only folder without writing anything", () => {
    const folder = mkdtempSync(path.join(scratch, "readonly-"));
    const file = module(folder, "return 'read-only';");
    chmodSync(folder, 0o555);
    try {
      const run = load(file);
      expect(run.stdout.trim()).toBe("read-only");
      expect(run.stderr).toBe("");
      expect(cachesIn(folder)).toEqual([]);
    } finally {
      chmodSync(folder, 0o755);
    }
  });

  it("gives the module an on-demand import that works when its code comes from the cache", () => {
    const folder = mkdtempSync(path.join(scratch, "import-"));
    const file = module(folder, "const load = globalThis[Symbol.for('mof2ts.importOnDemand')]; return (await load('node:path')).sep;");
    expect(load(file).stdout.trim()).toBe(path.sep);
    expect(cachesIn(folder)).toHaveLength(1);
    const cachedRun = load(file);
    expect(cachedRun.stderr).toBe("");
    expect(cachedRun.stdout.trim()).toBe(path.sep);
  });

  it("is off with MOF2TS_CODE_CACHE=off (the module still runs)", () => {
    const folder = mkdtempSync(path.join(scratch, "off-"));
    const file = module(folder, "return 'no cache';");
    expect(load(file, { MOF2TS_CODE_CACHE: "off" }).stdout.trim()).toBe("no cache");
    expect(cachesIn(folder)).toEqual([]);
  });
});
