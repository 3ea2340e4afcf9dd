/**
 * Moves of whole fragments, the coarse step of the association search (before the moves of single
 * reports, reassignReports.ts). A fragment is a block of one group's reports that most likely
 * belong together:
 *
 * - a *place-day block*: the group's reports at one place (the same km on every route) on one
 *   local day — several sources reporting one town on one day see the same people;
 * - an *end run*: the group's reports of its first or last 1–END_DAYS days of reports (a track
 *   that runs on into another group's reports, or starts in them), the longest tried first.
 *
 * Each fragment moves to the group (or a new group, at the birth penalty) where the objective
 * (trackCost.ts plus a birth per group) falls most, decided on the exact costs of both groups
 * re-fitted whole (moveScreen.ts tableCost). Single-report moves carry such a block over one report
 * at a time, each a near-tie (the first report of a block moved alone costs its new group almost
 * what it saves its old one), and each re-fits whole groups; one fragment move makes the same
 * change in one step.
 *
 * Candidates are the groups whose span, widened by `maxGapDays`, reaches the fragment, and — when
 * the fragment falls within a group's span — that has a report within NEAR_DAYS and NEAR_KM of one
 * of its reports; they are ranked by the screen of single moves summed over the fragment
 * (moveScreen.ts joinScreen / leaveScreen) and only the best FRAGMENT_TOP are re-fitted (the
 * screen only ranks; every move is decided on exact costs).
 *
 * It also says which reports the single-report search still needs to search (`settled` false):
 * those alone in their group at their place and day (no block decided their place), or in a
 * fragment whose best other place was within CONTEST_NATS of the one it took. The others' place
 * was decided whole, by a margin. (Two groups at one town on one day are two blocks, one in each
 * group: a place-day held by several groups is not by itself contested.)
 */
import type { LinkReport } from "./mergeTracklets.ts";
import { freezeGroup, joinScreen, leaveScreen, tableCost } from "./moveScreen.ts";
import type { Evaluated, FrozenGroup } from "./moveScreen.ts";
import { GAIN_NATS, SCREEN_NATS } from "./reassignReports.ts";
import { ReportTable } from "./reportTable.ts";
import type { CostModel } from "./trackCost.ts";

export interface FragmentOptions {
  model: CostModel;
  routeIds: readonly string[];
  birth: number;
  /** Longest silence (days) between a fragment and a group's span for it to join the group. */
  maxGapDays: number;
  /** Routes each group may be on (by group; default every route). */
  routes?: readonly (readonly string[] | undefined)[];
  /** Passes over all groups' fragments (default 2). */
  passes?: number;
  /** The reports' table (reportTable.ts; default: one made for this call). */
  table?: ReportTable;
}

export interface FragmentResult {
  /** The groups' reports (same order, then the groups the step started; a list may be empty). */
  lists: number[][];
  /** By report: whether its place was decided whole and by a margin (module comment). */
  settled: boolean[];
}

/** Days of reports at a track's start or end that an end run may hold (1 to this). */
export const END_DAYS = 3;
/** A fragment whose best other place is within this (nats) of the one it took is contested. */
export const CONTEST_NATS = 3;
/** Most candidate groups re-fitted for one fragment (the screen's best first). */
export const FRAGMENT_TOP = 3;
/** Days and km within which a group's report makes it a candidate (as reassignReports.ts). */
const NEAR_DAYS = 2;
const NEAR_KM = 300;

/** A group as the step holds it: its reports in time order, its routes, its exact fit. */
interface Held {
  sorted: number[];
  routes: readonly string[];
  cost: number;
  route?: string;
  frozen: FrozenGroup;
}

interface Step {
  reports: readonly LinkReport[];
  table: ReportTable;
  o: FragmentOptions;
  groups: Held[];
  /** Group of each report (-1: in none of the lists). */
  owner: Int32Array;
  contested: Uint8Array;
}

/** A candidate place of a fragment: a group (`b`; groups.length: a new one) and its new fit. */
interface Place {
  b: number;
  delta: number;
  joined: Evaluated;
}

/** The place-day key of report `i`: its local day and its km on every route. */
function placeDay(table: ReportTable, i: number): string {
  const t = Math.floor(table.reports[i].t);
  let key = `${t}`;
  for (let c = 0; c < table.width; c++) key += `|${table.kmOn(i, c).toFixed(3)}`;
  return key;
}

function held(step: Step, sorted: number[], routes: readonly string[], fit: Evaluated): Held {
  const { reports, o } = step;
  const frozen = freezeGroup(reports, sorted, fit.route, o.model);
  return { sorted, routes, cost: fit.cost, route: fit.route, frozen };
}

