#!/usr/bin/env node
/**
 * `npm run bench`: builds (via the npm script), then measures mof2ts on synthetic CIM-like schemas of
 * several sizes, on the fixtures, and on a real schema when MOF2TS_BENCH_SCHEMA names its top file.
 *
 * Two kinds of measurement, each in fresh processes:
 * - phases (bench/phases.js): read, decode, lex, parse, resolve, emit, format, write — wall time and
 *   memory per phase, through the library's stage functions;
 * - CLI: whole-process wall time and peak RSS from process start for `inspect`, `generate` (cold, into
 *   an empty folder), a re-run with no input change, and `generate --check` — the figures the targets
 *   are stated in.
 *
 * Prints tables, writes bench/results/<timestamp>.json and bench/results/latest.json (git-ignored).
 *
 * Options: --sizes 150,1500,7500  --repeat N (median of N; default 1)  --warm (also warm phase times)
 *          --cli inspect,cold,rerun,nostamp,check (which CLI runs; default all)  --no-cli  --no-phases
 *          --no-readers (skip bench/wsman-responses.js, the response readers' items per second)
 *          --fixtures all (default: the SmIscsiTarget fixture only)  --no-fixtures  --seed S  --json FILE
 *          --work DIR  --no-wsman (skip bench/wsman-requests.js, the WS-Man envelope
 *          builders)  --wsman-ms N (time per measurement there; default 1000)
 *          --consumer-cost (also the "consumer cost" section: bench/consumer-cost.js)
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { consumerCostTables, runConsumerCost } from "./consumer-cost.js";
import { writeSyntheticSchema } from "./synthetic.js";
import { flag, option } from "./cli-args.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const sizes = option("--sizes", "150,1500,7500").split(",").filter(Boolean).map(Number);
const repeat = Math.max(1, Number(option("--repeat", "1")));
const seed = Number(option("--seed", "1"));
const work = path.resolve(option("--work", path.join(os.tmpdir(), "mof2ts-bench")));
const cli = path.join(root, "bin", "mof2ts.js");
const timeBinary = ["/usr/bin/time", "/bin/time"].find((p) => existsSync(p));

/** @type {{ name: string, inputs: string[], classes?: number, bytes?: number }[]} */
const targets = [];
for (const size of sizes) {
  const { top, stats } = writeSyntheticSchema(path.join(work, `synthetic-${seed}-${size}`), { classes: size, seed });
  targets.push({ name: `synthetic ${size}`, inputs: [top], classes: stats.classes, bytes: stats.bytes });
}
if (!flag("--no-fixtures")) targets.push(...fixtureTargets());
const real = process.env.MOF2TS_BENCH_SCHEMA;
if (real) {
  if (existsSync(real)) targets.push({ name: path.basename(real), inputs: [path.resolve(real)] });
  else process.stderr.write(`MOF2TS_BENCH_SCHEMA: ${real} does not exist; skipped\n`);
}

/**
 * Fixtures that are generation cases (a folder with `expected/` output and .mof inputs). By default only
 * the SmIscsiTarget schema (181 classes, the size target 4 is about); `--fixtures all` adds the small ones.
 */
function fixtureTargets() {
  const folder = path.join(root, "fixtures");
  if (!existsSync(folder)) return [];
  const all = option("--fixtures", "smiscsitarget") === "all";
  const found = [];
  const visit = (dir, label) => {
    for (const name of readdirSync(dir).sort()) {
      const sub = path.join(dir, name);
      if (!statSync(sub).isDirectory() || name === "expected" || name.startsWith("expected-")) continue;
      const entries = readdirSync(sub);
      const mofs = entries.filter((f) => /\.mof$/i.test(f)).sort().map((f) => path.join(sub, f));
      if (mofs.length > 0 && entries.includes("expected") && (all || name === "smiscsitarget")) found.push({ name: `fixture ${label}${name}`, inputs: mofs });
      else if (all && label === "") visit(sub, `${name}/`);
    }
  };
  visit(folder, "");
  return found;
}

const median = (values) => {
  const sorted = values.filter((v) => typeof v === "number").sort((a, b) => a - b);
  return sorted.length === 0 ? undefined : sorted[Math.floor((sorted.length - 1) / 2)];
};

