/**
 * A case-insensitive symbol table (CIM names are case-insensitive; keys are `nameKey`s) that keeps the
 * first definition of each name and tells the caller about later ones.
 */
export class SymbolTable<T> {
  private readonly entries = new Map<string, T>();

  /** Defines `key` unless already defined; returns the earlier definition when there is one. */
  define(key: string, value: T): T | undefined {
    const existing = this.entries.get(key);
    if (existing !== undefined) return existing;
    this.entries.set(key, value);
    return undefined;
  }

  get(key: string): T | undefined {
    return this.entries.get(key);
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  values(): IterableIterator<T> {
    return this.entries.values();
  }

  get size(): number {
    return this.entries.size;
  }
}

/** The case-insensitive key of a CIM name (same as `nameKey`; a memo table measured slower). */
export function keyOf(name: string): string {
  return name.toLowerCase();
}
