/**
 * The benchmark must keep running as the pipeline changes. This checks that it runs on the smallest
 * size and reports every phase; it asserts no timings (speed is measured in bench/, not in tests).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));
const scratch = mkdtempSync(path.join(os.tmpdir(), "mof2ts-bench-test-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface PhaseEntry {
  readonly ms?: number;
  readonly skipped?: string;
  readonly rssPeakMB?: number;
}
interface WsmanRow {
  readonly request: string;
  readonly generatedPerSecond: number;
  readonly concatenatedPerSecond: number;
  readonly saxesParsesPerSecond: number;
}
interface BenchReport {
  readonly wsman?: { readonly rows: readonly WsmanRow[] };
  readonly results: readonly {
    readonly name: string;
    readonly classes?: number;
    readonly phases?: { readonly phases: Readonly<Record<string, PhaseEntry>>; readonly counts: Readonly<Record<string, unknown>> };
    readonly cli?: Readonly<Record<string, { readonly ms: number; readonly exit: number | null }>>;
  }[];
}

function synthetic(classes: number, out: string): { hash: string; classes: number; bytes: number; depths: number[] } {
  const child = spawnSync(process.execPath, [path.join(root, "bench", "synthetic.js"), "--classes", String(classes), "--out", out], {
    encoding: "utf8",
  });
  expect(child.status, child.stderr).toBe(0);
  return JSON.parse(child.stdout) as { hash: string; classes: number; bytes: number; depths: number[] };
}

describe("bench/synthetic.js", () => {
  it("is deterministic: the same size and seed give byte-identical MOF", () => {
    const a = synthetic(40, path.join(scratch, "a"));
    const b = synthetic(40, path.join(scratch, "b"));
    expect(a.hash).toBe(b.hash);
    expect(a.classes).toBe(40);
    expect(a.bytes).toBeGreaterThan(40 * 1000);
  });
});

describe("npm run bench", () => {
  it("runs on the smallest size and prints the phase and CLI tables", { timeout: 300_000 }, () => {
    const json = path.join(scratch, "report.json");
    const child = spawnSync(
      process.execPath,
      // Formatting 150 classes three more times through the CLI would only repeat what the phases cover.
      [path.join(root, "bench", "run.js"), "--sizes", "150", "--no-fixtures", "--cli", "inspect", "--no-readers", "--wsman-ms", "20", "--work", path.join(scratch, "work"), "--json", json],
      { encoding: "utf8", env: { ...process.env, MOF2TS_BENCH_SCHEMA: "" } },
    );
    expect(child.status, child.stderr).toBe(0);
    expect(child.stdout).toMatch(/\| phase: wall \(cpu\) ms, cold\s+\| synthetic 150 \|/);
    for (const phase of ["load", "read", "decode", "lex", "parse", "resolve", "write"]) {
      expect(child.stdout).toMatch(new RegExp(`\\| ${phase}\\s+\\|`));
    }
    // emit and format separately while the emitter's steps can be followed, else as one phase.
    expect(child.stdout).toMatch(/\| emit\s+\|[\s\S]*\| format\s+\||\| emit\+format\s+\|/);
    expect(child.stdout).toMatch(/\| inspect\s+\|/);

    const report = JSON.parse(readFileSync(json, "utf8")) as BenchReport;
    const [result] = report.results;
    expect(result?.name).toBe("synthetic 150");
    const phases = result?.phases?.phases ?? {};
    // Every phase was either measured or says why it was skipped.
    for (const [name, entry] of Object.entries(phases)) {
      expect(entry.ms !== undefined || entry.skipped !== undefined, name).toBe(true);
    }
    expect(phases.parse?.ms).toBeGreaterThan(0);
    expect(result?.phases?.counts.files).toBe(152);
    // The synthetic schema is valid MOF: if the parser rejects it, the bench measures error paths.
    expect(result?.phases?.counts.parseDiagnostics).toMatchObject({ error: 0 });
    expect(Object.keys(result?.cli ?? {})).toEqual(["inspect"]);
    expect(result?.cli?.inspect?.exit).toBe(0);
    // The WS-Management request builders, against concatenation and saxes (bench/wsman-requests.js).
    expect(child.stdout).toMatch(/WS-Management envelopes per second/);
    expect(report.wsman?.rows.map((row) => row.request)).toEqual(["Get (2 selectors)", "Enumerate (optimized)", "method, 2 references + embedded"]);
    for (const row of report.wsman?.rows ?? []) expect(row.generatedPerSecond * row.concatenatedPerSecond * row.saxesParsesPerSecond).toBeGreaterThan(0);
  });
});

describe("bench/wsman-responses.js", () => {
  it("reads and decodes every item with each reader and reports every variant", { timeout: 300_000 }, () => {
    const json = path.join(scratch, "readers.json");
    const child = spawnSync(process.execPath, [path.join(root, "bench", "wsman-responses.js"), "--items", "25", "--rounds", "1", "--min-ms", "1", "--json", json], {
      encoding: "utf8",
    });
    expect(child.status, child.stderr).toBe(0);
    expect(child.stdout).toMatch(/^Response readers — 25 CIM_Processor items per document/);
    const report = JSON.parse(readFileSync(json, "utf8")) as { items: number; results: { name: string; cpuMs: number }[] };
    expect(report.items).toBe(25);
    expect(report.results.map((result) => result.name)).toEqual([
      "WS-Man Pull: saxes alone",
      "WS-Man Pull: readWsman",
      "WS-Man Pull: readWsman + decode",
      "CIM-XML: saxes alone",
      "CIM-XML: readCimXml",
      "CIM-XML: readCimXml + decode",
    ]);
  });
});
