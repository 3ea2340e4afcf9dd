import { describe, expect, it } from "vitest";
import { estimateTracks } from "../../src/estimate/estimateTracks.ts";
import type { Sighting } from "../../src/model/sighting.ts";
import { at, dataset } from "./corridor.ts";

/** An unlabelled report at km `km` on day `day` of October 2018 (noon), of `size` people. */
function report(id: string, day: number, km: number, size?: number): Sighting {
  const date = `2018-10-${String(day).padStart(2, "0")}T12:00`;
  return { id, observedAt: date, ...at(km), sourceType: "media", sizeBest: size };
}

/** A group walking `kmPerDay` from `km0` on days `from`…`to`, one report a day. */
function walk(
  prefix: string,
  from: number,
  to: number,
  km0: number,
  kmPerDay: number,
  size: number,
): Sighting[] {
  const out: Sighting[] = [];
  for (let d = from; d <= to; d++)
    out.push(report(`${prefix}${d}`, d, km0 + kmPerDay * (d - from), size));
  return out;
}

/** The group holding each sighting id. */
function groupOf(sightings: readonly Sighting[]): Map<string, string | undefined> {
  const { groups } = estimateTracks(dataset([...sightings]));
  const out = new Map<string, string | undefined>();
  for (const g of groups) for (const id of g.sightings) out.set(id, g.group);
  return out;
}

describe("association of unlabelled reports", () => {
  it("keeps a group's identity across a 400 km ride in a day and a 7-day shelter stay", () => {
    const sightings = [
      ...walk("a", 1, 5, 0, 30, 2000),
      // A 400 km bus ride between the 5th and the 6th, then walking again.
      ...walk("b", 6, 9, 520, 30, 2100),
      // A shelter stay: reports from the same place for 7 days, then on the road again.
      ...walk("c", 10, 16, 610, 0, 1900),
      ...walk("d", 17, 20, 640, 30, 2000),
    ];
    const { groups } = estimateTracks(dataset(sightings));
    expect(groups).toHaveLength(1);
    expect(groups[0].sightings).toHaveLength(sightings.length);
  });

  it("keeps two groups that overtake each other apart", () => {
    // A (3,000 people) walks 30 km a day; B (600) rests, then rides past A.
    const a = walk("a", 1, 14, 100, 30, 3000);
    const b = [...walk("b", 1, 6, 160, 0, 600), ...walk("c", 7, 14, 560, 25, 600)];
    const of = groupOf([...a, ...b]);
    expect(new Set(of.values()).size).toBe(2);
    expect(new Set<string | undefined>(a.map((s) => of.get(String(s.id)))).size).toBe(1);
    expect(new Set<string | undefined>(b.map((s) => of.get(String(s.id)))).size).toBe(1);
    expect(of.get("a1")).not.toBe(of.get("b1"));
  });

  it("does not put a report of 4,000 people in a group of 300", () => {
    const small = walk("a", 1, 8, 100, 30, 300);
    const big = report("big", 4, 190, 4000);
    const { groups, report: rep } = estimateTracks(dataset([...small, big]));
    const holder = groups.find((g) => g.sightings.includes("big"));
    expect(holder?.sightings.some((id) => id.startsWith("a"))).not.toBe(true);
    expect(holder !== undefined || rep.leftOut.some((x) => x.sightingId === "big")).toBe(true);
  });

  it("leaves a misplaced report in its group instead of starting a track", () => {
    const sightings = [...walk("a", 1, 10, 100, 30, 2500), report("far", 5, 900, 2500)];
    const { groups, report: rep } = estimateTracks(dataset(sightings));
    expect(groups).toHaveLength(1);
    expect(groups[0].sightings).toContain("far");
    const far = rep.associations.find((x) => x.sightingId === "far");
    expect(far?.outlierProb ?? 0).toBeGreaterThan(0.5);
  });

  it("links tracklets of one group separated by a silence of days", () => {
    // Reports stop for five days, and the group is found again further on at a plausible km.
    const sightings = [...walk("a", 1, 6, 0, 30, 1500), ...walk("b", 12, 18, 330, 30, 1600)];
    const { groups } = estimateTracks(dataset(sightings));
    expect(groups).toHaveLength(1);
  });

  it("keeps a small report (vanguard) far ahead in its big group", () => {
    const main = walk("a", 1, 10, 100, 30, 5000);
    const vanguard = [report("v1", 3, 330, 40), report("v2", 4, 350, 35)];
    const of = groupOf([...main, ...vanguard]);
    expect(new Set(of.values()).size).toBe(1);
  });

  it("keeps two groups 5 days apart on the same road apart", () => {
    // B leaves the same town 5 days after A and walks the same road at the same pace and size;
    // each is reported twice a day (with one report a day, 14 exact positions each, the
    // evidence is about even with the birth penalty of a second group).
    const twice = (prefix: string, from: number, to: number): Sighting[] =>
      walk(prefix, from, to, 0, 35, 1500).flatMap((s, k) => [
        s,
        {
          ...s,
          id: `${s.id}pm`,
          observedAt: s.observedAt.replace("12:00", "18:00"),
          ...at(35 * k + 10),
        },
      ]);
    const a = twice("a", 1, 14);
    const b = twice("b", 6, 19);
    const of = groupOf([...a, ...b]);
    // The first report of each stands in the town both leave from, where either group could be
    // (a shelter stay of B's before it left is as good a reading): not counted.
    const onRoad = (list: Sighting[]): Sighting[] => list.slice(1);
    expect(new Set(onRoad(a).map((s) => of.get(String(s.id)))).size).toBe(1);
    expect(new Set(onRoad(b).map((s) => of.get(String(s.id)))).size).toBe(1);
    expect(of.get("a2")).not.toBe(of.get("b7"));
  });

  it("finds the true number of groups in a file with no labels at all", () => {
    // Three groups of different sizes: two walking the road 3 days apart, a third that rides
    // 400 km in a day past both; one report a day each, no caravan_label anywhere.
    const a = walk("a", 1, 14, 0, 30, 2000);
    const b = walk("b", 4, 17, 0, 30, 500);
    const c = [...walk("c", 3, 7, 0, 30, 6000), ...walk("d", 8, 16, 520, 30, 6000)];
    const of = groupOf([...a, ...b, ...c]);
    expect(new Set(of.values()).size).toBe(3);
    for (const list of [a, b, c])
      expect(new Set(list.map((s) => of.get(String(s.id)))).size).toBe(1);
  });
});
