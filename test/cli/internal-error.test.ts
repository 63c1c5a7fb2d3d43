/** An exception inside mof2ts (here: a generator that throws) is reported as a bug, with the stack only under --verbose. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { run } from "../../src/cli/main.js";
import { memoryIo } from "../../src/cli/io.js";

vi.mock("../../src/emit/generate.js", () => ({
  generateWithDiagnostics: () => Promise.reject(new TypeError("cannot read properties of undefined (reading 'name')")),
}));

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "mof2ts-bug-"));
  writeFileSync(path.join(dir, "a.mof"), "class CIM_A { };\n");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("internal errors", () => {
  it("say it is a bug and where to report it, exit 2, no stack trace", async () => {
    const io = memoryIo({ cwd: dir });
    expect(await run(["a.mof", "-o", "out"], io)).toBe(2);
    expect(io.err().trim()).toMatch(
      /^mof2ts: error MOF5020: Internal error \(cannot read properties of undefined \(reading 'name'\)\); this is a bug in mof2ts, please report it at https:\/\/\S+\.\n  hint: Include the command you ran; --verbose adds the stack trace\.$/,
    );
    expect(io.err()).not.toMatch(/^\s+at /m);
  });

  it("print the message, the report hint and the stack with --verbose", async () => {
    const io = memoryIo({ cwd: dir, tty: true, env: { NO_COLOR: "1" } });
    expect(await run(["a.mof", "-o", "out", "--verbose"], io)).toBe(2);
    expect(io.err()).toContain("hint: Include the command you ran; --verbose adds the stack trace.");
    expect(io.err()).toMatch(/^TypeError: cannot read properties/m);
    expect(io.err()).toMatch(/^\s+at /m);
  });
});
