// A labelled track is written from the group's first named report: a named report of its size
// alone, before its first position, adds days before the fitted track, placed only behind it as
// far back as the longest ride allows (src/estimate/trackStarts.ts). Nothing fitted moves.
import { describe, expect, it } from "vitest";
import { estimateTracks } from "../../src/estimate/estimateTracks.ts";
import { defaultEstimatorMovement, meanDailyKm } from "../../src/index.ts";
import { writtenBefore } from "../../src/estimate/trackStarts.ts";
import { newGroup } from "../../src/estimate/workGroup.ts";
import type { WorkGroup } from "../../src/estimate/workGroup.ts";
import type { Sighting } from "../../src/model/sighting.ts";
import { dataset, day, on, report } from "./corridor.ts";

/** A named count of group "A" with no place, at noon of day `d`. */
const sizeOnly = (id: string, d: number, sizeBest: number): Sighting => ({
  id,
  observedAt: `${day(d)}T12:00`,
  caravanLabel: "A",
  sizeBest,
  sourceType: "media",
});

const walking = [12, 13, 14, 15, 16, 17].map((d) => report(`p${d}`, d, 300 + 30 * (d - 12), 2000));

describe("a labelled track is written from its first named report", () => {
  it("starts on the day of a named size report before the first position", () => {
    const est = estimateTracks(dataset([sizeOnly("s8", 8, 2100), ...walking]));
    const a = est.tracks.filter((t) => t.group === "A");
    expect(a[0].date).toBe(day(8));
    // Every day from the size report on has an estimate: no gap before the first position.
    expect(a.map((t) => t.date).slice(0, 5)).toEqual([8, 9, 10, 11, 12].map(day));
    expect(est.groups.find((g) => g.group === "A")?.firstDate).toBe(day(8));
    expect(est.report.associations.find((x) => x.sightingId === "s8")?.group).toBe("A");
  });

  it("places the group only behind its first fitted day, back to the route's origin", () => {
    const { tracks } = estimateTracks(dataset([sizeOnly("s8", 8, 2100), ...walking]));
    const first = on(tracks, 12);
    const ride = defaultEstimatorMovement().longRideMaxKm;
    let previous = -Infinity;
    for (const d of [8, 9, 10, 11]) {
      const t = on(tracks, d);
      expect(t.kmLow).toBeLessThanOrEqual(Math.max(0, first.kmLow - (12 - d) * ride) + 0.1);
      expect(t.kmHigh).toBeLessThanOrEqual(first.kmHigh + 0.1);
      expect(t.km).toBeGreaterThanOrEqual(t.kmLow);
      expect(t.km).toBeLessThanOrEqual(first.km);
      // The median moves forward day by day (back at the law's mean daily move, read backwards).
      expect(t.km).toBeGreaterThanOrEqual(previous);
      previous = t.km;
      expect(t.headKmHigh).toBeLessThanOrEqual(first.headKmHigh! + 0.1);
      expect(t.tailKmLow).toBeLessThanOrEqual(t.kmLow);
    }
    // A group at the origin on day 8 that rode to km 300 by day 12 is inside the intervals.
    expect(on(tracks, 8).kmLow).toBe(0);
    expect(on(tracks, 8).sizeLow).toBeLessThanOrEqual(2100);
    expect(on(tracks, 8).sizeHigh).toBeGreaterThanOrEqual(2100);
  });

  it("writes days from the group's own fitted first day and law, without touching the group", () => {
    const law = defaultEstimatorMovement();
    const g = newGroup("A", true, "r");
    g.day0 = 100;
    g.nDays = 2;
    const d0 = { median: 500, low: 450, high: 560, mean: 500, sd: 30 };
    g.km = { days: [d0, { ...d0, median: 520 }] } as unknown as WorkGroup["km"];
    g.members = [{ id: "s", index: 0, t: 97.5, hasTime: true, label: "A" }] as WorkGroup["members"];
    const before = JSON.stringify(g);
    const out = writtenBefore(g, law);
    expect(JSON.stringify(g)).toBe(before);
    expect(out?.day0).toBe(97);
    expect(out?.days).toHaveLength(3);
    const back1 = out!.days[2].km;
    expect(back1.high).toBe(560);
    expect(back1.low).toBe(Math.max(0, 450 - law.longRideMaxKm));
    expect(back1.median).toBeCloseTo(Math.max(back1.low, 500 - meanDailyKm(law)), 6);
    // An unlabelled group, or a named report inside the fitted span, writes nothing.
    expect(writtenBefore({ ...g, labelled: false }, law)).toBeUndefined();
    const inside = [{ ...g.members[0], t: 100.2 }] as WorkGroup["members"];
    expect(writtenBefore({ ...g, members: inside }, law)).toBeUndefined();
  });

  it("leaves a track whose first report is a position as it was", () => {
    const { tracks } = estimateTracks(dataset(walking));
    const a = tracks.filter((t) => t.group === "A");
    expect(a[0].date).toBe(day(12));
    expect(on(tracks, 12).kmLow).toBeGreaterThan(200);
  });

  it("starts no track early on an unnamed size report", () => {
    const unnamed = { ...sizeOnly("s8", 8, 2100), caravanLabel: undefined };
    const { tracks } = estimateTracks(dataset([unnamed, ...walking]));
    expect(tracks.filter((t) => t.group === "A")[0].date).toBe(day(12));
  });
});
