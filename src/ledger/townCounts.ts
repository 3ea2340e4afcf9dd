/**
 * The one rule for counts of people present at two or more places of one town (a city or crossing
 * and the shelters folded into it, `areaOf`): which of them are current on a day.
 *
 * People move between the places of a town (in 2018 from the Benito Juárez sports complex to
 * El Barretal, Tijuana, from 29 Nov), so a count at one place may hold people an older count at
 * another place of the town also holds. A `present` count stands `holdDays` (3) after its day;
 * as of a date it is held longer (up to `PRESENT_AS_OF_DAYS`, `presentHoldDays`) only because its next
 * count had not come out. **A newer count at another place of the town (or of the town itself)
 * that shows people arriving there takes over that rise from the longer-held count**: the people
 * who arrived there may be people of the older count, so the older count is read less the rises
 * of the town's newer counts since its day, floored at 0 (`townTakeovers`); a count of the town
 * as a whole, held or newer, takes over in full (it holds its places' people). A newer count
 * thus takes over no more than it could have absorbed: a rise of 45 after a fall does not end a
 * count of 6,000. Both stand in full — **"both current"** — when:
 * - they are of the same day (a source counting several places on one day gives a census of the
 *   town: its counts add up, e.g. El Barretal 2,500 and Benito Juárez 700 of 6 Dec 2018);
 * - the newer count shows no one arriving: it is not above its own place's count on the older
 *   count's day (a recount of its place, e.g. El Barretal's 2,500 again on 7 Dec, says nothing of
 *   the people around Benito Juárez); a place with no count yet on that day counts as 0;
 * - the older count is on a straight line to its own next count (its place was counted again).
 * A count within `holdDays` of its day still gives up a newer place's rise (as of 3 Dec 2018,
 * Benito Juárez's 6,083 of 29 Nov beside El Barretal's rise on 30 Nov – 2 Dec: otherwise the
 * people who moved are read at both places); only a count of the town as a whole stands its
 * `holdDays` in full (the ledger reads the larger of it and its places' sum, never both).
 * Each rise is taken once, allocated across the older held counts newest first (`takeoverMatrix`).
 * With hindsight a count is held only after a place's last count or across a long gap, so the rule
 * changes nothing on the 2018 data there; both views read it all the same (it is applied where
 * the ledger adds up a town, and every view reads the ledger).
 */
import { isoDate } from "../calendar/index.ts";
import { categoryWords, formatPeople, rowList, whereParams } from "./describe.ts";
import type { DailyOptions } from "./series.ts";
import { readSeries } from "./series.ts";
import type { LedgerNode, Series } from "./tree.ts";
import type { LedgerWarning } from "./types.ts";
import { ledgerWarning } from "./warning.ts";

/** One present count of a town as read on a day (`SeriesReading`'s fields the rule needs). */
export interface TownCount {
  /** Day number of the figure the count is read from. */
  countDay: number;
  /** Days the figure has been held past its day (0: its own day, or on a line to its next figure). */
  heldDays: number;
  /** The count's place's value on an earlier day (people); undefined before its first figure. */
  valueAt(day: number): number | undefined;
  /**
   * People read on the day (default `valueAt(countDay)`): differs from the figure's own value
   * on a line to the next figure, so a newer place's interpolated rise counts too.
   */
  value?: number;
  /** The count is of the town as a whole (the area's own figure), not of one of its places. */
  wholeTown?: boolean;
}

/** People a count reads on the day. */
function valueOf(c: TownCount): number {
  return c.value ?? c.valueAt(c.countDay) ?? 0;
}

/**
 * The rise of a newer count `b` over its own place's value on `a`'s day (a place not counted by
 * then counting as 0): the most people it can hold that `a` also held; 0 unless `b` is of a later day.
 */
function riseSince(a: TownCount, b: TownCount): number {
  if (b === a || b.countDay <= a.countDay) return 0;
  return Math.max(0, valueOf(b) - (b.valueAt(a.countDay) ?? 0));
}

