/**
 * Arrival forecasts: from the nowcast of every group, Monte Carlo runs of the estimator's own
 * forward model (`stepGroup`: rest / walk / ride regimes, forward only, attrition) give, for every
 * place ahead on the group's route, when the group reaches it (p10/p50/p90), how many people
 * arrive with it, and the probability that it arrives within the horizon; and, for every day of
 * the horizon, where the group is (the forecast cone).
 */
import { groupDayPositionUnknown } from "../state/positionUnknown.ts";
import type { PositionUnknown } from "../state/positionUnknown.ts";
import type { Dataset } from "../model/dataset.ts";
import type { Place } from "../model/place.ts";
import type { IsoDate, Km } from "../model/units.ts";
import type { Random } from "../util/random.ts";
import { mulberry32 } from "../util/random.ts";
import type { RouteIndex } from "../geo/routeIndex.ts";
import type { Regime } from "../movement/index.ts";
import { isoDate } from "../calendar/index.ts";
import { MAX_SILENCE_DAYS } from "../movement/silence.ts";
import { ARRIVAL_KM, groupDayStatus } from "../state/groupStatus.ts";
import type { GroupDayStatus } from "../state/groupStatus.ts";
import { buildCorridor, PLACE_SNAP_KM } from "../geo/corridor.ts";
import type { Corridor } from "../geo/corridor.ts";
import { quantileSorted } from "../util/quantiles.ts";
import type { GroupNowcast, Nowcast } from "./nowcast.ts";
import { forecastWarnings, type ForecastWarning } from "./warnings.ts";
import { simulateRuns } from "./jointRuns.ts";

/** Options of {@link forecastArrivals}. */
export interface ForecastOptions {
  /** Days after the as-of moment that count as "within the horizon"; default 14. */
  horizonDays?: number;
  /** Monte Carlo runs per group; default 500 (p10/p90 of arrival then vary by a few hours between seeds). */
  runs?: number;
  /** Seeded uniform source; default `mulberry32(1)` (deterministic). */
  random?: Random;
  /** Places and routes (to list the places ahead); or a prebuilt corridor. */
  dataset?: Pick<Dataset, "places" | "routes">;
  corridor?: Corridor;
  routeIndex?: RouteIndex;
  /** Daily probability that a group's size jumps (people joining or leaving at once); default 0.03. */
  joinLeaveProb?: number;
  /**
   * A group last REPORTED (position, count or stay: `GroupNowcast.lastSeenDate`) more than this
   * many whole days before the as-of day is no longer on the road as of that day (`dissolved`:
   * the state and the ledger count its people `unknown`, "not seen since" that report) and is not
   * moved on; default `MAX_SILENCE_DAYS` (21, src/movement/silence.ts), the one rule the
   * estimator, the state and the ledger read. Change it only to explore; the ledger keeps 21.
   */
  staleDays?: number;
  /** A group within this distance (km) of the end of its route has `arrived`; default 20. */
  arrivalKm?: number;
  /**
   * Share of the nowcast's km spread the runs start with (0 = every run starts at the median
   * position, 1 = the estimator's 90 % interval as given); default 1.
   */
  startSpread?: number;
  /**
   * Shape of the runs' start through the nowcast's median and 90 % interval (jointRuns.ts
   * `RunDynamics.startShape`): "split" (default) or "lognormal" (the held days' shape). Two
   * start shapes on purpose: the log-normal start loses leads 1–3 on every simulator (stress
   * lead 1 head/bulk 0.68/0.60 → 0.84/0.76, docs/estimation.md "fc27"), so the runs' first days
   * run ahead of the state's held days for skewed intervals.
   */
  startShape?: "split" | "lognormal";
}

/**
 * Where a group is as of the forecast: still on the road (forecast), arrived at the end of its
 * route, accounted for (all its people counted at places) or dissolved (no longer seen as a
 * group): the state's `GroupDayStatus` (src/state/groupStatus.ts); only `on_road` is moved on.
 */
