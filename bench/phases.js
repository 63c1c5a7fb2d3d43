#!/usr/bin/env node
/**
 * Measures one input set phase by phase, in this (fresh) process, through the library's public stage
 * functions in dist/: read, decode, lex, parse, resolve, emit, format, write. Prints one JSON object.
 *
 *   node --expose-gc bench/phases.js --out DIR [--warm] INPUT.mof [INPUT2.mof …]
 *
 * Why a child process per input set: cold numbers (module loading, JIT warm-up) are what a user pays
 * on every CLI run, and `maxRSS` is a process-wide high-water mark, so each set needs its own process.
 * Stages that are not there yet (or fail) are reported as `{ skipped: reason }`, never as a crash.
 *
 * Memory per phase: `rssPeakMB` is the process's peak RSS when the phase ended (monotonic, so the phase
 * that raises it is the one that needed it); `heapMB` is the live JS heap after the phase and a full GC.
 */
import { readFileSync, mkdirSync, writeFileSync, rmSync, existsSync } from "node:fs";
import * as path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dist = path.join(root, "dist");

const args = process.argv.slice(2);
const outIndex = args.indexOf("--out");
const outDir = outIndex >= 0 ? path.resolve(args[outIndex + 1]) : undefined;
const warm = args.includes("--warm");
const inputs = args.filter((a, i) => !a.startsWith("--") && (outIndex < 0 || i !== outIndex + 1)).map((a) => path.resolve(a));

const gc = typeof globalThis.gc === "function" ? globalThis.gc : () => {};
const phases = {};
const counts = {};
const notes = [];

const mb = (bytes) => Math.round((bytes / 1048576) * 10) / 10;
function memory() {
  gc();
  return { rssPeakMB: mb(process.resourceUsage().maxRSS * 1024), heapMB: mb(process.memoryUsage().heapUsed) };
}

/** Runs `work` as phase `name`; a failure or a missing stage is recorded, not thrown. */
async function phase(name, work) {
  gc();
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  try {
    const result = await work();
    const ms = performance.now() - start;
    const cpu = process.cpuUsage(cpuStart);
    // CPU time (user + system) is the steadier figure on a shared, busy machine; wall time is what users feel.
    phases[name] = { ms: Math.round(ms * 10) / 10, cpuMs: Math.round((cpu.user + cpu.system) / 100) / 10, ...memory() };
    return result;
  } catch (error) {
    phases[name] = { skipped: error instanceof Skip ? error.message : `failed: ${String(error?.stack ?? error).split("\n").slice(0, 3).join(" | ")}` };
    return undefined;
  }
}
class Skip extends Error {}

async function importDist(relative) {
  const file = path.join(dist, relative);
  if (!existsSync(file)) return undefined;
  return import(pathToFileURL(file).href);
}

/** Every file reachable from the inputs through `#pragma include`, found with a plain text scan (untimed). */
function discoverFiles(entries) {
  const seen = new Set();
  const order = [];
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    if (!existsSync(file)) return;
    order.push(file);
    const text = readFileSync(file, "latin1");
    for (const match of text.matchAll(/^[ \t]*#[ \t]*pragma[ \t]+include[ \t]*\([ \t]*"([^"]+)"/gim)) {
      visit(path.resolve(path.dirname(file), match[1].replace(/\\/g, "/")));
    }
  };
  for (const entry of entries) visit(entry);
  return order;
}

const severities = (diagnostics) => {
  const tally = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) tally[d.severity] = (tally[d.severity] ?? 0) + 1;
  return tally;
};

const startup = performance.now();
const files = discoverFiles(inputs);
counts.files = files.length;

// Module loading is its own phase: it is a fixed cost every CLI run pays (chevrotain, ts-morph, prettier…).
const modules = await phase("load", async () => {
  const [lexer, parser, resolver, emitter, decoder] = await Promise.all([
    importDist("lexer/lexer.js"),
    importDist("parser/parse.js"),
    importDist("resolve/resolve.js"),
    importDist("emit/generate.js"),
    importDist("lexer/decode.js"),
  ]);
  return { lexer, parser, resolver, emitter, decoder };
});
if (!modules) throw new Error("cannot load dist/: run `npm run build` first");

