/**
 * Reads CIM-XML responses (DSP0200 operations, DSP0201 representation: what OpenPegasus, SFCB,
 * SMI-S providers and pywbem speak) into the same property bags as the WS-Management reader, for the
 * same generated `decode<Class>` functions. Emitted by mof2ts for `--binding wsman`; needs `saxes`.
 *
 * Values stay text (the decoders convert them): PROPERTY gives its VALUE, PROPERTY.ARRAY an array
 * (VALUE.NULL items are null), PROPERTY.REFERENCE a {@link CimReference}, a property without a value
 * null, and an EmbeddedObject property (its VALUE holds an escaped INSTANCE) a nested bag with the class
 * name under `__CLASS`. Class definitions (CLASS, QUALIFIER.DECLARATION) are not read.
 */
import type { CimKeyValue, CimReference } from "./reference.js";
import { readXmlTree, setBagMember, xmlAttribute, type ReadXmlOptions, type XmlElement } from "./xml-tree.js";

/** One instance from a CIM-XML response, with its instance path when the response gives one. */
export interface CimXmlItem {
  readonly className: string;
  /** Property bag for `decode<Class>`. */
  readonly properties: Readonly<Record<string, unknown>>;
  /** The instance path (VALUE.NAMEDINSTANCE, VALUE.INSTANCEWITHPATH, VALUE.OBJECTWITHPATH). */
  readonly reference?: CimReference | undefined;
}

/** A CIM-XML response, by what it holds. */
export type CimXmlResponse =
  /**
   * An intrinsic method's result (IMETHODRESPONSE): instances, instance names, a property value, and
   * output parameters (`EnumerationContext`, `EndOfSequence` of the pulled enumerations). A bare
   * INSTANCE (or VALUE.NAMEDINSTANCE, …) document reads as a result with `method` "".
   */
  | {
      readonly kind: "result";
      readonly method: string;
      readonly items: readonly CimXmlItem[];
      readonly names: readonly CimReference[];
      /** The IRETURNVALUE's VALUE, VALUE.ARRAY or VALUE.REFERENCE (GetProperty), when present. */
      readonly value?: unknown;
      readonly parameters: Readonly<Record<string, unknown>>;
      readonly context?: string | undefined;
      readonly endOfSequence?: boolean | undefined;
    }
  /** An extrinsic method's result (METHODRESPONSE): `ReturnValue` and the Out parameters, as a property bag. */
  | { readonly kind: "output"; readonly method: string; readonly properties: Readonly<Record<string, unknown>> }
  /** An ERROR: the CIM status code (DSP0200: 1 failed, 5 invalid class, 6 not found, …) and description. */
  | { readonly kind: "error"; readonly method: string; readonly code: number; readonly description: string; readonly instances: readonly CimXmlItem[] };

/** A response, or why the text is not one. Never throws. */
export type CimXmlReadResult = { readonly ok: true; readonly value: CimXmlResponse } | { readonly ok: false; readonly error: string };

/** Embedded objects nest at most this deep (each level is a separate, escaped document). */
const MAX_EMBEDDED_DOCUMENTS = 8;

const INSTANCE_CONTAINERS = new Set(["INSTANCE", "VALUE.NAMEDINSTANCE", "VALUE.INSTANCEWITHPATH", "VALUE.OBJECTWITHPATH", "VALUE.OBJECTWITHLOCALPATH", "VALUE.OBJECT"]);
const PATH_ELEMENTS = new Set(["INSTANCENAME", "INSTANCEPATH", "LOCALINSTANCEPATH", "CLASSNAME", "CLASSPATH", "LOCALCLASSPATH", "OBJECTPATH"]);

/**
 * Reads a CIM-XML document: a CIM message holding one IMETHODRESPONSE or METHODRESPONSE, or a bare
 * instance element. A DOCTYPE, malformed XML or a document beyond the limits in `options` is an error.
 */
