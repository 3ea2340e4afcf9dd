/** Length of a line and km at each of its vertices, along great circles. */
import { lineString } from "@turf/helpers";
import { length } from "@turf/length";
import type { Feature, LineString, Position } from "geojson";
import type { Km } from "../model/units.ts";
import { haversineKm } from "./distance.ts";

type LineInput = readonly Position[] | LineString | Feature<LineString>;

function positionsOf(line: LineInput): readonly Position[] {
  if (Array.isArray(line)) return line;
  const geometry = "geometry" in line ? line.geometry : (line as LineString);
  return geometry.coordinates;
}

/**
 * Kilometres from the first vertex to every vertex of a line: the running sum of the
 * great-circle ({@link haversineKm}) lengths of its segments, as `@turf/length` measures them.
 * Non-decreasing by construction; `[0]` is always 0.
 *
 * @param line positions `[lon, lat]` in degrees, a GeoJSON LineString, or a Feature of one.
 * @returns a Float64Array with one km value per vertex (empty for an empty line).
 * @example
 * cumulativeKmOf([[0, 0], [1, 0], [1, 1]]); // => Float64Array [0, 111.195…, 222.390…]
 */
export function cumulativeKmOf(line: LineInput): Float64Array {
  const positions = positionsOf(line);
  const km = new Float64Array(positions.length);
  for (let i = 1; i < positions.length; i++) {
    const a = positions[i - 1]!;
    const b = positions[i]!;
    km[i] = km[i - 1]! + haversineKm(a[0]!, a[1]!, b[0]!, b[1]!);
  }
  return km;
}

/**
 * Length of a line in kilometres along great circles between its vertices, by `@turf/length`
 * (`units: "kilometers"`; the same sum as {@link cumulativeKmOf}, to rounding).
 *
 * @param line positions `[lon, lat]` in degrees, a GeoJSON LineString, or a Feature of one.
 * @returns km (0 for a line of fewer than two vertices).
 * @example
 * lineLengthKm([[0, 0], [1, 0]]); // => 111.19508…
 */
export function lineLengthKm(line: LineInput): Km {
  const positions = positionsOf(line);
  if (positions.length < 2) return 0;
  return length(lineString(positions as Position[]), { units: "kilometers" });
}
