/**
 * Why a true group-day has no estimate (bench/worlds/score.ts counts it as `missing`): each such
 * day sorted by where it lies against the tracks that belong to its group and against the group's
 * reports.
 *
 * - `no track`: no estimated track belongs to the group (it was never found, or every one of its
 *   reports was read as another group's);
 * - `before track` / `after track`: before the first / after the last day of its tracks;
 * - `gap`: between two of its tracks' days.
 * Each is further split by whether the day lies before the group's first NAMED report (a report
 * carrying its caravan label), after its last one, or between them (`unnamed` when the world has
 * no labels): a labelled estimator starts a label's track at its first position or border count,
 * which may come from an unnamed report associated to it.
 */
import { createRouteIndex, isoDate, toLocalTime } from "../../src/index.ts";
import type { TrackPoint } from "../../src/index.ts";
import { arrivedAfterTrack, evaluatedDays, matchTracks, rebaser } from "./score.ts";
import type { ScorableWorld } from "./truth.ts";

/** Missing group-days by cause (`before track, before named`, …), with one example each. */
export type MissingCauses = Map<string, { n: number; example: string }>;

/** Adds one missing group-day under `key`, keeping the first one seen as its example. */
export function countCause(into: MissingCauses, key: string, example: string): void {
  const cur = into.get(key);
  if (cur) cur.n++;
  else into.set(key, { n: 1, example });
}

/** Cover on the days before a labelled group's first NAMED position (its track read back). */
export interface EarlyCover {
  days: number;
  kmCovered: number;
  sizeDays: number;
  sizeCovered: number;
}

/**
 * Scores the days on which a labelled group's own track stands before the group's first report
 * that names it AND gives a position (a track started by unnamed reports associated to it): how
 * often its 90 % intervals hold the truth there.
 */
export function earlyCover(
  world: ScorableWorld,
  tracks: readonly TrackPoint[],
  into: EarlyCover = { days: 0, kmCovered: 0, sizeDays: 0, sizeCovered: 0 },
): EarlyCover {
  const firstPos = new Map<string, string>();
  for (const s of world.dataset.sightings) {
    const g = world.sightingGroup[s.id ?? ""];
    const t = toLocalTime(s.observedAt, world.dataset.timeZone);
    const placed = (s.lat !== undefined && s.lon !== undefined) || s.placeName !== undefined;
    if (!g || !t || !placed || s.caravanLabel?.trim() !== g) continue;
    const d = isoDate(Math.floor(t.t));
    if (d < (firstPos.get(g) ?? "9999")) firstPos.set(g, d);
  }
  const rebase = rebaser(world);
  const truth = new Map(world.truth.map((g) => [g.group, g]));
  for (const p of tracks) {
    const g = truth.get(p.group);
    const first = firstPos.get(p.group);
    const d = g?.days.find((x) => x.date === p.date);
    if (!g || !first || !d || p.date >= first) continue;
    const e = rebase(p, g.routeId);
    into.days++;
    if (d.km >= e.kmLow - 1e-9 && d.km <= e.kmHigh + 1e-9) into.kmCovered++;
    if (!Number.isFinite(e.size)) continue;
    into.sizeDays++;
    if (d.size >= e.sizeLow - 1e-9 && d.size <= e.sizeHigh + 1e-9) into.sizeCovered++;
  }
  return into;
}

function namedSpans(world: ScorableWorld): Map<string, [string, string]> {
  const out = new Map<string, [string, string]>();
  for (const s of world.dataset.sightings) {
    const g = world.sightingGroup[s.id ?? ""];
    const t = toLocalTime(s.observedAt, world.dataset.timeZone);
    if (!g || !t || s.caravanLabel?.trim() !== g) continue;
    const d = isoDate(Math.floor(t.t));
    const cur = out.get(g);
    out.set(g, cur ? [d < cur[0] ? d : cur[0], d > cur[1] ? d : cur[1]] : [d, d]);
  }
  return out;
}

/** Each true group's track days, and its tracks' latest point (on the group's route). */
function trackDays(
  world: ScorableWorld,
  tracks: readonly TrackPoint[],
): Map<string, { days: Set<string>; last?: TrackPoint }> {
  const byGroup = new Map<string, Map<string, TrackPoint>>();
  for (const t of tracks) {
    const m = byGroup.get(t.group) ?? new Map<string, TrackPoint>();
    m.set(t.date, t);
    byGroup.set(t.group, m);
  }
  const rebase = rebaser(world);
  const routeOf = new Map(world.truth.map((g) => [g.group, g.routeId]));
  const out = new Map<string, { days: Set<string>; last?: TrackPoint }>();
  for (const [name, m] of matchTracks(world.truth, byGroup, rebase)) {
    const mine = out.get(m.group) ?? { days: new Set<string>() };
    for (const [d, t] of byGroup.get(name) ?? []) {
      mine.days.add(d);
      if (!mine.last || d > mine.last.date)
        mine.last = rebase(t, routeOf.get(m.group) ?? t.routeId);
    }
    out.set(m.group, mine);
  }
  return out;
}

/**
 * Why a true group-day has no estimate: where the day falls against the group's track days
 * (sorted; none, before, after, a gap) and against the span of the reports that name it. Days
 * are ISO dates or day numbers, compared as such (both benches' scorers use this one rule).
 */
export function missingCause<D extends string | number>(
  trackDays: readonly D[],
  d: D,
  namedSpan: readonly [D, D] | undefined,
): string {
  const where =
    trackDays.length === 0
      ? "no track"
      : d < trackDays[0]!
        ? "before track"
        : d > trackDays[trackDays.length - 1]!
          ? "after track"
          : "gap";
  const named = !namedSpan
    ? "unnamed"
    : d < namedSpan[0]
      ? "before named"
      : d > namedSpan[1]
        ? "after named"
        : "between named";
  return `${where}, ${named}`;
}

/**
 * Sorts the world's missing group-days by cause, adding into `into`.
 * @example
 * missingCauses(world, estimateTracks(world.dataset).tracks).get("gap, between named")?.n;
 */
export function missingCauses(
  world: ScorableWorld,
  tracks: readonly TrackPoint[],
  into: MissingCauses = new Map(),
): MissingCauses {
  const named = namedSpans(world);
  const mine = trackDays(world, tracks);
  const index = createRouteIndex(world.dataset.routes);
  for (const [group, days] of evaluatedDays(world)) {
    const have = mine.get(group)?.days ?? new Set<string>();
    const sorted = [...have].sort();
    const span = named.get(group);
    const truth = world.truth.find((g) => g.group === group);
    const len =
      truth && index.routeIds.includes(truth.routeId) ? index.lengthKm(truth.routeId) : Infinity;
    const at = new Map(truth?.days.map((x) => [x.date, x]));
    for (const d of days) {
      if (have.has(d)) continue;
      const day = at.get(d);
      if (day && arrivedAfterTrack(day, mine.get(group)?.last, len)) continue;
      const key = missingCause(sorted, d, span);
      countCause(into, key, `${world.name} ${group} ${d}`);
    }
  }
  return into;
}