export type GroupForecastStatus = GroupDayStatus;

/** One group as of the forecast. */
export interface GroupStatus {
  group: string;
  routeId: string;
  status: GroupForecastStatus;
  /** Local date of the group's last observation (the last day of its track). */
  lastDate: IsoDate;
  /**
   * Local date of the state `km` is of, where the runs start (`GroupNowcast.lastDate`): the as-of
   * day when the state holds the group on the road past its track's end (stateDay.ts), else
   * `lastDate`.
   */
  stateDate: IsoDate;
  /** km along the route on `stateDate` (median): the state's, tracks.csv's that day. */
  km: Km;
  /**
   * The place on its route nearest that km, behind or ahead (where it arrived or was last seen;
   * {@link nearestPlace}). Before tryout 21 it was the last place behind, however far: "near
   * Coatepeque" 35 km past it and 0.5 km short of Tecún Umán.
   */
  placeName?: string;
  /** km from that place to the group (positive: past it, negative: short of it), rounded to 0.1. */
  placeOffsetKm?: Km;
  /**
   * The date `km` and the place are of: `stateDate`, except for a dissolved group or one whose
   * position is unknown (`positionUnknown`), placed where its track was on its last position
   * report (`GroupNowcast.lastReportKm`), not where the track had carried it without reports.
   */
  placedDate: IsoDate;
  /**
   * A group on the road whose position names no place (no report for more than `SILENT_DAYS` and
   * a 90 % km interval wider than `POSITION_UNKNOWN_KM`, src/state/positionUnknown.ts): the days and interval.
   */
  positionUnknown?: PositionUnknown;
}

/** Three quantiles over the Monte Carlo runs. */
export interface Quantiles3 {
  p10: number;
  p50: number;
  p90: number;
}

/** When one group reaches one place ahead on its route. */
export interface ArrivalForecast {
  group: string;
  routeId: string;
  placeId: string;
  placeName: string;
  placeKind: Place["kind"];
  /** km of the place along the group's route. */
  km: Km;
  /**
   * Arrival time as fractional local days since 1970-01-01 (p10/p50/p90); a quantile is
   * `undefined` when fewer runs than that arrive within the horizon ("later than the horizon").
   * A group that had already passed the place at its last observation counts as arriving then.
   */
  arrival: { p10?: number; p50?: number; p90?: number };
  /** The same as local dates (`undefined` = later than the horizon). */
  arrivalDate: { p10?: IsoDate; p50?: IsoDate; p90?: IsoDate };
  /**
   * People arriving with the group: its whole size over all runs on the day its median run
   * reaches the place (`arrival.p50`; the horizon's last day when later), so a place reached the
   * day of the nowcast has the nowcast's size; `undefined` when the group's size is unknown or no
   * run arrives within the horizon.
   */
  people?: Quantiles3;
  /** Share of runs arriving by the as-of moment + horizon (0–1). */
  probWithinHorizon: number;
  /**
   * When the group's head (its first people: when shelters must open) reaches the place, as
   * `arrival` does for the median person; `undefined` when the track has no head (`headKm`).
   * The head runs with the median person in the same runs and is never behind it (jointRuns.ts),
   * so each quantile is at or before `arrival`'s, and at a `mostPassed` place its p50 is the
   * as-of moment.
   */
  headArrival?: { p10?: number; p50?: number; p90?: number };
  headArrivalDate?: { p10?: IsoDate; p50?: IsoDate; p90?: IsoDate };
  /**
   * The group's first people are already at the place: the nowcast's median head km at or beyond
   * it ({@link headHasReached}), or the head runs' median km at the last noon at or before the
   * as-of moment — the moment `mostPassed` is judged at, so every `mostPassed` place of a group
   * with a head is `headReached` too. The head's arrival p10 and p50 are then the as-of moment (never
   * the past), which would read as "the first people arrive today"; front ends say "already
   * there" instead.
   */
  headReached?: true;
  /**
   * The group's median person was already past the place at the last noon at or before the as-of
   * moment (the median run's km at or beyond it): the place is still listed because more than one
   * run in ten ({@link PASSED_SHARE}) had not reached it, but it is behind most of the group. Its
   * p50 is then the as-of moment; front ends say "most already past" and give the p90 (when the
   * last may arrive) instead of a median date that would read as a place ahead.
   */
  mostPassed?: true;
  /**
   * The group's position is unknown on the as-of day (`GroupStatus.positionUnknown`, the state's
   * rule, src/state/positionUnknown.ts): the runs are kept (forecast.csv `position_unknown`), but
   * no place is named for it — `listedArrivals` lists none of its arrivals.
   */
  positionUnknown?: true;
}

