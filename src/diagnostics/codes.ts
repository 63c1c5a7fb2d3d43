/**
 * The one table of diagnostic codes. Bands (each in its own file so stages can grow independently):
 *   10xx lexer / file decoding, 11xx parser            -> codes/syntax.ts
 *   20xx names & duplicates, 21xx qualifier types, 22xx flavors, 23xx inheritance,
 *   24xx ValueMap/Values, 25xx instances & aliases, 26xx references -> codes/semantic.ts
 *   30xx files & includes                              -> codes/files.ts
 *   40xx emit                                          -> codes/emit.ts
 *   50xx CLI & options                                 -> codes/cli.ts
 * Codes never change once released; a test checks that they are unique and inside their band.
 */
import { syntaxCodes } from "./codes/syntax.js";
import { semanticCodes } from "./codes/semantic.js";
import { fileCodes } from "./codes/files.js";
import { emitCodes } from "./codes/emit.js";
import { cliCodes } from "./codes/cli.js";

export interface DiagnosticDefinition {
  readonly code: number;
  readonly severity: "error" | "warning" | "info";
  /** Message template with `{0}`, `{1}`… placeholders; one sentence ending with a period. */
  readonly message: string;
  /** Optional hint template, shown under the code frame. */
  readonly hint?: string;
  /** Shown only with --verbose (a note about a choice mof2ts made, never a problem). */
  readonly verboseOnly?: boolean;
}

export const Diagnostics = {
  ...syntaxCodes,
  ...semanticCodes,
  ...fileCodes,
  ...emitCodes,
  ...cliCodes,
} as const satisfies Record<string, DiagnosticDefinition>;

export type DiagnosticName = keyof typeof Diagnostics;

/** Codes printed only with --verbose (`MOF2308`, …). */
export const verboseOnlyCodes: ReadonlySet<string> = new Set(
  Object.values(Diagnostics as Record<string, DiagnosticDefinition>)
    .filter((def) => def.verboseOnly === true)
    .map((def) => `MOF${def.code}`),
);
