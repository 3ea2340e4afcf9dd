/**
 * "Position unknown" is one rule of the state per group-day (src/state/positionUnknown.ts): the
 * state's places put no such group "travelling through" a named town, and the forecast's nowcast,
 * listedArrivals and forecast.csv read the same rule (review 24b H1/H2: as of 3 Dec 2018 the state
 * had "Irapuato travelling through 1,272" for Salvadoran group Nov 18, last reported 18 Nov, km
 * 288–4,219, while the forecast said "position unknown").
 */
import { beforeAll, describe, expect, it } from "vitest";
import {
  embedded2018,
  forecastArrivals,
  groupDayPositionUnknown,
  listedArrivals,
  nowcast,
} from "../../src/index.ts";
import type { Forecast } from "../../src/index.ts";
import { runReplay } from "../../src/replay/replay.ts";
import type { CorridorDay } from "../../src/state/types.ts";

describe("the group-day rule", () => {
  it("only a group on the road, silent > 7 days, interval > 1,000 km", () => {
    const p = { date: "2018-12-03", kmLow: 288, kmHigh: 4219 };
    expect(groupDayPositionUnknown(p, "on_road", "2018-11-18")).toEqual({
      days: 15,
      kmLow: 288,
      kmHigh: 4219,
    });
    expect(groupDayPositionUnknown(p, "dissolved", "2018-11-18")).toBeUndefined();
    expect(groupDayPositionUnknown(p, "on_road", "2018-11-28")).toBeUndefined();
  });
});

describe("2018 as of 3 Dec: the state and the forecast say the same", () => {
  let day: CorridorDay;
  let fc: Forecast;
  beforeAll(() => {
    const dataset = embedded2018();
    const replay = runReplay(dataset, { asOf: "2018-12-03" });
    day = replay.state.find((d) => d.date === "2018-12-03")!;
    fc = forecastArrivals(nowcast(dataset, { asOf: "2018-12-03" }), { dataset, runs: 30 });
  }, 600_000);

  it("Salvadoran group Nov 18 is in transit at no named place", () => {
    const g = day.groups.find((x) => x.group === "Salvadoran group Nov 18")!;
    expect(g.status).toBe("on_road");
    expect(g.positionUnknown?.days).toBe(15);
    expect(g.atPlace).toBeUndefined();
    expect(g.onRoad).toBeGreaterThan(0);
    // No town has anyone travelling through from a group whose position is unknown.
    const unknown = day.groups.filter((x) => x.positionUnknown && x.onRoad > 0);
    expect(unknown.length).toBeGreaterThan(0);
    const travelling = day.places.reduce((s, p) => s + p.travelling, 0);
    const known = day.groups.filter((x) => !x.positionUnknown).reduce((s, x) => s + x.onRoad, 0);
    expect(travelling).toBeLessThanOrEqual(known + 1e-6);
    expect(day.places.find((p) => p.placeName === "Irapuato")).toBeUndefined();
    // Conserved: its people are still in transit.
    const t = day.totals;
    expect(t.inTransit + t.presentAtPlaces + t.returned + t.onward + t.unknown).toBe(t.departed);
    expect(t.inTransit).toBeGreaterThanOrEqual(Math.floor(g.onRoad));
  });

  it("the forecast's groups carry the state's positionUnknown; no place is listed for them", () => {
    for (const g of day.groups.filter((x) => x.status === "on_road")) {
      const f = fc.groups.find((x) => x.group === g.group)!;
      expect(f.positionUnknown, g.group).toEqual(g.positionUnknown);
      if (!g.positionUnknown) continue;
      const rows = fc.arrivals.filter((a) => a.group === g.group);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((a) => a.positionUnknown === true)).toBe(true);
      expect(listedArrivals(fc.arrivals, g.group, { ahead: 1 })).toEqual([]);
    }
  });
});
