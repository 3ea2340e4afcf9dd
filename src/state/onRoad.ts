/**
 * Which people of each group are still on the road on one day: the one rule the ledger's
 * `in_transit` rows and the corridor state's group bodies both read (so they agree by
 * construction).
 */
import { haversineKm } from "../geo/distance.ts";
import { dayNumber, isoDate } from "../calendar/index.ts";
import { isUnseen, MAX_SILENCE_DAYS } from "../movement/silence.ts";
import { DEFAULT_TIME_ZONE } from "../model/dataset.ts";
import type { Dataset } from "../model/dataset.ts";
import { dataRange } from "../replay/dataRange.ts";
import type { TrackPoint } from "../model/track.ts";
import type { IsoDate, Km, People } from "../model/units.ts";
import { createRouteIndex } from "../geo/routeIndex.ts";
import type { RouteIndex } from "../geo/routeIndex.ts";
import { defaultEstimatorMovement, lawAhead } from "../movement/index.ts";
import type { LawAhead, LawAheadOptions, MovementModel } from "../movement/index.ts";
import { atTrackEnd, reportedStates } from "../forecast/reportedState.ts";
import { kmAhead } from "../estimate/kmAhead.ts";
import { bounded, round5 } from "../estimate/estimateTracks.ts";
import type { EstimatedGroup, GroupState } from "../estimate/estimateTracks.ts";

/** People counted as remaining at one area (a city or crossing) on the day, with its position. */
export interface RemainingArea {
  placeName: string;
  /** People remaining there (the ledger's reconciled value). */
  value: People;
  lon?: number;
  lat?: number;
  /**
   * The tracked group the sources say these people belong to (a figure's `caravanLabel`,
   * src/ledger/groupFigures.ts): they are that group's people arriving, wherever its track is.
   */
  group?: string;
}

/**
 * How held days widen: each group's movement law, end state and route (carryTracks builds it from
 * the estimate and the dataset's routes).
 */
export interface HeldWidening {
  /**
   * The law the group is carried by past its track's end: the movement module's one reading of
   * it (`lawAhead`, src/movement/ahead.ts), the law the forecast's runs move by.
   */
  movement(group: string): MovementModel;
  /**
   * The group's start regime on its track's last day, if known: the estimator's `GroupState.regime`
   * with a ride its latest reports show moved in (`lawAhead`), as the forecast starts it.
   */
  regime(group: string): { rest: number; walk: number; ride: number } | undefined;
  /** Length of a route (km), or undefined for a route not known. */
  routeLengthKm(routeId: string): Km | undefined;
  /** Position [lon, lat] at `km` along a route. */
  along(routeId: string, km: Km): readonly [number, number];
}

/**
 * Tracks carried to `lastDate` for groups whose track ends only because the data end
 * (`end_of_data`) while they are not yet unseen: each such group is carried on from its last point
 * (the day's date, `heldAfterData: true`) up to its last report + {@link MAX_SILENCE_DAYS}
 * or `lastDate`, whichever is earlier. So a group reported two days before a situation update is
 * still on the road on its date rather than dropping to unknown with the data's end, and every
 * group leaves the road by the one rule. A group whose track ended at its destination
 * (`destination`) is held the same days at its last point, unmoved: it stays at its route's end
 * (status `arrived`, its people at the place there, src/ledger/arrived.ts) rather than dropping
 * to `unknown` the day after its track ends. Other tracks are returned as they are.
 *
 * With `widening`, a held day's km (median person, head, tail) is the last point's distribution
 * pushed through the movement law (`kmAhead`, src/estimate/kmAhead.ts: the smoother's own forward
 * step without reports), moving and widening as the smoother's days without a report do, never past
 * the route's end, and the position follows the median. The size and its interval are held. Without
 * it (tracks not made by the estimator) the last point is held as it is.
 * @param trackEnds the estimator's `report.trackEnds`.
 * @example
 * holdUntilUnseen(tracks, [{ group: "A", lastDate: "2018-11-22", lastReportDate: "2018-11-20", reason: "end_of_data" }], "2018-11-25");
 * // A's 22 Nov point is repeated on 23, 24 and 25 Nov
 */
