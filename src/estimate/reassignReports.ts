/**
 * Local search on the association objective (trackCost.ts plus a birth penalty per group): each
 * report that no label fixes moves to the group whose cost it raises least, when that lowers the
 * total (the assignment step of hard EM / k-means over tracks; Bar-Shalom, Willett and Tian,
 * *Tracking and Data Fusion*, 2011, ch. 6). Tracklets formed greedily in time order can mix two
 * groups that travel close together; moving single reports lets each group's forward-only track
 * and size pull back what belongs to it. A group left empty is dropped (its birth saved).
 *
 * Speed (without labels every report is searched, and each candidate move re-fits two whole
 * groups): moves are decided on the exact costs, but a cheap screen first reads the report against
 * each group's fit as it stands (moveScreen.ts); a move whose screened change of the objective is
 * above SCREEN_NATS is not re-fitted (it could not win: the screen over-states a winning move's
 * change by less than that), nor are candidates within whose span the report falls past the
 * screen's best SCREEN_TOP of those, nor a join before or after a group's span that a re-fit of
 * the group's end reports finds too dear (edgeScreen.ts, EDGE_MARGIN_NATS). The exact fits are kept per group state (a report searched
 * again is re-fitted only against groups that changed; FitCache) and made on reused buffers
 * (positionsFit.ts). After a move, only the reports within LOCAL_DAYS of it, and those a changed
 * span reaches, are searched again in the next pass (a report's result depends on its own group
 * and the groups near it, whose fits a move changes mostly near it). `exhaustive` re-fits
 * every candidate and searches again every report a changed group's span reaches, as the search
 * did before (tests compare the two).
 */
import { groupFigures, logSizeAfter, oversizedAfter } from "./groupFigures.ts";
import type { GroupFigures } from "./groupFigures.ts";
import type { LinkReport } from "./mergeTracklets.ts";
import {
  EDGE_MARGIN_NATS,
  EDGE_REPORTS,
  edgeJoin,
  edgeRival,
  edgeState,
  figuresJoinAt,
} from "./edgeScreen.ts";
import type { EdgeState } from "./edgeScreen.ts";
import { freezeGroup, joinScreenAt, leaveScreen, tableCost } from "./moveScreen.ts";
import { ReportTable } from "./reportTable.ts";
import { rowClasses } from "./rowClasses.ts";
import type { Evaluated, FrozenGroup } from "./moveScreen.ts";
import type { CostModel } from "./trackCost.ts";
import { StateCosts } from "./stateCosts.ts";
import { beyondReach, gateApplies } from "./neighbourGate.ts";

/**
 * What a group's state (its reports and routes) has been fitted to give: its exact cost, route and
 * screen, and the exact costs of the moves tried from it — without report i, with report i. A
 * state's fits are the same whenever the state recurs (the fits are deterministic), so a report
 * searched again is only re-fitted against groups that changed since (later passes, and the next
 * search of the same reports, re-fit little: most groups did not change).
 */
interface StateFits {
  cost: number;
  frozen: FrozenGroup;
  /** Its figures, sorted (read when a move is tried). */
  figures?: GroupFigures;
  /** Exact cost and route of the group without report i (by i). */
  without: Map<number, Evaluated>;
  /**
   * Exact cost and route of the group with report i, by joinKey: the same for every report that
   * the cost cannot tell from i joining at its place (rowClasses.ts).
   */
  with: Map<number, Evaluated>;
  /**
   * The edge screen's change of the group's cost when report i joins it (by 2 × joinKey + 1 when
   * i comes after the group's last report, else + 0; NaN: none), the margin taken off, or the
   * least change on another of its routes if lower (edgeScreen.ts).
   */
  edges: Map<number, number>;
  /** The edge screen's reading of this state (edgeScreen.ts; null: none; unset until needed). */
  edge?: EdgeState | null;
  /** Its positions cost by route, read by the fits of its moves (stateCosts.ts; made on first use). */
  costs?: StateCosts;
  /** The search table's column of its frozen fit's route (-1: none), read by the join screen. */
  col: number;
}

/**
 * Fits of the groups' current states, by state (stateKey): one per search of one reports array
 * under one cost model, shared by successive searches of it (linkTracklets.ts). A state is
 * dropped when its group changes, so it holds the groups of the latest search.
 */
