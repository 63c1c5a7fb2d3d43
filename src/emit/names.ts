/**
 * Identifier rules for generated code (documented in docs/generated-code.md, "Naming rules").
 * Every function here is pure and deterministic: the same input text always gives the same name.
 */

/** Words that cannot name a type, an enum, a const or a function in a strict ES module. */
const RESERVED_WORDS: ReadonlySet<string> = new Set([
  // ECMAScript reserved words and strict-mode future reserved words
  "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else",
  "enum", "export", "extends", "false", "finally", "for", "function", "if", "import", "in", "instanceof",
  "new", "null", "return", "super", "switch", "this", "throw", "true", "try", "typeof", "var", "void",
  "while", "with", "implements", "interface", "let", "package", "private", "protected", "public", "static",
  "yield", "await", "arguments", "eval",
  // TypeScript: names a type declaration may not take
  "any", "unknown", "never", "object", "string", "number", "bigint", "boolean", "symbol", "undefined",
  "type", "as", "satisfies", "keyof", "infer", "is", "asserts", "declare", "module", "namespace",
  "readonly", "require", "global", "abstract", "accessor", "override", "out", "intrinsic",
]);

/** Enum member names TypeScript rejects ("An enum member cannot have a numeric name"). */
const NUMERIC_LIKE_MEMBER_NAMES: ReadonlySet<string> = new Set(["Infinity", "NaN"]);

/** File stems Windows cannot create (device names), compared case-insensitively. */
const WINDOWS_DEVICE_NAMES = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/** True when `name` is a reserved word for top-level declarations in generated code. */
export function isReservedWord(name: string): boolean {
  return RESERVED_WORDS.has(name);
}

/**
 * Generated identifiers are plain ASCII. The engine's `\p{ID_Start}` tables (Node 20: Unicode 16) are
 * newer than the TypeScript scanner's, so a letter such as U+1C89 passes here yet fails tsc with TS1127;
 * keeping to ASCII makes the output independent of either Unicode version.
 */
const IDENTIFIER = /^[A-Za-z$_][A-Za-z0-9$_]*$/;

/** True when `text` is a plain ASCII identifier name (reserved words included); other names are quoted. */
export function isIdentifierName(text: string): boolean {
  return IDENTIFIER.test(text);
}

const ASCII_ONLY = /^[\u0000-\u007f]*$/;

/**
 * `text` with accents dropped (NFKD, marks removed: "Café" → "Cafe") and every other non-ASCII letter
 * or digit spelled as `U` + its code point in hex ("Demo\u1C89" → "DemoU1C89"), so derived names stay
 * ASCII, deterministic and distinct. Other non-ASCII characters are kept for the callers to replace.
 */
export function asciiLetters(text: string): string {
  // ASCII text has nothing to decompose or spell (the common case: every CIM name).
  if (ASCII_ONLY.test(text)) return text;
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[^\u0000-\u007f]/gu, (ch) => (/[\p{L}\p{N}]/u.test(ch) ? `U${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase()}` : ch));
}

/**
 * A valid, non-reserved, ASCII TypeScript identifier for `text`: non-ASCII letters go through
 * {@link asciiLetters}, other characters that cannot appear in an identifier become `_`, a leading
 * digit gets a `_` prefix, a reserved word gets a `_` suffix, and an empty result becomes `_`. CIM names (`CIM_Synchronized`) come through unchanged.
 */
export function toIdentifier(text: string): string {
  let out = asciiLetters(text).replace(/[^A-Za-z0-9$_]/g, "_");
  if (out === "") return "_";
  if (/^[0-9]/.test(out)) out = `_${out}`;
  return isReservedWord(out) ? `${out}_` : out;
}

