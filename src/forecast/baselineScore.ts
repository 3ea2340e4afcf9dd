/**
 * One rule for scoring a forecast against the last-two-reports baseline (issue 14), shared by the
 * 2018 backtest (`backtestArrivals`) and the simulators' benches: a case the baseline cannot
 * forecast (fewer than two report times, or its two latest reports do not move forward, so
 * `lastTwoReportsArrival` gives no date) is left out of BOTH sides and counted, never scored as a
 * fixed number of days off. Errors are absolute, in days.
 */

/** Running sums of one set of cases (one lead, one bench). */
export interface BaselineTally {
  /** Cases scored (the baseline has a forecast). */
  n: number;
  /** Cases left out because the baseline has no speed. */
  noBaseline: number;
  /** Sum of |model − observed| over the scored cases (days). */
  model: number;
  /** Sum of |baseline − observed| over the scored cases (days). */
  baseline: number;
}

/** An empty tally. */
export function emptyTally(): BaselineTally {
  return { n: 0, noBaseline: 0, model: 0, baseline: 0 };
}

/**
 * Whether the baseline can forecast the case: its arrival (or error) is a finite number.
 * @example baselineCanForecast(undefined); // => false
 */
export function baselineCanForecast(baseline: number | undefined): baseline is number {
  return baseline !== undefined && Number.isFinite(baseline);
}

/**
 * Adds one case: scored when the baseline can forecast it, else counted in `noBaseline`.
 * @param modelErrorDays model p50 − observed (days, signed or absolute).
 * @param baselineErrorDays baseline − observed, `undefined` when the baseline has no speed.
 * @returns whether the case was scored.
 * @example
 * const t = emptyTally(); tallyCase(t, 2, undefined); tallyCase(t, -1, 3); // t => { n: 1, noBaseline: 1, model: 1, baseline: 3 }
 */
export function tallyCase(
  tally: BaselineTally,
  modelErrorDays: number,
  baselineErrorDays: number | undefined,
): boolean {
  if (!baselineCanForecast(baselineErrorDays)) {
    tally.noBaseline++;
    return false;
  }
  tally.n++;
  tally.model += Math.abs(modelErrorDays);
  tally.baseline += Math.abs(baselineErrorDays);
  return true;
}

/**
 * Model MAE / baseline MAE over the scored cases (NaN when none; Infinity when the baseline is
 * exact on every case and the model is not).
 */
export function tallyRatio(tally: BaselineTally): number {
  if (tally.n === 0) return Number.NaN;
  return tally.model / tally.baseline;
}
