/**
 * The evidence behind one group-day of an estimate: the reports that informed the group's
 * position and size on that day, nearest in time first, each with what it said, where it sits
 * on the group's route, how far the estimate is from it, how much of the group it describes and
 * how likely the estimator found it to be an outlier. Front ends (viewer panel, CSV export) draw
 * this; they never re-derive it.
 */
import type { Dataset } from "../model/dataset.ts";
import { DEFAULT_TIME_ZONE } from "../model/dataset.ts";
import type { Sighting } from "../model/sighting.ts";
import type { TrackPoint } from "../model/track.ts";
import type { IsoDate, Km, LonLat, People } from "../model/units.ts";
import { createGazetteer } from "../geo/gazetteer.ts";
import type { Gazetteer } from "../geo/gazetteer.ts";
import { createRouteIndex } from "../geo/routeIndex.ts";
import type { RouteIndex } from "../geo/routeIndex.ts";
import { dayToIsoDate, isoDateToDay, toLocalTime } from "../estimate/time.ts";
import { staysAsSightings } from "../estimate/trackEnds.ts";
import { InputProblem } from "../text/inputProblem.ts";

/** What evidenceFor reads of an estimate: an `EstimateResult`, or report.json with tracks. */
export interface EvidenceEstimate {
  tracks: readonly TrackPoint[];
  groups: readonly { group: string; routeId: string }[];
  report: {
    associations: readonly {
      sightingId: string;
      group: string;
      how: string;
      outlierProb?: number;
      part?: string;
      /** A count of one place or one point, read as "at least" (estimateTracks' associations). */
      countScope?: string;
      /** The original report a stale repeat tells again (left out of the positions; repeats.ts). */
      repeatOf?: string;
      sizeAtLeast?: number;
    }[];
    leftOut: readonly { sightingId: string; reason: string }[];
    counts?: readonly { group: string; point: string; km: Km; date: IsoDate; total: number }[];
  };
}

/** The held-out check's figures shown with the evidence (from `checkEstimate`). */
export interface EvidenceCheckInput {
  folds: number;
  leaveOneOut: boolean;
  heldOut: number;
  position: { n: number; coverage90: number; coverage90Widened: number; medianError: number };
  size: { n: number; coverage90: number; coverage90Widened: number; medianError: number };
}

export interface EvidenceOptions {
  /**
   * Reports up to this many days before or after the day are listed (default 3: the span over
   * which the smoother's movement model lets one report move the estimate by more than a day's
   * walk; it is also the association gate's reach before and after a track).
   */
  windowDays?: number;
  /** Report time zone (default the dataset's). */
  timeZone?: string;
  /** The dataset's held-out check, when one was run. */
  check?: EvidenceCheckInput;
  /** Sighting ids an analyst accepted or rejected (from `applyCorrections`). */
  accepted?: readonly string[];
  rejected?: readonly string[];
  /** Prebuilt indexes (default: built from the dataset). */
  routeIndex?: RouteIndex;
  gazetteer?: Gazetteer;
}

/** One report behind a group-day. */
export interface EvidenceReport {
  sightingId: string;
  observedAt: string;
  /** Local date of the report, and its time from the day's 12:00 in days (− before, + after). */
  localDate: IsoDate;
  dayOffset: number;
  placeName?: string;
  lat?: number;
  lon?: number;
  sourceOrg?: string;
  sourceType?: string;
  /** What the source said of the size (people); undefined when it gave none. */
  sizeBest?: People;
  sizeMin?: People;
  sizeMax?: People;
  /** People the report describes: the figure, the middle of a range, or its one bound. */
  people?: People;
  /** Km of the report along the group's route (undefined for a report without a place). */
  km?: Km;
  /** Distance of the report from the route (km on the ground). */
  offRouteKm?: Km;
  /** Median person's km at the report's time (interpolated between 12:00 estimates). */
  estimateKm?: Km;
  /** Report km − estimated km (km; + ahead of the median person, − behind). */
  distanceKm?: Km;
  /** Km from the body (0 inside tail…head; needs head/tail in the tracks, else from the median). */
  distanceFromBodyKm?: Km;
  /** people ÷ the estimated group size that day (1 = the whole group). */
  shareOfGroup?: number;
  /** The estimator's reading: part of the body described, when it gives one. */
  part?: string;
  /**
   * `place` (the people at one place, e.g. a shelter's occupants) or `passage` (the people passing
   * one point that day): the estimator read the figure as "at least" the group, not its size.
   */
  countScope?: string;
  /** With `countScope`: the number of people the group had at least (people). */
  sizeAtLeast?: number;
  how?: string;
  /** Posterior probability the estimator gave the report of being an outlier. */
  outlierProb?: number;
  /** A group sighting, or a stock figure of people staying at a place (id `stock:<row>`). */
  kind: "sighting" | "stay";
  /** `used`, `outlier` (outlierProb > 0.5, set aside), `accepted` / `rejected` by an analyst, `left_out`. */
  status: "used" | "outlier" | "accepted" | "rejected" | "left_out";
  /** Why it was left out, when it was. */
  reason?: string;
  /** A stale repeat's original report (the association's `repeatOf`): left out, reason "repeat of <id>". */
  repeatOf?: string;
  /** The source's web address, only when it is http(s). */
  url?: string;
  confidence?: string;
  notes?: string;
}