export function readCimXml(xml: string, options: ReadXmlOptions = {}): CimXmlReadResult {
  const tree = readXmlTree(xml, options);
  if (!tree.ok) return tree;
  try {
    return readCimDocument(tree.value, { options, documents: 0 });
  } catch (error) {
    // Not expected (the tree is bounded); kept so that no input can make the reader throw.
    return { ok: false, error: "unreadable CIM-XML: " + (error instanceof Error ? error.message : String(error)) };
  }
}

interface CimXmlContext {
  readonly options: ReadXmlOptions;
  /** How many escaped documents enclose the one being read. */
  readonly documents: number;
}

function cimXmlFail(error: string): { readonly ok: false; readonly error: string } {
  return { ok: false, error };
}

/** Child elements of a CIM-XML element by name (CIM-XML uses no XML namespaces). */
function cimChildren(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child) => child.uri === "" && child.local === name);
}

function cimChild(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((child) => child.uri === "" && child.local === name);
}

function cimName(element: XmlElement, attribute = "NAME"): string {
  return xmlAttribute(element, "", attribute) ?? "";
}

function readCimDocument(root: XmlElement, context: CimXmlContext): CimXmlReadResult {
  if (root.uri !== "") return cimXmlFail("not CIM-XML: the root element is {" + root.uri + "}" + root.local);
  if (root.local !== "CIM") {
    if (!INSTANCE_CONTAINERS.has(root.local)) return cimXmlFail("not CIM-XML: the root element is " + root.local);
    return { ok: true, value: { kind: "result", method: "", items: readReturnedItems([root], context), names: [], parameters: {} } };
  }
  const message = cimChild(root, "MESSAGE");
  if (message === undefined) return cimXmlFail("the CIM element holds no MESSAGE (a DECLARATION is not a response)");
  const response = cimChild(message, "SIMPLERSP");
  if (response === undefined) {
    const other = message.children[0]?.local ?? "nothing";
    return cimXmlFail("the MESSAGE holds " + other + ", not a SIMPLERSP (only single responses are read)");
  }
  const intrinsic = cimChild(response, "IMETHODRESPONSE");
  if (intrinsic !== undefined) return { ok: true, value: readIntrinsicResponse(intrinsic, context) };
  const extrinsic = cimChild(response, "METHODRESPONSE");
  if (extrinsic !== undefined) return { ok: true, value: readExtrinsicResponse(extrinsic, context) };
  return cimXmlFail("the SIMPLERSP holds neither IMETHODRESPONSE nor METHODRESPONSE");
}

function readCimError(error: XmlElement, method: string, context: CimXmlContext): CimXmlResponse {
  const code = Number.parseInt(cimName(error, "CODE"), 10);
  return {
    kind: "error",
    method,
    // CODE is required; a server that leaves it out (or garbles it) gets CIM_ERR_FAILED, the general code.
    code: Number.isSafeInteger(code) ? code : 1,
    description: cimName(error, "DESCRIPTION"),
    instances: readReturnedItems(cimChildren(error, "INSTANCE"), context),
  };
}

function readIntrinsicResponse(response: XmlElement, context: CimXmlContext): CimXmlResponse {
  const method = cimName(response);
  const error = cimChild(response, "ERROR");
  if (error !== undefined) return readCimError(error, method, context);
  const returned = cimChild(response, "IRETURNVALUE")?.children ?? [];
  const names = returned.filter((child) => child.uri === "" && PATH_ELEMENTS.has(child.local)).map(readPath);
  const valueElement = returned.find((child) => child.uri === "" && (child.local === "VALUE" || child.local === "VALUE.ARRAY" || child.local === "VALUE.REFERENCE"));
  const parameters = readParameters(response, context);
  const enumerationContext = parameters["EnumerationContext"];
  const endOfSequence = parameters["EndOfSequence"];
  return {
    kind: "result",
    method,
    items: readReturnedItems(returned, context),
    names: names.filter((name): name is CimReference => name !== undefined),
    ...(valueElement === undefined ? {} : { value: readCimValue(valueElement, false, context) }),
    parameters,
    ...(typeof enumerationContext === "string" ? { context: enumerationContext } : {}),
    ...(typeof endOfSequence === "string" ? { endOfSequence: endOfSequence.trim().toLowerCase() === "true" } : {}),
  };
}

