import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import { parse, type ParseResult } from "../../src/parser/parse.js";
import type { ClassDeclaration, InstanceDeclaration, Statement } from "../../src/ast/nodes.js";

export const fixturesDir = fileURLToPath(new URL("../../fixtures/", import.meta.url));

/** Small deterministic PRNG (mulberry32) so failures reproduce. */
export function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Parses fixtures/syntax/<name> and expects it to be free of errors. */
export function parseSyntaxFixture(name: string): ParseResult {
  const result = parse(readFileSync(fixturesDir + "syntax/" + name, "utf8"), name);
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return result;
}

/** A node with every `span` removed, for comparing trees by shape and value. */
export function withoutSpans(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSpans);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value))
      if (key !== "span") out[key] = withoutSpans(inner);
    return out;
  }
  return value;
}

export function classes(statements: readonly Statement[]): ClassDeclaration[] {
  return statements.filter((s): s is ClassDeclaration => s.kind === "ClassDeclaration");
}

export function instances(statements: readonly Statement[]): InstanceDeclaration[] {
  return statements.filter((s): s is InstanceDeclaration => s.kind === "InstanceDeclaration");
}

/** Property values of an instance by name, spans removed. */
export function valuesOf(instance: InstanceDeclaration): Record<string, unknown> {
  return Object.fromEntries(instance.properties.map((p) => [p.name.name, withoutSpans(p.value)]));
}

export const id = (name: string) => ({ kind: "Identifier", name });
