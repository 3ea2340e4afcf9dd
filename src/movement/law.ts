/**
 * The law of a caravan group's daily movement along its route — the one movement model of
 * dtm-flow, used by the estimator (its prior and smoother), the forecast and the scenario engine.
 *
 * Each day the group is in one of three regimes: `rest` (stays put), `walk` (tens of km on foot)
 * or `ride` (hundreds of km on trucks or buses). Regimes follow a Markov chain: with probability
 * `persistence` a day repeats yesterday's regime, otherwise it is drawn afresh from `regimes`.
 * Progress is forward only; the route's last vertex absorbs (a group that arrives stays).
 */
import type { Km } from "../model/units.ts";
import { normalCdf } from "../util/normal.ts";

export type Regime = "rest" | "walk" | "ride";
/** The regimes, in the order of every matrix and array indexed by regime (0 rest, 1 walk, 2 ride). */
export const REGIMES: readonly Regime[] = ["rest", "walk", "ride"];

export interface MovementModel {
  /** Long-run share of days in each regime (sums to 1). */
  regimes: Record<Regime, number>;
  /** Probability that a day repeats the previous day's regime (0 = independent days). */
  persistence: number;
  /** Distance walked on a walking day: normal, truncated at 0 (km). */
  walkKm: { mean: Km; sd: Km };
  /** Distance ridden on a riding day: uniform between `min` and `max` (km) ... */
  rideKm: { min: Km; max: Km };
  /** ... except, with probability `longRideProb`, uniform between `max` and `longRideMaxKm`. */
  longRideProb: number;
  longRideMaxKm: Km;
}

/**
 * A group's own law: the pooled law with the group's own regime shares and walking pace (its
 * persistence and rides stay the pooled ones). The one composition of "the group's own law": the
 * estimator's per-group fit (src/estimate/positions.ts fitGroupMovement) makes it, and a reader of
 * an estimate's `report.groupMovement` without the estimator's state (src/state/onRoad.ts, held
 * days of an estimate read back) remakes it.
 * @example
 * groupLaw(pooled, { regimes: { rest: 0.3, walk: 0.6, ride: 0.1 }, walkKm: { mean: 30, sd: 8 } }).rideKm; // pooled.rideKm
 */
export function groupLaw(
  pooled: MovementModel,
  own: Pick<MovementModel, "regimes" | "walkKm">,
): MovementModel {
  return { ...pooled, regimes: own.regimes, walkKm: own.walkKm };
}

/**
 * Regime transition matrix P[from][to] implied by `regimes` and `persistence` (rows and columns in
 * the order of {@link REGIMES}): P[from][to] = persistence δ(from, to) + (1 − persistence) π[to].
 * @example
 * regimeTransitions(defaultMovementModel())[2][2]; // P(ride → ride) = 0.3 + 0.7 × 0.2 = 0.44
 */
export function regimeTransitions(model: MovementModel): number[][] {
  const p = model.persistence;
  const pi = REGIMES.map((r) => model.regimes[r]);
  return REGIMES.map((_, from) => pi.map((qt, to) => (1 - p) * qt + (from === to ? p : 0)));
}

interface CachedTransitions {
  /** rest, walk, ride and persistence. */
  key: Float64Array;
  P: readonly (readonly number[])[];
}

/** Fills `key` with the numbers the transition matrix depends on. */
function transitionKey(model: MovementModel, key: Float64Array): Float64Array {
  key[0] = model.regimes.rest;
  key[1] = model.regimes.walk;
  key[2] = model.regimes.ride;
  key[3] = model.persistence;
  return key;
}
const scratchKey = new Float64Array(4);

