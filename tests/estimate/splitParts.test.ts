import { describe, expect, it } from "vitest";
import { describeGroup, labelledGroups } from "../../src/estimate/associate.ts";
import { estimateTracks, projectSightings } from "../../src/estimate/estimateTracks.ts";
import { runKm } from "../../src/estimate/positions.ts";
import { prepareSightings } from "../../src/estimate/prepare.ts";
import { splitParts } from "../../src/estimate/splitParts.ts";
import type { EstimateContext, WorkGroup } from "../../src/estimate/workGroup.ts";
import { createGazetteer } from "../../src/geo/gazetteer.ts";
import type { Sighting } from "../../src/model/sighting.ts";
import { defaultEstimatorMovement } from "../../src/movement/index.ts";
import { at, dataset, day, index } from "./corridor.ts";

/**
 * A long body of `size` people tagged `tag` whose median person walks 30 km a day from `km0` on
 * 13–26 Oct: each day one report at its rear, middle and front (150 km either side), each with
 * the whole group's figure (the tag only sorts reports into tracks; every track is read as
 * unlabelled).
 */
function body(tag: string, km0: number, size: number): Sighting[] {
  const out: Sighting[] = [];
  for (let d = 13; d <= 26; d++)
    for (const [k, off] of [
      [0, -150],
      [1, 0],
      [2, 150],
    ] as const)
      out.push({
        id: `${tag}${d}-${k}`,
        observedAt: `${day(d)}T${10 + 2 * k}:00`,
        ...at(km0 + 30 * (d - 13) + off),
        caravanLabel: tag,
        sizeBest: size,
        sourceType: "government",
      });
  return out;
}

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
  const gazetteer = createGazetteer([]);
  const { prepared } = prepareSightings(sightings, "America/Mexico_City", gazetteer);
  const ctx: EstimateContext = {
    index,
    gazetteer,
    routeIds: index.routeIds,
    maxOff: 30,
    movement: defaultEstimatorMovement(),
    outlierScale: 1,
    projections: projectSightings(index, prepared),
    associations: [],
    leftOut: [],
    warnings: [],
    placeKm: new Map(),
  };
  const { groups } = labelledGroups(ctx, prepared);
  for (const g of groups) {
    g.labelled = false;
    describeGroup(g, (s) => [sightings[s.index]?.part, sightings[s.index]?.notes]);
    runKm(ctx, g, { outlierPosteriors: false, coarse: true });
  }
  return { ctx, byTag: new Map(groups.map((g) => [g.name, g])) };
}

describe("splitParts: a short track that follows two bodies is split between them as their parts", () => {
  it("two caravans' vanguards in one track go to their own bodies, read as their heads", () => {
    const { ctx, byTag } = tracks([
      ...body("A", 200, 5000),
      ...body("C", 900, 4000),
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

  it("without a report naming a part the track stays (unless the reading allows it)", () => {
    const plain = twoVanguards().map((s) => ({ ...s, notes: undefined }));
    const { ctx, byTag } = tracks([...body("A", 200, 5000), ...body("C", 900, 4000), ...plain]);
    const all = ["A", "C", "T"].map((k) => byTag.get(k) as WorkGroup);
    expect(splitParts(ctx, all).size).toBe(0);
    expect(splitParts(ctx, all, { named: false }).size).toBe(1);
  });

  it("a track that follows one body only is left to absorbParts (two bodies needed)", () => {
    const one = twoVanguards().filter((s) => Number((s.id ?? "").slice(1)) <= 18);
    const { ctx, byTag } = tracks([...body("A", 200, 5000), ...body("C", 900, 4000), ...one]);
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
    const { ctx, byTag } = tracks([...body("A", 200, 5000), ...body("C", 1400, 4000), ...own]);
    const all = ["A", "C", "T"].map((k) => byTag.get(k) as WorkGroup);
    expect(splitParts(ctx, all).size).toBe(0);
    expect((byTag.get("T") as WorkGroup).positions).toHaveLength(10);
  });

  it("a group of a body's size is not a part, though it walks within two bodies' reach", () => {
    const big = twoVanguards().map((s) => ({ ...s, sizeBest: 3000 }));
    const { ctx, byTag } = tracks([...body("A", 200, 5000), ...body("C", 900, 4000), ...big]);
    const all = ["A", "C", "T"].map((k) => byTag.get(k) as WorkGroup);
    expect(splitParts(ctx, all).size).toBe(0);
  });

  it("the estimator splits such a track by default, and keeps it with splitParts: false", () => {
    // Unlabelled throughout: the search itself forms the tracks.
    const sightings = [...body("A", 200, 5000), ...body("C", 900, 4000), ...twoVanguards()].map(
      (s) => ({ ...s, caravanLabel: undefined }),
    );
    const run = (off: boolean) =>
      estimateTracks(dataset(sightings), off ? { splitParts: false } : {});
    const groupOf = (est: ReturnType<typeof run>, id: string): string | undefined =>
      est.report.associations.find((a) => a.sightingId === id)?.group;
    const on = run(false);
    expect(new Set(on.tracks.map((p) => p.group)).size).toBe(2);
    for (let d = 15; d <= 18; d++) expect(groupOf(on, `t${d}`)).toBe(groupOf(on, "A18-1"));
    for (let d = 20; d <= 23; d++) expect(groupOf(on, `t${d}`)).toBe(groupOf(on, "C21-1"));
    expect(groupOf(on, "A18-1")).not.toBe(groupOf(on, "C21-1"));
    // Switched off, the two vanguards stay a third track.
    expect(new Set(run(true).tracks.map((p) => p.group)).size).toBe(3);
  });
});
