import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { diffSettings, generateSettings, loadConfig, type LoadedConfig } from "../../src/cli/options.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "mof2ts-options-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const messages = (r: { ok: boolean; diagnostics?: readonly { code: string; message: string; hint?: string }[] }) =>
  (r.diagnostics ?? []).map((d) => `${d.code} ${d.message}${d.hint ? ` | ${d.hint}` : ""}`);

function config(text: string, file = "mof2ts.config.json"): void {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), text);
}
function loaded(explicit?: string): LoadedConfig {
  const result = loadConfig(dir, explicit);
  if (!result.ok) throw new Error(messages(result).join("\n"));
  return result.settings;
}

describe("loadConfig", () => {
  it("is empty when there is no mof2ts.config.json and none was asked for", () => {
    expect(loaded()).toEqual({ values: {} });
  });

  it("finds mof2ts.config.json in the working folder", () => {
    config(JSON.stringify({ inputs: ["a.mof"], outDir: "gen", flatten: true }));
    expect(loaded().values).toEqual({ inputs: ["a.mof"], outDir: "gen", flatten: true });
  });

  it("resolves paths in an explicit config against the config file's folder", () => {
    config(JSON.stringify({ inputs: "a.mof", include: ["inc"], outDir: "../gen", enumStyle: "const" }), "cfg/my.json");
    expect(loaded("cfg/my.json").values).toEqual({ inputs: [path.join("cfg", "a.mof")], include: [path.join("cfg", "inc")], outDir: "gen", enumStyle: "const" });
  });

  it("reports a missing explicit config, bad JSON, unknown keys with a suggestion, and wrong types", () => {
    expect(messages(loadConfig(dir, "nope.json"))).toEqual(["MOF5005 Config file 'nope.json' was not found."]);
    config("{ inputs: [] }");
    expect(messages(loadConfig(dir, undefined))[0]).toMatch(/^MOF5006 Config file 'mof2ts.config.json' is not valid JSON \(/);
    config(JSON.stringify({ outdir: "x", flaten: true, int64: "long", strict: "yes", wat: 1, $schema: "ignored" }));
    expect(messages(loadConfig(dir, undefined))).toEqual([
      "MOF5007 Unknown key 'outdir' in config file 'mof2ts.config.json'. | Did you mean 'outDir'?",
      "MOF5007 Unknown key 'flaten' in config file 'mof2ts.config.json'. | Did you mean 'flatten'?",
      "MOF5008 'int64' in config file 'mof2ts.config.json' must be one of \"number\", \"bigint\", \"string\".",
      "MOF5008 'strict' in config file 'mof2ts.config.json' must be true or false.",
      expect.stringMatching(/^MOF5007 Unknown key 'wat' .* \| Known keys: inputs, include, /),
    ]);
    config("[1]");
    expect(messages(loadConfig(dir, undefined))).toEqual(["MOF5008 'The top level' in config file 'mof2ts.config.json' must be an object."]);
  });
});

describe("generateSettings", () => {
  const cfg: LoadedConfig = { file: "/x/mof2ts.config.json", values: { inputs: ["c.mof"], outDir: "from-config", flatten: true, include: ["ci"], enumStyle: "const" } };

  it("lets flags win over the config file, keeps the rest", () => {
    const r = generateSettings(["a.mof"], { outDir: "out", include: ["i1", "i2"], enumStyle: "enum" }, cfg);
    expect(r.ok && r.settings).toMatchObject({ inputs: ["a.mof"], outDir: "out", includeDirs: ["i1", "i2"], flatten: true, enumStyle: "enum", check: false });
  });

  it("reads emit from the config file; the flag wins", () => {
    const fromConfig = generateSettings(["a.mof"], { outDir: "out" }, { values: { emit: "types" } });
    expect(fromConfig.ok && fromConfig.settings.emit).toBe("types");
    const flagged = generateSettings(["a.mof"], { outDir: "out", emit: "js" }, { values: { emit: "types" } });
    expect(flagged.ok && flagged.settings.emit).toBe("js");
  });

  it("takes inputs from the config when none are typed", () => {
    const r = generateSettings([], {}, cfg);
    expect(r.ok && r.settings.inputs).toEqual(["c.mof"]);
  });

  it("places --single-file inside -o, or on its own path", () => {
    const both = generateSettings(["a.mof"], { outDir: "out", singleFile: "all.ts" }, { values: {} });
    expect(both.ok && [both.settings.outDir, both.settings.singleFile]).toEqual(["out", "all.ts"]);
    const alone = generateSettings(["a.mof"], { singleFile: path.join("src", "cim.ts") }, { values: {} });
    expect(alone.ok && [alone.settings.outDir, alone.settings.singleFile]).toEqual(["src", "cim.ts"]);
    const absolute = path.resolve("elsewhere", "cim.ts");
    const fixed = generateSettings(["a.mof"], { outDir: "out", singleFile: absolute }, { values: {} });
    expect(fixed.ok && [fixed.settings.outDir, fixed.settings.singleFile]).toEqual([path.dirname(absolute), "cim.ts"]);
  });

  it("asks for inputs and an output, and rejects --check with --watch", () => {
    expect(messages(generateSettings([], {}, { values: {} })).map((m) => m.slice(0, 7))).toEqual(["MOF5002", "MOF5003"]);
    expect(messages(generateSettings(["a.mof"], { outDir: "o", check: true, watch: true }, { values: {} }))).toEqual([
      "MOF5023 --check and --watch cannot be used together.",
    ]);
  });

  it("takes --binding and --wsman-uri from flags or the config, flags winning per prefix", () => {
    const fromConfig: LoadedConfig = { values: { bindings: ["wsman"], wsmanUris: { AMT_: "http://intel.com/wbem/wscim/1/amt-schema/1/", IPS_: "wmi" } } };
    const r = generateSettings(["a.mof"], { outDir: "o", wsmanUri: ["IPS_=http://intel.com/wbem/wscim/1/ips-schema/1/"] }, fromConfig);
    expect(r.ok && [r.settings.bindings, r.settings.wsmanUris]).toEqual([
      ["wsman"],
      { AMT_: "http://intel.com/wbem/wscim/1/amt-schema/1/", IPS_: "http://intel.com/wbem/wscim/1/ips-schema/1/" },
    ]);
    const plain = generateSettings(["a.mof"], { outDir: "o" }, { values: {} });
    expect(plain.ok && "bindings" in plain.settings).toBe(false);
  });

  it("rejects an unknown binding with a suggestion, and malformed --wsman-uri values", () => {
    expect(messages(generateSettings(["a.mof"], { outDir: "o", binding: ["wsmann", "soap"] }, { values: {} }))).toEqual([
      "MOF5024 Unknown binding 'wsmann'. | Did you mean 'wsman'? Known bindings: wsman.",
      "MOF5024 Unknown binding 'soap'. | Known bindings: wsman.",
    ]);
    const bad = messages(generateSettings(["a.mof"], { outDir: "o", wsmanUri: ["AMT_", "=http://x/", "AMT_=not a uri", "A-B=http://x/"] }, { values: {} }));
    expect(bad.map((m) => m.split(" for ")[0])).toEqual([
      "MOF5004 Invalid value 'AMT_'",
      "MOF5004 Invalid value '=http://x/'",
      "MOF5004 Invalid value 'AMT_=not a uri'",
      "MOF5004 Invalid value 'A-B=http://x/'",
    ]);
    config(JSON.stringify({ wsmanUris: { AMT_: 5 } }));
    expect(messages(loadConfig(dir, undefined))).toEqual(["MOF5008 'wsmanUris' in config file 'mof2ts.config.json' must be an object of strings."]);
  });
});

describe("diffSettings", () => {
  it("accepts two positional files, or --old/--new lists, or a mix", () => {
    const two = diffSettings(["a.mof", "b.mof"], {}, { values: {} });
    expect(two.ok && [two.settings.oldInputs, two.settings.newInputs, two.settings.format]).toEqual([["a.mof"], ["b.mof"], "text"]);
    const lists = diffSettings([], { old: ["a.mof", "b.mof"], new: ["c.mof"], format: "json", failOn: "breaking" }, { values: {} });
    expect(lists.ok && [lists.settings.oldInputs, lists.settings.newInputs, lists.settings.format, lists.settings.failOnBreaking]).toEqual([
      ["a.mof", "b.mof"],
      ["c.mof"],
      "json",
      true,
    ]);
    const mixed = diffSettings(["n.mof"], { old: ["o1.mof", "o2.mof"] }, { values: {} });
    expect(mixed.ok && [mixed.settings.oldInputs, mixed.settings.newInputs]).toEqual([["o1.mof", "o2.mof"], ["n.mof"]]);
  });

  it("needs both sides and no stray files", () => {
    expect(messages(diffSettings(["a.mof"], {}, { values: {} }))[0]).toMatch(/^MOF5017/);
    expect(messages(diffSettings(["a.mof", "b.mof", "c.mof"], {}, { values: {} }))[0]).toMatch(/^MOF5017/);
  });
});