/** Where a group is at 12:00 on one day of the horizon (a slice of the forecast cone). */
export interface PositionForecast {
  group: string;
  routeId: string;
  date: IsoDate;
  /** km along the route: p10, p50, p90 over the runs. */
  km: Quantiles3;
  /** Size that day (p10/p50/p90); undefined when unknown. */
  size?: Quantiles3;
}

/** A forecast for every group. */
export interface Forecast {
  asOf: number;
  asOfDate: IsoDate;
  horizonDays: number;
  runs: number;
  /** Whole days after its last report past which a group is `dissolved` (the `staleDays` used). */
  staleDays: number;
  /** Arrivals of the groups on the road, by group (nowcast order) then km; none before the as-of moment. */
  arrivals: ArrivalForecast[];
  /** Every group of the nowcast with its status as of the forecast (nowcast order). */
  groups: GroupStatus[];
  /** Daily positions from the as-of day to the end of the horizon, by group then date. */
  positions: PositionForecast[];
  /** Model used (for the report). */
  model: { attritionPerDay: number; joinLeaveProb: number; regimes: Record<Regime, number> };
  /** What the reader should know about the groups on the road ({@link forecastWarnings}). */
  warnings: ForecastWarning[];
}

/**
 * Forecasts every group of a nowcast forward.
 *
 * Starting point: the state as of the as-of moment. A group that has reached the end of its route
 * is `arrived`, one last reported more than `staleDays` before the as-of day is `dissolved`
 * (no longer on the road: the ledger counts its people at places, returned or unknown); both are
 * listed in `groups` and not moved on. No arrival is dated before the as-of moment.
 *
 * Method: per group on the road, `runs` trajectories start at 12:00 of the group's state day
 * (`GroupNowcast.lastDate`: its track's last day, or the as-of day when the state holds it on the
 * road past it, stateDay.ts), stratified on the state's km there (split normal through its median and 90 %
 * interval), the regime from its posterior (mixed with an aged reported ride: nowcast.ts), and the size log-normal from the size estimate; each
 * day then advances under the movement law fitted on the data so far (the sampler's parts, as
 * `stepGroup`) and the attrition rate fitted so far; the group's head, when its track has one,
 * moves in the same runs with the same draws from its own start and is never behind the median
 * person (src/forecast/jointRuns.ts). A place at km P is reached between the noons where a trajectory
 * crosses P (linear within the day). Quantiles are over all runs, a run that does not arrive
 * counting as "later than anything": so p90 is blank when more than 10 % of runs do not arrive.
 *
 * Runs in O(groups × runs × days) plus a sort per place; about 0.1 s for the 2018 data.
 *
 * @param now the nowcast (see {@link nowcast}).
 * @param options horizon (days, default 14), runs (default 500), random, places and routes.
 * @example
 * const now = nowcast(embedded2018(), { asOf: "2018-11-01" });
 * const f = forecastArrivals(now, { dataset: embedded2018(), horizonDays: 14 });
 * f.arrivals.find((a) => a.placeName === "Mexico City")?.arrivalDate.p50; // => "2018-11-0…"
 */
