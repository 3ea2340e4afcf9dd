/**
 * The held-out check of an estimate (leave-one-out or k-fold predictive check): each report in
 * turn is left out, the estimate is made again from the rest, and the report is predicted from
 * its group's re-estimated track at the report's time. Coverage of the predictive intervals, the
 * errors and the PIT say whether the model's intervals can be trusted on these data; split-
 * conformal factors from the same held-out scores widen them where they cannot.
 *
 * The estimator is a black box: any function returning a {@link CheckableEstimate}.
 */
import type { Dataset } from "../model/dataset.ts";
import { DEFAULT_TIME_ZONE } from "../model/dataset.ts";
import { SOURCE_TYPES } from "../model/source.ts";
import type { MovementModel } from "../movement/index.ts";
import { readingTime } from "../movement/index.ts";
import { estimateTracks } from "../estimate/estimateTracks.ts";
import { bodyProbability, PART_SHARE } from "../estimate/parts.ts";
import { SOURCE_PRIORS } from "../estimate/sourceBias.ts";
import type { BiasSource } from "../estimate/sourceBias.ts";
import { createGazetteer } from "../geo/gazetteer.ts";
import { createRouteIndex } from "../geo/routeIndex.ts";
import type { RouteIndex } from "../geo/routeIndex.ts";
import { Z90 } from "../util/normal.ts";
import { mulberry32 } from "../util/random.ts";
import type { BodyTrackPoint, GroupTrack, Interval90 } from "./bodyTrack.ts";
import { groupTracks, intervalAt, logSizeInterval, partInterval } from "./bodyTrack.ts";
import { createCatchments } from "./catchment.ts";
import type { Catchment } from "./catchment.ts";
import { crossFittedFactors, sourceFactors } from "./conformal.ts";
import type { SourceFactors } from "./conformal.ts";
import { assignFolds, checkReports, togetherWithOriginals } from "./heldOut.ts";
import type { CheckReport } from "./heldOut.ts";
import { predictiveCdf, predictiveInterval, scaleNeeded } from "./predictive.ts";
import type { Predictive } from "./predictive.ts";
import { scorePredictions } from "./score.ts";
import type { CheckScores, HeldOutPrediction } from "./score.ts";

/** What the check reads from an estimate (an `EstimateResult` is one). */
export interface CheckableEstimate {
  tracks: readonly BodyTrackPoint[];
  groups: readonly { group: string; routeId: string; sightings: readonly string[] }[];
  report: {
    /** `repeatOf`: a stale repeat's original (positions.ts `recordRepeats`), held out with it. */
    associations: readonly { sightingId: string; group: string; repeatOf?: string }[];
    sourceBiases: readonly { sourceType: string; bias: number; spread: number }[];
    movement: MovementModel;
    /**
     * Sd (log) of the sizes' common level, carried in the size intervals (estimateTracks'
     * `report.sizeLevelSd`); taken out of a figure's prediction, which it does not move.
     */
    sizeLevelSd?: number;
  };
}

export interface CheckOptions {
  /** Number of folds (default 10); ignored with `leaveOneOut`. */
  folds?: number;
  /** Hold out each report on its own (one re-estimate per report). Default false. */
  leaveOneOut?: boolean;
  /** Seed of the fold assignment (default 1). */
  seed?: number;
  /** Report time zone (default the dataset's). */
  timeZone?: string;
  /** The estimator (default `estimateTracks` in `timeZone`). */
  estimate?: (dataset: Dataset) => CheckableEstimate;
  /** The estimate from all the data, when already made (default: made here). */
  full?: CheckableEstimate;
  /** Per-source widening factors need this many held-out reports of the type (default 10). */
  minPerSource?: number;
  /** Sd of a coordinate report's own error (default 5 km). */
  coordinateNoiseKm?: number;
  /** Sd added to a town report's catchment offset: road vs ground distance (default 2 km). */
  townNoiseKm?: number;
  /** Reports farther than this from their group's route are not predicted (default 60 km). */
  maxOffRouteKm?: number;
  /**
   * Called once the reports are split, before the re-estimates (for progress messages), with the
   * number of re-estimates that will run (folds holding a report: a fold emptied by moving stale
   * repeats to their originals' folds is not re-estimated).
   */
  onStart?: (reports: number, reEstimates: number) => void;
}

