/**
 * The reports' check (calibrate.ts, the `km` factor) read as what it measures: a report that
 * falls outside its 90 % predictive interval says the report's noise was assumed too small as
 * often as that the day's posterior was too narrow. Read as a widening of the REPORTS' noise
 * (scale c ≥ 1, narrowing.ts `reportNoiseScale` uncapped above), a reported day's posterior
 * widens only by as much as its reports' share of it: the movement law's share (the prediction
 * from the other days) is not widened. Days without a report take the extra km² of the reported
 * days around them (calibrate.ts `dayCheckFactors`). Every factor is ≥ 1 and ≤ c: never narrower
 * than the model's own interval. EstimateOptions.reportCheckOnNoise; docs/estimation.md § cal25b.
 */
import type { LooParts } from "./narrowing.ts";

/**
 * The factor (≥ 1, ≤ scale) by which a reported day's posterior spread grows when a report's
 * noise is × `scale` (≥ 1): √((1/post + 1/own) ÷ (1/post + 1/own′)), own′ = own − noise +
 * scale²·noise; the posterior without the report (`post`) is held as it is. 1 when any variance
 * is missing.
 * @example
 * reportNoiseWidening({ miss: 0, post: 100, own: 100, noise: 100 }, 2); // ≈ 1.26
 * reportNoiseWidening({ miss: 0, post: 100, own: 100, noise: 100 }, 1); // => 1
 */
export function reportNoiseWidening(p: LooParts, scale: number): number {
  if (!(scale > 1) || !(p.post > 0) || !(p.own > 0) || !(p.noise > 0)) return 1;
  const ownScaled = p.own - p.noise + scale * scale * p.noise;
  const ratio = (1 / p.post + 1 / p.own) / (1 / p.post + 1 / ownScaled);
  return Math.min(scale, Math.max(1, Math.sqrt(ratio)));
}

/**
 * Each reported day's factor (day index → factor): the weighted mean of its reports'
 * {@link reportNoiseWidening} at `scale` (report j at day `steps[j]`, weight `weights[j]`).
 * Reports without the check's variances or weight do not count.
 * @example
 * const p = { miss: 0, post: 100, own: 100, noise: 100 };
 * reportedDayWidenings([0, 0, 2], [p, p, undefined], [1, 1, 1], 2); // Map { 0 => ≈1.26 }
 */
export function reportedDayWidenings(
  steps: readonly number[],
  parts: readonly (LooParts | undefined)[],
  weights: readonly number[],
  scale: number,
): Map<number, number> {
  const sum = new Map<number, [number, number]>();
  steps.forEach((k, j) => {
    const p = parts[j];
    const w = weights[j] ?? 0;
    if (!p || !(w > 0)) return;
    const [a, b] = sum.get(k) ?? [0, 0];
    sum.set(k, [a + w * reportNoiseWidening(p, scale), b + w]);
  });
  return new Map([...sum].map(([k, [a, b]]) => [k, a / b]));
}
