/**
 * What a time–distance (Marey) chart of an estimate shows, in data units: local days across, km
 * along one axis route down the side, with the towns and border points on it; every group's body
 * per day (tail, median person, head, with 90 % intervals); every report at its time and km; border
 * counts and shelter occupancy at their place. The viewer only turns these into pixels.
 *
 * Other routes are drawn on the axis by a constant km offset: the median of (axis km − route km)
 * over the route's vertices within 1 km of the axis route (0 for a branch that leaves the axis;
 * the km of the junction for a route that joins it). A route sharing no road with the axis keeps
 * its own km (`onAxis: false`).
 */
import type { Dataset } from "../model/dataset.ts";
import { DEFAULT_TIME_ZONE } from "../model/dataset.ts";
import type { Sighting } from "../model/sighting.ts";
import type { Km, LonLat, People } from "../model/units.ts";
import { createGazetteer } from "../geo/gazetteer.ts";
import type { Gazetteer } from "../geo/gazetteer.ts";
import { createRouteIndex } from "../geo/routeIndex.ts";
import type { RouteIndex } from "../geo/routeIndex.ts";
import { isoDateToDay, toLocalTime } from "../estimate/time.ts";
import { peopleOf, positionOf, reportStatus } from "./evidence.ts";
import type { EvidenceEstimate } from "./evidence.ts";
import { InputProblem } from "../text/inputProblem.ts";

export interface TimeDistanceStop {
  name: string;
  km: Km;
  kind: string;
  country?: string;
}

export interface TimeDistanceBody {
  group: string;
  /** Local day number + 0.5 (12:00, docs/contracts.md §3.1). */
  t: number;
  date: string;
  km: Km;
  kmLow: Km;
  kmHigh: Km;
  head: Km;
  headLow: Km;
  headHigh: Km;
  tail: Km;
  tailLow: Km;
  tailHigh: Km;
  size: People;
}

export interface TimeDistanceReport {
  sightingId: string;
  group?: string;
  /** Local days (fractional). */
  t: number;
  /** Axis km; undefined for a report without a place (drawn in the "no place" row). */
  km?: Km;
  people?: People;
  sizeMin?: People;
  sizeMax?: People;
  sourceType: string;
  sourceOrg?: string;
  placeName?: string;
  outlierProb?: number;
  status: "used" | "outlier" | "accepted" | "rejected" | "left_out";
}

export interface TimeDistance {
  axisRouteId: string;
  lengthKm: Km;
  /** Axis offset (km) of each route, and whether it shares road with the axis. */
  routes: { routeId: string; offsetKm: Km; onAxis: boolean }[];
  stops: TimeDistanceStop[];
  groups: { group: string; routeId: string }[];
  bodies: TimeDistanceBody[];
  reports: TimeDistanceReport[];
  counts: { point: string; t: number; km: Km; total: People }[];
  shelters: { place: string; t: number; km: Km; value: People; capacity?: People }[];
  /** First and last local day of anything shown. */
  dayRange: [number, number];
}

export interface TimeDistanceOptions {
  /** Route down the side (default: the route most group-days are on). */
  axisRouteId?: string;
  timeZone?: string;
  accepted?: readonly string[];
  /** Reports an analyst rejected (not in `dataset`, still shown, hollow and crossed). */
  rejected?: readonly Sighting[];
  routeIndex?: RouteIndex;
  gazetteer?: Gazetteer;
}

/**
 * The chart's content for an estimate of `dataset`.
 * @example
 * const td = timeDistance(embedded2018(), estimateTracks(embedded2018()));
 * td.stops.find((s) => s.name === "Tapachula")?.km; // km of Tapachula on the main route
 */
