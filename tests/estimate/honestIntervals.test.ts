// Intervals honest where the model is wrong (issue 13): the size level's sd from how far the
// source-bias anchors disagree with the data (src/estimate/anchorShift.ts), the head's and tail's
// far end on days no report of it speaks for (src/estimate/unseenEnds.ts), and the head's own
// leave-one-out factor (src/estimate/calibrate.ts, bodies.ts).
import { describe, expect, it } from "vitest";
import { anchorShiftSd } from "../../src/estimate/anchorShift.ts";
import { estimateTracks } from "../../src/estimate/estimateTracks.ts";
import type { BiasResidual } from "../../src/estimate/sourceBias.ts";
import type { Sighting } from "../../src/model/sighting.ts";
import type { SourceType } from "../../src/model/source.ts";
import type { TrackPoint } from "../../src/model/track.ts";
import { mulberry32, randomNormal } from "../../src/util/random.ts";
import { at, dataset, index } from "./corridor.ts";

const day = (d: number): string => `2018-10-${String(d).padStart(2, "0")}`;

/** `n` residuals of one source type about `mean`, with sd `sd` (seeded). */
function residuals(source: BiasResidual["source"], mean: number, n: number, sd = 0.2, seed = 1) {
  const random = mulberry32(seed);
  return Array.from({ length: n }, () => ({ source, residual: mean + sd * randomNormal(random) }));
}

describe("anchorShiftSd: how far the anchors sit off apart", () => {
  it("is 0 when the types differ as the anchors say, whatever their common level", () => {
    // Anchors: government −0.1, UN +0.3, organisers +0.85. A shift every type shares (+0.4)
    // is invisible and gives no disagreement.
    for (const shift of [0, 0.4, -0.3]) {
      const r = [
        ...residuals("government", -0.1 + shift, 30, 0.2, 1),
        ...residuals("un", 0.3 + shift, 30, 0.2, 2),
        ...residuals("organiser", 0.85 + shift, 30, 0.2, 3),
      ];
      expect(anchorShiftSd(r)).toBeLessThan(0.05);
    }
  });

  it("grows with how far the types' differences depart from the anchors'", () => {
    const example = [
      ...Array<BiasResidual>(20).fill({ source: "government", residual: -0.1 }),
      ...Array<BiasResidual>(20).fill({ source: "organiser", residual: 0.25 }),
    ];
    expect(anchorShiftSd(example)).toBeCloseTo(0.385, 2);
    const off = (d: number) => [
      ...residuals("government", -0.1, 30, 0.2, 1),
      ...residuals("un", 0.3 - d, 30, 0.2, 2),
      ...residuals("organiser", 0.85 - 2 * d, 30, 0.2, 3),
    ];
    const small = anchorShiftSd(off(0.1));
    const large = anchorShiftSd(off(0.3));
    expect(large).toBeGreaterThan(0.2);
    expect(large).toBeGreaterThan(small);
  });

  it("says nothing from one source type, nor from non-finite residuals", () => {
    expect(anchorShiftSd(residuals("media", 2, 50))).toBe(0);
    expect(anchorShiftSd([{ source: "media", residual: NaN }])).toBe(0);
    expect(anchorShiftSd([])).toBe(0);
  });
});

/** A group of 2,000 walking 30 km a day for 16 days, its figures from two source types. */
function figures(organiserFactor: number): Sighting[] {
  const out: Sighting[] = [];
  for (let d = 1; d <= 16; d++) {
    const base = { observedAt: `${day(d)}T12:00`, ...at(30 * d), caravanLabel: "A" };
    const gov = 2000 * 0.9 * Math.exp(0.1 * Math.sin(d));
    const org = 2000 * organiserFactor * Math.exp(0.1 * Math.cos(d));
    const types: [SourceType, number][] = [
      ["government", gov],
      ["organiser", org],
    ];
    for (const [sourceType, v] of types) {
      out.push({ id: `${sourceType}${d}`, ...base, sourceType, sizeBest: Math.round(v) });
    }
  }
  return out;
}

