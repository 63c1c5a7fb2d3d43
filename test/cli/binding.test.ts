/**
 * `--binding wsman` through the CLI: a class without a resource URI stops the run with MOF4003 (file,
 * line, column, a hint naming the flag) and nothing is written; a mapping makes it go through; --help
 * documents both options.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { memoryIo } from "../../src/cli/io.js";
import { run } from "../../src/cli/main.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "mof2ts-binding-"));
  writeFileSync(
    path.join(dir, "vendor.mof"),
    "class CIM_Base { [Key] string Id; };\nclass ACME_Fan : CIM_Base { [Write] uint32 Speed; };\nclass ACME_Pump : CIM_Base { };\n",
  );
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo({ cwd: dir, env: { NO_COLOR: "1", MOF2TS_CACHE: "off" } });
  const code = await run(argv, io);
  return { code, out: io.out(), err: io.err() };
}

describe("--binding wsman", () => {
  it("names the classes without a resource URI, where they are declared, and writes nothing", async () => {
    const result = await cli("vendor.mof", "-o", "out", "--binding", "wsman", "--diagnostics", "plain");
    expect(result.code).toBe(1);
    expect(result.err).toContain("vendor.mof:2:7: error MOF4003: No WS-Management resource URI is known for 2 class(es) with the prefix 'ACME_': ACME_Fan, ACME_Pump.");
    expect(result.err).toContain("hint: Map the prefix with --wsman-uri ACME_=<URI>");
    expect(existsSync(path.join(dir, "out"))).toBe(false);
  });

  it("generates the request builders once the prefix is mapped", async () => {
    const result = await cli("vendor.mof", "-o", "out", "--binding", "wsman", "--wsman-uri", "ACME_=http://acme.example/wsman/");
    expect(result.code, result.err).toBe(0);
    const fan = readFileSync(path.join(dir, "out", "ACME_Fan.ts"), "utf8");
    expect(fan).toContain("export const ACME_FanWsman = /* @__PURE__ */ wsmanClass<ACME_FanWsmanTypes>({");
    expect(fan).toContain('resourceUri: "http://acme.example/wsman/ACME_Fan"');
    expect(existsSync(path.join(dir, "out", "runtime", "wsman-request.ts"))).toBe(true);
  });

  it("says the binding is not generated with --emit types, and writes the declarations", async () => {
    const result = await cli("vendor.mof", "-o", "types", "--emit", "types", "--binding", "wsman", "--diagnostics", "plain");
    expect(result.code, result.err).toBe(0);
    expect(result.err).toContain("warning MOF4004: The 'wsman' binding is not generated with --emit types");
    expect(result.err).toContain("hint: Use --emit ts or --emit js to get the binding");
    expect(readFileSync(path.join(dir, "types", "ACME_Fan.ts"), "utf8")).not.toMatch(/Wsman|wsman/);
  });

  it("leaves the default output without any WS-Management code", async () => {
    expect((await cli("vendor.mof", "-o", "plain")).code).toBe(0);
    expect(readFileSync(path.join(dir, "plain", "ACME_Fan.ts"), "utf8")).not.toMatch(/Wsman|wsman/);
    expect(existsSync(path.join(dir, "plain", "runtime", "wsman-request.ts"))).toBe(false);
  });

  it("is documented in --help", async () => {
    const help = (await cli("generate", "--help")).out;
    expect(help).toMatch(/--binding <name>/);
    expect(help).toMatch(/--wsman-uri <prefix=uri>/);
  });
});
