/**
 * The state's arrival radius is the corridor's place-snapping distance, one named constant: a
 * group as close to its route's end as a place may be to a route to count as on it has arrived.
 */
import { describe, expect, it } from "vitest";
import { ARRIVAL_KM, buildCorridor, groupDayStatus, PLACE_SNAP_KM } from "../../src/index.ts";
import type { Place } from "../../src/model/place.ts";
import { KM_PER_DEGREE, syntheticDataset } from "../scenario/fixture.ts";

describe("one distance for 'at the place'", () => {
  it("ARRIVAL_KM reads PLACE_SNAP_KM (20 km)", () => {
    expect(PLACE_SNAP_KM).toBe(20);
    expect(ARRIVAL_KM).toBe(PLACE_SNAP_KM);
  });

  it("buildCorridor snaps a place just inside PLACE_SNAP_KM of the road, not one just outside", () => {
    const dataset = syntheticDataset();
    // The main route runs along the equator; these two towns sit north of it, at km 450.
    const town = (placeId: string, offKm: number): Place => ({
      placeId,
      name: `Town ${placeId}`,
      aliases: [],
      country: "MEX",
      lat: offKm / KM_PER_DEGREE,
      lon: 450 / KM_PER_DEGREE,
      kind: "city",
    });
    dataset.places.push(town("IN", PLACE_SNAP_KM - 1), town("OUT", PLACE_SNAP_KM + 1));
    const corridor = buildCorridor(dataset);
    expect(corridor.indexOf.has("IN")).toBe(true);
    expect(corridor.indexOf.has("OUT")).toBe(false);
  });

  it("a group arrives within ARRIVAL_KM of its route's end, not beyond it", () => {
    const at = (km: number) =>
      groupDayStatus({ date: "2018-11-20", km, routeLengthKm: 1000, lastReportDate: "2018-11-19" });
    expect(at(1000 - PLACE_SNAP_KM + 1)).toBe("arrived");
    expect(at(1000 - PLACE_SNAP_KM - 1)).toBe("on_road");
  });
});
