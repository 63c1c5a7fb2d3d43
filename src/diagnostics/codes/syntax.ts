import type { DiagnosticDefinition } from "../codes.js";

/** 10xx: reading and lexing; 11xx: parsing. */
export const syntaxCodes = {
  UnexpectedCharacter: {
    code: 1001,
    severity: "error",
    message: "Unexpected character '{0}'.",
    hint: "MOF accepts identifiers, literals, punctuation and comments here.",
  },
  UnterminatedString: {
    code: 1002,
    severity: "error",
    message: "Unterminated string literal.",
    hint: "Close the string with '\"' before the end of the line.",
  },
  UnterminatedComment: {
    code: 1003,
    severity: "error",
    message: "Unterminated block comment.",
    hint: "Close the comment with '*/'.",
  },
  InvalidEscape: {
    code: 1004,
    severity: "warning",
    message: "Invalid escape sequence '{0}'; it is kept literally.",
    hint: "DSP0004 allows \\b \\t \\n \\f \\r \\\" \\' \\\\ and \\x/\\X followed by hex digits.",
  },
  BinaryFile: {
    code: 1005,
    severity: "error",
    message: "File is not MOF text: {0}.",
    hint: "MOF files are UTF-8 (with or without BOM) or UTF-16 with a byte order mark.",
  },
  PreprocessorLine: {
    code: 1006,
    severity: "error",
    message: "C preprocessor directive '{0}' is not MOF.",
    hint: "Run the file through a C preprocessor first, or use '#pragma include(\"file.mof\")'.",
  },
  InvalidNumber: {
    code: 1007,
    severity: "error",
    message: "Invalid numeric literal '{0}'.",
    hint: "Integers are decimal (42), hex (0x2A), octal with a leading 0 and digits 0-7 (052) or binary with a b suffix (101010b).",
  },
  InvalidChar16: {
    code: 1008,
    severity: "error",
    message: "Invalid char16 literal {0}.",
    hint: "A char16 literal holds exactly one character, e.g. 'a' or '\\x41'.",
  },
  NotUtf8: {
    code: 1009,
    severity: "warning",
    message: "File is not valid UTF-8; it was read as Windows-1252.",
    hint: "Save the file as UTF-8 or UTF-16 with a byte order mark.",
  },
  RepairedLineEnds: {
    code: 1010,
    severity: "warning",
    message:
      "UTF-16 line ends were damaged by a byte-wise CRLF conversion; the file was read as repaired.",
    hint: "Mark UTF-16 MOF files as binary for git (e.g. '*.mfl binary' in .gitattributes) and re-save the file.",
  },
  RealOutOfRange: {
    code: 1011,
    severity: "error",
    message: "Real literal '{0}' is out of range.",
    hint: "real64 holds magnitudes up to about 1.8e308.",
  },
  UnexpectedToken: {
    code: 1101,
    severity: "error",
    message: "{0} expected, found {1}.",
  },
  NoViableAlternative: {
    code: 1102,
    severity: "error",
    message: "Unexpected {0}; expected {1}.",
  },
  ExpectedAtLeastOne: {
    code: 1103,
    severity: "error",
    message: "Expected {0}, found {1}.",
  },
  UnexpectedTrailingInput: {
    code: 1104,
    severity: "error",
    message: "Unexpected {0} after the end of a declaration.",
    hint: "Declarations start with 'class', 'instance of', 'qualifier', '[' or '#pragma' and end with ';'.",
  },
  UnknownPragma: {
    code: 1105,
    severity: "warning",
    message: "Unknown pragma '{0}' is ignored.",
  },
  NestingTooDeep: {
    code: 1106,
    severity: "error",
    message: "Nesting deeper than {0} levels.",
    hint: "The nested part is skipped; MOF values rarely nest more than a few levels.",
  },
  InvalidArraySize: {
    code: 1108,
    severity: "error",
    message: "Array size '{0}' is not a positive decimal integer.",
    hint: "Write a fixed size as [4], or [] for a variable-length array.",
  },
  TooManyErrors: {
    code: 1107,
    severity: "info",
    message: "Stopped after {0} syntax errors; the rest of the file was not checked.",
    hint: "Fix the first errors: later ones are often consequences of them.",
  },
  InternalParserError: {
    code: 1199,
    severity: "error",
    message: "Internal error while parsing: {0}.",
    hint: "This is a bug in mof2ts; please report it with the input file.",
  },
} as const satisfies Record<string, DiagnosticDefinition>;

/** Hint templates that replace a code's own hint when a better one is known. */
export const syntaxHints = {
  /** MOF1005 with the position of the first NUL in an otherwise text file. */
  nulInText:
    "Delete the NUL character (editors show it as ^@, \\0 or <0x00>; the frame shows it as ␀), and any others in the file: MOF text never contains one.",
} as const;
