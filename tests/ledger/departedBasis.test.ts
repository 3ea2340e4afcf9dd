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
import { situationWords } from "../../src/report/words.ts";

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
    // The silent groups' people taken in on the day the held value was set are named with it.
    const takenIn = [
      { date: "2018-11-19", group: "Salvadoran caravan 1", place: "Tijuana", people: 318 },
      { date: figures[1]!.date, group: "Salvadoran caravan 1", place: "Tijuana", people: 766 },
    ];
    const b = departedBasis(rows, "2018-12-15", {
      beyondGroupsFigures: figures,
      beyondGroupsTakenIn: takenIn,
      aggregates,
    })!;
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
      beyondGroupsTakenIn: [takenIn[1]],
    });
    expect(b).not.toHaveProperty("withGroupsHigh");
  });

  it("the figures named are those of the day the held value was set; sources from the stock rows", () => {
    const b = departedBasis(rows, "2018-11-19", { beyondGroupsFigures: figures, aggregates })!;
    expect(b.beyondGroupsFigures).toEqual([figures[0]]);
    expect(b.fromTracksFigure).toBeUndefined(); // 14,759 is not the departure total of 30 Nov
  });

  // "Mexicali 3,093 (Baja California state)" credited the ledger's value of 20 Nov,
  // between the counts of 19 Nov (3,224) and 6 Dec, to a source that said 3,224.
  it("quotes a source only with its own figure and date; the ledger's value between counts is said as such", () => {
    const stocks = [
      { date: "2018-11-19", value: 3224, sourceOrg: "Baja California state" },
      { date: "2018-11-20", value: 6200, sourceOrg: "DHS" },
    ] as unknown as StockFigure[];
    const on20: BeyondGroup = {
      ...figures[1]!,
      places: [
        { placeName: "Tijuana", value: 6200, rows: [1], countedOn: "2018-11-20" },
        {
          placeName: "Mexicali",
          value: 3093,
          rows: [0],
          countedOn: "2018-11-19",
          nextCountOn: "2018-12-06",
        },
      ],
    };
    const en = beyondFiguresText([on20], stocks, situationWords("en").beyondPlace);
    expect(en).toBe(
      "Honduran caravan 1 (5,488, 3,545–8,684): Tijuana 6,200 (DHS, 2018-11-20), " +
        "Mexicali 3,093 on 2018-11-20 (the ledger's value between the counts of 2018-11-19, 3,224 by Baja California state, and 2018-12-06)",
    );
    expect(en).not.toMatch(/3,093 \(Baja/);
    // With the next count's rows, its figure and source are given too, so 3,093 can be checked.
    const withNext: BeyondGroup = {
      ...on20,
      places: [{ ...on20.places[1]!, nextRows: [2] }],
    };
    const more = [...stocks, { date: "2018-12-06", value: 1000, sourceOrg: "La Jornada" }];
    expect(
      beyondFiguresText([withNext], more as StockFigure[], situationWords("en").beyondPlace),
    ).toBe(
      "Honduran caravan 1 (5,488, 3,545–8,684): Mexicali 3,093 on 2018-11-20 (the ledger's value between the counts of 2018-11-19, 3,224 by Baja California state, and 2018-12-06, 1,000 by La Jornada)",
    );
    expect(
      beyondFiguresText([withNext], more as StockFigure[], situationWords("es").beyondPlace),
    ).toContain("y del 2018-12-06, 1,000 según La Jornada)");
    expect(beyondFiguresText([on20], stocks, situationWords("es").beyondPlace)).toContain(
      "Mexicali 3,093 el 2018-11-20 (valor del balance entre los conteos del 2018-11-19, 3,224 según Baja California state, y del 2018-12-06)",
    );
    // Held after the last count (no next one): said as held, with the count's day and figure.
    const held: BeyondGroup = { ...on20, places: [{ ...on20.places[1]!, nextCountOn: undefined }] };
    expect(beyondFiguresText([held], stocks, situationWords("en").beyondPlace)).toContain(
      "Mexicali 3,093 on 2018-11-20 (the ledger's value held from the count of 2018-11-19, 3,224 by Baja California state)",
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