const bytes = await phase("read", () => files.map((file) => readFileSync(file)));
counts.bytes = bytes.reduce((sum, b) => sum + b.length, 0);

const decodeOne = (() => {
  const fn = modules.decoder?.decode ?? modules.decoder?.decodeBytes ?? modules.decoder?.decodeMof;
  if (typeof fn !== "function") {
    notes.push("decode: dist/lexer/decode.js has no decode(); used TextDecoder (UTF-8)");
    const utf8 = new TextDecoder("utf-8");
    return (data) => utf8.decode(data);
  }
  return (data, file) => {
    const result = fn(data, file);
    return typeof result === "string" ? result : result.text;
  };
})();
const texts = await phase("decode", () => bytes.map((data, i) => decodeOne(data, files[i])));

const tokenize = modules.lexer?.tokenize;
await phase("lex", () => {
  if (typeof tokenize !== "function") throw new Skip("no tokenize() in dist/lexer/lexer.js");
  let tokens = 0;
  const diagnostics = [];
  for (const [i, text] of texts.entries()) {
    const result = tokenize(text, files[i]);
    tokens += result.tokens.length;
    diagnostics.push(...result.diagnostics);
  }
  counts.tokens = tokens;
  counts.lexDiagnostics = severities(diagnostics);
});

const parsed = await phase("parse", () => {
  const parse = modules.parser?.parse;
  if (typeof parse !== "function") throw new Skip("no parse() in dist/parser/parse.js");
  const trees = new Map();
  const diagnostics = [];
  for (const [i, text] of texts.entries()) {
    const result = parse(text, files[i]);
    trees.set(files[i], result.file);
    diagnostics.push(...result.diagnostics);
  }
  counts.parseDiagnostics = severities(diagnostics);
  return trees;
});
if (phases.parse?.ms !== undefined && phases.lex?.ms !== undefined) {
  // parse() lexes its own input, so the parser's own share is the difference.
  phases["parse (excl. lex)"] = {
    ms: Math.round((phases.parse.ms - phases.lex.ms) * 10) / 10,
    cpuMs: Math.round((phases.parse.cpuMs - phases.lex.cpuMs) * 10) / 10,
    derived: true,
  };
}

/** The Program `resolve` takes: roots in order plus each `#pragma include` directive -> the included tree. */
function buildProgram(trees) {
  const includes = new Map();
  for (const [file, tree] of trees) {
    for (const statement of tree.statements ?? []) {
      if (statement.kind !== "PragmaDirective" || statement.name.name.toLowerCase() !== "include") continue;
      const argument = statement.args[0];
      if (argument?.kind !== "StringLiteral") continue;
      const target = trees.get(path.resolve(path.dirname(file), argument.value.replace(/\\/g, "/")));
      if (target) includes.set(statement, target);
    }
  }
  return { roots: inputs.map((file) => trees.get(file)).filter(Boolean), includes };
}

const schema = await phase("resolve", () => {
  const resolve = modules.resolver?.resolve;
  if (!parsed) throw new Skip("nothing parsed");
  if (typeof resolve !== "function") throw new Skip("no resolve() in dist/resolve/resolve.js");
  const result = resolve(buildProgram(parsed), {});
  counts.resolveDiagnostics = severities(result.diagnostics);
  counts.classes = result.schema.namespaces.reduce((sum, ns) => sum + ns.classes.length, 0);
  return result.schema;
});

/**
 * emit and format are split the way generate() works: emit = plan + build (the fast printer writes
 * prettier-formatted text itself), format = prettier on the files it could not lay out (and the banner).
 * This follows the emitter's internal modules; when they change shape, generate() is measured as one
 * phase instead.
 */
