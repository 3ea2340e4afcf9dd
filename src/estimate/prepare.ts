/**
 * Turns sightings into what the estimator works on: a local time, a position (coordinates, or a
 * place resolved through the gazetteer), a size report in log space, and a source type.
 */
import type { Sighting } from "../model/sighting.ts";
import type { LonLat } from "../model/units.ts";
import type { Place } from "../model/place.ts";
import type { Gazetteer } from "../geo/gazetteer.ts";
import type { BiasSource } from "./sourceBias.ts";
import { readCountScope } from "./partWords.ts";
import type { CountScope } from "./partWords.ts";
import { toLocalTime } from "./time.ts";

/** A sighting made ready for the estimator. */
export interface PreparedSighting {
  id: string;
  /** Index in the input array. */
  index: number;
  /** Local days (see time.ts). */
  t: number;
  hasTime: boolean;
  label?: string;
  /** Where it was seen, or undefined for a size-only report. */
  point?: LonLat;
  /** true when the point came from the gazetteer (a town centroid), not coordinates. */
  fromPlace: boolean;
  /**
   * With `fromPlace`: the [lon, lat] of the gazetteer place it names, also when the source gave
   * the place's own coordinates (a retelling is the same town however the row was typed, and raw
   * coordinates equal to the town's are that town too; repeats.ts). The place's own coordinates,
   * not its id: two towns of a library gazetteer may share an id, or have none.
   */
  placePoint?: LonLat;
  source: BiasSource;
  lowConfidence: boolean;
  logValue?: number;
  logLow?: number;
  logHigh?: number;
  /**
   * Set when the count covers only the people at one place or passing one point (parts.ts
   * `readCountScope`): its figure was made a lower bound (`logLow`), the group holds at least that.
   */
  countScope?: CountScope;
  /** Why the position could not be used, when a place name did not resolve. */
  positionProblem?: PositionProblem;
}

/** A place name that gave no position: the place as written and why (warningText.ts). */
export interface PositionProblem {
  place: string;
  problem: "no_coordinates" | "unknown_place";
}

/** The English of a position problem, as a left-out report's reason says it. */
function positionProblemText(p: PositionProblem): string {
  return `place "${p.place}" ${p.problem === "no_coordinates" ? "has no coordinates in the gazetteer" : "is not in the gazetteer"}`;
}

/**
 * True when the sighting gives some size information (a number, a range or a bound).
 * @example
 * hasSize({ ...prepared, logLow: Math.log(500) }); // => true ("more than 500")
 */
export function hasSize(s: PreparedSighting): boolean {
  return s.logValue !== undefined || s.logLow !== undefined || s.logHigh !== undefined;
}

/** log size of a report (its figure, or the middle of its range), if any (people, natural log). */
export function logSize(s: PreparedSighting): number | undefined {
  if (s.logValue !== undefined) return s.logValue;
  if (s.logLow !== undefined && s.logHigh !== undefined) return (s.logLow + s.logHigh) / 2;
  return undefined;
}

function positiveLog(value: number | undefined): number | undefined {
  return value !== undefined && Number.isFinite(value) && value > 0 ? Math.log(value) : undefined;
}

/**
 * Prepares sightings; those that cannot be used at all are returned in `leftOut` with a reason.
 * @param asOfT only sightings at or before this local time are used (no look-ahead); the others
 *   are counted in `afterAsOf`.
 * @example
 * prepareSightings([{ observedAt: "2018-10-22", placeName: "Tapachula", sizeBest: 7233 }], "America/Mexico_City", gazetteer).prepared[0].logValue; // ≈ 8.886
 */
