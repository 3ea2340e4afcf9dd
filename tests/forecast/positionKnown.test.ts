/**
 * A group silent for more than a week whose 90 % km interval is wider than 1,000 km names no
 * place (src/state/positionUnknown.ts); a dissolved or position-unknown group is placed where it
 * was last reported (forecast `GroupStatus.placedDate`), not where its track ran on to.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { forecastSummaryLines } from "../../cli/forecast-summary.ts";
import {
  embedded2018,
  forecastArrivals,
  nowcast,
  POSITION_UNKNOWN_KM,
  positionUnknown,
  SILENT_DAYS,
} from "../../src/index.ts";
import type { Forecast, Nowcast } from "../../src/index.ts";

describe("the rule", () => {
  it("more than 7 days without a report AND an interval wider than 1,000 km", () => {
    expect([SILENT_DAYS, POSITION_UNKNOWN_KM]).toEqual([7, 1000]);
    expect(positionUnknown({ low: 189, high: 4219 }, "2018-11-01", "2018-11-20")).toEqual({
      days: 19,
      kmLow: 189,
      kmHigh: 4219,
    });
    // Reported within the week: its place is named, however wide the interval.
    expect(positionUnknown({ low: 0, high: 4219 }, "2018-11-13", "2018-11-20")).toBeUndefined();
    // Silent, but its interval narrow enough to name a place.
    expect(positionUnknown({ low: 2000, high: 2900 }, "2018-11-01", "2018-11-20")).toBeUndefined();
    expect(positionUnknown({ low: 0, high: 4219 }, undefined, "2018-11-20")).toBeUndefined();
  });
});

describe("2018 as of 20 Nov and 5 Dec", () => {
  let now20: Nowcast;
  let fc20: Forecast;
  let fc05: Forecast;
  beforeAll(() => {
    const dataset = embedded2018();
    now20 = nowcast(dataset, { asOf: "2018-11-20" });
    fc20 = forecastArrivals(now20, { dataset, runs: 50 });
    fc05 = forecastArrivals(nowcast(dataset, { asOf: "2018-12-05" }), {
      dataset,
      runs: 50,
    });
  }, 300_000);

  it("Salvadoran caravan 1 (last report 1 Nov): position unknown as of 18 Nov, placed where last reported; taken in at Tijuana as of 20 Nov", () => {
    const dataset = embedded2018();
    const now18 = nowcast(dataset, { asOf: "2018-11-18" });
    const fc18 = forecastArrivals(now18, { dataset, runs: 50 });
    const g = fc18.groups.find((x) => x.group === "Salvadoran caravan 1")!;
    expect(g.status).toBe("on_road");
    expect(g.positionUnknown?.days).toBe(17);
    expect(g.positionUnknown!.kmHigh - g.positionUnknown!.kmLow).toBeGreaterThan(1000);
    expect(g.placedDate).toBe("2018-11-01");
    const lines18 = forecastSummaryLines(now18, fc18).join("\n");
    expect(lines18).toContain(
      "Salvadoran caravan 1: on the road, no report for 17 days; position unknown (km",
    );
    // No place ahead named for it ("747 people at Escuinapa today").
    expect(lines18).not.toMatch(/Escuinapa: .*first people already there/);
    // As of 20 Nov Tijuana's count holds people beyond Honduran caravan 1 within its reach
    // (src/state/takenIn.ts): it is accounted for there, not moved on.
    expect(fc20.groups.find((x) => x.group === "Salvadoran caravan 1")!.status).toBe(
      "accounted_for",
    );
    const lines = forecastSummaryLines(now20, fc20).join("\n");
    // A group reported 2 days before keeps its place.
    const recent = fc20.groups.find((x) => x.group === "Salvadoran group Nov 18")!;
    expect(recent.positionUnknown).toBeUndefined();
    expect(lines).toContain("Salvadoran group Nov 18: on the road, estimated near Retalhuleu");
  });

  it("a dissolved group is placed on its last report's day, not at its track's end", () => {
    const g = fc05.groups.find((x) => x.group === "Honduran caravan 2")!;
    expect(g.status).toBe("dissolved");
    expect(g.placedDate).toBe("2018-11-13");
    // Its track ran on to 29 Nov (near Guasave, km ~3,160); on 13 Nov it was near Mexico City.
    expect(g.km).toBeLessThan(2000);
    expect(g.placeName).toBe("Mexico City");
  });
});
