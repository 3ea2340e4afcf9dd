// Where a track ends at its destination (src/estimate/trackEnds.ts `endTrack`): a labelled group
// whose median person reaches the route's end while its 90 % interval still reaches far back is
// not accounted for yet; its track runs on until the interval's low end is there too
// (docs/estimation.md "trackdays"). simulate.ts development world #15, caravan-1: its median at
// km 2,897 on 10 Nov (a named report placed there), its low end 430 km short, while the group
// stood at km 2,718 and arrived on 16 Nov — five days on the road without an estimate before.
import { describe, expect, it } from "vitest";
import { endTrack } from "../../src/estimate/trackEnds.ts";
import { newGroup } from "../../src/estimate/workGroup.ts";
import type { KmDayEstimate } from "../../src/estimate/kmSmoother.ts";

const END = 3000;
const km = (median: number, low: number): KmDayEstimate => ({
  median,
  low,
  high: END,
  mean: median,
  sd: (END - low) / 3.3,
});
// Day 0 to 6; the last report on day 2 puts the median at the end, the low end arrives on day 5.
const days = [
  km(2400, 2200),
  km(2600, 2400),
  km(END, 2570),
  km(END, 2700),
  km(END, 2900),
  km(END, END),
  km(END, END),
];

function group(labelled: boolean) {
  const g = newGroup("A", labelled, "main");
  g.day0 = 17800;
  g.nDays = days.length;
  g.lastReportDay = 17802;
  g.km = { days: days.slice() } as unknown as NonNullable<typeof g.km>;
  return g;
}

describe("a track at its destination ends when its interval is there", () => {
  it("a labelled group runs on after its median reached the route's end until the low end reaches it", () => {
    const g = group(true);
    const end = endTrack(g, END);
    expect(end.reason).toBe("destination");
    expect(end.lastDate).toBe("2018-10-01"); // day 5 (17805)
    expect(g.nDays).toBe(6);
    expect(g.km!.days).toHaveLength(6);
  });

  it("an unlabelled track ends on the day its median arrives (its later days may be another group's)", () => {
    const g = group(false);
    const end = endTrack(g, END);
    expect(end.reason).toBe("destination");
    expect(end.lastDate).toBe("2018-09-28"); // day 2, its last report
    expect(g.nDays).toBe(3);
  });

  it("a labelled group whose low end never arrives runs to the data's end", () => {
    const g = group(true);
    g.km = {
      days: days.map((d) => ({ ...d, low: Math.min(d.low, 2800) })),
    } as unknown as NonNullable<typeof g.km>;
    expect(endTrack(g, END)).toMatchObject({ reason: "end_of_data", lastDate: "2018-10-02" });
  });
});
