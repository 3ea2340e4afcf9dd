import { describe, expect, it } from "vitest";
import {
  SPLIT_COLUMNS,
  TRACK_COLUMNS,
  formatSplitCsv,
  formatTracksCsv,
  tracksToGeoJson,
} from "../../src/index.ts";
import type { SplitRow, TrackPoint } from "../../src/index.ts";

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
    expect(header).toBe("group,date,route_id,km,km_low,km_high,lat,lon,size,size_low,size_high");
    expect(formatTracksCsv(tracks)).toBe(
      `\uFEFF${header}\r\nC1,2018-10-20,main,10,8,12.5,14.9,-92.2,1200,900,1500\r\n`,
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
    expect(csv.split("\r\n")[1]).toBe("C1,2018-10-20,main,10,8,12.5,14.9,-92.2,,,");
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
