/**
 * Schema values as TypeScript source text. Strings from the schema are untrusted: `quote` escapes
 * them so no text can end the literal or the line.
 */
import { isIdentifierName } from "./names.js";

/** A double-quoted string literal; line and paragraph separators and lone surrogates are escaped too. */
export function quote(text: string): string {
  return JSON.stringify(text).replace(/[\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16)}`);
}

/** An object-literal / interface key: bare when it is an identifier, else quoted; `__proto__` is computed. */
export function propertyKey(name: string): string {
  if (name === "__proto__") return `["__proto__"]`;
  return isIdentifierName(name) ? name : quote(name);
}

/** An interface property name: bare when it is an identifier, else quoted. */
export function signatureKey(name: string): string {
  return isIdentifierName(name) ? name : quote(name);
}

/** A numeric literal for an integer value (negative numbers keep their sign). */
export function integerLiteral(value: number | bigint): string {
  return String(value);
}
