/**
 * The fitting routine of the movement law: the regime shares, walking speed, ride range and
 * persistence fitted to a track's day-to-day moves, with a Dirichlet / normal prior at a given
 * law. The estimator feeds it the smoother's posterior regime-days (soft counts); the forecast
 * (one group's own pace) and the scenario's "like 2018" calibration feed it the moves of an
 * estimated track, classified by {@link movesOfTrack}. One routine, so the scenario's "like 2018"
 * is the fit the estimator makes.
 */
import type { Km } from "../model/units.ts";
import { meanDailyKm, REGIMES } from "./law.ts";
import type { MovementModel } from "./law.ts";

/** What a track says about the law: regime-days, walking and riding moves, regime repeats. */
export interface MoveEvidence {
  /** Days in each regime (rest, walk, ride); soft counts allowed. */
  regimeDays: [number, number, number];
  /** Walking moves (km) with their weight (probability that the day was a walk). */
  walkMoves: { km: Km; weight: number }[];
  /** Riding moves (km). */
  rideMoves: Km[];
  /** Pairs of consecutive classified days, and how many kept the same regime. */
  pairs: number;
  repeats: number;
}

/** Thresholds that classify a day's move: below `restBelowKm` rest, above `rideAboveKm` ride. */
export interface MoveClasses {
  /** Daily move (km) below which a day counts as a rest day; default 15. */
  restBelowKm?: Km;
  /** Daily move (km) above which a day counts as a day with rides; default 80. */
  rideAboveKm?: Km;
}

/** An empty {@link MoveEvidence}. */
export const noEvidence = (): MoveEvidence => ({
  regimeDays: [0, 0, 0],
  walkMoves: [],
  rideMoves: [],
  pairs: 0,
  repeats: 0,
});

/** The regime (index) of a day's move of `km`. */
export function classifyMove(km: Km, classes: MoveClasses = {}): number {
  if (km < (classes.restBelowKm ?? 15)) return 0;
  return km > (classes.rideAboveKm ?? 80) ? 2 : 1;
}

/**
 * Adds the move of one day (km since the day before) to `evidence`; `previous` is the regime of
 * the day before when it was classified too (for persistence), else -1.
 * @returns the day's regime (index).
 */
export function addMove(
  evidence: MoveEvidence,
  km: Km,
  previous: number,
  classes: MoveClasses = {},
): number {
  const r = classifyMove(km, classes);
  evidence.regimeDays[r]! += 1;
  if (r === 1) evidence.walkMoves.push({ km, weight: 1 });
  if (r === 2) evidence.rideMoves.push(km);
  if (previous >= 0) {
    evidence.pairs++;
    if (previous === r) evidence.repeats++;
  }
  return r;
}

/**
 * The moves of a track (points on consecutive days; `km` along the route), classified. A gap of
 * more than a day, or a day `skip` says to leave out (e.g. days at a stop), breaks the chain.
 * @example
 * movesOfTrack([{ day: 0, km: 0 }, { day: 1, km: 40 }, { day: 2, km: 300 }]).regimeDays; // => [0, 1, 1]
 */
export function movesOfTrack(
  points: readonly { day: number; km: Km }[],
  classes: MoveClasses = {},
  skip: (i: number) => boolean = () => false,
  evidence: MoveEvidence = noEvidence(),
): MoveEvidence {
  let previous = -1;
  for (let i = 1; i < points.length; i++) {
    if (points[i]!.day - points[i - 1]!.day !== 1 || skip(i)) {
      previous = -1;
      continue;
    }
    previous = addMove(evidence, points[i]!.km - points[i - 1]!.km, previous, classes);
  }
  return evidence;
}

/** Options of {@link fitMovement}: prior weights and what is fitted. */
export interface FitOptions {
  /** Weight of the prior's regime shares, in pseudo-days; default 20. */
  pseudoDays?: number;
  /** Smallest share of a regime (shares are floored then renormalised); default 0.02. */
  minShare?: number;
  /** Fit the walking speed (mean, sd); default true. Prior weight `walkPseudoDays` (default 10). */
  fitWalk?: boolean;
  walkPseudoDays?: number;
  /**
   * Fit the ride range to the p10–p90 of ≥ `minRides` (default 3) riding moves (no long rides
   * beyond them); default false.
   */
  fitRide?: boolean;
  minRides?: number;
  /** Fit the persistence from the repeats, prior weight `pseudoDays`; default false. */
  fitPersistence?: boolean;
  /**
   * The mean move per day (km, rest days included) the law must give: the share of rides among
   * moving days is then set so that {@link meanDailyKm} equals it (at most 0.95; beyond, the rest
   * share moves too), the speeds kept. With few days the Dirichlet shares are pulled towards the prior and their
   * mean speed misses the track's; matching the mean keeps what the track says most surely (how
   * far it went). Default: not matched.
   */
  matchMeanKmPerDay?: Km;
}

