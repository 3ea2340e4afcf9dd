/**
 * Sharpness of an interval beside its cover: the interval score of Gneiting and Raftery (2007,
 * "Strictly proper scoring rules, prediction, and estimation", JASA 102, eq. 43). For a central
 * (1 − alpha) interval [low, high] and the true value x:
 *
 *   score = (high − low) + (2 / alpha)·(low − x)⁺ + (2 / alpha)·(x − high)⁺
 *
 * Lower is better. It charges the width on every day and a miss by 2 / alpha times its distance
 * (20× at alpha = 0.1, the 90 % intervals every goal names), so an interval wide enough to cover
 * always scores its width, and a narrow one that misses pays for it: cover says the intervals are
 * honest, width and score say whether they are useful. Units: those of the values (km; for sizes
 * the caller passes logs, so the score is in log units).
 */

/** The miss level of the 90 % intervals: alpha = 0.1. */
export const ALPHA_90 = 0.1;

/**
 * Interval score of [low, high] for the true value `x` at level 1 − `alpha` (default 0.1).
 * @example
 * intervalScore(10, 20, 15); // => 10 (covered: the width)
 * intervalScore(10, 20, 25); // => 110 (width 10 + 20 × 5 km past the high end)
 */
export function intervalScore(low: number, high: number, x: number, alpha = ALPHA_90): number {
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be in (0, 1), got ${alpha}`);
  const lo = Math.min(low, high);
  const hi = Math.max(low, high);
  const miss = Math.max(0, lo - x) + Math.max(0, x - hi);
  return hi - lo + (2 / alpha) * miss;
}
