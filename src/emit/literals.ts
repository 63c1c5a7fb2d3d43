/**
 * Schema values as TypeScript source text. Strings from the schema are untrusted: `quote` escapes
 * them so no text can end the literal or the line.
 */
import { isIdentifierName } from "./names.js";

/** Text JSON.stringify leaves alone (no quote, backslash, control character, separator or surrogate). */
const PLAIN_TEXT = /^[^"\\\u0000-\u001f\u2028\u2029\ud800-\udfff]*$/;

/**
 * A string literal as prettier writes it: double quotes unless the text holds more double than
 * single quotes. Control characters, line and paragraph separators and lone surrogates are escaped.
 */
export function quote(text: string): string {
  // Called for every name and label of a schema: text with nothing to escape is quoted as is.
  if (PLAIN_TEXT.test(text)) return `"${text}"`;
  let json = JSON.stringify(text);
  if (json.includes("\u2028") || json.includes("\u2029")) json = json.replace(/[\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16)}`);
  if (!text.includes('"')) return json;
  let doubles = 0;
  let singles = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 34) doubles++;
    else if (code === 39) singles++;
  }
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

/** An enum member's value as a literal: a quoted string or an integer. */
export function memberValueText(value: number | bigint | string): string {
  return typeof value === "string" ? quote(value) : integerLiteral(value);
}
