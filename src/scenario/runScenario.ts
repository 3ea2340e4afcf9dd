/**
 * The influx scenario engine: seeded, deterministic Monte Carlo of a validated scenario on the
 * route graph, summarised per place and day as p10/p50/p90, with first-arrival and peak dates,
 * days over shelter capacity, and the needs implied by people present; plus the median run,
 * whose totals add up.
 */
import { isoDate, strictDayNumber } from "../calendar/index.ts";
import type { Dataset } from "../model/dataset.ts";
import type { Random } from "../util/random.ts";
import { mulberry32 } from "../util/random.ts";
import { accumulateRun, createAccumulators, medianRunIndex } from "./accumulate.ts";
import type { Accumulators } from "./accumulate.ts";
import { buildCorridor } from "../geo/corridor.ts";
import type { Corridor } from "../geo/corridor.ts";
import { compileScenario } from "./compile.ts";
import type { CompiledScenario } from "./compile.ts";
import { TOTAL_METRICS, createRunBuffers, simulateRun } from "./simulateRun.ts";
import { meanComposition, placeResult, readSummaries, totalSeries } from "./summarize.ts";
import type { MedianRun, PlaceResult, Scenario, ScenarioResult, TotalName } from "./types.ts";

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

/** Runs `run` again (from its seed) and returns its totals per day. */
function replayRun(
  compiled: CompiledScenario,
  run: number,
  seed: number,
  personDaysPresent: number,
): MedianRun {
  const buffers = createRunBuffers(compiled);
  simulateRun(compiled, mulberry32(seed), buffers);
  const D = compiled.days;
  const totals = Object.fromEntries(
    TOTAL_METRICS.map((name, m) => [name, Array.from(buffers.totals.subarray(m * D, (m + 1) * D))]),
  ) as Record<TotalName, number[]>;
  return { run, seed, personDaysPresent, totals };
}

/** Places some run reached, with their results, in route order. */
function placeResults(
  scenario: Scenario,
  compiled: CompiledScenario,
  corridor: Corridor,
  acc: Accumulators,
  dates: string[],
): PlaceResult[] {
  const context = {
    scenario,
    compiled,
    corridor,
    acc,
    summaries: readSummaries(acc),
    dates,
    start: strictDayNumber(scenario.start)!,
  };
  const places: PlaceResult[] = [];
  for (let p = 0; p < compiled.places.length; p++) {
    if (acc.firstArrival.happened(p) > 0) places.push(placeResult(p, context));
  }
  return places.sort((a, b) => a.km - b.km || a.name.localeCompare(b.name));
}

/**
 * Runs a validated scenario `scenario.runs` times and summarises the runs.
 *
 * Deterministic: the same scenario (and seed) gives the same result, to the last digit, on every
 * machine. Per place and day: arrivals, people present (including claimants waiting and people
 * staying there), cumulative asylum claims, returns and regularisations (p10/p50/p90);
 * first-arrival and peak dates (p10/p50/p90, and the share of runs reaching the place within the
 * horizon); days over capacity; needs from the p50 and p90 of people present. Totals: independent
 * quantiles per day, and the median run whose totals add up. Places no group reaches in any run
 * are left out.
 *
 * Cost: O(runs × days × (groups + places)) time, plus one run replayed for the median run.
 * Memory flat in the runs: exact for up to 32–128 runs (as many as a 64 MB block holds), then
 * histograms of 128 bins per place-day cell (see {@link StreamingQuantiles} for the accuracy),
 * and 16 bytes per run.
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
  const R = scenario.runs;
  const buffers = createRunBuffers(compiled);
  const acc = createAccumulators(compiled, R);
  const seeds = new Float64Array(R);
  for (let run = 0; run < R; run++) {
    seeds[run] = context.random
      ? Math.floor(context.random() * 4294967296)
      : runSeed(scenario.seed, run);
    const error = simulateRun(compiled, mulberry32(seeds[run]!), buffers);
    accumulateRun(acc, compiled, buffers, run, error);
    context.onProgress?.(run + 1, R);
  }
  const start = strictDayNumber(scenario.start)!;
  const dates = Array.from({ length: compiled.days }, (_, day) => isoDate(start + day));
  const median = medianRunIndex(acc.personDays);
  return {
    scenario,
    dates,
    places: placeResults(scenario, compiled, corridor, acc, dates),
    totals: totalSeries(acc, compiled.days),
    medianRun: replayRun(compiled, median, seeds[median]!, acc.personDays[median]!),
    composition: meanComposition(scenario),
    conservationError: acc.conservationError,
    quantileMethod: acc.totals.streaming ? "histogram" : "exact",
    warnings: compiled.warnings,
  };
}
