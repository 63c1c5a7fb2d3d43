/** Types of the helpers test/emit/shaking.test.ts uses from bench/consumer-cost.js. */
export interface BundleRequest {
  /** Folder the entry module is written to (its relative imports resolve there). */
  readonly dir: string;
  readonly source: string;
  readonly bundler: "esbuild" | "rollup";
  /** The entry and what it imports are TypeScript (rollup then uses @rollup/plugin-typescript). */
  readonly typescript: boolean;
}
export function bundleCode(request: BundleRequest): Promise<string>;
export function bundleBytes(request: BundleRequest): Promise<number>;
export function entrySource(name: string, from: string, namespace?: string): string;
