/**
 * The one movement model (src/movement/): the sampler draws the law, the density form integrates
 * to 1, the fitting routine recovers a law from tracks drawn from it.
 */
import { describe, expect, it } from "vitest";
import {
  bandOfLaw,
  dayMoveLaw,
  defaultMovementModel,
  fitMovement,
  lawOfBand,
  meanDailyKm,
  movesOfTrack,
  regimeTransitions,
  sampleMoveKm,
  nextRegime,
  stepGroup,
} from "../../src/movement/index.ts";
import type { MovementModel } from "../../src/movement/index.ts";
import { mulberry32 } from "../../src/util/random.ts";

/** Draws `days` days of the law (regimes and moves) from the sampler. */
function draw(model: MovementModel, days: number, seed: number) {
  const random = mulberry32(seed);
  const P = regimeTransitions(model);
  const moves: number[] = [];
  const regimes: number[] = [];
  let r = 1;
  for (let d = 0; d < days; d++) {
    r = nextRegime(P, r, random());
    regimes.push(r);
    moves.push(sampleMoveKm(model, r, random));
  }
  return { moves, regimes };
}

const mixes: MovementModel[] = [
  defaultMovementModel(),
  { ...defaultMovementModel(), regimes: { rest: 0.1, walk: 0.3, ride: 0.6 }, persistence: 0 },
  {
    ...defaultMovementModel(),
    regimes: { rest: 0.5, walk: 0.45, ride: 0.05 },
    walkKm: { mean: 12, sd: 10 },
    longRideProb: 0,
  },
];

describe("sampler", () => {
  it("draws regime shares, mean and variance of the day's move as the law says", () => {
    for (const model of mixes) {
      const { moves, regimes } = draw(model, 200_000, 7);
      const share = [0, 1, 2].map((k) => regimes.filter((r) => r === k).length / regimes.length);
      expect(share[0]).toBeCloseTo(model.regimes.rest, 2);
      expect(share[2]).toBeCloseTo(model.regimes.ride, 2);
      const mean = moves.reduce((a, b) => a + b, 0) / moves.length;
      expect(Math.abs(mean - meanDailyKm(model)) / meanDailyKm(model)).toBeLessThan(0.01);
      // Second moment from the density form (numerical), against the sample's.
      const law = dayMoveLaw(model);
      let m2 = 0;
      for (let d = 0.05; d < 2000; d += 0.1) m2 += d * d * law.density(d) * 0.1;
      const sample2 = moves.reduce((a, b) => a + b * b, 0) / moves.length;
      expect(Math.abs(sample2 - m2) / m2).toBeLessThan(0.02);
    }
  });

  it("repeats yesterday's regime with probability persistence + (1 − persistence) π", () => {
    const model = defaultMovementModel();
    const { regimes } = draw(model, 200_000, 3);
    let restRest = 0;
    let rest = 0;
    for (let d = 1; d < regimes.length; d++) {
      if (regimes[d - 1] !== 0) continue;
      rest++;
      if (regimes[d] === 0) restRest++;
    }
    const expected = model.persistence + (1 - model.persistence) * model.regimes.rest;
    expect(restRest / rest).toBeCloseTo(expected, 2);
  });

  it("stepGroup moves forward only and stops at the route's end", () => {
    const random = mulberry32(1);
    let state = { km: 0, size: 3000, regime: "walk" as const } as Parameters<typeof stepGroup>[0];
    for (let d = 0; d < 200; d++) {
      const next = stepGroup(state, defaultMovementModel(), 1500, random);
      expect(next.km).toBeGreaterThanOrEqual(state.km);
      state = next;
    }
    expect(state.km).toBe(1500);
  });
});

describe("density form", () => {
  it("integrates to 1 (atom at 0 + density over km > 0) for every regime mix", () => {
    for (const model of mixes) {
      const law = dayMoveLaw(model);
      let integral = 0;
      for (let d = 0.005; d < 2000; d += 0.01) integral += law.density(d) * 0.01;
      expect(law.atZero + integral).toBeCloseTo(1, 3);
    }
  });

  it("puts the sampler's share of days at 0 km in its atom", () => {
    const model = mixes[2]!;
    const { moves } = draw(model, 100_000, 11);
    const zero = moves.filter((m) => m === 0).length / moves.length;
    expect(zero).toBeCloseTo(dayMoveLaw(model).atZero, 2);
  });
});

describe("fitting routine", () => {
  const truth: MovementModel = {
    regimes: { rest: 0.25, walk: 0.45, ride: 0.3 },
    persistence: 0.4,
    walkKm: { mean: 45, sd: 8 },
    rideKm: { min: 150, max: 350 },
    longRideProb: 0,
    longRideMaxKm: 350,
  };

  it("recovers shares, walking speed, ride range and persistence from simulated tracks", () => {
    const { moves } = draw(truth, 3000, 5);
    const points = [{ day: 0, km: 0 }];
    for (const m of moves) points.push({ day: points.length, km: points.at(-1)!.km + m });
    const fitted = fitMovement(movesOfTrack(points), defaultMovementModel(), {
      fitRide: true,
      fitPersistence: true,
    });
    expect(fitted.regimes.rest).toBeCloseTo(truth.regimes.rest, 1);
    expect(fitted.regimes.ride).toBeCloseTo(truth.regimes.ride, 1);
    expect(Math.abs(fitted.walkKm.mean - 45)).toBeLessThan(1.5);
    expect(Math.abs(fitted.walkKm.sd - 8)).toBeLessThan(1.5);
    // p10–p90 of a uniform on 150–350: 170–330.
    expect(Math.abs(fitted.rideKm.min - 170)).toBeLessThan(10);
    expect(Math.abs(fitted.rideKm.max - 330)).toBeLessThan(10);
    expect(Math.abs(fitted.persistence - 0.4)).toBeLessThan(0.05);
  });

  it("with few days stays near the prior, and matches a given mean daily move", () => {
    const prior = defaultMovementModel();
    const points = [0, 40, 80, 80, 120].map((km, day) => ({ day, km }));
    const near = fitMovement(movesOfTrack(points), prior);
    expect(Math.abs(near.regimes.ride - prior.regimes.ride)).toBeLessThan(0.05);
    const matched = fitMovement(movesOfTrack(points), prior, { matchMeanKmPerDay: 30 });
    expect(meanDailyKm(matched)).toBeCloseTo(30, 6);
  });

  it("a scenario band and its law convert both ways (walk mean and variance kept)", () => {
    const law = lawOfBand({ rest: 0.2, ride: 0.25, walk: [35, 50], rideKm: [150, 320] }, 0.3);
    const band = bandOfLaw(law, 1e9);
    expect(band.walkKmPerDay).toEqual({ min: 35, max: 50 });
    expect(band.rideKmPerDay).toEqual({ min: 150, max: 320 });
    expect(band.restDayProbability.min).toBeCloseTo(0.2, 3);
    expect(band.rideProbability.max).toBeCloseTo(0.25, 3);
  });
});
