/**
 * The track estimator: where every caravan group is along its route — its head, its median person
 * and its tail — and how many people it holds, for every day from its first report until it is
 * accounted for, each with a 90 % interval.
 *
 * Steps (each its own module, tested alone; method notes there):
 * 1. prepare.ts — local times, positions (coordinates or gazetteer), size reports in log space;
 *    stock figures of people staying at a place for a named group become reports (trackEnds.ts);
 * 2. route choice and association (associate.ts) — labelled groups on their best route;
 *    unlabelled reports join the track they fit (position, time, movement, size), the rest form
 *    tracklets linked at least cost against a birth penalty;
 * 3. position smoothing (positions.ts + kmSmoother.ts) — the median person by a regime-switching
 *    (rest/walk/ride) forward–backward smoother on a km grid with a robust observation mixture; a
 *    report counts in proportion to the people it describes; border counts (counts.ts) add
 *    passage-time evidence; regime shares, walking speed and outlier rate fitted to the data;
 * 4. size smoothing (sizes.ts) — log-size smoother with per-source bias, stock drifts and priors;
 * 5. bodies (bodies.ts) — head and tail smoothed from the reports of those parts;
 * 6. intervals and ends (trackEnds.ts) — tracks run on past their last report, with widening
 *    intervals, until the group reaches its destination, is accounted for, or the data end.
 */
import { estimateWarning, type EstimateWarning } from "./warnings.ts";
import type { Dataset } from "../model/dataset.ts";
import { DEFAULT_TIME_ZONE } from "../model/dataset.ts";
import type { TrackPoint } from "../model/track.ts";
import type { IsoDate, IsoDateTime, Km, LonLat } from "../model/units.ts";
import type { Random } from "../util/random.ts";
import { createGazetteer } from "../geo/gazetteer.ts";
import type { Gazetteer } from "../geo/gazetteer.ts";
import { createRouteIndex } from "../geo/routeIndex.ts";
import type { RouteIndex } from "../geo/routeIndex.ts";
import { assignSizeOnly, associateUnlabelled, describeGroup, labelledGroups } from "./associate.ts";
import { spreadAssociation } from "./assocSpread.ts";
import type { AssociationSpread } from "./assocSpread.ts";
import { orderEnds, smoothBody } from "./bodies.ts";
import { calibrateGroups } from "./calibrate.ts";
import type { Widening } from "./calibrate.ts";
import { attributeCounts } from "./counts.ts";
import type { CountLeftOut } from "./counts.ts";
import type { KmDayEstimate } from "./kmSmoother.ts";
import { defaultEstimatorMovement } from "../movement/index.ts";
import type { MovementModel } from "../movement/index.ts";
import {
  fitBodySpread,
  fitMovement,
  fitGroupMovement,
  fitOutlierScale,
  isUnnamedBody,
  recordOutlierProbs,
  recordRepeats,
  markRepeats,
  runKm,
  setSpan,
} from "./positions.ts";
import { prepareSightings } from "./prepare.ts";
import {
  backwardRouteParams,
  backwardRoutes,
  unlabelledSets,
  type RouteReports,
} from "./routeDirection.ts";
import type { PreparedSighting } from "./prepare.ts";
import type { SizePrior } from "./sizePrior.ts";
import type { SizeDayEstimate } from "./sizeSmoother.ts";
import { estimateSizes } from "./sizes.ts";
import type { BiasSource, SourceBias } from "./sourceBias.ts";
import { fitSourceLeans } from "./sourceLean.ts";
import type { SourceLean } from "./sourceLean.ts";
import { dataEndDay, endTrack, staysAsSightings } from "./trackEnds.ts";
import { resolveDestinations } from "./destinations.ts";
import type { DestinationInput } from "./destinations.ts";
import type { TrackEnd } from "./trackEnds.ts";
import { DEFAULT_SPLIT_PARTS } from "./splitParts.ts";
import type { SplitPartsOptions } from "./splitParts.ts";
import type { PeopleJoinOptions } from "./peopleJoin.ts";
import { MAX_WRITTEN_DAYS, writtenBefore } from "./trackStarts.ts";
import type { TrackStart, WrittenDay } from "./trackStarts.ts";
import { reachedBack } from "./reachBack.ts";
import type { ReachBackMode } from "./reachBack.ts";
import { asOfMoment } from "../calendar/index.ts";
import { dayToIsoDate, isValidTimeZone } from "./time.ts";
import type { Association, EstimateContext, WorkGroup } from "./workGroup.ts";
import type { PredictiveAssociation } from "./predictiveTrack.ts";
import { InputProblem } from "../text/inputProblem.ts";

export type { Association } from "./workGroup.ts";
export type { TrackEnd } from "./trackEnds.ts";
export type { TrackStart } from "./trackStarts.ts";

/** Sightings farther than this (km) from their group's route are left out (EstimateOptions.maxOffRouteKm). */
export const DEFAULT_MAX_OFF_ROUTE_KM: Km = 60;