/** Why a held-out report's position or size was not predicted (`code` for scripts). */
export type NotPredictedCode = "no_track" | "no_size" | "off_route" | "at_least" | "repeat";

/** A position or size not predicted: its code and the reason in words. */
export interface NotPredicted {
  code: NotPredictedCode;
  reason: string;
}

export interface CheckResult {
  /** Folds the reports were split into (the number of reports with `leaveOneOut`). */
  folds: number;
  /** Re-estimates run: the folds that held a report once repeats joined their originals. */
  reEstimates: number;
  leaveOneOut: boolean;
  seed: number;
  /** Reports held out (sightings with a group in the full estimate and a position or a size). */
  heldOut: number;
  /** Held-out positions (km of the body part the report describes) and sizes. */
  position: CheckScores;
  size: CheckScores;
  /** Per source type: the eight of the contract (n = 0 when none), and `unknown` when present. */
  bySource: Record<string, { position: CheckScores; size: CheckScores }>;
  /** Reports (position or size) that could not be predicted, by reason (most first). */
  notPredicted: (NotPredicted & { n: number })[];
  /** Split-conformal widening factors at 90 % (≥ 1) from the held-out scores. */
  factors: { km: SourceFactors; size: SourceFactors };
  predictions: HeldOutPrediction[];
}

/** The `notPredicted` reason of a count of one place or one point's figure. */
export const AT_LEAST_REASON =
  'size of a count of one place or one point: read as "at least", not a size to predict';

/**
 * The `notPredicted` reason of a stale repeat's position: the estimator leaves it out (it tells
 * an earlier report's place again), so it is no position to predict; held out with its original.
 */
export const REPEAT_REASON =
  "position of a stale repeat (an earlier report's place and figure told again): left out by the estimator, held out with its original";

/** A report whose group has no track in its fold's re-estimate. */
const NO_TRACK: NotPredicted = {
  code: "no_track",
  reason: "its group has no track without the held-out reports",
};

/** Default number of folds. */
export const DEFAULT_FOLDS = 10;

/**
 * Runs the held-out check of the estimator on `dataset`.
 * @example
 * const check = checkEstimate(embedded2018(), { folds: 10 });
 * check.position.coverage90; // share of held-out positions inside their 90 % predictive interval
 */
