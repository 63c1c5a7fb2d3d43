/**
 * Appends `items` to `target` in place, one by one. `target.push(...items)` passes every item as an
 * argument and throws RangeError beyond V8's argument limit (about 120,000), and hostile input can
 * produce that many diagnostics, statements or classes; every stage appends through this instead.
 */
export function appendAll<T>(target: T[], items: Iterable<T>): void {
  for (const item of items) target.push(item);
}
