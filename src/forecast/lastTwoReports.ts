/**
 * The constant-speed baseline forecasts are measured against (issue 14): the group keeps the
 * speed between its two latest reports.
 */
import type { Dataset } from "../model/dataset.ts";
import type { Km } from "../model/units.ts";
import type { EstimatedGroup } from "../estimate/estimateTracks.ts";
import { createGazetteer } from "../geo/gazetteer.ts";
import type { Gazetteer } from "../geo/gazetteer.ts";
import { createRouteIndex } from "../geo/routeIndex.ts";
import type { RouteIndex } from "../geo/routeIndex.ts";
import { toLocalTime } from "../calendar/index.ts";

/** One position report of a group: when (fractional local days since 1970-01-01) and where (km along its route). */
export interface ReportKm {
  t: number;
  km: Km;
}

/**
 * Arrival at `placeKm` if the group keeps the speed between its two latest reports: reports at
 * the same moment are merged into their mean km (e.g. several date-only reports of one day, all
 * at 12:00); speed = (km of the latest − km of the one before) / the time between them (km/day);
 * arrival = latest report + (placeKm − its km) / speed.
 *
 * @param reports the group's reports available at the as-of moment (any order).
 * @param placeKm km of the place along the same route.
 * @param options `asOf` (local days): no arrival is dated before it (a forecast issued then
 *   says "now" for a place the extrapolation passed already), as the model's forecasts;
 *   `minGapDays` (default 0, the baseline of issue 14 as defined): the speed is taken over at
 *   least this time — a diagnostic of the score: two reports of two parts of a long group minutes
 *   apart give speeds of thousands of km/day, which make the baseline say "now" at every place
 *   ahead (the library's regime rule floors the same gap at `MIN_REPORT_GAP_DAYS`, 6 hours).
 * @returns fractional local days; the latest report's time (or `asOf`) when the place is at or
 *   behind it; `undefined` when there are fewer than two report times or the group did not move
 *   forward between them (no speed to extrapolate).
 * @example
 * lastTwoReportsArrival([{ t: 10.5, km: 100 }, { t: 12.5, km: 200 }], 400); // => 16.5
 */
export function lastTwoReportsArrival(
  reports: readonly ReportKm[],
  placeKm: Km,
  options: { asOf?: number; minGapDays?: number } = {},
): number | undefined {
  const merged = mergeSameTime(reports);
  const last = merged.at(-1);
  const before = merged.at(-2);
  if (!last) return undefined;
  const clamp = (t: number): number => Math.max(t, options.asOf ?? -Infinity);
  if (placeKm <= last.km) return clamp(last.t);
  if (!before) return undefined;
  const speed = (last.km - before.km) / Math.max(last.t - before.t, options.minGapDays ?? 0);
  if (!(speed > 0)) return undefined;
  return clamp(last.t + (placeKm - last.km) / speed);
}

/** Reports sorted by time, those at the same time merged into their mean km. */
function mergeSameTime(reports: readonly ReportKm[]): ReportKm[] {
  const out: (ReportKm & { n: number })[] = [];
  for (const r of [...reports].sort((a, b) => a.t - b.t)) {
    if (!Number.isFinite(r.t) || !Number.isFinite(r.km)) continue;
    const last = out.at(-1);
    if (last && last.t === r.t) {
      last.km = (last.km * last.n + r.km) / (last.n + 1);
      last.n++;
    } else out.push({ t: r.t, km: r.km, n: 1 });
  }
  return out;
}

/** Options of {@link reportsOfGroup}. */
export interface ReportsOfGroupOptions {
  /** Reports observed after this moment (local days) are left out; default none. */
  asOf?: number;
  /** Route the reports are projected on; default the estimated group's route. */
  routeId?: string;
  routeIndex?: RouteIndex;
  gazetteer?: Gazetteer;
}

/**
 * The position reports the estimator gave to `group` (its `sightings`), as km along the group's
 * route: a report's coordinates, else its place name through the gazetteer, projected on the
 * route; reports without a position or observed after `asOf` are left out. These are the
 * reports the baseline {@link lastTwoReportsArrival} sees — the same the estimator had.
 *
 * @param dataset the data the estimate was made from (sightings, places, routes, time zone).
 * @param estimate the estimate (e.g. `nowcast(…).estimate`).
 * @returns the reports sorted by time; empty for an unknown group.
 * @example
 * reportsOfGroup(data, now.estimate, "Honduran caravan 1").at(-1); // => { t: 17835.5, km: 1240 }
 */
export function reportsOfGroup(
  dataset: Pick<Dataset, "sightings" | "places" | "routes" | "timeZone">,
  estimate: { groups: readonly Pick<EstimatedGroup, "group" | "routeId" | "sightings">[] },
  group: string,
  options: ReportsOfGroupOptions = {},
): ReportKm[] {
  const g = estimate.groups.find((x) => x.group === group);
  if (!g) return [];
  const routeId = options.routeId ?? g.routeId;
  const index = options.routeIndex ?? createRouteIndex(dataset.routes);
  if (!index.routeIds.includes(routeId)) return [];
  const gazetteer = options.gazetteer ?? createGazetteer(dataset.places);
  const ids = new Set(g.sightings);
  const out: ReportKm[] = [];
  for (const s of dataset.sightings) {
    if (s.id === undefined || !ids.has(s.id)) continue;
    const time = toLocalTime(s.observedAt, dataset.timeZone);
    if (!time || time.t > (options.asOf ?? Infinity)) continue;
    const place = s.lat === undefined && s.placeName ? gazetteer.find(s.placeName) : undefined;
    const lon = s.lon ?? place?.lon;
    const lat = s.lat ?? place?.lat;
    if (lon === undefined || lat === undefined) continue;
    const p = index.project([lon, lat], { routeId });
    if (p) out.push({ t: time.t, km: p.km });
  }
  return out.sort((a, b) => a.t - b.t);
}
