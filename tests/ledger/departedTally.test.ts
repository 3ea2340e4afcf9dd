import { describe, expect, it } from "vitest";
import { DepartedTally, updatePeak } from "../../src/ledger/departedTally.ts";
import { blankLast, roundParts, splitRowsOfDay } from "../../src/ledger/roundParts.ts";
import type { LedgerWarning } from "../../src/ledger/types.ts";
import type { SplitRow } from "../../src/model/track.ts";
import { track } from "./fixtures.ts";

type Row = Omit<SplitRow, "date">;
const row = (category: Row["category"], value: number, country?: string): Row => ({
  category,
  country,
  value,
  valueLow: value,
  valueHigh: value,
});

function tally(northbound = 0) {
  const warnings: LedgerWarning[] = [];
  const t = new DepartedTally(
    { northbound: () => northbound, aggregateFloor: () => 0 },
    { sources: [], returnRows: [7, 8] },
    warnings,
  );
  return { t, warnings };
}

describe("ledger step 5: people who left and unknown (departedTally.ts)", () => {
  it("updatePeak() keeps each group's largest size with that day's interval", () => {
    const peaks = new Map();
    for (const p of [...track("a", ["2018-10-13"], 1000), ...track("a", ["2018-10-14"], 800)])
      updatePeak(peaks, p);
    expect(peaks.get("a")).toEqual({ size: 1000, low: 800, high: 1200 });
    updatePeak(peaks, { ...track("b", ["2018-10-14"], 10)[0]!, size: NaN });
    expect(peaks.has("b")).toBe(false);
  });

  it("departed is the groups' peak, never falls, and unknown balances it", () => {
    const { t } = tally();
    const first = t.day(0, "2018-10-13", track("a", ["2018-10-13"], 1000), [
      row("in_transit", 1000),
    ]);
    expect(first.departed).toMatchObject({ value: 1000, fromTracks: 1000, accounted: 1000 });
    expect(first.unknown).toMatchObject({ category: "unknown", value: 0 });
    const second = t.day(1, "2018-10-14", [], [row("return", 300, "HND")]);
    expect(second.departed.value).toBe(1000);
    expect(second.unknown.value).toBe(700);
    expect(second.unknown.valueLow).toBeLessThanOrEqual(700);
    expect(second.unknown.valueHigh).toBeGreaterThanOrEqual(700);
  });

  it("raises departed to what the sources account for, warning once per episode, naming return rows", () => {
    const { t, warnings } = tally(100);
    t.day(0, "2018-10-13", [], [row("return", 500, "HND")]);
    // Still above the evidence and rising: the same episode, no second warning.
    t.day(1, "2018-10-14", [], [row("return", 600, "HND")]);
    // Not above the day before: the episode ends.
    t.day(2, "2018-10-15", [], [row("return", 600, "HND")]);
    const r = t.day(3, "2018-10-16", [], [row("asylum_claim", 700, "MEX")]);
    expect(r.departed.value).toBe(700);
    expect(warnings.map((w) => [w.code, w.date])).toEqual([
      ["accounted_exceeds_departures", "2018-10-13"],
      ["returns_exceed_departures", "2018-10-13"],
      ["accounted_exceeds_departures", "2018-10-16"],
    ]);
    expect(warnings[1]!.rows).toEqual([7, 8]);
    expect(warnings[1]!.message).toMatch(/returns \(500\) exceed .*\(100\).*stock rows 7, 8/);
  });

  it("the northbound counts are a floor: counts alone give departed with everyone unknown", () => {
    const { t } = tally(2500);
    const r = t.day(0, "2018-10-15", [], []);
    expect(r.departed).toMatchObject({ value: 2500, fromTracks: 2500, accounted: 0 });
    expect(r.unknown.value).toBe(2500);
  });
});

describe("ledger step 4b: whole people per row (roundParts.ts)", () => {
  it("roundParts() rounds within a category by largest remainder to the rounded total", () => {
    const parts = [0.4, 0.4, 0.4].map((value) => ({
      category: "return" as const,
      value,
      low: 0,
      high: 1,
    }));
    expect(roundParts(parts).map((r) => r.value)).toEqual([1, 0, 0]);
  });

  it("splitRowsOfDay() drops empty rows and orders by category, then country and place, blanks last", () => {
    const rows = splitRowsOfDay([
      { category: "return", value: 5, low: 5, high: 5 },
      { category: "return", country: "HND", value: 7, low: 7, high: 7 },
      { category: "asylum_claim", country: "MEX", value: 3, low: 3, high: 3 },
      { category: "remaining", value: 0, low: 0, high: 0 },
    ]);
    expect(rows.map((r) => [r.category, r.country])).toEqual([
      ["asylum_claim", "MEX"],
      ["return", "HND"],
      ["return", undefined],
    ]);
    expect([blankLast("a", "b"), blankLast(undefined, "a"), blankLast("a", undefined)]).toEqual([
      -1, 1, -1,
    ]);
  });
});
