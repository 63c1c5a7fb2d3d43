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
  /** "Did you mean" for `name` among `candidates`; after a budget of suggestions it stops looking, so
   *  thousands of errors in a huge schema cannot turn into a quadratic scan. */
  suggest(name: string, candidates: () => Iterable<string>): string | undefined;
}

/** How many "did you mean" searches one resolve call makes at most. */
const suggestionBudget = 200;

export function createContext(strict: boolean, sources: SourceLookup | undefined): ResolveContext {
  const diagnostics: Diagnostic[] = [];
  let suggestions = 0;
  let lastFile: string | undefined;
  let lastSource: SourceFile | undefined;
  const context: ResolveContext = {
    strict,
    diagnostics,
    quiet: false,
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
        lastSource = sources?.(span.file);
      }
      const line = lastSource === undefined ? 0 : lastSource.positionAt(span.start).line;
      return { file: span.file, line, span };
    },
  };
  return context;
}

/** "first declared here" style related information. */
export function related(message: string, span: Span | undefined): RelatedInformation[] {
  return span === undefined ? [] : [{ message, span }];
}