export function holdUntilUnseen(
  tracks: readonly TrackPoint[],
  trackEnds: readonly {
    group: string;
    lastDate: IsoDate;
    lastReportDate: IsoDate;
    reason: string;
  }[],
  lastDate: IsoDate,
  widening?: HeldWidening,
): TrackPoint[] {
  const last = dayNumber(lastDate);
  if (last === undefined) return [...tracks];
  const lastPoint = new Map<string, TrackPoint>();
  for (const p of tracks) {
    const seen = lastPoint.get(p.group);
    if (!seen || p.date > seen.date) lastPoint.set(p.group, p);
  }
  const out = [...tracks];
  for (const end of trackEnds) {
    const arrived = end.reason === "destination";
    if (end.reason !== "end_of_data" && !arrived) continue;
    const point = lastPoint.get(end.group);
    const from = point ? dayNumber(point.date) : undefined;
    const report = dayNumber(end.lastReportDate.slice(0, 10));
    if (!point || from === undefined || report === undefined) continue;
    const until = Math.min(last, report + MAX_SILENCE_DAYS);
    // An arrived group stays where its track ended (its route's end): nothing carries it on.
    const ahead = widening && !arrived ? carriedAhead(point, until - from, widening) : [];
    for (let day = from + 1; day <= until; day++)
      out.push({ ...point, ...ahead[day - from - 1], date: isoDate(day), heldAfterData: true });
  }
  return byGroupThenDate(out);
}

/**
 * The points of each group together, groups in order of first appearance, each group's by date
 * (stable): tracks.csv keeps a group's rows contiguous, its held days after the data right after
 * its estimated days, not after every other group.
 */
export function byGroupThenDate(points: readonly TrackPoint[]): TrackPoint[] {
  const rank = new Map<string, number>();
  for (const p of points) if (!rank.has(p.group)) rank.set(p.group, rank.size);
  return points
    .map((p, i) => ({ p, i }))
    .sort(
      (a, b) =>
        rank.get(a.p.group)! - rank.get(b.p.group)! ||
        (a.p.date < b.p.date ? -1 : a.p.date > b.p.date ? 1 : a.i - b.i),
    )
    .map((x) => x.p);
}

/**
 * The km fields of `point` carried 1…`days` days ahead by the law (empty for an unknown route):
 * the median person, head and tail each as its own distribution pushed through the law from the
 * group's last-day regime ({@link kmAhead}), rounded as the estimated days are (km to 0.1, bounds
 * outwards, position to 5 decimals: estimateTracks.ts `bounded`, `round5`), the head no further
 * back and the tail no further ahead than the median person.
 */
function carriedAhead(
  point: TrackPoint,
  days: number,
  widening: HeldWidening,
): Partial<TrackPoint>[] {
  const length = widening.routeLengthKm(point.routeId);
  if (length === undefined || days < 1) return [];
  const law = widening.movement(point.group);
  const regime = widening.regime(point.group);
  const carry = (median: Km, low: Km, high: Km) =>
    kmAhead({ median, low, high }, law, length, days, regime).map((d) => bounded(d, length));
  const body = carry(point.km, point.kmLow, point.kmHigh);
  const head =
    point.headKm === undefined
      ? undefined
      : carry(point.headKm, point.headKmLow ?? point.headKm, point.headKmHigh ?? point.headKm);
  const tail =
    point.tailKm === undefined
      ? undefined
      : carry(point.tailKm, point.tailKmLow ?? point.tailKm, point.tailKmHigh ?? point.tailKm);
  return body.map((d, i) => {
    const [lon, lat] = widening.along(point.routeId, d.value);
    const h = head?.[i];
    const t = tail?.[i];
    // As estimateTracks.ts `trackPoint`: head ≥ median ≥ tail after rounding.
    const headKm = h && Math.max(h.value, d.value);
    const tailKm = t && Math.min(t.value, d.value);
    return {
      km: d.value,
      kmLow: d.low,
      kmHigh: d.high,
      lon: round5(lon),
      lat: round5(lat),
      ...(h && headKm !== undefined
        ? { headKm, headKmLow: Math.min(h.low, headKm), headKmHigh: Math.max(h.high, headKm) }
        : {}),
      ...(t && tailKm !== undefined
        ? { tailKm, tailKmLow: Math.min(t.low, tailKm), tailKmHigh: Math.max(t.high, tailKm) }
        : {}),
    };
  });
}

