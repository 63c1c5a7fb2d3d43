/**
 * Descriptions from `.mfl` amendments. WMI schemas keep `Description(...) : Amended` text out of the
 * main MOF (mofcomp -amendment moves it into the .mfl), and PowerShell DSC resources put the class
 * description only there; without this fallback such classes would be generated undocumented.
 */
import type { CimClass } from "../model/schema.js";
import { qualifierString } from "../model/qualifiers.js";
import { nameKey } from "./names.js";

/** The locale used for documentation: US English when present, else the first by name. */
const preferredLocale = "ms_409";

/** The amended Description of `cls` (or of its member `memberName`), from one locale; undefined when none. */
export function localizedDescription(cls: CimClass, memberName?: string): string | undefined {
  const localized = cls.localized;
  if (localized === undefined || localized.size === 0) return undefined;
  const locale = localized.get(preferredLocale) ?? localized.get([...localized.keys()].sort()[0] ?? "");
  if (locale === undefined) return undefined;
  const qualifiers = memberName === undefined ? locale.qualifiers : locale.members.get(nameKey(memberName));
  return qualifiers === undefined ? undefined : qualifierString(qualifiers, "Description");
}
