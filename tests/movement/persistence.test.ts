/**
 * A persistence per regime in the one movement model (src/movement/): the chain keeps the shares
 * as its long-run law, runs last as long as the law says, the fit recovers week-long stays from
 * a track, and the estimator's smoother reads the same chain. Pace by stretch: a stretch where
 * groups rode gets more rides, one without moves keeps the pooled law.
 */
import { describe, expect, it } from "vitest";
import {
  cachedRegimeTransitions,
  defaultEstimatorMovement,
  defaultMovementModel,
  expectedRunDays,
  fitMovement,
  fitRegimePersistence,
  fitStretchLaws,
  lawAtKm,
  movesOfTrack,
  nextRegime,
  regimeChain,
  regimeTransitions,
  stepGroup,
} from "../../src/movement/index.ts";
import type { MovementModel, Regime } from "../../src/movement/index.ts";
import { mulberry32 } from "../../src/util/random.ts";
import { simulateWorld } from "../../src/estimate/simulate.ts";
import { estimateTracks } from "../../src/estimate/estimateTracks.ts";

const byRegime: MovementModel = {
  ...defaultMovementModel(),
  regimes: { rest: 0.4, walk: 0.45, ride: 0.15 },
  persistence: 0.45,
  persistenceByRegime: { rest: 0.9, walk: 0.6, ride: 0 },
};

/** Lengths of the runs of each regime in a sequence. */
function runLengths(regimes: number[]): number[][] {
  const runs: number[][] = [[], [], []];
  let start = 0;
  for (let i = 1; i <= regimes.length; i++) {
    if (i === regimes.length || regimes[i] !== regimes[start]) {
      runs[regimes[start]!]!.push(i - start);
      start = i;
    }
  }
  return runs;
}

describe("a persistence per regime", () => {
  it("keeps the shares as the long-run law and gives each regime its own run length", () => {
    const P = regimeTransitions(byRegime);
    for (const row of P) expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    // π P = π: the regime shares are the chain's stationary law.
    const pi = [0.4, 0.45, 0.15];
    for (let to = 0; to < 3; to++) {
      expect(pi.reduce((s, p, from) => s + p * P[from]![to]!, 0)).toBeCloseTo(pi[to]!, 12);
    }
    const random = mulberry32(3);
    const regimes: number[] = [];
    let r = 0;
    for (let d = 0; d < 200_000; d++) regimes.push((r = nextRegime(P, r, random())));
    const runs = runLengths(regimes);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const expected = expectedRunDays(byRegime);
    for (let k = 0; k < 3; k++) expect(mean(runs[k]!) / expected[k]!).toBeCloseTo(1, 1);
    // A stay lasts far longer than a ride: 1 / (1 − P[0][0]) ≈ 10 days against ~1.7 (a ride
    // with persistence 0 still repeats when the fresh draw is a ride).
    expect(expected[0]).toBeGreaterThan(8);
    expect(expected[2]).toBeLessThan(2);
    const share = [0, 1, 2].map((k) => regimes.filter((x) => x === k).length / regimes.length);
    expect(share[0]).toBeCloseTo(0.4, 1);
  });

  it("is the one persistence, bit for bit, when every regime has the same", () => {
    const one = defaultEstimatorMovement();
    const same = { ...one, persistenceByRegime: { rest: 0.45, walk: 0.45, ride: 0.45 } };
    expect(regimeTransitions(same)).toEqual(regimeTransitions(one));
    expect(regimeChain(same).uniform).toBe(true);
    expect(regimeChain(byRegime).uniform).toBe(false);
  });

  it("gives a fresh transition matrix when the persistences are edited in place", () => {
    const m: MovementModel = {
      ...byRegime,
      persistenceByRegime: { ...byRegime.persistenceByRegime! },
    };
    const before = cachedRegimeTransitions(m)[0]![0]!;
    m.persistenceByRegime!.rest = 0.2;
    expect(cachedRegimeTransitions(m)[0]![0]!).toBeLessThan(before);
    // stepGroup follows the edited law: runs of rest now short.
    const random = mulberry32(5);
    let state = { km: 0, size: 100, regime: "rest" as Regime };
    let restRuns = 0;
    let restDays = 0;
    for (let d = 0; d < 20_000; d++) {
      const next = stepGroup(state, m, 1e9, random);
      if (next.regime === "rest") restDays++;
      if (next.regime === "rest" && state.regime !== "rest") restRuns++;
      state = next;
    }
    // Rest persistence 0.2: runs of ~2.5 days (0.9 gave ~10).
    expect(restDays / restRuns).toBeLessThan(3);
  });

  it("fits a rest persistence longer than the walk's when a track has week-long stays", () => {
    // Stays of 7–10 days, marches of 2–3 days at ~35 km/day, a ride now and then.
    const points: { day: number; km: number }[] = [{ day: 0, km: 0 }];
    const plan = [
      ["walk", 3],
      ["rest", 8],
      ["walk", 2],
      ["ride", 1],
      ["rest", 10],
      ["walk", 3],
      ["rest", 7],
      ["walk", 2],
      ["rest", 9],
      ["walk", 3],
    ] as const;
    for (const [regime, days] of plan) {
      for (let d = 0; d < days; d++) {
        const last = points.at(-1)!;
        const move = regime === "rest" ? 2 : regime === "walk" ? 35 : 300;
        points.push({ day: last.day + 1, km: last.km + move });
      }
    }
    const evidence = movesOfTrack(points);
    const prior = defaultEstimatorMovement();
    const fitted = fitRegimePersistence(evidence, prior);
    expect(fitted.rest).toBeGreaterThan(fitted.walk);
    expect(fitted.rest).toBeGreaterThan(prior.persistence + 0.2);
    const law = fitMovement(evidence, prior, { fitRegimePersistence: true });
    const [rest, walk] = expectedRunDays(law);
    expect(rest).toBeGreaterThan(4);
    expect(rest).toBeGreaterThan(1.5 * walk);
    // Without the pairs by regime (evidence of an older caller) the prior's persistence stays.
    const old = { ...evidence, pairsFrom: undefined, repeatsFrom: undefined };
    expect(fitRegimePersistence(old, prior).rest).toBeCloseTo(prior.persistence, 6);
  });
});

