/**
 * One Monte Carlo run of an influx scenario: groups move day by day along their route (rest, walk
 * or ride), stop where the scenario says, lose people to asylum claims, returns and regularisation
 * at places, and end at their destination. Whole people throughout, so people are conserved exactly.
 *
 * People stay where they stop: claimants wait for a decision at the place where they claimed,
 * people regularised there stay there, and people at their destination stay until they leave it
 * (`destinationLeavePerDay`). All of them are present at that place — they count in its people
 * present, capacity and needs — through the end of the horizon. Only returns and departures from
 * the destination (onward) leave the corridor.
 */
import type { Random } from "../util/random.ts";
import { randomNormal } from "../util/random.ts";
import { nextRegime, rideMoveKm, walkMoveKm } from "../movement/index.ts";
import { binomial } from "./binomial.ts";
import type { CompiledScenario } from "./compile.ts";
import type { RunDraws } from "./runDraws.ts";
import { drawRun, sampleRange, splitWaves } from "./runDraws.ts";

export { sampleRange } from "./runDraws.ts";

/**
 * Totals recorded per day, in this order, in {@link RunBuffers.totals} (`metric * days + day`).
 * Every day of every run: departed = onRoad + presentAtPlaces + returns + leftDestination, and
 * presentAtPlaces = (inTransit − onRoad) + atDestination + asylumClaims + regularized = the sum
 * over places of people present.
 */
export const TOTAL_METRICS = [
  /** People who have set off (entered the scenario), cumulative. */
  "departed",
  /** Still travelling: on the road or halted at a place on the way. */
  "inTransit",
  /** Travelling and not within the presence radius of any place (present nowhere). */
  "onRoad",
  /** Present at some place: travellers there, people at their destination, claimants, stayers. */
  "presentAtPlaces",
  /** At their destination (not yet left it). */
  "atDestination",
  /** Asylum claimants, cumulative; they wait at the place of their claim. */
  "asylumClaims",
  /** Returned, cumulative (left the corridor). */
  "returns",
  /** Regularised (visa, permit), cumulative; they stay at that place. */
  "regularized",
  /** Left their destination (crossed, dispersed; onward), cumulative. */
  "leftDestination",
] as const;

/** Index of each total in {@link TOTAL_METRICS}. */
export const TOTAL = Object.fromEntries(TOTAL_METRICS.map((name, m) => [name, m])) as {
  [K in (typeof TOTAL_METRICS)[number]]: number;
};

/** Scratch state of a run: per group, per place and the running totals. Reused across runs. */
export interface RunWork {
  people: Int32Array;
  km: Float64Array;
  next: Int32Array;
  dwell: Int32Array;
  /** 0 not left yet, 1 travelling, 2 done (at destination or nobody left in the group). */
  state: Uint8Array;
  atDestination: Int32Array;
  cumClaims: Int32Array;
  cumReturns: Int32Array;
  cumRegularized: Int32Array;
  /** Yesterday's regime of each group (0 rest, 1 walk, 2 ride; src/movement/law.ts; 3 {@link FRESH}). */
  regime: Uint8Array;
  /** The wave's common draws of the day: regime uniform, walking normal, ride uniform. */
  waveRegime: Float64Array;
  /** The wave's regime yesterday ({@link FRESH} after a day no group followed it) and today (-1 until set). */
  waveYesterday: Uint8Array;
  waveToday: Int8Array;
  waveWalk: Float64Array;
  waveSpeed: Float64Array;
  /** The wave's common uniform of the day for the town a day ends in ({@link endOfDayKm}). */
  waveTown: Float64Array;
  /** departed, claims, returns, regularised, left the destination (people, cumulative). */
  counts: Float64Array;
}

/** Per-run outputs; place-day cells are indexed `place * days + day`. Reused across runs. */
export interface RunBuffers {
  arrivals: Int32Array;
  present: Int32Array;
  /** Cumulative people who left the movement at the place, by outcome. */
  asylumClaims: Int32Array;
  returns: Int32Array;
  regularized: Int32Array;
  totals: Int32Array;
  work: RunWork;
}

