/**
 * Hostile structure for the resolver: cycles, collisions by case, names that are JavaScript object
 * internals, broken value maps, alias loops, include games.
 */
import { expect } from "vitest";
import { errors, mof, ok, type HostileCase } from "./types.js";

const base = "class Demo_Base { [Key] string Id; };\n";

/** Names that break code which uses plain objects as maps. */
const objectInternals = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "valueOf", "__defineGetter__"];

export const semanticCases: HostileCase[] = [
  // Inheritance
  mof("class derives from itself", "class Demo_A : Demo_A { };", errors("MOF2302")),
  mof("two-class inheritance cycle", "class Demo_A : Demo_B { };\nclass Demo_B : Demo_A { };", errors("MOF2302")),
  mof(
    "long inheritance cycle (200 classes)",
    Array.from({ length: 200 }, (_, i) => `class Demo_C${i} : Demo_C${(i + 1) % 200} { };`).join("\n"),
    errors("MOF2302"),
  ),
  mof(
    "inheritance chain 2,000 deep",
    ["class Demo_C0 { string P0; };", ...Array.from({ length: 1999 }, (_, i) => `class Demo_C${i + 1} : Demo_C${i} { string P${i + 1}; };`)].join("\n"),
    ok(),
  ),
  mof("cycle through a differently cased name", "class Demo_A : DEMO_b { };\nclass Demo_B : demo_a { };", errors("MOF2302")),
  mof("unknown superclass", "class Demo_A : Demo_Missing { };", errors("MOF2301")),

  // Duplicates and case collisions
  mof("classes that differ only by case", "class Demo_A { };\nclass DEMO_A { };", errors("MOF2001")),
  mof("properties that differ only by case", "class Demo_A { string Name; uint8 NAME; };", errors("MOF2002")),
  mof("methods that differ only by case", "class Demo_A { void Run(); void RUN(); };", errors("MOF2003")),
  mof("parameters that differ only by case", "class Demo_A { void Run(string a, string A); };", errors("MOF2004")),
  mof("property and method with one name", "class Demo_A { string Run; void run(); };", ok("MOF2008")),
  mof("same qualifier twice", "[Abstract, ABSTRACT] class Demo_A { };", errors("MOF2005")),
  mof("same alias twice", base + "instance of Demo_Base as $X { Id = \"1\"; };\ninstance of Demo_Base as $x { Id = \"2\"; };", errors("MOF2504")),
  mof("same property twice in an instance", base + 'instance of Demo_Base { Id = "1"; ID = "2"; };', errors("MOF2506")),

  // Names that are object internals in JavaScript
  ...objectInternals.map((name) =>
    mof(`class named ${name}`, `class ${name} { [Key] string ${name}; void Run(string ${name}); };\ninstance of ${name} { ${name} = "x"; };`, ok(), (result) => {
      expect(result.schema?.namespaces.flatMap((n) => n.classes.map((c) => c.name))).toContain(name);
    }),
  ),
  mof("qualifier named __proto__", 'Qualifier __proto__ : string = "x", Scope(any);\n[__proto__("y")] class Demo_A { };', ok()),
  mof("undeclared qualifier named constructor", "[constructor] class Demo_A { };", ok()),
  mof("alias named __proto__", base + 'instance of Demo_Base as $__proto__ { Id = "1"; };\nclass Demo_R { Demo_Base REF R = $__proto__; };', ok()),
  mof("unknown alias in a class default", "[Association] class Demo_R { Demo_R REF R = $Nope; };", errors("MOF2503")),
  mof("unknown alias in an instance", 'class Demo_R { [Key] string Id; Demo_R REF R; };\ninstance of Demo_R { Id = "1"; R = $Nope; };', errors("MOF2503")),
  mof("unknown alias named toString in an instance", 'class Demo_R { [Key] string Id; Demo_R REF R; };\ninstance of Demo_R { Id = "1"; R = $toString; };', errors("MOF2503")),
  mof("declared alias in a class default", '[Association] class Demo_R { [Key] string Id; Demo_R REF R = $Known; };\ninstance of Demo_R as $Known { Id = "1"; };', ok()),
  mof("unknown alias in a method parameter default", "class Demo_R { uint32 M([In] Demo_R REF P = $Nope); };", errors("MOF2503")),
  mof("unknown alias named toString in a class default", "[Association] class Demo_R { Demo_R REF R = $toString; };", errors("MOF2503")),
  mof("superclass named constructor that does not exist", "class Demo_A : constructor { };", errors("MOF2301")),
  // Names starting with `__` are WMI system classes, assumed to exist in every namespace (resolve/inheritance.ts).
  mof("superclass __proto__ counts as a WMI system class", "class Demo_A : __proto__ { };", ok()),
  mof("namespace pragma __proto__", '#pragma namespace("__proto__")\nclass Demo_A { };', ok()),

  // Value maps
  // Value-map problems are warnings: real vendor schemas have them and should still generate.
  mof("ValueMap and Values of different lengths", 'class Demo_A { [ValueMap{"0","1"}, Values{"Zero"}] uint8 N; };', ok("MOF2401")),
  mof("ValueMap entry that is not a number", 'class Demo_A { [ValueMap{"zero"}, Values{"Zero"}] uint8 N; };', errors("MOF2403")),
  mof("ValueMap entry out of uint8 range", 'class Demo_A { [ValueMap{"256"}, Values{"Big"}] uint8 N; };', ok("MOF2404")),
  mof("ValueMap duplicates", 'class Demo_A { [ValueMap{"1","1"}, Values{"One","Uno"}] uint8 N; };', ok("MOF2402")),
  mof("ValueMap with a reversed range", 'class Demo_A { [ValueMap{"9..1"}, Values{"Odd"}] uint8 N; };', ok("MOF2406")),
  mof("ValueMap range spanning all of uint64", 'class Demo_A { [ValueMap{"0..18446744073709551615"}, Values{"All"}] uint64 N; };', ok()),
  mof("ValueMap with 100,000 entries", `class Demo_A { [ValueMap{${Array.from({ length: 100_000 }, (_, i) => `"${i}"`).join(",")}}] uint32 N; };`, ok()),
  mof("ValueMap on a boolean", 'class Demo_A { [ValueMap{"0"}, Values{"No"}] boolean N; };', ok("MOF2405")),
  mof("Values texts that are JavaScript keywords and digits", 'class Demo_A { [ValueMap{"0","1","2","3","4"}, Values{"class","1st","__proto__","constructor","class"}] uint8 N; };', ok()),

  // Instances and aliases
  mof("instance of an unknown class", 'instance of Demo_Missing { Id = "1"; };', errors("MOF2501")),
  mof("instance with an unknown property", base + 'instance of Demo_Base { Id = "1"; Nope = 2; };', errors("MOF2502")),
  mof("instance property of the wrong type", base + "instance of Demo_Base { Id = 42; };", errors("MOF2505")),
  mof(
    "instances referring to each other in a cycle",
    'class Demo_N { [Key] string Id; Demo_N REF Next; };\ninstance of Demo_N as $A { Id = "a"; Next = $B; };\ninstance of Demo_N as $B { Id = "b"; Next = $A; };',
    ok(),
  ),
  mof("instance referring to itself", 'class Demo_N { [Key] string Id; Demo_N REF Next; };\ninstance of Demo_N as $A { Id = "a"; Next = $A; };', ok()),
  mof("default value of the wrong type", "class Demo_A { uint8 N = \"text\"; };", errors("MOF2007")),
  mof("uint8 default out of range", "class Demo_A { uint8 N = 256; };", errors("MOF2007")),
  mof("sint64 default below range", "class Demo_A { sint64 N = -9223372036854775809; };", errors("MOF2007")),
  mof("reference to an unknown class", "[Association] class Demo_A { Demo_Missing REF R; };", errors("MOF2601")),

  // Includes
  {
    name: "file includes itself",
    files: { "main.mof": '#pragma include("main.mof")\n' + base },
    expect: errors("MOF3003"),
  },
  {
    name: "two files include each other",
    files: { "main.mof": '#pragma include("b.mof")\n' + base, "b.mof": '#pragma include("main.mof")\n' },
    expect: errors("MOF3003"),
  },
  {
    name: "include cycle through a differently spelled path",
    files: { "main.mof": '#pragma include("./sub/../main.mof")\n' + base, "sub/x.mof": "" },
    expect: errors("MOF3003"),
  },
  {
    name: "missing include",
    files: { "main.mof": '#pragma include("nowhere.mof")\n' + base },
    expect: errors("MOF3002"),
  },
  {
    name: "include that climbs out of every folder",
    files: { "main.mof": '#pragma include("../../../../../../etc/passwd")\n' + base },
    expect: errors("MOF3002"),
  },
  {
    name: "include with a NUL in the path",
    files: { "main.mof": '#pragma include("a\\x0000.mof")\n' + base, "a": "" },
    expect: errors("MOF3002"),
  },
  {
    name: "include chain 300 files deep",
    files: Object.fromEntries(
      Array.from({ length: 300 }, (_, i) => [i === 0 ? "main.mof" : `f${i}.mof`, i < 299 ? `#pragma include("f${i + 1}.mof")\nclass Demo_F${i} { };\n` : "class Demo_Last { };\n"]),
    ),
    expect: ok(),
  },
  {
    name: "the same file included 500 times is read once",
    files: { "main.mof": '#pragma include("q.mof")\n'.repeat(500) + base, "q.mof": "class Demo_Q { };\n" },
    expect: ok(),
    check: (result) => expect(result.sources.size).toBe(2),
  },
  {
    name: "binary file included",
    files: { "main.mof": '#pragma include("blob.mof")\n' + base, "blob.mof": new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]) },
    expect: errors("MOF1005"),
  },
  {
    name: "input file that does not exist",
    files: {},
    inputs: ["missing.mof"],
    expect: errors("MOF3001"),
  },
];
