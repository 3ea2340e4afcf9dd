/**
 * The reports a held-out check predicts, and how they are split into folds. A report is one
 * sighting: its position (km along its group's route) and, when it gives one, its size.
 */
import type { Dataset } from "../model/dataset.ts";
import type { SourceType } from "../model/source.ts";
import type { LonLat } from "../model/units.ts";
import type { Gazetteer } from "../geo/gazetteer.ts";
import { distanceKm } from "../geo/distance.ts";
import { toLocalTime } from "../calendar/index.ts";
import type { Random } from "../util/random.ts";
import { readCountScope } from "../estimate/partWords.ts";
import { reportPart } from "./reportPart.ts";
import type { BodyPart } from "./reportPart.ts";

/** A report's source type as the check groups it (`unknown` when the file does not say). */
export type CheckSource = SourceType | "unknown";

/** One held-out report. */
export interface CheckReport {
  /** Sighting id (the estimator's: the id, else `sighting-<line>`). */
  id: string;
  /** Index of the sighting in the dataset. */
  index: number;
  /** Group of the full-data estimate (the label, or the group the report was assigned to). */
  group: string;
  labelled: boolean;
  source: CheckSource;
  part: BodyPart;
  lowConfidence: boolean;
  /** Local days (see src/calendar/local-time.ts); a date-only report's is its noon. */
  t: number;
  /** false when the source gave a date only: read at src/movement/withinDay.ts `DATE_ONLY_REPORT_HOUR`. */
  hasTime: boolean;
  /** Where it was seen, when it gives a place or coordinates. */
  point?: LonLat;
  /** true when the position is a town's (no coordinates, or the named town's own coordinates). */
  town: boolean;
  /** log(people): the best figure, or the geometric middle of a min–max range. */
  logSize?: number;
  /**
   * true for a count of one place or one point that gave a figure: the estimator reads it as "at
   * least" the group, so its size is not predicted (counted in `notPredicted` with its reason).
   */
  atLeast?: boolean;
  /**
   * log(people) of the report's figure, whatever it counts (also an "at least" count): its share
   * of the group says whether a report naming no part saw the body or only its head or tail.
   */
  logFigure?: number;
  /**
   * The original report a stale repeat tells again (the full estimate's association `repeatOf`):
   * held out in its original's fold, its position not predicted (docs/estimation.md "What is held
   * out and how it is predicted").
   */
  repeatOf?: string;
  /** Fold (0-based) the report is held out in. */
  fold: number;
}

/** Coordinates within this distance of the named place's are the town's, not a GPS fix (km). */
const SAME_AS_TOWN_KM = 2;

/**
 * The sightings the full-data estimate assigned to a group, as check reports (fold −1: not split
 * yet). Sightings the estimate left out, or that give neither a usable position nor a size
 * figure, are not checked.
 */
export function checkReports(
  dataset: Dataset,
  groupOf: ReadonlyMap<string, string>,
  gazetteer: Gazetteer,
  timeZone: string,
  repeatOf: ReadonlyMap<string, string> = new Map(),
): CheckReport[] {
  const out: CheckReport[] = [];
  dataset.sightings.forEach((s, index) => {
    const id = s.id ?? `sighting-${index + 1}`;
    const group = groupOf.get(id);
    const time = toLocalTime(s.observedAt ?? "", timeZone);
    if (group === undefined || !time) return;
    const place = s.placeName
      ? (gazetteer.find(s.placeName, s.country) ?? gazetteer.find(s.placeName))
      : undefined;
    const placePoint: LonLat | undefined =
      place && Number.isFinite(place.lat) && Number.isFinite(place.lon)
        ? [place.lon, place.lat]
        : undefined;
    const hasCoordinates = isCoordinate(s.lat, 90) && isCoordinate(s.lon, 180);
    const point: LonLat | undefined = hasCoordinates
      ? [s.lon as number, s.lat as number]
      : placePoint;
    const town =
      point !== undefined &&
      placePoint !== undefined &&
      (!hasCoordinates || distanceKm(point, placePoint) <= SAME_AS_TOWN_KM);
    // A count of one place or one point is not a figure of the group (estimate/parts.ts
    // `readCountScope`): the estimator reads it as "at least", so it is not a size to predict.
    const figure = sizeOf(s.sizeBest, s.sizeMin, s.sizeMax);
    const atLeast =
      figure !== undefined && readCountScope(s.estimateMethod, s.notes, s.part) !== undefined;
    const logSize = atLeast ? undefined : figure;
    if (!point && logSize === undefined) return;
    out.push({
      id,
      index,
      group,
      labelled: Boolean(s.caravanLabel?.trim()),
      source: s.sourceType ?? "unknown",
      part: reportPart(s),
      lowConfidence: s.confidence === "low",
      t: time.t,
      hasTime: time.hasTime,
      point,
      town,
      logSize,
      ...(atLeast ? { atLeast } : {}),
      ...(figure !== undefined ? { logFigure: figure } : {}),
      ...(repeatOf.has(id) ? { repeatOf: repeatOf.get(id) } : {}),
      fold: -1,
    });
  });
  return out;
}

/**
 * Assigns folds: a seeded shuffle dealt round-robin into `k` folds (sizes differ by at most one),
 * or one fold per report when `k` ≥ the number of reports (leave-one-out, in input order).
 */
export function assignFolds(reports: CheckReport[], k: number, random: Random): number {
  const n = reports.length;
  if (k >= n) {
    reports.forEach((r, i) => (r.fold = i));
    return n;
  }
  const order = reports.map((_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  order.forEach((r, position) => (reports[r].fold = position % k));
  return k;
}

/**
 * Moves each stale repeat into its original's fold: held out apart, an original would be
 * predicted from its own retelling, which its fold's fit reads as a fresh report (the original it
 * repeats is gone) — the same place and figure, not held out. A repeat whose original is no check
 * report (an estimate's `repeatOf` naming a sighting outside the group or the data) cannot be
 * held out with it: it is read as any report (its `repeatOf` cleared), its position scored.
 * @example
 * togetherWithOriginals(reports); // reports[i].fold === fold of reports[i].repeatOf's report
 */
export function togetherWithOriginals(reports: CheckReport[]): void {
  const foldOf = new Map(reports.map((r) => [r.id, r.fold]));
  for (const r of reports) {
    if (r.repeatOf === undefined) continue;
    const fold = foldOf.get(r.repeatOf);
    if (fold !== undefined) r.fold = fold;
    else r.repeatOf = undefined;
  }
}

function sizeOf(best?: number, min?: number, max?: number): number | undefined {
  if (best !== undefined && Number.isFinite(best) && best > 0) return Math.log(best);
  if (min !== undefined && max !== undefined && min > 0 && max > 0) {
    return (Math.log(min) + Math.log(max)) / 2;
  }
  return undefined;
}

function isCoordinate(value: number | undefined, limit: number): boolean {
  return value !== undefined && Number.isFinite(value) && Math.abs(value) <= limit;
}
