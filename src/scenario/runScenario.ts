/**
 * The influx scenario engine: seeded, deterministic Monte Carlo of a validated scenario on the
 * route graph, summarised per place and day as p10/p50/p90, with first-arrival and peak dates,
 * days over shelter capacity, and the needs implied by people present.
 */
import type { Dataset } from "../model/dataset.ts";
import type { Random } from "../util/random.ts";
import { mulberry32 } from "../util/random.ts";
import { buildCorridor } from "./corridor.ts";
import type { Corridor } from "./corridor.ts";
import { compileScenario } from "./compile.ts";
import { dayNumber, isoDate } from "./days.ts";
import { placeNeeds } from "./needs.ts";
import { cellQuantiles, quantileSorted } from "./quantiles.ts";
import { TOTAL_METRICS, createRunBuffers, simulateRun } from "./simulateRun.ts";
import type {
  Composition,
  DateInterval,
  NumberOrRange,
  PlaceResult,
  QuantileSeries,
  Scenario,
  ScenarioResult,
  ScenarioTotals,
} from "./types.ts";

/** What {@link runScenario} runs on. */
export interface RunContext {
  /** Places and routes; the same dataset the scenario was validated against. */
  dataset: Pick<Dataset, "places" | "routes">;
  /** The corridor of `dataset` when already built. */
  corridor?: Corridor;
  /**
   * Source of the per-run seeds. Default: derived from `scenario.seed`, so run k is the same
   * whatever the number of runs (a worker can run any slice of them).
   */
  random?: Random;
  /** Called after each run with (runs done, runs in all), e.g. for a progress bar. */
  onProgress?: (done: number, total: number) => void;
}

/** A 32-bit integer hash (the finaliser of MurmurHash3) to derive independent run seeds. */
function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** Seed of run `run` of a scenario seeded with `seed`. */
export function runSeed(seed: number, run: number): number {
  return mix32((seed >>> 0) ^ mix32(run + 0x9e3779b9));
}

function series(
  p10: Float64Array,
  p50: Float64Array,
  p90: Float64Array,
  offset: number,
  days: number,
): QuantileSeries {
  const round = (v: number) => Math.round(v * 10) / 10;
  return {
    p10: Array.from(p10.subarray(offset, offset + days), round),
    p50: Array.from(p50.subarray(offset, offset + days), round),
    p90: Array.from(p90.subarray(offset, offset + days), round),
  };
}

function dateInterval(values: Float64Array, start: number): DateInterval {
  const sorted = Float64Array.from(values).sort();
  const reached = sorted.filter((v) => v !== Infinity).length;
  const at = (p: number): string | undefined => {
    const q = quantileSorted(sorted, p);
    return q === Infinity ? undefined : isoDate(start + Math.round(q));
  };
  return { p10: at(0.1), p50: at(0.5), p90: at(0.9), probability: reached / values.length };
}

