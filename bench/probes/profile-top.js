#!/usr/bin/env node
/**
 * Summarizes a V8 .cpuprofile (from `node --cpu-prof`): self time per function and per package, and
 * inclusive (total) time per function — the view that attributes a stage's whole cost to its entry.
 * Usage: node bench/probes/profile-top.js FILE.cpuprofile [top=25]
 */
import { readFileSync } from "node:fs";

const [file, topArg] = process.argv.slice(2);
const profile = JSON.parse(readFileSync(file, "utf8"));
const top = Number(topArg ?? 25);
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
const dt = profile.timeDeltas;
for (let i = 0; i < profile.samples.length; i++) {
  self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + (dt[i] ?? 0));
}
const total = [...self.values()].reduce((a, b) => a + b, 0);
const byFunction = new Map();
const byPackage = new Map();
for (const [id, us] of self) {
  const frame = byId.get(id).callFrame;
  const where = frame.url.replace(/^file:\/\//, "").replace(/.*node_modules\//, "nm:").replace("/work/main/", "");
  const key = `${frame.functionName || "(anonymous)"}  ${where}:${frame.lineNumber + 1}`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + us);
  const pkg = where.startsWith("nm:") ? where.split("/").slice(0, where.startsWith("nm:@") ? 2 : 1).join("/") : where.split("/").slice(0, 2).join("/") || frame.functionName;
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
}
const show = (title, map, n) => {
  console.log(`\n${title} (total ${(total / 1000).toFixed(0)} ms)`);
  for (const [k, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, n)) {
    console.log(`${(us / 1000).toFixed(1).padStart(9)} ms ${((us / total) * 100).toFixed(1).padStart(5)}%  ${k}`);
  }
};
show("self time by package/folder", byPackage, 15);
show("self time by function", byFunction, top);

// Inclusive time: each sample counts once for every distinct function on its stack.
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const keyOf = (id) => {
  const frame = byId.get(id).callFrame;
  const where = frame.url.replace(/^file:\/\//, "").replace(/.*node_modules\//, "nm:").replace("/work/main/", "");
  return `${frame.functionName || "(anonymous)"}  ${where}:${frame.lineNumber + 1}`;
};
const inclusive = new Map();
for (let i = 0; i < profile.samples.length; i++) {
  const seen = new Set();
  for (let id = profile.samples[i]; id !== undefined; id = parent.get(id)) seen.add(keyOf(id));
  for (const k of seen) inclusive.set(k, (inclusive.get(k) ?? 0) + (dt[i] ?? 0));
}
show("inclusive time by function", new Map([...inclusive].filter(([k]) => !k.startsWith("(root)"))), top);