describe("size intervals when the anchors do not hold", () => {
  it("organisers counting like governments (anchors: 2.6 × more) widen the sizes' level sd and intervals", () => {
    const agree = estimateTracks(dataset(figures(2.1)));
    const disagree = estimateTracks(dataset(figures(0.95)));
    expect(agree.report.sizeLevelSd).toBeLessThan(0.12);
    expect(disagree.report.sizeLevelSd).toBeGreaterThan(agree.report.sizeLevelSd + 0.1);
    const logWidth = (ts: readonly TrackPoint[]) =>
      ts.reduce((a, t) => a + Math.log(t.sizeHigh / t.sizeLow), 0) / ts.length;
    expect(logWidth(disagree.tracks)).toBeGreaterThan(logWidth(agree.tracks) + 0.2);
  });
});

/** Group `label` walking 30 km a day from `startKm`, reported once a day (body). */
function body(label: string, startKm: number, days: number[]): Sighting[] {
  return days.map((d) => ({
    id: `${label}-b${d}`,
    observedAt: `${day(d)}T12:00`,
    ...at(startKm + 30 * (d - 1)),
    caravanLabel: label,
    sizeBest: 3000,
  }));
}

describe("the head's interval where its vanguard goes unseen", () => {
  // Group A's vanguard is seen 300 km ahead of its body on three days; group B's never is.
  const a = [
    ...body("A", 0, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]),
    ...[2, 4, 6].map((d) => ({
      id: `A-v${d}`,
      observedAt: `${day(d)}T12:00`,
      ...at(30 * (d - 1) + 300),
      caravanLabel: "A",
      part: "vanguardia",
    })),
  ];
  const b = body("B", 1200, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);

  it("reaches as far ahead of the median person as the dataset's vanguards were seen", () => {
    const both = estimateTracks(dataset([...a, ...b]));
    const alone = estimateTracks(dataset(b));
    expect(both.report.widening.unseenHeadReachKm).toBeGreaterThan(200);
    expect(alone.report.widening.unseenHeadReachKm).toBe(0);
    const on = (ts: readonly TrackPoint[], d: number) =>
      ts.find((t) => t.group === "B" && t.date === day(d)) as TrackPoint;
    for (const d of [3, 6, 9]) {
      const withA = on(both.tracks, d);
      const withoutA = on(alone.tracks, d);
      // B's head estimate stays with its body; only its interval's far end reaches further.
      expect(withA.headKm as number).toBeCloseTo(withoutA.headKm as number, -1);
      expect(withA.headKmHigh as number).toBeGreaterThanOrEqual(withA.kmHigh + 200);
      expect(withoutA.headKmHigh as number).toBeLessThan(withoutA.kmHigh + 150);
      // Its near end is not moved (A's reports shift the fitted movement model by a hair).
      expect(withA.headKmLow as number).toBeCloseTo(withoutA.headKmLow as number, -1);
    }
  });

  it("reaches as far on days a report of the head speaks for: a vanguard seen is not the front edge", () => {
    // C's vanguard is seen every day: 40 km ahead of its body on days 1–7, 600 km ahead on days
    // 8–10. Those met on day 3 need not have been the foremost.
    const c = [
      ...body("C", 0, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]),
      ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((d) => ({
        id: `C-v${d}`,
        observedAt: `${day(d)}T12:00`,
        ...at(30 * (d - 1) + (d <= 7 ? 40 : 600)),
        caravanLabel: "C",
        part: "vanguardia",
      })),
    ];
    const model = estimateTracks(dataset(c), { selfCalibrate: false });
    const calibrated = estimateTracks(dataset(c));
    const on = (ts: readonly TrackPoint[]) => ts.find((t) => t.date === day(3)) as TrackPoint;
    const m = on(model.tracks);
    const k = on(calibrated.tracks);
    // The head estimate stays where the day's report puts it …
    expect(k.headKm).toBe(m.headKm);
    expect(m.headKmHigh as number).toBeLessThan(m.kmHigh + 150);
    // … and its far end reaches as far ahead of the median person's interval as C's vanguard was
    // seen from its median person (600 km).
    expect(k.headKmHigh as number).toBeGreaterThanOrEqual(k.kmHigh + 550);
    expect(k.headKmLow as number).toBeCloseTo(m.headKmLow as number, -1);
  });
});

