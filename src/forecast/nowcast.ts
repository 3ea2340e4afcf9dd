/**
 * Nowcast: every group's state as the estimator sees it at an as-of moment, from the data
 * available then only (no look-ahead) — the starting point of a forecast.
 */
import type { Dataset } from "../model/dataset.ts";
import { DEFAULT_TIME_ZONE } from "../model/dataset.ts";
import type { TrackPoint } from "../model/track.ts";
import type { IsoDate, Km } from "../model/units.ts";
import { estimateTracks } from "../estimate/estimateTracks.ts";
import type { CorrectedInput, CorrectionsFile } from "../evidence/corrections.ts";
import { estimateWithCorrections } from "../evidence/estimateCorrected.ts";
import type { EstimateOptions, EstimateResult } from "../estimate/estimateTracks.ts";
import type { KmDayEstimate } from "../estimate/kmSmoother.ts";
import type { MovementModel } from "../movement/index.ts";
import type { SizeDayEstimate } from "../estimate/sizeSmoother.ts";
import { dayNumber, isoDate } from "../calendar/index.ts";
import { asOfMoment } from "../calendar/index.ts";
import { fitAttritionPerDay } from "./attrition.ts";
import { groupMovement } from "./groupMovement.ts";
import { regimeOfPace } from "./reportedRegime.ts";
import { atTrackEnd, reportedStates } from "./reportedState.ts";
import type { ReportedState } from "./reportedState.ts";
import { lawAhead } from "../movement/index.ts";
import type { LawAhead } from "../movement/index.ts";
import type { Regime } from "../movement/index.ts";
import { groupsOnStartDay } from "./stateDay.ts";
import { ledgerGroupsOnDay, onRoadAtStart } from "./startPeople.ts";
import { InputProblem } from "../text/inputProblem.ts";

/** Options of {@link nowcast}: those of `estimateTracks` (`asOf`, time zone, movement prior, …). */
export interface NowcastOptions extends EstimateOptions {
  /**
   * Latest daily moves of each group its own regime shares are refitted on (days; `Infinity` =
   * its whole track); default 0 = every group uses the shares the estimator fitted on all groups.
   * See {@link groupMovement}: refitting on the estimated tracks made forecasts worse on both
   * simulators (docs/forecasts.md § What we tried), so it is off by default.
   */
  paceWindowDays?: number;
  /** Weight of the pooled shares in that refit (pseudo-days; default 4). */
  pacePriorDays?: number;
  /**
   * When a group's two latest reports show it riding (their speed ≥ the movement model's shortest
   * ride, 80 km/day by default; {@link regimeOfPace}), this share of its start regime is moved to
   * riding, the rest kept from the estimator's posterior; default 1 (0 = the estimator's posterior
   * alone). Reports showing a walk or a rest change nothing. On both simulators it made
   * short-lead forecasts better (docs/forecasts.md § What was tried (issue 14)).
   */
  reportedRideWeight?: number;
  /**
   * Start the head no further back than the furthest position report of the group's last day
   * ({@link headAtReports}); default true.
   */
  headAtReports?: boolean;
  /**
   * An analyst's corrections (corrections.json, docs/contracts.md §4): applied to the dataset
   * before estimating (`estimateWithCorrections`, as `runReplay` and `dtm-flow estimate
   * --corrections` apply them), so that the nowcast, and the forecast moved on from it, start from
   * the corrected state. Default: none.
   */
  corrections?: CorrectionsFile;
}

