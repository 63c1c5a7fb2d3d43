/**
 * Layout rules of the fast printer, checked against prettier itself on the shapes the emitter produces
 * at and beyond the print width (the rules that the DMTF schema exercises).
 */
import * as prettier from "prettier";
import { describe, expect, test } from "vitest";
import { PINNED_PRETTIER_OPTIONS } from "../../src/emit/format.js";
import { FAST_MORPH_ENUMS, printFile } from "../../src/emit/print.js";

const kinds = FAST_MORPH_ENUMS.StructureKind;
const types = [
  "boolean | null",
  "string",
  "CimDateTime | null",
  'CimReference<"CIM_ManagedElement"> | null',
  'readonly CimReference<"CIM_ManagedElement">[] | null',
  "readonly string[] | null",
  "CIM_Synchronized_CopyState | (number & {}) | null",
  "CIM_Synchronized_CopyState | (number & {})",
  "readonly (CIM_Synchronized_CopyState | (number & {}))[] | null",
  "readonly (CIM_Synchronized_CopyState | (number & {}))[]",
  "readonly (CIM_StorageConfigurationCapabilities_SupportedStorageElementFeatures | (number & {}))[] | null",
  "readonly (CIM_StorageConfigurationCapabilities_SupportedStorageElementFeatures | (number & {}))[]",
  // Arrays whose elements may be NULL (DSP0201 VALUE.NULL in VALUE.ARRAY).
  'readonly (CimReference<"CIM_X509Certificate"> | null)[]',
  'readonly (CimReference<"CIM_X509Certificate"> | null)[] | null',
  "readonly (string | null)[]",
  "readonly (string | null)[] | null",
  "readonly (CIM_Synchronized_CopyState | (number & {}) | null)[] | null",
];

test("an array of `Name<X> | null` stays on one line however long, as prettier keeps it", () => {
  const printed = printFile([], [
    {
      kind: kinds.Interface,
      isExported: true,
      name: "A",
      extends: [],
      properties: [{ name: "NewCertificates", isReadonly: true, type: 'readonly (CimReference<"CIM_X509Certificate"> | null)[]' }],
    },
  ]);
  expect(printed.exact).toBe(true);
  expect(printed.text).toContain('  readonly NewCertificates: readonly (CimReference<"CIM_X509Certificate"> | null)[];\n');
});

describe("property signatures match prettier", () => {
  test.each(types)("%s", async (type) => {
    for (const length of [10, 30, 50, 70]) {
      for (const optional of [true, false]) {
        const printed = printFile([], [
          {
            kind: kinds.Interface,
            isExported: true,
            name: "A",
            extends: [],
            properties: [{ name: "P".repeat(length), isReadonly: true, hasQuestionToken: optional, type }],
          },
        ]);
        if (!printed.exact) continue;
        const formatted = await prettier.format(printed.text, { ...PINNED_PRETTIER_OPTIONS, parser: "babel-ts", filepath: "a.ts" });
        expect(printed.text, `${length} ${optional}`).toBe(formatted);
      }
    }
  });
});

test.each([
  ['Omit<CIM_StorageConfigurationService, "ElementName" | "OperationalStatus">'],
  ['Omit<CIM_StorageConfigurationService, "ElementName" | "OperationalStatus" | "EnabledState" | "RequestedState">'],
])("long heritage %s matches prettier", async (heritage) => {
  const printed = printFile([], [
    {
      kind: kinds.Interface,
      isExported: true,
      name: "CIM_StorageConfigurationServiceLong",
      extends: [heritage],
      properties: [{ name: "X", type: "number" }],
    },
  ]);
  expect(printed.exact).toBe(true);
  expect(printed.text).toBe(await prettier.format(printed.text, { ...PINNED_PRETTIER_OPTIONS, parser: "babel-ts", filepath: "a.ts" }));
});
