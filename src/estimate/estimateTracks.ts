/**
 * The track estimator: where every caravan group is along its route and how many people it
 * holds, for every day from its first to its last observation, each with a 90 % interval.
 *
 * Steps (each is its own module; method notes there):
 * 1. prepare.ts — local times, positions (coordinates or gazetteer), size reports in log space;
 * 2. route choice — each labelled group takes the route its sightings fit best (routes are
 *    complete paths that overlap where they share road; ties go to the earlier route);
 * 3. kmSmoother.ts — regime-switching (rest/walk/ride) forward–backward smoother on a km grid,
 *    forward-only, robust observation mixture; the regime shares are refitted to the data (EM);
 * 4. association — unlabelled sightings join the group whose smoothed track they fit (gated on
 *    km and time); the rest start new groups; border counts are attributed to the group passing
 *    the point and add passage-time and size evidence;
 * 5. sizeSmoother.ts + sourceBias.ts — log-size smoother with per-source-type bias and spread
 *    fitted from the data with priors; stock figures (claims, returns) set how the size falls.
 */
import type { Dataset } from "../model/dataset.ts";
import { DEFAULT_TIME_ZONE } from "../model/dataset.ts";
import type { TrackPoint } from "../model/track.ts";
import type { IsoDate, IsoDateTime, Km, LonLat } from "../model/units.ts";
import type { Random } from "../util/random.ts";
import { createGazetteer } from "../geo/gazetteer.ts";
import type { Gazetteer } from "../geo/gazetteer.ts";
import { createRouteIndex } from "../geo/routeIndex.ts";
import type { RouteIndex } from "../geo/routeIndex.ts";
import { attributeCounts } from "./counts.ts";
import type { CountEvidence } from "./counts.ts";
import { smoothKm } from "./kmSmoother.ts";
import type { KmDayEstimate, KmObservation, KmSmootherResult } from "./kmSmoother.ts";
import { defaultEstimatorMovement, REGIMES } from "./movement.ts";
import type { MovementModel } from "./movement.ts";
import { hasSize, prepareSightings } from "./prepare.ts";
import type { PreparedSighting } from "./prepare.ts";
import { biasFor, fitSourceBiases, SOURCE_PRIORS } from "./sourceBias.ts";
import type { BiasResidual, BiasSource, SourceBias } from "./sourceBias.ts";
import { fallbackSizePrior, sizePriorsLeaveOneOut } from "./sizePrior.ts";
import type { GroupSizeSummary, SizePrior } from "./sizePrior.ts";
import { smoothSize } from "./sizeSmoother.ts";
import type { SizeDayEstimate, SizeObservation } from "./sizeSmoother.ts";
import { DEFAULT_DRIFT, stockDrift } from "./stocks.ts";
import { dayToIsoDate, isValidTimeZone, toLocalTime } from "./time.ts";

export interface EstimateOptions {
  /** IANA time zone of the report; default the dataset's, else `America/Mexico_City`. */
  timeZone?: string;
  /** Use only data observed up to this time (no look-ahead); default: all data. */
  asOf?: IsoDateTime;
  /** Accepted for API symmetry with the simulator; the estimator is deterministic. */
  random?: Random;
  /** Prior movement model (default {@link defaultEstimatorMovement}). */
  movement?: MovementModel;
  /** Fit the regime shares to the data by EM (default true). */
  fitRegimes?: boolean;
  /** Sightings farther than this from their group's route are left out (default 60 km). */
  maxOffRouteKm?: Km;
  /** Prebuilt route index / gazetteer (default: built from the dataset). */
  routeIndex?: RouteIndex;
  gazetteer?: Gazetteer;
  /** Grid cells for km (default 900). */
  maxCells?: number;
}

/** A group as estimated: its route, its span and the sightings associated to it. */
export interface EstimatedGroup {
  group: string;
  routeId: string;
  firstDate: IsoDate;
  lastDate: IsoDate;
  /** Ids of the sightings associated to the group. */
  sightings: string[];
  /** true when the group came from a caravan_label, false when started from unlabelled sightings. */
  labelled: boolean;
}

export interface Association {
  sightingId: string;
  group: string;
  /** `label`: the source named the group; `associated`: fitted to a group's track; `new_group`:
   * started or joined a group of unlabelled sightings; `size_only`: a size report without place,
   * given to the one group active that day. */
  how: "label" | "associated" | "new_group" | "size_only";
  /** Posterior probability that the report is an outlier (position reports). */
  outlierProb?: number;
}

