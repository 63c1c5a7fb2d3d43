/**
 * A tiny Wadler-style document printer with prettier's semantics (group / indent / line / softline /
 * hardline / ifBreak, "fits" measured up to the next possible line break of the rest). The fast
 * printer builds the same documents prettier builds for the few code shapes mof2ts emits, so the text
 * comes out already formatted and prettier does not have to run (see print.ts). prettier's own
 * printer (`prettier/doc`) gives the same output but costs emit ~26% more CPU on DMTF: groups here know
 * their flat text when built (docs/performance.md, bench/probes/prettier-doc.js).
 */

export type Doc = string | readonly Doc[] | DocCommand;

type DocCommand =
  | {
      readonly type: "group";
      readonly contents: Doc;
      readonly shouldBreak: boolean;
      /** The contents printed flat, when the group can be flat (computed once, when it is built). */
      readonly flat: string | undefined;
      /** Set by `brokenList` (and `groupWithFlat` for lists): the parts, so the printer can lay a broken list out item by item. */
      readonly list?: BrokenList;
    }
  | { readonly type: "indent"; readonly contents: Doc }
  | { readonly type: "line"; readonly soft: boolean; readonly hard: boolean }
  | { readonly type: "ifBreak"; readonly breakContents: Doc; readonly flatContents: Doc }
  | { readonly type: "conditional"; readonly states: readonly Doc[] };

/** The parts of a `brokenList`. */
export interface BrokenList {
  readonly open: string;
  readonly items: readonly Doc[];
  readonly close: string;
}

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
 * `open`, each item on its own line with a comma after it, `close`: the always-broken group
 * `[open, indent([line, join([",", line], items)]), ifBreak(","), line, close]` (`softline` when
 * `soft`). Value-map entries and metadata properties are such lists; the printer writes each item
 * that fits flat directly and prints only the others as documents (see `listText`).
 */
export function brokenList(open: string, items: readonly Doc[], close: string, soft = false): Doc {
  const edge = soft ? softline : line;
  const contents: Doc = [open, indent([edge, join([",", line], items)]), ifBreak(","), edge, close];
  return { type: "group", contents, shouldBreak: true, flat: undefined, list: { open, items, close } };
}

/**
 * A group whose flat text the caller already has (it must be what the contents print flat, with no
 * hard line): building it skips the walk over the contents. Used for arrays and objects of plain text.
 * With `list`, the contents are that list's (see `brokenList`), and when the group does not fit flat
 * the printer lays it out item by item.
 */
