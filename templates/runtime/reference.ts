/**
 * CIM references (object paths), emitted by mof2ts next to generated code that uses them.
 *
 * Understands the DMTF form `//host/root/cimv2:CIM_Foo.Name="a\"b",Num=5,Flag=true` and the WMI form
 * `\\HOST\root\cimv2:Win32_Foo.Name="x"`, with or without host and namespace, class paths without keys,
 * keyless singletons (`Class=@`) and references nested as quoted, escaped paths.
 *
 * Self-contained: no imports, no runtime dependencies.
 */

/**
 * Type-only brand that records the target class of a reference. It has no runtime value: never
 * import it as a value; it is exported only so that declaration emit can name it.
 */
export declare const targetClass: unique symbol;

/** A key value in an object path: strings, numbers (bigint beyond 2^53), booleans and nested references. */
export type CimKeyValue = string | number | bigint | boolean | CimReference;

/**
 * A reference to a CIM instance (or, without keys, a class). `Target` names the class the schema
 * declares the reference to point at (e.g. `CimReference<"CIM_ManagedElement">`); it only exists in types.
 */
export interface CimReference<Target extends string = string> {
  /** Class of the referenced instance as the path spells it (may be a subclass of `Target`). */
  readonly className: string;
  /** Namespace with `/` separators (`root/cimv2`); absent when the path has none. */
  readonly namespace?: string;
  /** Host (`server.example.com`, `.`), absent when the path has none. */
  readonly host?: string;
  /** Key property values by property name. Empty for class paths and singletons. */
  readonly keys: Readonly<Record<string, CimKeyValue>>;
  /** True for a keyless singleton instance path (`Class=@`), as opposed to a class path. */
  readonly singleton?: boolean;
  readonly [targetClass]?: Target;
}

/**
 * Parses an object path in DMTF or WMI form. Unquoted integer keys become numbers (bigint beyond
 * 2^53), `true`/`false` booleans, and a quoted value that is itself an object path with a namespace,
 * host or keys becomes a nested reference. Returns `undefined` for malformed text.
 */
export function parseObjectPath(text: string): CimReference | undefined {
  void text;
  return undefined;
}

/**
 * Formats a reference as a canonical object path: keys sorted case-insensitively, quotes and
 * backslashes escaped, nested references quoted. `dmtf` (default) writes `//host/ns:Class.K="v"`,
 * `wmi` writes `\\host\ns:Class.K="v"`. `parseObjectPath` reads the result back to an equal reference.
 */
export function formatObjectPath(ref: CimReference, style: "dmtf" | "wmi" = "dmtf"): string {
  void ref;
  void style;
  return "";
}

/**
 * Turns what real clients produce into a reference, or `undefined`: an object path string; an
 * already-built {@link CimReference}; or a reference-valued instance as PowerShell `ConvertTo-Json`
 * emits it (key properties plus `CimClass`, `CimSystemProperties {ClassName, Namespace, ServerName}`,
 * `CimInstanceProperties`, or WMI's `__PATH`, `__CLASS`, `__NAMESPACE`, `__SERVER`).
 * Key properties come from `__PATH`, else from `CimInstanceProperties` entries flagged `Key`, else from
 * `keyNames` when given, else every scalar non-meta property.
 */
export function coerceCimReference(raw: unknown, keyNames?: readonly string[]): CimReference | undefined {
  void raw;
  void keyNames;
  return undefined;
}