/** One fresh process measuring phases; `repeat` of them, phase times and memory reduced to medians. */
function measurePhases(target, index) {
  const runs = [];
  for (let r = 0; r < repeat; r++) {
    const out = freshOutput(`phases-out-${index}`);
    const child = spawnSync(process.execPath, ["--expose-gc", path.join(root, "bench", "phases.js"), "--out", out, ...(flag("--warm") ? ["--warm"] : []), ...target.inputs], {
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    if (child.status !== 0) return { error: (child.stderr || child.stdout || `exit ${child.status}`).trim().split("\n").slice(-5).join("\n") };
    runs.push(JSON.parse(child.stdout.trim().split("\n").pop()));
  }
  const first = runs[0];
  const phases = {};
  for (const [name, value] of Object.entries(first.phases)) {
    if (value.skipped !== undefined) phases[name] = value;
    else {
      phases[name] = { ...value, ms: median(runs.map((r) => r.phases[name]?.ms)), cpuMs: median(runs.map((r) => r.phases[name]?.cpuMs)) };
      if (value.rssPeakMB !== undefined) phases[name].rssPeakMB = median(runs.map((r) => r.phases[name]?.rssPeakMB));
    }
  }
  const warm = first.warm ? Object.fromEntries(Object.keys(first.warm).map((k) => [k, median(runs.map((r) => r.warm?.[k]))])) : undefined;
  return { phases, warm, counts: first.counts, notes: first.notes, peakRssMB: median(runs.map((r) => r.peakRssMB)), runs: runs.length };
}

/** Runs the CLI once; wall time from spawn to exit, peak RSS from /usr/bin/time when available. */
function runCli(cliArgs, env = {}) {
  const command = timeBinary ? [timeBinary, "-f", "MOF2TS_BENCH %e %M %U %S", process.execPath, cli, ...cliArgs] : [process.execPath, cli, ...cliArgs];
  const start = performance.now();
  const child = spawnSync(command[0], command.slice(1), { encoding: "utf8", maxBuffer: 256 * 1024 * 1024, cwd: root, env: { ...process.env, ...env } });
  const ms = performance.now() - start;
  const timing = /MOF2TS_BENCH ([\d.]+) (\d+) ([\d.]+) ([\d.]+)/.exec(child.stderr ?? "");
  const stderr = (child.stderr ?? "").replace(/MOF2TS_BENCH.*\n?/, "").trim();
  return {
    ms: Math.round(ms),
    cpuMs: timing ? Math.round((Number(timing[3]) + Number(timing[4])) * 1000) : undefined,
    exit: child.status,
    rssMB: timing ? Math.round(Number(timing[2]) / 1024) : undefined,
    stderr: stderr.split("\n").slice(-3).join("\n"),
  };
}

function measureCli(target, index) {
  // Re-runs and --check use the output of the latest cold run.
  let out = freshOutput(`cli-out-${index}`);
  const all = {
    inspect: () => runCli(["inspect", ...target.inputs]),
    "generate cold": () => {
      out = freshOutput(`cli-out-${index}`);
      return runCli(["generate", ...target.inputs, "-o", out]);
    },
    "generate re-run": () => runCli(["generate", ...target.inputs, "-o", out]),
    // The same re-run without the run stamp (node_modules/.cache/mof2ts): the whole pipeline again.
    "generate re-run, no stamp": () => runCli(["generate", ...target.inputs, "-o", out], { MOF2TS_CACHE: "off" }),
    "generate --check": () => runCli(["generate", ...target.inputs, "-o", out, "--check"]),
  };
  const wanted = option("--cli", "inspect,cold,rerun,nostamp,check").split(",");
  const keys = { inspect: "inspect", cold: "generate cold", rerun: "generate re-run", nostamp: "generate re-run, no stamp", check: "generate --check" };
  // A re-run or --check needs the cold run's output first, so asking for either runs cold too.
  if (["rerun", "nostamp", "check"].some((w) => wanted.includes(w)) && !wanted.includes("cold")) wanted.unshift("cold");
  const scenarios = Object.fromEntries(Object.entries(all).filter(([name]) => wanted.some((w) => keys[w] === name)));
  const results = {};
  for (const [name, scenario] of Object.entries(scenarios)) {
    const runs = [];
    // Cold means an output folder that does not exist yet; every repeat of it writes a new one.
    for (let r = 0; r < repeat; r++) runs.push(scenario());
    results[name] = { ms: median(runs.map((r) => r.ms)), cpuMs: median(runs.map((r) => r.cpuMs)), rssMB: median(runs.map((r) => r.rssMB)), exit: runs[0].exit, ...(runs[0].stderr && runs[0].exit !== 0 ? { stderr: runs[0].stderr } : {}) };
  }
  return results;
}

/**
 * Output folders are never reused and are deleted only when the bench ends. Creating thousands of files
 * right after deleting thousands is 3-10x slower on ext4 (the allocator skips recently freed inodes), so
 * deleting the previous run's folder just before a cold run would measure the file system's recovery
 * from that deletion, not mof2ts.
 */
const outputs = [];
function freshOutput(name) {
  const folder = path.join(work, `${name}-${outputs.length}`);
  rmSync(folder, { recursive: true, force: true });
  outputs.push(folder);
  return folder;
}

const loadBefore = os.loadavg();
const results = [];
for (const [index, target] of targets.entries()) {
  process.stderr.write(`bench: ${target.name} …\n`);
  const entry = { ...target };
  if (!flag("--no-phases")) entry.phaseResult = measurePhases(target, index);
  if (!flag("--no-cli")) entry.cli = measureCli(target, index);
  results.push(entry);
}

/** The response readers (bench/wsman-responses.js): its table as printed, and its figures. */
function measureReaders() {
  process.stderr.write("bench: response readers …\n");
  const json = path.join(work, "readers.json");
  const child = spawnSync(process.execPath, [path.join(root, "bench", "wsman-responses.js"), "--json", json], { encoding: "utf8", cwd: root });
  if (child.status !== 0) return { error: child.stderr.trim() || `exit ${child.status}` };
  return { table: child.stdout.trimEnd(), ...JSON.parse(readFileSync(json, "utf8")) };
}
const readers = flag("--no-readers") ? undefined : measureReaders();

// ---------------------------------------------------------------------------------------------------
// Tables

const PHASE_ORDER = ["load", "read", "decode", "lex", "parse", "parse (excl. lex)", "resolve", "emit", "format", "emit+format", "write"];
const cell = (value, width) => String(value ?? "").padStart(width);
const fmtMs = (ms) => (ms === undefined ? "—" : ms >= 100 ? `${Math.round(ms)}` : ms.toFixed(1));

function table(title, headers, rows) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i] ?? "").length)));
  const line = (cells) => `| ${cells.map((c, i) => (i === 0 ? String(c ?? "").padEnd(widths[i]) : cell(c, widths[i]))).join(" | ")} |`;
  return [`\n${title}`, line(headers), `|${widths.map((w, i) => (i === 0 ? "-".repeat(w + 2) : "-".repeat(w + 1) + ":")).join("|")}|`, ...rows.map(line)].join("\n");
}

