/**
 * What a group's position reports say at the end of its data: the regime its two latest reports
 * show, its furthest report of its latest report day, its report times. The forecast's nowcast
 * (nowcast.ts: start regime, head, last report date) and the held days after the data
 * (src/state/onRoad.ts) read the same, so both carry a group on by one reading of the law
 * (`lawAhead`, src/movement/ahead.ts).
 */
import type { Dataset } from "../model/dataset.ts";
import { DEFAULT_TIME_ZONE } from "../model/dataset.ts";
import type { Km } from "../model/units.ts";
import type { EstimatedGroup } from "../estimate/estimateTracks.ts";
import type { GroupAtTrackEnd, MovementModel, Regime } from "../movement/index.ts";
import { dayNumber } from "../calendar/index.ts";
import { createRouteIndex } from "../geo/routeIndex.ts";
import type { RouteIndex } from "../geo/routeIndex.ts";
import { createGazetteer } from "../geo/gazetteer.ts";
import type { Gazetteer } from "../geo/gazetteer.ts";
import { reportsOfGroup } from "./lastTwoReports.ts";
import { latestReportSpeed, regimeOfPace } from "./reportedRegime.ts";

/** What one group's reports (up to the as-of moment) say. */
export interface ReportedState {
  /** The regime its two latest reports show. */
  regime?: Regime;
  /** Its furthest position report on its latest report day (km), and that day. */
  furthest?: { km: Km; day: number };
  /** The times of its position reports (local days, ascending). */
  times?: number[];
}

/** Options of {@link reportedStates}. */
export interface ReportedStatesOptions {
  /** Reports observed after this moment (local days) are left out; default none. */
  asOf?: number;
  /** The zone of the local days (default the dataset's, else the project's). */
  timeZone?: string;
  routeIndex?: RouteIndex;
  gazetteer?: Gazetteer;
}

/**
 * The {@link ReportedState} of each group of `estimate`, by group, memoised (a group's reports are
 * read the first time it is asked for). The regime is read by the estimate's pooled law
 * (`regimeOfPace`: a ride from its shortest ride).
 */
export function reportedStates(
  dataset: Pick<Dataset, "sightings" | "places" | "routes" | "timeZone">,
  estimate: {
    groups: readonly Pick<EstimatedGroup, "group" | "routeId" | "sightings">[];
    report: { movement: MovementModel };
  },
  options: ReportedStatesOptions = {},
): (group: string) => ReportedState {
  const timeZone = options.timeZone ?? dataset.timeZone ?? DEFAULT_TIME_ZONE;
  const data = { ...dataset, timeZone };
  let shared: { routeIndex: RouteIndex; gazetteer: Gazetteer } | undefined;
  const memo = new Map<string, ReportedState>();
  return (group) => {
    if (!memo.has(group)) {
      shared ??= {
        routeIndex: options.routeIndex ?? createRouteIndex(dataset.routes),
        gazetteer: options.gazetteer ?? createGazetteer(dataset.places),
      };
      const reports = reportsOfGroup(data, estimate, group, { ...shared, asOf: options.asOf });
      const speed = latestReportSpeed(reports);
      const day = reports.length > 0 ? Math.floor(reports.at(-1)!.t) : undefined;
      const km = Math.max(...reports.filter((r) => Math.floor(r.t) === day).map((r) => r.km));
      memo.set(group, {
        ...(speed === undefined ? {} : { regime: regimeOfPace(speed, estimate.report.movement) }),
        ...(day === undefined ? {} : { furthest: { km, day } }),
        times: reports.map((r) => r.t),
      });
    }
    return memo.get(group)!;
  };
}

/**
 * A group at the end of its track as `lawAhead` reads it: the track's last day `date`, the
 * estimator's regime posterior then, and the regime its reports show with their latest day.
 */
export function atTrackEnd(
  s: { date: string; regime: GroupAtTrackEnd["regime"] },
  reported: ReportedState,
): GroupAtTrackEnd {
  const lastDay = dayNumber(s.date) ?? 0;
  const day = reported.furthest?.day;
  return {
    lastDay,
    regime: s.regime,
    ...(reported.regime !== undefined && day !== undefined
      ? { reported: { regime: reported.regime, day } }
      : {}),
  };
}