export function checkEstimate(dataset: Dataset, options: CheckOptions = {}): CheckResult {
  const timeZone = options.timeZone ?? dataset.timeZone ?? DEFAULT_TIME_ZONE;
  const estimate =
    options.estimate ?? ((d: Dataset): CheckableEstimate => estimateTracks(d, { timeZone }));
  const seed = options.seed ?? 1;
  const k = options.folds ?? DEFAULT_FOLDS;
  if (!options.leaveOneOut && !(Number.isInteger(k) && k >= 2)) {
    throw new RangeError(`folds must be a whole number ≥ 2, not ${k}.`);
  }
  // Ids the estimator would give, fixed now: removing sightings must not renumber the others.
  const withIds: Dataset = {
    ...dataset,
    sightings: dataset.sightings.map((s, i) => ({ ...s, id: s.id ?? `sighting-${i + 1}` })),
  };
  const full = options.full ?? estimate(withIds);
  const groupOf = new Map(full.report.associations.map((a) => [a.sightingId, a.group]));
  const index = createRouteIndex(dataset.routes);
  const gazetteer = createGazetteer(dataset.places);
  const repeatOf = new Map(
    full.report.associations.flatMap((a) =>
      a.repeatOf === undefined ? [] : [[a.sightingId, a.repeatOf] as const],
    ),
  );
  const reports = checkReports(withIds, groupOf, gazetteer, timeZone, repeatOf);
  const folds = assignFolds(reports, options.leaveOneOut ? reports.length : k, mulberry32(seed));
  togetherWithOriginals(reports);
  const reEstimates = new Set(reports.map((r) => r.fold)).size;
  options.onStart?.(reports.length, reEstimates);
  const context: PredictContext = {
    index,
    catchment: createCatchments(index, dataset.places),
    coordinateNoiseKm: options.coordinateNoiseKm ?? 5,
    townNoiseKm: options.townNoiseKm ?? 2,
    maxOffRouteKm: options.maxOffRouteKm ?? 60,
  };
  const predictions: Scored[] = [];
  const missed = new Map<NotPredictedCode, NotPredicted & { n: number }>();
  for (let fold = 0; fold < folds; fold++) {
    const out = reports.filter((r) => r.fold === fold);
    if (out.length === 0) continue;
    const leftOut = new Set(out.map((r) => r.index));
    const rest = { ...withIds, sightings: withIds.sightings.filter((_, i) => !leftOut.has(i)) };
    const fit = estimate(rest);
    const tracks = groupTracks(fit.tracks);
    const match = matchGroups(full, fit);
    const trackOf = (r: CheckReport): GroupTrack | undefined =>
      tracks.get(match.get(r.group) ?? "");
    const partShare = partFigureShare(
      reports.filter((r) => r.fold !== fold),
      trackOf,
    );
    const partRate = partPositionRate(
      reports.filter((r) => r.fold !== fold),
      trackOf,
      index,
    );
    for (const r of out) {
      const track = trackOf(r);
      for (const p of predictReport(r, track, fit, context, partShare, partRate)) {
        if ("code" in p) {
          const seen = missed.get(p.code);
          if (seen) seen.n++;
          else missed.set(p.code, { ...p, n: 1 });
        } else predictions.push(p);
      }
    }
  }
  return summarise(predictions, [...missed.values()], {
    folds,
    reEstimates,
    leaveOneOut: Boolean(options.leaveOneOut),
    seed,
    heldOut: reports.length,
    minPerSource: options.minPerSource ?? 10,
  });
}

function summarise(
  scored: Scored[],
  missed: (NotPredicted & { n: number })[],
  meta: {
    folds: number;
    reEstimates: number;
    leaveOneOut: boolean;
    seed: number;
    heldOut: number;
    minPerSource: number;
  },
): CheckResult {
  for (const quantity of ["km", "size"]) {
    const list = scored.filter((s) => s.prediction.quantity === quantity);
    const factors = crossFittedFactors(list.map((s) => s.prediction));
    list.forEach((s, i) => {
      const [low, high] = predictiveInterval(s.predictive, 0.9, factors[i]);
      s.prediction.low90Widened = s.toUnits(low);
      s.prediction.high90Widened = s.toUnits(high);
    });
  }
  const predictions = scored.map((s) => s.prediction);
  const km = predictions.filter((p) => p.quantity === "km");
  const size = predictions.filter((p) => p.quantity === "size");
  const bySource: CheckResult["bySource"] = {};
  // Every contract source type, with n = 0 where none was predicted (a stable shape for scripts),
  // then any other (`unknown`).
  const sources = [...new Set([...SOURCE_TYPES, ...predictions.map((p) => p.source)])];
  for (const source of sources) {
    bySource[source] = {
      position: scorePredictions(km.filter((p) => p.source === source)),
      size: scorePredictions(size.filter((p) => p.source === source)),
    };
  }
  const { minPerSource, ...rest } = meta;
  return {
    ...rest,
    position: scorePredictions(km),
    size: scorePredictions(size),
    bySource,
    notPredicted: [...missed].sort((a, b) => b.n - a.n),
    factors: { km: sourceFactors(km, minPerSource), size: sourceFactors(size, minPerSource) },
    predictions,
  };
}

