/** Isotonic (monotone) regression: the closest non-decreasing series to a noisy one. */

/**
 * Weighted isotonic regression by the pool-adjacent-violators algorithm (PAVA): the
 * non-decreasing sequence `y` minimising Σ wᵢ (yᵢ − xᵢ)². Where a later value falls below an
 * earlier one, the two (and any neighbours they drag along) are pooled into their weighted mean.
 * Used so that a cumulative total (asylum claims, returns) never falls over time, while every
 * source still pulls the result towards its own figure. Runs in O(n).
 *
 * @param values the series in time order (finite numbers).
 * @param weights one positive weight per value; default all 1.
 * @returns a new array, non-decreasing, the same length as `values`.
 * @example
 * isotonicIncreasing([1, 3, 2, 4]); // => [1, 2.5, 2.5, 4]
 */
export function isotonicIncreasing(
  values: readonly number[],
  weights: readonly number[] = [],
): number[] {
  // Each block: pooled mean, total weight, and how many values it covers.
  const means: number[] = [];
  const totals: number[] = [];
  const sizes: number[] = [];
  for (let i = 0; i < values.length; i++) {
    let mean = values[i]!;
    let total = weights[i] ?? 1;
    let size = 1;
    while (means.length > 0 && means[means.length - 1]! > mean) {
      const previousTotal = totals.pop()!;
      const previousMean = means.pop()!;
      size += sizes.pop()!;
      mean = (previousMean * previousTotal + mean * total) / (previousTotal + total);
      total += previousTotal;
    }
    means.push(mean);
    totals.push(total);
    sizes.push(size);
  }
  const result: number[] = [];
  means.forEach((mean, block) => {
    for (let k = 0; k < sizes[block]!; k++) result.push(mean);
  });
  return result;
}
