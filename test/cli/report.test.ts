import { describe, expect, it } from "vitest";
import { Reporter } from "../../src/cli/report.js";
import { memoryIo } from "../../src/cli/io.js";
import { createDiagnostic } from "../../src/diagnostics/diagnostic.js";
import { Diagnostics } from "../../src/diagnostics/codes.js";

const warning = createDiagnostic(Diagnostics.NothingGenerated, undefined);
const error = createDiagnostic(Diagnostics.InputNotFound, undefined, ["x.mof"]);

describe("Reporter", () => {
  it("plain by default off a terminal; status lines after the diagnostics queued before them", () => {
    const io = memoryIo({ cwd: "/" });
    const r = new Reporter(io);
    r.add([warning]);
    r.status("Done.");
    expect(io.err()).toBe("mof2ts: warning MOF5019: No classes were selected, so there is nothing to generate.\n  hint: Check the --class and --namespace filters.\nDone.\n");
    expect(io.out()).toBe("");
  });

  it("quiet keeps errors only and drops status lines", () => {
    const io = memoryIo({ cwd: "/" });
    const r = new Reporter(io, { quiet: true });
    r.add([warning, error]);
    r.status("Done.");
    expect(r.flush()).toBe(1);
    expect(io.err()).toBe("mof2ts: error MOF5009: Input file 'x.mof' was not found.\n");
  });

  it("json prints one array (also when empty) and no status lines", () => {
    const io = memoryIo({ cwd: "/" });
    const r = new Reporter(io, { style: "json" });
    r.status("Done.");
    expect(r.flush()).toBe(0);
    r.add([warning, error]);
    expect(r.flush()).toBe(1);
    const [empty, full] = io.err().trim().split(/\n(?=\[)/);
    expect(JSON.parse(empty!)).toEqual([]);
    expect((JSON.parse(full!) as { code: string }[]).map((d) => d.code)).toEqual(["MOF5019", "MOF5009"]);
  });

  it("pretty on a terminal ends with a count line; data goes to stdout", () => {
    const io = memoryIo({ cwd: "/", tty: true, env: { NO_COLOR: "" } });
    const r = new Reporter(io);
    r.add([error, warning]);
    r.flush();
    r.data("payload");
    expect(io.err()).toContain("\u001b["); // NO_COLOR set but empty does not count
    expect(io.err().trim().endsWith("Found 1 error and 1 warning.")).toBe(true);
    expect(io.out()).toBe("payload\n");
  });
});