/** `sorted` (report indices in time order) with `add` (in time order) merged in, stably. */
function mergeSorted(reports: readonly LinkReport[], sorted: number[], add: number[]): number[] {
  const out: number[] = [];
  let k = 0;
  for (const i of sorted) {
    while (k < add.length && reports[add[k]].t < reports[i].t) out.push(add[k++]);
    out.push(i);
  }
  while (k < add.length) out.push(add[k++]);
  return out;
}

/**
 * The fragments of group `g` (module comment): its free reports' place-day blocks of two or more,
 * and its end runs of free reports, each in time order, without repeats and never the whole group.
 */
function fragmentsOf(step: Step, g: Held, fixed: readonly boolean[]): number[][] {
  const { reports, table } = step;
  const out: number[][] = [];
  const seen = new Set<string>();
  const add = (f: number[]): void => {
    const key = f.join(",");
    if (f.length === 0 || f.length === g.sorted.length || seen.has(key)) return;
    seen.add(key);
    out.push(f);
  };
  const blocks = new Map<string, number[]>();
  for (const i of g.sorted) {
    if (fixed[i]) continue;
    const key = placeDay(table, i);
    const block = blocks.get(key);
    if (block) block.push(i);
    else blocks.set(key, [i]);
  }
  for (const block of blocks.values()) if (block.length >= 2) add(block);
  const days = [...new Set(g.sorted.map((i) => Math.floor(reports[i].t)))];
  // Longest first: a run that moves whole is not cut into day-by-day moves.
  for (let k = Math.min(END_DAYS, days.length - 1); k >= 1; k--) {
    const first = g.sorted.filter((i) => Math.floor(reports[i].t) <= days[k - 1]);
    const last = g.sorted.filter((i) => Math.floor(reports[i].t) >= days[days.length - k]);
    for (const run of [first, last]) if (run.every((i) => !fixed[i])) add(run);
  }
  return out;
}

