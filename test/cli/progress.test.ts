import { describe, expect, it } from "vitest";
import { createProgress } from "../../src/cli/progress.js";

function stream(isTTY: boolean) {
  let text = "";
  return { write: (s: string) => void (text += s), isTTY, text: () => text };
}

describe("progress", () => {
  it("stays silent for the first second, then shows the stage on the terminal and clears it at the end", () => {
    let clock = 0;
    const tty = stream(true);
    const progress = createProgress(tty, true, () => clock);
    progress.stage("reading and resolving MOF");
    clock = 400;
    progress.stage("generating TypeScript");
    expect(tty.text()).toBe("");
    clock = 1500;
    progress.stage("writing");
    expect(tty.text()).toBe("\r\u001b[2Kmof2ts: writing… (1.5 s)");
    progress.done();
    expect(tty.text().endsWith("\r\u001b[2K")).toBe(true);
  });

  it("never writes when stderr is not a terminal, or when disabled (--quiet)", () => {
    let clock = 0;
    for (const [out, enabled] of [
      [stream(false), true],
      [stream(true), false],
    ] as const) {
      const progress = createProgress(out, enabled, () => clock);
      clock = 5000;
      progress.stage("writing");
      progress.done();
      expect(out.text()).toBe("");
    }
  });

  it("a fast run clears nothing it never showed", () => {
    const tty = stream(true);
    const progress = createProgress(tty, true, () => 10);
    progress.stage("writing");
    progress.done();
    expect(tty.text()).toBe("");
  });
});
