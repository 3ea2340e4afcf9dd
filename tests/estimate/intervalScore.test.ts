import { describe, expect, it } from "vitest";
import { ALPHA_90, intervalScore } from "../../src/check/intervalScore.ts";
import { scorePredictions } from "../../src/check/score.ts";
import type { HeldOutPrediction } from "../../src/check/score.ts";
import {
  emptySharpness,
  sharpFigures,
  sharpText,
  tallyInterval,
} from "../../bench/worlds/sharpness.ts";

describe("interval score (Gneiting–Raftery, alpha 0.1)", () => {
  it("is the width when the truth is inside, plus 20 × the miss outside", () => {
    expect(ALPHA_90).toBe(0.1);
    expect(intervalScore(10, 20, 15)).toBe(10);
    expect(intervalScore(10, 20, 10)).toBe(10);
    expect(intervalScore(10, 20, 25)).toBe(110);
    expect(intervalScore(10, 20, 7)).toBe(70);
    expect(intervalScore(10, 20, 25, 0.5)).toBe(30);
    expect(() => intervalScore(10, 20, 15, 0)).toThrow(RangeError);
  });

  it("prefers a narrow honest interval to a narrow miss, and a narrow miss to a useless width", () => {
    const truths = [95, 100, 105, 110, 90];
    const mean = (w: number) =>
      truths.reduce((a, x) => a + intervalScore(100 - w / 2, 100 + w / 2, x), 0) / truths.length;
    expect(mean(24)).toBe(24); // covers every truth: the score is the width
    expect(mean(2)).toBeCloseTo((82 + 2 + 82 + 182 + 182) / 5, 9); // misses pay 20 × the distance
    expect(mean(24)).toBeLessThan(mean(2));
    expect(mean(2)).toBeLessThan(mean(2000)); // covers too, but says nothing
  });

  it("is reported by the held-out check beside its cover (km, and log units for sizes)", () => {
    const p = (value: number, low90: number, high90: number): HeldOutPrediction => ({
      id: "s",
      group: "G",
      predictedFrom: "G",
      source: "media",
      part: "median",
      fold: 0,
      quantity: "km",
      value,
      predicted: (low90 + high90) / 2,
      low50: low90,
      high50: high90,
      low90,
      high90,
      pit: 0.5,
      score: 1,
    });
    const s = scorePredictions([p(100, 90, 110), p(130, 90, 110)]);
    expect(s.coverage90).toBe(0.5);
    expect(s.medianWidth90).toBe(20);
    expect(s.intervalScore90).toBe((20 + 20 + 20 * 20) / 2);
    const size = scorePredictions([{ ...p(1000, 500, 2000), quantity: "size" }]);
    expect(size.intervalScore90).toBeCloseTo(Math.log(4), 12);
  });
});

describe("bench sharpness (bench/worlds/sharpness.ts)", () => {
  it("gives the median width and mean interval score of each family", () => {
    const sh = emptySharpness();
    tallyInterval(sh.km, 0, 100, 50);
    tallyInterval(sh.km, 0, 300, 50);
    tallyInterval(sh.km, 0, 10, 20);
    tallyInterval(sh.size, 500, 2000, 1000, true);
    tallyInterval(sh.head, NaN, 10, 5); // not finite: skipped
    expect(sharpFigures(sh.km)).toEqual({
      medianWidth: 100,
      meanScore: (100 + 300 + 210) / 3,
      n: 3,
    });
    expect(sharpText(sh.km, "km")).toBe("median width 100 km, IS 203 km");
    expect(sharpText(sh.size, "size")).toBe("median high ÷ low ×4.00, IS 1.39 log");
    expect(sharpFigures(sh.head).n).toBe(0);
  });
});
