/**
 * The emit plan: before any code is built, every generated symbol gets its final name and file, and
 * every value map its enum (reused from the parent when identical). Names are handed out in a fixed
 * order — namespaces by name, class interfaces by name key, then each class's derived symbols with
 * its parents first — so output does not depend on input order.
 */
import type { CimClass, CimMethod, CimNamespace, CimProperty, CimSchema, CimType } from "../model/schema.js";
import type { BitMap, ValueMap, ValueMapEntry } from "../model/value-map.js";
import { compareText, nameKey, NameRegistry, StemRegistry, uniqueMemberNames } from "./names.js";
import type { EmitOptions } from "./options.js";
import { isInteger } from "./type-map.js";

/** Names the generated code itself uses; a class never takes one of them. */
export const GLOBAL_NAMES_USED = ["Omit", "Partial", "Readonly", "Record", "Array", "Object", "String", "Number"];

/** One output module: a namespace folder, or the single file holding everything. */
export interface ModulePlan {
  /** Output folder, `""` for the output root. */
  readonly folder: string;
  readonly registry: NameRegistry;
  readonly stems: StemRegistry;
}

export interface NamespacePlan {
  readonly namespace: CimNamespace;
  /** Folder stem, `""` when the namespace's files sit at the output root. */
  readonly folder: string;
  readonly module: ModulePlan;
  readonly classes: ClassPlan[];
  /** File for the namespace's instances (files layout). */
  readonly instancesFile: string;
  /** The namespace's index.ts (files layout). */
  readonly indexFile: string;
}

export interface EnumMemberPlan {
  readonly name: string;
  readonly value: number | bigint | string;
  readonly label: string;
}

/** One ValueMap turned into an enum plus its helper constant. */
export interface EnumPlan {
  readonly name: string;
  /** The `defineValueMap` helper constant. */
  readonly helperName: string;
  readonly valueMap: ValueMap;
  readonly members: readonly EnumMemberPlan[];
  /** Class whose file declares the enum. */
  readonly owner: ClassPlan;
  /** What the map belongs to, for docs: `CIM_Synchronized.CopyState`. */
  readonly subject: string;
  readonly isString: boolean;
}

/** One BitMap turned into a `defineBitMap` helper constant. */
export interface BitMapPlan {
  readonly helperName: string;
  readonly bitMap: BitMap;
  readonly owner: ClassPlan;
  readonly subject: string;
}

export interface MethodPlan {
  readonly method: CimMethod;
  readonly owner: ClassPlan;
  readonly inName: string;
  readonly outName: string;
  readonly returnEnum?: EnumPlan;
  /** By parameter name key. */
  readonly paramEnums: ReadonlyMap<string, EnumPlan>;
  /** `--binding wsman`: the method's input/output metadata and its output decoder. */
  readonly wsman?: MethodWsmanPlan;
}

export interface MethodWsmanPlan {
  /** `<Class>_<Method>_InMeta`: input parameters, for the request body. */
  readonly inMetaName: string;
  /** `<Class>_<Method>_OutMeta`: ReturnValue and output parameters, for the decoder. */
  readonly outMetaName: string;
  /** `decode<Class>_<Method>_Out`. */
  readonly outDecoderName: string;
}

/** `--binding wsman` names of one class. */
export interface ClassWsmanPlan {
  /** `<Class>WsmanKeys`: the key properties as selectors. */
  readonly keysName: string;
  /** `<Class>WsmanMethods`: method name → input type (absent when the class has no methods). */
  readonly methodsName?: string;
  /** `<Class>WsmanTypes`: instance, keys and methods types for `wsmanClass`. */
  readonly typesName: string;
  /** `<Class>Wsman`: the request builders. */
  readonly objectName: string;
}

