/**
 * WS-Management resource URIs of the generated classes (`--binding wsman`). The rule is the one the
 * emitted runtime applies to referenced and embedded classes (`wsmanResourceUri` in
 * templates/runtime/wsman-request.ts; test/emit/wsman.test.ts checks both agree):
 * 1. a `--wsman-uri PREFIX=URI` mapping, longest prefix first, case-insensitive: URI + class name
 *    (a `/` is added when the URI lacks one); the URI `wmi` stands for WinRM's WMI form below;
 * 2. the DMTF CIM Schema's classes (`CIM_`, and `PRS_` of its Support model): DMTF's
 *    `http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/<Class>` (DSP0227);
 * 3. `Win32_`, `MSFT_` and `Msvm_` classes (Windows' own WMI providers): WinRM's
 *    `http://schemas.microsoft.com/wbem/wsman/1/wmi/<namespace>/<Class>`.
 * A namespace alone does not make a class WMI: vendor classes (Intel AMT's `AMT_`, `IPS_`) live in
 * `root/interop` too and have URIs of their own, so any other prefix must be mapped.
 */
import type { CimClass } from "../model/schema.js";

export const DMTF_CIM_RESOURCE_URI_PREFIX = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/";
export const WMI_RESOURCE_URI_PREFIX = "http://schemas.microsoft.com/wbem/wsman/1/wmi/";
const DMTF_PREFIXES = ["cim_", "prs_"];
const WMI_PREFIXES = ["win32_", "msft_", "msvm_"];

/** The resource URI of a class, or `undefined` when no rule gives one. */
export function resourceUriOf(className: string, namespace: string, mappings: Readonly<Record<string, string>>): string | undefined {
  const lower = className.toLowerCase();
  const prefixes = Object.keys(mappings).sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  for (const prefix of prefixes) {
    if (!lower.startsWith(prefix.toLowerCase())) continue;
    const uri = mappings[prefix] ?? "";
    return uri.toLowerCase() === "wmi" ? wmiUri(className, namespace) : (uri.endsWith("/") ? uri : `${uri}/`) + className;
  }
  if (DMTF_PREFIXES.some((prefix) => lower.startsWith(prefix))) return DMTF_CIM_RESOURCE_URI_PREFIX + className;
  if (WMI_PREFIXES.some((prefix) => lower.startsWith(prefix))) return wmiUri(className, namespace);
  return undefined;
}

function wmiUri(className: string, namespace: string): string {
  return `${WMI_RESOURCE_URI_PREFIX}${namespace.replace(/\\/g, "/").replace(/^\/+|\/+$/g, "")}/${className}`;
}

/** The prefix a mapping for the class would use: up to and including the first `_`, else the name. */
export function classPrefix(className: string): string {
  const underscore = className.indexOf("_");
  return underscore < 0 ? className : className.slice(0, underscore + 1);
}

/** Classes without a resource URI, grouped by prefix (prefixes and classes in name order). */
export function classesWithoutUri(classes: readonly CimClass[], mappings: Readonly<Record<string, string>>): Map<string, CimClass[]> {
  const missing = new Map<string, CimClass[]>();
  for (const cls of [...classes].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (resourceUriOf(cls.name, cls.namespace, mappings) !== undefined) continue;
    const prefix = classPrefix(cls.name);
    missing.set(prefix, [...(missing.get(prefix) ?? []), cls]);
  }
  return new Map([...missing.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