export interface Evidence {
  group: string;
  date: IsoDate;
  routeId: string;
  /** The estimate of that day. */
  track: TrackPoint;
  windowDays: number;
  /** Reports nearest in time first (ties: nearest in km). */
  reports: EvidenceReport[];
  /** Border counts attributed to the group within the window. */
  counts: { point: string; km: Km; date: IsoDate; total: number }[];
  /** The dataset's held-out check: coverage of held-out reports by the 90 % intervals. */
  check?: {
    folds: number;
    leaveOneOut: boolean;
    heldOut: number;
    positionCoverage90: number;
    positionCoverage90Widened: number;
    positionMedianErrorKm: number;
    sizeCoverage90: number;
    sizeCoverage90Widened: number;
  };
}

/** Outlier probability above which a report counts as set aside. */
export const OUTLIER_THRESHOLD = 0.5;

/**
 * The reports that informed `group` on `date`.
 * @throws RangeError when the group has no estimate on that date.
 * @example
 * const e = evidenceFor(embedded2018(), estimateTracks(embedded2018()), "Honduran caravan 1", "2018-10-22");
 * e.reports[0].sourceOrg; // the report nearest in time
 */
export function evidenceFor(
  dataset: Dataset,
  estimate: EvidenceEstimate,
  group: string,
  date: IsoDate,
  options: EvidenceOptions = {},
): Evidence {
  const timeZone = options.timeZone ?? dataset.timeZone ?? DEFAULT_TIME_ZONE;
  const windowDays = options.windowDays ?? 3;
  const track = estimate.tracks.filter((p) => p.group === group);
  const day = isoDateToDay(date);
  const point = track.find((p) => p.date === date);
  if (!point || day === undefined) {
    throw new InputProblem("no_estimate_on", { group, date });
  }
  const routeId = point.routeId;
  const index = options.routeIndex ?? createRouteIndex(dataset.routes);
  const gazetteer = options.gazetteer ?? createGazetteer(dataset.places);
  const accepted = new Set(options.accepted ?? []);
  const rejected = new Set(options.rejected ?? []);
  const byId = new Map<string, Sighting>();
  dataset.sightings.forEach((s, i) => byId.set(s.id ?? `sighting-${i + 1}`, s));
  // People staying at a place for a named group: reports the estimator reads from stock figures.
  for (const stay of staysAsSightings(dataset.stocks)) {
    const row = Number(stay.id?.slice("stock:".length)) - 1;
    byId.set(stay.id as string, { ...stay, url: dataset.stocks[row]?.url });
  }
  const leftOut = new Map(estimate.report.leftOut.map((l) => [l.sightingId, l.reason]));
  const kmAt = trackInterpolator(track);

  const reports: EvidenceReport[] = [];
  const consider = (
    id: string,
    a: EvidenceEstimate["report"]["associations"][number] | undefined,
  ) => {
    const s = byId.get(id);
    if (!s) return;
    const local = toLocalTime(s.observedAt, timeZone);
    if (!local || Math.abs(local.t - (day + 0.5)) > windowDays + 0.5) return;
    const row = describe(id, s, local.t - (day + 0.5), dayToIsoDate(local.t));
    const where = positionOf(s, gazetteer);
    if (where) {
      const p = index.project(where, { routeId });
      if (p) {
        row.km = round1(p.km);
        row.offRouteKm = round1(p.distanceKm);
        const at = kmAt(local.t);
        if (at) {
          row.estimateKm = round1(at.km);
          row.distanceKm = round1(p.km - at.km);
          row.distanceFromBodyKm = round1(
            p.km > at.head ? p.km - at.head : p.km < at.tail ? at.tail - p.km : 0,
          );
        }
      }
    }
    const sameDay = track.find((t) => t.date === row.localDate) ?? point;
    if (row.people !== undefined && Number.isFinite(sameDay.size) && sameDay.size > 0) {
      row.shareOfGroup = Math.round((row.people / sameDay.size) * 1000) / 1000;
    }
    if (a) {
      row.how = a.how;
      row.outlierProb = a.outlierProb;
      row.part = a.part;
      if (a.countScope !== undefined) {
        row.countScope = a.countScope;
        row.sizeAtLeast = a.sizeAtLeast;
      }
    }
    row.status = reportStatus(rejected.has(id), accepted.has(id), a);
    if (!a)
      row.reason = leftOut.get(id) ?? (rejected.has(id) ? "rejected by an analyst" : undefined);
    else if (a.repeatOf !== undefined && row.status === "left_out") {
      row.repeatOf = a.repeatOf;
      row.reason = `repeat of ${a.repeatOf}`;
    }
    reports.push(row);
  };
  for (const a of estimate.report.associations) if (a.group === group) consider(a.sightingId, a);
  // Reports the source gave this group's label but the estimator left out (or an analyst rejected).
  for (const [id, s] of byId) {
    if (s.caravanLabel === group && (leftOut.has(id) || rejected.has(id))) consider(id, undefined);
  }
  reports.sort(
    (a, b) =>
      Math.abs(a.dayOffset) - Math.abs(b.dayOffset) ||
      Math.abs(a.distanceKm ?? Infinity) - Math.abs(b.distanceKm ?? Infinity) ||
      a.sightingId.localeCompare(b.sightingId),
  );
  const counts = (estimate.report.counts ?? [])
    .filter((c) => {
      const d = isoDateToDay(c.date);
      return c.group === group && d !== undefined && Math.abs(d - day) <= windowDays;
    })
    .map((c) => ({ point: c.point, km: c.km, date: c.date, total: c.total }));
  return {
    group,
    date,
    routeId,
    track: point,
    windowDays,
    reports,
    counts,
    ...(options.check ? { check: checkSummary(options.check) } : {}),
  };
}

