import { describe, expect, it } from "vitest";
import { estimateTracks } from "../../src/estimate/estimateTracks.ts";
import { leanShift, shrinkLean, withLean } from "../../src/estimate/sourceLean.ts";
import type { SourceType } from "../../src/model/source.ts";
import type { Sighting } from "../../src/model/sighting.ts";
import type { TrackPoint } from "../../src/model/track.ts";
import { at, dataset } from "./corridor.ts";

const day = (d: number): string => `2018-10-${String(d).padStart(2, "0")}`;

/**
 * One group walking 30 km a day for 16 days, reported each day by the UN and by government
 * (on the body, small noise) and by `leaning` `aheadKm` ahead of the body, naming no part.
 */
function world(
  aheadKm: number,
  leaning: SourceType = "social_media",
  hours: readonly number[] = [11, 13, 15],
): Sighting[] {
  const out: Sighting[] = [];
  const wobble = [0, 8, -6, 4, -9, 5, -3, 7, -5, 2, -7, 6, -2, 9, -4, 3];
  for (let k = 0; k < 16; k++) {
    const body = 40 + 30 * k;
    const d = 10 + k;
    out.push({
      id: `u${k}`,
      observedAt: `${day(d)}T10:00`,
      ...at(body + wobble[k]),
      caravanLabel: "A",
      sourceType: "un",
    });
    out.push({
      id: `g${k}`,
      observedAt: `${day(d)}T16:00`,
      ...at(body - wobble[k]),
      caravanLabel: "A",
      sourceType: "government",
    });
    for (const h of hours) {
      out.push({
        id: `s${k}-${h}`,
        observedAt: `${day(d)}T${h}:00`,
        ...at(body + aheadKm + wobble[(k + h) % 16]),
        caravanLabel: "A",
        sourceType: leaning,
      });
    }
  }
  return out;
}

const on = (tracks: TrackPoint[], d: number): TrackPoint =>
  tracks.find((t) => t.date === day(d)) as TrackPoint;

