import { describe, expect, it } from "vitest";
import { estimateTracks } from "../../src/estimate/estimateTracks.ts";
import {
  simulateWorld,
  syntheticCorridor,
  worldOfDifficulty,
} from "../../src/estimate/simulate.ts";
import { createRouteIndex } from "../../src/geo/routeIndex.ts";
import type { Dataset } from "../../src/model/dataset.ts";
import type { Sighting } from "../../src/model/sighting.ts";
import { mulberry32 } from "../../src/util/random.ts";

const routes = syntheticCorridor();
const index = createRouteIndex(routes);
const at = (km: number): { lon: number; lat: number } => {
  const [lon, lat] = index.along("main", km);
  return { lon, lat };
};
const dataset = (sightings: Sighting[]): Dataset => ({
  name: "test",
  places: [],
  routes,
  sightings,
  counts: [],
  stocks: [],
  timeZone: "America/Mexico_City",
});

describe("estimateTracks", () => {
  const labelled: Sighting[] = [
    {
      id: "a1",
      observedAt: "2018-10-13T10:00",
      ...at(0),
      caravanLabel: "A",
      sizeBest: 2000,
      sourceType: "government",
    },
    {
      id: "a2",
      observedAt: "2018-10-14T12:00",
      ...at(40),
      caravanLabel: "A",
      sizeBest: 5000,
      sourceType: "organiser",
    },
    {
      id: "a3",
      observedAt: "2018-10-16T12:00",
      ...at(120),
      caravanLabel: "A",
      sizeBest: 2100,
      sourceType: "un",
    },
  ];

  it("estimateTracks gives one row per group per local day from the first to the last report", () => {
    const { tracks, groups } = estimateTracks(dataset(labelled));
    expect(tracks.map((t) => t.date)).toEqual([
      "2018-10-13",
      "2018-10-14",
      "2018-10-15",
      "2018-10-16",
    ]);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({
      group: "A",
      routeId: "main",
      firstDate: "2018-10-13",
      lastDate: "2018-10-16",
    });
    for (const t of tracks) {
      expect(t.kmLow).toBeLessThanOrEqual(t.km);
      expect(t.km).toBeLessThanOrEqual(t.kmHigh);
      expect(t.sizeLow).toBeLessThanOrEqual(t.size);
      expect(t.size).toBeLessThanOrEqual(t.sizeHigh);
    }
  });

  it("estimateTracks keeps labels, joins a fitting unlabelled report, and starts a group for reports that fit none", () => {
    const sightings: Sighting[] = [
      ...labelled,
      { id: "u1", observedAt: "2018-10-15T12:00", ...at(82) },
      { id: "u2", observedAt: "2018-10-15T12:00", ...at(1500), sizeBest: 300 },
      { id: "u3", observedAt: "2018-10-16T12:00", ...at(1530), sizeBest: 300 },
      { id: "u4", observedAt: "2018-10-17T12:00", ...at(1560), sizeBest: 300 },
    ];
    const { groups, report } = estimateTracks(dataset(sightings));
    const a = groups.find((g) => g.group === "A");
    expect(a?.sightings).toContain("u1");
    const other = groups.find((g) => g.sightings.includes("u2"));
    expect(other?.labelled).toBe(false);
    expect(report.associations.find((x) => x.sightingId === "u1")?.how).toBe("associated");
    expect(report.associations.find((x) => x.sightingId === "a1")?.how).toBe("label");
  });

  it("estimateTracks gathers the unlabelled reports of one group into one group", () => {
    const world = simulateWorld(
      { groups: 1, observation: { missingLabelRate: 1, outlierRate: 0.02 } },
      mulberry32(21),
    );
    const { groups } = estimateTracks(world.dataset);
    const positioned = world.dataset.sightings.filter((s) => s.lat !== undefined || s.placeName);
    const largest = Math.max(...groups.map((g) => g.sightings.length));
    expect(largest).toBeGreaterThanOrEqual(0.8 * positioned.length);
    expect(groups.every((g) => !g.labelled && g.group.startsWith("unlabelled-"))).toBe(true);
  });

  it("estimateTracks uses a border count as evidence of when the group passed the point", () => {
    const sparse: Sighting[] = [
      {
        id: "b1",
        observedAt: "2018-10-13T12:00",
        ...at(0),
        caravanLabel: "C",
        sizeBest: 3000,
        sourceType: "government",
      },
      {
        id: "b2",
        observedAt: "2018-10-19T12:00",
        ...at(600),
        caravanLabel: "C",
        sizeBest: 2900,
        sourceType: "government",
      },
    ];
    const point = at(450);
    const counts = [
      {
        date: "2018-10-16",
        fmpId: "P",
        lat: point.lat,
        lon: point.lon,
        direction: "northbound" as const,
        total: 2000,
      },
      {
        date: "2018-10-17",
        fmpId: "P",
        lat: point.lat,
        lon: point.lon,
        direction: "northbound" as const,
        total: 400,
      },
    ];
    const without = estimateTracks(dataset(sparse));
    const withCounts = estimateTracks({ ...dataset(sparse), counts });
    const day = (r: typeof without) => r.tracks.find((t) => t.date === "2018-10-16");
    expect(withCounts.report.counts[0]).toMatchObject({
      group: "C",
      point: "P",
      date: "2018-10-16",
      total: 2400,
    });
    expect(Math.abs((day(withCounts)?.km ?? 0) - 450)).toBeLessThan(
      Math.abs((day(without)?.km ?? 0) - 450),
    );
    expect(withCounts.report.sourceBiases.some((b) => b.sourceType === "border_count")).toBe(true);
  });

  it("estimateTracks lets cumulative returns and claims pull the size down", () => {
    const sized: Sighting[] = [
      {
        id: "c1",
        observedAt: "2018-10-13T12:00",
        ...at(0),
        caravanLabel: "D",
        sizeBest: 6000,
        sourceType: "government",
      },
      { id: "c2", observedAt: "2018-10-20T12:00", ...at(300), caravanLabel: "D" },
    ];
    const stocks = [
      {
        date: "2018-10-14",
        category: "return" as const,
        value: 100,
        basis: "cumulative" as const,
        caravanLabel: "D",
      },
      {
        date: "2018-10-19",
        category: "return" as const,
        value: 3000,
        basis: "cumulative" as const,
        caravanLabel: "D",
      },
    ];
    const plain = estimateTracks(dataset(sized)).tracks.at(-1);
    const withStocks = estimateTracks({ ...dataset(sized), stocks }).tracks.at(-1);
    expect(withStocks?.size ?? Infinity).toBeLessThan(0.75 * (plain?.size ?? 0));
  });

  it("estimateTracks leaves out a report far off every route and says how far", () => {
    const sightings: Sighting[] = [
      ...labelled,
      { id: "far", observedAt: "2018-10-15", lat: 40, lon: -100, caravanLabel: "A" },
    ];
    const { report } = estimateTracks(dataset(sightings));
    const left = report.leftOut.find((l) => l.sightingId === "far");
    expect(left?.reason).toMatch(/km off route main/);
  });

  it("estimateTracks warns (DtmWarning, module estimate) when a sized report far off the route gives only its size", () => {
    const sightings: Sighting[] = [
      ...labelled,
      {
        id: "far",
        observedAt: "2018-10-15",
        lat: 40,
        lon: -100,
        caravanLabel: "A",
        sizeBest: 1800,
      },
    ];
    const { report } = estimateTracks(dataset(sightings));
    const warning = report.warnings.find((w) => w.message.startsWith("far:"));
    expect(warning).toMatchObject({ code: "off_route", source: { module: "estimate" } });
    expect(warning?.message).toMatch(/^far: \d+ km off route main; only its size is used\.$/);
  });

  it("estimateTracks fits organisers above government in report.sourceBiases", () => {
    const { report } = estimateTracks(dataset(labelled));
    const bias = (t: string): number =>
      report.sourceBiases.find((b) => b.sourceType === t)?.bias ?? NaN;
    expect(bias("organiser")).toBeGreaterThan(bias("government"));
  });

  it("estimateTracks with asOf uses no report made after it (no look-ahead)", () => {
    const world = simulateWorld(worldOfDifficulty(0.3), mulberry32(11));
    const asOf = "2018-10-30T12:00";
    const cut = estimateTracks(world.dataset, { asOf });
    const truncated = estimateTracks({
      ...world.dataset,
      sightings: world.dataset.sightings.filter((s) => s.observedAt.slice(0, 16) <= asOf),
      counts: world.dataset.counts.filter((c) => c.date <= "2018-10-29"),
    });
    expect(cut.tracks.every((t) => t.date <= "2018-10-30")).toBe(true);
    expect(cut.tracks).toEqual(truncated.tracks);
    expect(cut.report.afterAsOf).toBeGreaterThan(0);
    expect(cut.state.length).toBe(cut.groups.length);
  });

  it("estimateTracks reports size as NaN (blank) for a group no source sized", () => {
    const { tracks } = estimateTracks(
      dataset([
        { id: "p1", observedAt: "2018-10-13", ...at(10), caravanLabel: "B" },
        { id: "p2", observedAt: "2018-10-14", ...at(50), caravanLabel: "B" },
      ]),
    );
    expect(tracks.every((t) => Number.isNaN(t.size))).toBe(true);
  });

  it("estimateTracks throws RangeError for an unknown time zone", () => {
    expect(() => estimateTracks(dataset(labelled), { timeZone: "Nowhere/Else" })).toThrow(
      RangeError,
    );
  });
});