export interface ClassPlan {
  readonly cls: CimClass;
  readonly ns: NamespacePlan;
  /** Interface name. */
  readonly name: string;
  /** Output path of the class file (`/`-separated, relative to the output folder). */
  readonly file: string;
  metaName: string;
  decoderName: string;
  parent?: ClassPlan;
  /** Enums and bit-map helpers declared in this class's file, in declaration order. */
  readonly enums: EnumPlan[];
  readonly bitMaps: BitMapPlan[];
  /** The enum / bit map each property uses (by property name key), wherever it is declared. */
  readonly propertyEnums: Map<string, EnumPlan>;
  readonly propertyBitMaps: Map<string, BitMapPlan>;
  /** Method types declared in this class's file. */
  readonly methods: MethodPlan[];
  /** Every method's plan (inherited ones point at the declaring class's plan), by name key. */
  readonly methodByKey: Map<string, MethodPlan>;
  /** Set with `--binding wsman`. */
  wsman?: ClassWsmanPlan;
}

export interface EmitPlan {
  readonly namespaces: readonly NamespacePlan[];
  readonly classes: readonly ClassPlan[];
  /** Finds the plan of a class, preferring the given namespace. */
  findClass(name: string, preferredNamespace?: NamespacePlan): ClassPlan | undefined;
}

/**
 * Whether a namespace produces any code: classes, or instances of a class the schema declares. A
 * namespace only created by `instance of __Namespace` (WMI MOFs do this for every level of a path)
 * would otherwise become a folder whose index.ts exports nothing.
 */
function hasOutput(namespace: CimNamespace, schema: CimSchema, options: EmitOptions): boolean {
  if (namespace.classes.length > 0) return true;
  if (!options.instances || namespace.instances.length === 0) return false;
  const declared = new Set(schema.namespaces.flatMap((ns) => ns.classes.map((cls) => nameKey(cls.name))));
  return namespace.instances.some((instance) => declared.has(nameKey(instance.className)));
}

/** Builds the plan. `reservedNames` are never given to a generated symbol (runtime exports). */
export function planSchema(schema: CimSchema, options: EmitOptions, reservedNames: readonly string[]): EmitPlan {
  const reserved = [...reservedNames, ...GLOBAL_NAMES_USED];
  const sortedNamespaces = schema.namespaces
    .filter((namespace) => hasOutput(namespace, schema, options))
    .sort((a, b) => compareText(nameKey(a.name), nameKey(b.name)));
  const several = sortedNamespaces.length > 1;
  const folderStems = new StemRegistry(["runtime", "index", "instances"]);
  const shared: ModulePlan = { folder: "", registry: new NameRegistry(reserved), stems: new StemRegistry(["index", "instances"]) };

  const namespaces: NamespacePlan[] = sortedNamespaces.map((namespace) => {
    const folder = options.layout === "files" && several ? folderStems.claim(namespace.name) : "";
    const module: ModulePlan =
      options.layout === "single" || !several
        ? shared
        : { folder, registry: new NameRegistry(reserved), stems: new StemRegistry(["index", "instances"]) };
    return {
      namespace,
      folder,
      module,
      classes: [],
      instancesFile: joinPath(folder, "instances.ts"),
      indexFile: joinPath(folder, "index.ts"),
    };
  });

  const all: ClassPlan[] = [];
  const byKey = new Map<string, ClassPlan[]>();
  for (const ns of namespaces) {
    // Keys computed once, not twice per comparison.
    const classes = ns.namespace.classes.map((cls) => ({ cls, key: nameKey(cls.name) })).sort((a, b) => compareText(a.key, b.key));
    for (const { cls, key } of classes) {
      const name = ns.module.registry.claim(cls.name);
      const file = options.layout === "single" ? options.singleFileName : joinPath(ns.folder, `${ns.module.stems.claim(name)}.ts`);
      const plan: ClassPlan = {
        cls,
        ns,
        name,
        file,
        metaName: "",
        decoderName: "",
        enums: [],
        bitMaps: [],
        propertyEnums: new Map(),
        propertyBitMaps: new Map(),
        methods: [],
        methodByKey: new Map(),
      };
      ns.classes.push(plan);
      all.push(plan);
      const list = byKey.get(key) ?? [];
      list.push(plan);
      byKey.set(key, list);
    }
  }

  const findClass = (name: string, preferred?: NamespacePlan): ClassPlan | undefined => {
    const list = byKey.get(nameKey(name));
    return list?.find((plan) => plan.ns === preferred) ?? list?.[0];
  };

  const done = new Set<ClassPlan>();
  const planClass = (plan: ClassPlan, chain: Set<ClassPlan>): void => {
    if (done.has(plan) || chain.has(plan)) return;
    chain.add(plan);
    const parent = plan.cls.superclass === undefined ? undefined : findClass(plan.cls.superclass, plan.ns);
    if (parent !== undefined && !chain.has(parent)) {
      planClass(parent, chain);
      plan.parent = parent;
    }
    planMembers(plan, options);
    done.add(plan);
  };
  for (const plan of all) planClass(plan, new Set());

  return { namespaces, classes: all, findClass };
}

