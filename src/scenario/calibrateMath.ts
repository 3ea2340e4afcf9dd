/** Small estimators of the "like 2018" calibration: rounding, Wilson intervals, spreads, speeds. */
import type { CorridorRoute } from "../geo/corridor.ts";
import type { MovementModel } from "../movement/index.ts";
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

/**
 * The mean distance (km) a moving day carries a group past a place it reaches — the renewal
 * overshoot E[Y²] ÷ 2 E[Y] of a moving day's move Y under `law` (walks normal, rides uniform on
 * their range or, for long rides, above it). By Wald's identity a group that covers `D` km moving
 * `μ` km a day on average reaches its end on day (D + overshoot) ÷ μ on average, not D ÷ μ:
 * a caravan halting at a place does not walk past it, the law's days do.
 */
export function meanOvershootKm(law: MovementModel): number {
  const uniform = (a: number, b: number) => [(a + b) / 2, (a * a + a * b + b * b) / 3] as const;
  const { mean, sd } = law.walkKm;
  const short = uniform(law.rideKm.min, law.rideKm.max);
  const long = uniform(law.rideKm.max, law.longRideMaxKm);
  const pl = law.longRideProb;
  const { walk, ride } = law.regimes;
  const m1 = walk * mean + ride * ((1 - pl) * short[0] + pl * long[0]);
  const m2 = walk * (mean * mean + sd * sd) + ride * ((1 - pl) * short[1] + pl * long[1]);
  return m1 > 0 ? m2 / (2 * m1) : 0;
}
