/**
 * A decoded source file. Line and column are computed lazily from offsets (binary search over line
 * starts) so the lexer and parser only ever track offsets.
 */
export interface Position {
  /** 1-based line. */
  readonly line: number;
  /** 1-based column, counted in UTF-16 code units (as TypeScript does). */
  readonly column: number;
}

export class SourceFile {
  private starts: number[] | undefined;

  constructor(
    /** The name used in diagnostics: the path as the user gave it, or as resolved from an include. */
    readonly name: string,
    readonly text: string,
  ) {}

  /** Offsets at which each line starts (after LF, CRLF or lone CR). */
  get lineStarts(): readonly number[] {
    if (this.starts === undefined) {
      const starts = [0];
      const text = this.text;
      if (text.indexOf("\r") < 0) {
        // LF-only text (the usual case): native search instead of a loop over every character.
        for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1)) starts.push(at + 1);
      } else {
        for (let i = 0; i < text.length; i++) {
          const ch = text.charCodeAt(i);
          if (ch === 10) starts.push(i + 1);
          else if (ch === 13) {
            if (text.charCodeAt(i + 1) === 10) i++;
            starts.push(i + 1);
          }
        }
      }
      this.starts = starts;
    }
    return this.starts;
  }

  positionAt(offset: number): Position {
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  }

  /** The text of a 1-based line, without its line break. */
  lineText(line: number): string {
    const starts = this.lineStarts;
    const start = starts[line - 1];
    if (start === undefined) return "";
    const end = starts[line] ?? this.text.length;
    return this.text.slice(start, end).replace(/\r?\n$|\r$/, "");
  }
}