function readExtrinsicResponse(response: XmlElement, context: CimXmlContext): CimXmlResponse {
  const method = cimName(response);
  const error = cimChild(response, "ERROR");
  if (error !== undefined) return readCimError(error, method, context);
  const returnValue = cimChild(response, "RETURNVALUE");
  const parameters = readParameters(response, context);
  const properties =
    returnValue === undefined ? parameters : { ReturnValue: readCimValue(returnValue.children[0], isEmbedded(returnValue), context), ...parameters };
  return { kind: "output", method, properties };
}

/** PARAMVALUE children as a bag: name → value (text, array, reference, embedded bag or null). */
function readParameters(response: XmlElement, context: CimXmlContext): Record<string, unknown> {
  return Object.fromEntries(
    cimChildren(response, "PARAMVALUE").map((parameter) => [cimName(parameter), readCimValue(parameter.children[0], isEmbedded(parameter), context)] as const),
  );
}

/** Instances among returned elements, with their paths where the wrapper has one. */
function readReturnedItems(elements: readonly XmlElement[], context: CimXmlContext): CimXmlItem[] {
  const items: CimXmlItem[] = [];
  for (const element of elements) {
    if (element.uri !== "" || !INSTANCE_CONTAINERS.has(element.local)) continue;
    const instance = element.local === "INSTANCE" ? element : cimChild(element, "INSTANCE");
    if (instance === undefined) continue;
    const pathElement = element.children.find((child) => child !== instance && child.uri === "" && PATH_ELEMENTS.has(child.local));
    const reference = pathElement === undefined ? undefined : readPath(pathElement);
    items.push({ className: cimName(instance, "CLASSNAME"), properties: readInstanceProperties(instance, context), ...(reference === undefined ? {} : { reference }) });
  }
  return items;
}

/** PROPERTY, PROPERTY.ARRAY and PROPERTY.REFERENCE children as a bag; qualifiers are skipped. */
function readInstanceProperties(instance: XmlElement, context: CimXmlContext): Record<string, unknown> {
  const bag: Record<string, unknown> = {};
  for (const property of instance.children) {
    if (property.uri !== "" || !property.local.startsWith("PROPERTY")) continue;
    const value = property.children.find((child) => child.uri === "" && child.local !== "QUALIFIER");
    setBagMember(bag, cimName(property), readCimValue(value, isEmbedded(property), context));
  }
  return bag;
}

/** EmbeddedObject="object"|"instance" (DSP0201 2.x; EMBEDDEDOBJECT in older servers) or the qualifier. */
function isEmbedded(element: XmlElement): boolean {
  if (xmlAttribute(element, "", "EmbeddedObject") !== undefined || xmlAttribute(element, "", "EMBEDDEDOBJECT") !== undefined) return true;
  return cimChildren(element, "QUALIFIER").some((qualifier) => {
    const name = cimName(qualifier).toLowerCase();
    return name === "embeddedobject" || name === "embeddedinstance";
  });
}

/** A value element (VALUE, VALUE.ARRAY, VALUE.REFERENCE, VALUE.REFARRAY, a path, an instance) or null. */
function readCimValue(element: XmlElement | undefined, embedded: boolean, context: CimXmlContext): unknown {
  if (element === undefined || element.uri !== "") return null;
  switch (element.local) {
    case "VALUE":
      return embedded ? readEmbeddedText(element.text, context) : element.text;
    case "VALUE.NULL":
      return null;
    case "VALUE.ARRAY":
    case "VALUE.REFARRAY":
      return element.children.map((child) => readCimValue(child, embedded, context));
    case "VALUE.REFERENCE":
      return element.children[0] === undefined ? null : (readPath(element.children[0]) ?? null);
    case "INSTANCE":
    case "VALUE.NAMEDINSTANCE": {
      const [item] = readReturnedItems([element], context);
      return item === undefined ? null : { ...item.properties, __CLASS: item.className };
    }
    default:
      return PATH_ELEMENTS.has(element.local) ? (readPath(element) ?? null) : null;
  }
}

