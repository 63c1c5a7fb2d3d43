/**
 * A tiny Wadler-style document printer with prettier's semantics (group / indent / line / softline /
 * hardline / ifBreak, "fits" measured up to the next possible line break of the rest). The fast
 * printer builds the same documents prettier builds for the few code shapes mof2ts emits, so the text
 * comes out already formatted and prettier does not have to run (see print.ts).
 */

export type Doc = string | readonly Doc[] | DocCommand;

type DocCommand =
  | { readonly type: "group"; readonly contents: Doc; readonly shouldBreak: boolean }
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
  return { type: "group", contents, shouldBreak: shouldBreak || containsHardline(contents) };
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
  let out = "";
  let pos = column;
  const stack: Frame[] = [{ indent: baseIndent, mode: "break", doc }];
  while (stack.length > 0) {
    const frame = stack.pop() as Frame;
    const { indent: ind, mode, doc: current } = frame;
    if (typeof current === "string") {
      out += current;
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
            out += " ";
            pos += 1;
          }
          break;
        }
        out = trimTrailingSpaces(out) + "\n" + " ".repeat(ind);
        pos = ind;
        break;
    }
  }
  return out;
}

function trimTrailingSpaces(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 32) end--;
  return end === text.length ? text : text.slice(0, end);
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
        cmds.push({ mode: command.shouldBreak ? "break" : mode, doc: command.contents });
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
