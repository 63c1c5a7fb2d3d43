/**
 * Writing generated files safely. A run first plans (compares every generated file with the disk, finds our
 * stale files), and writes only when the plan has no conflicts. Nothing is ever half-written at a target
 * path: a file bound for an existing folder goes to a temporary file beside it and is then renamed over the
 * target; files bound for a folder that does not exist yet are written into a hidden staging copy of the
 * topmost missing folder, which is renamed into place as a whole (one rename instead of one per file: a cold
 * run into a new output folder writes each file once). A failure leaves the folder as it was. Only files
 * that start with our banner are ever replaced or removed.
 */
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, realpathSync, renameSync, rmdirSync, rmSync, statSync, unlinkSync, writeFileSync, type Dirent, type Stats } from "node:fs";
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

export interface PlanOptions {
  /**
   * True when the run owns the whole output folder (the folder layout): generated files it no longer
   * produces are removed. A single output file owns only itself, so the rest of its folder (other
   * single files, a generated folder beside it) is neither scanned nor touched.
   */
  readonly ownsFolder: boolean;
}

/** Compares `files` with what is on disk under `outDir`; reads only. Throws `OutputError` on I/O failure. */
export function planOutput(outDir: string, files: readonly GeneratedFile[], options: PlanOptions = { ownsFolder: true }): OutputPlan {
  const root = path.resolve(outDir);
  if (exists(root) && !statSync(root).isDirectory()) throw new OutputError("not-a-folder", root, "not a folder");
  const write: GeneratedFile[] = [];
  const missing: string[] = [];
  const unchanged: string[] = [];
  const foreign: string[] = [];
  const produced = new Set<string>();
  // One listing per folder answers "does it exist, and is it a plain file?" for every generated path.
  const disk = options.ownsFolder ? scanFolder(root) : unscannedFolder;
  const realRoot = realLocation(root);
  const realFolders = new Map<string, string>();
  const realFolder = (folder: string): string => {
    let real = realFolders.get(folder);
    if (real === undefined) {
      real = realLocation(folder);
      realFolders.set(folder, real);
    }
    return real;
  };
  for (const file of files) {
    const target = targetPath(root, file.path);
    produced.add(path.relative(root, target));
    const folder = path.dirname(target);
    const name = path.basename(target);
    const seen = disk.lookup(folder, name);
    if (seen === "absent") {
      refuseOutsideRealRoot(realRoot, target, path.join(realFolder(folder), name));
      write.push(file);
      missing.push(file.path);
      continue;
    }
    // A plain file found under its exact name is where its folder really is; anything else (a symbolic
    // link, a name differing in case, a folder not listed) resolves its own real location.
    refuseOutsideRealRoot(realRoot, target, seen === "file" ? path.join(realFolder(folder), name) : realLocation(target));
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
  const remove = disk
    .codeFiles()
    // Files this run produces are never removed: only the others' heads need reading.
    .filter((rel) => !produced.has(rel) && isGeneratedText(readHead(path.join(root, rel))))
    // On a case-insensitive file system `cim_a.ts` on disk *is* the `CIM_A.ts` being written: keep it.
    .filter((rel) => {
      const twin = producedByCase.get(rel.toLowerCase());
      return twin === undefined || !sameFile(path.join(root, rel), path.join(root, twin));
    })
    .map((rel) => rel.split(path.sep).join("/"));
  return { outDir: root, write, missing, unchanged, remove, foreign };
}

/** Carries out a conflict-free plan. On a write failure nothing is renamed and staged files are removed. */
export function applyPlan(plan: OutputPlan): void {
  if (plan.foreign.length > 0) throw new Error("applyPlan called with foreign files in the plan");
  const staging = new Staging();
  let target = plan.outDir;
  try {
    for (const file of plan.write) {
      target = targetPath(plan.outDir, file.path);
      staging.write(target, file.text);
    }
  } catch (error) {
    staging.discard();
    throw new OutputError("write", target, messageOf(error));
  }
  staging.commit();
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

/** Where a folder's files are written before `commit`: the folder itself, or its place in a staging copy. */
type FolderState = { readonly exists: true } | { readonly exists: false; readonly staged: string };

/**
 * Files written so far, none of them visible at its target yet. Each folder is looked at (and, inside a
 * staging copy, created) once.
 */
class Staging {
  private readonly folders = new Map<string, FolderState>();
  /** Temporary files beside existing targets, renamed over them on commit. */
  private readonly temporaries: { readonly temp: string; readonly target: string }[] = [];
  /** Staging copies of the topmost missing folders, renamed into place on commit. */
  private readonly copies: { readonly staged: string; readonly folder: string }[] = [];
  private counter = 0;

  write(target: string, text: string): void {
    const folder = this.folder(path.dirname(target));
    if (!folder.exists) {
      // A fresh folder of ours: the name cannot be taken.
      writeFileSync(path.join(folder.staged, path.basename(target)), text, { encoding: "utf8", flag: "wx" });
      return;
    }
    const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${this.counter++}.tmp`);
    this.temporaries.push({ temp, target });
    // `wx`: a file (or planted symbolic link) already at the temporary name is never followed.
    writeFileSync(temp, text, { encoding: "utf8", flag: "wx" });
  }

  /** Renames every staged file and folder into place. */
  commit(): void {
    for (const { temp, target } of this.temporaries) this.rename(temp, target);
    for (const { staged, folder } of this.copies) this.rename(staged, folder);
  }

  /** Removes everything staged (never anything that was there before). */
  discard(): void {
    for (const { temp } of this.temporaries) tryUnlink(temp);
    for (const { staged } of this.copies) rmSync(staged, { recursive: true, force: true });
  }

  private rename(from: string, to: string): void {
    try {
      renameSync(from, to);
    } catch (error) {
      this.discard();
      throw new OutputError("write", to, messageOf(error));
    }
  }

  private folder(folder: string): FolderState {
    const known = this.folders.get(folder);
    if (known !== undefined) return known;
    let state: FolderState;
    const stats = statIfExists(folder);
    if (stats?.isDirectory() === true) state = { exists: true };
    else if (stats !== undefined) throw new Error(`'${folder}' is not a folder`);
    else {
      const parentFolder = path.dirname(folder);
      if (parentFolder === folder) throw new Error(`'${folder}' does not exist`);
      const parent = this.folder(parentFolder);
      if (!parent.exists) {
        const staged = path.join(parent.staged, path.basename(folder));
        mkdirSync(staged);
        state = { exists: false, staged };
      } else {
        state = { exists: false, staged: this.copyOf(folder) };
      }
    }
    this.folders.set(folder, state);
    return state;
  }

  /** Creates the hidden staging copy (`.<name>.<pid>.<n>.tmp` beside it) of a missing folder. */
  private copyOf(folder: string): string {
    for (;;) {
      const staged = path.join(path.dirname(folder), `.${path.basename(folder)}.${process.pid}.${this.counter++}.tmp`);
      try {
        mkdirSync(staged);
      } catch (error) {
        // Something (even a planted symbolic link) already has that name: take the next one.
        if (error instanceof Error && "code" in error && error.code === "EEXIST") continue;
        throw error;
      }
      this.copies.push({ staged, folder });
      return staged;
    }
  }
}

/** What a scan of the output folder says about one path. */
type Seen = "absent" | "file" | "unknown";

interface FolderScan {
  /** "absent" only when the folder's listing (or an ancestor's) proves that nothing has that name, in any case. */
  lookup(folder: string, name: string): Seen;
  /** Relative paths (platform separators) of every `.ts` and `.js` file found (what mof2ts may have generated), sorted. */
  codeFiles(): string[];
}

/** For a run that owns no folder: every path is looked at on its own, and no file is stale. */
const unscannedFolder: FolderScan = { lookup: () => "unknown", codeFiles: () => [] };

/**
 * Lists `root` and its folders (not `node_modules`, hidden folders or symbolic links) once. Names are
 * compared case-insensitively, so on a case-insensitive file system a file differing only in case is
 * never taken for absent.
 */
function scanFolder(root: string): FolderScan {
  // Lower-cased name → entry; null when two names differ only in case (then neither is trusted).
  const listings = new Map<string, Map<string, Dirent | null>>();
  const code: string[] = [];
  const walk = (dir: string): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      if (isNotFound(error)) return;
      throw new OutputError("read", dir, messageOf(error));
    }
    const byName = new Map<string, Dirent | null>();
    listings.set(dir, byName);
    for (const entry of entries) {
      const lower = entry.name.toLowerCase();
      byName.set(lower, byName.has(lower) ? null : entry);
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "node_modules" && !entry.name.startsWith(".")) walk(full);
      } else if (entry.isFile() && /\.[jt]s$/.test(entry.name)) {
        code.push(path.relative(root, full));
      }
    }
  };
  walk(root);
  const rootMissing = !listings.has(root) && !exists(root);
  const lookup = (folder: string, name: string): Seen => {
    const listing = listings.get(folder);
    if (listing === undefined) {
      if (folder === root) return rootMissing ? "absent" : "unknown";
      const parent = path.dirname(folder);
      if (parent === folder || !folder.startsWith(root)) return "unknown";
      // A folder the scan did not enter: absent when its parent proves it absent.
      return lookup(parent, path.basename(folder)) === "absent" ? "absent" : "unknown";
    }
    const entry = listing.get(name.toLowerCase());
    if (entry === undefined) return "absent";
    return entry !== null && entry.name === name && entry.isFile() ? "file" : "unknown";
  };
  return { lookup, codeFiles: () => code.sort() };
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
function refuseOutsideRealRoot(realRoot: string, target: string, real: string): void {
  const rel = path.relative(realRoot, real);
  if (rel === "" || rel.startsWith("..") || path.isAbsolute(rel)) {
    throw new OutputError("write", target, `a symbolic link leads it to '${real}', outside the output folder; nothing was written`);
  }
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

function statIfExists(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
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