describe("the tail's interval when people wait at one place", () => {
  it("holds both the rear at the place and the rear of those still travelling", () => {
    // Group D walks 30 km a day from km 100; from day 3 on, 80 of its people wait at a bridge at
    // km 130 for their papers (a count of one place, day after day).
    const walking = body("D", 100, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const waiting = [3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((d) => ({
      id: `D-w${d}`,
      observedAt: `${day(d)}T18:00`,
      ...at(130),
      caravanLabel: "D",
      sizeBest: 80,
      notes: "En espera de trámite migratorio en el puente fronterizo",
    }));
    const both = estimateTracks(dataset([...walking, ...waiting])).tracks;
    const moving = estimateTracks(dataset(walking)).tracks;
    for (const d of [9, 10, 11, 12]) {
      const b = both.find((t) => t.date === day(d)) as TrackPoint;
      const m = moving.find((t) => t.date === day(d)) as TrackPoint;
      // The tail estimate still reads the rear at the bridge …
      expect(b.tailKm as number).toBeLessThan(200);
      // … and its interval reaches the rear of those who walk on.
      expect(b.tailKmHigh as number).toBeGreaterThanOrEqual((m.tailKm as number) - 5);
      expect(b.tailKmLow as number).toBeLessThanOrEqual(140);
    }
  });
});

describe("intervals at the end of the route", () => {
  it("hold people who reached the route's end: the high bound is the end itself, unrounded", () => {
    const end = index.lengthKm("main");
    const walking = body("A", end - 300, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]).map((s, i) => ({
      ...s,
      ...at(Math.min(end, end - 300 + 60 * i)),
    }));
    const { tracks } = estimateTracks(dataset(walking));
    const last = tracks.filter((t) => t.date >= day(8));
    expect(last.length).toBeGreaterThan(0);
    for (const t of last) {
      expect(t.kmHigh).toBe(end);
      expect(t.headKmHigh).toBe(end);
      expect(t.kmLow).toBeLessThanOrEqual(t.km);
    }
  });
});

describe("the head's own leave-one-out factor", () => {
  it("widens the head where its own reports scatter more than its model says, not the median person", () => {
    // A body walking 30 km a day; its vanguard reported every day, 150 or 450 km ahead in turn.
    const days = Array.from({ length: 14 }, (_, i) => i + 1);
    const vanguard = days.map((d) => ({
      id: `A-v${d}`,
      observedAt: `${day(d)}T12:00`,
      ...at(30 * (d - 1) + (d % 2 ? 150 : 450)),
      caravanLabel: "A",
      part: "vanguardia",
    }));
    const data = dataset([...body("A", 0, days), ...vanguard]);
    const model = estimateTracks(data, { selfCalibrate: false });
    const calibrated = estimateTracks(data);
    const w = calibrated.report.widening;
    expect(w.kmHead as number).toBeGreaterThan(1.5);
    expect(w.kmHead as number).toBeGreaterThan(w.km);
    const width = (t: TrackPoint) => (t.headKmHigh as number) - (t.headKmLow as number);
    calibrated.tracks.forEach((t, i) => {
      const m = model.tracks[i];
      expect(t.headKm).toBe(m.headKm);
      expect(width(t)).toBeGreaterThanOrEqual(width(m));
    });
    const mid = (ts: readonly TrackPoint[]) => ts.find((t) => t.date === day(7)) as TrackPoint;
    expect(width(mid(calibrated.tracks))).toBeGreaterThan(1.3 * width(mid(model.tracks)));
    // report.json: the pooled one-sided factors beside the two-sided summary (review 21a MED 4).
    for (const k of ["kmHeadBelow", "kmHeadAbove", "kmTailBelow", "kmTailAbove"] as const)
      expect(w[k], k).toBeGreaterThanOrEqual(1);
    // One group: the pooled pair is its own, and the vanguard errs both ways (150 or 450 km).
    expect(w.kmHeadAbove).toBeGreaterThan(1.5);
    expect(w.kmHeadBelow).toBeGreaterThan(1.5);
  });
});
