/**
 * `instance of` declarations resolved against their classes: property names checked, values checked
 * against property types, and `$Alias` references resolved in any order (all aliases are collected
 * before any reference is checked).
 */
import type { Value } from "../ast/nodes.js";
import type { CimInstance, CimProperty, CimValue, SourceLocation } from "../model/schema.js";
import { Diagnostics } from "../diagnostics/codes.js";
import { semanticHints } from "../diagnostics/codes/semantic.js";
import { formatMessage, type Span } from "../diagnostics/diagnostic.js";
import type { DeclaredClass, DeclaredInstance } from "./collect.js";
import type { ClassEntry } from "./class-table.js";
import type { ResolveEnvironment } from "./environment.js";
import { isWmiSystemClass, type ClassResolver } from "./inheritance.js";
import { typeText } from "./qualifier-types.js";
import { convertValue, shapeValue, valueTypeProblem } from "./values.js";
import { SymbolTable, keyOf } from "./symbols.js";

export interface ResolvedInstances {
  readonly instances: readonly CimInstance[];
  /** Class of each resolved instance (the selection keeps these classes). */
  readonly classes: ReadonlyMap<CimInstance, ClassEntry>;
}

export function resolveInstances(
  declared: readonly DeclaredInstance[],
  aliasedClasses: readonly DeclaredClass[],
  env: ResolveEnvironment,
  resolver: ClassResolver,
): ResolvedInstances {
  const { ctx } = env;
  const inputs = declared.filter((d) => !d.fromBase);
  const aliases = new SymbolTable<Span>();
  const defineAlias = (name: string, span: Span) => {
    const first = aliases.define(keyOf(name), span);
    if (first !== undefined) {
      ctx.report(Diagnostics.DuplicateAlias, span, [name], { related: [{ message: "first declared here", span: first }] });
    }
  };
  for (const c of aliasedClasses) if (c.node.alias !== undefined && !c.fromBase) defineAlias(c.node.alias.name, c.node.alias.span);
  for (const d of inputs) if (d.node.alias !== undefined) defineAlias(d.node.alias.name, d.node.alias.span);

  const checkAliases = (value: Value) => {
    if (value.kind === "AliasReference" && !aliases.has(keyOf(value.name))) {
      ctx.report(Diagnostics.UnknownAlias, value.span, [value.name]);
    } else if (value.kind === "ArrayLiteral") {
      value.elements.forEach(checkAliases);
    } else if (value.kind === "InstanceValue") {
      for (const p of value.instance.properties) if (p.value !== undefined) checkAliases(p.value);
    }
  };

  // Class property and parameter defaults may name aliases too (`REF R = $Other;`); same check as instances.
  // Indexed loops: this visits every feature of every class.
  for (let c = 0; c < aliasedClasses.length; c++) {
    const declaredClass = aliasedClasses[c]!;
    if (declaredClass.fromBase) continue;
    const features = declaredClass.node.features;
    for (let f = 0; f < features.length; f++) {
      const feature = features[f]!;
      if (feature.kind === "PropertyDeclaration") {
        if (feature.defaultValue !== undefined) checkAliases(feature.defaultValue);
      } else {
        for (const p of feature.parameters) if (p.defaultValue !== undefined) checkAliases(p.defaultValue);
      }
    }
  }

  const instances: CimInstance[] = [];
  const classes = new Map<CimInstance, ClassEntry>();
  for (const d of inputs) {
    const node = d.node;
    const entry = env.classes.lookup(node.className.name, d.namespace);
    for (const p of node.properties) if (p.value !== undefined) checkAliases(p.value);
    if (entry === undefined && isWmiSystemClass(node.className.name)) {
      instances.push(untypedInstance(d, ctx.location));
      continue;
    }
    if (entry === undefined) {
      const suggestion = ctx.suggest(node.className.name, () => env.classes.names());
      ctx.report(Diagnostics.InstanceOfUnknownClass, node.className.span, [node.className.name], {
        ...(suggestion === undefined ? {} : { hint: formatMessage(semanticHints.didYouMean, [suggestion]) }),
      });
      continue;
    }
    const cls = resolver.resolve(entry);
    if (cls.isAbstract) ctx.report(Diagnostics.InstanceOfAbstractClass, node.className.span, [cls.name]);
    const byName = new Map<string, CimProperty>(cls.properties.map((p) => [keyOf(p.name), p]));
    const seen = new Map<string, Span>();
    const properties: { name: string; value: CimValue; type?: CimProperty["type"] }[] = [];
    for (const p of node.properties) {
      const key = keyOf(p.name.name);
      const first = seen.get(key);
      if (first !== undefined) {
        ctx.report(Diagnostics.DuplicateInstanceProperty, p.name.span, [p.name.name], { related: [{ message: "first given here", span: first }] });
        continue;
      }
      seen.set(key, p.name.span);
      const property = byName.get(key);
      if (property === undefined && resolver.isIncomplete(cls)) {
        // The class's ancestors are unknown (already reported): the property may well be theirs.
        properties.push({ name: p.name.name, value: p.value === undefined ? null : convertValue(p.value, d.namespace, ctx.location) });
        continue;
      }
      if (property === undefined) {
        const suggestion = ctx.suggest(p.name.name, () => cls.properties.map((q) => q.name));
        ctx.report(Diagnostics.InstanceUnknownProperty, p.name.span, [cls.name, p.name.name], {
          ...(suggestion === undefined ? {} : { hint: formatMessage(semanticHints.didYouMean, [suggestion]) }),
        });
        continue;
      }
      let value: CimValue = null;
      if (p.value !== undefined) {
        const problem = valueTypeProblem(p.value, property.type, property.isArray);
        if (problem !== undefined) {
          ctx.report(Diagnostics.InstanceValueType, p.value.span, [property.name, typeText(property.type, property.isArray), problem]);
        }
        value = shapeValue(convertValue(p.value, d.namespace, ctx.location), property.isArray);
      }
      properties.push({ name: property.name, value, type: property.type });
    }
    const instance: CimInstance = {
      className: cls.name,
      namespace: d.namespace,
      ...(node.alias === undefined ? {} : { alias: node.alias.name }),
      properties,
      source: ctx.location(node.className.span),
    };
    instances.push(instance);
    classes.set(instance, entry);
  }
  return { instances, classes };
}

/** An instance of a class the model does not know (WMI system classes): values kept as written. */
function untypedInstance(d: DeclaredInstance, location: (span: Span) => SourceLocation): CimInstance {
  const node = d.node;
  return {
    className: node.className.name,
    namespace: d.namespace,
    ...(node.alias === undefined ? {} : { alias: node.alias.name }),
    properties: node.properties.map((p) => ({ name: p.name.name, value: p.value === undefined ? null : convertValue(p.value, d.namespace, location) })),
    source: location(node.className.span),
  };
}