export function timeDistance(
  dataset: Dataset,
  estimate: EvidenceEstimate,
  options: TimeDistanceOptions = {},
): TimeDistance {
  const timeZone = options.timeZone ?? dataset.timeZone ?? DEFAULT_TIME_ZONE;
  const index = options.routeIndex ?? createRouteIndex(dataset.routes);
  const gazetteer = options.gazetteer ?? createGazetteer(dataset.places);
  const axis = options.axisRouteId ?? busiestRoute(estimate, index);
  const offsets = routeOffsets(index, axis);
  const offsetOf = (routeId: string) => offsets.get(routeId)?.offsetKm ?? 0;
  const routeOfGroup = new Map(estimate.groups.map((g) => [g.group, g.routeId]));
  const toAxis = (point: LonLat, routeId: string | undefined): Km | undefined => {
    const onRoute = routeId ? index.project(point, { routeId }) : undefined;
    if (onRoute && routeId) return round1(onRoute.km + offsetOf(routeId));
    const p = index.project(point, { routeId: axis });
    return p ? round1(p.km) : undefined;
  };

  const bodies: TimeDistanceBody[] = estimate.tracks.map((p) => {
    const o = offsetOf(p.routeId);
    const day = isoDateToDay(p.date) ?? NaN;
    return {
      group: p.group,
      t: day + 0.5,
      date: p.date,
      km: p.km + o,
      kmLow: p.kmLow + o,
      kmHigh: p.kmHigh + o,
      head: (p.headKm ?? p.km) + o,
      headLow: (p.headKmLow ?? p.headKm ?? p.kmLow) + o,
      headHigh: (p.headKmHigh ?? p.headKm ?? p.kmHigh) + o,
      tail: (p.tailKm ?? p.km) + o,
      tailLow: (p.tailKmLow ?? p.tailKm ?? p.kmLow) + o,
      tailHigh: (p.tailKmHigh ?? p.tailKm ?? p.kmHigh) + o,
      size: p.size,
    };
  });

  const association = new Map(estimate.report.associations.map((a) => [a.sightingId, a]));
  const accepted = new Set(options.accepted ?? []);
  const reports: TimeDistanceReport[] = [];
  const addReport = (s: Sighting, id: string, rejected: boolean) => {
    const local = toLocalTime(s.observedAt, timeZone);
    if (!local) return;
    const a = association.get(id);
    const group = a?.group ?? s.caravanLabel;
    const where = positionOf(s, gazetteer);
    const r: TimeDistanceReport = {
      sightingId: id,
      t: local.t,
      sourceType: s.sourceType ?? "other",
      status: reportStatus(rejected, accepted.has(id), a),
    };
    if (group !== undefined) r.group = group;
    if (where) {
      const km = toAxis(where, group ? routeOfGroup.get(group) : undefined);
      if (km !== undefined) r.km = km;
    }
    const people = peopleOf(s);
    if (people !== undefined) r.people = people;
    if (s.sizeMin !== undefined && s.sizeMax !== undefined && s.sizeBest === undefined) {
      r.sizeMin = s.sizeMin;
      r.sizeMax = s.sizeMax;
    }
    if (s.sourceOrg !== undefined) r.sourceOrg = s.sourceOrg;
    if (s.placeName !== undefined) r.placeName = s.placeName;
    if (a?.outlierProb !== undefined) r.outlierProb = a.outlierProb;
    reports.push(r);
  };
  dataset.sightings.forEach((s, i) => addReport(s, s.id ?? `sighting-${i + 1}`, false));
  for (const s of options.rejected ?? []) addReport(s, s.id ?? "", true);

  const counts = countMarks(dataset, gazetteer, (p) => toAxis(p, axis));
  const shelters = shelterMarks(dataset, gazetteer, (p) => toAxis(p, axis));
  const days = [
    ...bodies.map((b) => b.t),
    ...reports.map((r) => r.t),
    ...counts.map((c) => c.t),
  ].filter(Number.isFinite);
  return {
    axisRouteId: axis,
    lengthKm: index.lengthKm(axis),
    routes: [...offsets.values()],
    stops: stopsOn(index, axis, gazetteer),
    groups: estimate.groups.map((g) => ({ group: g.group, routeId: g.routeId })),
    bodies,
    reports,
    counts,
    shelters,
    dayRange: days.length ? [Math.floor(Math.min(...days)), Math.ceil(Math.max(...days))] : [0, 1],
  };
}

/** The route most group-days are on (ties: the earlier route). */
function busiestRoute(estimate: EvidenceEstimate, index: RouteIndex): string {
  const n = new Map<string, number>();
  for (const p of estimate.tracks) n.set(p.routeId, (n.get(p.routeId) ?? 0) + 1);
  let best = index.routeIds[0];
  for (const id of index.routeIds) if ((n.get(id) ?? 0) > (n.get(best) ?? 0)) best = id;
  if (best === undefined) throw new InputProblem("no_route", {});
  return best;
}

