import { describe, expect, it } from "vitest";
import { bodyReports } from "../../src/estimate/bodyCharge.ts";
import { estimateTracks } from "../../src/estimate/estimateTracks.ts";
import { DEFAULT_COST_MODEL } from "../../src/estimate/trackCost.ts";
import type { Sighting } from "../../src/model/sighting.ts";
import { at, dataset, day } from "./corridor.ts";

/**
 * Unlabelled reports of a body whose median person walks 30 km a day from `km0` on 13–26 Oct,
 * each day one report at each of `offsets` (km from the median person) with figure `sizes[k]`.
 */
function reports(
  tag: string,
  km0: number,
  offsets: readonly number[],
  sizes: readonly number[],
): Sighting[] {
  const out: Sighting[] = [];
  for (let d = 13; d <= 26; d++)
    offsets.forEach((off, k) =>
      out.push({
        id: `${tag}${d}-${k}`,
        observedAt: `${day(d)}T${String(8 + k).padStart(2, "0")}:00`,
        ...at(km0 + 30 * (d - 13) + off),
        sizeBest: sizes[k],
        sourceType: "government",
      }),
    );
  return out;
}

/** The number of tracks the estimate gives the sightings (with the body charge or without). */
function tracks(sightings: Sighting[], bodyCharge: boolean): number {
  const est = estimateTracks(dataset(sightings), { bodyCharge });
  return new Set(est.report.associations.map((a) => a.group)).size;
}

describe("bodyCharge: reports within a track's same-day body spread are charged as its parts", () => {
  const m = DEFAULT_COST_MODEL;
  const none = () => ({});
  it("reports strung out from the median person on one day are inside the body", () => {
    const gain = bodyReports(
      [0, 0, 0, 0],
      [100, 190, 280, 290],
      [1, 1, 1, 1],
      4,
      [100, 100, 100, 100],
      40,
      m,
      none,
      undefined,
    );
    expect(gain.bodied).toBe(3);
    expect(gain.outliers).toBe(2);
    expect([...gain.mask]).toEqual([0, 1, 1, 1]);
  });
  it("a lone far report, or far reports behind a gap, are not", () => {
    const lone = bodyReports(
      [0, 0, 0],
      [100, 120, 400],
      [1, 1, 1],
      3,
      [100, 100, 100],
      40,
      m,
      none,
      undefined,
    );
    expect(lone.bodied).toBe(0);
    const gap = bodyReports(
      [0, 0, 0],
      [100, 400, 410],
      [1, 1, 1],
      3,
      [100, 100, 100],
      40,
      m,
      none,
      undefined,
    );
    expect(gap.bodied).toBe(0);
  });
  it("a whole-sized figure far out is charged as the whole's, not read as a part", () => {
    const logN = Math.log(5000);
    const whole = bodyReports(
      [0, 0, 0],
      [100, 130, 140],
      [1, 1, 1],
      3,
      [100, 100, 100],
      40,
      m,
      () => ({ logSize: logN }),
      logN,
    );
    expect(whole.bodied).toBe(0);
  });
  it("a long body reported from its middle and its tail on the same days stays one track", () => {
    const body = reports("A", 400, [0, -250, -270], [5000, 400, 300]);
    expect(tracks(body, false)).toBeGreaterThan(1);
    expect(tracks(body, true)).toBe(1);
  });
  it("two separate groups 300 km apart with different sizes stay two", () => {
    const two = [
      ...reports("A", 400, [0, 20], [5000, 4500]),
      ...reports("B", 100, [0, 20], [2500, 2200]),
    ];
    expect(tracks(two, false)).toBe(2);
    expect(tracks(two, true)).toBe(2);
  });
});
