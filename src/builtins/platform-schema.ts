/**
 * The built-in platform schema (templates/builtins/platform.mof): classes every Windows machine or
 * PowerShell DSC node has (WMI system and event classes, WDK WMIEvent/EventTrace, hi-perf counter
 * bases, DSC's OMI_BaseResource family), which the MOFs that build on them never declare.
 * Read and parsed at most once per process, and only when a run has a name nothing else declares:
 * runs that resolve fully (the DMTF schema) never pay for it.
 */
import { fileURLToPath } from "node:url";
import { memoryHost, nodeHost } from "../host.js";
import { loadProgram, type LoadResult } from "../parser/program-loader.js";

/** The name the built-in file carries in diagnostics and `inspect --json` sources. */
export const builtinSchemaFile = "mof2ts:builtins/platform.mof";

let loaded: LoadResult | undefined;

/** The parsed built-in schema (a program plus its decoded source). */
export function loadPlatformSchema(): LoadResult {
  if (loaded === undefined) {
    // Same depth from dist/builtins/*.js and from the bundle in dist/bundle/. Read through the file
    // system's one door; served under a fixed name so output never depends on the install path.
    const file = fileURLToPath(new URL("../../templates/builtins/platform.mof", import.meta.url));
    const bytes = nodeHost().readFile(file);
    // A damaged install without the file: its classes stay unknown (MOF2301) rather than crash.
    loaded = loadProgram(bytes === undefined ? [] : [builtinSchemaFile], { host: memoryHost(bytes === undefined ? {} : { [builtinSchemaFile]: bytes }) });
  }
  return loaded;
}
