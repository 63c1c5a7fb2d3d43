/**
 * The "nothing changed" shortcut for `generate` and `generate --check`. After a successful run (warnings
 * allowed, no error) the CLI records a stamp: a digest of the settings and of mof2ts itself, every file
 * the run read with its content hash, every file it produced with its content hash, and the warnings it
 * reported. The next run with the same settings first re-hashes those files; when every input and every
 * output is unchanged and the output folder holds no other generated file, the result of compiling again
 * is already on disk, so the run reports it as such, with the same warnings, without parsing, resolving
 * or generating (≈0.1 s instead of seconds).
 *
 * Stamps live in `node_modules/.cache/mof2ts/` of the project (the nearest folder from the working
 * folder up with a `package.json` and a `node_modules`), the usual home of tool caches: never committed,
 * empty on a fresh CI checkout (so CI runs the full pipeline), and never inside the output folder.
 * Without such a folder, or with `MOF2TS_CACHE=off`, the shortcut is off. A stamp only ever skips work;
 * it never changes what is written.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { isGeneratedText } from "../emit/banner.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";

const STAMP_FORMAT = 2;

interface StampData {
  readonly format: number;
  /** Digest of the settings and of the mof2ts build that made the output. */
  readonly key: string;
  readonly outDir: string;
  /** Absolute path → sha256 of its bytes. */
  readonly inputs: Readonly<Record<string, string>>;
  /** `/`-separated path relative to `outDir` → sha256 of its text. */
  readonly outputs: Readonly<Record<string, string>>;
  /** What the recorded run reported (warnings and notes only: a run with an error is never stamped). */
  readonly diagnostics: readonly Diagnostic[];
}

export interface UpToDate {
  /** Absolute paths of the files the recorded run read (what --watch watches). */
  readonly readFiles: readonly string[];
  readonly outputCount: number;
  /** The recorded run's warnings, to report again: skipping work must never hide one. */
  readonly diagnostics: readonly Diagnostic[];
}

/** A stamp slot for one output folder and one set of settings. */
export class RunStamp {
  private constructor(
    private readonly file: string,
    private readonly key: string,
    private readonly outDir: string,
  ) {}

  /**
   * The stamp slot for `outDir` with `settings` (any JSON-able description of everything that decides
   * the output), or undefined when there is no cache folder to keep stamps in.
   */
  static open(cwd: string, outDir: string, settings: unknown): RunStamp | undefined {
    const cacheRoot = findCacheRoot(cwd);
    if (cacheRoot === undefined) return undefined;
    const absoluteOut = path.resolve(cwd, outDir);
    const key = sha256(JSON.stringify({ settings, tool: toolFingerprint() }));
    const file = path.join(cacheRoot, `${sha256(absoluteOut).slice(0, 24)}.json`);
    return new RunStamp(file, key, absoluteOut);
  }

  /** What the recorded run read and wrote, when every recorded file is unchanged; else undefined. */
  check(): UpToDate | undefined {
    const data = this.read();
    if (data === undefined || data.key !== this.key || data.outDir !== this.outDir) return undefined;
    // Outputs first: a fresh or cleaned output folder fails here at once.
    const expected = new Map(Object.entries(data.outputs));
    for (const [rel, hash] of expected) {
      if (hashFile(path.join(this.outDir, ...rel.split("/"))) !== hash) return undefined;
    }
    for (const [file, hash] of Object.entries(data.inputs)) {
      if (hashFile(file) !== hash) return undefined;
    }
    // A generated file the stamp does not list would be removed by a real run: not up to date.
    for (const rel of listTypeScriptFiles(this.outDir)) {
      if (expected.has(rel)) continue;
      const text = readText(path.join(this.outDir, ...rel.split("/")));
      if (text === undefined || isGeneratedText(text)) return undefined;
    }
    return { readFiles: Object.keys(data.inputs), outputCount: expected.size, diagnostics: data.diagnostics };
  }

