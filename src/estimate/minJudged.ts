/**
 * How many held-out scores the self-calibration (calibrate.ts) and the held-out check (src/check/)
 * need before they judge an interval: its own module so that the note saying "too few"
 * (calibrationText.ts) reads it without importing the calibration.
 */

/**
 * Fewest scores a factor is judged by (default 10): a pool of fewer reports leaves the intervals
 * as the model gives them (factor 1: never narrowed, not widened). The 90 % conformal quantile,
 * the ⌈(n + 1)·0.9⌉-th smallest of n scores, exists only from n = 9; below, the largest score
 * stood in for it — what one report says — and 5 reports of one group widened every day's
 * interval × 2.7 (docs/estimation.md "Too few to judge"). The held-out check (src/check/) judges
 * by the same number. See calibrate.ts `judgeable`.
 */
export const MIN_JUDGED = 10;
