/**
 * The suggested place names of an import issue in a language: Spanish text names a suggested place
 * by the gazetteer's `nameEs` (the `suggestionsEs` param read-places.ts writes), as placeLabel does
 * everywhere else; English (and an issue without the param) keeps `suggestions`.
 */
import type { IssueParams } from "./report.ts";

/** Separator of the names in `suggestionsEs` (no place name holds it). */
export const SUGGESTION_SEP = " | ";

/** The issue's suggested names in `lang` (the same order as `suggestions`). */
export function suggestionNames(
  lang: "en" | "es",
  issue: { suggestions?: readonly string[]; params?: IssueParams },
): string[] {
  const en = [...(issue.suggestions ?? [])];
  const es = issue.params?.["suggestionsEs"];
  if (lang !== "es" || es === undefined) return en;
  const names = String(es).split(SUGGESTION_SEP);
  return names.length === en.length ? names : en;
}
