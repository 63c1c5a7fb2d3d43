/**
 * The compiler host the CLI uses: the real file system, with relative names resolved against the CLI's
 * working folder (which tests set) while diagnostics keep the names as the user typed them.
 */
import * as path from "node:path";
import { nodeHost, type CompilerHost } from "../host.js";

/** Called with the absolute path and the bytes of every file the compiler reads. */
export type ReadObserver = (file: string, bytes: Uint8Array) => void;

export function cliHost(cwd: string, observe?: ReadObserver): CompilerHost {
  const base = nodeHost();
  const absolute = (name: string) => path.resolve(cwd, name);
  const seen = (file: string, bytes: Uint8Array | undefined) => {
    if (bytes !== undefined) observe?.(file, bytes);
    return bytes;
  };
  return {
    readFile: (name) => {
      const file = absolute(name);
      return seen(file, base.readFile(file));
    },
    fileExists: (name) => base.fileExists(absolute(name)),
    // One open per include instead of a stat and then a read.
    readFileIfExists: (name) => {
      const file = absolute(name);
      return seen(file, base.readFileIfExists?.(file));
    },
    resolve: base.resolve,
    dirname: base.dirname,
  };
}
