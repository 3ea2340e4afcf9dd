/**
 * The sampler of the movement law: one day of one group — its regime (Markov) and its move. The
 * forecast and the estimator's simulator step groups with {@link stepGroup}; the scenario engine,
 * whose groups of a wave share their draws (cohesion), calls the parts ({@link nextRegime},
 * {@link walkMoveKm}, {@link rideMoveKm}) with the wave's common uniforms and normals.
 */
import type { Km, People } from "../model/units.ts";
import type { Random } from "../util/random.ts";
import { randomNormal } from "../util/random.ts";
import { cachedRegimeTransitions, REGIMES, regimeIndex } from "./law.ts";
import type { MovementModel, Regime } from "./law.ts";

/**
 * Today's regime (index in {@link REGIMES}) from yesterday's `from`, by inverse CDF of row
 * `P[from]` at the uniform `u` ∈ [0, 1).
 * @example
 * nextRegime(regimeTransitions(defaultMovementModel()), 0, 0.1); // => 0 (rest)
 */
export function nextRegime(P: readonly (readonly number[])[], from: number, u: number): number {
  const row = P[from]!;
  let to = 0;
  while (to < 2 && u >= row[to]!) u -= row[to++]!;
  return to;
}

/** A walking day's km for the standard normal draw `z` (normal, truncated at 0). */
export function walkMoveKm(model: MovementModel, z: number): Km {
  return Math.max(0, model.walkKm.mean + model.walkKm.sd * z);
}

/** A riding day's km: uniform on the ride range, or on the long-ride range when `long`; `u` ∈ [0, 1). */
export function rideMoveKm(model: MovementModel, long: boolean, u: number): Km {
  return long
    ? model.rideKm.max + u * (model.longRideMaxKm - model.rideKm.max)
    : model.rideKm.min + u * (model.rideKm.max - model.rideKm.min);
}

/** One day's move (km) in `regime` (index), drawn from `random`. */
export function sampleMoveKm(model: MovementModel, regime: number, random: Random): Km {
  if (regime === 1) return walkMoveKm(model, randomNormal(random));
  if (regime === 2) {
    const long = random() < model.longRideProb;
    return rideMoveKm(model, long, random());
  }
  return 0;
}

/** One group's state on a day. */
export interface GroupDayState {
  km: Km;
  size: People;
  regime: Regime;
}

/**
 * Advances one group by one day: draws the regime (Markov, see law.ts), moves forward by the
 * regime's displacement (clamped at `routeLengthKm`), applies attrition and, with `joinLeaveProb`,
 * a jump of the size by a factor in [0.6, 1.4].
 * @example
 * stepGroup({ km: 0, size: 3000, regime: "walk" }, defaultMovementModel(), 4000, mulberry32(1));
 */
export function stepGroup(
  state: GroupDayState,
  movement: MovementModel,
  routeLengthKm: Km,
  random: Random,
  sizeDynamics: { attritionPerDay: number; joinLeaveProb: number } = {
    attritionPerDay: 0.01,
    joinLeaveProb: 0.03,
  },
): GroupDayState {
  const to = nextRegime(cachedRegimeTransitions(movement), regimeIndex(state.regime), random());
  const move = sampleMoveKm(movement, to, random);
  let size = state.size * (1 - sizeDynamics.attritionPerDay * (0.5 + random()));
  if (random() < sizeDynamics.joinLeaveProb) size *= 0.6 + 0.8 * random();
  return {
    km: Math.min(routeLengthKm, state.km + move),
    size: Math.max(5, size),
    regime: REGIMES[to]!,
  };
}
