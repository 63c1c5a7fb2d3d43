/**
 * Output is byte-identical across runs and across input orders: the namespaces fixture split into one
 * file per namespace, compiled in both orders, generates the same files.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { compile } from "../../src/compile.js";
import { generate } from "../../src/emit/generate.js";
import { memoryHost } from "../../src/host.js";
import { repoRoot } from "./helpers/fixtures.js";

test("same bytes across runs and input orders", async () => {
  const text = readFileSync(join(repoRoot, "fixtures/emit/namespaces/input.mof"), "utf8");
  const parts = text.split(/(?=^#pragma namespace)/m).filter((part) => part.includes("#pragma"));
  expect(parts.length).toBeGreaterThan(2);
  const files = Object.fromEntries(parts.map((part, i) => [`part${i}.mof`, part]));
  const names = Object.keys(files);
  const run = async (order: readonly string[]): Promise<string> => {
    const result = compile(order, { host: memoryHost(files) });
    if (result.schema === undefined) throw new Error("no schema");
    const out = await generate(result.schema, { banner: { inputs: order, hash: "sha256:x" } });
    return out.map((f) => `${f.path}\n${f.text}`).join("\n\u0000\n");
  };
  const first = await run(names);
  expect(await run(names)).toBe(first);
  expect(await run([...names].reverse())).toBe(first);
}, 120_000);
