/**
 * The estimated tracks as the files of docs/contracts.md §3.1: tracks.csv (one row per group and
 * day, in the contract's column order) and tracks.geojson (a Point per group-day, then one
 * LineString per group, then — given the routes — each group-day's body as a LineString along
 * its route from tail to head). Every front end (CLI, analyst panel) writes these two files
 * through here, so they cannot drift apart.
 */
import type { Feature, FeatureCollection, LineString, Point } from "geojson";
import type { RouteIndex } from "../geo/routeIndex.ts";
import type { TrackPoint } from "../model/track.ts";
import type { Km, LonLat } from "../model/units.ts";
import { formatCsv } from "./csv.ts";
import type { CsvOptions } from "./csv.ts";
import { hxlOption } from "./outputHxl.ts";
import type { GroupDayStatus } from "../state/groupStatus.ts";

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
  "head_km",
  "head_km_low",
  "head_km_high",
  "tail_km",
  "tail_km_low",
  "tail_km_high",
  "written_before_fit",
  "held_after_data",
  "status",
] as const;

export type TrackColumn = (typeof TRACK_COLUMNS)[number];

/** One tracks.csv row keyed by contract column name (km in km, sizes in people). */
export type TrackRow = Record<TrackColumn, string | number>;

/**
 * CSV options for tracks.csv and split.csv: everything but the columns, which are fixed; `hxl`
 * adds the table's HXL hashtag row (src/export/outputHxl.ts) under the header; default none.
 */
export type ContractCsvOptions = Omit<CsvOptions, "columns" | "hxl"> & { hxl?: boolean };

/** Columns that may be blank: an unknown size, or a head/tail a track does not have. */
type BlankableColumn =
  | "size"
  | "size_low"
  | "size_high"
  | "head_km"
  | "head_km_low"
  | "head_km_high"
  | "tail_km"
  | "tail_km_low"
  | "tail_km_high";

/**
 * Properties of a group-day Point: the tracks.csv row, with an unknown value as null and
 * `written_before_fit` and `held_after_data` booleans.
 */
export type TrackPointProperties = Omit<
  TrackRow,
  BlankableColumn | "written_before_fit" | "held_after_data"
> &
  Record<BlankableColumn, number | null> & {
    written_before_fit: boolean;
    held_after_data: boolean;
  };

/** Properties of a group's LineString. */
export interface TrackLineProperties {
  group: string;
  route_id: string;
  first_date: string;
  last_date: string;
}

/** Properties of a group-day body (LineString along the route from tail to head). */
export interface TrackBodyProperties {
  kind: "body";
  group: string;
  date: string;
  route_id: string;
  tail_km: number;
  km: number;
  head_km: number;
  size: number | null;
}

export type TracksGeoJson = FeatureCollection<
  Point | LineString,
  TrackPointProperties | TrackLineProperties | TrackBodyProperties
>;

/**
 * A track point as a tracks.csv row (contract column names).
 * @example
 * trackToRow(tracks[0]).km_low; // => tracks[0].kmLow
 * @param status the group's status that day (`trackStatuses`, src/state/groupStatus.ts); blank
 *   when not given.
 */
export function trackToRow(t: TrackPoint, status?: GroupDayStatus): TrackRow {
  return {
    group: t.group,
    date: t.date,
    route_id: t.routeId,
    km: km1(t.km),
    km_low: km1(t.kmLow),
    km_high: km1(t.kmHigh),
    lat: t.lat,
    lon: t.lon,
    size: t.size,
    size_low: t.sizeLow,
    size_high: t.sizeHigh,
    // Absent head/tail (tracks not made by the estimator) are NaN, written blank.
    head_km: km1(t.headKm ?? NaN),
    head_km_low: km1(t.headKmLow ?? NaN),
    head_km_high: km1(t.headKmHigh ?? NaN),
    tail_km: km1(t.tailKm ?? NaN),
    tail_km_low: km1(t.tailKmLow ?? NaN),
    tail_km_high: km1(t.tailKmHigh ?? NaN),
    // `true` on a day written before the first fitted day (trackStarts.ts), else blank.
    written_before_fit: t.writtenBeforeFit ? "true" : "",
    // `true` on a day carried past the data's end until the group is unseen (onRoad.ts).
    held_after_data: t.heldAfterData ? "true" : "",
    // on_road / arrived / accounted_for / dissolved that day (groupStatus.ts, the one rule).
    status: status ?? "",
  };
}

/**
 * A km as written: 0.1 km (100 m). The estimator rounds its km so, but an interval clamped to the
 * route's end carries the route's unrounded length (4521.531598289648): rounded here, at output,
 * so that every km of tracks.csv and tracks.geojson has one decimal. NaN stays NaN (blank).
 */
