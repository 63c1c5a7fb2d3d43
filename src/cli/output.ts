/**
 * Writing generated files safely. A run first plans (compares every generated file with the disk, finds our
 * stale files), and writes only when the plan has no conflicts: each file goes to a temporary file in its
 * own folder and is then renamed over the target, so a reader never sees half a file and a failure leaves
 * the folder as it was. Only files that start with our banner are ever replaced or removed.
 */
import { mkdirSync, openSync, readFileSync, readSync, closeSync, readdirSync, realpathSync, renameSync, rmdirSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import type { GeneratedFile } from "../emit/generate.js";
import { isGeneratedText } from "../emit/banner.js";

export interface OutputPlan {
  /** Absolute output folder. */
  readonly outDir: string;
  /** Files that are new or whose content changes, `/`-separated and relative to `outDir`. */
  readonly write: readonly GeneratedFile[];
  /** Of `write`, the files that do not exist yet. */
  readonly missing: readonly string[];
  /** Generated files whose disk content is already identical (left alone, mtime kept). */
  readonly unchanged: readonly string[];
  /** Files carrying our banner that this run no longer produces. */
  readonly remove: readonly string[];
  /** Files at a generated path that do not carry our banner: never overwritten. */
  readonly foreign: readonly string[];
}

export class OutputError extends Error {
  constructor(
    readonly kind: "not-a-folder" | "read" | "write",
    readonly file: string,
    message: string,
  ) {
    super(message);
  }
}

/** Compares `files` with what is on disk under `outDir`; reads only. Throws `OutputError` on I/O failure. */
export function planOutput(outDir: string, files: readonly GeneratedFile[]): OutputPlan {
  const root = path.resolve(outDir);
  if (exists(root) && !statSync(root).isDirectory()) throw new OutputError("not-a-folder", root, "not a folder");
  const write: GeneratedFile[] = [];
  const missing: string[] = [];
  const unchanged: string[] = [];
  const foreign: string[] = [];
  const produced = new Set<string>();
  const realRoot = realLocation(root);
  for (const file of files) {
    const target = targetPath(root, file.path);
    refuseOutsideRealRoot(realRoot, target);
    produced.add(path.relative(root, target));
    const current = readIfExists(target);
    if (current === undefined) {
      write.push(file);
      missing.push(file.path);
    } else if (current === file.text) {
      unchanged.push(file.path);
    } else if (isGeneratedText(current)) {
      write.push(file);
    } else {
      foreign.push(file.path);
    }
  }
  const producedByCase = new Map([...produced].map((rel) => [rel.toLowerCase(), rel]));
  const remove = listGeneratedFiles(root)
    .filter((rel) => !produced.has(rel))
    // On a case-insensitive file system `cim_a.ts` on disk *is* the `CIM_A.ts` being written: keep it.
    .filter((rel) => {
      const twin = producedByCase.get(rel.toLowerCase());
      return twin === undefined || !sameFile(path.join(root, rel), path.join(root, twin));
    })
    .map((rel) => rel.split(path.sep).join("/"));
  return { outDir: root, write, missing, unchanged, remove, foreign };
}

/** Carries out a conflict-free plan. On a write failure nothing is renamed and temporary files are removed. */
export function applyPlan(plan: OutputPlan): void {
  if (plan.foreign.length > 0) throw new Error("applyPlan called with foreign files in the plan");
  const staged: { temp: string; target: string }[] = [];
  let counter = 0;
  try {
    for (const file of plan.write) {
      const target = targetPath(plan.outDir, file.path);
      mkdirSync(path.dirname(target), { recursive: true });
      const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${counter++}.tmp`);
      staged.push({ temp, target });
      writeFileSync(temp, file.text, { encoding: "utf8", flag: "wx" });
    }
  } catch (error) {
    for (const { temp } of staged) tryUnlink(temp);
    throw new OutputError("write", staged.at(-1)?.target ?? plan.outDir, messageOf(error));
  }
  for (const { temp, target } of staged) {
    try {
      renameSync(temp, target);
    } catch (error) {
      for (const s of staged) tryUnlink(s.temp);
      throw new OutputError("write", target, messageOf(error));
    }
  }
  const emptied = new Set<string>();
  for (const rel of plan.remove) {
    const target = targetPath(plan.outDir, rel);
    try {
      unlinkSync(target);
    } catch (error) {
      throw new OutputError("write", target, messageOf(error));
    }
    emptied.add(path.dirname(target));
  }
  // Folders that held only removed files (e.g. a namespace that is gone) go too; never the output folder.
  for (const dir of [...emptied].sort((a, b) => b.length - a.length)) removeEmptyUpTo(dir, plan.outDir);
}

/** Resolves a generated path inside the output folder; a path that escapes it is a bug in the emitter. */
function targetPath(root: string, relative: string): string {
  const target = path.resolve(root, ...relative.split("/"));
  const rel = path.relative(root, target);
  if (rel === "" || rel.startsWith("..") || path.isAbsolute(rel)) throw new Error(`generated path '${relative}' leaves the output folder`);
  return target;
}

/**
 * Where `file` really is: symbolic links in the nearest existing ancestor (or the file itself) resolved,
 * the not-yet-existing rest appended. Throws `OutputError` when the disk cannot be read.
 */
function realLocation(file: string): string {
  const rest: string[] = [];
  let current = file;
  for (;;) {
    try {
      return path.join(realpathSync(current), ...rest.reverse());
    } catch (error) {
      if (!isNotFound(error)) throw new OutputError("read", current, messageOf(error));
      const parent = path.dirname(current);
      if (parent === current) return path.join(current, ...rest.reverse());
      rest.push(path.basename(current));
      current = parent;
    }
  }
}

/**
 * `targetPath` checks names only; a symbolic link inside the output folder (`out/runtime -> /elsewhere`,
 * or a linked file) would still carry a write outside it. Checked on the real locations before anything
 * is written.
 */
function refuseOutsideRealRoot(realRoot: string, target: string): void {
  const real = realLocation(target);
  const rel = path.relative(realRoot, real);
  if (rel === "" || rel.startsWith("..") || path.isAbsolute(rel)) {
    throw new OutputError("write", target, `a symbolic link leads it to '${real}', outside the output folder; nothing was written`);
  }
}

/** Relative paths (platform separators) of every `.ts` file under `root` that carries our banner. */
function listGeneratedFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      if (isNotFound(error)) return;
      throw new OutputError("read", dir, messageOf(error));
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "node_modules" && !entry.name.startsWith(".")) walk(full);
      } else if (entry.isFile() && entry.name.endsWith(".ts") && isGeneratedText(readHead(full))) {
        found.push(path.relative(root, full));
      }
    }
  };
  walk(root);
  return found.sort();
}

function readHead(file: string): string {
  let fd: number | undefined;
  try {
    fd = openSync(file, "r");
    const buffer = Buffer.alloc(256);
    const n = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, n).toString("utf8");
  } catch (error) {
    throw new OutputError("read", file, messageOf(error));
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function readIfExists(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw new OutputError("read", file, messageOf(error));
  }
}

function removeEmptyUpTo(dir: string, root: string): void {
  let current = dir;
  while (current !== root && current.startsWith(root + path.sep)) {
    try {
      if (readdirSync(current).length > 0) return;
      rmdirSync(current);
    } catch {
      return;
    }
    current = path.dirname(current);
  }
}

function sameFile(a: string, b: string): boolean {
  try {
    const x = statSync(a);
    const y = statSync(b);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

function exists(file: string): boolean {
  try {
    statSync(file);
    return true;
  } catch {
    return false;
  }
}

function tryUnlink(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // already gone
  }
}

function isNotFound(error: unknown): boolean {
  return error instanceof Error && "code" in error && (error.code === "ENOENT" || error.code === "ENOTDIR");
}

function messageOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\.$/, "");
}