/** Quantile q of sorted values (linear between order statistics). */
function quantile(sorted: readonly number[], q: number): number {
  const h = (sorted.length - 1) * q;
  const i = Math.floor(h);
  return sorted[i]! + (h - i) * ((sorted[Math.min(i + 1, sorted.length - 1)] ?? 0) - sorted[i]!);
}

/** The walking law: weighted mean and sd of the walks, with `pw` pseudo-days at the prior's. */
function fitWalk(walks: MoveEvidence["walkMoves"], prior: MovementModel, pw: number) {
  let w = 0;
  let sum1 = 0;
  let sum2 = 0;
  for (const m of walks) {
    w += m.weight;
    sum1 += m.weight * m.km;
    sum2 += m.weight * m.km * m.km;
  }
  const mean = (sum1 + pw * prior.walkKm.mean) / (w + pw);
  const variance =
    (sum2 + pw * (prior.walkKm.sd ** 2 + prior.walkKm.mean ** 2)) / (w + pw) - mean ** 2;
  return {
    mean: Math.min(80, Math.max(10, mean)),
    sd: Math.min(30, Math.max(5, Math.sqrt(Math.max(0, variance)))),
  };
}

/**
 * Fits the law to `evidence`, starting from `prior`: regime shares with a Dirichlet prior of
 * `pseudoDays` at the prior's shares (floored at `minShare`, renormalised); the walking speed with
 * `walkPseudoDays` at the prior's; optionally the ride range (p10–p90 of the rides) and the
 * persistence (repeats beyond what independent days give: P(same) = p + (1 − p) Σπ²).
 * @returns a new law (the prior is not changed).
 * @example
 * fitMovement(movesOfTrack(points), defaultMovementModel()).regimes;
 */
export function fitMovement(
  evidence: MoveEvidence,
  prior: MovementModel,
  options: FitOptions = {},
): MovementModel {
  const pseudo = options.pseudoDays ?? 20;
  const floor = options.minShare ?? 0.02;
  const days = evidence.regimeDays;
  const sum = days[0] + days[1] + days[2] + pseudo;
  const raw = REGIMES.map((r, i) =>
    Math.max(floor, sum > 0 ? (days[i]! + pseudo * prior.regimes[r]) / sum : prior.regimes[r]),
  );
  const total = raw[0]! + raw[1]! + raw[2]!;
  const model: MovementModel = {
    ...prior,
    regimes: { rest: raw[0]! / total, walk: raw[1]! / total, ride: raw[2]! / total },
    walkKm: { ...prior.walkKm },
    rideKm: { ...prior.rideKm },
  };
  if (options.fitWalk !== false) {
    model.walkKm = fitWalk(evidence.walkMoves, prior, options.walkPseudoDays ?? 10);
  }
  if (options.fitRide && evidence.rideMoves.length >= (options.minRides ?? 3)) {
    const sorted = [...evidence.rideMoves].sort((a, b) => a - b);
    // The rides seen replace the prior's ride law, its long rides included.
    model.rideKm = { min: quantile(sorted, 0.1), max: quantile(sorted, 0.9) };
    model.longRideProb = 0;
    model.longRideMaxKm = model.rideKm.max;
  }
  if (options.matchMeanKmPerDay !== undefined) matchMean(model, options.matchMeanKmPerDay);
  if (options.fitPersistence) {
    const pi = [model.regimes.rest, model.regimes.walk, model.regimes.ride];
    const same = pi[0]! ** 2 + pi[1]! ** 2 + pi[2]! ** 2;
    const rate =
      (evidence.repeats + pseudo * (prior.persistence + (1 - prior.persistence) * same)) /
      (evidence.pairs + pseudo);
    model.persistence = Math.min(0.95, Math.max(0, (rate - same) / (1 - same)));
  }
  return model;
}

/**
 * Sets the ride share among moving days so that the law's mean daily move is `target` km; when
 * no share in [0, 0.95] reaches it, the share is clamped and the rest share moved instead.
 */
function matchMean(model: MovementModel, target: Km): void {
  const walkOnly = meanDailyKm({ ...model, regimes: { rest: 0, walk: 1, ride: 0 } });
  const rideOnly = meanDailyKm({ ...model, regimes: { rest: 0, walk: 0, ride: 1 } });
  if (rideOnly <= walkOnly || walkOnly <= 0) return;
  let moving = 1 - model.regimes.rest;
  let q = moving > 0 ? (target / moving - walkOnly) / (rideOnly - walkOnly) : 0;
  if (q < 0 || q > 0.95) {
    q = Math.min(0.95, Math.max(0, q));
    moving = Math.min(1, Math.max(0.05, target / (walkOnly + q * (rideOnly - walkOnly))));
  }
  model.regimes = { rest: 1 - moving, walk: moving * (1 - q), ride: moving * q };
}
