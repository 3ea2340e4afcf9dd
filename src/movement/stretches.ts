/**
 * Pace by stretch of road: the movement law fitted on each stretch of a route from the daily
 * moves the tracks made there, with the pooled law as the prior (docs/movement.md#pace-by-stretch).
 * Where no group has moved yet the pooled law holds; where groups rode a lot (the buses north of
 * Mexico City in 2018) the stretch's ride share rises with the evidence.
 */
import type { Km } from "../model/units.ts";
import { addMove, fitMovement, noEvidence } from "./fit.ts";
import type { MoveClasses, MoveEvidence } from "./fit.ts";
import { REGIMES } from "./law.ts";
import type { MovementModel } from "./law.ts";

/** The law of every stretch of one route: stretch i covers [i × stretchKm, (i + 1) × stretchKm). */
export interface StretchLaws {
  stretchKm: Km;
  laws: MovementModel[];
  /** Daily moves seen on each stretch (the evidence behind its law). */
  moves: number[];
}

/** Options of {@link fitStretchLaws}. */
export interface StretchFitOptions extends MoveClasses {
  /** Length of a stretch (km); default 300. */
  stretchKm?: Km;
  /** Weight of the pooled law's shares on each stretch, in pseudo-days; default 10. */
  pseudoDays?: number;
}

/**
 * The law of each stretch of a route of `routeLengthKm`, fitted on the daily moves of `tracks`
 * (points on consecutive days along that route; a gap breaks the chain), each move counted on the
 * stretch where it started. A stretch's regime shares are the pooled law's times the ratio of the
 * stretch's fitted shares to those of all stretches together (each with a Dirichlet prior of
 * `pseudoDays`, `fitMovement`: all stretches' at the pooled shares, a stretch's at all stretches'): where no group moved, or moved as on the
 * rest of the route, the pooled law holds. Speeds and persistences are the pooled law's.
 * @example
 * fitStretchLaws([[{ day: 0, km: 0 }, { day: 1, km: 400 }]], 900, pooled).laws[0].regimes.ride; // > pooled's
 */
export function fitStretchLaws(
  tracks: readonly (readonly { day: number; km: Km }[])[],
  routeLengthKm: Km,
  pooled: MovementModel,
  options: StretchFitOptions = {},
): StretchLaws {
  const stretchKm = options.stretchKm ?? 300;
  const n = Math.max(1, Math.ceil(routeLengthKm / stretchKm));
  const evidence: MoveEvidence[] = Array.from({ length: n }, noEvidence);
  for (const points of tracks) {
    let previous = -1;
    for (let i = 1; i < points.length; i++) {
      const a = points[i - 1]!;
      const b = points[i]!;
      if (b.day - a.day !== 1) {
        previous = -1;
        continue;
      }
      const s = Math.min(n - 1, Math.max(0, Math.floor(a.km / stretchKm)));
      previous = addMove(evidence[s]!, b.km - a.km, previous, options);
    }
  }
  const pseudoDays = options.pseudoDays ?? 10;
  // Shares relative to all stretches together: a stretch whose moves are as the route's keeps the
  // pooled law (the pooled shares are the estimator's fit; daily moves of smoothed tracks read a
  // little differently, and that must not shift every stretch alike).
  const all = noEvidence();
  for (const e of evidence) for (let r = 0; r < 3; r++) all.regimeDays[r]! += e.regimeDays[r]!;
  const base = fitMovement(all, pooled, { pseudoDays, fitWalk: false }).regimes;
  const laws = evidence.map((e) => {
    // The stretch's shares with the prior at all stretches' shares: no moves, no change.
    const own = fitMovement(
      e,
      { ...pooled, regimes: base },
      { pseudoDays, fitWalk: false },
    ).regimes;
    const w = REGIMES.map((r) => (pooled.regimes[r] * own[r]) / Math.max(1e-9, base[r]));
    const sum = w[0]! + w[1]! + w[2]!;
    return { ...pooled, regimes: { rest: w[0]! / sum, walk: w[1]! / sum, ride: w[2]! / sum } };
  });
  return {
    stretchKm,
    laws,
    moves: evidence.map((e) => e.regimeDays[0] + e.regimeDays[1] + e.regimeDays[2]),
  };
}

/** The law of the stretch at `km` (the last stretch beyond the route's end). */
export function lawAtKm(stretches: StretchLaws, km: Km): MovementModel {
  const i = Math.min(stretches.laws.length - 1, Math.max(0, Math.floor(km / stretches.stretchKm)));
  return stretches.laws[i]!;
}