export interface EstimateReport {
  associations: Association[];
  leftOut: { sightingId: string; reason: string }[];
  sourceBiases: SourceBias[];
  /** Sd of the common size level (the bias level the data cannot fix; in the size intervals). */
  sizeLevelSd: number;
  /**
   * The log-normal prior each group's size got (log people; fitted from the `groups` other groups
   * with figures, pooled with the 2018 fallback of sizePrior.ts). It matters only for groups with
   * few figures, above all those known only by a bound.
   */
  sizePriors: (SizePrior & { group: string })[];
  /** The movement model after fitting the regime shares. */
  movement: MovementModel;
  /** Border counts used: per group and point, when it passed and how many were counted. */
  counts: { group: string; point: string; km: Km; date: IsoDate; total: number; rows: number }[];
  /** Count rows not used, with the reason. */
  countsLeftOut: { row: number; reason: string }[];
  /** Sightings after `asOf`, not used. */
  afterAsOf: number;
  /** Notes for users (e.g. a place that did not resolve but whose size was still used). */
  warnings: string[];
}

/** Filter state of a group at the end of its track (for nowcasts and forecasts). */
export interface GroupState {
  group: string;
  routeId: string;
  routeLengthKm: Km;
  /** Last day of the track (local date) and its local-day number. */
  date: IsoDate;
  km: KmDayEstimate;
  /** P(regime of the last day's move): rest, walk, ride. */
  regime: { rest: number; walk: number; ride: number };
  /** Size on the last day (undefined when no source gave a size). */
  size?: SizeDayEstimate;
  movement: MovementModel;
}

export interface EstimateResult {
  tracks: TrackPoint[];
  groups: EstimatedGroup[];
  report: EstimateReport;
  state: GroupState[];
}

interface WorkGroup {
  name: string;
  labelled: boolean;
  routeId: string;
  members: PreparedSighting[];
  /** Position observations: sighting, km, sigma, outlier. */
  positions: { s: PreparedSighting; km: Km; off: Km }[];
  sizeOnly: PreparedSighting[];
  counts: CountEvidence[];
  day0: number;
  nDays: number;
  km?: KmSmootherResult;
  /** For each km observation of the last run: index in `positions` (−1 for a count). */
  obsPosition?: number[];
  size?: SizeDayEstimate[];
  drift?: number[];
}

const POSITION_BASE_SIGMA: Partial<Record<BiasSource, number>> = {
  dtm: 1,
  government: 1,
  un: 1,
  ngo: 1.1,
  media: 1.3,
  organiser: 1.2,
  social_media: 2,
  other: 1.5,
  unknown: 1.3,
};

/**
 * Estimates every group's daily position (km along its route, with a 90 % interval) and size.
 *
 * Tracks: one {@link TrackPoint} per group per local calendar day at 12:00, from the group's first
 * to its last position report. `size`, `sizeLow`, `sizeHigh` are `NaN` (written blank) for a group
 * no source gave a size for.
 * @example
 * const { tracks, report } = estimateTracks(embedded2018());
 * tracks[0]; // => { group: "…", date: "2018-10-13", routeId: "main", km: 3, kmLow: 0, … }
 */