export type FitCache = Map<string, StateFits>;

/** A group being searched: its reports (by index), its routes, its state's fits. */
interface Searched {
  /** Its reports in the order they joined. */
  reports: number[];
  /** The same, stably sorted by time (the order the cost sees them in). */
  sorted: number[];
  /**
   * The times (days) of `sorted`, in its order: nearAny's binary search and scan read them for
   * every candidate within a group's span (~55 a search at 50 unlabelled groups) and reading
   * each through its report index was most of the candidates' time (stop 27).
   */
  times: Float64Array;
  routes: readonly string[];
  /** Its place in the search's groups (and in Search.lo, Search.hi). */
  k: number;
  /** Its state (routes and reports in time order); its fits. */
  key: string;
  fits: StateFits;
}

export interface ReassignOptions {
  model: CostModel;
  routeIds: readonly string[];
  birth: number;
  /** Longest silence (days) between a report and a group's span for it to join the group. */
  maxGapDays: number;
  /** Passes over all reports (default 3). */
  passes?: number;
  /** Re-fit every candidate move (no screen): slower, for comparison. Default false. */
  exhaustive?: boolean;
  /** Fits of earlier searches of the same reports under the same model (default: none). */
  cache?: FitCache;
  /**
   * The reports' table (reportTable.ts), made by the caller once the reports' weights are set and
   * shared by every search of them (default: one made for this call). Its reports must be this
   * call's array.
   */
  table?: ReportTable;
  /**
   * Memo keys of the fits of joins by the report's row class (rowClasses.ts; default true). False:
   * by the report itself (each its own class), for comparison: the same result, more fits (with
   * a `cache` of its own: the keys differ).
   */
  rowClassKeys?: boolean;
  /**
   * Groups beyond a report's reach on its day (neighbourGate.ts) are not candidates for it, unless
   * the report is beyond its own group's reach too. Default false (the exact search's candidates).
   */
  neighbourGate?: boolean;
  /**
   * Counts, added to when given (for tests): joins at a group's end the edge screen left un-fitted;
   * candidates the neighbour gate left out.
   */
  stats?: { edgeSkipped: number; gateSkipped?: number };
}

/**
 * A move whose screened change of the objective (nats) is above this is not re-fitted. The screen
 * reads the report against fits that do not move, so it over-states the change of a move by up to
 * ~4 nats (99th percentile of candidate moves, 10-group unlabelled stress world); with 8 the
 * development worlds' figures stayed as the exhaustive search had them (world3's km cover 0.2
 * points lower; bench/README.md "The association search screened"). 2 and 5 were faster but
 * decided near-tie moves differently: the unlabelled km error rose on one simulator, fell on
 * another.
 */
export const SCREEN_NATS = 8;

/**
 * Most candidates within whose span a report falls that are re-fitted for it (the screen's best
 * first; `exhaustive`: all). Within a group's span the screen ranks well: among the exact moves,
 * the group the exact change ranks best was the screen's best in 95 % of moves and among its best
 * three in 98 % (20-group unlabelled speed world, bench/unlabelledSpeed.bench.ts), and a report
 * near many groups (at 100 groups, 35 candidates a report) re-fitted nearly every one. Before or
 * after a group's span the screen can read a report as free that the re-fit finds dear (or the
 * reverse), so those candidates are not capped (the edge screen, edgeScreen.ts, with its margin
 * EDGE_MARGIN_NATS, decides which of them are re-fitted): capping them too (best three of all) changed
 * near-tie moves on world3's development worlds (unlabelled size cover 93.7 → 84.5 %); capping
 * only those within the span left every development figure as it was (bench/README.md "Speed
 * without labels: exact costs with less work, three candidates").
 */
export const SCREEN_TOP = 3;

/**
 * Least gain (nats) for which a report moves: ties stay. A larger least gain (0.5 nats, to leave
 * the near-ties between overlapping fragments alone) cut the moves at 20 groups from 2,100 to 650
 * but lost on world3's development worlds (unlabelled km cover 77.6 → 68.5 %, size cover 93.7 →
 * 83.6 %): many small moves together carry a fragment over (bench/README.md "Speed without labels:
 * one report table; near-ties measured").
 */
export const GAIN_NATS = 1e-6;
/** Days either side of a move within which reports are searched again (Dirty). */
const LOCAL_DAYS = 3;

