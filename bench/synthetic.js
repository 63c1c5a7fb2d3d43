#!/usr/bin/env node
/**
 * Synthetic CIM-like schema generator for the benchmark. Deterministic (seeded PRNG, no clock, no
 * Math.random), so a size and seed always give byte-identical MOF.
 *
 * The shape mirrors what makes the DMTF CIM Schema 2.49 expensive (measured on the real schema:
 * ~3.4 KB of MOF per class, ~7 Descriptions per class split into many adjacent string literals with
 * escapes, ~1.2 ValueMaps per class with `DMTF Reserved` / `Vendor Reserved` ranges, ~1.2 references
 * per class, one association in three to four classes, methods with IN/OUT parameters and return-code
 * ValueMaps, inheritance chains 3–6 deep, overrides in subclasses), laid out like the DMTF release:
 * a top file of `#pragma include`, a qualifier file, and one file per class in package folders.
 *
 * Library:  import { generateSyntheticSchema, writeSyntheticSchema } from "./synthetic.js"
 * CLI:      node bench/synthetic.js --classes 1500 [--seed 7] --out /tmp/syn   (prints the top file)
 */
import { mkdirSync, writeFileSync, existsSync, readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { option } from "./cli-args.js";

/** Bump when the generated text changes, so cached copies on disk are regenerated. */
export const GENERATOR_VERSION = 2;

/** mulberry32: tiny, fast, good enough for shaping test data; same sequence on every platform. */
function createRandom(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    /** Integer in [min, max]. */
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)],
  };
}

const PACKAGES = ["Core", "Device", "System", "Network", "Policy", "Physical", "Application", "Interop", "Metrics", "User"];

const NOUNS = [
  "Element", "System", "Service", "Device", "Setting", "Capabilities", "Port", "Controller", "Volume", "Pool",
  "Extent", "Account", "Identity", "Policy", "Rule", "Sensor", "Fan", "Processor", "Memory", "Adapter",
  "Endpoint", "Protocol", "Connection", "Job", "Log", "Record", "Profile", "Chassis", "Card", "Slot",
  "Battery", "Supply", "Alarm", "Filter", "Route", "Switch", "Channel", "Session", "Target", "Initiator",
  "Snapshot", "Replica", "Group", "Collection", "Zone", "Agent", "Provider", "Interface", "Link", "Store",
];
const ADJECTIVES = [
  "Logical", "Physical", "Managed", "Virtual", "Storage", "Network", "Remote", "Local", "Enabled", "Hosted",
  "Redundant", "Scoped", "Concrete", "Computer", "Software", "Hardware", "Power", "Boot", "Security", "Iscsi",
];
const PROPERTY_WORDS = [
  "Operational", "Status", "Enabled", "State", "Requested", "Name", "Element", "Caption", "Identifier", "Type",
  "Other", "Description", "Health", "Primary", "Detailed", "Communication", "Transitioning", "Available",
  "Requests", "Time", "Of", "Last", "Change", "Install", "Date", "Capacity", "Block", "Size", "Number",
  "Blocks", "Consumable", "Access", "Data", "Organization", "Purpose", "Recovery", "Max", "Min", "Speed",
  "Address", "Port", "Mode", "Version", "Build", "Serial", "Vendor", "Model", "Count", "Interval", "Threshold",
];
const SENTENCE_WORDS = [
  "the", "a", "an", "this", "that", "property", "indicates", "value", "instance", "class", "element", "is",
  "which", "describes", "current", "state", "of", "managed", "system", "when", "set", "to", "will", "be",
  "used", "by", "clients", "and", "providers", "in", "order", "for", "implementation", "specific", "can",
  "might", "or", "not", "supported", "configuration", "associated", "with", "through", "relationship",
  "information", "additional", "defined", "enumeration", "returned", "method", "each", "entry", "array",
  "corresponds", "index", "other", "should", "only", "if", "requested", "service", "device", "storage",
  "network", "capabilities", "setting", "data", "format", "string", "free-form", "identifier", "unique",
];

/** Return codes used by DMTF extrinsic methods (facts of the convention, written here from scratch). */
const METHOD_RETURN_MAP = [
  ["0", "Completed with No Error"], ["1", "Not Supported"], ["2", "Unknown or Unspecified Error"],
  ["3", "Cannot complete within Timeout Period"], ["4", "Failed"], ["5", "Invalid Parameter"],
  ["6", "In Use"], ["7..4095", "DMTF Reserved"], ["4096", "Method Parameters Checked - Job Started"],
  ["4097..32767", "Method Reserved"], ["32768..65535", "Vendor Specific"],
];

