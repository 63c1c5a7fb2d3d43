/**
 * Per class `decode<Class>(raw, options?)`: turns a raw property bag (PowerShell JSON, WS-Man, CIM-XML)
 * into the typed interface through `decodeInstance` and the class metadata, or returns precise errors.
 * `--binding wsman` builds its method-output decoders with the same `decodeFunction`.
 */
import type { FunctionDeclarationStructure } from "ts-morph";
import type { FileContext } from "./context.js";
import { renderDoc } from "./jsdoc.js";
import { quote } from "./literals.js";
import type { ClassPlan } from "./plan.js";

export function decoderStatement(ctx: FileContext, plan: ClassPlan): FunctionDeclarationStructure {
  return decodeFunction(ctx, {
    name: plan.decoderName,
    type: plan.name,
    metaName: plan.metaName,
    parameter: "raw",
    description: `Decodes a raw property bag (e.g. \`Get-CimInstance | ConvertTo-Json\` output) into {@link ${plan.name}}, or returns every error found (property, expected, got).`,
  });
}

/** What a decoder function decodes: into `type`, through the metadata constant `metaName`. */
export interface DecodeFunctionSpec {
  readonly name: string;
  readonly type: string;
  readonly metaName: string;
  /** Name of the input parameter. */
  readonly parameter: string;
  /** What the default (whole-instance) overload does. */
  readonly description: string;
}

/**
 * `export function <name>(<parameter>: unknown, options?)` over `decodeInstance`, with two overloads:
 * `DecodeResult<type>` by default, `DecodeResult<Partial<type>>` with `{ partial: true }`.
 */
export function decodeFunction(ctx: FileContext, spec: DecodeFunctionSpec): FunctionDeclarationStructure {
  const decode = ctx.runtime("decodeInstance", false);
  const optionsType = ctx.runtime("DecodeOptions", true);
  const wholeOptionsType = ctx.runtime("WholeDecodeOptions", true);
  const resultType = ctx.runtime("DecodeResult", true);
  const partialResult = `${resultType}<Partial<${spec.type}>>`;
  // Decoded 64-bit values must match the representation the interfaces were generated with.
  const call = `${decode}${ctx.tsOnly(`<${spec.type}>`)}`;
  const statements =
    ctx.options.int64 === "number"
      ? [`return ${call}(${spec.parameter}, ${spec.metaName}, options);`]
      : [
          `const decodeOptions${ctx.tsOnly(`: ${optionsType}`)} = { int64: ${quote(ctx.options.int64)}, ...options };`,
          `return ${call}(${spec.parameter}, ${spec.metaName}, decodeOptions);`,
        ];
  const docs = (description: string): string[] => [renderDoc({ description, tags: [] }) ?? ""];
  return {
    kind: ctx.kinds.Function,
    isExported: true,
    name: spec.name,
    // The result type follows the options: whole instances by default, `Partial` for projections.
    overloads: [
      {
        isExported: true,
        docs: docs(spec.description),
        parameters: [
          { name: spec.parameter, type: "unknown" },
          { name: "options", type: wholeOptionsType, hasQuestionToken: true },
        ],
        returnType: `${resultType}<${spec.type}>`,
      },
      {
        isExported: true,
        docs: docs(`With \`{ partial: true }\` (\`Select-Object\` projections): every property may be missing; present ones are fully checked.`),
        parameters: [
          { name: spec.parameter, type: "unknown" },
          { name: "options", type: optionsType, hasQuestionToken: true },
        ],
        returnType: partialResult,
      },
    ],
    parameters: [
      { name: spec.parameter, type: "unknown" },
      { name: "options", type: optionsType, hasQuestionToken: true },
    ],
    returnType: partialResult,
    statements,
  };
}
