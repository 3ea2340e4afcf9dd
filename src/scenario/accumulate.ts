/**
 * What runScenario keeps of each Monte Carlo run: streaming quantiles of the place-day tables
 * and of the totals, exact day histograms of first arrivals and peaks, over-capacity counts and
 * each run's person-days present (to find the median run). Memory is flat in the number of runs
 * except for 16 bytes per run (seed and person-days).
 */
import type { CompiledScenario } from "./compile.ts";
import type { RunBuffers } from "./simulateRun.ts";
import { TOTAL_METRICS } from "./simulateRun.ts";
import { DayHistograms, StreamingQuantiles } from "./streamingQuantiles.ts";

/** The place-day tables summarised per place and day, in this order. */
export const PLACE_METRICS = [
  "arrivals",
  "present",
  "asylumClaims",
  "returns",
  "regularized",
] as const;

/** Budget (bytes) for the blocks of runs held exactly, all tables together. */
const BLOCK_BYTES = 64 * 2 ** 20;

/** The summaries being built over the runs. */
export interface Accumulators {
  /** Per place metric: the places it keeps (every place, or only those with an attrition rule). */
  rows: Int32Array[];
  /** Per place metric: place → row in its table (-1: always 0 there). */
  slot: Int32Array[];
  metrics: StreamingQuantiles[];
  totals: StreamingQuantiles;
  peakPeople: StreamingQuantiles;
  firstArrival: DayHistograms;
  peakDay: DayHistograms;
  /** Runs over capacity per place-day cell, and runs over capacity on some day per place. */
  overCount: Int32Array;
  overRuns: Int32Array;
  /** Per run: person-days present at places over the horizon. */
  personDays: Float64Array;
  conservationError: number;
}

/** Places with an attrition rule on some route (elsewhere the cumulative outcomes stay 0). */
function placesWithRules(compiled: CompiledScenario): Int32Array {
  const withRules = new Set<number>();
  for (const route of compiled.routes) {
    route.rules.forEach((list, s) => {
      if (list.length && route.place[s]! >= 0) withRules.add(route.place[s]!);
    });
  }
  return Int32Array.from([...withRules].sort((a, b) => a - b));
}

/** Empty accumulators for `runs` runs of `compiled`. */
export function createAccumulators(compiled: CompiledScenario, runs: number): Accumulators {
  const P = compiled.places.length;
  const D = compiled.days;
  const allPlaces = Int32Array.from({ length: P }, (_, p) => p);
  const ruled = placesWithRules(compiled);
  const rows = PLACE_METRICS.map((_, m) => (m < 2 ? allPlaces : ruled));
  const slot = rows.map((list) => {
    const map = new Int32Array(P).fill(-1);
    list.forEach((p, k) => (map[p] = k));
    return map;
  });
  const cells = rows.reduce((n, list) => n + list.length * D, 0) + TOTAL_METRICS.length * D + P;
  const block = Math.max(32, Math.min(128, Math.floor(BLOCK_BYTES / (4 * Math.max(1, cells)))));
  return {
    rows,
    slot,
    metrics: rows.map((list) => new StreamingQuantiles(list.length * D, runs, block)),
    totals: new StreamingQuantiles(TOTAL_METRICS.length * D, runs, block),
    peakPeople: new StreamingQuantiles(P, runs, block),
    firstArrival: new DayHistograms(P, D),
    peakDay: new DayHistograms(P, D),
    overCount: new Int32Array(P * D),
    overRuns: new Int32Array(P),
    personDays: new Float64Array(runs),
    conservationError: 0,
  };
}

/** First arrival, peak and over-capacity days of every place in one run. */
function accumulatePlaces(
  acc: Accumulators,
  compiled: CompiledScenario,
  buffers: RunBuffers,
): number {
  const D = compiled.days;
  let personDays = 0;
  for (let p = 0; p < compiled.places.length; p++) {
    const capacity = compiled.capacity[p];
    let first = Infinity;
    let best = 0;
    let bestDay = Infinity;
    let over = false;
    for (let day = 0, cell = p * D; day < D; day++, cell++) {
      if (first === Infinity && buffers.arrivals[cell]! > 0) first = day;
      const present = buffers.present[cell]!;
      personDays += present;
      if (present > best) {
        best = present;
        bestDay = day;
      }
      if (capacity !== undefined && present > capacity) {
        acc.overCount[cell]!++;
        over = true;
      }
    }
    if (over) acc.overRuns[p]!++;
    acc.firstArrival.add(p, first);
    acc.peakDay.add(p, bestDay);
    acc.peakPeople.add(p, best);
  }
  return personDays;
}

/** Adds run `run` (its buffers just filled by simulateRun, with conservation error `error`). */
export function accumulateRun(
  acc: Accumulators,
  compiled: CompiledScenario,
  buffers: RunBuffers,
  run: number,
  error: number,
): void {
  const D = compiled.days;
  if (error > acc.conservationError) acc.conservationError = error;
  for (let m = 0; m < PLACE_METRICS.length; m++) {
    const list = acc.rows[m]!;
    const table = acc.metrics[m]!;
    const source = buffers[PLACE_METRICS[m]!];
    for (let k = 0; k < list.length; k++) table.addSlice(source, list[k]! * D, k * D, D);
    table.endRun();
  }
  acc.totals.addSlice(buffers.totals, 0, 0, buffers.totals.length);
  acc.totals.endRun();
  acc.personDays[run] = accumulatePlaces(acc, compiled, buffers);
  acc.peakPeople.endRun();
}

/** The median run by person-days present (lower median; ties to the earlier run). */
export function medianRunIndex(personDays: Float64Array): number {
  const order = Array.from(personDays, (_, run) => run).sort(
    (a, b) => personDays[a]! - personDays[b]! || a - b,
  );
  return order[Math.floor((order.length - 1) / 2)]!;
}