/**
 * The estimator's tracks with the held days of {@link holdUntilUnseen} added, held up to the
 * `asOf` date or else the data's last day (replay/dataRange.ts, the one rule for it): the ONE set of
 * group-days that the replay (ledger, state, map) and `dtm-flow estimate` (tracks.csv,
 * tracks.geojson) both use, so they give the same group-days. Held days carry
 * `heldAfterData: true` (tracks.csv `held_after_data`); their km intervals widen by the movement
 * law as the forecast reads it past the data (`lawAhead`, src/movement/ahead.ts: the estimate's
 * pooled law, else the estimator's default, from the group's end state with a ride its latest
 * reports show), on the dataset's routes.
 * @param asOf an ISO date or date-time (its date is used); default the data's last day.
 * @param timeZone the zone the data's last day is read in (default the dataset's, else the project's).
 * @param routeIndex an index of `dataset.routes` already built (runReplay shares one); default:
 *   built here.
 * @param law options of that reading (`lawAhead`): the nowcast passes its `reportedRideWeight`,
 *   so that its start day and its runs read the law with one weight; default the library's.
 * @example
 * carryTracks(estimateTracks(embedded2018()), embedded2018()).some((p) => p.heldAfterData); // => true
 */
export function carryTracks(
  estimate: {
    tracks: readonly TrackPoint[];
    report: {
      trackEnds: Parameters<typeof holdUntilUnseen>[1];
      movement?: MovementModel;
    };
    state?: readonly Pick<GroupState, "group" | "date" | "regime">[];
    /** The estimated groups (their reports, `sightings`); without them no reported ride is read. */
    groups?: readonly Pick<EstimatedGroup, "group" | "routeId" | "sightings">[];
  },
  dataset: Dataset,
  asOf?: string,
  timeZone: string = dataset.timeZone ?? DEFAULT_TIME_ZONE,
  routeIndex?: RouteIndex,
  law: Pick<LawAheadOptions, "reportedRideWeight"> = {},
): TrackPoint[] {
  return holdUntilUnseen(
    estimate.tracks,
    estimate.report.trackEnds,
    asOf?.slice(0, 10) ?? dataRange(dataset, timeZone)?.last ?? "",
    heldWidening(estimate, dataset, timeZone, routeIndex, law),
  );
}

/** The {@link HeldWidening} of an estimate on a dataset's routes (undefined without routes). */
function heldWidening(
  estimate: Parameters<typeof carryTracks>[0],
  dataset: Dataset,
  timeZone: string,
  routeIndex: RouteIndex | undefined,
  law: Pick<LawAheadOptions, "reportedRideWeight">,
): HeldWidening | undefined {
  if (!dataset.routes?.features?.length) return undefined;
  const index = routeIndex ?? createRouteIndex(dataset.routes);
  const pooled = estimate.report.movement ?? defaultEstimatorMovement();
  const states = new Map((estimate.state ?? []).map((s) => [s.group, s]));
  const groups = estimate.groups;
  const reported = groups
    ? reportedStates(
        dataset,
        { groups, report: { movement: pooled } },
        { timeZone, routeIndex: index },
      )
    : undefined;
  // One reading of the law past the data, the forecast's (lawAhead), memoised by group.
  const laws = new Map<string, LawAhead | undefined>();
  const lawOf = (group: string): LawAhead | undefined => {
    if (!laws.has(group)) {
      const s = states.get(group);
      laws.set(group, s && lawAhead(pooled, atTrackEnd(s, reported?.(group) ?? {}), law));
    }
    return laws.get(group);
  };
  return {
    movement: (group) => lawOf(group)?.movement ?? pooled,
    regime: (group) => lawOf(group)?.regime,
    routeLengthKm: (routeId) =>
      index.routeIds.includes(routeId) ? index.lengthKm(routeId) : undefined,
    along: (routeId, km) => {
      const [lon, lat] = index.along(routeId, km);
      return [lon, lat] as const;
    },
  };
}

