import { describe, expect, it } from "vitest";
import { estimateTracks } from "../../src/estimate/estimateTracks.ts";
import { mergeTracklets } from "../../src/estimate/mergeTracklets.ts";
import type { LinkReport } from "../../src/estimate/mergeTracklets.ts";
import { movesAsPart, partSideOf } from "../../src/estimate/partTracklet.ts";
import { DEFAULT_COST_MODEL } from "../../src/estimate/trackCost.ts";
import type { Sighting } from "../../src/model/sighting.ts";
import type { TrackPoint } from "../../src/model/track.ts";
import { at, dataset, day } from "./corridor.ts";
import { walk } from "./walkReports.ts";

const model = { ...DEFAULT_COST_MODEL, spreadKm: 10 };
const o = { model, routeIds: ["main"], birth: 55, maxGapDays: 21 };

/**
 * Unlabelled reports of a body of 5,000 people whose median person walks 30 km a day from km 200
 * on 13–26 Oct: each day one report at its rear, one at its middle and one at its front (40 km
 * either side).
 */
function body(): Sighting[] {
  const out: Sighting[] = [];
  for (let d = 13; d <= 26; d++)
    for (const [k, off] of [
      [0, -40],
      [1, 0],
      [2, 40],
    ] as const)
      out.push({
        id: `b${d}-${k}`,
        observedAt: `${day(d)}T${12 + 2 * k}:00`,
        ...at(200 + 30 * (d - 13) + off),
        sizeBest: 5000,
        sourceType: "government",
      });
  return out;
}

/** Unlabelled reports of 300 people at 16:00 of `n` days from day `from`, from `km0`, `perDay` km a day. */
function small(from: number, n: number, km0: number, perDay: number): Sighting[] {
  const out: Sighting[] = [];
  for (let d = from; d < from + n; d++)
    out.push({
      id: `s${d}`,
      observedAt: `${day(d)}T16:00`,
      ...at(km0 + perDay * (d - from)),
      sizeBest: 300,
      sourceType: "government",
    });
  return out;
}

/** The track holding report `id` (its group name), from the association. */
function groupOf(result: ReturnType<typeof estimateTracks>, id: string): string | undefined {
  return result.report.associations.find((a) => a.sightingId === id)?.group;
}

const pointOn = (tracks: TrackPoint[], d: number, group: string): TrackPoint =>
  tracks.find((t) => t.date === day(d) && t.group === group) as TrackPoint;

describe("partTracklet: a vanguard reported as its own group, and a small group of its own", () => {
  it("a vanguard of 300 reported as its own group ahead of a body of 5,000 joins the body and moves its head, not its median", () => {
    // The vanguard, on 16–19 Oct, 250 km ahead of the median person (210 km ahead of the body's
    // front reports), walking with it. Without partTracklet.ts it is a track of its own: the body's
    // forward-only track reads its reports as outliers (mergeTracklets.ts fewNewOutliers).
    const alone = estimateTracks(dataset(body()));
    const joined = estimateTracks(dataset([...body(), ...small(16, 4, 200 + 90 + 250, 30)]));
    const group = groupOf(joined, "b18-1") as string;
    expect(new Set(joined.tracks.map((t) => t.group))).toEqual(new Set([group]));
    for (const d of [16, 17, 18, 19]) expect(groupOf(joined, `s${d}`)).toBe(group);
    const a = pointOn(alone.tracks, 18, groupOf(alone, "b18-1") as string);
    const j = pointOn(joined.tracks, 18, group);
    // The median person stays with the body's reports; the head moves to the vanguard (~590 km).
    expect(Math.abs(j.km - a.km)).toBeLessThan(5);
    expect(j.headKm as number).toBeGreaterThan((a.headKm as number) + 120);
    expect(joined.report.associations.find((x) => x.sightingId === "s18")?.part).toBe("head");
  });

  it("a small group of 300 travelling its own pace near a body of 5,000 stays its own track", () => {
    // Sized as a part (300 of 5,000) and first seen 150 km ahead, but drawing away at 90 km a day
    // (60 km a day more than the body): absorbed by the size share alone (fragcause's 08540cb).
    const result = estimateTracks(dataset([...body(), ...small(16, 4, 200 + 90 + 150, 90)]));
    const bodyGroup = groupOf(result, "b18-1");
    expect(bodyGroup).toBeDefined();
    for (const d of [16, 17, 18, 19]) {
      expect(groupOf(result, `s${d}`)).toBeDefined();
      expect(groupOf(result, `s${d}`)).not.toBe(bodyGroup);
    }
  });

  it("movesAsPart: one side of the body within reach, steady offset; not a group drawing away or crossing", () => {
    const body = walk(1, 14, 0, 30, 5000);
    expect(movesAsPart(walk(4, 10, 90 + 240, 30, 300), body, "main")).toBe(true);
    expect(movesAsPart(walk(4, 10, 90 - 200, 30, 300), body, "main")).toBe(true);
    // Drawing away 50 km a day more than the body walks.
    expect(movesAsPart(walk(4, 10, 90 + 100, 80, 300), body, "main")).toBe(false);
    // Behind the body, then ahead of it.
    expect(movesAsPart(walk(4, 10, 90 - 150, 80, 300), body, "main")).toBe(false);
    // Beyond the reach of a part.
    expect(movesAsPart(walk(4, 10, 90 + 900, 30, 300), body, "main")).toBe(false);
    // Seen mostly on days the body is not.
    expect(movesAsPart(walk(12, 24, 330 + 100, 30, 300), body, "main")).toBe(false);
  });

  it("mergeTracklets absorbs a part-sized tracklet moving with its body and keeps a small group drawing away", () => {
    const body = walk(1, 14, 0, 30, 5000);
    const item = (reports: LinkReport[]) => ({ labelled: false, reports });
    const vanguard = walk(5, 7, 120 + 200, 30, 300);
    const joined = mergeTracklets([item(body), item(vanguard)], o);
    expect(joined.map((c) => c.members)).toEqual([[0, 1]]);
    expect(joined[0].partRows).toEqual(vanguard.map((_, i) => body.length + i));
    const away = walk(5, 7, 120 + 200, 90, 300);
    expect(mergeTracklets([item(body), item(away)], o)).toHaveLength(2);
  });

  it("partSideOf: head ahead of the body's reports within a day, tail behind, none without them", () => {
    const body = [
      { t: 5.5, km: 100 },
      { t: 5.7, km: 140 },
      { t: 6.5, km: 130 },
    ];
    expect(partSideOf({ t: 6, km: 300 }, body)).toBe("head");
    expect(partSideOf({ t: 6, km: 20 }, body)).toBe("tail");
    expect(partSideOf({ t: 9, km: 300 }, body)).toBeUndefined();
  });
});
