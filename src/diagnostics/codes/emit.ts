import type { DiagnosticDefinition } from "../codes.js";

/** 40xx emit. */
export const emitCodes = {
  FormattingFailed: {
    code: 4001,
    severity: "warning",
    message: "Prettier could not format '{0}': {1}. The file is written unformatted.",
    hint: "Check the options given with --prettier-config; with the default options this is a mof2ts bug worth reporting.",
  },
  GeneratedNameChanged: {
    code: 4002,
    severity: "info",
    message: "Generated name '{0}' is already taken in namespace '{1}'; using '{2}'.",
    hint: "Two schema elements map to the same TypeScript name; the later one (in name order) gets a numeric suffix.",
  },
  WsmanUriMissing: {
    code: 4003,
    severity: "error",
    message: "No WS-Management resource URI is known for {0} class(es) with the prefix '{1}': {2}.",
    hint: "Map the prefix with --wsman-uri {1}=<URI> (config \"wsmanUris\"); the class name is appended to the URI. {1}=wmi gives WinRM's WMI URIs (…/wsman/1/wmi/<namespace>/<Class>).",
  },
  BindingNotEmitted: {
    code: 4004,
    severity: "warning",
    message: "The '{0}' binding is not generated with --emit types: declarations only hold no request builders or response readers.",
    hint: "Use --emit ts or --emit js to get the binding; with --emit types the class and value-map types are written as usual.",
  },
} as const satisfies Record<string, DiagnosticDefinition>;
