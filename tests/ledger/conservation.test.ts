/**
 * People are conserved in the 2018 ledger built from the embedded data (observations and
 * returns-stocks): on every day the split categories add up to the people who have left, and a
 * displayed window never changes a day's figures.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { embedded2018 } from "../../src/embedded/index.ts";
import { estimateTracks } from "../../src/estimate/estimateTracks.ts";
import { buildLedger } from "../../src/ledger/buildLedger.ts";
import { splitTotal } from "../../src/ledger/splitTotal.ts";
import type { LedgerResult } from "../../src/ledger/types.ts";
import type { Dataset } from "../../src/model/dataset.ts";
import { SPLIT_CATEGORIES } from "../../src/model/track.ts";
import type { TrackPoint } from "../../src/model/track.ts";

let dataset: Dataset;
let tracks: TrackPoint[];
let ledger: LedgerResult;

beforeAll(() => {
  dataset = embedded2018();
  tracks = estimateTracks(dataset).tracks;
  ledger = buildLedger({ dataset, tracks });
});

describe("2018 ledger: conservation", () => {
  it("covers every day from the first figure or track to the last", () => {
    const dates = ledger.departed.map((d) => d.date);
    expect(dates[0]! <= "2018-10-13").toBe(true);
    expect(dates.at(-1)! >= "2018-12-26").toBe(true);
    expect(new Set(dates).size).toBe(dates.length);
  });

  it("departed = in transit + present at places + returned + onward + claims + regularised + other + unknown, every day", () => {
    const rest = SPLIT_CATEGORIES.filter(
      (c) => !["in_transit", "remaining", "return", "onward", "unknown"].includes(c),
    );
    for (const d of ledger.departed) {
      const part = (c: (typeof SPLIT_CATEGORIES)[number] | (typeof SPLIT_CATEGORIES)[number][]) =>
        splitTotal(ledger.split, { date: d.date, category: c })?.value ?? 0;
      const sum =
        part("in_transit") +
        part("remaining") +
        part("return") +
        part("onward") +
        part("unknown") +
        part(rest);
      expect(sum, d.date).toBe(d.value);
      expect(part("unknown"), `${d.date} unknown`).toBeGreaterThanOrEqual(0);
      expect(d.accounted + part("unknown"), d.date).toBe(d.value);
    }
  });

  it("every split row is a known category with value inside its interval, and departed never falls", () => {
    for (const r of ledger.split) {
      expect(SPLIT_CATEGORIES).toContain(r.category);
      expect(r.value, `${r.date} ${r.category}`).toBeGreaterThanOrEqual(0);
      expect(r.valueLow).toBeLessThanOrEqual(r.value);
      expect(r.valueHigh).toBeGreaterThanOrEqual(r.value);
    }
    for (let i = 1; i < ledger.departed.length; i++) {
      expect(ledger.departed[i]!.value).toBeGreaterThanOrEqual(ledger.departed[i - 1]!.value);
    }
  });

  it("counts each return once: by country of return only, no row for returns counted where people left from", () => {
    const returns = ledger.split.filter((r) => r.category === "return");
    expect(returns.length).toBeGreaterThan(0);
    for (const r of returns) {
      expect(["HND", "SLV", "GTM"], `${r.date} ${r.placeName}`).toContain(r.country);
      expect(r.placeName).toBeUndefined();
    }
  });

  it("--from 2018-12-10 gives the same figures on its days as the whole ledger (15 Dec: same departed)", () => {
    const windowed = buildLedger({ dataset, tracks }, { from: "2018-12-10" });
    const later = <T extends { date: string }>(rows: T[]) =>
      rows.filter((r) => r.date >= "2018-12-10");
    expect(windowed.departed).toEqual(later(ledger.departed));
    expect(windowed.split).toEqual(later(ledger.split));
    const on15 = (l: LedgerResult) => l.departed.find((d) => d.date === "2018-12-15")!.value;
    expect(on15(windowed)).toBe(on15(ledger));
  });
});