/** First position in `sorted` (report indices by time) whose time is at least `t`. */
function firstAtOrAfter(reports: readonly LinkReport[], sorted: readonly number[], t: number) {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (reports[sorted[mid]].t < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether a report of `f` lies within NEAR_DAYS and NEAR_KM of one of `sorted`'s. */
function nearFragment(step: Step, sorted: readonly number[], f: readonly number[]): boolean {
  const { reports, table } = step;
  for (const i of f) {
    const t = reports[i].t;
    for (let k = firstAtOrAfter(reports, sorted, t - NEAR_DAYS); k < sorted.length; k++) {
      if (reports[sorted[k]].t > t + NEAR_DAYS) break;
      if (table.near(i, sorted[k], NEAR_KM)) return true;
    }
  }
  return false;
}

/** Groups fragment `f` of group `a` may join and their summed screens, best first. */
function fragmentCandidates(
  step: Step,
  a: number,
  f: readonly number[],
): { b: number; screen: number }[] {
  const { reports, groups, o } = step;
  const t0 = reports[f[0]].t;
  const t1 = reports[f[f.length - 1]].t;
  const ranked: { b: number; screen: number }[] = [];
  for (let b = 0; b < groups.length; b++) {
    const g = groups[b];
    if (b === a || g.sorted.length === 0) continue;
    const lo = reports[g.sorted[0]].t;
    const hi = reports[g.sorted[g.sorted.length - 1]].t;
    if (t1 < lo - o.maxGapDays || t0 > hi + o.maxGapDays) continue;
    if (t1 >= lo && t0 <= hi && !nearFragment(step, g.sorted, f)) continue;
    let screen = 0;
    for (const i of f) screen += joinScreen(reports[i], g.frozen, o.model);
    ranked.push({ b, screen });
  }
  return ranked.sort((x, y) => x.screen - y.screen || x.b - y.b);
}

/**
 * The places fragment `f` of group `a` may take, with their exact change of the objective: the
 * screen's best FRAGMENT_TOP groups (`ranked`), and a new group when leaving saves more than a
 * birth. `rest`: group a's exact fit without f.
 */
function placesOf(
  step: Step,
  a: number,
  f: number[],
  rest: Evaluated,
  ranked: { b: number }[],
): Place[] {
  const { reports, table, groups, o } = step;
  const leave = rest.cost - groups[a].cost;
  const places: Place[] = [];
  for (const { b } of ranked.slice(0, FRAGMENT_TOP)) {
    const g = groups[b];
    const joined = tableCost(
      table,
      mergeSorted(reports, g.sorted, f),
      g.routes,
      o.model,
      undefined,
      g.route,
    );
    places.push({ b, delta: leave + joined.cost - g.cost, joined });
  }
  // A fragment's own cost is positive (each report's loss is), so a new group can only win when
  // leaving saves more than its birth.
  if (leave + o.birth < 0) {
    const own = tableCost(table, f, o.routeIds, o.model);
    places.push({ b: groups.length, delta: leave + own.cost + o.birth, joined: own });
  }
  return places;
}

/** Moves fragment `f` of group `a` to its best place if that lowers the objective; true if moved. */
function tryFragment(step: Step, a: number, f: number[]): boolean {
  const { reports, table, groups, o } = step;
  const ga = groups[a];
  // Screened: a fragment its group fits well, that no group nor a birth could take, is not re-fitted.
  let leaveScreened = 0;
  for (const i of f) leaveScreened += leaveScreen(reports, i, ga.frozen, o.model);
  const ranked = fragmentCandidates(step, a, f);
  const margin = SCREEN_NATS;
  const joinScreened = Math.min(o.birth, ranked[0]?.screen ?? Infinity);
  if (leaveScreened + joinScreened > margin) return false;
  const inF = new Set(f);
  const restList = ga.sorted.filter((i) => !inF.has(i));
  const rest = tableCost(table, restList, ga.routes, o.model, undefined, ga.route);
  const places = placesOf(step, a, f, rest, ranked).sort((x, y) => x.delta - y.delta || x.b - y.b);
  const best = places[0];
  const moves = best !== undefined && best.delta < -GAIN_NATS;
  // Its next-best place: staying when it moves, else the best other place.
  const next = moves ? Math.min(0, places[1]?.delta ?? Infinity) : (best?.delta ?? Infinity);
  if (Math.abs(next - (moves ? best.delta : 0)) < CONTEST_NATS)
    for (const i of f) step.contested[i] = 1;
  if (!moves) return false;
  groups[a] = held(step, restList, ga.routes, rest);
  if (best.b === groups.length) groups.push(held(step, [...f], o.routeIds, best.joined));
  else {
    const gb = groups[best.b];
    groups[best.b] = held(step, mergeSorted(reports, gb.sorted, f), gb.routes, best.joined);
  }
  for (const i of f) step.owner[i] = best.b;
  return true;
}

/**
 * Reports alone in their group at their place and day: the single-report search must read them
 * one by one (no fragment decided their place).
 */
function alone(step: Step): Uint8Array {
  const { table, owner } = step;
  const byKey = new Map<string, number[]>();
  for (let i = 0; i < owner.length; i++) {
    if (owner[i] < 0) continue;
    const key = `${owner[i]}#${placeDay(table, i)}`;
    const block = byKey.get(key);
    if (block) block.push(i);
    else byKey.set(key, [i]);
  }
  const out = new Uint8Array(owner.length);
  for (const block of byKey.values()) if (block.length === 1) out[block[0]] = 1;
  return out;
}

/**
 * Moves whole fragments between groups (module comment). `groups` are lists of indices into
 * `reports`; `fixed[i]` reports (labelled) never move. Deterministic: groups in order, each
 * group's fragments in the order fragmentsOf gives them.
 * @example
 * moveFragments(reports, [[0, 1, 2, 3], [4, 5]], [], { model, routeIds: ["main"], birth: 55, maxGapDays: 21 });
 */
export function moveFragments(
  reports: readonly LinkReport[],
  lists: readonly (readonly number[])[],
  fixed: readonly boolean[],
  o: FragmentOptions,
): FragmentResult {
  const table = ReportTable.for(reports, o.table);
  const owner = new Int32Array(reports.length).fill(-1);
  lists.forEach((l, g) => l.forEach((i) => (owner[i] = g)));
  const step: Step = {
    reports,
    table,
    o,
    groups: [],
    owner,
    contested: new Uint8Array(reports.length),
  };
  step.groups = lists.map((l, g) => {
    const sorted = [...l].sort((x, y) => reports[x].t - reports[y].t);
    const routes = o.routes?.[g] ?? o.routeIds;
    return held(step, sorted, routes, tableCost(table, sorted, routes, o.model));
  });
  for (let pass = 0; pass < (o.passes ?? 2); pass++) {
    let moved = 0;
    for (let a = 0; a < step.groups.length; a++) {
      for (const f of fragmentsOf(step, step.groups[a], fixed)) {
        // An earlier move of this pass may have taken part of it.
        if (f.some((i) => owner[i] !== a) || f.length === step.groups[a].sorted.length) continue;
        if (tryFragment(step, a, f)) moved++;
      }
    }
    if (moved === 0) break;
  }
  const loose = alone(step);
  return {
    lists: step.groups.map((g) => [...g.sorted].sort((x, y) => x - y)),
    settled: [...owner].map((g, i) => g >= 0 && loose[i] === 0 && step.contested[i] === 0),
  };
}
