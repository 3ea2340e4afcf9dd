/**
 * Size smoothing of the track estimator: each group's size reports (and border counts) in log
 * space, with per-source-type bias and spread fitted from the data (sourceBias.ts), stock figures
 * (claims, returns) setting how the size falls (stocks.ts), and a proper prior on each group's
 * size from the other groups' figures (sizePrior.ts).
 *
 * A report of a part of the group (the vanguard, the rear) says only that the group holds at
 * least that many: it enters as a lower bound, so 17 people at a stadium do not shrink a body of
 * 5,000. A figure of a report that names no part is the body's or a part's with the probability
 * of its share of the group (parts.ts `groupShare`, `sizeBodyWeight`, `figureLikelihood`: the
 * rule and the share the position pass reads too), with no threshold in the smoothing.
 */
import type { StockFigure } from "../model/stock.ts";
import { hasSize } from "./prepare.ts";
import { groupShare, sizeBodyWeight } from "./parts.ts";
import { fallbackSizePrior, sizePriorsLeaveOneOut } from "./sizePrior.ts";
import type { GroupSizeSummary, SizePrior } from "./sizePrior.ts";
import { smoothSize, smoothSizeWithLoo } from "./sizeSmoother.ts";
import type { SizeDayEstimate, SizeLoo, SizeObservation } from "./sizeSmoother.ts";
import { biasFor, fitSourceBiases } from "./sourceBias.ts";
import { conformalWidening, judgeable, widenSizeDay } from "./calibrate.ts";
import { anchorShiftSd } from "./anchorShift.ts";
import type { BiasResidual, BiasSource, SourceBias } from "./sourceBias.ts";
import { DEFAULT_DRIFT, stockDrift } from "./stocks.ts";
import type { WorkGroup } from "./workGroup.ts";

/** Rounding a figure to the nearest thousand (or hundred) adds this sd of log size per figure. */
function roundingSd(value: number): number {
  const round =
    value >= 1000 && value % 1000 === 0 ? 500 : value >= 200 && value % 100 === 0 ? 50 : 0;
  // A uniform error of ±round has sd round/√3; relative to the value, in log space.
  return round > 0 ? round / Math.sqrt(3) / value : 0;
}

/** The size observations of a group, with the source of each. */
export function sizeObservations(
  g: WorkGroup,
  fitted: Map<BiasSource, SourceBias>,
): { obs: SizeObservation[]; src: BiasSource[] } {
  const obs: SizeObservation[] = [];
  const src: BiasSource[] = [];
  const last = g.nDays - 1;
  for (const s of g.members) {
    if (!hasSize(s)) continue;
    const b = biasFor(s.source, fitted);
    let step = s.t - (g.day0 + 0.5);
    const outside = step < -0.5 ? -0.5 - step : step > last + 0.5 ? step - last - 0.5 : 0;
    step = Math.min(last, Math.max(0, step));
    const said = g.parts?.get(s.id);
    // A part said (vanguard, rear): at least that many.
    const part = said !== undefined && said !== "body";
    const rounding = s.logValue !== undefined ? roundingSd(Math.round(Math.exp(s.logValue))) : 0;
    obs.push({
      step,
      // A part of the group: at least that many (its figure as a lower bound).
      logValue: part ? undefined : s.logValue,
      logLow: part ? (s.logValue ?? s.logLow) : s.logLow,
      logHigh: part ? undefined : s.logHigh,
      bias: b.bias,
      sigma: Math.sqrt(
        b.spread ** 2 * (s.lowConfidence ? 1.5 : 1) + (0.05 * outside) ** 2 + rounding ** 2,
      ),
      outlier: b.outlier,
      // No part said: the body's figure or a part's, by its share of the group (parts.ts).
      ...(said === undefined && s.logValue !== undefined
        ? { bodyWeight: sizeBodyWeight(groupShare(g, s)) }
        : {}),
    });
    src.push(s.source);
  }
  for (const c of g.counts) {
    if (!(c.total > 0)) continue;
    const b = biasFor("border_count", fitted);
    obs.push({
      step: Math.min(last, Math.max(0, c.day - g.day0)),
      logValue: Math.log(c.total),
      bias: b.bias,
      sigma: b.spread,
      outlier: b.outlier,
    });
    src.push("border_count");
  }
  return { obs, src };
}

