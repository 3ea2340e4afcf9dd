/**
 * An arrived group that falls silent (docs/ledger.md § Group status, "An arrived group that falls
 * silent"): its status stays `arrived` while the ledger counts its uncounted people `unknown`, not
 * `remaining` at its route's end. Pins what the docs say, so a change of either rule fails here.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildLedger } from "../../src/ledger/buildLedger.ts";
import { createRouteIndex } from "../../src/geo/routeIndex.ts";
import type { TrackPoint } from "../../src/model/track.ts";
import { groupDayStatus, MAX_SILENCE_DAYS } from "../../src/index.ts";
import { dataset, PLACES, track } from "./fixtures.ts";
import { oneRoute } from "../oneRoute.ts";

const routes = oneRoute([
  [-88.03, 15.5],
  [-117.0037, 32.5027],
]);
const length = createRouteIndex(routes).lengthKm("main");
const tijuana = PLACES[0]!;
const DAY = "2018-12-20";
/** Group A at its route's end (km `length` − 5) on DAY with 1,000 people. */
const atEnd: TrackPoint[] = track("A", [DAY], 1000, tijuana).map((p) => ({
  ...p,
  km: length - 5,
  kmLow: length - 10,
  kmHigh: length,
}));
const ledger = (lastReportDate: string) =>
  buildLedger({
    dataset: dataset([], { routes }),
    tracks: atEnd,
    trackEnds: [{ group: "A", lastReportDate, lastDate: DAY, reason: "end_of_data" }],
  });
const value = (split: { category: string; value: number }[], c: string) =>
  split.filter((r) => r.category === c).reduce((n, r) => n + r.value, 0);

describe("an arrived group that falls silent", () => {
  it("reported 10 days before: arrived, its people remaining at the place at its route's end", () => {
    expect(
      groupDayStatus({
        date: DAY,
        km: length - 5,
        routeLengthKm: length,
        lastReportDate: "2018-12-10",
      }),
    ).toBe("arrived");
    const { split } = ledger("2018-12-10");
    // No count of it at arrival: its interval's low end (800) is held there, 200 unknown.
    expect(value(split, "remaining")).toBe(800);
    expect(value(split, "unknown")).toBe(200);
  });

  it(`silent for more than ${MAX_SILENCE_DAYS} days: still arrived, its people unknown`, () => {
    expect(
      groupDayStatus({
        date: DAY,
        km: length - 5,
        routeLengthKm: length,
        lastReportDate: "2018-11-20",
      }),
    ).toBe("arrived");
    const { split, groups } = ledger("2018-11-20");
    expect(value(split, "remaining")).toBe(0);
    expect(value(split, "in_transit")).toBe(0);
    expect(value(split, "unknown")).toBe(1000);
    expect(groups.find((g) => g.group === "A")).toMatchObject({
      onRoad: 0,
      unseenSince: "2018-11-20",
    });
  });

  it("docs/ledger.md says so", () => {
    const doc = readFileSync("docs/ledger.md", "utf8").replace(/\s+/g, " ");
    expect(doc).toContain("**An arrived group that falls silent.**");
    expect(doc).toMatch(/stays `arrived` after its last report is more than 21 days old/);
    expect(doc).toMatch(/its people that no count at the place holds are `unknown`/);
  });
});
