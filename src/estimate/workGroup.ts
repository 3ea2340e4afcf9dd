/**
 * The working state the track estimator's steps share: the run's context (routes, places,
 * projections of every report on every route, the lists the report is built from) and each
 * group as it is being estimated. Steps live in their own modules (routeChoice, associate,
 * positions, sizes, bodies, trackEnds); this module only holds what they pass each other.
 */
import type { ResolvedDestination } from "./destinations.ts";
import { estimateWarning, type EstimateWarning } from "./warnings.ts";
import type { Gazetteer } from "../geo/gazetteer.ts";
import type { RouteIndex } from "../geo/routeIndex.ts";
import type { Km } from "../model/units.ts";
import type { CountEvidence } from "./counts.ts";
import type { KmDayEstimate, KmSmootherResult } from "./kmSmoother.ts";
import type { MovementModel } from "../movement/index.ts";
import type { BodyPart, CountScope } from "./partWords.ts";
import type { SplitPartsOptions } from "./splitParts.ts";
import type { PeopleJoinOptions } from "./peopleJoin.ts";
import { hasSize } from "./prepare.ts";
import type { PreparedSighting } from "./prepare.ts";
import type { SizeDayEstimate } from "./sizeSmoother.ts";
import type { BiasSource } from "./sourceBias.ts";
import type { SourceLean } from "./sourceLean.ts";
import type { PredictiveAssociation } from "./predictiveTrack.ts";

export interface Association {
  sightingId: string;
  group: string;
  /** `label`: the source named the group; `associated`: fitted to a group's track; `new_group`:
   * started or joined a group of unlabelled sightings; `size_only`: a size report without place,
   * given to the one group active that day. */
  how: "label" | "associated" | "new_group" | "size_only";
  /** Posterior probability that the report is an outlier (position reports). */
  outlierProb?: number;
  /** The part of the body the report was read as describing (head, body, tail). */
  part?: BodyPart;
  /**
   * Set when the report counts only the people at one place (`place`: shelter occupancy, people
   * held at a bridge) or passing one point that day (`passage`: checkpoint registrations), as its
   * notes, `part` or method say (partWords.ts `readCountScope`): its figure was read as a lower bound
   * of the group, not its size.
   */
  countScope?: CountScope;
  /** With `countScope`: the figure (or a range's low end) read as "at least" that many people. */
  sizeAtLeast?: number;
  /**
   * Set when the report tells again an earlier report's place and figure (repeats.ts): the id of
   * that original report. Such a report is left out of the group's positions (no `outlierProb`).
   */
  repeatOf?: string;
}

/** A position report of a group: km along its route and distance off it. */
export interface GroupPosition {
  s: PreparedSighting;
  km: Km;
  off: Km;
}

export interface WorkGroup {
  name: string;
  labelled: boolean;
  routeId: string;
  members: PreparedSighting[];
  positions: GroupPosition[];
  sizeOnly: PreparedSighting[];
  counts: CountEvidence[];
  /** Local day of the first day of the track and its number of days. */
  day0: number;
  nDays: number;
  /** Last local day with a report (the track may continue past it, see trackEnds.ts). */
  lastReportDay?: number;
  km?: KmSmootherResult;
  /** For each km observation of the last run: index in `positions` (−1 for a count). */
  obsPosition?: number[];
  size?: SizeDayEstimate[];
  drift?: number[];
  /** Days whose reports of the body agree as a point's (positions.ts agreeingDays). */
  pointDays?: Set<number>;
  /** Typical reported size of the group (people), to tell reports of a part from the whole. */
  scale?: number;
  /** Estimated size (median people) by local day, from a first size pass, for the same use. */
  sizeByDay?: Map<number, number>;
  /** Fitted half-spread of the body (km) by local day: how far its reports fall from its median. */
  spreadByDay?: Map<number, number>;
  /**
   * Median distance (km) of its reports of the body from its median person, by local day: taken
   * over the reports within SPREAD_WINDOW_DAYS (positions.ts fitBodySpread), a town's reports by the
   * distance to the nearer end of its stretch; absent on days with fewer than 4 such reports
   * (bodyReading then reads the core from the spread alone).
   */
  bulkByDay?: Map<number, number>;
  /**
   * The group's own movement law (positions.ts fitGroupMovement): the pooled law refitted to its
   * own days, shrunk towards the pooled one; the final passes read it (else `ctx.movement`).
   */
  movement?: MovementModel;
  /** Part read for each position report (by sighting id). */
  parts?: Map<string, BodyPart>;
  /** Km of the body's head and tail per day (bodies.ts), with 90 % intervals. */
  head?: KmDayEstimate[];
  tail?: KmDayEstimate[];
  /**
   * Leave-one-out scores of the reports of the head (tail) against the head's (tail's) own
   * smoothing (bodies.ts), for the self-calibration of its interval (calibrate.ts).
   */
  endLoo?: { head: KmSmootherResult["loo"]; tail: KmSmootherResult["loo"] };
  /**
   * A labelled group's stale repeats (repeats.ts), by the repeat's sighting id, each to the
   * original it tells again: judged once on all its reports for the final passes (positions.ts
   * `markRepeats`). Keyed by the sighting id, not the position object, so a run on some of the
   * reports (bodies.ts `tailWithoutStays`) or on copies of them (a position re-projected when
   * tracks are joined) leaves out the same ones.
   */
  repeatOf?: ReadonlyMap<string, GroupPosition>;
}