/**
 * For each group of the full estimate, the group of a fold's estimate that holds most of its
 * sightings (the same name wins ties: labels are stable, numbered unlabelled groups are not).
 */
export function matchGroups(full: CheckableEstimate, fit: CheckableEstimate): Map<string, string> {
  const groupOfSighting = new Map<string, string>();
  for (const g of fit.groups) for (const id of g.sightings) groupOfSighting.set(id, g.group);
  const out = new Map<string, string>();
  for (const g of full.groups) {
    const votes = new Map<string, number>();
    for (const id of g.sightings) {
      const to = groupOfSighting.get(id);
      if (to !== undefined) votes.set(to, (votes.get(to) ?? 0) + 1 + (to === g.group ? 0.5 : 0));
    }
    let best: string | undefined;
    let bestVotes = 0;
    for (const [to, n] of votes) {
      if (n > bestVotes) [best, bestVotes] = [to, n];
    }
    if (best !== undefined) out.set(g.group, best);
  }
  return out;
}

interface PredictContext {
  index: RouteIndex;
  catchment: Catchment;
  coordinateNoiseKm: number;
  townNoiseKm: number;
  maxOffRouteKm: number;
}

/** Predictions of a report's position and size, or the reason each could not be predicted. */
/**
 * Share of figures (of reports naming no part) that describe only a part of their group: below
 * PART_SHARE of the group's estimated size that day, as the estimator reads them (positions.ts);
 * from the reports used for the fit, with a prior of one in ten (half a report in five).
 */
function partFigureShare(
  training: readonly CheckReport[],
  trackOf: (r: CheckReport) => GroupTrack | undefined,
): number {
  let n = 0;
  let parts = 0;
  for (const r of training) {
    if (r.logSize === undefined || r.part !== "median") continue;
    const track = trackOf(r);
    const model = track ? intervalAt(track, r.t, logSizeInterval) : undefined;
    if (!model) continue;
    n++;
    if (r.logSize < model.mid + Math.log(PART_SHARE)) parts++;
  }
  return (parts + 0.5) / (n + 5);
}

function predictReport(
  r: CheckReport,
  track: GroupTrack | undefined,
  fit: CheckableEstimate,
  context: PredictContext,
  partShare = 0,
  partRate = 1,
): (Scored | NotPredicted)[] {
  const out: (Scored | NotPredicted)[] = [];
  if (!track) {
    if (r.point) out.push(NO_TRACK);
    if (r.logSize !== undefined && r.part === "median") out.push(NO_TRACK);
    return out;
  }
  if (r.point && r.repeatOf !== undefined) out.push({ code: "repeat", reason: REPEAT_REASON });
  else if (r.point) out.push(predictPosition(r, track, fit, context, partRate));
  if (r.atLeast) out.push({ code: "at_least", reason: AT_LEAST_REASON });
  // A vanguard's or stragglers' count is part of the body, not its size.
  if (r.logSize !== undefined && r.part === "median")
    out.push(predictSize(r, track, fit, partShare));
  return out;
}

function predictPosition(
  r: CheckReport,
  track: GroupTrack,
  fit: CheckableEstimate,
  context: PredictContext,
  partRate: number,
): Scored | NotPredicted {
  const { index } = context;
  const projection = index.project(r.point ?? [0, 0], { routeId: track.routeId });
  if (!projection || projection.distanceKm > context.maxOffRouteKm) {
    return {
      code: "off_route",
      reason: `more than ${context.maxOffRouteKm} km off its group's route`,
    };
  }
  const extrapolate = { movement: fit.report.movement, maxKm: index.lengthKm(track.routeId) };
  const readings = positionReadings(r, track, extrapolate, partRate);
  if (!readings) return NO_TRACK;
  const { model, alternatives } = readings;
  const confidence = r.lowConfidence ? 1.5 : 1;
  const off = 0.5 * projection.distanceKm;
  let predictive: Predictive;
  if (r.town) {
    // The group was somewhere in the town's catchment: report − truth = town − group.
    const { below, above } = context.catchment(track.routeId, projection.km);
    predictive = {
      model,
      noiseSd: Math.hypot(context.townNoiseKm * confidence, off),
      offsetLow: -above,
      offsetHigh: below,
      alternatives,
    };
  } else {
    const noiseSd = Math.hypot(context.coordinateNoiseKm * confidence, off);
    predictive = { model, noiseSd, offsetLow: 0, offsetHigh: 0, alternatives };
  }
  return prediction(r, track, "km", projection.km, predictive, (x) => x);
}