describe("sourceLean: source types whose reports lean ahead of the others", () => {
  it("shrinkLean keeps a sure lean and takes one within two standard errors mostly for none", () => {
    expect(shrinkLean(150, 10)).toBeGreaterThan(140);
    expect(shrinkLean(-150, 10)).toBeLessThan(-140);
    expect(shrinkLean(20, 10)).toBeLessThan(10);
    expect(shrinkLean(0, 5)).toBe(0);
  });

  it("leanShift and withLean shift a report back by the lean and widen it", () => {
    const lean = { sourceType: "media" as const, leanKm: 100, rawKm: 100, seKm: 20, n: 50 };
    const { km, sdKm } = leanShift(lean);
    expect(km).toBe(-100);
    expect(sdKm).toBeGreaterThan(100);
    const o = withLean({ step: 0, km: 500, sigmaKm: 10, outlier: 0.05, kmRange: [490, 510] }, lean);
    expect(o.km).toBe(400);
    expect(o.kmRange).toEqual([390, 410]);
    expect(o.sigmaKm).toBeGreaterThan(100);
    expect(leanShift(undefined)).toEqual({ km: 0, sdKm: 0 });
  });

  it("learns a 150 km lean of one type, moves the median person back toward the others and widens its interval", () => {
    const sightings = world(150);
    // The lean alone, under the one-normal body reading it was built on (the default reading,
    // bodyTails, in the next case).
    const on_ = estimateTracks(dataset(sightings), { bodyTails: false });
    const off = estimateTracks(dataset(sightings), { sourceLean: false, bodyTails: false });
    const lean = on_.report.sourceLeans.find((l) => l.sourceType === "social_media");
    expect(lean?.leanKm).toBeGreaterThan(80);
    expect(lean?.leanKm).toBeLessThan(200);
    const un = on_.report.sourceLeans.find((l) => l.sourceType === "un");
    expect(Math.abs(un?.leanKm ?? 0)).toBeLessThan(20);
    for (const d of [14, 18, 22]) {
      const body = 40 + 30 * (d - 10);
      const a = on(on_.tracks, d);
      const b = on(off.tracks, d);
      // Read as the body, three reports a day 150 km ahead drag the median person well ahead.
      expect(b.km - body).toBeGreaterThan(60);
      expect(Math.abs(a.km - body)).toBeLessThan(Math.abs(b.km - body) - 40);
      expect(a.kmHigh - a.kmLow).toBeGreaterThan(b.kmHigh - b.kmLow);
      expect(a.kmLow).toBeLessThanOrEqual(body);
      expect(a.kmHigh).toBeGreaterThanOrEqual(body);
    }
  });

  it("learns the lean and moves the median person back to the body under the default reading (bodyTails)", () => {
    const sightings = world(150);
    const on_ = estimateTracks(dataset(sightings));
    const off = estimateTracks(dataset(sightings), { sourceLean: false });
    const lean = on_.report.sourceLeans.find((l) => l.sourceType === "social_media");
    expect(lean?.leanKm).toBeGreaterThan(80);
    expect(lean?.leanKm).toBeLessThan(200);
    for (const d of [14, 18, 22]) {
      const body = 40 + 30 * (d - 10);
      const a = on(on_.tracks, d);
      const b = on(off.tracks, d);
      // Heavy tails alone do not undo three reports a day 150 km ahead; the lean does.
      expect(b.km - body).toBeGreaterThan(60);
      expect(Math.abs(a.km - body)).toBeLessThan(20);
      expect(a.kmLow).toBeLessThanOrEqual(body);
      expect(a.kmHigh).toBeGreaterThanOrEqual(body);
    }
  });

  it("learns the lean in full when the leaning type is half or most of the reports", () => {
    // The level is set by the anchors (UN, government), not by the track the reports pulled.
    for (const hours of [
      [11, 13],
      [11, 13, 15],
    ]) {
      const leans = estimateTracks(dataset(world(150, "social_media", hours))).report.sourceLeans;
      const lean = leans.find((l) => l.sourceType === "social_media")?.leanKm ?? 0;
      expect(Math.abs(lean - 150)).toBeLessThan(20);
    }
  });

  it("says when a type had too few reports for a lean (its 0 km are not measured)", () => {
    // Social media on 5 days only (15 reports, 3 a day), DTM twice (fewer than 12 each way).
    const few = [
      ...world(0).filter((s) => s.sourceType !== "social_media" || s.observedAt < day(15)),
      {
        id: "d1",
        observedAt: `${day(12)}T12:00`,
        ...at(100),
        caravanLabel: "A",
        sourceType: "dtm" as const,
      },
      {
        id: "d2",
        observedAt: `${day(14)}T12:00`,
        ...at(160),
        caravanLabel: "A",
        sourceType: "dtm" as const,
      },
    ];
    const leans = estimateTracks(dataset(few)).report.sourceLeans;
    const thin = leans.filter((l) => l.n < 12);
    expect(thin.length).toBeGreaterThan(0);
    for (const l of thin) {
      expect(l).toMatchObject({ leanKm: 0, rawKm: 0, seKm: 0 });
      expect(l.note).toBe("fewer than 12 reports to compare: no lean fitted, read as none");
    }
    for (const l of leans.filter((x) => x.leanKm !== 0)) expect(l.note).toBeUndefined();
  });

  it("changes nothing when no type leans", () => {
    const sightings = world(0);
    const on_ = estimateTracks(dataset(sightings));
    const off = estimateTracks(dataset(sightings), { sourceLean: false });
    for (const l of on_.report.sourceLeans) expect(Math.abs(l.leanKm)).toBeLessThan(10);
    // A lean read as none says why (report.json sourceLeans[].note).
    for (const l of on_.report.sourceLeans.filter((x) => x.leanKm === 0))
      expect(l.note).toMatch(/read as none/);
    for (let d = 10; d <= 25; d++) {
      const a = on(on_.tracks, d);
      const b = on(off.tracks, d);
      expect(Math.abs(a.km - b.km)).toBeLessThan(3);
      expect(Math.abs(a.kmHigh - a.kmLow - (b.kmHigh - b.kmLow))).toBeLessThan(10);
    }
  });
});
