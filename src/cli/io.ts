/**
 * The CLI's view of the process: two text streams, the working folder, the environment, and a signal that
 * ends `--watch`. `run` takes one so tests drive the whole CLI in-process without spawning Node.
 */
export interface TextStream {
  write(text: string): void;
  /** Writes UTF-8 bytes as they are; true when they are written out, so the caller may reuse their memory. */
  writeBytes?(bytes: Uint8Array): boolean;
  /** True when the stream is a terminal (pretty diagnostics, colour, progress). */
  readonly isTTY: boolean;
}

export interface CliIo {
  readonly stdout: TextStream;
  readonly stderr: TextStream;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Aborting ends a `--watch` session; without one, watch runs until SIGINT/SIGTERM. */
  readonly signal?: AbortSignal;
}

/** The real process streams, folder and environment. */
export function processIo(): CliIo {
  // `mof2ts inspect x.mof | head` closes the pipe early: that is the reader's choice, not an error.
  for (const stream of [process.stdout, process.stderr]) {
    if (stream.listenerCount("error") === 0) stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE") throw error;
    });
  }
  return {
    stdout: {
      write: (text) => void process.stdout.write(text),
      writeBytes: (bytes) => {
        // After the reader went away (EPIPE) there is nobody to write to.
        if (process.stdout.destroyed) return true;
        process.stdout.write(bytes);
        return process.stdout.writableLength === 0;
      },
      isTTY: process.stdout.isTTY === true,
    },
    stderr: { write: (text) => void process.stderr.write(text), isTTY: process.stderr.isTTY === true },
    cwd: process.cwd(),
    env: process.env,
  };
}

/** An in-memory io for tests: everything written is kept in `out` and `err`. */
export function memoryIo(options: { cwd: string; env?: Record<string, string>; tty?: boolean; signal?: AbortSignal }): CliIo & {
  readonly out: () => string;
  readonly err: () => string;
} {
  let out = "";
  let err = "";
  return {
    stdout: { write: (text) => void (out += text), isTTY: options.tty === true },
    stderr: { write: (text) => void (err += text), isTTY: options.tty === true },
    cwd: options.cwd,
    env: options.env ?? {},
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    out: () => out,
    err: () => err,
  };
}
