/**
 * The MOF parser: one Chevrotain EmbeddedActionsParser instance, reused for every file. Rules build the
 * syntax tree directly (measured 2–3× faster than a CST plus visitor). Rule names equal the productions
 * in grammar/mof.ebnf (DSP0004 2.8 Annex A, plus the WMI dialect); a test keeps the two in step.
 *
 * Error recovery is on, so recovered sub-rules may return undefined: every action tolerates that.
 * Semantic work is guarded by `RECORDING_PHASE` (Chevrotain's ACTION without a closure per call), so the
 * grammar-recording phase never builds nodes from its placeholder tokens.
 */
import {
  EmbeddedActionsParser,
  EOF,
  tokenMatcher,
  type IParserErrorMessageProvider,
  type IRecognitionException,
  type IToken,
  type TokenType,
} from "chevrotain";
import type {
  ArraySpecifier,
  ClassDeclaration,
  Feature,
  Flavor as FlavorNode,
  Identifier as IdentifierNode,
  InstanceDeclaration,
  IntrinsicTypeName,
  MofFile,
  ParameterDeclaration,
  PragmaArgument,
  PragmaDirective,
  PropertyValue,
  Qualifier,
  QualifierTypeDeclaration,
  Span,
  Statement,
  StringLiteral as StringLiteralNode,
  IntegerLiteral as IntegerLiteralNode,
  TypeReference,
  Value,
} from "../ast/nodes.js";
import { intrinsicTypeNames } from "../ast/nodes.js";
import { createDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { Diagnostics } from "../diagnostics/codes.js";
import {
  decodeChar16,
  decodeInteger,
  decodeReal,
  decodeStringRun,
  type LiteralReporter,
} from "../lexer/literals.js";
import {
  AliasIdentifier,
  allTokens,
  As,
  Association,
  Char16Literal,
  Class,
  Colon,
  Comma,
  Equals,
  Flavor,
  Identifier,
  Indication,
  Instance,
  IntegerLiteral,
  LBrace,
  LBracket,
  LParen,
  Of,
  Pragma,
  QualifierKeyword,
  RBrace,
  RBracket,
  RealLiteral,
  Ref,
  RParen,
  Scope,
  Semicolon,
  StringLiteral,
} from "../lexer/tokens.js";

const intrinsicTypes = new Set<string>(intrinsicTypeNames);

/**
 * After this many recognition errors in one run the repetitions stop, so a huge garbage file costs
 * time proportional to the cap, not to its size (each recovery re-synchronises, which is not cheap).
 */
export const maxRecognitionErrors = 100;

/** Flavor names (DSP0004 §5.6.1.x; WMI adds Amended, NotToInstance, NotToSubclass), lower-cased. */
export const flavorNames: ReadonlySet<string> = new Set([
  "enableoverride",
  "disableoverride",
  "restricted",
  "tosubclass",
  "translatable",
  "toinstance",
  "amended",
  "nottoinstance",
  "nottosubclass",
]);

/** Pragmas mofcomp and DSP0004 know (lower-cased); others are kept in the tree with a warning. */
export const knownPragmas: ReadonlySet<string> = new Set([
  "include",
  "namespace",
  "locale",
  "instancelocale",
  "classflags",
  "instanceflags",
  "deleteclass",
  "deleteinstance",
  "autorecover",
  "amendment",
  "nonlocal",
  "nonlocaltype",
  "source",
  "sourcetype",
]);

/** How a grammar decision point reads in a "expected …" message. */
const ruleDescriptions: Readonly<Record<string, string>> = {
  mofProduction: "a declaration ('class', 'instance of', 'qualifier' or '#pragma')",
  qualifiedDeclaration: "'class' or 'instance of'",
  value: "a value",
  pragmaParameter: "a string, number or name",
  classDeclaration: "'class', 'association' or 'indication'",
  classFeature: "a property or method",
};

function labelOf(type: TokenType): string {
  return type.LABEL ?? type.name;
}

/** How the end of input reads in messages. */
export const endOfFile = "end of file";

/** Describes the found token for messages: `'x'` or "end of file". */
export function describeToken(token: IToken): string {
  if (token.tokenType === EOF) return endOfFile;
  const image = token.image.length > 30 ? token.image.slice(0, 30) + "…" : token.image;
  return `'${image}'`;
}

function joinAlternatives(labels: readonly string[]): string {
  const unique = [...new Set(labels)];
  if (unique.length <= 1) return unique[0] ?? "more input";
  const shown = unique.slice(0, 6);
  return shown.slice(0, -1).join(", ") + " or " + shown[shown.length - 1];
}

/** Chevrotain's messages become the "expected" half of our messages (MOF tokens, not type names). */
const errorMessageProvider: IParserErrorMessageProvider = {
  buildMismatchTokenMessage: ({ expected }) => (expected === EOF ? endOfFile : labelOf(expected)),
  buildNotAllInputParsedMessage: ({ firstRedundant }) => describeToken(firstRedundant),
  buildNoViableAltMessage: ({ expectedPathsPerAlt, ruleName, customUserDescription }) =>
    customUserDescription ??
    ruleDescriptions[ruleName] ??
    joinAlternatives(
      expectedPathsPerAlt.flatMap((alt) => alt.map((path) => (path[0] ? labelOf(path[0]) : ""))),
    ),
  buildEarlyExitMessage: ({ expectedIterationPaths, ruleName, customUserDescription }) =>
    customUserDescription ??
    ruleDescriptions[ruleName] ??
    joinAlternatives(expectedIterationPaths.map((path) => (path[0] ? labelOf(path[0]) : ""))),
};

/** The literal tokens read in place of a `value` (see `valueHere`). */
function isLiteral(type: TokenType): boolean {
  return type === StringLiteral || type === IntegerLiteral;
}

/** The tokens that may follow a qualifier in its list. */
function endsQualifier(type: TokenType): boolean {
  return type === Comma || type === RBracket;
}

/** What a rule returns while Chevrotain records the grammar: the value is never used. */
const recordingResult = undefined as never;

/** What follows a feature's name: parameters for a method, array and default for a property. */
interface FeatureTail {
  readonly parameters: ParameterDeclaration[] | undefined;
  readonly array: ArraySpecifier | undefined;
  readonly defaultValue: Value | undefined;
}

/** The result of one parser run over (part of) a token vector. */
export interface ParserRun {
  readonly statements: Statement[];
}

/**
 * MOF parser (DSP0004 2.8 Annex A + WMI). Use `mofParser` (the shared instance) through `parse()`.
 */
export class MofParser extends EmbeddedActionsParser {
  /** File name put in every span of the current run. */
  private fileName = "";
  private textLength = 0;
  /** Problems found while decoding literals and checking names (the grammar errors are in `errors`). */
  private sink: Diagnostic[] = [];
  private readonly reportLiteral: LiteralReporter = (def, start, end, args) => {
    this.sink.push(createDiagnostic(def, { file: this.fileName, start, end }, args));
  };

  /**
   * @param validate run Chevrotain's grammar validations (ambiguities, left recursion…). They cost
   *   most of the construction time and only matter when the grammar changes, so the shared instance
   *   skips them and test/grammar.test.ts builds one with them on.
   */
  constructor(
    validate = false,
    /**
     * Take the shortcuts past rule invocations and OPTION calls (`valueHere`, `simpleQualifier`,
     * `mayStartWith`). Off, every decision goes through Chevrotain's DSL: test/parser/shortcuts.test.ts
     * compares the two on real and broken input.
     */
    private readonly shortcuts = true,
  ) {
    super([...allTokens], {
      recoveryEnabled: true,
      maxLookahead: 3,
      errorMessageProvider,
      skipValidations: !validate,
    });
    this.performSelfAnalysis();
  }

  /** Points the parser at a token vector of `fileName`; returns what it found. */
  run(tokens: IToken[], fileName: string, textLength: number, sink: Diagnostic[]): ParserRun {
    this.fileName = fileName;
    this.textLength = textLength;
    this.sink = sink;
    this.input = tokens;
    const statements = this.mofSpecification();
    return { statements: statements ?? [] };
  }

  // -------------------------------------------------------------------------------------------------
  // Span helpers (offsets only; inserted-in-recovery tokens have no offsets)

  private span(start: number, end: number): Span {
    return { file: this.fileName, start, end: Math.max(start, end) };
  }

  /** Offset where the next production starts. */
  private here(): number {
    const next = this.LA_FAST(1); // the input is padded with EOF tokens
    return next.tokenType === EOF || Number.isNaN(next.startOffset)
      ? this.textLength
      : next.startOffset;
  }

  /** Offset just after the last consumed token. */
  private consumedEnd(): number {
    const last = this.LA_FAST(0) as IToken | undefined; // undefined before the first token
    if (last === undefined || last.tokenType === EOF || Number.isNaN(last.startOffset))
      return this.here();
    return last.startOffset + last.image.length;
  }

  private tokenSpan(token: IToken): Span {
    const start = token.startOffset;
    if (Number.isNaN(start)) {
      const at = this.consumedEnd();
      return this.span(at, at);
    }
    return { file: this.fileName, start, end: start + token.image.length };
  }

  /** Where `token` starts (`tokenSpan(token).start` without the span object). */
  private tokenStart(token: IToken): number {
    return Number.isNaN(token.startOffset) ? this.consumedEnd() : token.startOffset;
  }

  private identifier(token: IToken): IdentifierNode {
    return { kind: "Identifier", name: token.image, span: this.tokenSpan(token) };
  }

  private typeReference(typeToken: IToken, isRef: boolean): TypeReference {
    const span = this.tokenSpan(typeToken);
    if (isRef) return { kind: "ReferenceType", className: this.identifier(typeToken), span };
    const lower = typeToken.image.toLowerCase();
    if (intrinsicTypes.has(lower))
      return { kind: "IntrinsicType", name: lower as IntrinsicTypeName, span };
    return { kind: "ClassType", className: this.identifier(typeToken), span };
  }

  private flavor(token: IToken): FlavorNode {
    // Unknown flavor names are kept; resolve reports them (MOF2106).
    return { kind: "Flavor", name: token.image, span: this.tokenSpan(token) };
  }

  /**
   * The recognition errors of the current run. Chevrotain's `errors` getter deep-clones the list (lodash
   * `clone`) on every call, too slow for a check made before every declaration and once per file; its
   * SAVE_ERROR pushes to `_errors`, which is read directly when present. Do not modify the result.
   */
  recognitionErrors(): readonly IRecognitionException[] {
    const internal = (this as unknown as { _errors?: unknown })._errors;
    return Array.isArray(internal) ? (internal as IRecognitionException[]) : this.errors;
  }

  private underErrorCap(): boolean {
    return this.recognitionErrors().length < maxRecognitionErrors;
  }

  /**
   * `REF` is the keyword only when a name follows, possibly after `[]` / `[n]`: `uint16 Ref;` and
   * `uint8 Ref[4];` declare properties called Ref, `CIM_X REF[] Items()` returns references.
   */
  private refKeywordAhead(): boolean {
    if (tokenMatcher(this.LA(2), Identifier)) return true;
    if (!tokenMatcher(this.LA(2), LBracket)) return false;
    const next = tokenMatcher(this.LA(3), IntegerLiteral) ? 4 : 3;
    return tokenMatcher(this.LA(next), RBracket) && tokenMatcher(this.LA(next + 1), Identifier);
  }

  /**
   * `[` after a name opens an array unless a name follows it: `string Name [In] uint32 T` is a
   * missing ',' before a qualified parameter, and `string Name [Key] uint8 X;` a missing ';'.
   */
  private arrayAhead(): boolean {
    if (!tokenMatcher(this.LA(2), Identifier)) return true;
    // `[abc];` is a (bad) array size; `[Key] uint8 X;` / `[In] [Out] …` are qualifier lists.
    const after = this.LA(4);
    return (
      tokenMatcher(this.LA(3), RBracket) &&
      !tokenMatcher(after, Identifier) &&
      !tokenMatcher(after, LBracket)
    );
  }

  /**
   * False only while parsing when the next token is not `type`, the one token the optional part at
   * hand can start with: its lookahead would say no, so the OPTION call (a lookahead function and,
   * with a GATE, a closure per call) is skipped. While recording, always true (the grammar needs it).
   */
  private mayStartWith(type: TokenType): boolean {
    return this.RECORDING_PHASE || !this.shortcuts || this.LA_FAST(1).tokenType === type;
  }

  private isVoid(token: IToken): boolean {
    return token.image.toLowerCase() === "void";
  }

  // -------------------------------------------------------------------------------------------------
  // Rules (names = grammar/mof.ebnf productions)
  //
  // Speed (cold CLI runs parse 300k+ tokens before V8 has optimised much): no `ACTION(() => …)` closure
  // per call, semantic work is guarded by `RECORDING_PHASE` instead; the argument objects and closures
  // of the hottest decisions are built once (fields below) and capture only `this`.

  /** mofSpecification = *mofProduction */
  mofSpecification = this.RULE("mofSpecification", (): Statement[] => {
    const statements: Statement[] = [];
    this.MANY({
      GATE: this.underErrorCap,
      DEF: () => {
        const statement = this.SUBRULE(this.mofProduction);
        if (statement !== undefined) statements.push(statement);
      },
    });
    return statements;
  });

  private readonly productionAlternatives = [
    { ALT: () => this.SUBRULE(this.compilerDirective) },
    { ALT: () => this.SUBRULE(this.qualifierDeclaration) },
    { ALT: () => this.SUBRULE(this.qualifiedDeclaration) },
  ];

  /** mofProduction = compilerDirective / qualifierDeclaration / qualifiedDeclaration */
  mofProduction = this.RULE("mofProduction", (): Statement | undefined =>
    this.OR(this.productionAlternatives),
  );

  /** compilerDirective = PRAGMA pragmaName [ "(" pragmaParameter *( "," pragmaParameter ) ")" ] */
  compilerDirective = this.RULE("compilerDirective", (): PragmaDirective => {
    const start = this.CONSUME(Pragma);
    const name = this.CONSUME(Identifier);
    const args: PragmaArgument[] = [];
    this.OPTION(() => {
      this.CONSUME(LParen);
      this.MANY_SEP({
        SEP: Comma,
        DEF: () => {
          const arg = this.SUBRULE(this.pragmaParameter);
          if (arg !== undefined) args.push(arg);
        },
      });
      this.CONSUME(RParen);
    });
    if (this.RECORDING_PHASE) return recordingResult;
    const node: PragmaDirective = {
      kind: "PragmaDirective",
      name: this.identifier(name),
      args,
      span: this.span(this.tokenStart(start), this.consumedEnd()),
    };
    if (!knownPragmas.has(name.image.toLowerCase()) && name.image !== "") {
      this.sink.push(createDiagnostic(Diagnostics.UnknownPragma, node.name.span, [name.image]));
    }
    return node;
  });

  private readonly pragmaParameterAlternatives = [
    { ALT: () => this.SUBRULE(this.stringValue) },
    {
      ALT: (): PragmaArgument => {
        const token = this.CONSUME(IntegerLiteral);
        return this.RECORDING_PHASE ? recordingResult : this.integerNode(token);
      },
    },
    {
      ALT: (): PragmaArgument => {
        const token = this.CONSUME(Identifier);
        if (this.RECORDING_PHASE) return recordingResult;
        return { kind: "EnumLiteral" as const, name: token.image, span: this.tokenSpan(token) };
      },
    },
  ];

  /** pragmaParameter = stringValue / integerValue / IDENTIFIER   (WMI: NOFAIL, FAIL, numbers) */
  pragmaParameter = this.RULE("pragmaParameter", (): PragmaArgument | undefined =>
    this.OR(this.pragmaParameterAlternatives),
  );

  /**
   * qualifierDeclaration = QUALIFIER qualifierName [ ":" IDENTIFIER [ array ] [ defaultValue ] *flavor ]
   *                        *( "," ( scope / defaultFlavor ) ) ";"
   * The IDENTIFIER after ":" is the type (DSP0004) unless it is a flavor name (WMI typeless form).
   */
  qualifierDeclaration = this.RULE("qualifierDeclaration", (): QualifierTypeDeclaration => {
    const start = this.CONSUME(QualifierKeyword);
    const name = this.CONSUME(Identifier);
    let typeToken: IToken | undefined;
    let array: ArraySpecifier | undefined;
    let defaultValue: Value | undefined;
    const flavorTokens: IToken[] = [];
    const scopes: IdentifierNode[] = [];
    const flavors: FlavorNode[] = [];
    this.OPTION(() => {
      this.CONSUME(Colon);
      typeToken = this.CONSUME2(Identifier);
      array = this.OPTION2(() => this.SUBRULE(this.array));
      defaultValue = this.OPTION3(() => this.SUBRULE(this.defaultValue));
      this.MANY(() => {
        flavorTokens.push(this.CONSUME3(Identifier));
      });
    });
    this.MANY2(() => {
      this.CONSUME(Comma);
      this.OR([
        {
          ALT: () => {
            const found = this.SUBRULE(this.scope);
            if (!this.RECORDING_PHASE) scopes.push(...(found ?? []));
          },
        },
        {
          ALT: () => {
            const found = this.SUBRULE(this.defaultFlavor);
            if (!this.RECORDING_PHASE) flavors.push(...(found ?? []));
          },
        },
      ]);
    });
    this.CONSUME(Semicolon);
    if (this.RECORDING_PHASE) return recordingResult;
    let type: TypeReference | undefined;
    if (typeToken !== undefined && !flavorNames.has(typeToken.image.toLowerCase())) {
      type = this.typeReference(typeToken, false);
    } else if (typeToken !== undefined) {
      flavorTokens.unshift(typeToken);
    }
    const inlineFlavors = flavorTokens.map((token) => this.flavor(token));
    const node = {
      kind: "QualifierTypeDeclaration" as const,
      name: this.identifier(name),
      scopes,
      flavors: [...inlineFlavors, ...flavors],
      span: this.span(this.tokenStart(start), this.consumedEnd()),
    };
    return optional(
      optional(optional(node, "type", type), "array", array),
      "defaultValue",
      defaultValue,
    );
  });

  /** scope = SCOPE "(" metaElement *( "," metaElement ) ")" */
  scope = this.RULE("scope", (): IdentifierNode[] => {
    const scopes: IdentifierNode[] = [];
    this.CONSUME(Scope);
    this.CONSUME(LParen);
    this.AT_LEAST_ONE_SEP({
      ERR_MSG:
        "a scope (class, association, indication, qualifier, property, reference, method, parameter or any)",
      SEP: Comma,
      DEF: () => {
        const token = this.CONSUME(Identifier);
        if (!this.RECORDING_PHASE) scopes.push(this.identifier(token));
      },
    });
    this.CONSUME(RParen);
    return scopes;
  });

  /** defaultFlavor = FLAVOR "(" flavor *( "," flavor ) ")" */
  defaultFlavor = this.RULE("defaultFlavor", (): FlavorNode[] => {
    const flavors: FlavorNode[] = [];
    this.CONSUME(Flavor);
    this.CONSUME(LParen);
    this.AT_LEAST_ONE_SEP({
      ERR_MSG: "a flavor",
      SEP: Comma,
      DEF: () => {
        const token = this.CONSUME(Identifier);
        if (!this.RECORDING_PHASE) flavors.push(this.flavor(token));
      },
    });
    this.CONSUME(RParen);
    return flavors;
  });

  /** qualifiedDeclaration = [ qualifierList ] ( classDeclaration / instanceDeclaration ) */
  qualifiedDeclaration = this.RULE("qualifiedDeclaration", (): Statement | undefined => {
    const start = this.RECORDING_PHASE ? 0 : this.here();
    const qualifiers = this.qualifierListHere() ?? [];
    return this.OR([
      { ALT: () => this.SUBRULE(this.classDeclaration, { ARGS: [qualifiers, start] }) },
      { ALT: () => this.SUBRULE(this.instanceDeclaration, { ARGS: [qualifiers, start] }) },
    ]);
  });

  private readonly classKeywordAlternatives = [
    { ALT: () => this.CONSUME(Class) },
    { ALT: () => this.CONSUME(Association) },
    { ALT: () => this.CONSUME(Indication) },
  ];

  /**
   * classDeclaration = ( CLASS / ASSOCIATION / INDICATION ) className [ alias ] [ superClass ]
   *                    "{" *classFeature "}" ";"
   */
  classDeclaration = this.RULE(
    "classDeclaration",
    (qualifiers: Qualifier[], start: number): ClassDeclaration => {
      const keyword = this.OR(this.classKeywordAlternatives);
      const name = this.CONSUME(Identifier);
      const alias = this.OPTION(this.optionalAlias);
      const superclass = this.OPTION2(() => {
        this.CONSUME(Colon);
        return this.CONSUME2(Identifier);
      });
      const features: Feature[] = [];
      this.CONSUME(LBrace);
      this.MANY({
        GATE: this.underErrorCap,
        DEF: () => {
          const feature = this.SUBRULE(this.classFeature);
          if (feature !== undefined) features.push(feature);
        },
      });
      this.CONSUME(RBrace);
      this.CONSUME(Semicolon);
      if (this.RECORDING_PHASE) return recordingResult;
      const word = keyword.image.toLowerCase();
      const keywordName: ClassDeclaration["keyword"] =
        word === "association" ? "association" : word === "indication" ? "indication" : "class";
      const node = {
        kind: "ClassDeclaration" as const,
        qualifiers,
        keyword: keywordName,
        name: this.identifier(name),
        features,
        span: this.span(start, this.consumedEnd()),
      };
      const superclassName = superclass === undefined ? undefined : this.identifier(superclass);
      return optional(optional(node, "alias", alias), "superclass", superclassName);
    },
  );

  /** alias = AS aliasIdentifier */
  alias = this.RULE("alias", (): IdentifierNode => {
    this.CONSUME(As);
    const token = this.CONSUME(AliasIdentifier);
    if (this.RECORDING_PHASE) return recordingResult;
    const node = this.identifier(token);
    return { ...node, name: token.image.slice(1) };
  });

  private readonly optionalAlias = (): IdentifierNode => this.SUBRULE(this.alias);
  private readonly optionalQualifierList = (): Qualifier[] => this.SUBRULE(this.qualifierList);

  /**
   * classFeature = [ qualifierList ] dataType [ array ] [ REF [ array ] ] featureName
   *                ( "(" [ parameter *( "," parameter ) ] ")" / [ array ] [ defaultValue ] ) ";"
   * One rule for properties, references and methods: they share a prefix of arbitrary length.
   */
  classFeature = this.RULE("classFeature", (): Feature | undefined => {
    const start = this.RECORDING_PHASE ? 0 : this.here();
    const qualifiers = this.qualifierListHere() ?? [];
    const typeToken = this.CONSUME(Identifier);
    let returnArray = this.mayStartWith(LBracket) ? this.OPTION3(this.optionalArray) : undefined;
    const ref = this.mayStartWith(Ref) ? this.OPTION2(this.gatedRefWithArray) : undefined;
    const isRef = ref !== undefined;
    // `CIM_X REF[] Items()`: an array of references as a method result (DSP0221).
    if (ref !== undefined && ref !== null) returnArray ??= ref;
    const name = this.CONSUME2(Identifier);
    // The method alternative needs '('; the property alternative may be empty, so a missing ';'
    // is reported as "';' expected" rather than as "no alternative".
    const feature = this.OR(this.featureTailAlternatives);
    this.CONSUME(Semicolon);
    if (this.RECORDING_PHASE) return recordingResult;
    const span = this.span(start, this.consumedEnd());
    if (feature?.parameters !== undefined) {
      const method = {
        kind: "MethodDeclaration" as const,
        qualifiers,
        name: this.identifier(name),
        parameters: feature.parameters,
        span,
      };
      const returnType =
        this.isVoid(typeToken) && !isRef ? undefined : this.typeReference(typeToken, isRef);
      return optional(optional(method, "returnType", returnType), "returnArray", returnArray);
    }
    const property = {
      kind: "PropertyDeclaration" as const,
      qualifiers,
      type: this.typeReference(typeToken, isRef),
      name: this.identifier(name),
      span,
    };
    const array = feature?.array ?? returnArray;
    return optional(optional(property, "array", array), "defaultValue", feature?.defaultValue);
  });

  /** What follows a feature's name: a parameter list (method), or an array and a default (property). */
  private readonly featureTailAlternatives = [
    {
      ALT: (): FeatureTail => {
        const parameters: ParameterDeclaration[] = [];
        this.CONSUME(LParen);
        this.MANY_SEP({
          SEP: Comma,
          DEF: () => {
            const parameter = this.SUBRULE(this.parameter);
            if (parameter !== undefined) parameters.push(parameter);
          },
        });
        this.CONSUME(RParen);
        return { parameters, array: undefined, defaultValue: undefined };
      },
    },
    {
      ALT: (): FeatureTail => {
        const array = this.mayStartWith(LBracket) ? this.OPTION4(this.gatedArray) : undefined;
        const defaultValue = this.mayStartWith(Equals)
          ? this.OPTION5(this.optionalDefaultValue)
          : undefined;
        return { parameters: undefined, array, defaultValue };
      },
    },
  ];

  private readonly gatedArray = {
    GATE: () => this.arrayAhead(),
    DEF: (): ArraySpecifier => this.SUBRULE2(this.array),
  };
  private readonly optionalDefaultValue = (): Value | undefined => this.SUBRULE(this.defaultValue);
  private readonly optionalArray = (): ArraySpecifier => this.SUBRULE(this.array);
  private readonly gatedRefWithArray = {
    GATE: this.refKeywordAhead,
    // null: REF without an array (OPTION2 itself gives undefined when there is no REF).
    DEF: (): ArraySpecifier | null => {
      this.CONSUME(Ref);
      return this.OPTION6(this.optionalRefArray) ?? null;
    },
  };
  private readonly optionalRefArray = (): ArraySpecifier => this.SUBRULE3(this.array);

  /** parameter = [ qualifierList ] dataType [ REF ] parameterName [ array ] [ defaultValue ] */
  parameter = this.RULE("parameter", (): ParameterDeclaration => {
    const start = this.RECORDING_PHASE ? 0 : this.here();
    const qualifiers = this.qualifierListHere() ?? [];
    const typeToken = this.CONSUME(Identifier);
    const isRef = this.mayStartWith(Ref) && this.OPTION2(this.gatedRef) !== undefined;
    const name = this.CONSUME2(Identifier);
    const array = this.mayStartWith(LBracket) ? this.OPTION3(this.gatedParameterArray) : undefined;
    const defaultValue = this.mayStartWith(Equals)
      ? this.OPTION4(this.optionalDefaultValue)
      : undefined;
    if (this.RECORDING_PHASE) return recordingResult;
    const node = {
      kind: "ParameterDeclaration" as const,
      qualifiers,
      type: this.typeReference(typeToken, isRef),
      name: this.identifier(name),
      span: this.span(start, this.consumedEnd()),
    };
    return optional(optional(node, "array", array), "defaultValue", defaultValue);
  });

  private readonly gatedRef = { GATE: this.refKeywordAhead, DEF: () => this.CONSUME(Ref) };
  private readonly gatedParameterArray = {
    GATE: () => this.arrayAhead(),
    DEF: (): ArraySpecifier => this.SUBRULE(this.array),
  };

  /** array = "[" [ positiveDecimalValue ] "]" */
  array = this.RULE("array", (): ArraySpecifier => {
    const open = this.CONSUME(LBracket);
    const size = this.OPTION(() => this.CONSUME(IntegerLiteral));
    this.CONSUME(RBracket);
    if (this.RECORDING_PHASE) return recordingResult;
    const span = this.span(this.tokenStart(open), this.consumedEnd());
    if (size === undefined) return { span };
    const decoded = this.integerNode(size);
    // DSP0004 positiveDecimalValue; 2^32 - 1 bounds what any CIM implementation can hold.
    if (
      decoded.radix !== 10 ||
      decoded.value < 1n ||
      decoded.value > 0xffffffffn ||
      /^[+-]/.test(size.image)
    ) {
      this.sink.push(createDiagnostic(Diagnostics.InvalidArraySize, decoded.span, [size.image]));
      return { span };
    }
    return { size: Number(decoded.value), span };
  });

  /** defaultValue = "=" value */
  defaultValue = this.RULE("defaultValue", (): Value | undefined => {
    this.CONSUME(Equals);
    return this.valueHere();
  });

  /** qualifierList = "[" qualifier *( "," qualifier ) "]" */
  qualifierList = this.RULE("qualifierList", (): Qualifier[] => {
    const qualifiers: Qualifier[] = [];
    this.CONSUME(LBracket);
    this.AT_LEAST_ONE_SEP({
      ERR_MSG: "a qualifier",
      SEP: Comma,
      DEF: () => {
        const qualifier =
          (this.RECORDING_PHASE || !this.shortcuts ? undefined : this.simpleQualifier()) ??
          this.SUBRULE(this.qualifier);
        if (qualifier !== undefined) qualifiers.push(qualifier);
      },
    });
    this.CONSUME(RBracket);
    return qualifiers;
  });

  /**
   * `[ qualifierList ]` where the grammar has one. A list made only of simple qualifiers (see
   * `simpleQualifierTokens`) is read here without the rule invocation, its repetition and its
   * CONSUMEs: every token is checked before one is consumed, so nothing can fail, and the nodes are the
   * ones the rules build from the same tokens. Any other list goes through the rule.
   */
  private qualifierListHere(): Qualifier[] | undefined {
    if (this.RECORDING_PHASE || !this.shortcuts) return this.OPTION(this.optionalQualifierList);
    if (this.LA_FAST(1).tokenType !== LBracket) return undefined;
    let k = 2;
    for (;;) {
      const length = this.simpleQualifierTokens(k);
      if (length === 0) return this.OPTION(this.optionalQualifierList);
      const next = this.LA(k + length).tokenType;
      k += length + 1;
      if (next === RBracket) break;
      if (next !== Comma) return this.OPTION(this.optionalQualifierList);
    }
    this.SKIP_TOKEN();
    const qualifiers: Qualifier[] = [];
    for (;;) {
      qualifiers.push(this.readSimpleQualifier());
      const next = this.LA_FAST(1).tokenType;
      this.SKIP_TOKEN();
      if (next === RBracket) return qualifiers;
    }
  }

  /**
   * A simple qualifier inside a list the rule is reading (its next item): see `simpleQualifierTokens`;
   * it must be followed by the `,` or `]` that ends it. Undefined for anything else.
   */
  private simpleQualifier(): Qualifier | undefined {
    const length = this.simpleQualifierTokens(1);
    if (length === 0 || !endsQualifier(this.LA(1 + length).tokenType)) return undefined;
    return this.readSimpleQualifier();
  }

  /**
   * How many tokens the simple qualifier starting at `LA(k)` has, 0 when there is none. Simple are the
   * shapes nearly every qualifier has: `Name`, `Name(literal)` and `Name{literal, …}`, with string or
   * integer tokens as literals (in the DMTF schema, they spare a third of all rule invocations).
   */
  private simpleQualifierTokens(k: number): number {
    if (!tokenMatcher(this.LA(k), Identifier)) return 0;
    const second = this.LA(k + 1).tokenType;
    if (second === LParen)
      return isLiteral(this.LA(k + 2).tokenType) && this.LA(k + 3).tokenType === RParen ? 4 : 0;
    if (second !== LBrace) return 1;
    // `Name { literal, literal, … }`, as ValueMap and Values are written.
    let j = k + 2;
    if (this.LA(j).tokenType === RBrace) return 3;
    for (;;) {
      if (!isLiteral(this.LA(j).tokenType)) return 0;
      const separator = this.LA(j + 1).tokenType;
      j += 2;
      if (separator === RBrace) return j - k;
      if (separator !== Comma) return 0;
    }
  }

  /** Reads the simple qualifier that `simpleQualifierTokens(1)` has measured. */
  private readSimpleQualifier(): Qualifier {
    const name = this.LA_FAST(1);
    const second = this.SKIP_TOKEN().tokenType;
    let value: Value | undefined;
    if (second === LParen) {
      this.SKIP_TOKEN();
      value = this.literalHere();
      this.SKIP_TOKEN();
    } else if (second === LBrace) {
      const open = this.LA_FAST(1);
      this.SKIP_TOKEN();
      const elements: Value[] = [];
      while (this.LA_FAST(1).tokenType !== RBrace) {
        elements.push(this.literalHere());
        if (this.LA_FAST(1).tokenType === Comma) this.SKIP_TOKEN();
      }
      this.SKIP_TOKEN();
      value = {
        kind: "ArrayLiteral" as const,
        elements,
        span: this.span(this.tokenStart(open), this.consumedEnd()),
      };
    }
    const span = this.span(this.tokenStart(name), this.consumedEnd());
    return value === undefined
      ? { kind: "Qualifier", name: this.identifier(name), flavors: [], span }
      : { kind: "Qualifier", name: this.identifier(name), flavors: [], span, value };
  }

  /** The string or integer literal that is the next token (checked by the caller), consumed. */
  private literalHere(): Value {
    if (this.LA_FAST(1).tokenType === StringLiteral) return this.adjacentStrings();
    const token = this.LA_FAST(1);
    this.SKIP_TOKEN();
    return this.integerNode(token);
  }

  /** qualifier = qualifierName [ "(" value ")" / arrayInitializer ] [ ":" 1*flavor ] */
  qualifier = this.RULE("qualifier", (): Qualifier => {
    const name = this.CONSUME(Identifier);
    const value = this.OPTION(this.qualifierParameter);
    const flavors = this.OPTION2(this.qualifierFlavors) ?? [];
    if (this.RECORDING_PHASE) return recordingResult;
    const span = this.span(this.tokenStart(name), this.consumedEnd());
    // One literal per shape rather than optional(): most qualifiers have a value, and a property added
    // later goes to a separate backing store (an allocation per qualifier).
    return value === undefined
      ? { kind: "Qualifier", name: this.identifier(name), flavors, span }
      : { kind: "Qualifier", name: this.identifier(name), flavors, span, value };
  });

  private readonly qualifierParameterAlternatives = [
    {
      ALT: (): Value | undefined => {
        this.CONSUME(LParen);
        const inner = this.valueHere();
        this.CONSUME(RParen);
        return inner;
      },
    },
    { ALT: (): Value | undefined => this.SUBRULE(this.arrayInitializer) },
  ];
  private readonly qualifierParameter = (): Value | undefined =>
    this.OR(this.qualifierParameterAlternatives);

  private readonly qualifierFlavors = (): FlavorNode[] => {
    const flavors: FlavorNode[] = [];
    this.CONSUME(Colon);
    this.AT_LEAST_ONE({
      ERR_MSG: "a flavor",
      DEF: () => {
        const token = this.CONSUME2(Identifier);
        if (!this.RECORDING_PHASE) flavors.push(this.flavor(token));
      },
    });
    return flavors;
  };

  /** instanceDeclaration = instanceBody ";"   (qualifiers come from qualifiedDeclaration) */
  instanceDeclaration = this.RULE(
    "instanceDeclaration",
    (qualifiers: Qualifier[], start: number): InstanceDeclaration | undefined => {
      const body = this.SUBRULE(this.instanceBody, { ARGS: [qualifiers, start] });
      this.CONSUME(Semicolon);
      if (this.RECORDING_PHASE) return recordingResult;
      return body === undefined
        ? undefined
        : { ...body, span: this.span(start, this.consumedEnd()) };
    },
  );

  /** instanceBody = INSTANCE OF className [ alias ] "{" *valueInitializer "}" */
  instanceBody = this.RULE(
    "instanceBody",
    (qualifiers: Qualifier[], start: number): InstanceDeclaration => {
      this.CONSUME(Instance);
      this.CONSUME(Of);
      const className = this.CONSUME(Identifier);
      const alias = this.OPTION(this.optionalAlias);
      const properties: PropertyValue[] = [];
      this.CONSUME(LBrace);
      this.MANY({
        GATE: this.underErrorCap,
        DEF: () => {
          const property = this.SUBRULE(this.valueInitializer);
          if (property !== undefined) properties.push(property);
        },
      });
      this.CONSUME(RBrace);
      if (this.RECORDING_PHASE) return recordingResult;
      const node = {
        kind: "InstanceDeclaration" as const,
        qualifiers: qualifiers ?? [],
        className: this.identifier(className),
        properties,
        span: this.span(start, this.consumedEnd()),
      };
      return optional(node, "alias", alias);
    },
  );

  /** valueInitializer = [ qualifierList ] propertyName [ "=" value ] ";" */
  valueInitializer = this.RULE("valueInitializer", (): PropertyValue => {
    const start = this.RECORDING_PHASE ? 0 : this.here();
    const qualifiers = this.qualifierListHere() ?? [];
    const name = this.CONSUME(Identifier);
    const value = this.OPTION2(this.optionalDefaultValue);
    this.CONSUME(Semicolon);
    if (this.RECORDING_PHASE) return recordingResult;
    const node = {
      kind: "PropertyValue" as const,
      qualifiers,
      name: this.identifier(name),
      span: this.span(start, this.consumedEnd()),
    };
    return optional(node, "value", value);
  });

  private readonly valueAlternatives = [
    // Most frequent first: the lookahead tries the alternatives in order (IDENTIFIER shares its first
    // token with embeddedInstance's INSTANCE, so this decision is not a one-token table lookup).
    // stringValue is inlined: one rule invocation less for the most common value.
    { ALT: (): Value => this.adjacentStrings() },
    {
      ALT: (): Value => {
        const token = this.CONSUME(IntegerLiteral);
        return this.RECORDING_PHASE ? recordingResult : this.integerNode(token);
      },
    },
    { ALT: () => this.SUBRULE(this.arrayInitializer) },
    {
      ALT: (): Value => {
        const token = this.CONSUME(RealLiteral);
        if (this.RECORDING_PHASE) return recordingResult;
        return {
          kind: "RealLiteral" as const,
          value: decodeReal(token.image, token.startOffset, this.reportLiteral),
          span: this.tokenSpan(token),
        };
      },
    },
    {
      ALT: (): Value => {
        const token = this.CONSUME(Char16Literal);
        if (this.RECORDING_PHASE) return recordingResult;
        return {
          kind: "Char16Literal" as const,
          value: decodeChar16(token.image, token.startOffset, this.reportLiteral),
          span: this.tokenSpan(token),
        };
      },
    },
    {
      ALT: (): Value => {
        const token = this.CONSUME(AliasIdentifier);
        if (this.RECORDING_PHASE) return recordingResult;
        return {
          kind: "AliasReference" as const,
          name: token.image.slice(1),
          span: this.tokenSpan(token),
        };
      },
    },
    { ALT: () => this.SUBRULE(this.embeddedInstance), IGNORE_AMBIGUITIES: true },
    {
      ALT: (): Value => {
        const token = this.CONSUME(Identifier);
        return this.RECORDING_PHASE ? recordingResult : this.namedValue(token);
      },
    },
  ];

  /**
   * value = embeddedInstance / arrayInitializer / stringValue / integerValue / realValue / charValue
   *       / aliasReference / IDENTIFIER   (true, false, null, or an enumeration name)
   */
  value = this.RULE("value", (): Value | undefined => this.OR(this.valueAlternatives));

  /** embeddedInstance = instanceBody   (WMI: an instance written inline as a value) */
  embeddedInstance = this.RULE("embeddedInstance", (): Value | undefined => {
    const start = this.RECORDING_PHASE ? 0 : this.here();
    const body = this.SUBRULE(this.instanceBody, { ARGS: [[], start] });
    if (this.RECORDING_PHASE) return recordingResult;
    return body === undefined
      ? undefined
      : { kind: "InstanceValue" as const, instance: body, span: body.span };
  });

  /** arrayInitializer = "{" [ value *( "," value ) ] "}" */
  arrayInitializer = this.RULE("arrayInitializer", (): Value => {
    const open = this.CONSUME(LBrace);
    const elements: Value[] = [];
    this.MANY_SEP({
      SEP: Comma,
      DEF: () => {
        const element = this.valueHere();
        if (element !== undefined) elements.push(element);
      },
    });
    this.CONSUME(RBrace);
    if (this.RECORDING_PHASE) return recordingResult;
    return {
      kind: "ArrayLiteral" as const,
      elements,
      span: this.span(this.tokenStart(open), this.consumedEnd()),
    };
  });

  /**
   * `value` where the grammar has one. A string or an integer literal is read in place: for that first
   * token the rule's lookahead can choose only its string or integer alternative, and neither can fail
   * once started, so skipping the rule invocation (most values are one of the two) changes neither the
   * tree nor recovery.
   */
  private valueHere(): Value | undefined {
    if (!this.RECORDING_PHASE && this.shortcuts) {
      const type = this.LA_FAST(1).tokenType;
      if (type === StringLiteral || type === IntegerLiteral) return this.literalHere();
    }
    return this.SUBRULE(this.value);
  }

  /** stringValue = 1*STRING   (adjacent literals are concatenated, DSP0004 §7.6.1) */
  stringValue = this.RULE("stringValue", (): StringLiteralNode => this.adjacentStrings());

  /**
   * `1*STRING`, concatenated. Chevrotain records it as the repetition it is (lookahead and recovery
   * follow sets see `STRING { STRING }`); when parsing, a plain loop replaces AT_LEAST_ONE, whose
   * lookahead and in-repetition recovery checks cost more than the literals: the callers enter only on a
   * string, and the repetition ends at the end of its rule, where recovery has nothing to re-sync to.
   */
  private adjacentStrings(): StringLiteralNode {
    if (this.RECORDING_PHASE) {
      this.AT_LEAST_ONE(() => this.CONSUME(StringLiteral));
      return recordingResult;
    }
    // Every caller enters on a string (a lookahead or a check chose this path), so the tokens are
    // taken with SKIP_TOKEN; CONSUME remains for the impossible other case, to fail as it always did.
    let first = this.LA_FAST(1);
    if (first.tokenType === StringLiteral) this.SKIP_TOKEN();
    else first = this.CONSUME(StringLiteral);
    let value = decodeStringRun(first.image, first.startOffset, this.reportLiteral);
    let part = this.LA_FAST(1);
    while (part.tokenType === StringLiteral) {
      value += decodeStringRun(part.image, part.startOffset, this.reportLiteral);
      part = this.SKIP_TOKEN();
    }
    return {
      kind: "StringLiteral",
      value,
      span: this.span(this.tokenStart(first), this.consumedEnd()),
    };
  }

  private integerNode(token: IToken): IntegerLiteralNode {
    const span = this.tokenSpan(token);
    const decoded = decodeInteger(token.image, span.start, this.reportLiteral);
    return {
      kind: "IntegerLiteral",
      value: decoded?.value ?? 0n,
      radix: decoded?.radix ?? 10,
      span,
    };
  }

  private namedValue(token: IToken): Value {
    const span = this.tokenSpan(token);
    switch (token.image.toLowerCase()) {
      case "true":
        return { kind: "BooleanLiteral", value: true, span };
      case "false":
        return { kind: "BooleanLiteral", value: false, span };
      case "null":
        return { kind: "NullLiteral", span };
      default:
        return { kind: "EnumLiteral", name: token.image, span };
    }
  }
}

/**
 * Adds `key: value` to a node under construction only when the value is present. Optional fields are
 * absent rather than undefined; assigning is much cheaper than `...(v === undefined ? {} : { v })`
 * spreads on this hot path.
 */
function optional<T extends object, K extends string, V>(
  node: T,
  key: K,
  value: V | undefined,
): T & { readonly [P in K]?: V } {
  if (value !== undefined) (node as Record<string, unknown>)[key] = value;
  return node;
}

/** Builds a MofFile node around statements. */
export function mofFileNode(
  fileName: string,
  statements: Statement[],
  textLength: number,
): MofFile {
  return {
    kind: "MofFile",
    file: fileName,
    statements,
    span: { file: fileName, start: 0, end: textLength },
  };
}

let shared: MofParser | undefined;

/** The one parser instance (built on first use: self-analysis costs a few milliseconds). */
export function mofParser(): MofParser {
  shared ??= new MofParser();
  return shared;
}
