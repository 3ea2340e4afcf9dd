/**
 * How old a place's present count is, in words: " (counted 19 Nov)" or, when the figure rests on
 * counts of several days of its town, " (counted 29 Nov–4 Dec)" (the state's `countedOn`, the
 * oldest count still read, and `countedLatest`, the newest). Empty for a count of the day itself.
 * One rule for the situation update (Markdown, HTML: render.ts) and the viewer's situation panel.
 */
import { formatDate } from "./format.ts";
import { situationWords } from "./words.ts";
import type { SituationLang } from "./words.ts";
import type { IsoDate } from "../model/units.ts";

/**
 * The count's age after a place's figure, or "" when it is of `asOf` (or has no count date).
 * @param place the place's count dates (a state `PlacePresence` or the update's presence row).
 * @param asOf the day the figure is of (ISO date).
 * @example countedText({ countedOn: "2018-11-29", countedLatest: "2018-12-04" }, "2018-12-05")
 * // => " (counted 29 Nov–4 Dec)"
 */
export function countedText(
  place: { countedOn?: IsoDate; countedLatest?: IsoDate } | undefined,
  asOf: IsoDate,
  lang: SituationLang = "en",
): string {
  const counted = place?.countedOn;
  if (counted === undefined || counted >= asOf) return "";
  const latest = place?.countedLatest;
  return situationWords(lang).countedOn(
    formatDate(counted, true, lang),
    latest !== undefined && latest !== counted ? formatDate(latest, true, lang) : undefined,
  );
}