/** One group at the end of its data. */
export interface GroupNowcast {
  group: string;
  routeId: string;
  routeLengthKm: Km;
  /** Whether a source named the group (`caravan_label`) or the estimator formed it. */
  labelled: boolean;
  /**
   * Local date of the group's state the forecast starts from: the last day of its track, or, when
   * the state holds the group on the road past it (held days, `carryTracks`), the day of the last
   * noon at or before the as-of moment (stateDay.ts: the as-of date for a bare date).
   */
  lastDate: IsoDate;
  /** Local day number (days since 1970-01-01) of `lastDate`. */
  lastDay: number;
  /**
   * Local date of the group's last observation: the last day of its track (≤ `lastDate`);
   * absent in a nowcast built by hand, read as `lastDate`.
   */
  observedDate?: IsoDate;
  /** Position at 12:00 on `lastDate` (median and 90 % interval, km along `routeId`). */
  km: KmDayEstimate;
  /**
   * P(regime of the last move): rest, walk, ride — the forecast's start regime: the estimator's
   * posterior, with the share `reportedRideWeight` moved to riding when `reportedRegime` is a ride.
   */
  regime: { rest: number; walk: number; ride: number };
  /** The regime the group's two latest reports show (by their speed); undefined with fewer than two report times. */
  reportedRegime?: Regime;
  /**
   * People of the group the runs move on `lastDate`; undefined when no source gave a size
   * (unknown, not zero). On the start day, the state's people of the group on the road: its size
   * less the people the ledger counts at places (startPeople.ts; `groupSize` then holds the whole).
   */
  size?: SizeDayEstimate;
  /** The whole group's size when some of it is counted at places on `lastDate` (startPeople.ts). */
  groupSize?: SizeDayEstimate;
  /**
   * Share of the group the runs move from `lastDate` (0–1): the ledger's `moving` + `resting` that
   * day, people on the road and people resting with it at a place on the way (startPeople.ts);
   * undefined when the ledger has no row of it (all of it on the road).
   */
  moving?: number;
  /** The place whose counted people the group has reached on `lastDate` (the ledger's `placeName`). */
  atPlace?: string;
  /**
   * Share of the group (0–1) resting at `atPlace` on `lastDate` that the runs move on with it: the
   * ledger counts them there (present, not in transit), so the forecast's people on the road
   * exceed the ledger's in transit by them (startPeople.ts, {@link restingStartText}); undefined
   * when none.
   */
  resting?: number;
  /**
   * First fitted day of the track (departure as far as the data show) and the km then; days
   * written before it from a report naming the group (EstimateReport.trackStarts) are not read.
   */
  departureDate: IsoDate;
  departureKm: Km;
  /** Whole days from `observedDate` to the as-of day (0 = seen that day). */
  daysSinceObserved: number;
  /**
   * Local date of the group's last position report up to the as-of moment (`reportsOfGroup`, lastTwoReports.ts);
   * undefined when it has none. Its track, and so `lastDate`, runs to the last day of the data,
   * which for a group reported once (Salvadoran group Nov 18: San Salvador, 18 Nov) is days after
   * anyone saw it; planners weigh a forecast by when the group was last reported.
   */
  lastReportDate?: IsoDate;
  /** Median km of its track on `lastReportDate` (where it was last reported); undefined without. */
  lastReportKm?: Km;
  /**
   * Local date of the group's last report of any kind (position, count or stay) up to the as-of
   * moment: the estimator's `trackEnds[].lastReportDate`, the date the state's `unseenSince` and
   * the forecast's `dissolved` status are measured from (`isUnseen`, src/movement/silence.ts).
   */
  lastSeenDate?: IsoDate;
  /**
   * How and when the estimator's track ended (`trackEnds[]` `lastDate`, `reason`): a track ended at
   * its `destination` is `arrived`, one ended `accounted_for` is accounted for, from that day on
   * (`groupDayStatus`, the rule tracks.csv and the state read).
   */
  trackEnd?: { lastDate: IsoDate; reason: string };
  /**
   * The group's movement model: the pooled one, or (`paceWindowDays` > 0) its shares refitted on
   * the group's own pace ({@link groupMovement}).
   */
  movement: MovementModel;
  /**
   * How far its head (first people) was ahead of its median person on `lastDate` (km, ≥ 0), from
   * the track's `headKm`; undefined when the track has no head.
   */
  headAheadKm?: Km;
  /**
   * The head's own start (with a head in the tracks): its km on `lastDate` (median and 90 %
   * interval, from `headKm`/`headKmLow`/`headKmHigh`) and its start regime — riding when the head
   * track's last daily move is a ride ({@link headStartRegime}), else the group's `regime`. The
   * forecast moves the head on from here, so a vanguard that has just boarded buses is not held to
   * the pace of the median person (issue 14).
   */
  head?: HeadNowcast;
}

