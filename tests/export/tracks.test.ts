import { describe, expect, it } from "vitest";
import {
  SPLIT_COLUMNS,
  TRACK_COLUMNS,
  formatSplitCsv,
  createRouteIndex,
  formatTracksCsv,
  routeSlice,
  tracksToGeoJson,
} from "../../src/index.ts";
import type { SplitRow, TrackPoint } from "../../src/index.ts";
import { oneRoute } from "../oneRoute.ts";

const point = (group: string, date: string, over: Partial<TrackPoint> = {}): TrackPoint => ({
  group,
  date,
  routeId: "main",
  km: 10,
  kmLow: 8,
  kmHigh: 12.5,
  lat: 14.9,
  lon: -92.2,
  size: 1200,
  sizeLow: 900,
  sizeHigh: 1500,
  ...over,
});

describe("export/tracks", () => {
  it("formatTracksCsv writes the contract header (docs/contracts.md §3.1) with a BOM by default and none with bom: false", () => {
    const tracks = [point("C1", "2018-10-20")];
    const header = TRACK_COLUMNS.join(",");
    expect(header).toBe(
      "group,date,route_id,km,km_low,km_high,lat,lon,size,size_low,size_high," +
        "head_km,head_km_low,head_km_high,tail_km,tail_km_low,tail_km_high,written_before_fit,held_after_data,status",
    );
    // A track without head and tail (not made by the estimator): those cells blank.
    expect(formatTracksCsv(tracks)).toBe(
      `\uFEFF${header}\r\nC1,2018-10-20,main,10,8,12.5,14.9,-92.2,1200,900,1500,,,,,,,,,\r\n`,
    );
    expect(formatTracksCsv(tracks, { bom: false }).startsWith(`${header}\r\n`)).toBe(true);
  });

  it("formatTracksCsv leaves an unknown size blank, never 0", () => {
    const csv = formatTracksCsv(
      [point("C1", "2018-10-20", { size: NaN, sizeLow: NaN, sizeHigh: NaN })],
      {
        bom: false,
      },
    );
    expect(csv.split("\r\n")[1]).toBe("C1,2018-10-20,main,10,8,12.5,14.9,-92.2,,,,,,,,,,,,");
  });

  it("tracksToGeoJson gives a Point per group-day, then one LineString per group with its first and last date", () => {
    const tracks = [
      point("C1", "2018-10-20", { lon: -92.2, lat: 14.9 }),
      point("C1", "2018-10-21", { lon: -92.1, lat: 15.0, size: NaN }),
      point("C2", "2018-10-22", { routeId: "alt", lon: -91, lat: 16 }),
    ];
    const geo = tracksToGeoJson(tracks);
    expect(geo.features.map((f) => f.geometry.type)).toEqual([
      "Point",
      "Point",
      "Point",
      "LineString",
      "LineString",
    ]);
    expect(geo.features[0]!.geometry).toEqual({ type: "Point", coordinates: [-92.2, 14.9] });
    expect(Object.keys(geo.features[0]!.properties!)).toEqual([...TRACK_COLUMNS]);
    // JSON has no NaN: an unknown size is null.
    expect(geo.features[1]!.properties).toMatchObject({ date: "2018-10-21", size: null });
    expect(geo.features[3]).toEqual({
      type: "Feature",
      geometry: {
        type: "LineString",
        coordinates: [
          [-92.2, 14.9],
          [-92.1, 15.0],
        ],
      },
      properties: {
        group: "C1",
        route_id: "main",
        first_date: "2018-10-20",
        last_date: "2018-10-21",
      },
    });
    // A group seen on one day: its point twice, as a LineString needs two positions.
    expect(geo.features[4]!.geometry).toEqual({
      type: "LineString",
      coordinates: [
        [-91, 16],
        [-91, 16],
      ],
    });
    expect(geo.features[4]!.properties).toMatchObject({ group: "C2", route_id: "alt" });
  });
});

describe("export/tracks bodies", () => {
  const routes = createRouteIndex(
    oneRoute([
      [-92, 15],
      [-92, 15.5],
      [-92, 16],
      [-92, 16.5],
    ]),
  );

  it("formatTracksCsv writes head and tail with their intervals after the size", () => {
    const t = point("C1", "2018-10-20", {
      headKm: 30,
      headKmLow: 20,
      headKmHigh: 41.5,
      tailKm: 2,
      tailKmLow: 0,
      tailKmHigh: 6,
    });
    expect(formatTracksCsv([t], { bom: false }).split("\r\n")[1]).toBe(
      "C1,2018-10-20,main,10,8,12.5,14.9,-92.2,1200,900,1500,30,20,41.5,2,0,6,,,",
    );
  });

  it("formatTracksCsv marks a day written before the first fitted day `true`, last; GeoJSON as a boolean", () => {
    const written = point("C1", "2018-10-19", { writtenBeforeFit: true });
    const fitted = point("C1", "2018-10-20");
    const lines = formatTracksCsv([written, fitted], { bom: false }).split("\r\n");
    expect(lines[1]).toBe("C1,2018-10-19,main,10,8,12.5,14.9,-92.2,1200,900,1500,,,,,,,true,,");
    expect(lines[2]!.endsWith(",")).toBe(true);
    const props = tracksToGeoJson([written, fitted]).features.map(
      (f) => (f.properties as { written_before_fit?: boolean }).written_before_fit,
    );
    expect(props.slice(0, 2)).toEqual([true, false]);
  });

  it("tracksToGeoJson with routes adds each group-day's body: the route from tail to head", () => {
    const t = point("C1", "2018-10-20", { headKm: 120, tailKm: 20 });
    const geo = tracksToGeoJson([t, point("C2", "2018-10-20")], routes);
    const bodies = geo.features.filter((f) => (f.properties as { kind?: string }).kind === "body");
    // Only the track with a head and tail has a body.
    expect(bodies).toHaveLength(1);
    const coords = (bodies[0]!.geometry as { coordinates: number[][] }).coordinates;
    // From tail to head, through the vertices at 0.5° and 1° (≈ 55.6 and 111.2 km) between them.
    expect(coords.length).toBe(4);
    expect(coords[0]).toEqual(routes.along("main", 20));
    expect(coords[1]).toEqual([-92, 15.5]);
    expect(coords[2]).toEqual([-92, 16]);
    expect(coords[3]).toEqual(routes.along("main", 120));
    expect(bodies[0]!.properties).toMatchObject({ group: "C1", tail_km: 20, km: 10, head_km: 120 });
    expect(routeSlice(routes, "main", 5, 6)).toHaveLength(2);
  });
});

describe("export/split", () => {
  it("formatSplitCsv writes the contract header (docs/contracts.md §3.2); a blank country or place stays empty", () => {
    const split: SplitRow[] = [
      { date: "2018-11-20", category: "unknown", value: 40, valueLow: 10, valueHigh: 90 },
      {
        date: "2018-11-20",
        category: "remaining",
        country: "MEX",
        placeName: "Tijuana",
        value: 6000,
        valueLow: 5500,
        valueHigh: 6400,
      },
    ];
    expect(SPLIT_COLUMNS.join(",")).toBe(
      "date,category,country,place_name,value,value_low,value_high",
    );
    expect(formatSplitCsv(split, { bom: false })).toBe(
      "date,category,country,place_name,value,value_low,value_high\r\n" +
        "2018-11-20,unknown,,,40,10,90\r\n" +
        "2018-11-20,remaining,MEX,Tijuana,6000,5500,6400\r\n",
    );
    expect(formatSplitCsv(split).startsWith("\uFEFFdate,")).toBe(true);
  });
});
