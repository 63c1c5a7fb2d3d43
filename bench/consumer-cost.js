#!/usr/bin/env node
/**
 * What the generated code costs the application that uses it ("consumer cost", issue 13), per output
 * mode (`--emit ts|js|types`, both enum styles, `--flatten`, `--single-file`):
 * - bundle bytes of one enum and of one decoder imported through index.js vs from the class's own file,
 *   with esbuild (`--bundle --minify`) and rollup (default tree-shaking; TypeScript through
 *   @rollup/plugin-typescript, the only plugin), no package.json `sideEffects` hint;
 * - consumer `tsc --noEmit` time of a project whose tsconfig includes the whole generated folder
 *   (strict, `skipLibCheck` as `tsc --init` sets it);
 * - output size and `generate` wall time (a fresh process, a new output folder) per mode.
 *
 * `node bench/consumer-cost.js` measures the SmIscsiTarget fixture, plus the schema named by
 * MOF2TS_BENCH_SCHEMA (e.g. the DMTF CIM Schema: minutes, mostly rollup's TypeScript plugin).
 * `npm run bench -- --consumer-cost` runs it after the other sections. Options: --no-rollup, --no-tsc,
 * --no-bundles, --json FILE.
 * The bundling helpers are also used by test/emit/shaking.test.ts.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const cli = path.join(root, "bin", "mof2ts.js");

/**
 * Bytes of a production bundle of `source` (an entry module placed in `dir`, so its relative imports
 * resolve in the generated folder). `typescript`: the entry and the code it imports are TypeScript.
 */
export async function bundleBytes(options) {
  return Buffer.byteLength(await bundleCode(options));
}

/** The bundle's code (see bundleBytes). */
export async function bundleCode({ dir, source, bundler, typescript }) {
  const entry = path.join(dir, `__consumer_entry.${typescript ? "ts" : "js"}`);
  writeFileSync(entry, source);
  try {
    if (bundler === "esbuild") {
      const esbuild = await import("esbuild");
      const result = await esbuild.build({ entryPoints: [entry], bundle: true, minify: true, format: "esm", write: false, logLevel: "silent" });
      return result.outputFiles[0].text;
    }
    const { rollup } = await import("rollup");
    const plugins = [];
    if (typescript) {
      const { default: ts } = await import("@rollup/plugin-typescript");
      // Transpile only: the bundle is measured here, type-checking is the tsc column.
      const tsconfig = path.join(dir, "tsconfig.rollup.json");
      writeFileSync(tsconfig, JSON.stringify({ compilerOptions: { target: "ES2022", module: "ESNext", moduleResolution: "Bundler", strict: true, skipLibCheck: true, noCheck: true, rootDir: "." }, include: ["**/*.ts"] }));
      plugins.push(ts({ tsconfig, filterRoot: dir, noEmitOnError: false }));
    }
    const build = await rollup({ input: entry, plugins, logLevel: "silent" });
    const { output } = await build.generate({ format: "es" });
    await build.close();
    return output.map((chunk) => (chunk.type === "chunk" ? chunk.code : "")).join("");
  } finally {
    rmSync(entry, { force: true });
  }
}

/** Entry module text: `name` imported from `from`, or as `namespace.name` when the index nests it. */
export function entrySource(name, from, namespace) {
  return namespace === undefined
    ? `import { ${name} } from "${from}";\nconsole.log(${name});\n`
    : `import { ${namespace} } from "${from}";\nconsole.log(${namespace}.${name});\n`;
}

const timeBinary = ["/usr/bin/time", "/bin/time"].find((p) => existsSync(p));

/**
 * Runs node with `args`; wall ms, and CPU ms (user + system, from /usr/bin/time when present: on a
 * shared machine far steadier than wall time).
 */
function timedNode(args, env = process.env) {
  const command = timeBinary ? [timeBinary, "-f", "CONSUMER_COST_TIME %U %S", process.execPath, ...args] : [process.execPath, ...args];
  const start = performance.now();
  const child = spawnSync(command[0], command.slice(1), { encoding: "utf8", env, maxBuffer: 64 * 1024 * 1024 });
  const ms = Math.round(performance.now() - start);
  const timing = /CONSUMER_COST_TIME ([\d.]+) ([\d.]+)/.exec(child.stderr ?? "");
  return { ms, cpuMs: timing ? Math.round((Number(timing[1]) + Number(timing[2])) * 1000) : undefined, status: child.status, stdout: child.stdout, stderr: child.stderr };
}