/**
 * Days and km (on a route both lie near) within which a group's report makes it a candidate:
 * two spreads of the widest body (trackCost.ts caps a group's spread at 150 km).
 */
const NEAR_DAYS = 2;
const NEAR_KM = 300;

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

/**
 * Whether report `i` lies near one of `sorted`'s reports (NEAR_DAYS, NEAR_KM): within a group's
 * span, a report far from all its reports of those days cannot join it at a gain (the forward-only
 * track runs between them); skipping it keeps the search linear in practice (100 groups).
 */
function nearAny({ times, kmTable }: Search, g: Searched, i: number): boolean {
  const t = times[i];
  const { sorted, times: at } = g;
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (at[mid] < t - NEAR_DAYS) lo = mid + 1;
    else hi = mid;
  }
  // (ReportTable.near, read from the table's arrays here: the same test.)
  const { km, width } = kmTable;
  const a = i * width;
  for (let k = lo; k < sorted.length; k++) {
    if (at[k] > t + NEAR_DAYS) break;
    const b = sorted[k] * width;
    // (NaN, off a route, is within no distance.)
    for (let c = 0; c < width; c++) if (Math.abs(km[a + c] - km[b + c]) <= NEAR_KM) return true;
  }
  return false;
}

/** The times (days) of reports `sorted`, in its order (Searched.times). */
function timesOf({ times }: Search, sorted: readonly number[]): Float64Array {
  const out = new Float64Array(sorted.length);
  for (let k = 0; k < sorted.length; k++) out[k] = times[sorted[k]];
  return out;
}

/** `sorted` with report `i` inserted after every report at or before its time (a stable sort's place). */
function withReport(
  reports: readonly LinkReport[],
  sorted: readonly number[],
  i: number,
): number[] {
  const at = firstAtOrAfter(reports, sorted, reports[i].t);
  let k = at;
  while (k < sorted.length && reports[sorted[k]].t === reports[i].t) k++;
  return [...sorted.slice(0, k), i, ...sorted.slice(k)];
}

/** What the search of one call shares. */
interface Search {
  reports: readonly LinkReport[];
  /** The reports' times (days), by index. */
  times: Float64Array;
  /** Scratch list of movedCost (tableCost keeps no reference to it). */
  scratch: number[];
  /**
   * Each group's first and last report's time (days; NaN: empty), by its place: read for every
   * group at every search of a report, so kept in two arrays rather than on the groups.
   */
  lo: Float64Array;
  hi: Float64Array;
  s: Searched[];
  o: ReassignOptions;
  cache: FitCache;
  kmTable: ReportTable;
  /** The candidates of the report being searched (reused; candidates). */
  cands: Candidates;
  /** Each report's row class (rowClasses.ts; with times under the predictive reading). */
  classes: Int32Array;
}

/** The key of a group's state: its routes and its reports in time order. */
function stateKey(sorted: readonly number[], routes: readonly string[]): string {
  return `${routes.join("\u0001")}\u0002${sorted.join(",")}`;
}

/** The fits of a state: from the cache, else the exact cost (`fitted` when known) and the screen. */
function stateFits(
  { o, cache, kmTable }: Search,
  key: string,
  sorted: readonly number[],
  routes: readonly string[],
  fitted?: Evaluated,
): StateFits {
  const known = cache.get(key);
  if (known) return known;
  const { cost, route } = fitted ?? tableCost(kmTable, sorted, routes, o.model);
  const fits = {
    cost,
    frozen: freezeGroup(kmTable.reports, sorted, route, o.model),
    col: route === undefined ? -1 : (kmTable.routeIndex.get(route) ?? -1),
    without: new Map(),
    with: new Map(),
    edges: new Map(),
  };
  // An empty group's state is no group's (several may be empty).
  if (sorted.length > 0) cache.set(key, fits);
  return fits;
}

function searched(
  search: Search,
  list: readonly number[],
  routes: readonly string[],
  k: number,
): Searched {
  const sorted = [...list].sort((x, y) => search.reports[x].t - search.reports[y].t);
  const key = stateKey(sorted, routes);
  const fits = stateFits(search, key, sorted, routes);
  const g = { reports: [...list], sorted, times: timesOf(search, sorted), routes, k, key, fits };
  setSpan(search, g);
  return g;
}

