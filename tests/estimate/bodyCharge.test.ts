import { describe, expect, it } from "vitest";
import { bodyReports } from "../../src/estimate/bodyCharge.ts";
import { estimateTracks } from "../../src/estimate/estimateTracks.ts";
import type { LinkReport } from "../../src/estimate/mergeTracklets.ts";
import { tableCost } from "../../src/estimate/moveScreen.ts";
import { ReportTable } from "../../src/estimate/reportTable.ts";
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

const m = DEFAULT_COST_MODEL;
const none = () => ({});
const noSize = () => undefined;
const fit4 = [100, 100, 100, 100];

describe("bodyReports: which reports are the body's strung-out parts", () => {
  it("reports strung out from the median person on one day are parts; the core is not", () => {
    const body = bodyReports(
      [0, 0, 0, 0],
      [100, 190, 280, 290],
      [1, 1, 1, 1],
      4,
      fit4,
      40,
      m,
      none,
      noSize,
    );
    expect([...body.mask]).toEqual([0, 1, 1, 1]);
    expect(body.bodied).toBe(3);
    // At a 40 km spread the two farthest were outliers of the ordinary fit.
    expect(body.outliers).toBe(2);
    expect(body.charge).toBeGreaterThan(0);
  });
  it("a lone far report, or far reports behind a gap, are not parts", () => {
    expect(
      bodyReports([0, 0, 0], [100, 120, 400], [1, 1, 1], 3, fit4, 40, m, none, noSize).bodied,
    ).toBe(0);
    expect(
      bodyReports([0, 0, 0], [100, 400, 410], [1, 1, 1], 3, fit4, 40, m, none, noSize).bodied,
    ).toBe(0);
  });
  it("reports days apart do not make one day's body", () => {
    expect(
      bodyReports([0, 3, 6], [100, 190, 280], [1, 1, 1], 3, [100, 100, 100], 40, m, none, noSize)
        .bodied,
    ).toBe(0);
  });
  it("a figure the whole's size reads better as the whole's is not a part", () => {
    const logN = Math.log(5000);
    const sizes = [5000, 4500, 300, 300].map(Math.log);
    const body = bodyReports(
      [0, 0, 0, 0],
      [100, 190, 280, 290],
      [1, 1, 1, 1],
      4,
      fit4,
      40,
      m,
      (k) => ({ logSize: sizes[k] }),
      () => logN,
    );
    expect([...body.mask]).toEqual([0, 0, 1, 1]);
  });
  it("a figure above the whole's size read from the rest goes back to the whole", () => {
    const sizes = [300, 5000, 300, 300].map(Math.log);
    const read: number[] = [];
    const body = bodyReports(
      [0, 0, 0, 0],
      [100, 190, 280, 290],
      [1, 1, 1, 1],
      4,
      fit4,
      40,
      m,
      (k) => ({ logSize: sizes[k] }),
      (mask) => {
        const rest = sizes.filter((_, k) => mask[k] === 0);
        read.push(rest.length);
        return Math.max(...rest);
      },
    );
    expect([...body.mask]).toEqual([0, 0, 1, 1]);
    expect(body.logN).toBeCloseTo(Math.log(5000));
    expect(read).toEqual([1, 2]);
  });
});

describe("bodyCharge in the search's cost (EstimateOptions.bodyCharge)", () => {
  /** A body of five reports a day for 14 days, 100 km apart, on one route. */
  function table(labelled: boolean): ReportTable {
    const out: LinkReport[] = [];
    for (let d = 0; d < 14; d++)
      [0, 100, -100, -200, -300].forEach((o, k) =>
        out.push({
          t: d + 0.3 + 0.04 * k,
          kmByRoute: new Map([["main", 600 + 30 * d + o]]),
          logSize: Math.log(k === 0 ? 5000 : 500),
          labelled,
        }),
      );
    return new ReportTable(out);
  }
  const all = Array.from({ length: 70 }, (_, i) => i);
  it("a long body's strung-out reports cost less as its parts than about one wide spread", () => {
    const t = table(false);
    const plain = tableCost(t, all, ["main"], m).cost;
    const charged = tableCost(t, all, ["main"], { ...m, bodyCharge: true }).cost;
    expect(charged).toBeLessThan(plain);
  });
  it("a list holding a labelled group's reports is costed as without the charge", () => {
    const t = table(true);
    expect(tableCost(t, all, ["main"], { ...m, bodyCharge: true }).cost).toBe(
      tableCost(t, all, ["main"], m).cost,
    );
  });
  it("two separate groups 300 km apart with different sizes stay two", () => {
    const two = [
      ...reports("A", 400, [0, 20], [5000, 4500]),
      ...reports("B", 100, [0, 20], [2500, 2200]),
    ];
    expect(tracks(two, true)).toBe(2);
  });
});
