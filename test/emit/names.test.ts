import { describe, expect, test } from "vitest";
import { enumMemberName, isIdentifierName, NameRegistry, StemRegistry, toIdentifier, toPathStem, uniqueMemberNames } from "../../src/emit/names.js";
import { defineValueMap } from "../../templates/runtime/value-map.js";
import { emitCases, generateCase } from "./helpers/fixtures.js";

describe("enumMemberName", () => {
  test.each([
    ["Synchronized", 4, "Synchronized"],
    ["Failing over", 11, "FailingOver"],
    ["Not Applicable", 15, "NotApplicable"],
    ["DMTF Reserved", 0, "DMTFReserved"],
    ["Method Parameters Checked - Job Started", 4096, "MethodParametersCheckedJobStarted"],
    ["iSCSI", 1, "ISCSI"],
    ["It's", 1, "Its"],
    ["3DES", 1, "_3DES"],
    ["delete", 1, "Delete"],
    ["NaN", 1, "NaN_"],
    ["Infinity", 1, "Infinity_"],
    ["naïve façade", 1, "NaiveFacade"],
    ["snake_case_label", 1, "SnakeCaseLabel"],
    ["", 6, "Value6"],
    ["?", -1, "ValueMinus1"],
    ["", "a b", "Valuea_b"],
    ["-Saturday", -7, "MinusSaturday"],
    ["+5V", 2, "Plus5V"],
    ["DVD-RW+", 23, "DVDRWPlus"],
    ["N+1", 2, "NPlus1"],
    ["50%", 0, "_50Percent"],
    ["Sleep -Deep", 4, "SleepDeep"],
    ["-", 1, "Value1"],
    ["1.0", 1, "_1_0"],
    ["IEEE 802.3 10BASE2", 29, "IEEE802_3_10BASE2"],
    ["ISO/IEC 8802 - 2 LLC", 4, "ISOIEC8802_2LLC"],
    ["X.25", 1, "X25"],
    ["snake_9_1", 1, "Snake9_1"],
  ])("%j (value %j) -> %s", (label, value, expected) => {
    expect(enumMemberName(label, value)).toBe(expected);
  });

  test("collisions: first keeps the name, later ones get _<value>, then _<n>", () => {
    expect(
      uniqueMemberNames([
        { label: "Other", value: 1 },
        { label: "Other", value: 2 },
        { label: "Not Applicable", value: 3 },
        { label: "Not-Applicable", value: 4 },
        { label: "Other_2", value: 5 },
        { label: "Other", value: 2 },
      ]),
    ).toEqual(["Other", "Other_2", "NotApplicable", "NotApplicable_4", "Other2", "Other_2_2"]);
  });
});

