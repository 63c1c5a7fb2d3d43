/** Command-line options of the bench scripts: `--name value` options and `--name` flags. */
const args = process.argv.slice(2);

/** The value after `name`, or `fallback` when the option is absent. */
export function option(name, fallback) {
  const index = args.indexOf(name);
  return index >= 0 && args[index + 1] !== undefined ? args[index + 1] : fallback;
}

/** Whether the flag `name` was given. */
export function flag(name) {
  return args.includes(name);
}
