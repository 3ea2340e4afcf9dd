// Reports at one place on one day share one report's weight in the association objective
// (src/estimate/placeDay.ts): a body seen mostly at one shelter is one group, not a track for
// the shelter and another for the rest of the body.
import { describe, expect, it } from "vitest";
import { placeDayWeights } from "../../src/estimate/placeDay.ts";
import { DEFAULT_COST_MODEL, groupCost } from "../../src/estimate/trackCost.ts";
import type { CostReport } from "../../src/estimate/trackCost.ts";
import { BIRTH_NATS, costModel } from "../../src/estimate/linkTracklets.ts";
import type { RouteIndex } from "../../src/index.ts";

const m = { ...DEFAULT_COST_MODEL, roadKm: 4000 };

describe("placeDayWeights", () => {
  it("gives the reports at one place on one local day 1 / their number, others 1", () => {
    const a: [number, number] = [-92.26, 14.9];
    const b: [number, number] = [-93.1, 16.75];
    const w = placeDayWeights([
      { t: 3.2, point: a },
      { t: 3.9, point: a },
      { t: 3.5, point: b },
      { t: 4.1, point: a },
      { t: 3.3 },
      { t: 3.6, point: a },
    ]);
    expect(w).toEqual([1 / 3, 1 / 3, 1, 1, 1, 1 / 3]);
  });
});

/**
 * A body 240 km long seen for 12 days: each day four sources at its rear's shelter (town A, at the
 * median track's km − 60), one report at town B (+60) and one at its front, town C (+180).
 */
function body(weighted: boolean): { shelter: CostReport[]; rest: CostReport[] } {
  const shelter: CostReport[] = [];
  const rest: CostReport[] = [];
  const placed: { t: number; point: [number, number] }[] = [];
  for (let d = 0; d < 12; d++) {
    const km = 300 + 25 * d;
    for (let k = 0; k < 4; k++) shelter.push({ t: d + 0.2 + 0.1 * k, km: km - 60 });
    rest.push({ t: d + 0.5, km: km + 60 }, { t: d + 0.7, km: km + 180 });
  }
  // Places: town A for the shelter, B and C for the others (lon = a town's number).
  const all = [...shelter, ...rest];
  for (const r of shelter) placed.push({ t: r.t, point: [1, 0] });
  for (const r of rest)
    placed.push({ t: r.t, point: [Math.round((r.t % 1) * 10) === 5 ? 2 : 3, 0] });
  const w = placeDayWeights(placed);
  if (weighted) all.forEach((r, i) => (r.weight = w[i]));
  return { shelter, rest };
}

const byTime = (r: CostReport[]): CostReport[] => [...r].sort((a, b) => a.t - b.t);

describe("a body seen mostly at one shelter", () => {
  for (const weighted of [false, true]) {
    const { shelter, rest } = body(weighted);
    const one = groupCost(byTime([...shelter, ...rest]), m) + BIRTH_NATS;
    const cut = groupCost(shelter, m) + groupCost(byTime(rest), m) + 2 * BIRTH_NATS;
    it(`is ${weighted ? "one group when the shelter's reports share one weight a day" : "cut in two when every report counts apiece (the fault)"}`, () => {
      expect(shelter.length).toBe(48);
      if (weighted) expect(one).toBeLessThan(cut);
      else expect(cut).toBeLessThan(one);
    });
  }
});

describe("costModel (linkTracklets.ts)", () => {
  const index = { lengthKm: (id: string) => (id === "main" ? 4200 : 900) } as unknown as RouteIndex;
  it("is off unless the run asks for one place a day (EstimateOptions.onePlaceADay)", () => {
    expect(costModel({ index, routeIds: ["main", "branch"] }).onePlaceADay).toBe(false);
    expect(costModel({ index, routeIds: ["main"], onePlaceADay: false }).onePlaceADay).toBe(false);
    expect(costModel({ index, routeIds: ["main"], onePlaceADay: true }).onePlaceADay).toBe(true);
  });
  it("spreads outliers over the longest route", () => {
    expect(costModel({ index, routeIds: ["main", "branch"] }).roadKm).toBe(4200);
  });
});