describe("a label that is its own name keeps it", () => {
  test("CIM_Job.RunDayOfWeek: Saturday is 7, the sign becomes a word", () => {
    const days = ["Saturday", "Friday", "Thursday", "Wednesday", "Tuesday", "Monday", "Sunday"];
    const entries = [
      ...days.map((day, i) => ({ label: `-${day}`, value: i - 7 })),
      { label: "ExactDayOfMonth", value: 0 },
      ...[...days].reverse().map((day, i) => ({ label: day, value: i + 1 })),
    ];
    const names = uniqueMemberNames(entries);
    expect(names.slice(0, 7)).toEqual(days.map((day) => `Minus${day}`));
    expect(names.slice(7)).toEqual(["ExactDayOfMonth", "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]);
  });

  test("an earlier label that needed normalization takes the suffix, not the verbatim one", () => {
    expect(
      uniqueMemberNames([
        { label: "Not-Ready", value: 1 },
        { label: "NotReady", value: 2 },
        { label: "Not Ready", value: 3 },
      ]),
    ).toEqual(["NotReady_1", "NotReady", "NotReady_3"]);
  });

  test("the value-names fixture (CIM_Job.RunDayOfWeek rebuilt) generates plain names for plain labels", async () => {
    const fixture = emitCases().find((c) => c.name === "value-names");
    if (fixture === undefined) throw new Error("fixtures/emit/value-names is missing");
    const job = (await generateCase(fixture)).find((file) => file.path === "Test_Job.ts");
    expect(job?.text).toMatch(/^ {2}MinusSaturday = -7,$/m);
    expect(job?.text).toMatch(/^ {2}Saturday = 7,$/m);
    expect(job?.text).toContain('[Test_Job_RunDayOfWeek.Saturday, "Saturday"]');
    expect(job?.text).toContain('[Test_Job_RunDayOfWeek.MinusSaturday, "-Saturday"]');
    expect(job?.text).not.toMatch(/Saturday_7/);
  });
});

describe("the runtime's value(text) and the member names follow one rule", () => {
  // templates/runtime/value-map.ts cannot import src/: its loose match restates the rule of labelWords.
  const labels = [
    "-Saturday", "Saturday", "+5V", "DVD-RW+", "DVD-RW", "NIS+ Domain", "N+1", "50%", "1.0", "10",
    "802.11a", "IEEE 802.3 10BASE2", "ISO/IEC 8802 - 2 LLC", "10-100-1000BaseT", "Sleep -Deep", "It's",
    "Not Applicable", "File Backed Virtual", "ATA/ATAPI", "Minix (<=1.4a) | Linux", "x86 SSE41: SSE4.1 instructions",
  ];
  const members = uniqueMemberNames(labels.map((label, value) => ({ label, value })));
  const helpers = defineValueMap<number>({ name: "Labels", values: labels.map((label, value) => [value, label] as const), ranges: [] });

  test.each(labels.map((label, value) => [members[value] ?? "", label, value] as const))("member %s finds %j without the enum object", (member, _label, value) => {
    expect(helpers.value(member)).toBe(value);
    expect(helpers.value(member.toLowerCase())).toBe(value);
  });
});

describe("identifiers", () => {
  test("toIdentifier keeps CIM names and fixes the rest", () => {
    expect(toIdentifier("CIM_Synchronized")).toBe("CIM_Synchronized");
    expect(toIdentifier("delete")).toBe("delete_");
    expect(toIdentifier("string")).toBe("string_");
    expect(toIdentifier("9lives")).toBe("_9lives");
    expect(toIdentifier("a-b c")).toBe("a_b_c");
    expect(toIdentifier("")).toBe("_");
  });

  test("identifiers are ASCII whatever Unicode version the text needs (TypeScript's tables lag Node's)", () => {
    expect(toIdentifier("Demo\u1c89")).toBe("DemoU1C89");
    expect(toIdentifier("Café")).toBe("Cafe");
    expect(toIdentifier("\u{13460}")).toBe("U13460");
    expect(enumMemberName("\u{13460}\u{13461}", 1)).toBe("U13460U13461");
    expect(enumMemberName("X\u{2EBF0}", 2)).toBe("XU2EBF0");
    expect(isIdentifierName("Id\u1c89")).toBe(false);
    expect(isIdentifierName("Größe")).toBe(false);
    expect(isIdentifierName("CIM_A$")).toBe(true);
  });

  test("NameRegistry hands out unique names and records renames", () => {
    const registry = new NameRegistry(["CimReference"]);
    expect(registry.claim("CimReference")).toBe("CimReference_2");
    expect(registry.claim("A")).toBe("A");
    expect(registry.claim("A")).toBe("A_2");
    expect(registry.renamed).toEqual([
      { wanted: "CimReference", given: "CimReference_2" },
      { wanted: "A", given: "A_2" },
    ]);
  });
});

describe("path stems never leave the output folder", () => {
  test.each([
    ["root/cimv2", "root_cimv2"],
    ["..", "_"],
    ["../../etc", "etc"],
    ["root\\..\\x", "root_x"],
    ["C:\\Windows", "C_Windows"],
    ["a\u0000b", "a_b"],
    ["", "_"],
    ["3com", "_3com"],
  ])("%j -> %s", (text, stem) => {
    expect(toPathStem(text)).toBe(stem);
    expect(toPathStem(text)).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
  });

  test("StemRegistry is case-insensitive and avoids device and reserved names", () => {
    const stems = new StemRegistry(["index"]);
    expect(stems.claim("Index")).toBe("Index_2");
    expect(stems.claim("CON")).toBe("CON_");
    expect(stems.claim("Foo")).toBe("Foo");
    expect(stems.claim("FOO")).toBe("FOO_2");
  });
});
