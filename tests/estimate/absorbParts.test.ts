import { describe, expect, it } from "vitest";
import { estimateTracks } from "../../src/estimate/estimateTracks.ts";
import type { Sighting } from "../../src/model/sighting.ts";
import type { TrackPoint } from "../../src/model/track.ts";
import { at, dataset, day } from "./corridor.ts";

/**
 * Reports of a labelled body of 5,000 people whose median person walks 30 km a day from km 200
 * on 13–26 Oct: each day one report at its rear, one at its middle and one at its front (40 km
 * either side); every third day its vanguard (300 people, named) 200 km ahead of the median.
 */
function body(): Sighting[] {
  const out: Sighting[] = [];
  for (let d = 13; d <= 26; d++) {
    const median = 200 + 30 * (d - 13);
    for (const [k, off] of [
      [0, -40],
      [1, 0],
      [2, 40],
    ] as const)
      out.push({
        id: `b${d}-${k}`,
        observedAt: `${day(d)}T${10 + 2 * k}:00`,
        ...at(median + off),
        caravanLabel: "A",
        sizeBest: 5000,
        sourceType: "government",
      });
    if (d % 3 === 0)
      out.push({
        id: `v${d}`,
        observedAt: `${day(d)}T08:00`,
        ...at(median + 200),
        caravanLabel: "A",
        part: "vanguardia",
        sizeBest: 300,
        sourceType: "government",
      });
  }
  return out;
}

/** Unlabelled reports of `size` people at 16:00 of `n` days from day `from`, from `km0`, `perDay` km a day. */
function small(from: number, n: number, km0: number, perDay: number, size: number): Sighting[] {
  const out: Sighting[] = [];
  for (let d = from; d < from + n; d++)
    out.push({
      id: `s${d}`,
      observedAt: `${day(d)}T16:00`,
      ...at(km0 + perDay * (d - from)),
      sizeBest: size,
      sourceType: "ngo",
    });
  return out;
}

const groupOf = (r: ReturnType<typeof estimateTracks>, id: string): string | undefined =>
  r.report.associations.find((a) => a.sightingId === id)?.group;

const pointOn = (tracks: TrackPoint[], d: number, group: string): TrackPoint =>
  tracks.find((t) => t.date === day(d) && t.group === group) as TrackPoint;

describe("absorbParts: a short track within another's body is its part", () => {
  it("an unlabelled vanguard of 300 reported on its own 190 km ahead of a body of 5,000 joins the body as its head", () => {
    // 16–20 Oct, 190 km ahead of the median person (within the body's reach: its own named
    // vanguard reports 200 km ahead), walking with it.
    const sightings = [...body(), ...small(16, 5, 200 + 90 + 190, 30, 300)];
    const off = estimateTracks(dataset(sightings), { absorbParts: false });
    const on = estimateTracks(dataset(sightings));
    // Without the rule the vanguard is a track of its own.
    expect(new Set(off.tracks.map((t) => t.group)).size).toBe(2);
    expect(new Set(on.tracks.map((t) => t.group))).toEqual(new Set(["A"]));
    for (const d of [16, 17, 18, 19, 20]) expect(groupOf(on, `s${d}`)).toBe("A");
    expect(on.report.associations.find((a) => a.sightingId === "s18")?.part).toBe("head");
    // Its figures are a part's: the median person and the size stay the body's.
    const a = pointOn(off.tracks, 18, "A");
    const j = pointOn(on.tracks, 18, "A");
    expect(Math.abs(j.km - a.km)).toBeLessThan(15);
    expect(j.size / a.size).toBeGreaterThan(0.85);
  });

  it("a group of 2,500 walking close ahead of a body of 5,000 is not read as its part", () => {
    const sightings = [...body(), ...small(16, 5, 200 + 90 + 100, 30, 2500)];
    const result = estimateTracks(dataset(sightings));
    for (const d of [16, 17, 18, 19, 20]) {
      expect(groupOf(result, `s${d}`)).toBeDefined();
      expect(groupOf(result, `s${d}`)).not.toBe("A");
    }
  });

  it("a small group drawing away from the body, beyond its reach, stays its own track", () => {
    const sightings = [...body(), ...small(16, 5, 200 + 90 + 150, 120, 300)];
    const result = estimateTracks(dataset(sightings));
    for (const d of [17, 18, 19, 20]) expect(groupOf(result, `s${d}`)).not.toBe("A");
  });
});
