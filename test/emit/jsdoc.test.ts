import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { escapeDocText, qualifierTags, renderDoc } from "../../src/emit/jsdoc.js";
import type { CimQualifier, CimValue } from "../../src/model/schema.js";

function qualifiers(entries: Record<string, CimValue>): ReadonlyMap<string, CimQualifier> {
  const flavors = { overridable: true, toSubclass: true, toInstance: false, translatable: false, amended: false };
  return new Map(Object.entries(entries).map(([name, value]) => [name.toLowerCase(), { name, value, flavors, origin: "X" }]));
}

describe("escapeDocText", () => {
  test("text can never close the comment", () => {
    for (const text of ["*/", "a */ b", "**/", "*/*/", "* /", "*\u2028/"]) {
      const escaped = escapeDocText(text);
      expect(escaped).not.toContain("*/");
      expect(`/** ${escaped} */`.indexOf("*/")).toBe(`/** ${escaped} `.length);
    }
  });

  test("line terminators become LF; control characters and lone surrogates are replaced", () => {
    expect(escapeDocText("a\r\nb\rc\u2028d\u2029e")).toBe("a\nb\nc\nd\ne");
    expect(escapeDocText("a\u0000b\u0007c\u001bd\u007fe")).toBe("a\ufffdb\ufffdc\ufffdd\ufffde");
    expect(escapeDocText("tab\there")).toBe("tab here");
    expect(escapeDocText("lone \ud800 high")).toBe("lone \ufffd high");
    expect(escapeDocText("pair \ud83d\ude00 ok")).toBe("pair \ud83d\ude00 ok");
  });

  test("the shortcuts for plain text and for text that only needs its line ends trimmed agree with the full rewrite", () => {
    // The full rewrite, applied to every text: what escapeDocText must return whichever path it takes.
    const fullRewrite = (text: string): string =>
      text
        .replace(/\r\n?|[\u2028\u2029]/g, "\n")
        .replace(/[\t\v\f]/g, " ")
        .replace(/[\u0000-\u0008\u000e-\u001f\u007f-\u009f\ufeff]/g, "\ufffd")
        .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd")
        .replace(/\*\//g, "*\\/")
        .replace(/(^|\s)@/g, "$1\\@")
        .split("\n")
        .map((line) => line.trimEnd())
        .join("\n")
        .replace(/^\n+|\n+$/g, "");
    const pieces = ["a", "Z", " ", "  ", "\n", "\n\n", " \n", "\u00a0", "\u3000", "\u2009", "\t", "\r", "@", "*/", "*", "/", "\u2028", "\ufeff", "\ud800", "é"];
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((parts) => parts.join(""));
    fc.assert(
      fc.property(text, (t) => {
        const escaped = escapeDocText(t);
        // Text that needs no rewrite at all comes back unchanged even where trimEnd would differ (NBSP).
        if (escaped !== t) expect(escaped).toBe(fullRewrite(t));
        else if (/ \n|^[ \n]|[ \n]$|[\u0000-\u0009\u000b-\u001f@]|\*\//.test(t)) expect(escaped).toBe(fullRewrite(t));
      }),
    );
    expect(escapeDocText("a  \n  b \n\n")).toBe("a\n  b");
    expect(escapeDocText("\n\u00a0x\u3000 \ny")).toBe("\u00a0x\ny");
  });

  test("text cannot start a block tag", () => {
    expect(escapeDocText("@deprecated fake\n @internal")).toBe("\\@deprecated fake\n \\@internal");
    expect(escapeDocText("mail a@b.c")).toBe("mail a@b.c");
  });

  test("trailing spaces and outer blank lines go", () => {
    expect(escapeDocText("\n\nfirst  \nsecond \n\n")).toBe("first\nsecond");
  });
});

describe("qualifier tags", () => {
  test("Deprecated names the replacement; Experimental, units, limits and ModelCorrespondence", () => {
    const tags = qualifierTags(
      qualifiers({
        Deprecated: ["CIM_Foo.Bar"],
        Experimental: true,
        PUnit: "byte * 2^10",
        Units: "KiloBytes",
        MaxLen: 64,
        MinValue: 0,
        MaxValue: 100n,
        ModelCorrespondence: ["CIM_Synchronized.CopyState"],
      }),
    );
    expect(tags).toEqual([
      { name: "deprecated", text: "Use CIM_Foo.Bar instead." },
      { name: "experimental" },
      { name: "unit", text: "byte * 2^10" },
      { name: "maxLength", text: "64" },
      { name: "minValue", text: "0" },
      { name: "maxValue", text: "100" },
      { name: "see", text: "CIM_Synchronized.CopyState" },
    ]);
  });

  test("Deprecated without a replacement, and 'No value'", () => {
    expect(qualifierTags(qualifiers({ Deprecated: ["No Value"] }))).toEqual([{ name: "deprecated", text: "Deprecated in the schema." }]);
  });

  test("renderDoc puts tags after a blank line and escapes tag text", () => {
    expect(renderDoc({ description: "Text.", tags: [{ name: "see", text: "x */ y\nz" }] })).toBe("Text.\n\n@see x *\\/ y z");
    expect(renderDoc({ description: "", tags: [] })).toBeUndefined();
  });
});

describe("escapeDocText on arbitrary text", () => {
  test("never contains */, control characters, separators or lone surrogates", async () => {
    const fc = await import("fast-check");
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 60 }), (text) => {
        const escaped = escapeDocText(text);
        return (
          !escaped.includes("*/") &&
          !/[\u0000-\u0009\u000b-\u001f\u2028\u2029]/.test(escaped) &&
          !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(escaped) &&
          !/(^|\n)\s*@/.test(escaped) &&
          escapeDocText(escaped) === escaped
        );
      }),
      { numRuns: 2000 },
    );
  });
});
