/**
 * One entry per figure of one report (src/report/reportedFigures.ts): a stock row taken from the
 * situation report that the report's own figures also list is left out of the reported figures
 * (on 15 Dec 2018 the viewer listed "3,700 Asylum claims · MEX · UN inter-agency"
 * and "over 3,700 … UN inter-agency (IOM, UNHCR, UNICEF)", "4,000" and "at least 4,000" Tijuana).
 */
import { describe, expect, it } from "vitest";
import { embedded2018, situationReport2018, stocksRepeatingReport } from "../../src/index.ts";
import type { SeedFigure, StockFigure } from "../../src/index.ts";
import { headlinesAt, sameFigureOnce } from "../../viewer/charts/details.ts";
import { prepareReplay } from "../../viewer/data/prepare.ts";
import { enrichDataset } from "../../viewer/data/embedded.ts";
import { daysSince } from "../../viewer/data/replay.ts";

describe("stocksRepeatingReport", () => {
  const dataset = embedded2018();
  const seeds = situationReport2018();

  it("finds the 2018 stock rows that repeat the UN inter-agency report's figures, keeping the report's", () => {
    const repeats = stocksRepeatingReport(dataset.stocks, seeds);
    expect(Object.fromEntries(repeats)).toEqual({ 51: "sr-01", 52: "sr-02", 53: "sr-31" });
    for (const [row, id] of repeats) {
      const stock = dataset.stocks[row]!;
      const seed = seeds.find((s) => s.id === id)!;
      expect([stock.value, stock.category, stock.date.slice(0, 10)]).toEqual([
        seed.value,
        seed.category,
        seed.asOf,
      ]);
    }
  });

  it("another source's same number, or another day, is another figure", () => {
    const seed: SeedFigure = {
      id: "sr-x",
      value: 3700,
      unit: "people",
      qualifier: "over",
      measure: "people who sought asylum in Mexico",
      category: "asylum_claim",
      countries: ["MEX"],
      placeNames: [],
      asOf: "2018-12-15",
      agency: "UN inter-agency (IOM, UNHCR, UNICEF)",
      section: "Background",
      quote: "Over 3,700",
    };
    const stock = (sourceOrg: string, date: string): StockFigure =>
      ({
        date,
        category: "asylum_claim",
        value: 3700,
        basis: "cumulative",
        country: "MEX",
        sourceOrg,
      }) as StockFigure;
    const stocks = [
      stock("SEGOB", "2018-12-15"),
      stock("UN inter-agency", "2018-12-05"),
      stock("UN inter-agency", "2018-12-15"),
    ];
    expect(Object.fromEntries(stocksRepeatingReport(stocks, [seed]))).toEqual({ 2: "sr-x" });
  });

  it("the viewer's latest reported figures on 15 Dec 2018 list each figure of the report once", () => {
    const replay = prepareReplay({ ...enrichDataset(dataset), seeds });
    const t = Math.floor(daysSince(replay.start, "2018-12-15")) + 0.5;
    const lines = sameFigureOnce(headlinesAt(replay.headlines, t));
    const said = lines.map(([h]) => `${h!.category} ${h!.value} ${h!.placeName ?? h!.country}`);
    expect(said.filter((s) => s === "asylum_claim 3700 MEX")).toHaveLength(1);
    expect(said.filter((s) => s === "remaining 4000 Tijuana")).toHaveLength(1);
    expect(new Set(said).size).toBe(said.length);
    const claims = lines.find(([h]) => h!.category === "asylum_claim" && h!.value === 3700)!;
    expect(claims.map((h) => [h.from, h.qualifier])).toEqual([["report", "over"]]);
  });
});
