/**
 * As of a date, a count of people present with no newer count known ages: it stands
 * `PRESENT_AS_OF_DAYS` (10) days, its value and interval's low end falling after the ledger's
 * `holdDays` (3) in equal steps, then it is too old to read and all its people are unknown (src/ledger/series.ts `presentHoldDays`). With hindsight nothing changes.
 */
import { describe, expect, it } from "vitest";
import { buildLedger } from "../../src/ledger/buildLedger.ts";
import { PRESENT_AS_OF_DAYS, presentAgeFactor, presentHoldDays } from "../../src/ledger/series.ts";
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
    // Its value and low end fall to 1/8 of the count on day 10; the rest is unknown.
    expect(held.value).toBe(403);
    expect(held.valueLow).toBeLessThan(403);
    expect(held.valueHigh).toBeGreaterThanOrEqual(3224);
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

/** Every as-of day from `from` to `to` (ISO dates, UTC). */
function days(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(from); t <= Date.parse(to); t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

describe("the as-of series ages a count gradually (review24b M2)", () => {
  it("no day-to-day drop of present (or rise of unknown) beyond one step, count / 8, from aging alone", () => {
    // 19 Nov → 5 Dec: no new figure is known on any of these days (the next is 6 Dec).
    const series = days("2018-11-19", "2018-12-05").map((d) => {
      const rows = on(d);
      const of = (c: string) => rows.find((r) => r.category === c)?.value ?? 0;
      return { present: of("remaining"), unknown: of("unknown") };
    });
    const step = Math.ceil(3224 / (PRESENT_AS_OF_DAYS - 3 + 1)) + 1; // 404 (+1 rounding)
    for (let i = 1; i < series.length; i++) {
      expect(series[i - 1]!.present - series[i]!.present).toBeLessThanOrEqual(step);
      expect(series[i]!.unknown - series[i - 1]!.unknown).toBeLessThanOrEqual(step);
      // People are conserved: what leaves present is unknown.
      expect(series[i]!.present + series[i]!.unknown).toBe(3224);
    }
    // Full until holdDays (3), then falling, gone after PRESENT_AS_OF_DAYS.
    expect(series[3]!.present).toBe(3224);
    expect(series[4]!.present).toBe(Math.round((3224 * 7) / 8));
    expect(series[10]!.present).toBe(Math.round(3224 / 8));
    expect(series[11]!.present).toBe(0);
  });

  it("the share read: 1 to holdDays, equal steps to 0 after the hold", () => {
    expect([3, 4, 10, 11].map((a) => presentAgeFactor(a, 3, 10))).toEqual([1, 7 / 8, 1 / 8, 0]);
  });
});
