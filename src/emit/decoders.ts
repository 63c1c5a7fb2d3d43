/**
 * Per class `decode<Class>(raw, options?)`: turns a raw property bag (PowerShell JSON, WS-Man, CIM-XML)
 * into the typed interface through `decodeInstance` and the class metadata, or returns precise errors.
 */
import type { FunctionDeclarationStructure } from "ts-morph";
import type { FileContext } from "./context.js";
import { renderDoc } from "./jsdoc.js";
import { quote } from "./literals.js";
import type { ClassPlan } from "./plan.js";

export function decoderStatement(ctx: FileContext, plan: ClassPlan): FunctionDeclarationStructure {
  const decode = ctx.runtime("decodeInstance", false);
  const optionsType = ctx.runtime("DecodeOptions", true);
  const wholeOptionsType = ctx.runtime("WholeDecodeOptions", true);
  const resultType = ctx.runtime("DecodeResult", true);
  const partialResult = `${resultType}<Partial<${plan.name}>>`;
  // Decoded 64-bit values must match the representation the interfaces were generated with.
  const statements =
    ctx.options.int64 === "number"
      ? [`return ${decode}<${plan.name}>(raw, ${plan.metaName}, options);`]
      : [`const decodeOptions: ${optionsType} = { int64: ${quote(ctx.options.int64)}, ...options };`, `return ${decode}<${plan.name}>(raw, ${plan.metaName}, decodeOptions);`];
  const docs = (description: string): string[] => [renderDoc({ description, tags: [] }) ?? ""];
  return {
    kind: ctx.kinds.Function,
    isExported: true,
    name: plan.decoderName,
    // The result type follows the options: whole instances by default, `Partial` for projections.
    overloads: [
      {
        isExported: true,
        docs: docs(`Decodes a raw property bag (e.g. \`Get-CimInstance | ConvertTo-Json\` output) into {@link ${plan.name}}, or returns every error found (property, expected, got).`),
        parameters: [
          { name: "raw", type: "unknown" },
          { name: "options", type: wholeOptionsType, hasQuestionToken: true },
        ],
        returnType: `${resultType}<${plan.name}>`,
      },
      {
        isExported: true,
        docs: docs(`With \`{ partial: true }\` (\`Select-Object\` projections): every property may be missing; present ones are fully checked.`),
        parameters: [
          { name: "raw", type: "unknown" },
          { name: "options", type: optionsType, hasQuestionToken: true },
        ],
        returnType: partialResult,
      },
    ],
    parameters: [
      { name: "raw", type: "unknown" },
      { name: "options", type: optionsType, hasQuestionToken: true },
    ],
    returnType: partialResult,
    statements,
  };
}
