/**
 * `--binding wsman`: per class, the WS-Management request builders
 * (`export const <Class>Wsman = wsmanClass<<Class>WsmanTypes>({ resourceUri, meta, writable, methods })`,
 * typed by `<Class>WsmanKeys` and `<Class>WsmanMethods`); per method it declares, the metadata of its
 * input (`_InMeta`, for the request body) and output (`_OutMeta`) and `decode<Class>_<Method>_Out`.
 * Everything is plain data printed by the fast printer; the envelopes are written by the runtime
 * (templates/runtime/wsman-request.ts).
 */
import type { FunctionDeclarationStructure, InterfaceDeclarationStructure, StatementStructures } from "ts-morph";
import type { FileContext } from "./context.js";
import { decodeFunction } from "./decoders.js";
import { brokenList, group, indent, line, type Doc } from "./doc.js";
import { docsOf } from "./interfaces.js";
import { isQualifierTrue, renderDoc } from "./jsdoc.js";
import { propertyKey, quote, signatureKey } from "./literals.js";
import { decodedValueMap, metaEntry } from "./metadata.js";
import { returnValueShape } from "./methods.js";
import { nameKey } from "./names.js";
import type { ClassPlan, MethodPlan, MethodWsmanPlan } from "./plan.js";
import { arrayDoc, callDoc, declarationWithDoc, objectDoc, PURE, thunkDoc } from "./print.js";
import { resourceUriOf } from "./wsman-uris.js";

/** The method's `_InMeta`, `_OutMeta` and output decoder (in the file of the class that declares it). */
export function methodWsmanStatements(ctx: FileContext, plan: MethodPlan): StatementStructures[] {
  const names = plan.wsman;
  if (names === undefined) return [];
  return [
    metaStatement(ctx, plan, names.inMetaName, "INPUT", `Input parameters of {@link ${plan.inName}} as metadata, for WS-Management request bodies.`),
    metaStatement(ctx, plan, names.outMetaName, "OUTPUT", `Output of ${plan.owner.cls.name}.${plan.method.name}() as metadata (used by {@link ${names.outDecoderName}}).`),
    outDecoderStatement(ctx, plan, names),
  ];
}

function metaStatement(ctx: FileContext, plan: MethodPlan, name: string, direction: "INPUT" | "OUTPUT", description: string): StatementStructures {
  const method = plan.method;
  const entries: (readonly [string, Doc])[] = [];
  const returnShape = direction === "OUTPUT" ? returnValueShape(method) : undefined;
  if (returnShape !== undefined) {
    entries.push(["ReturnValue", metaEntry(ctx, plan.owner, "ReturnValue", returnShape, { isKey: false, isRequired: true, valueMap: decodedValueMap(plan.returnEnum) })]);
  }
  for (const param of method.parameters) {
    if (direction === "INPUT" ? param.direction === "out" : param.direction === "in") continue;
    const flags = { isKey: false, isRequired: isQualifierTrue(param.qualifiers, "required"), valueMap: decodedValueMap(plan.paramEnums.get(nameKey(param.name))) };
    entries.push([propertyKey(param.name), metaEntry(ctx, plan.owner, param.name, param, flags)]);
  }
  const meta = objectDoc(
    [
      ["name", quote(`${method.name}_${direction}`)],
      ["namespace", quote(plan.owner.cls.namespace)],
      ["keys", "[]"],
      ["properties", objectDoc(entries, true)],
    ],
    true,
  );
  return {
    kind: ctx.kinds.VariableStatement,
    isExported: true,
    docs: [renderDoc({ description, tags: [] }) ?? ""],
    declarationKind: ctx.morph.VariableDeclarationKind.Const,
    declarations: [declarationWithDoc(name, ctx.runtime("CimClassMeta", true), meta)],
  };
}

function outDecoderStatement(ctx: FileContext, plan: MethodPlan, names: MethodWsmanPlan): FunctionDeclarationStructure {
  return decodeFunction(ctx, {
    name: names.outDecoderName,
    type: plan.outName,
    metaName: names.outMetaName,
    parameter: "properties",
    description: `Decodes the properties of the \`${plan.method.name}_OUTPUT\` element of a response (\`readWsman\`'s \`output.properties\`) into {@link ${plan.outName}}, or returns every error found.`,
  });
}