/**
 * What a held-out position report may describe, at its reading time ({@link readingTime}): the
 * km interval of the part it names (`model`, the point prediction), and for a report naming no
 * part with a figure, also its group's head or tail (`alternatives`, {@link partReadings}).
 * Undefined when the track gives no interval.
 */
function positionReadings(
  r: CheckReport,
  track: GroupTrack,
  extrapolate: { movement: MovementModel; maxKm: number },
  partRate: number,
): { model: Interval90; alternatives: Predictive["alternatives"] } | undefined {
  const t = readingTime(r.t, r.hasTime);
  const model = intervalAt(track, t, (p) => partInterval(p, r.part), extrapolate);
  if (!model) return undefined;
  return { model, alternatives: partReadings(r, t, track, extrapolate, partRate) };
}

/**
 * A report that names no part but gives a figure may be of the head or the tail, as the estimator
 * reads it (positions.ts `figureMixture`): with probability 1 − {@link bodyProbability} of its
 * share of the group (its figure over the group's estimated size that day, at most 1), half each,
 * predicted from that end's km interval at time `t`. None for a report that names a part or gives
 * no figure.
 */
function partReadings(
  r: CheckReport,
  t: number,
  track: GroupTrack,
  extrapolate: { movement: MovementModel; maxKm: number },
  partRate: number,
): Predictive["alternatives"] {
  const prior = partPrior(r, track);
  const weight = prior * partRate;
  if (!(weight >= 1e-3)) return undefined;
  const head = intervalAt(track, t, (p) => partInterval(p, "head"), extrapolate);
  const tail = intervalAt(track, t, (p) => partInterval(p, "tail"), extrapolate);
  if (!head || !tail) return undefined;
  return [
    { weight: weight / 2, model: head },
    { weight: weight / 2, model: tail },
  ];
}

/**
 * The estimator's probability that a report naming no part, with a figure, is of the head or the
 * tail: 1 − {@link bodyProbability} of its share of the group that day (0 without a figure, or
 * when it names a part or the group has no size).
 */
function partPrior(r: CheckReport, track: GroupTrack): number {
  if (r.part !== "median" || r.logFigure === undefined) return 0;
  const size = intervalAt(track, r.t, logSizeInterval);
  if (!size) return 0;
  return 1 - bodyProbability(Math.min(1, Math.exp(r.logFigure - size.mid)));
}

/**
 * How often the estimator's part reading is borne out on the data (0–1): of the reports used for
 * the fit that name no part and give a figure, weighted by their {@link partPrior}, the share whose
 * position lies outside the median person's 90 % interval (so is better read as the head or the
 * tail), with a prior of one in ten (half a report in five). In-sample (the fit saw these reports),
 * so it errs low: a report the fit could not pull the median to is a part indeed. On the 2018 data
 * the prior alone puts most mid-sized media figures (1,000 of 7,000) at the ends, and the held-out
 * 50 % intervals then cover 74 % (bench/README.md "2018 check: reports of a part").
 */
