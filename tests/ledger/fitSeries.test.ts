import { describe, expect, it } from "vitest";
import { createGazetteer } from "../../src/geo/gazetteer.ts";
import { collectRows, fitSeries, listSources } from "../../src/ledger/fitSeries.ts";
import { buildTree } from "../../src/ledger/tree.ts";
import type { StockFigure } from "../../src/model/stock.ts";
import { PLACES } from "./fixtures.ts";

const daily = { holdDays: 3, maxGapDays: 30 };
const stocks: StockFigure[] = [
  { date: "2018-10-27", category: "return", value: 5000, basis: "cumulative", country: "HND" },
  { date: "2018-10-28", category: "return", value: 4000, basis: "cumulative", country: "HND" },
  { date: "2018-11-13", category: "return", value: 7013, basis: "cumulative", country: "HND" },
  {
    date: "2018-11-26",
    category: "remaining",
    value: 5851,
    basis: "present",
    placeName: "Benito Juárez sports complex",
  },
  {
    date: "2018-11-26",
    category: "remaining",
    value: 6000,
    basis: "present",
    placeName: "Tijuana",
  },
];

function fitted() {
  const tree = buildTree(stocks, createGazetteer(PLACES), 40);
  const result = fitSeries(tree.entries, stocks, daily);
  tree.roots.forEach(collectRows);
  return { tree, ...result };
}

describe("ledger step 2: series over time (fitSeries.ts)", () => {
  it("fitSeries() keeps a cumulative series from falling and warns, naming both rows", () => {
    const { tree, warnings } = fitted();
    const hnd = tree.roots.get("return")!.children.get("HND")!;
    expect(hnd.own[0]!.points.map((p) => Math.round(p.value))).toEqual([4500, 4500, 7013]);
    expect(warnings.map((w) => [w.code, w.rows, w.date])).toEqual([
      ["cumulative_falls", [0, 1], "2018-10-28"],
    ]);
    expect(warnings[0]!.message).toMatch(
      /total of returns in .* falls from 5,000 on 2018-10-27.*to 4,000 on 2018-10-28.*4,500/,
    );
  });

  it("fitSeries() gives every figure its residual against the fitted series, by row", () => {
    const { residuals } = fitted();
    expect(residuals.map((r) => r.row)).toEqual([0, 1, 2, 3, 4]);
    expect(residuals[0]).toMatchObject({ value: 5000, reconciled: 4500, residual: 500 });
    expect(residuals[1]!.relative).toBeCloseTo(-500 / 4500);
    expect(residuals[3]).toMatchObject({ country: "MEX", placeName: "Tijuana" });
    expect(residuals[3]!.residual).toBeCloseTo(0, 6);
  });

  it("collectRows() and listSources() name the rows behind each country and area", () => {
    const { tree } = fitted();
    expect(tree.roots.get("remaining")!.rows).toEqual([3, 4]);
    const sources = listSources(tree.roots.values());
    expect(sources).toContainEqual({
      category: "return",
      country: "HND",
      placeName: undefined,
      rows: [0, 1, 2],
    });
    expect(sources).toContainEqual({
      category: "remaining",
      country: "MEX",
      placeName: "Tijuana",
      rows: [3, 4],
    });
    expect(sources.some((s) => s.category === "asylum_claim")).toBe(false);
  });
});
