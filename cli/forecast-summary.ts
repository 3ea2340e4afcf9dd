/**
 * The lines `dtm-flow forecast` prints on stdout: for every group its status as of the forecast
 * and, for a group on the road, when its median person and its first people (the head) reach the
 * next place and the end of its route — the morning question, answered without opening
 * forecast.csv (which holds every place ahead). Read from the library's forecast, never re-derived.
 */
import { formatPeople, listedArrivals, placedText } from "../src/index.ts";
import type { ArrivalForecast, Forecast, IsoDate, Nowcast } from "../src/index.ts";

/** "2018-11-15 (p10 2018-11-14, p90 beyond the horizon)": one moment's dates. */
function dates(q: { p10?: string; p50?: string; p90?: string }): string {
  const beyond = "beyond the horizon";
  return `${q.p50 ?? beyond} (p10 ${q.p10 ?? beyond}, p90 ${q.p90 ?? beyond})`;
}

/**
 * One place ahead: the median person's arrival, the head's, the chance within the horizon. A
 * place the head had already passed (the library's `headReached`) says so: the forecast dates
 * such arrivals to the as-of day (never the past), which would read as "the first people arrive
 * today". A place most of the group is already past (`mostPassed`) says "most already past" with
 * the p90 in place of the median date.
 */
function arrivalText(a: ArrivalForecast): string {
  const head = a.headReached
    ? "; first people already there"
    : a.headArrivalDate
      ? `; first people ${dates(a.headArrivalDate)}`
      : "";
  const people = a.people ? `, ${formatPeople(a.people.p50)} people` : "";
  const chance = `${Math.round(a.probWithinHorizon * 100)} % within the horizon`;
  // Behind most of the group (the library's `mostPassed`): its median date is the as-of day,
  // which would read as a place ahead; say so and when the last may arrive (the p90).
  if (a.mostPassed) {
    const p90 = a.arrivalDate.p90;
    const last = p90 === undefined ? "after the horizon" : `by ${p90}`;
    return `${a.placeName}: most already past (the last may arrive ${last})${people}, ${chance}`;
  }
  return `${a.placeName}: median person ${dates(a.arrivalDate)}${head}${people}, ${chance}`;
}

/**
 * The summary lines: a heading, then per group (in the nowcast's order) its status and, on the
 * road, its next place and its route's last place ahead.
 */
export function forecastSummaryLines(now: Nowcast, forecast: Forecast): string[] {
  // The nowcast's last report of each group (its track may run past it).
  const reported = new Map(now.groups.map((g) => [g.group, g.lastReportDate]));
  // "last report 2018-11-18; track to 2018-11-22" when the track runs past the last report.
  const seen = (group: string, trackEnd: IsoDate) => {
    const last = reported.get(group);
    if (last === undefined) return `no position report; track to ${trackEnd}`;
    return last === trackEnd ? `last report ${last}` : `last report ${last}; track to ${trackEnd}`;
  };
  // now.asOf is a fractional local day: its fraction is the time of day.
  const minutes = Math.round((now.asOf - Math.floor(now.asOf)) * 1440);
  const time = `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
  const lines = [
    `Forecast as of ${now.asOfDate} ${time} (${now.timeZone}), horizon ${forecast.horizonDays} days, ${forecast.runs} runs; dates are local, "median person" when most need beds, "first people" when shelters must open:`,
  ];
  for (const g of forecast.groups) {
    if (g.status === "arrived") {
      lines.push(
        `  ${g.group}: arrived at the end of its route, ${g.placeName ?? `km ${g.km}`} (${seen(g.group, g.lastDate)}); not moved on.`,
      );
      continue;
    }
    if (g.status === "dissolved") {
      lines.push(
        `  ${g.group}: dissolved, no report for more than ${forecast.staleDays} days; last placed ${placedText(g)} (${seen(g.group, g.lastDate)}); not moved on.`,
      );
      continue;
    }
    const ahead = forecast.arrivals.filter((a) => a.group === g.group).sort((a, b) => a.km - b.km);
    // Where its track ends (the forecast's start), not where it is at --as-of: "on the road near
    // Tequila" read as its position today while the places under it said most were past Guasave.
    // The state's day when it holds the group past its track's end (the forecast's start too).
    const on = g.stateDate !== g.lastDate ? ` on ${g.stateDate}` : "";
    const where = placedText(g);
    lines.push(
      `  ${g.group}: on the road, last placed ${where}${on} (${seen(g.group, g.lastDate)}).`,
    );
    if (ahead.length === 0) {
      lines.push("    no place ahead on its route (see the warnings in forecast.json).");
      continue;
    }
    // The library's rule (as the viewer's panel): the place most of the group has just passed,
    // the next place ahead and the route's end, each once.
    for (const a of listedArrivals(ahead, g.group, { ahead: 1 })) {
      lines.push(`    ${arrivalText(a)}`);
    }
  }
  return lines;
}
