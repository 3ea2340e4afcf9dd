// A labelled track is written from the group's first named report: a named report of its size
// alone, before its first position, adds days before the fitted track, placed only behind it as
// far back as the longest ride allows (src/estimate/trackStarts.ts). Nothing fitted moves.
import { describe, expect, it } from "vitest";
import { estimateTracks } from "../../src/estimate/estimateTracks.ts";
import { defaultEstimatorMovement, meanDailyKm, nowcast } from "../../src/index.ts";
import { MAX_WRITTEN_DAYS, writtenBefore } from "../../src/estimate/trackStarts.ts";
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
    expect(writtenBefore({ ...g, labelled: false }, law)).toEqual({ days: [] });
    const inside = [{ ...g.members[0], t: 100.2 }] as WorkGroup["members"];
    expect(writtenBefore({ ...g, members: inside }, law)).toEqual({ days: [] });
  });

  it("writes back at most MAX_WRITTEN_DAYS: a named report 60 days early starts nothing", () => {
    // 13 Aug, 60 days before the first position on 12 Oct (a mis-dated row, "08" for "10").
    const early: Sighting = { ...sizeOnly("s-aug", 0, 2100), observedAt: "2018-08-13T12:00" };
    const est = estimateTracks(dataset([early, ...walking]));
    const a = est.tracks.filter((t) => t.group === "A");
    expect(a[0].date).toBe(day(12));
    expect(est.groups.find((g) => g.group === "A")?.firstDate).toBe(day(12));
    expect(est.report.trackStarts).toEqual([
      {
        group: "A",
        firstFittedDate: day(12),
        daysWritten: 0,
        tooEarly: [{ sightingId: "s-aug", date: "2018-08-13", daysBefore: 60 }],
      },
    ]);
    const w = est.report.warnings.filter((x) => x.code === "named_too_early");
    expect(w).toHaveLength(1);
    expect(w[0].message).toMatch(/^s-aug: .*60 days before its first position/);
    // Its size still counts: the report stays with its group.
    expect(est.report.associations.find((x) => x.sightingId === "s-aug")?.group).toBe("A");
  });

  it("starts from the earliest named report within the bound, listing the earlier one", () => {
    const early: Sighting = { ...sizeOnly("s-aug", 0, 2100), observedAt: "2018-08-13T12:00" };
    const est = estimateTracks(dataset([early, sizeOnly("s8", 8, 2100), ...walking]));
    expect(est.tracks.filter((t) => t.group === "A")[0].date).toBe(day(8));
    const [start] = est.report.trackStarts;
    expect(start.writtenFrom).toBe(day(8));
    expect(start.daysWritten).toBe(4);
    expect(start.sightingId).toBe("s8");
    expect(start.tooEarly.map((e) => e.sightingId)).toEqual(["s-aug"]);
    // Exactly MAX_WRITTEN_DAYS back is still written.
    const edge: Sighting = { ...sizeOnly("s-edge", 0, 2100), observedAt: "2018-09-21T12:00" };
    const atEdge = estimateTracks(dataset([edge, ...walking])).report.trackStarts[0];
    expect(atEdge.daysWritten).toBe(MAX_WRITTEN_DAYS);
    expect(atEdge.tooEarly).toEqual([]);
  });

  it("writes the naming report's own figure as the size when below the fitted size", () => {
    // "More than 400" on day 8; the group is counted at ~2,000 from day 12 (it grew as it went).
    const moreThan: Sighting = { ...sizeOnly("s8", 8, 0), sizeBest: undefined, sizeMin: 400 };
    const est = estimateTracks(dataset([moreThan, ...walking]));
    const first = on(est.tracks, 12);
    expect(on(est.tracks, 8).size).toBe(400);
    // Growing day by day, geometrically, to the first fitted day's size.
    for (const d of [9, 10, 11]) {
      const t = on(est.tracks, d);
      const w = (d - 8) / 4;
      expect(t.size).toBeCloseTo(Math.exp((1 - w) * Math.log(400) + w * Math.log(first.size)), -1);
      expect(t.size).toBeGreaterThan(on(est.tracks, d - 1).size);
      expect(t.sizeLow).toBeLessThanOrEqual(400);
      expect(t.sizeHigh).toBe(first.sizeHigh);
    }
    expect(est.report.trackStarts[0].sizeFrom).toBe("named_report");
  });

  it("takes the first fitted day's size when no naming report gives a figure, and says so", () => {
    const law = defaultEstimatorMovement();
    const g = newGroup("A", true, "r");
    g.day0 = 100;
    g.nDays = 1;
    g.km = { days: [{ median: 500, low: 450, high: 560, mean: 500, sd: 30 }] } as WorkGroup["km"];
    const fitted = { median: 2000, low: 1500, high: 2600, logMean: Math.log(2000), logSd: 0.2 };
    g.size = [fitted] as WorkGroup["size"];
    const named = (t: number, logLow?: number) =>
      ({ id: `s${t}`, index: 0, t, hasTime: true, label: "A", logLow }) as WorkGroup["members"][0];
    g.members = [named(97.5)];
    const plain = writtenBefore(g, law);
    expect(plain.days.map((d) => d.size)).toEqual([fitted, fitted, fitted]);
    expect(plain.start?.sizeFrom).toBe("first_fitted_day");
    // A figure on day 98 ("more than 400"): the days from it on carry it, the day before does not.
    g.members = [named(97.5), named(98.5, Math.log(400))];
    const both = writtenBefore(g, law);
    const sizes = both.days.map((d) => d.size?.median ?? NaN);
    expect(sizes[0]).toBe(2000);
    expect(sizes[1]).toBeCloseTo(400, 6);
    expect(sizes[2]).toBeCloseTo(Math.exp((Math.log(400) + Math.log(2000)) / 2), 6);
    expect(both.days[1].size?.low).toBe(400);
    expect(both.days[1].size?.high).toBe(2600);
    expect(both.start?.sizeFrom).toBe("both");
  });

  it("the nowcast's departure (the naive forecast's start) is the first fitted day", () => {
    const now = nowcast(dataset([sizeOnly("s8", 8, 2100), ...walking]));
    const a = now.groups.find((g) => g.group === "A")!;
    expect(a.departureDate).toBe(day(12));
    expect(a.departureKm).toBe(on(estimateTracks(dataset(walking)).tracks, 12).km);
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
