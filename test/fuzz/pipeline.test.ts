/**
 * Whole-pipeline property: random, semantically valid schemas (hostile names and texts included,
 * test/fuzz/schema-arbitrary.ts) compile without errors, generate without throwing, write only safe
 * paths, and the generated code of all of them type-checks with `tsc --strict` (one tsc run for the
 * whole batch), in every output style (enum/const, flatten, int64 modes, single file). Fixed seed;
 * MOF2TS_FUZZ_RUNS scales the batch.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compile } from "../../src/compile.js";
import { generate, type GenerateOptions } from "../../src/emit/generate.js";
import { memoryHost } from "../../src/host.js";
import { repoRoot } from "../hostile/seeds.js";
import { fuzzSeed } from "./config.js";
import { schemaMof } from "./schema-arbitrary.js";

/** Each schema is generated with one of these, in turn, so every output style meets hostile input. */
const optionVariants: readonly GenerateOptions[] = [
  {},
  { enumStyle: "const" },
  { flatten: true },
  { int64: "bigint" },
  { int64: "string", layout: "single" },
  { decoders: false, instances: false },
];

const batch = Math.max(1, Math.round(24 * Number(process.env.MOF2TS_FUZZ_RUNS ?? "1")));

describe("random valid schemas through the whole pipeline", () => {
  it(`${batch} schemas compile cleanly and generate code that tsc --strict accepts`, async () => {
    const schemas = fc.sample(schemaMof, { seed: fuzzSeed, numRuns: batch });
    const root = mkdtempSync(path.join(tmpdir(), "mof2ts-pipeline-"));
    try {
      writeFileSync(path.join(root, "package.json"), JSON.stringify({ type: "module" }));
      writeFileSync(
        path.join(root, "tsconfig.json"),
        JSON.stringify({
          compilerOptions: { strict: true, noEmit: true, target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", noUncheckedIndexedAccess: true, types: [] },
          include: ["**/*.ts"],
        }),
      );
      for (const [i, schema] of schemas.entries()) {
        const result = compile(["fuzz.mof"], { host: memoryHost({ "fuzz.mof": schema.mof }) });
        const errors = result.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.code} ${d.message}`);
        expect(errors, `schema ${i}:\n${schema.mof}`).toEqual([]);
        if (result.schema === undefined) throw new Error(`schema ${i}: no model`);
        const files = await generate(result.schema, optionVariants[i % optionVariants.length]);
        for (const file of files) {
          expect(file.path, `schema ${i}`).not.toMatch(/(^|\/)\.{1,2}(\/|$)|^\/|\\|[\u0000-\u001f:*?"<>|]/);
          const target = path.join(root, `s${i}`, ...file.path.split("/"));
          mkdirSync(path.dirname(target), { recursive: true });
          writeFileSync(target, file.text);
        }
        writeFileSync(path.join(root, `s${i}`, "schema.mof.txt"), schema.mof);
      }
      const tsc = spawnSync(process.execPath, [path.join(repoRoot, "node_modules/typescript/bin/tsc"), "-p", ".", "--pretty", "false"], {
        cwd: root,
        encoding: "utf8",
        timeout: 300_000,
      });
      const errors = `${tsc.stdout}${tsc.stderr}`.split("\n").filter((l) => l.trim() !== "");
      const failing = [...new Set(errors.map((l) => /^s(\d+)\//.exec(l)?.[1]).filter((n) => n !== undefined))];
      const explain = failing.map((n) => `--- schema ${n}:\n${schemas[Number(n)]?.mof ?? ""}`).join("\n");
      expect(errors, explain).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 600_000);
});
