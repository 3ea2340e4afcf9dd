import { describe, expect, it } from "vitest";
import { baselineCanForecast, emptyTally, tallyCase, tallyRatio } from "../../src/index.ts";

describe("one rule for the last-two-reports baseline's score", () => {
  it("leaves out and counts a case whose baseline has no speed, on both sides", () => {
    const t = emptyTally();
    expect(tallyCase(t, 30, undefined)).toBe(false);
    expect(tallyCase(t, -2, 4)).toBe(true);
    expect(tallyCase(t, 1, -1)).toBe(true);
    expect(t).toEqual({ n: 2, noBaseline: 1, model: 3, baseline: 5 });
    // The rule before stop 24 (no speed = 40 days off) would give (30 + 3) / (40 + 5).
    expect(tallyRatio(t)).toBeCloseTo(0.6, 10);
  });

  it("has no ratio without a scored case", () => {
    const t = emptyTally();
    tallyCase(t, 5, undefined);
    expect(Number.isNaN(tallyRatio(t))).toBe(true);
    expect(baselineCanForecast(Number.NaN)).toBe(false);
    expect(baselineCanForecast(0)).toBe(true);
  });
});