/** Sets group `g`'s span in Search.lo and Search.hi from its reports (NaN: none). */
function setSpan({ times, lo, hi }: Search, g: Searched): void {
  const n = g.sorted.length;
  lo[g.k] = n === 0 ? NaN : times[g.sorted[0]];
  hi[g.k] = n === 0 ? NaN : times[g.sorted[n - 1]];
}

/** Group `g` now holds `sorted` (its exact cost and route `fitted`): its new state's fits. */
function changeState(search: Search, g: Searched, sorted: number[], fitted: Evaluated): void {
  search.cache.delete(g.key);
  g.sorted = sorted;
  g.times = timesOf(search, sorted);
  setSpan(search, g);
  g.key = stateKey(sorted, g.routes);
  g.fits = stateFits(search, g.key, sorted, g.routes, fitted);
}

/** The sorted figures of group `g`'s state. */
function figuresOf({ reports }: Search, g: Searched): GroupFigures {
  g.fits.figures ??= groupFigures(g.sorted.map((i) => reports[i]));
  return g.fits.figures;
}

/**
 * `sorted` without report `i` (`add` false) or with it at withReport's place, in the search's
 * scratch list (read before the next call; allocating a list for every candidate fit showed in
 * the collector's time).
 */
function movedList(search: Search, sorted: readonly number[], i: number, add: boolean): number[] {
  const out = search.scratch;
  out.length = 0;
  if (!add) {
    for (const x of sorted) if (x !== i) out.push(x);
    return out;
  }
  const { times } = search;
  const t = times[i];
  let k = 0;
  // After every report at or before its time (a stable sort's place).
  while (k < sorted.length && times[sorted[k]] <= t) out.push(sorted[k++]);
  out.push(i);
  while (k < sorted.length) out.push(sorted[k++]);
  return out;
}

/** Places in a list a join key tells apart (joinKey): lists of up to 2^22 reports. */
const JOIN_PLACES = 1 << 22;

/**
 * The key of report `i` joining group `g` in StateFits.with: its row's class (rowClasses.ts) and
 * its place in the group's time order (how many of the group's reports are at or before its time,
 * movedList's place). Reports of one class at one place make the same list of values.
 */
function joinKey(search: Search, g: Searched, i: number): number {
  const { times } = search;
  const t = times[i];
  const sorted = g.sorted;
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (times[sorted[mid]] <= t) lo = mid + 1;
    else hi = mid;
  }
  if (sorted.length >= JOIN_PLACES)
    throw new RangeError("reassignReports: a group of 2^22 reports");
  return search.classes[i] * JOIN_PLACES + lo;
}

/** Exact cost of group `g` without report `i` (`add` false) or with it, once per state. */
function movedCost(search: Search, g: Searched, i: number, add: boolean): Evaluated {
  const memo = add ? g.fits.with : g.fits.without;
  const key = add ? joinKey(search, g, i) : i;
  let fit = memo.get(key);
  if (!fit) {
    const { reports, o } = search;
    const list = movedList(search, g.sorted, i, add);
    const r = reports[i];
    const logN = logSizeAfter(figuresOf(search, g), {
      logSize: r.logSize,
      part: r.part,
      change: add ? 1 : -1,
    });
    g.fits.costs ??= new StateCosts(search.kmTable.width);
    const moved = { state: g.fits.costs, i };
    const likely = g.fits.frozen.route;
    fit = tableCost(search.kmTable, list, g.routes, o.model, { logN }, likely, false, moved);
    memo.set(key, fit);
  }
  return fit;
}

/** Whether report `i` joining group `g` adds no figure far above its size (mergeTracklets sizesFit). */
function sizesAllow(search: Search, g: Searched, i: number): boolean {
  const figures = figuresOf(search, g);
  const r = search.reports[i];
  // (One report alone is never oversized.)
  return (
    oversizedAfter(figures, { logSize: r.logSize, part: r.part, change: 1 }) <=
    oversizedAfter(figures, { change: 0 })
  );
}

/**
 * Whether report `i` joining group `g` before its first report or after its last may change the
 * objective by less than `beat` (nats), read by the edge screen (edgeScreen.ts) less its margin
 * (a measured margin, not a bound): `leave` is the exact change of leaving its group, `screen` the
 * first screen's cost of joining. A group of few reports is re-fitted (it costs as little). A fit
 * already cached does not decide: the result must not depend on what earlier searches left.
 */