function planMembers(plan: ClassPlan, options: EmitOptions): void {
  const registry = plan.ns.module.registry;
  // The WS-Management binding writes and reads instances through the class metadata.
  if (options.decoders || options.wsman) plan.metaName = registry.claim(`${plan.name}Meta`);
  if (options.decoders) plan.decoderName = registry.claim(`decode${plan.name}`);
  for (const prop of plan.cls.properties) {
    // Most properties have neither: their key and names are not worth building.
    if (prop.valueMap === undefined && prop.bitMap === undefined) continue;
    const key = nameKey(prop.name);
    const enumPlan =
      prop.valueMap === undefined
        ? undefined
        : planEnum(plan, prop.valueMap, prop.type, plan.parent?.propertyEnums.get(key), `${plan.name}_${prop.name}`, `${plan.cls.name}.${prop.name}`);
    if (enumPlan !== undefined) plan.propertyEnums.set(key, enumPlan);
    const bitMap = planBitMap(plan, prop, plan.parent?.propertyBitMaps.get(key));
    if (bitMap !== undefined) plan.propertyBitMaps.set(key, bitMap);
  }
  for (const method of plan.cls.methods) {
    const key = nameKey(method.name);
    const inherited = plan.parent?.methodByKey.get(key);
    if (!isDeclaredIn(plan.cls, method) && inherited !== undefined) {
      plan.methodByKey.set(key, inherited);
      continue;
    }
    const inName = registry.claim(`${plan.name}_${method.name}_In`);
    const outName = registry.claim(`${plan.name}_${method.name}_Out`);
    const returnEnum =
      method.returnType === undefined || method.returnValueMap === undefined
        ? undefined
        : planEnum(plan, method.returnValueMap, method.returnType, inherited?.returnEnum, `${plan.name}_${method.name}_Return`, `${plan.cls.name}.${method.name}() return value`);
    const paramEnums = new Map<string, EnumPlan>();
    for (const param of method.parameters) {
      if (param.valueMap === undefined) continue;
      const paramKey = nameKey(param.name);
      const enumPlan = planEnum(plan, param.valueMap, param.type, inherited?.paramEnums.get(paramKey), `${plan.name}_${method.name}_${param.name}`, `${plan.cls.name}.${method.name}(${param.name})`);
      if (enumPlan !== undefined) paramEnums.set(paramKey, enumPlan);
    }
    const wsman: MethodWsmanPlan | undefined = options.wsman
      ? { inMetaName: registry.claim(`${inName}Meta`), outMetaName: registry.claim(`${outName}Meta`), outDecoderName: registry.claim(`decode${outName}`) }
      : undefined;
    const methodPlan: MethodPlan = { method, owner: plan, inName, outName, ...(returnEnum === undefined ? {} : { returnEnum }), paramEnums, ...(wsman === undefined ? {} : { wsman }) };
    plan.methods.push(methodPlan);
    plan.methodByKey.set(key, methodPlan);
  }
  if (options.wsman) {
    plan.wsman = {
      keysName: registry.claim(`${plan.name}WsmanKeys`),
      ...(plan.methodByKey.size === 0 ? {} : { methodsName: registry.claim(`${plan.name}WsmanMethods`) }),
      typesName: registry.claim(`${plan.name}WsmanTypes`),
      objectName: registry.claim(`${plan.name}Wsman`),
    };
  }
}

