/**
 * A parsed program: the input files plus every file they include, each parsed once. `resolve` walks the
 * roots in order and descends into an included file where its `#pragma include` stands, so pragmas such
 * as `namespace` carry into included files exactly as mofcomp applies them.
 */
import type { MofFile, PragmaDirective } from "./nodes.js";

export interface Program {
  /** The input files in the order given. */
  readonly roots: readonly MofFile[];
  /** Each successfully resolved `#pragma include` directive -> the included file's tree. */
  readonly includes: ReadonlyMap<PragmaDirective, MofFile>;
}
