import type { DiagnosticDefinition } from "../codes.js";

/** 30xx files and includes. */
export const fileCodes = {} as const satisfies Record<string, DiagnosticDefinition>;
