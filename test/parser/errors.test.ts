/**
 * Negative fixtures: every fixtures/errors/<case>.mof states on its first line the diagnostics it must
 * produce (`// expect: MOF1101@3:16 …`, code at line:column, in order), and its rendering (plain, then
 * pretty with code frames) is kept as fixtures/errors/<case>.errors.txt.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "../../src/parser/parse.js";
import { SourceFile } from "../../src/diagnostics/source-file.js";
import { sortDiagnostics } from "../../src/diagnostics/diagnostic.js";
import { formatDiagnostics } from "../../src/diagnostics/format.js";
import { fixturesDir } from "./helpers.js";

const dir = fixturesDir + "errors/";
const cases = readdirSync(dir)
  .filter((name) => name.endsWith(".mof"))
  .sort();

describe("negative fixtures", () => {
  it("there are at least 40", () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  it.each(cases)("%s", async (name) => {
    const text = readFileSync(dir + name, "utf8");
    const expected = /^\/\/ expect: (.*)$/m.exec(text)?.[1]?.trim().split(/\s+/) ?? [];
    expect(expected.length).toBeGreaterThan(0);
    const source = new SourceFile(name, text);
    const diagnostics = sortDiagnostics(parse(text, name).diagnostics);
    const actual = diagnostics.map((d) => {
      const at = source.positionAt(d.span?.start ?? -1);
      return `${d.code}@${at.line}:${at.column}`;
    });
    expect(actual).toEqual(expected);
    for (const d of diagnostics) {
      expect(d.span?.file).toBe(name);
      expect(d.message).toMatch(/\.$/);
    }
    const lookup = (file: string) => (file === name ? source : undefined);
    const rendered = [
      formatDiagnostics(diagnostics, lookup, { style: "plain" }),
      "",
      formatDiagnostics(diagnostics, lookup, { style: "pretty" }),
      "",
    ].join("\n");
    await expect(rendered).toMatchFileSnapshot(dir + name.replace(/\.mof$/, ".errors.txt"));
  });
});

describe("several errors in one file", () => {
  it("are all reported, and the declarations around them are kept", () => {
    const text = readFileSync(dir + "several-errors.mof", "utf8");
    const { file, diagnostics } = parse(text, "several-errors.mof");
    expect(diagnostics.filter((d) => d.severity === "error").length).toBeGreaterThanOrEqual(4);
    expect(
      file.statements.map((s) =>
        s.kind === "InstanceDeclaration" ? s.className.name : "name" in s ? s.name.name : "",
      ),
    ).toEqual(["A", "B", "C", "D"]);
  });
});
