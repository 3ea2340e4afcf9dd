/**
 * A group's status on one day — on the road, arrived, accounted for or dissolved — by one rule
 * that tracks.csv (`status`), the corridor state (`GroupBody.status`), the forecast's groups and
 * nowcast (forecast.json) and the viewer's readout all read (issue 14: "forecasts say which groups
 * have already arrived or dissolved"; before, the forecast judged it on its own and tracks.csv
 * listed a dissolved group's days unmarked).
 */
import { isUnseen, MAX_SILENCE_DAYS } from "../movement/silence.ts";
import { PLACE_SNAP_KM } from "../geo/corridor.ts";
import { createRouteIndex } from "../geo/routeIndex.ts";
import type { RouteIndex } from "../geo/routeIndex.ts";
import type { RouteCollection } from "../model/route.ts";
import type { TrackPoint } from "../model/track.ts";
import type { IsoDate, Km } from "../model/units.ts";

/**
 * `on_road`: the group is travelling (the forecast moves it on); `arrived`: its median person is
 * at the end of its route (or the destination an analyst set); `accounted_for`: its people are
 * accounted for on the way — the estimator's track ended so (claims, returns and stays brought its
 * size down, report.json `trackEnds` reason `accounted_for`), or the sources count all of it as
 * staying at places (none of it on the road nor resting with it: `moving` 0); `dissolved`: no report for more than
 * `MAX_SILENCE_DAYS` (21) days — the ledger counts its people `unknown`, "not seen since".
 */
export type GroupDayStatus = "on_road" | "arrived" | "accounted_for" | "dissolved";
export const GROUP_DAY_STATUSES: readonly GroupDayStatus[] = [
  "on_road",
  "arrived",
  "accounted_for",
  "dissolved",
];

/**
 * A group within this distance (km) of the end of its route has arrived: the corridor's
 * place-snapping distance (`PLACE_SNAP_KM`, src/geo/corridor.ts, 20 km), so a group at a border
 * city's edge is at the city, as a place that far from the road is on it.
 */
export const ARRIVAL_KM: Km = PLACE_SNAP_KM;

/** What the status of a group on a day is read from. */
export interface GroupDayFacts {
  /** The day (ISO date). */
  date: IsoDate;
  /** Median person's km along its route that day. */
  km: Km;
  /** Length of its route (km); undefined when not known (then only the track's end says arrived). */
  routeLengthKm?: Km;
  /** The group's last report (position, count or stay): `trackEnds[].lastReportDate`. */
  lastReportDate?: IsoDate;
  /** How and when the estimator's track ended (`trackEnds[]`), when known. */
  trackEnd?: { lastDate: IsoDate; reason: string };
  /**
   * Share of the group still with it that day (0–1), when known: on the road or RESTING at a place
   * on the way (the ledger's `moving` + `resting`). People resting at a shelter a caravan passes
   * through are counted there, not in transit, but the group has not been accounted for (review
   * 23b H1: one shelter count of 6,000 at Mexico City made Honduran caravan 1 `accounted_for`);
   * only people it left behind or who stay, claim or return take it to 0.
   */
  moving?: number;
  /**
   * Share of the group (0–1) taken in by the count at its destination while silent
   * (src/state/takenIn.ts, the ledger's `takenIn`): all of it (1) makes it `accounted_for`, also
   * once it is unseen — its people are counted at the place, not lost.
   */
  takenIn?: number;
}

/**
 * The status of a group on a day. In this order: `arrived` (median person within `arrivalKm` of
 * its route's end, or the track ended at its destination by that day); `accounted_for` when all
 * of it was taken in by the count at its destination (`takenIn` 1); `dissolved` (last report
 * more than `staleDays` whole days before, `isUnseen`); `accounted_for` (the track ended so by that
 * day, or `moving` is 0: all its people stay at places — never people resting there); else
 * `on_road`. A group that reached
 * its route's end and then fell silent stays `arrived`: it was not lost, it got there.
 * @param staleDays default `MAX_SILENCE_DAYS` (21); the forecast's `staleDays` only to explore.
 * @param arrivalKm default {@link ARRIVAL_KM}.
 * @example
 * groupDayStatus({ date: "2018-11-25", km: 2658, routeLengthKm: 4521.5, lastReportDate: "2018-11-01" }); // => "dissolved"
 * groupDayStatus({ date: "2018-11-19", km: 4521.5, routeLengthKm: 4521.5 }); // => "arrived"
 */