export interface EstimateOptions {
  /** IANA time zone of the report; default the dataset's, else `America/Mexico_City`. */
  timeZone?: string;
  /**
   * Use only data observed up to this time (no look-ahead); default: all data. A bare date is the
   * end of that local day, a date-time keeps its time (`asOfMoment`).
   */
  asOf?: IsoDateTime;
  /** Accepted for API symmetry with the simulator; the estimator is deterministic. */
  random?: Random;
  /** Prior movement model (default {@link defaultEstimatorMovement}). */
  movement?: MovementModel;
  /** Fit the regime shares to the data by EM (default true). */
  fitRegimes?: boolean;
  /** Sightings farther than this from their group's route are left out (default DEFAULT_MAX_OFF_ROUTE_KM, 60 km). */
  maxOffRouteKm?: Km;
  /** Prebuilt route index / gazetteer (default: built from the dataset). */
  routeIndex?: RouteIndex;
  gazetteer?: Gazetteer;
  /** Grid cells for km (default 900). */
  maxCells?: number;
  /**
   * Sighting ids an analyst accepted (corrections.json `accept`): their position is never read as
   * an outlier (prior 0, so posterior 0). Default none.
   */
  keep?: readonly string[];
  /**
   * Destinations an analyst set (corrections.json `destination`): a labelled group travels on the
   * route given (or the route passing nearest the place) and its track ends, reason
   * "destination", when its median person reaches the place. Default none.
   */
  destinations?: readonly DestinationInput[];
  /**
   * Widen the intervals by the reports' own leave-one-out check (calibrate.ts; default true).
   * false gives the model's intervals as they are.
   */
  selfCalibrate?: boolean;
  /**
   * Read the position reports of source types that lean ahead of (behind) the others, naming no
   * part, back by their fitted lean (sourceLean.ts; default true).
   */
  sourceLean?: boolean;
  /**
   * The final passes of the tracks read a report of the body as a scale mixture with heavy tails
   * (positions.ts BODY_SCALE_MIXTURE: the track is nearer the median of such reports than their
   * mean; default true). false: one normal, as before (docs/estimation.md "Where the labelled km
   * and size errors come from").
   */
  bodyTails?: boolean;
  /**
   * The reports at one place on one local day share one report's weight in the association's
   * positions (placeDay.ts; trackCost.ts CostModel.onePlaceADay). Default false: it lost on the
   * reported seeds (docs/estimation.md).
   */
  onePlaceADay?: boolean;
  /**
   * The association search (linkTracklets.ts) scores each group's positions PREDICTIVELY
   * (predictiveTrack.ts: each report by its one-step-ahead density through the movement law, at one
   * spread `spreadKm`, default 40 km) instead of the forward-only fit, with `birthNats` a group
   * (default BIRTH_NATS). Default off: measured on the development beds, not kept
   * (docs/estimation.md, branch predassoc). With it on, no route is skipped on the forward fit's
   * lower bound (moveScreen.ts tableCost), but the move screens that choose which moves are
   * re-fitted (moveScreen.ts, edgeScreen.ts) still read the forward fit: heuristics there, exact
   * only with `exhaustive` in reassignReports. Not recorded in report.json, and the CLI cannot set
   * it: for the benches only.
   * @internal
   */
  predictiveAssociation?: PredictiveAssociation;
  /**
   * After the association search, a short unlabelled track whose reports all lie within another
   * track's body and whose figures are a part's of it is read as that body's vanguard or rear
   * (absorbParts.ts). Default off: measured on the development beds, not kept (it wins the stress
   * worlds' unlabelled figures and joins different groups on world3; docs/estimation.md § assoc23).
   * For the benches only.
   * @internal
   */
  absorbParts?: boolean;
  /**
   * After the association search, a short unlabelled track that names a part and whose reports
   * lie within the bodies of two or more larger unlabelled tracks, each share a part's of its
   * body, is dissolved into them as their vanguards or rears (splitParts.ts). Default off
   * (undefined or false); true: DEFAULT_SPLIT_PARTS; other readings for the benches only. Stop
   * 24 dissolved the only track of two true groups on the reported stress seeds; assoc25's cap
   * (a track over more than three bodies stays) was read off those two worlds, and on fresh
   * stress seeds (offset 300) it lost km error 0.971 → 1.036× naive, so it stays off
   * (docs/estimation.md § assoc24, § assoc25; bench/README.md § Reported seeds, stop 25).
   * @internal
   */
  splitParts?: SplitPartsOptions | boolean;
  /**
   * After the association search, an unlabelled track whose reports on the days a larger
   * unlabelled track is seen lie within that track's body, and whose typical figure is that
   * track's within 2x, joins it (joinBodies.ts: the head and tail of one long body). Default off:
   * measured on the development beds (docs/estimation.md § assoc25b). For the benches only.
   * @internal
   */
  joinBodies?: boolean | "parts";
  /**
   * After the association search, an unlabelled track whose reports fit a larger unlabelled
   * track's people on their days (each figure the body's size within 2x, or at most 1.5x the
   * people its smoothed body holds about the report's km) joins it (peopleJoin.ts). Default off:
   * measured on the development beds (docs/estimation.md § assoc27). For the benches only.
   * @internal
   */
  peopleJoin?: boolean | PeopleJoinOptions;
  /**
   * In the association search's cost, a report within a track's same-day body spread may be
   * charged as a part of the body (its position uniform over the body's same-day length, its
   * figure as a part's count), not as an outlier (bodyCharge.ts: the head and tail of one long
   * body are one track). Default off: measured on the development beds (docs/estimation.md
   * § assoc26). For the benches only.
   * @internal
   */
  bodyCharge?: boolean;
  /**
   * The association search's moves of single reports fit exactly only the groups whose body could
   * hold the report on its day (neighbourGate.ts: its track's interval on the day, widened by the
   * movement law's reach before its first report or after its last, plus a margin of six of its
   * spreads). Default off (docs/estimation.md § speed26). For the benches only.
   * @internal
   */
  neighbourGate?: boolean;
  /**
   * Narrow a labelled group's days that no check widens by the reports' own noise scale fitted
   * from their held-out residuals (0.5–1; narrowing.ts, docs/estimation.md § cal24). Default
   * false: issue 13's contract is that intervals are widened where the data show the model
   * overconfident and never narrowed below the model's; the narrowed term also holds the body
   * reading, the model's own uncertainty. For the benches only.
   * @internal
   */
  narrowNoise?: boolean;
  /**
   * Read a group's body spread no wider than its reports of one day show it: on days with two or
   * more reports of the body, each report's distance from its day's median report (× √(n ÷ (n−1))),
   * and where at least 4 such distances fall within the spread window, their 80th (50th)
   * percentile caps the fitted spread (bulk) (positions.ts `fitBodySpread`; docs/estimation.md
   * § cal25). Default false: measured on the development beds it narrows the model's intervals
   * but the self-calibration widens them back (simulate.ts labelled km cover 96.2 → 96.0 %,
   * stress width 769 → 816 km). For the benches only.
   * @internal
   */
  sameDaySpread?: boolean;
  /**
   * Read the day check's factor (calibrate.ts, kmDays) on a labelled group's reported day as a
   * widening of the day's prediction from the other days, not of its whole posterior
   * (calibrate.ts `lawShareFactor`; docs/estimation.md § cal25). Default false: the day's whole
   * interval × the factor. On, it put the held-out world3 bed just below 87 % (87.0 → 86.9 %) and
   * a day of many reports hardly widens when its reports share an error, which the day check
   * measures (bench/README.md § Reported seeds, stop 25). Never narrower than the model's own.
   * @internal
   */
  dayCheckOnLaw?: boolean;
  /**
   * Read the reports' check (calibrate.ts, `km`) on a labelled group as a widening of its reports'
   * noise, not of every day's whole posterior (noiseWidening.ts; docs/estimation.md § cal25b).
   * Default false. Never narrower than the model's own interval.
   * @internal
   */
  reportCheckOnNoise?: boolean;
  /**
   * Read a labelled group's reports of the body on a day whose reports all agree within their own
   * noise (a day of one report included) as reports of one point: a body half-spread of 2 km, not
   * the fitted spread or the size rule's (pointDays.ts; docs/estimation.md § cal26). Default
   * false: on the development beds it narrowed simulate.ts's labelled days (model's own 95.8 →
   * 92.7 %) but the self-calibration widened stress's back past main (km cover 93.5 → 94.6 %)
   * and the 2018 held-out intervals grew. For the benches only.
   * @internal
   */
  agreeingAsPoint?: boolean;
  /**
   * Write a track's days back from its first fitted day to when, at the law's mean daily move, it
   * would have left the route's origin (reachBack.ts: from its first day's 90 % low end, at most
   * 21 days; intervals widening back by the longest ride of a day per day, never past the
   * origin). Only a track no named report starts earlier; `"unlabelled"`: unlabelled tracks only.
   * Written only: nothing fitted sees these days. Default off (docs/estimation.md § gaps27).
   * For the benches only.
   * @internal
   */
  reachBack?: ReachBackMode;
}

