/** `mof2ts format <file>`: canonical layout on stdout, refusal with diagnostics on syntax errors. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { run } from "../../src/cli/main.js";
import { memoryIo } from "../../src/cli/io.js";
import { parse } from "../../src/parser/parse.js";
import { formatMof } from "../../src/printer/print.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "mof2ts-format-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...argv: string[]) {
  const io = memoryIo({ cwd: dir, env: { NO_COLOR: "1" } });
  const code = await run(argv, io);
  return { code, out: io.out(), err: io.err() };
}

const messy = `// a comment that is dropped
[Description ( "A class." )]   class Demo_A{[Key]string Id;uint32 N=5;};
`;

describe("mof2ts format", () => {
  it("prints formatMof(parse(text).file) on stdout, and the result is a fixed point", async () => {
    writeFileSync(path.join(dir, "a.mof"), messy);
    const r = await cli("format", "a.mof");
    expect(r.code).toBe(0);
    expect(r.out).toBe(formatMof(parse(messy, "a.mof").file).replace(/\n?$/, "\n"));
    expect(r.out).toContain("class Demo_A");
    expect(r.out).not.toContain("a comment that is dropped");
    writeFileSync(path.join(dir, "b.mof"), r.out);
    expect((await cli("format", "b.mof")).out).toBe(r.out);
  });

  it("refuses a file with syntax errors: exit 1, its diagnostics, nothing on stdout", async () => {
    writeFileSync(path.join(dir, "bad.mof"), "class Demo_A { string ; };\n");
    const r = await cli("format", "bad.mof", "--diagnostics", "plain");
    expect(r.code).toBe(1);
    expect(r.out).toBe("");
    expect(r.err).toMatch(/bad\.mof:1:\d+: error MOF1\d{3}/);
  });

  it("a missing file is MOF3001, exit 1", async () => {
    const r = await cli("format", "nope.mof", "--diagnostics", "plain");
    expect(r.code).toBe(1);
    expect(r.err).toContain("MOF3001");
  });

  it("--help says comments are not kept", async () => {
    const r = await cli("format", "--help");
    expect(r.code).toBe(0);
    expect(r.out).toContain("comments are not kept");
  });
});