/**
 * People each newer count of a town takes over from each older held count on a day (see the
 * module comment): `taken[i][j]` people of count `i` read at count `j`'s place instead.
 * A count is open to takeover when it is held (`heldDays` > 0: not its own day, not on a line to
 * its own next count). Each newer count's rise is allocated once, **newest older count first**:
 * the people who arrived at a place most likely came from the place counted most recently before
 * (in 2018 Benito Juárez → El Barretal), and only what that count cannot cover (its people, less
 * what newer rises took already) falls to older counts. A rise since an older count's day
 * counts only beyond what the newer counts already took, so the people taken from all counts
 * never exceed the largest rise (a place's 1,000 new people are taken once, from one count or
 * split across them, never from each). A count of the town as a whole, held past `holdDays` or
 * rising after a count held that long, takes over all of it (it holds the people of all its
 * places); within `holdDays` it takes nothing: the ledger reads the larger of a town's own figure
 * and its places' sum, never both, so only counts of places add up and can hold people twice.
 */
function takeoverMatrix(counts: readonly TownCount[], holdDays: number): number[][] {
  const n = counts.length;
  const taken = counts.map(() => new Array<number>(n).fill(0));
  const left = counts.map(valueOf);
  const open = (a: TownCount) => a.heldDays > 0;
  counts.forEach((a, i) => {
    if (a.heldDays <= holdDays) return;
    const whole = a.wholeTown
      ? counts.findIndex((b) => riseSince(a, b) > 0)
      : counts.findIndex((b) => b.wholeTown === true && riseSince(a, b) > 0);
    if (whole >= 0) {
      taken[i]![whole] = left[i]!;
      left[i] = 0;
    }
  });
  // Newer counts, newest first; each allocates its rise to the older held counts, newest first.
  const byNewest = (x: number, y: number) => counts[y]!.countDay - counts[x]!.countDay;
  const order = counts.map((_, i) => i).sort(byNewest);
  for (const j of order) {
    const b = counts[j]!;
    let allocated = 0;
    if (b.wholeTown) continue;
    for (const i of order) {
      const a = counts[i]!;
      if (!open(a) || a.wholeTown) continue;
      const rise = riseSince(a, b);
      const take = Math.min(left[i]!, Math.max(0, rise - allocated));
      if (take <= 0) continue;
      taken[i]![j] = take;
      left[i] = left[i]! - take;
      allocated += take;
    }
  }
  return taken;
}

/**
 * For each of a town's present counts on a day, the count that supersedes it (see the module
 * comment): the newest count that takes over people of it ({@link townTakeovers}); undefined when
 * it stands in full.
 * @param counts the town's counts that say something on the day (any order; one per place).
 * @param holdDays days a count of the town as a whole stands (the ledger's `holdDays`, 3 by
 *   default); a count of a place is open to a newer place's rise from its first held day (the
 *   risen place may hold its people whether or not it is still within `holdDays`).
 * @returns for each count, in order, the index of the count superseding it, or undefined.
 * @example
 * // as of 3 Dec 2018 (day 4): Benito Juárez 6,062 of 29 Nov (day 0) held 4 days; El Barretal
 * // 2,500 on 3 Dec, 755 on 29 Nov: people arrived there, so Benito Juárez's count is superseded.
 * const bj = { countDay: 0, heldDays: 4, valueAt: () => 6062 };
 * const eb = { countDay: 4, heldDays: 0, valueAt: (d: number) => (d < 4 ? 755 : 2500) };
 * supersedingCounts([bj, eb], 3); // => [1, undefined]
 */
export function supersedingCounts(
  counts: readonly TownCount[],
  holdDays: number,
): (number | undefined)[] {
  return supersedingOf(counts, takeoverMatrix(counts, holdDays));
}

/** {@link supersedingCounts} read from a {@link takeoverMatrix} of `counts`. */
function supersedingOf(counts: readonly TownCount[], taken: number[][]): (number | undefined)[] {
  return taken.map((row) => {
    let by: number | undefined;
    row.forEach((t, j) => {
      if (t > 0 && (by === undefined || counts[j]!.countDay > counts[by]!.countDay)) by = j;
    });
    return by;
  });
}

/**
 * People of each of a town's present counts that the town's newer counts take over on a day:
 * for a held count, its share of the rises of the newer counts at the town's other places since
 * its day (people who may have moved there), each rise allocated once across the town's older
 * held counts, newest first (see `takeoverMatrix`), at most the count; 0 for a count that
 * stands (its own day, or on a line to its own next count). A newer count takes over no more
 * than it could have absorbed, so a rise of a few dozen does not end a count of thousands (only
 * those few dozen of it). When the held count or a newer count that rose is of the town as a
 * whole, it takes over all of it: a count of the town holds the people of all its places, so the
 * two are counts of the same people (the ledger reads the larger of a town's own figure and its
 * places' sum, not both).
 * @param holdDays see {@link supersedingCounts}.
 * @returns for each count, in order, people (>= 0) no longer read at its place.
 * @example
 * // as of 3 Dec 2018: El Barretal rose from 755 (29 Nov) to 2,500: 1,745 of Benito Juárez's
 * // 6,062 may be among them, so 4,317 are still read at Benito Juárez.
 * townTakeovers([bj, eb], 3); // => [1745, 0]
 */
