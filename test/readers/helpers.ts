/**
 * The reader tests decode through real generated code: fixtures/readers/readers.mof is generated into
 * test/readers/__output__/<name>/ and imported, so readers and decoders are tested together.
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, expect } from "vitest";
import type { CimClassMeta, DecodeResult } from "../../templates/runtime/decode.js";
import { generateCase, repoRoot, writeFiles } from "../emit/helpers/fixtures.js";

export const READERS_CASE = { name: "readers", inputs: ["fixtures/readers/readers.mof"], expected: "" } as const;

/** A generated decoder, typed loosely: the tests assert the decoded fields one by one. */
export type Decoder = (raw: unknown, options?: { readonly int64?: "number" | "bigint" | "string" }) => DecodeResult<Readonly<Record<string, unknown>>>;

export interface GeneratedReaders {
  readonly module: Readonly<Record<string, unknown>>;
  readonly folder: string;
  decoder(className: string): Decoder;
  export(name: string): unknown;
  /** Metadata of Demo_ProvisioningService.CreateElements' output, as the generated per-method decoders carry it. */
  createElementsOutMeta(): CimClassMeta;
}

/** Generates the readers fixture into its own folder (one per test file, so files run in parallel). */
export async function generateReadersFixture(name: string): Promise<GeneratedReaders> {
  const folder = join(repoRoot, "test/readers/__output__", name);
  writeFiles(folder, await generateCase(READERS_CASE));
  // A variable specifier keeps tsc from resolving generated files at type-check time.
  const module = (await import(/* @vite-ignore */ pathToFileURL(join(folder, "index.ts")).href)) as Readonly<Record<string, unknown>>;
  const exported = (symbol: string): unknown => {
    const value = module[symbol];
    if (value === undefined) throw new Error(`${symbol} is not exported by the generated fixture`);
    return value;
  };
  const settingMeta = exported("Demo_SettingMeta") as CimClassMeta;
  return {
    module,
    folder,
    export: exported,
    createElementsOutMeta: () => ({
      name: "Demo_ProvisioningService.CreateElements",
      namespace: "root/cimv2",
      keys: [],
      properties: {
        ReturnValue: { type: "uint32", required: true },
        Elements: { type: "reference", isArray: true, referenceClass: "CIM_ManagedElement" },
        Job: { type: "reference", referenceClass: "CIM_ConcreteJob" },
        Applied: { type: "string", embeddedClass: "Demo_Setting", embedded: () => settingMeta },
        Messages: { type: "string", isArray: true },
      },
    }),
    decoder(className: string): Decoder {
      const decode = exported(`decode${className}`);
      if (typeof decode !== "function") throw new Error(`decode${className} is not a function`);
      return decode as Decoder;
    },
  };
}

/**
 * Generates the fixture before this test file's tests and removes it after them; the returned
 * function gives it inside a test.
 */
export function useReadersFixture(name: string): () => GeneratedReaders {
  let generated: GeneratedReaders | undefined;
  beforeAll(async () => {
    generated = await generateReadersFixture(name);
  }, 120_000);
  afterAll(() => {
    if (generated !== undefined) rmSync(generated.folder, { recursive: true, force: true });
  });
  return () => {
    if (generated === undefined) throw new Error("fixture not generated");
    return generated;
  };
}

/** The value of a reader's successful result; fails the test with the reader's error otherwise. */
export function unwrap<T>(result: { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string }): T {
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

/** Checks a response's kind and narrows to it. */
export function ofKind<R extends { readonly kind: string }, K extends R["kind"]>(response: R, kind: K): Extract<R, { kind: K }> {
  expect(response.kind).toBe(kind);
  return response as Extract<R, { kind: K }>;
}

/** The value of a successful result; fails the test with the errors otherwise. */
export function decoded<T>(result: DecodeResult<T>): T {
  if (!result.ok) throw new Error("decode failed:\n" + JSON.stringify(result.errors, null, 2));
  return result.value;
}

/** A SOAP 1.2 envelope around a header action and a body, with the prefixes DSP0226's examples use. */
export function envelope(action: string, body: string, extraNamespaces = ""): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"
    xmlns:wsa="http://schemas.xmlsoap.org/ws/2004/08/addressing"
    xmlns:wsman="http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd"
    xmlns:wsen="http://schemas.xmlsoap.org/ws/2004/09/enumeration"
    xmlns:wxf="http://schemas.xmlsoap.org/ws/2004/09/transfer"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xmlns:cim="http://schemas.dmtf.org/wbem/wscim/1/common"${extraNamespaces}>
  <s:Header>
    <wsa:To>http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</wsa:To>
    <wsa:Action s:mustUnderstand="true">${action}</wsa:Action>
    <wsa:RelatesTo>uuid:d9726315-bc91-430b-9ed8-ce5ffb858a91</wsa:RelatesTo>
    <wsa:MessageID>uuid:91ee8c4e-8f3b-4a1a-8c3d-0a4d5f8d1e22</wsa:MessageID>
  </s:Header>
  <s:Body>${body}</s:Body>
</s:Envelope>`;
}

export const CIM_URI = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/";

/** An endpoint reference's children (Address + ReferenceParameters) for a class and selectors. */
export function eprChildren(className: string, selectors: Readonly<Record<string, string>>, resourceUri = CIM_URI + className): string {
  const set = Object.entries(selectors)
    .map(([name, value]) => `<wsman:Selector Name="${name}">${value}</wsman:Selector>`)
    .join("");
  return `<wsa:Address>http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</wsa:Address>
<wsa:ReferenceParameters><wsman:ResourceURI>${resourceUri}</wsman:ResourceURI><wsman:SelectorSet>${set}</wsman:SelectorSet></wsa:ReferenceParameters>`;
}
