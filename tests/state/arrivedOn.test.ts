/** withArrivalDates: an arrived group's first day of its run of arrived days (the map's "arrived 17 Nov"). */
import { describe, expect, it } from "vitest";
import { withArrivalDates } from "../../src/state/buildState.ts";
import type { CorridorDay, GroupBody } from "../../src/index.ts";

const day = (date: string, status: GroupBody["status"]): CorridorDay =>
  ({
    date,
    groups: [{ group: "A", status } as GroupBody],
    places: [],
    totals: { departed: 0, inTransit: 0, presentAtPlaces: 0, returned: 0, onward: 0, unknown: 0 },
  }) as CorridorDay;

describe("withArrivalDates", () => {
  it("dates each arrived day from the first of its run; another status ends the run", () => {
    const days = withArrivalDates([
      day("2018-11-16", "on_road"),
      day("2018-11-17", "arrived"),
      day("2018-11-18", "arrived"),
      day("2018-11-19", "on_road"),
      day("2018-11-20", "arrived"),
    ]);
    expect(days.map((d) => d.groups[0]!.arrivedOn)).toEqual([
      undefined,
      "2018-11-17",
      "2018-11-17",
      undefined,
      "2018-11-20",
    ]);
  });
});
