/**
 * The command-line program. run(argv) returns the exit code and never calls process.exit.
 * STUB: replaced by the CLI stage.
 */
export async function run(_argv: readonly string[]): Promise<number> {
  return 0;
}
