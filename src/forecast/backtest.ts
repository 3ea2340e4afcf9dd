/**
 * Rolling backtest: forecasts issued day by day from the data available each morning, scored
 * against the dates groups were actually reported at places.
 */
import type { Dataset } from "../model/dataset.ts";
import type { IsoDate } from "../model/units.ts";
import { mulberry32 } from "../util/random.ts";
import { createRouteIndex } from "../geo/routeIndex.ts";
import { dayNumber, isoDate } from "../calendar/index.ts";
import { buildCorridor, PLACE_SNAP_KM } from "../geo/corridor.ts";
import { forecastArrivals } from "./forecast.ts";
import { lastTwoReportsArrival, reportsOfGroup } from "./lastTwoReports.ts";
import { naiveArrival } from "./naive.ts";
import { emptyTally, tallyCase, tallyRatio } from "./baselineScore.ts";
import type { BaselineTally } from "./baselineScore.ts";
import { MIN_REPORT_GAP_DAYS } from "./reportedRegime.ts";
import { nowcast } from "./nowcast.ts";

/** An observed arrival: `group` was reported at `place` on `date` (local date). */
export interface ReferenceArrival {
  group: string;
  place: string;
  date: IsoDate;
}

/** Options of {@link backtestArrivals}. */
export interface BacktestOptions {
  /** Days forecasts are issued (each from the data available at 00:00 local that day). */
  issueDates: readonly IsoDate[];
  /** Lead times summarised (days from issue to the observed arrival); default [1, 3, 7, 14]. */
  leads?: readonly number[];
  /** Forecast horizon (days); default 40, so that arrivals 14 days ahead are well inside it. */
  horizonDays?: number;
  /** Monte Carlo runs per forecast; default 500. */
  runs?: number;
  /** Seed of each forecast's `mulberry32`; default 1. */
  seed?: number;
  /** Pace refit of each group (see `NowcastOptions`); default none (the pooled shares). */
  paceWindowDays?: number;
  pacePriorDays?: number;
  /**
   * Which arrival of the forecast is scored: `median` (the median person: when most people need
   * beds; default) or `head` (the first people: when shelters must open — `headArrival`, the
   * median's when the tracks have no head). The 2018 first contingent is a head, the main body a
   * median.
   */
  moment?: "median" | "head";
}

/** One scored forecast: a group, a place, an issue day. */
export interface BacktestRow {
  issued: IsoDate;
  group: string;
  place: string;
  observed: IsoDate;
  /** Days from the issue day to the observed arrival (≥ 1). */
  leadDays: number;
  p10?: IsoDate;
  p50?: IsoDate;
  p90?: IsoDate;
  naive?: IsoDate;
  /** The constant-speed forecast from the group's last two reports ({@link lastTwoReportsArrival}). */
  lastTwo?: IsoDate;
  /** p50 − observed, in days (p50 beyond the horizon counts as the horizon's last day). */
  errorDays: number;
  /** naive − observed, in days (undefined when the naive forecast has no speed). */
  naiveErrorDays?: number;
  /** lastTwo − observed, in days (undefined when the group did not move between them). */
  lastTwoErrorDays?: number;
  /**
   * The same with the baseline's speed taken over at least `MIN_REPORT_GAP_DAYS` (6 h;
   * `lastTwoReportsArrival`'s `minGapDays`): a check of the score, since two reports of two parts
   * of one group minutes apart give a speed of thousands of km/day, which says "now" everywhere.
   */
  lastTwoMinGapErrorDays?: number;
  /** Observed date within [p10, p90] (a blank p90 is open-ended). */
  inside: boolean;
}

/** Summary at one lead time, or over all leads. */
export interface BacktestSummary {
  lead: number | "all";
  n: number;
  /** Mean absolute error of the p50 date (days). */
  mae: number;
  /** Mean absolute error of the naive forecast (days), over the same rows. */
  naiveMae: number;
  /**
   * Mean absolute error of the last-two-reports forecast (days), over the same rows, a row whose
   * baseline has no speed counted as the horizon (40 days): the rule before stop 24, kept to print
   * beside {@link BacktestSummary.ratio}.
   */
  lastTwoMae: number;
  /**
   * The score against the last-two-reports baseline by the library's one rule
   * ({@link tallyCase}): rows whose baseline has no speed left out of both sides and counted.
   */
  againstLastTwo: BaselineTally;
  /** Model MAE / last-two MAE over {@link BacktestSummary.againstLastTwo}'s scored rows. */
  ratio: number;
  /** Share of observed arrivals inside p10–p90 (0–1). */
  coverage: number;
}

export interface BacktestResult {
  rows: BacktestRow[];
  byLead: BacktestSummary[];
  /** Over every row with a lead of 1–14 days. */
  overall: BacktestSummary;
}

/**
 * For each issue date D: nowcast from the data up to D 00:00 local (no look-ahead), forecast,
 * and for each reference arrival after D score the forecast of that group at that place. Rows are
 * kept for every lead ≥ 1 day; {@link BacktestResult.byLead} summarises the requested leads and
 * {@link BacktestResult.overall} leads 1–14.
 * The naive forecast is {@link naiveArrival} (average speed since departure) from the same nowcast;
 * the last-two-reports forecast ({@link lastTwoReportsArrival}) is made from the reports the
 * estimator gave the group ({@link reportsOfGroup}), those observed by the issue moment.
 *
 * @example
 * const bt = backtestArrivals(embedded2018(), reference, { issueDates: ["2018-10-20", …] });
 * bt.byLead; // => [{ lead: 1, n: 4, mae: …, naiveMae: …, coverage: … }, …]
 */
