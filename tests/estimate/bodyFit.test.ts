import { describe, expect, it } from "vitest";
import { DEFAULT_BODY_MODEL, bodyDensity, fitBody, rateLoss } from "../../src/estimate/bodyFit.ts";
import {
  DEFAULT_COST_MODEL,
  fitPositions,
  groupCost,
  inliers,
} from "../../src/estimate/trackCost.ts";
import type { CostModel, CostReport } from "../../src/estimate/trackCost.ts";
import { positionsCost, positionsOutliers } from "../../src/estimate/positionsFit.ts";
import { BIRTH_NATS } from "../../src/estimate/linkTracklets.ts";
import { estimateTracks } from "../../src/estimate/estimateTracks.ts";
import type { Sighting } from "../../src/model/sighting.ts";
import { at, dataset } from "./corridor.ts";

const body: CostModel = { ...DEFAULT_COST_MODEL, body: { ...DEFAULT_BODY_MODEL } };

/**
 * A body 350 km long walking 30 km a day on days 1…`days`: each day two reports at its rear
 * town, two at its front town (350 km ahead) and one in its middle — reports bunch at towns.
 */
function longBody(days: number, size = 3000): { t: number; km: number; size: number }[] {
  const out: { t: number; km: number; size: number }[] = [];
  for (let d = 1; d <= days; d++) {
    const rear = 30 * (d - 1);
    for (const [k, dt] of [
      [rear, 0.3],
      [rear + 4, 0.6],
      [rear + 170, 0.45],
      [rear + 350, 0.35],
      [rear + 346, 0.7],
    ])
      out.push({ t: d + dt, km: k, size });
  }
  return out.sort((a, b) => a.t - b.t);
}

const asCost = (r: readonly { t: number; km: number; size: number }[]): CostReport[] =>
  r.map((x) => ({ t: x.t, km: x.km, logSize: Math.log(x.size) }));

describe("the body reading (bodyFit.ts)", () => {
  it("is uniform over the body with soft ends, and integrates to one", () => {
    const e = { rear: 100, front: 200, coreKm: 40 };
    const b = DEFAULT_BODY_MODEL;
    expect(bodyDensity(0, e, b)).toBeCloseTo(1 / 300, 6);
    expect(bodyDensity(120, e, b)).toBeCloseTo(1 / 300, 6);
    expect(bodyDensity(-300, e, b)).toBeLessThan(1e-9);
    let sum = 0;
    for (let r = -400; r <= 500; r += 1) sum += bodyDensity(r, e, b);
    expect(sum).toBeCloseTo(1, 3);
  });

  it("fits a long body's rear and front from its reports, within the bounds", () => {
    const r = longBody(10);
    const f = fitBody(
      r.map((x) => x.km),
      DEFAULT_COST_MODEL,
      DEFAULT_BODY_MODEL,
    );
    const length = f.extent.rear + f.extent.front;
    expect(length).toBeGreaterThan(300);
    expect(length).toBeLessThanOrEqual(DEFAULT_BODY_MODEL.maxKm);
    // A compact group's body is at least minKm long.
    const c = fitBody([100, 101, 102, 103], DEFAULT_COST_MODEL, DEFAULT_BODY_MODEL);
    expect(c.extent.rear + c.extent.front).toBeCloseTo(DEFAULT_BODY_MODEL.minKm, 6);
  });

  it("makes a 350 km body cheaper as one group than cut into its rear and front clusters", () => {
    const all = asCost(longBody(10));
    const rear = all.filter((_, i) => longBody(10)[i].km % 30 < 10 && i % 5 !== 2);
    const front = all.filter((r) => !rear.includes(r));
    const cut = (m: CostModel): number => groupCost(rear, m) + groupCost(front, m) + BIRTH_NATS;
    // Under the normal spread alone the cut wins (the far end reads as outliers) …
    expect(groupCost(all, DEFAULT_COST_MODEL)).toBeGreaterThan(cut(DEFAULT_COST_MODEL));
    // … under the body reading the one body does.
    expect(groupCost(all, body)).toBeLessThan(cut(body));
  });

  it("keeps two groups 600 km apart on the same days apart", () => {
    const a = asCost(longBody(8, 2000).map((x) => ({ ...x, km: x.km / 10 })));
    const b = a.map((r) => ({ ...r, t: r.t + 0.01, km: (r.km as number) + 600 }));
    const both = [...a, ...b].sort((x, y) => x.t - y.t);
    expect(groupCost(both, body)).toBeGreaterThan(
      groupCost(a, body) + groupCost(b, body) + BIRTH_NATS,
    );
  });

  it("charges the reports' rate: k pieces seen over the same days cost n log k more", () => {
    const r = [0.5, 1.5, 2.5, 3.5].map((t) => ({ t }));
    const b = DEFAULT_BODY_MODEL;
    expect(rateLoss(r, b)).toBeCloseTo(4 * Math.log(4 / 4), 9);
    const half = [r[0], r[2]];
    const other = [r[1], r[3]];
    // Each half spans 2 days (+1) with 2 reports: 2 log(3/2) apiece.
    expect(rateLoss(half, b) + rateLoss(other, b)).toBeCloseTo(4 * Math.log(3 / 2), 9);
    expect(rateLoss(r, { ...b, rateWeight: 0 })).toBe(0);
  });

  it("is what the search's buffered fits compute (positionsFit.ts)", () => {
    const km = [10, 12, 200, 15, 260, 30, 2000, 40];
    const w = [1, 0.5, 1, 1, 1, 0.5, 1, 1];
    expect(positionsCost(km, w, km.length, body)).toBe(fitPositions(km, body, w).cost);
    // The outliers it counts are those inliers reads (trackCost.ts).
    const reports = km.map((x, i) => ({ t: i, km: x, weight: w[i] }));
    const out = inliers(reports, body).filter((good) => !good).length;
    expect(positionsOutliers(km, km.length, body, w)).toBe(out);
    expect(out).toBeGreaterThanOrEqual(1);
  });
});

/** Unlabelled sightings of `longBody`, on route `main` of the test corridor. */
function sightings(
  prefix: string,
  r: readonly { t: number; km: number; size: number }[],
): Sighting[] {
  return r.map((x, i) => {
    const d = Math.floor(x.t);
    const hour = String(Math.round((x.t - d) * 24)).padStart(2, "0");
    return {
      id: `${prefix}${i}`,
      observedAt: `2018-10-${String(d).padStart(2, "0")}T${hour}:00`,
      ...at(x.km),
      sourceType: "media",
      sizeBest: x.size,
    };
  });
}

describe("association with the body reading (EstimateOptions.bodyAssociation)", () => {
  it("keeps a 350 km long body reported without labels as one track", () => {
    const s = sightings("b", longBody(12));
    const { groups } = estimateTracks(dataset(s), { bodyAssociation: true });
    expect(groups).toHaveLength(1);
    expect(groups[0].sightings).toHaveLength(s.length);
  });

  it("leaves a dataset with labelled groups as it was", () => {
    const s = sightings("b", longBody(8));
    const labelled = s.map((x, i) => (i % 3 === 0 ? { ...x, caravanLabel: "A" } : x));
    const off = estimateTracks(dataset(labelled));
    const on = estimateTracks(dataset(labelled), { bodyAssociation: true });
    expect(on.tracks).toEqual(off.tracks);
    expect(on.groups).toEqual(off.groups);
  });
});
