/**
 * What the people who left rest on (src/ledger/groupFigures.ts `departedBasis`): who left with
 * the caravans is a range, from the tracked groups and counts up to the total less the people
 * present at places beyond a tracked group (origin not tracked).
 */
import { describe, expect, it } from "vitest";
import { departedBasis } from "../../src/ledger/groupFigures.ts";

describe("departedBasis", () => {
  const rows = [
    { date: "2018-11-19", value: 26582, fromTracks: 14759, beyondGroups: 697 },
    { date: "2018-11-20", value: 29915, fromTracks: 14759, beyondGroups: 3805 },
    { date: "2018-12-15", value: 29915, fromTracks: 16000, beyondGroups: 3805 },
  ];

  it("the people present beyond the groups are not counted as leaving with the caravans", () => {
    expect(departedBasis(rows, "2018-12-15")).toEqual({
      value: 29915,
      fromTracks: 16000,
      beyondTracks: 13915,
      reachedOn: "2018-11-20",
      beyondGroups: 3805,
      withGroupsHigh: 26110,
    });
  });

  it("the range never ends below what the groups and counts show", () => {
    const b = departedBasis(
      [{ date: "2018-11-20", value: 5000, fromTracks: 4800, beyondGroups: 900 }],
      "2018-11-20",
    )!;
    expect(b.beyondGroups).toBe(200);
    expect(b.withGroupsHigh).toBe(4800);
  });
});
