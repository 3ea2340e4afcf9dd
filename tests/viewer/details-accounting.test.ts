/**
 * The details panel says how an arrived group's people are accounted on the day (read
 * from the state's facts on the frame), never its estimated size as if it were people at a place.
 */
import { describe, expect, it } from "vitest";
import { groupDetails } from "../../viewer/charts/details.ts";
import type { GroupTrack, TrackFrame } from "../../viewer/data/replay.ts";
import { toSvgString } from "../../viewer/render/vnode.ts";

const frame = (extra: Partial<TrackFrame>): TrackFrame => ({
  t: 58,
  date: "2018-12-10",
  lon: -117,
  lat: 32.5,
  routeId: "main",
  km: 4522,
  kmLow: 4500,
  kmHigh: 4522,
  tailKm: 4522,
  headKm: 4522,
  size: 5994,
  sizeLow: 3776,
  sizeHigh: 9739,
  band: [],
  ...extra,
});
const group = (f: TrackFrame): GroupTrack => ({
  id: "g",
  label: "Honduran caravan 1",
  colour: 0,
  frames: [f],
  reports: [],
});
const places = [
  { name: "Tijuana", nameEs: "Tijuana" },
  { name: "Mexico City", nameEs: "Ciudad de México" },
];

describe("details panel: how a group's people are accounted", () => {
  it("an arrived group whose people the counts hold: counted at places, not by its size", () => {
    const f = frame({ status: "arrived", arrivedOn: "2018-11-17", atPlace: "Tijuana", onRoad: 0 });
    const text = toSvgString(groupDetails(group(f), 58.5, "en", "2018-10-12", places));
    expect(text).toMatch(
      /data-status="arrived"[^>]*>Arrived on 17 Nov: its people are now counted at places \(present at Tijuana/,
    );
    expect(text).toContain("keeps reading reports that name the group after it arrived");
    const es = toSvgString(groupDetails(group(f), 58.5, "es", "2018-10-12", places));
    expect(es).toMatch(
      /Llegó el 17 nov\.?: sus personas ya se cuentan en los lugares \(presentes en Tijuana/,
    );
  });
  it("an arrived group held at its destination: the held people, estimated, not counted", () => {
    const f = frame({
      status: "arrived",
      arrivedOn: "2018-11-17",
      atDestination: 1110,
      atDestinationPlace: "Mexico City",
      onRoad: 0,
    });
    const es = toSvgString(groupDetails(group(f), 58.5, "es", "2018-10-12", places));
    expect(es).toContain(
      "1,110 de sus personas, que ningún conteo en Ciudad de México incluye aún",
    );
  });
  it("a group on the road: its people on the road (the ledger's in transit)", () => {
    const f = frame({ status: "on_road", onRoad: 1672.6 });
    const text = toSvgString(groupDetails(group(f), 58.5, "en", "2018-10-12", places));
    expect(text).toMatch(/data-status="on_road"[^>]*>1,673</);
    expect(text).not.toContain("Arrived on");
  });
});
