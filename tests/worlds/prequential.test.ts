// The predictive (prequential) reading of a group's positions (bench/worlds/prequential.ts): each
// report by its one-step-ahead density through the movement law, with an Occam charge per group.
import { describe, expect, it } from "vitest";
import { predictiveCost, regimeKernels } from "../../bench/worlds/prequential.ts";
import { DEFAULT_COST_MODEL, fitPositions } from "../../src/estimate/trackCost.ts";
import { defaultEstimatorMovement } from "../../src/index.ts";
import { mulberry32, randomNormal } from "../../src/util/random.ts";

const m = { ...DEFAULT_COST_MODEL, roadKm: 3000 };

/** One group walking 40 km a day from km 500 for 20 days, three reports a day 20 km about it. */
function walker(): { t: number[]; km: number[] } {
  const rnd = mulberry32(7);
  const t: number[] = [];
  const km: number[] = [];
  for (let d = 0; d < 20; d++)
    for (const h of [0.3, 0.5, 0.7]) {
      t.push(d + h);
      km.push(500 + 40 * d + 20 * randomNormal(rnd));
    }
  return { t, km };
}

const pick = <T>(x: readonly T[], keep: (i: number) => boolean): T[] => x.filter((_, i) => keep(i));

describe("predictiveCost", () => {
  it("charges one group read as two, where the maximum-likelihood fit rewards it", () => {
    const { t, km } = walker();
    const even = (i: number) => i % 2 === 0;
    const odd = (i: number) => i % 2 === 1;
    const one = predictiveCost(t, km, m);
    const two =
      predictiveCost(pick(t, even), pick(km, even), m) +
      predictiveCost(pick(t, odd), pick(km, odd), m);
    expect(two).toBeGreaterThan(one + 5);
    const ml = fitPositions(km, m).cost;
    const mlTwo = fitPositions(pick(km, even), m).cost + fitPositions(pick(km, odd), m).cost;
    expect(mlTwo).toBeLessThan(ml);
  });

  it("reads a report off the route as an outlier, and two groups far apart as two", () => {
    const outlier = -Math.log(m.outlierShare / m.roadKm);
    expect(predictiveCost([0.5], [undefined], m)).toBeCloseTo(outlier, 9);
    const { t, km } = walker();
    const far = km.map((x) => x + 1500);
    const both = [...t.map((x, i) => [x, km[i]]), ...t.map((x, i) => [x, far[i]])].sort(
      (a, b) => a[0] - b[0],
    );
    const joined = predictiveCost(
      both.map((r) => r[0]),
      both.map((r) => r[1]),
      m,
    );
    expect(predictiveCost(t, km, m) + predictiveCost(t, far, m)).toBeLessThan(joined - 100);
  });

  it("costs a first report about the road's length (the broad prior)", () => {
    // One report: uniform over 0…roadKm, so about log(roadKm) nats whatever the spread.
    expect(predictiveCost([0.5], [1000], m)).toBeCloseTo(Math.log(m.roadKm), 1);
  });

  it("moves each regime's day by a kernel of total mass one", () => {
    for (const k of regimeKernels(defaultEstimatorMovement()))
      expect(k.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
  });
});
