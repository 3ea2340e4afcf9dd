/**
 * What the people who left rest on (src/ledger/departedBasis.ts `departedBasis`): the tracked
 * groups, counts and departure totals (with the total that gives them named), the stock figures
 * beyond them, and of those the people counted at places beyond a group's size, with their figures
 * (review24b H3: no "left with the caravans" range, no "origin not tracked" relabel).
 */
import { describe, expect, it } from "vitest";
import { beyondFiguresText, departedBasis } from "../../src/ledger/departedBasis.ts";
import type { BeyondGroup } from "../../src/ledger/groupFigures.ts";
import type { AggregateFigure } from "../../src/model/aggregate.ts";
import type { StockFigure } from "../../src/model/stock.ts";

describe("departedBasis", () => {
  const rows = [
    { date: "2018-11-19", value: 26582, fromTracks: 14759, beyondGroups: 697 },
    { date: "2018-11-20", value: 29915, fromTracks: 14759, beyondGroups: 3805 },
    { date: "2018-12-15", value: 29915, fromTracks: 16000, beyondGroups: 3805 },
  ];
  const figure = (date: string, beyond: number, tijuana: number): BeyondGroup => ({
    date,
    group: "Honduran caravan 1",
    attributed: tijuana + 3093,
    size: 5488,
    sizeLow: 3545,
    sizeHigh: 8684,
    beyond,
    places: [
      { placeName: "Tijuana", value: tijuana, rows: [1] },
      { placeName: "Mexicali", value: 3093, rows: [0] },
    ],
  });
  const figures = [figure("2018-11-19", 697, 2700), figure("2018-11-20", 3805, 6200)];
  const aggregates: AggregateFigure[] = [
    {
      date: "2018-11-30",
      measure: "transited_guatemala_cumulative",
      value: 16000,
      basis: "cumulative",
      sourceOrg: "UNICEF",
    },
    { date: "2018-11-30", measure: "size_in_mexico", value: 90000, basis: "present" },
  ];

  it("names the parts by their figures: no range, no field beyond those documented", () => {
    const b = departedBasis(rows, "2018-12-15", { beyondGroupsFigures: figures, aggregates })!;
    expect(b).toEqual({
      date: "2018-12-15",
      value: 29915,
      fromTracks: 16000,
      fromTracksFigure: {
        date: "2018-11-30",
        measure: "transited_guatemala_cumulative",
        value: 16000,
        sourceOrg: "UNICEF",
      },
      beyondTracks: 13915,
      reachedOn: "2018-11-20",
      beyondGroups: 3805,
      beyondGroupsFigures: [figures[1]],
    });
    expect(b).not.toHaveProperty("withGroupsHigh");
  });

  it("the figures named are those of the day the held value was set; sources from the stock rows", () => {
    const b = departedBasis(rows, "2018-11-19", { beyondGroupsFigures: figures, aggregates })!;
    expect(b.beyondGroupsFigures).toEqual([figures[0]]);
    expect(b.fromTracksFigure).toBeUndefined(); // 14,759 is not the departure total of 30 Nov
    const stocks = [
      { sourceOrg: "Mexican authorities" },
      { sourceOrg: "DHS" },
    ] as unknown as StockFigure[];
    expect(beyondFiguresText([figures[1]!], stocks)).toBe(
      "Honduran caravan 1 (5,488, 3,545–8,684): Tijuana 6,200 (DHS), Mexicali 3,093 (Mexican authorities)",
    );
  });

  it("people beyond groups never exceed what rests on stock figures", () => {
    const b = departedBasis(
      [{ date: "2018-11-20", value: 5000, fromTracks: 4800, beyondGroups: 900 }],
      "2018-11-20",
    )!;
    expect(b.beyondGroups).toBe(200);
    expect(b.beyondGroupsFigures).toEqual([]);
  });
});