/** One group's people on the road on one day. */
export interface GroupOnRoad {
  /** The group's track point of the day (its size, body and position). */
  point: TrackPoint;
  /** Share of the group still moving (0–1): 1 less the share counted as remaining where it is. */
  moving: number;
  /** People on the road: `size × moving` (people; 0 for a blank size). */
  onRoad: People;
  onRoadLow: People;
  onRoadHigh: People;
  /** Index into the `areas` given of the area the group has reached (within the radius), or -1. */
  area: number;
  /**
   * People the sources attribute to the group at places (areas with its `group`) beyond its
   * estimated size, people; 0 when they fit in it. They are counted once, at their places: people
   * the tracks missed (src/ledger/groupFigures.ts).
   */
  beyond: People;
  /**
   * Share of the group (0–1) among the people counted remaining at the area it has reached by
   * distance (not attributed to it by the figures): its people RESTING there, a snapshot of a
   * group passing through — not people it left behind. They are off the road in the ledger's
   * `in_transit` (counted at the place), but still the group's: the forecast moves them on with it
   * and they never make it `accounted_for`. `moving + resting` ≤ 1.
   */
  resting: number;
  /**
   * The group's last report, when it is more than {@link MAX_SILENCE_DAYS} days before the day:
   * its people are then not on the road but unknown (`onRoad` 0), "not seen since" that date.
   */
  unseenSince?: IsoDate;
  /**
   * People of the group that has arrived at its route's end (`groupDayStatus`) whom no count holds:
   * the ledger counts them remaining at the place there, not on the road (src/ledger/arrived.ts).
   */
  atDestination?: People;
  /** The place at its route's end where `atDestination` people are (the ledger's `remaining` row). */
  atDestinationPlace?: string;
}

/**
 * People still moving with each group on one day. People counted as remaining at an area the
 * sources attribute to a tracked group (`RemainingArea.group`) are that group's people arriving,
 * wherever its track is: they leave its people on the road (19 Nov 2018: Honduran caravan 1's
 * people counted in Mexicali and Tijuana while its track is at Tijuana). An area without such a
 * group is shared by the groups within `radiusKm` of it: the share `min(1, remaining / people of
 * all groups there)` of each is counted at the area, the rest is on the road; a held day
 * (`heldAfterData`) takes part only when its interval's low end has reached the area too
 * (`heldReached`). A group of 3,000 at
 * Tijuana where 2,500 remain has 500 on the road. People attributed to a group beyond its size
 * are its `beyond` (never negative people on the road).
 * @param tracks the groups' track points of the day; a blank (NaN) size is left out (the ledger
 *   does not know how many are moving).
 * @param areas the day's `remaining` areas; those without a position never absorb a group by
 *   distance.
 * @param radiusKm arrival radius, km (the ledger's default is 40).
 * @param lastReports each group's last report date (the estimator's `trackEnds[].lastReportDate`);
 *   a group not reported for more than {@link MAX_SILENCE_DAYS} days has no one on the road
 *   (`unseenSince`) and absorbs no one at the area it is near. A group absent from the map is
 *   never unseen (tracks from a file or fixture carry no report dates).
 * @example
 * groupsOnRoad([tijuanaPoint3000], [{ placeName: "Tijuana", value: 2500, lon, lat }], 40)[0].onRoad; // => 500
 */
