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

/** One step of the include chain: a file and the directive that brought it in (none for an input). */
interface ChainLink {
  readonly key: string;
  readonly name: string;
  readonly via: PragmaDirective | undefined;
}

const absolutePath = /^(?:[a-zA-Z]:)?[\\/]/;

/**
 * Deepest include chain followed (input file included). Loading recurses once per level, so an
 * unbounded chain would overflow the stack; real schemas nest 2 or 3 levels (CIM_Schema.mof -> Core).
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

  private keyOf(name: string): string {
    return attempt(() => this.host.resolve(".", name), name);
  }

  /**
   * Loads `name` once. `key` and `prefetched` bytes come from `include`, which already computed the
   * key and (with a host that has `readFileIfExists`) read the file while looking for it.
   */
  load(
    name: string,
    via: PragmaDirective | undefined,
    key = this.keyOf(name),
    prefetched?: Uint8Array,
  ): MofFile | undefined {
    if (this.loaded.has(key)) return this.loaded.get(key);
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
      this.diagnostics.push(
        createDiagnostic(
          Diagnostics.BinaryFile,
          { file: name, start: 0, end: 0 },
          [decoded.reason],
          { related: this.related() },
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
    this.chain.push({ key, name, via });
    let folder: string | undefined;
    for (const statement of parsed.file.statements) {
      if (statement.kind === "PragmaDirective" && statement.name.name.toLowerCase() === "include") {
        folder ??= attempt(() => this.host.dirname(name), undefined);
        this.include(statement, name, folder);
      }
    }
    this.chain.pop();
    return parsed.file;
  }

  private include(pragma: PragmaDirective, includer: string, folder: string | undefined): void {
    const arg = pragma.args[0];
    if (arg === undefined || arg.kind !== "StringLiteral" || pragma.args.length !== 1) {
      this.diagnostics.push(createDiagnostic(Diagnostics.IncludeArgument, pragma.span));
      return;
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
      return;
    }
    const { name: foundName, key, bytes } = found;
    const cycleStart = this.chain.findIndex((link) => link.key === key);
    if (cycleStart >= 0) {
      const names = [...this.chain.slice(cycleStart).map((link) => link.name), foundName];
      this.diagnostics.push(
        createDiagnostic(Diagnostics.IncludeCycle, arg.span, [names.join(" -> ")], {
          related: this.related(),
        }),
      );
      return;
    }
    if (this.chain.length >= maxIncludeDepth) {
      const first = this.chain[0]?.name ?? includer;
      const shown = [first, "…", includer, foundName].join(" -> ");
      this.diagnostics.push(
        createDiagnostic(Diagnostics.IncludeTooDeep, arg.span, [String(maxIncludeDepth), shown], {
          related: this.related(),
        }),
      );
      return;
    }
    const file = this.load(foundName, pragma, key, bytes);
    if (file !== undefined) this.includes.set(pragma, file);
  }

  /**
   * The first candidate that is a file, with its key and, when the host can read in the same step,
   * its bytes. A candidate already loaded is known to exist and is not read again.
   */
  private findInclude(
    candidates: readonly string[],
  ): { name: string; key: string; bytes: Uint8Array | undefined } | undefined {
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
