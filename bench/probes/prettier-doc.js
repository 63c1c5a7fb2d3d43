#!/usr/bin/env node
/**
 * Probe (issue 13, item 4): the emitter's document printer (src/emit/doc.ts) against prettier's own
 * (`prettier/doc`: builders + printDocToString, via bench/probes/prettier-doc-adapter.ts, same exports).
 * Evidence for docs/performance.md, not product code.
 *
 * Three builds of the same sources, bundled the same way with esbuild into bench/results/ (git-ignored;
 * two folders below the root, so templates/ and node_modules/ resolve as from dist/bundle/):
 *   ours                 src/ as it is;
 *   prettier             doc.ts replaced by the adapter (print.ts unchanged: `firstLineFits` asks
 *                        prettier by printing the initializer once more);
 *   prettier-assignment  the same, and print.ts's variable statement printed as prettier prints an
 *                        assignment (one `printDocToString` per statement): what a real swap would do.
 * Measured, each in fresh processes, variants alternated (rotated) in every round, medians:
 *   emit    `generate(schema)` of the library bundle after `compile()` (CPU = user + system, and wall),
 *           with a sha256 of every generated path and text (must be equal across variants);
 *   cli     the whole CLI `generate` into a new folder (wall, user + system CPU, peak RSS), code cache
 *           written for each bundle first, with a sha256 of the written tree;
 *   load    `require("prettier/doc")` in a fresh process (what today's fast path never loads).
 *
 *   node bench/probes/prettier-doc.js SCHEMA.mof [--runs 7] [--variants ours,prettier,prettier-assignment]
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const bundles = path.join(root, "bench", "results");
const adapter = path.join(root, "bench", "probes", "prettier-doc-adapter.ts");
const sha256 = (data) => createHash("sha256").update(data).digest("hex").slice(0, 16);
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

// ---- child: emit only, in this fresh process --------------------------------------------------------
if (process.argv[2] === "--emit-child") {
  const [bundle, schemaFile] = process.argv.slice(3);
  const lib = await import(pathToFileURL(bundle).href);
  const compiled = lib.compile([schemaFile]);
  if (compiled.schema === undefined || compiled.failed) throw new Error("the schema does not compile");
  const wall = performance.now();
  const cpu = process.cpuUsage();
  const files = await lib.generate(compiled.schema, {});
  const used = process.cpuUsage(cpu);
  const ms = performance.now() - wall;
  const hash = createHash("sha256");
  for (const file of files) hash.update(file.path).update("\0").update(file.text).update("\0");
  console.log(JSON.stringify({ cpuMs: (used.user + used.system) / 1000, ms, files: files.length, hash: hash.digest("hex").slice(0, 16) }));
  process.exit(0);
}
if (process.argv[2] === "--load-child") {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  const { createRequire } = await import("node:module");
  createRequire(path.join(root, "package.json"))("prettier/doc");
  const used = process.cpuUsage(cpu);
  console.log(JSON.stringify({ cpuMs: (used.user + used.system) / 1000, ms: performance.now() - wall }));
  process.exit(0);
}

// ---- parent ------------------------------------------------------------------------------------------
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const schema = args.find((a, i) => !a.startsWith("--") && !args[i - 1]?.startsWith("--"));
if (schema === undefined) {
  console.error("usage: node bench/probes/prettier-doc.js SCHEMA.mof [--runs 7] [--variants ours,prettier,prettier-assignment]");
  process.exit(2);
}
const runs = Number(option("--runs", "7"));
const variants = option("--variants", "ours,prettier,prettier-assignment").split(",");
const { build } = await import("esbuild");

/** esbuild plugin: doc.js → the adapter; with `assignment`, print.ts's variable layout → `printAssignment`. */
function prettierDoc(assignment) {
  return {
    name: "prettier-doc",
    setup(b) {
      b.onResolve({ filter: /^\.\/doc\.js$/ }, (a) => (a.importer.endsWith(path.join("src", "emit", "print.ts")) ? { path: adapter } : undefined));
      if (!assignment) return;
      b.onLoad({ filter: /src[\\/]emit[\\/]print\.ts$/ }, (a) => {
        const source = readFileSync(a.path, "utf8");
        const layout = /const body = firstLineFits\(rhs[\s\S]*?;\n/;
        if (!layout.test(source)) throw new Error("print.ts: the variable statement's layout is not where this probe expects it; update the probe");
        const patched = source.replace(layout, "const body = printAssignment(head, rhs, PRINT_WIDTH);\n");
        return { contents: `import { printAssignment } from "./doc.js";\n${patched}`, loader: "ts" };
      });
    },
  };
}

async function bundle(variant) {
  const plugins = variant === "ours" ? [] : [prettierDoc(variant === "prettier-assignment")];
  const common = { bundle: true, platform: "node", target: "node20", external: ["ts-morph", "prettier"], logLevel: "warning", plugins };
  const lib = path.join(bundles, `prettier-doc-probe.${variant}.mjs`);
  const cli = path.join(bundles, `prettier-doc-probe.${variant}.cjs`);
  await build({ ...common, entryPoints: [path.join(root, "src", "index.ts")], format: "esm", outfile: lib });
  await build({
    ...common,
    entryPoints: [path.join(root, "src", "cli", "main.ts")],
    format: "cjs",
    outfile: cli,
    define: { "import.meta.url": "__bundleUrl" },
    banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  });
  // The CLI runs with a V8 code cache, as bin/mof2ts.js runs dist/bundle/cli.cjs.
  const { writeCodeCache } = await import(pathToFileURL(path.join(root, "bin", "code-cache.js")).href);
  writeCodeCache(cli);
  return { lib, cli };
}

mkdirSync(bundles, { recursive: true });
const built = {};
for (const variant of variants) built[variant] = await bundle(variant);

function json(child) {
  if (child.status !== 0) throw new Error(`child failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split("\n").pop());
}

/** sha256 over every file of a folder (sorted relative paths and contents). */
function treeHash(folder) {
  const hash = createHash("sha256");
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else hash.update(path.relative(folder, full)).update("\0").update(readFileSync(full)).update("\0");
    }
  };
  walk(folder);
  return hash.digest("hex").slice(0, 16);
}

const runner = `const { loadWithCodeCache } = require(${JSON.stringify(path.join(root, "bin", "code-cache.js"))});
const cli = loadWithCodeCache(process.argv[1]);
cli.exports.run(process.argv.slice(2)).then((code) => { cli.saveCodeCache(); process.exit(code); });`;
const work = mkdtempSync(path.join(os.tmpdir(), "mof2ts-prettier-doc-"));

const results = Object.fromEntries(variants.map((v) => [v, { emitCpu: [], emitWall: [], cliWall: [], cliCpu: [], cliRss: [], emitHashes: new Set(), treeHashes: new Set() }]));
const load = { cpu: [], wall: [] };
for (let round = 0; round < runs; round++) {
  const order = variants.map((_, i) => variants[(i + round) % variants.length]);
  for (const variant of order) {
    const r = results[variant];
    const emit = json(spawnSync(process.execPath, [fileURLToPath(import.meta.url), "--emit-child", built[variant].lib, schema], { encoding: "utf8", maxBuffer: 1 << 24 }));
    r.emitCpu.push(emit.cpuMs);
    r.emitWall.push(emit.ms);
    r.emitHashes.add(`${emit.hash} (${emit.files} files)`);
    const out = path.join(work, `${variant}-${round}`);
    const cli = spawnSync("/usr/bin/time", ["-f", "TIME %e %U %S %M", process.execPath, "-e", runner, built[variant].cli, "generate", schema, "-o", out], { encoding: "utf8", maxBuffer: 1 << 24 });
    const time = /TIME (\S+) (\S+) (\S+) (\S+)/.exec(cli.stderr);
    if (cli.status !== 0 || time === null) throw new Error(`CLI failed: ${cli.stderr}`);
    r.cliWall.push(Number(time[1]) * 1000);
    r.cliCpu.push((Number(time[2]) + Number(time[3])) * 1000);
    r.cliRss.push(Number(time[4]) / 1024);
    r.treeHashes.add(treeHash(out));
  }
  const loaded = json(spawnSync(process.execPath, [fileURLToPath(import.meta.url), "--load-child"], { encoding: "utf8" }));
  load.cpu.push(loaded.cpuMs);
  load.wall.push(loaded.ms);
}
rmSync(work, { recursive: true, force: true });

const f = (n) => n.toFixed(0);
const base = results[variants[0]];
console.log(`schema ${path.basename(schema)}, ${runs} alternated rounds, medians (min–max); load average now ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
console.log("| variant | emit CPU ms | emit wall ms | emit CPU vs first | CLI generate wall ms | CLI CPU ms | peak RSS MB | output (emit / CLI tree) |");
console.log("|---|--:|--:|--:|--:|--:|--:|---|");
for (const variant of variants) {
  const r = results[variant];
  const range = (values) => `${f(median(values))} (${f(Math.min(...values))}–${f(Math.max(...values))})`;
  const ratio = median(r.emitCpu) / median(base.emitCpu);
  console.log(`| ${variant} | ${range(r.emitCpu)} | ${range(r.emitWall)} | ${ratio.toFixed(2)}× | ${range(r.cliWall)} | ${range(r.cliCpu)} | ${f(median(r.cliRss))} | ${[...r.emitHashes].join(", ")} / ${[...r.treeHashes].join(", ")} |`);
}
console.log(`require("prettier/doc") in a fresh process: ${median(load.cpu).toFixed(1)} ms CPU, ${median(load.wall).toFixed(1)} ms wall (median of ${runs})`);
const hashes = new Set(variants.map((v) => [...results[v].emitHashes, ...results[v].treeHashes].join()));
console.log(hashes.size === 1 ? "output: byte-identical across variants" : "output: DIFFERS between variants");