/** Shared state of one estimator run. */
export interface EstimateContext {
  index: RouteIndex;
  gazetteer: Gazetteer;
  routeIds: readonly string[];
  maxOff: Km;
  maxCells?: number;
  /** Sighting ids an analyst accepted: never outliers (EstimateOptions.keep). */
  keep?: ReadonlySet<string>;
  /** Destinations an analyst set, by group (EstimateOptions.destinations; destinations.ts). */
  destinations?: ReadonlyMap<string, ResolvedDestination>;
  movement: MovementModel;
  /** Each source type's fitted lean of its unnamed position reports (sourceLean.ts). */
  sourceLeans?: ReadonlyMap<BiasSource, SourceLean>;
  /** Factor on every report's outlier probability, fitted to the data (positions.ts). */
  outlierScale: number;
  /**
   * Reports of the body are read with heavy tails (positions.ts BODY_SCALE_MIXTURE): set for the
   * final passes of the tracks, after the association (whose fits compare partitions under the
   * one-normal reading).
   */
  bodyTails?: boolean;
  /** The association weighs the reports at one place on one local day as one (EstimateOptions). */
  onePlaceADay?: boolean;
  /**
   * Short unlabelled tracks within another track's body are read as its parts after the search
   * (absorbParts.ts; EstimateOptions.absorbParts; default off).
   */
  absorbParts?: boolean;
  /**
   * Short unlabelled tracks whose reports lie within two or more larger tracks' bodies are split
   * between them as their parts (splitParts.ts; EstimateOptions.splitParts; undefined: off).
   */
  splitParts?: SplitPartsOptions;
  /** Tracks within a larger one's body on their shared days joined (joinBodies.ts; default off). */
  joinBodies?: boolean | "parts";
  /** Tracks whose reports fit a larger track's people joined (peopleJoin.ts; default off). */
  peopleJoin?: boolean | PeopleJoinOptions;
  /** Reports within a track's same-day body spread charged as its parts in the search (bodyCharge.ts; default off). */
  bodyCharge?: boolean;
  /** Tracks written back towards their departure (reachBack.ts; EstimateOptions.reachBack, default off). */
  reachBack?: boolean | "unlabelled";
  /** The association search's candidates limited to groups within reach (neighbourGate.ts). */
  neighbourGate?: boolean;
  /** Days no check widens narrowed by the fitted noise scale (EstimateOptions.narrowNoise). */
  narrowNoise?: boolean;
  /** A day whose reports of the body agree read with no body (EstimateOptions.agreeingAsPoint). */
  agreeingAsPoint?: boolean;
  /** Body spread capped by the spread of one day's reports (EstimateOptions.sameDaySpread). */
  sameDaySpread?: boolean;
  /** The day check widens a reported day's prediction only (EstimateOptions.dayCheckOnLaw). */
  dayCheckOnLaw?: boolean;
  /** The reports' check widens their noise only (EstimateOptions.reportCheckOnNoise). */
  reportCheckOnNoise?: boolean;
  /** The association's positions read predictively (EstimateOptions.predictiveAssociation). */
  predictiveAssociation?: PredictiveAssociation;
  projections: Map<PreparedSighting, Map<string, { km: Km; off: Km }>>;
  associations: Association[];
  leftOut: { sightingId: string; reason: string }[];
  warnings: EstimateWarning[];
  /** Stretch of road a report naming only a town may mean (see placeStretch). */
  placeKm: Map<string, Float64Array>;
}

export function newGroup(name: string, labelled: boolean, routeId: string): WorkGroup {
  return {
    name,
    labelled,
    routeId,
    members: [],
    positions: [],
    sizeOnly: [],
    counts: [],
    day0: 0,
    nDays: 0,
  };
}

/**
 * Adds a report to a group: a position when it lies within `maxOff` of the group's route, else
 * its size only (or it is left out with the reason).
 */
export function addMember(
  ctx: EstimateContext,
  g: WorkGroup,
  s: PreparedSighting,
  how: Association["how"],
): void {
  if (s.point) {
    const p = ctx.projections.get(s)?.get(g.routeId);
    if (!p || p.off > ctx.maxOff) {
      const off = p ? `${Math.round(p.off)} km` : "too far";
      if (hasSize(s)) {
        ctx.warnings.push(
          estimateWarning("off_route", {
            sighting: s.id,
            route: g.routeId,
            ...(p ? { offKm: Math.round(p.off) } : {}),
          }),
        );
        g.sizeOnly.push(s);
        g.members.push(s);
        ctx.associations.push({ sightingId: s.id, group: g.name, how });
      } else {
        ctx.leftOut.push({ sightingId: s.id, reason: `${off} off route ${g.routeId}` });
      }
      return;
    }
    g.positions.push({ s, km: p.km, off: p.off });
  } else {
    g.sizeOnly.push(s);
  }
  g.members.push(s);
  ctx.associations.push({ sightingId: s.id, group: g.name, how });
}