export interface SizeFit {
  sourceBiases: Map<BiasSource, SourceBias>;
  levelSd: number;
  sizePriors: (SizePrior & { group: string })[];
  /** Leave-one-out scores of every figure in the final pass (for calibrate.ts). */
  loo: SizeLoo[];
  /** Self-calibration factor of the size intervals (log scale; 1 without self-calibration). */
  widening: number;
}

/**
 * Smooths every group's size (sets `g.size`); returns the fitted biases and priors. `iterations`
 * rounds of source-bias fitting (default 3; a first look needs fewer). With `selfCalibrate`, the
 * intervals are widened by the figures' conformal factor (calibrate.ts), within what the group's
 * prior and its figure-free reports allow ({@link widenByFigures}).
 */
export function estimateSizes(
  tracked: readonly WorkGroup[],
  stocks: readonly StockFigure[],
  timeZone: string,
  asOfT: number,
  iterations = 3,
  selfCalibrate = false,
): SizeFit {
  const drifts = stockDrift(stocks, timeZone, asOfT);
  let fitted = new Map<BiasSource, SourceBias>();
  let levelSd = 0.15;
  const withSize = tracked.filter((g) => sizeObservations(g, fitted).obs.length > 0);
  // Until a first size estimate turns stock figures into losses: slow attrition.
  for (const g of withSize) g.drift = new Array<number>(g.nDays).fill(DEFAULT_DRIFT);
  for (let it = 0; it < iterations; it++) {
    const residuals: BiasResidual[] = [];
    for (const g of withSize) residuals.push(...smoothWithoutPrior(g, fitted));
    const fit = fitSourceBiases(residuals, fitted.size ? fitted : undefined);
    fitted = fit.biases;
    // The anchors may sit off together by as much as this dataset shows them off apart.
    levelSd = Math.hypot(fit.levelSd, anchorShiftSd(residuals, fitted));
    if (it === 0) {
      // Stock figures need a first size estimate to turn people lost into a log drift.
      for (const g of withSize) {
        g.drift = drifts.driftFor(g.name, g.day0, g.nDays, g.size ?? [], tracked.length);
      }
    }
  }
  const priors = fitPriors(withSize, fitted);
  const pass = (reading: (o: SizeObservation) => SizeObservation[]): SizePass =>
    smoothWithPriors(withSize, fitted, levelSd, priors, reading);
  const model = pass((o) => [o]);
  // Fewer figures than MIN_JUDGED: too few to judge, the model's intervals (calibrate.ts judgeable).
  const widening = selfCalibrate && judgeable(model.loo) ? conformalWidening(model.loo) : 1;
  const days =
    widening > 1
      ? widenByFigures(model, pass(boundsOnly(widening)), widening, levelSd)
      : model.days;
  withSize.forEach((g, i) => (g.size = days[i]));
  const sizePriors = withSize.map((g) => {
    const prior = priors.get(g.name) ?? fallbackSizePrior();
    const { logMean, logSd, groups } = prior;
    return { group: g.name, logMean: round3(logMean), logSd: round3(logSd), groups };
  });
  return { sourceBiases: fitted, levelSd, sizePriors, loo: model.loo, widening };
}

/**
 * Reads only the one-sided reports ("at least 1,345", "more than 1,700", "up to 500"; a report of
 * a part of the group counts as "at least" its figure), their spreads × `factor`: what a group's
 * size is known by without its figures and ranges, the reports as unsure as self-calibration says.
 */
function boundsOnly(factor: number): (o: SizeObservation) => SizeObservation[] {
  return (o) => {
    const oneSided = (o.logLow === undefined) !== (o.logHigh === undefined);
    return o.logValue === undefined && oneSided ? [{ ...o, sigma: o.sigma * factor }] : [];
  };
}

/** A final smoothing pass of every group: its days (in group order) and the figures' scores. */
export interface SizePass {
  days: SizeDayEstimate[][];
  loo: SizeLoo[];
}