/**
 * What became of a report: rejected or accepted by an analyst, left out by the estimator (a stale
 * repeat of another report among them), set aside
 * as an outlier (posterior probability over {@link OUTLIER_THRESHOLD}), or used.
 */
export function reportStatus(
  rejected: boolean,
  accepted: boolean,
  association: { outlierProb?: number; repeatOf?: string } | undefined,
): EvidenceReport["status"] {
  if (rejected) return "rejected";
  if (accepted) return "accepted";
  if (!association || association.repeatOf !== undefined) return "left_out";
  return (association.outlierProb ?? 0) > OUTLIER_THRESHOLD ? "outlier" : "used";
}

function describe(id: string, s: Sighting, offset: number, localDate: IsoDate): EvidenceReport {
  const row: EvidenceReport = {
    sightingId: id,
    observedAt: s.observedAt,
    localDate,
    dayOffset: Math.round(offset * 100) / 100,
    kind: id.startsWith("stock:") ? "stay" : "sighting",
    status: "used",
  };
  if (s.placeName !== undefined) row.placeName = s.placeName;
  if (s.lat !== undefined) row.lat = s.lat;
  if (s.lon !== undefined) row.lon = s.lon;
  if (s.sourceOrg !== undefined) row.sourceOrg = s.sourceOrg;
  if (s.sourceType !== undefined) row.sourceType = s.sourceType;
  if (s.sizeBest !== undefined) row.sizeBest = s.sizeBest;
  if (s.sizeMin !== undefined) row.sizeMin = s.sizeMin;
  if (s.sizeMax !== undefined) row.sizeMax = s.sizeMax;
  const people = peopleOf(s);
  if (people !== undefined) row.people = people;
  const url = safeUrl(s.url);
  if (url) row.url = url;
  if (s.confidence !== undefined) row.confidence = s.confidence;
  if (s.notes !== undefined) row.notes = s.notes;
  return row;
}

/**
 * People a report describes: its figure, the middle of its range, or its one bound.
 * @example
 * peopleOf({ observedAt: "2018-10-20", sizeMin: 3000, sizeMax: 4000 }); // => 3500
 */
