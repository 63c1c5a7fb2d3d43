/**
 * Shared by the end-to-end decode tests: run the built CLI on a fixture, load a generated decoder, and
 * unwrap its result. Generated code is imported at run time, so the types here are the decoders' shape.
 */
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { expect } from "vitest";

export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

export interface DecodeError {
  readonly path: string;
  readonly expected: string;
  readonly got: string;
}
export type Decoded = { readonly ok: true; readonly value: Record<string, unknown> } | { readonly ok: false; readonly errors: readonly DecodeError[] };
export type Decoder = (raw: unknown, options?: Record<string, unknown>) => Decoded;

/** Generates TypeScript for a repo-relative MOF file into `outDir` (emptied first) with the built CLI. */
export function generateWithCli(mof: string, outDir: string): void {
  rmSync(outDir, { recursive: true, force: true });
  const run = spawnSync(process.execPath, [join(repoRoot, "bin/mof2ts.js"), mof, "-o", outDir, "--quiet"], {
    cwd: repoRoot,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
}

/** The decoder `name` exported by the generated `file` in `dir`. */
export async function loadDecoder(dir: string, file: string, name: string): Promise<Decoder> {
  const module = (await import(pathToFileURL(join(dir, file)).href)) as Record<string, unknown>;
  const found = module[name];
  if (typeof found !== "function") throw new Error(`${file} does not export ${name}`);
  return found as Decoder;
}

export function valueOf(result: Decoded): Record<string, unknown> {
  if (!result.ok) throw new Error(`decoding failed: ${JSON.stringify(result.errors)}`);
  return result.value;
}

export function errorsOf(result: Decoded): readonly DecodeError[] {
  if (result.ok) throw new Error("decoding succeeded unexpectedly");
  return result.errors;
}
