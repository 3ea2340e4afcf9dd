/**
 * One Monte Carlo run of an influx scenario: groups move day by day along their route (rest, walk
 * or ride), stop where the scenario says, lose people to asylum claims, returns and regularisation
 * at places, and end at their destination. Whole people throughout, so people are conserved exactly.
 */
import type { Random } from "../util/random.ts";
import { binomial } from "./binomial.ts";
import type { CompiledScenario } from "./compile.ts";
import type { NumberOrRange } from "./types.ts";

/** Totals recorded per day, in this order, in {@link RunBuffers.totals} (`metric * days + day`). */
export const TOTAL_METRICS = [
  "departed",
  "inTransit",
  "atDestination",
  "asylumClaims",
  "returns",
  "regularized",
  "leftDestination",
] as const;

/** Per-run outputs; place-day cells are indexed `place * days + day`. Reused across runs. */
export interface RunBuffers {
  arrivals: Int32Array;
  present: Int32Array;
  /** Cumulative people who left the movement at the place, by outcome. */
  asylumClaims: Int32Array;
  returns: Int32Array;
  regularized: Int32Array;
  totals: Int32Array;
  /** Scratch state, reused across runs (no allocation per run). */
  work: {
    people: Int32Array;
    km: Float64Array;
    next: Int32Array;
    dwell: Int32Array;
    state: Uint8Array;
    atDestination: Int32Array;
    cumClaims: Int32Array;
    cumReturns: Int32Array;
    cumRegularized: Int32Array;
    waveRegime: Float64Array;
    waveSpeed: Float64Array;
  };
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
      waveRegime: new Float64Array(W),
      waveSpeed: new Float64Array(W),
    },
  };
}

/** A value of a range drawn uniformly (a plain number is returned as is). */
export function sampleRange(range: NumberOrRange, random: Random): number {
  return typeof range === "number" ? range : range.min + random() * (range.max - range.min);
}

const low = (r: NumberOrRange): number => (typeof r === "number" ? r : r.min);
const high = (r: NumberOrRange): number => (typeof r === "number" ? r : r.max);

/**
 * Runs the scenario once and writes every place-day count into `out`.
 *
 * Per run: wave sizes, attrition rates, rest/ride probabilities and the destination leave rate are
 * drawn from their ranges. Per day and group: with probability `cohesion` the group follows its
 * wave's common draw (regime and speed), else its own. A moving group covers the day's distance,
 * arriving at every place it passes; it halts at a stop (and stays its days there) or at its
 * destination; otherwise it ends the day at the last place it passed when that place lies in the
 * second half of the day's distance (caravans sleep in towns), else on the road.
 *
 * @returns the largest conservation error over the days (0: departed = in transit + at
 * destination + claims + returns + regularised + left the destination, every day).
 */
