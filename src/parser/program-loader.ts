/**
 * Reads the input files through a host, decodes them, parses them, and follows `#pragma include`
 * (relative to the including file's folder, then each include directory in order). Each file is read
 * and parsed once, however often it is included; include cycles and missing files are diagnostics
 * whose `related` entries show the include chain.
 */
import type { CompilerHost } from "../host.js";
import {
  createDiagnostic,
  type Diagnostic,
  type RelatedInformation,
} from "../diagnostics/diagnostic.js";
import { Diagnostics } from "../diagnostics/codes.js";
import { syntaxHints } from "../diagnostics/codes/syntax.js";
import { SourceFile } from "../diagnostics/source-file.js";
import { appendAll } from "../diagnostics/append.js";
import type { Program } from "../ast/program.js";
import type { MofFile, PragmaDirective } from "../ast/nodes.js";
import { decodeBytes } from "../lexer/decode.js";
import { parse } from "./parse.js";

export interface LoadOptions {
  readonly host: CompilerHost;
  /** `-I` folders, searched in order after the including file's folder. */
  readonly includeDirs?: readonly string[];
}

export interface LoadResult {
  readonly program: Program;
  /** Every decoded file by name, for code frames in diagnostics. */
  readonly sources: ReadonlyMap<string, SourceFile>;
  readonly diagnostics: readonly Diagnostic[];
}

/** Loads `inputs` and everything they include. Never throws for bad input. */
export function loadProgram(inputs: readonly string[], options: LoadOptions): LoadResult {
  const loader = new ProgramLoader(options);
  const roots: MofFile[] = [];
  for (const input of inputs) {
    const file = loader.load(input, undefined);
    if (file !== undefined) roots.push(file);
  }
  return {
    program: { roots, includes: loader.includes },
    sources: loader.sources,
    diagnostics: loader.diagnostics,
  };
}

/**
 * One step of the include chain: a file, the directive that brought it in (none for an input), and how
 * far its own includes have been followed.
 */
interface ChainLink {
  readonly key: string;
  readonly name: string;
  readonly via: PragmaDirective | undefined;
  readonly file: MofFile;
  /** Index of the next statement to look at for `#pragma include`. */
  next: number;
  /** The file's folder, once asked (`null` until then). */
  folder: string | undefined | null;
}

/** A file an include resolved to, with its bytes when the host read them while looking. */
interface IncludeTarget {
  readonly name: string;
  readonly key: string;
  readonly bytes: Uint8Array | undefined;
}

/** The next `#pragma include` of the file at `link`, advancing past it; undefined when none is left. */
function nextInclude(link: ChainLink): PragmaDirective | undefined {
  const statements = link.file.statements;
  while (link.next < statements.length) {
    const statement = statements[link.next++]!;
    if (statement.kind === "PragmaDirective" && statement.name.name.toLowerCase() === "include")
      return statement;
  }
  return undefined;
}

const absolutePath = /^(?:[a-zA-Z]:)?[\\/]/;

/**
 * Deepest include chain followed (input file included). Includes are followed with an explicit stack,
 * not recursion, but each level still holds a parsed file; real schemas nest 2 or 3 levels
 * (CIM_Schema.mof -> Core).
 */
export const maxIncludeDepth = 2048;

/** A host is user code: one that throws is treated as one that found nothing (loadProgram never throws). */
function attempt<T>(action: () => T, fallback: T): T {
  try {
    return action();
  } catch {
    return fallback;
  }
}

class ProgramLoader {
  readonly includes = new Map<PragmaDirective, MofFile>();
  readonly sources = new Map<string, SourceFile>();
  readonly diagnostics: Diagnostic[] = [];
  private readonly host: CompilerHost;
  private readonly includeDirs: readonly string[];
  /** Parsed files by normalized name; `undefined` records a file that could not be read. */
  private readonly loaded = new Map<string, MofFile | undefined>();
  private readonly chain: ChainLink[] = [];

  constructor(options: LoadOptions) {
    this.host = options.host;
    this.includeDirs = options.includeDirs ?? [];
  }

  /**
   * A file's identity for "read once" and cycle checks: its normalized name. An absolute name is
   * normalized on its own, since joining it onto "." drops its root ("/a/b" and "a/b" would be one file).
   */
  private keyOf(name: string): string {
    return attempt(() => (absolutePath.test(name) ? this.host.resolve(name, "") : this.host.resolve(".", name)), name);
  }

  /** Loads input `name` and, depth-first, everything it includes. Each file is read once. */
  load(name: string, via: PragmaDirective | undefined): MofFile | undefined {
    const key = this.keyOf(name);
    if (this.loaded.has(key)) return this.loaded.get(key);
    const root = this.read(name, via, key, undefined);
    if (root === undefined) return undefined;
    // An explicit stack, not recursion: a chain of thousands of includes must not exhaust the call
    // stack (the parser needs it at the deepest level too).
    const bottom = this.chain.length;
    this.chain.push({ key, name, via, file: root, next: 0, folder: null });
    while (this.chain.length > bottom) {
      const link = this.chain[this.chain.length - 1]!;
      const pragma = nextInclude(link);
      if (pragma === undefined) {
        this.chain.pop();
        // Recorded when the included file and everything below it are done, as a recursive walk would.
        if (this.chain.length > bottom && link.via !== undefined) this.includes.set(link.via, link.file);
        continue;
      }
      if (link.folder === null) link.folder = attempt(() => this.host.dirname(link.name), undefined);
      const target = this.includeTarget(pragma, link.name, link.folder);
      if (target === undefined) continue;
      if (this.loaded.has(target.key)) {
        const known = this.loaded.get(target.key);
        if (known !== undefined) this.includes.set(pragma, known);
        continue;
      }
      const file = this.read(target.name, pragma, target.key, target.bytes);
      if (file === undefined) continue;
      this.chain.push({ key: target.key, name: target.name, via: pragma, file, next: 0, folder: null });
    }
    return root;
  }