export function groupDayStatus(
  g: GroupDayFacts,
  staleDays: number = MAX_SILENCE_DAYS,
  arrivalKm: Km = ARRIVAL_KM,
): GroupDayStatus {
  const ended = (reason: string) =>
    g.trackEnd !== undefined && g.trackEnd.reason === reason && g.date >= g.trackEnd.lastDate;
  if (g.routeLengthKm !== undefined && g.km >= g.routeLengthKm - arrivalKm) return "arrived";
  if (ended("destination")) return "arrived";
  if (g.takenIn !== undefined && g.takenIn >= 1 - 1e-9) return "accounted_for";
  if (isUnseen(g.date, g.lastReportDate, staleDays)) return "dissolved";
  if (ended("accounted_for") || (g.moving !== undefined && g.moving <= 0)) return "accounted_for";
  return "on_road";
}

/**
 * The status of every track point (same order), from the estimator's track ends and the routes'
 * lengths: what tracks.csv's `status` column says. Without the ledger (as `dtm-flow estimate`
 * writes it) `accounted_for` comes from the track's end only; the corridor state adds the
 * ledger's people at places (`moving`).
 * @param trackEnds the estimator's `report.trackEnds`.
 * @param routeLengthKm length of a route, km (undefined for an unknown route).
 * @param moving the share of a group still with it on a date, when known (the ledger's `moving` +
 *   `resting`: {@link GroupDayFacts.moving}).
 */
export function trackStatuses(
  tracks: readonly TrackPoint[],
  trackEnds: readonly TrackEndFacts[],
  routeLengthKm: (routeId: string) => Km | undefined,
  moving?: (group: string, date: IsoDate) => number | undefined,
): GroupDayStatus[] {
  const read = statusReader(routeLengthKm, trackEnds);
  return tracks.map((p) => read(p, moving?.(p.group, p.date)));
}

/** A track end as the state and the ledger read it (`trackEnds[]` of the estimator's report). */
export type TrackEndFacts = {
  group: string;
  lastReportDate: IsoDate;
  lastDate?: IsoDate;
  reason?: string;
};

/**
 * The status of a group's track point, given the share of it still moving when known: the facts of
 * {@link groupDayStatus} read from the routes' lengths and the estimator's track ends. The corridor
 * state (`GroupBody.status`) and the ledger (an arrived group's people are at its route's end,
 * src/ledger/arrived.ts) read it, so both say the same of the same group-day.
 * @param routes the dataset's routes (undefined: no route length known).
 * @param routeIndex an index of `routes` already built (runReplay builds one for the whole
 *   replay: building it takes ~8 ms on the 2018 routes); default: built here.
 */
export function pointStatusReader(
  routes: RouteCollection | undefined,
  trackEnds: readonly TrackEndFacts[],
  routeIndex?: RouteIndex,
): (p: TrackPoint, moving?: number, takenIn?: number) => GroupDayStatus {
  const index = routes?.features?.length ? (routeIndex ?? createRouteIndex(routes)) : undefined;
  return statusReader(
    (id) => (index?.routeIds.includes(id) === true ? index.lengthKm(id) : undefined),
    trackEnds,
  );
}

/** The one reading of a track point's facts (route length, track end, share moving). */
function statusReader(
  routeLengthKm: (routeId: string) => Km | undefined,
  trackEnds: readonly TrackEndFacts[],
): (p: TrackPoint, moving?: number, takenIn?: number) => GroupDayStatus {
  const ends = new Map(trackEnds.map((e) => [e.group, e]));
  return (p, moving, takenIn) => {
    const end = ends.get(p.group);
    const length = routeLengthKm(p.routeId);
    return groupDayStatus({
      date: p.date,
      km: p.km,
      ...(length !== undefined ? { routeLengthKm: length } : {}),
      ...(end ? { lastReportDate: end.lastReportDate } : {}),
      ...(end?.lastDate !== undefined && end.reason !== undefined
        ? { trackEnd: { lastDate: end.lastDate, reason: end.reason } }
        : {}),
      ...(moving !== undefined ? { moving } : {}),
      ...(takenIn !== undefined ? { takenIn } : {}),
    });
  };
}

/**
 * Every track point's status as tracks.csv and tracks.geojson write them (from the routes and the
 * track ends only, no ledger share): for the viewer's exports, so that its files equal
 * `dtm-flow estimate`'s.
 */
export function trackFileStatuses(
  tracks: readonly TrackPoint[],
  routes: RouteCollection | undefined,
  trackEnds: readonly TrackEndFacts[],
): GroupDayStatus[] {
  const read = pointStatusReader(routes, trackEnds);
  return tracks.map((p) => read(p));
}