/** Runs the CLI into a new folder; wall and CPU ms. */
export function generate(inputs, out, extra = []) {
  const run = timedNode([cli, ...inputs, "-o", out, "--quiet", ...extra], { ...process.env, MOF2TS_CACHE: "off" });
  if (run.status !== 0) throw new Error(`mof2ts ${extra.join(" ")} failed: ${run.stderr}`);
  return { ms: run.ms, cpuMs: run.cpuMs };
}

function folderSize(dir) {
  let bytes = 0;
  let files = 0;
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    const stat = statSync(full);
    if (stat.isDirectory()) {
      const sub = folderSize(full);
      bytes += sub.bytes;
      files += sub.files;
    } else {
      bytes += stat.size;
      files++;
    }
  }
  return { bytes, files };
}

/**
 * `tsc --noEmit` over the whole folder plus a small app that imports from its index; wall ms and error
 * count. `skipLibCheck` as `tsc --init` sets it (true), or false to check the `.d.ts` files too.
 */
function consumerTsc(dir, appSource, skipLibCheck = true) {
  writeFileSync(path.join(dir, "__consumer_app.ts"), appSource);
  const config = path.join(dir, "tsconfig.consumer.json");
  const compilerOptions = { strict: true, noEmit: true, skipLibCheck, target: "ES2022", lib: ["ES2022"], module: "NodeNext", moduleResolution: "NodeNext", types: [] };
  writeFileSync(config, JSON.stringify({ compilerOptions, include: ["**/*"], exclude: ["__consumer_entry.*"] }));
  writeFileSync(path.join(dir, "package.json"), JSON.stringify({ type: "module" }));
  const run = timedNode([path.join(root, "node_modules", "typescript", "bin", "tsc"), "-p", config]);
  return { ms: run.ms, cpuMs: run.cpuMs, errors: run.status === 0 ? 0 : (run.stdout.match(/error TS/g) ?? []).length };
}

/** The modes measured: CLI flags, and whether the output is TypeScript. */
export const MODES = [
  { name: "ts, enum", flags: [], typescript: true },
  { name: "ts, const", flags: ["--enum-style", "const"], typescript: true },
  { name: "ts, flatten", flags: ["--flatten"], typescript: true },
  { name: "ts, single-file", flags: ["--single-file", "index.ts"], typescript: true, single: true },
  { name: "js, enum", flags: ["--emit", "js"], typescript: false },
  { name: "js, const", flags: ["--emit", "js", "--enum-style", "const"], typescript: false },
  { name: "types", flags: ["--emit", "types"], typescript: true, typesOnly: true },
];

/**
 * One target: `symbols` names the class file (relative, without extension), the indexes to import
 * through (with the namespace export when the root index nests namespaces), the enum, decoder and interface.
 */