function edgeMayWin(
  search: Search,
  g: Searched,
  i: number,
  { leave, screen, beat }: { leave: number; screen: number; beat: number },
): boolean {
  if (g.sorted.length <= EDGE_REPORTS) return true;
  // Kept by joinKey and whether the report comes after the group's last report: the edge screen
  // reads of the report only what its row class holds and that. (Outside the group's span, the
  // only caller today, the place tells `after`; the bit keeps the key exact within it too.)
  const { reports } = search;
  const after = reports[i].t > reports[g.sorted[g.sorted.length - 1]].t;
  const key = 2 * joinKey(search, g, i) + (after ? 1 : 0);
  let edge = g.fits.edges.get(key);
  if (edge === undefined) {
    edge = edgeChange(search, g, i, after);
    g.fits.edges.set(key, edge);
  }
  if (Number.isNaN(edge)) return true;
  return leave + Math.min(edge, screen - EDGE_MARGIN_NATS) < beat;
}

/**
 * The edge screen's change (nats) of report `i` joining group `g` at an end less its margin, or the
 * least change on another of the group's routes if lower (NaN: no screen).
 */
function edgeChange(search: Search, g: Searched, i: number, after: boolean): number {
  const { reports, o } = search;
  const r = reports[i];
  if (g.fits.edge === undefined)
    g.fits.edge =
      edgeState(
        search.kmTable,
        g.fits.frozen,
        g.sorted,
        { routes: g.routes, cost: g.fits.cost },
        o.model,
      ) ?? null;
  if (g.fits.edge === null) return NaN;
  const position = edgeJoin(search.kmTable, i, g.fits.frozen, g.fits.edge, o.model, after);
  if (position === undefined) return NaN;
  const logN = logSizeAfter(figuresOf(search, g), { logSize: r.logSize, part: r.part, change: 1 });
  const figures = figuresJoinAt(search.kmTable, i, g.sorted, g.fits.frozen.logN, logN, o.model);
  const rival = edgeRival(search.kmTable, i, g.fits.edge);
  return Math.min(position - EDGE_MARGIN_NATS, rival) + figures;
}

/**
 * The candidates of one search of a report (candidates): groups a report may join, each with its
 * screened cost and whether the report falls within its span, and their order by screened cost
 * (ties by group). Kept in arrays reused by every search of one call (a search's candidates are
 * read before the next search; allocating an object per candidate, 35 a search at 100 groups, was
 * a good part of the collector's time).
 */
class Candidates {
  b = new Int32Array(64);
  screen = new Float64Array(64);
  within = new Uint8Array(64);
  /** Positions in the arrays above, by screened cost, then group. */
  order = new Int32Array(64);
  n = 0;
  push(b: number, screen: number, within: boolean): void {
    if (this.n === this.b.length) {
      const grow = <T extends Int32Array | Float64Array | Uint8Array>(a: T): T => {
        const out = new (a.constructor as new (n: number) => T)(2 * a.length);
        out.set(a);
        return out;
      };
      this.b = grow(this.b);
      this.screen = grow(this.screen);
      this.within = grow(this.within);
      this.order = new Int32Array(2 * this.order.length);
    }
    this.b[this.n] = b;
    this.screen[this.n] = screen;
    this.within[this.n] = within ? 1 : 0;
    this.n++;
  }
  /**
   * `order` by screened cost, ties by group: the order the list's sort by
   * `x.screen - y.screen || x.b - y.b` gave (groups are distinct, so the order is the one whole
   * order of the pairs whatever the sort; an insertion sort, the lists being short).
   */
  sort(): void {
    const { order, screen, b } = this;
    for (let k = 0; k < this.n; k++) {
      let j = k;
      while (j > 0) {
        const x = order[j - 1];
        if (!((screen[x] - screen[k] || b[x] - b[k]) > 0)) break;
        order[j] = x;
        j--;
      }
      order[j] = k;
    }
  }
}

/**
 * Groups `b` that report `i` (of group `a`) may join: near it in time and km, with their screened
 * costs, into the search's Candidates (unsorted).
 */
