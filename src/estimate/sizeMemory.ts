/**
 * What a labelled group held, remembered by the size pass: a figure with no part word is judged
 * also against the group's earlier figures, so that small figures that only meet each other in
 * the share's ±4-day window (parts.ts `groupShare`: "100" from the front, week after week) do not
 * vouch for each other as the body's. The memory falls with time and with the outflows reported
 * for the group (asylum claims and returns, stocks.ts): a group that held 5,000 and of which 4,700
 * went home is remembered at 300, and its figures of 300 are the body's.
 */
import type { PreparedSighting } from "./prepare.ts";
import { groupShare } from "./parts.ts";
import type { WorkGroup } from "./workGroup.ts";

/** Days either side of a figure whose figures tell what the group held then (parts.ts too). */
const HELD_WINDOW_DAYS = 4;

/**
 * Log people a remembered size falls in a day besides the outflows reported: 4 %, three times the
 * attrition of the stress and simulate.ts worlds (~1.2 % and ~1 % a day) and ten times the size
 * smoother's default (stocks.ts DEFAULT_DRIFT), so that where no outflow is reported the memory
 * fades (to half in 17 days) and yields to figures that keep saying less: a group of 5,000 then
 * said to be 300 every day is followed down within a week (tests/estimate/sizeMemory.test.ts).
 * 2 % held that group at ~4,500 for three weeks; at 6 % the memory no longer reaches stress world
 * 206, whose front's "100"s come 29 days after its last body figures (docs/estimation.md
 * "outflowsize").
 */
export const MEMORY_FALL_PER_DAY = 0.04;

/**
 * Fall (×) from the remembered size below which a figure with no part word starts to read as a
 * part's: at a tenth of what the group held (less its fall) the share is 0.4 (body weight ½), at a
 * twentieth 0.2 (a part surely).
 */
export const MEMORY_FALL = 4;

/** What a group held at time `t` (local days): log people. */
export interface HeldSize {
  t: number;
  x: number;
}

/**
 * For each figure or lower bound ("más de 2.010": at least that) of the group, the lower median of
 * the figures and lower bounds within HELD_WINDOW_DAYS of it, where at least two lie there: a
 * lone figure is no memory, and one wild figure among others is outvoted.
 */
export function heldSizes(members: readonly PreparedSighting[]): HeldSize[] {
  const figures = members.flatMap((m) => {
    const x = m.logValue ?? m.logLow;
    return x === undefined ? [] : [{ t: m.t, x }];
  });
  return figures.flatMap(({ t }) => {
    const near = figures.filter((f) => Math.abs(f.t - t) <= HELD_WINDOW_DAYS).map((f) => f.x);
    if (near.length < 2) return [];
    near.sort((a, b) => a - b);
    return [{ t, x: near[Math.floor(0.5 * (near.length - 1))] }];
  });
}

/** People reported to have left a group (claims, returns) on a local day (stocks.ts). */
export type DailyOutflow = (day: number) => number;

/**
 * People a group remembered at `h` holds at time `t`: less MEMORY_FALL_PER_DAY a day and less
 * every person reported to have left it on the days after `h` up to `t` (`leftBy(day)`: the
 * people reported to have left it up to that local day, in total).
 */
export function rememberedPeople(h: HeldSize, t: number, leftBy: (day: number) => number): number {
  const left = Math.max(0, leftBy(Math.floor(t)) - leftBy(Math.floor(h.t)));
  return Math.exp(h.x - MEMORY_FALL_PER_DAY * Math.max(0, t - h.t)) - left;
}

/** Running total of `outflow` over the local days `first`…`last` (0 before, the total after). */
function runningTotal(outflow: DailyOutflow, first: number, last: number): (day: number) => number {
  const total = [0];
  for (let d = first; d <= last; d++) total.push(total[total.length - 1] + outflow(d));
  return (day) => total[Math.min(total.length - 1, Math.max(0, day - first + 1))];
}

/**
 * The share of the group each report with a figure describes, as the first size pass reads it (by
 * sighting id): {@link groupShare}, and for a labelled group also its figure over what the group
 * held at any earlier time (or up to HELD_WINDOW_DAYS after), less its fall, ÷ MEMORY_FALL; the
 * smaller of the two. Once a first size estimate exists (`sizeByDay`), the share is of it, as
 * before. Not for a track built by the association: it may hold two groups' figures one after
 * the other, and its history is no one group's.
 */
export function memoryShares(
  g: Pick<WorkGroup, "members" | "sizeByDay" | "labelled">,
  outflow: DailyOutflow = () => 0,
): Map<string, number> {
  const held = g.sizeByDay === undefined && g.labelled ? heldSizes(g.members) : [];
  const shares = new Map<string, number>();
  const days = g.members.map((m) => Math.floor(m.t));
  const leftBy = held.length
    ? runningTotal(outflow, Math.min(...days), Math.max(...days))
    : () => 0;
  for (const s of g.members) {
    const v = s.logValue ?? s.logLow ?? s.logHigh;
    if (v === undefined) continue;
    let share = groupShare(g, s);
    for (const h of held) {
      if (h.t > s.t + HELD_WINDOW_DAYS) continue;
      const people = rememberedPeople(h, s.t, leftBy);
      if (people > 0) share = Math.min(share, (Math.exp(v) * MEMORY_FALL) / people);
    }
    shares.set(s.id, share);
  }
  return shares;
}
