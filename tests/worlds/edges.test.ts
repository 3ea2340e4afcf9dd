import { describe, expect, it } from "vitest";
import { edgeShare, headTruthKm, tailTruthKm } from "../../bench/worlds/edges.ts";
import { quantileKm, summarize } from "../../bench/worlds/body.ts";
import type { Cohort } from "../../bench/worlds/body.ts";
import { generateStressWorld } from "../../bench/worlds/stress.ts";

const cohort = (km: number, people: number): Cohort => ({ km, people, pace: 1, departsDay: 0 });

describe("one head and tail for every bench (bench/worlds/edges.ts)", () => {
  it("takes the foremost 1 %, at least 20 people, at most 5 %", () => {
    expect(edgeShare(10_000)).toBeCloseTo(0.01, 12);
    expect(edgeShare(1_000)).toBeCloseTo(0.02, 12);
    expect(edgeShare(400)).toBeCloseTo(0.05, 12);
    expect(edgeShare(100)).toBeCloseTo(0.05, 12);
    // An unknown size (0, NaN): 1 %, the one answer bodyDistribution draws too.
    expect(edgeShare(0)).toBe(0.01);
    expect(edgeShare(Number.NaN)).toBe(0.01);
  });

  it("does not follow one straggler far ahead of the body", () => {
    // 2,000 people at km 100–199 (20 a km) and one family of 5 at km 900.
    const body = Array.from({ length: 100 }, (_, i) => cohort(100 + i, 20));
    const s = summarize([...body, cohort(900, 5)]);
    expect(s.firstKm).toBeLessThan(200);
    expect(s.firstKm).toBeGreaterThanOrEqual(s.headKm);
    // 20 people ahead of the family of 5 make it a vanguard: the edge is theirs.
    const s2 = summarize([...body, cohort(900, 25)]);
    expect(s2.firstKm).toBe(900);
  });

  it("is the rear edge the same way, and the median person without a body", () => {
    const body = Array.from({ length: 100 }, (_, i) => cohort(100 + i, 20));
    const s = summarize([cohort(0, 3), ...body]);
    expect(s.lastKm).toBeGreaterThanOrEqual(100);
    expect(s.lastKm).toBe(quantileKm([cohort(0, 3), ...body], edgeShare(2003)));
    const point = { date: "2018-10-20", km: 42, size: 100 };
    expect(headTruthKm(point)).toBe(42);
    expect(tailTruthKm(point)).toBe(42);
    expect(headTruthKm({ ...point, firstKm: 50, headKm: 45 })).toBe(50);
  });

  it("is what the stress truth records as firstKm / lastKm", () => {
    const w = generateStressWorld(3);
    for (const g of w.truth)
      for (const d of g.days) {
        expect(headTruthKm(d)).toBe(d.firstKm);
        expect(d.firstKm!).toBeGreaterThanOrEqual(d.headKm!);
        expect(d.lastKm!).toBeLessThanOrEqual(d.tailKm!);
      }
  });
});
