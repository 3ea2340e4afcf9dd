/**
 * How old a place's present count is, in words: " (counted 19 Nov)" or, when the figure rests on
 * counts of several days of its town, " (counted 29 Nov–4 Dec)" (the state's `countedOn`, the
 * oldest count still read, and `countedLatest`, the newest). Empty for a count of the day itself.
 * One rule for the situation update (Markdown, HTML: render.ts) and the viewer's situation panel.
 */
import { formatDate, formatPeople } from "./format.ts";
import { situationWords } from "./words.ts";
import type { SituationLang } from "./words.ts";
import type { IsoDate, People } from "../model/units.ts";

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

/**
 * Whether a day of a place's presence series holds a figure: not on a day with no one present
 * after a count that aged out (`notCountedSince`; its people are `unknown`) — the state does not
 * say 0 there, so charts leave a gap and `presentText` says "not counted since". One rule for the
 * words and the lines.
 * @param point a day of a place's presence series (`presencePanels`).
 * @example presentKnown({ value: 0, notCountedSince: "2018-12-06" }); // => false
 */
export function presentKnown(point: { value: People; notCountedSince?: IsoDate }): boolean {
  return !(point.value === 0 && point.notCountedSince !== undefined);
}

/**
 * A place's people present on a day, in words: "3,224 (counted 19 Nov)", "fewer than 1,000" when
 * the figure is a count's upper bound itself ("less than 1,000" in the source), or for a day with no one
 * present after a count that aged out "not counted since 28 Nov" — "counted 6 Dec: fewer than
 * 1,000" when that count was only an upper bound — never "0". One wording for the
 * situation update's table and the viewer's presence small multiples.
 * @param point a day of a place's presence series (`presencePanels`).
 * @example presentText({ date: "2018-12-10", value: 0, notCountedSince: "2018-12-06", upTo: 1000 })
 * // => "counted 6 Dec: fewer than 1,000"
 */
export function presentText(
  point: {
    date: IsoDate;
    value: People;
    countedOn?: IsoDate;
    countedLatest?: IsoDate;
    notCountedSince?: IsoDate;
    upTo?: People;
  },
  lang: SituationLang = "en",
): string {
  const w = situationWords(lang);
  const since = point.notCountedSince;
  if (!presentKnown(point) && since !== undefined) {
    const day = formatDate(since, true, lang);
    return point.upTo !== undefined
      ? w.countedUpTo(day, formatPeople(point.upTo))
      : w.notCountedSince(day);
  }
  // The figure is the source's upper bound itself ("less than 1,000"): said as one, not as 1,000.
  const bound =
    point.upTo !== undefined && Math.round(point.value) === Math.round(point.upTo)
      ? w.fewerThan(formatPeople(point.value))
      : formatPeople(point.value);
  return bound + countedText(point, point.date, lang);
}

/**
 * " (estimated, not counted)" after a place's figure whose people are all estimated (an arrived
 * group's people no count holds yet, the state's `estimated`), " (882 estimated, not counted)"
 * when only part of them are; "" when none are. One mark for the situation update's tables and the
 * viewer's situation table and presence panels (the viewer drew Tijuana's estimated
 * 80 of 15 Nov 2018 as if counted).
 * @param place the place's estimated people (a state `PlacePresence`, a presence panel's point).
 * @param of the figure the mark follows (people).
 * @example estimatedText({ estimated: 80 }, 80); // => " (estimated, not counted)"
 */
export function estimatedText(
  place: { estimated?: People } | undefined,
  of: People,
  lang: SituationLang = "en",
): string {
  const estimated = place?.estimated;
  if (estimated === undefined || !(estimated >= 0.5)) return "";
  // All of the figure estimated: say so without repeating the number.
  return situationWords(lang).estimatedNotCounted(
    estimated >= of - 0.5 ? undefined : formatPeople(estimated, lang),
  );
}

/**
 * " · 5,136 travelling through" after a place's people present, for people passing with a group
 * that day (the state's `travelling`: in transit, not present); "" when none. The viewer's
 * presence panels say it beside the people present and the capacity.
 * @example travellingText({ travelling: 5136 }); // => " · 5,136 travelling through"
 */
export function travellingText(
  point: { travelling?: People } | undefined,
  lang: SituationLang = "en",
): string {
  const travelling = point?.travelling;
  if (travelling === undefined || !(travelling >= 0.5)) return "";
  return ` · ${formatPeople(travelling, lang)} ${situationWords(lang).travelling}`;
}
