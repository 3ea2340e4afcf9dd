/**
 * A silent group taken in by the count at its destination: the one rule by which a group that
 * has not been reported for a while leaves the road for a count rather than for `unknown`
 * (issue 13, "a group lives until it is accounted for"). On the 2018 data five groups last
 * reported between Mexico City and Querétaro (13–18 Nov) were carried by the movement law alone
 * and then declared dissolved after 21 silent days, while the counts at Tijuana, the end of their
 * routes, held thousands of people beyond the one group the figures named there (the 20 Nov DHS
 * figure of 6,200 against Honduran caravan 1's estimated 5,488, with its Mexicali people). The
 * ledger counted those groups both on the road and, as people beyond a group, at Tijuana.
 *
 * The rule, per group-day: a group on the road (not unseen, not at a counted place by distance)
 * with no report for more than {@link SILENT_DAYS} days, whose 90 % km interval reaches the end
 * of its route (its high end within `ARRIVAL_KM` of it: the law cannot rule out that it arrived),
 * is taken in by the count of people remaining at the place there, up to the people that count
 * holds beyond every group the figures or the distance already put there. Several such groups
 * share those people in proportion to their sizes. No one is added: the group's people leave the
 * road for people already counted, so a count is never read twice and people stay conserved;
 * where the count holds fewer, the rest stays on the road (and becomes `unknown` when unseen).
 * A report within the week keeps the group where the reports put it.
 */
import { dayNumber } from "../calendar/index.ts";
import type { TrackPoint } from "../model/track.ts";
import type { IsoDate } from "../model/units.ts";
import { SILENT_DAYS } from "./positionUnknown.ts";

/**
 * Whether a group's point is silent on its day: more than {@link SILENT_DAYS} whole days after its
 * last report (false without a report date).
 */
export function isSilent(p: Pick<TrackPoint, "date">, lastReport: IsoDate | undefined): boolean {
  if (lastReport === undefined) return false;
  const day = dayNumber(p.date.slice(0, 10));
  const last = dayNumber(lastReport.slice(0, 10));
  return day !== undefined && last !== undefined && day - last > SILENT_DAYS;
}

/** What the take-in rule needs beyond one day's points and counts. */
export interface TakeIn {
  /**
   * The place at the end of a point's route when its 90 % km interval reaches it and its median
   * has not (an arrived group is at its destination already): `arrivalReader`'s `reachedEnd`
   * (src/ledger/arrived.ts); undefined otherwise.
   */
  reachedEnd: (p: TrackPoint) => string | undefined;
  /**
   * Each group's share taken in so far and where (the ledger's walk over the days, updated here):
   * a group once taken in stays taken in — its people were counted at the place; when the count
   * later falls they leave it for `unknown` ("last counted at Tijuana"), never back to the road.
   */
  memory: Map<string, { share: number; place: string }>;
}

/** One group's share taken in (0–1) and the place whose count took it in. */
export interface TakenIn {
  share: number;
  place: string;
}

/**
 * The share of each point's group taken in by the count at its destination on the day (the rule
 * of the module comment), given the shares taken in on earlier days (`take.memory`, updated).
 * Shares taken in earlier are kept first (at most the group's `free` share) and use the place's
 * left-over people first; new silent groups that reach the place share what is left, in
 * proportion to their sizes.
 * @param day the day's points, whether each is unseen, the areas, the area each point is at by
 *   distance (`nearArea`, -1 none) and the share of each group still free (not its own figures'
 *   nor the place's it is at).
 * @param leftOver people at each area that no group's figures nor the groups there by distance hold.
 * @returns per point, the share taken in and the place, or undefined.
 */
export function takenInShares(
  day: {
    points: readonly TrackPoint[];
    unseen: readonly boolean[];
    areas: readonly { placeName: string; group?: string }[];
    nearArea: readonly number[];
    free: readonly number[];
    lastReports: ReadonlyMap<string, IsoDate>;
  },
  leftOver: readonly number[],
  take: TakeIn,
): (TakenIn | undefined)[] {
  const { points, areas, free } = day;
  const left = [...leftOver];
  const indexOf = (place: string) => areas.findIndex((a) => a.placeName === place);
  const out: (TakenIn | undefined)[] = points.map((p, i) => {
    const before = take.memory.get(p.group);
    if (!before) return undefined;
    // An unseen group keeps what was taken in; a group on the road at most its free share.
    const share = day.unseen[i] ? before.share : Math.min(before.share, free[i]!);
    const j = indexOf(before.place);
    if (j >= 0) left[j] = Math.max(0, left[j]! - share * Math.max(0, p.size));
    return share > 0 ? { share, place: before.place } : undefined;
  });
  const candidate = silentTakeIn(
    points,
    day.unseen,
    areas,
    day.nearArea,
    day.lastReports,
    take.reachedEnd,
  );
  const takers = areas.map(() => 0);
  points.forEach((p, i) => {
    const j = candidate[i]!;
    const room = free[i]! - (out[i]?.share ?? 0);
    if (j >= 0 && room > 0) takers[j]! += room * Math.max(0, p.size);
  });
  points.forEach((_, i) => {
    const j = candidate[i]!;
    const room = free[i]! - (out[i]?.share ?? 0);
    if (j < 0 || room <= 0 || !(takers[j]! > 0) || !(left[j]! > 0)) return;
    const extra = room * Math.min(1, left[j]! / takers[j]!);
    out[i] = { share: (out[i]?.share ?? 0) + extra, place: areas[j]!.placeName };
  });
  points.forEach((p, i) => {
    const t = out[i];
    const before = take.memory.get(p.group);
    if (t && (!before || t.share > before.share)) take.memory.set(p.group, { ...t });
  });
  return out;
}

/**
 * For each point, the index of the area whose count may take it in ({@link silentTakeIn}'s rule
 * in the module comment), or -1.
 * @param unseen whether each point's group is unseen that day (its people are `unknown`).
 * @param nearArea the area each point has reached by distance (-1: none): such a group is at a
 *   counted place already and is read against it.
 * @param destinationReached {@link TakeIn.reachedEnd}.
 */
export function silentTakeIn(
  points: readonly TrackPoint[],
  unseen: readonly boolean[],
  areas: readonly { placeName: string; lon?: number; lat?: number; group?: string }[],
  nearArea: readonly number[],
  lastReports: ReadonlyMap<string, IsoDate>,
  destinationReached: ((p: TrackPoint) => string | undefined) | undefined,
): number[] {
  return points.map((p, i) => {
    if (!destinationReached || unseen[i] || nearArea[i]! >= 0) return -1;
    if (!isSilent(p, lastReports.get(p.group))) return -1;
    const place = destinationReached(p);
    if (place === undefined) return -1;
    return areas.findIndex((a) => a.placeName === place && a.group !== p.group);
  });
}