const withPhases = results.filter((r) => r.phaseResult && !r.phaseResult.error);
const output = [];
if (withPhases.length > 0) {
  const phaseNames = PHASE_ORDER.filter((p) => withPhases.some((r) => r.phaseResult.phases[p]));
  const headers = ["phase: wall (cpu) ms, cold", ...withPhases.map((r) => r.name)];
  // Scaling: every pair of synthetic sizes 5x apart (the target: 5x input costs at most 5.5x time).
  const pairs = [];
  for (const a of withPhases) for (const b of withPhases) if (a.classes && b.classes && b.classes === a.classes * 5) pairs.push([a, b]);
  for (const [a, b] of pairs) headers.push(`cpu ×, ${a.classes}→${b.classes}`);
  const rows = phaseNames.map((p) => {
    const row = [p, ...withPhases.map((r) => {
      const v = r.phaseResult.phases[p];
      return v === undefined ? "" : v.skipped !== undefined ? "skip" : v.cpuMs === undefined ? fmtMs(v.ms) : `${fmtMs(v.ms)} (${fmtMs(v.cpuMs)})`;
    })];
    for (const [a, b] of pairs) {
      // CPU time when known: on a shared machine it is far steadier than wall time.
      const x = a.phaseResult.phases[p]?.cpuMs ?? a.phaseResult.phases[p]?.ms;
      const y = b.phaseResult.phases[p]?.cpuMs ?? b.phaseResult.phases[p]?.ms;
      // Phases under 50 ms are dominated by noise and fixed costs; their ratio is shown but not judged.
      row.push(x && y && p !== "load" ? `${(y / x).toFixed(2)}${y / x > 5.5 && y >= 50 ? " ✗" : ""}` : "");
    }
    return row;
  });
  rows.push(["peak RSS (MB)", ...withPhases.map((r) => r.phaseResult.peakRssMB), ...pairs.map(() => "")]);
  rows.push(["input MB / files", ...withPhases.map((r) => `${(r.phaseResult.counts.bytes / 1e6).toFixed(2)} / ${r.phaseResult.counts.files}`), ...pairs.map(() => "")]);
  rows.push(["classes resolved", ...withPhases.map((r) => r.phaseResult.counts.classes ?? "—"), ...pairs.map(() => "")]);
  rows.push(["output MB / files", ...withPhases.map((r) => (r.phaseResult.counts.outputBytes === undefined ? "—" : `${(r.phaseResult.counts.outputBytes / 1e6).toFixed(2)} / ${r.phaseResult.counts.outputFiles}`)), ...pairs.map(() => "")]);
  rows.push(["files formatted by prettier", ...withPhases.map((r) => r.phaseResult.counts.formattedByPrettier ?? "—"), ...pairs.map(() => "")]);
  rows.push(["errors (lex/parse/resolve)", ...withPhases.map((r) => ["lexDiagnostics", "parseDiagnostics", "resolveDiagnostics"].map((k) => r.phaseResult.counts[k]?.error ?? "—").join("/")), ...pairs.map(() => "")]);
  output.push(table("Phases — wall ms in a fresh process (median of " + repeat + "); peak RSS = whole process", headers, rows));
  if (flag("--warm")) {
    const warmNames = [...new Set(withPhases.flatMap((r) => Object.keys(r.phaseResult.warm ?? {})))];
    output.push(table("Phases — warm second pass (ms)", ["phase (ms, warm)", ...withPhases.map((r) => r.name)], warmNames.map((p) => [p, ...withPhases.map((r) => fmtMs(r.phaseResult.warm?.[p]))])));
  }
  for (const r of withPhases) for (const note of r.phaseResult.notes ?? []) output.push(`note (${r.name}): ${note}`);
}
for (const r of results) if (r.phaseResult?.error) output.push(`\n${r.name}: phases failed:\n${r.phaseResult.error}`);