export function forecastArrivals(now: Nowcast, options: ForecastOptions = {}): Forecast {
  const horizonDays = options.horizonDays ?? 14;
  const runs = Math.max(1, Math.round(options.runs ?? 500));
  if (!(horizonDays >= 0)) throw new RangeError(`horizonDays must be ≥ 0: ${horizonDays}.`);
  const random = options.random ?? mulberry32(1);
  const joinLeaveProb = options.joinLeaveProb ?? 0.03;
  const corridor =
    options.corridor ??
    (options.dataset
      ? buildCorridor(options.dataset, PLACE_SNAP_KM, options.routeIndex)
      : undefined);
  if (!corridor)
    throw new RangeError("forecastArrivals needs options.dataset or options.corridor.");
  const end = now.asOf + horizonDays;
  const arrivals: ArrivalForecast[] = [];
  const positions: PositionForecast[] = [];
  const groups: GroupStatus[] = [];
  const dynamics = { attritionPerDay: now.attritionPerDay, joinLeaveProb };
  for (const g of now.groups) {
    const status = groupStatus(g, now.asOf, options);
    // The state's rule of the group-day (src/state/positionUnknown.ts) on the start state.
    const unknown = groupDayPositionUnknown(
      { date: now.asOfDate.slice(0, 10), kmLow: g.km.low, kmHigh: g.km.high },
      status,
      g.lastSeenDate ?? g.lastReportDate,
    );
    // A dissolved group, or one whose position is unknown, is placed where it was last reported,
    // not where its track ran on to without reports.
    const atReport =
      (status === "dissolved" || unknown !== undefined) && g.lastReportKm !== undefined;
    const km = atReport ? g.lastReportKm! : g.km.median;
    groups.push({
      group: g.group,
      routeId: g.routeId,
      status,
      lastDate: g.observedDate ?? g.lastDate,
      stateDate: g.lastDate,
      km: round1(km),
      ...nearestPlace(corridor, g.routeId, km),
      placedDate: atReport ? g.lastReportDate! : g.lastDate,
      ...(unknown ? { positionUnknown: unknown } : {}),
    });
    if (status !== "on_road") continue;
    const steps = Math.max(0, Math.ceil(end - (g.lastDay + 0.5)));
    const run = {
      ...dynamics,
      startSpread: options.startSpread ?? 1,
      ...(options.startShape ? { startShape: options.startShape } : {}),
    };
    // The median person and the head in the same runs (jointRuns.ts: the head never behind).
    const sim = simulateRuns(g, steps, runs, random, run);
    const places = arrivalsOf(g, sim, steps, runs, {
      corridor,
      asOf: now.asOf,
      end,
      head: sim.head,
    });
    // Its runs are kept, marked: no front end names a place for it (listedArrivals.ts).
    arrivals.push(
      ...(unknown ? places.map((a) => ({ ...a, positionUnknown: true as const })) : places),
    );
    positions.push(...conesOf(g, sim, steps, runs, now.asOf, end));
  }
  return {
    asOf: now.asOf,
    asOfDate: now.asOfDate,
    horizonDays,
    runs,
    staleDays: options.staleDays ?? MAX_SILENCE_DAYS,
    arrivals,
    groups,
    positions,
    model: {
      attritionPerDay: now.attritionPerDay,
      joinLeaveProb,
      regimes: { ...now.movement.regimes },
    },
    warnings: forecastWarnings(
      now,
      corridor,
      new Set(groups.filter((g) => g.status === "on_road").map((g) => g.group)),
    ),
  };
}

/**
 * A group's status as of `asOf` (local days), by the one rule of the state (`groupDayStatus`,
 * src/state/groupStatus.ts) on the nowcast's start state: `arrived` within `arrivalKm` (default
 * 20) of its route's end, `dissolved` when its last report (`lastSeenDate`) is more than
 * `staleDays` (default `MAX_SILENCE_DAYS`) whole days before the as-of day ({@link isUnseen}: the
 * rule that makes the state's `unseenSince`), `accounted_for` when the state has none of its
 * people left on its start day (`moving` 0: all stay at places, startPeople.ts), else
 * `on_road`; a track that ended at its destination or `accounted_for` (`trackEnd`) is so from its
 * last day on, as in tracks.csv and the state. Measured from the last report, not from the track's end: the estimator carries a
 * track to the data's end, and a group reported once on 1 Nov still "ended" on 29 Nov. A nowcast
 * built by hand without `lastSeenDate` is measured from `lastDay`.
 */
