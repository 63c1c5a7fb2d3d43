#!/usr/bin/env node
/**
 * Probe: how far is the emitter's printed text (before prettier) from prettier's output? Counts files
 * prettier leaves unchanged and shows the first differing lines of a few that change. If the printed
 * text is already prettier's fixed point, formatting can be skipped (or cached) without changing output.
 * Usage: node bench/probes/format-drift.js TOP.mof [samples=3]
 */
import * as path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../dist");
const load = (m) => import(pathToFileURL(path.join(dist, m)).href);
const [{ compile }, { buildFiles }, { planSchema }, { resolveOptions }, runtimeFiles, { formatTypeScript }] = await Promise.all([
  load("compile.js"), load("emit/layout.js"), load("emit/plan.js"), load("emit/options.js"), load("emit/runtime-files.js"), load("emit/format.js"),
]);
const [top, samplesArg] = process.argv.slice(2);
const samples = Number(samplesArg ?? 3);
const { schema } = compile([top]);
const options = resolveOptions({});
const runtime = await runtimeFiles.loadRuntimeSources();
const morph = await import("ts-morph");
let t = performance.now();
const built = buildFiles(planSchema(schema, options, runtimeFiles.runtimeExportNames(runtime)), options, morph);
const buildMs = performance.now() - t;
let same = 0;
let bytes = 0;
const changed = [];
t = performance.now();
for (const file of built.files) {
  bytes += file.text.length;
  const formatted = await formatTypeScript(file.text, file.path);
  if (formatted === file.text) same++;
  else changed.push([file, formatted]);
}
const formatMs = performance.now() - t;
console.log(`${built.files.length} files, ${(bytes / 1e6).toFixed(2)} MB printed in ${buildMs.toFixed(0)} ms; prettier ${formatMs.toFixed(0)} ms; unchanged by prettier: ${same}`);
const patterns = new Map();
for (const [file, formatted] of changed) {
  const a = file.text.split("\n");
  const b = formatted.split("\n");
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const key = (a[i] ?? "").trim().replace(/\w+/g, "w").slice(0, 60);
  patterns.set(key, (patterns.get(key) ?? 0) + 1);
}
console.log("first differing printed line, by shape:");
for (const [k, n] of [...patterns].sort((x, y) => y[1] - x[1]).slice(0, 15)) console.log(String(n).padStart(6), k);
for (const [file, formatted] of changed.slice(0, samples)) {
  const a = file.text.split("\n");
  const b = formatted.split("\n");
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  console.log(`\n--- ${file.path} line ${i + 1}\n printed:   ${a.slice(i, i + 4).join("\n            ")}\n prettier:  ${b.slice(i, i + 4).join("\n            ")}`);
}

// Optional: write both versions for `diff -r` (third argument: a folder).
const dump = process.argv[4];
if (dump) {
  const { mkdirSync, writeFileSync } = await import("node:fs");
  for (const [file, formatted] of changed) {
    for (const [kind, text] of [["printed", file.text], ["prettier", formatted]]) {
      const target = path.join(dump, kind, file.path);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, text);
    }
  }
}
