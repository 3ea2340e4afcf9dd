import { describe, expect, it } from "vitest";
import { estimateTracks } from "../../src/estimate/estimateTracks.ts";
import { stayAnchors } from "../../src/estimate/stayAnchor.ts";
import type { GroupPosition } from "../../src/estimate/workGroup.ts";
import type { Place } from "../../src/model/place.ts";
import type { Sighting } from "../../src/model/sighting.ts";
import { at, dataset, on, report } from "./corridor.ts";

// Towns at km 100, 200 (the shelter) and 440 along `main`: the shelter's stretch of road
// reaches ~120 km ahead of it (a town's report is "nearer this town than any other").
const TOWNS: [string, number][] = [
  ["Uno", 100],
  ["Albergue", 200],
  ["Tres", 440],
];
const places: Place[] = TOWNS.map(([name, km]) => ({
  placeId: `T-${name}`,
  name,
  aliases: [],
  kind: "city",
  ...at(km),
}));

/** A report of group "A" naming a town, at noon of day `d`. */
function named(
  id: string,
  d: number,
  name: string,
  source: Sighting["sourceType"] = "dtm",
): Sighting {
  const { lon: _lon, lat: _lat, ...rest } = report(id, d, 0, 3000, source);
  return { ...rest, placeName: name };
}

// A labelled group walks in (days 1–4, ~50 km a day), stays at the shelter town on days 5–14 —
// named by a report every day — while reports of its body strung out ahead scatter 45–200 km
// ahead of it (within the town's stretch, which ends ~80 km ahead, and beyond) on most days; it
// walks on after the stay.
function shelterStay(alternate = false): Sighting[] {
  const sightings: Sighting[] = [];
  for (let d = 1; d <= 4; d++) sightings.push(report(`w${d}`, d, 2 + 50 * (d - 1), 3000));
  for (let d = 5; d <= 14; d++) {
    // `alternate`: the shelter counted by two organisations on alternating days, same figure.
    sightings.push(named(`s${d}`, d, "Albergue", alternate && d % 2 === 0 ? "ngo" : "dtm"));
    if (d % 2 === 1) sightings.push(report(`n${d}`, d, 245 + ((d * 23) % 30), 3000, "media"));
    if (d % 3 !== 0) sightings.push(named(`f${d}`, d, "Tres"));
  }
  for (let d = 15; d <= 18; d++) sightings.push(report(`w${d}`, d, 200 + 40 * (d - 14), 3000));
  return sightings;
}

describe("stayAnchor: a town named day after day holds the median person", () => {
  it("keeps the median person within a few tens of km of the shelter town through the stay", () => {
    const data = { ...dataset(shelterStay()), places };
    const tracks = estimateTracks(data).tracks;
    for (let d = 6; d <= 13; d++) expect(Math.abs(on(tracks, d).km - 200)).toBeLessThan(25);
    // Not held after the stay: the track follows the walk on.
    expect(on(tracks, 18).km).toBeGreaterThan(320);
  });

  it("keeps the stay when two organisations count the shelter with the same figure on alternating days", () => {
    // Not a stale story told again (repeats.ts): each organisation's count is its own running count.
    const tracks = estimateTracks({ ...dataset(shelterStay(true)), places }).tracks;
    for (let d = 6; d <= 13; d++) expect(Math.abs(on(tracks, d).km - 200)).toBeLessThan(25);
  });

  it("anchors the days from the first to the last naming of a town the body's reports lie ahead of", () => {
    // Town at km 200 (stretch 150–250) named on days 1, 3, 5; reports of the body ahead at 300.
    const pos = (day: number, km: number, fromPlace: boolean): GroupPosition =>
      ({ s: { t: day + 0.5, fromPlace }, km, off: 0 }) as GroupPosition;
    const positions = [
      pos(1, 200, true),
      pos(2, 300, false),
      pos(3, 200, true),
      pos(4, 320, false),
      pos(5, 200, true),
      pos(6, 400, false),
    ];
    const stretch = (km: number): [number, number] => [km - 50, km + 50];
    const body = positions.map(() => "body" as const);
    const anchors = stayAnchors({ positions }, body, stretch);
    expect([...anchors.keys()].sort()).toEqual([1, 2, 3, 4, 5]);
    expect(anchors.get(3)?.km).toBe(200);
    // Named once only, or with more reports behind the town than ahead of it: no anchor.
    expect(stayAnchors({ positions: positions.slice(0, 2) }, body, stretch).size).toBe(0);
    const behind = [...positions, pos(2, 100, false), pos(2, 90, false), pos(4, 100, false)];
    const evenly = stayAnchors({ positions: behind }, [...body, "body", "body", "body"], stretch);
    expect(evenly.has(3)).toBe(false);
    // A vanguard's namings do not anchor the group.
    const head = positions.map((p) => (p.s.fromPlace ? ("head" as const) : ("body" as const)));
    expect(stayAnchors({ positions }, head, stretch).size).toBe(0);
  });
});