/**
 * The PascalCase enum member name for a Values text: apostrophes are dropped, the text is split into
 * words at every character that cannot continue an identifier (spaces, punctuation, `_`), and each
 * word gets an upper-case first letter with the rest kept as written: "Not Applicable" →
 * `NotApplicable`, "Failing over" → `FailingOver`, "DMTF Reserved" → `DMTFReserved`,
 * "iSCSI" → `ISCSI`. Characters that carry meaning do not vanish (see {@link labelWords}): a leading
 * sign and every `+` or `%` become words ("-Saturday" → `MinusSaturday`, "CD+" → `CDPlus`), and
 * digits on both sides of a separator keep a `_` between them ("1.0" → `_1_0`, not ten). A name that
 * starts with a digit gets a `_` prefix ("3DES" → `_3DES`), `NaN` and `Infinity` get a `_` suffix,
 * and a text without any letter or digit becomes `Value<n>` (n = the value, `Minus` for a negative
 * sign). Collisions are settled by {@link uniqueMemberNames}.
 */
export function enumMemberName(label: string, value: number | bigint | string): string {
  const fromLabel = labelMemberName(label);
  return fromLabel !== "" ? fromLabel : memberNameRules(`Value${valueSuffix(value)}`);
}

/** Member names by label: a schema repeats a few hundred labels ("Unknown", "DMTF Reserved") thousands of times. */
const memberNamesByLabel = new Map<string, string>();

/** The member name a label gives, or "" when it has no letter or digit (the value names it then). */
function labelMemberName(label: string): string {
  let name = memberNamesByLabel.get(label);
  if (name === undefined) {
    const joined = labelWords(label)
      .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
      .join("");
    name = joined === "" ? "" : memberNameRules(joined);
    memberNamesByLabel.set(label, name);
  }
  return name;
}

/**
 * The words of a Values text, in ASCII, with `_` as a word of its own between two digits that a
 * separator kept apart ("IEEE 802.3 10BASE2" → IEEE, 802, _, 3, _, 10BASE2): joined without it the
 * digits would read as another number. Apostrophes are dropped ("It's" → Its). Signs and symbols that
 * change what a label means become words: a leading `-` or `+` before a letter or digit ("-Saturday",
 * the day counted from the month's end, is not "Saturday"), and every `+` ("DVD-RW+" is not "DVD-RW",
 * "NIS+" not "NIS") and `%`. Other punctuation separates words: `/`, `&`, `|`, `,` and brackets read
 * as "and"/"or"/grouping in schema labels, `#` marks an active-low signal name (`INTA#`), and `-`
 * inside a label is a hyphen ("CD-ROM", "Sleep -Deep").
 */
