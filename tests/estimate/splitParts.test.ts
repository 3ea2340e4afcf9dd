import { describe, expect, it } from "vitest";
import { estimateTracks } from "../../src/estimate/estimateTracks.ts";
import { splitParts } from "../../src/estimate/splitParts.ts";
import type { EstimateContext, WorkGroup } from "../../src/estimate/workGroup.ts";
import type { Sighting } from "../../src/model/sighting.ts";
import { at, dataset, day, index, unlabelledTracks, walkingBody } from "./corridor.ts";

/** A report of 300 people in track "T" at 16:00 of day `d`, at km `km`; `notes` its words. */
function t(d: number, km: number, notes?: string): Sighting {
  return {
    id: `t${d}`,
    observedAt: `${day(d)}T16:00`,
    ...at(km),
    caravanLabel: "T",
    sizeBest: 300,
    sourceType: "ngo",
    ...(notes ? { notes } : {}),
  };
}

/** Median km of body `km0` on day `d`. */
const median = (km0: number, d: number): number => km0 + 30 * (d - 13);

/**
 * T: the vanguard of body A (180 km ahead of its median person) on 15–18 Oct, then of body C
 * (180 km ahead of C's median, 700 km further on) on 20–23 Oct — two caravans' vanguards that
 * the search reads as one small group. One report names the vanguard.
 */
function twoVanguards(): Sighting[] {
  const out: Sighting[] = [];
  for (let d = 15; d <= 18; d++)
    out.push(t(d, median(200, d) + 180, d === 16 ? "la vanguardia" : undefined));
  for (let d = 20; d <= 23; d++) out.push(t(d, median(900, d) + 180));
  return out;
}

/** The tracks as the search would leave them: unlabelled, coarse km pass run. */
function tracks(sightings: Sighting[]): { ctx: EstimateContext; byTag: Map<string, WorkGroup> } {
  const { ctx, groups } = unlabelledTracks(sightings);
  return { ctx, byTag: new Map(groups.map((g) => [g.name, g])) };
}

