/**
 * As of a date, a count of people present with no newer count known ages: it stands
 * `PRESENT_AS_OF_DAYS` (10) days, its interval's low end falling, then it is too old to read and
 * its people are unknown (src/ledger/series.ts `presentHoldDays`). With hindsight nothing changes.
 */
import { describe, expect, it } from "vitest";
import { buildLedger } from "../../src/ledger/buildLedger.ts";
import { PRESENT_AS_OF_DAYS, presentHoldDays } from "../../src/ledger/series.ts";
import type { StockFigure } from "../../src/model/stock.ts";
import { dataset } from "./fixtures.ts";

const count = (date: string, value: number): StockFigure => ({
  date,
  category: "remaining",
  basis: "present",
  placeName: "Tijuana",
  value,
});
const DATA = dataset([count("2018-11-19", 3224), count("2018-12-06", 1000)]);
const on = (asOf: string) =>
  buildLedger({ dataset: DATA, tracks: [] }, { asOf }).split.filter(
    (r) => r.date === asOf && r.category !== "regularized",
  );

describe("a present count ages as of a date", () => {
  it("the rule: 10 days as of a date (at most maxGapDays), holdDays with hindsight or a next count", () => {
    expect(PRESENT_AS_OF_DAYS).toBe(10);
    expect(presentHoldDays({ holdDays: 3, maxGapDays: 30, openEnd: true }, false)).toBe(10);
    expect(presentHoldDays({ holdDays: 3, maxGapDays: 7, openEnd: true }, false)).toBe(7);
    expect(presentHoldDays({ holdDays: 3, maxGapDays: 30 }, false)).toBe(3);
    expect(presentHoldDays({ holdDays: 3, maxGapDays: 30, openEnd: true }, true)).toBe(3);
  });

  it("read 10 days after its day (low end falling), unknown after; hindsight draws its line", () => {
    const day10 = on("2018-11-29");
    const held = day10.find((r) => r.category === "remaining")!;
    expect(held.value).toBe(3224);
    expect(held.valueLow).toBeLessThan(3224 * 0.5);
    // 14 days old as of 3 Dec: too old to read; its people are unknown, not present.
    const day14 = on("2018-12-03");
    expect(day14.find((r) => r.category === "remaining")).toBeUndefined();
    expect(day14.find((r) => r.category === "unknown")?.value).toBe(3224);
    // With hindsight the 6 Dec count is known: a line from 3,224 to 1,000.
    const hindsight = buildLedger({ dataset: DATA, tracks: [] }).split.find(
      (r) => r.date === "2018-12-03" && r.category === "remaining",
    )!;
    expect(hindsight.value).toBe(Math.round(3224 + ((1000 - 3224) * 14) / 17));
  });
});