export function groupStatus(
  g: Pick<
    GroupNowcast,
    "km" | "routeLengthKm" | "lastDay" | "lastSeenDate" | "moving" | "trackEnd"
  >,
  asOf: number,
  options: Pick<ForecastOptions, "staleDays" | "arrivalKm"> = {},
): GroupForecastStatus {
  return groupDayStatus(
    {
      date: isoDate(Math.floor(asOf)),
      km: g.km.median,
      routeLengthKm: g.routeLengthKm,
      lastReportDate: g.lastSeenDate ?? isoDate(g.lastDay),
      ...(g.moving !== undefined ? { moving: g.moving } : {}),
      ...(g.trackEnd !== undefined ? { trackEnd: g.trackEnd } : {}),
    },
    options.staleDays ?? MAX_SILENCE_DAYS,
    options.arrivalKm ?? ARRIVAL_KM,
  );
}

/**
 * The stop on the route nearest `km` (behind or ahead; the one behind on a tie), as
 * `placeName` and `placeOffsetKm` (`km` minus the stop's km); empty without stops.
 */
export function nearestPlace(
  corridor: Corridor,
  routeId: string,
  km: Km,
): { placeName?: string; placeOffsetKm?: Km } {
  let best: { placeName?: string; placeOffsetKm?: Km } = {};
  let bestGap = Infinity;
  for (const stop of corridor.routes.get(routeId)?.stops ?? []) {
    const gap = Math.abs(km - stop.km);
    if (gap >= bestGap) continue;
    bestGap = gap;
    best = { placeName: corridor.places[stop.place]?.name, placeOffsetKm: round1(km - stop.km) };
  }
  return best;
}

/**
 * Whether a group's first people are already at a place at `placeKm` as of the forecast: the
 * median of the nowcast's head km (`head.km.median`) at or beyond it (to the 0.1 km the places
 * are given in). The rule of `headReached`: the same median the head's runs start from, so a
 * reached place's head arrival p50 is the as-of moment. Before tryout 21 it read the low end of
 * the head's 90 % interval, and a head at Tijuana (median 4,521.5 km, low 4,195.7 km) as of
 * 14 Nov 2018 20:00 still had its first people "arriving on 15 Nov".
 */
export function headHasReached(head: { km: { median: Km } } | undefined, placeKm: Km): boolean {
  return head !== undefined && head.km.median >= round1(placeKm) - 0.05;
}

interface Simulated {
  km: Float64Array;
  size: Float64Array;
}

/**
 * Share of a group's runs that must be past a place at the last noon at or before the as-of moment
 * for the place to be left out as passed (0.9: the place is listed while more than one run in ten
 * has not reached it). Why not the median run (before round 7 of issue 14): a place between the
 * start interval's low end and its median was then dropped — read as "arrived now", with no
 * interval — although the group may well not have reached it (its start is uncertain, and on the
 * stress worlds biased ahead); listed, its p50 is still "now" (most runs are past it) but its p90
 * says how late it may come (docs/forecasts.md § Round 7).
 */
export const PASSED_SHARE = 0.9;

/**
 * Arrivals of one group at every place ahead of it as of `asOf`: places {@link PASSED_SHARE} of
 * its runs had passed by the last noon at or before `asOf` are left out, and a run that reached a
 * place before `asOf` counts as there at `asOf` (a forecast never dates an arrival in the past).
 * The head's arrival is the crossing of the place by the head in the same runs (`at.head`, from
 * `g.head`, never behind the median person's km); without them, with `headAheadKm`,
 * the crossing by the median person's runs of the place less that distance.
 */
