/**
 * CIM namespace names. WMI writes `\\.\root\cimv2` (in MOF source: "\\\\.\\root\\cimv2"), DMTF and WBEM
 * tools write `root/cimv2` or `//./root/cimv2`; the model uses one spelling: `root/cimv2`, segments
 * separated by `/`, each segment as declared. Namespace names compare case-insensitively.
 */

/** The namespace classes land in when no `#pragma namespace` says otherwise (as mofcomp does). */
export const defaultNamespace = "root/cimv2";

/**
 * Normalizes a namespace as written in `#pragma namespace(...)` or on the command line.
 * A name that neither starts with a separator nor with the `root` segment is relative to `current`
 * (mofcomp creates `ms_409` under the current namespace that way).
 */
export function normalizeNamespace(raw: string, current: string = defaultNamespace): string {
  let text = raw.trim().replace(/\\/g, "/");
  const absolute = text.startsWith("/");
  if (text.startsWith("//")) {
    // `//server/root/x`: the server part names a machine, not a namespace.
    const afterServer = text.indexOf("/", 2);
    text = afterServer < 0 ? "" : text.slice(afterServer);
  }
  const segments = text.split("/").filter((s) => s !== "" && s !== ".");
  if (segments.length === 0) return current;
  const first = segments[0]!;
  if (!absolute && first.toLowerCase() !== "root") return `${current}/${segments.join("/")}`;
  return segments.join("/");
}

const namespaceKeys = new Map<string, string>();
const namespaceKeysLimit = 256;

/** The key every namespace comparison goes through. */
export function namespaceKey(name: string): string {
  // A schema has a handful of namespaces, asked about for every class and every class lookup.
  let key = namespaceKeys.get(name);
  if (key === undefined) {
    key = name.toLowerCase();
    if (namespaceKeys.size < namespaceKeysLimit) namespaceKeys.set(name, key);
  }
  return key;
}

/** The parent of a namespace, or undefined for a top-level one (`root`). */
export function parentNamespace(name: string): string | undefined {
  const cut = name.lastIndexOf("/");
  return cut < 0 ? undefined : name.slice(0, cut);
}
