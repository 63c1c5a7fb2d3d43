/** Classes and members without a Description of their own are documented from their .mfl amendment. */
import { expect, test } from "vitest";
import { compile } from "../../src/compile.js";
import { memoryHost } from "../../src/host.js";
import { generate } from "../../src/emit/generate.js";

const mof = `
class Demo_Resource {
  [Key, Description("Own text wins.")] string Name;
  [Write] string Ensure;
  uint32 Apply([In] string Mode);
};`;

const mfl = `
#pragma namespace("ms_407")
[AMENDMENT, LOCALE(0x407), Description("Deutsch.") : Amended]
class Demo_Resource { [Description("Soll.") : Amended] string Ensure; };
#pragma namespace("..")
#pragma namespace("ms_409")
[AMENDMENT, LOCALE(0x409), Description("Manages a demo resource.") : Amended]
class Demo_Resource {
  [Key, Description("Amended text loses.") : Amended] string Name;
  [Description("Whether it should exist.") : Amended] string Ensure;
  [Description("Applies the resource.") : Amended] uint32 Apply([In] string Mode);
};`;

test("amended descriptions document what the MOF leaves undocumented, in US English first", async () => {
  const result = compile(["demo.mof", "demo.mfl"], { host: memoryHost({ "demo.mof": mof, "demo.mfl": mfl }) });
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  if (result.schema === undefined) throw new Error("no schema");
  const files = await generate(result.schema, {});
  const text = files.find((f) => f.path.endsWith("Demo_Resource.ts"))?.text ?? "";
  expect(text).toContain(" * Manages a demo resource.\n");
  expect(text).toContain("Whether it should exist.");
  expect(text).toContain("Own text wins.");
  expect(text).not.toContain("Amended text loses.");
  expect(text).not.toContain("Deutsch.");
  expect(text).toContain("Applies the resource.");
});
