/**
 * Checks of one route geometry against RFC 7946 and what the route index can use, as sentences a
 * person can act on. The importer (ingest/route.ts) rejects a feature with the first problem and
 * keeps it with notes; `createRouteIndex` applies the same limits when it builds.
 */
import { lineString } from "@turf/helpers";
import { length } from "@turf/length";
import type { Position } from "geojson";
import { EARTH_RADIUS_KM, haversineKm } from "./distance.ts";

/** Why a geometry cannot be a route (`problem`) or what was assumed about it (`notes`). */
export interface RouteGeometryCheck {
  /** The first blocking problem, or undefined when the geometry is usable. */
  /** `params`: the values of the message a front end needs to say it in another language. */
  problem?: { code: RouteGeometryCode; message: string; params?: Record<string, string | number> };
  /** Accepted, but worth telling: repeated vertices, values beyond [lon, lat, altitude]. */
  notes: {
    code: "repeated_vertex" | "extra_position_values";
    message: string;
    params?: Record<string, string | number>;
  }[];
  /** `[lon, lat]` of each position when usable (altitude and extra values dropped). */
  coordinates?: [number, number][];
  /** Great-circle length in km (`@turf/length`) when usable. */
  lengthKm?: number;
}

export type RouteGeometryCode =
  | "not_a_linestring"
  | "too_few_positions"
  | "bad_coordinates"
  | "crosses_antimeridian"
  | "segment_too_long"
  | "zero_length";

/** A segment spanning this much arc or more (degrees) has an ill-defined great circle. */
export const MAX_SEGMENT_ARC_DEGREES = 179;
const KM_PER_DEGREE = (Math.PI / 180) * EARTH_RADIUS_KM;

const isNumberPair = (p: unknown): p is number[] =>
  Array.isArray(p) &&
  p.length >= 2 &&
  typeof p[0] === "number" &&
  typeof p[1] === "number" &&
  Number.isFinite(p[0]) &&
  Number.isFinite(p[1]);

const show = (p: readonly number[]) => `[${p.slice(0, 2).join(", ")}]`;

function typeProblem(type: unknown, coordinates: unknown, label: string): string | undefined {
  if (type === "LineString") return undefined;
  if (type === "MultiLineString" && Array.isArray(coordinates) && coordinates.length === 1) {
    return `${label} is a MultiLineString of one line; give it as a LineString.`;
  }
  if (type === "MultiLineString") {
    return `${label} is a MultiLineString; routes are LineStrings (give each line as its own route with its own route_id).`;
  }
  return `${label} is a ${String(type)}; routes are LineStrings drawn in the direction of travel.`;
}

/** A position that is not [lon, lat] degrees: the message and its values (`variant`: why). */
function positionProblem(
  p: unknown,
  i: number,
  label: string,
): { message: string; params: Record<string, string | number> } | undefined {
  const position = i + 1;
  if (!isNumberPair(p)) {
    const shown = Array.isArray(p)
      ? `[${p.map((v) => (typeof v === "number" ? String(v) : JSON.stringify(v))).join(", ")}]`
      : JSON.stringify(p);
    return {
      message: `${label}, position ${position}: ${shown} is not [lon, lat] as numbers.`,
      params: { variant: "not_numbers", position, shown },
    };
  }
  const [lon, lat] = p as [number, number];
  if (Math.abs(lon) <= 180 && Math.abs(lat) <= 90) return undefined;
  const swapped = Math.abs(lat) <= 180 && Math.abs(lon) <= 90;
  const shown = show(p);
  return swapped
    ? {
        message: `${label}, position ${position}: ${shown} has a latitude beyond ±90°; it looks like [lat, lon], but GeoJSON puts longitude first.`,
        params: { variant: "swapped", position, shown },
      }
    : {
        message: `${label}, position ${position}: ${shown} is not [lon, lat] in degrees (lon −180…180, lat −90…90).`,
        params: { variant: "range", position, shown },
      };
}

function segmentProblem(
  a: readonly number[],
  b: readonly number[],
  i: number,
  label: string,
):
  | { code: RouteGeometryCode; message: string; params: Record<string, string | number> }
  | undefined {
  if (Math.abs(b[0]! - a[0]!) >= 180) {
    return {
      code: "crosses_antimeridian",
      message: `${label} crosses the antimeridian between positions ${i + 1} ${show(a)} and ${i + 2} ${show(b)}; RFC 7946 asks for such a line to be cut there, so give each side as its own route.`,
      params: { from: i + 1, to: i + 2, a: show(a), b: show(b) },
    };
  }
  const km = haversineKm(a[0]!, a[1]!, b[0]!, b[1]!);
  if (km / KM_PER_DEGREE >= MAX_SEGMENT_ARC_DEGREES) {
    return {
      code: "segment_too_long",
      message: `${label}: the segment from position ${i + 1} to ${i + 2} spans ${(km / KM_PER_DEGREE).toFixed(1)}° of arc, where the great circle through its ends is not defined; add vertices along it.`,
      params: { from: i + 1, to: i + 2, degrees: (km / KM_PER_DEGREE).toFixed(1) },
    };
  }
  return undefined;
}

