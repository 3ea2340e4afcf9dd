/**
 * A silent group whose 90 % km interval reaches its destination is taken in by the count there,
 * up to the people that count holds beyond the groups placed there (src/state/takenIn.ts); no one
 * is added, a count is never read twice, and once taken in a group stays so.
 */
import { describe, expect, it } from "vitest";
import { groupsOnRoad } from "../../src/index.ts";
import type { TrackPoint } from "../../src/index.ts";
import { isSilent } from "../../src/state/takenIn.ts";
import type { TakeIn } from "../../src/state/takenIn.ts";

const TIJUANA = { lon: -117.0, lat: 32.5 };
/** A group of `size` far from Tijuana (km 3,000 of 4,521) whose interval reaches `kmHigh`. */
const point = (group: string, date: string, size: number, kmHigh = 4521.5): TrackPoint => ({
  group,
  date,
  routeId: "main",
  km: 3000,
  kmLow: 2000,
  kmHigh,
  lon: -108.0,
  lat: 25.8,
  size,
  sizeLow: size * 0.6,
  sizeHigh: size * 1.6,
});
const take = (): TakeIn => ({
  reachedEnd: (p) => (p.kmHigh >= 4521.5 - 20 ? "Tijuana" : undefined),
  memory: new Map(),
});
const reports = new Map([
  ["A", "2018-11-13"],
  ["B", "2018-11-13"],
  ["H", "2018-11-29"],
]);
const tijuana = (value: number, group?: string) => [
  { placeName: "Tijuana", value, ...TIJUANA, ...(group ? { group } : {}) },
];

describe("silent groups taken in by the count at their destination", () => {
  it("silent means more than 7 days after the last report", () => {
    expect(isSilent({ date: "2018-11-20" }, "2018-11-13")).toBe(false);
    expect(isSilent({ date: "2018-11-21" }, "2018-11-13")).toBe(true);
    expect(isSilent({ date: "2018-11-21" }, undefined)).toBe(false);
  });

  it("takes in at most the people the count holds beyond its own group, never adding anyone", () => {
    // Tijuana counts 6,000 of group H (size 5,000 at Tijuana): 1,000 beyond H.
    const h: TrackPoint = {
      ...point("H", "2018-11-25", 5000),
      km: 4521.5,
      kmLow: 4521.5,
      ...TIJUANA,
    };
    const [, a] = groupsOnRoad(
      [h, point("A", "2018-11-25", 800)],
      tijuana(6000, "H"),
      40,
      reports,
      take(),
    );
    expect(a!.takenIn).toBe(1);
    expect(a!.takenInPlace).toBe("Tijuana");
    expect(a!.onRoad).toBe(0);
    // A group of 2,000: only half of it fits in the 1,000 beyond H; the rest stays on the road.
    const [, big] = groupsOnRoad(
      [h, point("A", "2018-11-25", 2000)],
      tijuana(6000, "H"),
      40,
      reports,
      take(),
    );
    expect(big!.takenIn).toBeCloseTo(0.5);
    expect(big!.onRoad).toBeCloseTo(1000);
  });

  it("two silent groups share the people left over in proportion to their sizes", () => {
    const [a, b] = groupsOnRoad(
      [point("A", "2018-11-25", 1000), point("B", "2018-11-25", 3000)],
      tijuana(2000),
      40,
      reports,
      take(),
    );
    expect(a!.takenIn).toBeCloseTo(0.5);
    expect(b!.takenIn).toBeCloseTo(0.5);
    expect(a!.onRoad + b!.onRoad).toBeCloseTo(2000);
  });

  it("a group reported within the week, or whose interval does not reach the end, stays on the road", () => {
    const [recent] = groupsOnRoad(
      [point("A", "2018-11-19", 800)],
      tijuana(2000),
      40,
      reports,
      take(),
    );
    expect(recent!.takenIn).toBeUndefined();
    expect(recent!.onRoad).toBe(800);
    const [short] = groupsOnRoad(
      [point("A", "2018-11-25", 800, 3500)],
      tijuana(2000),
      40,
      reports,
      take(),
    );
    expect(short!.takenIn).toBeUndefined();
    expect(short!.onRoad).toBe(800);
  });

  it("once taken in, a group stays taken in when the count falls (its people leave the count for unknown), and after it is unseen", () => {
    const t = take();
    groupsOnRoad([point("A", "2018-11-25", 800)], tijuana(2000), 40, reports, t);
    const [fell] = groupsOnRoad([point("A", "2018-11-26", 800)], tijuana(100), 40, reports, t);
    expect(fell!.takenIn).toBe(1);
    expect(fell!.onRoad).toBe(0);
    // 13 Nov + 21 days: unseen from 5 Dec, but accounted for at Tijuana, not "not seen since".
    const [late] = groupsOnRoad([point("A", "2018-12-06", 800)], [], 40, reports, t);
    expect(late!.takenIn).toBe(1);
    expect(late!.unseenSince).toBeUndefined();
    // A group never taken in is unseen then.
    const [other] = groupsOnRoad([point("B", "2018-12-06", 800)], [], 40, reports, t);
    expect(other!.unseenSince).toBe("2018-11-13");
  });

  it("without the rule (no takeIn given) nothing changes", () => {
    const [a] = groupsOnRoad([point("A", "2018-11-25", 800)], tijuana(2000), 40, reports);
    expect(a!.takenIn).toBeUndefined();
    expect(a!.onRoad).toBe(800);
  });
});
