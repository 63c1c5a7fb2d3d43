import { describe, expect, it } from "vitest";
import { Utf8Output, Utf8Store } from "../../src/model/utf8-output.js";

/** Everything `write` sends through a small Utf8Output, as chunks (copied) and as one byte array. */
function output(chunkBytes: number, write: (out: Utf8Output) => void, reuse = true): { chunks: Uint8Array[]; bytes: Uint8Array } {
  const chunks: Uint8Array[] = [];
  const out = new Utf8Output((chunk) => {
    chunks.push(reuse ? chunk.slice() : chunk);
    return reuse;
  }, chunkBytes);
  write(out);
  out.flush();
  const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return { chunks, bytes };
}

describe("Utf8Output", () => {
  const text = "ab\u00e9c\u20ac\ud83d\ude00d".repeat(5);

  it("encodes text across chunk boundaries without splitting a character", () => {
    for (const size of [4, 5, 7, 64]) {
      const { chunks, bytes } = output(size, (out) => out.text(text));
      expect(new TextDecoder().decode(bytes)).toBe(text);
      for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(size);
      expect(() => chunks.forEach((chunk) => new TextDecoder("utf-8", { fatal: true }).decode(chunk))).not.toThrow();
    }
  });

  it("copies bytes across chunk boundaries, and allocates a new buffer when the sink keeps a chunk", () => {
    const kept = new TextEncoder().encode("0123456789");
    for (const reuse of [true, false]) {
      const { chunks, bytes } = output(4, (out) => {
        out.text("ab");
        out.bytes(kept);
        out.text("z");
        out.bytes(kept);
      }, reuse);
      expect(new TextDecoder().decode(bytes)).toBe("ab0123456789z0123456789");
      expect(chunks.map((c) => c.length)).toEqual([4, 4, 4, 4, 4, 3]);
    }
  });

  it("writes a lone surrogate as U+FFFD, as a stream would, and hands out nothing for no text", () => {
    expect([...output(16, (out) => out.text("a\ud800b")).bytes]).toEqual([0x61, 0xef, 0xbf, 0xbd, 0x62]);
    expect(output(16, (out) => out.text("")).chunks).toEqual([]);
  });
});

describe("Utf8Store", () => {
  it("keeps each text as a view that later texts do not overwrite", () => {
    const store = new Utf8Store(8);
    const views = ["abc", "defgh", "\u00e9\u00e9\u00e9\u00e9", "x".repeat(20), "yz"].map((t) => [t, store.keep(t)] as const);
    for (const [t, view] of views) expect(new TextDecoder().decode(view)).toBe(t);
  });
});
