/**
 * A one-line progress display on stderr for runs that take more than about a second. Shown only when
 * stderr is a terminal (never in CI logs or pipes) and not --quiet. `compile` is synchronous, so the line
 * is refreshed at stage boundaries and by a timer while asynchronous stages (formatting, writing) run.
 */
import type { TextStream } from "./io.js";

const DELAY_MS = 1000;

export interface Progress {
  /** Names the stage now running. */
  stage(label: string): void;
  /** Clears the line and stops (safe to call twice). */
  done(): void;
}

export const silentProgress: Progress = { stage: () => {}, done: () => {} };

export function createProgress(stream: TextStream, enabled: boolean, now: () => number = Date.now): Progress {
  if (!enabled || !stream.isTTY) return silentProgress;
  const started = now();
  let label = "";
  let shown = false;
  const show = () => {
    if (label === "" || now() - started < DELAY_MS) return;
    stream.write(`\r\u001b[2Kmof2ts: ${label}… (${((now() - started) / 1000).toFixed(1)} s)`);
    shown = true;
  };
  const timer = setInterval(show, 250);
  timer.unref();
  return {
    stage(next) {
      label = next;
      show();
    },
    done() {
      clearInterval(timer);
      label = "";
      if (shown) stream.write("\r\u001b[2K");
      shown = false;
    },
  };
}
