/** Small estimators of the "like 2018" calibration: rounding, Wilson intervals, spreads, speeds. */
import type { CorridorRoute } from "../geo/corridor.ts";
import { quantileSorted } from "../util/quantiles.ts";
import type { NumberOrRange } from "./types.ts";

export const round = (v: number, digits = 3): number => Math.round(v * 10 ** digits) / 10 ** digits;

/**
 * A probability estimated from k of n days, as a 90 % Wilson score interval (z = 1.645): unlike
 * the ±1.645 standard errors interval it stays inside [0, 1] and is not empty when k is 0 or n,
 * which few days often give.
 */
export function proportion(k: number, n: number): NumberOrRange {
  if (n === 0) return 0;
  const z2 = 1.645 * 1.645;
  const p = k / n;
  const scale = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / scale;
  const half = (1.645 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / scale;
  return { min: round(Math.max(0, centre - half)), max: round(Math.min(1, centre + half)) };
}

export const mid = (r: NumberOrRange): number => (typeof r === "number" ? r : (r.min + r.max) / 2);

/** p10–p90 of a sample as a range (rounded to whole km), or the fallback when empty. */
export function spread(values: number[], fallback: NumberOrRange): NumberOrRange {
  if (values.length === 0) return fallback;
  const sorted = [...values].sort((a, b) => a - b);
  return {
    min: Math.round(quantileSorted(sorted, 0.1)),
    max: Math.round(quantileSorted(sorted, 0.9)),
  };
}

/** The route stop nearest to `km`. */
export function placeAt(route: CorridorRoute, km: number): number | undefined {
  let best: number | undefined;
  let bestGap = Infinity;
  for (const stop of route.stops) {
    const gap = Math.abs(stop.km - km);
    if (gap < bestGap) {
      bestGap = gap;
      best = stop.place;
    }
  }
  return best;
}

/** A rate as a ±25 % range (0 stays 0), for the uncertainty of a rate read from one caravan. */
export const widen = (v: number): NumberOrRange =>
  v <= 0 ? 0 : { min: round(Math.max(0, v * 0.75)), max: round(Math.min(1, v * 1.25)) };
