#!/usr/bin/env node
/**
 * Response readers (`--binding wsman`): items decoded per second for a 1,000-item WS-Enumeration Pull
 * (readWsman, then the generated decodeCIM_Processor on each item), against the same XML parsed by
 * saxes alone (namespace-aware, counting elements: the floor any reader built on it pays). The same
 * for a 1,000-instance CIM-XML EnumerateInstances response (readCimXml).
 *
 * Generates fixtures/readers/readers.mof with the built CLI, bundles the runtime readers and the
 * generated decoder with esbuild, then times each variant: rounds of at least `--min-ms` (default
 * 500) each, median of `--rounds` (default 5). Prints a table; `--json FILE` also writes the figures.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";
import { SaxesParser } from "saxes";
import { option } from "./cli-args.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const ITEMS = Number(option("--items", "1000"));
const ROUNDS = Number(option("--rounds", "5"));
const MIN_MS = Number(option("--min-ms", "500"));

const VARIANTS = [
  ["WS-Man Pull: saxes alone", "pull", "saxes"],
  ["WS-Man Pull: readWsman", "pull", "read"],
  ["WS-Man Pull: readWsman + decode", "pull", "decode"],
  ["CIM-XML: saxes alone", "cim-xml", "saxes"],
  ["CIM-XML: readCimXml", "cim-xml", "read"],
  ["CIM-XML: readCimXml + decode", "cim-xml", "decode"],
];

if (option("--variant", undefined) !== undefined) {
  // Child process: one variant, so no variant's JIT state (megamorphic saxes handlers) slows another.
  const [name, documentKind, step] = VARIANTS[Number(option("--variant", "0"))];
  const { readWsman, readCimXml, decodeCIM_Processor } = await import(pathToFileURL(option("--bundle", "")).href);
  const xml = documentKind === "pull" ? pullResponse(ITEMS) : enumerateInstancesResponse(ITEMS);
  const read = documentKind === "pull" ? readWsman : readCimXml;
  checkOnce(read(xml), (value) => value.items, decodeCIM_Processor);
  const run = step === "saxes" ? () => saxesOnly(xml) : step === "read" ? () => read(xml) : () => decodeAll(read(xml).value.items, decodeCIM_Processor);
  process.stdout.write(JSON.stringify({ name, bytes: xml.length, ...measure(run) }) + "\n");
} else {
  const work = mkdtempSync(path.join(os.tmpdir(), "mof2ts-bench-wsman-"));
  try {
    const generated = path.join(work, "generated");
    const cli = spawnSync(process.execPath, [path.join(root, "bin/mof2ts.js"), path.join(root, "fixtures/readers/readers.mof"), "-o", generated], { encoding: "utf8" });
    if (cli.status !== 0) throw new Error("generation failed:\n" + cli.stderr);
    const entry = path.join(work, "entry.ts");
    const runtime = (module) => JSON.stringify(path.join(root, "templates/runtime", module + ".ts"));
    writeFileSync(
      entry,
      [
        `export { readWsman } from ${runtime("wsman-response")};`,
        `export { readCimXml } from ${runtime("cim-xml")};`,
        `export { decodeCIM_Processor } from ${JSON.stringify(path.join(generated, "index.ts"))};`,
      ].join("\n"),
    );
    const bundle = path.join(work, "readers.mjs");
    await build({ entryPoints: [entry], bundle: true, format: "esm", platform: "node", outfile: bundle, logLevel: "warning", nodePaths: [path.join(root, "node_modules")] });
    const rows = VARIANTS.map((_, index) => {
      const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), "--variant", String(index), "--bundle", bundle, "--items", String(ITEMS), "--rounds", String(ROUNDS), "--min-ms", String(MIN_MS)], { encoding: "utf8" });
      if (child.status !== 0) throw new Error(`variant ${index} failed:\n${child.stderr}`);
      return JSON.parse(child.stdout);
    });
    const lines = [`Response readers — ${ITEMS} CIM_Processor items per document; CPU ms per document, median of ${ROUNDS} rounds of >= ${MIN_MS} ms, one process per variant`];
    const header = ["variant", "cpu ms / doc", "wall ms / doc", "items / s (cpu)", "MB / s (cpu)", "x saxes alone"];
    const table = rows.map((row) => {
      const base = rows.find((other) => other.name.split(":")[0] === row.name.split(":")[0] && other.name.endsWith("saxes alone"));
      return [row.name, row.cpuMs.toFixed(2), row.wallMs.toFixed(2), Math.round((ITEMS / row.cpuMs) * 1000).toLocaleString("en-US"), (row.bytes / 1e6 / (row.cpuMs / 1000)).toFixed(1), (row.cpuMs / base.cpuMs).toFixed(2)];
    });
    const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => r[i].length)));
    lines.push([header, widths.map((w) => "-".repeat(w)), ...table].map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ")).join("\n"));
    lines.push(`document sizes: Pull ${(rows[0].bytes / 1e6).toFixed(2)} MB, CIM-XML ${(rows[3].bytes / 1e6).toFixed(2)} MB`);
    process.stdout.write(lines.join("\n") + "\n");
    const json = option("--json", undefined);
    if (json !== undefined) {
      const results = rows.map((row) => ({ ...row, itemsPerSecond: (ITEMS / row.cpuMs) * 1000 }));
      writeFileSync(json, JSON.stringify({ items: ITEMS, rounds: ROUNDS, results }, null, 2) + "\n");
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Medians over rounds of the CPU and wall time per call, each round running at least MIN_MS of wall
 * time. CPU time is what other processes on a busy machine disturb least.
 */