export async function measureTarget(target, options = {}) {
  const work = mkdtempSync(path.join(os.tmpdir(), "mof2ts-consumer-"));
  const rows = [];
  try {
    const direct = {};
    for (const mode of MODES) {
      const dir = path.join(work, mode.name.replace(/\W+/g, "-"));
      const timing = generate(target.inputs, dir, mode.flags);
      const size = folderSize(dir);
      const row = { mode: mode.name, generateMs: timing.ms, generateCpuMs: timing.cpuMs, outputBytes: size.bytes, outputFiles: size.files, bundles: {} };
      const { classFile, indexes, enumName, decoderName, interfaceName } = target.symbols;
      if (!mode.typesOnly && options.bundles !== false) {
        for (const [what, name] of [["enum", enumName], ["decoder", decoderName]]) {
          for (const bundler of options.rollup === false ? ["esbuild"] : ["esbuild", "rollup"]) {
            // The single file has no per-class files: it is compared with the files layout's own file.
            if (!mode.single) direct[`${mode.name}|${what}|${bundler}`] = await bundleBytes({ dir, source: entrySource(name, `./${classFile}.js`), bundler, typescript: mode.typescript });
            const own = direct[`${mode.single ? "ts, enum" : mode.name}|${what}|${bundler}`];
            for (const index of mode.single ? [{ label: "index", from: "./index.js" }] : indexes) {
              const bytes = await bundleBytes({ dir, source: entrySource(name, index.from, index.namespace), bundler, typescript: mode.typescript });
              row.bundles[`${what} via ${index.label}, ${bundler}`] = { index: bytes, direct: own };
            }
          }
        }
      }
      if (options.tsc !== false) {
        // Through the first index (the namespace's own with several namespaces), types only.
        const app = `import type { ${interfaceName} } from "${mode.single ? "./index.js" : indexes[0].from}";\nexport type App = ${interfaceName};\n`;
        row.tsc = consumerTsc(dir, app);
        // tsc --strict of everything generated, declarations included.
        row.strictErrors = consumerTsc(dir, app, false).errors;
      }
      rows.push(row);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return rows;
}

const ratio = (b) => (b.direct === undefined ? "" : `${(b.index / b.direct).toFixed(2)}×${b.index <= b.direct * 1.1 + 1024 ? "" : " ✗"}`);

/** Markdown tables for the measured targets. */
export function consumerCostTables(results) {
  const out = [];
  for (const { name, rows } of results) {
    const keys = [...new Set(rows.flatMap((r) => Object.keys(r.bundles)))];
    out.push(`\nConsumer cost — ${name}: bundle bytes through an index / from the class's own file (ratio; ✗ above 1.1× + 1 KB)`);
    out.push("| mode | import | index bytes | own file bytes | ratio |", "|---|---|---:|---:|---:|");
    for (const row of rows) {
      for (const key of keys) {
        const b = row.bundles[key];
        if (b !== undefined) out.push(`| ${row.mode} | ${key} | ${b.index} | ${b.direct ?? "—"} | ${ratio(b)} |`);
      }
    }
    const tsBase = rows.find((r) => r.mode === "ts, enum");
    out.push(`\nConsumer cost — ${name}: output, generate, consumer tsc`);
    out.push(
      "| mode | output MB / files | generate ms wall / cpu (cpu × ts) | consumer tsc ms wall / cpu (cpu × ts), errors | tsc --strict, no skipLibCheck: errors |",
      "|---|---:|---:|---:|---:|",
    );
    // CPU time decides the ratios: wall time on a shared machine varies several-fold between runs.
    const times = (wall, cpu, base) => `${wall} / ${cpu ?? "?"}${cpu !== undefined && base ? ` (${(cpu / base).toFixed(2)}×)` : ""}`;
    for (const row of rows) {
      const gen = times(row.generateMs, row.generateCpuMs, tsBase?.generateCpuMs);
      const tsc = row.tsc === undefined ? "—" : `${times(row.tsc.ms, row.tsc.cpuMs, tsBase?.tsc?.cpuMs)}, ${row.tsc.errors}`;
      out.push(`| ${row.mode} | ${(row.outputBytes / 1e6).toFixed(2)} / ${row.outputFiles} | ${gen} | ${tsc} | ${row.strictErrors ?? "—"} |`);
    }
  }
  return out.join("\n");
}

/** The targets: the SmIscsiTarget fixture, and MOF2TS_BENCH_SCHEMA when set (assumed a DMTF CIM Schema). */
export function consumerCostTargets() {
  const targets = [
    {
      name: "SmIscsiTarget fixture",
      inputs: [path.join(root, "fixtures", "smiscsitarget", "SmIscsiTarget.mof")],
      symbols: {
        classFile: "root_cimv2_storage_iscsitarget/CIM_Synchronized",
        indexes: [
          { label: "namespace index", from: "./root_cimv2_storage_iscsitarget/index.js" },
          { label: "root index", from: "./index.js" },
          // What apps wrote before the root index re-exported names: esbuild keeps the whole namespace object.
          { label: "root index, namespace object", from: "./index.js", namespace: "root_cimv2_storage_iscsitarget" },
        ],
        enumName: "CIM_Synchronized_CopyState",
        decoderName: "decodeCIM_Synchronized",
        interfaceName: "CIM_Synchronized",
      },
    },
  ];
  const schema = process.env.MOF2TS_BENCH_SCHEMA;
  if (schema) {
    targets.push({
      name: path.basename(schema),
      inputs: [path.resolve(schema)],
      symbols: {
        classFile: "CIM_Synchronized",
        indexes: [{ label: "index", from: "./index.js" }],
        enumName: "CIM_Synchronized_CopyState",
        decoderName: "decodeCIM_Synchronized",
        interfaceName: "CIM_Synchronized",
      },
    });
  }
  return targets;
}

export async function runConsumerCost(options = {}) {
  const results = [];
  for (const target of consumerCostTargets()) {
    process.stderr.write(`consumer cost: ${target.name} …\n`);
    results.push({ name: target.name, rows: await measureTarget(target, options) });
  }
  return results;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const args = process.argv.slice(2);
  const results = await runConsumerCost({ rollup: !args.includes("--no-rollup"), tsc: !args.includes("--no-tsc"), bundles: !args.includes("--no-bundles") });
  process.stdout.write(`${consumerCostTables(results)}\n`);
  if (args.includes("--json")) writeFileSync(args[args.indexOf("--json") + 1], JSON.stringify(results, null, 2));
}
