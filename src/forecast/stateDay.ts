/**
 * The forecast's start: every group's state ON the as-of day (issue 14 item 4, tryout 22 #3).
 *
 * The estimator's track of a group ends on the last day of the data; the state (the ledger, the
 * map, `dtm-flow estimate`'s tracks.csv) carries a group that is not yet unseen on past it, day by
 * day up to the as-of date, by the movement law (`carryTracks`, src/state/onRoad.ts: the held days,
 * `held_after_data`). Before this module the forecast started its runs at the track's last day
 * and moved them through those held days by its own sampler: as of 25 Nov 2018 "Salvadoran group
 * Nov 18" (track to 22 Nov) had three positions for one day — forecast.json's nowcast 518 km (its
 * 22 Nov state), tracks.csv 653 km (25 Nov, held), positions.csv 1,157 km (25 Nov, the runs).
 *
 * The one rule: the nowcast of a group IS the state on the start day — the held track point of
 * that day when the day is after the track's last day — and the runs start there (stratified on
 * its median and 90 % interval, jointRuns.ts) and move forward from it only. So positions.csv on
 * the as-of day is tracks.csv on that day, up to the Monte Carlo rounding of stratified quantiles.
 */
import type { Dataset } from "../model/dataset.ts";
import type { TrackPoint } from "../model/track.ts";
import type { Km } from "../model/units.ts";
import { isoDate } from "../calendar/index.ts";
import { carryTracks } from "../state/onRoad.ts";
import { cachedRegimeTransitions, REGIMES } from "../movement/index.ts";
import { Z90 } from "../util/normal.ts";
import type { MovementModel } from "../movement/index.ts";
import type { EstimateResult } from "../estimate/estimateTracks.ts";
import type { GroupNowcast } from "./nowcast.ts";

type RegimeShares = GroupNowcast["regime"];

/**
 * The day a forecast as of `asOf` starts from: the day of the last noon at or before the as-of
 * moment (local days). A bare date (the end of that day, `asOfMoment`) starts on that day; an
 * as-of at 00:00 on the previous day, so that no run starts after the as-of moment.
 * @example startDay(17860.99999) // => 17860 (as of "2018-11-25", a bare date)
 */
export function startDay(asOf: number): number {
  return Math.floor(asOf - 0.5);
}

/**
 * The groups of a nowcast moved to their state on {@link startDay}: a group whose track ends
 * before that day and which the state holds on the road then (carryTracks) takes the held point
 * of that day — km and 90 % interval, the head's km and interval (no further back than where the
 * group's own start put it: a report's first people never go back), `headAheadKm` — and its start
 * regimes aged through the days between by the regime chain of the law its runs move by; its
 * `lastDate`/`lastDay` become that day. Its size is held (as the state holds it). Groups whose
 * track reaches the day, and groups the state does not hold (unseen, or ended for another reason),
 * are returned as they are.
 * @param groups the nowcast's groups, `observedDate` set to the track's last day.
 * @param estimate the estimate behind them (tracks, trackEnds, state).
 * @param dataset its routes place the held days.
 * @param asOf the as-of moment (fractional local days).
 * @param timeZone the zone of the local days.
 * @param law the nowcast's reading of the law past the data (its `reportedRideWeight`), which the
 *   held days of the start day read too (`carryTracks`).
 */
export function groupsOnStartDay(
  groups: readonly GroupNowcast[],
  estimate: EstimateResult,
  dataset: Dataset,
  asOf: number,
  timeZone: string,
  law: { reportedRideWeight?: number } = {},
): GroupNowcast[] {
  const day = startDay(asOf);
  if (!groups.some((g) => g.lastDay < day)) return [...groups];
  const date = isoDate(day);
  const held = new Map<string, TrackPoint>();
  for (const p of carryTracks(estimate, dataset, date, timeZone, undefined, law)) {
    if (p.date === date && p.heldAfterData) held.set(p.group, p);
  }
  return groups.map((g) => {
    const p = held.get(g.group);
    return p && g.lastDay < day ? movedTo(g, p, day) : g;
  });
}

/** `g` with its start moved to the held point `p` of day `day` ({@link groupsOnStartDay}). */
function movedTo(g: GroupNowcast, p: TrackPoint, day: number): GroupNowcast {
  const days = day - g.lastDay;
  const km = interval(p.km, p.kmLow, p.kmHigh);
  const out: GroupNowcast = {
    ...g,
    lastDate: p.date,
    lastDay: day,
    km: { ...g.km, ...km, mean: km.median, sd: (km.high - km.low) / (2 * Z90) },
    regime: aged(g.regime, g.movement, days),
  };
  delete out.headAheadKm;
  delete out.head;
  if (p.headKm !== undefined && Number.isFinite(p.headKm)) {
    out.headAheadKm = Math.max(0, p.headKm - p.km);
  }
  if (g.head && p.headKm !== undefined && Number.isFinite(p.headKm)) {
    const head = interval(p.headKm, p.headKmLow ?? p.headKm, p.headKmHigh ?? p.headKm);
    // A head lifted to a report's furthest people on the track's last day (headAtReports) is
    // no further back days later: the law moves forward only.
    const median = Math.max(head.median, g.head.km.median);
    out.head = {
      km: { median, low: head.low, high: Math.max(head.high, median) },
      regime: aged(g.head.regime, g.movement, days),
    };
  }
  return out;
}

/** A median and 90 % interval, ordered (low ≤ median ≤ high). */
function interval(median: Km, low: Km, high: Km): { median: Km; low: Km; high: Km } {
  return { median, low: Math.min(low, median), high: Math.max(high, median) };
}

/**
 * Regime shares `days` days on through the regime chain of `movement` (the law's Markov
 * transitions, src/movement/law.ts): the regime the runs start the later day with.
 */
export function aged(shares: RegimeShares, movement: MovementModel, days: number): RegimeShares {
  const P = cachedRegimeTransitions(movement);
  let v = REGIMES.map((r) => shares[r]);
  for (let d = 0; d < days; d++) {
    v = REGIMES.map((_, to) => v.reduce((s, x, from) => s + x * P[from]![to]!, 0));
  }
  const total = v.reduce((s, x) => s + x, 0) || 1;
  return { rest: v[0]! / total, walk: v[1]! / total, ride: v[2]! / total };
}
