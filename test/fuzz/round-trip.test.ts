/**
 * Property: for any valid syntax tree, print → parse gives zero diagnostics and the same tree (spans
 * aside). Exercises the printer's escaping and the front end's decoding against each other.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse } from "../../src/parser/parse.js";
import { formatMof } from "../../src/printer/print.js";
import { genFile, mofFile } from "./arbitraries.js";
import { fuzzParameters, fuzzTimeout } from "./config.js";
import { stripSpans } from "./strip-spans.js";

const budgetSeconds = 15;

describe("MOF printer round trip", () => {
  it(
    "print then parse gives back the same tree with no diagnostics",
    () => {
      fc.assert(
        fc.property(mofFile, (file) => {
          const text = formatMof(file);
          const result = parse(text, genFile);
          expect(result.diagnostics, text).toEqual([]);
          expect(stripSpans(result.file), text).toEqual(stripSpans(file));
        }),
        fuzzParameters(2000, budgetSeconds),
      );
    },
    fuzzTimeout(budgetSeconds),
  );

  it("printing is a fixed point: print(parse(print(tree))) === print(tree)", () => {
    fc.assert(
      fc.property(mofFile, (file) => {
        const text = formatMof(file);
        expect(formatMof(parse(text, genFile).file)).toBe(text);
      }),
      fuzzParameters(100, 5),
    );
  });
});
