import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isotonicIncreasing } from "../../src/ledger/isotonic.ts";
import { assertInDelta } from "../asserts.ts";

describe("isotonicIncreasing(values, weights)", () => {
  it("isotonicIncreasing(values) pools a falling pair into its mean", () => {
    expect(isotonicIncreasing([1, 3, 2, 4])).toEqual([1, 2.5, 2.5, 4]);
  });
  it("isotonicIncreasing(values, weights) pools by weight", () => {
    assertInDelta(isotonicIncreasing([10, 0], [3, 1]), [7.5, 7.5]);
  });
  it("isotonicIncreasing(values) leaves a non-decreasing series unchanged and returns [] for []", () => {
    expect(isotonicIncreasing([0, 0, 5, 9])).toEqual([0, 0, 5, 9]);
    expect(isotonicIncreasing([])).toEqual([]);
  });
  it("isotonicIncreasing(values, weights) is non-decreasing and keeps the weighted sum (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 1, max: 10 })), {
          maxLength: 40,
        }),
        (pairs) => {
          const values = pairs.map((p) => p[0]);
          const weights = pairs.map((p) => p[1]);
          const fit = isotonicIncreasing(values, weights);
          for (let i = 1; i < fit.length; i++)
            expect(fit[i]!).toBeGreaterThanOrEqual(fit[i - 1]! - 1e-9);
          const sum = (xs: number[]) => xs.reduce((s, x, i) => s + x * weights[i]!, 0);
          expect(Math.abs(sum(fit) - sum(values))).toBeLessThan(1e-6);
        },
      ),
      { seed: 1 },
    );
  });
});
