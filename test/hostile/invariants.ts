/**
 * What every compile result must satisfy, whatever the input: well-formed diagnostics from the code
 * table, spans inside their files, `failed` exactly when an error was reported, a schema whenever the
 * run did not fail, and diagnostics that render in every style without throwing.
 */
import { expect } from "vitest";
import { hasErrors, type Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { formatDiagnostics } from "../../src/diagnostics/format.js";
import type { CompileResult } from "../../src/compile.js";

/** Every code in the table, as `MOFnnnn`, read once. */
export async function knownCodes(): Promise<ReadonlySet<string>> {
  const { Diagnostics } = await import("../../src/diagnostics/codes.js");
  return new Set(Object.values(Diagnostics).map((d) => `MOF${d.code}`));
}

export function expectWellFormedDiagnostic(d: Diagnostic, result: CompileResult, codes: ReadonlySet<string>): void {
  expect(d.code, JSON.stringify(d)).toMatch(/^MOF\d{4}$/);
  expect(codes.has(d.code), `${d.code} is not in the code table`).toBe(true);
  expect(["error", "warning", "info"]).toContain(d.severity);
  expect(d.message.length).toBeGreaterThan(0);
  if (d.span !== undefined) {
    expect(d.span.start, JSON.stringify(d)).toBeGreaterThanOrEqual(0);
    expect(d.span.end, JSON.stringify(d)).toBeGreaterThanOrEqual(d.span.start);
    const source = result.sources.get(d.span.file);
    if (source !== undefined) expect(d.span.end, JSON.stringify(d)).toBeLessThanOrEqual(source.text.length);
  }
}

/** Asserts the invariants of any compile result. */
export function expectSaneResult(result: CompileResult, codes: ReadonlySet<string>): void {
  for (const d of result.diagnostics) expectWellFormedDiagnostic(d, result, codes);
  expect(result.failed).toBe(hasErrors(result.diagnostics));
  if (!result.failed) expect(result.schema).toBeDefined();
  const lookup = (name: string) => result.sources.get(name);
  for (const style of ["plain", "pretty", "json"] as const) {
    expect(() => formatDiagnostics(result.diagnostics, lookup, { style })).not.toThrow();
  }
}
