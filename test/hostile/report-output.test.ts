/**
 * `inspect` and `diff` print schema text (descriptions, Values texts, names) to terminals, Markdown
 * reports and JSON. Hostile text must stay text there: no raw control characters, no forged lines or
 * Markdown structure, JSON that parses.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memoryIo } from "../../src/cli/io.js";
import { run } from "../../src/cli/main.js";
import { mofString } from "./emit-cases.js";

const hostile = [
  "\u001b]0;pwned\u0007",
  "\u001b[2J",
  "\u009b31m",
  "x\nforged line",
  "x\r\nforged line",
  "x\u2028forged",
  "| a | b |\n# Heading\n- item",
  "`code` **bold** [link](http://example.invalid) <script>",
];

let dir = "";
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "mof2ts-report-"));
  const classes = (offset: number) =>
    `[Description(${mofString(hostile.join(" "))})]\nclass Demo_R\n{\n    [Key, Description(${mofString(hostile[0]!)})] string Id;\n` +
    `    [ValueMap{${hostile.map((_, i) => `"${i + offset}"`).join(", ")}}, Values{${hostile.map(mofString).join(", ")}}] uint16 State;\n` +
    `    [Description(${mofString(hostile[3]!)})] string Name\u00e9${offset};\n};\n`;
  writeFileSync(path.join(dir, "old.mof"), classes(0));
  writeFileSync(path.join(dir, "new.mof"), classes(1));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...argv: string[]): Promise<{ code: number; text: string }> {
  const io = memoryIo({ cwd: dir, env: { NO_COLOR: "1", MOF2TS_CACHE: "off" } });
  const code = await run(argv, io);
  return { code, text: io.out() + io.err() };
}

const rawControls = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/;

describe("inspect and diff keep hostile schema text inert", () => {
  async function expectInert(argv: readonly string[], controls: RegExp): Promise<void> {
    const { code, text } = await cli(...argv);
    expect(code, text).toBeLessThan(2);
    for (const line of text.split("\n")) expect(line, JSON.stringify(line)).not.toMatch(controls);
    expect(text.split("\n").filter((l) => /^\s*forged/.test(l))).toEqual([]);
  }

  it(
    "inspect (a line break or U+2028 in a Values text stays escaped): prints no raw control characters and no forged lines",
    () => expectInert(["inspect", "old.mof"], rawControls),
  );
  it(
    "diff (text; U+2028/U+2029 too) prints no raw line separators",
    () => expectInert(["diff", "old.mof", "new.mof"], rawControls),
  );
  it(
    "diff (markdown; U+2028/U+2029 too) prints no raw line separators",
    () => expectInert(["diff", "old.mof", "new.mof", "--format", "markdown"], rawControls),
  );
  it("diff (text and markdown) print no raw C0 controls and no forged lines", async () => {
    const c0 = /[\u0000-\u0009\u000b-\u001f\u007f]/;
    await expectInert(["diff", "old.mof", "new.mof"], c0);
    await expectInert(["diff", "old.mof", "new.mof", "--format", "markdown"], c0);
  });
  it("diff (json) escapes every C0 control (C1 and U+2028 are legal, escaped-free JSON)", async () => {
    await expectInert(["diff", "old.mof", "new.mof", "--format", "json"], /[\u0000-\u0009\u000b-\u001f]/);
  });

  it("diff --format markdown: hostile text creates no headings, list items or table rows", async () => {
    const { text } = await cli("diff", "old.mof", "new.mof", "--format", "markdown");
    const headings = text.split("\n").filter((l) => l.startsWith("#"));
    expect(headings.every((h) => /^#{1,3} (Schema changes|Breaking changes|Compatible changes|Demo_R)/.test(h)), headings.join("\n")).toBe(true);
    expect(text).not.toMatch(/^# Heading/m);
    expect(text).not.toMatch(/^- item/m);
  });

  it("diff --format json parses and round-trips the hostile texts exactly", async () => {
    const { text } = await cli("diff", "old.mof", "new.mof", "--format", "json");
    const parsed: unknown = JSON.parse(text);
    expect(JSON.stringify(parsed)).toContain(JSON.stringify(hostile[6]).slice(1, -1));
  });
});