/** A group as estimated: its route, its span and the sightings associated to it. */
export interface EstimatedGroup {
  group: string;
  routeId: string;
  firstDate: IsoDate;
  lastDate: IsoDate;
  /** Ids of the sightings associated to the group. */
  sightings: string[];
  /** true when the group came from a caravan_label, false when started from unlabelled sightings. */
  labelled: boolean;
}

export interface EstimateReport {
  associations: Association[];
  leftOut: { sightingId: string; reason: string }[];
  sourceBiases: SourceBias[];
  /**
   * Each source type's fitted lean of its position reports that name no part (km ahead of the
   * other types' reports of the same group and day, shrunk toward 0), as the estimator used it.
   */
  sourceLeans: SourceLean[];
  /** Sd of the common size level (the bias level the data cannot fix; in the size intervals). */
  sizeLevelSd: number;
  /**
   * Factors (≥ 1) by which the 90 % intervals of km (median person, head, tail) and of size (log
   * scale) were widened by the self-calibration (calibrate.ts), and the reports that set them.
   */
  widening: Widening;
  /**
   * Reports near more than one track when no label names their group, and the days of tracks
   * built without labels whose km intervals were stretched to hold them (assocSpread.ts).
   */
  associationSpread: AssociationSpread;
  /**
   * The log-normal prior each group's size got (log people; fitted from the `groups` other groups
   * with figures, pooled with the 2018 fallback of sizePrior.ts). It matters only for groups with
   * few figures, above all those known only by a bound.
   */
  sizePriors: (SizePrior & { group: string })[];
  /**
   * The pooled movement model: the prior law with its regime shares and walking speed fitted to
   * all groups' days (positions.ts fitMovement). Unlabelled tracks are smoothed with it, and it is
   * the law the forecast starts from (`GroupState.movement`).
   */
  movement: MovementModel;
  /**
   * Each labelled group's own law, as its final passes (median person, head, tail) read it: the
   * pooled law's regime shares and walking speed refitted to the group's own days and shrunk
   * towards the pooled law (positions.ts fitGroupMovement); every other field is the pooled
   * law's. Shares and km rounded to 0.001; sorted by group.
   */
  groupMovement: GroupMovementFit[];
  /** Border counts used: per group and point, when it passed and how many were counted. */
  counts: { group: string; point: string; km: Km; date: IsoDate; total: number; rows: number }[];
  /** Count rows not used, with the reason. */
  countsLeftOut: CountLeftOut[];
  /** Sightings after `asOf`, not used. */
  afterAsOf: number;
  /**
   * Notes for users (`source.module` "estimate"): `position_unusable` (a sighting's place did not
   * resolve, its size was still used), `off_route` (too far off its group's route: size only),
   * `off_every_route` (near no route: its size is not used). Each message starts with the
   * sighting's id.
   */
  warnings: EstimateWarning[];
  /** Why each group's track ends where it does (destination, accounted for, end of data). */
  trackEnds: TrackEnd[];
  /**
   * Labelled groups named before their first fitted day: the days written back to the first
   * naming report (at most MAX_WRITTEN_DAYS), where their size comes from, and the naming reports
   * too early to start the track (trackStarts.ts). Sorted by group.
   */
  trackStarts: TrackStart[];
}

