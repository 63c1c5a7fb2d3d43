/**
 * A hostile-input case: some files, what to compile, and what must come out. `errors` lists codes that
 * must be reported (the run fails); `ok` means the run succeeds, with `warnings` that must be reported.
 * `check` adds case-specific assertions on the result.
 */
import type { CompileResult } from "../../../src/compile.js";

export type Expectation =
  | { readonly errors: readonly string[] }
  | { readonly ok: true; readonly warnings?: readonly string[] };

export interface HostileCase {
  readonly name: string;
  readonly files: Readonly<Record<string, string | Uint8Array>>;
  /** Defaults to `["main.mof"]`. */
  readonly inputs?: readonly string[];
  readonly includeDirs?: readonly string[];
  readonly expect: Expectation;
  readonly check?: (result: CompileResult) => void;
  /**
   * KNOWN BUG: the expectation is right but the code does not meet it yet. The case runs as
   * `it.fails` (so the suite stays green and flags the day it gets fixed); the text names the owner.
   */
  readonly bug?: string;
}

/** A case whose only file is `main.mof`. */
export function mof(name: string, text: string | Uint8Array, expect: Expectation, check?: HostileCase["check"]): HostileCase {
  return { name, files: { "main.mof": text }, expect, ...(check === undefined ? {} : { check }) };
}

/** Marks a case as a known bug (see `HostileCase.bug`). */
export function knownBug(bug: string, c: HostileCase): HostileCase {
  return { ...c, bug };
}

export const errors = (...codes: string[]): Expectation => ({ errors: codes });
export const ok = (...warnings: string[]): Expectation => ({ ok: true, warnings });
