/**
 * The words of `dtm-flow forecast`'s summary lines (cli/forecast-summary.ts) on a small forecast
 * made by hand: a place behind most of the group whose p90 is past the horizon.
 */
import { describe, expect, it } from "vitest";
import { forecastSummaryLines } from "../../cli/forecast-summary.ts";
import type { ArrivalForecast, Forecast, Nowcast } from "../../src/index.ts";

const arrival = (over: Partial<ArrivalForecast>): ArrivalForecast => ({
  group: "G",
  routeId: "r",
  placeId: "p",
  placeName: "Place",
  placeKind: "city",
  km: 0,
  arrival: {},
  arrivalDate: {},
  probWithinHorizon: 0.9,
  ...over,
});

function linesFor(p90: string | undefined): string[] {
  const now = {
    asOf: 0.5,
    asOfDate: "2018-11-25",
    timeZone: "America/Mexico_City",
    groups: [{ group: "G", lastReportDate: "2018-11-25" }],
  } as unknown as Nowcast;
  const forecast = {
    horizonDays: 21,
    runs: 100,
    staleDays: 7,
    groups: [{ group: "G", routeId: "r", status: "on_road", lastDate: "2018-11-25", km: 10 }],
    arrivals: [
      arrival({
        placeName: "Los Mochis",
        km: 5,
        arrivalDate: { p10: "2018-11-25", p50: "2018-11-25", ...(p90 ? { p90 } : {}) },
        people: { p10: 1000, p50: 1150, p90: 1300 },
        mostPassed: true,
      }),
      arrival({ placeName: "Tijuana", km: 900, arrivalDate: { p50: "2018-12-05" } }),
    ],
  } as unknown as Forecast;
  return forecastSummaryLines(now, forecast);
}

describe("forecast summary text", () => {
  it("says the last may arrive AFTER the horizon when the p90 is past it, BY a date when it is not", () => {
    const after = linesFor(undefined).join("\n");
    expect(after).toContain(
      "Los Mochis: most already past (the last may arrive after the horizon)",
    );
    expect(after).not.toMatch(/arrive by beyond/);
    const by = linesFor("2018-11-28").join("\n");
    expect(by).toContain("Los Mochis: most already past (the last may arrive by 2018-11-28)");
  });

  it("says 'by now' for an arrival dated on or before the as-of day (data to its 24:00), en and es", () => {
    const now = {
      asOf: 0.5,
      asOfDate: "2018-11-20",
      timeZone: "America/Mexico_City",
      groups: [{ group: "G", lastReportDate: "2018-11-20" }],
    } as unknown as Nowcast;
    const forecast = {
      horizonDays: 14,
      runs: 100,
      staleDays: 7,
      groups: [{ group: "G", routeId: "r", status: "on_road", lastDate: "2018-11-20", km: 10 }],
      arrivals: [
        arrival({
          placeName: "Guadalajara",
          km: 20,
          arrivalDate: { p10: "2018-11-20", p50: "2018-11-21", p90: "2018-11-30" },
          headArrivalDate: { p10: "2018-11-20", p50: "2018-11-20", p90: "2018-11-27" },
        }),
      ],
    } as unknown as Forecast;
    const en = forecastSummaryLines(now, forecast).join("\n");
    expect(en).toContain(
      "Guadalajara: median person 2018-11-21 (p10 by now, p90 2018-11-30); first people by now (p10 by now, p90 2018-11-27)",
    );
    expect(en).not.toMatch(/2018-11-20 \(|p10 2018-11-20/);
    const es = forecastSummaryLines(now, forecast, "es").join("\n");
    expect(es).toContain("p10 ya a la fecha");
  });
});
