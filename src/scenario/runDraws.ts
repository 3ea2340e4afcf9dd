/**
 * The draws made once per Monte Carlo run of a scenario: wave sizes, attrition rates per route
 * stop, movement probabilities per band and the destination leave rate. Everything given as a
 * range in the scenario is sampled here, once per run, so a run is one consistent world.
 */
import type { Random } from "../util/random.ts";
import { lawOfBand, regimeTransitions } from "../movement/index.ts";
import type { MovementModel } from "../movement/index.ts";
import type { CompiledScenario } from "./compile.ts";
import type { NumberOrRange } from "./types.ts";

/**
 * The movement law of one band, drawn for one run: the rest-day and ride probabilities drawn from
 * their ranges, as the one movement law (src/movement/: `lawOfBand`), and its regime transitions.
 */
export interface BandDraw {
  law: MovementModel;
  /**
   * Regime transitions P[from][to] of `law` (rest, walk, ride), and a fourth row, `FRESH` (3):
   * the law's shares, for a day with no yesterday (src/scenario/simulateRun.ts).
   */
  P: number[][];
}

/** What one run drew. */
export interface RunDraws {
  /** People per wave (whole people). */
  waveN: number[];
  /** Per route: claim, return and stay rates of each stop (`stop * 3 + outcome`), summing to ≤ 1. */
  stopRates: Float64Array[];
  /** Per route: the drawn movement of each of its bands. */
  bandDraws: BandDraw[][];
  /** Share of the people at their destination who leave it each day. */
  leaveRate: number;
}

/** A value of a range drawn uniformly (a plain number is returned as is). */
export function sampleRange(range: NumberOrRange, random: Random): number {
  return typeof range === "number" ? range : range.min + random() * (range.max - range.min);
}

const low = (r: NumberOrRange): number => (typeof r === "number" ? r : r.min);
const high = (r: NumberOrRange): number => (typeof r === "number" ? r : r.max);

/** Claim/return/stay rates per stop of each route; rules at one stop add up, scaled to ≤ 1. */
function drawStopRates(c: CompiledScenario, random: Random): Float64Array[] {
  const ruleRates = c.rules.map((rule) => [
    rule.asylumClaim === undefined ? 0 : sampleRange(rule.asylumClaim, random),
    rule.return === undefined ? 0 : sampleRange(rule.return, random),
    rule.stay === undefined ? 0 : sampleRange(rule.stay, random),
  ]);
  return c.routes.map((route) => {
    const rates = new Float64Array(route.place.length * 3);
    route.rules.forEach((list, s) => {
      const sum = [0, 0, 0];
      for (const r of list) for (let k = 0; k < 3; k++) sum[k]! += ruleRates[r]![k]!;
      const total = sum[0]! + sum[1]! + sum[2]!;
      const scale = total > 1 ? 1 / total : 1;
      for (let k = 0; k < 3; k++) rates[s * 3 + k] = sum[k]! * scale;
    });
    return rates;
  });
}

/** Draws everything a run needs, in a fixed order (so a seed gives the same run everywhere). */
export function drawRun(c: CompiledScenario, random: Random): RunDraws {
  const waveN = c.wavePeople.map((r) => Math.round(sampleRange(r, random)));
  const stopRates = drawStopRates(c, random);
  const bandDraws = c.routes.map((route) =>
    route.bands.map(({ band }) => {
      const law = lawOfBand(
        {
          rest: sampleRange(band.restDayProbability, random),
          ride: sampleRange(band.rideProbability, random),
          walk: [low(band.walkKmPerDay), high(band.walkKmPerDay)],
          rideKm: [low(band.rideKmPerDay), high(band.rideKmPerDay)],
        },
        c.persistence,
      );
      // Row FRESH (3): a day with no yesterday (the first after departure or after a stop) draws
      // its regime from the law's shares, as the calibration's first move after a break does.
      const shares = [law.regimes.rest, law.regimes.walk, law.regimes.ride];
      return { law, P: [...regimeTransitions(law), shares] };
    }),
  );
  const leaveRate = sampleRange(c.destinationLeavePerDay, random);
  return { waveN, stopRates, bandDraws, leaveRate };
}

/**
 * Splits each wave's people among its groups by share (whole people; the remainder goes one by
 * one to the wave's first groups), writing the people of group i into `people[i]`.
 */
export function splitWaves(c: CompiledScenario, waveN: number[], people: Int32Array): void {
  const C = c.cohorts.length;
  for (let w = 0; w < waveN.length; w++) {
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
}