export function townTakeovers(counts: readonly TownCount[], holdDays: number): number[] {
  return takenOf(takeoverMatrix(counts, holdDays));
}

/** {@link townTakeovers} read from a {@link takeoverMatrix}. */
function takenOf(taken: number[][]): number[] {
  return taken.map((row) => row.reduce((a, b) => a + b, 0));
}

/**
 * People of each of a town's present counts still read on a day: the count less what
 * {@link townTakeovers} says the newer counts took over.
 * @returns for each count, in order, people still read at its place.
 * @example
 * currentTownCounts([bj, eb], 3); // => [4317, 2500] (see townTakeovers)
 */
export function currentTownCounts(counts: readonly TownCount[], holdDays: number): number[] {
  const taken = townTakeovers(counts, holdDays);
  return counts.map((c, i) => valueOf(c) - taken[i]!);
}

/** A present series of a town with the node (the area, or a shelter of it) it belongs to. */
interface TownSeries {
  series: Series;
  node: LedgerNode;
}

/** The `present` series of a node and of every node below it. */
function presentSeries(node: LedgerNode): TownSeries[] {
  return [
    ...node.own.filter((s) => s.basis === "present").map((series) => ({ series, node })),
    ...[...node.children.values()].flatMap(presentSeries),
  ];
}

/**
 * A count of a town read only in part (or not at all) on a day: the newest count that supersedes
 * it, and the people of it the town's newer counts take over (`taken`, at most its `value`).
 */
export interface Supersession {
  held: TownSeries & TownCount & { value: number };
  by: TownSeries & TownCount & { value: number };
  taken: number;
  /**
   * People of the held count its age already moved to unknown (`SeriesReading.aged`): the takeover
   * is of the whole count (`held.value`), and the ledger reads the smaller of the count less its age
   * and the count less `taken`, so people who moved are not removed twice.
   */
  aged: number;
}

/**
 * The `present` series of a town (an area node: its own figures and its shelters') that
 * {@link supersedingCounts} supersedes on `day`, each with the count superseding it; empty when
 * the town has one count or none.
 * @param area a node at area depth of a category's tree (`tree.ts`).
 */
export function supersededInTown(
  area: LedgerNode,
  day: number,
  daily: DailyOptions,
): Map<Series, Supersession> {
  const read = presentSeries(area).flatMap((t) => {
    // The counts whole (their age added back): the takeovers move people between counts.
    const whole = (d: number) => {
      const r = readSeries(t.series.points, t.series.basis, d, daily);
      return r && { ...r, value: r.value + r.aged };
    };
    const r = whole(day);
    // Read once per day asked (the takeovers ask each count's value on the others' days).
    const values = new Map<number, number | undefined>();
    const valueAt = (d: number) => {
      if (!values.has(d)) values.set(d, whole(d)?.value);
      return values.get(d);
    };
    const wholeTown = t.node.part === undefined;
    return r
      ? [
          {
            ...t,
            countDay: r.countDay,
            heldDays: r.heldDays,
            value: r.value,
            aged: r.aged,
            valueAt,
            wholeTown,
          },
        ]
      : [];
  });
  const out = new Map<Series, Supersession>();
  if (read.length < 2) return out;
  // One takeover matrix for both readings of it (speed: it reads the series on many days).
  const matrix = takeoverMatrix(read, daily.holdDays);
  const taken = takenOf(matrix);
  supersedingOf(read, matrix).forEach((by, i) => {
    if (by !== undefined) {
      const held = read[i]!;
      out.set(held.series, { held, by: read[by]!, taken: taken[i]!, aged: held.aged });
    }
  });
  return out;
}