/** A labelled group's own fitted movement law (EstimateReport.groupMovement). */
export interface GroupMovementFit {
  group: string;
  /** Long-run share of days resting, walking, riding (sums to 1 up to rounding). */
  regimes: MovementModel["regimes"];
  /** Distance walked on a walking day (km): mean and sd. */
  walkKm: MovementModel["walkKm"];
}

/**
 * Filter state of a group at the end of its track (for nowcasts and forecasts). Its `movement` is
 * the pooled law, not the group's own (EstimateReport.groupMovement).
 */
export interface GroupState {
  group: string;
  routeId: string;
  routeLengthKm: Km;
  /** Last day of the track (local date). */
  date: IsoDate;
  km: KmDayEstimate;
  /** P(regime of the last day's move): rest, walk, ride. */
  regime: { rest: number; walk: number; ride: number };
  /** Size on the last day (undefined when no source gave a size). */
  size?: SizeDayEstimate;
  /**
   * The pooled movement law (`report.movement`), not the group's own one its track was smoothed
   * with (`report.groupMovement`): the forecast refits its own per-group law from the track
   * (src/forecast/groupMovement.ts; docs/forecasts.md).
   */
  movement: MovementModel;
  /**
   * The law the group's track was smoothed with, unrounded: a labelled group's own fitted law
   * (`report.groupMovement` rounds it for report.json), else the pooled `movement`. Past the
   * track's end the pooled law is read, by the held days and the forecast alike (`lawAhead`,
   * src/movement/ahead.ts; docs/estimation.md "fc27").
   */
  trackMovement: MovementModel;
}

export interface EstimateResult {
  tracks: TrackPoint[];
  groups: EstimatedGroup[];
  report: EstimateReport;
  state: GroupState[];
}

/**
 * Estimates every group's daily position (km of its head, median person and tail along its
 * route, each with a 90 % interval) and size.
 *
 * Tracks: one {@link TrackPoint} per group per local calendar day at 12:00, from the group's first
 * report until it reaches its destination, is accounted for, or the data end (the reason is in
 * `report.trackEnds`). `size`, `sizeLow`, `sizeHigh` are `NaN` (written blank) for a group no
 * source gave a size for.
 * @example
 * const { tracks, report } = estimateTracks(embedded2018());
 * tracks[0]; // => { group: "…", date: "2018-10-13", routeId: "main", km: 3, kmLow: 0, … }
 */
export function estimateTracks(dataset: Dataset, options: EstimateOptions = {}): EstimateResult {
  const setup = setUp(dataset, options);
  const { ctx } = setup;
  // 1.–2. Route choice and association; border counts.
  const { groups, sizeOnly, countResult } = associateAndCount(setup, dataset);
  // 3. Movement, outlier rate, spans, size-only reports, body spreads, source leans.
  const tracked = fitGroups(setup, dataset, groups, sizeOnly, options);
  // 4.–7. Final passes, bodies, track ends, self-calibration, association spread.
  const final = finishTracks(setup, dataset, tracked, countResult, options);
  recordCountScopes(ctx.associations, setup.prepared);
  const { trackStarts, ...out } = buildOutputs(ctx, tracked);
  return { ...out, report: estimateReport(setup, countResult, final, trackStarts) };
}

/** What every step of estimateTracks reads: the context, the prepared reports and the window. */
interface EstimateSetup {
  ctx: EstimateContext;
  prepared: PreparedSighting[];
  afterAsOf: number;
  timeZone: string;
  /** Local time (days) of `asOf`; Infinity for all data. */
  until: number;
}

