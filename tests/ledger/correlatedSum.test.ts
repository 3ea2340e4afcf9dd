import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildLedger } from "../../src/ledger/buildLedger.ts";
import {
  checkCorrelation,
  GROUP_ERROR_CORRELATION,
  sumCorrelated,
} from "../../src/ledger/correlatedSum.ts";
import type { IntervalEstimate } from "../../src/ledger/correlatedSum.ts";
import { situationHeadlines } from "../../src/report/situationUpdate.ts";
import { dataset, PLACES, randomLedgerInput, track } from "./fixtures.ts";

const part = fc
  .tuple(
    fc.double({ min: 0, max: 10_000, noNaN: true }),
    fc.double({ min: 0, max: 1, noNaN: true }),
    fc.double({ min: 0, max: 3, noNaN: true }),
  )
  .map(([value, down, up]): IntervalEstimate => ({
    value,
    low: value * (1 - down),
    high: value * (1 + up),
  }));

describe("sumCorrelated(parts, correlation): the interval of a total of groups", () => {
  it("gives one part's own interval back, whatever the correlation", () => {
    for (const rho of [0, 0.5, 1]) {
      const r = sumCorrelated([{ value: 1000, low: 700, high: 1900 }], rho);
      expect(r.value).toBe(1000);
      expect(r.low).toBeCloseTo(700, 9);
      expect(r.high).toBeCloseTo(1900, 9);
    }
  });

  it("is the sum of the bounds at 1, the root sum of squares at 0, and in between at 0.5", () => {
    const parts = [
      { value: 100, low: 80, high: 130 },
      { value: 100, low: 80, high: 130 },
    ];
    expect(sumCorrelated(parts, 1)).toEqual({ value: 200, low: 160, high: 260 });
    const independent = sumCorrelated(parts, 0);
    expect(independent.low).toBeCloseTo(200 - Math.sqrt(2) * 20, 9);
    expect(independent.high).toBeCloseTo(200 + Math.sqrt(2) * 30, 9);
    // √(0.5 · (20² + 20²) + 0.5 · 40²) = √1200
    const half = sumCorrelated(parts, 0.5);
    expect(half.low).toBeCloseTo(200 - Math.sqrt(1200), 9);
    expect(sumCorrelated(parts)).toEqual(half); // the default is 0.5
    expect(GROUP_ERROR_CORRELATION).toBe(0.5);
  });

  it("combines the sides apart (an interval skewed upwards stays so) and ignores non-finite bounds", () => {
    const r = sumCorrelated(
      [
        { value: 100, low: 90, high: 200 },
        { value: 50, low: NaN, high: Infinity },
      ],
      0,
    );
    expect(r).toEqual({ value: 150, low: 140, high: 250 });
    expect(sumCorrelated([], 0.5)).toEqual({ value: 0, low: 0, high: 0 });
  });

  it("keeps the plain sum, stays within the sum of bounds, never below 0, and widens with the correlation (property)", () => {
    fc.assert(
      fc.property(
        fc.array(part, { maxLength: 12 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (parts, rho) => {
          const r = sumCorrelated(parts, rho);
          const sum = (k: keyof IntervalEstimate) => parts.reduce((s, p) => s + p[k], 0);
          const tol = 1e-6 * (1 + sum("high"));
          expect(r.value).toBeCloseTo(sum("value"), 6);
          expect(r.low).toBeGreaterThanOrEqual(-tol);
          expect(r.low).toBeGreaterThanOrEqual(sum("low") - tol);
          expect(r.high).toBeLessThanOrEqual(sum("high") + tol);
          expect(r.low).toBeLessThanOrEqual(r.value + tol);
          expect(r.high).toBeGreaterThanOrEqual(r.value - tol);
          const wider = sumCorrelated(parts, Math.min(1, rho + 0.25));
          expect(wider.low).toBeLessThanOrEqual(r.low + tol);
          expect(wider.high).toBeGreaterThanOrEqual(r.high - tol);
        },
      ),
      { numRuns: 200, seed: 7 },
    );
  });

  it("refuses a correlation outside 0–1 with a sentence naming it", () => {
    for (const bad of [-0.1, 1.5, NaN]) {
      expect(() => checkCorrelation(bad)).toThrow(RangeError);
      expect(() => sumCorrelated([], bad)).toThrow(/from 0 \(independent\) to 1/);
    }
    expect(checkCorrelation(0)).toBe(0);
  });
});

describe("the ledger's intervals of totals (groupCorrelation)", () => {
  // Two groups of 1,000 (800–1,200) on the same day at San Pedro Sula (Honduras).
  const tracks = [
    ...track("A", ["2018-10-13"], 1000, PLACES[3]),
    ...track("B", ["2018-10-13"], 1000, PLACES[3]),
  ];

  it("combines the groups of a country in transit, and the peaks under departed, with the correlation", () => {
    const at = (rho?: number) => {
      const ledger = buildLedger(
        { dataset: dataset([]), tracks },
        rho === undefined ? {} : { groupCorrelation: rho },
      );
      const row = ledger.split.find((r) => r.category === "in_transit")!;
      return { ledger, row, departed: ledger.departed[0]! };
    };
    const old = at(1);
    expect(old.row).toMatchObject({ country: "HND", value: 2000, valueLow: 1600, valueHigh: 2400 });
    expect(old.departed).toMatchObject({ value: 2000, valueLow: 1600, valueHigh: 2400 });
    // Default 0.5: 2,000 ± √(0.5 · (200² + 200²) + 0.5 · 400²) = 2,000 ± 346.
    const def = at();
    expect(def.ledger.groupCorrelation).toBe(0.5);
    expect(def.row).toMatchObject({ value: 2000, valueLow: 1654, valueHigh: 2346 });
    expect(def.departed).toMatchObject({ value: 2000, valueLow: 1654, valueHigh: 2346 });
    expect(at(0).row).toMatchObject({ value: 2000, valueLow: 1717, valueHigh: 2283 });
  });

  it("refuses a groupCorrelation outside 0–1", () => {
    expect(() => buildLedger({ dataset: dataset([]), tracks }, { groupCorrelation: 2 })).toThrow(
      RangeError,
    );
  });

  it("the situation update's in transit over several countries combines the groups, not the rows' bounds", () => {
    const twoCountries = [
      ...track("A", ["2018-10-13"], 1000, PLACES[3]), // San Pedro Sula, HND
      ...track("B", ["2018-10-13"], 1000, PLACES[2]), // Tapachula, MEX
    ];
    const ds = dataset([]);
    const ledger = buildLedger({ dataset: ds, tracks: twoCountries });
    const rows = ledger.split.filter((r) => r.category === "in_transit");
    expect(rows.map((r) => [r.country, r.valueLow, r.valueHigh])).toEqual([
      ["HND", 800, 1200],
      ["MEX", 800, 1200],
    ]);
    const headline = situationHeadlines({ ledger, dataset: ds, asOf: "2018-10-13" }).find(
      (h) => h.category === "in_transit",
    )!;
    expect(headline).toMatchObject({ value: 2000, valueLow: 1654, valueHigh: 2346 });
  });

  it("point figures do not depend on the correlation; intervals nest from 0 to 0.5 to 1 (property)", () => {
    fc.assert(
      fc.property(randomLedgerInput(), ({ stocks, tracks: t }) => {
        const [l0, lh, l1] = [0, 0.5, 1].map((rho) =>
          buildLedger({ dataset: dataset(stocks), tracks: t }, { groupCorrelation: rho }),
        );
        const values = (l: typeof l0) => l!.split.map((r) => [r.date, r.category, r.value]);
        expect(values(lh)).toEqual(values(l1));
        expect(values(l0)).toEqual(values(l1));
        expect(lh!.departed.map((d) => d.value)).toEqual(l1!.departed.map((d) => d.value));
        const rows = (l: typeof l0) => [...l!.split, ...l!.departed];
        const [r0, rh, r1] = [rows(l0), rows(lh), rows(l1)];
        rh.forEach((r, i) => {
          expect(r.valueLow).toBeGreaterThanOrEqual(r1[i]!.valueLow);
          expect(r.valueHigh).toBeLessThanOrEqual(r1[i]!.valueHigh);
          expect(r.valueLow).toBeLessThanOrEqual(r0[i]!.valueLow);
          expect(r.valueHigh).toBeGreaterThanOrEqual(r0[i]!.valueHigh);
        });
      }),
      { numRuns: 60, seed: 11 },
    );
  });
});
