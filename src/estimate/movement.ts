/**
 * The movement model of a caravan group along its route, shared by the estimator (as its prior)
 * and the simulator (as the forward model). Each day the group is in one of three regimes:
 * `rest` (stays put), `walk` (tens of km on foot) or `ride` (hundreds of km on trucks or buses).
 * Regimes follow a Markov chain: with probability `persistence` a day repeats yesterday's regime,
 * otherwise it is drawn afresh from `regimes`. Progress is forward only; the route's last vertex
 * absorbs (a group that arrives stays).
 *
 * Defaults are the 2018 anchors (docs/estimation.md#the-2018-movement-anchors): walking 30–50 km/day
 * (48 km/day in Honduras, ~40 km/day in Chiapas), rides of 240–320 km on some days, buses of
 * > 1,500 km in under 24 h in the north, and rest days.
 */
import type { Km } from "../model/units.ts";

export type Regime = "rest" | "walk" | "ride";
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
 * The default movement model (2018 anchors). Every call returns a fresh object.
 * @example
 * defaultMovementModel().walkKm; // => { mean: 40, sd: 12 }
 */
export function defaultMovementModel(): MovementModel {
  return {
    regimes: { rest: 0.3, walk: 0.5, ride: 0.2 },
    persistence: 0.3,
    walkKm: { mean: 40, sd: 12 },
    rideKm: { min: 80, max: 420 },
    longRideProb: 0.12,
    longRideMaxKm: 1600,
  };
}

/**
 * Regime transition matrix P[from][to] implied by `regimes` and `persistence`
 * (rows and columns in the order of {@link REGIMES}).
 * @example
 * regimeTransitions(defaultMovementModel())[2][2]; // P(ride → ride) = 0.3 + 0.7 × 0.2 = 0.44
 */
export function regimeTransitions(model: MovementModel): number[][] {
  const pi = REGIMES.map((r) => model.regimes[r]);
  return REGIMES.map((_, from) =>
    pi.map((p, to) => (1 - model.persistence) * p + (from === to ? model.persistence : 0)),
  );
}

interface CachedTransitions {
  rest: number;
  walk: number;
  ride: number;
  persistence: number;
  P: readonly (readonly number[])[];
}
const transitionCache = new WeakMap<MovementModel, CachedTransitions>();

/**
 * {@link regimeTransitions}, built once per movement model object and reused while its `regimes`
 * and `persistence` are unchanged (the simulator and the forecast's Monte Carlo step millions of
 * group-days with one model; rebuilding the matrix each day dominated their cost). The values are
 * checked on every call, so a model edited in place gets a fresh matrix. Read-only: do not modify.
 * @example
 * const m = defaultMovementModel();
 * cachedRegimeTransitions(m) === cachedRegimeTransitions(m); // => true
 */
export function cachedRegimeTransitions(model: MovementModel): readonly (readonly number[])[] {
  const c = transitionCache.get(model);
  const { rest, walk, ride } = model.regimes;
  if (
    c &&
    c.rest === rest &&
    c.walk === walk &&
    c.ride === ride &&
    c.persistence === model.persistence
  ) {
    return c.P;
  }
  const P = regimeTransitions(model);
  transitionCache.set(model, { rest, walk, ride, persistence: model.persistence, P });
  return P;
}

/**
 * The estimator's prior movement model: the 2018 anchors of {@link defaultMovementModel}, made a
 * little more diffuse (walking sd 16 km, rides 60–480 km, 20 % of rides long), and with regimes
 * that last (persistence 0.45: shelter stays of one to three weeks and marches of several days are
 * ordinary, as in 2018 — Mexico City 4–10 Nov, Tijuana from 19 Nov). A prior a bit wider than the
 * world keeps the intervals honest when a world moves differently from the anchors (faster
 * walkers, more bus days, long stays).
 * @example
 * defaultEstimatorMovement().rideKm; // => { min: 60, max: 480 }
 */
export function defaultEstimatorMovement(): MovementModel {
  return {
    ...defaultMovementModel(),
    walkKm: { mean: 40, sd: 16 },
    rideKm: { min: 60, max: 480 },
    longRideProb: 0.2,
    persistence: 0.45,
  };
}