export function groupsOnRoad(
  tracks: readonly TrackPoint[],
  areas: readonly RemainingArea[],
  radiusKm: number,
  lastReports: ReadonlyMap<string, IsoDate> = new Map(),
): GroupOnRoad[] {
  const points = tracks.filter((p) => Number.isFinite(p.size));
  const unseen = points.map((p) => isUnseen(p.date, lastReports.get(p.group)));
  const own = attributedAreas(points, unseen, areas);
  // People at an area left for the groups near it: all of them, or those beyond its own group.
  const open = areas.map((a) => {
    const g = a.group !== undefined ? own.get(a.group) : undefined;
    return g ? a.value * (1 - g.used) : a.value;
  });
  const nearArea = points.map((p, i) =>
    unseen[i]
      ? -1
      : nearestArea(
          p,
          areas,
          radiusKm,
          (j) => open[j]! > 0 && areas[j]!.group !== p.group && heldReached(p, areas[j]!, radiusKm),
        ),
  );
  const groupSize = areas.map(() => 0);
  points.forEach((p, i) => {
    if (nearArea[i]! >= 0) groupSize[nearArea[i]!]! += Math.max(0, p.size);
  });
  return points.map((point, i) => {
    if (unseen[i]) {
      const since = lastReports.get(point.group)!.slice(0, 10);
      return {
        point,
        moving: 0,
        onRoad: 0,
        onRoadLow: 0,
        onRoadHigh: 0,
        area: -1,
        beyond: 0,
        resting: 0,
        unseenSince: since,
      };
    }
    const j = nearArea[i]!;
    const near = j >= 0 && groupSize[j]! > 0 ? Math.min(1, open[j]! / groupSize[j]!) : 0;
    const mine = own.get(point.group);
    const size = Math.max(0, point.size);
    const ownShare = mine ? (size > 0 ? Math.min(1, mine.people / size) : 1) : 0;
    const moving = Math.max(0, 1 - ownShare - near);
    const people = (v: number) => Math.max(0, Number.isFinite(v) ? v : point.size) * moving;
    return {
      point,
      moving,
      onRoad: people(point.size),
      onRoadLow: people(point.sizeLow),
      onRoadHigh: people(point.sizeHigh),
      // Where its people on the road are: the place it has reached, whoever's people are there.
      area: nearestArea(point, areas, radiusKm),
      beyond: mine ? Math.max(0, mine.people - size) : 0,
      resting: Math.max(0, Math.min(near, 1 - ownShare)),
    };
  });
}

/** A group's people at the areas the sources attribute to it. */
interface Attributed {
  /** People at those areas. */
  people: People;
  /** Share of those people that are the group's (0–1): its size over them, at most 1. */
  used: number;
}

/**
 * The areas whose people the sources attribute to a group seen on the road that day, per group.
 * An area naming a group with no track that day (or an unseen one) is an ordinary area.
 */
function attributedAreas(
  points: readonly TrackPoint[],
  unseen: readonly boolean[],
  areas: readonly RemainingArea[],
): Map<string, Attributed> {
  const size = new Map<string, number>();
  points.forEach((p, i) => {
    if (!unseen[i]) size.set(p.group, (size.get(p.group) ?? 0) + Math.max(0, p.size));
  });
  const byGroup = new Map<string, Attributed>();
  for (const a of areas) {
    if (a.group === undefined || !size.has(a.group)) continue;
    const entry = byGroup.get(a.group);
    if (!entry) byGroup.set(a.group, { people: a.value, used: 1 });
    else entry.people += a.value;
  }
  for (const [group, entry] of byGroup)
    entry.used = entry.people > 0 ? Math.min(1, size.get(group)! / entry.people) : 1;
  return byGroup;
}

/**
 * Whether a group's point may take over people counted at an area by distance. An estimated day:
 * yes (nearestArea then asks its median to be within the radius). A held day (`heldAfterData`,
 * placed by the movement law alone, no report): only when its 90 % interval's low end has surely
 * reached the area too — the median's straight distance to the area plus the km from the low end
 * to the median (a route km is never shorter than the straight line) within `radiusKm`. A group
 * the law only carries through a town then leaves the town's counted people where they are, and
 * the in-transit figure does not dip while a median passes (seen once: Salvadoran group Nov 18,
 * last reported 18 Nov in Chiapas, held through Mexico City on 2–3 Dec 2018 took its 270 counted
 * people); a group held at its route's end with a narrow interval still arrives there.
 */
function heldReached(p: TrackPoint, a: RemainingArea, radiusKm: number): boolean {
  if (!p.heldAfterData) return true;
  if (a.lon === undefined || a.lat === undefined || !Number.isFinite(p.kmLow)) return false;
  return haversineKm(p.lon, p.lat, a.lon, a.lat) + (p.km - p.kmLow) <= radiusKm;
}

/** Index of the nearest area within `radiusKm` of the point among the `open` ones, or -1. */
function nearestArea(
  p: TrackPoint,
  areas: readonly RemainingArea[],
  radiusKm: number,
  open: (j: number) => boolean = () => true,
): number {
  let best = -1;
  let bestKm = radiusKm;
  areas.forEach((a, j) => {
    if (a.lon === undefined || a.lat === undefined || !open(j)) return;
    const km = haversineKm(p.lon, p.lat, a.lon, a.lat);
    if (km <= bestKm) {
      bestKm = km;
      best = j;
    }
  });
  return best;
}
