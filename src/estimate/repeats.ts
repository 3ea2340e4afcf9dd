/**
 * Reports that repeat an earlier report of the same group: news told again a few days on with the
 * place and the figure it had (a stale story under a new date and source), not a new sighting.
 *
 * A report repeats an earlier ORIGINAL telling of its group (1 to REPEAT_DAYS local days before)
 * when it names the same place (the same point: a town's centroid, or the same coordinates; the
 * figures compared as prepare.ts read them, after the count-scope reading), gives the same figure
 * (best, low and high alike, at least one of them given) and comes from another type of source
 * (news picked up by another outlet). A telling is original unless it is judged a repeat; a
 * repeat never makes another report a repeat, so a figure told again once by the media does not
 * turn a daily count into stale news. A source that counts a shelter every day gives the same
 * figure again: its report is original while its own type gave the telling as an original within
 * REPEAT_DAYS (a running count), whoever else tells it too; and a telling is not a repeat when
 * an original telling of it by the original's type follows within REPEAT_DAYS (the figure is still given fresh: two
 * organisations counting a shelter on alternating days). A story told again day after day by
 * one type stays a repeat of the original it first repeated (its own earlier repeat within
 * REPEAT_DAYS carries it). A report the analyst accepted (EstimateOptions.keep) is original.
 * The very same coordinates alone (a sheet may give a shelter's coordinates every day) are not a
 * repeat. On the stress development worlds (seeds 201–216) the rule as first kept (any earlier
 * telling of another type) flagged 62 of 122 stale reports and 22 of 1,971 fresh ones: docs/estimation.md "staysettle".
 */
import type { GroupPosition } from "./workGroup.ts";

/** Local days at most between a report and the earlier one it repeats. */
export const REPEAT_DAYS = 7;

/** One telling of a place and figure: its report, day, type and the original it repeats. */
interface Telling {
  p: GroupPosition;
  /** Its index in the group's positions. */
  index: number;
  day: number;
  source: string;
  /** The original telling this one repeats; undefined for an original. */
  of: GroupPosition | undefined;
}

/**
 * For each of a group's position reports (in order), whether it repeats an earlier original one;
 * `kept`: sighting ids the analyst accepted (never repeats).
 * @example
 * repeatedReports(g.positions).filter(Boolean).length; // the group's stale repeats
 */
export function repeatedReports(
  positions: readonly GroupPosition[],
  kept?: ReadonlySet<string>,
): boolean[] {
  return repeatOrigins(positions, kept).map((o) => o !== undefined);
}

/**
 * For each of a group's position reports (in order), the original report it repeats (undefined
 * when it is not a repeat). Order-free: tellings are judged day by day, each against earlier days.
 * @example
 * repeatOrigins(g.positions)[i]?.s.id; // the sighting report i tells again
 */
export function repeatOrigins(
  positions: readonly GroupPosition[],
  kept?: ReadonlySet<string>,
): (GroupPosition | undefined)[] {
  const byKey = new Map<string, number[]>();
  positions.forEach((p, i) => {
    const key = tellingKey(p);
    if (key === undefined) return;
    const list = byKey.get(key);
    if (list) list.push(i);
    else byKey.set(key, [i]);
  });
  const origins = new Array<GroupPosition | undefined>(positions.length).fill(undefined);
  for (const indices of byKey.values()) {
    // Day, then time, then sighting id: which original a repeat names does not hang on row order.
    indices.sort((a, b) => {
      const [sa, sb] = [positions[a].s, positions[b].s];
      return (
        Math.floor(sa.t) - Math.floor(sb.t) || sa.t - sb.t || compareIds(sa.id, sb.id) || a - b
      );
    });
    // Tellings read as originals whatever the rule says: the analyst's, then the current ones.
    const fresh = new Set(indices.filter((i) => kept?.has(positions[i].s.id)));
    // A telling made current by its original's type giving it again is no original FOR that type:
    // that type's own later count stays its running count (index → the type that made it current).
    const currentFor = new Map<number, string>();
    for (;;) {
      const judged = judgeTellings(positions, indices, fresh, currentFor);
      // A figure the original's type still gives fresh on a later day is current, not a stale
      // story (two organisations counting a shelter on alternating days); read again as an
      // original, it may keep its own type's later tellings fresh: judged again until none changes.
      // Each round adds at least one telling to `fresh`, so at most indices.length rounds.
      const current = judged.filter((_, k) => givenAgain(judged, k));
      if (current.length === 0) {
        for (const t of judged) origins[t.index] = t.of;
        break;
      }
      for (const t of current) {
        fresh.add(t.index);
        currentFor.set(t.index, t.of?.s.source ?? "");
      }
    }
  }
  return origins;
}

