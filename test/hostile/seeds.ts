/**
 * The MOF files fuzzing starts from: every `fixtures/**\/*.mof` written by the team (hostile seeds
 * included), read as bytes. Large files are skipped so one run stays within its time budget.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

export interface Seed {
  /** Path relative to the repository, `/`-separated. */
  readonly name: string;
  readonly bytes: Uint8Array;
}

const maxSeedBytes = 64 * 1024;

export function loadSeeds(): Seed[] {
  const root = path.join(repoRoot, "fixtures");
  const seeds: Seed[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && /\.(mof|mfl)$/i.test(entry.name) && statSync(full).size <= maxSeedBytes) {
        seeds.push({ name: path.relative(repoRoot, full).split(path.sep).join("/"), bytes: readFileSync(full) });
      }
    }
  };
  walk(root);
  return seeds;
}
