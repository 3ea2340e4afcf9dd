/**
 * A group as a body of people along the road: a set of cohorts (families and friends who travel
 * together), each with its own km, number of people and pace. The body's head, median and tail
 * are people-weighted quantiles of the cohorts' km.
 *
 * Definitions used by the truth of the stress worlds:
 * - first km = the front edge of the body, the km reached by its foremost people (the first 1 %,
 *   at least 20, at most 5 %: ./edges.ts, the one head every bench scores — the estimate's
 *   `head_km` and the forecast's head arrival);
 * - head km = the 95th percentile of people by km (5 % of the people are ahead of it);
 * - median km = the 50th percentile (the median person);
 * - tail km = the 5th percentile (5 % of the people are behind it);
 * - last km = the rear edge, the same count from the back; the scorer compares the estimate's
 *   tail (`tail_km`) with it.
 * A percentile q is the km of the first cohort, in ascending km, at which the cumulative people
 * reach q × the total (the lower weighted quantile: exact on cohorts, no interpolation).
 */
import type { Km, People } from "../../src/index.ts";
import { edgeShare } from "./edges.ts";

export interface Cohort {
  km: Km;
  /** People in the cohort (fractional while attrition is applied; > 0 while it exists). */
  people: People;
  /** Persistent pace factor (1 = the group's walking pace; vanguard cohorts > 1). */
  pace: number;
  /** Day number before which the cohort has not set off (late departures form the rear). */
  departsDay: number;
}

/** Share of people below the head and the tail quantiles. */
export const HEAD_QUANTILE = 0.95;
export const TAIL_QUANTILE = 0.05;

/**
 * The people-weighted quantile `q` (0–1) of the cohorts' km.
 * @example
 * quantileKm([{ km: 0, people: 1, pace: 1, departsDay: 0 }, { km: 10, people: 3, pace: 1, departsDay: 0 }], 0.5); // => 10
 */
export function quantileKm(cohorts: readonly Cohort[], q: number): Km {
  const live = cohorts.filter((c) => c.people > 0).sort((a, b) => a.km - b.km);
  const total = live.reduce((s, c) => s + c.people, 0);
  if (live.length === 0) return NaN;
  let cum = 0;
  for (const c of live) {
    cum += c.people;
    if (cum >= q * total - 1e-9) return c.km;
  }
  return live[live.length - 1].km;
}

/** The body summary of a day: head, median and tail km (see module comment) and size. */
export interface BodySummary {
  firstKm: Km;
  headKm: Km;
  km: Km;
  tailKm: Km;
  lastKm: Km;
  size: People;
}

/**
 * Summarises the cohorts.
 * @example
 * summarize(cohorts).km; // the median person's km
 */
export function summarize(cohorts: readonly Cohort[]): BodySummary {
  const edge = edgeShare(cohorts.reduce((s, c) => s + Math.max(0, c.people), 0));
  return {
    firstKm: quantileKm(cohorts, 1 - edge),
    headKm: quantileKm(cohorts, HEAD_QUANTILE),
    km: quantileKm(cohorts, 0.5),
    tailKm: quantileKm(cohorts, TAIL_QUANTILE),
    lastKm: quantileKm(cohorts, edge),
    size: Math.round(cohorts.reduce((s, c) => s + c.people, 0)),
  };
}

/** Cohorts sorted by km, with the people-weighted share of the group behind each (0–1). */
export function rankedCohorts(cohorts: readonly Cohort[]): { c: Cohort; below: number }[] {
  const live = cohorts.filter((c) => c.people > 0).sort((a, b) => a.km - b.km);
  const total = live.reduce((s, c) => s + c.people, 0);
  let cum = 0;
  return live.map((c) => {
    const below = cum / total;
    cum += c.people;
    return { c, below };
  });
}