function partPositionRate(
  training: readonly CheckReport[],
  trackOf: (r: CheckReport) => GroupTrack | undefined,
  index: RouteIndex,
): number {
  let n = 0;
  let outside = 0;
  for (const r of training) {
    const track = trackOf(r);
    // A stale repeat's place is not where the group was that day (the estimator leaves it out).
    if (!track || !r.point || r.repeatOf !== undefined) continue;
    const prior = partPrior(r, track);
    if (!(prior > 0)) continue;
    const at = index.project(r.point, { routeId: track.routeId });
    const body = intervalAt(track, r.t, (p) => partInterval(p, "median"));
    if (!at || !body) continue;
    n += prior;
    if (at.km < body.low || at.km > body.high) outside += prior;
  }
  return (outside + 0.5) / (n + 5);
}

/** Fewest people a figure of a part of a group gives (log scale lower end of a part's figure). */
const FEWEST_PEOPLE = 5;

function predictSize(
  r: CheckReport,
  track: GroupTrack,
  fit: CheckableEstimate,
  partShare: number,
): Scored | NotPredicted {
  const model = intervalAt(track, r.t, logSizeInterval);
  if (!model) {
    return {
      code: "no_size",
      reason: "its group has no size estimate without the held-out reports",
    };
  }
  const fitted = fit.report.sourceBiases.find((b) => b.sourceType === r.source);
  const prior = SOURCE_PRIORS[r.source as BiasSource] ?? SOURCE_PRIORS.unknown;
  const bias = fitted?.bias ?? prior.bias;
  const spread = (fitted?.spread ?? prior.spread) * (r.lowConfidence ? Math.sqrt(1.5) : 1);
  // A shift c of the common level moves every size by −c and every bias by +c: the figure stays
  // where it was. So the level's share of the interval says nothing about a figure and is taken
  // out of its prediction (else the check would credit width no report can test).
  const level = Z90 * (fit.report.sizeLevelSd ?? 0);
  const own = (h: number): number => Math.sqrt(Math.max(0, h * h - level * level));
  const shifted: Interval90 = {
    mid: model.mid + bias,
    low: model.mid + bias - own(model.mid - model.low),
    high: model.mid + bias + own(model.high - model.mid),
  };
  // A figure naming no part may be of the vanguard or the stragglers (as the estimator reads a
  // figure far below the group's size): report − truth then lies between log 5 − log N and
  // log PART_SHARE.
  const partLow = Math.log(FEWEST_PEOPLE) - model.mid;
  const predictive: Predictive = {
    model: shifted,
    noiseSd: spread,
    offsetLow: 0,
    offsetHigh: 0,
    ...(partShare > 0 && partLow < Math.log(PART_SHARE)
      ? { part: { weight: partShare, offsetLow: partLow, offsetHigh: Math.log(PART_SHARE) } }
      : {}),
  };
  return prediction(r, track, "size", r.logSize ?? NaN, predictive, Math.exp);
}

/** A prediction of `value` (on the model's scale: km, or log people) written in report units. */
function prediction(
  r: CheckReport,
  track: GroupTrack,
  quantity: "km" | "size",
  value: number,
  p: Predictive,
  toUnits: (x: number) => number,
): Scored {
  const [low50, high50] = predictiveInterval(p, 0.5);
  const [low90, high90] = predictiveInterval(p, 0.9);
  const prediction: HeldOutPrediction = {
    id: r.id,
    group: r.group,
    predictedFrom: track.group,
    source: r.source,
    part: r.part,
    fold: r.fold,
    quantity,
    value: toUnits(value),
    predicted: toUnits(p.model.mid),
    low50: toUnits(low50),
    high50: toUnits(high50),
    low90: toUnits(low90),
    high90: toUnits(high90),
    pit: predictiveCdf(p, value),
    score: scaleNeeded(p, value),
  };
  return { prediction, predictive: p, toUnits };
}

/** A prediction with its predictive distribution (kept to widen it once the factors are known). */
interface Scored {
  prediction: HeldOutPrediction;
  predictive: Predictive;
  toUnits: (x: number) => number;
}