/** Where a group's head (first people) starts a forecast: see {@link GroupNowcast.head}. */
export interface HeadNowcast {
  km: { median: Km; low: Km; high: Km };
  regime: { rest: number; walk: number; ride: number };
  /** The head track's move into `lastDate` (km; undefined without the day before). */
  lastMoveKm?: Km;
}

/** The state of every group at `asOf`. */
export interface Nowcast {
  /** As-of moment on the local-day axis (fractional local days since 1970-01-01). */
  asOf: number;
  asOfDate: IsoDate;
  timeZone: string;
  /** Movement model fitted on the data so far: the estimator's EM-fitted regime shares and speeds. */
  movement: MovementModel;
  /** Daily attrition fitted on the size tracks so far (see {@link fitAttritionPerDay}). */
  attritionPerDay: number;
  groups: GroupNowcast[];
  /** The estimate behind it (tracks up to each group's last observation, report). */
  estimate: EstimateResult;
  /**
   * With `NowcastOptions.corrections`: what they did, and the corrected copy of the dataset
   * (rejected reports removed, labels changed) the estimate and the state are of.
   */
  corrected?: CorrectedInput;
}

/**
 * Runs the estimator on the data available at `options.asOf` (default: all data, and the as-of
 * moment is then 12:00 of the last day with an observation) and returns each group's state at
 * the as-of moment, the movement model fitted so far and the attrition rate so far.
 * A group whose track ends before the as-of day and which the state holds on the road (held
 * days, `carryTracks`) starts from its held state of that day (stateDay.ts), as tracks.csv of
 * `dtm-flow estimate --as-of` gives it; the forecast moves it on from there.
 *
 * @param input places, routes, sightings, counts, stocks (e.g. `embedded2018()`).
 * @param options estimator options; `asOf` an ISO date or date-time (a bare date is the end of that
 *   local day, `asOfMoment`).
 * @throws RangeError for an unknown time zone or an `asOf` that is not an ISO date (from the estimator);
 *   CorrectionsError (a RangeError) when a correction does not fit the data.
 * @example
 * const now = nowcast(embedded2018(), { asOf: "2018-11-01T00:00:00-06:00" });
 * now.groups.map((g) => [g.group, Math.round(g.km.median)]); // => [["Honduran caravan 1", 1240], …]
 */
export function nowcast(input: Dataset, options: NowcastOptions = {}): Nowcast {
  const timeZone = options.timeZone ?? input.timeZone ?? DEFAULT_TIME_ZONE;
  const { corrections, ...rest } = options;
  // With corrections the one corrected pipeline (estimateWithCorrections); the state below is
  // then of the corrected copy of the data, as runReplay's.
  const withCorrections = corrections
    ? estimateWithCorrections(input, corrections, { ...rest, timeZone })
    : undefined;
  const dataset = withCorrections?.dataset ?? input;
  const estimate = withCorrections?.estimate ?? estimateTracks(dataset, { ...rest, timeZone });
  const ends = trackEnds(estimate);
  const stateOf = reportedStates(dataset, estimate, {
    timeZone,
    ...(options.asOf === undefined ? {} : { asOf: asOfMoment(options.asOf, timeZone)?.t }),
    routeIndex: options.routeIndex,
    gazetteer: options.gazetteer,
  });
  const groups = estimate.state.map((s) => groupNowcast(s, estimate, ends, stateOf, options));
  const asOf = asOfTime(options.asOf, timeZone, groups);
  for (const g of groups) {
    g.daysSinceObserved = Math.max(0, Math.floor(asOf) - g.lastDay);
    const last = stateOf(g.group).times?.findLast((t) => t <= asOf);
    if (last !== undefined) g.lastReportDate = isoDate(Math.floor(last));
    const at = g.lastReportDate;
    const point = at && estimate.tracks.find((t) => t.group === g.group && t.date === at);
    if (point) g.lastReportKm = point.km;
  }
  return {
    asOf,
    asOfDate: isoDate(Math.floor(asOf)),
    timeZone,
    movement: estimate.report.movement,
    attritionPerDay: fitAttritionPerDay(estimate.tracks),
    // The state on the start day (held days past the track's end, the people on the road), where
    // the runs start.
    groups: onRoadAtStart(
      groupsOnStartDay(groups, estimate, { ...dataset, timeZone }, asOf, timeZone, {
        reportedRideWeight: options.reportedRideWeight,
      }),
      ledgerGroupsOnDay(estimate, { ...dataset, timeZone }, asOf, timeZone),
      asOf,
    ),
    estimate,
    ...(withCorrections ? { corrected: correctedInput(withCorrections) } : {}),
  };
}

