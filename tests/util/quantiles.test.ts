/** Type-7 quantiles (sorted values and per-cell quickselect) against simple-statistics and sorting. */
import fc from "fast-check";
import * as ss from "simple-statistics";
import { describe, expect, it } from "vitest";
import { cellQuantiles, quantileSorted } from "../../src/util/quantiles.ts";

describe("quantileSorted", () => {
  it("quantileSorted(values, p) equals simple-statistics' type-7 quantile on finite values", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 50 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (values, p) => {
          const sorted = [...values].sort((a, b) => a - b);
          const ours = quantileSorted(sorted, p);
          const theirs = ss.quantileSorted(sorted, p);
          expect(Math.abs(ours - theirs)).toBeLessThanOrEqual(1e-9 * (1 + Math.abs(theirs)));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("∞ stands for 'did not happen': a quantile on or next to one is ∞ (simple-statistics: NaN)", () => {
    expect(quantileSorted([3, 5, Infinity, Infinity], 0.9)).toBe(Infinity);
    expect(ss.quantileSorted([3, 5, Infinity, Infinity], 0.9)).toBeNaN();
    expect(quantileSorted([3, 5, Infinity, Infinity], 1 / 3)).toBe(5);
    expect(quantileSorted([3, 5, Infinity], 0.6)).toBe(Infinity);
    expect(quantileSorted([], 0.5)).toBeNaN();
  });
});

describe("cellQuantiles", () => {
  it("cellQuantiles(table) gives each cell's p10/p50/p90 as sorting would", () => {
    const runs = 7;
    const cells = 3;
    // Run-major: cell 0 all equal, cell 1 ascending, cell 2 shuffled.
    const values = new Int32Array(runs * cells);
    const shuffled = [9, 2, 7, 4, 1, 8, 3];
    for (let run = 0; run < runs; run++) {
      values[run * cells] = 5;
      values[run * cells + 1] = run * 10;
      values[run * cells + 2] = shuffled[run]!;
    }
    const min = Int32Array.from([5, 0, 1]);
    const max = Int32Array.from([5, 60, 9]);
    const [p10, p50, p90] = [0, 1, 2].map(() => new Float64Array(cells));
    cellQuantiles(values, runs, min, max, p10!, p50!, p90!);
    const sortedShuffled = [...shuffled].sort((a, b) => a - b);
    expect([p10![0], p50![0], p90![0]]).toEqual([5, 5, 5]);
    expect(p50![1]).toBe(30);
    expect(p10![1]).toBeCloseTo(quantileSorted([0, 10, 20, 30, 40, 50, 60], 0.1), 12);
    expect(p90![2]).toBeCloseTo(quantileSorted(sortedShuffled, 0.9), 12);
  });
});