function candidates(search: Search, a: number, i: number): Candidates {
  const { reports, s, o } = search;
  const t = reports[i].t;
  const out = search.cands;
  out.n = 0;
  const { lo, hi } = search;
  const gate = !!o.neighbourGate && !o.exhaustive && gateApplies(reports, i, s[a].fits.frozen);
  for (let b = 0; b < s.length; b++) {
    // (An empty group's span is NaN: no time is within gap of it.)
    if (b === a || !(t >= lo[b] - o.maxGapDays && t <= hi[b] + o.maxGapDays)) continue;
    const g = s[b];
    const within = t >= lo[b] && t <= hi[b];
    if (within && !nearAny(search, g, i)) continue;
    if (gate && beyondReach(reports[i], g.fits.frozen)) {
      if (o.stats) o.stats.gateSkipped = (o.stats.gateSkipped ?? 0) + 1;
      continue;
    }
    out.push(b, joinScreenAt(search.kmTable, i, g.fits.frozen, g.fits.col, o.model), within);
  }
  return out;
}

/** The best move of report `i` out of group `a`: the group and the new costs, or undefined. */
function bestMove(
  search: Search,
  a: number,
  i: number,
): { b: number; rest: Evaluated; joined: Evaluated } | undefined {
  const { reports, s, o } = search;
  const cands = candidates(search, a, i);
  if (cands.n === 0) return undefined;
  const empties = s[a].sorted.length === 1;
  // Screened change of leaving (a group left empty saves its birth).
  const screened = leaveScreen(reports, i, s[a].fits.frozen, o.model) - (empties ? o.birth : 0);
  const { order, n } = cands;
  if (o.exhaustive) for (let k = 0; k < n; k++) order[k] = k;
  else {
    cands.sort();
    if (screened + cands.screen[order[0]] > SCREEN_NATS) return undefined;
  }
  const restFit = movedCost(search, s[a], i, false);
  // Leaving a group empty saves its birth.
  const leave = restFit.cost - s[a].fits.cost - (empties ? o.birth : 0);
  // The best move tried: least change, ties to the first group (as when every group was tried in
  // order and a group replaced the best only when strictly below it), below -GAIN_NATS.
  let bestB = -1;
  let bestDelta = -GAIN_NATS;
  let bestJoined: Evaluated | undefined;
  let within = 0;
  let beat = -GAIN_NATS;
  for (let k = 0; k < n; k++) {
    const at = order[k];
    const b = cands.b[at];
    const screen = cands.screen[at];
    const inSpan = cands.within[at] === 1;
    if (!o.exhaustive && screened + screen > SCREEN_NATS) break;
    // Within a group's span the screen ranks well: only its best SCREEN_TOP are re-fitted.
    if (!o.exhaustive && inSpan && within >= SCREEN_TOP) continue;
    if (!sizesAllow(search, s[b], i)) continue;
    if (inSpan) within++;
    // Before or after it, a join the edge screen finds too dear by its margin is not re-fitted.
    if (!o.exhaustive && !inSpan && !edgeMayWin(search, s[b], i, { leave, screen, beat })) {
      if (o.stats) o.stats.edgeSkipped++;
      continue;
    }
    const joined = movedCost(search, s[b], i, true);
    const delta = leave + joined.cost - s[b].fits.cost;
    beat = Math.min(beat, delta);
    if (delta < bestDelta || (delta === bestDelta && bestB >= 0 && b < bestB)) {
      bestB = b;
      bestDelta = delta;
      bestJoined = joined;
    }
  }
  return bestJoined && { b: bestB, rest: restFit, joined: bestJoined };
}

/**
 * Reassigns reports between groups (module comment). `groups` are lists of indices into
 * `reports`; `fixed[i]` reports (labelled) never move; `routes[g]` limits group g's routes
 * (default every route). Returns the new lists (same order; a list may be empty).
 * @example
 * reassignReports(reports, [[0, 1, 4], [2, 3]], [], { model, routeIds: ["main"], birth: 55, maxGapDays: 21 });
 */
