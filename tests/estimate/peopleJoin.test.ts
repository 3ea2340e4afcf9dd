import { describe, expect, it } from "vitest";
import { bodyDistribution } from "../../src/estimate/bodies.ts";
import { bodyDays, peopleFit, peopleJoin } from "../../src/estimate/peopleJoin.ts";
import type { BodyDay } from "../../src/estimate/peopleJoin.ts";
import type { WorkGroup } from "../../src/estimate/workGroup.ts";
import type { TrackPoint } from "../../src/model/track.ts";
import type { Sighting } from "../../src/model/sighting.ts";
import { at, day, unlabelledTracks, walkingBody } from "./corridor.ts";

/** A body of `size` people from km `tail` to `head`, median person at `median`, on one day. */
function bodyDay(size: number, tail: number, median: number, head: number): BodyDay {
  const people = bodyDistribution({ km: median, headKm: head, tailKm: tail, size } as TrackPoint);
  return { people, lowKm: tail, highKm: head };
}

describe("peopleFit: a report read against the people a body holds about its km", () => {
  const big = bodyDay(5000, 100, 200, 300);
  it("17 people near the head of a body of 5,000 are a part of it", () => {
    expect(peopleFit(big, 295, 17, 50)).toBe("part");
  });
  it("the whole body's figure anywhere along it is a count of the whole", () => {
    expect(peopleFit(big, 110, 5000, 50)).toBe("whole");
    expect(peopleFit(big, 200, 3000, 50)).toBe("whole");
  });
  it("2,000 people at the head hold more than the head holds: neither the whole nor a part", () => {
    // people within 50 km of km 295: 5,000 × 0.5 × 55 / 100 ≈ 1,375; × 1.5 ≈ 2,060
    expect(peopleFit(big, 295, 2100, 50)).toBeUndefined();
  });
  it("4,000 people do not fit a group of 300 anywhere", () => {
    const small = bodyDay(300, 190, 200, 210);
    expect(peopleFit(small, 200, 4000, 50)).toBeUndefined();
    expect(peopleFit(small, 200, 300, 50)).toBe("whole");
    expect(peopleFit(small, 205, 100, 50)).toBe("part");
  });
  it("with no whole reading (ratio 1) a near-whole figure near the tail is no part", () => {
    // people within 50 km of km 110: 5,000 × 0.5 × 60 / 100 = 1,500; × 1.5 = 2,250 < 4,000
    expect(peopleFit(big, 110, 4000, 50)).toBe("whole");
    expect(peopleFit(big, 110, 4000, 50, 1)).toBeUndefined();
    expect(peopleFit(big, 295, 17, 50, 1)).toBe("part");
  });
  it("a report beyond the body's ends and the report's margin fits neither way", () => {
    expect(peopleFit(big, 360, 17, 50)).toBeUndefined();
    expect(peopleFit(big, 40, 17, 50)).toBeUndefined();
  });
});

/** Reports of `size` people at 16:00 of 16–20 Oct, `ahead` km from the body's median person. */
function beside(ahead: number, size: number): Sighting[] {
  const out: Sighting[] = [];
  for (let d = 16; d <= 20; d++)
    out.push({
      id: `s${d}`,
      observedAt: `${day(d)}T16:00`,
      ...at(200 + 30 * (d - 13) + ahead),
      caravanLabel: "T",
      sizeBest: size,
      sourceType: "ngo",
    });
  return out;
}

function run(sightings: Sighting[]): { b: WorkGroup; t: WorkGroup; joined: Set<WorkGroup> } {
  const { ctx, groups } = unlabelledTracks(sightings);
  const b = groups.find((g) => g.name === "B") as WorkGroup;
  const t = groups.find((g) => g.name === "T") as WorkGroup;
  return { b, t, joined: peopleJoin(ctx, [b, t]) };
}

describe("peopleJoin: a track whose reports fit a larger track's people joins it", () => {
  const body = walkingBody("B", 200, 5000, [-150, 0, 150], "b");
  it("a track of 17 people near the head of a 5,000 body joins it, its reports as the head", () => {
    const { b, t, joined } = run([...body, ...beside(140, 17)]);
    expect([...joined]).toEqual([t]);
    expect(t.positions).toHaveLength(0);
    expect(b.positions).toHaveLength(42 + 5);
    for (let d = 16; d <= 20; d++) expect(b.parts?.get(`s${d}`)).toBe("head");
    expect(b.scale).toBeCloseTo(5000, 6);
  });
  it("a track of 4,000 people does not join a group of 300", () => {
    const small = walkingBody("B", 200, 300, [0], "b");
    const { t, joined } = run([
      ...small,
      ...beside(0, 4000).map((s) => ({ ...s, caravanLabel: "T" })),
    ]);
    expect(joined.size).toBe(0);
    expect(t.positions).toHaveLength(5);
  });
  it("a group of 2,500 at the body's head holds more than the head does and stays its own", () => {
    const { t, joined } = run([...body, ...beside(140, 2500)]);
    expect(joined.size).toBe(0);
    expect(t.positions).toHaveLength(5);
  });
  it("reports of the body's own figure along it join it as the body, not as a part", () => {
    const { b, joined } = run([...body, ...beside(100, 5000)]);
    expect(joined.size).toBe(1);
    for (let d = 16; d <= 20; d++) expect(b.parts?.has(`s${d}`)).toBe(false);
  });
  it("reading a body leaves the track's fields as they were", () => {
    const { ctx, groups } = unlabelledTracks(body);
    const b = groups[0];
    const before = { ...b };
    const days = bodyDays(ctx, b);
    expect(days.size).toBe(b.nDays);
    expect(Object.keys(b).sort()).toEqual(Object.keys(before).sort());
    expect(b.km).toBe(before.km);
    const d = days.get(b.day0 + 5) as BodyDay;
    expect(d.people.headKm).toBeGreaterThan(d.people.medianKm);
    expect(d.people.tailKm).toBeLessThan(d.people.medianKm);
  });
});

describe("peopleJoin: no chain (S ⊂ M ⊂ L)", () => {
  it("a track that has taken another in is not joined in turn to a larger one", () => {
    const large = walkingBody("L", 200, 5000, [-150, 0, 150], "l");
    const middle = walkingBody("M", 340, 300, [-10, 10], "m");
    const small: Sighting[] = [];
    for (let d = 16; d <= 20; d++)
      small.push({
        id: `s${d}`,
        observedAt: `${day(d)}T16:00`,
        ...at(340 + 30 * (d - 13) + 5),
        caravanLabel: "S",
        sizeBest: 17,
        sourceType: "ngo",
      });
    const { ctx, groups } = unlabelledTracks([...large, ...middle, ...small]);
    const of = (name: string) => groups.find((g) => g.name === name) as WorkGroup;
    const [s, m, l] = [of("S"), of("M"), of("L")];
    const joined = peopleJoin(ctx, [s, m, l]);
    const ids = (g: WorkGroup) => g.positions.map((p) => p.s.id);
    // S fits M best and joins it; M, having taken S in, is not joined to L in turn (before the
    // fix L ended with 75 reports: its own 42, M's 28 and S's 5).
    expect([...joined]).toEqual([s]);
    expect(m.positions).toHaveLength(28 + 5);
    expect(ids(m)).toContain("s16");
    expect(l.positions).toHaveLength(42);
  });
});