/**
 * An EmbeddedObject value: the text of an INSTANCE element, read as its own document with the same
 * limits. Text that is not an instance (a CLASS, or malformed) stays text, so the decoder reports it.
 */
function readEmbeddedText(text: string, context: CimXmlContext): unknown {
  if (context.documents >= MAX_EMBEDDED_DOCUMENTS) return text;
  const tree = readXmlTree(text, context.options);
  if (!tree.ok || tree.value.uri !== "" || tree.value.local !== "INSTANCE") return text;
  const inner = { options: context.options, documents: context.documents + 1 };
  return { ...readInstanceProperties(tree.value, inner), __CLASS: cimName(tree.value, "CLASSNAME") };
}

/**
 * An object path element as a CIM reference: INSTANCEPATH / LOCALINSTANCEPATH / INSTANCENAME
 * (with keys), CLASSPATH / LOCALCLASSPATH / CLASSNAME (without), OBJECTPATH (either). Malformed
 * paths give `undefined`.
 */
function readPath(element: XmlElement): CimReference | undefined {
  switch (element.local) {
    case "OBJECTPATH": {
      const inner = element.children[0];
      return inner === undefined ? undefined : readPath(inner);
    }
    case "INSTANCEPATH":
    case "CLASSPATH":
    case "LOCALINSTANCEPATH":
    case "LOCALCLASSPATH": {
      const namespacePath = cimChild(element, "NAMESPACEPATH");
      const host = namespacePath === undefined ? undefined : cimChild(namespacePath, "HOST")?.text.trim();
      const local = namespacePath === undefined ? cimChild(element, "LOCALNAMESPACEPATH") : cimChild(namespacePath, "LOCALNAMESPACEPATH");
      const namespace = local === undefined ? "" : cimChildren(local, "NAMESPACE").map((part) => cimName(part)).join("/");
      const name = cimChild(element, "INSTANCENAME") ?? cimChild(element, "CLASSNAME");
      const reference = name === undefined ? undefined : readPath(name);
      if (reference === undefined) return undefined;
      return { ...reference, ...(namespace === "" ? {} : { namespace }), ...(host === undefined || host === "" ? {} : { host }) };
    }
    case "CLASSNAME": {
      const className = cimName(element);
      return className === "" ? undefined : { className, keys: {} };
    }
    case "INSTANCENAME": {
      const className = cimName(element, "CLASSNAME");
      if (className === "") return undefined;
      const keys: [string, CimKeyValue][] = [];
      for (const binding of cimChildren(element, "KEYBINDING")) {
        const value = readKeyBindingValue(binding.children[0]);
        if (value === undefined) return undefined;
        keys.push([cimName(binding), value]);
      }
      return { className, keys: Object.fromEntries(keys) };
    }
    default:
      return undefined;
  }
}

/** KEYVALUE (typed by VALUETYPE: string, boolean, numeric) or a nested VALUE.REFERENCE. */
function readKeyBindingValue(element: XmlElement | undefined): CimKeyValue | undefined {
  if (element === undefined || element.uri !== "") return undefined;
  if (element.local === "VALUE.REFERENCE") return element.children[0] === undefined ? undefined : readPath(element.children[0]);
  if (element.local !== "KEYVALUE") return undefined;
  const text = element.text;
  const valueType = (xmlAttribute(element, "", "VALUETYPE") ?? "string").toLowerCase();
  if (valueType === "boolean") {
    const flag = text.trim().toLowerCase();
    return flag === "true" ? true : flag === "false" ? false : text;
  }
  if (valueType === "numeric") {
    const trimmed = text.trim();
    // Longer digit runs stay text: no uint64/sint64 key needs more, and BigInt of a huge run is slow.
    if (/^[+-]?\d{1,40}$/.test(trimmed)) {
      const whole = BigInt(trimmed);
      return Number.isSafeInteger(Number(whole)) ? Number(whole) : whole;
    }
    const real = Number(trimmed);
    return trimmed !== "" && Number.isFinite(real) ? real : text;
  }
  return text;
}