describe("splitParts: a short track that follows two bodies is split between them as their parts", () => {
  it("two caravans' vanguards in one track go to their own bodies, read as their heads", () => {
    const { ctx, byTag } = tracks([
      ...walkingBody("A", 200, 5000),
      ...walkingBody("C", 900, 4000),
      ...twoVanguards(),
    ]);
    const [a, c, tr] = ["A", "C", "T"].map((k) => byTag.get(k) as WorkGroup);
    const dissolved = splitParts(ctx, [a, c, tr]);
    expect([...dissolved]).toEqual([tr]);
    expect(tr.members).toHaveLength(0);
    for (let d = 15; d <= 18; d++) expect(a.parts?.get(`t${d}`)).toBe("head");
    for (let d = 20; d <= 23; d++) expect(c.parts?.get(`t${d}`)).toBe("head");
    expect(a.positions).toHaveLength(42 + 4);
    expect(c.positions).toHaveLength(42 + 4);
    // The bodies keep their own typical figures; no association names the dissolved track.
    expect(a.scale).toBeCloseTo(5000, 6);
    expect(c.scale).toBeCloseTo(4000, 6);
    expect(ctx.associations.filter((x) => x.group === "T")).toHaveLength(0);
  });

  it("a report without a position keeps its part word, else takes its neighbour's part", () => {
    // Two figures of T with no place: one says it is the vanguard, one says nothing.
    const noPlace = (id: string, d: number, notes?: string): Sighting => ({
      id,
      observedAt: `${day(d)}T17:00`,
      caravanLabel: "T",
      sizeBest: 300,
      sourceType: "ngo",
      ...(notes ? { notes } : {}),
    });
    const { ctx, byTag } = tracks([
      ...walkingBody("A", 200, 5000),
      ...walkingBody("C", 900, 4000),
      ...twoVanguards(),
      noPlace("u17", 17, "vanguardia de 300"),
      noPlace("u21", 21),
    ]);
    const [a, c, tr] = ["A", "C", "T"].map((k) => byTag.get(k) as WorkGroup);
    expect(tr.sizeOnly.map((s) => s.id).sort()).toEqual(["u17", "u21"]);
    expect([...splitParts(ctx, [a, c, tr])]).toEqual([tr]);
    expect(a.sizeOnly.map((s) => s.id)).toEqual(["u17"]);
    expect(c.sizeOnly.map((s) => s.id)).toEqual(["u21"]);
    // Read as parts (their figures bound a part, not the body's size), not as possible bodies.
    expect(a.parts?.get("u17")).toBe("head");
    expect(c.parts?.get("u21")).toBe("head");
  });

  it("a report within no body goes to a neighbour's body only on a route it lies on", () => {
    // A walks route main; C the branch, past where it leaves main (km 2000). T: A's vanguard on
    // 15–18 Oct, C's on 20–23 Oct, and on the 19th a report far down the branch, within no body
    // and 100+ km off main: it goes to C (the report after it), not to A (the one before).
    const onBranch = (km: number) => {
      const [lon, lat] = index.along("branch", km);
      return { lon, lat };
    };
    const c: Sighting[] = walkingBody("C", 1700, 4000).map((s, k) => {
      const km = 1700 + 30 * Math.floor(k / 3) + [-150, 0, 150][k % 3];
      return { ...s, ...onBranch(km) };
    });
    const own: Sighting[] = [];
    for (let d = 15; d <= 18; d++)
      own.push(t(d, median(200, d) + 180, d === 16 ? "la vanguardia" : undefined));
    own.push({ ...t(19, 0), ...onBranch(2300) });
    for (let d = 20; d <= 23; d++) own.push({ ...t(d, 0), ...onBranch(median(1700, d) + 100) });
    const { ctx, byTag } = tracks([...walkingBody("A", 200, 5000), ...c, ...own]);
    const [ga, gc, tr] = ["A", "C", "T"].map((k) => byTag.get(k) as WorkGroup);
    expect([ga.routeId, gc.routeId, tr.routeId]).toEqual(["main", "branch", "branch"]);
    expect(tr.positions).toHaveLength(9);
    expect([...splitParts(ctx, [ga, gc, tr])]).toEqual([tr]);
    expect(gc.positions.some((p) => p.s.id === "t19")).toBe(true);
    expect(ga.members.some((s) => s.id === "t19")).toBe(false);
  });

  it("a head/tail mark an earlier move inferred is read again against the body, not as the report's word", () => {
    const { ctx, byTag } = tracks([
      ...walkingBody("A", 200, 5000),
      ...walkingBody("C", 900, 4000),
      ...twoVanguards(),
    ]);
    const [a, c, tr] = ["A", "C", "T"].map((k) => byTag.get(k) as WorkGroup);
    // t15 and t21 carry a "tail" an earlier move inferred (they lie ahead of their bodies).
    tr.parts?.set("t15", "tail");
    tr.parts?.set("t21", "tail");
    const inferred = new Set(["t15", "t21"]);
    expect([...splitParts(ctx, [a, c, tr], {}, inferred)]).toEqual([tr]);
    expect(a.parts?.get("t15")).toBe("head");
    expect(c.parts?.get("t21")).toBe("head");
    // The vanguard named by its report stays the report's own word; the marks given are listed.
    expect(inferred.has("t16")).toBe(false);
    expect(inferred.has("t17")).toBe(true);
  });

  it("without a report naming a part the track stays (unless the reading allows it)", () => {
    const plain = twoVanguards().map((s) => ({ ...s, notes: undefined }));
    const { ctx, byTag } = tracks([
      ...walkingBody("A", 200, 5000),
      ...walkingBody("C", 900, 4000),
      ...plain,
    ]);
    const all = ["A", "C", "T"].map((k) => byTag.get(k) as WorkGroup);
    expect(splitParts(ctx, all).size).toBe(0);
    expect(splitParts(ctx, all, { named: false }).size).toBe(1);
  });

  it("a track that follows one body only is left to absorbParts (two bodies needed)", () => {
    const one = twoVanguards().filter((s) => Number((s.id ?? "").slice(1)) <= 18);
    const { ctx, byTag } = tracks([
      ...walkingBody("A", 200, 5000),
      ...walkingBody("C", 900, 4000),
      ...one,
    ]);
    const all = ["A", "C", "T"].map((k) => byTag.get(k) as WorkGroup);
    expect(splitParts(ctx, all).size).toBe(0);
    expect(splitParts(ctx, all, { minBodies: 1 }).size).toBe(1);
  });

  it("a hand-off: a small group that walks with A's vanguard, then draws away beyond every body, stays two tracks", () => {
    // 15–18 Oct 180 km ahead of A's median (within A's reach), then 19–24 Oct riding on at 150 km
    // a day: beyond A's reach and short of C's rear on those days — a group of its own.
    const own: Sighting[] = [];
    for (let d = 15; d <= 18; d++)
      own.push(t(d, median(200, d) + 180, d === 16 ? "la vanguardia" : undefined));
    for (let d = 19; d <= 24; d++) own.push(t(d, median(200, 18) + 180 + 150 * (d - 18)));
    const { ctx, byTag } = tracks([
      ...walkingBody("A", 200, 5000),
      ...walkingBody("C", 1400, 4000),
      ...own,
    ]);
    const all = ["A", "C", "T"].map((k) => byTag.get(k) as WorkGroup);
    expect(splitParts(ctx, all).size).toBe(0);
    expect((byTag.get("T") as WorkGroup).positions).toHaveLength(10);
  });

  it("a small group of its own that rides past four bodies stays its own track (at most three bodies)", () => {
    // Four bodies 400 km apart walk 30 km a day; a group of 300 rides 150 km a day past them, so
    // that on 13–24 Oct its reports lie within A's, then B's, C's and D's reach in turn. Every
    // report lies within a body and each body's share is a part's figure, but a track scattered
    // over four bodies is not two caravans' vanguards handed off: it stays.
    const own: Sighting[] = [];
    for (let d = 13; d <= 24; d++)
      own.push(t(d, median(200, d) + 100 + 120 * (d - 13), d === 14 ? "la vanguardia" : undefined));
    const { ctx, byTag } = tracks([
      ...walkingBody("A", 200, 5000),
      ...walkingBody("B", 600, 5000),
      ...walkingBody("C", 1000, 5000),
      ...walkingBody("D", 1400, 5000),
      ...own,
    ]);
    const all = ["A", "B", "C", "D", "T"].map((k) => byTag.get(k) as WorkGroup);
    expect(splitParts(ctx, all).size).toBe(0);
    expect((byTag.get("T") as WorkGroup).positions).toHaveLength(12);
    // Without the cap (stop 24's reading) the same track was dissolved into the four bodies.
    expect([...splitParts(ctx, all, { maxBodies: 99 })]).toEqual([byTag.get("T")]);
  });

  it("a group of a body's size is not a part, though it walks within two bodies' reach", () => {
    const big = twoVanguards().map((s) => ({ ...s, sizeBest: 3000 }));
    const { ctx, byTag } = tracks([
      ...walkingBody("A", 200, 5000),
      ...walkingBody("C", 900, 4000),
      ...big,
    ]);
    const all = ["A", "C", "T"].map((k) => byTag.get(k) as WorkGroup);
    expect(splitParts(ctx, all).size).toBe(0);
  });

  it("the estimator splits such a track with splitParts: true, and keeps it by default", () => {
    // Unlabelled throughout: the search itself forms the tracks.
    const sightings = [
      ...walkingBody("A", 200, 5000),
      ...walkingBody("C", 900, 4000),
      ...twoVanguards(),
    ].map((s) => ({ ...s, caravanLabel: undefined }));
    const run = (off: boolean) =>
      estimateTracks(dataset(sightings), off ? {} : { splitParts: true });
    const groupOf = (est: ReturnType<typeof run>, id: string): string | undefined =>
      est.report.associations.find((a) => a.sightingId === id)?.group;
    const on = run(false);
    expect(new Set(on.tracks.map((p) => p.group)).size).toBe(2);
    for (let d = 15; d <= 18; d++) expect(groupOf(on, `t${d}`)).toBe(groupOf(on, "A18-1"));
    for (let d = 20; d <= 23; d++) expect(groupOf(on, `t${d}`)).toBe(groupOf(on, "C21-1"));
    expect(groupOf(on, "A18-1")).not.toBe(groupOf(on, "C21-1"));
    // By default (off), the two vanguards stay a third track.
    expect(new Set(run(true).tracks.map((p) => p.group)).size).toBe(3);
  });
});
