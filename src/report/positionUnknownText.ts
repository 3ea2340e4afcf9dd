/**
 * The sentence said of a group whose position is unknown (src/state/positionUnknown.ts): "on the
 * road, no report for 19 days; position unknown (km 189–4,219); last placed near X on 2018-11-01."
 * One composition for `dtm-flow forecast` (cli/forecast-summary.ts) and the viewer's forecast panel,
 * so both say the same of the same group (words from words.ts, km with the en-US separator as
 * the CLI's other figures, the date as the forecast's `placedDate`, ISO).
 */
import { formatPeople } from "../ledger/describe.ts";
import { placedText } from "../forecast/placed.ts";
import type { Placed } from "../forecast/placed.ts";
import type { PositionUnknown } from "../state/positionUnknown.ts";
import type { IsoDate } from "../model/units.ts";
import { situationWords } from "./words.ts";
import type { SituationLang } from "./words.ts";

/** A group as far as {@link positionUnknownText} reads it (a forecast `GroupStatus` or a copy). */
export interface PositionUnknownGroup extends Placed {
  positionUnknown: PositionUnknown;
  /** The date its place is of (its last position report): the forecast's `placedDate`. */
  placedDate: IsoDate;
}

/**
 * The line said of a group whose position is unknown (no place ahead is listed for it).
 * @param name the place's name as the caller shows it (the viewer passes its Spanish name).
 * @example positionUnknownText(g, "en")
 * // => "on the road, no report for 19 days; position unknown (km 189–4,219); last placed near Tapachula on 2018-11-01."
 */
export function positionUnknownText(
  g: PositionUnknownGroup,
  lang: SituationLang = "en",
  name = g.placeName,
): string {
  const u = g.positionUnknown;
  return situationWords(lang).positionUnknownLine(
    u.days,
    formatPeople(u.kmLow),
    formatPeople(u.kmHigh),
    placedText(g, lang, name),
    g.placedDate,
  );
}