/**
 * Whether repeat `judged[k]`'s original type gives the telling again as an original on a later day
 * within REPEAT_DAYS (`judged` in day order, so the scan stops past that window).
 */
function givenAgain(judged: readonly Telling[], k: number): boolean {
  const t = judged[k];
  const source = t.of?.s.source;
  if (source === undefined) return false;
  for (let j = k + 1; j < judged.length && judged[j].day - t.day <= REPEAT_DAYS; j++) {
    const e = judged[j];
    if (e.day > t.day && e.of === undefined && e.source === source) return true;
  }
  return false;
}

/**
 * The tellings of one place and figure (`indices` into `positions`, in day order) judged day by
 * day, each against the earlier days' only; `fresh`: indices read as originals.
 */
function judgeTellings(
  positions: readonly GroupPosition[],
  indices: readonly number[],
  fresh: ReadonlySet<number>,
  currentFor: ReadonlyMap<number, string>,
): Telling[] {
  const judged: Telling[] = [];
  let start = 0;
  while (start < indices.length) {
    const day = Math.floor(positions[indices[start]].s.t);
    let end = start;
    while (end < indices.length && Math.floor(positions[indices[end]].s.t) === day) end++;
    const earlier = judged.length;
    for (const index of indices.slice(start, end)) {
      const p = positions[index];
      const of = fresh.has(index)
        ? undefined
        : originalRepeated(p, day, judged, earlier, currentFor);
      judged.push({ p, index, day, source: p.s.source, of });
    }
    start = end;
  }
  return judged;
}

/**
 * The original telling report `p` (local day `day`) repeats among `judged[0…earlier)` (in day
 * order), or undefined: none within REPEAT_DAYS, or its own type told it as an original.
 */
function originalRepeated(
  p: GroupPosition,
  day: number,
  judged: readonly Telling[],
  earlier: number,
  currentFor: ReadonlyMap<number, string>,
): GroupPosition | undefined {
  let other: GroupPosition | undefined;
  let chain: GroupPosition | undefined;
  for (let k = earlier - 1; k >= 0 && day - judged[k].day <= REPEAT_DAYS; k--) {
    const e = judged[k];
    if (currentFor.get(e.index) === p.s.source) continue; // current only through p's own type
    const own = e.source === p.s.source;
    if (own && e.of === undefined) return undefined; // its own running count
    if (!own && e.of === undefined) other = e.p; // the earliest such original
    if (own && e.of !== undefined) chain ??= e.of; // its own latest retelling's original
  }
  return other ?? chain;
}

/** The place and figure a report tells (undefined without a point or without a figure). */
function tellingKey(p: GroupPosition): string | undefined {
  const { point, logValue, logLow, logHigh } = p.s;
  if (!point) return undefined;
  if (logValue === undefined && logLow === undefined && logHigh === undefined) return undefined;
  return `${point[0]}|${point[1]}|${logValue}|${logLow}|${logHigh}`;
}

/** Sighting ids in a fixed order (undefined last). */
function compareIds(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return a < b ? -1 : 1;
}
