/**
 * Mutation fuzzing: real fixtures with random byte-level damage must end in diagnostics — no uncaught
 * exception, no hang, well-formed diagnostics — through the library and through the CLI, which must
 * also exit 1 and write nothing. Fixed seed and time budget; see docs/limits.md for longer runs.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { compile } from "../../src/compile.js";
import { generate } from "../../src/emit/generate.js";
import { parse } from "../../src/parser/parse.js";
import { formatMof } from "../../src/printer/print.js";
import { memoryHost } from "../../src/host.js";
import { expectSaneResult, knownCodes } from "../hostile/invariants.js";
import { loadSeeds, repoRoot, type Seed } from "../hostile/seeds.js";
import { fuzzParameters, fuzzSeed, fuzzTimeout, runFuzz } from "./config.js";
import { applyMutation, mutations, type Mutation } from "./mutations.js";
import { stripSpans } from "./strip-spans.js";

/** Generous per-input bound: catches hangs and blow-ups, not a speed measurement (that is bench/). */
const perInputMs = 10_000;
const budgetSeconds = 30;

const seeds = loadSeeds();
let codes: ReadonlySet<string> = new Set();
beforeAll(async () => {
  codes = await knownCodes();
});

function mutate(seed: Seed, steps: readonly Mutation[]): Uint8Array {
  return steps.reduce(applyMutation, seed.bytes);
}

/** All seeds in one in-memory host (so includes between fixtures resolve), with one file replaced. */
function hostWith(name: string, bytes: Uint8Array) {
  const files: Record<string, Uint8Array> = {};
  for (const seed of seeds) files[seed.name] = seed.bytes;
  files[name] = bytes;
  return memoryHost(files);
}

/** Whatever still parses cleanly after mutation must survive print → parse unchanged (spans aside). */
function expectPrinterRoundTrip(text: string | undefined): void {
  if (text === undefined) return;
  const first = parse(text, "fuzz.mof");
  if (first.diagnostics.some((d) => d.severity === "error")) return;
  const printed = formatMof(first.file);
  const second = parse(printed, "fuzz.mof");
  expect(second.diagnostics.filter((d) => d.severity === "error"), printed).toEqual([]);
  expect(stripSpans(second.file), printed).toEqual(stripSpans(first.file));
}

const mutatedInput = fc.record({ seed: fc.constantFrom(...seeds), steps: mutations });

describe("mutation fuzzing", () => {
  it("has seed files to mutate", () => {
    expect(seeds.length).toBeGreaterThanOrEqual(4);
  });

  it(
    "compile() on mutated fixtures never throws and ends in well-formed diagnostics",
    async () => {
      const runs = await runFuzz(
        fc.asyncProperty(mutatedInput, async ({ seed, steps }) => {
          const bytes = mutate(seed, steps);
          const started = performance.now();
          const result = compile([seed.name], { host: hostWith(seed.name, bytes) });
          expectSaneResult(result, codes);
          expectPrinterRoundTrip(result.sources.get(seed.name)?.text);
          if (!result.failed && result.schema !== undefined) {
            const files = await generate(result.schema);
            for (const file of files) expect(file.path).not.toMatch(/(^|\/)\.\.(\/|$)|^\/|\\/);
          }
          expect(performance.now() - started, `slow input from ${seed.name}`).toBeLessThan(perInputMs);
        }),
        fuzzParameters(5000, budgetSeconds),
      );
      console.info(`mutation fuzzing: ${runs} mutated inputs, seed ${fuzzSeed}`);
      expect(runs).toBeGreaterThanOrEqual(50);
    },
    fuzzTimeout(budgetSeconds),
  );

  it(
    "the CLI exits 1 with diagnostics (no stack trace) and writes nothing for a sample of broken inputs",
    () => {
      const sample = fc
        .sample(mutatedInput, { seed: fuzzSeed, numRuns: 60 })
        .map(({ seed, steps }) => ({ seed, bytes: mutate(seed, steps) }))
        .filter(({ seed, bytes }) => compile([seed.name], { host: hostWith(seed.name, bytes) }).failed)
        .slice(0, 6);
      expect(sample.length).toBeGreaterThan(0);
      const dir = mkdtempSync(path.join(tmpdir(), "mof2ts-fuzz-"));
      try {
        for (const seed of seeds) {
          mkdirSync(path.dirname(path.join(dir, seed.name)), { recursive: true });
          writeFileSync(path.join(dir, seed.name), seed.bytes);
        }
        sample.forEach(({ seed, bytes }, i) => {
          writeFileSync(path.join(dir, seed.name), bytes);
          const out = path.join(dir, `out-${i}`);
          const run = spawnSync(process.execPath, [path.join(repoRoot, "bin/mof2ts.js"), seed.name, "-o", out], {
            cwd: dir,
            encoding: "utf8",
            timeout: 60_000,
          });
          writeFileSync(path.join(dir, seed.name), seed.bytes);
          expect(run.error, `CLI did not finish on mutated ${seed.name}`).toBeUndefined();
          expect(run.status, run.stderr).toBe(1);
          expect(run.stderr).toMatch(/MOF\d{4}/);
          expect(run.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
          expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
        });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    180_000,
  );
});