describe("pace by stretch", () => {
  const pooled = defaultEstimatorMovement();
  it("gives a stretch where groups rode more rides, and keeps the pooled law where none moved", () => {
    // Walks of 40 km/day over the first 600 km, then rides of 400 km/day from km 600.
    const track: { day: number; km: number }[] = [];
    let km = 0;
    for (let day = 0; km < 1800; day++) {
      track.push({ day, km });
      km += km < 600 ? 40 : 400;
    }
    const laws = fitStretchLaws([track], 3000, pooled, { stretchKm: 600 });
    expect(laws.laws).toHaveLength(5);
    const south = lawAtKm(laws, 100);
    const north = lawAtKm(laws, 1000);
    expect(north.regimes.ride).toBeGreaterThan(pooled.regimes.ride);
    expect(south.regimes.ride).toBeLessThan(pooled.regimes.ride);
    // km 2400–3000: no move there, the pooled shares.
    expect(lawAtKm(laws, 2500).regimes.ride).toBeCloseTo(pooled.regimes.ride, 12);
    expect(lawAtKm(laws, 9999)).toBe(laws.laws[4]);
    expect(laws.moves[0]).toBe(15);
  });
});

describe("the estimator with a persistence per regime", () => {
  it("fits one persistence per regime when asked, and is unchanged by default", () => {
    const world = simulateWorld({ groups: 3, days: 30 }, mulberry32(11));
    const plain = estimateTracks(world.dataset);
    expect(plain.report.movement.persistenceByRegime).toBeUndefined();
    const runs = estimateTracks(world.dataset, { regimePersistence: {} });
    const by = runs.report.movement.persistenceByRegime!;
    for (const r of ["rest", "walk", "ride"] as const) {
      expect(by[r]).toBeGreaterThanOrEqual(0);
      expect(by[r]).toBeLessThanOrEqual(0.97);
    }
    // The smoother reads the fitted chain: the final pass moves the tracks.
    const diff = runs.tracks.some((t, i) => Math.abs(t.km - plain.tracks[i]!.km) > 1e-6);
    expect(diff).toBe(true);
  });
});
