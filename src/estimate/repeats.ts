/**
 * Reports that repeat an earlier report of the same group: news told again a few days on with the
 * place and the figure it had (a stale story under a new date and source), not a new sighting.
 *
 * A report repeats an earlier one of its group (1 to REPEAT_DAYS local days before) when it names
 * the same place (the same point: a town's centroid, or the same coordinates), gives the same
 * figure (best, low and high alike, at least one of them given) and comes from another type of
 * source (news picked up by another outlet). A group staying in a town is named there day after
 * day, mostly with a figure of its own or none; a source that counts a shelter every day may give
 * the same figure again, and such reports are not repeats; nor are the very same coordinates
 * alone (a sheet may give a shelter's coordinates every day). On the stress development worlds
 * (seeds 201–216) the rule flags 62 of 122 stale reports and 22 of 1,971 fresh ones (a rounded
 * figure told again at the same town): docs/estimation.md "staysettle".
 */
import type { GroupPosition } from "./workGroup.ts";

/** Local days at most between a report and the earlier one it repeats. */
export const REPEAT_DAYS = 7;

/**
 * For each of a group's position reports (in order), whether it repeats an earlier one.
 * @example
 * repeatedReports(g.positions).filter(Boolean).length; // the group's stale repeats
 */
export function repeatedReports(positions: readonly GroupPosition[]): boolean[] {
  const tellings = new Map<string, { day: number; source: string }[]>();
  for (const p of positions) {
    const key = tellingKey(p);
    if (key === undefined) continue;
    tellings.set(key, [
      ...(tellings.get(key) ?? []),
      { day: Math.floor(p.s.t), source: p.s.source },
    ]);
  }
  return positions.map((p) => {
    const key = tellingKey(p);
    if (key === undefined) return false;
    const day = Math.floor(p.s.t);
    return (tellings.get(key) ?? []).some(
      (e) => e.day < day && day - e.day <= REPEAT_DAYS && e.source !== p.s.source,
    );
  });
}

/** The place and figure a report tells (undefined without a point or without a figure). */
function tellingKey(p: GroupPosition): string | undefined {
  const { point, logValue, logLow, logHigh } = p.s;
  if (!point) return undefined;
  if (logValue === undefined && logLow === undefined && logHigh === undefined) return undefined;
  return `${point[0]}|${point[1]}|${logValue}|${logLow}|${logHigh}`;
}