/** Whether two keys hold the same numbers. */
function sameKey(a: Float64Array, b: Float64Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
const transitionCache = new WeakMap<MovementModel, CachedTransitions>();

/**
 * {@link regimeTransitions}, built once per movement model object and reused while its `regimes`
 * and persistence are unchanged (Monte Carlo steps millions of group-days with one model;
 * rebuilding the matrix each day dominated the cost). The values are checked on every call, so a
 * model edited in place gets a fresh matrix. Read-only: do not modify.
 * @example
 * const m = defaultMovementModel();
 * cachedRegimeTransitions(m) === cachedRegimeTransitions(m); // => true
 */
export function cachedRegimeTransitions(model: MovementModel): readonly (readonly number[])[] {
  const c = transitionCache.get(model);
  const key = transitionKey(model, scratchKey);
  if (c && sameKey(key, c.key)) return c.P;
  const P = regimeTransitions(model);
  transitionCache.set(model, { key: Float64Array.from(key), P });
  return P;
}

/** Index of a regime in {@link REGIMES}. */
export const regimeIndex = (regime: Regime): number =>
  regime === "rest" ? 0 : regime === "walk" ? 1 : 2;

/**
 * A stretch's law in the scenario's terms, as the one law: a rest-day probability, the share of
 * moving days with rides, and walking and riding speeds as ranges (km/day). Walking becomes the
 * normal with the range's mean and variance (a uniform on [min, max] has sd (max − min)/√12);
 * riding stays uniform on the range, without long rides.
 * @example
 * lawOfBand({ rest: 0.2, ride: 0.25, walk: [35, 50], rideKm: [150, 320] }, 0).regimes.ride; // => 0.2
 */
export function lawOfBand(
  band: { rest: number; ride: number; walk: [Km, Km]; rideKm: [Km, Km] },
  persistence: number,
): MovementModel {
  const moving = 1 - band.rest;
  const [w0, w1] = band.walk;
  return {
    regimes: { rest: band.rest, walk: moving * (1 - band.ride), ride: moving * band.ride },
    persistence,
    walkKm: { mean: (w0 + w1) / 2, sd: Math.abs(w1 - w0) / Math.sqrt(12) },
    rideKm: { min: band.rideKm[0], max: band.rideKm[1] },
    longRideProb: 0,
    longRideMaxKm: band.rideKm[1],
  };
}

/**
 * The law's mean move per day (km), rest days included: walk's truncated normal mean and the
 * ride mixture's mean, weighted by the regime shares.
 */
export function meanDailyKm(model: MovementModel): Km {
  const { mean, sd } = model.walkKm;
  const z = mean / sd;
  // E[max(0, N(μ, σ²))] = μ Φ(μ/σ) + σ φ(μ/σ).
  const phi = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
  const walk = mean * normalCdf(z) + sd * phi;
  const long = model.longRideProb;
  const ride =
    (1 - long) * ((model.rideKm.min + model.rideKm.max) / 2) +
    long * ((model.rideKm.max + model.longRideMaxKm) / 2);
  return model.regimes.walk * walk + model.regimes.ride * ride;
}

/** A probability with its 90 % interval from `n` days (normal approximation of a Beta posterior). */
function shareRange(p: number, n: number): { min: number; max: number } {
  const half = 1.645 * Math.sqrt((p * (1 - p)) / (n + 1));
  const r = (v: number): number => Math.round(v * 1000) / 1000;
  return { min: r(Math.max(0, p - half)), max: r(Math.min(1, p + half)) };
}

/**
 * The inverse of {@link lawOfBand}: a law in the scenario's terms, each probability as its 90 %
 * interval from the `days` the law was fitted on (prior pseudo-days included), walking as the
 * range of the uniform with the law's mean and sd (mean ± √3 sd), riding as the ride range (long
 * rides folded in: the range widened from its minimum to keep the rides' mean).
 * @example
 * bandOfLaw(defaultMovementModel(), 40).walkKmPerDay; // => { min: 19, max: 61 }
 */
export function bandOfLaw(
  law: MovementModel,
  days: number,
): {
  restDayProbability: { min: number; max: number };
  rideProbability: { min: number; max: number };
  walkKmPerDay: { min: number; max: number };
  rideKmPerDay: { min: number; max: number };
} {
  const { rest, walk, ride } = law.regimes;
  const q = walk + ride > 0 ? ride / (walk + ride) : 0;
  const half = Math.sqrt(3) * law.walkKm.sd;
  // Long rides folded in: the uniform from the ride minimum whose mean is the rides' mean.
  const rideMean =
    (1 - law.longRideProb) * ((law.rideKm.min + law.rideKm.max) / 2) +
    law.longRideProb * ((law.rideKm.max + law.longRideMaxKm) / 2);
  return {
    restDayProbability: shareRange(rest, days),
    rideProbability: shareRange(q, days * (1 - rest)),
    walkKmPerDay: {
      min: Math.round(Math.max(0, law.walkKm.mean - half)),
      max: Math.round(law.walkKm.mean + half),
    },
    rideKmPerDay: {
      min: Math.round(law.rideKm.min),
      max: Math.round(Math.max(law.rideKm.max, 2 * rideMean - law.rideKm.min)),
    },
  };
}