export function reassignReports(
  reports: readonly LinkReport[],
  groups: readonly (readonly number[])[],
  fixed: readonly boolean[],
  o: ReassignOptions & { routes?: readonly (readonly string[] | undefined)[] },
): number[][] {
  const kmTable = ReportTable.for(reports, o.table);
  const search: Search = {
    reports,
    times: kmTable.times,
    scratch: [],
    lo: new Float64Array(groups.length),
    hi: new Float64Array(groups.length),
    s: [],
    o,
    cache: o.cache ?? new Map(),
    kmTable,
    cands: new Candidates(),
    classes:
      o.rowClassKeys === false
        ? Int32Array.from(reports, (_, i) => i)
        : rowClasses(kmTable, o.model.predictive !== undefined),
  };
  const s = groups.map((g, k) => searched(search, g, o.routes?.[k] ?? o.routeIds, k));
  search.s = s;
  const dirty = new Dirty(reports, kmTable, o.maxGapDays);
  for (let pass = 0; pass < (o.passes ?? 3); pass++) {
    let moved = 0;
    for (let a = 0; a < s.length; a++) {
      for (const i of [...s[a].reports]) {
        if (fixed[i] || !dirty.has(i)) continue;
        dirty.clear(i);
        const move = bestMove(search, a, i);
        if (!move) continue;
        const b = move.b;
        const spans = [dirty.spanOf(s[a].sorted), dirty.spanOf(s[b].sorted)];
        s[a].reports = s[a].reports.filter((x) => x !== i);
        changeState(
          search,
          s[a],
          s[a].sorted.filter((x) => x !== i),
          move.rest,
        );
        s[b].reports.push(i);
        changeState(search, s[b], withReport(reports, s[b].sorted, i), move.joined);
        spans.push(dirty.spanOf(s[a].sorted), dirty.spanOf(s[b].sorted));
        dirty.moved(reports[i].t, spans, !!o.exhaustive);
        moved++;
      }
    }
    if (moved === 0) break;
  }
  return s.map((g) => g.reports.sort((x, y) => x - y));
}

/**
 * Which reports need searching again: at first all; after a move, those near it (LOCAL_DAYS) and,
 * when the move changed a group's span, all that span reaches (maxGapDays) before or after —
 * exhaustive: all a changed group's span reaches, after every move (a report's candidates and
 * their costs depend only on its own group and the groups whose span reaches it).
 */
class Dirty {
  private readonly flag: Uint8Array;
  /** Report indices by time. */
  private readonly byTime: readonly number[];
  private readonly reports: readonly LinkReport[];
  private readonly gap: number;
  /** The reports' times in time order (byTime's). */
  private readonly timeline: Float64Array;
  constructor(reports: readonly LinkReport[], table: ReportTable, gap: number) {
    this.reports = reports;
    this.gap = gap;
    this.flag = new Uint8Array(reports.length).fill(1);
    this.byTime = table.byTime;
    this.timeline = table.timeline;
  }
  has(i: number): boolean {
    return this.flag[i] === 1;
  }
  clear(i: number): void {
    this.flag[i] = 0;
  }
  spanOf(sorted: readonly number[]): [number, number] | undefined {
    if (sorted.length === 0) return undefined;
    return [this.reports[sorted[0]].t, this.reports[sorted[sorted.length - 1]].t];
  }
  /**
   * After a move at time `t`: the groups' spans before and after (`spans`: a's and b's, then the
   * same after). Exhaustive: every report a changed group's span reaches. Else the reports within
   * LOCAL_DAYS of the move (a move changes a fit mostly near it), and all a span reaches only
   * when the move changed that group's span (it may now be a candidate, or no longer).
   */
  moved(t: number, spans: ([number, number] | undefined)[], exhaustive: boolean): void {
    for (let g = 0; g < 2; g++) {
      const [before, after] = [spans[g], spans[g + 2]];
      const same = before && after && before[0] === after[0] && before[1] === after[1];
      if (exhaustive || !same) for (const span of [before, after]) this.mark(span, this.gap);
    }
    this.mark([t, t], LOCAL_DAYS);
  }
  private mark(span: [number, number] | undefined, pad: number): void {
    if (!span) return;
    // The same reports as a scan of byTime from the first at or after span[0] − pad (read from
    // one typed array: the scan over every report a long span reaches was 4 % of the time).
    const { timeline, byTime, flag } = this;
    const start = span[0] - pad;
    const end = span[1] + pad;
    let lo = 0;
    let hi = timeline.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (timeline[mid] < start) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < timeline.length && !(timeline[k] > end); k++) flag[byTime[k]] = 1;
  }
}