function arrivalsOf(
  g: GroupNowcast,
  sim: Simulated,
  steps: number,
  runs: number,
  at: { corridor: Corridor; asOf: number; end: number; head?: Float64Array },
): ArrivalForecast[] {
  const route = at.corridor.routes.get(g.routeId);
  const t0 = g.lastDay + 0.5;
  // The last noon at or before the as-of moment: with as-of 00:00 the day after the last report,
  // noon of the last day (k 0), not noon of the as-of day — that would drop the places the median
  // run reaches in the 12 hours after the as-of moment as "passed" (issue 14, round 4).
  const kAsOf = Math.min(steps, Math.max(0, Math.floor(at.asOf - t0)));
  // A place is passed when PASSED_SHARE of the runs are past it by then (issue 14, round 7).
  const atAsOf = Array.from({ length: runs }, (_, r) => sim.km[r * (steps + 1) + kAsOf]!);
  const passedKm = quantile(atAsOf, 1 - PASSED_SHARE);
  // The median run's km then: a listed place at or behind it is behind most of the group.
  const medianKm = quantile(atAsOf, 0.5);
  // The head's median km at the same moment ("most already past" was judged at kAsOf
  // and "first people already there" at the state day, days apart when the data end before
  // as-of). The head is never behind the median person in a run, so a place most have passed
  // has its first people there.
  const headKmAsOf = at.head
    ? quantile(
        Array.from({ length: runs }, (_, r) => at.head![r * (steps + 1) + kAsOf]!),
        0.5,
      )
    : undefined;
  const hasHead = at.head !== undefined || g.headAheadKm !== undefined;
  const hasSize = g.size !== undefined;
  const out: ArrivalForecast[] = [];
  for (const stop of route?.stops ?? []) {
    if (stop.km <= passedKm) continue;
    const times = new Float64Array(runs);
    const heads = new Float64Array(runs);
    const people: number[] = [];
    let within = 0;
    for (let r = 0; r < runs; r++) {
      const t = Math.max(at.asOf, crossing(sim.km, r, steps, stop.km, t0));
      times[r] = t;
      if (at.head) heads[r] = Math.max(at.asOf, crossing(at.head, r, steps, stop.km, t0));
      else if (g.headAheadKm !== undefined) {
        const target = Math.max(0, stop.km - g.headAheadKm);
        heads[r] = Math.max(at.asOf, crossing(sim.km, r, steps, target, t0));
      }
      if (t <= at.end) within++;
    }
    const arrival = quantilesWithin(times, at.end);
    // People: the group's size over ALL runs on the day its median run arrives (the horizon's last
    // day when later). The runs draw the size apart from the movement (jointRuns.ts), so which
    // runs arrive says nothing about it; the median over the arriving runs alone wandered about
    // the nowcast's size by sampling (as of 25 Nov 2018, Salvadoran group Nov 18: nowcast 1,306,
    // Tijuana 1,364 over its 126 arriving runs; tryout24 #12).
    if (hasSize && within > 0) {
      const step = Math.min(steps, Math.max(0, Math.ceil((arrival.p50 ?? at.end) - t0)));
      for (let r = 0; r < runs; r++) people.push(sim.size[r * (steps + 1) + step]!);
    }
    const place = at.corridor.places[stop.place]!;
    people.sort((a, b) => a - b);
    const reached =
      headHasReached(g.head, stop.km) ||
      (headKmAsOf !== undefined && headHasReached({ km: { median: headKmAsOf } }, stop.km)) ||
      (hasHead && medianKm >= stop.km);
    const head = hasHead
      ? headReachedAt(quantilesWithin(heads, at.end), reached, at.asOf)
      : undefined;
    out.push({
      group: g.group,
      routeId: g.routeId,
      placeId: place.placeId,
      placeName: place.name,
      placeKind: place.kind,
      km: round1(stop.km),
      arrival,
      arrivalDate: datesOf(arrival),
      people: people.length > 0 ? quantiles(people, Math.round) : undefined,
      probWithinHorizon: Math.round((within / runs) * 1000) / 1000,
      ...(head ? { headArrival: head, headArrivalDate: datesOf(head) } : {}),
      ...(reached ? { headReached: true as const } : {}),
      ...(medianKm >= stop.km ? { mostPassed: true as const } : {}),
    });
  }
  return out;
}

