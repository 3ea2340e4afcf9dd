import { describe, expect, it } from "vitest";
import { createGazetteer } from "../../src/geo/gazetteer.ts";
import { addValues, TreeEvaluator } from "../../src/ledger/evaluateTree.ts";
import { collectRows, fitSeries } from "../../src/ledger/fitSeries.ts";
import { buildTree } from "../../src/ledger/tree.ts";
import type { LedgerWarning } from "../../src/ledger/types.ts";
import type { StockFigure } from "../../src/model/stock.ts";
import { dayNumber } from "../../src/calendar/index.ts";
import { PLACES } from "./fixtures.ts";

const daily = { holdDays: 3, maxGapDays: 30 };

function evaluator(stocks: StockFigure[]) {
  const tree = buildTree(stocks, createGazetteer(PLACES), 40);
  fitSeries(tree.entries, stocks, daily);
  tree.roots.forEach(collectRows);
  const warnings: LedgerWarning[] = [];
  const e = new TreeEvaluator(daily, warnings);
  return {
    parts: (category: "return" | "remaining", date: string) =>
      e
        .parts(tree.roots.get(category)!, dayNumber(date)!)
        .map((p) => [p.country, p.placeName, Math.round(p.value)]),
    warnings,
  };
}

const present = (
  date: string,
  value: number,
  placeName?: string,
  country?: string,
): StockFigure => ({
  date,
  category: "remaining",
  basis: "present",
  value,
  placeName,
  country,
});

describe("ledger step 3: the place hierarchy on one day (evaluateTree.ts)", () => {
  it("addValues() adds values and bounds; an undefined side says nothing", () => {
    expect(addValues({ value: 1, low: 0, high: 2 }, { value: 3, low: 2, high: 4 })).toEqual({
      value: 4,
      low: 2,
      high: 6,
    });
    expect(addValues(undefined, undefined)).toBeUndefined();
    expect(addValues(undefined, { value: 1, low: 1, high: 1 })).toEqual({
      value: 1,
      low: 1,
      high: 1,
    });
  });

  it("an area is one row: its shelters fold into it, and its own figure wins when larger", () => {
    const { parts, warnings } = evaluator([
      present("2018-11-26", 5000, "Benito Juárez sports complex"),
      present("2018-11-26", 6000, "Tijuana"),
    ]);
    expect(parts("remaining", "2018-11-26")).toEqual([["MEX", "Tijuana", 6000]]);
    expect(warnings).toEqual([]);
  });

  it("a national total larger than its places adds a row for the rest; smaller ones lose to the places, with one warning", () => {
    const { parts, warnings } = evaluator([
      present("2018-11-26", 6000, "Tijuana"),
      present("2018-11-26", 9000, undefined, "MEX"),
      present("2018-11-27", 6000, "Tijuana"),
      present("2018-11-27", 5000, undefined, "MEX"),
      present("2018-11-28", 6000, "Tijuana"),
      present("2018-11-28", 5000, undefined, "MEX"),
    ]);
    expect(parts("remaining", "2018-11-26")).toEqual([
      ["MEX", "Tijuana", 6000],
      ["MEX", undefined, 3000],
    ]);
    expect(parts("remaining", "2018-11-27")).toEqual([["MEX", "Tijuana", 6000]]);
    parts("remaining", "2018-11-28");
    expect(warnings.map((w) => [w.code, w.date])).toEqual([["parts_exceed_total", "2018-11-27"]]);
  });

  it("says nothing before a series' first figure or after a present figure's hold", () => {
    const { parts } = evaluator([present("2018-11-26", 6000, "Tijuana")]);
    expect(parts("remaining", "2018-11-25")).toEqual([]);
    expect(parts("remaining", "2018-11-29")).toEqual([["MEX", "Tijuana", 6000]]);
    expect(parts("remaining", "2018-11-30")).toEqual([]);
  });
});
