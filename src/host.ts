/**
 * The compiler's only door to the outside world. `compile` reads through a host, so the library works
 * on disk (`nodeHost`) and in memory (`memoryHost`, used by tests and by callers that hold MOF text).
 */
import { closeSync, constants, fstatSync, openSync, readFileSync, readSync, statSync } from "node:fs";
import * as path from "node:path";

export interface CompilerHost {
  /** Raw bytes of a file, or undefined when it does not exist or cannot be read. */
  readFile(fileName: string): Uint8Array | undefined;
  fileExists(fileName: string): boolean;
  /**
   * Optional shortcut for following includes: the bytes of `fileName` when it is a regular file, else
   * undefined. Hosts that have it save a separate existence check per include; when it answers
   * undefined the loader still asks `fileExists` (a file that exists but cannot be read stays an error).
   */
  readFileIfExists?(fileName: string): Uint8Array | undefined;
  /** Joins and normalizes paths the way this host names files. */
  resolve(fromDirectory: string, relative: string): string;
  dirname(fileName: string): string;
}

export function nodeHost(): CompilerHost {
  return {
    readFile(fileName) {
      try {
        return readFileSync(fileName);
      } catch {
        return undefined;
      }
    },
    fileExists(fileName) {
      try {
        return statSync(fileName, { throwIfNoEntry: false })?.isFile() ?? false;
      } catch {
        return false;
      }
    },
    readFileIfExists: readRegularFile,
    // `join` normalizes its result (a second `normalize` was one path walk per include for nothing).
    resolve: (from, relative) => path.join(from, relative),
    dirname: (fileName) => path.dirname(fileName),
  };
}

/** Non-blocking open: a FIFO named in an include must not wait for a writer (it is then not a file). */
const openForCheck = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** One open + fstat + read + close: the bytes of a regular file, undefined for anything else. */
function readRegularFile(fileName: string): Uint8Array | undefined {
  let fd: number;
  try {
    fd = openSync(fileName, openForCheck);
  } catch {
    return undefined;
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return undefined;
    const size = stats.size;
    // Size 0 may still have content (files under /proc): read to the end as readFileSync does.
    if (size === 0) return readFileSync(fd);
    const bytes = Buffer.allocUnsafe(size);
    let filled = 0;
    while (filled < size) {
      const count = readSync(fd, bytes, filled, size - filled, null);
      if (count === 0) break;
      filled += count;
    }
    return filled === size ? bytes : bytes.subarray(0, filled);
  } catch {
    return undefined;
  } finally {
    try {
      closeSync(fd);
    } catch {
      // Nothing to do: the bytes (if any) are already read.
    }
  }
}

/** An in-memory host over `files` (name -> text or bytes); names use `/` separators. */
export function memoryHost(files: Readonly<Record<string, string | Uint8Array>>): CompilerHost {
  const table = new Map<string, Uint8Array>();
  for (const [name, content] of Object.entries(files)) {
    table.set(path.posix.normalize(name), typeof content === "string" ? new TextEncoder().encode(content) : content);
  }
  return {
    readFile: (fileName) => table.get(path.posix.normalize(fileName)),
    fileExists: (fileName) => table.has(path.posix.normalize(fileName)),
    resolve: (from, relative) => path.posix.join(from, relative.replace(/\\/g, "/")),
    dirname: (fileName) => path.posix.dirname(fileName),
  };
}
