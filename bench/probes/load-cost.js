#!/usr/bin/env node
/**
 * Probe: what it costs to load each heavy dependency in a fresh process (import time and RSS), plus
 * the cost of prettier's first format call (which loads its parser plugins lazily).
 * Usage (from the repository root, after npm run build): node bench/probes/load-cost.js [runs=3]
 */
import { spawnSync } from "node:child_process";

const runs = Number(process.argv[2] ?? 3);
const probes = {
  "node (empty)": "",
  "mof2ts CLI bundle (dist/bundle/cli.cjs, code cache)":
    "const { loadWithCodeCache } = await import('./bin/code-cache.js'); loadWithCodeCache(process.cwd() + '/dist/bundle/cli.cjs');",
  "mof2ts CLI bundle (dist/bundle/cli.cjs, no code cache)":
    "const { createRequire } = await import('node:module'); createRequire(process.cwd() + '/')('./dist/bundle/cli.cjs');",
  "mof2ts unbundled (dist/cli/main.js)": "await import('./dist/cli/main.js');",
  chevrotain: "await import('chevrotain');",
  commander: "await import('commander');",
  "ts-morph": "await import('ts-morph');",
  "prettier (import)": "await import('prettier');",
  "prettier + first format (typescript)":
    "const p = await import('prettier'); await p.format('const a = 1;\\n', { parser: 'typescript', filepath: 'a.ts' });",
  "prettier + first format (babel-ts)":
    "const p = await import('prettier'); await p.format('const a = 1;\\n', { parser: 'babel-ts', filepath: 'a.ts' });",
};

const rows = [];
for (const [name, code] of Object.entries(probes)) {
  const times = [];
  const cpus = [];
  let rss = 0;
  for (let i = 0; i < runs; i++) {
    const script = `const t0 = performance.now(); const c0 = process.cpuUsage(); ${code} const ms = performance.now() - t0;` +
      ` const c = process.cpuUsage(c0);` +
      ` console.log(JSON.stringify({ ms, cpu: (c.user + c.system) / 1000, rss: process.resourceUsage().maxRSS }));`;
    const child = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
    if (child.status !== 0) throw new Error(`${name}: ${child.stderr}`);
    const result = JSON.parse(child.stdout);
    times.push(result.ms);
    cpus.push(result.cpu);
    rss = Math.max(rss, result.rss);
  }
  times.sort((a, b) => a - b);
  cpus.sort((a, b) => a - b);
  const mid = Math.floor(times.length / 2);
  rows.push({ name, "median wall ms": Math.round(times[mid]), "median cpu ms": Math.round(cpus[mid]), "max RSS MB": Math.round(rss / 1024) });
}
console.table(rows);
