/**
 * A stock figure that is a bound: its 90 % interval lies on one side of it. "fewer than 1,000"
 * (Mexicali's shelters, 6 Dec 2018) is never read as about 1,000 with an interval above it.
 */
import { describe, expect, it } from "vitest";
import { reconcileDay } from "../../src/ledger/series.ts";

describe("reconcileDay with a bound", () => {
  it("an upper bound's interval lies below it; a lower bound's above it", () => {
    const upper = reconcileDay([{ row: 0, day: 0, value: 1000, weight: 1, bound: "upper" }]);
    expect(upper.high).toBe(1000);
    expect(upper.low).toBeLessThan(1000);
    expect(upper.value).toBeLessThanOrEqual(1000);
    const lower = reconcileDay([{ row: 0, day: 0, value: 1000, weight: 1, bound: "lower" }]);
    expect(lower.low).toBe(1000);
    expect(lower.high).toBeGreaterThan(1000);
    // Mirror images: as loose below "fewer than" as above "more than".
    expect(1000 - upper.low).toBeCloseTo(lower.high - 1000, 6);
  });
});