export function backtestArrivals(
  dataset: Dataset,
  reference: readonly ReferenceArrival[],
  options: BacktestOptions,
): BacktestResult {
  const leads = options.leads ?? [1, 3, 7, 14];
  const horizonDays = options.horizonDays ?? 40;
  const routeIndex = createRouteIndex(dataset.routes);
  const corridor = buildCorridor(dataset, PLACE_SNAP_KM, routeIndex);
  const rows: BacktestRow[] = [];
  for (const issued of options.issueDates) {
    const issueDay = dayNumber(issued);
    if (issueDay === undefined) throw new RangeError(`Not an ISO date: ${issued}.`);
    const pending = reference.filter((r) => (dayNumber(r.date) ?? -Infinity) > issueDay);
    if (pending.length === 0) continue;
    const now = nowcast(dataset, {
      asOf: `${issued}T00:00:00`,
      routeIndex,
      paceWindowDays: options.paceWindowDays,
      pacePriorDays: options.pacePriorDays,
    });
    const forecast = forecastArrivals(now, {
      corridor,
      horizonDays,
      runs: options.runs,
      random: mulberry32(options.seed ?? 1),
    });
    for (const ref of pending) {
      const group = now.groups.find((g) => g.group === ref.group);
      if (!group) continue;
      const observedDay = dayNumber(ref.date)!;
      const a = forecast.arrivals.find(
        (x) => x.group === ref.group && samePlace(x.placeName, x.placeId, ref.place),
      );
      const placeKm = a?.km ?? kmOfPlace(corridor, group.routeId, ref.place) ?? Number.NaN;
      if (!Number.isFinite(placeKm)) continue;
      const end = now.asOf + horizonDays;
      // A place behind the group's median at its last observation: the forecast says "already there".
      const q = a && options.moment === "head" ? (a.headArrival ?? a.arrival) : a?.arrival;
      const p10 = q ? q.p10 : group.lastDay + 0.5;
      const p50 = q ? (q.p50 ?? end) : group.lastDay + 0.5;
      const p90 = q ? q.p90 : group.lastDay + 0.5;
      const naive = naiveArrival(group, placeKm);
      // Capped at the horizon's end like the model's blank p50 (a crawling group's date runs away).
      const reports = reportsOfGroup(dataset, now.estimate, ref.group, {
        asOf: now.asOf,
        routeIndex,
      });
      const lastTwoRaw = lastTwoReportsArrival(reports, placeKm, { asOf: now.asOf });
      const lastTwo = lastTwoRaw === undefined ? undefined : Math.min(lastTwoRaw, end);
      const gapRaw = lastTwoReportsArrival(reports, placeKm, {
        asOf: now.asOf,
        minGapDays: MIN_REPORT_GAP_DAYS,
      });
      const lastTwoGap = gapRaw === undefined ? undefined : Math.min(gapRaw, end);
      const lo = p10 === undefined ? Infinity : Math.floor(p10);
      const hi = p90 === undefined ? Infinity : Math.floor(p90);
      rows.push({
        issued,
        group: ref.group,
        place: ref.place,
        observed: ref.date,
        leadDays: observedDay - issueDay,
        p10: p10 === undefined ? undefined : isoDate(p10),
        p50: q?.p50 === undefined && q ? undefined : isoDate(p50),
        p90: p90 === undefined ? undefined : isoDate(p90),
        naive: naive === undefined ? undefined : isoDate(naive),
        lastTwo: lastTwo === undefined ? undefined : isoDate(lastTwo),
        errorDays: Math.floor(p50) - observedDay,
        naiveErrorDays: naive === undefined ? undefined : Math.floor(naive) - observedDay,
        lastTwoErrorDays: lastTwo === undefined ? undefined : Math.floor(lastTwo) - observedDay,
        lastTwoMinGapErrorDays:
          lastTwoGap === undefined ? undefined : Math.floor(lastTwoGap) - observedDay,
        inside: lo <= observedDay && observedDay <= hi,
      });
    }
  }
  const summarise = (lead: number | "all", list: BacktestRow[]): BacktestSummary => {
    const n = list.length;
    const tally = emptyTally();
    for (const r of list) tallyCase(tally, r.errorDays, r.lastTwoErrorDays);
    const mean = (f: (r: BacktestRow) => number): number =>
      n === 0 ? Number.NaN : list.reduce((s, r) => s + f(r), 0) / n;
    return {
      lead,
      n,
      mae: mean((r) => Math.abs(r.errorDays)),
      // No naive speed (the group has not moved): the naive forecast never arrives; scored as
      // the horizon's end, like a blank p50.
      naiveMae: mean((r) => Math.abs(r.naiveErrorDays ?? horizonDays)),
      lastTwoMae: mean((r) => Math.abs(r.lastTwoErrorDays ?? horizonDays)),
      coverage: mean((r) => (r.inside ? 1 : 0)),
      againstLastTwo: tally,
      ratio: tallyRatio(tally),
    };
  };
  return {
    rows,
    byLead: leads.map((lead) =>
      summarise(
        lead,
        rows.filter((r) => r.leadDays === lead),
      ),
    ),
    overall: summarise(
      "all",
      rows.filter((r) => r.leadDays >= 1 && r.leadDays <= 14),
    ),
  };
}

function samePlace(name: string, id: string, wanted: string): boolean {
  const norm = (s: string) =>
    s
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .trim();
  return norm(name) === norm(wanted) || id === wanted;
}

function kmOfPlace(
  corridor: ReturnType<typeof buildCorridor>,
  routeId: string,
  place: string,
): number | undefined {
  const route = corridor.routes.get(routeId);
  if (!route) return undefined;
  for (const stop of route.stops) {
    const p = corridor.places[stop.place]!;
    if (samePlace(p.name, p.placeId, place)) return stop.km;
  }
  return undefined;
}
