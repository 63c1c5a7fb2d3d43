/**
 * Renders diagnostics three ways:
 *  - plain:  `file:line:col: error MOF1101: message` (one line, for CI problem matchers), then indented
 *            `  hint: …` and related-location lines
 *  - pretty: location, message, a code frame with a caret under the offending text, then the hint
 *  - json:   an array of objects with 1-based positions, for tools and CI annotations
 */
import type { Diagnostic, Span } from "./diagnostic.js";
import type { SourceFile } from "./source-file.js";

export type DiagnosticStyle = "plain" | "pretty" | "json";

/** Finds the decoded text of a file named in a span; diagnostics without a known file print no frame. */
export type SourceLookup = (fileName: string) => SourceFile | undefined;

export interface FormatOptions {
  readonly style?: DiagnosticStyle;
  /** ANSI colour for `pretty`; the CLI turns it on for terminals unless NO_COLOR is set. */
  readonly color?: boolean;
}

interface Location {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

function locate(span: Span | undefined, sources: SourceLookup): Location | undefined {
  if (span === undefined) return undefined;
  const source = sources(span.file);
  if (source === undefined) return { file: span.file, line: 0, column: 0, endLine: 0, endColumn: 0 };
  const start = source.positionAt(span.start);
  const end = source.positionAt(Math.max(span.start, span.end));
  return { file: span.file, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

function where(loc: Location | undefined): string {
  if (loc === undefined) return "mof2ts";
  const file = inert(loc.file);
  return loc.line > 0 ? `${file}:${loc.line}:${loc.column}` : file;
}

/**
 * Messages quote schema text and file names. Control characters in them would drive the terminal (ESC,
 * C1 controls) or forge extra `file:line:col: error` lines for CI problem matchers (line breaks), so
 * they are shown as `\u001b`-style escapes instead. Every text report (inspect, diff) uses this too.
 */
export function inert(text: string): string {
  return text.replace(
    /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

const ansi = {
  red: (s: string) => `\u001b[31m${s}\u001b[39m`,
  yellow: (s: string) => `\u001b[33m${s}\u001b[39m`,
  cyan: (s: string) => `\u001b[36m${s}\u001b[39m`,
  gray: (s: string) => `\u001b[90m${s}\u001b[39m`,
  bold: (s: string) => `\u001b[1m${s}\u001b[22m`,
};
const plainStyle = { red: id, yellow: id, cyan: id, gray: id, bold: id };
function id(s: string): string {
  return s;
}

/** Control characters and tabs would shift the caret; show them as single spaces. */
function visible(line: string): string {
  return line.replace(/[\t\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, " ");
}

function codeFrame(source: SourceFile, span: Span, c: typeof ansi): string[] {
  const start = source.positionAt(span.start);
  const end = source.positionAt(Math.max(span.start, span.end));
  // Cut before cleaning: a flood of diagnostics on one huge line must not rescan the whole line each time.
  const text = source.lineText(start.line);
  const shown = text.length > 200 ? visible(text.slice(0, 200)) + "…" : visible(text);
  const width = start.line === end.line ? Math.max(1, end.column - start.column) : Math.max(1, text.length - start.column + 1);
  const gutter = String(start.line);
  const pad = " ".repeat(gutter.length);
  const caretStart = Math.min(start.column - 1, shown.length);
  const caretWidth = Math.max(1, Math.min(width, shown.length - caretStart + 1));
  return [
    `${c.gray(gutter + " |")} ${shown}`,
    `${c.gray(pad + " |")} ${" ".repeat(caretStart)}${c.red("^".repeat(caretWidth))}`,
  ];
}

export function formatDiagnostic(d: Diagnostic, sources: SourceLookup, options: FormatOptions = {}): string {
  const style = options.style ?? "plain";
  const loc = locate(d.span, sources);
  if (style === "json") return JSON.stringify(toJson(d, loc, sources));
  if (style === "plain") {
    // The hint goes on its own indented line, which problem matchers skip: it often says the fix.
    const hint = d.hint === undefined ? "" : `\n  hint: ${inert(d.hint)}`;
    const related = (d.related ?? []).map((r) => `\n  ${where(locate(r.span, sources))}: ${inert(r.message)}`).join("");
    return `${where(loc)}: ${d.severity} ${d.code}: ${inert(d.message)}${hint}${related}`;
  }
  const c = options.color === true ? ansi : plainStyle;
  const sev = d.severity === "error" ? c.red("error") : d.severity === "warning" ? c.yellow("warning") : c.cyan("info");
  const lines = [`${c.cyan(where(loc))} - ${sev} ${c.gray(d.code)}: ${inert(d.message)}`];
  const source = d.span === undefined ? undefined : sources(d.span.file);
  if (source !== undefined && d.span !== undefined) lines.push("", ...codeFrame(source, d.span, c));
  if (d.hint !== undefined) lines.push(`${c.bold("hint")}: ${inert(d.hint)}`);
  for (const r of d.related ?? []) lines.push(`  ${c.gray(where(locate(r.span, sources)))}: ${inert(r.message)}`);
  return lines.join("\n");
}

export function formatDiagnostics(
  diagnostics: readonly Diagnostic[],
  sources: SourceLookup,
  options: FormatOptions = {},
): string {
  if (options.style === "json") {
    return JSON.stringify(
      diagnostics.map((d) => toJson(d, locate(d.span, sources), sources)),
      null,
      2,
    );
  }
  const sep = options.style === "pretty" ? "\n\n" : "\n";
  return diagnostics.map((d) => formatDiagnostic(d, sources, options)).join(sep);
}

function toJson(d: Diagnostic, loc: Location | undefined, sources: SourceLookup) {
  return {
    code: d.code,
    severity: d.severity,
    message: d.message,
    ...(d.hint === undefined ? {} : { hint: d.hint }),
    ...(loc === undefined ? {} : loc),
    related: (d.related ?? []).map((r) => ({ message: r.message, ...(locate(r.span, sources) ?? {}) })),
  };
}
