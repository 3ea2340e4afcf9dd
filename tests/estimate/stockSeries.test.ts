import { describe, expect, it } from "vitest";
import { embedded2018 } from "../../src/embedded/index.ts";
import {
  canLeave,
  cumulativeOn,
  fallingTotals,
  outflowSeries,
  outflows,
} from "../../src/estimate/stockSeries.ts";
import type { Outflow } from "../../src/estimate/stockSeries.ts";
import { DEFAULT_DRIFT, stockDrift } from "../../src/estimate/stocks.ts";
import type { DriftGroup } from "../../src/estimate/stocks.ts";
import { isoDateToDay } from "../../src/estimate/time.ts";
import type { StockFigure } from "../../src/model/stock.ts";

const day = (d: number): number => isoDateToDay(`2018-10-${String(d).padStart(2, "0")}`)!;

function figure(d: number, value: number, more: Partial<StockFigure> = {}): StockFigure {
  return {
    date: `2018-10-${String(d).padStart(2, "0")}`,
    category: "return",
    value,
    basis: "cumulative",
    sourceType: "government",
    confidence: "high",
    ...more,
  };
}

/** A group of `size` people every day of October 1–31. */
function group(name: string, size: number, more: Partial<DriftGroup> = {}): DriftGroup {
  const nDays = 31;
  return {
    name,
    day0: day(1),
    nDays,
    sizes: Array.from({ length: nDays }, () => ({ median: size, low: size, high: size })),
    ...more,
  } as DriftGroup;
}

const total = (o: Outflow | undefined): number =>
  [...(o?.loss.values() ?? [])].reduce((a, b) => a + b, 0);
const changed = (drift: number[]): number => drift.filter((x) => x !== DEFAULT_DRIFT).length;

describe("outflowSeries: one series per (label, category, country)", () => {
  it("keeps 2018's Salvadoran returns apart from the larger Honduran total", () => {
    const series = outflowSeries(embedded2018().stocks);
    const national = series.filter((s) => !s.label && s.category === "return");
    expect(national.map((s) => s.country).sort()).toEqual(["GTM", "HND", "SLV"]);
    const flows = outflows(series);
    const slv = flows.find((f) => !f.label && f.country === "SLV" && f.category === "return");
    // Every Salvadoran return is charged (the old running max over all countries dropped them).
    expect(total(slv)).toBeCloseTo(1300, 6);
  });

  it("reconciles same-day figures of several sources with the ledger's weights", () => {
    const series = outflowSeries([
      figure(10, 1000, { sourceType: "un" }),
      figure(10, 2000, { sourceType: "media", confidence: "low" }),
    ]);
    expect(series).toHaveLength(1);
    // Weighted mean: (1·1000 + 0.12·2000) / 1.12.
    expect(series[0].points[0].value).toBeCloseTo(1107.1, 1);
  });

  it("reads a later lower total as a correction, so later rises are still charged", () => {
    const series = outflowSeries([figure(5, 47000), figure(12, 4700), figure(20, 6000)]);
    expect(series[0].points.map((p) => p.value)).toEqual([4700, 4700, 6000]);
    const flow = outflows(series)[0];
    expect(total(flow)).toBeCloseTo(6000, 6);
    // The rise 4,700 → 6,000 is spread over days 13–20.
    expect(flow.loss.get(day(16))).toBeCloseTo(1300 / 8, 6);
    expect(fallingTotals(series)).toEqual([
      "return (no country): the total falls from 47,000 to 4,700 on 2018-10-12; read as a correction of the earlier figures (the size drift charges the later one).",
    ]);
  });

  it("spreads a first figure over the week before it", () => {
    const points = outflowSeries([figure(10, 700)])[0].points;
    expect(cumulativeOn(points, day(3))).toBe(0);
    expect(cumulativeOn(points, day(4))).toBeCloseTo(100, 6);
    expect(cumulativeOn(points, day(30))).toBe(700);
  });
});

