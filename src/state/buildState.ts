/**
 * The state of the corridor per day: every group's body and people on the road, the people at
 * every place by status, and the totals, read from the estimated tracks and the ledger. People are
 * conserved: departed = in transit + present at places + returned + onward + unknown, every day.
 */
import { createGazetteer } from "../geo/gazetteer.ts";
import type { LedgerGroupDay, LedgerPlaceCount, LedgerResult } from "../ledger/types.ts";
import type { Dataset } from "../model/dataset.ts";
import type { SplitRow, TrackPoint } from "../model/track.ts";
import type { IsoDate } from "../model/units.ts";
import { groupBody } from "./groupBody.ts";
import { pointStatusReader } from "./groupStatus.ts";
import { groupDayPositionUnknown } from "./positionUnknown.ts";
import type { TrackEndFacts } from "./groupStatus.ts";
import { capacityByArea, placesOfDay, routeEnds } from "./places.ts";
import type { PlaceContext } from "./places.ts";
import type { CorridorDay, CorridorTotals, GroupBody, PlacePresence } from "./types.ts";
import type { RouteIndex } from "../geo/routeIndex.ts";

/** Options of {@link buildCorridorState}. */
export interface CorridorStateOptions {
  /** Arrival radius, km: the ledger's (default 40). Pass the same value as to `buildLedger`. */
  arrivalRadiusKm?: number;
}

/**
 * One state of the corridor per day of the ledger.
 * @param input the dataset, the estimated tracks the ledger was built from, and the ledger.
 * @returns one day per ledger day, in date order.
 * @example
 * const state = buildCorridorState({ dataset, tracks, ledger });
 * state.find((d) => d.date === "2018-11-25")?.places[0]; // => { placeName: "Tijuana", present: 5516, … }
 */
export function buildCorridorState(
  input: {
    dataset: Dataset;
    tracks: readonly TrackPoint[];
    ledger: LedgerResult;
    /** The estimator's `report.trackEnds` (each group's last report and how its track ended). */
    trackEnds?: readonly TrackEndFacts[];
    /** An index of `dataset.routes` already built (runReplay shares one); default: built here. */
    routeIndex?: RouteIndex;
  },
  options: CorridorStateOptions = {},
): CorridorDay[] {
  const { dataset, tracks, ledger } = input;
  const statusOf = pointStatusReader(dataset.routes, input.trackEnds ?? [], input.routeIndex);
  const radiusKm = options.arrivalRadiusKm ?? 40;
  const context: PlaceContext = {
    gazetteer: createGazetteer(dataset.places),
    places: dataset.places,
    routeEnds: routeEnds(dataset.routes),
    capacity: capacityByArea(dataset.places, radiusKm),
    radiusKm,
  };
  // Each group's last report (any kind), as the status and the forecast read it.
  const lastReport = new Map((input.trackEnds ?? []).map((e) => [e.group, e.lastReportDate]));
  const rowsByDate = groupByDate(ledger.split);
  const pointsByDate = groupByDate(tracks);
  const onRoadByDate = groupByDate(ledger.groups);
  const countsByDate = groupByDate(ledger.placeCounts ?? []);
  const days = ledger.departed.map((d) => {
    const rows = rowsByDate.get(d.date) ?? [];
    const onRoad = new Map((onRoadByDate.get(d.date) ?? []).map((g) => [g.group, g]));
    const groups = (pointsByDate.get(d.date) ?? []).map((p) => {
      const g = onRoad.get(p.group);
      const status = statusOf(p, g && g.moving + (g.resting ?? 0), g?.takenIn);
      const unknown = groupDayPositionUnknown(p, status, lastReport.get(p.group));
      const taken =
        g?.takenIn !== undefined && g.takenInPlace !== undefined
          ? { takenIn: g.takenIn, takenInPlace: g.takenInPlace }
          : {};
      if (!unknown) return { ...bodyOf(p, g), status, ...destinationOf(g), ...taken };
      // No named place for people whose position is unknown (they stay in transit).
      const { atPlace: _named, ...body } = bodyOf(p, g);
      return { ...body, status, positionUnknown: unknown, ...taken };
    });
    return {
      date: d.date,
      groups,
      places: withCountDates(placesOfDay(rows, groups, context), countsByDate.get(d.date) ?? []),
      totals: totalsOf(d.value, rows),
    };
  });
  return withArrivalDates(days);
}

