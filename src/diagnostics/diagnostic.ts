/**
 * Diagnostics as data. Every stage reports problems as `Diagnostic` values; nothing throws for bad input.
 * Messages come from the one code table (`codes.ts`); call sites never hand-write message text.
 */
import type { DiagnosticDefinition } from "./codes.js";

/** A range of source text: UTF-16 offsets into the decoded file text, `end` exclusive. */
export interface Span {
  readonly file: string;
  readonly start: number;
  readonly end: number;
}

export type Severity = "error" | "warning" | "info";

export interface RelatedInformation {
  readonly message: string;
  readonly span?: Span;
}

export interface Diagnostic {
  /** Stable code such as `MOF1101`; never reused or renumbered once released. */
  readonly code: `MOF${number}`;
  readonly severity: Severity;
  /** One sentence, ending with a period. */
  readonly message: string;
  /** What the user can do about it. */
  readonly hint?: string;
  readonly span?: Span;
  /** "first declared here", "included from", … */
  readonly related?: readonly RelatedInformation[];
}

/** Fills `{0}`, `{1}`… in a message template. */
export function formatMessage(template: string, args: readonly unknown[]): string {
  return template.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)] ?? ""));
}

/** Creates a diagnostic from the code table; `args` fill the message template's placeholders. */
export function createDiagnostic(
  def: DiagnosticDefinition,
  span: Span | undefined,
  args: readonly unknown[] = [],
  extra: { related?: readonly RelatedInformation[]; severity?: Severity; hint?: string } = {},
): Diagnostic {
  const hint = extra.hint ?? (def.hint === undefined ? undefined : formatMessage(def.hint, args));
  return {
    code: `MOF${def.code}`,
    severity: extra.severity ?? def.severity,
    message: formatMessage(def.message, args),
    ...(hint === undefined ? {} : { hint }),
    ...(span === undefined ? {} : { span }),
    ...(extra.related === undefined || extra.related.length === 0 ? {} : { related: extra.related }),
  };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

/** Orders diagnostics by file, then offset, then code: output is deterministic whatever the stage order. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      compare(a.span?.file ?? "", b.span?.file ?? "") ||
      (a.span?.start ?? -1) - (b.span?.start ?? -1) ||
      compare(a.code, b.code),
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