/** Checks the options and prepares the sightings and the estimator's context. */
function setUp(dataset: Dataset, options: EstimateOptions): EstimateSetup {
  const timeZone = options.timeZone ?? dataset.timeZone ?? DEFAULT_TIME_ZONE;
  if (!isValidTimeZone(timeZone)) throw new InputProblem("unknown_time_zone", { zone: timeZone });
  // A bare date is the end of that local day (asOfMoment, the one as-of rule).
  const asOfT = options.asOf ? asOfMoment(options.asOf, timeZone)?.t : undefined;
  if (options.asOf && asOfT === undefined) {
    throw new InputProblem("as_of_not_date", { value: String(options.asOf) });
  }
  const until = asOfT ?? Infinity;
  const index = options.routeIndex ?? createRouteIndex(dataset.routes);
  if (index.routeIds.length === 0) throw new InputProblem("no_route", {});
  const gazetteer = options.gazetteer ?? createGazetteer(dataset.places);
  const { prepared, leftOut, afterAsOf } = prepareSightings(
    [...dataset.sightings, ...staysAsSightings(dataset.stocks)],
    timeZone,
    gazetteer,
    until,
  );
  const ctx: EstimateContext = {
    index,
    gazetteer,
    routeIds: index.routeIds,
    maxOff: options.maxOffRouteKm ?? DEFAULT_MAX_OFF_ROUTE_KM,
    onePlaceADay: options.onePlaceADay ?? false,
    predictiveAssociation: options.predictiveAssociation,
    absorbParts: options.absorbParts,
    joinBodies: options.joinBodies ?? false,
    peopleJoin: options.peopleJoin ?? false,
    bodyCharge: options.bodyCharge ?? false,
    neighbourGate: options.neighbourGate ?? false,
    narrowNoise: options.narrowNoise ?? false,
    sameDaySpread: options.sameDaySpread ?? false,
    dayCheckOnLaw: options.dayCheckOnLaw ?? false,
    reportCheckOnNoise: options.reportCheckOnNoise ?? false,
    agreeingAsPoint: options.agreeingAsPoint ?? false,
    reachBack: options.reachBack ?? false,
    splitParts:
      options.splitParts === true
        ? DEFAULT_SPLIT_PARTS
        : options.splitParts === false || options.splitParts === undefined
          ? undefined
          : options.splitParts,
    maxCells: options.maxCells,
    keep: new Set(options.keep ?? []),
    destinations: resolveDestinations(options.destinations, index, gazetteer),
    movement: structuredClone(options.movement ?? defaultEstimatorMovement()),
    outlierScale: 1,
    projections: projectSightings(index, prepared),
    associations: [],
    leftOut,
    warnings: [],
    placeKm: new Map(),
  };
  for (const s of prepared) {
    if (s.positionProblem)
      ctx.warnings.push(
        estimateWarning("position_unusable", { sighting: s.id, ...s.positionProblem }),
      );
  }
  return { ctx, prepared, afterAsOf, timeZone, until };
}

/** Steps 1–2: route choice and association, then the border counts attributed to the groups. */
function associateAndCount(setup: EstimateSetup, dataset: Dataset) {
  const { ctx, prepared, timeZone, until } = setup;
  const { index, gazetteer } = ctx;
  const describe = describer(dataset);

  // 1. Route choice and association.
  const { groups, unlabelled } = labelledGroups(ctx, prepared);
  warnBackwardRoutes(ctx, groups, unlabelled);
  for (const g of groups) {
    describe(g);
    if (g.positions.length > 0) runKm(ctx, g, { outlierPosteriors: false, coarse: true });
  }
  const sizeOnly = associateUnlabelled(ctx, groups, unlabelled, describe);

  // 2. Border counts: attributed to the group passing the point.
  for (const g of groups) if (g.positions.length > 0) runKm(ctx, g, { coarse: true });
  const countResult = attributeCounts(
    dataset.counts,
    groups
      .filter((g) => g.km)
      .map((g) => ({ key: g.name, routeId: g.routeId, day0: g.day0, days: g.km?.days ?? [] })),
    index,
    gazetteer,
    timeZone,
    until,
  );
  for (const e of countResult.evidence) groups.find((x) => x.name === e.group)?.counts.push(e);
  return { groups, sizeOnly, countResult };
}

/**
 * Step 3: movement and outlier rate fitted to the data, the spans, the size-only reports, a
 * first size pass and the body spreads, the source leans. Returns the groups with a track.
 */