  /**
   * Reads, decodes and parses one file not seen before; records it under `key` (as unreadable when it
   * fails). `prefetched` bytes come from `includeTarget` when the host read the file while finding it.
   */
  private read(
    name: string,
    via: PragmaDirective | undefined,
    key: string,
    prefetched: Uint8Array | undefined,
  ): MofFile | undefined {
    this.loaded.set(key, undefined);
    const bytes = prefetched ?? attempt(() => this.host.readFile(name), undefined);
    if (bytes === undefined) {
      this.diagnostics.push(
        createDiagnostic(Diagnostics.FileNotFound, via?.span, [name], { related: this.related() }),
      );
      return undefined;
    }
    const decoded = decodeBytes(bytes);
    if (!decoded.ok) {
      // A text file with a stray NUL: point at it (the text is kept for the code frame, never parsed).
      const nul = decoded.nul;
      if (nul !== undefined) this.sources.set(name, new SourceFile(name, nul.text));
      this.diagnostics.push(
        createDiagnostic(
          Diagnostics.BinaryFile,
          nul === undefined ? { file: name, start: 0, end: 0 } : { file: name, start: nul.offset, end: nul.offset + 1 },
          [nul === undefined ? decoded.reason : `${decoded.reason}, the first one here`],
          { related: this.related(), ...(nul === undefined ? {} : { hint: syntaxHints.nulInText }) },
        ),
      );
      return undefined;
    }
    if (decoded.encoding === "windows-1252") {
      this.diagnostics.push(
        createDiagnostic(Diagnostics.NotUtf8, { file: name, start: 0, end: 0 }),
      );
    }
    if (decoded.repairedLineEnds === true) {
      this.diagnostics.push(
        createDiagnostic(Diagnostics.RepairedLineEnds, { file: name, start: 0, end: 0 }),
      );
    }
    this.sources.set(name, new SourceFile(name, decoded.text));
    const parsed = parse(decoded.text, name);
    appendAll(this.diagnostics, parsed.diagnostics);
    this.loaded.set(key, parsed.file);
    return parsed.file;
  }

  /**
   * Where an include points: checks the argument, finds the file, refuses cycles and chains deeper
   * than `maxIncludeDepth` (each a diagnostic, then undefined).
   */
  private includeTarget(
    pragma: PragmaDirective,
    includer: string,
    folder: string | undefined,
  ): IncludeTarget | undefined {
    const arg = pragma.args[0];
    if (arg === undefined || arg.kind !== "StringLiteral" || pragma.args.length !== 1) {
      this.diagnostics.push(createDiagnostic(Diagnostics.IncludeArgument, pragma.span));
      return undefined;
    }
    // Windows MOFs write `Core\\CIM_X.mof`; '/' works on every platform.
    const target = arg.value.replace(/\\/g, "/");
    const candidates = absolutePath.test(target)
      ? [target]
      : [
          folder === undefined
            ? target
            : attempt(() => this.host.resolve(folder, target), target),
          ...this.includeDirs.map((dir) => attempt(() => this.host.resolve(dir, target), target)),
        ];
    const found = this.findInclude(candidates);
    if (found === undefined) {
      this.diagnostics.push(
        createDiagnostic(
          Diagnostics.IncludeNotFound,
          arg.span,
          [arg.value, candidates.join(", ")],
          { related: this.related() },
        ),
      );
      return undefined;
    }
    const cycleStart = this.chain.findIndex((link) => link.key === found.key);
    if (cycleStart >= 0) {
      const names = [...this.chain.slice(cycleStart).map((link) => link.name), found.name];
      this.diagnostics.push(
        createDiagnostic(Diagnostics.IncludeCycle, arg.span, [names.join(" -> ")], {
          related: this.related(),
        }),
      );
      return undefined;
    }
    if (this.chain.length >= maxIncludeDepth) {
      const first = this.chain[0]?.name ?? includer;
      const shown = [first, "…", includer, found.name].join(" -> ");
      this.diagnostics.push(
        createDiagnostic(Diagnostics.IncludeTooDeep, arg.span, [String(maxIncludeDepth), shown], {
          related: this.related(),
        }),
      );
      return undefined;
    }
    return found;
  }

  /**
   * The first candidate that is a file, with its key and, when the host can read in the same step,
   * its bytes. A candidate already loaded is known to exist and is not read again.
   */
  private findInclude(candidates: readonly string[]): IncludeTarget | undefined {
    const host = this.host;
    for (const name of candidates) {
      const key = this.keyOf(name);
      if (this.loaded.get(key) !== undefined) return { name, key, bytes: undefined };
      if (host.readFileIfExists !== undefined) {
        const bytes = attempt(() => host.readFileIfExists?.(name), undefined);
        if (bytes !== undefined) return { name, key, bytes };
      }
      if (attempt(() => host.fileExists(name), false)) return { name, key, bytes: undefined };
    }
    return undefined;
  }

  /** "included from" entries for the current chain, innermost first. */
  private related(): RelatedInformation[] {
    const related: RelatedInformation[] = [];
    for (let i = this.chain.length - 1; i >= 0; i--) {
      const link = this.chain[i]!;
      if (link.via !== undefined)
        related.push({ message: `'${link.name}' is included from here`, span: link.via.span });
    }
    return related;
  }
}
