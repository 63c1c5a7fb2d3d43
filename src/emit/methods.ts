/**
 * CIM methods → `<Class>_<Method>_In` (in and inout parameters) and `<Class>_<Method>_Out` (out and
 * inout parameters plus `ReturnValue`, typed with the return value map's enum).
 */
import type { InterfaceDeclarationStructure, OptionalKind, PropertySignatureStructure } from "ts-morph";
import type { CimMethod, CimParameter } from "../model/schema.js";
import type { FileContext } from "./context.js";
import { docsOf } from "./interfaces.js";
import { isQualifierTrue, paragraphs, qualifierTags, type DocTag } from "./jsdoc.js";
import { signatureKey } from "./literals.js";
import { localizedDescription } from "./localized-doc.js";
import { nameKey } from "./names.js";
import type { MethodPlan } from "./plan.js";
import { valueType, type TypedShape } from "./type-map.js";

export function methodStatements(ctx: FileContext, plan: MethodPlan): InterfaceDeclarationStructure[] {
  const method = plan.method;
  const subject = `${plan.owner.cls.name}.${method.name}()`;
  const inputs = method.parameters.filter((p) => p.direction !== "out");
  const outputs = method.parameters.filter((p) => p.direction !== "in");
  const outProps = outputs.map((p) => parameterSignature(ctx, plan, p, true));
  const shape = returnValueShape(method);
  if (shape !== undefined) {
    const enumName = plan.returnEnum === undefined ? undefined : ctx.enumType(plan.returnEnum);
    outProps.unshift({
      name: "ReturnValue",
      isReadonly: true,
      type: valueType(shape, enumName, ctx, ctx.options.int64),
      docs: docsOf({ description: `Return value of ${subject}${plan.returnEnum === undefined || ctx.options.emit === "types" ? "" : `; see {@link ${plan.returnEnum.helperName}}`}.`, tags: [] }),
    });
  }
  const methodTags: DocTag[] = [...(method.isStatic ? [{ name: "static" }] : []), ...qualifierTags(method.qualifiers)];
  return [
    {
      kind: ctx.kinds.Interface,
      isExported: true,
      name: plan.inName,
      docs: docsOf({ description: paragraphs(method.description ?? localizedDescription(plan.owner.cls, method.name) ?? "", `Input parameters of ${subject}.`), tags: methodTags }),
      properties: inputs.map((p) => parameterSignature(ctx, plan, p, false)),
    },
    {
      kind: ctx.kinds.Interface,
      isExported: true,
      name: plan.outName,
      docs: docsOf({ description: `Output of ${subject}: the return value and the out parameters.`, tags: [] }),
      properties: outProps,
    },
  ];
}

function parameterSignature(ctx: FileContext, plan: MethodPlan, param: CimParameter, isOutput: boolean): OptionalKind<PropertySignatureStructure> {
  const required = isQualifierTrue(param.qualifiers, "required");
  const enumPlan = param.valueMap === undefined ? undefined : plan.paramEnums.get(nameKey(param.name));
  const type = valueType(param, enumPlan === undefined ? undefined : ctx.enumType(enumPlan), ctx, ctx.options.int64);
  const tags: DocTag[] = [...(required ? [{ name: "required" }] : []), ...qualifierTags(param.qualifiers)];
  const notes = enumPlan === undefined ? [] : [`Values: {@link ${enumPlan.name}}${ctx.options.emit === "types" ? "" : ` (see {@link ${enumPlan.helperName}})`}.`];
  return {
    name: signatureKey(param.name),
    isReadonly: isOutput,
    hasQuestionToken: !required,
    type: required ? type : `${type} | null`,
    docs: docsOf({ description: paragraphs(param.description ?? "", ...notes), tags }),
  };
}

/**
 * The shape of the `ReturnValue` member of a method's output, or undefined when it has none: a void
 * method, or one whose out parameter named ReturnValue stands for the return value.
 */
export function returnValueShape(method: CimMethod): TypedShape | undefined {
  if (method.returnType === undefined || method.parameters.some((p) => p.direction !== "in" && nameKey(p.name) === "returnvalue")) return undefined;
  return {
    type: method.returnType,
    isArray: method.returnIsArray,
    ...(method.returnReferenceClass === undefined ? {} : { referenceClass: method.returnReferenceClass }),
    ...(method.returnEmbeddedClass === undefined ? {} : { embeddedClass: method.returnEmbeddedClass }),
  };
}
