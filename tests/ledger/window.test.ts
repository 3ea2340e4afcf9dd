/**
 * The displayed window never changes a day's figures (`ledger --from`), and counts alone give a
 * ledger of their days (issue 16, item 4).
 */
import { describe, expect, it } from "vitest";
import { buildLedger, ledgerDays } from "../../src/ledger/buildLedger.ts";
import type { StockFigure } from "../../src/model/stock.ts";
import { dayNumber } from "../../src/calendar/index.ts";
import { dataset, days, track } from "./fixtures.ts";

const d = (date: string) => dayNumber(date)!;

describe("the ledger's days", () => {
  it("ledgerDays() computes from the data's first day and returns from `from`", () => {
    const data = [d("2018-10-15"), d("2018-12-31")];
    expect(ledgerDays(data, {})).toEqual({
      start: d("2018-10-15"),
      from: d("2018-10-15"),
      to: d("2018-12-31"),
    });
    expect(ledgerDays(data, { from: "2018-12-10" })).toEqual({
      start: d("2018-10-15"),
      from: d("2018-12-10"),
      to: d("2018-12-31"),
    });
    expect(ledgerDays(data, { from: "2018-10-01", to: "2018-10-20" })).toEqual({
      start: d("2018-10-01"),
      from: d("2018-10-01"),
      to: d("2018-10-20"),
    });
    expect(ledgerDays(data, { from: "2018-12-10", to: "2018-12-01" })).toBeUndefined();
    expect(ledgerDays([], {})).toBeUndefined();
    expect(ledgerDays([], { from: "2018-10-01", to: "2018-10-02" })).toEqual({
      start: d("2018-10-01"),
      from: d("2018-10-01"),
      to: d("2018-10-02"),
    });
  });

  it("a window starting after the data began gives the same rows on its days as the whole ledger", () => {
    // A group that peaks early and is gone by the window: only the days before hold its size.
    const tracks = track("a", days("2018-10-13", 10), 3000);
    const stocks: StockFigure[] = [
      { date: "2018-10-20", category: "return", value: 500, basis: "cumulative", country: "HND" },
      {
        date: "2018-11-05",
        category: "remaining",
        value: 800,
        basis: "present",
        placeName: "Tijuana",
      },
    ];
    const input = { dataset: dataset(stocks), tracks };
    const whole = buildLedger(input);
    const windowed = buildLedger(input, { from: "2018-11-01" });
    const inWindow = <T extends { date: string }>(rows: T[]) =>
      rows.filter((r) => r.date >= "2018-11-01");
    expect(windowed.departed).toEqual(inWindow(whole.departed));
    expect(windowed.split).toEqual(inWindow(whole.split));
    // 3,000 who walked in October + 500 who returned: known only from the days before the window.
    expect(windowed.departed[0]!.value).toBe(3500);
    expect(windowed.departed.map((r) => r.date)).toEqual(days("2018-11-01", 5));
  });

  it("counts alone give a ledger of crossings: one row per day of the counts, everyone unknown", () => {
    const result = buildLedger({
      dataset: dataset([], {
        counts: [
          { date: "2018-10-20", fmpId: "GT-AC", direction: "northbound", total: 1200 },
          { date: "2018-10-22", fmpId: "GT-AC", direction: "northbound", total: 800 },
        ],
      }),
      tracks: [],
    });
    expect(result.departed.map((r) => [r.date, r.value])).toEqual([
      ["2018-10-20", 1200],
      ["2018-10-21", 1200],
      ["2018-10-22", 2000],
    ]);
    expect(result.split.map((r) => [r.date, r.category, r.value])).toEqual([
      ["2018-10-20", "unknown", 1200],
      ["2018-10-21", "unknown", 1200],
      ["2018-10-22", "unknown", 2000],
    ]);
  });
});