function km1(x: number): number {
  return Number.isFinite(x) ? Math.round(x * 10) / 10 : x;
}

/**
 * Formats tracks as tracks.csv: TRACK_COLUMNS in contract order, CRLF line ends, an unknown size
 * or head/tail (NaN) as an empty cell, never 0.
 * @param options as formatCsv; the byte-order mark is on by default (Excel) — pass
 *   `{ bom: false }` where scripts read the header exactly as the contract says; `statuses`: each
 *   track point's status (`trackStatuses`, same order), else the `status` column is blank.
 * @example
 * formatTracksCsv(result.tracks, { bom: false }).split("\r\n")[0];
 * // => "group,date,route_id,km,km_low,km_high,lat,lon,size,size_low,size_high"
 */
export function formatTracksCsv(
  tracks: readonly TrackPoint[],
  options: ContractCsvOptions & { statuses?: readonly GroupDayStatus[] } = {},
): string {
  const { hxl, statuses, ...csv } = options;
  const columns = [...TRACK_COLUMNS];
  return formatCsv(
    tracks.map((t, i) => trackToRow(t, statuses?.[i])),
    { ...csv, columns, ...hxlOption("tracks", columns, hxl) },
  );
}

/** JSON has no NaN: an unknown size is null (blank), never 0. */
const blank = (x: number): number | null => (Number.isFinite(x) ? x : null);

/**
 * Builds tracks.geojson: one Point per group-day (properties: the tracks.csv row, unknown values
 * null), then one LineString per group in order of first appearance, through its daily positions
 * (a group seen on one day only gets its point twice, as a LineString needs two positions), with
 * the group's route and first and last dates; then, when `routes` is given, one LineString per
 * group-day with a head and tail: its body, the route from tail km to head km
 * (`properties.kind = "body"`).
 * @param statuses each track point's status (`trackStatuses`, same order), as tracks.csv's
 *   `status` (it was blank on every point); else the `status` property is blank.
 * @example
 * JSON.stringify(tracksToGeoJson(result.tracks, createRouteIndex(dataset.routes))) + "\n";
 */
export function tracksToGeoJson(
  tracks: readonly TrackPoint[],
  routes?: RouteIndex,
  statuses?: readonly GroupDayStatus[],
): TracksGeoJson {
  const features: Feature<
    Point | LineString,
    TrackPointProperties | TrackLineProperties | TrackBodyProperties
  >[] = [];
  const lines = new Map<string, { points: TrackPoint[]; first: string; last: string }>();
  for (const [i, t] of tracks.entries()) {
    const r = trackToRow(t, statuses?.[i]);
    features.push({
      type: "Feature",
      geometry: { type: "Point", coordinates: [t.lon, t.lat] },
      properties: {
        ...r,
        size: blank(t.size),
        size_low: blank(t.sizeLow),
        size_high: blank(t.sizeHigh),
        head_km: blank(r.head_km as number),
        head_km_low: blank(r.head_km_low as number),
        head_km_high: blank(r.head_km_high as number),
        tail_km: blank(r.tail_km as number),
        tail_km_low: blank(r.tail_km_low as number),
        tail_km_high: blank(r.tail_km_high as number),
        written_before_fit: t.writtenBeforeFit === true,
        held_after_data: t.heldAfterData === true,
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
  if (routes) {
    for (const t of tracks) {
      if (t.headKm === undefined || t.tailKm === undefined) continue;
      if (!routes.routeIds.includes(t.routeId)) continue;
      features.push({
        type: "Feature",
        geometry: {
          type: "LineString",
          coordinates: routeSlice(routes, t.routeId, t.tailKm, t.headKm),
        },
        properties: {
          kind: "body",
          group: t.group,
          date: t.date,
          route_id: t.routeId,
          tail_km: t.tailKm,
          km: t.km,
          head_km: t.headKm,
          size: blank(t.size),
        },
      });
    }
  }
  return { type: "FeatureCollection", features };
}

/**
 * The route between two km (from ≤ to): the point at `from`, every vertex strictly between, the
 * point at `to` (at least two positions, as a LineString needs).
 * @example
 * routeSlice(index, "main", 100, 140).length; // ≥ 2
 */
export function routeSlice(routes: RouteIndex, routeId: string, from: Km, to: Km): LonLat[] {
  const [a, b] = from <= to ? [from, to] : [to, from];
  const cum = routes.cumulativeKm(routeId);
  const geometry = routes.route(routeId).geometry;
  const coords = geometry.coordinates as LonLat[];
  const out: LonLat[] = [routes.along(routeId, a)];
  for (let i = 0; i < cum.length && i < coords.length; i++) {
    if (cum[i] > a && cum[i] < b) out.push([coords[i][0], coords[i][1]]);
  }
  out.push(routes.along(routeId, b));
  return out;
}
