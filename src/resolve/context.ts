/**
 * What every resolve step shares: the options, the diagnostics being collected, and source locations.
 */
import {
  createDiagnostic,
  type Diagnostic,
  type RelatedInformation,
  type Severity,
  type Span,
} from "../diagnostics/diagnostic.js";
import type { DiagnosticDefinition } from "../diagnostics/codes.js";
import type { SourceLookup } from "../diagnostics/format.js";
import type { SourceLocation } from "../model/schema.js";
import { ValueMapCache } from "./value-maps.js";
import type { SourceFile } from "../diagnostics/source-file.js";
import { closestName } from "./did-you-mean.js";

export interface ResolveContext {
  readonly strict: boolean;
  readonly diagnostics: Diagnostic[];
  /** While resolving base-schema content, diagnostics are dropped: the inputs are what is checked. */
  quiet: boolean;
  report(
    def: DiagnosticDefinition,
    span: Span | undefined,
    args?: readonly unknown[],
    extra?: { related?: readonly RelatedInformation[]; severity?: Severity; hint?: string },
  ): void;
  location(span: Span): SourceLocation;
  /** Value maps built without any problem, by element type and map text (see value-maps.ts). */
  readonly valueMaps: ValueMapCache;
  /** "Did you mean" for `name` among `candidates`; after a budget of suggestions it stops looking, so
   *  thousands of errors in a huge schema cannot turn into a quadratic scan. */
  suggest(name: string, candidates: () => Iterable<string>): string | undefined;
}

/** How many "did you mean" searches one resolve call makes at most. */
const suggestionBudget = 200;

export function createContext(strict: boolean, sources: SourceLookup | undefined): ResolveContext {
  const diagnostics: Diagnostic[] = [];
  let suggestions = 0;
  const counters = new Map<string, LineCounter | null>();
  let lastFile: string | undefined;
  let lastCounter: LineCounter | null = null;
  const context: ResolveContext = {
    strict,
    diagnostics,
    quiet: false,
    valueMaps: new ValueMapCache(),
    report(def, span, args = [], extra = {}) {
      if (!context.quiet) diagnostics.push(createDiagnostic(def, span, args, extra));
    },
    suggest(name, candidates) {
      if (context.quiet || suggestions >= suggestionBudget) return undefined;
      suggestions++;
      return closestName(name, candidates());
    },
    location(span) {
      // Consecutive calls almost always ask about the same file.
      if (span.file !== lastFile) {
        lastFile = span.file;
        let counter = counters.get(span.file);
        if (counter === undefined) {
          const source = sources?.(span.file);
          counter = source === undefined ? null : new LineCounter(source);
          counters.set(span.file, counter);
        }
        lastCounter = counter;
      }
      return { file: span.file, line: lastCounter === null ? 0 : lastCounter.lineAt(span.start), span };
    },
  };
  return context;
}

/**
 * The 1-based line of an offset, as `SourceFile.positionAt` counts lines (a break is LF, CRLF or a lone
 * CR), found by counting breaks from the previously asked offset. Resolve asks in source order almost
 * always, so the whole file is scanned about once, with native `indexOf`, and no line table is built.
 * A far jump (classes built in inheritance order, not file order) asks the file's line table instead,
 * so no order of questions costs more than a bounded scan each.
 */
export class LineCounter {
  private readonly text: string;
  private readonly hasCarriageReturns: boolean;
  private offset = 0;
  private line = 1;
  /** Position of the first LF at or after `offset` (-1: none): offsets up to it are on `line`. */
  private nextBreak: number;

  constructor(private readonly source: SourceFile) {
    this.text = source.text;
    this.hasCarriageReturns = this.text.indexOf("\r") >= 0;
    this.nextBreak = this.text.indexOf("\n");
  }

  lineAt(offset: number): number {
    if (offset - this.offset > farJump || this.offset - offset > farJump) {
      this.line = this.source.positionAt(offset).line;
      this.offset = offset;
      this.nextBreak = this.text.indexOf("\n", Math.max(0, offset));
      return this.line;
    }
    if (!this.hasCarriageReturns && offset >= this.offset) {
      // Forward in an LF-only file, the usual case: often still on the same line, no search at all.
      const text = this.text;
      let line = this.line;
      let next = this.nextBreak;
      while (next !== -1 && next < offset) {
        line++;
        next = text.indexOf("\n", next + 1);
      }
      this.line = line;
      this.nextBreak = next;
      this.offset = offset;
      return line;
    }
    if (offset >= this.offset) this.line += this.breaksIn(this.offset, offset);
    else this.line -= this.breaksIn(offset, this.offset);
    this.offset = offset;
    this.nextBreak = this.text.indexOf("\n", Math.max(0, offset));
    return this.line;
  }

  /** Line breaks whose next line starts in (from, to]: LFs and lone CRs at positions in [from, to). */
  private breaksIn(from: number, to: number): number {
    const text = this.text;
    let count = 0;
    for (let at = text.indexOf("\n", from); at !== -1 && at < to; at = text.indexOf("\n", at + 1)) count++;
    if (this.hasCarriageReturns) {
      for (let at = text.indexOf("\r", from); at !== -1 && at < to; at = text.indexOf("\r", at + 1)) {
        if (text.charCodeAt(at + 1) !== 10) count++;
      }
    }
    return count;
  }
}

/** Distance (UTF-16 units) beyond which LineCounter looks a line up instead of counting breaks. */
const farJump = 1 << 16;

/** "first declared here" style related information. */
export function related(message: string, span: Span | undefined): RelatedInformation[] {
  return span === undefined ? [] : [{ message, span }];
}
