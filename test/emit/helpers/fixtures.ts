/**
 * Runs emitter fixtures through the real pipeline: MOF text → compile() (memory host) → generate().
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { compile } from "../../../src/compile.js";
import { memoryHost } from "../../../src/host.js";
import { generateWithDiagnostics, type GeneratedFile, type GenerateOptions } from "../../../src/emit/generate.js";
import type { CimSchema } from "../../../src/model/schema.js";

export const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

/** `--binding wsman` as the wsman fixture is generated with (its AMT_ class is mapped). */
export const WSMAN_OPTIONS: GenerateOptions = {
  bindings: ["wsman"],
  wsmanUris: { AMT_: "http://intel.com/wbem/wscim/1/amt-schema/1/" },
};

export interface EmitCase {
  /** Short name used in test titles and temp folders. */
  readonly name: string;
  /** MOF inputs (repo-relative paths). */
  readonly inputs: readonly string[];
  /** Golden folder (repo-relative). */
  readonly expected: string;
  /** Error codes the case is known to raise that do not concern the emitter. */
  readonly toleratedErrors?: readonly string[];
}

/** fixtures/emit/<case>/input.mof plus the SmIscsiTarget fixture. */
export function emitCases(): EmitCase[] {
  const base = join(repoRoot, "fixtures/emit");
  const cases: EmitCase[] = readdirSync(base, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(base, entry.name, "input.mof")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => ({ name, inputs: [`fixtures/emit/${name}/input.mof`], expected: `fixtures/emit/${name}/expected` }));
  if (existsSync(join(repoRoot, "fixtures/smiscsitarget/SmIscsiTarget.mof"))) {
    // MOF2501: its provider-registration instances are of WMI system classes (__Win32Provider, …)
    // that the schema does not declare; they are left out of the output.
    cases.push({
      name: "smiscsitarget",
      inputs: ["fixtures/smiscsitarget/SmIscsiTarget.mof"],
      expected: "fixtures/smiscsitarget/expected",
      toleratedErrors: ["MOF2501"],
    });
  }
  return cases;
}

const schemaCache = new Map<string, CimSchema>();

/** Compiles a case's MOF through compile() with an in-memory host; throws when it has errors. */
export function compileCase(emitCase: EmitCase, order: "given" | "reversed" = "given"): CimSchema {
  const cacheKey = `${emitCase.name}:${order}`;
  const cached = schemaCache.get(cacheKey);
  if (cached !== undefined) return cached;
  const files: Record<string, string> = {};
  for (const input of emitCase.inputs) files[input] = readFileSync(join(repoRoot, input), "utf8");
  const inputs = order === "given" ? [...emitCase.inputs] : [...emitCase.inputs].reverse();
  const result = compile(inputs, { host: memoryHost(files) });
  const errors = result.diagnostics.filter((d) => d.severity === "error" && !(emitCase.toleratedErrors ?? []).includes(d.code));
  if (result.schema === undefined || errors.length > 0) {
    throw new Error(`${emitCase.name} does not compile:\n${errors.map((d) => `${d.code} ${d.message}`).join("\n")}`);
  }
  schemaCache.set(cacheKey, result.schema);
  return result.schema;
}

/** Banner facts fixed for goldens (the input names as the fixture names them, a fake hash). */
export function goldenBanner(emitCase: EmitCase): GenerateOptions["banner"] {
  return { inputs: emitCase.inputs.map((input) => input.split("/").pop() ?? input), hash: "sha256:fixture" };
}

export async function generateCase(emitCase: EmitCase, options: GenerateOptions = {}): Promise<GeneratedFile[]> {
  const result = await generateWithDiagnostics(compileCase(emitCase), { banner: goldenBanner(emitCase), ...options });
  const problems = result.diagnostics.filter((d) => d.severity !== "info");
  if (problems.length > 0) throw new Error(problems.map((d) => `${d.code} ${d.message}`).join("\n"));
  return result.files;
}

/** Writes files under `folder` (emptied first). */
export function writeFiles(folder: string, files: readonly GeneratedFile[]): void {
  rmSync(folder, { recursive: true, force: true });
  for (const file of files) {
    const target = join(folder, file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.text);
  }
}