/** The corrected input of a corrected estimate (without the estimate itself). */
function correctedInput(c: CorrectedInput & { estimate: EstimateResult }): CorrectedInput {
  const { estimate: _estimate, ...input } = c;
  return input;
}

/** Each group's first fitted day, last track point and the point before it (see {@link trackEnds}). */
interface TrackEnds {
  firstOf: Map<string, { date: IsoDate; km: Km }>;
  lastOf: Map<string, TrackPoint>;
  beforeLastOf: Map<string, TrackPoint>;
}

/**
 * Per group, from its track: the first FITTED day (its departure) with its km, the last track
 * point and the one before it (the head's last daily move).
 */
function trackEnds(estimate: EstimateResult): TrackEnds {
  const firstOf = new Map<string, { date: IsoDate; km: Km }>();
  // The departure is the first FITTED day: days written before it from a naming report
  // (trackStarts.ts) are placed by the law alone, and a naive baseline read from them would
  // extrapolate the model's own mean move.
  const fitted = new Map(estimate.report.trackStarts.map((s) => [s.group, s.firstFittedDate]));
  const lastOf = new Map<string, TrackPoint>();
  const beforeLastOf = new Map<string, TrackPoint>();
  for (const t of estimate.tracks) {
    const latest = lastOf.get(t.group);
    if (!latest || t.date > latest.date) {
      if (latest) beforeLastOf.set(t.group, latest);
      lastOf.set(t.group, t);
    } else if (t.date < latest.date && t.date > (beforeLastOf.get(t.group)?.date ?? "")) {
      beforeLastOf.set(t.group, t);
    }
    const first = firstOf.get(t.group);
    if (t.date < (fitted.get(t.group) ?? "")) continue;
    if (!first || t.date < first.date) firstOf.set(t.group, { date: t.date, km: t.km });
  }
  return { firstOf, lastOf, beforeLastOf };
}

/** A group's state on its last day, as the estimator gives it. */
type GroupState = EstimateResult["state"][number];

/**
 * The law a group's runs move by and its start regime: the movement module's one reading of the
 * law after the track's last day (`lawAhead`, src/movement/ahead.ts), the reading the held days
 * after the data are carried by (src/state/onRoad.ts); with `paceWindowDays` > 0 (development) the
 * group's shares refitted on its own pace in place of the pooled law.
 */
function lawOf(
  s: GroupState,
  estimate: EstimateResult,
  reported: ReportedState,
  options: NowcastOptions,
): LawAhead {
  const pooled = estimate.report.movement;
  const refit =
    (options.paceWindowDays ?? 0) === 0
      ? undefined
      : groupMovement(
          estimate.tracks.filter((t) => t.group === s.group),
          pooled,
          { windowDays: options.paceWindowDays, priorDays: options.pacePriorDays },
        );
  return lawAhead(pooled, atTrackEnd(s, reported), {
    reportedRideWeight: options.reportedRideWeight,
    ...(refit ? { law: refit } : {}),
  });
}

