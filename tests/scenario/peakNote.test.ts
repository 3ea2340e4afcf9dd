import { describe, expect, it } from "vitest";
import { peakNoteText, peakTwoModed } from "../../src/index.ts";

const place = (probability: number, p10: number, p50: number, p90: number) => ({
  peakDate: { probability },
  peakPeople: { p10, p50, p90 },
});

describe("a two-moded peak", () => {
  it("is one with 10–90 % of runs at a peak of 0 and a p90 of at least one person", () => {
    expect(peakTwoModed(place(0.84, 0, 1624, 3723))).toBe(true);
    expect(peakTwoModed(place(0.9, 0, 1624, 3723))).toBe(true);
    expect(peakTwoModed(place(0.1, 0, 0, 300))).toBe(true);
    // Every run or nearly every run stops there: one mode, the p50 is stable.
    expect(peakTwoModed(place(1, 2000, 3000, 4000))).toBe(false);
    expect(peakTwoModed(place(0.95, 100, 3000, 4000))).toBe(false);
    // Nearly no run stops there.
    expect(peakTwoModed(place(0.05, 0, 0, 0))).toBe(false);
    expect(peakTwoModed(place(0.5, 0, 0, 0))).toBe(false);
  });

  it("gets a note in English and Spanish: anyone present in N % of runs; plan with the p90", () => {
    expect(peakNoteText(place(0.84, 0, 1624, 3723), "en")).toBe(
      "anyone present in 84 % of runs, nobody in the others: the runs' peaks spread from 0 to a whole group, so their median changes with the number of runs; plan with the p90 (3,723).",
    );
    expect(peakNoteText(place(0.84, 0, 1624, 3723), "es")).toMatch(
      /^hay alguien presente en el 84 % de las corridas y nadie en las demás: .* planifique con el p90 \(3[.,\s]?723\)\.$/,
    );
    expect(peakNoteText(place(1, 2000, 3000, 4000), "en")).toBeUndefined();
  });
});
