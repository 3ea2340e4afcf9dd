import { describe, expect, it } from "vitest";
import { peakNoteText, peakTwoModed } from "../../src/index.ts";

const place = (probability: number, p10: number, p50: number, p90: number, reach = 1) => ({
  peakDate: { probability },
  firstArrival: { probability: reach },
  peakPeople: { p10, p50, p90 },
});

describe("a two-moded peak", () => {
  it("is one with people present in 35–65 % of runs and a p90 of at least one person", () => {
    expect(peakTwoModed(place(0.5, 0, 3, 1900))).toBe(true);
    expect(peakTwoModed(place(0.35, 0, 0, 527))).toBe(true);
    expect(peakTwoModed(place(0.65, 0, 304, 387))).toBe(true);
    // Most runs have people there (Tapachula, tecun-uman scenario: 84 %): the p50 stays a
    // stopping run's peak whatever the run count.
    expect(peakTwoModed(place(0.84, 0, 1624, 3723))).toBe(false);
    expect(peakTwoModed(place(0.66, 0, 300, 400))).toBe(false);
    // Few runs have people there (Sonsonate, backtest scenario: 14 %): the p50 stays 0.
    expect(peakTwoModed(place(0.14, 0, 0, 463))).toBe(false);
    expect(peakTwoModed(place(0.34, 0, 0, 400))).toBe(false);
    expect(peakTwoModed(place(1, 2000, 3000, 4000))).toBe(false);
    expect(peakTwoModed(place(0.5, 0, 0, 0))).toBe(false);
  });

  it("says people are present in N % of runs, what the others do, and to plan with the p90", () => {
    // Every run reaches the place: in the runs with nobody present, the groups passed through.
    expect(peakNoteText(place(0.5, 0, 3, 1900), "en")).toBe(
      "people present in 50 % of runs, in the others the groups pass through without stopping: the median of the runs' peaks falls between 0 and a stopping run's peak, so it changes with the number of runs; plan with the p90 (1,900).",
    );
    expect(peakNoteText(place(0.5, 0, 3, 1900), "es")).toMatch(
      /^hay personas presentes en el 50 % de las corridas, en las demás los grupos pasan sin detenerse: .* planifique con el p90 \(1[.,\s]?900\)\.$/,
    );
    // Only the runs with people present reach it: nobody in the others.
    expect(peakNoteText(place(0.4, 0, 0, 800, 0.4), "en")).toMatch(
      /^people present in 40 % of runs, nobody in the others: /,
    );
    expect(peakNoteText(place(0.4, 0, 0, 800, 0.4), "es")).toMatch(
      /^hay personas presentes en el 40 % de las corridas, nadie en las demás: /,
    );
    // No "a whole group": the p90 of a stopping run's peak may be far from a group's size.
    expect(peakNoteText(place(0.5, 0, 3, 1900), "en")).not.toMatch(/whole group/);
    expect(peakNoteText(place(0.84, 0, 1624, 3723), "en")).toBeUndefined();
    expect(peakNoteText(place(1, 2000, 3000, 4000), "en")).toBeUndefined();
  });
});