/** True when `cls` declares (or redeclares) the member itself rather than only inheriting it. */
export function isDeclaredIn(cls: CimClass, member: { readonly classOrigin: string; readonly isOverride: boolean }): boolean {
  return member.isOverride || member.classOrigin === cls.name || nameKey(member.classOrigin) === nameKey(cls.name);
}

/** The enum for a value map: the inherited one when identical, else a new one declared in `plan`. */
function planEnum(
  plan: ClassPlan,
  valueMap: ValueMap | undefined,
  type: CimType,
  inherited: EnumPlan | undefined,
  wantedName: string,
  subject: string,
): EnumPlan | undefined {
  if (valueMap === undefined) return undefined;
  if (!(isInteger(type) || type === "string" || type === "char16")) return undefined;
  if (inherited !== undefined && (inherited.valueMap === valueMap || valueMapsEqual(inherited.valueMap, valueMap))) return inherited;
  const discrete = valueMap.entries.filter((entry): entry is Extract<ValueMapEntry, { kind: "value" }> => entry.kind === "value");
  const names = uniqueMemberNames(discrete);
  const name = plan.ns.module.registry.claim(wantedName);
  const enumPlan: EnumPlan = {
    name,
    helperName: plan.ns.module.registry.claim(`${name}Values`),
    valueMap,
    members: discrete.map((entry, i) => ({ name: names[i] ?? "_", value: entry.value, label: entry.label })),
    owner: plan,
    subject,
    isString: valueMap.isString,
  };
  plan.enums.push(enumPlan);
  return enumPlan;
}

function planBitMap(plan: ClassPlan, prop: CimProperty, inherited: BitMapPlan | undefined): BitMapPlan | undefined {
  if (prop.bitMap === undefined) return undefined;
  if (inherited !== undefined && JSON.stringify(inherited.bitMap) === JSON.stringify(prop.bitMap)) return inherited;
  const bitMapPlan: BitMapPlan = {
    helperName: plan.ns.module.registry.claim(`${plan.name}_${prop.name}Bits`),
    bitMap: prop.bitMap,
    owner: plan,
    subject: `${plan.cls.name}.${prop.name}`,
  };
  plan.bitMaps.push(bitMapPlan);
  return bitMapPlan;
}

/** Same kind, values, bounds and labels, in the same order. */
export function valueMapsEqual(a: ValueMap, b: ValueMap): boolean {
  if (a.isString !== b.isString || a.entries.length !== b.entries.length) return false;
  return a.entries.every((entry, i) => {
    const other = b.entries[i];
    if (other === undefined || other.kind !== entry.kind || other.label !== entry.label) return false;
    if (entry.kind === "value" && other.kind === "value") return String(entry.value) === String(other.value);
    if (entry.kind === "range" && other.kind === "range") return String(entry.min) === String(other.min) && String(entry.max) === String(other.max);
    return true;
  });
}

/** Joins a folder (may be empty) and a file name with `/`. */
export function joinPath(folder: string, file: string): string {
  return folder === "" ? file : `${folder}/${file}`;
}

/** Relative `.js` import specifier from one output file to another. */
export function importSpecifier(fromFile: string, toFile: string): string {
  // Most imports are between files of one folder.
  const folderEnd = fromFile.lastIndexOf("/") + 1;
  if (toFile.lastIndexOf("/") + 1 === folderEnd && toFile.startsWith(fromFile.slice(0, folderEnd)) && toFile.endsWith(".ts")) {
    return `./${toFile.slice(folderEnd, -3)}.js`;
  }
  const from = fromFile.split("/").slice(0, -1);
  const to = toFile.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  const up = from.length - common;
  const rest = to.slice(common).join("/").replace(/\.ts$/, ".js");
  return up === 0 ? `./${rest}` : `${"../".repeat(up)}${rest}`;
}
