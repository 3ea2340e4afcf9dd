/**
 * The Monte Carlo runs of one group's forecast: its median person (the bulk) and, when the track
 * has a head, its first people, simulated TOGETHER in every run (issue 14, headorder).
 *
 * Why together: the head and the median person are two points of one group. Simulated apart (each
 * from its own start, with its own draws) the head's runs and the median person's runs were two
 * unrelated samples, and at places where the two are close the head's p50 came out after the
 * median person's (as of 25 Nov 2018, 13 of 212 group-places in forecast.csv), and a place "most
 * already past" showed first people still to come. In a joint run the head is the median run's km
 * plus that run's head offset, and the offset evolves under the one movement law:
 * - start: both kms from the same standard normal draw on their own 90 % intervals (one set of
 *   reports places both: a start further ahead for the body is one for the head too), the head no
 *   further back than the body;
 * - each day both advance by the movement law with COMMON draws (the group's shared uniform for
 *   the regime, normal for a walk, uniforms for a ride: as the scenario engine's waves share
 *   theirs), by the sampler's `drawDay`, `moveAtDraws` and `stepSize`: the laws `stepGroup`
 *   applies. Each keeps its own regime, so a head that was riding on the last day (`head.regime`)
 *   rides on while the body rests; once both are in one regime they move alike and the offset
 *   stays; the marginal law of each is the law itself;
 * - the head is never behind the median person (a body that rides past its head carries it).
 * So in every run the head reaches a place no later than the median person, and the quantiles keep
 * that order.
 *
 * The start is STRATIFIED (issue 14, mend21c): run r starts at the standard normal quantile of its
 * own rank in a seeded shuffle ({@link stratifiedNormals}), not at a free draw, so the runs' km on
 * their first day has the nowcast's median exactly and its quantiles to within a run. Free draws
 * put the median run up to ~80 km off the nowcast on a skewed interval (Salvadoran caravan 1 as of
 * 5 Nov 2018: 573.7 km in the nowcast and tracks.csv, 651.8 in positions.csv that day, and a place
 * ahead of the nowcast flagged "most already past"). The size starts stratified the same way, on
 * its own shuffle.
 */
import type { Km } from "../model/units.ts";
import type { Random } from "../util/random.ts";
import { normalQuantile, Z90 } from "../util/normal.ts";
import {
  cachedRegimeTransitions,
  drawDay,
  moveAtDraws,
  nextRegime,
  REGIMES,
  startShape,
  stepSize,
} from "../movement/index.ts";
import type { DayDraws, MovementModel, SizeDynamics } from "../movement/index.ts";
import type { GroupNowcast } from "./nowcast.ts";

/** Size dynamics and the start's spread of {@link simulateRuns}. */
export interface RunDynamics extends SizeDynamics {
  /**
   * Share of the nowcast's km spread the runs start with (1 = the nowcast's 90 % interval). Each
   * side's sd is at least 0.5 km, so at 0 the runs still start within about ±1 km of the median.
   */
  startSpread: number;
  /**
   * The start's shape through the nowcast's median and 90 % interval: "split" (default) a split
   * normal, one sd each side; "lognormal" the movement module's one start shape (`startShape`,
   * src/movement/ahead.ts), the shape the held days after the data are carried from.
   */
  startShape?: "split" | "lognormal";
}

/** Run-major arrays over days 0…steps at 12:00 after the group's last observed day. */
export interface SimulatedRuns {
  /** The median person's km. */
  km: Float64Array;
  /** The group's size. */
  size: Float64Array;
  /** The head's km in the same runs (≥ `km` everywhere); undefined without `g.head`. */
  head?: Float64Array;
}

type KmStart = { median: Km; low: Km; high: Km };

/**
 * Simulates `runs` runs of `steps` days of one group (and its head, if any) from the nowcast.
 * @param g the group's nowcast (km, regime, size, movement, route length; `head` if any).
 * @param steps days after the last observed day (≥ 0).
 * @param random seeded uniform source (drawn run by run, day by day).
 * @example
 * const sim = simulateRuns(now.groups[0]!, 14, 500, mulberry32(1), { attritionPerDay: 0.01, joinLeaveProb: 0.03, startSpread: 1 });
 * sim.head![14] >= sim.km[14]; // => true
 */
