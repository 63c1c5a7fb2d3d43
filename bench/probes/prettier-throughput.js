#!/usr/bin/env node
/**
 * Probe: prettier throughput on generated-looking TypeScript (JSDoc-heavy interfaces, enums, const
 * maps), parser `typescript` vs `babel-ts`, with and without `filepath`, one big file vs a file per
 * class, and on text that is already formatted (the cost of a format that changes nothing).
 * Usage: node bench/probes/prettier-throughput.js [classes=200]
 */
import * as prettier from "prettier";

const classes = Number(process.argv[2] ?? 200);
const words = "the value of this property indicates the current state of the managed element and is used by clients".split(" ");
const sentence = (i, n) => Array.from({ length: n }, (_, k) => words[(i * 7 + k * 3) % words.length]).join(" ");

/** One class worth of TypeScript, deliberately unformatted in the ways an emitter typically is. */
function classText(i) {
  const props = [];
  const enums = [];
  for (let p = 0; p < 8; p++) {
    props.push(`  /**\n   * ${sentence(i + p, 40)}.\n   * ${sentence(i + p + 1, 30)}.\n   */\n  readonly Prop${p}?: ${p % 3 === 0 ? `Class${i}Prop${p}` : p % 3 === 1 ? "string" : "number | null"};`);
    if (p % 3 === 0) {
      const members = Array.from({ length: 8 }, (_, k) => `  /** ${sentence(k, 4)} */\n  Value${k} = ${k + 1},`).join("\n");
      enums.push(`export enum Class${i}Prop${p} {\n${members}\n}\nexport const class${i}Prop${p}Ranges = [{ min: 9, max: 32767, name: "DMTF Reserved" }, { min: 32768, max: 65535, name: "Vendor Reserved" }] as const;`);
    }
  }
  return `/**\n * ${sentence(i, 60)}.\n */\nexport interface Class${i} extends Base${i % 10} {\n${props.join("\n")}\n}\n${enums.join("\n")}\n`;
}

const files = Array.from({ length: classes }, (_, i) => classText(i));
const single = files.join("\n");
const mb = (text) => Buffer.byteLength(text) / 1e6;

async function time(label, texts, options) {
  const t0 = performance.now();
  const out = [];
  for (const [i, text] of texts.entries()) out.push(await prettier.format(text, options(i)));
  const seconds = (performance.now() - t0) / 1000;
  const size = texts.reduce((sum, t) => sum + mb(t), 0);
  console.log(`${label.padEnd(58)} ${size.toFixed(2)} MB  ${seconds.toFixed(2)} s  ${(size / seconds).toFixed(2)} MB/s`);
  return out;
}

// Warm up both parsers so plugin loading is not counted.
await prettier.format("const a = 1;", { parser: "typescript" });
await prettier.format("const a = 1;", { parser: "babel-ts" });

const base = { printWidth: 100 };
const formattedTs = await time("typescript, filepath, one file", [single], () => ({ ...base, parser: "typescript", filepath: "all.ts" }));
await time("babel-ts, filepath, one file", [single], () => ({ ...base, parser: "babel-ts", filepath: "all.ts" }));
await time("typescript, file per class, filepath", files, (i) => ({ ...base, parser: "typescript", filepath: `c${i}.ts` }));
await time("babel-ts, file per class, filepath", files, (i) => ({ ...base, parser: "babel-ts", filepath: `c${i}.ts` }));
await time("typescript, already formatted (no-op format)", formattedTs, () => ({ ...base, parser: "typescript", filepath: "all.ts" }));
const small = files.slice(0, Math.max(1, Math.floor(classes / 4))).join("\n");
await time("typescript, NO filepath, quarter of the file", [small], () => ({ ...base, parser: "typescript" }));
await time("typescript, filepath, quarter of the file", [small], () => ({ ...base, parser: "typescript", filepath: "q.ts" }));
const babel = await prettier.format(single, { ...base, parser: "babel-ts", filepath: "all.ts" });
console.log(`babel-ts output identical to typescript output: ${babel === formattedTs[0]}`);
