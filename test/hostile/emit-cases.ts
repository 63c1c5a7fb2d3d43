/**
 * Hostile schema text for the emitter: every payload tries to end the comment, string, template or
 * line it lands in and declare `pwned`. If generated code ever contains an identifier `pwned`, text
 * became code.
 */
export const marker = "pwned";

/** Texts that try to break out of a JSDoc comment, a `//` line, a string literal or a template. */
export const payloads: readonly string[] = [
  "*/ export const pwned = 1; /*",
  "**/ export const pwned = 1; /**",
  "*\\/ export const pwned = 1;",
  "` + pwned + `",
  "${pwned}",
  '"; export const pwned = 1; "',
  "'; export const pwned = 1; '",
  "\\",
  "ends with a backslash \\",
  "\n export const pwned = 1;\n",
  "\r export const pwned = 1; // ",
  "\u2028 export const pwned = 1; \u2029",
  "\u0000 export const pwned = 1;",
  "\ud800 lone surrogate export const pwned = 1;",
  "</script><script>pwned()</script>",
  "@deprecated pwned",
  "{@link pwned}",
  "# pwned ]]> <!-- -->",
];

/** MOF string-literal spelling of a payload (the printer's escaping is tested on its own). */
export function mofString(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    const unit = text.charCodeAt(i);
    if (ch === '"' || ch === "\\") out += `\\${ch}`;
    else if (unit < 0x20 || unit === 0x2028 || unit === 0x2029 || (unit >= 0xd800 && unit <= 0xdfff)) out += `\\x${unit.toString(16).padStart(4, "0")}`;
    else out += ch;
  }
  return `"${out}"`;
}

/** A class that carries `text` everywhere text can go: descriptions, defaults, Values, qualifiers,
 *  method and parameter docs, and an instance whose string property holds it. */
export function textEverywhere(text: string): string {
  const s = mofString(text);
  return `
[Description(${s}), Version(${s})]
class Demo_Text
{
    [Key, Description(${s})] string Id = ${s};
    [Description(${s}), ValueMap{"0", "1"}, Values{${s}, "Other"}] uint16 State = 1;
    [Description(${s}), Units(${s}), MaxLen(10)] string Tags[] = {${s}, ${s}};
    [Description(${s})] uint32 Run([In, Description(${s})] string Arg = ${s}, [Out, Description(${s})] string Result);
};

instance of Demo_Text
{
    Id = ${s};
    Tags = {${s}};
};
`;
}
