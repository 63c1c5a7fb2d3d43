/**
 * A tiny Wadler-style document printer with prettier's semantics (group / indent / line / softline /
 * hardline / ifBreak, "fits" measured up to the next possible line break of the rest). The fast
 * printer builds the same documents prettier builds for the few code shapes mof2ts emits, so the text
 * comes out already formatted and prettier does not have to run (see print.ts).
 */

export type Doc = string | readonly Doc[] | DocCommand;

type DocCommand =
  | {
      readonly type: "group";
      readonly contents: Doc;
      readonly shouldBreak: boolean;
      /** The contents printed flat, when the group can be flat (computed once, when it is built). */
      readonly flat: string | undefined;
    }
  | { readonly type: "indent"; readonly contents: Doc }
  | { readonly type: "line"; readonly soft: boolean; readonly hard: boolean }
  | { readonly type: "ifBreak"; readonly breakContents: Doc; readonly flatContents: Doc }
  | { readonly type: "conditional"; readonly states: readonly Doc[] };

export const line: Doc = { type: "line", soft: false, hard: false };
export const softline: Doc = { type: "line", soft: true, hard: false };
export const hardline: Doc = { type: "line", soft: false, hard: true };

export function indent(contents: Doc): Doc {
  return { type: "indent", contents };
}

export function ifBreak(breakContents: Doc, flatContents: Doc = ""): Doc {
  return { type: "ifBreak", breakContents, flatContents };
}

/** A group; it breaks when it contains a hard line (prettier's propagateBreaks) or `shouldBreak`. */
export function group(contents: Doc, shouldBreak = false): Doc {
  if (shouldBreak) return { type: "group", contents, shouldBreak, flat: undefined };
  const flat = flatText(contents);
  // Only a document without hard lines has a flat text; without one, look for them.
  return { type: "group", contents, shouldBreak: flat === undefined && containsHardline(contents), flat };
}

/**
 * The document printed in flat mode, or undefined when part of it would still break (a hard line, a
 * group that must break). Groups carry theirs, so building nested groups stays linear.
 */
function flatText(doc: Doc): string | undefined {
  if (typeof doc === "string") return doc;
  if (Array.isArray(doc)) {
    let text = "";
    for (const part of doc as readonly Doc[]) {
      const flat = flatText(part);
      if (flat === undefined) return undefined;
      text += flat;
    }
    return text;
  }
  const command = doc as DocCommand;
  switch (command.type) {
    case "line":
      return command.hard ? undefined : command.soft ? "" : " ";
    case "group":
      return command.shouldBreak ? undefined : command.flat;
    case "indent":
      return flatText(command.contents);
    case "ifBreak":
      return flatText(command.flatContents);
    case "conditional":
      return flatText(command.states[0] ?? "");
  }
}

/**
 * prettier's conditionalGroup: the first state that fits (measured up to its first line break),
 * else the last state broken.
 */
export function conditionalGroup(states: readonly Doc[]): Doc {
  return { type: "conditional", states };
}

export function join(separator: Doc, docs: readonly Doc[]): Doc[] {
  const out: Doc[] = [];
  docs.forEach((doc, i) => {
    if (i > 0) out.push(separator);
    out.push(doc);
  });
  return out;
}

function containsHardline(doc: Doc): boolean {
  if (typeof doc === "string") return false;
  if (Array.isArray(doc)) return doc.some(containsHardline);
  const command = doc as DocCommand;
  switch (command.type) {
    case "line":
      return command.hard;
    case "group":
      return command.shouldBreak;
    case "indent":
      return containsHardline(command.contents);
    case "ifBreak":
      return containsHardline(command.breakContents);
    case "conditional":
      return false;
  }
}

/**
 * The printer's work stack as three parallel arrays (indentation, break mode, document) instead of
 * one frame object per document node: printing a schema visits millions of nodes, and the frame
 * objects were most of the emitter's garbage.
 */
interface WorkStack {
  readonly indents: number[];
  readonly breaks: boolean[];
  readonly docs: Doc[];
}

function pushWork(stack: WorkStack, indentWidth: number, isBreak: boolean, doc: Doc): void {
  stack.indents.push(indentWidth);
  stack.breaks.push(isBreak);
  stack.docs.push(doc);
}

/**
 * Prints a document at `width` columns with two-space indentation; `baseIndent` is the indentation of
 * continuation lines and `column` where the first line starts.
 */