/** `<Class>WsmanKeys`, `<Class>WsmanMethods`, `<Class>WsmanTypes` and `<Class>Wsman`. */
export function classWsmanStatements(ctx: FileContext, plan: ClassPlan): StatementStructures[] {
  const names = plan.wsman;
  if (names === undefined) return [];
  const cls = plan.cls;
  const resourceUri = resourceUriOf(cls.name, cls.namespace, ctx.options.wsmanUris);
  // generate.ts reports classes without a URI before anything is built.
  if (resourceUri === undefined) throw new Error(`no resource URI for ${cls.name}`);
  const keys = cls.properties.filter((p) => p.isKey);
  const statements: StatementStructures[] = [
    interfaceOf(ctx, names.keysName, `Selectors of {@link ${plan.name}} in WS-Management requests: its key properties.`, keys.map((p) => [p.name, `${plan.name}[${quote(p.name)}]`, true])),
  ];
  const methods = [...plan.methodByKey.values()].sort((a, b) => (nameKey(a.method.name) < nameKey(b.method.name) ? -1 : 1));
  if (names.methodsName !== undefined) {
    const members = methods.map((m): [string, string, boolean] => [m.method.name, ctx.classSymbol(m.owner, m.inName, true), false]);
    statements.push(interfaceOf(ctx, names.methodsName, `Input types of the methods of {@link ${plan.name}}, by method name.`, members));
  }
  statements.push(
    interfaceOf(ctx, names.typesName, `Types of the WS-Management requests for {@link ${plan.name}}.`, [
      ["instance", plan.name, false],
      ["keys", names.keysName, false],
      ["methods", names.methodsName ?? "{}", false],
    ]),
  );
  const writable = cls.properties.filter((p) => p.isWritable && !p.isKey).map((p) => quote(p.name));
  const methodEntries = methods.flatMap((m): (readonly [string, Doc])[] =>
    m.wsman === undefined ? [] : [[propertyKey(m.method.name), thunkDoc(ctx.classSymbol(m.owner, m.wsman.inMetaName, false))]],
  );
  const mappings = Object.keys(ctx.options.wsmanUris).sort();
  const spec = brokenList("{", [
    stringEntry("resourceUri", resourceUri),
    ["meta: ", plan.metaName],
    ["writable: ", arrayDoc(writable)],
    ["methods: ", objectDoc(methodEntries, methodEntries.length > 0)],
    ...(mappings.length === 0
      ? []
      : [["resourceUris: ", brokenList("{", mappings.map((prefix) => stringEntry(propertyKey(prefix), ctx.options.wsmanUris[prefix] ?? "")), "}")]]),
  ], "}");
  const factory = ctx.runtime("wsmanClass", false);
  statements.push({
    kind: ctx.kinds.VariableStatement,
    isExported: true,
    docs: [
      renderDoc({
        description: `WS-Management requests for {@link ${plan.name}} (resource URI \`${resourceUri}\`): \`get\`, \`enumerate\`, \`pull\`, \`put\`, \`create\`, \`delete\` and \`invoke.<Method>\` return SOAP envelope text.`,
        tags: [],
      }) ?? "",
    ],
    declarationKind: ctx.morph.VariableDeclarationKind.Const,
    declarations: [
      declarationWithDoc(
        names.objectName,
        undefined,
        callDoc(`${PURE}${factory}${ctx.tsOnly(`<${names.typesName}>`)}`, [spec], true),
        ctx.declaredType(() => `${ctx.runtime("WsmanClassRequests", true)}<${names.typesName}>`),
      ),
    ],
  });
  return statements;
}

/** `key: "text"`, or the text on the next line when it does not fit (prettier's layout for long strings). */
function stringEntry(key: string, text: string): Doc {
  return [key, ":", group(indent([line, quote(text)]))];
}

/** An exported interface of readonly members `[name, type, optional]`. */
function interfaceOf(ctx: FileContext, name: string, description: string, members: readonly (readonly [string, string, boolean])[]): InterfaceDeclarationStructure {
  return {
    kind: ctx.kinds.Interface,
    isExported: true,
    name,
    docs: docsOf({ description, tags: [] }),
    properties: members.map(([member, type, optional]) => ({ name: signatureKey(member), type, isReadonly: true, hasQuestionToken: optional })),
  };
}