function fitGroups(
  setup: EstimateSetup,
  dataset: Dataset,
  groups: WorkGroup[],
  sizeOnly: ReturnType<typeof associateUnlabelled>,
  options: EstimateOptions,
): WorkGroup[] {
  const { ctx, timeZone, until } = setup;
  // 3. Movement and outlier rate fitted to the data, then the final km pass of the median person.
  const active = groups.filter((g) => g.positions.length > 0 || g.counts.length > 0);
  if (options.fitRegimes !== false) {
    ctx.movement = fitMovement(
      active,
      ctx.movement,
      options.movement ?? defaultEstimatorMovement(),
    );
    // Each labelled group's own law, shrunk to the pooled one (positions.ts fitGroupMovement). Not
    // for tracks built by the association: fitted to a fragment or to two groups' reports, their
    // own law overfits (simulate.ts development worlds, unlabelled: 0.88 → 1.16 × naive).
    for (const g of active) if (g.labelled) g.movement = fitGroupMovement(g, ctx.movement);
  }
  ctx.outlierScale = fitOutlierScale(ctx, active);
  // Spans with the counts (the km pass of the median person runs once more, below, to the end).
  for (const g of active) setSpan(g);
  assignSizeOnly(ctx, groups, sizeOnly);
  const tracked = dropUntracked(ctx, groups);
  // A first size pass tells which reports describe only a part of their group (positions.ts).
  estimateSizes(tracked, dataset.stocks, timeZone, until, 2);
  for (const g of tracked) {
    g.sizeByDay = new Map((g.size ?? []).map((d, k) => [g.day0 + k, d.median]));
    fitBodySpread(ctx, g);
  }
  // Source types whose unnamed reports sit ahead of (behind) the others' are read back.
  if (options.sourceLean !== false) {
    ctx.sourceLeans = fitSourceLeans(tracked, isUnnamedBody);
  }
  return tracked;
}

/**
 * Steps 4–7: the final km and size passes to the end of the data, bodies, ends, calibration, and
 * the association spread of tracks built without labels.
 */
function finishTracks(
  setup: EstimateSetup,
  dataset: Dataset,
  tracked: WorkGroup[],
  countResult: ReturnType<typeof attributeCounts>,
  options: EstimateOptions,
) {
  const { ctx, prepared, timeZone, until } = setup;
  // 4. Tracks continue past their last report to the end of the data; sizes over the full span.
  const endDay = dataEndDay(
    prepared.map((s) => s.t),
    countResult.used.map((c) => c.date),
    until,
  );
  // The final passes read reports of the body with heavy tails (positions.ts; bodyTails).
  ctx.bodyTails = options.bodyTails !== false;
  markRepeats(ctx, tracked);
  for (const g of tracked) runKm(ctx, g, { endDay });
  recordOutlierProbs(ctx, tracked);
  recordRepeats(ctx, tracked);
  const selfCalibrate = options.selfCalibrate !== false;
  const sizes = estimateSizes(tracked, dataset.stocks, timeZone, until, 3, selfCalibrate);

  // 5. Bodies, then where each track ends.
  const trackEnds: TrackEnd[] = [];
  for (const g of tracked) {
    smoothBody(ctx, g);
    trackEnds.push(endTrack(g, ctx.index.lengthKm(g.routeId), destinationOn(ctx, g)));
  }

  // 6. Self-calibration: the reports' leave-one-out scores widen overconfident intervals.
  // (Sizes were widened in their own pass, before the track ends: sizes.ts.)
  const widening = selfCalibrate
    ? calibrateGroups(ctx, tracked, sizes.loo, sizes.widening)
    : { km: 1, kmFarFromReports: 1, size: 1, kmReports: 0, sizeReports: 0 };
  // 7. Tracks built without labels: their intervals hold the reports that could be theirs.
  const associationSpread = spreadAssociation(ctx, tracked);
  // 8. The head's and tail's intervals ordered with the median person's after the widenings.
  for (const g of tracked) orderEnds(g);
  return { sizes, trackEnds, widening, associationSpread, groupMovement: groupMovements(tracked) };
}

/** Each labelled group's own law (fitGroupMovement), rounded, sorted by group. */
function groupMovements(tracked: readonly WorkGroup[]): GroupMovementFit[] {
  const fits: GroupMovementFit[] = [];
  for (const g of tracked) {
    if (!g.labelled || !g.movement) continue;
    const { rest, walk, ride } = g.movement.regimes;
    const { mean, sd } = g.movement.walkKm;
    fits.push({
      group: g.name,
      regimes: { rest: round3(rest), walk: round3(walk), ride: round3(ride) },
      walkKm: { mean: round3(mean), sd: round3(sd) },
    });
  }
  return fits.sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : 0));
}

/** report.json's estimate part: associations, left out, biases, leans, widening, counts, ends. */
function estimateReport(
  setup: EstimateSetup,
  countResult: ReturnType<typeof attributeCounts>,
  final: ReturnType<typeof finishTracks>,
  trackStarts: TrackStart[],
): EstimateReport {
  const { ctx, afterAsOf } = setup;
  const { sizes, trackEnds, widening, associationSpread, groupMovement } = final;
  const sourceBiases = [...sizes.sourceBiases.values()]
    .map((b) => ({ ...b, bias: round3(b.bias), spread: round3(b.spread) }))
    .sort((a, b) => a.sourceType.localeCompare(b.sourceType));
  return {
    associations: ctx.associations,
    leftOut: ctx.leftOut,
    sourceBiases,
    sizeLevelSd: round3(sizes.levelSd),
    sourceLeans: roundLeans(ctx.sourceLeans),
    widening,
    associationSpread,
    sizePriors: sizes.sizePriors,
    movement: ctx.movement,
    groupMovement,
    counts: countResult.used,
    countsLeftOut: countResult.leftOut,
    afterAsOf,
    warnings: ctx.warnings,
    trackEnds: trackEnds.sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : 0)),
    trackStarts,
  };
}

