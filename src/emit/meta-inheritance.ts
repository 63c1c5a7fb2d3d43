/**
 * Which classes' metadata spreads its parent's (`properties: { ...CIM_ParentMeta.properties, … }`)
 * instead of listing every inherited property again. A spread reads the parent's constant while the
 * module is evaluated, so it is only safe when the parent's module never needs the child's module to
 * be evaluated first: the two must not sit on one cycle of value imports (metadata `embedded` links
 * and other spreads). Classes on such a cycle, and classes whose inherited properties do not come
 * first in the parent's order under the parent's spelling, keep the full listing.
 */
import type { CimProperty } from "../model/schema.js";
import type { EmitOptions } from "./options.js";
import type { ClassPlan, EmitPlan } from "./plan.js";

const decided = new WeakMap<EmitPlan, ReadonlySet<ClassPlan>>();

/** The parent whose metadata `plan`'s metadata spreads, or undefined when it lists every property. */
export function metadataParent(emitPlan: EmitPlan, options: EmitOptions, plan: ClassPlan): ClassPlan | undefined {
  let spreading = decided.get(emitPlan);
  if (spreading === undefined) {
    spreading = spreadingClasses(emitPlan, options);
    decided.set(emitPlan, spreading);
  }
  return spreading.has(plan) ? plan.parent : undefined;
}

/** The class a property's `embedded` link points at, as metadata.ts resolves it. */
export function embeddedTarget(emitPlan: EmitPlan, owner: ClassPlan, prop: { readonly embeddedClass?: string }): ClassPlan | undefined {
  if (prop.embeddedClass === undefined) return undefined;
  const target = emitPlan.findClass(prop.embeddedClass, owner.ns);
  return target !== undefined && target.metaName !== "" ? target : undefined;
}

function spreadingClasses(emitPlan: EmitPlan, options: EmitOptions): Set<ClassPlan> {
  const spreading = new Set<ClassPlan>();
  // One file holds every constant in the single-file layout (declaration order would matter); flatten
  // asks for self-contained declarations.
  if (!options.decoders || options.layout !== "files" || options.flatten) return spreading;
  for (const plan of emitPlan.classes) if (plan.parent !== undefined && plan.parent.metaName !== "" && inheritsInOrder(plan, plan.parent)) spreading.add(plan);
  const index = new Map<ClassPlan, number>(emitPlan.classes.map((plan, i) => [plan, i]));
  const embedded: number[][] = emitPlan.classes.map((plan) => {
    const targets = new Set<number>();
    for (const prop of plan.cls.properties) {
      const target = embeddedTarget(emitPlan, plan, prop);
      if (target !== undefined && target !== plan) targets.add(index.get(target) ?? -1);
    }
    targets.delete(-1);
    return [...targets];
  });
  // Dropping a spread removes an edge, which can only break cycles: repeat until no spread is on one.
  for (;;) {
    const edges = emitPlan.classes.map((plan, i) => {
      const parent = spreading.has(plan) && plan.parent !== undefined ? index.get(plan.parent) : undefined;
      return parent === undefined ? (embedded[i] ?? []) : [...(embedded[i] ?? []), parent];
    });
    const component = stronglyConnectedComponents(edges);
    let dropped = false;
    for (const plan of [...spreading]) {
      const parent = plan.parent;
      if (parent !== undefined && component[index.get(plan) ?? 0] === component[index.get(parent) ?? 0]) {
        spreading.delete(plan);
        dropped = true;
      }
    }
    if (!dropped) return spreading;
  }
}

/** The parent's properties are the class's first ones, same order, same spelling (CIM names ignore case). */
function inheritsInOrder(plan: ClassPlan, parent: ClassPlan): boolean {
  const mine = plan.cls.properties;
  const theirs = parent.cls.properties;
  if (theirs.length > mine.length) return false;
  return theirs.every((prop, i) => mine[i]?.name === prop.name);
}

/**
 * Component number of each node (Tarjan's algorithm without recursion: inheritance and embedding
 * chains can be thousands deep).
 */
export function stronglyConnectedComponents(edges: readonly (readonly number[])[]): number[] {
  const count = edges.length;
  const order = new Array<number>(count).fill(-1);
  const low = new Array<number>(count).fill(0);
  const component = new Array<number>(count).fill(-1);
  const stack: number[] = [];
  const onStack = new Array<boolean>(count).fill(false);
  let nextOrder = 0;
  let nextComponent = 0;
  for (let root = 0; root < count; root++) {
    if (order[root] !== -1) continue;
    // Frames: node and the index of the next edge to follow.
    const frames: [number, number][] = [[root, 0]];
    order[root] = low[root] = nextOrder++;
    stack.push(root);
    onStack[root] = true;
    while (frames.length > 0) {
      const frame = frames[frames.length - 1] as [number, number];
      const [node, edgeIndex] = frame;
      const out = edges[node] ?? [];
      if (edgeIndex < out.length) {
        frame[1]++;
        const next = out[edgeIndex] as number;
        if (order[next] === -1) {
          order[next] = low[next] = nextOrder++;
          stack.push(next);
          onStack[next] = true;
          frames.push([next, 0]);
        } else if (onStack[next]) low[node] = Math.min(low[node] as number, order[next] as number);
        continue;
      }
      frames.pop();
      const caller = frames[frames.length - 1];
      if (caller !== undefined) low[caller[0]] = Math.min(low[caller[0]] as number, low[node] as number);
      if (low[node] === order[node]) {
        for (;;) {
          const member = stack.pop() as number;
          onStack[member] = false;
          component[member] = nextComponent;
          if (member === node) break;
        }
        nextComponent++;
      }
    }
  }
  return component;
}
