#!/usr/bin/env node
/**
 * WS-Management request envelopes built per second by the code `--binding wsman` generates (the
 * fixtures/emit/wsman classes, bundled with esbuild), against two references on the same envelopes:
 * - string concatenation alone: one template literal per request with the values already known to be
 *   safe (no escaping, no checks, no metadata walk): the floor for producing the text;
 * - saxes parsing the envelope (namespace-aware, as the readers do): what handling the same text costs
 *   on the other side.
 * Three requests: a Get with two selectors, an optimized Enumerate, and ApplyToElements with an array
 * of two references, an embedded instance and an array of numbers (the largest body).
 *
 * With `--schema FILE` (or MOF2TS_BENCH_SCHEMA, e.g. the DMTF CIM Schema's top file) it also generates
 * that whole schema with `--binding wsman` and type-checks the output with `tsc --strict` (exit 1 on
 * any type error): the check that every class's generated requests compile.
 *
 * `node bench/wsman-requests.js [--ms 1000] [--json FILE] [--schema FILE]`; `npm run bench` runs it
 * after the schema benchmarks. Needs `npm run build` first (it generates with bin/mof2ts.js).
 */
import { spawnSync } from "node:child_process";
import {
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";
import { SaxesParser } from "saxes";
import { option } from "./cli-args.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const budgetMs = Number(option("--ms", "1000"));

async function main() {
  const work = mkdtempSync(path.join(os.tmpdir(), "mof2ts-bench-wsman-"));
  try {
    const out = path.join(work, "generated");
    const generated = spawnSync(
      process.execPath,
      [
        path.join(root, "bin", "mof2ts.js"),
        path.join(root, "fixtures/emit/wsman/input.mof"),
        "-o",
        out,
        "--binding",
        "wsman",
        "--wsman-uri",
        "AMT_=http://intel.com/wbem/wscim/1/amt-schema/1/",
        "--quiet",
      ],
      { encoding: "utf8", env: { ...process.env, MOF2TS_CACHE: "off" } },
    );
    if (generated.status !== 0)
      throw new Error(`generate failed: ${generated.stderr}`);
    const entry = path.join(work, "entry.ts");
    writeFileSync(
      entry,
      `export { CIM_ComputerSystemWsman } from "./generated/CIM_ComputerSystem.js";\nexport { CIM_PowerManagementServiceWsman } from "./generated/CIM_PowerManagementService.js";\n`,
    );
    const bundle = path.join(work, "bundle.mjs");
    await build({
      entryPoints: [entry],
      bundle: true,
      format: "esm",
      platform: "neutral",
      outfile: bundle,
      logLevel: "warning",
    });
    const {
      CIM_ComputerSystemWsman: system,
      CIM_PowerManagementServiceWsman: service,
    } = await import(pathToFileURL(bundle).href);

    const systemKeys = {
      CreationClassName: "CIM_ComputerSystem",
      Name: "host-1.example.com",
    };
    const serviceKeys = {
      SystemCreationClassName: "CIM_ComputerSystem",
      SystemName: "host-1",
      CreationClassName: "CIM_PowerManagementService",
      Name: "pm",
    };
    const ref = (name) => ({
      className: "CIM_ComputerSystem",
      namespace: "root/cimv2",
      keys: { CreationClassName: "CIM_ComputerSystem", Name: name },
    });
    const opts = {
      to: "https://host-1:5986/wsman",
      messageId: "uuid:00000000-0000-4000-8000-000000000001",
      operationTimeout: 60,
    };
    const input = {
      Elements: [ref("a"), ref("b")],
      Settings: { InstanceID: "s1", Delay: 5, Reasons: ["maintenance"] },
      Priorities: [1, 2],
    };

    const requests = [
      {
        name: "Get (2 selectors)",
        generated: () => system.get(systemKeys, opts),
        concatenated: () => concatGet(systemKeys, opts),
      },
      {
        name: "Enumerate (optimized)",
        generated: () => system.enumerate({ ...opts, maxElements: 100 }),
        concatenated: () => concatEnumerate(opts),
      },
      {
        name: "method, 2 references + embedded",
        generated: () =>
          service.invoke.ApplyToElements(input, serviceKeys, opts),
        concatenated: () => concatApply(serviceKeys, opts),
      },
    ];

    const rows = [];
    for (const request of requests) {
      const envelope = request.generated();
      const parse = () => {
        const parser = new SaxesParser({ xmlns: true });
        let elements = 0;
        parser.on("opentag", () => void elements++);
        parser.write(envelope).close();
        return elements;
      };
      rows.push({
        request: request.name,
        bytes: envelope.length,
        generatedPerSecond: perSecond(request.generated),
        concatenatedPerSecond: perSecond(request.concatenated),
        saxesParsesPerSecond: perSecond(parse),
      });
    }

    const format = (n) => Math.round(n).toLocaleString("en-US");
    const lines = [
      `WS-Management envelopes per second (${budgetMs} ms each; Node ${process.version}; load ${os.loadavg()[0].toFixed(1)})`,
      "| request | bytes | generated builders | string concatenation alone | saxes parsing it |",
      "| --- | --- | --- | --- | --- |",
      ...rows.map(
        (r) =>
          `| ${r.request} | ${r.bytes} | ${format(r.generatedPerSecond)} | ${format(r.concatenatedPerSecond)} | ${format(r.saxesParsesPerSecond)} |`,
      ),
    ];
    process.stdout.write(lines.join("\n") + "\n");
    const schema = option(
      "--schema",
      process.env.MOF2TS_BENCH_SCHEMA || undefined,
    );
    const schemaCheck =
      schema === undefined ? undefined : typecheckSchema(schema, work);
    if (schemaCheck !== undefined) {
      process.stdout.write(
        `${path.basename(schema)} with --binding wsman: ${schemaCheck.files} files, ${schemaCheck.megabytes} MB generated in ${schemaCheck.generateSeconds} s; ` +
          `tsc --strict ${schemaCheck.errors === 0 ? "clean" : `${schemaCheck.errors} errors`} in ${schemaCheck.tscSeconds} s\n`,
      );
      if (schemaCheck.errors > 0) process.exitCode = 1;
    }
    const json = option("--json", undefined);
    if (json !== undefined)
      writeFileSync(
        json,
        JSON.stringify(
          {
            node: process.version,
            budgetMs,
            rows,
            ...(schemaCheck === undefined ? {} : { schemaCheck }),
          },
          null,
          2,
        ) + "\n",
      );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Generates a whole schema with --binding wsman and runs tsc --strict over it. */
function typecheckSchema(schema, work) {
  const out = path.join(work, "schema");
  let started = performance.now();
  const generated = spawnSync(
    process.execPath,
    [
      path.join(root, "bin", "mof2ts.js"),
      schema,
      "-o",
      out,
      "--binding",
      "wsman",
      "--quiet",
    ],
    {
      encoding: "utf8",
      env: { ...process.env, MOF2TS_CACHE: "off" },
    },
  );
  if (generated.status !== 0)
    throw new Error(`generating ${schema} failed: ${generated.stderr}`);
  const generateSeconds = ((performance.now() - started) / 1000).toFixed(1);
  const files = readdirSync(out, { recursive: true }).filter((f) =>
    String(f).endsWith(".ts"),
  );
  const bytes = files.reduce(
    (sum, f) => sum + statSync(path.join(out, String(f))).size,
    0,
  );
  writeFileSync(
    path.join(out, "package.json"),
    JSON.stringify({ type: "module" }),
  );
  // The response readers the binding ships import saxes: the output, outside the repository, finds its types here.
  const compilerOptions = {
    strict: true,
    noEmit: true,
    target: "ES2022",
    lib: ["ES2022"],
    types: [],
    module: "NodeNext",
    moduleResolution: "NodeNext",
    skipLibCheck: true,
    paths: { saxes: [path.join(root, "node_modules/saxes/saxes.d.ts")] },
  };
  writeFileSync(
    path.join(out, "tsconfig.json"),
    JSON.stringify({ compilerOptions, include: ["**/*.ts"] }),
  );
  started = performance.now();
  const tsc = spawnSync(
    process.execPath,
    [
      path.join(root, "node_modules/typescript/bin/tsc"),
      "-p",
      path.join(out, "tsconfig.json"),
      "--pretty",
      "false",
    ],
    {
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const errors = (tsc.stdout.match(/error TS\d+/g) ?? []).length;
  if (errors > 0) process.stderr.write(tsc.stdout.slice(0, 5000));
  return {
    files: files.length,
    megabytes: (bytes / 1e6).toFixed(1),
    generateSeconds,
    tscSeconds: ((performance.now() - started) / 1000).toFixed(1),
    errors,
  };
}

/** Calls per second over the time budget, after a warm-up; the result is consumed so it is not optimized away. */
function perSecond(fn) {
  let sink = 0;
  for (let i = 0; i < 2000; i++) sink += String(fn()).length;
  let calls = 0;
  const started = performance.now();
  let elapsed = 0;
  while (elapsed < budgetMs) {
    for (let i = 0; i < 200; i++) sink += String(fn()).length;
    calls += 200;
    elapsed = performance.now() - started;
  }
  if (sink < 0) process.stdout.write("");
  return (calls * 1000) / elapsed;
}

// --- The same envelopes by plain string concatenation (values trusted, nothing checked) ---------------
const S = "http://www.w3.org/2003/05/soap-envelope";
const WSA = "http://schemas.xmlsoap.org/ws/2004/08/addressing";
const WSMAN = "http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd";
const ANON = `${WSA}/role/anonymous`;
const DMTF = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/";

function head(uri, action, o, extraNs = "") {
  return (
    `<s:Envelope xmlns:s="${S}" xmlns:wsa="${WSA}" xmlns:wsman="${WSMAN}"${extraNs}><s:Header><wsa:To>${o.to}</wsa:To>` +
    `<wsman:ResourceURI s:mustUnderstand="true">${uri}</wsman:ResourceURI><wsa:ReplyTo><wsa:Address s:mustUnderstand="true">${ANON}</wsa:Address></wsa:ReplyTo>` +
    `<wsa:Action s:mustUnderstand="true">${action}</wsa:Action><wsa:MessageID>${o.messageId}</wsa:MessageID>`
  );
}
function tail(o) {
  return `<wsman:OperationTimeout>PT${o.operationTimeout}S</wsman:OperationTimeout><wsman:MaxEnvelopeSize s:mustUnderstand="true">153600</wsman:MaxEnvelopeSize></s:Header>`;
}
function selectorSet(keys) {
  let out = "<wsman:SelectorSet>";
  for (const name in keys)
    out += `<wsman:Selector Name="${name}">${keys[name]}</wsman:Selector>`;
  return out + "</wsman:SelectorSet>";
}
function concatGet(keys, o) {
  return (
    head(
      `${DMTF}CIM_ComputerSystem`,
      "http://schemas.xmlsoap.org/ws/2004/09/transfer/Get",
      o,
    ) +
    selectorSet(keys) +
    tail(o) +
    "<s:Body/></s:Envelope>"
  );
}
function concatEnumerate(o) {
  return (
    head(
      `${DMTF}CIM_ComputerSystem`,
      "http://schemas.xmlsoap.org/ws/2004/09/enumeration/Enumerate",
      o,
      ' xmlns:wsen="http://schemas.xmlsoap.org/ws/2004/09/enumeration"',
    ) +
    tail(o) +
    "<s:Body><wsen:Enumerate><wsman:OptimizeEnumeration/><wsman:MaxElements>100</wsman:MaxElements></wsen:Enumerate></s:Body></s:Envelope>"
  );
}
function epr(name) {
  return `<wsa:Address>${ANON}</wsa:Address><wsa:ReferenceParameters><wsman:ResourceURI>${DMTF}CIM_ComputerSystem</wsman:ResourceURI>${selectorSet({ CreationClassName: "CIM_ComputerSystem", Name: name, __cimnamespace: "root/cimv2" })}</wsa:ReferenceParameters>`;
}
function concatApply(keys, o) {
  const uri = `${DMTF}CIM_PowerManagementService`;
  return (
    head(uri, `${uri}/ApplyToElements`, o) +
    selectorSet(keys) +
    tail(o) +
    `<s:Body><p:ApplyToElements_INPUT xmlns:p="${uri}"><p:Elements>${epr("a")}</p:Elements><p:Elements>${epr("b")}</p:Elements>` +
    `<p:Settings><p:CIM_PowerSettingData xmlns:p="${DMTF}CIM_PowerSettingData"><p:InstanceID>s1</p:InstanceID><p:Delay>5</p:Delay><p:Reasons>maintenance</p:Reasons></p:CIM_PowerSettingData></p:Settings>` +
    `<p:Priorities>1</p:Priorities><p:Priorities>2</p:Priorities></p:ApplyToElements_INPUT></s:Body></s:Envelope>`
  );
}

await main();