describe("outflows: labelled and national figures of the same people", () => {
  it("charges the national total only beyond the labelled figures of its country", () => {
    const stocks = [
      figure(20, 5000, { country: "HND", caravanLabel: "HC1" }),
      figure(20, 4500, { country: "HND" }),
      figure(28, 6900, { country: "HND" }),
      figure(28, 300, { country: "SLV", caravanLabel: "SC1" }),
    ];
    const flows = outflows(outflowSeries(stocks));
    const national = flows.find((f) => !f.label && f.country === "HND");
    expect(total(national)).toBeCloseTo(1900, 6);
    expect(total(flows.find((f) => f.label === "HC1"))).toBeCloseTo(5000, 6);
  });
});

describe("stockDrift: who a national figure leaves", () => {
  it("shares national returns only over the groups of that nationality, by size", () => {
    const stocks = [figure(10, 700, { country: "HND" })];
    const [hnd1, hnd2, slv] = stockDrift(stocks, "UTC").driftsFor([
      group("H1", 3000, { nationality: "HND" }),
      group("H2", 1000, { nationality: "HND" }),
      group("S1", 2000, { nationality: "SLV" }),
    ]);
    expect(changed(slv)).toBe(0);
    // 100 people a day over days 4–10: 75 from the group of 3,000, 25 from the group of 1,000.
    expect(hnd1[day(5) - day(1)]).toBeCloseTo(-0.002 + Math.log(1 - 75 / 3000), 9);
    expect(hnd2[day(5) - day(1)]).toBeCloseTo(-0.002 + Math.log(1 - 25 / 1000), 9);
  });

  it("takes Mexican asylum claims only from groups standing in Mexico that day", () => {
    const stocks = [figure(10, 700, { category: "asylum_claim", country: "MEX" })];
    const inMexicoFrom = (d: number) => (t: number) => (t >= day(d) ? "MEX" : "GTM");
    const [early, late] = stockDrift(stocks, "UTC").driftsFor([
      group("A", 2000, { countryOn: inMexicoFrom(1) }),
      group("B", 2000, { countryOn: inMexicoFrom(8) }),
    ]);
    // Days 4–7: only A is in Mexico; days 8–10: both share.
    expect(late.slice(day(4) - day(1), day(8) - day(1)).every((x) => x === DEFAULT_DRIFT)).toBe(
      true,
    );
    expect(early[day(5) - day(1)]).toBeCloseTo(-0.002 + Math.log(1 - 100 / 2000), 9);
    expect(late[day(9) - day(1)]).toBeCloseTo(-0.002 + Math.log(1 - 50 / 2000), 9);
  });

  it("does not charge the labelled group's returns twice, nor other groups for them", () => {
    const stocks = [
      figure(20, 2000, { country: "HND", caravanLabel: "H1" }),
      figure(20, 2000, { country: "HND" }),
    ];
    const [own, other] = stockDrift(stocks, "UTC").driftsFor([
      group("H1", 5000, { nationality: "HND" }),
      group("H2", 5000, { nationality: "HND" }),
    ]);
    expect(changed(other)).toBe(0);
    const perDay = 2000 / 7;
    expect(own[day(15) - day(1)]).toBeCloseTo(-0.002 + Math.log(1 - perDay / 5000), 9);
  });

  it("charges nobody when no group can hold the people, and everyone alive when the country is unknown", () => {
    const slvOnly = stockDrift([figure(10, 700, { country: "SLV" })], "UTC").driftsFor([
      group("H1", 3000, { nationality: "HND" }),
    ]);
    expect(changed(slvOnly[0])).toBe(0);
    const anywhere = stockDrift([figure(10, 700)], "UTC").driftsFor([
      group("H1", 3000, { nationality: "HND" }),
      group("S1", 3000, { nationality: "SLV" }),
    ]);
    expect(changed(anywhere[0])).toBe(7);
    expect(changed(anywhere[1])).toBe(7);
  });

  it("reads an unknown group country as able to take the people", () => {
    const flow: Outflow = { category: "return", country: "HND", loss: new Map() };
    expect(canLeave(flow, {}, day(5))).toBe(true);
    expect(canLeave(flow, { nationality: "SLV" }, day(5))).toBe(false);
  });
});