const withCli = results.filter((r) => r.cli);
if (withCli.length > 0) {
  const scenarios = Object.keys(withCli[0].cli);
  const hasRerun = scenarios.includes("generate re-run") && scenarios.includes("generate cold");
  const rows = scenarios.map((s) => [s, ...withCli.map((r) => {
    const c = r.cli[s];
    return `${c.ms} (${c.cpuMs ?? "?"}) ms / ${c.rssMB ?? "?"} MB${c.exit === 0 ? "" : ` (exit ${c.exit})`}`;
  })]);
  const share = (r, key) => `${Math.round((r.cli["generate re-run"][key] / r.cli["generate cold"][key]) * 100)}%`;
  if (hasRerun) rows.push(["re-run / cold: wall (cpu)", ...withCli.map((r) => `${share(r, "ms")} (${r.cli["generate cold"].cpuMs ? share(r, "cpuMs") : "?"})`)]);
  output.push(table("CLI — whole process from start: wall (cpu) ms / peak RSS", ["command", ...withCli.map((r) => r.name)], rows));
  for (const r of withCli) for (const [s, c] of Object.entries(r.cli)) if (c.stderr) output.push(`${r.name} ${s}: ${c.stderr}`);
}
// Envelopes built per second by the --binding wsman request builders (bench/wsman-requests.js).
let wsman;
if (!flag("--no-wsman")) {
  const wsmanJson = path.join(work, "wsman-requests.json");
  const child = spawnSync(process.execPath, [path.join(root, "bench", "wsman-requests.js"), "--ms", option("--wsman-ms", "1000"), "--json", wsmanJson], { encoding: "utf8" });
  if (child.status === 0) {
    output.push("", child.stdout.trim());
    wsman = JSON.parse(readFileSync(wsmanJson, "utf8"));
  } else output.push("", `bench/wsman-requests.js failed:\n${child.stderr}`);
}
if (readers !== undefined) output.push("", readers.error === undefined ? readers.table : `response readers failed:\n${readers.error}`);
// What the output costs the application using it (bundle bytes, consumer tsc, size and time per mode).
const consumerCost = flag("--consumer-cost") ? await runConsumerCost() : undefined;
if (consumerCost !== undefined) output.push(consumerCostTables(consumerCost));
// Other processes on the machine inflate wall times (CPU times much less): say how busy it was.
const loadAfter = os.loadavg();
output.unshift(`Machine: ${os.cpus().length} CPUs, Node ${process.version}; load average ${loadBefore[0].toFixed(1)} before, ${loadAfter[0].toFixed(1)} after.`);
process.stdout.write(output.join("\n") + "\n");

const report = {
  date: new Date().toISOString(),
  node: process.version,
  cpus: os.cpus().length,
  cpu: os.cpus()[0]?.model,
  loadAverage: { before: loadBefore, after: loadAfter },
  repeat,
  seed,
  results: results.map(({ phaseResult, ...rest }) => ({ ...rest, ...(phaseResult ? { phases: phaseResult } : {}) })),
  ...(readers === undefined ? {} : { readers }),
  ...(wsman === undefined ? {} : { wsman }),
  ...(consumerCost === undefined ? {} : { consumerCost }),
};
const resultsDir = path.join(root, "bench", "results");
mkdirSync(resultsDir, { recursive: true });
const jsonFile = option("--json", path.join(resultsDir, `bench-${report.date.replace(/[:.]/g, "-")}.json`));
writeFileSync(jsonFile, JSON.stringify(report, null, 2) + "\n");
writeFileSync(path.join(resultsDir, "latest.json"), JSON.stringify(report, null, 2) + "\n");
process.stderr.write(`bench: results written to ${path.relative(process.cwd(), jsonFile) || jsonFile}\n`);
for (const folder of outputs) rmSync(folder, { recursive: true, force: true });
