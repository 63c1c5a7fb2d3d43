// Loads the bundled CLI (one CommonJS file) through node:vm with a V8 code cache kept next to it.
//
// Why: V8 compiles every function the first time it runs. On a small input that compilation is a
// fifth of the run (SmIscsiTarget `inspect`: ~0.51 -> ~0.42 s of main-thread CPU with the cache). It
// is what `module.enableCompileCache()` does on Node 22+, which Node 20 lacks.
//
// `npm run build` writes the cache with every function compiled (`writeCodeCache`), so each command
// starts warm. The cache file's name carries a hash of the bundle and the Node version: a rebuilt
// bundle or another Node never reads a cache made for something else (V8's own check looks only at
// the source's length). When V8 still rejects it (other V8 flags), the run that found it unusable
// writes a new one once it has finished. Writes are atomic and skipped where the folder is read-only.
// The cache only saves compiling our own code (unlike the run stamp, it never skips work on the input),
// so `MOF2TS_CACHE=off` leaves it on; `MOF2TS_CODE_CACHE=off` turns it off.
const { createHash } = require("node:crypto");
const { readFileSync, renameSync, writeFileSync, rmSync } = require("node:fs");
const { createRequire } = require("node:module");
const path = require("node:path");
const { setFlagsFromString } = require("node:v8");
const vm = require("node:vm");

/** Where the cache for `source` (the text of `file`) lives. */
function cacheFileOf(file, source) {
  const key = createHash("sha1").update(source).update(process.version).digest("hex").slice(0, 16);
  return `${file}.${key}.v8cache`;
}

/** Compiles `source` as Node compiles a CommonJS module (same wrapper), with an optional code cache. */
function compile(file, source, cachedData) {
  const wrapped = `(function (exports, require, module, __filename, __dirname) { ${source}\n});`;
  return new vm.Script(wrapped, { filename: file, cachedData });
}

/**
 * The bundle's on-demand imports (prettier, ts-morph; src/emit/on-demand.ts) go through this module's
 * own `import()`: on Node 20, functions restored from a code cache lose their dynamic-import callback,
 * so an `import()` inside the bundle fails there ("A dynamic import callback was not specified").
 */
const ON_DEMAND_IMPORT = Symbol.for("mof2ts.importOnDemand");
function registerOnDemandImport() {
  globalThis[ON_DEMAND_IMPORT] = (specifier) => import(specifier);
}

function writeAtomically(file, data) {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, data);
    renameSync(temporary, file);
  } catch {
    // A read-only install (or a race with another process) only means no cache this time.
    rmSync(temporary, { force: true });
  }
}

/**
 * Runs the CommonJS file at `file` (a path) and returns its exports plus `saveCodeCache()`, to be
 * called once the command has finished.
 */
function loadWithCodeCache(file) {
  const require = createRequire(file);
  registerOnDemandImport();
  if (process.env.MOF2TS_CODE_CACHE === "off") return { exports: require(file), saveCodeCache() {} };
  const source = readFileSync(file, "utf8");
  const cacheFile = cacheFileOf(file, source);
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = compile(file, source, cachedData);
  const module = { exports: {}, filename: file, id: file, loaded: false };
  script.runInThisContext()(module.exports, require, module, file, path.dirname(file));
  module.loaded = true;
  const unusable = cachedData === undefined || script.cachedDataRejected === true;
  return {
    exports: module.exports,
    saveCodeCache() {
      if (unusable) writeAtomically(cacheFile, script.createCachedData());
    },
  };
}

/**
 * Writes the code cache for `file` with every function compiled, not only those one run happened to
 * call (`npm run build` calls this after bundling).
 */
function writeCodeCache(file) {
  const source = readFileSync(file, "utf8");
  setFlagsFromString("--no-lazy");
  const script = compile(file, source, undefined);
  // Back to the default before the cache is taken: V8 stamps it with a hash of the current flags.
  setFlagsFromString("--lazy");
  writeAtomically(cacheFileOf(file, source), script.createCachedData());
}

module.exports = { loadWithCodeCache, writeCodeCache };
