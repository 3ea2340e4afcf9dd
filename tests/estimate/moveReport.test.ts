import { describe, expect, it } from "vitest";
import type { PreparedSighting } from "../../src/estimate/prepare.ts";
import { associationsBySighting, moveReport, newGroup } from "../../src/estimate/workGroup.ts";
import type { Association, EstimateContext, WorkGroup } from "../../src/estimate/workGroup.ts";
import { mulberry32 } from "../../src/util/random.ts";

/** Groups g0…g3 of sightings s0…s59 (every sighting associated with its group, some twice). */
function world(seed: number) {
  const random = mulberry32(seed);
  const sightings = Array.from(
    { length: 60 },
    (_, i) =>
      ({ id: `s${i}`, index: i, t: Math.floor(random() * 20), point: [0, 0] }) as PreparedSighting,
  );
  const groups: WorkGroup[] = [0, 1, 2, 3].map((k) => newGroup(`g${k}`, false, "main"));
  const associations: Association[] = [];
  const projections = new Map(
    sightings.map((s) => [s, new Map([["main", { km: s.t * 10, off: random() * 3 }]])]),
  );
  for (const s of sightings) {
    const g = groups[Math.floor(random() * 4)];
    g.members.push(s);
    g.positions.push({ s, km: s.t * 10, off: 0 });
    associations.push({ sightingId: s.id, group: g.name, how: "new_group" });
    // A second association of the sighting, with another group (a report given to two).
    if (random() < 0.2)
      associations.push({ sightingId: s.id, group: "elsewhere", how: "associated" });
  }
  for (const g of groups) g.positions.sort((x, y) => x.s.t - y.s.t);
  const ctx = { associations, projections, maxOff: 2 } as unknown as EstimateContext;
  return { ctx, groups, random };
}

describe("moveReport with the associations indexed by sighting", () => {
  it("leaves the groups and associations as the scan of every association does", () => {
    for (let seed = 1; seed <= 5; seed++) {
      const scan = world(seed);
      const indexed = world(seed);
      const index = associationsBySighting(indexed.ctx);
      for (let move = 0; move < 40; move++) {
        const from = Math.floor(scan.random() * 4);
        const to = Math.floor(scan.random() * 4);
        const pick = scan.random();
        const g = scan.groups[from];
        if (from === to || g.members.length === 0) continue;
        const k = Math.floor(pick * g.members.length);
        moveReport(scan.ctx, g.members[k], g, scan.groups[to]);
        const h = indexed.groups[from];
        moveReport(indexed.ctx, h.members[k], h, indexed.groups[to], index);
      }
      expect(indexed.ctx.associations).toEqual(scan.ctx.associations);
      expect(indexed.groups).toEqual(scan.groups);
      // Something moved.
      expect(scan.ctx.associations.filter((a) => a.group === "g0").length).not.toBe(
        world(seed).ctx.associations.filter((a) => a.group === "g0").length,
      );
    }
  });
});
