import type { DiagnosticDefinition } from "../codes.js";

/** 40xx emit. */
export const emitCodes = {} as const satisfies Record<string, DiagnosticDefinition>;
