import { describe, expect, it } from "vitest";
import { writeInspectText } from "../../src/cli/inspect-text.js";
import { memoryIo, type CliIo } from "../../src/cli/io.js";
import { Reporter } from "../../src/cli/report.js";
import type { CimSchema } from "../../src/model/schema.js";
import { cls, method, param, prop, schema, valueMap } from "./schema-builder.js";

function outline(model: CimSchema): string {
  let text = "";
  const decoder = new TextDecoder();
  writeInspectText(model, (chunk) => {
    text += decoder.decode(chunk, { stream: true });
    return true;
  });
  return text + decoder.decode();
}

describe("writeInspectText", () => {
  const base = cls("CIM_Base", {
    properties: [prop("Id", "string", { origin: "CIM_Base", isKey: true }), prop("Mode", "uint16", { origin: "CIM_Base", valueMap: valueMap([[1, "On"], [2, "Off"]]) })],
    methods: [method("Go", { origin: "CIM_Base", parameters: [param("Level", "uint8")] })],
  });
  const middle = cls("CIM_Middle", { superclass: "CIM_Base", properties: base.properties, methods: base.methods });
  const leaf = cls("CIM_Leaf", { superclass: "CIM_Middle", properties: [...base.properties, prop("Extra", "uint8", { origin: "CIM_Leaf" })], methods: base.methods });

  it("prints inherited members the same in every class that inherits them", () => {
    const text = outline(schema([base, middle, leaf]));
    expect(text).toBe(
      [
        "namespace root/cimv2 (3 classes, 0 instances)",
        "",
        "class CIM_Base",
        "  [key] string Id",
        "  uint16 Mode",
        "      1=On, 2=Off",
        "  uint32 Go(in uint8 Level)",
        "",
        "class CIM_Middle : CIM_Base",
        "  [key] string Id  (from CIM_Base)",
        "  uint16 Mode  (from CIM_Base)",
        "      1=On, 2=Off",
        "  uint32 Go(in uint8 Level)  (from CIM_Base)",
        "",
        "class CIM_Leaf : CIM_Middle",
        "  [key] string Id  (from CIM_Base)",
        "  uint16 Mode  (from CIM_Base)",
        "      1=On, 2=Off",
        "  uint8 Extra",
        "  uint32 Go(in uint8 Level)  (from CIM_Base)",
        "",
      ].join("\n"),
    );
    // Printed alone, each class reads the same as within the whole outline (nothing carried over).
    const alone = [base, middle, leaf].map((c) => outline(schema([c])).split("\n").slice(2).join("\n"));
    expect(text.split("\n").slice(2).join("\n")).toBe(alone.join("\n"));
  });

  it("escapes line breaks and control characters inside schema text, line by line", () => {
    const hostile = cls("CIM_H", { properties: [prop("P", "uint8", { origin: "CIM_H", valueMap: valueMap([[1, "a\nb\u2028c\u0085"]]) })] });
    const text = outline(schema([hostile, cls("CIM_I", { superclass: "CIM_H", properties: hostile.properties })]));
    expect(text).toContain("      1=a\\u000ab\\u2028c\\u0085\n");
    expect(text.match(/1=a\\u000a/g)).toHaveLength(2);
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/);
  });

  it("says so when there are no classes", () => {
    expect(outline({ namespaces: [], qualifierTypes: new Map(), inputs: [] })).toBe("No classes.");
  });
});

describe("Reporter.dataChunks", () => {
  const produce = (sink: (chunk: Uint8Array) => boolean) => {
    const bytes = new TextEncoder().encode("caf\u00e9 \ud83d\ude00");
    // A character split across chunks must survive the decoding fallback.
    sink(bytes.subarray(0, 4));
    sink(bytes.subarray(4));
  };

  it("decodes the chunks and ends the data with a line break on a text-only stream", () => {
    const io = memoryIo({ cwd: "/" });
    new Reporter(io).dataChunks(produce);
    expect(io.out()).toBe("caf\u00e9 \ud83d\ude00\n");
  });

  it("writes the bytes as they come on a stream that takes bytes", () => {
    const written: Uint8Array[] = [];
    let text = "";
    const io: CliIo = {
      ...memoryIo({ cwd: "/" }),
      stdout: {
        write: (t) => void (text += t),
        writeBytes: (bytes) => written.push(bytes.slice()) > 0,
        isTTY: false,
      },
    };
    new Reporter(io).dataChunks(produce);
    expect(new TextDecoder().decode(Buffer.concat(written)) + text).toBe("caf\u00e9 \ud83d\ude00\n");
    expect(written).toHaveLength(2);
  });
});
