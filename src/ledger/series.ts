/**
 * One series of figures for the same thing (a category at a place): same-day figures reconciled
 * into one point, then laid on a daily grid, monotone when the figures are cumulative.
 */
import type { StockBasis } from "../model/stock.ts";
import { isotonicIncreasing } from "./isotonic.ts";
import { relativeError } from "./weights.ts";

/** One source's figure, as the series sees it. */
export interface SeriesFigure {
  /** 0-based index into `dataset.stocks`. */
  row: number;
  day: number;
  value: number;
  weight: number;
  /** `lower` for "over X" / "at least X", `upper` for "up to X"; undefined for a plain figure. */
  bound?: "lower" | "upper";
}

/** Figures of one day reconciled into one value with a 90 % interval. */
export interface SeriesPoint {
  day: number;
  value: number;
  low: number;
  high: number;
  /** Sum of the weights of the figures pooled here. */
  weight: number;
  rows: number[];
}

/** A value with its 90 % interval on one day. */
export interface DailyValue {
  value: number;
  low: number;
  high: number;
}

/**
 * Reconciles the figures of one day: the weighted mean (weights = source kind × confidence), with an
 * interval spanning every figure's own interval (value ± its relative error), so disagreement
 * between sources widens the interval rather than vanishing.
 * @param figures at least one figure, all for the same thing on the same day.
 * @example
 * reconcileDay([{ row: 0, day: 0, value: 100, weight: 1 }, { row: 1, day: 0, value: 200, weight: 1 }]).value; // => 150
 */
export function reconcileDay(figures: readonly SeriesFigure[]): SeriesPoint {
  let total = 0;
  let sum = 0;
  let low = Infinity;
  let high = -Infinity;
  let atLeast = -Infinity;
  let atMost = Infinity;
  for (const f of figures) {
    total += f.weight;
    sum += f.weight * f.value;
    // A bound is exact on its own side ("over 3,700" is never below 3,700; "fewer than 1,000"
    // never above 1,000) and twice as loose on the other: its interval lies on one side of it.
    const error = relativeError(f.weight);
    const below = f.bound === "upper" ? 2 * error : f.bound === "lower" ? 0 : error;
    const above = f.bound === "lower" ? 2 * error : f.bound === "upper" ? 0 : error;
    low = Math.min(low, f.value * (1 - below));
    high = Math.max(high, f.value * (1 + above));
    if (f.bound === "lower") atLeast = Math.max(atLeast, f.value);
    if (f.bound === "upper") atMost = Math.min(atMost, f.value);
  }
  let value = sum / total;
  // A trusted bound moves the mean to it when the sources are consistent ("over X" and a lower figure).
  if (atLeast <= atMost) value = Math.min(Math.max(value, atLeast), atMost);
  return {
    day: figures[0]!.day,
    value,
    low,
    high,
    weight: total,
    rows: figures.map((f) => f.row),
  };
}

/**
 * Groups figures by day and reconciles each day ({@link reconcileDay}); points in day order.
 */
export function pointsByDay(figures: readonly SeriesFigure[]): SeriesPoint[] {
  const byDay = new Map<number, SeriesFigure[]>();
  for (const f of figures) {
    const list = byDay.get(f.day);
    if (list) list.push(f);
    else byDay.set(f.day, [f]);
  }
  return [...byDay.keys()].sort((a, b) => a - b).map((day) => reconcileDay(byDay.get(day)!));
}

/**
 * Makes the points of a cumulative series non-decreasing: values by weighted isotonic regression
 * (points pooled together get the interval spanning all of them: the sources disagree), then
 * lower bounds by a running maximum from the left (at least L by day t means at least L later),
 * upper bounds by a running minimum from the right (at most H later means at most H before).
 * @returns new points; the input is not changed.
 */
