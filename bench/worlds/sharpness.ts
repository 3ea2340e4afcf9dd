/**
 * Sharpness beside cover, one helper for every bench (stress, simulate.ts, world3): for each
 * interval family (median-person km, size, head km, tail km) the widths of the 90 % intervals and
 * their interval scores (src/check/intervalScore.ts, Gneiting–Raftery, alpha = 0.1).
 *
 * Cover alone is met trivially by wide intervals; the median width says whether an interval is
 * useful and the interval score (width + 20 × the distance of a miss) weighs both. Units: km for
 * km intervals; sizes on the log scale, printed as the median high ÷ low ratio and a log-unit
 * score.
 */
import { ALPHA_90, intervalScore } from "../../src/index.ts";
import { median } from "../../src/check/score.ts"; // the check's median: one rule for both

/** One interval family's days: widths (km, or log(high ÷ low)) and the sum of interval scores. */
export interface Sharp {
  widths: number[];
  scoreSum: number;
}

/** The four families the benches cover-score. */
export interface Sharpness {
  km: Sharp;
  size: Sharp;
  head: Sharp;
  tail: Sharp;
}

/** Empty tallies. */
export function emptySharpness(): Sharpness {
  const one = (): Sharp => ({ widths: [], scoreSum: 0 });
  return { km: one(), size: one(), head: one(), tail: one() };
}

/** Adds `b` into `a` (returns `a`). */
export function addSharpness(a: Sharpness, b: Sharpness): Sharpness {
  for (const k of ["km", "size", "head", "tail"] as const) {
    for (const w of b[k].widths) a[k].widths.push(w);
    a[k].scoreSum += b[k].scoreSum;
  }
  return a;
}

/**
 * Counts one day's 90 % interval [low, high] against the truth `x`; `log` for sizes (people),
 * scored on the log scale. A day whose interval is not finite is skipped (no width to speak of).
 */
export function tallyInterval(t: Sharp, low: number, high: number, x: number, log = false): void {
  const f = (v: number): number => (log ? Math.log(v) : v);
  const [lo, hi, tr] = [f(low), f(high), f(x)];
  if (![lo, hi, tr].every(Number.isFinite)) return;
  t.widths.push(hi - lo);
  t.scoreSum += intervalScore(lo, hi, tr, ALPHA_90);
}

/** Median width and mean interval score of a family (NaN for none). */
export function sharpFigures(t: Sharp): { medianWidth: number; meanScore: number; n: number } {
  const n = t.widths.length;
  return { medianWidth: median(t.widths), meanScore: n ? t.scoreSum / n : NaN, n };
}

/**
 * The words printed beside a cover figure: "width 412 km, IS 530 km" for km families,
 * "high ÷ low ×2.10, IS 1.32 log" for sizes ("–" when nothing was scored).
 */
export function sharpText(t: Sharp, kind: "km" | "size"): string {
  const f = sharpFigures(t);
  if (f.n === 0) return "width –, IS –";
  return kind === "km"
    ? `median width ${f.medianWidth.toFixed(0)} km, IS ${f.meanScore.toFixed(0)} km`
    : `median high ÷ low ×${Math.exp(f.medianWidth).toFixed(2)}, IS ${f.meanScore.toFixed(2)} log`;
}
