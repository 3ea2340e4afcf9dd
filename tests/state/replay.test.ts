import { describe, expect, it } from "vitest";
import { embedded2018, EMBEDDED_2018_NAME } from "../../src/embedded/index.ts";
import { assembleDataset } from "../../src/replay/assembleDataset.ts";
import { runReplay } from "../../src/replay/replay.ts";
import type { Place } from "../../src/model/place.ts";
import type { Sighting } from "../../src/model/sighting.ts";
import type { RouteCollection } from "../../src/model/route.ts";
import { dataset } from "../ledger/fixtures.ts";

const base = embedded2018();

describe("assembleDataset", () => {
  it("no file gives the base", () => {
    const d = assembleDataset([], base);
    expect(d.name).toBe(EMBEDDED_2018_NAME);
    expect(d.sightings).toBe(base.sightings);
    expect(d.aggregates).toBe(base.aggregates);
  });

  it("places go in front of the base's, a redefined placeId replaces the base's place", () => {
    const tij = base.places.find((p) => p.name === "Tijuana")!;
    const mine: Place[] = [
      { ...tij, capacity: 1 },
      { ...tij, placeId: "X-NEW", name: "Nueva" },
    ];
    const d = assembleDataset([{ name: "p.csv", kind: "places", records: mine }], base);
    expect(d.places.slice(0, 2)).toEqual(mine);
    expect(d.places.filter((p) => p.placeId === tij.placeId)).toHaveLength(1);
    expect(d.name).toBe(`p.csv + ${EMBEDDED_2018_NAME}`);
    expect(d.stocks).toBe(base.stocks);
  });

  it("any movement table replaces all three of the base's and drops its aggregates", () => {
    const s = { ...base.sightings[0]! } as Sighting;
    const routes: RouteCollection = {
      type: "FeatureCollection",
      features: [base.routes.features[0]!],
    };
    const d = assembleDataset(
      [
        { name: "a.csv", kind: "sightings", records: [s] },
        { name: "b.csv", kind: "sightings", records: [s] },
        { name: "r.geojson", kind: "route", routes },
      ],
      base,
      { namePrefix: "Files: ", timeZone: "UTC" },
    );
    expect(d.name).toBe("Files: a.csv, b.csv, r.geojson");
    expect(d.sightings).toHaveLength(2);
    expect(d.counts).toEqual([]);
    expect(d.stocks).toEqual([]);
    expect(d.aggregates).toBeUndefined();
    expect(d.routes.features).toHaveLength(1);
    expect(d.timeZone).toBe("UTC");
  });
});

describe("runReplay", () => {
  it("without sightings: no tracks, a ledger of the stocks and a state per ledger day", () => {
    const data = dataset([
      { date: "2018-11-01", category: "return", basis: "cumulative", country: "HND", value: 10 },
    ]);
    const r = runReplay(data);
    expect(r.estimate).toBeUndefined();
    expect(r.tracks).toEqual([]);
    expect(r.state.map((d) => d.date)).toEqual(r.ledger.departed.map((d) => d.date));
    expect(r.state[0]!.totals).toMatchObject({ departed: 10, returned: 10 });
  });

  it("on the 2018 data gives the estimator's tracks, and the state's groups are those tracks", () => {
    const r = runReplay(base);
    expect(r.tracks.length).toBeGreaterThan(0);
    const day = r.state.find((d) => d.date === r.tracks[0]!.date)!;
    expect(day.groups.map((g) => g.group)).toContain(r.tracks[0]!.group);
    const totals = r.state.map((d) => d.totals.inTransit);
    expect(Math.max(...totals)).toBeGreaterThan(0);
  });
});