const QUALIFIER_DECLARATIONS = `// Qualifier declarations for the synthetic benchmark schema.
Qualifier Abstract : boolean = false, Scope(class, association, indication), Flavor(Restricted);
Qualifier Association : boolean = false, Scope(association), Flavor(DisableOverride, ToSubclass);
Qualifier Indication : boolean = false, Scope(class, indication), Flavor(DisableOverride, ToSubclass);
Qualifier Description : string = null, Scope(any), Flavor(EnableOverride, ToSubclass, Translatable);
Qualifier Key : boolean = false, Scope(property, reference), Flavor(DisableOverride, ToSubclass);
Qualifier Required : boolean = false, Scope(property, reference, method, parameter), Flavor(DisableOverride, ToSubclass);
Qualifier Write : boolean = false, Scope(property), Flavor(EnableOverride, ToSubclass);
Qualifier Override : string = null, Scope(property, reference, method), Flavor(EnableOverride, Restricted);
Qualifier ValueMap : string[], Scope(property, method, parameter), Flavor(EnableOverride, ToSubclass);
Qualifier Values : string[], Scope(property, method, parameter), Flavor(EnableOverride, ToSubclass, Translatable);
Qualifier Version : string = null, Scope(class, association, indication), Flavor(EnableOverride, Restricted, Translatable);
Qualifier UMLPackagePath : string = null, Scope(class, association, indication), Flavor(EnableOverride, ToSubclass);
Qualifier MaxLen : uint32 = null, Scope(property, method, parameter), Flavor(EnableOverride, ToSubclass);
Qualifier Units : string = null, Scope(property, method, parameter), Flavor(EnableOverride, ToSubclass, Translatable);
Qualifier PUnit : string = null, Scope(property, method, parameter), Flavor(EnableOverride, ToSubclass);
Qualifier ModelCorrespondence : string[], Scope(property, method, parameter), Flavor(EnableOverride, ToSubclass);
Qualifier MappingStrings : string[], Scope(class, property, association, indication, method, parameter, reference), Flavor(EnableOverride, ToSubclass);
Qualifier Deprecated : string[], Scope(any), Flavor(EnableOverride, Restricted);
Qualifier ArrayType : string = "Bag", Scope(property, parameter), Flavor(DisableOverride, ToSubclass);
Qualifier In : boolean = true, Scope(parameter), Flavor(DisableOverride, ToSubclass);
Qualifier Out : boolean = false, Scope(parameter), Flavor(DisableOverride, ToSubclass);
Qualifier EmbeddedInstance : string = null, Scope(property, method, parameter), Flavor(EnableOverride, ToSubclass);
Qualifier Counter : boolean = false, Scope(property, method, parameter), Flavor(EnableOverride, ToSubclass);
Qualifier Min : uint32 = 0, Scope(reference), Flavor(EnableOverride, ToSubclass);
Qualifier Max : uint32 = null, Scope(reference), Flavor(EnableOverride, ToSubclass);
Qualifier Aggregate : boolean = false, Scope(reference), Flavor(DisableOverride, ToSubclass);
Qualifier Aggregation : boolean = false, Scope(association), Flavor(DisableOverride, ToSubclass);
Qualifier Static : boolean = false, Scope(property, method), Flavor(DisableOverride, ToSubclass);
`;

/**
 * Generates the schema in memory.
 * @param {{ classes: number, seed?: number }} options
 * @returns {{ top: string, files: Map<string, string>, stats: { classes: number, associations: number,
 *   properties: number, references: number, methods: number, parameters: number, valueMaps: number,
 *   descriptions: number, maxDepth: number, depths: number[], bytes: number } }}
 *   (`depths[d]` counts classes whose inheritance chain is d superclasses deep.)
 *   `files` maps `/`-separated paths (relative to the schema folder) to MOF text; `top` is the top file.
 */
