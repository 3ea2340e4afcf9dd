/**
 * People at places whom the figures attribute to a tracked group are its people arriving
 * (src/ledger/groupFigures.ts through groupsOnRoad, src/state/onRoad.ts): they leave its people on
 * the road wherever its track is, and only what they exceed the group by is beyond it.
 */
import { describe, expect, it } from "vitest";
import { areaGroups, dayNumber, embedded2018, groupsOnRoad } from "../../src/index.ts";
import type { TrackPoint } from "../../src/index.ts";
import { createGazetteer } from "../../src/geo/gazetteer.ts";
import { buildTree } from "../../src/ledger/tree.ts";

const TIJUANA = { lon: -117.02, lat: 32.51 };
const MEXICALI = { lon: -115.45, lat: 32.62 };
const point = (group: string, size: number, at = TIJUANA): TrackPoint => ({
  group,
  date: "2018-11-19",
  routeId: "main",
  km: 4500,
  kmLow: 4400,
  kmHigh: 4600,
  ...at,
  size,
  sizeLow: size * 0.7,
  sizeHigh: size * 1.5,
});

describe("people at places from a tracked group", () => {
  it("leave the group's people on the road wherever its track is; beyond its size is `beyond`", () => {
    const [a] = groupsOnRoad(
      [point("A", 5000)],
      [{ placeName: "Mexicali", value: 3000, ...MEXICALI, group: "A" }],
      40,
    );
    // Mexicali is ~150 km from the track: by distance alone all 5,000 would stay on the road.
    expect(a).toMatchObject({ onRoad: 2000, beyond: 0, area: -1 });
    expect(a!.onRoadHigh).toBeCloseTo(2000 * 1.5);
    const [b] = groupsOnRoad(
      [point("A", 5000)],
      [
        { placeName: "Mexicali", value: 3000, ...MEXICALI, group: "A" },
        { placeName: "Tijuana", value: 3000, ...TIJUANA, group: "A" },
      ],
      40,
    );
    expect(b).toMatchObject({ onRoad: 0, beyond: 1000 });
  });

  it("leaves the people beyond a group to the other groups near the place, never counting them twice", () => {
    const [a, b] = groupsOnRoad(
      [point("A", 5000), point("B", 2000)],
      [{ placeName: "Tijuana", value: 6000, ...TIJUANA, group: "A" }],
      40,
    );
    expect(a).toMatchObject({ onRoad: 0, beyond: 1000 });
    // 1,000 people at Tijuana beyond A: half of B's 2,000 have arrived.
    expect(b!.onRoad).toBeCloseTo(1000);
    // A place naming a group with no track that day is an ordinary place (the 40 km rule).
    const [c] = groupsOnRoad(
      [point("B", 2000)],
      [{ placeName: "Tijuana", value: 500, ...TIJUANA, group: "A" }],
      40,
    );
    expect(c).toMatchObject({ onRoad: 1500, beyond: 0 });
  });

  it("attributes a place by its latest figures on the 2018 data", () => {
    const data = embedded2018();
    const tree = buildTree(data.stocks, createGazetteer(data.places), 40, {}, Infinity);
    const areas = areaGroups(tree.entries, data.stocks);
    const day = (d: string) => dayNumber(d)!;
    expect(areas.groupOf("Mexicali", day("2018-11-19"))).toBe("Honduran caravan 1");
    expect(areas.groupOf("Mexicali", day("2018-11-20"))).toBe("Honduran caravan 1");
    expect(areas.rowsOf("Mexicali", day("2018-11-20"))).toEqual([26]);
    // The last 650 in Mexico City (19 Nov) are named by no group; nothing before a first figure.
    expect(areas.groupOf("Mexico City", day("2018-11-19"))).toBeUndefined();
    expect(areas.groupOf("Mexicali", day("2018-11-18"))).toBeUndefined();
  });
});
