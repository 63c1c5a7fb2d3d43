/**
 * Exit codes (prettier's convention): 0 ok, warnings allowed; 1 the input has errors, `--check` found stale
 * output, or `diff --fail-on breaking` found a breaking change; 2 usage, I/O or internal error.
 */
export const ExitCode = { Ok: 0, Failed: 1, Usage: 2 } as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
