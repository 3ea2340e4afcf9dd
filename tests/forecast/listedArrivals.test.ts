import { describe, expect, it } from "vitest";
import { listedArrivals } from "../../src/index.ts";

// Places 0..9 at 100 km steps; 0–3 behind most of the group; the route's end (9) has 5 % chance.
const arrivals = Array.from({ length: 10 }, (_, i) => ({
  group: "A",
  place: `P${i}`,
  km: 100 * i,
  prob: i === 9 ? 0.05 : i === 6 ? 0.02 : 0.9,
  ...(i < 4 ? { mostPassed: true as const } : {}),
}));
// Another group's rows, shuffled in: never listed for "A".
const mixed = [
  ...arrivals.slice(5),
  { group: "B", place: "X", km: 50, prob: 1 },
  ...arrivals.slice(0, 5),
];
const names = (rows: { place: string }[]) => rows.map((r) => r.place);
const probOf = (a: { prob: number }) => a.prob;

describe("listedArrivals", () => {
  it("keeps the place just passed (the nearest behind), the places ahead and the route's end", () => {
    expect(names(listedArrivals(mixed, "A"))).toEqual(["P3", "P4", "P5", "P6", "P7", "P8", "P9"]);
  });

  it("keeps the route's end whatever its chance; minProb drops the others below it", () => {
    expect(names(listedArrivals(mixed, "A", { minProb: 0.1, probOf }))).toEqual([
      "P3",
      "P4",
      "P5",
      "P7",
      "P8",
      "P9",
    ]);
  });

  it("cuts to the first places ahead (the CLI's summary) or to a most rows, keeping the end", () => {
    expect(names(listedArrivals(mixed, "A", { ahead: 1 }))).toEqual(["P3", "P4", "P9"]);
    expect(names(listedArrivals(mixed, "A", { maxRows: 3 }))).toEqual(["P3", "P4", "P9"]);
    expect(names(listedArrivals(mixed, "A", { maxRows: 1 }))).toEqual(["P9"]);
  });

  it("lists nothing for a group without arrivals and asks for probOf with minProb", () => {
    expect(listedArrivals(mixed, "C")).toEqual([]);
    expect(() => listedArrivals(mixed, "A", { minProb: 0.1 })).toThrow(/probOf/);
  });
});
