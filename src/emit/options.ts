/**
 * Generator options with their defaults applied in one place; every emit module reads `EmitOptions`.
 */
import type { Int64Style } from "./type-map.js";

/** Options of `generate` (all optional; defaults in `resolveOptions`). */
export interface GenerateOptions {
  /** `files` (default): a file per class plus index.ts; `single`: everything in one file. */
  readonly layout?: "files" | "single";
  /** File name for the single-file layout (default `index.ts`; with `emit: "js"`, `x.ts` or `x.js` gives `x.js` + `x.d.ts`). */
  readonly singleFileName?: string;
  /** Emit every interface with all inherited properties instead of `extends`. */
  readonly flatten?: boolean;
  /** `enum` (default): TypeScript enums; `const`: `as const` objects plus union types (erasableSyntaxOnly). */
  readonly enumStyle?: "enum" | "const";
  /** uint64/sint64 as `number` (default), `bigint` or `string`. */
  readonly int64?: Int64Style;
  /**
   * `ts` (default): TypeScript modules; `js`: ESM `.js` plus a `.d.ts` per module, for apps without a
   * TypeScript build step or that want cheaper type-checking; `types`: declarations only (no runtime
   * code, no decoders or value-map helpers; value maps as literal unions).
   */
  readonly emit?: EmitMode;
  /** Emit `decode<Class>` functions and class metadata (default true). */
  readonly decoders?: boolean;
  /** Emit typed constants for `instance of` declarations (default true). */
  readonly instances?: boolean;
  /** Prettier options to use instead of the pinned defaults (`--prettier-config`). */
  readonly prettierOptions?: Readonly<Record<string, unknown>>;
  /**
   * `fast` (default): mof2ts's own printer writes prettier-formatted text directly (prettier runs
   * only on files with shapes it does not lay out itself); `ts-morph`: ts-morph's printer, then
   * prettier on every file. Both give the same text; `ts-morph` is the slow reference.
   */
  readonly printer?: "fast" | "ts-morph";
  /** Banner facts: inputs (as the user named them) and the content hash of all inputs. */
  readonly banner?: { readonly inputs: readonly string[]; readonly hash: string; readonly version?: string };
  /** Protocol bindings to generate: `wsman` adds WS-Management request builders and method-output decoders. */
  readonly bindings?: readonly Binding[];
  /** WS-Management resource URIs by class-name prefix (`AMT_` → URI the class name is appended to, or `wmi`). */
  readonly wsmanUris?: Readonly<Record<string, string>>;
}

/** Protocol bindings mof2ts can generate. */
export const BINDINGS = ["wsman"] as const;
export type Binding = (typeof BINDINGS)[number];

/** What the generated files hold; see `GenerateOptions.emit`. */
export type EmitMode = "ts" | "js" | "types";

/** Options with every default filled in. */
export interface EmitOptions {
  readonly emit: EmitMode;
  readonly layout: "files" | "single";
  readonly singleFileName: string;
  readonly flatten: boolean;
  readonly enumStyle: "enum" | "const";
  readonly int64: Int64Style;
  readonly decoders: boolean;
  readonly instances: boolean;
  readonly prettierOptions?: Readonly<Record<string, unknown>>;
  readonly printer: "fast" | "ts-morph";
  readonly banner?: { readonly inputs: readonly string[]; readonly hash: string; readonly version?: string };
  /** `--binding wsman`: request builders, method metadata and method-output decoders. */
  readonly wsman: boolean;
  readonly wsmanUris: Readonly<Record<string, string>>;
}

/** Applies the defaults. */
export function resolveOptions(options: GenerateOptions): EmitOptions {
  const singleFileName = options.singleFileName ?? "index.ts";
  const emit = options.emit ?? "ts";
  return {
    emit,
    layout: options.layout ?? "files",
    // `--emit js --single-file out.js` names the JavaScript file (its declarations: out.d.ts).
    singleFileName: singleFileName.endsWith(".ts") ? singleFileName : emit === "js" && singleFileName.endsWith(".js") ? `${singleFileName.slice(0, -3)}.ts` : `${singleFileName}.ts`,
    flatten: options.flatten ?? false,
    enumStyle: options.enumStyle ?? "enum",
    int64: options.int64 ?? "number",
    // Types only: no runtime code at all.
    decoders: emit === "types" ? false : (options.decoders ?? true),
    instances: options.instances ?? true,
    printer: options.printer ?? "fast",
    // Types only: no request builders either.
    wsman: emit !== "types" && (options.bindings?.includes("wsman") ?? false),
    wsmanUris: options.wsmanUris ?? {},
    ...(options.prettierOptions === undefined ? {} : { prettierOptions: options.prettierOptions }),
    ...(options.banner === undefined ? {} : { banner: options.banner }),
  };
}
