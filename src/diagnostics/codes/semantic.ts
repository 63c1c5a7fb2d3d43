import type { DiagnosticDefinition } from "../codes.js";

/** 20xx names, 21xx qualifier types, 22xx flavors, 23xx inheritance, 24xx ValueMap, 25xx instances, 26xx references. */
export const semanticCodes = {} as const satisfies Record<string, DiagnosticDefinition>;
