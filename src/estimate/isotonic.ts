/** Isotonic (non-decreasing) regression: the forward-only track of the association (trackCost.ts). */

/**
 * Weighted isotonic (non-decreasing) regression by pool-adjacent-violators.
 * @example
 * isotonic([1, 3, 2, 4], [1, 1, 1, 1]); // => [1, 2.5, 2.5, 4]
 */
export function isotonic(y: readonly number[], w: readonly number[]): number[] {
  const value: number[] = [];
  const weight: number[] = [];
  const count: number[] = [];
  for (let i = 0; i < y.length; i++) {
    value.push(y[i]);
    weight.push(Math.max(w[i], 1e-9));
    count.push(1);
    while (value.length > 1 && value[value.length - 2] > value[value.length - 1]) {
      const b = value.length - 1;
      const wSum = weight[b - 1] + weight[b];
      value[b - 1] = (value[b - 1] * weight[b - 1] + value[b] * weight[b]) / wSum;
      weight[b - 1] = wSum;
      count[b - 1] += count[b];
      value.pop();
      weight.pop();
      count.pop();
    }
  }
  const out: number[] = [];
  for (let b = 0; b < value.length; b++) for (let k = 0; k < count[b]; k++) out.push(value[b]);
  return out;
}
