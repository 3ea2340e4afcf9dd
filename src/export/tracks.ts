/**
 * The estimated tracks as the files of docs/contracts.md §3.1: tracks.csv (one row per group and day, in
 * the contract's column order) and tracks.geojson (a Point per group-day, then one LineString per
 * group). Every front end (CLI, analyst panel) writes these two files through here, so they
 * cannot drift apart.
 */
import type { Feature, FeatureCollection, LineString, Point } from "geojson";
import type { TrackPoint } from "../model/track.ts";
import { formatCsv } from "./csv.ts";
import type { CsvOptions } from "./csv.ts";

/** Columns of tracks.csv, in contract order (docs/contracts.md §3.1). */
export const TRACK_COLUMNS = [
  "group",
  "date",
  "route_id",
  "km",
  "km_low",
  "km_high",
  "lat",
  "lon",
  "size",
  "size_low",
  "size_high",
] as const;

export type TrackColumn = (typeof TRACK_COLUMNS)[number];

/** One tracks.csv row keyed by contract column name (km in km, sizes in people). */
export type TrackRow = Record<TrackColumn, string | number>;

/** CSV options for tracks.csv and split.csv: everything but the columns, which are fixed. */
export type ContractCsvOptions = Omit<CsvOptions, "columns">;

/** Properties of a group-day Point: the tracks.csv row, with an unknown size as null. */
export type TrackPointProperties = Omit<TrackRow, "size" | "size_low" | "size_high"> & {
  size: number | null;
  size_low: number | null;
  size_high: number | null;
};

/** Properties of a group's LineString. */
export interface TrackLineProperties {
  group: string;
  route_id: string;
  first_date: string;
  last_date: string;
}

export type TracksGeoJson = FeatureCollection<
  Point | LineString,
  TrackPointProperties | TrackLineProperties
>;

/**
 * A track point as a tracks.csv row (contract column names).
 * @example
 * trackToRow(tracks[0]).km_low; // => tracks[0].kmLow
 */
export function trackToRow(t: TrackPoint): TrackRow {
  return {
    group: t.group,
    date: t.date,
    route_id: t.routeId,
    km: t.km,
    km_low: t.kmLow,
    km_high: t.kmHigh,
    lat: t.lat,
    lon: t.lon,
    size: t.size,
    size_low: t.sizeLow,
    size_high: t.sizeHigh,
  };
}

/**
 * Formats tracks as tracks.csv: TRACK_COLUMNS in contract order, CRLF line ends, an unknown size
 * (NaN) as an empty cell, never 0.
 * @param options as formatCsv; the byte-order mark is on by default (Excel) — pass
 *   `{ bom: false }` where scripts read the header exactly as the contract says.
 * @example
 * formatTracksCsv(result.tracks, { bom: false }).split("\r\n")[0];
 * // => "group,date,route_id,km,km_low,km_high,lat,lon,size,size_low,size_high"
 */
export function formatTracksCsv(
  tracks: readonly TrackPoint[],
  options: ContractCsvOptions = {},
): string {
  return formatCsv(tracks.map(trackToRow), { ...options, columns: [...TRACK_COLUMNS] });
}

/** JSON has no NaN: an unknown size is null (blank), never 0. */
const blank = (x: number): number | null => (Number.isFinite(x) ? x : null);

/**
 * Builds tracks.geojson: one Point per group-day (properties: the tracks.csv row, unknown sizes
 * null), then one LineString per group in order of first appearance, through its daily positions
 * (a group seen on one day only gets its point twice, as a LineString needs two positions), with
 * the group's route and first and last dates.
 * @example
 * JSON.stringify(tracksToGeoJson(result.tracks)) + "\n"; // the text of tracks.geojson
 */
export function tracksToGeoJson(tracks: readonly TrackPoint[]): TracksGeoJson {
  const features: Feature<Point | LineString, TrackPointProperties | TrackLineProperties>[] = [];
  const lines = new Map<string, { points: TrackPoint[]; first: string; last: string }>();
  for (const t of tracks) {
    const r = trackToRow(t);
    features.push({
      type: "Feature",
      geometry: { type: "Point", coordinates: [t.lon, t.lat] },
      properties: {
        ...r,
        size: blank(t.size),
        size_low: blank(t.sizeLow),
        size_high: blank(t.sizeHigh),
      },
    });
    const line = lines.get(t.group);
    if (!line) lines.set(t.group, { points: [t], first: t.date, last: t.date });
    else {
      line.points.push(t);
      if (t.date < line.first) line.first = t.date;
      if (t.date > line.last) line.last = t.date;
    }
  }
  for (const [group, { points, first, last }] of lines) {
    const coords = points.map((t) => [t.lon, t.lat]);
    features.push({
      type: "Feature",
      geometry: {
        type: "LineString",
        coordinates: coords.length > 1 ? coords : [...coords, ...coords],
      },
      properties: {
        group,
        route_id: points[0]!.routeId,
        first_date: first,
        last_date: last,
      },
    });
  }
  return { type: "FeatureCollection", features };
}
