// A group lives from its first report: a named report of its size alone, before its first
// position, starts its track (positions.ts setSpan); on the days before its first position the
// track is placed only behind that position, as far back as the longest ride allows
// (src/estimate/trackStarts.ts).
import { describe, expect, it } from "vitest";
import { estimateTracks } from "../../src/estimate/estimateTracks.ts";
import { defaultEstimatorMovement } from "../../src/index.ts";
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

describe("a track starts at the group's first report", () => {
  it("starts on the day of a named size report before the first position", () => {
    const { tracks, report: rep } = estimateTracks(dataset([sizeOnly("s8", 8, 2100), ...walking]));
    const a = tracks.filter((t) => t.group === "A");
    expect(a[0].date).toBe(day(8));
    // Every day from the size report on has an estimate: no gap before the first position.
    expect(a.map((t) => t.date).slice(0, 5)).toEqual([8, 9, 10, 11, 12].map(day));
    expect(rep.associations.find((x) => x.sightingId === "s8")?.group).toBe("A");
  });

  it("places the group only behind its first position, widening back to the route's origin", () => {
    const { tracks } = estimateTracks(dataset([sizeOnly("s8", 8, 2100), ...walking]));
    const first = on(tracks, 12);
    const ride = defaultEstimatorMovement().longRideMaxKm;
    for (const d of [8, 9, 10, 11]) {
      const t = on(tracks, d);
      // As far back as the longest rides of the days between could have brought it from.
      expect(t.kmLow).toBeLessThanOrEqual(Math.max(0, first.kmLow - (12 - d) * ride) + 0.1);
      expect(t.kmHigh).toBeLessThanOrEqual(first.kmHigh + 0.1);
      expect(t.tailKmLow).toBeLessThanOrEqual(t.kmLow);
    }
    // A group at the origin on day 8 that rode to km 300 by day 12 is inside the intervals.
    expect(on(tracks, 8).kmLow).toBe(0);
    expect(on(tracks, 8).sizeLow).toBeLessThanOrEqual(2100);
    expect(on(tracks, 8).sizeHigh).toBeGreaterThanOrEqual(2100);
  });

  it("reads a labelled group's unnamed reports before its first named position as behind it", () => {
    const unnamed = { ...report("u10", 10, 290, 2000), caravanLabel: undefined };
    const { tracks, report: rep } = estimateTracks(dataset([unnamed, ...walking]));
    expect(rep.associations.find((x) => x.sightingId === "u10")?.group).toBe("A");
    const ride = defaultEstimatorMovement().longRideMaxKm;
    // Day 10 is placed by an unnamed report only: its low end reaches back a ride per day.
    expect(on(tracks, 10).kmLow).toBeLessThanOrEqual(Math.max(0, on(tracks, 12).kmLow - 2 * ride));
    expect(on(tracks, 12).kmLow).toBeGreaterThan(200);
  });

  it("leaves a track whose first report is a position as it was", () => {
    const { tracks } = estimateTracks(dataset(walking));
    const a = tracks.filter((t) => t.group === "A");
    expect(a[0].date).toBe(day(12));
    expect(on(tracks, 12).kmLow).toBeGreaterThan(200);
  });
});