export function monotonePoints(points: readonly SeriesPoint[]): SeriesPoint[] {
  const values = isotonicIncreasing(
    points.map((p) => p.value),
    points.map((p) => p.weight),
  );
  const out = points.map((p, i) => ({ ...p, value: values[i]! }));
  // Points pooled together (a run of equal fitted values) disagree: their interval spans all of them.
  for (let start = 0; start < out.length;) {
    let end = start + 1;
    while (end < out.length && Math.abs(out[end]!.value - out[start]!.value) < 1e-9) end++;
    if (end - start > 1) {
      const block = out.slice(start, end);
      const low = Math.min(...block.map((p) => p.low));
      const high = Math.max(...block.map((p) => p.high));
      for (const p of block) {
        p.low = low;
        p.high = high;
      }
    }
    start = end;
  }
  for (let i = 1; i < out.length; i++) out[i]!.low = Math.max(out[i]!.low, out[i - 1]!.low);
  for (let i = out.length - 2; i >= 0; i--) out[i]!.high = Math.min(out[i]!.high, out[i + 1]!.high);
  for (const p of out) {
    p.low = Math.min(p.low, p.value);
    p.high = Math.max(p.high, p.value);
  }
  return out;
}

/** How a series is laid on days between and after its points. */
export interface DailyOptions {
  /** Days a `present` figure holds after the last point, or across a gap too long to bridge. */
  holdDays: number;
  /** Longest gap between two `present` points bridged by a straight line. */
  maxGapDays: number;
  /**
   * A cumulative series holds each point until the next (a step) rather than drawing a straight
   * line to it: the value on a day is then a figure published by that day. Default false (the
   * hindsight ledger's line between figures).
   */
  cumulativeSteps?: boolean;
  /**
   * Figures after the last point may still come (a ledger as of a date: the next count is not
   * known yet): a `present` series then holds its last point as long as a gap to a next figure
   * would be bridged (`maxGapDays`), not `holdDays` ({@link presentHoldDays}). Default false (the
   * hindsight ledger, where the last point is the last figure there is).
   */
  openEnd?: boolean;
  /**
   * With `openEnd`: days a `present` count with no later figure known stands (default
   * {@link PRESENT_AS_OF_DAYS}); after that, as of the date, it is too old to read.
   */
  openHoldDays?: number;
}

/**
 * Days a count of people present stands, as of a date, when no newer count of its place is known
 * (10): a count is a snapshot, and the 2018 groups rested at a place days, not weeks (Mexico City
 * 4–10 Nov, Mexicali from 19 Nov); after 10 days without a newer count the people it counted may
 * have moved on, so the as-of ledger no longer reads it (they are `unknown`, "not counted since")
 * rather than holding a figure weeks old (as of 3 Dec 2018, Mexicali's 3,224 of 19 Nov, when
 * hindsight has 1,392 there). Past the ledger's `holdDays` (3) its value and its interval's low end
 * fall linearly to 0 over the rest of those days ({@link presentAgeFactor}), so the as-of series
 * moves the count to unknown one equal step a day rather than all at once.
 */
export const PRESENT_AS_OF_DAYS = 10;

/**
 * The one hold rule of a `present` series (people at a place): how many days its value `a` stands
 * after its day when no straight line runs on from it.
 * - Across a gap to the next figure longer than `maxGapDays`, or after the last figure of the data
 *   (hindsight): `holdDays` (a count is a snapshot; people move on, and the sources said nothing).
 * - After the last figure known by an as-of date (`openEnd`): `openHoldDays`
 *   ({@link PRESENT_AS_OF_DAYS}, 10; at most `maxGapDays`), so people counted a few days before
 *   are not made "unknown" only because the next count had not come out yet, while a count
 *   weeks old is not read as if it were current.
 * @param hasNext whether a later figure of the series is known.
 * @example
 * presentHoldDays({ holdDays: 3, maxGapDays: 30, openEnd: true }, false); // => 10
 */
export function presentHoldDays(options: DailyOptions, hasNext: boolean): number {
  if (hasNext || options.openEnd !== true) return options.holdDays;
  return Math.min(options.maxGapDays, options.openHoldDays ?? PRESENT_AS_OF_DAYS);
}

/**
 * The share of a `present` count read `age` days after its day when it is held (no line runs on
 * from it): 1 up to `holdDays`, then falling by the same step, `1 / (hold − holdDays + 1)` per day,
 * to 0 on the first day after `hold` (when the count is no longer read). As of a date
 * (`holdDays` 3, `hold` {@link PRESENT_AS_OF_DAYS} 10): 7/8 on day 4, … 1/8 on day 10, 0 on day 11,
 * so a count of 3,224 moves 403 people a day to unknown. Unitless (a share of people).
 * @example
 * presentAgeFactor(5, 3, 10); // => 0.75
 */
