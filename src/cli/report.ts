/**
 * Prints diagnostics and status lines. Diagnostics and status go to stderr; stdout carries only the
 * command's data (inspect, diff), so `mof2ts diff a b --format json > d.json` stays clean.
 * Pretty (code frames) on a terminal, coloured unless NO_COLOR is set; plain lines otherwise; JSON on request.
 */
import { formatDiagnostics, type DiagnosticStyle } from "../diagnostics/format.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { SourceFile } from "../diagnostics/source-file.js";
import { appendAll } from "../diagnostics/append.js";
import { verboseOnlyCodes } from "../diagnostics/codes.js";
import type { ChunkSink } from "../model/utf8-output.js";
import type { CliIo } from "./io.js";

export interface ReportSettings {
  /** Absent: pretty on a terminal, plain otherwise. */
  readonly style?: DiagnosticStyle;
  readonly quiet?: boolean;
  readonly verbose?: boolean;
}

export class Reporter {
  private readonly pending: Diagnostic[] = [];
  private readonly sources = new Map<string, SourceFile>();
  readonly style: DiagnosticStyle;
  private readonly color: boolean;

  constructor(
    private readonly io: CliIo,
    private readonly settings: ReportSettings = {},
  ) {
    this.style = settings.style ?? (io.stderr.isTTY ? "pretty" : "plain");
    const noColor = io.env["NO_COLOR"] !== undefined && io.env["NO_COLOR"] !== "";
    this.color = this.style === "pretty" && io.stderr.isTTY && !noColor;
  }

  get quiet(): boolean {
    return this.settings.quiet === true;
  }

  get verbose(): boolean {
    return this.settings.verbose === true && !this.quiet;
  }

  /** Queues diagnostics (printed together by `flush`, so JSON output is one array). */
  add(diagnostics: readonly Diagnostic[], sources?: ReadonlyMap<string, SourceFile>): void {
    appendAll(this.pending, diagnostics);
    for (const [name, file] of sources ?? []) this.sources.set(name, file);
  }

  /** Prints queued diagnostics (errors only when quiet; notes such as MOF2308 only when verbose) and a count line; returns how many errors there were. */
  flush(): number {
    const shown = this.pending.filter((d) =>
      this.quiet ? d.severity === "error" : this.verbose || !verboseOnlyCodes.has(d.code),
    );
    const errors = this.pending.filter((d) => d.severity === "error").length;
    const warnings = this.pending.filter((d) => d.severity === "warning").length;
    this.pending.length = 0;
    const lookup = (name: string) => this.sources.get(name);
    if (this.style === "json") {
      if (shown.length > 0 || this.settings.style === "json") {
        this.io.stderr.write(formatDiagnostics(shown, lookup, { style: "json" }) + "\n");
      }
      return errors;
    }
    if (shown.length === 0) return errors;
    this.io.stderr.write(formatDiagnostics(shown, lookup, { style: this.style, color: this.color }) + "\n");
    if (this.style === "pretty" && !this.quiet) this.io.stderr.write(`\n${countLine(errors, warnings)}\n`);
    return errors;
  }

  /** A status line on stderr, unless quiet or diagnostics are JSON (then stderr is for the JSON only). */
  status(line: string): void {
    if (this.quiet || this.style === "json") return;
    this.flush(); // diagnostics of the step first, so the status line comes last
    this.io.stderr.write(line + "\n");
  }

  /** Detail for --verbose. */
  detail(line: string): void {
    if (this.verbose && this.style !== "json") this.io.stderr.write(line + "\n");
  }

  /** The command's data on stdout, ending with a line break. */
  data(text: string): void {
    this.io.stdout.write(text.endsWith("\n") ? text : text + "\n");
  }

  /** Data of many megabytes, produced as chunks of UTF-8 through the sink `produce` is given: written
   *  as it comes when the stream takes bytes, else decoded and written as one text. */
  dataChunks(produce: (sink: ChunkSink) => void): void {
    const stdout = this.io.stdout;
    const writeBytes = stdout.writeBytes;
    let endsLine = false;
    if (writeBytes === undefined) {
      const decoder = new TextDecoder();
      let text = "";
      produce((chunk) => {
        text += decoder.decode(chunk, { stream: true });
        return true;
      });
      this.data(text + decoder.decode());
      return;
    }
    produce((chunk) => {
      endsLine = chunk[chunk.length - 1] === 0x0a;
      return writeBytes.call(stdout, chunk);
    });
    if (!endsLine) stdout.write("\n");
  }
}

function countLine(errors: number, warnings: number): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  return `Found ${plural(errors, "error")} and ${plural(warnings, "warning")}.`;
}