function routeOffsets(
  index: RouteIndex,
  axis: string,
): Map<string, { routeId: string; offsetKm: Km; onAxis: boolean }> {
  const out = new Map<string, { routeId: string; offsetKm: Km; onAxis: boolean }>();
  for (const id of index.routeIds) {
    if (id === axis) {
      out.set(id, { routeId: id, offsetKm: 0, onAxis: true });
      continue;
    }
    const coords = index.route(id).geometry.coordinates;
    const kms = index.cumulativeKm(id);
    const step = Math.max(1, Math.floor(coords.length / 400));
    const diffs: number[] = [];
    for (let i = 0; i < coords.length; i += step) {
      const c = coords[i];
      const p = index.project([c[0], c[1]], { routeId: axis, maxDistanceKm: 1 });
      if (p) diffs.push(p.km - kms[i]);
    }
    diffs.sort((a, b) => a - b);
    const offset = diffs.length ? diffs[diffs.length >> 1] : 0;
    out.set(id, { routeId: id, offsetKm: round1(offset), onAxis: diffs.length > 0 });
  }
  return out;
}

/** Towns, border crossings and monitoring points within 10 km of the axis route, by km. */
function stopsOn(index: RouteIndex, axis: string, gazetteer: Gazetteer): TimeDistanceStop[] {
  const stops: TimeDistanceStop[] = [];
  for (const place of gazetteer.places) {
    if (place.kind === "shelter" || !Number.isFinite(place.lat) || !Number.isFinite(place.lon)) {
      continue;
    }
    const p = index.project([place.lon, place.lat], { routeId: axis, maxDistanceKm: 10 });
    if (!p) continue;
    const stop: TimeDistanceStop = { name: place.name, km: round1(p.km), kind: place.kind };
    if (place.country) stop.country = place.country;
    stops.push(stop);
  }
  return stops.sort((a, b) => a.km - b.km || a.name.localeCompare(b.name));
}

/** Border counts: total per point and day (all directions), at the point's axis km. */
function countMarks(
  dataset: Dataset,
  gazetteer: Gazetteer,
  toAxis: (p: LonLat) => Km | undefined,
): TimeDistance["counts"] {
  const sums = new Map<string, { point: string; t: number; km: Km; total: number }>();
  for (const c of dataset.counts) {
    if (c.total === undefined || !Number.isFinite(c.total)) continue;
    const name = c.fmpName ?? c.fmpId ?? "";
    const place =
      c.lat !== undefined && c.lon !== undefined
        ? ([c.lon, c.lat] as LonLat)
        : placePoint(gazetteer, name);
    const day = isoDateToDay(c.date);
    if (!place || day === undefined) continue;
    const km = toAxis(place);
    if (km === undefined) continue;
    const key = `${name}\u0000${day}`;
    const entry = sums.get(key) ?? { point: name, t: day + 0.5, km, total: 0 };
    entry.total += c.total;
    sums.set(key, entry);
  }
  return [...sums.values()];
}

/** People present at a place (stock figures `present`, e.g. shelter occupancy). */
function shelterMarks(
  dataset: Dataset,
  gazetteer: Gazetteer,
  toAxis: (p: LonLat) => Km | undefined,
): TimeDistance["shelters"] {
  const out: TimeDistance["shelters"] = [];
  for (const f of dataset.stocks) {
    if (f.basis !== "present" || !f.placeName) continue;
    const place = gazetteer.find(f.placeName, f.country) ?? gazetteer.find(f.placeName);
    const day = isoDateToDay(f.date);
    if (!place || day === undefined) continue;
    const km = toAxis([place.lon, place.lat]);
    if (km === undefined) continue;
    const mark: TimeDistance["shelters"][number] = {
      place: place.name,
      t: day + 0.5,
      km,
      value: f.value,
    };
    if (place.capacity !== undefined) mark.capacity = place.capacity;
    out.push(mark);
  }
  return out;
}

function placePoint(gazetteer: Gazetteer, name: string): LonLat | undefined {
  const place = name ? gazetteer.find(name) : undefined;
  return place && Number.isFinite(place.lat) ? [place.lon, place.lat] : undefined;
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
