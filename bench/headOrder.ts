// Head before the bulk (issue 14, headorder): on 2018, for as-of days, counts the group-places of
// the forecast whose head (first people) arrives after the median person at the same place, and
// the places "most already past" (`mostPassed`) whose first people are still to come. The first
// people can never arrive after the median person, and where most are past the first are too.
//
// Run: TZ=UTC npx tsx bench/headOrder.ts [--days 2018-10-25,2018-11-01,...] [--runs 500]
// Counts by moment: p50 in fractional days (a quantile later than the horizon counts as later
// than any date), and by printed date (as forecast.csv gives them).
import { embedded2018, forecastArrivals, nowcast } from "../src/index.ts";
import type { ArrivalForecast, Forecast } from "../src/index.ts";

const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const DAYS = arg(
  "days",
  "2018-10-25,2018-11-01,2018-11-05,2018-11-10,2018-11-15,2018-11-20,2018-11-25,2018-12-01",
).split(",");
const RUNS = Number(arg("runs", "500"));

/** A quantile later than the horizon is later than any moment. */
const at = (t: number | undefined): number => t ?? Infinity;
const later = (a: string | undefined, b: string | undefined): boolean =>
  (a ?? "9999") > (b ?? "9999");

/** Head-order violations of one forecast. */
export function headOrderCounts(f: Forecast): {
  places: number;
  p50: number;
  p10: number;
  p90: number;
  dates: number;
  passed: number;
  passedHeadLater: number;
} {
  const c = { places: 0, p50: 0, p10: 0, p90: 0, dates: 0, passed: 0, passedHeadLater: 0 };
  for (const a of f.arrivals as ArrivalForecast[]) {
    if (!a.headArrival) continue;
    c.places++;
    const h = a.headArrival;
    if (at(h.p50) > at(a.arrival.p50) + 1e-9) c.p50++;
    if (at(h.p10) > at(a.arrival.p10) + 1e-9) c.p10++;
    if (at(h.p90) > at(a.arrival.p90) + 1e-9) c.p90++;
    if (later(a.headArrivalDate?.p50, a.arrivalDate.p50)) c.dates++;
    if (a.mostPassed) {
      c.passed++;
      if (at(h.p50) > f.asOf + 1e-9) c.passedHeadLater++;
    }
  }
  return c;
}

if (process.argv[1]?.endsWith("headOrder.ts")) {
  const data = embedded2018();
  console.log(
    "| as of | group-places with a head | head p50 after bulk p50 | p10 | p90 | by printed date | most passed | of them head still to come |",
  );
  console.log("|---|---:|---:|---:|---:|---:|---:|---:|");
  for (const day of DAYS) {
    const now = nowcast(data, { asOf: day });
    const f = forecastArrivals(now, { dataset: data, runs: RUNS });
    const c = headOrderCounts(f);
    console.log(
      `| ${day} | ${c.places} | ${c.p50} | ${c.p10} | ${c.p90} | ${c.dates} | ${c.passed} | ${c.passedHeadLater} |`,
    );
  }
}
