/**
 * Span-stripping normalizer: two syntax trees are "the same" when they agree on everything but where
 * their nodes stand in the text. Drops every `span` field (nodes and array specifiers alike).
 */
export type Stripped = string | number | bigint | boolean | null | undefined | Stripped[] | { [key: string]: Stripped };

export function stripSpans(node: unknown): Stripped {
  if (Array.isArray(node)) return node.map(stripSpans);
  if (node !== null && typeof node === "object") {
    const out: { [key: string]: Stripped } = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === "span" || value === undefined) continue;
      out[key] = stripSpans(value);
    }
    return out;
  }
  if (typeof node === "string" || typeof node === "number" || typeof node === "bigint" || typeof node === "boolean") return node;
  return node === null ? null : undefined;
}
