/**
 * Narrowing by the reports' own noise, fitted from their held-out residuals: the one step of the
 * self-calibration (calibrate.ts) that can make an interval narrower than the model gives it.
 *
 * What it corrects: the report noise the model ASSUMES (each report's sd: its source's noise
 * floor, 4 km × 1–2, and the body reading, 1.5 × the group's fitted spread; positions.ts). Where
 * that is larger than the reports' scatter, every day a report speaks for is read too loosely and
 * its interval is too wide; the leave-one-out scores (kmSmoother.ts) subtract the same assumed
 * noise, so the widening factors, never below 1, cannot show it (docs/estimation.md § cover23,
 * § bodyspread23). The reports' own noise scale c is fitted from the held-out residuals: the
 * smallest c (at least MIN_NOISE_SCALE, at most 1) at which 90 % of the reports, each predicted
 * from the day's posterior WITHOUT it and with its noise × c, fall inside their 90 % predictive
 * interval (the posterior's own spread is not narrowed in that check: c is the smallest the
 * residuals support). A reported day's interval is then narrowed by the factor by which its
 * posterior spread shrinks when its reports' noise is × c (`reportNarrowing`); the movement
 * law's share of the spread is not narrowed, so days far from reports stay about as wide.
 * Nothing of the model's own uncertainty (movement, the position of the median person between
 * reports) is narrowed: only the over-estimated noise term is corrected, and where any check
 * shows the model overconfident the widening applies instead (calibrate.ts `calibrateGroups`).
 */
import type { Km } from "../model/units.ts";
import type { KmDayEstimate } from "./kmSmoother.ts";

/**
 * Least noise scale (0.5): the reports' fitted noise is never below half the assumed. The same
 * bound as the outlier rate's fitted scale (positions.ts `fitOutlierScale`): a handful of
 * reports that happen to sit on their predictions must not make the intervals tight.
 */
export const MIN_NOISE_SCALE = 0.5;

/** The variances a km report's leave-one-out check was read from (kmSmoother.ts; km²). */
export interface LooParts {
  /** Squared distance of the reading from the prediction's mean ÷ Z90². */
  miss: number;
  /** The day's posterior variance without the report. */
  post: number;
  /** The report's own variance: noise plus a stretch's width and alternative readings. */
  own: number;
  /** The noise part of `own`. */
  noise: number;
}

/**
 * The scale of a report's noise at which it just falls inside its 90 % predictive interval, the
 * day's posterior without it held as the model gives it: √((miss − post − (own − noise)) ÷ noise),
 * 0 when it falls inside at any scale. Infinity when it falls outside at every scale (no noise).
 * @example
 * reportNoiseScale({ miss: 50, post: 25, own: 100, noise: 100 }); // => 0.5
 */
export function reportNoiseScale(p: LooParts): number {
  const need = p.miss - p.post - Math.max(0, p.own - p.noise);
  if (!(need > 0)) return 0;
  return p.noise > 0 ? Math.sqrt(need / p.noise) : Infinity;
}

/**
 * The factor (≤ 1, ≥ scale) by which a reported day's posterior spread shrinks when a report's
 * noise is × `scale`: √((1/post + 1/own) ÷ (1/post + 1/own′)), own′ = own − noise + scale²·noise.
 * The posterior without the report (`post`) is held as it is (its other reports would shrink it
 * too: the factor errs wide).
 * @example
 * reportNarrowing({ miss: 0, post: 100, own: 100, noise: 100 }, 0.5); // ≈ 0.632
 */
export function reportNarrowing(p: LooParts, scale: number): number {
  const c = Math.min(1, Math.max(0, scale));
  if (c >= 1 || !(p.post > 0) || !(p.own > 0) || !(p.noise > 0)) return 1;
  const ownScaled = Math.max(1e-9, p.own - p.noise + c * c * p.noise);
  const ratio = (1 / p.post + 1 / p.own) / (1 / p.post + 1 / ownScaled);
  return Math.min(1, Math.max(c, Math.sqrt(ratio)));
}

/**
 * Each day's narrowing factor (≤ 1) of a median person's `days` from its reports' factors
 * (`factors[j]` of the report at day `steps[j]`, weight `weights[j]`): on a reported day the
 * weighted mean of its reports'; on other days the km² the narrowing takes off the reported days
 * either side, (f² − 1)·h² of a reported day of half-width h, linear in days between the two
 * (the nearest's before the first report and after the last), so a day of half-width H gets
 * √(1 + cut ÷ H²), never below the lesser of its two reported days' factors.
 * Why: the over-estimated noise is a reading error of the reported days, in km; a day between
 * reports inherits it from the days around it, not as a ratio of its own spread, which the
 * movement law has made wider (as calibrate.ts `dayCheckFactors` carries a widening).
 * @example
 * const d = (h: number) => ({ median: 100, low: 100 - h, high: 100 + h });
 * narrowingFactors([d(10), d(20), d(10)], [0, 2], [0.5, 0.5], [1, 1]); // ≈ [0.5, 0.90, 0.5]
 */
export function narrowingFactors(
  days: readonly Pick<KmDayEstimate, "low" | "high">[],
  steps: readonly number[],
  factors: readonly number[],
  weights: readonly number[],
): number[] {
  const sum = new Map<number, [number, number]>();
  steps.forEach((k, j) => {
    const w = weights[j] ?? 0;
    if (!(k >= 0 && k < days.length) || !(w > 0) || !Number.isFinite(factors[j])) return;
    const [a, b] = sum.get(k) ?? [0, 0];
    sum.set(k, [a + w * Math.min(1, factors[j]), b + w]);
  });
  const reported = [...sum.keys()].sort((a, b) => a - b);
  const at = new Map(reported.map((k) => [k, sum.get(k)![0] / sum.get(k)![1]]));
  const half = days.map((d) => Math.max(0, (d.high - d.low) / 2));
  const cut = (k: number): number => (at.get(k)! ** 2 - 1) * half[k] ** 2;
  let next = 0;
  return days.map((_, k) => {
    if (reported.length === 0) return 1;
    while (next < reported.length && reported[next] < k) next++;
    if (reported[next] === k) return at.get(k)!;
    const b = reported[next - 1];
    const a = reported[next];
    let e: number;
    let least: number;
    if (b === undefined) [e, least] = [cut(a), at.get(a)!];
    else if (a === undefined) [e, least] = [cut(b), at.get(b)!];
    else {
      e = cut(b) + ((cut(a) - cut(b)) * (k - b)) / (a - b);
      least = Math.min(at.get(a)!, at.get(b)!);
    }
    if (!(half[k] > 0)) return 1;
    return Math.min(1, Math.max(least, Math.sqrt(Math.max(0, 1 + e / half[k] ** 2))));
  });
}

/**
 * A km day's 90 % interval (and sd) narrowed by `factor` (≤ 1) about its median: each side's
 * half-width × factor. A factor of 1 or more leaves the day as it is (widening is calibrate.ts
 * `widenKmDay`'s).
 * @example
 * narrowKmDay({ median: 100, low: 80, high: 130, mean: 102, sd: 15 }, 0.5);
 * // => { median: 100, low: 90, high: 115, mean: 102, sd: 7.5 }
 */
export function narrowKmDay(d: KmDayEstimate, factor: number): KmDayEstimate {
  if (!(factor < 1) || !(factor > 0)) return d;
  const low: Km = d.median - factor * (d.median - d.low);
  const high: Km = d.median + factor * (d.high - d.median);
  return { ...d, low, high, sd: d.sd * factor };
}
