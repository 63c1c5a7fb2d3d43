/**
 * generate(schema, options) -> generated TypeScript files (path + text). STUB: replaced by the emitter.
 */
import type { CimSchema } from "../model/schema.js";

export interface GeneratedFile {
  /** Relative to the output folder, `/`-separated. */
  readonly path: string;
  readonly text: string;
}

export interface GenerateOptions {
  /** `files` (default): a file per class plus index.ts; `single`: everything in one file. */
  readonly layout?: "files" | "single";
  /** File name for the single-file layout (default `index.ts`). */
  readonly singleFileName?: string;
  /** Emit every interface with all inherited properties instead of `extends`. */
  readonly flatten?: boolean;
  readonly enumStyle?: "enum" | "const";
  readonly int64?: "number" | "bigint" | "string";
  /** Prettier options to use instead of the pinned defaults (`--prettier-config`). */
  readonly prettierOptions?: Readonly<Record<string, unknown>>;
  /** Banner facts: inputs (as the user named them) and the content hash of all inputs. */
  readonly banner?: { readonly inputs: readonly string[]; readonly hash: string; readonly version?: string };
}

export async function generate(_schema: CimSchema, _options: GenerateOptions = {}): Promise<GeneratedFile[]> {
  return [];
}