export function generateSyntheticSchema({ classes, seed = 1 }) {
  const random = createRandom(seed * 2654435761 + classes);
  const stats = { classes: 0, associations: 0, properties: 0, references: 0, methods: 0, parameters: 0, valueMaps: 0, descriptions: 0, maxDepth: 0, depths: [0, 0, 0, 0, 0, 0, 0], bytes: 0 };
  /** @type {{ name: string, depth: number, parent?: object, association: boolean, members: Map<string, object>, refs: string[] }[]} */
  const declared = [];
  const files = new Map();
  const usedClassNames = new Set();
  const includes = ["qualifiers.mof"];
  files.set("qualifiers.mof", QUALIFIER_DECLARATIONS);

  const sentence = () => {
    const length = random.int(7, 20);
    const words = [];
    for (let i = 0; i < length; i++) words.push(random.pick(SENTENCE_WORDS));
    if (random.chance(0.15)) words.splice(random.int(1, words.length - 1), 0, `\\"${random.pick(NOUNS)}\\"`);
    if (random.chance(0.1)) words.splice(random.int(1, words.length - 1), 0, `(value=${random.int(0, 32)})`);
    const text = words.join(" ");
    return text[0].toUpperCase() + text.slice(1) + ".";
  };
  /** DMTF style: the text is wrapped into adjacent ~60-character literals, one per line. */
  const description = (indent, sentences) => {
    stats.descriptions++;
    const parts = [];
    for (let i = 0; i < sentences; i++) parts.push(sentence() + (random.chance(0.08) ? " \\n" : ""));
    const text = parts.join(" ");
    const chunks = [];
    let rest = text;
    while (rest.length > 60) {
      let cut = rest.lastIndexOf(" ", 60);
      if (cut <= 0) cut = 60;
      // Never split inside an escape sequence.
      while (rest[cut - 1] === "\\") cut--;
      chunks.push(rest.slice(0, cut + 1));
      rest = rest.slice(cut + 1);
    }
    chunks.push(rest);
    return `Description (\n${chunks.map((c) => `${indent}   "${c}"`).join("\n")} )`;
  };
  const stringArray = (indent, items) => {
    const lines = [];
    let line = "";
    for (const item of items) {
      const piece = `"${item}", `;
      if (line.length + piece.length > 60) {
        lines.push(line);
        line = "";
      }
      line += piece;
    }
    lines.push(line);
    const joined = lines.map((l, i) => (i === 0 ? l : `${indent}   ${l}`)).join("\n").replace(/, $/, "");
    return `{ ${joined} }`;
  };
  const valueMap = (indent) => {
    stats.valueMaps++;
    const entries = [];
    let next = random.chance(0.3) ? 0 : 1;
    const count = random.int(3, 18);
    for (let i = 0; i < count; i++) {
      entries.push([String(next), `${random.pick(ADJECTIVES)} ${random.pick(NOUNS)}${random.chance(0.2) ? " Mode" : ""}`]);
      next += random.chance(0.85) ? 1 : random.int(2, 5);
    }
    if (random.chance(0.6)) entries.push([`${next}..32767`, "DMTF Reserved"]);
    else if (random.chance(0.3)) entries.push(["..", "DMTF Reserved"]);
    if (random.chance(0.6)) entries.push(["32768..65535", random.chance(0.5) ? "Vendor Reserved" : "Vendor Specified"]);
    return (
      `ValueMap ${stringArray(indent, entries.map((e) => e[0]))}, \n` +
      `${indent}Values ${stringArray(indent, entries.map((e) => e[1]))}`
    );
  };
  const memberName = (taken) => {
    for (;;) {
      const words = random.int(1, 3);
      let name = "";
      for (let i = 0; i < words; i++) name += random.pick(PROPERTY_WORDS);
      if (!taken.has(name.toLowerCase())) return name;
    }
  };
  const className = () => {
    for (;;) {
      const name = `SYN_${random.chance(0.7) ? random.pick(ADJECTIVES) : ""}${random.pick(NOUNS)}${random.chance(0.5) ? random.pick(NOUNS) : ""}`;
      if (!usedClassNames.has(name.toLowerCase())) {
        usedClassNames.add(name.toLowerCase());
        return name;
      }
      const numbered = `${name}${declared.length}`;
      if (!usedClassNames.has(numbered.toLowerCase())) {
        usedClassNames.add(numbered.toLowerCase());
        return numbered;
      }
    }
  };
  /** Inherited members of a class, by lower-case name. */
  const inherited = (cls) => {
    const all = new Map();
    for (let c = cls; c; c = c.parent) for (const [k, v] of c.members) if (!all.has(k)) all.set(k, v);
    return all;
  };
  /** Pick a superclass so that chains end up 3–6 deep (a few shallow ones remain near the roots). */
  const byDepth = [new Map(), new Map()];
  const pickParent = (association) => {
    const pools = byDepth[association ? 1 : 0];
    if (pools.size === 0 || (!pools.has(1) && random.chance(0.3))) return undefined;
    let depth = random.int(2, 5);
    while (depth > 0 && !pools.has(depth)) depth--;
    const pool = pools.get(depth);
    return pool ? random.pick(pool) : undefined;
  };
  const remember = (cls) => {
    const pools = byDepth[cls.association ? 1 : 0];
    if (!pools.has(cls.depth)) pools.set(cls.depth, []);
    pools.get(cls.depth).push(cls);
  };

  const property = (cls, taken, indent, lines) => {
    const name = memberName(taken);
    taken.add(name.toLowerCase());
    stats.properties++;
    const qualifiers = [];
    // Keys are declared once, near the top of a hierarchy (adding keys below is a MOF2305 warning).
    if (!cls.inheritsKeys && cls.depth <= 1 && random.chance(0.3)) {
      qualifiers.push("Key");
      cls.hasKeys = true;
    }
    if (random.chance(0.12)) qualifiers.push("Write");
    qualifiers.push(description(indent + "   ", random.int(1, 4)));
    let type = random.pick(["string", "string", "uint16", "uint16", "uint32", "uint64", "boolean", "datetime", "sint32", "uint8", "real64"]);
    let array = random.chance(0.15) ? "[]" : "";
    if (random.chance(0.3)) {
      type = random.chance(0.8) ? "uint16" : "uint32";
      qualifiers.push(valueMap(indent + "   "));
    }
    if (type === "string" && random.chance(0.3)) qualifiers.push(`MaxLen ( ${random.pick([64, 256, 1024])} )`);
    if (type.startsWith("uint") && random.chance(0.2)) qualifiers.push(`Units ( "Bytes" ), \n${indent}PUnit ( "byte" )`);
    if (type.startsWith("uint") && random.chance(0.1)) qualifiers.push("Counter");
    if (random.chance(0.2)) qualifiers.push(`ModelCorrespondence ${stringArray(indent + "   ", [`${cls.name}.${memberName(new Set())}`])}`);
    if (random.chance(0.1)) qualifiers.push(`MappingStrings { "MIB.IETF|SYN-MIB.syn${name}" }`);
    else if (random.chance(0.05)) qualifiers.push(`MappingStrings { "SYN.${name}" } : ToSubclass`);
    if (array && random.chance(0.4)) qualifiers.push(`ArrayType ( "Indexed" )`);
    if (random.chance(0.04)) qualifiers.push(`Deprecated { "${cls.name}.${memberName(new Set())}" }`);
    let defaultValue = "";
    if (random.chance(0.08)) {
      if (array) defaultValue = type === "string" ? ` = { "a", "b" }` : /int/.test(type) ? ` = { 1, 2, 3 }` : "";
      else if (type === "string") defaultValue = ` = "default"`;
      else if (type === "boolean") defaultValue = " = true";
      else if (type === "datetime") defaultValue = "";
      else if (type === "real64") defaultValue = " = 1.5";
      else defaultValue = random.chance(0.3) ? " = 0x10" : " = 0";
    }
    cls.members.set(name.toLowerCase(), { kind: "property", name, type, array });
    lines.push(`${indent}[${qualifiers.join(`, \n${indent} `)}]`, `${indent.slice(3)}${type} ${name}${array}${defaultValue};`, "");
  };
  const reference = (cls, taken, indent, lines, role, target, overriding) => {
    stats.references++;
    const qualifiers = [];
    if (overriding) qualifiers.push(`Override ( "${role}" )`);
    if (cls.association) {
      qualifiers.push("Key");
      cls.hasKeys = true;
    }
    if (random.chance(0.3)) qualifiers.push(random.chance(0.5) ? "Min ( 1 )" : "Max ( 1 )");
    if (cls.association && random.chance(0.2) && role === "GroupComponent") qualifiers.push("Aggregate");
    qualifiers.push(description(indent + "   ", random.int(1, 3)));
    taken.add(role.toLowerCase());
    cls.members.set(role.toLowerCase(), { kind: "reference", name: role, target });
    lines.push(`${indent}[${qualifiers.join(`, \n${indent} `)}]`, `${indent.slice(3)}${target.name} REF ${role};`, "");
  };
  const method = (cls, taken, indent, lines) => {
    stats.methods++;
    const name = `${random.pick(["Request", "Create", "Modify", "Delete", "Get", "Set", "Reset", "Apply"])}${random.pick(NOUNS)}`;
    if (taken.has(name.toLowerCase())) return;
    taken.add(name.toLowerCase());
    cls.members.set(name.toLowerCase(), { kind: "method", name });
    const qualifiers = [description(indent + "   ", random.int(1, 4)), `ValueMap ${stringArray(indent + "   ", METHOD_RETURN_MAP.map((e) => e[0]))}`, `Values ${stringArray(indent + "   ", METHOD_RETURN_MAP.map((e) => e[1]))}`];
    if (random.chance(0.1)) qualifiers.unshift("Static");
    lines.push(`${indent}[${qualifiers.join(`, \n${indent} `)}]`);
    const parameters = [];
    const parameterCount = random.int(0, 5);
    const parameterNames = new Set();
    const pIndent = indent + "   ";
    for (let i = 0; i < parameterCount; i++) {
      stats.parameters++;
      const pname = memberName(parameterNames);
      parameterNames.add(pname.toLowerCase());
      const direction = random.pick(["IN", "IN", "OUT", "IN, OUT"]);
      const pq = [direction, description(pIndent + "   ", random.int(1, 2))];
      let declaration;
      const kind = random.next();
      if (kind < 0.2 && declared.length > 0) declaration = `${random.pick(declared).name} REF ${pname}`;
      else if (kind < 0.3) {
        pq.push(`EmbeddedInstance ( "${declared.length > 0 ? random.pick(declared).name : cls.name}" )`);
        declaration = `string ${pname}`;
      } else if (kind < 0.5) {
        pq.push(valueMap(pIndent + "   "));
        declaration = `uint16 ${pname}${random.chance(0.3) ? "[]" : ""}`;
      } else declaration = `${random.pick(["string", "uint32", "boolean", "datetime", "uint64"])} ${pname}${random.chance(0.2) ? "[]" : ""}`;
      parameters.push(`${pIndent}[${pq.join(`, \n${pIndent} `)}]\n${pIndent.slice(2)}${declaration}`);
    }
    lines.push(`${indent.slice(3)}uint32 ${name}(${parameters.length ? "\n" + parameters.join(", \n") : ""});`, "");
  };

  for (let i = 0; i < classes; i++) {
    // Roughly one class in three to four is an association, as in the DMTF schema.
    const association = declared.length > 8 && random.chance(0.28);
    const parent = pickParent(association);
    const name = className();
    const cls = { name, depth: parent ? parent.depth + 1 : 0, parent, association, members: new Map(), hasKeys: false, inheritsKeys: false };
    for (let c = parent; c; c = c.parent) if (c.hasKeys) cls.inheritsKeys = true;
    stats.maxDepth = Math.max(stats.maxDepth, cls.depth);
    stats.depths[cls.depth]++;
    stats.classes++;
    if (association) stats.associations++;
    const pkg = PACKAGES[i % PACKAGES.length];
    const classQualifiers = [];
    if (association) classQualifiers.push(random.chance(0.2) ? "Association, Aggregation" : "Association");
    if (random.chance(0.25)) classQualifiers.push("Abstract");
    classQualifiers.push(`Version ( "2.${random.int(8, 49)}.0" )`, `UMLPackagePath ( "CIM::${pkg}::Synthetic" )`);
    classQualifiers.push(description("    ", random.int(2, 6)));
    if (random.chance(0.1)) classQualifiers.push(`MappingStrings { "SYN.${name}" } : ToSubclass`);

    const lines = [`// Synthetic benchmark class ${i + 1} of ${classes}.`, `   [${classQualifiers.join(`, \n    `)}]`];
    lines.push(`class ${name}${parent ? ` : ${parent.name}` : ""} {`, "");
    const taken = new Set(inherited(cls).keys());
    const indent = "      ";
    if (association) {
      const inheritedRefs = parent ? [...inherited(parent).values()].filter((m) => m.kind === "reference") : [];
      if (inheritedRefs.length > 0) {
        // Subclassed associations narrow their inherited references, as CIM_Dependency's subclasses do.
        for (const ref of inheritedRefs.slice(0, 2)) {
          const target = declared.find((c) => c.parent === ref.target) ?? ref.target;
          reference(cls, new Set(), indent, lines, ref.name, target, true);
        }
      } else {
        const roles = random.pick([["Antecedent", "Dependent"], ["GroupComponent", "PartComponent"], ["ManagedElement", "SettingData"]]);
        for (const role of roles) reference(cls, taken, indent, lines, role, random.pick(declared.filter((c) => !c.association)), false);
      }
    }
    // Occasional overrides of inherited properties: same type, new Description (what resolve merges).
    if (parent && random.chance(0.3)) {
      const candidates = [...inherited(parent).values()].filter((m) => m.kind === "property");
      if (candidates.length > 0) {
        const target = random.pick(candidates);
        stats.properties++;
        lines.push(`${indent}[Override ( "${target.name}" ), \n${indent} ${description(indent + "   ", random.int(1, 3))}]`, `${indent.slice(3)}${target.type} ${target.name}${target.array};`, "");
      }
    }
    const propertyCount = random.int(association ? 0 : 1, association ? 2 : 8);
    for (let p = 0; p < propertyCount; p++) property(cls, taken, indent, lines);
    // Outside associations, other classes are referred to as embedded instances (references there are
    // not allowed: MOF2602).
    if (!association && random.chance(0.35) && declared.length > 0) {
      const name = memberName(taken);
      taken.add(name.toLowerCase());
      stats.properties++;
      cls.members.set(name.toLowerCase(), { kind: "property", name, type: "string", array: "" });
      const embedded = random.pick(declared.filter((c) => !c.association)).name;
      lines.push(`${indent}[${description(indent + "   ", random.int(1, 2))}, \n${indent} EmbeddedInstance ( "${embedded}" )]`, `${indent.slice(3)}string ${name};`, "");
    }
    if (random.chance(0.35)) {
      const count = random.int(1, 2);
      for (let m = 0; m < count; m++) method(cls, taken, indent, lines);
    }
    lines.push("};", "");
    const file = `${pkg}/${name}.mof`;
    files.set(file, lines.join("\n"));
    includes.push(file);
    declared.push(cls);
    remember(cls);
  }

  const top = "synthetic_schema.mof";
  files.set(top, `// Synthetic CIM-like benchmark schema: ${classes} classes, seed ${seed}.\n#pragma locale ("en_US")\n${includes.map((f) => `#pragma include ("${f}")`).join("\n")}\n`);
  for (const text of files.values()) stats.bytes += Buffer.byteLength(text);
  return { top, files, stats };
}

/**
 * Writes the schema under `directory` (reusing an identical earlier copy) and returns the top file's
 * absolute path plus the statistics.
 * @param {string} directory
 * @param {{ classes: number, seed?: number }} options
 */
export function writeSyntheticSchema(directory, options) {
  const stamp = path.join(directory, ".synthetic.json");
  const key = JSON.stringify({ version: GENERATOR_VERSION, classes: options.classes, seed: options.seed ?? 1 });
  if (existsSync(stamp)) {
    const previous = JSON.parse(readFileSync(stamp, "utf8"));
    if (previous.key === key) return { top: path.join(directory, previous.top), stats: previous.stats, hash: previous.hash };
  }
  const { top, files, stats } = generateSyntheticSchema(options);
  const hash = createHash("sha256");
  for (const [name, text] of files) {
    const target = path.join(directory, name);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, text);
    hash.update(name).update("\0").update(text).update("\0");
  }
  const digest = hash.digest("hex");
  writeFileSync(stamp, JSON.stringify({ key, top, stats, hash: digest }));
  return { top: path.join(directory, top), stats, hash: digest };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const classes = Number(option("--classes", "150"));
  const seed = Number(option("--seed", "1"));
  const out = option("--out", undefined);
  if (!out || !Number.isInteger(classes) || classes < 1) {
    process.stderr.write("usage: node bench/synthetic.js --classes N [--seed S] --out DIR\n");
    process.exitCode = 2;
  } else {
    const result = writeSyntheticSchema(path.resolve(out), { classes, seed });
    process.stdout.write(`${JSON.stringify({ top: result.top, hash: result.hash, ...result.stats })}\n`);
  }
}
