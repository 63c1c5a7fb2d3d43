/**
 * `--watch`: run, then run again whenever a file the last run read changes (inputs, included files, base
 * schemas, the config file). Folders are watched rather than files, because editors often save by
 * replacing a file, which ends a watch on the old file. Ends on the io's abort signal or Ctrl+C.
 */
import { statSync, watch, type FSWatcher } from "node:fs";
import * as path from "node:path";
import type { CliIo } from "./io.js";

const DEBOUNCE_MS = 100;

export interface WatchRun {
  /** Runs once and returns the absolute paths of the files to watch next. */
  (): Promise<readonly string[]>;
}

/** Runs `runOnce` now and after every change until stopped. Resolves when stopped. */
export async function watchLoop(runOnce: WatchRun, io: CliIo, announce: (line: string) => void): Promise<void> {
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  const external = io.signal;
  if (external === undefined) {
    process.once("SIGINT", onSignal);
    process.once("SIGTERM", onSignal);
  } else if (external.aborted) stop.abort();
  else external.addEventListener("abort", onSignal, { once: true });
  try {
    while (!stop.signal.aborted) {
      const started = Date.now();
      const files = await runOnce();
      if (stop.signal.aborted) break;
      announce(`Watching ${files.length} file${files.length === 1 ? "" : "s"} for changes (Ctrl+C to stop).`);
      const changed = await nextChange(files, io.cwd, stop.signal, started);
      if (changed !== undefined) announce(`${changed} changed; regenerating.`);
    }
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    external?.removeEventListener("abort", onSignal);
  }
}

/**
 * Resolves with the changed file's name (relative to `cwd`), or undefined when stopped. A file saved while
 * the last run was going (after `since`) counts at once: the run may have read it before the save.
 */
function nextChange(files: readonly string[], cwd: string, signal: AbortSignal, since: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const wanted = new Set(files.map((f) => path.resolve(f)));
    const folders = [...new Set([...wanted].map((f) => path.dirname(f)))];
    const watchers: FSWatcher[] = [];
    let timer: NodeJS.Timeout | undefined;
    const finish = (changed: string | undefined) => {
      if (timer !== undefined) clearTimeout(timer);
      for (const w of watchers) w.close();
      signal.removeEventListener("abort", onAbort);
      resolve(changed);
    };
    const onAbort = () => finish(undefined);
    signal.addEventListener("abort", onAbort, { once: true });
    for (const folder of folders) {
      try {
        const watcher = watch(folder, { persistent: true }, (_event, name) => {
          if (name === null) return;
          const file = path.join(folder, name.toString());
          if (!wanted.has(file)) return;
          // Editors write in bursts (truncate, write, rename): wait until the folder is quiet.
          if (timer !== undefined) clearTimeout(timer);
          timer = setTimeout(() => finish(path.relative(cwd, file) || file), DEBOUNCE_MS);
        });
        watcher.on("error", () => watcher.close());
        watchers.push(watcher);
      } catch {
        // A folder that vanished: nothing to watch there until it comes back with the next run.
      }
    }
    if (signal.aborted) return finish(undefined);
    const savedDuringRun = [...wanted].find((file) => (statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0) > since);
    if (savedDuringRun !== undefined) finish(path.relative(cwd, savedDuringRun) || savedDuringRun);
  });
}
