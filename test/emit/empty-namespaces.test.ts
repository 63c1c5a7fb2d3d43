/**
 * A namespace that produces no code gets no folder: WMI MOFs create every level of a namespace path with
 * `instance of __Namespace`, and those levels hold no classes and no instance of a class we know.
 */
import { expect, test } from "vitest";
import { compile } from "../../src/compile.js";
import { generate } from "../../src/emit/generate.js";
import { memoryHost } from "../../src/host.js";

const mof = `
#pragma namespace("\\\\\\\\.\\\\root")
instance of __Namespace { Name = "vendor"; };
#pragma namespace("\\\\\\\\.\\\\root\\\\vendor")
instance of __Namespace { Name = "storage"; };
#pragma namespace("\\\\\\\\.\\\\root\\\\vendor\\\\storage")
class Vendor_Disk { [Key] string Id; };
#pragma namespace("\\\\\\\\.\\\\root\\\\vendor\\\\config")
instance of Vendor_Disk { Id = "disk0"; };
#pragma namespace("\\\\\\\\.\\\\root\\\\interop")
class Vendor_Profile { [Key] string Name; };
`;

async function paths(options: { instances?: boolean } = {}): Promise<string[]> {
  const result = compile(["a.mof"], { host: memoryHost({ "a.mof": mof }) });
  if (result.schema === undefined) throw new Error("no schema");
  expect(result.schema.namespaces.map((ns) => ns.name)).toEqual(expect.arrayContaining(["root", "root/vendor"]));
  const files = await generate(result.schema, { banner: { inputs: ["a.mof"], hash: "sha256:x" }, ...options });
  return files.map((file) => file.path).filter((file) => !file.startsWith("runtime/"));
}

test("namespaces created only by __Namespace instances produce no folder", async () => {
  const generated = await paths();
  const folders = [...new Set(generated.filter((file) => file.includes("/")).map((file) => file.split("/")[0]))].sort();
  // root and root/vendor hold only __Namespace instances; root/vendor/config holds an instance of a declared class.
  expect(folders).toEqual(["root_interop", "root_vendor_config", "root_vendor_storage"]);
  expect(generated).toContain("root_vendor_config/instances.ts");
});

test("without instances, a namespace holding only instances produces no folder either", async () => {
  const generated = await paths({ instances: false });
  const folders = [...new Set(generated.filter((file) => file.includes("/")).map((file) => file.split("/")[0]))].sort();
  expect(folders).toEqual(["root_interop", "root_vendor_storage"]);
});
