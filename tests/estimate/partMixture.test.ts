import { describe, expect, it } from "vitest";
import { smoothKm } from "../../src/estimate/kmSmoother.ts";
import type { KmObservation } from "../../src/estimate/kmSmoother.ts";
import { PART_PRIOR, partShares, unknownPartAlternatives } from "../../src/estimate/partMixture.ts";
import { defaultMovementModel } from "../../src/movement/index.ts";

describe("partMixture: reports that name no part", () => {
  it("partShares is the prior with no reports and follows a group's own reports", () => {
    const none = partShares({ head: 0, body: 0, tail: 0 });
    const all = PART_PRIOR.head + PART_PRIOR.body + PART_PRIOR.tail;
    expect(none.head).toBeCloseTo(PART_PRIOR.head / all, 12);
    expect(none.tail).toBeCloseTo(PART_PRIOR.tail / all, 12);
    const vanguardHeavy = partShares({ head: 30, body: 10, tail: 0 });
    expect(vanguardHeavy.head).toBeGreaterThan(0.6);
    expect(vanguardHeavy.tail).toBeLessThan(0.05);
    expect(vanguardHeavy.head + vanguardHeavy.tail).toBeLessThan(1);
  });

  it("unknownPartAlternatives puts the median person behind a vanguard reading, ahead of a rear one", () => {
    const alts = unknownPartAlternatives([500, 520], { head: 0.2, tail: 0.1 }, 150, 80);
    expect(alts).toEqual([
      { weight: 0.2, kmRange: [350, 520] },
      { weight: 0.1, kmRange: [500, 600] },
    ]);
    expect(unknownPartAlternatives([500, 500], { head: 0, tail: 0 }, 150, 80)).toEqual([]);
  });

  it("a mixture keeps reports of the vanguard from dragging the median person ahead", () => {
    // A group staying at km 300 for 8 days; each day one report of it there and one 150 km
    // ahead (its vanguard, not said so).
    const obs = (alternatives: boolean): KmObservation[] =>
      Array.from({ length: 8 }, (_, k) => [
        { step: k, km: 300, sigmaKm: 50, outlier: 0.05 },
        {
          step: k,
          km: 450,
          sigmaKm: 50,
          outlier: 0.05,
          ...(alternatives
            ? {
                alternatives: unknownPartAlternatives(
                  [550, 550],
                  { head: 0.4, tail: 0.1 },
                  300,
                  50,
                ),
              }
            : {}),
        },
      ]).flat();
    const run = (alternatives: boolean) =>
      smoothKm({
        nDays: 8,
        routeLengthKm: 4000,
        observations: obs(alternatives),
        movement: defaultMovementModel(),
      }).days[4];
    const plain = run(false);
    const mixed = run(true);
    expect(plain.median).toBeGreaterThan(340);
    expect(Math.abs(mixed.median - 300)).toBeLessThan(Math.abs(plain.median - 300));
    expect(mixed.low).toBeLessThanOrEqual(300);
    expect(mixed.high).toBeGreaterThanOrEqual(300);
  });
});