/**
 * The model's size intervals widened by the self-calibration factor `factor` about their
 * medians (calibrate.ts `widenSizeDay`), but never beyond the interval of the same group smoothed
 * without its figures (`free`: the size prior, the drift, and the one-sided bounds with their
 * spreads × factor; `boundsOnly`). The factor comes from the figures' leave-one-out scores: it
 * says how much less the figures know than the model thinks, and at the limit they know nothing,
 * which is `free`; it says nothing about the prior, fitted from the spread of the groups' sizes.
 * Without that limit a group known only by "at least 1,345" and "more than 1,700" (its interval
 * the prior truncated at the bounds) got its prior's range stretched ×2 in log size: 621–131,502
 * people (docs/estimation.md#bound-only-groups-and-self-calibration).
 * @returns the days of each group (in `model` order).
 */
export function widenByFigures(
  model: SizePass,
  free: SizePass,
  factor: number,
  levelSd: number,
): SizeDayEstimate[][] {
  return model.days.map((days, i) =>
    days.map((d, k) => widenSizeDay(d, factor, levelSd, free.days[i]?.[k])),
  );
}

/** One size smoothing pass without the size prior; returns the reports' bias residuals. */
function smoothWithoutPrior(g: WorkGroup, fitted: Map<BiasSource, SourceBias>): BiasResidual[] {
  const { obs, src } = sizeObservations(g, fitted);
  g.size = smoothSize({ nDays: g.nDays, observations: obs, drift: g.drift, levelSd: 0 });
  const residuals: BiasResidual[] = [];
  obs.forEach((o, i) => {
    if (o.logValue === undefined || !g.size) return;
    const day = g.size[Math.round(o.step)];
    // A figure that may be a part's tells the source's bias only where it reads as the body's.
    if (o.bodyWeight !== undefined && o.bodyWeight < 0.5) return;
    // Leverage: the fit leans towards each report; inflate its residual by 1/√(1 − h).
    const h = Math.min(0.8, day.logSd ** 2 / (o.sigma ** 2 + 1e-9));
    const e = o.logValue - day.logMean - o.bias;
    residuals.push({ source: src[i], residual: o.bias + e / Math.sqrt(1 - h) });
  });
  return residuals;
}

/**
 * A proper prior on each group's size, fitted from the other groups' figures: without it a group
 * known only by "at least 150" would be unbounded above. Uses each group's fit without the prior
 * (as `smoothWithoutPrior` left it).
 */
function fitPriors(
  withSize: readonly WorkGroup[],
  fitted: Map<BiasSource, SourceBias>,
): Map<string, SizePrior> {
  const summaries: GroupSizeSummary[] = [];
  for (const g of withSize) {
    const pinned = sizeObservations(g, fitted).obs.some(
      (o) => o.logValue !== undefined || (o.logLow !== undefined && o.logHigh !== undefined),
    );
    if (!pinned || !g.size) continue;
    // The group's best-informed day (smallest posterior sd) from the fit without the prior.
    const best = g.size.reduce((a, b) => (b.logSd < a.logSd ? b : a));
    summaries.push({ group: g.name, logMean: best.logMean, logSd: best.logSd });
  }
  return sizePriorsLeaveOneOut(
    withSize.map((g) => g.name),
    summaries,
  );
}

/** Final smoothing pass with the priors, each report read as `reading` says (none: left out). */
function smoothWithPriors(
  withSize: readonly WorkGroup[],
  fitted: Map<BiasSource, SourceBias>,
  levelSd: number,
  priors: ReadonlyMap<string, SizePrior>,
  reading: (o: SizeObservation) => SizeObservation[],
): SizePass {
  const days: SizeDayEstimate[][] = [];
  const loo: SizeLoo[] = [];
  for (const g of withSize) {
    const fit = smoothSizeWithLoo({
      nDays: g.nDays,
      observations: sizeObservations(g, fitted).obs.flatMap(reading),
      drift: g.drift,
      levelSd,
      prior: priors.get(g.name) ?? fallbackSizePrior(),
    });
    days.push(fit.days);
    loo.push(...fit.loo);
  }
  return { days, loo };
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
