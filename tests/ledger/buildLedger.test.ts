import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildLedger } from "../../src/ledger/buildLedger.ts";
import { splitTotal } from "../../src/ledger/splitTotal.ts";
import type { StockFigure } from "../../src/model/stock.ts";
import { SPLIT_CATEGORIES } from "../../src/model/track.ts";
import { dataset, days, PLACES, randomLedgerInput, track } from "./fixtures.ts";

const stock = (
  f: Partial<StockFigure> & Pick<StockFigure, "date" | "category" | "value">,
): StockFigure => ({
  basis: "cumulative",
  ...f,
});

function sumsByDate(split: { date: string; value: number }[]): Map<string, number> {
  const sums = new Map<string, number>();
  for (const r of split) sums.set(r.date, (sums.get(r.date) ?? 0) + r.value);
  return sums;
}

describe("buildLedger(input)", () => {
  it("buildLedger() puts a group's people in transit and nothing unknown while it moves", () => {
    const result = buildLedger({
      dataset: dataset([]),
      tracks: track("A", days("2018-10-13", 3), 1000),
    });
    expect(
      result.split.filter((r) => r.date === "2018-10-14").map((r) => [r.category, r.value]),
    ).toEqual([
      ["in_transit", 1000],
      ["unknown", 0],
    ]);
    expect(result.departed.map((d) => d.value)).toEqual([1000, 1000, 1000]);
  });

  it("buildLedger() says unknown, not zero or invented, for people no source places after a group's track ends", () => {
    const result = buildLedger(
      { dataset: dataset([]), tracks: track("A", days("2018-10-13", 2), 1000) },
      { to: "2018-10-16" },
    );
    const last = result.split.filter((r) => r.date === "2018-10-16");
    expect(last).toEqual([
      { date: "2018-10-16", category: "unknown", value: 1000, valueLow: 800, valueHigh: 1200 },
    ]);
  });

  it("buildLedger() emits no row for a category before its first figure", () => {
    const result = buildLedger({
      dataset: dataset([
        stock({ date: "2018-10-15", category: "asylum_claim", country: "MEX", value: 200 }),
      ]),
      tracks: track("A", days("2018-10-13", 4), 1000),
    });
    expect(
      splitTotal(result.split, { date: "2018-10-14", category: "asylum_claim" }),
    ).toBeUndefined();
    expect(splitTotal(result.split, { date: "2018-10-15", category: "asylum_claim" })?.value).toBe(
      200,
    );
    expect(splitTotal(result.split, { date: "2018-10-16", category: "asylum_claim" })?.value).toBe(
      200,
    );
  });

  it("buildLedger() reconciles same-day figures by source weight and reports each residual", () => {
    const result = buildLedger({
      dataset: dataset([
        stock({
          date: "2018-11-01",
          category: "return",
          country: "HND",
          value: 3000,
          sourceType: "un",
          confidence: "high",
        }),
        stock({
          date: "2018-11-01",
          category: "return",
          country: "HND",
          value: 6000,
          sourceType: "organiser",
          confidence: "low",
        }),
      ]),
      tracks: [],
    });
    // weights 1 and 0.2 × 0.3 = 0.06 → (3000 + 0.06 × 6000) / 1.06 = 3169.8
    expect(splitTotal(result.split, { date: "2018-11-01", category: "return" })?.value).toBe(3170);
    expect(result.residuals.map((r) => Math.round(r.residual))).toEqual([-170, 2830]);
    const row = result.split.find((r) => r.category === "return")!;
    expect(row.valueLow).toBeLessThanOrEqual(3000 * 0.95);
    expect(row.valueHigh).toBeGreaterThanOrEqual(6000);
  });

  it("buildLedger() warns, naming the rows, when a cumulative total falls, and keeps the series level", () => {
    const result = buildLedger({
      dataset: dataset([
        stock({ date: "2018-11-01", category: "return", country: "HND", value: 5000 }),
        stock({ date: "2018-11-05", category: "return", country: "HND", value: 4000 }),
      ]),
      tracks: [],
    });
    const warning = result.warnings.find((w) => w.code === "cumulative_falls");
    expect(warning?.rows).toEqual([0, 1]);
    expect(warning?.message).toMatch(
      /stock row 0 .*2018-11-01, returns.*5,000.*stock row 1 .*2018-11-05, returns.*4,000/,
    );
    const values = result.split.filter((r) => r.category === "return").map((r) => r.value);
    expect(values).toEqual([4500, 4500, 4500, 4500, 4500]);
    // The pooled figures disagree: the interval spans both.
    const row = result.split.find((r) => r.category === "return")!;
    expect(row.valueLow).toBeLessThanOrEqual(4000);
    expect(row.valueHigh).toBeGreaterThanOrEqual(5000);
  });

  it("buildLedger() warns when returns exceed the people the tracks say had left, and keeps people conserved", () => {
    const result = buildLedger({
      dataset: dataset([
        stock({ date: "2018-10-14", category: "return", country: "HND", value: 5000 }),
      ]),
      tracks: track("A", days("2018-10-13", 3), 1000),
    });
    const warning = result.warnings.find((w) => w.code === "returns_exceed_departures");
    expect(warning?.rows).toEqual([0]);
    expect(warning?.source).toEqual({ module: "ledger", row: 0 });
    expect(warning?.date).toBe("2018-10-14");
    const day = result.departed.find((d) => d.date === "2018-10-14")!;
    expect(day.value).toBe(6000);
    expect(sumsByDate(result.split).get("2018-10-14")).toBe(6000);
  });

  it("buildLedger() warns about and skips invalid rows instead of throwing", () => {
    const result = buildLedger({
      dataset: dataset([
        stock({ date: "2018-13-45", category: "return", value: 10 }),
        stock({ date: "2018-11-01", category: "return", value: -5 }),
        stock({ date: "2018-11-01", category: "nonsense" as never, value: 5 }),
        stock({ date: "2018-11-01", category: "return", value: Number.NaN }),
      ]),
      tracks: [],
    });
    expect(result.warnings.map((w) => [w.code, w.rows])).toEqual([
      ["invalid_row", [0]],
      ["invalid_row", [1]],
      ["invalid_row", [2]],
      ["invalid_row", [3]],
    ]);
    // DtmWarnings: the ledger as the module, the stock row as the place.
    expect(result.warnings.map((w) => w.source)).toEqual(
      [0, 1, 2, 3].map((row) => ({ module: "ledger", row })),
    );
    expect(result.split).toEqual([]);
  });

  it("buildLedger() folds shelters into their city and counts arrived groups as remaining, not in transit", () => {
    const tijuana = PLACES[0]!;
    const result = buildLedger({
      dataset: dataset([
        stock({
          date: "2018-11-20",
          category: "remaining",
          basis: "present",
          placeName: "Benito Juarez",
          value: 2500,
        }),
      ]),
      tracks: track("A", ["2018-11-20"], 3000, tijuana),
    });
    const rows = result.split.map((r) => [r.category, r.placeName, r.value]);
    expect(rows).toEqual([
      ["remaining", "Tijuana", 2500],
      ["in_transit", undefined, 500],
      ["unknown", undefined, 0],
    ]);
  });

  it("buildLedger() lists the rest of a national total beside its places, and warns when places exceed it", () => {
    const result = buildLedger({
      dataset: dataset([
        stock({ date: "2018-11-01", category: "asylum_claim", country: "MEX", value: 3000 }),
        stock({
          date: "2018-11-01",
          category: "asylum_claim",
          country: "MEX",
          placeName: "Tapachula",
          value: 1800,
        }),
        stock({
          date: "2018-11-02",
          category: "asylum_claim",
          country: "MEX",
          placeName: "Tapachula",
          value: 3500,
        }),
      ]),
      tracks: [],
    });
    const first = result.split.filter(
      (r) => r.date === "2018-11-01" && r.category === "asylum_claim",
    );
    expect(first.map((r) => [r.placeName, r.value])).toEqual([
      ["Tapachula", 1800],
      [undefined, 1200],
    ]);
    expect(result.warnings.map((w) => w.code)).toContain("parts_exceed_total");
    expect(splitTotal(result.split, { date: "2018-11-02", category: "asylum_claim" })?.value).toBe(
      3500,
    );
  });

  it("buildLedger() holds a present figure holdDays, then moves the people to unknown", () => {
    const result = buildLedger(
      {
        dataset: dataset([
          stock({
            date: "2018-11-01",
            category: "remaining",
            basis: "present",
            placeName: "Tapachula",
            value: 700,
          }),
        ]),
        tracks: [],
      },
      { to: "2018-11-05", holdDays: 2 },
    );
    expect(result.split.filter((r) => r.category === "remaining").map((r) => r.date)).toEqual([
      "2018-11-01",
      "2018-11-02",
      "2018-11-03",
    ]);
    expect(splitTotal(result.split, { date: "2018-11-05", category: "unknown" })?.value).toBe(700);
  });

  it("buildLedger() takes the busiest point's cumulative northbound count as a floor of the people who left", () => {
    const result = buildLedger({
      dataset: dataset(
        [stock({ date: "2018-10-15", category: "return", country: "HND", value: 100 })],
        {
          counts: [
            { date: "2018-10-14", fmpId: "GT-AC", direction: "northbound", total: 2000 },
            { date: "2018-10-15", fmpId: "GT-AC", direction: "northbound", total: 500 },
            { date: "2018-10-15", fmpId: "GT-AC", direction: "southbound", total: 9999 },
            { date: "2018-10-15", fmpId: "GT-XX", direction: "northbound" },
          ],
        },
      ),
      tracks: [],
    });
    // The counts' days are days of the ledger: the day of the first count is in it too.
    expect(result.departed.map((d) => [d.date, d.value])).toEqual([
      ["2018-10-14", 2000],
      ["2018-10-15", 2500],
    ]);
  });

  it("buildLedger() takes cumulative departure totals among the aggregates as a floor of the people who left", () => {
    const result = buildLedger(
      {
        dataset: dataset(
          [stock({ date: "2018-10-15", category: "return", country: "HND", value: 100 })],
          {
            aggregates: [
              {
                date: "2018-10-16",
                measure: "transited_guatemala_cumulative",
                basis: "cumulative",
                value: 5000,
              },
              {
                date: "2018-10-16",
                measure: "entered_mexico_cumulative",
                basis: "cumulative",
                valueMin: 6000,
              },
              { date: "2018-10-16", measure: "size_in_mexico", basis: "present", value: 90000 },
            ],
          },
        ),
        tracks: [],
      },
      { to: "2018-10-17" },
    );
    expect(result.departed.map((d) => [d.date, d.value])).toEqual([
      ["2018-10-15", 100],
      ["2018-10-16", 6000],
      ["2018-10-17", 6000],
    ]);
    expect(splitTotal(result.split, { date: "2018-10-17", category: "unknown" })?.value).toBe(5900);
  });

  it("buildLedger() on every date adds the categories up to the people who have left, which never falls (property)", () => {
    fc.assert(
      fc.property(randomLedgerInput(), ({ stocks, tracks }) => {
        const result = buildLedger({ dataset: dataset(stocks), tracks });
        const sums = sumsByDate(result.split);
        let before = 0;
        for (const d of result.departed) {
          expect(sums.get(d.date)).toBe(d.value);
          expect(d.value).toBeGreaterThanOrEqual(before);
          expect(d.valueLow).toBeLessThanOrEqual(d.value);
          expect(d.valueHigh).toBeGreaterThanOrEqual(d.value);
          before = d.value;
        }
        for (const r of result.split) {
          expect(SPLIT_CATEGORIES).toContain(r.category);
          expect(r.value).toBeGreaterThanOrEqual(0);
          expect(r.valueLow).toBeLessThanOrEqual(r.value);
          expect(r.valueHigh).toBeGreaterThanOrEqual(r.value);
          expect(Number.isInteger(r.value)).toBe(true);
        }
      }),
      { numRuns: 150, seed: 42 },
    );
  });

  it("buildLedger() never lets the total of a cumulative category fall from one day to the next (property)", () => {
    const figure = fc.record({
      day: fc.integer({ min: 0, max: 30 }),
      category: fc.constantFrom("asylum_claim", "return", "regularized"),
      country: fc.constantFrom(undefined, "MEX", "GTM"),
      placeName: fc.constantFrom(undefined, "Tijuana", "Tapachula", "Benito Juarez"),
      value: fc.integer({ min: 0, max: 10000 }),
      confidence: fc.constantFrom("high", "medium", "low"),
      bound: fc.constantFrom(undefined, "at_least", "up_to"),
    });
    fc.assert(
      fc.property(fc.array(figure, { minLength: 1, maxLength: 20 }), (figures) => {
        const stocks = figures.map((f) =>
          stock({
            date: new Date(Date.UTC(2018, 9, 13 + f.day)).toISOString().slice(0, 10),
            category: f.category,
            country: f.country,
            placeName: f.placeName,
            value: f.value,
            confidence: f.confidence,
            extra: f.bound ? { value_qualifier: f.bound } : undefined,
          }),
        );
        const result = buildLedger({ dataset: dataset(stocks), tracks: [] });
        for (const category of ["asylum_claim", "return", "regularized"] as const) {
          let before = 0;
          for (const d of result.departed) {
            const total = splitTotal(result.split, { date: d.date, category })?.value ?? 0;
            expect(total).toBeGreaterThanOrEqual(before);
            before = total;
          }
        }
      }),
      { numRuns: 150, seed: 7 },
    );
  });
});
