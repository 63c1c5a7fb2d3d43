/**
 * Schema values as TypeScript source text. Strings from the schema are untrusted: `quote` escapes
 * them so no text can end the literal or the line.
 */
import { isIdentifierName } from "./names.js";

/**
 * A string literal as prettier writes it: double quotes unless the text holds more double than
 * single quotes. Control characters, line and paragraph separators and lone surrogates are escaped.
 */
export function quote(text: string): string {
  const json = JSON.stringify(text).replace(/[\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16)}`);
  const doubles = (text.match(/"/g) ?? []).length;
  const singles = (text.match(/'/g) ?? []).length;
  if (doubles <= singles) return json;
  return `'${json.slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
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