/** Notes on accepted positions: repeated vertices (zero-length segments) and extra values. */
function positionNotes(coords: readonly number[][], label: string): RouteGeometryCheck["notes"] {
  const notes: RouteGeometryCheck["notes"] = [];
  const repeats: number[] = [];
  for (let i = 1; i < coords.length; i++) {
    if (coords[i]![0] === coords[i - 1]![0] && coords[i]![1] === coords[i - 1]![1]) {
      repeats.push(i + 1);
    }
  }
  if (repeats.length) {
    notes.push({
      code: "repeated_vertex",
      message: `${label} repeats the position before it at position${repeats.length > 1 ? "s" : ""} ${repeats.slice(0, 5).join(", ")}${repeats.length > 5 ? ` and ${repeats.length - 5} more` : ""}; kept (zero-length segments change no km).`,
      params: {
        positions: repeats.slice(0, 5).join(", "),
        count: repeats.length,
        more: Math.max(0, repeats.length - 5),
      },
    });
  }
  const extra = coords.findIndex((p) => p.length > 3);
  if (extra >= 0) {
    notes.push({
      code: "extra_position_values",
      message: `${label}, position ${extra + 1} has ${coords[extra]!.length} values; RFC 7946 positions are [lon, lat] or [lon, lat, altitude], so only lon and lat are read.`,
      params: { position: extra + 1, values: coords[extra]!.length },
    });
  }
  return notes;
}

/**
 * Checks a GeoJSON geometry as a route: a LineString (RFC 7946 section 3.1.4) of at least two positions,
 * each `[lon, lat]` or `[lon, lat, altitude]` in WGS84 degrees, no segment crossing the
 * antimeridian (RFC 7946 section 3.1.9) or spanning ≥ 179° of arc, and a length above 0 km (two identical points
 * are not a route).
 * @param geometry the feature's `geometry` member, as parsed.
 * @param label how messages name the feature, e.g. `feature 3` or `route "main"`.
 * @example
 * checkRouteGeometry({ type: "LineString", coordinates: [[-92.1, 14.9], [-92.1, 14.9]] }, "feature 1")
 *   .problem; // => { code: "zero_length", message: "feature 1: its 2 positions are all the same point …" }
 */
export function checkRouteGeometry(geometry: unknown, label: string): RouteGeometryCheck {
  const g = (geometry ?? {}) as { type?: unknown; coordinates?: unknown };
  const fail = (
    code: RouteGeometryCode,
    message: string,
    params?: Record<string, string | number>,
  ): RouteGeometryCheck => ({
    problem: { code, message, ...(params ? { params } : {}) },
    notes: [],
  });
  const wrongType = typeProblem(g.type, g.coordinates, label);
  if (wrongType) return fail("not_a_linestring", wrongType);
  const coords = g.coordinates;
  if (!Array.isArray(coords) || coords.length < 2) {
    const n = Array.isArray(coords) ? coords.length : 0;
    return fail(
      "too_few_positions",
      `${label} has ${n} position${n === 1 ? "" : "s"}; a route needs at least two distinct [lon, lat] positions.`,
      { positions: n },
    );
  }
  for (let i = 0; i < coords.length; i++) {
    const bad = positionProblem(coords[i], i, label);
    if (bad) return fail("bad_coordinates", bad.message, bad.params);
  }
  const positions = coords as Position[];
  for (let i = 1; i < positions.length; i++) {
    const bad = segmentProblem(positions[i - 1]!, positions[i]!, i - 1, label);
    if (bad) return { problem: bad, notes: [] };
  }
  const coordinates = positions.map((p) => [p[0]!, p[1]!] as [number, number]);
  const lengthKm = length(lineString(coordinates), { units: "kilometers" });
  if (!(lengthKm > 0)) {
    return fail(
      "zero_length",
      `${label}: its ${positions.length} positions are all the same point ${show(positions[0]!)}, so the route has length 0 km; a route needs two distinct positions.`,
    );
  }
  return { notes: positionNotes(positions, label), coordinates, lengthKm };
}