/** Allocates the buffers for one run of `compiled`. */
export function createRunBuffers(compiled: CompiledScenario): RunBuffers {
  const P = compiled.places.length;
  const C = compiled.cohorts.length;
  const W = compiled.wavePeople.length;
  const cells = P * compiled.days;
  return {
    arrivals: new Int32Array(cells),
    present: new Int32Array(cells),
    asylumClaims: new Int32Array(cells),
    returns: new Int32Array(cells),
    regularized: new Int32Array(cells),
    totals: new Int32Array(TOTAL_METRICS.length * compiled.days),
    work: {
      people: new Int32Array(C),
      km: new Float64Array(C),
      next: new Int32Array(C),
      dwell: new Int32Array(C),
      state: new Uint8Array(C),
      atDestination: new Int32Array(P),
      cumClaims: new Int32Array(P),
      cumReturns: new Int32Array(P),
      cumRegularized: new Int32Array(P),
      regime: new Uint8Array(C),
      waveRegime: new Float64Array(W),
      waveYesterday: new Uint8Array(W),
      waveToday: new Int8Array(W),
      waveWalk: new Float64Array(W),
      waveSpeed: new Float64Array(W),
      waveTown: new Float64Array(W),
      counts: new Float64Array(5),
    },
  };
}

/**
 * A group's regime when it has no yesterday: on departure and on leaving a stop. Its row of the
 * run's transitions ({@link RunDraws}) is the law's shares: the calibration breaks the chain at
 * the start of a track and at a stop, so the day after either is drawn without persistence (before,
 * it counted as a rest day, and with persistence 0.55 a wave mostly rested on its first days and
 * lingered a day or two after every stop).
 */
export const FRESH = 3;

const DEPARTED = 0;
const CLAIMS = 1;
const RETURNS = 2;
const REGULARIZED = 3;
const LEFT = 4;

/** A run in progress: the compiled scenario, its draws, its random source and its buffers. */
interface Run {
  c: CompiledScenario;
  draws: RunDraws;
  random: Random;
  out: RunBuffers;
}

/** Group i arrives at stop s of its route on `day`: counted, split by attrition, maybe done. */
function arrive(run: Run, i: number, s: number, day: number): void {
  const { c, out, random } = run;
  const w = out.work;
  const cohort = c.cohorts[i]!;
  const place = c.routes[cohort.route]!.place[s]!;
  let n = w.people[i]!;
  out.arrivals[place * c.days + day]! += n;
  const rates = run.draws.stopRates[cohort.route]!;
  const pc = rates[s * 3]!;
  const pr = rates[s * 3 + 1]!;
  const ps = rates[s * 3 + 2]!;
  if (pc + pr + ps > 0 && n > 0) {
    // Multinomial split as a chain of conditional binomials.
    const a = binomial(n, pc, random);
    const restAfterClaims = 1 - pc;
    const b = restAfterClaims > 0 ? binomial(n - a, pr / restAfterClaims, random) : 0;
    const restAfterReturns = restAfterClaims - pr;
    const k = restAfterReturns > 0 ? binomial(n - a - b, ps / restAfterReturns, random) : 0;
    w.cumClaims[place]! += a;
    w.cumReturns[place]! += b;
    w.cumRegularized[place]! += k;
    w.counts[CLAIMS]! += a;
    w.counts[RETURNS]! += b;
    w.counts[REGULARIZED]! += k;
    n -= a + b + k;
    w.people[i] = n;
  }
  if (s === cohort.destinationStop) {
    w.atDestination[place]! += n;
    w.people[i] = 0;
    w.state[i] = 2;
  } else if (n === 0) {
    w.state[i] = 2;
  }
}

/** Group i sets off from its origin on `day`. */
function depart(run: Run, i: number, day: number): void {
  const w = run.out.work;
  const cohort = run.c.cohorts[i]!;
  w.state[i] = 1;
  w.regime[i] = FRESH;
  w.counts[DEPARTED]! += w.people[i]!;
  w.km[i] = run.c.routes[cohort.route]!.km[cohort.originStop]!;
  w.next[i] = cohort.originStop + 1;
  arrive(run, i, cohort.originStop, day);
}

/**
 * Where a group ends a day that takes it from `here` to `target` (km; its next place is `next`,
 * its destination `last`, on a route whose places are at `km`). Caravans sleep in towns: when the
 * target lies between two places (the last one passed today, or the town it is in, and the next
 * one) each within the day's move of it, the day ends at one of them — the next with chance
 * (target − last) ÷ (next − last), `u` ∈ [0, 1) — so on average the day still moves the law's
 * distance. Otherwise it ends on the road at the target.
 *
 * Before, a day ended at the last place passed whenever that lay in the second half of the day's
 * distance, and never pushed on to the next: every such day lost up to half its move, and the
 * kernel ran slower than the law it was calibrated to (from Ciudad Hidalgo to Mexico City 19.3–20.0
 * days on average where the law's moves take 17.2; the calibrating caravan's own replay 2 days
 * late in Mexico City).
 */