/**
 * The head's arrival quantiles at a place its first people have reached ({@link headHasReached}):
 * p10 and p50 the as-of moment (the runs start there, up to the interpolation between the two
 * middle runs), p90 as simulated; unchanged otherwise.
 */
function headReachedAt(
  q: { p10?: number; p50?: number; p90?: number },
  reached: boolean,
  asOf: number,
): { p10?: number; p50?: number; p90?: number } {
  return reached ? { ...q, p10: asOf, p50: asOf } : q;
}

/** p10/p50/p90 of crossing times; a quantile past `end` is undefined ("later than the horizon"). */
function quantilesWithin(
  times: Float64Array,
  end: number,
): { p10?: number; p50?: number; p90?: number } {
  times.sort();
  const q = (p: number): number | undefined => {
    const v = quantileSorted(times, p);
    return v <= end ? v : undefined;
  };
  return { p10: q(0.1), p50: q(0.5), p90: q(0.9) };
}

function datesOf(t: { p10?: number; p50?: number; p90?: number }): {
  p10?: IsoDate;
  p50?: IsoDate;
  p90?: IsoDate;
} {
  return { p10: dateOf(t.p10), p50: dateOf(t.p50), p90: dateOf(t.p90) };
}

/** The daily cone of one group from the as-of day to the end of the horizon. */
function conesOf(
  g: GroupNowcast,
  sim: Simulated,
  steps: number,
  runs: number,
  asOf: number,
  end: number,
): PositionForecast[] {
  const out: PositionForecast[] = [];
  const hasSize = g.size !== undefined;
  const firstDay = Math.max(g.lastDay, Math.floor(asOf));
  for (let day = firstDay; day <= Math.floor(end); day++) {
    const k = day - g.lastDay;
    if (k > steps) break;
    const kms: number[] = [];
    const sizes: number[] = [];
    for (let r = 0; r < runs; r++) {
      kms.push(sim.km[r * (steps + 1) + k]!);
      if (hasSize) sizes.push(sim.size[r * (steps + 1) + k]!);
    }
    kms.sort((a, b) => a - b);
    sizes.sort((a, b) => a - b);
    out.push({
      group: g.group,
      routeId: g.routeId,
      date: isoDate(day),
      km: quantiles(kms, round1),
      size: hasSize ? quantiles(sizes, Math.round) : undefined,
    });
  }
  return out;
}

function quantile(values: number[], p: number): number {
  values.sort((a, b) => a - b);
  return quantileSorted(values, p);
}

/** Local time at which run `r` first reaches `target` km (Infinity when it does not). */
function crossing(km: Float64Array, r: number, steps: number, target: Km, t0: number): number {
  const base = r * (steps + 1);
  if (km[base]! >= target) return t0;
  if (km[base + steps]! < target) return Infinity;
  // Trajectories never go back, so the first noon at or past the target is a binary search.
  let lo = 0;
  let hi = steps;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (km[base + mid]! >= target) hi = mid;
    else lo = mid;
  }
  const a = km[base + lo]!;
  const b = km[base + hi]!;
  return t0 + lo + (b > a ? (target - a) / (b - a) : 1);
}

function quantiles(sorted: number[], round: (x: number) => number): Quantiles3 {
  return {
    p10: round(quantileSorted(sorted, 0.1)),
    p50: round(quantileSorted(sorted, 0.5)),
    p90: round(quantileSorted(sorted, 0.9)),
  };
}

function dateOf(t: number | undefined): IsoDate | undefined {
  return t === undefined ? undefined : isoDate(Math.floor(t));
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
