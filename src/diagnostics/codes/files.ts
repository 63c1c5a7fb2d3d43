import type { DiagnosticDefinition } from "../codes.js";

/** 30xx files and includes. */
export const fileCodes = {
  FileNotFound: {
    code: 3001,
    severity: "error",
    message: "Cannot read file '{0}'.",
    hint: "Check the path; relative paths are resolved against the current folder.",
  },
  IncludeNotFound: {
    code: 3002,
    severity: "error",
    message: "Included file '{0}' was not found.",
    hint: "Searched: {1}. Add the folder that holds it with -I.",
  },
  IncludeCycle: {
    code: 3003,
    severity: "error",
    message: "Include cycle: {0}.",
    hint: "A file includes itself through this chain; remove one of the #pragma include lines.",
  },
  IncludeArgument: {
    code: 3004,
    severity: "error",
    message: "#pragma include expects one file name string.",
    hint: 'Write #pragma include("file.mof").',
  },
  IncludeTooDeep: {
    code: 3005,
    severity: "error",
    message: "Includes nest deeper than {0} files: {1}.",
    hint: "Each #pragma include inside an included file adds a level (the related entries show the chain); include the files from one top-level file instead.",
  },
} as const satisfies Record<string, DiagnosticDefinition>;
