/**
 * Scores of held-out predictions: coverage of the 50 % and 90 % predictive intervals, median
 * absolute error, median width and the PIT histogram (probability integral transform: where each
 * report fell in its predictive distribution; flat when the model is calibrated, U-shaped when it
 * is overconfident, peaked in the middle when it is too cautious).
 */
import { ALPHA_90, intervalScore } from "./intervalScore.ts";

/** One held-out prediction of one quantity (km of a body part, or log size). */
export interface HeldOutPrediction {
  /** Sighting id. */
  id: string;
  /** Group of the full-data estimate, and the group of the fold's estimate it was predicted from. */
  group: string;
  predictedFrom: string;
  source: string;
  part: "head" | "median" | "tail";
  fold: number;
  quantity: "km" | "size";
  /** The report: km along the route, or people. */
  value: number;
  /** Predicted report (the model's estimate plus the source's bias for sizes); same units. */
  predicted: number;
  low50: number;
  high50: number;
  low90: number;
  high90: number;
  /** P(report ≤ value) under the predictive distribution. */
  pit: number;
  /** Nonconformity score: widening of the model's interval that just covers the report at 90 %. */
  score: number;
  /** The 90 % interval widened with the factor fitted on the other folds (cross-fitted). */
  low90Widened?: number;
  high90Widened?: number;
}

/** Scores of a set of predictions. Units: km for positions; for sizes, errors are |log ratio|. */
export interface CheckScores {
  n: number;
  /** Shares of reports inside their 50 % and 90 % predictive intervals (NaN when n = 0). */
  coverage50: number;
  coverage90: number;
  /** Share inside the 90 % interval widened with the factor fitted on the other folds. */
  coverage90Widened: number;
  /** Median |report − predicted|: km, or |log(report ÷ predicted)| for sizes. */
  medianError: number;
  /** Median width of the 90 % predictive intervals: km, or log(high ÷ low) for sizes. */
  medianWidth90: number;
  /** The same for the widened intervals: what the honesty costs. */
  medianWidth90Widened: number;
  /**
   * Mean interval score of the 90 % predictive intervals (./intervalScore.ts, alpha = 0.1): width
   * plus 20 × the distance of a miss; km, or log units for sizes. Lower is sharper and honest.
   */
  intervalScore90: number;
  /** PIT histogram: counts in 10 equal bins of [0, 1]. */
  pit: number[];
}

export const PIT_BINS = 10;

/**
 * Scores predictions (sizes are compared on the log scale).
 * @example
 * scorePredictions([]).n; // => 0
 */
export function scorePredictions(predictions: readonly HeldOutPrediction[]): CheckScores {
  const n = predictions.length;
  const pit = new Array<number>(PIT_BINS).fill(0);
  let in50 = 0;
  let in90 = 0;
  let widened = 0;
  const errors: number[] = [];
  const widths: number[] = [];
  const widthsWidened: number[] = [];
  let scoreSum = 0;
  for (const p of predictions) {
    const log = p.quantity === "size";
    const f = (x: number): number => (log ? Math.log(x) : x);
    if (p.value >= p.low50 && p.value <= p.high50) in50++;
    if (p.value >= p.low90 && p.value <= p.high90) in90++;
    const low = p.low90Widened ?? p.low90;
    const high = p.high90Widened ?? p.high90;
    if (p.value >= low && p.value <= high) widened++;
    errors.push(Math.abs(f(p.value) - f(p.predicted)));
    widths.push(f(p.high90) - f(p.low90));
    scoreSum += intervalScore(f(p.low90), f(p.high90), f(p.value), ALPHA_90);
    widthsWidened.push(f(high) - f(low));
    pit[Math.min(PIT_BINS - 1, Math.max(0, Math.floor(p.pit * PIT_BINS)))]++;
  }
  return {
    n,
    coverage50: n ? in50 / n : NaN,
    coverage90: n ? in90 / n : NaN,
    coverage90Widened: n ? widened / n : NaN,
    medianError: median(errors),
    medianWidth90: median(widths),
    medianWidth90Widened: median(widthsWidened),
    intervalScore90: n ? scoreSum / n : NaN,
    pit,
  };
}

/** Median of numbers (NaN for none). */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
