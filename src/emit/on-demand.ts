/**
 * Loads the heavy libraries mof2ts needs only for some runs (prettier, ts-morph) when they are first used.
 *
 * Why not a plain `import()`: the bin shim runs the bundled CLI from a V8 code cache (bin/code-cache.js),
 * and on Node 20 functions restored from that cache lose their dynamic-import callback ("A dynamic import
 * callback was not specified"). The shim therefore registers its own `import` under ON_DEMAND_IMPORT, and
 * every on-demand load goes through it; without the shim (the library, tests) it is a plain `import()`.
 */
export const ON_DEMAND_IMPORT: unique symbol = Symbol.for("mof2ts.importOnDemand");

interface OnDemandModules {
  prettier: typeof import("prettier");
  "ts-morph": typeof import("ts-morph");
}

type Importer = (specifier: string) => Promise<unknown>;

/** Imports a library that only some runs need. */
export function importOnDemand<Name extends keyof OnDemandModules>(name: Name): Promise<OnDemandModules[Name]> {
  const viaShim = (globalThis as { [ON_DEMAND_IMPORT]?: Importer })[ON_DEMAND_IMPORT];
  const load: Importer = viaShim ?? ((specifier) => import(specifier));
  return load(name) as Promise<OnDemandModules[Name]>;
}