/** The waves' compositions weighted by their mean people (equal weights when nobody departs). */
function meanComposition(scenario: Scenario): Composition {
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

/**
 * Runs a validated scenario `scenario.runs` times and summarises the runs.
 *
 * Deterministic: the same scenario (and seed) gives the same result, to the last digit, on every
 * machine. Per place and day: arrivals, people present, cumulative asylum claims, returns and
 * regularisations (p10/p50/p90); first-arrival and peak dates (p10/p50/p90, and the share of runs
 * reaching the place within the horizon); days over capacity; needs from the p50 and p90 of
 * people present. Totals per day add up, in every run, to the people who have departed.
 * Places no group reaches in any run are left out.
 *
 * Cost: O(runs × days × (groups + places)) time; memory 5 × places × days × runs × 4 bytes.
 *
 * @param scenario from {@link validateScenario}.
 * @param context the dataset (and optionally a corridor, a seed source, a progress callback).
 * @example
 * const { scenario } = validateScenario(json, { dataset });
 * const result = runScenario(scenario!, { dataset });
 * result.places.find((p) => p.name === "Tijuana")?.firstArrival.p50; // => "2019-02-…"
 */
export function runScenario(scenario: Scenario, context: RunContext): ScenarioResult {
  const corridor = context.corridor ?? buildCorridor(context.dataset);
  const compiled = compileScenario(scenario, corridor);
  const P = compiled.places.length;
  const D = compiled.days;
  const R = scenario.runs;
  const cells = P * D;
  const buffers = createRunBuffers(compiled);
  const metrics = ["arrivals", "present", "asylumClaims", "returns", "regularized"] as const;
  // Places whose rows are kept per metric: every place for arrivals and people present; for the
  // cumulative outcomes only the places with an attrition rule (elsewhere they are always 0).
  const withRules = new Set<number>();
  for (const route of compiled.routes) {
    route.rules.forEach((list, s) => {
      if (list.length && route.place[s]! >= 0) withRules.add(route.place[s]!);
    });
  }
  const allPlaces = Int32Array.from({ length: P }, (_, p) => p);
  const ruled = Int32Array.from([...withRules].sort((a, b) => a - b));
  const rows = metrics.map((_, m) => (m < 2 ? allPlaces : ruled));
  const slot = rows.map((list) => {
    const map = new Int32Array(P).fill(-1);
    list.forEach((p, k) => (map[p] = k));
    return map;
  });
  // Run-major tables (run k's rows are one contiguous block), with the smallest and largest
  // value of every cell over the runs.
  const store = rows.map((list) => new Int32Array(list.length * D * R));
  const storeMin = rows.map((list) => new Int32Array(list.length * D).fill(2 ** 31 - 1));
  const storeMax = rows.map((list) => new Int32Array(list.length * D).fill(-(2 ** 31)));
  const totalCells = TOTAL_METRICS.length * D;
  const totals = new Int32Array(totalCells * R);
  const totalsMin = new Int32Array(totalCells).fill(2 ** 31 - 1);
  const totalsMax = new Int32Array(totalCells).fill(-(2 ** 31));
  const track = (
    source: Int32Array,
    target: Int32Array,
    lo: Int32Array,
    hi: Int32Array,
    run: number,
  ) => {
    target.set(source, run * source.length);
    for (let cell = 0; cell < source.length; cell++) {
      const v = source[cell]!;
      if (v < lo[cell]!) lo[cell] = v;
      if (v > hi[cell]!) hi[cell] = v;
    }
  };
  const firstArrival = new Float64Array(P * R).fill(Infinity);
  const peakDay = new Float64Array(P * R).fill(Infinity);
  const peakPeople = new Float64Array(P * R);
  const overCount = new Int32Array(cells);
  const overRuns = new Int32Array(P);
  let conservationError = 0;
  const seeds = Array.from({ length: R }, (_, run) =>
    context.random ? Math.floor(context.random() * 4294967296) : runSeed(scenario.seed, run),
  );

  for (let run = 0; run < R; run++) {
    const error = simulateRun(compiled, mulberry32(seeds[run]!), buffers);
    if (error > conservationError) conservationError = error;
    const runBuffers = [
      buffers.arrivals,
      buffers.present,
      buffers.asylumClaims,
      buffers.returns,
      buffers.regularized,
    ];
    for (let m = 0; m < metrics.length; m++) {
      const list = rows[m]!;
      const source = runBuffers[m]!;
      const target = store[m]!;
      const lo = storeMin[m]!;
      const hi = storeMax[m]!;
      const base = run * list.length * D;
      for (let k = 0; k < list.length; k++) {
        const from = list[k]! * D;
        target.set(source.subarray(from, from + D), base + k * D);
        for (let day = 0, cell = k * D; day < D; day++, cell++) {
          const v = source[from + day]!;
          if (v < lo[cell]!) lo[cell] = v;
          if (v > hi[cell]!) hi[cell] = v;
        }
      }
    }
    track(buffers.totals, totals, totalsMin, totalsMax, run);
    for (let p = 0; p < P; p++) {
      const capacity = compiled.capacity[p];
      let best = 0;
      let bestDay = Infinity;
      let over = false;
      for (let day = 0; day < D; day++) {
        const cell = p * D + day;
        if (firstArrival[p * R + run] === Infinity && buffers.arrivals[cell]! > 0)
          firstArrival[p * R + run] = day;
        const present = buffers.present[cell]!;
        if (present > best) {
          best = present;
          bestDay = day;
        }
        if (capacity !== undefined && present > capacity) {
          overCount[cell]!++;
          over = true;
        }
      }
      if (over) overRuns[p]!++;
      peakPeople[p * R + run] = best;
      peakDay[p * R + run] = bestDay;
    }
    context.onProgress?.(run + 1, R);
  }

  // ── summaries ──
  const start = dayNumber(scenario.start)!;
  const dates = Array.from({ length: D }, (_, day) => isoDate(start + day));
  const q = rows.map((list, m) => {
    const n = list.length * D;
    const p10 = new Float64Array(n);
    const p50 = new Float64Array(n);
    const p90 = new Float64Array(n);
    cellQuantiles(store[m]!, R, storeMin[m]!, storeMax[m]!, p10, p50, p90);
    return { p10, p50, p90 };
  });
  const zeros = (): QuantileSeries => ({
    p10: new Array<number>(D).fill(0),
    p50: new Array<number>(D).fill(0),
    p90: new Array<number>(D).fill(0),
  });
  /** The p10/p50/p90 series of metric m at place p. */
  const metricSeries = (m: number, p: number): QuantileSeries => {
    const k = slot[m]![p]!;
    return k < 0 ? zeros() : series(q[m]!.p10, q[m]!.p50, q[m]!.p90, k * D, D);
  };
  const places: PlaceResult[] = [];
  for (let p = 0; p < P; p++) {
    let reached = false;
    for (let run = 0; run < R && !reached; run++) reached = firstArrival[p * R + run] !== Infinity;
    if (!reached) continue;
    const place = compiled.places[p]!;
    const routeIds = compiled.routes.filter((r) => r.place.includes(p)).map((r) => r.routeId);
    const km = corridor.routes.get(routeIds[0]!)!.kmOf[compiled.corridorIndex[p]!]!;
    const capacity = compiled.capacity[p];
    const offset = p * D;
    const present = metricSeries(1, p);
    const first = dateInterval(firstArrival.subarray(p * R, (p + 1) * R), start);
    const firstDay = first.p50 !== undefined ? dayNumber(first.p50)! - start : undefined;
    const peakSorted = Float64Array.from(peakPeople.subarray(p * R, (p + 1) * R)).sort();
    const overP50: string[] = [];
    const overP90: string[] = [];
    if (capacity !== undefined) {
      for (let day = 0; day < D; day++) {
        if (present.p50[day]! > capacity) overP50.push(dates[day]!);
        if (present.p90[day]! > capacity) overP90.push(dates[day]!);
      }
    }
    places.push({
      placeId: place.placeId,
      name: place.name,
      country: place.country,
      km: Math.round(km * 10) / 10,
      routeIds,
      capacity,
      arrivals: metricSeries(0, p),
      present,
      asylumClaims: metricSeries(2, p),
      returns: metricSeries(3, p),
      regularized: metricSeries(4, p),
      overCapacityProbability: Array.from(overCount.subarray(offset, offset + D), (n) => n / R),
      overCapacityAnyDayProbability: overRuns[p]! / R,
      firstArrival: first,
      peakDate: dateInterval(peakDay.subarray(p * R, (p + 1) * R), start),
      peakPeople: {
        p10: Math.round(quantileSorted(peakSorted, 0.1)),
        p50: Math.round(quantileSorted(peakSorted, 0.5)),
        p90: Math.round(quantileSorted(peakSorted, 0.9)),
      },
      daysOverCapacityP50: overP50,
      daysOverCapacityP90: overP90,
      needsP50: placeNeeds(present.p50, scenario.planning, firstDay),
      needsP90: placeNeeds(present.p90, scenario.planning, firstDay),
    });
  }
  places.sort((a, b) => a.km - b.km || a.name.localeCompare(b.name));
  const totalQ = {
    p10: new Float64Array(TOTAL_METRICS.length * D),
    p50: new Float64Array(TOTAL_METRICS.length * D),
    p90: new Float64Array(TOTAL_METRICS.length * D),
  };
  cellQuantiles(totals, R, totalsMin, totalsMax, totalQ.p10, totalQ.p50, totalQ.p90);
  const totalSeries = Object.fromEntries(
    TOTAL_METRICS.map((name, m) => [name, series(totalQ.p10, totalQ.p50, totalQ.p90, m * D, D)]),
  ) as unknown as ScenarioTotals;

  return {
    scenario,
    dates,
    places,
    totals: totalSeries,
    composition: meanComposition(scenario),
    conservationError,
    warnings: compiled.warnings,
  };
}