export function printDoc(doc: Doc, width: number, baseIndent = 0, column = baseIndent): string {
  // Pieces are collected and joined once: reading the end of a growing concatenated string (to trim
  // trailing spaces at each line break) would flatten it again and again.
  const out: string[] = [];
  let pos = column;
  const stack: WorkStack = { indents: [baseIndent], breaks: [true], docs: [doc] };
  const { indents, breaks, docs } = stack;
  while (docs.length > 0) {
    const ind = indents.pop() as number;
    const isBreak = breaks.pop() as boolean;
    const current = docs.pop() as Doc;
    if (typeof current === "string") {
      if (current !== "") out.push(current);
      pos += current.length;
      continue;
    }
    if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) pushWork(stack, ind, isBreak, current[i] as Doc);
      continue;
    }
    const command = current as DocCommand;
    switch (command.type) {
      case "indent":
        pushWork(stack, ind + 2, isBreak, command.contents);
        break;
      case "ifBreak":
        pushWork(stack, ind, isBreak, isBreak ? command.breakContents : command.flatContents);
        break;
      case "group": {
        if (command.flat !== undefined) {
          // Printed flat when it fits: its text, measured with the rest up to the next line break.
          if (!isBreak || fits(command.flat, false, stack, width - pos)) {
            if (command.flat !== "") out.push(command.flat);
            pos += command.flat.length;
          } else pushWork(stack, ind, true, command.contents);
          break;
        }
        if (!isBreak && !command.shouldBreak) {
          pushWork(stack, ind, false, command.contents);
          break;
        }
        const fitsFlat = !command.shouldBreak && fits(command.contents, false, stack, width - pos);
        pushWork(stack, ind, !fitsFlat, command.contents);
        break;
      }
      case "conditional": {
        const last = command.states[command.states.length - 1] ?? "";
        if (!isBreak) {
          pushWork(stack, ind, false, command.states[0] ?? "");
          break;
        }
        const chosen = command.states.find((state) => fits(state, false, stack, width - pos));
        if (chosen === undefined) pushWork(stack, ind, true, last);
        else pushWork(stack, ind, false, chosen);
        break;
      }
      case "line":
        if (!isBreak && !command.hard) {
          if (!command.soft) {
            out.push(" ");
            pos += 1;
          }
          break;
        }
        trimTrailingSpaces(out);
        out.push(newlineIndent(ind));
        pos = ind;
        break;
    }
  }
  return out.join("");
}

/** Removes spaces at the end of the printed pieces (prettier trims them before a line break). */
function trimTrailingSpaces(out: string[]): void {
  while (out.length > 0) {
    const last = out[out.length - 1] as string;
    let end = last.length;
    while (end > 0 && last.charCodeAt(end - 1) === 32) end--;
    if (end === last.length) return;
    if (end > 0) {
      out[out.length - 1] = last.slice(0, end);
      return;
    }
    out.pop();
  }
}

/** `\n` plus `n` spaces, cached: every line break of every file needs one. */
const newlines: string[] = [];
function newlineIndent(n: number): string {
  return (newlines[n] ??= "\n" + " ".repeat(n));
}

/**
 * Scratch stacks of `fits` (never re-entered), reused with an explicit top index so measuring
 * allocates nothing (`length = 0` would drop their storage).
 */
const fitsBreaks: boolean[] = [];
const fitsDocs: Doc[] = [];

/**
 * Whether `next` (in break mode when `nextBreaks`) fits in `width` columns, continuing into the
 * pending work of `rest` (from its top) until a line break.
 */
function fits(next: Doc, nextBreaks: boolean, rest: WorkStack, width: number): boolean {
  const breaks = fitsBreaks;
  const docs = fitsDocs;
  breaks[0] = nextBreaks;
  docs[0] = next;
  let top = 1;
  let restIndex = rest.docs.length;
  let remaining = width;
  while (remaining >= 0) {
    if (top === 0) {
      if (restIndex === 0) return true;
      restIndex--;
      breaks[top] = rest.breaks[restIndex] as boolean;
      docs[top++] = rest.docs[restIndex] as Doc;
      continue;
    }
    top--;
    const isBreak = breaks[top] as boolean;
    const doc = docs[top] as Doc;
    if (typeof doc === "string") {
      remaining -= doc.length;
      continue;
    }
    if (Array.isArray(doc)) {
      for (let i = doc.length - 1; i >= 0; i--) {
        breaks[top] = isBreak;
        docs[top++] = doc[i] as Doc;
      }
      continue;
    }
    const command = doc as DocCommand;
    switch (command.type) {
      case "indent":
        breaks[top] = isBreak;
        docs[top++] = command.contents;
        break;
      case "ifBreak":
        breaks[top] = isBreak;
        docs[top++] = isBreak ? command.breakContents : command.flatContents;
        break;
      case "group":
        if (!isBreak && command.flat !== undefined) remaining -= command.flat.length;
        else {
          breaks[top] = command.shouldBreak || isBreak;
          docs[top++] = command.contents;
        }
        break;
      case "conditional":
        breaks[top] = isBreak;
        docs[top++] = isBreak ? (command.states[command.states.length - 1] ?? "") : (command.states[0] ?? "");
        break;
      case "line":
        if (isBreak || command.hard) return true;
        if (!command.soft) remaining -= 1;
        break;
    }
  }
  return false;
}

/** True when the document's first line (in break mode, up to its first line break) fits in `width`. */
export function firstLineFits(doc: Doc, width: number): boolean {
  return fits(doc, true, { indents: [], breaks: [], docs: [] }, width);
}