export function labelWords(label: string): string[] {
  const spelled = asciiLetters(label.replace(/['\u2019]/g, ""))
    .replace(/^\s*([-+])(?=[A-Za-z0-9])/, (_match, sign: string) => (sign === "-" ? "Minus " : "Plus "))
    .replace(/\+/g, " Plus ")
    .replace(/%/g, " Percent ");
  const words: string[] = [];
  for (const word of spelled.split(/[^A-Za-z0-9]+/)) {
    if (word === "") continue;
    const previous = words[words.length - 1];
    if (previous !== undefined && /[0-9]$/.test(previous) && /^[0-9]/.test(word)) words.push("_");
    words.push(word);
  }
  return words;
}

/** A leading non-letter gets `_` before it; `NaN` and `Infinity` get `_` after them. */
function memberNameRules(text: string): string {
  let name = text;
  if (!/^[A-Za-z]/.test(name)) name = `_${name}`;
  if (NUMERIC_LIKE_MEMBER_NAMES.has(name)) name = `${name}_`;
  return name;
}

/** `5` → "5", `-1` → "Minus1", `"a b"` → "a_b": a suffix that keeps a name an identifier. */
export function valueSuffix(value: number | bigint | string): string {
  const text = String(value);
  if (typeof value !== "string" && text.startsWith("-")) return `Minus${text.slice(1)}`;
  return asciiLetters(text).replace(/[^A-Za-z0-9_]/g, "_") || "_";
}

/**
 * Member names for a list of Values entries, made unique. A label that already is its member name
 * ("Saturday") keeps it, whatever comes before it in source order (so `Saturday` never means
 * "-Saturday"); the others are named in source order, the first keeping its name and a later one that
 * would repeat a name getting `_<value>` appended (`Reserved_5`), then `_2`, `_3`… after that.
 * Comparison is exact (TypeScript names are case-sensitive).
 */
export function uniqueMemberNames(entries: readonly { readonly label: string; readonly value: number | bigint | string }[]): string[] {
  const bases = entries.map((entry) => enumMemberName(entry.label, entry.value));
  const names: (string | undefined)[] = entries.map(() => undefined);
  const taken = new Set<string>();
  entries.forEach((entry, i) => {
    const base = bases[i] ?? "_";
    if (entry.label === base && !taken.has(base)) {
      names[i] = base;
      taken.add(base);
    }
  });
  return entries.map((entry, i) => {
    const given = names[i];
    if (given !== undefined) return given;
    const base = bases[i] ?? "_";
    let name = base;
    if (taken.has(name)) name = `${base}_${valueSuffix(entry.value)}`;
    for (let n = 2; taken.has(name); n++) name = `${base}_${valueSuffix(entry.value)}_${n}`;
    taken.add(name);
    return name;
  });
}

/**
 * Hands out unique top-level names in one output module (a namespace folder, or the single file).
 * A name asked for a second time gets `_2`, `_3`… appended; names given to `reserve` are never
 * handed out. Registration order decides who keeps the plain name, so callers register in a fixed
 * order (class interfaces first, sorted by name key).
 */
export class NameRegistry {
  private readonly taken = new Set<string>();
  /** Names that got a suffix because the wanted one was taken: wanted → given. */
  readonly renamed: { readonly wanted: string; readonly given: string }[] = [];

  constructor(reserved: Iterable<string> = []) {
    for (const name of reserved) this.taken.add(name);
  }

  /** Returns `wanted` (made an identifier) or the first free `wanted_<n>`, and marks it taken. */
  claim(wanted: string): string {
    const base = toIdentifier(wanted);
    let name = base;
    for (let n = 2; this.taken.has(name); n++) name = `${base}_${n}`;
    this.taken.add(name);
    if (name !== base) this.renamed.push({ wanted: base, given: name });
    return name;
  }

  has(name: string): boolean {
    return this.taken.has(name);
  }
}

/**
 * Hands out file or folder stems unique under case-insensitive comparison (macOS and Windows file
 * systems), avoiding Windows device names and the given reserved stems (e.g. `index`, `runtime`).
 */
export class StemRegistry {
  private readonly taken = new Set<string>();

  constructor(reserved: Iterable<string> = []) {
    for (const stem of reserved) this.taken.add(stem.toLowerCase());
  }

  claim(wanted: string): string {
    let base = toPathStem(wanted);
    if (WINDOWS_DEVICE_NAMES.test(base)) base = `${base}_`;
    let stem = base;
    for (let n = 2; this.taken.has(stem.toLowerCase()); n++) stem = `${base}_${n}`;
    this.taken.add(stem.toLowerCase());
    return stem;
  }
}

/**
 * A path segment that can never leave its folder: only letters, digits and `_` survive (so `..`,
 * `/`, `\`, `:` and NUL cannot), a leading digit gets a `_` prefix, and empty text becomes `_`.
 * The result is also a valid identifier, so a namespace folder can double as an export name.
 */
export function toPathStem(text: string): string {
  let stem = text.replace(/[^A-Za-z0-9_]+/g, "_").replace(/^_+|_+$/g, "");
  if (stem === "") stem = "_";
  if (/^\d/.test(stem)) stem = `_${stem}`;
  return isReservedWord(stem) ? `${stem}_` : stem;
}

/** Code-point order comparison (never locale-dependent), for deterministic sorting. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** CIM names are case-insensitive: the lookup key of a name. */
export function nameKey(name: string): string {
  return name.toLowerCase();
}