function measure(run) {
  for (let i = 0; i < 3; i++) run();
  const cpu = [];
  const wall = [];
  for (let round = 0; round < ROUNDS; round++) {
    let calls = 0;
    const started = performance.now();
    const cpuStart = process.cpuUsage();
    do {
      run();
      calls++;
    } while (performance.now() - started < MIN_MS);
    const used = process.cpuUsage(cpuStart);
    wall.push((performance.now() - started) / calls);
    cpu.push((used.user + used.system) / 1000 / calls);
  }
  const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
  return { cpuMs: median(cpu), wallMs: median(wall) };
}

/** saxes with the six events the readers listen to (see xml-tree.ts), doing the least work: counting. */
function saxesOnly(xml) {
  const parser = new SaxesParser({ xmlns: true });
  let count = 0;
  for (const event of ["doctype", "attribute", "opentag", "closetag", "cdata"]) parser.on(event, () => count++);
  parser.on("text", (chunk) => (count += chunk.length));
  parser.write(xml).close();
  return count;
}

function decodeAll(items, decode) {
  let ok = 0;
  for (const item of items) if (decode(item.properties).ok) ok++;
  if (ok !== items.length) throw new Error("decode failed");
  return ok;
}

function checkOnce(result, items, decode) {
  if (!result.ok) throw new Error(result.error);
  const list = items(result.value);
  if (list.length !== ITEMS) throw new Error(`expected ${ITEMS} items, read ${list.length}`);
  decodeAll(list, decode);
}

function pullResponse(count) {
  const uri = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_Processor";
  const item = (i) => `<p:CIM_Processor xmlns:p="${uri}"><p:CPUStatus>1</p:CPUStatus><p:Caption xsi:nil="true"/><p:CreationClassName>CIM_Processor</p:CreationClassName><p:CurrentClockSpeed>2400</p:CurrentClockSpeed><p:DeviceID>CPU ${i}</p:DeviceID><p:ElementName>Processor ${i}</p:ElementName><p:Family>198</p:Family><p:InstallDate><cim:Datetime>2024-03-01T08:30:00Z</cim:Datetime></p:InstallDate><p:MaxClockSpeed>4800</p:MaxClockSpeed><p:OperationalStatus>2</p:OperationalStatus><p:OperationalStatus>32768</p:OperationalStatus><p:Stepping>7</p:Stepping><p:SystemCreationClassName>CIM_ComputerSystem</p:SystemCreationClassName><p:SystemName>ManagedSystem</p:SystemName></p:CIM_Processor>`;
  const items = Array.from({ length: count }, (_, i) => item(i)).join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>
<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:wsa="http://schemas.xmlsoap.org/ws/2004/08/addressing" xmlns:wsen="http://schemas.xmlsoap.org/ws/2004/09/enumeration" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:cim="http://schemas.dmtf.org/wbem/wscim/1/common">
<s:Header><wsa:Action>http://schemas.xmlsoap.org/ws/2004/09/enumeration/PullResponse</wsa:Action><wsa:RelatesTo>uuid:1</wsa:RelatesTo></s:Header>
<s:Body><wsen:PullResponse><wsen:EnumerationContext>ctx</wsen:EnumerationContext><wsen:Items>
${items}
</wsen:Items></wsen:PullResponse></s:Body></s:Envelope>`;
}

function enumerateInstancesResponse(count) {
  const property = (name, type, value) => `<PROPERTY NAME="${name}" TYPE="${type}"><VALUE>${value}</VALUE></PROPERTY>`;
  const item = (i) =>
    `<VALUE.NAMEDINSTANCE><INSTANCENAME CLASSNAME="CIM_Processor"><KEYBINDING NAME="CreationClassName"><KEYVALUE>CIM_Processor</KEYVALUE></KEYBINDING><KEYBINDING NAME="DeviceID"><KEYVALUE>CPU ${i}</KEYVALUE></KEYBINDING><KEYBINDING NAME="SystemCreationClassName"><KEYVALUE>CIM_ComputerSystem</KEYVALUE></KEYBINDING><KEYBINDING NAME="SystemName"><KEYVALUE>ManagedSystem</KEYVALUE></KEYBINDING></INSTANCENAME><INSTANCE CLASSNAME="CIM_Processor">` +
    property("CPUStatus", "uint16", "1") +
    `<PROPERTY NAME="Caption" TYPE="string"/>` +
    property("CreationClassName", "string", "CIM_Processor") +
    property("CurrentClockSpeed", "uint32", "2400") +
    property("DeviceID", "string", `CPU ${i}`) +
    property("ElementName", "string", `Processor ${i}`) +
    property("Family", "uint16", "198") +
    property("InstallDate", "datetime", "20240301083000.000000+000") +
    property("MaxClockSpeed", "uint32", "4800") +
    `<PROPERTY.ARRAY NAME="OperationalStatus" TYPE="uint16"><VALUE.ARRAY><VALUE>2</VALUE><VALUE>32768</VALUE></VALUE.ARRAY></PROPERTY.ARRAY>` +
    property("Stepping", "string", "7") +
    property("SystemCreationClassName", "string", "CIM_ComputerSystem") +
    property("SystemName", "string", "ManagedSystem") +
    `</INSTANCE></VALUE.NAMEDINSTANCE>`;
  const items = Array.from({ length: count }, (_, i) => item(i)).join("\n");
  return `<?xml version="1.0" encoding="utf-8"?>
<CIM CIMVERSION="2.0" DTDVERSION="2.0"><MESSAGE ID="1" PROTOCOLVERSION="1.0"><SIMPLERSP><IMETHODRESPONSE NAME="EnumerateInstances"><IRETURNVALUE>
${items}
</IRETURNVALUE></IMETHODRESPONSE></SIMPLERSP></MESSAGE></CIM>`;
}
