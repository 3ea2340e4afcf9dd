/**
 * forecast.csv's people at a place and the nowcast's group size describe the same group: the runs
 * draw the size apart from the movement, so people at a place are read over all runs on the day
 * the median run arrives (src/forecast/forecast.ts), not over the arriving runs alone, whose
 * median wandered about the nowcast's size (tryout24 #12: as of 25 Nov 2018 Salvadoran group
 * Nov 18, nowcast 1,306, Tijuana 1,364).
 */
import { describe, expect, it } from "vitest";
import { embedded2018, forecastArrivals, nowcast } from "../../src/index.ts";
import { mulberry32 } from "../../src/util/random.ts";

describe("people at a place agree with the nowcast's size", () => {
  it("as of 25 Nov 2018, Salvadoran group Nov 18: every place's median people within 2 % of its size", () => {
    const data = embedded2018();
    const now = nowcast(data, { asOf: "2018-11-25" });
    const g = now.groups.find((x) => x.group === "Salvadoran group Nov 18")!;
    const f = forecastArrivals(now, { dataset: data, runs: 500, random: mulberry32(1) });
    const rows = f.arrivals.filter((a) => a.group === g.group && a.people);
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.some((a) => a.placeName === "Tijuana")).toBe(true);
    for (const a of rows)
      expect(Math.abs(a.people!.p50 / g.size!.median - 1), a.placeName).toBeLessThan(0.02);
  }, 120_000);
});
