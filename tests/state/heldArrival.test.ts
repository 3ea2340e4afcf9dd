/**
 * A group held after its data's end (`heldAfterData`: placed by the movement law alone) takes over
 * people counted at a place by the 40 km rule only when its interval's low end has reached the
 * place too (src/state/onRoad.ts heldReached: a held median passing through Mexico City once took
 * its 270 counted people, so the as-of in-transit figure dipped and rose again).
 */
import { describe, expect, it } from "vitest";
import { groupsOnRoad } from "../../src/index.ts";
import type { TrackPoint } from "../../src/index.ts";

const MEXICO_CITY = { lon: -99.13, lat: 19.43 };
/** A group of 1,000 whose median is ~10 km from Mexico City. */
const point = (kmLow: number, held: boolean): TrackPoint => ({
  group: "Salvadoran group Nov 18",
  date: "2018-12-03",
  routeId: "main",
  km: 1564,
  kmLow,
  kmHigh: 4219,
  lon: -99.2,
  lat: 19.5,
  size: 1000,
  sizeLow: 800,
  sizeHigh: 1300,
  ...(held ? { heldAfterData: true } : {}),
});
const counted = [{ placeName: "Mexico City", value: 270, ...MEXICO_CITY }];

describe("held days and the people counted at places", () => {
  it("an estimated day within 40 km of a place takes over its counted people", () => {
    const [g] = groupsOnRoad([point(1200, false)], counted, 40);
    expect(g!.onRoad).toBeCloseTo(730);
  });

  it("a held day whose interval reaches far behind the place leaves them there", () => {
    const [g] = groupsOnRoad([point(1200, true)], counted, 40);
    expect(g!.onRoad).toBe(1000);
    expect(g!.moving).toBe(1);
    // Where its median is stays the place it is at (the state's "travelling" people).
    expect(g!.area).toBe(0);
  });

  it("a held day whose low end has reached the place (narrow interval) arrives as an estimated day does", () => {
    const [g] = groupsOnRoad([point(1550, true)], counted, 40);
    expect(g!.onRoad).toBeCloseTo(730);
    // Its low end 14 km back and its median ~11 km away: 25 km, within the radius (34 + 11 not).
    const [far] = groupsOnRoad([point(1530, true)], counted, 40);
    expect(far!.onRoad).toBe(1000);
  });
});