export function endOfDayKm(
  km: Float64Array,
  next: number,
  last: number,
  here: number,
  target: number,
  u: number,
): number {
  let s = next;
  while (s <= last && km[s]! <= target) s++;
  // The last place passed today, else the one the group is in (its km is the group's).
  const before = s > next ? km[s - 1]! : next > 0 && km[next - 1] === here ? here : NaN;
  if (s > last || Number.isNaN(before)) return target;
  const after = km[s]!;
  if (after - target > target - here) return target;
  return u * (after - before) < target - before ? after : before;
}

/**
 * One day of a travelling group: rest, or walk/ride the day's distance, arriving at every place it
 * passes; it halts at a stop (staying its days) or at its destination; otherwise it ends the day at
 * a town near the day's target or on the road ({@link endOfDayKm}).
 */
function moveGroup(run: Run, i: number, day: number): void {
  const { c, random } = run;
  const w = run.out.work;
  if (w.dwell[i]! > 0) {
    w.dwell[i]!--;
    return;
  }
  const cohort = c.cohorts[i]!;
  const route = c.routes[cohort.route]!;
  const here = w.km[i]!;
  const bands = route.bands;
  let b = 0;
  while (b < bands.length - 1 && !(here >= bands[b]!.startKm && here < bands[b]!.endKm)) b++;
  const { law, P } = run.draws.bandDraws[cohort.route]![b]!;
  // The day's regime and move from the one movement law (src/movement/sampler.ts), with the
  // wave's common draws when the group follows its wave today.
  const together = random() < c.cohesion;
  const k = cohort.wave;
  let regime: number;
  if (!together) regime = nextRegime(P, w.regime[i]!, random());
  else {
    // The groups following their wave today share its regime, from the wave's own chain (before,
    // each applied the wave's uniform to its own yesterday, so a group that once rode alone kept
    // riding while its wave walked, and the first arrival ran days ahead of the body).
    if (w.waveToday[k]! < 0) w.waveToday[k] = nextRegime(P, w.waveYesterday[k]!, w.waveRegime[k]!);
    regime = w.waveToday[k]!;
  }
  w.regime[i] = regime;
  if (regime === 0) return;
  let distance: number;
  if (regime === 1) {
    distance = walkMoveKm(law, together ? w.waveWalk[k]! : randomNormal(random));
  } else {
    const long = law.longRideProb > 0 && random() < law.longRideProb;
    distance = rideMoveKm(law, long, together ? w.waveSpeed[k]! : random());
  }
  const u = together ? w.waveTown[k]! : random();
  const target = endOfDayKm(route.km, w.next[i]!, cohort.destinationStop, here, here + distance, u);
  while (w.next[i]! <= cohort.destinationStop && route.km[w.next[i]!]! <= target) {
    const s = w.next[i]!;
    w.next[i]!++;
    arrive(run, i, s, day);
    if (w.state[i] === 2) return;
    const stay = route.dwell[s];
    if (stay !== undefined) {
      w.km[i] = route.km[s]!;
      w.regime[i] = FRESH; // the stop's days are its rest; the day after it has no yesterday
      w.dwell[i] = Math.max(0, Math.round(sampleRange(stay, random)) - 1);
      return;
    }
  }
  w.km[i] = target;
}

/** People leave their destination (onward) at the run's daily rate. */
function leaveDestinations(run: Run): void {
  const w = run.out.work;
  const rate = run.draws.leaveRate;
  if (rate <= 0) return;
  for (let p = 0; p < w.atDestination.length; p++) {
    if (w.atDestination[p]! === 0) continue;
    const gone = binomial(w.atDestination[p]!, rate, run.random);
    w.atDestination[p]! -= gone;
    w.counts[LEFT]! += gone;
  }
}

/**
 * Writes the day's place-day cells and totals.
 * @returns the day's conservation error (0 when every person is accounted for exactly once).
 */
