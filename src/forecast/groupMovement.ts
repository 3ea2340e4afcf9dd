/**
 * A group's own pace: the movement model's regime shares refitted on the group's estimated daily
 * moves so far, shrunk towards the shares fitted on all groups.
 */
import type { TrackPoint } from "../model/track.ts";
import { fitMovement, movesOfTrack } from "../movement/index.ts";
import type { MovementModel } from "../movement/index.ts";

/** Options of {@link groupMovement}. */
export interface GroupMovementOptions {
  /** Latest daily moves used (days); default all of the track. */
  windowDays?: number;
  /** Weight of the pooled shares, in pseudo-days; default 4. */
  priorDays?: number;
  /** A daily move below this (km) is a rest day, above `rideAboveKm` a day with rides; 15 / 80. */
  restBelowKm?: number;
  rideAboveKm?: number;
  /** Refit the regime persistence on the group's own repeats (prior weight `priorDays`); default false. */
  fitPersistence?: boolean;
  /** Refit the ride range on the group's own rides (≥ 3 of them); default false. */
  fitRide?: boolean;
  /**
   * Set the ride share so that the model's mean daily move equals the group's mean over its
   * latest this many days (km/day, rest days included); default: not matched.
   */
  recentPaceDays?: number;
}

/**
 * Refits the regime shares (rest / walk / ride) of `pooled` on one group's daily moves along its
 * estimated track so far (a move < 15 km is a rest day, > 80 km a day with rides, else walking;
 * the same classification as the scenario calibration), with a Dirichlet prior of `priorDays`
 * pseudo-days at the pooled shares: the movement model's own fit (`fitMovement`,
 * src/movement/fit.ts). Displacement laws and persistence stay the pooled ones.
 *
 * Why: the estimator's shares are pooled over all groups, and groups differ (the 2018 Salvadoran
 * groups rested far more than the first Honduran caravan, which also rode through Guatemala).
 * With a short track the prior dominates. On the 2018 backtest the whole track did better than
 * only the latest moves (last 10 days, or half-lives of 5–40 days): day-to-day pace is noisy.
 *
 * @param track the group's track points (any order; one per day).
 * @param pooled the movement model fitted on all data so far (`estimate.report.movement`).
 * @returns a new movement model (the input is not changed).
 * @example
 * groupMovement(tracks.filter((t) => t.group === "Honduran caravan 1"), report.movement).regimes;
 * // => { rest: 0.2, walk: 0.4, ride: 0.4 }
 */
export function groupMovement(
  track: readonly TrackPoint[],
  pooled: MovementModel,
  options: GroupMovementOptions = {},
): MovementModel {
  const windowDays = options.windowDays ?? Infinity;
  const points = [...track].sort((a, b) => (a.date < b.date ? -1 : 1));
  // One point a day: the index is the day. The window keeps the latest `windowDays` moves.
  const latest = points.slice(Math.max(0, points.length - windowDays - 1));
  const evidence = movesOfTrack(
    latest.map((p, day) => ({ day, km: p.km })),
    { restBelowKm: options.restBelowKm, rideAboveKm: options.rideAboveKm },
  );
  const recent = options.recentPaceDays;
  const tail = recent !== undefined && recent > 0 ? points.slice(-recent - 1) : [];
  const pace = tail.length >= 2 ? (tail.at(-1)!.km - tail[0]!.km) / (tail.length - 1) : undefined;
  return fitMovement(evidence, pooled, {
    pseudoDays: options.priorDays ?? 4,
    fitWalk: false,
    fitPersistence: options.fitPersistence,
    fitRide: options.fitRide,
    ...(pace !== undefined ? { matchMeanKmPerDay: Math.max(0, pace) } : {}),
  });
}
