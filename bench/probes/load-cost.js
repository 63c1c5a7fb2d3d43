#!/usr/bin/env node
/**
 * Probe: what it costs to load each heavy dependency in a fresh process (import time and RSS), plus
 * the cost of prettier's first format call (which loads its parser plugins lazily).
 * Usage: node bench/probes/load-cost.js [runs=3]
 */
import { spawnSync } from "node:child_process";

const runs = Number(process.argv[2] ?? 3);
const probes = {
  "node (empty)": "",
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
  let rss = 0;
  for (let i = 0; i < runs; i++) {
    const script = `const t0 = performance.now(); ${code} const ms = performance.now() - t0;` +
      ` console.log(JSON.stringify({ ms, rss: process.resourceUsage().maxRSS, up: performance.now() }));`;
    const child = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
    if (child.status !== 0) throw new Error(`${name}: ${child.stderr}`);
    const result = JSON.parse(child.stdout);
    times.push(result.ms);
    rss = Math.max(rss, result.rss);
  }
  times.sort((a, b) => a - b);
  rows.push({ name, "median ms": Math.round(times[Math.floor(times.length / 2)]), "max RSS MB": Math.round(rss / 1024) });
}
console.table(rows);
