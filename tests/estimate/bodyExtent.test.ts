import { describe, expect, it } from "vitest";
import { estimateTracks } from "../../src/estimate/estimateTracks.ts";
import { DEFAULT_COST_MODEL, groupCost } from "../../src/estimate/trackCost.ts";
import type { CostReport } from "../../src/estimate/trackCost.ts";
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
  return estimateTracks(dataset([...sightings])).groups.map((g) => g.sightings);
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

describe("the body's extent in the association objective", () => {
  // A body of 5,000 walking 20 km a day, stretched after a ride of its front: on 10 days a report
  // of the front part (300 people, no part word) anywhere from 100 to 450 km ahead of the core.
  const body = walk(1, 20, 0, 20, 5000);
  const along = [0.3, 0.9, 0.5, 1, 0.2, 0.7, 0.95, 0.4, 0.8, 0.6];
  const front: CostReport[] = along.map((f, k) => ({
    t: 7.75 + k,
    km: 20 * (6.5 + k) + 100 + 350 * f,
    logSize: Math.log(300),
  }));
  const vanguard = front;

  it("reads reports along a body stretched 450 km ahead as one group, not two", () => {
    const m = DEFAULT_COST_MODEL;
    const one = groupCost(byTime([...body, ...vanguard]), m);
    expect(one).toBeLessThan(groupCost(body, m) + groupCost(vanguard, m) + BIRTH_NATS);
    // Read only as a spread about the median person, the vanguard is a group of its own.
    const spreadOnly = { ...m, bodyExtent: false };
    expect(groupCost(byTime([...body, ...vanguard]), spreadOnly)).toBeGreaterThan(
      groupCost(body, spreadOnly) + groupCost(vanguard, spreadOnly) + BIRTH_NATS,
    );
  });

  it("does not read a second group of like size ahead as the first one's front", () => {
    const m = DEFAULT_COST_MODEL;
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
