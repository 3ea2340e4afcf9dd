import { describe, expect, it } from "vitest";
import { estimateTracks } from "../../src/estimate/estimateTracks.ts";
import { DEFAULT_COST_MODEL, groupCost } from "../../src/estimate/trackCost.ts";
import type { CostModel, CostReport } from "../../src/estimate/trackCost.ts";
import { BIRTH_NATS } from "../../src/estimate/linkTracklets.ts";
import type { Sighting } from "../../src/model/sighting.ts";
import { at, dataset } from "./corridor.ts";

/** An unlabelled report at km `km` on day `day` of October 2018 (`hour`), of `size` people. */
function report(id: string, day: number, km: number, size: number, hour = 12): Sighting {
  const date = `2018-10-${String(day).padStart(2, "0")}T${String(hour).padStart(2, "0")}:00`;
  return { id, observedAt: date, ...at(km), sourceType: "media", sizeBest: size };
}

/** The groups found, as sets of sighting ids. */
function groupsOf(sightings: readonly Sighting[]): string[][] {
  return estimateTracks(dataset([...sightings]), { bodyExtent: true }).groups.map(
    (g) => g.sightings,
  );
}

/**
 * Cost-model reports: days `from`…`to`, km from `km0` at `perDay` give or take 20 km (where in
 * the group the reporter stood), of `size` people.
 */
function walk(from: number, to: number, km0: number, perDay: number, size: number): CostReport[] {
  const out: CostReport[] = [];
  for (let d = from; d <= to; d++) {
    const km = km0 + perDay * (d - from) + 20 * Math.sin(2.3 * d);
    out.push({ t: d + 0.5, km, logSize: Math.log(size) });
  }
  return out;
}
const byTime = (r: CostReport[]): CostReport[] => [...r].sort((a, b) => a.t - b.t);

/** The cost model with the body's front read (EstimateOptions.bodyExtent). */
const withBody = { ...DEFAULT_COST_MODEL, bodyExtent: true };

describe("the body's front in the association objective (bodyExtent: true)", () => {
  // A body of 5,000 walking 20 km a day, stretched after a ride of its front: on 10 days a report
  // of the front (300 people, no part word) 350–450 km ahead of the core, give or take 25 km.
  const body = walk(1, 20, 0, 20, 5000);
  const vanguard: CostReport[] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((k) => ({
    t: 7.75 + k,
    km: 20 * (6.5 + k) + 350 + 10 * k + 25 * Math.sin(1.7 * k),
    logSize: Math.log(300),
  }));

  it("reads the front of a body stretched 450 km ahead along the body: joining it costs less", () => {
    /** What reading the front as the body's costs over reading it as a group of its own. */
    const extra = (m: CostModel): number =>
      groupCost(byTime([...body, ...vanguard]), m) - groupCost(body, m) - groupCost(vanguard, m);
    // Read only as a spread about the median person, the front's reports are outliers: joining
    // them costs far more than a second group's birth.
    const spreadOnly = DEFAULT_COST_MODEL;
    expect(extra(spreadOnly)).toBeGreaterThan(BIRTH_NATS + 20);
    // Read along the body, joining them costs a quarter less (within ~15 nats of a birth here, a
    // compact front being a good track of its own; figures and the linking decide the rest).
    expect(extra(withBody)).toBeLessThan(0.75 * extra(spreadOnly));
  });

  it("does not read a second group of like size ahead as the first one's front", () => {
    const m = withBody;
    const a = walk(1, 20, 0, 20, 1500);
    const b = walk(1, 20, 300, 20, 1500).map((r) => ({ ...r, t: r.t + 0.25 }));
    expect(groupCost(byTime([...a, ...b]), m)).toBeGreaterThan(
      groupCost(a, m) + groupCost(b, m) + BIRTH_NATS,
    );
  });

  it("keeps a vanguard of 300 reported ahead of a 5,000 body in one group (no labels)", () => {
    const sightings: Sighting[] = [];
    for (let d = 1; d <= 14; d++) sightings.push(report(`b${d}`, d, 100 + 25 * d, 5000));
    // The vanguard: 80 km ahead at first, then a ride puts it 300 km ahead.
    for (let d = 3; d <= 13; d += 2) {
      const ahead = d < 7 ? 80 : 300;
      sightings.push(report(`v${d}`, d, 100 + 25 * d + ahead, 300, 17));
    }
    const groups = groupsOf(sightings);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toHaveLength(sightings.length);
    // The default (spread only) makes the vanguard a group of its own.
    expect(estimateTracks(dataset(sightings)).groups).toHaveLength(2);
  });

  it("keeps two groups 200 km apart on the same days apart (no labels)", () => {
    const sightings: Sighting[] = [];
    for (let d = 1; d <= 14; d++) {
      sightings.push(report(`a${d}`, d, 100 + 25 * d, 2000));
      sightings.push(report(`c${d}`, d, 300 + 25 * d, 800, 17));
    }
    const groups = groupsOf(sightings);
    expect(groups).toHaveLength(2);
    for (const g of groups) expect(new Set(g.map((id) => id[0])).size).toBe(1);
  });
});
