/**
 * Reports that repeat an earlier report of the same group: news told again a few days on with the
 * place and the figure it had (a stale story under a new date and source), not a new sighting.
 *
 * A report repeats an earlier ORIGINAL telling of its group (1 to REPEAT_DAYS local days before)
 * when it names the same place (the same town, by name or by its own coordinates, or the same
 * coordinates; figures compared as prepare.ts read them, after the count-scope reading: 2018's one
 * repeat, S010's "more than 3,000", matches S009's shelter count of 3,000 read as "at least"; and
 * tests/estimate/repeats.test.ts pins it), gives the same figure
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
  /** Local day. */
  day: number;
  source: string;
  /** The original telling this one repeats; undefined for an original (as judged so far). */
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

/** Work done judging tellings, for tests of the bound. */
export interface RepeatWork {
  /** Tellings looked at (while judging a telling or whether it is given again). */
  steps: number;
  /** Tellings judged, over all rounds: n for one full pass (the first round). */
  judged: number;
}

/**
 * For each of a group's position reports (in order), the original report it repeats (undefined
 * when it is not a repeat). Order-free: tellings are judged day by day, each against earlier days.
 * `work`, when given, counts the tellings looked at and judged.
 *
 * Cost: the reports are indexed by place and figure, each key's tellings sorted by day; judging a
 * telling looks at most at the tellings within REPEAT_DAYS before it, a repeat's "given again" at
 * those within REPEAT_DAYS after it. A round re-judges only from the earliest telling made current
 * until REPEAT_DAYS after the last telling whose reading changed (the rest reads the same earlier
 * days as before), so a shelter counted daily by several types costs one or two passes of
 * n × (tellings a week) per key (tests/estimate/repeats.test.ts counts it).
 * @example
 * repeatOrigins(g.positions)[i]?.s.id; // the sighting report i tells again
 */
export function repeatOrigins(
  positions: readonly GroupPosition[],
  kept?: ReadonlySet<string>,
  work?: RepeatWork,
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
    const tellings = indices.map((index): Telling => ({
      p: positions[index],
      index,
      day: Math.floor(positions[index].s.t),
      source: positions[index].s.source,
      of: undefined,
    }));
    for (const t of judgeKey(tellings, kept, work ?? { steps: 0, judged: 0 }))
      origins[t.index] = t.of;
  }
  return origins;
}

/**
 * The tellings of one place and figure (in day order) judged until none changes: each against the
 * earlier days' (originalRepeated), then a repeat whose original's type gives the telling fresh on
 * a later day within REPEAT_DAYS read again as an original (two organisations counting a shelter
 * on alternating days), which may change the later days' readings.
 */
function judgeKey(
  tellings: Telling[],
  kept: ReadonlySet<string> | undefined,
  work: RepeatWork,
): Telling[] {
  // Tellings read as originals whatever the rule says: the analyst's, then the current ones.
  const fresh = new Set<number>();
  tellings.forEach((t, k) => kept?.has(t.p.s.id) && fresh.add(k));
  // A telling made current by its original's type giving it again is no original FOR that type:
  // that type's own later count stays its running count (position → the type that made it current).
  const currentFor = new Map<number, string>();
  let seeds = tellings.map((_, k) => k); // the first round judges every telling
  // Each round makes at least one more telling fresh (a current one is a repeat, so not yet
  // fresh), so at most tellings.length + 1 rounds.
  for (let round = 0; round <= tellings.length; round++) {
    const changed = rejudge(tellings, seeds, fresh, currentFor, work);
    const current = currentAmong(tellings, changed, work);
    if (current.length === 0) break;
    for (const k of current) {
      fresh.add(k);
      currentFor.set(k, tellings[k].of?.s.source ?? "");
    }
    seeds = current;
  }
  return tellings;
}

/**
 * Judges again the tellings from each of `seeds` (positions, ascending) on until REPEAT_DAYS past
 * the last whose reading changed (a later day reads only the REPEAT_DAYS before it); the
 * positions whose reading changed (and the seeds), ascending.
 */
