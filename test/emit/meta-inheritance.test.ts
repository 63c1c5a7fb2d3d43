/**
 * Metadata spreads its parent's properties only where module evaluation order cannot bite: a class
 * whose parent's module (through `embedded` links) imports the class's own module keeps the full
 * listing, and the generated modules load and decode whichever module is imported first.
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, test } from "vitest";
import { compile } from "../../src/compile.js";
import { generate } from "../../src/emit/generate.js";
import { stronglyConnectedComponents } from "../../src/emit/meta-inheritance.js";
import { memoryHost } from "../../src/host.js";
import { repoRoot, writeFiles } from "./helpers/fixtures.js";

// Demo_Base embeds Demo_Child, a subclass of it: Demo_Child spreading Demo_Base's metadata would read
// Demo_BaseMeta before Demo_Base.ts finished evaluating whenever Demo_Base.ts is imported first.
const mof = `
class Demo_Base {
  [Key] string Id;
  uint16 Power;
  [EmbeddedInstance("Demo_Child")] string Inner;
};
class Demo_Child : Demo_Base {
  string Extra;
};
class Demo_Grandchild : Demo_Child {
  [Required] string Extra;
  boolean Flag;
};
`;

async function generated(): Promise<Map<string, string>> {
  const result = compile(["demo.mof"], { host: memoryHost({ "demo.mof": mof }) });
  if (result.schema === undefined) throw new Error("demo.mof does not compile");
  const files = await generate(result.schema, { banner: { inputs: ["demo.mof"], hash: "sha256:test" } });
  return new Map(files.map((f) => [f.path, f.text]));
}

interface Meta {
  readonly properties: Record<string, { readonly type: string; readonly required?: boolean; readonly embedded?: () => Meta }>;
}

describe("metadata spread", () => {
  test("a class on an import cycle with its parent lists every property; one off it spreads and lists what it changes", async () => {
    const files = await generated();
    const child = files.get("Demo_Child.ts") ?? "";
    const grandchild = files.get("Demo_Grandchild.ts") ?? "";
    expect(child).not.toContain("inheritProperties(");
    expect(child).toMatch(/properties: \{\n\s+Id: /);
    expect(grandchild).toContain("properties: /* @__PURE__ */ inheritProperties(Demo_ChildMeta, {");
    // Extra becomes required: its entry is listed again (it keeps its place in the inherited order).
    expect(grandchild).toContain('Extra: { type: "string", required: true },');
    expect(grandchild).toContain('Flag: { type: "boolean" },');
    expect(grandchild).not.toContain("Power:");
  });

  test.each(["Demo_Base.ts", "Demo_Child.ts", "Demo_Grandchild.ts"])("the modules load with %s imported first and decode every inherited property", async (entry) => {
    const folder = join(repoRoot, "test/emit/__output__", `meta-spread-${entry.replace(/\.ts$/, "")}`);
    writeFiles(folder, [...(await generated())].map(([path, text]) => ({ path, text })));
    await import(pathToFileURL(join(folder, entry)).href);
    const grandchild = (await import(pathToFileURL(join(folder, "Demo_Grandchild.ts")).href)) as { Demo_GrandchildMeta: Meta };
    const base = (await import(pathToFileURL(join(folder, "Demo_Base.ts")).href)) as { Demo_BaseMeta: Meta };
    expect(Object.keys(grandchild.Demo_GrandchildMeta.properties)).toEqual(["Id", "Power", "Inner", "Extra", "Flag"]);
    expect(grandchild.Demo_GrandchildMeta.properties["Extra"]?.required).toBe(true);
    expect(base.Demo_BaseMeta.properties["Inner"]?.embedded?.().properties["Extra"]?.type).toBe("string");
  });
});

describe("stronglyConnectedComponents", () => {
  test("numbers each cycle as one component and every other node alone", () => {
    // 0 -> 1 -> 2 -> 0 is a cycle; 3 -> 0 and 4 (self-contained) are not on it.
    const component = stronglyConnectedComponents([[1], [2], [0], [0], []]);
    expect(component[0]).toBe(component[1]);
    expect(component[1]).toBe(component[2]);
    expect(new Set([component[0], component[3], component[4]]).size).toBe(3);
  });

  test("walks a chain thousands deep without recursion", () => {
    const edges = Array.from({ length: 20_000 }, (_, i) => (i + 1 < 20_000 ? [i + 1] : [0]));
    const component = stronglyConnectedComponents(edges);
    expect(new Set(component).size).toBe(1);
  });
});
