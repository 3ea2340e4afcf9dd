/**
 * The walking fit with noisy positions (src/movement/fit.ts fitWalk): runs of walking days whose
 * ends are known only to ±30 km recover the walking pace within the fit's own interval, and the
 * ends' noise is not read as a spread of the pace.
 */
import { describe, expect, it } from "vitest";
import { defaultEstimatorMovement, fitWalk } from "../../src/movement/index.ts";
import type { WalkMove } from "../../src/movement/index.ts";
import { mulberry32, randomNormal } from "../../src/util/random.ts";

/**
 * Runs of 3–14 walking days (`single`: of one day) at `pace` ± `spread` km a day, each end
 * located to ± `endSd` km.
 */
function noisyRuns(
  runs: number,
  pace: number,
  spread: number,
  endSd: number,
  seed: number,
  single = false,
) {
  const random = mulberry32(seed);
  const moves: WalkMove[] = [];
  for (let i = 0; i < runs; i++) {
    const days = single ? 1 : 3 + Math.floor(random() * 12);
    let km = 0;
    for (let d = 0; d < days; d++) km += pace + spread * randomNormal(random);
    const observed = km + endSd * randomNormal(random) - endSd * randomNormal(random);
    moves.push({ km: observed, weight: 0.9, noiseSd: Math.SQRT2 * endSd, days });
  }
  return moves;
}

describe("walking fit with noisy positions", () => {
  const prior = defaultEstimatorMovement(); // 40 ± 16 km a day

  it("recovers a known pace of 28 km a day within its interval, over 12 seeds", () => {
    let inside = 0;
    for (let seed = 1; seed <= 12; seed++) {
      const fit = fitWalk(noisyRuns(20, 28, 6, 30, seed), prior, 2);
      if (Math.abs(fit.mean - 28) <= 2 * fit.meanSd) inside++;
      expect(Math.abs(fit.mean - 28)).toBeLessThan(4);
    }
    expect(inside).toBeGreaterThanOrEqual(10);
  });

  it("subtracts the ends' noise from the pace's spread", () => {
    // Single days of 28 ± 12 km, each end located to ± 10 km (the move to ± 14 km).
    const moves = noisyRuns(400, 28, 12, 10, 7, true);
    const fit = fitWalk(moves, prior, 2);
    expect(fit.sd).toBeGreaterThan(10);
    expect(fit.sd).toBeLessThan(14.5);
    expect(Math.abs(fit.mean - 28)).toBeLessThan(2.5 * fit.meanSd);
    // Read as exact, the same moves make the pace look half as spread out again.
    const naive = fitWalk(
      moves.map((m) => ({ ...m, noiseSd: 0 })),
      prior,
      2,
    );
    expect(naive.sd).toBeGreaterThan(1.4 * fit.sd);
  });

  it("weighs a move by its reliability: one noisy day barely moves the prior", () => {
    const one = fitWalk([{ km: 10, weight: 1, noiseSd: 60 }], prior, 10);
    expect(one.moves).toBeLessThan(0.1);
    expect(one.mean).toBeGreaterThan(39);
    const exact = fitWalk([{ km: 10, weight: 1 }], prior, 10);
    expect(exact.moves).toBeCloseTo(1, 6);
    expect(exact.mean).toBeCloseTo((10 + 10 * 40) / 11, 6);
  });

  it("keeps the prior with no walks, its mean known to ± sd / √(pseudo-days)", () => {
    const fit = fitWalk([], prior, 10);
    expect(fit.mean).toBe(40);
    expect(fit.sd).toBeCloseTo(16, 6);
    expect(fit.meanSd).toBeCloseTo(16 / Math.sqrt(10), 6);
  });
});
