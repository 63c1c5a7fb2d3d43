/**
 * The readers must run in browsers: bundled for the browser platform (esbuild refuses Node built-ins
 * there), saxes included, and run in a bare JavaScript context with no Node globals (no process,
 * Buffer, require or module), they read a response.
 */
import { runInNewContext } from "node:vm";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../emit/helpers/fixtures.js";
import { envelope } from "./helpers.js";

async function browserBundle(): Promise<string> {
  const result = await build({
    stdin: {
      contents: [
        'export { readWsman } from "./templates/runtime/wsman-response.ts";',
        'export { readCimXml } from "./templates/runtime/cim-xml.ts";',
      ].join("\n"),
      resolveDir: repoRoot,
      loader: "ts",
    },
    bundle: true,
    platform: "browser",
    format: "iife",
    globalName: "readers",
    write: false,
    logLevel: "silent",
  });
  const [output] = result.outputFiles;
  if (output === undefined) throw new Error("esbuild wrote nothing");
  return output.text;
}

describe("the readers in a browser-like context", () => {
  it("bundle for the browser and read responses without Node globals", async () => {
    const code = await browserBundle();
    const context: Record<string, unknown> = {};
    runInNewContext(code + "\nthis.readers = readers;", context);
    expect(context["process"]).toBeUndefined();
    const readers = context["readers"] as {
      readWsman(xml: string): { ok: boolean; value?: { kind: string; items?: { className: string; properties: Record<string, unknown> }[] } };
      readCimXml(xml: string): { ok: boolean; value?: { kind: string } };
    };
    const body = `<wsen:PullResponse><wsen:Items><p:CIM_Processor xmlns:p="http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_Processor"><p:DeviceID>CPU 0</p:DeviceID></p:CIM_Processor></wsen:Items><wsen:EndOfSequence/></wsen:PullResponse>`;
    const pull = readers.readWsman(envelope("http://schemas.xmlsoap.org/ws/2004/09/enumeration/PullResponse", body));
    expect(pull.ok).toBe(true);
    expect(pull.value?.kind).toBe("pull");
    expect(pull.value?.items?.[0]?.className).toBe("CIM_Processor");
    expect(pull.value?.items?.[0]?.properties["DeviceID"]).toBe("CPU 0");
    expect(readers.readCimXml(`<INSTANCE CLASSNAME="A"/>`).value?.kind).toBe("result");
    expect(readers.readWsman("<!DOCTYPE x []><x/>").ok).toBe(false);
  });
});
