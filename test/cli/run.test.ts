/** The CLI driven in-process through run(argv, io): exit codes, stdout/stderr shape, config, diagnostics styles. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { run } from "../../src/cli/main.js";
import { memoryIo } from "../../src/cli/io.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "mof2ts-run-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function file(rel: string, text: string): void {
  mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  writeFileSync(path.join(dir, rel), text);
}

async function cli(argv: string[], options: { env?: Record<string, string>; tty?: boolean } = {}) {
  const io = memoryIo({ cwd: dir, ...options });
  const code = await run(argv, io);
  return { code, out: io.out(), err: io.err() };
}

const version = (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;
const noStack = (text: string) => expect(text).not.toMatch(/^\s+at /m);

describe("help and version", () => {
  it("--help lists the commands, examples and exit codes on stdout", async () => {
    const r = await cli(["--help"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Usage: mof2ts");
    for (const word of ["generate", "inspect", "diff", "Examples", "Exit codes"]) expect(r.out).toContain(word);
    expect(r.err).toBe("");
  });

  it("generate --help and diff --help describe their options", async () => {
    const g = await cli(["generate", "--help"]);
    for (const flag of ["--out-dir", "--single-file", "--flatten", "--enum-style", "--int64", "--emit", "--prettier-config", "--check", "--watch", "--include", "--schema", "--class", "--namespace", "--strict", "--config", "--diagnostics", "--quiet", "--verbose"]) {
      expect(g.out).toContain(flag);
    }
    const d = await cli(["diff", "--help"]);
    expect(d.out).toContain("--fail-on");
    expect(d.out).toContain("--format");
  });

  it("--version prints package.json's version", async () => {
    const r = await cli(["--version"]);
    expect([r.code, r.out.trim()]).toEqual([0, version]);
  });
});

describe("usage errors exit 2 without a stack trace", () => {
  it("unknown option", async () => {
    const r = await cli(["a.mof", "-o", "out", "--bogus"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("error MOF5001: Unknown option '--bogus'.");
    noStack(r.err);
  });

  it("invalid choice", async () => {
    const r = await cli(["a.mof", "-o", "out", "--int64", "long"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/MOF5001: .*'long' is invalid/);
  });

  it("no inputs, no output", async () => {
    const r = await cli([]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("MOF5002");
    expect(r.err).toContain("MOF5003");
  });

  it("a missing input file", async () => {
    const r = await cli(["missing.mof", "-o", "out"]);
    expect(r.code).toBe(2);
    expect(r.err.trim()).toBe("mof2ts: error MOF5009: Input file 'missing.mof' was not found.");
  });

  it("a mistyped command is named as such, not taken for an input file", async () => {
    const r = await cli(["inpsect", "a.mof"]);
    expect(r.code).toBe(2);
    expect(r.err.trim()).toBe("mof2ts: error MOF5001: Unknown command 'inpsect'; did you mean 'inspect'?\n  hint: Run 'mof2ts --help' for the commands and options.");
  });

  it("a broken config file", async () => {
    file("mof2ts.config.json", '{"outdir": "x"}');
    const r = await cli(["a.mof"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("MOF5007 Unknown key 'outdir'".replace(" Unknown", ": Unknown"));
  });
});

describe("input errors exit 1, printed in the asked style", () => {
  beforeEach(() => file("bad.mof", "class A {\n  uint16 X\n};\n"));

  it("plain when stderr is not a terminal", async () => {
    const r = await cli(["bad.mof", "-o", "out"]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^bad\.mof:\d+:\d+: error MOF1\d{3}: /m);
    expect(r.out).toBe("");
  });

  it("pretty with colour on a terminal, and without colour under NO_COLOR", async () => {
    const coloured = await cli(["bad.mof", "-o", "out"], { tty: true });
    expect(coloured.code).toBe(1);
    expect(coloured.err).toContain("\u001b[");
    expect(coloured.err.replace(/\u001b\[\d+m/g, "")).toMatch(/^\d+ \| .*\n +\| +\^+/m);
    const plain = await cli(["bad.mof", "-o", "out"], { tty: true, env: { NO_COLOR: "1" } });
    expect(plain.err).not.toContain("\u001b[");
    expect(plain.err).toMatch(/^bad\.mof:\d+:\d+ - error MOF1\d{3}/m);
    expect(plain.err).toMatch(/Found 1 error and 0 warnings\./);
  });

  it("json: one parseable array on stderr", async () => {
    const r = await cli(["bad.mof", "-o", "out", "--diagnostics", "json"]);
    expect(r.code).toBe(1);
    const parsed = JSON.parse(r.err) as { code: string; file: string; line: number }[];
    expect(parsed[0]).toMatchObject({ code: expect.stringMatching(/^MOF1\d{3}$/), file: "bad.mof", line: expect.any(Number) });
  });

  it("nothing is written when the input has errors", async () => {
    await cli(["bad.mof", "-o", "out"]);
    expect(() => readFileSync(path.join(dir, "out", "index.ts"))).toThrow();
  });
});

describe("generate options reach the pipeline", () => {
  it("--single-file writes one file, and --check agrees", async () => {
    file("a.mof", "class CIM_A { [Key] string Id; };\nclass CIM_B : CIM_A { };\n");
    const r = await cli(["a.mof", "--single-file", path.join("src", "cim.ts")]);
    expect(r.code).toBe(0);
    const text = readFileSync(path.join(dir, "src", "cim.ts"), "utf8");
    expect(text).toContain("export interface CIM_B extends CIM_A");
    expect(readdirSync(path.join(dir, "src"))).toEqual(["cim.ts"]);
    expect((await cli(["a.mof", "--single-file", "cim.ts", "-o", "src", "--check"])).code).toBe(0);
  });

  it("--single-file leaves the other generated files in its folder alone, and takes an absolute path", async () => {
    file("a.mof", "class CIM_A { [Key] string Id; };\n");
    file("b.mof", "class CIM_B { [Key] string Id; };\n");
    expect((await cli(["a.mof", "-o", path.join("src", "gen")])).code).toBe(0);
    const folderLayout = readdirSync(path.join(dir, "src", "gen")).sort();
    expect((await cli(["a.mof", "--single-file", path.join("src", "a.ts")])).code).toBe(0);
    const absolute = path.join(dir, "src", "b.ts");
    const second = await cli(["b.mof", "--single-file", absolute]);
    expect([second.code, second.err]).toEqual([0, expect.stringContaining("(0 unchanged, 0 removed)")]);
    expect(readFileSync(absolute, "utf8")).toContain("export interface CIM_B");
    expect(readFileSync(path.join(dir, "src", "a.ts"), "utf8")).toContain("export interface CIM_A");
    expect(readdirSync(path.join(dir, "src", "gen")).sort()).toEqual(folderLayout);
    expect((await cli(["a.mof", "--single-file", path.join("src", "a.ts"), "--check"])).code).toBe(0);
  });

  it("--prettier-config formats with the user's options; a missing one is a usage error", async () => {
    file("a.mof", "class CIM_A { [Key] string Id; };\n");
    file(".prettierrc.json", JSON.stringify({ useTabs: true, semi: false }));
    expect((await cli(["a.mof", "-o", "out", "--prettier-config", ".prettierrc.json"])).code).toBe(0);
    expect(readFileSync(path.join(dir, "out", "CIM_A.ts"), "utf8")).toMatch(/^\treadonly Id: string$/m);
    const missing = await cli(["a.mof", "-o", "out", "--prettier-config", "nope.json"]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/error MOF5015: Could not read the Prettier config 'nope\.json' \(/);
    // The emitter's own diagnostics (here: Prettier rejecting an option) reach the user.
    file("bad-prettier.json", JSON.stringify({ printWidth: "wide" }));
    const rejected = await cli(["a.mof", "-o", "out4", "--prettier-config", "bad-prettier.json"]);
    expect(rejected.code).toBe(0);
    expect(rejected.err).toMatch(/warning MOF4001: Prettier could not format 'CIM_A\.ts'/);
  });

  it("-I folders resolve includes; --class keeps the closure; --namespace filters", async () => {
    file("inc/base.mof", "class CIM_Base { [Key] string Id; };\nclass CIM_Other { };\n");
    file("a.mof", '#pragma include ("base.mof")\nclass CIM_A : CIM_Base { };\n#pragma namespace ("root/other")\nclass CIM_Z { };\n');
    expect((await cli(["inspect", "a.mof"])).code).toBe(1);
    const all = await cli(["inspect", "a.mof", "-I", "inc"]);
    expect(all.code).toBe(0);
    expect(all.out).toContain("class CIM_Other");
    const picked = await cli(["inspect", "a.mof", "-I", "inc", "--class", "CIM_A"]);
    expect(picked.out).toContain("class CIM_A : CIM_Base");
    expect(picked.out).toMatch(/^class CIM_Base$/m);
    expect(picked.out).not.toContain("CIM_Other");
    const ns = await cli(["inspect", "a.mof", "-I", "inc", "--namespace", "root/other"]);
    expect(ns.out).toContain("class CIM_Z");
    expect(ns.out).not.toContain("CIM_Other");
  });

  it("inspect prints an outline with origins, value maps and bit maps", async () => {
    file(
      "o.mof",
      'class CIM_Base { [Key] string Id; };\n' +
        'class CIM_A : CIM_Base {\n' +
        '  [ValueMap {"1", "2", ".."}, Values {"On", "Off", "Other"}] uint16 Mode;\n' +
        '  [BitMap {"0", "1", "4..7"}, BitValues {"Read", "Write", "Vendor Reserved"}] uint16 Flags;\n' +
        '};\n',
    );
    const r = await cli(["inspect", "o.mof"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      [
        "class CIM_A : CIM_Base",
        "  [key] string Id  (from CIM_Base)",
        "  uint16 Mode",
        "      1=On, 2=Off, ..=Other",
        "  uint16 Flags",
        "      bits 0=Read, 1=Write, 4..7=Vendor Reserved",
      ].join("\n"),
    );
  });

  it("--quiet prints no status; --verbose lists what was written", async () => {
    file("w.mof", "class CIM_B { [Key] string Id; };\nclass CIM_A { [Key] string Id; CIM_B REF R; };\n");
    const normal = await cli(["w.mof", "-o", "out"]);
    expect(normal.err).toMatch(/^Wrote /m);
    const quiet = await cli(["w.mof", "-o", "out2", "--quiet"]);
    expect([quiet.code, quiet.err]).toEqual([0, ""]);
    const verbose = await cli(["w.mof", "-o", "out3", "--verbose"]);
    expect(verbose.err).toContain(`  wrote ${path.join("out3", "CIM_A.ts")}`);
    expect(verbose.err).toMatch(/^Resolved 2 classes from 1 files in /m);
  });
});

describe("config file", () => {
  it("mof2ts.config.json in the working folder drives generate and --check; flags win over it", async () => {
    file("schema/a.mof", "class CIM_A { [Key] string Id; uint64 Big; };\n");
    file("mof2ts.config.json", JSON.stringify({ inputs: ["schema/a.mof"], outDir: "gen", int64: "string" }));
    const first = await cli([]);
    expect(first.code).toBe(0);
    expect(first.err).toMatch(/^Wrote \d+ of \d+ files to gen /m);
    expect(readFileSync(path.join(dir, "gen", "CIM_A.ts"), "utf8")).toMatch(/Big\?: string/);
    expect((await cli(["--check"])).code).toBe(0);
    expect((await cli([])).err).toMatch(/^All \d+ files in gen were already up to date \(/);
    // A flag overrides the config: the output would differ, so --check fails and names the file.
    const bigint = await cli(["--check", "--int64", "bigint"]);
    expect(bigint.code).toBe(1);
    expect(bigint.err).toContain(`'${path.join("gen", "CIM_A.ts")}' is out of date.`);
  });
});

describe("inspect and diff", () => {
  beforeEach(() => {
    file("v1.mof", '[Version("1.0")] class CIM_A { [Key] string Name; [ValueMap{"1","2"}, Values{"One","Two"}] uint16 S; };\nclass CIM_B : CIM_A { uint32 Extra; };\n');
    file("v2.mof", '[Version("1.1")] class CIM_A { [Key] string Name; [ValueMap{"1","3"}, Values{"One","Three"}] uint16 S; string New; };\nclass CIM_C : CIM_A { };\n');
  });

  it("inspect prints the model outline on stdout", async () => {
    const r = await cli(["inspect", "v1.mof"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("class CIM_B : CIM_A");
    expect(r.out).toMatch(/\[key\] string Name/);
    expect(r.out).toContain("1=One, 2=Two");
  });

  it("inspect --json prints the model document on stdout", async () => {
    const r = await cli(["inspect", "v1.mof", "--json"]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as { namespaces: { name: string; classes: { name: string; superclass: string | null }[] }[] };
    expect(doc.namespaces[0]!.classes.map((c) => [c.name, c.superclass])).toEqual([
      ["CIM_A", null],
      ["CIM_B", "CIM_A"],
    ]);
  });

  it("diff prints graded changes on stdout and exits 0", async () => {
    const r = await cli(["diff", "v1.mof", "v2.mof"]);
    expect(r.code).toBe(0);
    expect(r.out.split("\n")[0]).toBe("1 class added, 1 removed, 1 changed; 2 breaking changes, 4 compatible.");
    expect(r.out).toContain("BREAKING    Class CIM_B was removed.");
    expect(r.err).toBe("");
  });

  it("diff --fail-on breaking exits 1; --format json is clean JSON on stdout", async () => {
    const r = await cli(["diff", "--old", "v1.mof", "--new", "v2.mof", "--format", "json", "--fail-on", "breaking"]);
    expect(r.code).toBe(1);
    const parsed = JSON.parse(r.out) as { summary: { breaking: number; classesAdded: number } };
    expect(parsed.summary).toMatchObject({ breaking: 2, classesAdded: 1 });
    expect(r.err).toContain("MOF5018: 2 breaking change(s) found");
  });

  it("diff of a schema against itself finds nothing, even with --fail-on", async () => {
    const r = await cli(["diff", "v1.mof", "v1.mof", "--fail-on", "breaking"]);
    expect([r.code, r.out]).toEqual([0, "No changes.\n"]);
  });

  it("diff stops with exit 1 when a side has errors", async () => {
    file("bad.mof", "class {");
    const r = await cli(["diff", "v1.mof", "bad.mof"]);
    expect(r.code).toBe(1);
    expect(r.out).toBe("");
  });
});

describe("built-in platform classes", () => {
  const resource = '[ClassVersion("1.0.0")] class Demo_R : OMI_BaseResource { [Key] string Name; };\n';

  // MSFT_Credential comes along: OMI_BaseResource.PsDscRunAsCredential embeds it.
  it("a DSC resource compiles alone; the MOF2308 note shows only with --verbose", async () => {
    file("r.schema.mof", resource);
    const normal = await cli(["r.schema.mof", "-o", "out", "--diagnostics", "plain"]);
    expect(normal.code).toBe(0);
    expect(normal.err).not.toContain("MOF2308");
    expect(readdirSync(path.join(dir, "out")).sort()).toEqual(["Demo_R.ts", "MSFT_Credential.ts", "OMI_BaseResource.ts", "index.ts", "runtime"]);
    const verbose = await cli(["r.schema.mof", "-o", "out2", "--diagnostics", "plain", "--verbose"]);
    expect(verbose.err).toMatch(
      /^mof2ts:builtins\/platform\.mof:\d+:7: info MOF2308: Class 'OMI_BaseResource' is not declared by the inputs or --schema files/m,
    );
    const inspect = await cli(["inspect", "r.schema.mof"]);
    expect(inspect.out).toContain("class OMI_BaseResource  [abstract, built in]");
  });

  it("--no-builtins and config builtins: false turn them off; both reach the run stamp", async () => {
    file("r.schema.mof", resource);
    const off = await cli(["r.schema.mof", "-o", "out", "--no-builtins", "--diagnostics", "plain"]);
    expect(off.code).toBe(1);
    expect(off.err).toContain("error MOF2301: Class 'Demo_R' derives from unknown class 'OMI_BaseResource'.");
    file("mof2ts.config.json", JSON.stringify({ inputs: ["r.schema.mof"], outDir: "gen", builtins: false }));
    expect((await cli(["--diagnostics", "plain"])).code).toBe(1);
    file("mof2ts.config.json", JSON.stringify({ inputs: ["r.schema.mof"], outDir: "gen" }));
    expect((await cli([])).code).toBe(0);
    // Same inputs and output, other setting: never answered from the previous run's stamp.
    expect((await cli(["--check", "--no-builtins"])).code).toBe(1);
  });

  it("a run that used built-in classes is stamped, and the re-run repeats its notes with their position", async () => {
    file("package.json", "{}");
    mkdirSync(path.join(dir, "node_modules"));
    file("r.schema.mof", resource);
    expect((await cli(["r.schema.mof", "-o", "out"])).code).toBe(0);
    const again = await cli(["r.schema.mof", "-o", "out", "--verbose", "--diagnostics", "plain"]);
    expect(again.err).toMatch(/^All \d+ files in out were already up to date/m);
    expect(again.err).toMatch(/^mof2ts:builtins\/platform\.mof:\d+:7: info MOF2308: Class 'OMI_BaseResource'/m);
  });

  it("--help lists --no-builtins", async () => {
    const help = await cli(["generate", "--help"]);
    expect(help.out).toContain("--no-builtins");
  });
});