const emitter = modules.emitter ?? {};
const internals = await loadEmitterInternals();
let generated;
if (schema && internals) {
  const options = internals.options.resolveOptions({});
  const built = await phase("emit", async () => {
    const runtime = await internals.runtime.loadRuntimeSources();
    const plan = internals.plan.planSchema(schema, options, internals.runtime.runtimeExportNames(runtime));
    return { files: internals.layout.buildFiles(plan, options, internals.print.FAST_MORPH_ENUMS).files, runtime };
  });
  generated = await phase("format", async () => {
    const banner = internals.banner.bannerText({ inputs: schema.inputs, hash: "sha256:0000000000000000", version: schema.version });
    const out = [];
    let viaPrettier = 0;
    for (const file of built.files) {
      if (file.formatted) out.push({ path: file.path, text: banner + file.text });
      else {
        viaPrettier++;
        out.push({ path: file.path, text: await internals.format.formatTypeScript(banner + file.text, file.path) });
      }
    }
    counts.formattedByPrettier = viaPrettier;
    return out;
  });
} else {
  generated = await phase("emit+format", () => {
    if (!schema) throw new Skip("nothing resolved");
    if (typeof emitter.generate !== "function") throw new Skip("no generate() in dist/emit/generate.js");
    return emitter.generate(schema, {});
  });
}

async function loadEmitterInternals() {
  try {
    const [options, plan, layout, runtime, format, banner, print] = await Promise.all(
      ["options", "plan", "layout", "runtime-files", "format", "banner", "print"].map((m) => importDist(`emit/${m}.js`)),
    );
    const ok =
      typeof options?.resolveOptions === "function" && typeof plan?.planSchema === "function" && typeof layout?.buildFiles === "function" &&
      typeof runtime?.loadRuntimeSources === "function" && typeof runtime?.runtimeExportNames === "function" &&
      typeof format?.formatTypeScript === "function" && typeof banner?.bannerText === "function" && typeof print?.FAST_MORPH_ENUMS === "object";
    if (!ok) notes.push("emit/format not split: the emitter's internal modules changed shape; generate() measured as one phase");
    return ok ? { options, plan, layout, runtime, format, banner, print } : undefined;
  } catch {
    return undefined;
  }
}
if (generated) {
  counts.outputFiles = generated.length;
  counts.outputBytes = generated.reduce((sum, f) => sum + Buffer.byteLength(f.text), 0);
}

await phase("write", () => {
  if (!generated) throw new Skip("nothing generated");
  if (!outDir) throw new Skip("no --out");
  rmSync(outDir, { recursive: true, force: true });
  const made = new Set();
  for (const file of generated) {
    const target = path.join(outDir, ...file.path.split("/"));
    const folder = path.dirname(target);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    writeFileSync(target, file.text);
  }
});

// Optional second pass over the compute phases: warm numbers (JIT done, modules loaded) isolate the
// per-input cost, which is what the scaling target is about.
const warmPhases = {};
if (warm && parsed) {
  const timeIt = async (name, work) => {
    gc();
    const start = performance.now();
    try {
      await work();
      warmPhases[name] = Math.round((performance.now() - start) * 10) / 10;
    } catch {
      /* already reported by the cold pass */
    }
  };
  if (typeof tokenize === "function") await timeIt("lex", () => texts.forEach((t, i) => tokenize(t, files[i])));
  await timeIt("parse", () => texts.forEach((t, i) => modules.parser.parse(t, files[i])));
  if (schema) await timeIt("resolve", () => modules.resolver.resolve(buildProgram(parsed), {}));
  if (schema && typeof emitter.generate === "function") await timeIt("emit+format", () => emitter.generate(schema, {}));
}

process.stdout.write(
  JSON.stringify({ inputs, phases, warm: warm ? warmPhases : undefined, counts, notes, totalMs: Math.round(performance.now() - startup), peakRssMB: mb(process.resourceUsage().maxRSS * 1024) }) + "\n",
);
