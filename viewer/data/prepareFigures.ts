/**
 * The figures the viewer shows beside the map, each as the library or a source gives it: border
 * counts by day and direction, the ledger's split per day, reported headline figures and people
 * present at places. Sums over countries and places are the only arithmetic done here.
 */
import {
  countPoint,
  createGazetteer,
  headingAtKm,
  presencePanels,
  situationHeadlines,
  SPLIT_CATEGORIES,
  stocksRepeatingReport,
  categoryDayTotal,
} from "../../src/index.ts";
import type {
  CorridorDay,
  CountRecord,
  Dataset,
  Direction,
  IsoDate,
  LedgerResult,
  Place,
  RouteIndex,
  SeedFigure,
  SplitRow,
} from "../../src/index.ts";
import { dateOf, daysSince } from "./replay.ts";
import type { FlowSeries, Headline, PresenceSeries, SituationDay, SplitSeries } from "./replay.ts";

/** Northbound heading at a point: the direction of travel of the nearest route there. */
function headingNear(routes: RouteIndex, lon: number, lat: number): [number, number] {
  const hit = routes.project([lon, lat]);
  return hit ? headingAtKm(routes, hit.routeId, hit.km) : [0, 1];
}

/**
 * Daily counts per border point and direction (blank totals left out, not zero). A point is the
 * library's `countPoint` (src/geo/countPoint.ts), the rule the ledger and the estimator key counts
 * by: rows naming it by id (`GT-TEC`) and by name (`Tecun Uman`) are one series; a point the
 * gazetteer does not hold is its id, name or coordinates as written.
 */
export function flowsFrom(
  counts: CountRecord[],
  places: Place[],
  routes: RouteIndex,
  start: IsoDate,
): FlowSeries[] {
  const gazetteer = createGazetteer(places);
  const byPoint = new Map<string, FlowSeries>();
  const days = new Map<string, Map<number, FlowSeries["days"][number]>>();
  for (const c of counts) {
    const point = countPoint(c, gazetteer);
    const key = point.key;
    if (!key) continue;
    let series = byPoint.get(key);
    if (!series) {
      const place = point.place;
      const lon = c.lon ?? place?.lon;
      const lat = c.lat ?? place?.lat;
      if (lon === undefined || lat === undefined) continue;
      const heading = headingNear(routes, lon, lat);
      series = {
        id: key,
        name: place?.name ?? c.fmpName ?? point.label,
        lon,
        lat,
        heading,
        days: [],
      };
      if (place?.nameEs) series.nameEs = place.nameEs;
      byPoint.set(key, series);
      days.set(key, new Map());
    }
    const t = Math.floor(daysSince(start, c.date));
    const perDay = days.get(key)!;
    let day = perDay.get(t);
    if (!day) {
      day = { t, date: c.date.slice(0, 10), byDirection: {}, sources: [] };
      perDay.set(t, day);
    }
    if (c.total !== undefined) {
      const dir: Direction = c.direction;
      day.byDirection[dir] = (day.byDirection[dir] ?? 0) + c.total;
    }
    if (c.sourceOrg && !day.sources.includes(c.sourceOrg)) day.sources.push(c.sourceOrg);
  }
  for (const [key, series] of byPoint)
    series.days = [...days.get(key)!.values()].sort((a, b) => a.t - b.t);
  return [...byPoint.values()];
}

/**
 * The ledger's split rows summed over country and place, one column per day from day 0 to `days`;
 * each day's 90 % interval is the library's (`categoryDayTotal`, the situation panel's rule: in
 * transit over several countries is not the sum of the rows' bounds).
 */
export function splitFromLedger(
  ledger: Pick<LedgerResult, "split" | "groups" | "groupCorrelation">,
  start: IsoDate,
  days: number,
): SplitSeries {
  const rows = ledger.split;
  const categories = SPLIT_CATEGORIES.filter((c) => rows.some((r) => r.category === c));
  const n = days + 1;
  const zero = () => categories.map(() => new Array<number>(n).fill(0));
  const values = zero();
  const low = zero();
  const high = zero();
  const defined = new Array<boolean>(n).fill(false);
  const cells = new Map<number, SplitRow[]>();
  for (const r of rows) {
    const d = Math.floor(daysSince(start, r.date));
    const c = categories.indexOf(r.category);
    if (d < 0 || d >= n || c < 0) continue;
    defined[d] = true;
    const key = d * categories.length + c;
    const cell = cells.get(key);
    if (cell) cell.push(r);
    else cells.set(key, [r]);
  }
  for (const [key, cell] of cells) {
    const d = Math.floor(key / categories.length);
    const c = key % categories.length;
    const total = categoryDayTotal(ledger, cell);
    values[c]![d] = total.value;
    low[c]![d] = total.valueLow;
    high[c]![d] = total.valueHigh;
  }
  const t = Array.from({ length: n }, (_, i) => i);
  return { t, dates: t.map((i) => dateOf(start, i)), categories, values, low, high, defined };
}

