/**
 * The predictive distribution of a report: the model's uncertainty about the quantity (a two-
 * piece normal through its estimate and 90 % interval, scaled by a factor) plus the report's own noise (a normal
 * spread, and for a report that names a town, a uniform offset over the town's catchment).
 *
 * report = truth + offset + noise, truth ~ two-piece normal(mid, sdLow·scale, sdHigh·scale),
 * offset ~ uniform[offsetLow, offsetHigh], noise ~ normal(0, noiseSd²).
 * The noise normal is folded into the two-piece normal (variances add on each side): exact when the
 * interval is symmetric, close otherwise.
 */
import { normalCdf, Z90 } from "../util/normal.ts";
import type { Interval90 } from "./bodyTrack.ts";

export interface Predictive {
  /** The model's estimate and 90 % interval of the quantity the report measures. */
  model: Interval90;
  /** Sd of the report's noise, in the quantity's units (≥ 0). */
  noiseSd: number;
  /** Report − truth is uniform on [offsetLow, offsetHigh] (0, 0 for none); plus a constant shift. */
  offsetLow: number;
  offsetHigh: number;
  /**
   * A report that may describe only a part of what is predicted (a figure of the vanguard or the
   * stragglers rather than of the whole group): with probability `weight`, report − truth is
   * uniform on [offsetLow, offsetHigh] of this instead (e.g. log 5 − log N … log 0.4).
   */
  part?: { weight: number; offsetLow: number; offsetHigh: number };
  /**
   * Other things the report may describe, each with its probability (summing to at most 1; the
   * `model` takes the rest): e.g. a position report that names no part but counts a small share of
   * the group may be of its head or its tail, predicted from that end's interval. Each is read
   * like `model` (same noise and offset, widened by the same scale).
   */
  alternatives?: readonly { weight: number; model: Interval90 }[];
}

// Points of the midpoint rule over the uniform offset: enough for a CDF to ~1e-3.
const OFFSET_POINTS = 24;

/**
 * P(report ≤ x) with the model's interval widened by `scale` (1 = as estimated).
 * @example
 * predictiveCdf({ model: { mid: 0, low: -1.645, high: 1.645 }, noiseSd: 0, offsetLow: 0, offsetHigh: 0 }, 0); // => 0.5
 */
export function predictiveCdf(p: Predictive, x: number, scale = 1): number {
  if (p.alternatives?.length) {
    let rest = 1;
    let sum = 0;
    for (const a of p.alternatives) {
      if (!(a.weight > 0)) continue;
      rest -= a.weight;
      sum += a.weight * predictiveCdf({ ...p, model: a.model, alternatives: undefined }, x, scale);
    }
    const main = predictiveCdf({ ...p, alternatives: undefined }, x, scale);
    return Math.max(0, rest) * main + sum;
  }
  const whole = offsetCdf(p, x, scale, p.offsetLow, p.offsetHigh);
  if (!p.part || !(p.part.weight > 0)) return whole;
  const part = offsetCdf(p, x, scale, p.part.offsetLow, p.part.offsetHigh);
  return (1 - p.part.weight) * whole + p.part.weight * part;
}

/** P(report ≤ x) when report − truth − noise is uniform on [offsetLow, offsetHigh]. */
function offsetCdf(
  p: Predictive,
  x: number,
  scale: number,
  offsetLow: number,
  offsetHigh: number,
): number {
  const sdLow = Math.hypot(((p.model.mid - p.model.low) / Z90) * scale, p.noiseSd);
  const sdHigh = Math.hypot(((p.model.high - p.model.mid) / Z90) * scale, p.noiseSd);
  const width = offsetHigh - offsetLow;
  const points = width > 0 ? OFFSET_POINTS : 1;
  let sum = 0;
  for (let i = 0; i < points; i++) {
    const offset = width > 0 ? offsetLow + ((i + 0.5) / points) * width : offsetLow;
    sum += twoPieceCdf(x - offset - p.model.mid, sdLow, sdHigh);
  }
  return sum / points;
}

/**
 * Two-piece normal CDF at `d` from its median: half the mass on each side, sd `sdLow` below and
 * `sdHigh` above (0 = all of that half at the median). Its median and 5 %/95 % quantiles are
 * exactly the model's estimate and 90 % bounds, however lopsided the interval.
 */
function twoPieceCdf(d: number, sdLow: number, sdHigh: number): number {
  if (d < 0) return sdLow > 0 ? normalCdf(d / sdLow) : 0;
  return sdHigh > 0 ? normalCdf(d / sdHigh) : 1;
}

/** The `q` quantile of the predictive distribution (bisection; to 1e-6 of the span). */
export function predictiveQuantile(p: Predictive, q: number, scale = 1): number {
  const spread =
    (p.model.high - p.model.low) * Math.max(1, scale) +
    10 * p.noiseSd +
    Math.abs(p.offsetLow) +
    Math.abs(p.offsetHigh) +
    (p.part ? Math.abs(p.part.offsetLow) + Math.abs(p.part.offsetHigh) : 0) +
    (p.alternatives ?? []).reduce(
      (sum, a) => sum + Math.abs(a.model.mid - p.model.mid) + (a.model.high - a.model.low),
      0,
    ) +
    1e-9;
  let lo = p.model.mid - 20 * spread;
  let hi = p.model.mid + 20 * spread;
  for (let i = 0; i < 60 && hi - lo > 1e-6 * spread; i++) {
    const mid = (lo + hi) / 2;
    if (predictiveCdf(p, mid, scale) < q) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** The central predictive interval holding `level` (e.g. 0.9) of the mass. */
export function predictiveInterval(p: Predictive, level: number, scale = 1): [number, number] {
  const tail = (1 - level) / 2;
  return [predictiveQuantile(p, tail, scale), predictiveQuantile(p, 1 - tail, scale)];
}

/**
 * Nonconformity score of a report: the smallest factor by which the model's interval must be
 * widened for the central `level` predictive interval to contain `x` (0 when the report's own
 * noise already covers it; capped at `maxScale`). With no report noise it is |x − mid| divided by
 * the half-width on x's side.
 */
export function scaleNeeded(p: Predictive, x: number, level = 0.9, maxScale = 1000): number {
  const tail = (1 - level) / 2;
  const inside = (scale: number): boolean => {
    const u = predictiveCdf(p, x, scale);
    return u >= tail && u <= 1 - tail;
  };
  if (inside(0)) return 0;
  if (!inside(maxScale)) return maxScale;
  let lo = 0;
  let hi = maxScale;
  // Bisection on a log scale: scores span orders of magnitude.
  for (let i = 0; i < 50 && hi - lo > 1e-4 * hi; i++) {
    const mid = lo === 0 ? Math.min(hi / 2, 1e-3) : Math.sqrt(lo * hi);
    if (inside(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}
