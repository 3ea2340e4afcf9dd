// Held days after the data's end widen by the movement law, as the days without a report inside a
// track do: one rule (src/estimate/kmAhead.ts, the last day's distribution pushed through the law
// by the smoother's forward step without reports),
// capped at the route's end (src/state/onRoad.ts `holdUntilUnseen`, `carryTracks`).
import { describe, expect, it } from "vitest";
import { estimateTracks } from "../../src/estimate/estimateTracks.ts";
import { kmAhead } from "../../src/estimate/kmAhead.ts";
import { carryTracks, defaultEstimatorMovement } from "../../src/index.ts";
import type { Sighting } from "../../src/model/sighting.ts";
import { dataset, day, index, on, report } from "../estimate/corridor.ts";

/** Group "B", reported until day 20, so that the data end 10 days after A's last report. */
const other = [10, 12, 14, 16, 18, 20].map((d): Sighting => ({
  ...report(`b${d}`, d, 100 + 20 * (d - 10), 800),
  caravanLabel: "B",
}));
const walking = [6, 7, 8, 9, 10].map((d) => report(`a${d}`, d, 200 + 30 * (d - 6), 2000));

describe("held days after the data's end widen", () => {
  it("a track whose last report is 10 days before the data's end widens day by day after it, and its held days go on from it", () => {
    const data = dataset([...walking, ...other]);
    const est = estimateTracks(data);
    const end = est.report.trackEnds.find((e) => e.group === "A")!;
    expect(end).toMatchObject({
      lastReportDate: day(10),
      lastDate: day(20),
      reason: "end_of_data",
    });
    // Held to 28 Oct: 8 days after the data's last day (20 Oct).
    const tracks = carryTracks(est, data, day(28));
    const width = (d: number) => on(tracks, d).kmHigh - on(tracks, d).kmLow;
    for (let d = 21; d <= 28; d++) expect(on(tracks, d).heldAfterData).toBe(true);
    expect(on(tracks, 20).heldAfterData).toBeUndefined();
    const length = index.lengthKm("main");
    for (let d = 11; d <= 28; d++) {
      const t = on(tracks, d);
      // Wider every day until the high end meets the route's end; never past it.
      if (on(tracks, d - 1).kmHigh < length - 1)
        expect(width(d), day(d)).toBeGreaterThan(width(d - 1));
      expect(t.kmHigh).toBeLessThanOrEqual(length + 1e-6);
      expect(t.km).toBeGreaterThanOrEqual(t.kmLow);
      expect(t.km).toBeLessThanOrEqual(t.kmHigh);
    }
    for (let d = 21; d <= 28; d++) {
      // Held days never fall back (the law moves forward only) and the median moves on.
      expect(on(tracks, d).kmLow).toBeGreaterThanOrEqual(on(tracks, d - 1).kmLow - 1e-6);
      expect(on(tracks, d).km).toBeGreaterThan(on(tracks, d - 1).km);
      expect(on(tracks, d).kmHigh).toBeCloseTo(length, 6);
    }
    // Continuous with the smoother (no jump where the data end): the first held day's median move is near the
    // smoother's own move into the data's last day, which has no report (43 km here; the law
    // pushed through from the last day gives 67; adding the move's quantiles to the interval's
    // ends, as before mend22f, gave the move's median alone).
    const smootherMove = on(tracks, 20).km - on(tracks, 19).km;
    const heldMove = on(tracks, 21).km - on(tracks, 20).km;
    expect(smootherMove).toBeGreaterThan(20);
    expect(heldMove).toBeGreaterThan(0.8 * smootherMove);
    expect(heldMove).toBeLessThan(1.7 * smootherMove);
    // The low end moves on from the first held day (before: it stopped for 3–4 days).
    expect(on(tracks, 21).kmLow).toBeGreaterThan(on(tracks, 20).kmLow + 5);
    // Held days are rounded as estimated days: km to 0.1, position to 5 decimals.
    expect(on(tracks, 22).km * 10).toBeCloseTo(Math.round(on(tracks, 22).km * 10), 9);
    expect(on(tracks, 22).lon * 1e5).toBeCloseTo(Math.round(on(tracks, 22).lon * 1e5), 6);
    // Not a copy of the last estimated day: the whole interval moves on; with its high end at the
    // route's end (which absorbs) it narrows from below, as the smoother's own days would.
    expect(on(tracks, 21).kmHigh).toBeGreaterThanOrEqual(on(tracks, 20).kmHigh - 1e-6);
    // The position follows the median on the route; the size is held.
    const [lon, lat] = index.along("main", on(tracks, 28).km);
    expect(on(tracks, 28).lon).toBeCloseTo(lon, 4);
    expect(on(tracks, 28).lat).toBeCloseTo(lat, 4);
    expect(on(tracks, 28).size).toBe(on(tracks, 20).size);
  });

  it("held days widen day by day while the route's end does not cap them", () => {
    // B is reported to day 11: A's track ends with the data one day after its last report.
    const data = dataset([
      ...walking,
      ...other.filter((s) => s.id === "b10"),
      { ...other[0]!, id: "b11", observedAt: `${day(11)}T12:00` },
    ]);
    const est = estimateTracks(data);
    expect(est.report.trackEnds.find((e) => e.group === "A")).toMatchObject({
      lastDate: day(11),
      reason: "end_of_data",
    });
    const tracks = carryTracks(est, data, day(17));
    const width = (d: number) => on(tracks, d).kmHigh - on(tracks, d).kmLow;
    for (let d = 12; d <= 17; d++) {
      expect(on(tracks, d).heldAfterData).toBe(true);
      expect(on(tracks, d).kmHigh).toBeLessThan(index.lengthKm("main"));
      expect(width(d), day(d)).toBeGreaterThan(width(d - 1));
    }
  });

  it("kmAhead: a near-point start spreads over the law's one-day move, from a rest to a ride", () => {
    const law = defaultEstimatorMovement();
    const [first] = kmAhead({ median: 1000, low: 999, high: 1001 }, law, 4000, 1, law.regimes);
    // From a near point, day 1's median is the median of the law's one-day move from the
    // long-run regime mix: between a rest (0) and a ride; the interval spans rest to a ride.
    expect(first!.low).toBeLessThan(1005);
    expect(first!.high).toBeGreaterThan(1000 + law.rideKm.min);
    expect(first!.median).toBeGreaterThan(1000);
  });

  it("kmAhead: wider each day, never falling back, capped at the route's end", () => {
    const law = defaultEstimatorMovement();
    const days = kmAhead({ median: 500, low: 450, high: 550 }, law, 4000, 5);
    for (let i = 1; i < days.length; i++) {
      expect(days[i]!.high - days[i]!.low).toBeGreaterThan(days[i - 1]!.high - days[i - 1]!.low);
      expect(days[i]!.low).toBeGreaterThanOrEqual(450);
      expect(days[i]!.median).toBeGreaterThanOrEqual(days[i - 1]!.median);
    }
    const near = kmAhead({ median: 3900, low: 3850, high: 3950 }, law, 4000, 10);
    for (const d of near) expect(d.high).toBeLessThanOrEqual(4000);
    expect(near.at(-1)!.high).toBe(4000);
  });
});
