#!/usr/bin/env node
// Thin shim. `npm run build` compiles src/ to dist/ and bundles the CLI into dist/bundle/main.js: one
// file loads in ~0.1 s where the unbundled module graph (chevrotain + lodash-es) takes ~0.6 s. The
// bundle is used only when it is at least as new as the tsc output, so a bare `tsc` rebuild is never
// shadowed by a stale bundle.
import { statSync } from "node:fs";

const bundled = new URL("../dist/bundle/main.js", import.meta.url);
const compiled = new URL("../dist/cli/main.js", import.meta.url);
const mtime = (url) => statSync(url, { throwIfNoEntry: false })?.mtimeMs ?? -1;
const { run } = await import((mtime(bundled) >= mtime(compiled) ? bundled : compiled).href);

process.exitCode = await run(process.argv.slice(2));
