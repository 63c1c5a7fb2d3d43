/**
 * Table-driven hostile inputs through `compile()` with a memory host: each case asserts its diagnostic
 * codes (or that it succeeds), plus the invariants every result must hold (test/hostile/invariants.ts).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { compile } from "../../src/compile.js";
import { memoryHost } from "../../src/host.js";
import { expectSaneResult, knownCodes } from "./invariants.js";
import { semanticCases } from "./cases/semantic.js";
import { syntaxCases } from "./cases/syntax.js";
import type { HostileCase } from "./cases/types.js";

let codes: ReadonlySet<string> = new Set();
beforeAll(async () => {
  codes = await knownCodes();
});

function runCase(c: HostileCase): void {
  const result = compile(c.inputs ?? ["main.mof"], { host: memoryHost(c.files), includeDirs: c.includeDirs ?? [] });
  expectSaneResult(result, codes);
  const seen = result.diagnostics.map((d) => `${d.code} ${d.severity}: ${d.message}`);
  if ("errors" in c.expect) {
    expect(result.failed, `expected errors, got:\n${seen.join("\n")}`).toBe(true);
    for (const code of c.expect.errors) {
      expect(result.diagnostics.map((d) => d.code), seen.join("\n")).toContain(code);
    }
  } else {
    expect(result.failed, `expected success, got:\n${seen.join("\n")}`).toBe(false);
    for (const code of c.expect.warnings ?? []) {
      expect(result.diagnostics.map((d) => d.code), seen.join("\n")).toContain(code);
    }
  }
  c.check?.(result);
}

/** One test per case; a known bug runs as `it.fails` under a name that says so. */
function register(cases: readonly HostileCase[]): void {
  for (const c of cases) {
    if (c.bug === undefined) it(c.name, () => runCase(c));
    else it.fails(`KNOWN BUG (${c.bug}): ${c.name}`, () => runCase(c));
  }
}

describe("hostile syntax", () => register(syntaxCases));
describe("hostile structure", () => register(semanticCases));