export function presentAgeFactor(age: number, holdDays: number, hold: number): number {
  const past = Math.max(0, age - holdDays);
  if (past === 0) return 1;
  if (age > hold) return 0;
  return 1 - past / (hold - holdDays + 1);
}

function lerp(a: number, b: number, t: number): number {
  return a + (b - a) * t;
}

/**
 * A series read on one day: its value, the day of the figure it is read from (the last point on or
 * before the day) and for how many days that figure has been held (0 on the figure's own day or
 * on a straight line to the next figure): what the town rule (`townCounts.ts`) needs to tell a
 * count still current from one held only because no newer count of it was known.
 */
export interface SeriesReading extends DailyValue {
  /** Day number of the figure the value is read from. */
  countDay: number;
  /** Days the figure has been held past its day; 0 when it is not held. */
  heldDays: number;
  /**
   * People of the figure no longer read because of its age (`value` is the figure less them;
   * {@link presentAgeFactor}); 0 when the figure is read in full. The town rule reads the figure
   * whole and takes its age off after the takeovers, so the two never remove the same people twice.
   */
  aged: number;
}

/**
 * Value of a series on `day`. Before its first point: `undefined` (the sources say nothing yet).
 * Between points: a straight line (for `present` series only across gaps ≤ `maxGapDays`; a longer
 * gap holds the earlier value `holdDays`, then `undefined`; with `cumulativeSteps` a cumulative
 * series holds its last point until the next). After the last point: a cumulative
 * series keeps its last value (a total never falls); a present one holds it
 * {@link presentHoldDays} (`holdDays`, or `maxGapDays` as of a date).
 * @param points reconciled points in day order (monotone already when cumulative).
 */
export function valueOnDay(
  points: readonly SeriesPoint[],
  basis: StockBasis,
  day: number,
  options: DailyOptions,
): DailyValue | undefined {
  const r = readSeries(points, basis, day, options);
  return r && { value: r.value, low: r.low, high: r.high };
}

/**
 * {@link valueOnDay} with the day of the figure read and the days it has been held
 * ({@link SeriesReading}). A cumulative series' step is not counted as held (a total stands).
 */
export function readSeries(
  points: readonly SeriesPoint[],
  basis: StockBasis,
  day: number,
  options: DailyOptions,
): SeriesReading | undefined {
  if (points.length === 0 || day < points[0]!.day) return undefined;
  // Binary search for the last point on or before `day`.
  let lo = 0;
  let hi = points.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (points[mid]!.day <= day) lo = mid;
    else hi = mid - 1;
  }
  const a = points[lo]!;
  const b = points[lo + 1];
  if (
    a.day === day ||
    (basis === "cumulative" && (b === undefined || options.cumulativeSteps === true))
  ) {
    return { value: a.value, low: a.low, high: a.high, countDay: a.day, heldDays: 0, aged: 0 };
  }
  const gap = b === undefined ? Infinity : b.day - a.day;
  if (b === undefined || (basis === "present" && gap > options.maxGapDays)) {
    const age = day - a.day;
    const hold = presentHoldDays(options, b !== undefined);
    if (age > hold) return undefined;
    // Held past `holdDays` (as of a date): the people may have moved on since, so the value and
    // the interval's low end fall linearly from the count's to 0 one day after the hold ends
    // (`presentAgeFactor`): each day moves the same share of the count to unknown, no cliff.
    const keep = presentAgeFactor(age, options.holdDays, hold);
    return {
      value: a.value * keep,
      low: a.low * keep,
      high: a.high,
      countDay: a.day,
      heldDays: age,
      aged: a.value * (1 - keep),
    };
  }
  const t = (day - a.day) / gap;
  return {
    value: lerp(a.value, b.value, t),
    low: lerp(a.low, b.low, t),
    high: lerp(a.high, b.high, t),
    countDay: a.day,
    heldDays: 0,
    aged: 0,
  };
}