/** One group's nowcast on its last day (`daysSinceObserved` and `lastReportDate` set by the caller). */
function groupNowcast(
  s: GroupState,
  estimate: EstimateResult,
  ends: TrackEnds,
  stateOf: (group: string) => ReportedState,
  options: NowcastOptions,
): GroupNowcast {
  const info = estimate.groups.find((g) => g.group === s.group);
  const first = ends.firstOf.get(s.group) ?? { date: s.date, km: s.km.median };
  const last = ends.lastOf.get(s.group);
  const end = estimate.report.trackEnds.findLast((e) => e.group === s.group);
  const lastSeen = end?.lastReportDate;
  const reported = stateOf(s.group);
  const { movement, regime } = lawOf(s, estimate, reported, options);
  return {
    group: s.group,
    routeId: s.routeId,
    routeLengthKm: s.routeLengthKm,
    labelled: info?.labelled ?? false,
    lastDate: s.date,
    lastDay: dayNumber(s.date) ?? 0,
    observedDate: s.date,
    km: s.km,
    regime,
    ...(reported.regime ? { reportedRegime: reported.regime } : {}),
    size: s.size,
    departureDate: first.date,
    departureKm: first.km,
    daysSinceObserved: 0,
    ...(lastSeen !== undefined ? { lastSeenDate: lastSeen } : {}),
    ...(end ? { trackEnd: { lastDate: end.lastDate, reason: end.reason } } : {}),
    ...(last?.headKm !== undefined ? { headAheadKm: Math.max(0, last.headKm - last.km) } : {}),
    ...headStartAt(
      headStart(last, ends.beforeLastOf.get(s.group), regime, estimate.report.movement),
      (options.headAtReports ?? true) ? reported.furthest : undefined,
      dayNumber(s.date) ?? 0,
    ),
    movement,
  };
}

/**
 * The as-of moment on the local-day axis: `asOf` (a bare date is the end of that local day,
 * asOfMoment, the one as-of rule), else 12:00 of the groups' last day (0 without groups).
 */
function asOfTime(
  asOf: string | undefined,
  timeZone: string,
  groups: readonly GroupNowcast[],
): number {
  if (asOf !== undefined) {
    const local = asOfMoment(asOf, timeZone);
    if (!local) throw new InputProblem("as_of_not_date", { value: String(asOf) });
    return local.t;
  }
  const t = groups.reduce((m, g) => Math.max(m, g.lastDay), -Infinity) + 0.5;
  return Number.isFinite(t) ? t : 0;
}

/**
 * The head's own start ({@link GroupNowcast.head}) from the group's last two track points: its
 * km on the last day, and riding when the head moved a ride (≥ the movement model's shortest
 * ride) into that day, else the group's start regime `regime`; undefined without a head.
 */
export function headStart(
  last: TrackPoint | undefined,
  before: TrackPoint | undefined,
  regime: GroupNowcast["regime"],
  movement: MovementModel,
): { head: HeadNowcast } | Record<string, never> {
  if (last?.headKm === undefined || !Number.isFinite(last.headKm)) return {};
  const days = before ? (dayNumber(last.date) ?? 0) - (dayNumber(before.date) ?? 0) : 0;
  const lastMoveKm =
    before?.headKm !== undefined && days === 1 ? last.headKm - before.headKm : undefined;
  const riding = lastMoveKm !== undefined && regimeOfPace(lastMoveKm, movement) === "ride";
  return {
    head: {
      km: {
        median: last.headKm,
        low: Math.min(last.headKm, last.headKmLow ?? last.headKm),
        high: Math.max(last.headKm, last.headKmHigh ?? last.headKm),
      },
      regime: riding ? { rest: 0, walk: 0, ride: 1 } : { ...regime },
      ...(lastMoveKm !== undefined ? { lastMoveKm } : {}),
    },
  };
}

/** {@link headAtReports} on the head of {@link headStart}'s result, if any. */
function headStartAt(
  start: { head: HeadNowcast } | Record<string, never>,
  furthest: { km: Km; day: number } | undefined,
  lastDay: number,
): { head: HeadNowcast } | Record<string, never> {
  return "head" in start && start.head
    ? { head: headAtReports(start.head, furthest, lastDay) }
    : start;
}

/**
 * The head's start moved up to the furthest report of the group's latest report day when that
 * day is the track's last and the report is ahead of the estimated head (its 90 % interval
 * widened to hold it); else `head` unchanged.
 */
export function headAtReports(
  head: HeadNowcast,
  furthest: { km: Km; day: number } | undefined,
  lastDay: number,
): HeadNowcast {
  if (!furthest || furthest.day !== lastDay || !(furthest.km > head.km.median)) return head;
  return {
    ...head,
    km: { median: furthest.km, low: head.km.low, high: Math.max(head.km.high, furthest.km) },
  };
}
