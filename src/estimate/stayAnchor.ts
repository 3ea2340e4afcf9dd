/**
 * The stay anchor of a group's median person: the town its reports name day after day.
 *
 * At a shelter the rear walks in and the people already ahead stay ahead, so the reports of the
 * body gather at the shelter town and scatter tens to hundreds of km ahead of it (stress worlds,
 * bench/worlds/movement.ts `stay`; docs/estimation.md "staydrift", "stayread"). A town's report is
 * read as "anywhere in the town's stretch of road" (workGroup.ts placeStretch: up to ~120 km either
 * side where towns are sparse), so through a stay the track drifts to the front of that stretch,
 * pulled by the reports ahead, and a track never moves back. Where the town is named again and
 * again the group is in it: positions.ts `anchoredReading` reads its reports as the town itself.
 *
 * A day is anchored to a town when reports of the group (not of its head) name that town on
 * ANCHOR_MIN_DAYS days or more, each within ANCHOR_GAP_DAYS of the next, and the day lies from
 * the first to the last of them (not after the last: the group may have left), and the reports of
 * the body of the day and the day either side lie mostly ahead of the town's stretch.
 */
import type { Km } from "../model/units.ts";
import type { BodyPart } from "./partWords.ts";
import type { WorkGroup } from "./workGroup.ts";

/** The group's position reports, as stayAnchors reads them. */
type Reports = Pick<WorkGroup, "positions">;

/** The part a report is read as describing, or "repeat" for a stale story told again. */
type OwnPart = BodyPart | "partial" | "repeat";

/** Days at most between two namings of a town for the days between to be anchored. */
export const ANCHOR_GAP_DAYS = 3;
/** Days at least on which a town is named, in one run, for its days to be anchored (3 measured: loses). */
export const ANCHOR_MIN_DAYS = 2;

/** The town a day is anchored to: its km and its stretch of road (workGroup.ts placeStretch). */
export interface StayAnchor {
  km: Km;
  stretch: [Km, Km];
}

/** One town's namings by a group's reports: the town and the local days it is named on. */
interface Named extends StayAnchor {
  days: number[];
}

/**
 * The anchor of each local day of a group that has one: the town named on the most days of its
 * run (ties: the one behind). `parts[i]`: the part position report i is read as describing
 * (positions.ts `partOf`); `stretchOf(km)`: the stretch of road of the town at `km`
 * (workGroup.ts placeStretch); `repeated[i]`: report i repeats an earlier one (repeats.ts), and
 * neither names its town again nor counts among the body's reports ahead: a stale story told
 * again names its town on later days while the group walks on.
 */
export function stayAnchors(
  g: Reports,
  parts: readonly (BodyPart | "partial")[],
  stretchOf: (km: Km) => [Km, Km],
  repeated: readonly boolean[] = [],
): Map<number, StayAnchor> {
  const best = new Map<number, { anchor: StayAnchor; days: number }>();
  const own = parts.map((p, i): OwnPart => (repeated[i] ? "repeat" : p));
  for (const t of namedTowns(g, own, stretchOf).values()) {
    const days = [...new Set(t.days)].sort((a, b) => a - b);
    for (const run of namingRuns(days)) {
      if (run.length < ANCHOR_MIN_DAYS) continue;
      for (let d = run[0]; d <= run[run.length - 1]; d++) {
        const prev = best.get(d);
        const better =
          !prev || run.length > prev.days || (run.length === prev.days && t.km < prev.anchor.km);
        if (better) best.set(d, { anchor: { km: t.km, stretch: t.stretch }, days: run.length });
      }
    }
  }
  const anchors = new Map<number, StayAnchor>();
  for (const [day, { anchor }] of best) {
    if (mostlyAhead(g, own, day, anchor.stretch)) anchors.set(day, anchor);
  }
  return anchors;
}

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

/**
 * The towns named by the group's reports other than of its head (the rear at the shelter names it
 * too; a vanguard waiting ahead does not say where the group is), keyed by their km (rounded).
 */
function namedTowns(
  g: Reports,
  parts: readonly OwnPart[],
  stretchOf: (km: Km) => [Km, Km],
): Map<number, Named> {
  const towns = new Map<number, Named>();
  for (const [i, p] of g.positions.entries()) {
    if (!p.s.fromPlace || parts[i] === "head" || parts[i] === "repeat") continue;
    const key = Math.round(p.km);
    const t = towns.get(key) ?? {
      km: p.km,
      stretch: stretchOf(p.km),
      days: [],
    };
    t.days.push(Math.floor(p.s.t));
    towns.set(key, t);
  }
  return towns;
}

/**
 * The reports of the body of the day and the day either side lie mostly ahead of the town's
 * stretch: more of them ahead of it than behind (a body spread evenly about a town it happens to
 * name twice is read as before).
 */
function mostlyAhead(
  g: Reports,
  parts: readonly OwnPart[],
  day: number,
  [lo, hi]: [Km, Km],
): boolean {
  let ahead = 0;
  let behind = 0;
  for (const [i, p] of g.positions.entries()) {
    if (parts[i] !== "body" || Math.abs(Math.floor(p.s.t) - day) > 1) continue;
    if (p.km > hi) ahead++;
    else if (p.km < lo) behind++;
  }
  return ahead > behind;
}
