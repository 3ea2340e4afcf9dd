/** Carried tracks keep each group's rows together (tracks.csv order: group, then date). */
import { describe, expect, it } from "vitest";
import { holdUntilUnseen } from "../../src/index.ts";
import type { TrackPoint } from "../../src/index.ts";

const point = (group: string, date: string): TrackPoint =>
  ({
    group,
    date,
    routeId: "r",
    km: 1,
    kmLow: 0,
    kmHigh: 2,
    lat: 0,
    lon: 0,
    size: 10,
    sizeLow: 5,
    sizeHigh: 20,
  }) as TrackPoint;

describe("holdUntilUnseen order", () => {
  it("puts a group's held days right after its estimated days, groups in order of first appearance", () => {
    const tracks = [
      point("B", "2018-11-01"),
      point("B", "2018-11-02"),
      point("A", "2018-11-01"),
      point("A", "2018-11-03"),
    ];
    const ends = [
      { group: "B", lastDate: "2018-11-02", lastReportDate: "2018-11-02", reason: "end_of_data" },
      { group: "A", lastDate: "2018-11-03", lastReportDate: "2018-11-03", reason: "end_of_data" },
    ];
    const out = holdUntilUnseen(tracks, ends, "2018-11-04");
    expect(out.map((p) => `${p.group} ${p.date}${p.heldAfterData ? " held" : ""}`)).toEqual([
      "B 2018-11-01",
      "B 2018-11-02",
      "B 2018-11-03 held",
      "B 2018-11-04 held",
      "A 2018-11-01",
      "A 2018-11-03",
      "A 2018-11-04 held",
    ]);
  });
});
