/**
 * Formatting with prettier, loaded lazily. Options are pinned (prettier's defaults, written out so an
 * upgrade of prettier's defaults cannot change output) unless the user gives their own. Parser
 * `babel-ts` gives the same output as `typescript` for generated code and is faster; a `filepath` is
 * always passed (without one prettier runs a slow JSX check).
 */
import { importOnDemand } from "./on-demand.js";

/** The options generated code is formatted with by default. */
export const PINNED_PRETTIER_OPTIONS: Readonly<Record<string, unknown>> = {
  printWidth: 80,
  tabWidth: 2,
  useTabs: false,
  semi: true,
  singleQuote: false,
  quoteProps: "as-needed",
  trailingComma: "all",
  bracketSpacing: true,
  objectWrap: "preserve",
  arrowParens: "always",
  endOfLine: "lf",
};

type PrettierModule = typeof import("prettier");
let prettier: Promise<PrettierModule> | undefined;

/** Formats TypeScript text; `filepath` is the output path (only its extension matters to prettier). */
export async function formatTypeScript(text: string, filepath: string, userOptions?: Readonly<Record<string, unknown>>): Promise<string> {
  prettier ??= importOnDemand("prettier");
  const { format } = await prettier;
  // Declaration files need the typescript parser (babel-ts rejects some ambient forms).
  return format(text, { ...PINNED_PRETTIER_OPTIONS, parser: filepath.endsWith(".d.ts") ? "typescript" : "babel-ts", ...userOptions, filepath });
}
