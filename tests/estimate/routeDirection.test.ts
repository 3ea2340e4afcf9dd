import { describe, expect, it } from "vitest";
import { backwardRoutes, direction } from "../../src/estimate/routeDirection.ts";

const walk = (kms: number[]) => kms.map((km, t) => ({ t, km }));

describe("routeDirection", () => {
  it("reads a group's dated reports as forwards, backwards or unclear", () => {
    expect(direction(walk([0, 100, 300, 600]))).toBe(1);
    expect(direction(walk([600, 300, 100, 0]))).toBe(-1);
    expect(direction(walk([0, 500]))).toBe(0); // one pair: too few to say
    expect(direction(walk([0, 300, 100, 400, 200]))).toBe(0); // mixed
    expect(direction(walk([100, 103, 98, 101]))).toBe(0); // one town
  });

  it("names a route when most of its groups go backwards, not when most go forwards", () => {
    const back = { routeId: "r", group: "A", reports: walk([900, 500, 100]) };
    const fwd = (g: string) => ({ routeId: "r", group: g, reports: walk([100, 500, 900]) });
    expect(backwardRoutes([back])).toEqual([
      { routeId: "r", groups: ["A"], unlabelled: false, reports: 3, firstKm: 900, lastKm: 100 },
    ]);
    expect(backwardRoutes([back, fwd("B"), fwd("C")])).toEqual([]);
  });
});

describe("routeDirection on many reports", () => {
  it("reads 20,000 reports going backwards by an even sample of them", () => {
    const many = Array.from({ length: 20_000 }, (_, k) => ({ t: k / 100, km: 4000 - k / 5 }));
    expect(direction(many)).toBe(-1);
  });
});
