#!/usr/bin/env node
/**
 * Probe: how fast could MOF be tokenized without Chevrotain's lexer? Runs, in a fresh process, either
 * mof2ts's lexer (dist/lexer/lexer.js) or a minimal hand-written scanner (a charCode loop over the same
 * token classes: names, numbers, strings with escapes, comments, punctuation) over every file of a
 * schema, and prints the first (cold) and second (warm) pass in CPU ms plus the token count.
 * Evidence for docs/performance.md, not product code.
 * Usage: node bench/probes/scanner-speed.js TOP.mof [chevrotain|hand]   (no mode: runs both, each in its own process)
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const [top, mode] = process.argv.slice(2);
if (mode === undefined) {
  for (const m of ["chevrotain", "hand"]) {
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), top, m], { encoding: "utf8" });
    process.stdout.write(child.stdout + child.stderr);
  }
  process.exit(0);
}

const files = [];
const visit = (file) => {
  if (files.includes(file)) return;
  files.push(file);
  for (const m of readFileSync(file, "latin1").matchAll(/^[ \t]*#[ \t]*pragma[ \t]+include[ \t]*\([ \t]*"([^"]+)"/gim)) visit(path.resolve(path.dirname(file), m[1]));
};
visit(path.resolve(top));
const texts = files.map((f) => readFileSync(f, "utf8"));

/** A minimal MOF scanner: returns the number of tokens (kind and offsets are computed, then dropped). */
function scan(text) {
  let count = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) { i++; continue; }
    if (c === 47 && text.charCodeAt(i + 1) === 47) { while (i < n && text.charCodeAt(i) !== 10) i++; continue; }
    if (c === 47 && text.charCodeAt(i + 1) === 42) { const end = text.indexOf("*/", i + 2); i = end < 0 ? n : end + 2; continue; }
    const start = i;
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95) {
      i++;
      for (;;) { const d = text.charCodeAt(i); if ((d >= 65 && d <= 90) || (d >= 97 && d <= 122) || d === 95 || (d >= 48 && d <= 57)) i++; else break; }
    } else if (c >= 48 && c <= 57) {
      i++;
      for (;;) { const d = text.charCodeAt(i); if ((d >= 48 && d <= 57) || (d >= 65 && d <= 90) || (d >= 97 && d <= 122) || d === 46) i++; else break; }
    } else if (c === 34 || c === 39) {
      i++;
      while (i < n) { const d = text.charCodeAt(i); if (d === 92) i += 2; else if (d === c) { i++; break; } else i++; }
    } else i++;
    if (i > start) count++;
  }
  return count;
}

let run;
if (mode === "hand") run = () => texts.reduce((sum, t) => sum + scan(t), 0);
else {
  const { tokenize } = await import(pathToFileURL(path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../dist/lexer/lexer.js")).href);
  run = () => texts.reduce((sum, t, i) => sum + tokenize(t, files[i]).tokens.length, 0);
}
const cpu = (f) => {
  const c0 = process.cpuUsage();
  const result = f();
  const c = process.cpuUsage(c0);
  return [Math.round((c.user + c.system) / 1000), result];
};
const [cold, tokens] = cpu(run);
const [warm] = cpu(run);
const mb = texts.reduce((s, t) => s + t.length, 0) / 1e6;
console.log(`${mode.padEnd(10)} ${files.length} files, ${mb.toFixed(1)} MB: ${tokens} tokens; cold ${cold} ms CPU, warm ${warm} ms CPU`);
