/**
 * Generator options that change formatting and diagnostics: user prettier options, a failing prettier
 * run (MOF4001, file kept unformatted), renamed symbols (MOF4002), the banner marker.
 */
import { expect, test } from "vitest";
import { GENERATED_BANNER_MARKER, generateWithDiagnostics, isGeneratedText } from "../../src/emit/generate.js";
import { compileCase, emitCases, goldenBanner } from "./helpers/fixtures.js";

const synchronized = () => {
  const emitCase = emitCases().find((c) => c.name === "synchronized");
  if (emitCase === undefined) throw new Error("missing fixture");
  return emitCase;
};

test("user prettier options are applied to every generated file", async () => {
  const emitCase = synchronized();
  const result = await generateWithDiagnostics(compileCase(emitCase), { banner: goldenBanner(emitCase), prettierOptions: { singleQuote: true, printWidth: 120 } });
  const file = result.files.find((f) => f.path === "CIM_Synchronized.ts");
  expect(file?.text).toContain(`import type { CimDateTime } from './runtime/datetime.js';`);
  expect(file?.text).toContain(`export const CIM_Synchronized_CopyStateValues = /* @__PURE__ */ defineValueMap<CIM_Synchronized_CopyState>({`);
  expect(result.diagnostics).toEqual([]);
});

test("a prettier failure is a warning and leaves the file unformatted", async () => {
  const emitCase = synchronized();
  const result = await generateWithDiagnostics(compileCase(emitCase), { banner: goldenBanner(emitCase), prettierOptions: { parser: "no-such-parser" } });
  expect(result.files.length).toBeGreaterThan(0);
  expect(result.diagnostics.map((d) => d.code)).toContain("MOF4001");
  for (const file of result.files) expect(isGeneratedText(file.text)).toBe(true);
});

test("the MOF4001 message ends its cause with exactly one period", async () => {
  const emitCase = synchronized();
  // Prettier's own message ends with a period ('…but received "wide".').
  const result = await generateWithDiagnostics(compileCase(emitCase), { banner: goldenBanner(emitCase), prettierOptions: { printWidth: "wide" as unknown as number } });
  const messages = result.diagnostics.filter((d) => d.code === "MOF4001").map((d) => d.message);
  expect(messages.length).toBeGreaterThan(0);
  for (const message of messages) {
    expect(message).toMatch(/received "wide"\. The file is written unformatted\.$/);
    expect(message).not.toContain("..");
  }
});

test("every file starts with the banner marker; renamed symbols are reported", async () => {
  const emitCase = emitCases().find((c) => c.name === "hostile-names");
  if (emitCase === undefined) throw new Error("missing fixture");
  const result = await generateWithDiagnostics(compileCase(emitCase), {});
  for (const file of result.files) expect(file.text.startsWith(`${GENERATED_BANNER_MARKER}\n`)).toBe(true);
  expect(result.diagnostics.filter((d) => d.code === "MOF4002").map((d) => d.message)).toEqual([
    "Generated name 'CimReference' is already taken in namespace 'root/test'; using 'CimReference_2'.",
    "Generated name 'Test_Clash_Mode' is already taken in namespace 'root/test'; using 'Test_Clash_Mode_2'.",
  ]);
});
