/**
 * The one rule for counts of people present at two or more places of one town (a city or crossing
 * and the shelters folded into it, `areaOf`): which of them are current on a day.
 *
 * People move between the places of a town (in 2018 from the Benito Juárez sports complex to
 * El Barretal, Tijuana, from 29 Nov), so a count at one place may hold people an older count at
 * another place of the town also holds. A `present` count stands `holdDays` (3) after its day;
 * as of a date it is held longer (up to `maxGapDays`, `presentHoldDays`) only because its next
 * count had not come out. **A newer count at a place of the town ends that longer hold of an older
 * count at another place of the town (or of the town itself)**: the town has been counted since,
 * and the older count is no longer read as people there. Both stand — **"both current"** — when
 * they are of the same day (a source counting several places on one day gives a census of the
 * town: its counts add up, e.g. El Barretal 2,500 and Benito Juárez 700 of 6 Dec 2018), or when the
 * older count is still within `holdDays` of its day (a snapshot stands that long, as with
 * hindsight), or when it is on a straight line to its own next count (the place was counted again).
 * With hindsight a count is never held past `holdDays`, so the rule changes nothing there; it is
 * read by both views all the same (one rule, in the ledger, which every view reads).
 */
import type { DailyOptions } from "./series.ts";
import { readSeries } from "./series.ts";
import type { LedgerNode, Series } from "./tree.ts";

/** One present count of a town as read on a day (`SeriesReading`'s fields the rule needs). */
export interface TownCount {
  /** Day number of the figure the count is read from. */
  countDay: number;
  /** Days the figure has been held past its day (0: its own day, or on a line to its next figure). */
  heldDays: number;
}

/**
 * Which of a town's present counts stand on a day (see the module comment): every count of the
 * newest count day, and every count held no more than `holdDays`; an older count held longer is
 * superseded.
 * @param counts the town's counts that say something on the day (any order).
 * @param holdDays days a count stands after its day whatever else is counted (default 3).
 * @returns for each count, in order, whether it stands.
 * @example
 * // as of 3 Dec 2018: Benito Juárez 6,062 of 29 Nov held 4 days, El Barretal 2,500 of 3 Dec
 * currentTownCounts([{ countDay: 0, heldDays: 4 }, { countDay: 4, heldDays: 0 }], 3); // => [false, true]
 */
export function currentTownCounts(counts: readonly TownCount[], holdDays: number): boolean[] {
  let newest = -Infinity;
  for (const c of counts) newest = Math.max(newest, c.countDay);
  return counts.map((c) => c.countDay === newest || c.heldDays <= holdDays);
}

/** The `present` series of a node and of every node below it. */
function presentSeries(node: LedgerNode): Series[] {
  return [
    ...node.own.filter((s) => s.basis === "present"),
    ...[...node.children.values()].flatMap(presentSeries),
  ];
}

/**
 * The `present` series of a town (an area node: its own figures and its shelters') that
 * {@link currentTownCounts} supersedes on `day`; empty when the town has one count or none.
 * @param area a node at area depth of a category's tree (`tree.ts`).
 */
export function supersededInTown(
  area: LedgerNode,
  day: number,
  daily: DailyOptions,
): Set<Series> {
  const read = presentSeries(area).flatMap((series) => {
    const r = readSeries(series.points, series.basis, day, daily);
    return r ? [{ series, countDay: r.countDay, heldDays: r.heldDays }] : [];
  });
  const out = new Set<Series>();
  if (read.length < 2) return out;
  const stands = currentTownCounts(read, daily.holdDays);
  read.forEach((r, i) => {
    if (!stands[i]) out.add(r.series);
  });
  return out;
}