/**
 * The days of the counts a town's people present rest on, on `day`: of its `present` series (its
 * own and its shelters'), each one still read (a figure on or before the day, not all taken over
 * by a newer count, {@link supersededInTown}) gives the day of the figure it is read from. The
 * oldest is how old the value may be ("counted 29 Nov–4 Dec" as of 5 Dec 2018: Tijuana's 6,838
 * is 4,338 still read of Benito Juárez's 29 Nov count and El Barretal's 2,500 of 4 Dec).
 * @param area a node at area depth of the `remaining` tree.
 * @returns undefined when no count of the town is read that day; `newestRows`: the stock rows of
 *   the figures of the newest count day (to tell a count that is only an upper bound).
 * @example
 * countDaysRead(tijuanaNode, dayNumber("2018-12-05")!, daily); // as of 5 Dec => { oldest: 29 Nov, newest: 4 Dec }
 */
export function countDaysRead(
  area: LedgerNode,
  day: number,
  daily: DailyOptions,
): { oldest: number; newest: number; newestRows: number[] } | undefined {
  const taken = supersededInTown(area, day, daily);
  let oldest = Infinity;
  let newest = -Infinity;
  let newestRows: number[] = [];
  for (const t of presentSeries(area)) {
    const r = readSeries(t.series.points, t.series.basis, day, daily);
    if (!r || r.value - (taken.get(t.series)?.taken ?? 0) < 0.5) continue;
    oldest = Math.min(oldest, r.countDay);
    const rows = t.series.points.find((p) => p.day === r.countDay)?.rows ?? [];
    if (r.countDay > newest) newestRows = [];
    if (r.countDay >= newest) newestRows.push(...rows);
    newest = Math.max(newest, r.countDay);
  }
  return Number.isFinite(oldest) ? { oldest, newest, newestRows } : undefined;
}

/** The place a series of a town is of: its shelter, or the town itself. */
function placeOf(node: LedgerNode): string {
  return node.part ?? node.area ?? "";
}

/** The stock rows of the figure a count is read from (the rows pooled on its day). */
function countRows(t: TownSeries & TownCount): number[] {
  return [...(t.series.points.find((p) => p.day === t.countDay)?.rows ?? [])];
}

/** "stock row 3" or "stock rows 3, 4". */
function rowsWords(rows: readonly number[]): string {
  return `stock row${rows.length === 1 ? "" : "s"} ${rowList(rows)}`;
}

/**
 * The `count_superseded` warning of a supersession first seen on `day`: which count is read only
 * in part (or no longer), from when, the newer count of the town that supersedes it, and how many
 * people of the held count are still read.
 */
export function supersededWarning(s: Supersession, day: number): LedgerWarning {
  const { held, by, taken } = s;
  const node = held.node;
  const before = by.valueAt(held.countDay);
  const byValue = by.valueAt(by.countDay) ?? 0;
  const read = Math.max(0, Math.round(held.value - taken));
  const rows = countRows(held);
  const byRows = countRows(by);
  const where = node.part ? `${node.part} (${node.area})` : `${node.area} as a whole`;
  const byWhere = by.node.part
    ? `${by.node.part}, another place of ${by.node.area},`
    : `${by.node.area} as a whole`;
  const since =
    before === undefined
      ? `not counted by ${isoDate(held.countDay)}`
      : `up from ${formatPeople(before)} on ${isoDate(held.countDay)}`;
  const count = `the count of ${formatPeople(held.value)} ${categoryWords(node.category)} at ${where} of ${isoDate(held.countDay)} (${rowsWords(rows)})`;
  const newer = `${byWhere} was counted at ${formatPeople(byValue)} on ${isoDate(by.countDay)} (${rowsWords(byRows)}), ${since}; people may have moved between them`;
  const message =
    read < 0.5
      ? `From ${isoDate(day)} ${count} is no longer held: ${newer}, so the ledger reads the newer count ` +
        `(people no count places are unaccounted for).`
      : `From ${isoDate(day)} ${count} is held only in part: ${newer}, so the ledger still reads ${formatPeople(read)} of them there, ` +
        `the count less the rise of the town's newer counts since ${isoDate(held.countDay)} ` +
        `(the other ${formatPeople(held.value - read)} are unaccounted for unless a count places them).`;
  return ledgerWarning({
    code: "count_superseded",
    message,
    params: {
      category: node.category,
      ...whereParams(node),
      date: isoDate(day),
      place: placeOf(node),
      value: held.value,
      countDate: isoDate(held.countDay),
      rows,
      by: placeOf(by.node),
      byValue,
      byDate: isoDate(by.countDay),
      byRows,
      read,
      ...(before !== undefined ? { byBefore: before } : {}),
    },
    rows: [...rows, ...byRows],
    date: isoDate(day),
    category: node.category,
    country: node.country,
    placeName: node.area,
  });
}
