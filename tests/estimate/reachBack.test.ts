// A track read back towards its departure (EstimateOptions.reachBack, src/estimate/reachBack.ts):
// days written before the first fitted day, as many as the law's mean daily move needs to cover
// the first day's low end from the route's origin; intervals behind the first day, never past
// the origin; nothing fitted moves; off by default.
import { describe, expect, it } from "vitest";
import { estimateTracks } from "../../src/estimate/estimateTracks.ts";
import { defaultEstimatorMovement, meanDailyKm } from "../../src/index.ts";
import { reachBackDays, reachedBack } from "../../src/estimate/reachBack.ts";
import { MAX_WRITTEN_DAYS } from "../../src/estimate/trackStarts.ts";
import { newGroup } from "../../src/estimate/workGroup.ts";
import type { WorkGroup } from "../../src/estimate/workGroup.ts";
import type { Sighting } from "../../src/model/sighting.ts";
import { dataset, day, on, report } from "./corridor.ts";

const walking = [12, 13, 14, 15, 16, 17].map((d) => report(`p${d}`, d, 300 + 30 * (d - 12), 2000));
const unlabelled = (s: Sighting[]): Sighting[] => s.map(({ caravanLabel: _, ...r }) => r);

describe("reachBackDays", () => {
  it("is the first day's low end over the mean daily move, floored, at most MAX_WRITTEN_DAYS", () => {
    expect(reachBackDays(250, 40)).toBe(6);
    expect(reachBackDays(39, 40)).toBe(0);
    expect(reachBackDays(0, 40)).toBe(0);
    expect(reachBackDays(100_000, 40)).toBe(MAX_WRITTEN_DAYS);
    expect(reachBackDays(250, 0)).toBe(0);
  });
});

describe("reachedBack", () => {
  const law = defaultEstimatorMovement();
  const g = newGroup("u1", false, "r");
  g.day0 = 100;
  g.nDays = 2;
  const d0 = { median: 500, low: 450, high: 560, mean: 500, sd: 30 };
  g.km = { days: [d0, { ...d0, median: 520 }] } as unknown as WorkGroup["km"];
  g.size = [{ median: 900, low: 600, high: 1400, logMean: Math.log(900), logSd: 0.2 }];

  it("writes days behind the first fitted day, without touching the group", () => {
    const before = JSON.stringify(g);
    const out = reachedBack(g, law, true);
    expect(JSON.stringify(g)).toBe(before);
    const n = reachBackDays(450, meanDailyKm(law));
    expect(n).toBeGreaterThan(0);
    expect(out.day0).toBe(100 - n);
    expect(out.days).toHaveLength(n);
    let previous = -Infinity;
    out.days.forEach((d, k) => {
      const back = n - k;
      expect(d.km.high).toBe(560);
      expect(d.km.low).toBe(Math.max(0, 450 - back * law.longRideMaxKm));
      expect(d.km.median).toBeGreaterThanOrEqual(d.km.low);
      expect(d.km.median).toBeLessThanOrEqual(500);
      expect(d.km.median).toBeGreaterThanOrEqual(previous); // forward day by day
      previous = d.km.median;
      expect(d.size).toEqual(g.size![0]);
    });
  });

  it("leaves out labelled tracks under 'unlabelled', and every track when off", () => {
    expect(reachedBack({ ...g, labelled: true }, law, "unlabelled")).toEqual({ days: [] });
    expect(reachedBack(g, law, "unlabelled").days.length).toBeGreaterThan(0);
    expect(reachedBack(g, law, false)).toEqual({ days: [] });
  });

  it("writes nothing for a track whose first day's low end is within a day's move of the origin", () => {
    const near = { ...g, km: { days: [{ ...d0, low: 10 }] } } as unknown as WorkGroup;
    expect(reachedBack(near, law, true)).toEqual({ days: [] });
  });
});

describe("EstimateOptions.reachBack in estimateTracks", () => {
  it("is off by default: the track starts on its first report", () => {
    const { tracks } = estimateTracks(dataset(unlabelled(walking)));
    expect(tracks[0].date).toBe(day(12));
  });

  it("writes an unlabelled track back, the fitted days unchanged, the group inside", () => {
    const off = estimateTracks(dataset(unlabelled(walking)));
    const on_ = estimateTracks(dataset(unlabelled(walking)), { reachBack: true });
    const written = on_.tracks.filter((t) => t.writtenBeforeFit);
    expect(written.length).toBeGreaterThan(0);
    expect(on_.tracks[0].date < day(12)).toBe(true);
    // Fitted days identical.
    expect(on_.tracks.filter((t) => !t.writtenBeforeFit)).toEqual(off.tracks);
    // A group that walked to km 300 from the origin before day 12 is inside every written day.
    const first = on(on_.tracks, 12, on_.tracks[0].group);
    for (const t of written) {
      expect(t.kmLow).toBeLessThanOrEqual(first.kmLow);
      expect(t.kmHigh).toBeLessThanOrEqual(first.kmHigh + 0.1);
    }
  });

  it("under 'unlabelled' leaves a labelled track as it was", () => {
    const off = estimateTracks(dataset(walking));
    const on_ = estimateTracks(dataset(walking), { reachBack: "unlabelled" });
    expect(on_.tracks).toEqual(off.tracks);
    expect(estimateTracks(dataset(walking), { reachBack: true }).tracks.length).toBeGreaterThan(
      off.tracks.length,
    );
  });
});
