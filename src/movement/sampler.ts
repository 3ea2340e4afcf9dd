/**
 * The sampler of the movement law: one day of one group — its regime (Markov), its move and its
 * size. The estimator's simulator steps groups with {@link stepGroup}; the forecast's joint runs
 * (src/forecast/jointRuns.ts), whose median person and head share a day's draws, and the scenario
 * engine, whose groups of a wave share theirs (cohesion), draw a day's uniforms and normals first
 * ({@link drawDay}, or the wave's own) and call the parts at them ({@link nextRegime},
 * {@link moveAtDraws}, {@link walkMoveKm}, {@link rideMoveKm}); all of them change the size with
 * {@link stepSize}. So there is one law of the move and one of the size, whichever order the
 * draws come in.
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

/** Whether a riding day is a long ride: a uniform draw below `longRideProb` (draws one uniform). */
export function drawLongRide(model: MovementModel, random: Random): boolean {
  return random() < model.longRideProb;
}

/** One day's draws of a group, all at once: regime uniform, walk normal, long ride, ride uniform. */
export interface DayDraws {
  /** Uniform ∈ [0, 1) for {@link nextRegime}. */
  regime: number;
  /** Standard normal for {@link walkMoveKm}. */
  walk: number;
  /** Whether a ride is a long one ({@link drawLongRide}). */
  long: boolean;
  /** Uniform ∈ [0, 1) for {@link rideMoveKm}. */
  ride: number;
}

/**
 * Draws all of one day's {@link DayDraws} from `random`, in the order regime, walk, long, ride
 * (whatever the regime turns out to be: points that share the draws may be in different regimes).
 */
export function drawDay(model: MovementModel, random: Random): DayDraws {
  const regime = random();
  const walk = randomNormal(random);
  const long = drawLongRide(model, random);
  return { regime, walk, long, ride: random() };
}

/** One day's move (km) in `regime` (index in {@link REGIMES}) at the day's draws (0 at rest). */
export function moveAtDraws(
  model: MovementModel,
  regime: number,
  draws: Pick<DayDraws, "walk" | "long" | "ride">,
): Km {
  if (regime === 1) return walkMoveKm(model, draws.walk);
  if (regime === 2) return rideMoveKm(model, draws.long, draws.ride);
  return 0;
}

/**
 * One day's move (km) in `regime` (index), drawn from `random` — only the draws the regime needs
 * (a walk's normal; a ride's long-ride and ride uniforms), then {@link moveAtDraws}.
 */
export function sampleMoveKm(model: MovementModel, regime: number, random: Random): Km {
  if (regime === 1)
    return moveAtDraws(model, 1, { walk: randomNormal(random), long: false, ride: 0 });
  if (regime === 2) {
    const long = drawLongRide(model, random);
    return moveAtDraws(model, 2, { walk: 0, long, ride: random() });
  }
  return 0;
}

/** Daily size dynamics of a group ({@link stepSize}). */
export interface SizeDynamics {
  /** Daily attrition share; each day's is uniform on [0.5, 1.5] × this. */
  attritionPerDay: number;
  /** Daily probability of a jump of the size by a factor uniform in [0.6, 1.4]. */
  joinLeaveProb: number;
}

/**
 * The size (people) after one day: attrition, then with `joinLeaveProb` a jump; never below 5
 * people. Draws two uniforms, a third on a jump.
 * @example
 * stepSize(3000, mulberry32(1), { attritionPerDay: 0.01, joinLeaveProb: 0.03 }); // ≈ 2970
 */
export function stepSize(size: People, random: Random, dynamics: SizeDynamics): People {
  let s = size * (1 - dynamics.attritionPerDay * (0.5 + random()));
  if (random() < dynamics.joinLeaveProb) s *= 0.6 + 0.8 * random();
  return Math.max(5, s);
}

/** One group's state on a day. */
export interface GroupDayState {
  km: Km;
  size: People;
  regime: Regime;
}

/**
 * Advances one group by one day: draws the regime (Markov, see law.ts), moves forward by the
 * regime's displacement (clamped at `routeLengthKm`), and changes the size by {@link stepSize}
 * (attrition and, with `joinLeaveProb`, a jump by a factor in [0.6, 1.4]). It draws only what the
 * day's regime needs ({@link sampleMoveKm}), so its stream of draws differs from {@link drawDay}'s;
 * the laws are the same (tests/movement/sharedSteps.test.ts).
 * @example
 * stepGroup({ km: 0, size: 3000, regime: "walk" }, defaultMovementModel(), 4000, mulberry32(1));
 */
export function stepGroup(
  state: GroupDayState,
  movement: MovementModel,
  routeLengthKm: Km,
  random: Random,
  sizeDynamics: SizeDynamics = { attritionPerDay: 0.01, joinLeaveProb: 0.03 },
): GroupDayState {
  const to = nextRegime(cachedRegimeTransitions(movement), regimeIndex(state.regime), random());
  const move = sampleMoveKm(movement, to, random);
  return {
    km: Math.min(routeLengthKm, state.km + move),
    size: stepSize(state.size, random, sizeDynamics),
    regime: REGIMES[to]!,
  };
}
