/**
 * The stay anchor of a group's median person: the town its body's reports name day after day.
 *
 * At a shelter the rear walks in and the people already ahead stay ahead, so the reports of the
 * body gather at the shelter town and scatter tens to hundreds of km ahead of it, never behind
 * (bench/worlds/movement.ts `stay`; docs/estimation.md "staydrift"). The median person is where
 * they gather — the town named again and again — not their mean: each report ahead, read as the
 * median person ± the body's spread, pulls the track forward, and a track never moves back.
 *
 * A day is anchored to a town when reports of the body name that town on two days at most
 * ANCHOR_GAP_DAYS apart, one on or before the day and one on or after it (the stay's days
 * between two namings; not the days after the last one, when the group may have left), and
 * the body's reports of those days lie mostly ahead of it. On an anchored day a report of the
 * body ahead of the town's stretch says that someone is between the town and the report: the
 * median person is somewhere from the town to the report (positions.ts `forMedian`), not near the
 * report.
 */
import type { Km } from "../model/units.ts";
import type { BodyPart } from "./partWords.ts";
import { placeStretch } from "./workGroup.ts";
import type { EstimateContext, WorkGroup } from "./workGroup.ts";

/** Days at most between two namings of one town by the body's reports for the days between to be anchored. */
export const ANCHOR_GAP_DAYS = 3;

/**
 * Days at least on which a town is named, in one run, for its days to be anchored: a story
 * repeated a few days on names its town twice while the group walks on (bench/world3).
 */
export const ANCHOR_MIN_DAYS = Number((globalThis as { __minDays?: string }).__minDays ?? 3);

/** The sorted days split where two namings are more than ANCHOR_GAP_DAYS apart. */
function namingRuns(days: readonly number[]): number[][] {
  const runs: number[][] = [];
  for (const d of days) {
    const last = runs[runs.length - 1];
    if (last && d - last[last.length - 1] <= ANCHOR_GAP_DAYS) last.push(d);
    else runs.push([d]);
  }
  return runs;
}

/** One town's namings by a group's reports of the body: its stretch and the local days named. */
interface Named {
  km: Km;
  stretch: [Km, Km];
  days: number[];
}

/** The town a day is anchored to: its km and its stretch of road (workGroup.ts placeStretch). */
export interface StayAnchor {
  km: Km;
  stretch: [Km, Km];
}

/**
 * The anchor's stretch of road (km) for each local day of a group that has one: the town named on
 * the most days among those bracketing the day (ties: the one behind). `parts[i]`: the part
 * position report i is read as describing (positions.ts `partOf`).
 */
export function stayAnchors(
  ctx: EstimateContext,
  g: WorkGroup,
  parts: readonly (BodyPart | "partial")[],
): Map<number, StayAnchor> {
  const isBody = (i: number): boolean => parts[i] === "body";
  const towns = namedTowns(ctx, g, (i) => parts[i] !== "head");
  const out = new Map<number, { anchor: StayAnchor; days: number }>();
  for (const t of towns.values()) {
    const days = [...new Set(t.days)].sort((a, b) => a - b);
    for (const run of namingRuns(days)) {
      if (run.length < ANCHOR_MIN_DAYS) continue;
      const onDay = (globalThis as { __onDay?: string }).__onDay;
      for (let d = run[0]; d <= run[run.length - 1]; d++) {
        if (onDay && !run.includes(d)) continue;
        const prev = out.get(d);
        const better =
          !prev || run.length > prev.days || (run.length === prev.days && t.km < prev.anchor.km);
        if (better) out.set(d, { anchor: { km: t.km, stretch: t.stretch }, days: run.length });
      }
    }
  }
  const anchors = new Map<number, StayAnchor>();
  for (const [day, a] of out) {
    if (mostlyAhead(g, isBody, day, a.anchor.stretch)) anchors.set(day, a.anchor);
  }
  return anchors;
}

/** The towns named by the group's reports that `counts`, keyed by their km (rounded). */
function namedTowns(
  ctx: EstimateContext,
  g: WorkGroup,
  counts: (i: number) => boolean,
): Map<number, Named> {
  const towns = new Map<number, Named>();
  for (const [i, p] of g.positions.entries()) {
    if (!p.s.fromPlace || !counts(i)) continue;
    const key = Math.round(p.km);
    const t = towns.get(key) ?? {
      km: p.km,
      stretch: placeStretch(ctx, g.routeId, p.km),
      days: [],
    };
    t.days.push(Math.floor(p.s.t));
    towns.set(key, t);
  }
  return towns;
}

/**
 * The reports of the body of the day and the day either side lie mostly ahead of the town: no
 * more of them behind its stretch than ahead of it (a body spread evenly about a town it happens
 * to name twice is read as before).
 */
function mostlyAhead(
  g: WorkGroup,
  isBody: (i: number) => boolean,
  day: number,
  [lo, hi]: [Km, Km],
): boolean {
  let ahead = 0;
  let behind = 0;
  for (const [i, p] of g.positions.entries()) {
    if (!isBody(i) || Math.abs(Math.floor(p.s.t) - day) > 1) continue;
    if (p.km > hi) ahead++;
    else if (p.km < lo) behind++;
  }
  return ahead > behind;
}
