/**
 * The lines `dtm-flow forecast` prints on stdout: for every group its status as of the forecast
 * and, for a group on the road, when its median person and its first people (the head) reach the
 * next place and the end of its route — the morning question, answered without opening
 * forecast.csv (which holds every place ahead). Read from the library's forecast, never re-derived.
 */
import {
  arrivedByNow,
  formatPeople,
  listedArrivals,
  placeLabel,
  placedText,
  POSITION_UNKNOWN_KM,
  positionUnknownText,
  restingStartText,
  situationWords,
} from "../src/index.ts";
import type {
  ArrivalForecast,
  Forecast,
  IsoDate,
  Nowcast,
  PlaceNames,
  SituationLang,
  SituationWords,
} from "../src/index.ts";

/**
 * "2018-11-15 (p10 2018-11-14, p90 beyond the horizon)": one moment's dates; a date on or before
 * the as-of day is "by now" (the library's `arrivedByNow`: already over, not a prediction).
 */
function dates(
  q: { p10?: string; p50?: string; p90?: string },
  w: SituationWords,
  asOfDate: IsoDate,
): string {
  const say = (d: string | undefined) =>
    d === undefined ? w.beyondHorizon : arrivedByNow(d, asOfDate) ? w.byNow : d;
  return `${say(q.p50)} (p10 ${say(q.p10)}, p90 ${say(q.p90)})`;
}

/**
 * One place ahead: the median person's arrival, the head's, the chance within the horizon. A
 * place the head had already passed (the library's `headReached`) says so: the forecast dates
 * such arrivals to the as-of day (never the past), which would read as "the first people arrive
 * today". A place most of the group is already past (`mostPassed`) says "most already past" with
 * the p90 in place of the median date.
 */
function arrivalText(
  a: ArrivalForecast,
  w: SituationWords,
  place: string,
  asOfDate: IsoDate,
): string {
  const head = a.headReached
    ? `; ${w.firstPeopleThere}`
    : a.headArrivalDate
      ? `; ${w.firstPeople} ${dates(a.headArrivalDate, w, asOfDate)}`
      : "";
  const people = a.people ? `, ${w.peopleCount(formatPeople(a.people.p50))}` : "";
  const chance = w.withinHorizon(Math.round(a.probWithinHorizon * 100));
  // Behind most of the group (the library's `mostPassed`): its median date is the as-of day,
  // which would read as a place ahead; say so and when the last may arrive (the p90).
  if (a.mostPassed) {
    const p90 = a.arrivalDate.p90;
    const last = p90 === undefined ? w.afterHorizon : w.by(p90);
    return `${place}: ${w.mostPast(last)}${people}, ${chance}`;
  }
  return `${place}: ${w.medianPerson} ${dates(a.arrivalDate, w, asOfDate)}${head}${people}, ${chance}`;
}

/**
 * The summary lines: a heading, then per group (in the nowcast's order) its status and, on the
 * road, its next place and its route's last place ahead, in `lang` (words from
 * src/report/words.ts; places by their name in `lang` among `places`, the library's `placeLabel`;
 * group names as the data give them).
 */
export function forecastSummaryLines(
  now: Nowcast,
  forecast: Forecast,
  lang: SituationLang = "en",
  places: PlaceNames = [],
): string[] {
  const w = situationWords(lang);
  const name = (place: string) => placeLabel(lang, place, places);
  // The nowcast's last report of each group (its track may run past it).
  const reported = new Map(now.groups.map((g) => [g.group, g.lastReportDate]));
  // "last position report 2018-11-18; track to 2018-11-22" when the track runs past it.
  const seen = (group: string, trackEnd: IsoDate) => {
    const last = reported.get(group);
    if (last === undefined) return w.noPositionReport(trackEnd);
    return last === trackEnd ? w.lastReport(last) : `${w.lastReport(last)}; ${w.trackTo(trackEnd)}`;
  };
  // now.asOf is a fractional local day: its fraction is the time of day.
  const minutes = Math.round((now.asOf - Math.floor(now.asOf)) * 1440);
  const time = `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
  const lines = [
    w.forecastHeading(now.asOfDate, time, now.timeZone, forecast.horizonDays, forecast.runs),
  ];
  for (const g of forecast.groups) {
    if (g.status === "arrived") {
      lines.push(
        `  ${g.group}: ${w.arrivedAtEnd((g.placeName && name(g.placeName)) ?? w.atKm(String(g.km)), seen(g.group, g.lastDate))}`,
      );
      continue;
    }
    if (g.status === "dissolved" || g.status === "accounted_for") {
      const where = placedText(g, lang, g.placeName && name(g.placeName));
      const line =
        g.status === "dissolved"
          ? w.dissolvedLine(forecast.staleDays, where, seen(g.group, g.lastDate))
          : w.accountedForLine(where, seen(g.group, g.lastDate));
      lines.push(`  ${g.group}: ${line}`);
      continue;
    }
    const ahead = forecast.arrivals.filter((a) => a.group === g.group).sort((a, b) => a.km - b.km);
    // Where its track ends (the forecast's start), not where it is at --as-of: "on the road near
    // Tequila" read as its position today while the places under it said most were past Guasave.
    // The state's day when it holds the group past its track's end (the forecast's start too).
    // Always dated: the estimate's day beside the last report's.
    const on = g.stateDate;
    const where = placedText(g, lang, g.placeName && name(g.placeName));
    if (g.positionUnknown) {
      // The library's rule (src/state/positionUnknown.ts): no report for long and an interval wider than it;
      // its sentence as the viewer's forecast panel says it (positionUnknownText).
      const line = positionUnknownText(
        { ...g, positionUnknown: g.positionUnknown },
        lang,
        g.placeName && name(g.placeName),
      );
      lines.push(`  ${g.group}: ${line}`);
      lines.push(`    ${w.noPlaceNamed(formatPeople(POSITION_UNKNOWN_KM))}`);
      continue;
    }
    lines.push(`  ${g.group}: ${w.onTheRoad(where, on, seen(g.group, g.lastDate))}`);
    // Resting people the runs move on but the ledger counts at the place (the library's sentence).
    const start = now.groups.find((n) => n.group === g.group);
    const resting = start && restingStartText(start, lang, start.atPlace && name(start.atPlace));
    if (resting) lines.push(`    ${resting}`);
    if (ahead.length === 0) {
      lines.push(`    ${w.noPlaceAhead}`);
      continue;
    }
    // The library's rule (as the viewer's panel): the place most of the group has just passed,
    // the next place ahead and the route's end, each once.
    for (const a of listedArrivals(ahead, g.group, { ahead: 1 })) {
      lines.push(`    ${arrivalText(a, w, name(a.placeName), now.asOfDate)}`);
    }
  }
  return lines;
}
