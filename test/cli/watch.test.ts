/** --watch in-process: regenerates when an input changes, stops when the io's signal aborts. */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { run } from "../../src/cli/main.js";
import { memoryIo } from "../../src/cli/io.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "mof2ts-watch-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function until(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

it("regenerates when an input file changes, and ends on abort with the last run's exit code", async () => {
  writeFileSync(path.join(dir, "a.mof"), "class CIM_One { [Key] string Id; };\n");
  const stop = new AbortController();
  const io = memoryIo({ cwd: dir, signal: stop.signal });
  const running = run(["a.mof", "-o", "out", "--watch"], io);
  await until(() => io.err().includes("Watching 1 file for changes"), "the first run");
  expect(existsSync(path.join(dir, "out", "CIM_One.ts"))).toBe(true);

  writeFileSync(path.join(dir, "a.mof"), "class CIM_One { [Key] string Id; };\nclass CIM_Two : CIM_One { };\n");
  await until(() => existsSync(path.join(dir, "out", "CIM_Two.ts")), "the second run");
  await until(() => io.err().split("Watching").length === 3, "the watch to resume");
  expect(io.err()).toMatch(/^a\.mof changed; regenerating\.$/m);

  // A broken edit is reported and keeps watching; the output stays as it was.
  writeFileSync(path.join(dir, "a.mof"), "class CIM_One {");
  await until(() => io.err().split("Watching").length === 4, "the failing run");
  expect(io.err()).toMatch(/a\.mof:1:\d+: error MOF1/);
  expect(existsSync(path.join(dir, "out", "CIM_Two.ts"))).toBe(true);

  stop.abort();
  expect(await running).toBe(1);
});