  /**
   * Records a successful run: the files it read, the files now in the output folder, its warnings.
   * `readDigests` holds `stampDigest`s of files taken as they were read, sparing a second read. Best effort.
   */
  record(
    readFiles: readonly string[],
    outputs: readonly { readonly path: string; readonly text: string }[],
    diagnostics: readonly Diagnostic[],
    readDigests: ReadonlyMap<string, string> = new Map(),
  ): void {
    if (diagnostics.some((d) => d.severity === "error")) return;
    const inputs: Record<string, string> = {};
    for (const file of [...readFiles].sort()) {
      // Files the compiler read were hashed as they were read (what was compiled); others now.
      const hash = readDigests.get(file) ?? hashFile(file);
      if (hash === undefined) return;
      inputs[file] = hash;
    }
    const produced: Record<string, string> = {};
    for (const output of [...outputs].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) produced[output.path] = sha256(output.text);
    const data: StampData = { format: STAMP_FORMAT, key: this.key, outDir: this.outDir, inputs, outputs: produced, diagnostics };
    try {
      mkdirSync(path.dirname(this.file), { recursive: true });
      const temp = `${this.file}.${process.pid}.tmp`;
      writeFileSync(temp, JSON.stringify(data));
      renameSync(temp, this.file);
    } catch {
      // A cache that cannot be written only costs speed.
    }
  }

  private read(): StampData | undefined {
    try {
      const data = JSON.parse(readFileSync(this.file, "utf8")) as StampData;
      return data.format === STAMP_FORMAT ? data : undefined;
    } catch {
      return undefined;
    }
  }
}

/** The digest a stamp records for a file's bytes. */
export function stampDigest(bytes: Uint8Array): string {
  return sha256(bytes);
}

function sha256(text: string | Uint8Array): string {
  return createHash("sha256").update(text).digest("hex");
}

function hashFile(file: string): string | undefined {
  try {
    return sha256(readFileSync(file));
  } catch {
    return undefined;
  }
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

/**
 * `node_modules/.cache/mof2ts` of the project the working folder belongs to: the nearest folder (from
 * `cwd` up) with a `package.json` and a `node_modules`, as tools that cache there do. `MOF2TS_CACHE=off`
 * turns stamps off.
 */
function findCacheRoot(cwd: string): string | undefined {
  if (process.env.MOF2TS_CACHE === "off") return undefined;
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    const modules = path.join(dir, "node_modules");
    if (existsSync(path.join(dir, "package.json")) && existsSync(modules)) return path.join(modules, ".cache", "mof2ts");
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** `.ts` files under `root` (`/`-separated, relative), skipping dot folders and node_modules as output.ts does. */
function listTypeScriptFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string, prefix: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.isDirectory()) {
        if (entry.name !== "node_modules" && !entry.name.startsWith(".")) walk(path.join(dir, entry.name), `${prefix}${entry.name}/`);
      } else if (entry.isFile() && entry.name.endsWith(".ts")) found.push(prefix + entry.name);
    }
  };
  walk(root, "");
  return found;
}

let fingerprint: string | undefined;

/** `cli.cjs.<key>.v8cache` and the `.tmp` files it is written through (bin/code-cache.js). */
export const isCodeCache = (name: string): boolean => /\.v8cache(?:\.\d+\.tmp)?$/.test(name);

/**
 * Identifies the mof2ts build: size and mtime of every file of the package's `dist/` (and `src/` in a
 * checkout), runtime templates and built-in platform classes, so a rebuilt or upgraded mof2ts never trusts another build's stamp.
 * The V8 code cache next to the bundle (and its temporary files) is left out: rewriting it changes how
 * fast mof2ts starts, never what it writes.
 */
function toolFingerprint(): string {
  if (fingerprint !== undefined) return fingerprint;
  const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
  const parts: string[] = [];
  const walk = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    } catch {
      return;
    }
    for (const entry of entries) {
      if (isCodeCache(entry.name)) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else {
        const stat = statSync(full, { throwIfNoEntry: false });
        if (stat !== undefined) parts.push(`${path.relative(packageRoot, full)}:${stat.size}:${stat.mtimeMs}`);
      }
    }
  };
  // `src` too: in a development checkout, tests run the CLI from source.
  for (const folder of ["dist", "src", path.join("templates", "runtime"), path.join("templates", "builtins"), "package.json"]) {
    const full = path.join(packageRoot, folder);
    const stat = statSync(full, { throwIfNoEntry: false });
    if (stat?.isDirectory()) walk(full);
    else if (stat !== undefined) parts.push(`${folder}:${stat.size}:${stat.mtimeMs}`);
  }
  fingerprint = sha256(parts.join("\n"));
  return fingerprint;
}