export function peopleOf(
  s: Pick<Sighting, "sizeBest" | "sizeMin" | "sizeMax">,
): People | undefined {
  const ok = (x: number | undefined): x is number => x !== undefined && Number.isFinite(x) && x > 0;
  if (ok(s.sizeBest)) return s.sizeBest;
  if (ok(s.sizeMin) && ok(s.sizeMax)) return (s.sizeMin + s.sizeMax) / 2;
  if (ok(s.sizeMin)) return s.sizeMin;
  if (ok(s.sizeMax)) return s.sizeMax;
  return undefined;
}

/**
 * The address when it is an absolute http or https URL, else undefined (a `javascript:` or
 * `data:` address from a file must never become a link).
 * @example
 * safeUrl("javascript:alert(1)"); // => undefined
 */
export function safeUrl(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const trimmed = text.trim();
  if (!/^https?:\/\//i.test(trimmed)) return undefined;
  try {
    const u = new URL(trimmed);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** Where a sighting was: its coordinates, else its place in the gazetteer (undefined when neither). */
export function positionOf(s: Sighting, gazetteer: Gazetteer): LonLat | undefined {
  const finite = (x: number | undefined): x is number => x !== undefined && Number.isFinite(x);
  if (finite(s.lat) && finite(s.lon)) return [s.lon, s.lat];
  if (!s.placeName) return undefined;
  const place = gazetteer.find(s.placeName, s.country) ?? gazetteer.find(s.placeName);
  return place && finite(place.lat) && finite(place.lon) ? [place.lon, place.lat] : undefined;
}

/** Km of the median person, head and tail at local time t (linear between 12:00 estimates). */
function trackInterpolator(
  track: readonly TrackPoint[],
): (t: number) => { km: Km; head: Km; tail: Km } | undefined {
  const days = track
    .map((p) => ({ p, day: isoDateToDay(p.date) ?? NaN }))
    .filter((x) => Number.isFinite(x.day))
    .sort((a, b) => a.day - b.day);
  const at = (p: TrackPoint) => ({ km: p.km, head: p.headKm ?? p.km, tail: p.tailKm ?? p.km });
  return (t) => {
    if (days.length === 0) return undefined;
    const x = t - 0.5;
    if (x <= days[0].day) return at(days[0].p);
    const last = days[days.length - 1];
    if (x >= last.day) return at(last.p);
    let i = 0;
    while (days[i + 1].day < x) i++;
    const a = at(days[i].p);
    const b = at(days[i + 1].p);
    const w = (x - days[i].day) / (days[i + 1].day - days[i].day);
    const mix = (u: number, v: number) => u + (v - u) * w;
    return { km: mix(a.km, b.km), head: mix(a.head, b.head), tail: mix(a.tail, b.tail) };
  };
}

function checkSummary(c: EvidenceCheckInput): NonNullable<Evidence["check"]> {
  return {
    folds: c.folds,
    leaveOneOut: c.leaveOneOut,
    heldOut: c.heldOut,
    positionCoverage90: c.position.coverage90,
    positionCoverage90Widened: c.position.coverage90Widened,
    positionMedianErrorKm: c.position.medianError,
    sizeCoverage90: c.size.coverage90,
    sizeCoverage90Widened: c.size.coverage90Widened,
  };
}

/** Columns of the evidence table (CSV export and the viewer's table), in order. */
export const EVIDENCE_COLUMNS = [
  "sightingId",
  "observedAt",
  "placeName",
  "sourceOrg",
  "sourceType",
  "sizeBest",
  "sizeMin",
  "sizeMax",
  "countScope",
  "km",
  "estimateKm",
  "distanceKm",
  "shareOfGroup",
  "outlierProb",
  "status",
  /** Why a report is left out (an analyst's rejection, an outlier, "repeat of <id>"). */
  "reason",
  /** A stale repeat's original report. */
  "repeatOf",
  "url",
] as const;

/** Columns of the viewer's evidence.csv: the group and day, then {@link EVIDENCE_COLUMNS}. */
export const EVIDENCE_CSV_COLUMNS = ["group", "date", ...EVIDENCE_COLUMNS] as const;

/**
 * The evidence as flat rows for a table or CSV (one per report, {@link EVIDENCE_COLUMNS}),
 * each with the group and the day it explains.
 */
export function evidenceRows(e: Evidence): Record<string, string | number | undefined>[] {
  return e.reports.map((r) => {
    const row: Record<string, string | number | undefined> = { group: e.group, date: e.date };
    for (const c of EVIDENCE_COLUMNS) row[c] = r[c];
    return row;
  });
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
