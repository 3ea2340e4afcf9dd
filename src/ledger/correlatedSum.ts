/**
 * The 90 % interval of a total of several groups' estimates (people in transit, the people who
 * left) when the groups' errors are neither independent nor all the same: docs/ledger.md
 * "Intervals of totals" gives the rule, the default correlation and the figures behind it.
 */

/** An estimate with its 90 % interval (`low ≤ value ≤ high`, people). */
export interface IntervalEstimate {
  value: number;
  low: number;
  high: number;
}

/**
 * Default correlation between two groups' errors (0–1). Group sizes share causes of error (the
 * same few sources report every caravan, with the same habits of rounding and overstating; the
 * estimator's size prior is one for all groups), so errors are not independent (0), nor the
 * same for every group (1, the sum of the bounds). On simulated worlds the errors correlate about
 * 0.3; the default is set above that because real sources share more than the simulators do and
 * the groups' own intervals still cover too little on the stress worlds (docs/ledger.md).
 */
export const GROUP_ERROR_CORRELATION = 0.5;

/**
 * Checks a correlation given by a caller: a number from 0 to 1.
 * @throws RangeError with a sentence naming the value otherwise.
 */
export function checkCorrelation(correlation: number): number {
  if (!(correlation >= 0 && correlation <= 1)) {
    throw new RangeError(
      `The correlation of group errors must be a number from 0 (independent) to 1 (all alike); got ${String(correlation)}.`,
    );
  }
  return correlation;
}

/**
 * Half-width of a total from the parts' half-widths `d` when every pair of errors has correlation
 * ρ: √((1 − ρ) Σ dᵢ² + ρ (Σ dᵢ)²). ρ = 0 is the root sum of squares, ρ = 1 the plain sum.
 */
function combinedHalfWidth(d: readonly number[], rho: number): number {
  let sum = 0;
  let squares = 0;
  for (const x of d) {
    sum += x;
    squares += x * x;
  }
  return Math.sqrt(Math.max(0, (1 - rho) * squares + rho * sum * sum));
}

/**
 * The total of several estimates with a 90 % interval, when every pair of errors has correlation
 * `correlation`. The value is the plain sum (so totals stay conserved); the distances below and
 * above it are combined apart (an interval skewed upwards stays so) by the rule of linear error
 * propagation with correlated inputs: each side's half-width is √((1 − ρ) Σ dᵢ² + ρ (Σ dᵢ)²).
 * One part gives its own interval back; ρ = 1 gives the sum of the bounds, ρ = 0 the root sum of
 * squares. A part with a non-finite bound counts no width on that side.
 * @param parts estimates with their 90 % intervals (people); bounds on the wrong side of the value
 *   count as no width.
 * @param correlation ρ, 0–1; default {@link GROUP_ERROR_CORRELATION}.
 * @returns the sum with its interval (`low ≥ 0` when every part's `low ≥ 0`); zeros for no parts.
 * @example
 * sumCorrelated([{ value: 100, low: 80, high: 130 }, { value: 100, low: 80, high: 130 }], 0);
 * // => { value: 200, low: 171.7…, high: 242.4… }  (the sum of the bounds would give 160–260)
 */
export function sumCorrelated(
  parts: readonly IntervalEstimate[],
  correlation: number = GROUP_ERROR_CORRELATION,
): IntervalEstimate {
  const rho = checkCorrelation(correlation);
  let value = 0;
  const below: number[] = [];
  const above: number[] = [];
  for (const p of parts) {
    value += p.value;
    below.push(Number.isFinite(p.low) ? Math.max(0, p.value - p.low) : 0);
    above.push(Number.isFinite(p.high) ? Math.max(0, p.high - p.value) : 0);
  }
  return {
    value,
    low: value - combinedHalfWidth(below, rho),
    high: value + combinedHalfWidth(above, rho),
  };
}