/**
 * Marks the associations of counts of one place or one point (`countScope`, `sizeAtLeast`), so
 * report.json says which figures were read as "at least" rather than as the group's size.
 */
function recordCountScopes(
  associations: readonly Association[],
  prepared: readonly PreparedSighting[],
): void {
  const byId = new Map(prepared.map((s) => [s.id, s]));
  for (const a of associations) {
    const s = byId.get(a.sightingId);
    if (!s?.countScope || s.logLow === undefined) continue;
    a.countScope = s.countScope;
    a.sizeAtLeast = Math.round(Math.exp(s.logLow));
  }
}

/**
 * A route whose groups' dated reports go backwards along it (routeDirection.ts) is named in a
 * warning (`route_backwards`), read before the association (which assumes forward movement).
 */
function warnBackwardRoutes(
  ctx: EstimateContext,
  groups: readonly WorkGroup[],
  unlabelled: readonly PreparedSighting[],
): void {
  const sets: RouteReports[] = groups.map((g) => ({
    routeId: g.routeId,
    group: g.name,
    reports: g.positions.map((p) => ({ t: p.s.t, km: p.km })),
  }));
  const labelledRoutes = new Set(groups.map((g) => g.routeId));
  sets.push(...unlabelledSets(unlabelled, ctx.projections, ctx.maxOff, labelledRoutes));
  for (const b of backwardRoutes(sets))
    ctx.warnings.push(estimateWarning("route_backwards", backwardRouteParams(b)));
}

/** Projections of every positioned report on every route (nearest point per route). */
export function projectSightings(
  index: RouteIndex,
  prepared: readonly PreparedSighting[],
): Map<PreparedSighting, Map<string, { km: Km; off: Km }>> {
  const projections = new Map<PreparedSighting, Map<string, { km: Km; off: Km }>>();
  for (const s of prepared) {
    if (!s.point) continue;
    const map = new Map<string, { km: Km; off: Km }>();
    for (const p of index.projectAll(s.point)) map.set(p.routeId, { km: p.km, off: p.distanceKm });
    projections.set(s, map);
  }
  return projections;
}

/** Sets a group's typical size and the parts its reports name (from `part` and notes). */
function describer(dataset: Dataset): (g: WorkGroup) => void {
  const stays = staysAsSightings(dataset.stocks);
  const byIndex = (i: number): { part?: string; notes?: string } | undefined =>
    i < dataset.sightings.length ? dataset.sightings[i] : stays[i - dataset.sightings.length];
  return (g) =>
    describeGroup(g, (s) => {
      const row = byIndex(s.index);
      return [row?.part, row?.notes];
    });
}

/** Groups without a usable position report: their reports are left out with the reason. */
function dropUntracked(ctx: EstimateContext, groups: readonly WorkGroup[]): WorkGroup[] {
  const untracked = new Set<string>();
  for (const g of groups) {
    if (g.km) continue;
    for (const s of g.members) {
      untracked.add(s.id);
      ctx.leftOut.push({
        sightingId: s.id,
        reason: `no position report of group "${g.name}" is usable, so it has no track`,
      });
    }
  }
  if (untracked.size > 0) {
    const kept = ctx.associations.filter((a) => !untracked.has(a.sightingId));
    ctx.associations.length = 0;
    ctx.associations.push(...kept);
  }
  return groups.filter((g) => g.km);
}

/** Track points, groups and end states, in order of first day then name. */
function buildOutputs(
  ctx: EstimateContext,
  tracked: WorkGroup[],
): Omit<EstimateResult, "report"> & { trackStarts: TrackStart[] } {
  const tracks: TrackPoint[] = [];
  const groups: EstimatedGroup[] = [];
  const state: GroupState[] = [];
  // Days written before a fitted track, from the group's first named report (trackStarts.ts).
  // With EstimateOptions.reachBack, a track no named report starts earlier is read back towards
  // its departure (reachBack.ts).
  const before = new Map(
    tracked.map((g) => {
      const law = g.movement ?? ctx.movement;
      const named = writtenBefore(g, law);
      if (!ctx.reachBack || named.days.length > 0) return [g, named];
      return [g, { ...reachedBack(g, law, ctx.reachBack), start: named.start }];
    }),
  );
  const firstDay = (g: WorkGroup): number => before.get(g)?.day0 ?? g.day0;
  const trackStarts = startsOf(ctx, before);
  for (const g of tracked.sort((a, b) => firstDay(a) - firstDay(b) || (a.name < b.name ? -1 : 1))) {
    const routeLength = ctx.index.lengthKm(g.routeId);
    const days = g.km?.days ?? [];
    const early = before.get(g);
    early?.days.forEach((d, k) =>
      tracks.push({
        ...trackPoint(ctx, g, (early.day0 ?? g.day0) + k, d, routeLength),
        writtenBeforeFit: true,
      }),
    );
    for (let k = 0; k < g.nDays; k++) {
      const day = { km: days[k], head: g.head?.[k], tail: g.tail?.[k], size: g.size?.[k] };
      tracks.push(trackPoint(ctx, g, g.day0 + k, day, routeLength));
    }
    groups.push({
      group: g.name,
      routeId: g.routeId,
      firstDate: dayToIsoDate(firstDay(g)),
      lastDate: dayToIsoDate(g.day0 + g.nDays - 1),
      sightings: g.members.map((s) => s.id),
      labelled: g.labelled,
    });
    const r = (g.km?.regimeByDay ?? new Float64Array(0)).subarray((g.nDays - 1) * 3);
    state.push({
      group: g.name,
      routeId: g.routeId,
      routeLengthKm: routeLength,
      date: dayToIsoDate(g.day0 + g.nDays - 1),
      km: days[g.nDays - 1],
      regime: { rest: r[0] ?? 1 / 3, walk: r[1] ?? 1 / 3, ride: r[2] ?? 1 / 3 },
      size: g.size?.[g.nDays - 1],
      movement: ctx.movement,
      trackMovement: g.movement ?? ctx.movement,
    });
  }
  return { tracks, groups, state, trackStarts };
}

