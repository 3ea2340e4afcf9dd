// A small version of bench/accuracy.bench.ts: a few seeded worlds, with the same goals, slightly
// looser coverage bounds (few worlds, so coverage is noisier).
import { describe, expect, it } from "vitest";
import { addSums, emptySums, figures, scoreWorld } from "../../src/estimate/accuracy.ts";
import { estimateTracks } from "../../src/estimate/estimateTracks.ts";
import { simulateWorld, worldOfDifficulty } from "../../src/estimate/simulate.ts";
import { mulberry32 } from "../../src/util/random.ts";
import { exactPoint } from "../exactTrack.ts";

describe("estimator accuracy on simulated worlds", () => {
  it("errors ≤ 0.6 × the naive baseline and 90 % intervals cover 80 % to their known 96.7 % + 3 sd on 5 seeded worlds", () => {
    let est = emptySums();
    let base = emptySums();
    [0.1, 0.3, 0.5, 0.7, 0.9].forEach((d, i) => {
      const world = simulateWorld(worldOfDifficulty(d), mulberry32(500 + i));
      const score = scoreWorld(world, estimateTracks(world.dataset).tracks);
      expect(score.missing).toBe(0);
      est = addSums(est, score.estimator);
      base = addSums(base, score.baseline);
    });
    const e = figures(est);
    const b = figures(base);
    expect(e.positionMaeKm).toBeLessThanOrEqual(0.6 * b.positionMaeKm);
    expect(e.sizeMape).toBeLessThanOrEqual(0.6 * b.sizeMape);
    expect(e.kmCoverage).toBeGreaterThanOrEqual(0.8);
    // The ceiling is a binomial band computed from the count, not a figure picked near the
    // measured one. At the nominal 90 % it would be 0.9 + 3 sd = 94.4 % for these 409 group-days,
    // but labelled simulate.ts intervals are wider than nominal: they cover 96.7 % on the 50
    // reported worlds of bench/stress.bench.ts (docs/estimation.md "Accuracy"), 97.3 % here. So the
    // band is around that known cover, and the test fails when the intervals widen further (at
    // 409 group-days: 2 misses or fewer; 11 now). Days of one track are correlated, so the true
    // sd is larger and this band, if anything, strict.
    const knownCover = 0.967;
    const ceiling = knownCover + 3 * Math.sqrt((knownCover * (1 - knownCover)) / e.n);
    expect(e.kmCoverage, `km cover of ${e.n} group-days, ceiling ${ceiling}`).toBeLessThanOrEqual(
      ceiling,
    );
    expect(e.sizeCoverage).toBeGreaterThanOrEqual(0.8);
    // 98.5 %: with ~400 group-days a binomial sd of coverage is ~1.5 points; the cost-based
    // association (which moves 2 unlabelled reports of these worlds, 123 of 148 right either way)
    // gave 97.07 %, and the sizes' level sd from the anchors' disagreement (anchorShift.ts) 98.3 %:
    // in the first world media report 0.65 above the truth against an anchor of 0.1 (drawn 2.75
    // sd out), so the anchors are off there and its level sd grows from 0.074 to 0.162.
    expect(e.sizeCoverage).toBeLessThanOrEqual(0.985);
  });

  it("scoreWorld counts a perfect estimate as zero error and full coverage", () => {
    const world = simulateWorld(worldOfDifficulty(0), mulberry32(3));
    const tracks = world.truth.flatMap((g) => g.days.map((d) => exactPoint(g.group, g.routeId, d)));
    const f = figures(scoreWorld(world, tracks).estimator);
    expect(f.positionMaeKm).toBe(0);
    expect(f.sizeMape).toBe(0);
    expect(f.kmCoverage).toBe(1);
  });
});
