/**
 * The compiler host the CLI uses: the real file system, with relative names resolved against the CLI's
 * working folder (which tests set) while diagnostics keep the names as the user typed them.
 */
import * as path from "node:path";
import { nodeHost, type CompilerHost } from "../host.js";

export function cliHost(cwd: string): CompilerHost {
  const base = nodeHost();
  const absolute = (name: string) => path.resolve(cwd, name);
  return {
    readFile: (name) => base.readFile(absolute(name)),
    fileExists: (name) => base.fileExists(absolute(name)),
    // One open per include instead of a stat and then a read.
    readFileIfExists: (name) => base.readFileIfExists?.(absolute(name)),
    resolve: base.resolve,
    dirname: base.dirname,
  };
}