/**
 * Each group's `TrackStart` (trackStarts.ts), sorted by group, with a `named_too_early` warning
 * for each named report too far before its group's first fitted day to start its track.
 */
function startsOf(
  ctx: EstimateContext,
  before: Map<WorkGroup, ReturnType<typeof writtenBefore>>,
): TrackStart[] {
  const starts = [...before.values()].flatMap((b) => (b.start ? [b.start] : []));
  starts.sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : 0));
  for (const st of starts)
    for (const e of st.tooEarly)
      ctx.warnings.push(
        estimateWarning("named_too_early", {
          sighting: e.sightingId,
          group: st.group,
          days: e.daysBefore,
          firstDate: st.firstFittedDate,
          maxDays: MAX_WRITTEN_DAYS,
        }),
      );
  return starts;
}

/** One group-day: km of the median person, head and tail (bounds rounded outwards), size. */
function trackPoint(
  ctx: EstimateContext,
  g: WorkGroup,
  day: number,
  est: WrittenDay,
  routeLength: Km,
): TrackPoint {
  const d = est.km;
  const position: LonLat = ctx.index.along(g.routeId, d.median);
  const size = est.size;
  const km = bounded(d, routeLength);
  const head = bounded(est.head ?? d, routeLength);
  const tail = bounded(est.tail ?? d, routeLength);
  return {
    group: g.name,
    date: dayToIsoDate(day),
    routeId: g.routeId,
    km: km.value,
    kmLow: km.low,
    kmHigh: km.high,
    lat: round5(position[1]),
    lon: round5(position[0]),
    size: size ? Math.round(size.median) : NaN,
    sizeLow: size ? Math.floor(Math.min(size.low, size.median)) : NaN,
    sizeHigh: size ? Math.ceil(Math.max(size.high, size.median)) : NaN,
    // Rounding can only keep the order: head ≥ median ≥ tail.
    headKm: Math.max(head.value, km.value),
    headKmLow: Math.min(head.low, Math.max(head.value, km.value)),
    headKmHigh: Math.max(head.high, head.value, km.value),
    tailKm: Math.min(tail.value, km.value),
    tailKmLow: Math.min(tail.low, tail.value, km.value),
    tailKmHigh: Math.max(tail.high, Math.min(tail.value, km.value)),
  };
}

/**
 * A day's km estimate rounded to 0.1 km, its bounds outwards (rounding never makes it miss). A high
 * bound that rounds past the end of the route is the end itself, unrounded (4218.98…, not 4218.9):
 * people who reached the destination stand at its km, and an interval that reaches the end must
 * hold them.
 */
export function bounded(
  d: Pick<KmDayEstimate, "median" | "low" | "high">,
  routeLength: Km,
): { value: Km; low: Km; high: Km } {
  const end = Math.floor(routeLength * 10) / 10;
  const value = Math.min(end, round1(d.median));
  const up = Math.ceil(Math.max(d.high, d.median) * 10) / 10;
  return {
    value,
    low: Math.min(value, Math.max(0, Math.floor(Math.min(d.low, d.median) * 10) / 10)),
    high: Math.max(value, up > routeLength ? routeLength : up),
  };
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
/** The fitted leans for report.json, by source type, km to 0.1. */
function roundLeans(leans: ReadonlyMap<BiasSource, SourceLean> | undefined): SourceLean[] {
  const r1 = (x: number): number => Math.round(x * 10) / 10;
  return [...(leans?.values() ?? [])]
    .map((l) => ({ ...l, leanKm: r1(l.leanKm), rawKm: r1(l.rawKm), seKm: r1(l.seKm) }))
    .sort((a, b) => a.sourceType.localeCompare(b.sourceType));
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
/** A longitude or latitude as tracks.csv writes it: 5 decimals (about 1 m). */
export function round5(x: number): number {
  return Math.round(x * 1e5) / 1e5;
}

/** The place an analyst set as the group's destination, when it lies on the group's route. */
function destinationOn(
  ctx: EstimateContext,
  g: WorkGroup,
): { name: string; km: number } | undefined {
  const d = ctx.destinations?.get(g.name);
  return d?.place && (d.routeId === undefined || d.routeId === g.routeId) ? d.place : undefined;
}
