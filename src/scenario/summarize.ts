/**
 * Turns the accumulated runs into a scenario's results: per place the p10/p50/p90 series, first
 * arrival and peak dates, days over capacity and needs; the totals; the mean composition.
 */
import { isoDate } from "../calendar/index.ts";
import type { Corridor } from "./corridor.ts";
import type { CompiledScenario } from "./compile.ts";
import type { Accumulators } from "./accumulate.ts";
import type { DayHistograms } from "./streamingQuantiles.ts";
import type { CellQuantiles } from "./streamingQuantiles.ts";
import { placeNeeds } from "./needs.ts";
import { TOTAL_METRICS } from "./simulateRun.ts";
import type {
  Composition,
  DateInterval,
  NumberOrRange,
  PlaceResult,
  QuantileSeries,
  Scenario,
  ScenarioTotals,
} from "./types.ts";

const round1 = (v: number) => Math.round(v * 10) / 10;

/** Days `offset…offset+days` of three quantile tables, rounded to 0.1 person. */
function series(q: CellQuantiles, offset: number, days: number): QuantileSeries {
  return {
    p10: Array.from(q.p10.subarray(offset, offset + days), round1),
    p50: Array.from(q.p50.subarray(offset, offset + days), round1),
    p90: Array.from(q.p90.subarray(offset, offset + days), round1),
  };
}

const zeros = (days: number): QuantileSeries => ({
  p10: new Array<number>(days).fill(0),
  p50: new Array<number>(days).fill(0),
  p90: new Array<number>(days).fill(0),
});

/** p10/p50/p90 dates of a day histogram's cell, and the share of runs in which it happened. */
function dateInterval(
  days: DayHistograms,
  cell: number,
  start: number,
  among: "all" | "happened" = "all",
): DateInterval {
  const at = (p: number): string | undefined => {
    const q = among === "all" ? days.quantile(cell, p) : days.quantileWhenHappened(cell, p);
    return q === Infinity || Number.isNaN(q) ? undefined : isoDate(start + Math.round(q));
  };
  return { p10: at(0.1), p50: at(0.5), p90: at(0.9), probability: days.happened(cell) };
}

/** The waves' compositions weighted by their mean people (equal weights when nobody departs). */
export function meanComposition(scenario: Scenario): Composition {
  const mean = (r: NumberOrRange) => (typeof r === "number" ? r : (r.min + r.max) / 2);
  const weights = scenario.waves.map((w) => mean(w.people));
  const total = weights.reduce((a, b) => a + b, 0);
  const keys = ["men", "women", "children", "unaccompaniedChildren"] as const;
  const out = { men: 0, women: 0, children: 0, unaccompaniedChildren: 0 };
  scenario.waves.forEach((wave, i) => {
    const weight = total > 0 ? weights[i]! / total : 1 / scenario.waves.length;
    for (const key of keys) out[key] += wave.composition[key] * weight;
  });
  for (const key of keys) out[key] = Math.round(out[key] * 10000) / 10000;
  return out;
}

/** The quantile tables of the place metrics, read once. */
export interface Summaries {
  place: CellQuantiles[];
  peak: CellQuantiles;
}

/** Reads every streaming accumulator's quantiles. */
export function readSummaries(acc: Accumulators): Summaries {
  return { place: acc.metrics.map((m) => m.quantiles()), peak: acc.peakPeople.quantiles() };
}

/** Days on which a series exceeds the capacity. */
function daysOver(values: number[], capacity: number | undefined, dates: string[]): string[] {
  if (capacity === undefined) return [];
  return dates.filter((_, day) => values[day]! > capacity);
}

/** Everything the scenario says about place p (which some run reached). */
export function placeResult(
  p: number,
  context: {
    scenario: Scenario;
    compiled: CompiledScenario;
    corridor: Corridor;
    acc: Accumulators;
    summaries: Summaries;
    dates: string[];
    start: number;
  },
): PlaceResult {
  const { scenario, compiled, corridor, acc, summaries, dates, start } = context;
  const D = compiled.days;
  const R = scenario.runs;
  const metric = (m: number): QuantileSeries => {
    const k = acc.slot[m]![p]!;
    return k < 0 ? zeros(D) : series(summaries.place[m]!, k * D, D);
  };
  const place = compiled.places[p]!;
  const routeIds = compiled.routes.filter((r) => r.place.includes(p)).map((r) => r.routeId);
  const km = corridor.routes.get(routeIds[0]!)!.kmOf[compiled.corridorIndex[p]!]!;
  const capacity = compiled.capacity[p];
  const present = metric(1);
  const first = dateInterval(acc.firstArrival, p, start);
  const firstDay =
    first.p50 !== undefined ? Math.round(acc.firstArrival.quantile(p, 0.5)) : undefined;
  const peak = summaries.peak;
  return {
    placeId: place.placeId,
    name: place.name,
    ...(place.nameEs ? { nameEs: place.nameEs } : {}),
    country: place.country,
    km: round1(km),
    routeIds,
    capacity,
    arrivals: metric(0),
    present,
    asylumClaims: metric(2),
    returns: metric(3),
    regularized: metric(4),
    overCapacityProbability: Array.from(acc.overCount.subarray(p * D, (p + 1) * D), (n) => n / R),
    overCapacityAnyDayProbability: acc.overRuns[p]! / R,
    firstArrival: first,
    // Among the runs with anyone present (`probability`): a run nobody stops in has no peak day.
    peakDate: dateInterval(acc.peakDay, p, start, "happened"),
    peakPeople: {
      p10: Math.round(peak.p10[p]!),
      p50: Math.round(peak.p50[p]!),
      p90: Math.round(peak.p90[p]!),
    },
    daysOverCapacityP50: daysOver(present.p50, capacity, dates),
    daysOverCapacityP90: daysOver(present.p90, capacity, dates),
    needsP50: placeNeeds(present.p50, scenario.planning, firstDay),
    needsP90: placeNeeds(present.p90, scenario.planning, firstDay),
  };
}

/** The independent p10/p50/p90 of every total per day. */
export function totalSeries(acc: Accumulators, days: number): ScenarioTotals {
  const q = acc.totals.quantiles();
  return Object.fromEntries(
    TOTAL_METRICS.map((name, m) => [name, series(q, m * days, days)]),
  ) as unknown as ScenarioTotals;
}
