import type { DiagnosticDefinition } from "../codes.js";

/** 50xx CLI and options. */
export const cliCodes = {} as const satisfies Record<string, DiagnosticDefinition>;
