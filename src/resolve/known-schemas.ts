/**
 * Hints for classes that inputs commonly use without declaring: they come from a base schema the user
 * has to pass with --schema, and saying which one (and where it lives) saves a search.
 */
import { semanticHints } from "../diagnostics/codes/semantic.js";
import { formatMessage } from "../diagnostics/diagnostic.js";

/** Classes every PowerShell DSC resource schema builds on; declared in DSC's BaseResource.schema.mof. */
const dscBaseClasses = new Set(["omi_baseresource", "msft_credential", "msft_keyvaluepair"]);

/**
 * The hint for an unknown class name: "did you mean" when a declared name is close, else where a
 * well-known base class is declared; `undefined` leaves the code table's generic hint.
 */
export function unknownClassHint(className: string, suggestion: string | undefined): string | undefined {
  if (suggestion !== undefined) return formatMessage(semanticHints.didYouMean, [suggestion]);
  if (dscBaseClasses.has(className.toLowerCase())) return formatMessage(semanticHints.dscBaseClass, [className]);
  if (/^CIM_/i.test(className)) return formatMessage(semanticHints.cimSchemaClass, [className]);
  return undefined;
}