/**
 * Each arrived group's `arrivedOn`: the first day of its run of `arrived` days (consecutive state
 * days, in date order) up to the day. A day of another status ends the run.
 */
export function withArrivalDates(days: CorridorDay[]): CorridorDay[] {
  const since = new Map<string, IsoDate>();
  for (const day of days) {
    const seen = new Set<string>();
    for (const g of day.groups) {
      if (g.status !== "arrived") continue;
      seen.add(g.group);
      if (!since.has(g.group)) since.set(g.group, day.date);
      g.arrivedOn = since.get(g.group);
    }
    for (const k of [...since.keys()]) if (!seen.has(k)) since.delete(k);
  }
  return days;
}

/** Each place with the dates of the counts behind its people remaining (`countedOn`, `countedLatest`). */
function withCountDates(
  places: PlacePresence[],
  counts: readonly LedgerPlaceCount[],
): PlacePresence[] {
  if (counts.length === 0) return places;
  const on = new Map(counts.map((c) => [c.placeName, c]));
  return places.map((p) => {
    const c = p.placeName !== undefined ? on.get(p.placeName) : undefined;
    if (c === undefined) return p;
    const latest = c.countedLatest !== undefined ? { countedLatest: c.countedLatest } : {};
    const upTo = c.latestUpTo !== undefined ? { latestUpTo: c.latestUpTo } : {};
    return { ...p, countedOn: c.countedOn, ...latest, ...upTo };
  });
}

/** The state on one date, or undefined outside the ledger's days. */
export function corridorDay(state: readonly CorridorDay[], date: IsoDate): CorridorDay | undefined {
  return state.find((d) => d.date === date.slice(0, 10));
}

/** A group's body with the people the ledger counts on the road (none for a blank size). */
function bodyOf(p: TrackPoint, g: LedgerGroupDay | undefined): Omit<GroupBody, "status"> {
  return groupBody(p, {
    onRoad: g?.onRoad ?? 0,
    onRoadLow: g?.onRoadLow ?? 0,
    onRoadHigh: g?.onRoadHigh ?? 0,
    ...(g?.placeName !== undefined ? { atPlace: g.placeName } : {}),
    ...(g?.unseenSince !== undefined ? { unseenSince: g.unseenSince } : {}),
  });
}

/** An arrived group's people no count holds yet, and where (undefined fields when none). */
function destinationOf(
  g: LedgerGroupDay | undefined,
): Pick<GroupBody, "atDestination" | "atDestinationPlace"> {
  return g?.atDestination !== undefined && g.atDestination > 0 && g.atDestinationPlace
    ? { atDestination: g.atDestination, atDestinationPlace: g.atDestinationPlace }
    : {};
}

/** The day's totals from its split rows; `departed` from the ledger. */
export function totalsOf(departed: number, rows: readonly SplitRow[]): CorridorTotals {
  const t: CorridorTotals = {
    departed,
    inTransit: 0,
    presentAtPlaces: 0,
    returned: 0,
    onward: 0,
    unknown: 0,
  };
  for (const r of rows) {
    switch (r.category) {
      case "in_transit":
        t.inTransit += r.value;
        break;
      case "return":
        t.returned += r.value;
        break;
      case "onward":
        t.onward += r.value;
        break;
      case "unknown":
        t.unknown += r.value;
        break;
      default:
        // remaining, asylum_claim, regularized, other: people at places in the host country.
        t.presentAtPlaces += r.value;
    }
  }
  return t;
}

function groupByDate<T extends { date: IsoDate }>(items: readonly T[]): Map<IsoDate, T[]> {
  const out = new Map<IsoDate, T[]>();
  for (const item of items) {
    const list = out.get(item.date);
    if (list) list.push(item);
    else out.set(item.date, [item]);
  }
  return out;
}