/** Reported stock figures and a situation report's figures, as dated headlines with their source. */
export function headlinesFrom(
  stocks: Dataset["stocks"],
  seeds: readonly SeedFigure[],
  start: IsoDate,
): Headline[] {
  // One entry per figure of one report: a stock row taken from the situation report whose figure
  // is listed from the report itself is left out here (the library's rule).
  const repeats = stocksRepeatingReport(stocks, seeds);
  const fromStocks = stocks.flatMap((s, row): Headline[] =>
    repeats.has(row)
      ? []
      : [
          {
            category: s.category,
            basis: s.basis,
            t: daysSince(start, s.date),
            date: s.date.slice(0, 10),
            value: s.value,
            country: s.country,
            placeName: s.placeName,
            sourceOrg: s.sourceOrg,
            url: s.url,
            from: "stock",
          },
        ],
  );
  const fromReport = seeds
    .filter((f) => f.category !== undefined && f.unit === "people")
    .map((f): Headline => ({
      category: f.category!,
      basis: f.category === "remaining" ? "present" : "cumulative",
      t: daysSince(start, f.asOf),
      date: f.asOf,
      value: f.value,
      country: f.countries.join(", ") || undefined,
      placeName: f.placeNames.join(", ") || undefined,
      sourceOrg: f.agency,
      url: undefined,
      qualifier: f.qualifier === "exact" ? undefined : f.qualifier,
      from: "report",
    }));
  return [...fromStocks, ...fromReport].sort((a, b) => a.t - b.t);
}

/**
 * Presence panels from the library's state of the corridor (`presencePanels`, the situation
 * update's rule): for every place, the people present (resting, waiting after a claim, staying)
 * on every day from the first day someone was there to the last day of the state, 0 on a day no
 * one is counted there — the figures the situation update's presence panels and `ledger`'s
 * places.csv give for the same place and day.
 */
export function presenceFromState(state: readonly CorridorDay[], start: IsoDate): PresenceSeries[] {
  const last = state[state.length - 1]?.date;
  if (last === undefined) return [];
  return presencePanels(state, last).map((panel) => ({
    placeName: panel.placeName,
    capacity: panel.capacity,
    points: panel.series.map((p) => ({
      t: daysSince(start, p.date),
      date: p.date,
      value: p.value,
      ...(p.countedOn !== undefined ? { countedOn: p.countedOn } : {}),
      ...(p.countedLatest !== undefined ? { countedLatest: p.countedLatest } : {}),
      ...(p.notCountedSince !== undefined ? { notCountedSince: p.notCountedSince } : {}),
      ...(p.upTo !== undefined ? { upTo: p.upTo } : {}),
      ...(p.estimated !== undefined ? { estimated: p.estimated } : {}),
      ...(p.travelling !== undefined ? { travelling: p.travelling } : {}),
    })),
  }));
}

/**
 * The situation update of every day of the ledger: its headline figures (`situationHeadlines`)
 * and the people at places by status (the state's places of the day), as the `report` command
 * gives them for that day.
 */
export function situationFrom(
  ledger: LedgerResult,
  dataset: Dataset,
  state: readonly CorridorDay[],
): SituationDay[] {
  return state.map((day) => {
    const input = { ledger, dataset, asOf: day.date };
    // What the people who left rest on, in the library's words in both languages (the report's
    // "Method:" of its departed headline: between N and M left with the caravans).
    const es = situationHeadlines(input, 0, "es").find((h) => h.category === "departed")?.method;
    return {
      date: day.date,
      headlines: situationHeadlines(input, 0).map((h) => ({
        category: h.category,
        value: h.value,
        valueLow: h.valueLow,
        valueHigh: h.valueHigh,
        ...(h.category === "departed" && h.method && es ? { method: { en: h.method, es } } : {}),
      })),
      places: day.places,
    };
  });
}