function rejudge(
  tellings: Telling[],
  seeds: readonly number[],
  fresh: ReadonlySet<number>,
  currentFor: ReadonlyMap<number, string>,
  work: RepeatWork,
): number[] {
  const changed: number[] = [];
  let next = 0; // the next seed
  let lastChanged = -Infinity; // day of the last telling whose reading changed
  let dayStart = 0; // first position of the day being judged
  for (let k = seeds[0] ?? tellings.length; k < tellings.length; k++) {
    const t = tellings[k];
    const seed = seeds[next] === k;
    if (seed) next++;
    if (!seed && t.day > lastChanged + REPEAT_DAYS) {
      if (next >= seeds.length) break;
      k = seeds[next] - 1; // nothing changes before the next seed
      continue;
    }
    if (k === 0 || tellings[k - 1].day !== t.day) dayStart = k;
    else while (tellings[dayStart].day !== t.day) dayStart++;
    work.judged++;
    const of = fresh.has(k) ? undefined : originalRepeated(t, tellings, dayStart, currentFor, work);
    if (seed || of !== t.of) {
      t.of = of;
      lastChanged = t.day;
      changed.push(k);
    }
  }
  return changed;
}

/**
 * Positions of the repeats that are current (givenAgain) among those whose reading, or the
 * reading of a telling within REPEAT_DAYS after them, changed (`changed` ascending); ascending.
 */
function currentAmong(
  tellings: readonly Telling[],
  changed: readonly number[],
  work: RepeatWork,
): number[] {
  const seen = new Uint8Array(tellings.length);
  const current: number[] = [];
  for (const j of changed) {
    for (let k = j; k >= 0 && tellings[j].day - tellings[k].day <= REPEAT_DAYS; k--) {
      if (seen[k]) break; // an earlier changed telling already looked at the rest
      seen[k] = 1;
      if (tellings[k].of !== undefined && givenAgain(tellings, k, work)) current.push(k);
    }
  }
  return current.sort((a, b) => a - b);
}

/**
 * Whether repeat `judged[k]`'s original type gives the telling again as an original on a later day
 * within REPEAT_DAYS (`judged` in day order, so the scan stops past that window).
 */
function givenAgain(judged: readonly Telling[], k: number, work: RepeatWork): boolean {
  const t = judged[k];
  const source = t.of?.s.source;
  if (source === undefined) return false;
  for (let j = k + 1; j < judged.length && judged[j].day - t.day <= REPEAT_DAYS; j++) {
    work.steps++;
    const e = judged[j];
    if (e.day > t.day && e.of === undefined && e.source === source) return true;
  }
  return false;
}

/**
 * The original telling `t` repeats among the tellings of earlier days (`tellings[0…dayStart)`, in
 * day order), or undefined: none within REPEAT_DAYS, or its own type told it as an original.
 */
function originalRepeated(
  t: Telling,
  tellings: readonly Telling[],
  dayStart: number,
  currentFor: ReadonlyMap<number, string>,
  work: RepeatWork,
): GroupPosition | undefined {
  let other: GroupPosition | undefined;
  let chain: GroupPosition | undefined;
  for (let k = dayStart - 1; k >= 0 && t.day - tellings[k].day <= REPEAT_DAYS; k--) {
    work.steps++;
    const e = tellings[k];
    if (currentFor.get(k) === t.source) continue; // current only through t's own type
    const own = e.source === t.source;
    if (own && e.of === undefined) return undefined; // its own running count
    if (!own && e.of === undefined) other = e.p; // the earliest such original
    if (own && e.of !== undefined) chain ??= e.of; // its own latest retelling's original
  }
  return other ?? chain;
}

/**
 * The place and figure a report tells (undefined without a point or without a figure): a town by
 * its gazetteer coordinates (named, or given by coordinates near its own: prepare.ts
 * `placePoint`), other coordinates as given, so coordinates equal to the town's are the town.
 */
function tellingKey(p: GroupPosition): string | undefined {
  const { point, logValue, logLow, logHigh, placePoint } = p.s;
  if (!point) return undefined;
  if (logValue === undefined && logLow === undefined && logHigh === undefined) return undefined;
  const [lon, lat] = placePoint ?? point;
  const where = `${lon}|${lat}`;
  return `${where}|${logValue}|${logLow}|${logHigh}`;
}

/** Sighting ids in a fixed order (undefined last). */
function compareIds(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return a < b ? -1 : 1;
}
