/**
 * The one rule for counts of people present at two or more places of one town (a city or crossing
 * and the shelters folded into it, `areaOf`): which of them are current on a day.
 *
 * People move between the places of a town (in 2018 from the Benito Juárez sports complex to
 * El Barretal, Tijuana, from 29 Nov), so a count at one place may hold people an older count at
 * another place of the town also holds. A `present` count stands `holdDays` (3) after its day;
 * as of a date it is held longer (up to `maxGapDays`, `presentHoldDays`) only because its next
 * count had not come out. **A newer count at another place of the town (or of the town itself)
 * that shows people arriving there ends that longer hold**: the town has been counted since, the
 * people counted at the older place may be among the newer count, and the older count is no
 * longer read as people there. Both stand — **"both current"** — when:
 * - they are of the same day (a source counting several places on one day gives a census of the
 *   town: its counts add up, e.g. El Barretal 2,500 and Benito Juárez 700 of 6 Dec 2018);
 * - the newer count shows no one arriving: it is not above its own place's count on the older
 *   count's day (a recount of its place, e.g. El Barretal's 2,500 again on 7 Dec, says nothing of
 *   the people around Benito Juárez); a place with no count yet on that day counts as 0;
 * - the older count is still within `holdDays` of its day (a snapshot stands that long, as with
 *   hindsight), or on a straight line to its own next count (its place was counted again).
 * With hindsight a count is never held past `holdDays`, so the rule changes nothing there; both
 * views read it all the same (it is applied where the ledger adds up a town, and every view
 * reads the ledger).
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
  /** The count's place's value on an earlier day (people); undefined before its first figure. */
  valueAt(day: number): number | undefined;
}

/**
 * Which of a town's present counts stand on a day (see the module comment): a count held more
 * than `holdDays` past its day is superseded by a count of a later day at another place of the
 * town that is above that place's value on the held count's day (people arrived there).
 * @param counts the town's counts that say something on the day (any order; one per place).
 * @param holdDays days a count stands after its day whatever else is counted (default 3).
 * @returns for each count, in order, whether it stands.
 * @example
 * // as of 3 Dec 2018 (day 4): Benito Juárez 6,062 of 29 Nov (day 0) held 4 days; El Barretal
 * // 2,500 on 3 Dec, 755 on 29 Nov: people arrived there, so Benito Juárez's count is superseded.
 * const bj = { countDay: 0, heldDays: 4, valueAt: () => 6062 };
 * const eb = { countDay: 4, heldDays: 0, valueAt: (d: number) => (d < 4 ? 755 : 2500) };
 * currentTownCounts([bj, eb], 3); // => [false, true]
 */
export function currentTownCounts(counts: readonly TownCount[], holdDays: number): boolean[] {
  return counts.map(
    (a) =>
      a.heldDays <= holdDays ||
      !counts.some(
        (b) =>
          b !== a &&
          b.countDay > a.countDay &&
          (b.valueAt(b.countDay) ?? 0) > (b.valueAt(a.countDay) ?? 0),
      ),
  );
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
export function supersededInTown(area: LedgerNode, day: number, daily: DailyOptions): Set<Series> {
  const read = presentSeries(area).flatMap((series) => {
    const r = readSeries(series.points, series.basis, day, daily);
    const valueAt = (d: number) => readSeries(series.points, series.basis, d, daily)?.value;
    return r ? [{ series, countDay: r.countDay, heldDays: r.heldDays, valueAt }] : [];
  });
  const out = new Set<Series>();
  if (read.length < 2) return out;
  const stands = currentTownCounts(read, daily.holdDays);
  read.forEach((r, i) => {
    if (!stands[i]) out.add(r.series);
  });
  return out;
}
