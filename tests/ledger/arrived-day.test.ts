/**
 * The day of a report counted at a group's arrival is its local day in the run's time zone, as the
 * estimator reads it, not the first ten characters of its timestamp.
 */
import { describe, expect, it } from "vitest";
import { countedAtArrival } from "../../src/ledger/arrived.ts";
import type { Sighting, TrackPoint } from "../../src/index.ts";

const TIJUANA = { placeName: "Tijuana", lon: -117.02, lat: 32.53 };
const report = (observedAt: string, sizeBest: number): Sighting =>
  ({ observedAt, sizeBest, caravanLabel: "LGBT", lon: -117.02, lat: 32.53 }) as Sighting;
const point = (date: string) => ({ group: "LGBT", date }) as TrackPoint;

describe("countedAtArrival", () => {
  // 03:00 UTC on 12 Nov is 21:00 on 11 Nov in Mexico City.
  const sightings = [report("2018-11-10T18:00:00Z", 90), report("2018-11-12T03:00:00Z", 80)];

  it("reads a report's day in the time zone given", () => {
    const mx = countedAtArrival(sightings, 40, "America/Mexico_City");
    expect(mx(point("2018-11-11"), TIJUANA)?.value).toBe(80);
    const utc = countedAtArrival(sightings, 40, "UTC");
    expect(utc(point("2018-11-11"), TIJUANA)?.value).toBe(90);
    expect(utc(point("2018-11-12"), TIJUANA)?.value).toBe(80);
  });

  it("defaults to the dataset default zone (America/Mexico_City)", () => {
    expect(countedAtArrival(sightings, 40)(point("2018-11-11"), TIJUANA)?.value).toBe(80);
  });
});