export function estimateTracks(dataset: Dataset, options: EstimateOptions = {}): EstimateResult {
  const timeZone = options.timeZone ?? dataset.timeZone ?? DEFAULT_TIME_ZONE;
  if (!isValidTimeZone(timeZone)) throw new RangeError(`Unknown time zone: ${timeZone}.`);
  const asOfT = options.asOf ? toLocalTime(options.asOf, timeZone)?.t : undefined;
  if (options.asOf && asOfT === undefined) {
    throw new RangeError(`asOf is not an ISO date: ${options.asOf}.`);
  }
  const index = options.routeIndex ?? createRouteIndex(dataset.routes);
  const gazetteer = options.gazetteer ?? createGazetteer(dataset.places);
  const maxOff = options.maxOffRouteKm ?? 60;
  let movement = structuredClone(options.movement ?? defaultEstimatorMovement());
  const warnings: string[] = [];
  const { prepared, leftOut, afterAsOf } = prepareSightings(
    dataset.sightings,
    timeZone,
    gazetteer,
    asOfT ?? Infinity,
  );
  for (const s of prepared) {
    if (s.positionProblem) warnings.push(`${s.id}: ${s.positionProblem}; only its size is used.`);
  }
  const associations: Association[] = [];
  const routeIds = index.routeIds;
  if (routeIds.length === 0) throw new RangeError("The dataset has no route.");

  // Projections of every positioned sighting on every route (nearest point per route).
  const projections = new Map<PreparedSighting, Map<string, { km: Km; off: Km }>>();
  for (const s of prepared) {
    if (!s.point) continue;
    const map = new Map<string, { km: Km; off: Km }>();
    for (const p of index.projectAll(s.point)) map.set(p.routeId, { km: p.km, off: p.distanceKm });
    projections.set(s, map);
  }

  // Stretch of road nearer to a place than to any other place on the route: what a report that
  // names only a town says about where the group was (at most 40 km either side).
  const placeKm = new Map<string, Float64Array>();
  const placeStretch = (routeId: string, km: Km): [Km, Km] => {
    let list = placeKm.get(routeId);
    if (!list) {
      const kms: number[] = [];
      for (const place of gazetteer.places) {
        if (!Number.isFinite(place.lat) || !Number.isFinite(place.lon)) continue;
        const p = index.project([place.lon, place.lat], { routeId, maxDistanceKm: 15 });
        if (p) kms.push(p.km);
      }
      list = Float64Array.from(kms.sort((a, b) => a - b));
      placeKm.set(routeId, list);
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
    const below = Math.min(40, Number.isFinite(prev) ? (km - prev) / 2 : 25);
    const above = Math.min(40, Number.isFinite(next) ? (next - km) / 2 : 25);
    const half = Math.max(below, above) + 2;
    return [km - half, km + half];
  };

  // 1. Labelled groups.
  const byLabel = new Map<string, PreparedSighting[]>();
  const unlabelled: PreparedSighting[] = [];
  for (const s of prepared) {
    if (s.label === undefined) unlabelled.push(s);
    else {
      let list = byLabel.get(s.label);
      if (!list) byLabel.set(s.label, (list = []));
      list.push(s);
    }
  }
  const groups: WorkGroup[] = [];
  for (const [label, members] of byLabel) {
    const positioned = members.filter((s) => s.point);
    if (positioned.length === 0) {
      for (const s of members) {
        leftOut.push({
          sightingId: s.id,
          reason: `no sighting of group "${label}" has a place or coordinates, so it has no track`,
        });
      }
      continue;
    }
    const routeId = chooseRoute(positioned, routeIds, projections);
    const g = newGroup(label, true, routeId);
    for (const s of members) addMember(g, s, "label");
    // Kept even without a usable position: its reports are then listed as left out, below.
    groups.push(g);
  }

  function newGroup(name: string, labelled: boolean, routeId: string): WorkGroup {
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
  function addMember(g: WorkGroup, s: PreparedSighting, how: Association["how"]): void {
    if (s.point) {
      const p = projections.get(s)?.get(g.routeId);
      if (!p || p.off > maxOff) {
        const off = p ? `${Math.round(p.off)} km` : "too far";
        if (hasSize(s)) {
          warnings.push(`${s.id}: ${off} off route ${g.routeId}; only its size is used.`);
          g.sizeOnly.push(s);
          g.members.push(s);
          associations.push({ sightingId: s.id, group: g.name, how });
        } else {
          leftOut.push({ sightingId: s.id, reason: `${off} off route ${g.routeId}` });
        }
        return;
      }
      g.positions.push({ s, km: p.km, off: p.off });
    } else {
      g.sizeOnly.push(s);
    }
    g.members.push(s);
    associations.push({ sightingId: s.id, group: g.name, how });
  }

  // Span of a group: local days of its first and last position report.
  const setSpan = (g: WorkGroup): void => {
    let first = Infinity;
    let last = -Infinity;
    for (const p of g.positions) {
      first = Math.min(first, p.s.t);
      last = Math.max(last, p.s.t);
    }
    for (const c of g.counts) {
      first = Math.min(first, c.day + 0.5);
      last = Math.max(last, c.day + 0.5);
    }
    g.day0 = Math.floor(first);
    g.nDays = Math.floor(last) - g.day0 + 1;
  };
  const kmObservations = (g: WorkGroup): KmObservation[] => {
    const obs: KmObservation[] = [];
    g.obsPosition = [];
    // Several reports naming the same town on the same day say one thing, not several.
    const seenPlace = new Set<string>();
    for (let pIndex = 0; pIndex < g.positions.length; pIndex++) {
      const p = g.positions[pIndex];
      const s = p.s;
      if (s.fromPlace && s.point) {
        const key = `${Math.floor(s.t)}|${s.point[0]}|${s.point[1]}`;
        if (seenPlace.has(key)) continue;
        seenPlace.add(key);
      }
      const offset = s.t - (g.day0 + 0.5);
      const step = Math.round(offset);
      const base = (s.fromPlace ? 8 : 4) * (POSITION_BASE_SIGMA[s.source] ?? 1.3);
      const sigma = Math.sqrt(base * base * (s.lowConfidence ? 2.25 : 1) + (0.5 * p.off) ** 2);
      const outlier = Math.min(
        0.3,
        SOURCE_PRIORS[s.source].outlier * (s.lowConfidence ? 2 : 1) + 0.02,
      );
      g.obsPosition.push(pIndex);
      obs.push({
        step,
        km: p.km,
        sigmaKm: s.fromPlace ? Math.sqrt(25 + (0.5 * p.off) ** 2) : sigma,
        outlier: Math.min(0.5, outlier * outlierScale),
        timeOffset: s.hasTime ? offset - step : undefined,
        kmRange: s.fromPlace ? placeStretch(g.routeId, p.km) : undefined,
      });
    }
    for (const c of g.counts) {
      // The group passed the point on the count's (peak) day, at an unknown time of that day.
      obs.push({ step: c.day - g.day0, km: c.km, sigmaKm: c.sigmaKm, outlier: 0.05 });
    }
    return obs;
  };
  // Outlier rates are scaled by one factor fitted to the data (EM on the outlier posteriors).
  let outlierScale = 1;
  function movementMean(): number {
    return movement.regimes.walk * movement.walkKm.mean;
  }
  const runKm = (g: WorkGroup, outlierPosteriors = true): void => {
    setSpan(g);
    g.km = smoothKm({
      nDays: g.nDays,
      routeLengthKm: index.lengthKm(g.routeId),
      observations: kmObservations(g),
      movement,
      maxCells: options.maxCells,
      outlierPosteriors,
    });
  };
  for (const g of groups) if (g.positions.length > 0) runKm(g, false);

  // 2. Unlabelled position reports: join a fitting group, else start or join a new group.
  const pool: PreparedSighting[] = [];
  const sizeOnlyUnlabelled: PreparedSighting[] = [];
  for (const s of unlabelled.sort((a, b) => a.t - b.t)) {
    if (!s.point) {
      sizeOnlyUnlabelled.push(s);
      continue;
    }
    const best = bestGroup(
      s,
      groups.filter((g) => g.km),
    );
    if (best) addMember(best, s, "associated");
    else pool.push(s);
  }
  const fresh: WorkGroup[] = [];
  for (const s of pool) {
    const cand = projections.get(s);
    if (!cand || cand.size === 0) {
      if (hasSize(s)) warnings.push(`${s.id}: off every route; size not used (no group).`);
      leftOut.push({ sightingId: s.id, reason: "no route passes near it" });
      continue;
    }
    let best: WorkGroup | undefined;
    let bestScore = Infinity;
    for (const g of fresh) {
      const p = cand.get(g.routeId);
      const last = g.positions[g.positions.length - 1];
      if (!p || p.off > maxOff || !last) continue;
      const dt = Math.max(0, s.t - last.s.t);
      const expected = last.km + movementMean() * dt;
      const lowGate = last.km - 30;
      const highGate = last.km + 40 + 450 * dt;
      if (p.km < lowGate || p.km > highGate || dt > 6) continue;
      const score = Math.abs(p.km - expected);
      if (score < bestScore) {
        bestScore = score;
        best = g;
      }
    }
    if (!best) {
      let routeId = routeIds[0];
      let bestOff = Infinity;
      for (const id of routeIds) {
        const p = cand.get(id);
        if (p && p.off < bestOff - 1e-6) {
          bestOff = p.off;
          routeId = id;
        }
      }
      if (bestOff > maxOff) {
        leftOut.push({
          sightingId: s.id,
          reason: `${Math.round(bestOff)} km off the nearest route (${routeId})`,
        });
        continue;
      }
      best = newGroup(`unlabelled-${fresh.length + 1}`, false, routeId);
      fresh.push(best);
    }
    addMember(best, s, "new_group");
  }
  // Greedy clustering splits one unlabelled group into several when reports are sparse or noisy:
  // merge new groups whose smoothed tracks run together, then let the members of one-report
  // groups join a group they fit.
  for (const g of fresh) runKm(g, false);
  const merged = new Set<WorkGroup>();
  const bySize = [...fresh].sort((a, b) => b.positions.length - a.positions.length);
  for (let i = 0; i < bySize.length; i++) {
    const a = bySize[i];
    if (merged.has(a)) continue;
    for (let j = i + 1; j < bySize.length; j++) {
      const b = bySize[j];
      if (merged.has(b) || b.routeId !== a.routeId || !tracksRunTogether(a, b)) continue;
      moveMembers(b, a);
      merged.add(b);
      runKm(a, false);
    }
  }
  for (const g of bySize) {
    if (merged.has(g) || g.positions.length !== 1 || g.sizeOnly.length > 0) continue;
    const s = g.positions[0].s;
    const others = [...groups, ...bySize].filter(
      (x) => x !== g && !merged.has(x) && x.km && x.positions.length > 1,
    );
    const target = bestGroup(s, others);
    if (target) {
      moveMembers(g, target);
      merged.add(g);
      runKm(target, false);
    }
  }
  groups.push(...fresh.filter((g) => !merged.has(g)));
  // Renumber the new groups in order of their first report.
  const kept = fresh
    .filter((g) => !merged.has(g))
    .sort((a, b) => a.day0 - b.day0 || a.positions[0].s.t - b.positions[0].s.t);
  // Two steps, so that no new name collides with an old one still in use.
  kept.forEach((g, i) => renameGroup(g, `\u0000renaming-${i}`));
  kept.forEach((g, i) => renameGroup(g, `unlabelled-${i + 1}`));

  function tracksRunTogether(a: WorkGroup, b: WorkGroup): boolean {
    if (!a.km || !b.km) return false;
    const from = Math.max(a.day0, b.day0);
    const to = Math.min(a.day0 + a.nDays, b.day0 + b.nDays) - 1;
    if (to < from) return false;
    let diff = 0;
    let tolerance = 0;
    for (let day = from; day <= to; day++) {
      const da = a.km.days[day - a.day0];
      const db = b.km.days[day - b.day0];
      diff += Math.abs(da.median - db.median);
      tolerance += (da.high - da.low) / 2 + (db.high - db.low) / 2 + 20;
    }
    return diff < tolerance;
  }
  function moveMembers(from: WorkGroup, to: WorkGroup): void {
    const moved = new Set(from.members.map((s) => s.id));
    for (const a of associations)
      if (a.group === from.name && moved.has(a.sightingId)) a.group = to.name;
    to.members.push(...from.members);
    to.sizeOnly.push(...from.sizeOnly);
    for (const p of from.positions) {
      const q = projections.get(p.s)?.get(to.routeId);
      if (q) to.positions.push({ s: p.s, km: q.km, off: q.off });
    }
    to.positions.sort((x, y) => x.s.t - y.s.t);
  }
  function renameGroup(g: WorkGroup, name: string): void {
    if (g.name === name) return;
    for (const a of associations) if (a.group === g.name) a.group = name;
    g.name = name;
  }

  // 3. Border counts: attributed to the group passing the point.
  for (const g of groups) if (g.positions.length > 0) runKm(g);
  const countResult = attributeCounts(
    dataset.counts,
    groups
      .filter((g) => g.km)
      .map((g) => ({
        key: g.name,
        routeId: g.routeId,
        day0: g.day0,
        days: g.km?.days ?? [],
      })),
    index,
    gazetteer,
    timeZone,
    asOfT ?? Infinity,
  );
  for (const e of countResult.evidence) {
    const g = groups.find((x) => x.name === e.group);
    if (g) g.counts.push(e);
  }

  // 4. Regime shares: one EM step (pooled over groups, on the pass that placed the counts), then
  // the final km pass with the counts' passage-time evidence.
  const active = groups.filter((g) => g.positions.length > 0 || g.counts.length > 0);
  if (options.fitRegimes !== false) {
    const totals = [0, 0, 0];
    for (const g of active) {
      const rd = g.km?.regimeDays ?? [0, 0, 0];
      for (let r = 0; r < 3; r++) totals[r] += rd[r];
    }
    // Dirichlet prior: 20 pseudo-days at the prior shares, so a short dataset stays near them.
    const prior = options.movement ?? defaultEstimatorMovement();
    const pseudo = 20;
    const sum = totals[0] + totals[1] + totals[2] + pseudo;
    const shares = REGIMES.map((r, i) => (totals[i] + pseudo * prior.regimes[r]) / sum);
    // Walking speed: moves between well-located days that were surely walks, with a prior of
    // 10 walking days at the prior speed.
    let w = 0;
    let sum1 = 0;
    let sum2 = 0;
    for (const g of active) {
      const km = g.km;
      if (!km) continue;
      for (let k = 1; k < km.days.length; k++) {
        const pWalk = km.regimeByDay[k * 3 + 1];
        const a = km.days[k - 1];
        const b = km.days[k];
        if (pWalk < 0.7 || a.sd > 12 || b.sd > 12) continue;
        const move = b.mean - a.mean;
        w += pWalk;
        sum1 += pWalk * move;
        sum2 += pWalk * move * move;
      }
    }
    const pw = 10;
    const walkMean = (sum1 + pw * prior.walkKm.mean) / (w + pw);
    const walkVar =
      (sum2 + pw * (prior.walkKm.sd ** 2 + prior.walkKm.mean ** 2)) / (w + pw) - walkMean ** 2;
    movement = {
      ...movement,
      regimes: {
        rest: Math.max(0.02, shares[0]),
        walk: Math.max(0.02, shares[1]),
        ride: Math.max(0.02, shares[2]),
      },
      walkKm: {
        mean: Math.min(80, Math.max(10, walkMean)),
        sd: Math.min(30, Math.max(5, Math.sqrt(Math.max(0, walkVar)))),
      },
    };
  }
  // Outlier rate: one EM step on the posterior outlier probabilities of the position reports.
  {
    let prior = 0;
    let post = 0;
    for (const g of active) {
      const obs = kmObservations(g);
      obs.forEach((o, i) => {
        prior += o.outlier;
        post += g.km?.outlierProb[i] ?? o.outlier;
      });
    }
    // Shrunk towards 1 by two pseudo-outliers, so a few reports cannot make it extreme.
    if (prior > 0) outlierScale = Math.min(3, Math.max(0.5, (post + 2) / (prior + 2)));
  }
  for (const g of active) runKm(g);
  const associationOf = new Map<string, Association>();
  for (const a of associations) associationOf.set(`${a.sightingId}\u0000${a.group}`, a);
  for (const g of groups) {
    if (!g.km) continue;
    (g.obsPosition ?? []).forEach((pi, i) => {
      const p = g.positions[pi];
      if (!p) return;
      const a = associationOf.get(`${p.s.id}\u0000${g.name}`);
      if (a) a.outlierProb = round3(g.km?.outlierProb[i] ?? 0);
    });
  }

  // 5. Size-only unlabelled reports: the group active that day, when exactly one is.
  for (const s of sizeOnlyUnlabelled) {
    const day = Math.floor(s.t);
    const activeThen = groups.filter((g) => g.km && day >= g.day0 - 1 && day <= g.day0 + g.nDays);
    if (activeThen.length === 1) {
      activeThen[0].sizeOnly.push(s);
      activeThen[0].members.push(s);
      associations.push({ sightingId: s.id, group: activeThen[0].name, how: "size_only" });
    } else {
      leftOut.push({
        sightingId: s.id,
        reason:
          activeThen.length === 0
            ? "a size without place or caravan_label, and no group is active that day"
            : `a size without place or caravan_label, and ${activeThen.length} groups are active that day`,
      });
    }
  }
  const tracked = groups.filter((g) => g.km);
  const untracked = new Set<string>();
  for (const g of groups) {
    if (g.km) continue;
    for (const s of g.members) {
      untracked.add(s.id);
      leftOut.push({
        sightingId: s.id,
        reason: `no position report of group "${g.name}" is usable, so it has no track`,
      });
    }
  }

  if (untracked.size > 0) {
    const kept = associations.filter((a) => !untracked.has(a.sightingId));
    associations.length = 0;
    associations.push(...kept);
  }

  // 6. Sizes: smooth, fit source biases on the residuals, repeat.
  const drifts = stockDrift(dataset.stocks, timeZone, asOfT ?? Infinity);
  let fitted = new Map<BiasSource, SourceBias>();
  let levelSd = 0.15;
  const sizePriors: (SizePrior & { group: string })[] = [];
  const sizeObs = (g: WorkGroup): { obs: SizeObservation[]; src: BiasSource[] } => {
    const obs: SizeObservation[] = [];
    const src: BiasSource[] = [];
    const last = g.nDays - 1;
    for (const s of g.members) {
      if (!hasSize(s)) continue;
      const b = biasFor(s.source, fitted);
      let step = s.t - (g.day0 + 0.5);
      const outside = step < -0.5 ? -0.5 - step : step > last + 0.5 ? step - last - 0.5 : 0;
      step = Math.min(last, Math.max(0, step));
      obs.push({
        step,
        logValue: s.logValue,
        logLow: s.logLow,
        logHigh: s.logHigh,
        bias: b.bias,
        sigma: Math.sqrt(b.spread ** 2 * (s.lowConfidence ? 1.5 : 1) + (0.05 * outside) ** 2),
        outlier: b.outlier,
      });
      src.push(s.source);
    }
    for (const c of g.counts) {
      if (!(c.total > 0)) continue;
      const b = biasFor("border_count", fitted);
      obs.push({
        step: Math.min(last, Math.max(0, c.day - g.day0)),
        logValue: Math.log(c.total),
        bias: b.bias,
        sigma: b.spread,
        outlier: b.outlier,
      });
      src.push("border_count");
    }
    return { obs, src };
  };
  const withSize = tracked.filter((g) => sizeObs(g).obs.length > 0);
  // Until a first size estimate turns stock figures into losses: slow attrition.
  for (const g of withSize) g.drift = new Array<number>(g.nDays).fill(DEFAULT_DRIFT);
  const iterations = 3;
  for (let it = 0; it < iterations; it++) {
    const residuals: BiasResidual[] = [];
    for (const g of withSize) {
      const { obs, src } = sizeObs(g);
      g.size = smoothSize({ nDays: g.nDays, observations: obs, drift: g.drift, levelSd: 0 });
      obs.forEach((o, i) => {
        if (o.logValue === undefined || !g.size) return;
        const day = g.size[Math.round(o.step)];
        // Leverage: the fit leans towards each report; inflate its residual by 1/√(1 − h).
        const h = Math.min(0.8, day.logSd ** 2 / (o.sigma ** 2 + 1e-9));
        const e = o.logValue - day.logMean - o.bias;
        residuals.push({ source: src[i], residual: o.bias + e / Math.sqrt(1 - h) });
      });
    }
    const fit = fitSourceBiases(residuals, fitted.size ? fitted : undefined);
    fitted = fit.biases;
    levelSd = fit.levelSd;
    if (it === 0) {
      // Stock figures need a first size estimate to turn people lost into a log drift.
      for (const g of withSize) {
        g.drift = drifts.driftFor(g.name, g.day0, g.nDays, g.size ?? [], tracked.length);
      }
    }
  }
  // A proper prior on each group's size, fitted from the other groups' figures (sizePrior.ts):
  // without it a group known only by "at least 150" would be unbounded above.
  const summaries: GroupSizeSummary[] = [];
  for (const g of withSize) {
    const pinned = sizeObs(g).obs.some(
      (o) => o.logValue !== undefined || (o.logLow !== undefined && o.logHigh !== undefined),
    );
    if (!pinned || !g.size) continue;
    // The group's best-informed day (smallest posterior sd) from the fit without the prior.
    const best = g.size.reduce((a, b) => (b.logSd < a.logSd ? b : a));
    summaries.push({ group: g.name, logMean: best.logMean, logSd: best.logSd });
  }
  const priors = sizePriorsLeaveOneOut(
    withSize.map((g) => g.name),
    summaries,
  );
  for (const g of withSize) {
    const prior = priors.get(g.name) ?? fallbackSizePrior();
    sizePriors.push({
      group: g.name,
      logMean: round3(prior.logMean),
      logSd: round3(prior.logSd),
      groups: prior.groups,
    });
    g.size = smoothSize({
      nDays: g.nDays,
      observations: sizeObs(g).obs,
      drift: g.drift,
      levelSd,
      prior,
    });
  }

  // 7. Tracks, groups, state.
  const tracks: TrackPoint[] = [];
  const outGroups: EstimatedGroup[] = [];
  const state: GroupState[] = [];
  for (const g of tracked.sort((a, b) => a.day0 - b.day0 || (a.name < b.name ? -1 : 1))) {
    const km = g.km as KmSmootherResult;
    const routeLength = index.lengthKm(g.routeId);
    for (let k = 0; k < g.nDays; k++) {
      const d = km.days[k];
      const position: LonLat = index.along(g.routeId, d.median);
      const size = g.size?.[k];
      tracks.push({
        group: g.name,
        date: dayToIsoDate(g.day0 + k),
        routeId: g.routeId,
        km: Math.min(routeLength, round1(d.median)),
        // Bounds rounded outwards, so rounding never makes an interval miss.
        kmLow: Math.max(0, Math.floor(Math.min(d.low, d.median) * 10) / 10),
        kmHigh: Math.min(routeLength, Math.ceil(Math.max(d.high, d.median) * 10) / 10),
        lat: round5(position[1]),
        lon: round5(position[0]),
        size: size ? Math.round(size.median) : NaN,
        sizeLow: size ? Math.floor(Math.min(size.low, size.median)) : NaN,
        sizeHigh: size ? Math.ceil(Math.max(size.high, size.median)) : NaN,
      });
    }
    outGroups.push({
      group: g.name,
      routeId: g.routeId,
      firstDate: dayToIsoDate(g.day0),
      lastDate: dayToIsoDate(g.day0 + g.nDays - 1),
      sightings: g.members.map((s) => s.id),
      labelled: g.labelled,
    });
    const last = km.days[g.nDays - 1];
    state.push({
      group: g.name,
      routeId: g.routeId,
      routeLengthKm: index.lengthKm(g.routeId),
      date: dayToIsoDate(g.day0 + g.nDays - 1),
      km: last,
      regime: { rest: km.finalRegime[0], walk: km.finalRegime[1], ride: km.finalRegime[2] },
      size: g.size?.[g.nDays - 1],
      movement,
    });
  }
  const sourceBiases = [...fitted.values()]
    .map((b) => ({ ...b, bias: round3(b.bias), spread: round3(b.spread) }))
    .sort((a, b) => a.sourceType.localeCompare(b.sourceType));
  return {
    tracks,
    groups: outGroups,
    state,
    report: {
      associations,
      leftOut,
      sourceBiases,
      sizeLevelSd: round3(levelSd),
      sizePriors,
      movement,
      counts: countResult.used,
      countsLeftOut: countResult.leftOut,
      afterAsOf,
      warnings,
    },
  };

  function bestGroup(s: PreparedSighting, candidates: WorkGroup[]): WorkGroup | undefined {
    let best: WorkGroup | undefined;
    let bestZ = Infinity;
    const cand = projections.get(s);
    if (!cand) return undefined;
    for (const g of candidates) {
      const p = cand.get(g.routeId);
      if (!p || p.off > maxOff || !g.km) continue;
      const step = s.t - (g.day0 + 0.5);
      const k = Math.round(step);
      const outside = k < 0 ? -k : k > g.nDays - 1 ? k - (g.nDays - 1) : 0;
      if (outside > 3) continue;
      const d = g.km.days[Math.min(g.nDays - 1, Math.max(0, k))];
      // Outside the span the group may have moved: before it, not more than rides allow.
      const lo = d.low - (k < 0 ? 450 * outside : 0) - 15;
      const hi = d.high + (k > g.nDays - 1 ? 450 * outside : 0) + 15;
      if (p.km < lo || p.km > hi) continue;
      const half = Math.max(10, (d.high - d.low) / 2);
      const z = Math.abs(p.km - d.median) / half + outside * 0.5;
      if (z < bestZ) {
        bestZ = z;
        best = g;
      }
    }
    return best;
  }
}

function chooseRoute(
  positioned: PreparedSighting[],
  routeIds: readonly string[],
  projections: Map<PreparedSighting, Map<string, { km: Km; off: Km }>>,
): string {
  let bestId = routeIds[0];
  let bestCost = Infinity;
  for (const id of routeIds) {
    let cost = 0;
    for (const s of positioned) cost += Math.min(projections.get(s)?.get(id)?.off ?? 200, 200);
    // Ties (shared road) go to the earlier route: a new route must be better by 1 km in total.
    if (cost < bestCost - 1) {
      bestCost = cost;
      bestId = id;
    }
  }
  return bestId;
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
function round5(x: number): number {
  return Math.round(x * 1e5) / 1e5;
}
