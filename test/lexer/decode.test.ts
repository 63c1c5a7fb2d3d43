import { describe, expect, it } from "vitest";
import { decodeBytes } from "../../src/lexer/decode.js";

const text = "class A {};\r\n// Grüße\n";

function utf16le(s: string, bom: boolean): Uint8Array {
  const body = Buffer.from(s, "utf16le");
  return bom ? Buffer.concat([Buffer.from([0xff, 0xfe]), body]) : body;
}
function utf16be(s: string, bom: boolean): Uint8Array {
  const le = Buffer.from(s, "utf16le");
  const be = Buffer.alloc(le.length);
  for (let i = 0; i < le.length; i += 2) {
    be[i] = le[i + 1]!;
    be[i + 1] = le[i]!;
  }
  return bom ? Buffer.concat([Buffer.from([0xfe, 0xff]), be]) : be;
}

describe("decodeBytes", () => {
  it("UTF-8 without BOM", () => {
    expect(decodeBytes(Buffer.from(text, "utf8"))).toEqual({
      ok: true,
      text,
      encoding: "utf-8",
      bom: false,
    });
  });

  it("UTF-8 with BOM (the BOM is dropped)", () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);
    expect(decodeBytes(bytes)).toEqual({ ok: true, text, encoding: "utf-8", bom: true });
  });

  it("UTF-16LE and UTF-16BE with BOM", () => {
    expect(decodeBytes(utf16le(text, true))).toEqual({
      ok: true,
      text,
      encoding: "utf-16le",
      bom: true,
    });
    expect(decodeBytes(utf16be(text, true))).toEqual({
      ok: true,
      text,
      encoding: "utf-16be",
      bom: true,
    });
  });

  it("UTF-16 without BOM, recognised by the NUL pattern", () => {
    expect(decodeBytes(utf16le(text, false))).toMatchObject({
      ok: true,
      text,
      encoding: "utf-16le",
      bom: false,
    });
    expect(decodeBytes(utf16be(text, false))).toMatchObject({
      ok: true,
      text,
      encoding: "utf-16be",
      bom: false,
    });
  });

  it("invalid UTF-8 falls back to Windows-1252", () => {
    expect(decodeBytes(Buffer.from([0x63, 0xa9, 0x20, 0x80]))).toEqual({
      ok: true,
      text: "c\u00a9 \u20ac",
      encoding: "windows-1252",
      bom: false,
    });
  });

  it("repairs UTF-16LE whose line ends went through a byte-wise LF -> CRLF conversion", () => {
    const clean = utf16le("a\r\nb\r\nc", true);
    const damaged: number[] = [];
    for (const byte of clean) {
      if (byte === 0x0a) damaged.push(0x0d);
      damaged.push(byte);
    }
    expect(decodeBytes(Uint8Array.from(damaged))).toEqual({
      ok: true,
      text: "a\r\nb\r\nc",
      encoding: "utf-16le",
      bom: true,
      repairedLineEnds: true,
    });
  });

  it("rejects binary files", () => {
    const binary = Uint8Array.from({ length: 600 }, (_, i) => (i * 37) % 256);
    expect(decodeBytes(binary)).toMatchObject({ ok: false });
    expect(decodeBytes(Buffer.from("ab\u0000cd\u0001\u0002", "latin1"))).toEqual({
      ok: false,
      reason: "it contains NUL bytes",
      nul: { text: "ab\u2400cd\u0001\u0002", offset: 2 },
    });
    const controls = Buffer.from(
      "\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u000e\u000f\u0010 class",
      "latin1",
    );
    expect(decodeBytes(controls)).toEqual({
      ok: false,
      reason: "it contains 10 control characters",
    });
  });

  it("locates the first NUL of an otherwise text file, in UTF-8 and UTF-16, and not in a binary file", () => {
    expect(decodeBytes(Buffer.from("class A {\n  string N\u0000ame;\u0000\n};", "latin1"))).toEqual({
      ok: false,
      reason: "it contains NUL bytes",
      nul: { text: "class A {\n  string N\u2400ame;\u2400\n};", offset: 20 },
    });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("class A { string \u00e9\u0000; };", "utf16le")]);
    expect(decodeBytes(utf16)).toMatchObject({ ok: false, nul: { offset: 18 } });
    const binary = Buffer.from("\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u000e\u000f\u0010 class", "latin1");
    expect(decodeBytes(binary)).toEqual({ ok: false, reason: "it contains NUL bytes" });
  });

  it("keeps text with a few stray control characters, and every kind of allowed one", () => {
    const allowed = "class A {};\t\n\u000b\f\r\n\u001a";
    expect(decodeBytes(Buffer.from(allowed, "latin1"))).toEqual({
      ok: true,
      text: allowed,
      encoding: "utf-8",
      bom: false,
    });
    // Eight stray controls in a short file are tolerated; nine are not (the threshold is max(8, 0.1%)).
    const eight = "\u0001".repeat(8) + " class A {};";
    expect(decodeBytes(Buffer.from(eight, "latin1"))).toMatchObject({ ok: true, text: eight });
    expect(decodeBytes(Buffer.from("\u001f".repeat(9), "latin1"))).toEqual({
      ok: false,
      reason: "it contains 9 control characters",
    });
  });

  it("empty files are empty text", () => {
    expect(decodeBytes(new Uint8Array())).toEqual({
      ok: true,
      text: "",
      encoding: "utf-8",
      bom: false,
    });
  });
});