function recordDay(run: Run, day: number): number {
  const { c, out } = run;
  const w = out.work;
  const D = c.days;
  let inTransit = 0;
  let travellingAtPlaces = 0;
  for (let i = 0; i < c.cohorts.length; i++) {
    if (w.state[i] !== 1) continue;
    inTransit += w.people[i]!;
    const route = c.routes[c.cohorts[i]!.route]!;
    const s = w.next[i]! - 1;
    if (s >= 0 && w.km[i]! - route.km[s]! <= c.presenceRadiusKm) {
      out.present[route.place[s]! * D + day]! += w.people[i]!;
      travellingAtPlaces += w.people[i]!;
    }
  }
  let atDestination = 0;
  let presentSum = 0;
  const { present, asylumClaims, returns, regularized } = out;
  const { atDestination: there, cumClaims, cumReturns, cumRegularized } = w;
  for (let p = 0, cell = day; p < there.length; p++, cell += D) {
    // Claimants wait and the regularised stay where they left the movement: present there.
    const stayed = there[p]! + cumClaims[p]! + cumRegularized[p]!;
    const n = present[cell]! + stayed;
    present[cell] = n;
    presentSum += n;
    atDestination += there[p]!;
    asylumClaims[cell] = cumClaims[p]!;
    returns[cell] = cumReturns[p]!;
    regularized[cell] = cumRegularized[p]!;
  }
  const k = w.counts;
  const totals = out.totals;
  totals[TOTAL.departed * D + day] = k[DEPARTED]!;
  totals[TOTAL.inTransit * D + day] = inTransit;
  totals[TOTAL.onRoad * D + day] = inTransit - travellingAtPlaces;
  totals[TOTAL.presentAtPlaces * D + day] = presentSum;
  totals[TOTAL.atDestination * D + day] = atDestination;
  totals[TOTAL.asylumClaims * D + day] = k[CLAIMS]!;
  totals[TOTAL.returns * D + day] = k[RETURNS]!;
  totals[TOTAL.regularized * D + day] = k[REGULARIZED]!;
  totals[TOTAL.leftDestination * D + day] = k[LEFT]!;
  const accounted = inTransit - travellingAtPlaces + presentSum + k[RETURNS]! + k[LEFT]!;
  const atPlaces = travellingAtPlaces + atDestination + k[CLAIMS]! + k[REGULARIZED]!;
  return Math.max(Math.abs(k[DEPARTED]! - accounted), Math.abs(presentSum - atPlaces));
}

/** Clears a run's outputs and scratch state and gives each group its people. */
function resetRun(run: Run): void {
  const out = run.out;
  for (const table of [
    out.arrivals,
    out.present,
    out.asylumClaims,
    out.returns,
    out.regularized,
    out.totals,
  ])
    table.fill(0);
  for (const array of Object.values(out.work)) array.fill(0);
  splitWaves(run.c, run.draws.waveN, out.work.people);
}

/**
 * Runs the scenario once and writes every place-day count and the day's totals into `out`.
 *
 * Per run: wave sizes, attrition rates, rest/ride probabilities and the destination leave rate are
 * drawn from their ranges ({@link drawRun}); each band's movement is then a law of the one
 * movement model (src/movement/). Per day and group: with probability `cohesion` the group follows
 * its wave's common draw (regime and speed), else its own ({@link moveGroup}).
 *
 * @returns the largest conservation error over the days (0: departed = on the road + present at
 * places + returned + left the destination, and present at places = travellers at places + at
 * destination + claimants waiting + regularised staying, every day).
 */
export function simulateRun(c: CompiledScenario, random: Random, out: RunBuffers): number {
  const run: Run = { c, draws: drawRun(c, random), random, out };
  resetRun(run);
  const w = out.work;
  const C = c.cohorts.length;
  let worst = 0;
  for (let day = 0; day < c.days; day++) {
    for (let k = 0; k < w.waveRegime.length; k++) {
      w.waveRegime[k] = random();
      // A day on which no group followed the wave (before departure, all at a stop) breaks its chain.
      w.waveYesterday[k] = day > 0 && w.waveToday[k]! >= 0 ? w.waveToday[k]! : FRESH;
      w.waveToday[k] = -1;
      w.waveWalk[k] = randomNormal(random);
      w.waveSpeed[k] = random();
      w.waveTown[k] = random();
    }
    for (let i = 0; i < C; i++) {
      if (w.state[i] === 0) {
        if (c.cohorts[i]!.departDay === day) depart(run, i, day);
      } else if (w.state[i] === 1) moveGroup(run, i, day);
    }
    leaveDestinations(run);
    worst = Math.max(worst, recordDay(run, day));
  }
  return worst;
}