export function prepareSightings(
  sightings: readonly Sighting[],
  timeZone: string,
  gazetteer: Gazetteer | undefined,
  asOfT = Infinity,
): {
  prepared: PreparedSighting[];
  leftOut: { sightingId: string; reason: string }[];
  afterAsOf: number;
} {
  const prepared: PreparedSighting[] = [];
  const leftOut: { sightingId: string; reason: string }[] = [];
  let afterAsOf = 0;
  sightings.forEach((s, index) => {
    const id = s.id ?? `sighting-${index + 1}`;
    const time = s.observedAt === undefined ? undefined : toLocalTime(s.observedAt, timeZone);
    if (!time) {
      leftOut.push({
        sightingId: id,
        reason: `observed_at "${s.observedAt ?? ""}" is not an ISO date`,
      });
      return;
    }
    if (time.t > asOfT) {
      afterAsOf++;
      return;
    }
    let point: LonLat | undefined;
    let fromPlace = false;
    let placePoint: LonLat | undefined;
    let positionProblem: PositionProblem | undefined;
    if (isCoordinate(s.lat, 90) && isCoordinate(s.lon, 180)) {
      point = [s.lon, s.lat];
      // Coordinates that are the named place's own (filled in from a gazetteer by the importer
      // or the source) say no more than the place name: the group was near that town.
      const place =
        s.placeName !== undefined
          ? placeCentredOn(point, s.placeName, s.country, gazetteer)
          : undefined;
      placePoint = place ? [place.lon, place.lat] : undefined;
      fromPlace = placePoint !== undefined;
    } else if (s.placeName && s.placeName.trim() !== "") {
      const place = gazetteer?.find(s.placeName, s.country) ?? gazetteer?.find(s.placeName);
      if (place && isCoordinate(place.lat, 90) && isCoordinate(place.lon, 180)) {
        point = [place.lon, place.lat];
        fromPlace = true;
        placePoint = point;
      } else if (place) {
        positionProblem = { place: s.placeName, problem: "no_coordinates" };
      } else {
        positionProblem = { place: s.placeName, problem: "unknown_place" };
      }
    }
    let logValue = positiveLog(s.sizeBest);
    let logLow = positiveLog(s.sizeMin);
    let logHigh = positiveLog(s.sizeMax);
    if (logLow !== undefined && logHigh !== undefined && logLow > logHigh) {
      [logLow, logHigh] = [logHigh, logLow];
    }
    // A best figure with a range: the figure carries the information; the range is its support.
    if (logValue !== undefined) {
      logLow = undefined;
      logHigh = undefined;
    }
    if (
      logValue === undefined &&
      logLow !== undefined &&
      logHigh !== undefined &&
      logHigh - logLow < 0.02
    ) {
      logValue = (logLow + logHigh) / 2;
      logLow = logHigh = undefined;
    }
    // A count of the people at one place or passing one point: the group holds at least that many.
    const countScope = readCountScope(s.estimateMethod, s.notes, s.part);
    if (countScope && (logValue !== undefined || logLow !== undefined)) {
      logLow = logValue ?? logLow;
      logValue = logHigh = undefined;
    }
    const item: PreparedSighting = {
      id,
      index,
      t: time.t,
      hasTime: time.hasTime,
      label: s.caravanLabel?.trim() ? s.caravanLabel.trim() : undefined,
      point,
      fromPlace,
      ...(placePoint !== undefined ? { placePoint } : {}),
      source: s.sourceType ?? "unknown",
      lowConfidence: s.confidence === "low",
      logValue,
      logLow,
      logHigh,
      countScope,
      positionProblem,
    };
    if (!point && !hasSize(item)) {
      leftOut.push({
        sightingId: id,
        reason: positionProblem
          ? `${positionProblemText(positionProblem)}, and it gives no size`
          : "no place, no coordinates and no size: nothing to use",
      });
      return;
    }
    prepared.push(item);
  });
  return { prepared, leftOut, afterAsOf };
}

/** Within this distance (degrees, ≈ 0.5 km) coordinates are taken to be the place's centre. */
const CENTRE_DEG = 0.005;

function placeCentredOn(
  point: LonLat,
  placeName: string,
  country: string | undefined,
  gazetteer: Gazetteer | undefined,
): Place | undefined {
  if (placeName.trim() === "") return undefined;
  const place = gazetteer?.find(placeName, country) ?? gazetteer?.find(placeName);
  if (!place || !isCoordinate(place.lat, 90) || !isCoordinate(place.lon, 180)) return undefined;
  const near =
    Math.abs(place.lon - point[0]) < CENTRE_DEG && Math.abs(place.lat - point[1]) < CENTRE_DEG;
  return near ? place : undefined;
}

function isCoordinate(value: number | undefined, limit: number): value is number {
  return value !== undefined && Number.isFinite(value) && Math.abs(value) <= limit;
}