export function simulateRuns(
  g: GroupNowcast,
  steps: number,
  runs: number,
  random: Random,
  dynamics: RunDynamics,
): SimulatedRuns {
  const width = steps + 1;
  const km = new Float64Array(runs * width);
  const size = new Float64Array(runs * width);
  const head = g.head ? new Float64Array(runs * width) : undefined;
  const P = cachedRegimeTransitions(g.movement);
  const bodyP = REGIMES.map((r) => g.regime[r]);
  const headP = g.head ? REGIMES.map((r) => g.head!.regime[r]) : bodyP;
  const cap = g.routeLengthKm;
  const zKm = stratifiedNormals(runs, random);
  const zSize = stratifiedNormals(runs, random);
  const bodyAt = startAt(g.km, dynamics, cap);
  const headAt = g.head ? startAt(g.head.km, dynamics, cap) : bodyAt;
  for (let r = 0; r < runs; r++) {
    const z = zKm[r]!;
    const km0 = bodyAt(z);
    let s = g.size ? startSize(g.size, zSize[r]!) : 1000;
    const u0 = random();
    let body = { km: km0, regime: nextRegime([bodyP], 0, u0) };
    // The same uniform starts both regimes: a head as likely to ride as the body rides with it.
    let front = g.head
      ? {
          km: Math.max(km0, headAt(z)),
          regime: nextRegime([headP], 0, u0),
        }
      : body;
    const at = r * width;
    km[at] = body.km;
    size[at] = s;
    if (head) head[at] = front.km;
    for (let k = 1; k <= steps; k++) {
      const draws = drawDay(g.movement, random);
      body = advance(body, P, g.movement, draws, cap);
      if (head) {
        front = advance(front, P, g.movement, draws, cap);
        if (front.km < body.km) front = { ...front, km: body.km };
        head[at + k] = front.km;
      }
      s = stepSize(s, random, dynamics);
      km[at + k] = body.km;
      size[at + k] = s;
    }
  }
  return { km, size, ...(head ? { head } : {}) };
}

/**
 * Fewest runs for which the two middle ranks of an even count are set to 0 (stratifiedNormals).
 * Below it the exact median is moot and zeroing them collapses the spread: with 2 runs every run
 * started at the median, with 4 the values were (−1.15, 0, 0, 1.15).
 */
export const EXACT_MEDIAN_MIN_RUNS = 20;

/**
 * `n` standard normal values, one per rank: the value of rank i is Φ⁻¹((i + ½) / n), the ranks
 * dealt to the runs by a seeded Fisher–Yates shuffle. With n even (from EXACT_MEDIAN_MIN_RUNS on)
 * the two middle ranks are 0, so the median of any monotone map of them (a split normal start) is
 * the map at 0 exactly; with n odd the middle rank is 0 anyway.
 */
export function stratifiedNormals(n: number, random: Random): Float64Array {
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const middle = n % 2 === 0 && n >= EXACT_MEDIAN_MIN_RUNS && (i === n / 2 - 1 || i === n / 2);
    z[i] = middle ? 0 : normalQuantile((i + 0.5) / n);
  }
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = z[i]!;
    z[i] = z[j]!;
    z[j] = t;
  }
  return z;
}

/**
 * The start km at a standard normal z: {@link startKm} (split normal), or with `startShape:
 * "lognormal"` the movement module's start shape through the interval's sides scaled by
 * `startSpread`, held in [0, cap].
 */
function startAt(start: KmStart, dynamics: RunDynamics, cap: Km): (z: number) => Km {
  if (dynamics.startShape !== "lognormal")
    return (z) => startKm(start, z, dynamics.startSpread, cap);
  const f = dynamics.startSpread;
  const shape = startShape(
    {
      median: start.median,
      low: start.median - (start.median - start.low) * f,
      high: start.median + (start.high - start.median) * f,
    },
    cap,
  );
  return (z) => Math.min(cap, Math.max(0, shape.kmAt(z)));
}

/**
 * The start km at the standard normal `z` on a split normal through the median and 90 % interval:
 * each side's sd is that side's half-width ÷ Z90 (the project's one 90 % z, util/normal.ts).
 */
function startKm(start: KmStart, z: number, startSpread: number, cap: Km): Km {
  const spread = startSpread / Z90;
  const sd = Math.max(0.5, (z < 0 ? start.median - start.low : start.high - start.median) * spread);
  return Math.min(cap, Math.max(0, start.median + z * sd));
}

/**
 * The start size at the standard normal `z`: a split log-normal through the size estimate's median
 * and 90 % interval (each side's log sd that side's log half-width ÷ Z90), so the runs' median on
 * the state's day IS the state's size (tracks.csv `size`; the log-normal through `logMean` put it
 * 2 % off: Honduran caravan 2 as of 25 Nov 2018, 1,136 against 1,158); the log-normal of
 * `logMean`/`logSd` when the interval is not usable.
 */
function startSize(size: NonNullable<GroupNowcast["size"]>, z: number): number {
  const { median, low, high } = size;
  if (!(median > 0 && low > 0 && high >= median && low <= median))
    return Math.exp(size.logMean + size.logSd * z);
  const side = z < 0 ? Math.log(median / low) : Math.log(high / median);
  return median * Math.exp((z * side) / Z90);
}

/** One day of one point of the group under the movement law at the day's common draws. */
function advance(
  p: { km: Km; regime: number },
  P: readonly (readonly number[])[],
  movement: MovementModel,
  d: DayDraws,
  cap: Km,
): { km: Km; regime: number } {
  const to = nextRegime(P, p.regime, d.regime);
  return { km: Math.min(cap, p.km + moveAtDraws(movement, to, d)), regime: to };
}