/** Moves every report of `from` to `to` (joining two tracks that are one group). */
export function moveMembers(ctx: EstimateContext, from: WorkGroup, to: WorkGroup): void {
  const moved = new Set(from.members.map((s) => s.id));
  for (const a of ctx.associations)
    if (a.group === from.name && moved.has(a.sightingId)) a.group = to.name;
  to.members.push(...from.members);
  to.sizeOnly.push(...from.sizeOnly);
  for (const p of from.positions) {
    const q = ctx.projections.get(p.s)?.get(to.routeId);
    if (q) to.positions.push({ s: p.s, km: q.km, off: q.off });
  }
  to.positions.sort((x, y) => x.s.t - y.s.t);
  from.members = [];
  from.positions = [];
  from.sizeOnly = [];
}

/**
 * The associations of `ctx` by sighting id, for moveReport: moving many reports one by one
 * scanned every association for each (quadratic in the reports: the partition of 100 unlabelled
 * groups moves thousands). Valid while no association is added or removed.
 */
export function associationsBySighting(ctx: EstimateContext): Map<string, Association[]> {
  const index = new Map<string, Association[]>();
  for (const a of ctx.associations) {
    const list = index.get(a.sightingId);
    if (list) list.push(a);
    else index.set(a.sightingId, [a]);
  }
  return index;
}

/**
 * Moves one report from group `from` to group `to` (a position there when near its route).
 * `index` (associationsBySighting of `ctx`, when given) finds its associations: the same ones
 * the scan of all would change.
 */
export function moveReport(
  ctx: EstimateContext,
  s: PreparedSighting,
  from: WorkGroup,
  to: WorkGroup,
  index?: ReadonlyMap<string, readonly Association[]>,
): void {
  from.members = from.members.filter((x) => x !== s);
  from.positions = from.positions.filter((p) => p.s !== s);
  from.sizeOnly = from.sizeOnly.filter((x) => x !== s);
  for (const a of index ? (index.get(s.id) ?? []) : ctx.associations)
    if (a.sightingId === s.id && a.group === from.name) a.group = to.name;
  const q = s.point ? ctx.projections.get(s)?.get(to.routeId) : undefined;
  if (q && q.off <= ctx.maxOff) {
    to.positions.push({ s, km: q.km, off: q.off });
    to.positions.sort((x, y) => x.s.t - y.s.t);
  } else to.sizeOnly.push(s);
  to.members.push(s);
}

export function renameGroup(ctx: EstimateContext, g: WorkGroup, name: string): void {
  if (g.name === name) return;
  for (const a of ctx.associations) if (a.group === g.name) a.group = name;
  g.name = name;
}

/**
 * Half-width cap (km) of a town's stretch: where towns are far apart (up to 230 km on the 2018
 * routes), a report snapped to the nearest town may place a group over 100 km from it.
 */
export const STRETCH_CAP_KM = 120;

/**
 * Stretch of road nearer to a place than to any other place on the route: what a report that
 * names only a town says about where the group was (at most STRETCH_CAP_KM either side).
 */
export function placeStretch(ctx: EstimateContext, routeId: string, km: Km): [Km, Km] {
  let list = ctx.placeKm.get(routeId);
  if (!list) {
    const kms: number[] = [];
    for (const place of ctx.gazetteer.places) {
      if (!Number.isFinite(place.lat) || !Number.isFinite(place.lon)) continue;
      const p = ctx.index.project([place.lon, place.lat], { routeId, maxDistanceKm: 15 });
      if (p) kms.push(p.km);
    }
    list = Float64Array.from(kms.sort((a, b) => a - b));
    ctx.placeKm.set(routeId, list);
  }
  let prev = -Infinity;
  let next = Infinity;
  for (const x of list) {
    if (x < km - 0.5) prev = x;
    else if (x > km + 0.5) {
      next = x;
      break;
    }
  }
  // Symmetric about the town, as wide as its wider side: a report naming a town may mean "in
  // the town" (real reports) or "nearest to the town" (snapped positions); the symmetric stretch
  // contains both readings and keeps the town at its centre. +2 km: the town nearest on the
  // ground is not always the nearest along the road.
  const below = Math.min(STRETCH_CAP_KM, Number.isFinite(prev) ? (km - prev) / 2 : 25);
  const above = Math.min(STRETCH_CAP_KM, Number.isFinite(next) ? (next - km) / 2 : 25);
  const half = Math.max(below, above) + 2;
  return [km - half, km + half];
}
