/**
 * The compiler's only door to the outside world. `compile` reads through a host, so the library works
 * on disk (`nodeHost`) and in memory (`memoryHost`, used by tests and by callers that hold MOF text).
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import * as path from "node:path";

export interface CompilerHost {
  /** Raw bytes of a file, or undefined when it does not exist or cannot be read. */
  readFile(fileName: string): Uint8Array | undefined;
  fileExists(fileName: string): boolean;
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
        return existsSync(fileName) && statSync(fileName).isFile();
      } catch {
        return false;
      }
    },
    resolve: (from, relative) => path.normalize(path.join(from, relative)),
    dirname: (fileName) => path.dirname(fileName),
  };
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
    resolve: (from, relative) => path.posix.normalize(path.posix.join(from, relative.replace(/\\/g, "/"))),
    dirname: (fileName) => path.posix.dirname(fileName),
  };
}
