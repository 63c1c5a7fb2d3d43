/**
 * Fuzzing budget, fixed by default so the suite is reproducible and bounded (about a minute in all);
 * environment variables turn any run into a longer one (docs/limits.md):
 *   MOF2TS_FUZZ_SEED     seed for every property (default 20261126)
 *   MOF2TS_FUZZ_RUNS     multiplies each property's run count (default 1)
 *   MOF2TS_FUZZ_SECONDS  multiplies each property's time budget (default 1)
 */
import fc from "fast-check";

function positiveNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got '${raw}'.`);
  return value;
}

export const fuzzSeed = Math.trunc(positiveNumber("MOF2TS_FUZZ_SEED", 20261126));
const runScale = positiveNumber("MOF2TS_FUZZ_RUNS", 1);
const timeScale = positiveNumber("MOF2TS_FUZZ_SECONDS", 1);

/** fast-check parameters for one property: `runs` runs or `seconds` seconds, whichever ends first. */
export function fuzzParameters<T>(runs: number, seconds: number): fc.Parameters<T> {
  return {
    seed: fuzzSeed,
    numRuns: Math.max(1, Math.round(runs * runScale)),
    plugins: [fc.interruptAfterTimeLimit(Math.round(seconds * timeScale * 1000))],
  };
}

/** The vitest timeout for a property with a `seconds` budget: the budget plus room for shrinking. */
export function fuzzTimeout(seconds: number): number {
  return Math.round(seconds * timeScale * 1000) + 60_000;
}

/**
 * Runs a property like `fc.assert` but returns how many inputs were tried, so the suite can report it
 * (and fail if a budget let almost nothing run).
 */
export async function runFuzz<T>(property: fc.IAsyncProperty<T> | fc.IProperty<T>, parameters: fc.Parameters<T>): Promise<number> {
  const details = await fc.check(property, parameters);
  if (details.failed) throw new Error(fc.defaultReportMessage(details));
  return details.numRuns;
}