export function simulateRun(c: CompiledScenario, random: Random, out: RunBuffers): number {
  const P = c.places.length;
  const D = c.days;
  const C = c.cohorts.length;
  out.arrivals.fill(0);
  out.present.fill(0);
  out.asylumClaims.fill(0);
  out.returns.fill(0);
  out.regularized.fill(0);
  out.totals.fill(0);

  // ── per-run draws ──
  const waveCount = c.wavePeople.length;
  const waveN = c.wavePeople.map((r) => Math.round(sampleRange(r, random)));
  const ruleRates = c.rules.map((rule) => [
    rule.asylumClaim === undefined ? 0 : sampleRange(rule.asylumClaim, random),
    rule.return === undefined ? 0 : sampleRange(rule.return, random),
    rule.stay === undefined ? 0 : sampleRange(rule.stay, random),
  ]);
  const stopRates = c.routes.map((route) => {
    const rates = new Float64Array(route.place.length * 3);
    route.rules.forEach((list, s) => {
      let claim = 0;
      let back = 0;
      let stay = 0;
      for (const r of list) {
        claim += ruleRates[r]![0]!;
        back += ruleRates[r]![1]!;
        stay += ruleRates[r]![2]!;
      }
      const total = claim + back + stay;
      const scale = total > 1 ? 1 / total : 1;
      rates[s * 3] = claim * scale;
      rates[s * 3 + 1] = back * scale;
      rates[s * 3 + 2] = stay * scale;
    });
    return rates;
  });
  const bandDraws = c.routes.map((route) =>
    route.bands.map(({ band }) => ({
      rest: sampleRange(band.restDayProbability, random),
      ride: sampleRange(band.rideProbability, random),
      walkMin: low(band.walkKmPerDay),
      walkMax: high(band.walkKmPerDay),
      rideMin: low(band.rideKmPerDay),
      rideMax: high(band.rideKmPerDay),
    })),
  );
  const leaveRate = sampleRange(c.destinationLeavePerDay, random);

  // People per group: the wave's people split by share, remainders to the first groups.
  const work = out.work;
  for (const array of Object.values(work)) array.fill(0);
  const people = work.people;
  for (let w = 0; w < waveCount; w++) {
    let given = 0;
    let first = -1;
    for (let i = 0; i < C; i++) {
      const cohort = c.cohorts[i]!;
      if (cohort.wave !== w) continue;
      if (first < 0) first = i;
      people[i] = Math.floor(waveN[w]! * cohort.share + 1e-9);
      given += people[i]!;
    }
    for (let i = first; given < waveN[w]! && i >= 0 && i < C; i++) {
      if (c.cohorts[i]!.wave !== w) continue;
      people[i]!++;
      given++;
    }
  }

  // ── state ──
  const { km, next, dwell, atDestination, cumClaims, cumReturns, cumRegularized } = work;
  const state = work.state; // 0 not left yet, 1 moving, 2 done
  let departed = 0;
  let claims = 0;
  let returns = 0;
  let regularized = 0;
  let left = 0;
  let worst = 0;
  const { waveRegime, waveSpeed } = work;
  const radius = c.presenceRadiusKm;

  const arrive = (i: number, s: number, day: number): void => {
    const cohort = c.cohorts[i]!;
    const route = c.routes[cohort.route]!;
    const place = route.place[s]!;
    let n = people[i]!;
    out.arrivals[place * D + day]! += n;
    const rates = stopRates[cohort.route]!;
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
      cumClaims[place]! += a;
      cumReturns[place]! += b;
      cumRegularized[place]! += k;
      claims += a;
      returns += b;
      regularized += k;
      n -= a + b + k;
      people[i] = n;
    }
    if (s === cohort.destinationStop) {
      atDestination[place]! += n;
      people[i] = 0;
      state[i] = 2;
    } else if (n === 0) {
      state[i] = 2;
    }
  };

  for (let day = 0; day < D; day++) {
    for (let w = 0; w < waveCount; w++) {
      waveRegime[w] = random();
      waveSpeed[w] = random();
    }
    for (let i = 0; i < C; i++) {
      const cohort = c.cohorts[i]!;
      if (state[i] === 0) {
        if (cohort.departDay !== day) continue;
        const route = c.routes[cohort.route]!;
        state[i] = 1;
        departed += people[i]!;
        km[i] = route.km[cohort.originStop]!;
        next[i] = cohort.originStop + 1;
        arrive(i, cohort.originStop, day);
        continue;
      }
      if (state[i] !== 1) continue;
      if (dwell[i]! > 0) {
        dwell[i]!--;
        continue;
      }
      const route = c.routes[cohort.route]!;
      const here = km[i]!;
      const bands = route.bands;
      let b = 0;
      while (b < bands.length - 1 && !(here >= bands[b]!.startKm && here < bands[b]!.endKm)) b++;
      const band = bandDraws[cohort.route]![b]!;
      const together = random() < c.cohesion;
      const u = together ? waveRegime[cohort.wave]! : random();
      if (u < band.rest) continue;
      const ride = (u - band.rest) / (1 - band.rest) < band.ride;
      const v = together ? waveSpeed[cohort.wave]! : random();
      const distance = ride
        ? band.rideMin + v * (band.rideMax - band.rideMin)
        : band.walkMin + v * (band.walkMax - band.walkMin);
      const target = here + distance;
      let lastPassed = -1;
      let halted = false;
      while (next[i]! <= cohort.destinationStop && route.km[next[i]!]! <= target) {
        const s = next[i]!;
        next[i]!++;
        arrive(i, s, day);
        if (state[i] === 2) {
          halted = true;
          break;
        }
        const stay = route.dwell[s];
        if (stay !== undefined) {
          km[i] = route.km[s]!;
          dwell[i] = Math.max(0, Math.round(sampleRange(stay, random)) - 1);
          halted = true;
          break;
        }
        lastPassed = s;
      }
      if (!halted) {
        km[i] =
          lastPassed >= 0 && route.km[lastPassed]! - here >= distance / 2
            ? route.km[lastPassed]!
            : target;
      }
    }
    if (leaveRate > 0) {
      for (let p = 0; p < P; p++) {
        if (atDestination[p]! === 0) continue;
        const gone = binomial(atDestination[p]!, leaveRate, random);
        atDestination[p]! -= gone;
        left += gone;
      }
    }
    // ── record the day ──
    let inTransit = 0;
    for (let i = 0; i < C; i++) {
      if (state[i] !== 1) continue;
      inTransit += people[i]!;
      const route = c.routes[c.cohorts[i]!.route]!;
      const s = next[i]! - 1;
      if (s >= 0 && km[i]! - route.km[s]! <= radius)
        out.present[route.place[s]! * D + day]! += people[i]!;
    }
    let destinationTotal = 0;
    for (let p = 0; p < P; p++) {
      const cell = p * D + day;
      out.present[cell]! += atDestination[p]!;
      destinationTotal += atDestination[p]!;
      out.asylumClaims[cell] = cumClaims[p]!;
      out.returns[cell] = cumReturns[p]!;
      out.regularized[cell] = cumRegularized[p]!;
    }
    const totals = out.totals;
    totals[day] = departed;
    totals[D + day] = inTransit;
    totals[2 * D + day] = destinationTotal;
    totals[3 * D + day] = claims;
    totals[4 * D + day] = returns;
    totals[5 * D + day] = regularized;
    totals[6 * D + day] = left;
    const error = Math.abs(
      departed - inTransit - destinationTotal - claims - returns - regularized - left,
    );
    if (error > worst) worst = error;
  }
  return worst;
}