export function groupWithFlat(contents: Doc, flat: string, list?: BrokenList): Doc {
  return list === undefined ? { type: "group", contents, shouldBreak: false, flat } : { type: "group", contents, shouldBreak: false, flat, list };
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
  for (let i = 0; i < docs.length; i++) {
    if (i > 0) out.push(separator);
    out.push(docs[i] as Doc);
  }
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

type Mode = "flat" | "break";
interface Frame {
  readonly indent: number;
  readonly mode: Mode;
  readonly doc: Doc;
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
  const stack: Frame[] = [{ indent: baseIndent, mode: "break", doc }];
  while (stack.length > 0) {
    const frame = stack.pop() as Frame;
    const { indent: ind, mode, doc: current } = frame;
    if (typeof current === "string") {
      if (current !== "") out.push(current);
      pos += current.length;
      continue;
    }
    if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push({ indent: ind, mode, doc: current[i] as Doc });
      continue;
    }
    const command = current as DocCommand;
    switch (command.type) {
      case "indent":
        stack.push({ indent: ind + 2, mode, doc: command.contents });
        break;
      case "ifBreak":
        stack.push({ indent: ind, mode, doc: mode === "break" ? command.breakContents : command.flatContents });
        break;
      case "group": {
        // Printed flat when it fits: its text, measured with the rest up to the next line break.
        if (command.flat !== undefined && (mode === "flat" || fits({ indent: ind, mode: "flat", doc: command.flat }, stack, width - pos))) {
          if (command.flat !== "") out.push(command.flat);
          pos += command.flat.length;
          break;
        }
        // Broken (always, or because it does not fit): a list is laid out item by item.
        if (command.list !== undefined && command.list.items.length > 0) {
          out.push(listText(command.list, ind, width));
          pos = ind + command.list.close.length;
          break;
        }
        if (command.flat !== undefined) {
          stack.push({ indent: ind, mode: "break", doc: command.contents });
          break;
        }
        if (mode === "flat" && !command.shouldBreak) {
          stack.push({ indent: ind, mode: "flat", doc: command.contents });
          break;
        }
        const flat: Frame = { indent: ind, mode: "flat", doc: command.contents };
        const fitsFlat = !command.shouldBreak && fits(flat, stack, width - pos);
        stack.push(fitsFlat ? flat : { indent: ind, mode: "break", doc: command.contents });
        break;
      }
      case "conditional": {
        const last = command.states[command.states.length - 1] ?? "";
        if (mode === "flat") {
          stack.push({ indent: ind, mode: "flat", doc: command.states[0] ?? "" });
          break;
        }
        const chosen = command.states.find((state) => fits({ indent: ind, mode: "flat", doc: state }, stack, width - pos));
        stack.push(chosen === undefined ? { indent: ind, mode: "break", doc: last } : { indent: ind, mode: "flat", doc: chosen });
        break;
      }
      case "line":
        if (mode === "flat" && !command.hard) {
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

/**
 * A broken list (at least one item), printed item by item: each item starts a line at `ind + 2` and
 * ends with its comma, and a line break follows, so nothing after the comma affects its layout. An
 * item that is flat text and fits (with its comma) is written as is, which is what `fits` would
 * decide; any other item is printed on its own, with its comma, exactly as the walk would print it.
 */
function listText(list: BrokenList, ind: number, width: number): string {
  const itemIndent = ind + 2;
  const itemStart = newlineIndent(itemIndent);
  let text = list.open;
  for (const item of list.items) {
    const flat = knownFlatText(item);
    text += itemStart;
    text += flat !== undefined && itemIndent + flat.length + 1 <= width ? `${flat},` : printDoc([item, ","], width, itemIndent);
  }
  return `${text}${newlineIndent(ind)}${list.close}`;
}

/**
 * The text of a document made only of strings and groups that can be flat (arrays of them nested),
 * or undefined. Anything else (a bare line, an ifBreak, a group that must break) could print
 * differently in break mode.
 */
function knownFlatText(doc: Doc): string | undefined {
  if (typeof doc === "string") return doc;
  if (Array.isArray(doc)) {
    let text = "";
    for (const part of doc as readonly Doc[]) {
      const flat = knownFlatText(part);
      if (flat === undefined) return undefined;
      text += flat;
    }
    return text;
  }
  const command = doc as DocCommand;
  return command.type === "group" && !command.shouldBreak ? command.flat : undefined;
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

/** Whether `next` fits in `width` columns, continuing into the rest commands until a line break. */
function fits(next: Frame, rest: readonly Frame[], width: number): boolean {
  const cmds: { mode: Mode; doc: Doc }[] = [{ mode: next.mode, doc: next.doc }];
  let restIndex = rest.length;
  let remaining = width;
  while (remaining >= 0) {
    if (cmds.length === 0) {
      if (restIndex === 0) return true;
      const frame = rest[--restIndex] as Frame;
      cmds.push({ mode: frame.mode, doc: frame.doc });
      continue;
    }
    const { mode, doc } = cmds.pop() as { mode: Mode; doc: Doc };
    if (typeof doc === "string") {
      remaining -= doc.length;
      continue;
    }
    if (Array.isArray(doc)) {
      for (let i = doc.length - 1; i >= 0; i--) cmds.push({ mode, doc: doc[i] as Doc });
      continue;
    }
    const command = doc as DocCommand;
    switch (command.type) {
      case "indent":
        cmds.push({ mode, doc: command.contents });
        break;
      case "ifBreak":
        cmds.push({ mode, doc: mode === "break" ? command.breakContents : command.flatContents });
        break;
      case "group":
        if (mode === "flat" && command.flat !== undefined) remaining -= command.flat.length;
        else cmds.push({ mode: command.shouldBreak ? "break" : mode, doc: command.contents });
        break;
      case "conditional":
        cmds.push({ mode, doc: mode === "break" ? (command.states[command.states.length - 1] ?? "") : (command.states[0] ?? "") });
        break;
      case "line":
        if (mode === "break" || command.hard) return true;
        if (!command.soft) remaining -= 1;
        break;
    }
  }
  return false;
}

/** True when the document's first line (in break mode, up to its first line break) fits in `width`. */
export function firstLineFits(doc: Doc, width: number): boolean {
  return fits({ indent: 0, mode: "break", doc }, [], width);
}
