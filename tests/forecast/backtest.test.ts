import { beforeAll, describe, expect, it } from "vitest";
import { embedded2018 } from "../../src/embedded/index.ts";
import { backtestArrivals } from "../../src/forecast/backtest.ts";
import type { BacktestResult } from "../../src/forecast/backtest.ts";
import { issueDays2018, referenceArrivals } from "./reference.ts";

// The rolling backtest of docs/forecasts.md#rolling-backtest-on-2018: a forecast every day from 20 Oct to 20 Nov 2018 from
// the data available that morning, scored against when the first caravan was reported at
// Mexico City, Querétaro, Guadalajara and Tijuana (fixtures/reference-arrivals-2018.csv).
const LEADS = [1, 3, 7, 14];

// The first contingent is the caravan's first people: scored with the head's arrival.
describe("rolling backtest on 2018 (first contingent, the head's arrival)", () => {
  let bt: BacktestResult;
  beforeAll(() => {
    bt = backtestArrivals(embedded2018(), referenceArrivals("first"), {
      issueDates: issueDays2018(),
      runs: 500,
      moment: "head",
    });
    console.log(
      "lead  n  MAE  naive  coverage\n" +
        [...bt.byLead, bt.overall]
          .map(
            (s) =>
              `${s.lead} ${s.n} ${s.mae.toFixed(2)} ${s.naiveMae.toFixed(2)} ${s.coverage.toFixed(2)}`,
          )
          .join("\n"),
    );
  }, 240_000);

  it("scores every reference place at every lead time 1, 3, 7 and 14 days", () => {
    for (const lead of LEADS) {
      const rows = bt.rows.filter((r) => r.leadDays === lead);
      expect(rows.map((r) => r.place).sort()).toEqual([
        "Guadalajara",
        "Mexico City",
        "Querétaro",
        "Tijuana",
      ]);
    }
  });

  it("no forecast is scored on or after the arrival day, and every row's p10 ≤ p50 ≤ p90", () => {
    for (const r of bt.rows) {
      expect(r.leadDays).toBeGreaterThanOrEqual(1);
      if (r.p10 && r.p50) expect(r.p10 <= r.p50).toBe(true);
      if (r.p50 && r.p90) expect(r.p50 <= r.p90).toBe(true);
    }
  });

  it("the model's MAE is below the naive forecast's at every lead time and over all leads", () => {
    for (const s of [...bt.byLead, bt.overall]) {
      expect(s.mae, `lead ${s.lead}`).toBeLessThan(s.naiveMae);
    }
  });

  it("p10–p90 covers between 60 % and 95 % of the observed arrivals over leads 1–14", () => {
    expect(bt.overall.coverage).toBeGreaterThanOrEqual(0.6);
    expect(bt.overall.coverage).toBeLessThanOrEqual(0.95);
  });

  it("scores the last-two-reports baseline on the same rows, never after the horizon", () => {
    expect(bt.rows.some((r) => r.lastTwo !== undefined)).toBe(true);
    for (const r of bt.rows) {
      if (r.lastTwoErrorDays === undefined) continue;
      expect(r.lastTwo! >= r.issued).toBe(true);
      expect(r.lastTwoErrorDays).toBeLessThanOrEqual(40);
    }
    expect(Number.isFinite(bt.overall.lastTwoMae)).toBe(true);
  });
});

describe("rolling backtest on 2018 (main body)", () => {
  let bt: BacktestResult;
  beforeAll(() => {
    bt = backtestArrivals(embedded2018(), referenceArrivals("main"), {
      issueDates: issueDays2018(),
      runs: 500,
    });
  }, 240_000);

  // Known and reported in docs/forecasts.md: at leads 1 and 3 the naive forecast wins (Tijuana).
  it("the model's MAE is below the naive forecast's at 7 and 14 days and over all leads", () => {
    for (const s of [...bt.byLead.filter((s) => s.lead === 7 || s.lead === 14), bt.overall]) {
      expect(s.mae, `lead ${s.lead}`).toBeLessThan(s.naiveMae);
    }
  });

  it("p10–p90 covers between 60 % and 95 % of the observed arrivals over leads 1–14", () => {
    expect(bt.overall.coverage).toBeGreaterThanOrEqual(0.6);
    expect(bt.overall.coverage).toBeLessThanOrEqual(0.95);
  });
});
