/**
 * Position of one group along its route, day by day: an exact forward–backward smoother of a
 * regime-switching hidden Markov model on a grid of km (a discretised "jump" Markov model).
 *
 * State on day k: (x_k, r_k) — km along the route at 12:00 local, and the regime of the move that
 * brought the group there (rest / walk / ride, see movement.ts). Transition:
 * `x_k = min(x_{k−1} + D_k, end)` with D_k ≥ 0 drawn from the regime's displacement law, so
 * progress is monotone (the isotonic constraint of PAVA holds by construction rather
 * than by a PAVA post-pass) and rides of hundreds of km are ordinary events, not outliers.
 * Observation of a report: a robust mixture `(1−ε)·N(z; x, σ²) + ε·Uniform(route)`, so a stale or
 * misplaced report cannot drag the track (docs/estimation.md#position: the Kalman/RTS smoother with a constant
 * velocity cannot represent rest days and bus days; a regime HMM can).
 *
 * Why a grid rather than particles: the state is one-dimensional, so forward–backward on ~1,000
 * cells is exact (no Monte Carlo noise, no particle degeneracy in the smoother) and fast, because
 * every displacement law is a short dense kernel (walk) or a box (ride), and a box convolves in
 * O(cells) with prefix sums. Intervals are quantiles of the exact posterior marginals.
 * References: Rabiner (1989) forward–backward; Murphy (2012) §17.4 (HMM smoothing).
 */
import type { Km } from "../model/units.ts";
import {
  dateOnlyOffsets,
  dayKernels,
  densityShape,
  REGIMES,
  regimeTransitions,
} from "../movement/index.ts";
import { boxesDensity, reportBoxes } from "../movement/density.ts";
import type { DensityShape } from "../movement/density.ts";
import type { Kernel, MovementModel } from "../movement/index.ts";
import { normalCdf, Z90 } from "../util/normal.ts";

/** One position report: km along the route on day `step` (0 = first day of the track). */
export interface KmObservation {
  step: number;
  km: Km;
  /** Standard deviation of the report around the true km at 12:00 that day (km). */
  sigmaKm: Km;
  /** Prior probability that the report is wrong altogether (outlier, 0–1). */
  outlier: number;
  /**
   * When the report was made, in days' moves from 12:00 of day `step` (src/movement/withinDay.ts
   * `moveOffsetFromNoon`: −0.5 before the day's move starts, +0.5 after it ends under the
   * 04:00–20:00 ramp); a date-only report's is `dateOnlyReportOffset`; `undefined` when the time
   * is not known at all (a count's passage: a mix over the hours). A report after the move sits
   * ahead of the noon position by a share of the next day's move, one before it behind by a share
   * of that day's move; the likelihood mixes over the regimes' displacement laws accordingly.
   */
  timeOffset?: number;
  /**
   * A report that only says "somewhere between these km" (e.g. a town name: the group was nearer
   * to that town than to any other, so anywhere in its stretch of road). `km` is then ignored and
   * `sigmaKm` softens the edges. Repeated reports of one town then do not pile up into false
   * certainty, as repeated point reports of the town's centre would.
   */
  kmRange?: [Km, Km];
  /**
   * Other readings of the report, each with its probability (summing to less than 1; the report
   * as given takes the rest): e.g. a report that names no part may describe the vanguard, so the
   * median person is somewhere behind it. Each is a stretch the quantity lies in, read like
   * `kmRange`. A mixture likelihood (posterior responsibilities are never committed to).
   */
  alternatives?: readonly KmAlternative[];
  /**
   * A scale mixture of the report's own noise: with probability `weight` its sd is `sigmaKm`
   * instead of the observation's `sigmaKm` (same place, same hour, same stretch). A report of one
   * person of a body read with a core (the bulk near the median person) and broad tails (people
   * strung out ahead or behind): heavy tails make the track the median of such reports rather
   * than their mean (positions.ts BODY_SCALE_MIXTURE).
   */
  core?: { weight: number; sigmaKm: Km };
  /**
   * The leave-one-out score reads the report's own spread as the mixture of all its readings, not
   * the reading as given (positions.ts figureMixture: a report of a small share of the group may
   * lie far from the median person without surprise, as its part reading says).
   */
  scoreMixture?: boolean;
}

/** One alternative reading of a report (see KmObservation.alternatives). */
export interface KmAlternative {
  /** Probability of this reading (0–1). */
  weight: number;
  kmRange: [Km, Km];
  /** Sd (km) of the stretch's soft edges; the observation's `sigmaKm` when not given. */
  sigmaKm?: Km;
}

export interface KmSmootherInput {
  /** Number of days of the track (steps 0…nDays−1). */
  nDays: number;
  /** Length of the route (km): the last vertex absorbs. */
  routeLengthKm: Km;
  observations: readonly KmObservation[];
  movement: MovementModel;
  /** Grid cells at most (default 900); the cell size follows from the km span covered. */
  maxCells?: number;
  /** Compute each report's posterior outlier probability (default true; costs one more pass). */
  outlierPosteriors?: boolean;
  /**
   * Km of road the grid reaches beyond the last report (default 150). A track that continues for
   * days after its last report needs room to move on; the grid's last cell absorbs, so too short
   * a grid would stop the group where the grid ends instead of where the route does.
   */
  padAheadKm?: Km;
}

/** Posterior of the km of a group at 12:00 on one day. */
export interface KmDayEstimate {
  median: Km;
  /** 5 % and 95 % quantiles: the 90 % interval. */
  low: Km;
  high: Km;
  mean: Km;
  sd: Km;
}

/**
 * A report's leave-one-out check (KmSmootherResult.loo) and the variances it was read from, in
 * km²: `miss` the squared distance of the report's reading from the prediction's mean ÷ Z90²,
 * `post` the day's posterior variance without the report, `own` what the report's own reading
 * adds (its noise, a stretch's width, alternative readings), `noise` the part of `own` that is the
 * report's noise (its sd, body reading and cell included). The report falls inside its 90 %
 * predictive interval when miss ≤ post + own. The self-calibration reads the report's noise scale
 * from them (calibrate.ts `noiseScales`).
 */
export interface LooScoreOfReport {
  score: number;
  weight: number;
  side?: number;
  parts?: { miss: number; post: number; own: number; noise: number };
}

export interface KmSmootherResult {
  days: KmDayEstimate[];
  /** P(regime of the move into the last day), in the order rest, walk, ride. */
  finalRegime: [number, number, number];
  /** Expected number of days in each regime (moves 1…n−1), for fitting the regime shares (EM). */
  regimeDays: [number, number, number];
  /** P(regime of the move into day k) for every day, 3 per day (rest, walk, ride). */
  regimeByDay: Float64Array;
  /** Posterior probability that each observation is an outlier, in input order. */
  outlierProb: number[];
  /**
   * Leave-one-out check of each observation, in input order (with `outlierPosteriors`): the
   * day's posterior with the report's own likelihood divided out predicts the report; `score` is
   * the factor by which that posterior's spread must grow for the report to fall inside its
   * central 90 % predictive interval (0 when the report's own noise covers it), `weight` the
   * probability that the report is not an outlier under that prediction, `side` +1 when the
   * report lies ahead of the prediction's mean, −1 behind (0 on the mean).
   */
  loo: LooScoreOfReport[];
  /**
   * The same check a day at a time (with `outlierPosteriors`), one per day with two reports or
   * more: the day's posterior with all of that day's reports divided out predicts their pooled
   * reading (each weighted by its precision and its chance of not being an outlier), whose own
   * spread is that of a mean of independent reports. Reports of one day that err together (all at
   * the vanguard, all snapped to one town) each fall well within their own noise, so that the
   * report-by-report scores stay 0; their mean misses by more than independent reports would.
   */
  dayLoo: { score: number; weight: number }[];
  /** Cell size used (km). */
  cellKm: Km;
}

/** out = K ⊛ input (push forward), displacements beyond the last cell land on the last cell. */
export function convolveForward(
  input: Float64Array,
  kernel: Kernel,
  out: Float64Array,
  diff: Float64Array,
): void {
  const n = input.length;
  const last = n - 1;
  out.fill(0);
  const dense = kernel.dense;
  const m = dense.length;
  for (let i = 0; i < n; i++) {
    const v = input[i];
    if (v === 0) continue;
    const lim = Math.min(m, last - i);
    for (let d = 0; d < lim; d++) out[i + d] += v * dense[d];
    for (let d = Math.max(0, lim); d < m; d++) out[last] += v * dense[d];
  }
  for (const box of kernel.boxes) {
    const width = box.to - box.from + 1;
    diff.fill(0);
    for (let i = 0; i < n; i++) {
      const v = input[i];
      if (v === 0) continue;
      const per = (v * box.weight) / width;
      const start = i + box.from;
      const end = i + box.to;
      if (start < last) {
        diff[start] += per;
        const stop = Math.min(end, last - 1);
        diff[stop + 1] -= per;
      }
      const beyond = end - Math.max(start, last) + 1;
      if (beyond > 0) out[last] += per * beyond;
    }
    let run = 0;
    for (let j = 0; j < last; j++) {
      run += diff[j];
      out[j] += run;
    }
  }
}

/** out[i] = Σ_d K(d) · g[min(i + d, last)] (the adjoint of convolveForward). */
function correlateBackward(
  g: Float64Array,
  kernel: Kernel,
  out: Float64Array,
  prefix: Float64Array,
): void {
  const n = g.length;
  const last = n - 1;
  const dense = kernel.dense;
  const m = dense.length;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let d = 0; d < m; d++) s += dense[d] * g[i + d < last ? i + d : last];
    out[i] = s;
  }
  if (kernel.boxes.length === 0) return;
  // prefix[j] = Σ_{k<j} g[k] for k < last
  prefix[0] = 0;
  for (let j = 0; j < last; j++) prefix[j + 1] = prefix[j] + g[j];
  for (const box of kernel.boxes) {
    const width = box.to - box.from + 1;
    const w = box.weight / width;
    for (let i = 0; i < n; i++) {
      const start = i + box.from;
      const end = i + box.to;
      let s = 0;
      if (start < last) s += prefix[Math.min(end, last - 1) + 1] - prefix[start];
      const beyond = end - Math.max(start, last) + 1;
      if (beyond > 0) s += g[last] * beyond;
      out[i] += w * s;
    }
  }
}

/**
 * Smooths the km of one group over `nDays` days from its position reports.
 *
 * Cost: O(days × cells × (walk kernel + 3)) ≈ a few ms for a 60-day track on 900 cells.
 * @returns per-day posterior summaries (median, 90 % interval, mean, sd) and the final regime.
 * @example
 * const movement = defaultMovementModel();
 * const r = smoothKm({ nDays: 3, routeLengthKm: 1000, movement, observations: [
 *   { step: 0, km: 0, sigmaKm: 5, outlier: 0.05 }, { step: 2, km: 80, sigmaKm: 5, outlier: 0.05 }] });
 * r.days[1].median; // ≈ 40
 */
export function smoothKm(input: KmSmootherInput): KmSmootherResult {
  const grid = kmGrid(input);
  const model = likelihoodModel(input, grid);
  const kernels = dayKernels(input.movement, grid.cellKm);
  const { alpha, lik } = forwardPass(input, grid, model, kernels);
  return backwardPass(input, grid, model, kernels, alpha, lik);
}

/** The km grid of one smoother run: [lo, hi] in `n` cells of `cellKm`. */
interface KmGrid {
  lo: Km;
  hi: Km;
  cellKm: Km;
  n: number;
  routeEnd: Km;
}

/** The grid spans the reports, 150 km either side (more ahead when asked), within the route. */
function kmGrid(input: KmSmootherInput): KmGrid {
  const routeEnd = Math.max(1, input.routeLengthKm);
  let minObs = Infinity;
  let maxObs = -Infinity;
  for (const o of input.observations) {
    minObs = Math.min(minObs, o.kmRange ? o.kmRange[0] : o.km);
    maxObs = Math.max(maxObs, o.kmRange ? o.kmRange[1] : o.km);
  }
  if (!Number.isFinite(minObs)) {
    minObs = 0;
    maxObs = routeEnd;
  }
  const pad = 150;
  const lo = Math.max(0, Math.min(minObs, routeEnd) - pad);
  const hi = Math.min(routeEnd, Math.max(maxObs, 0) + Math.max(pad, input.padAheadKm ?? pad));
  const maxCells = input.maxCells ?? 900;
  const cellKm = Math.max(0.5, (hi - lo) / maxCells);
  const n = Math.max(2, Math.ceil((hi - lo) / cellKm));
  return { lo, hi, cellKm, n, routeEnd };
}

/** The reports' likelihood over the grid, day by day, and each report's outlier posterior. */
interface LikelihoodModel {
  byStep: KmObservation[][];
  /** Fills `out` with the day's likelihood over cells (scaled); false when no report that day. */
  like(step: number, out: Float64Array): boolean;
  /** Posterior probability that `o` is an outlier, given the day's posterior over cells. */
  outlierPosterior(o: KmObservation, post: Float64Array): number;
  /** Leave-one-out score of `o` from the day's posterior (see KmSmootherResult.loo). */
  looScore(o: KmObservation, post: Float64Array): LooScoreOfReport;
  /** Leave-the-day-out score of a day's reports (see KmSmootherResult.dayLoo). */
  dayLooScore(obs: readonly KmObservation[], post: Float64Array): { score: number; weight: number };
}

/**
 * Density of "somewhere in a…b" with soft edges of sd `s`, without the hour of the report: an
 * alternative reading (KmObservation.alternatives) is a stretch of hundreds of km, next to which a
 * day's move is small.
 */
function stretchDensity(a: number, b: number, x: number, s: number): number {
  return b - a < s
    ? Math.exp(-0.5 * ((x - (a + b) / 2) / s) ** 2) / (s * 2.5066282746310002)
    : (normalCdf((x - a) / s) - normalCdf((x - b) / s)) / (b - a);
}

/**
 * f at the centres of cells j0…j1 of `grid`, times `scale`, added into `out`. A vague reading's
 * density is smooth at the scale of its sd: computed every `stride` cells (a fifth of an sd) and
 * interpolated linearly.
 */
function addInterpolated(
  out: Float64Array,
  grid: KmGrid,
  f: (x: number) => number,
  sd: number,
  j0: number,
  j1: number,
  scale: number,
): void {
  const { lo, cellKm } = grid;
  const stride = Math.max(1, Math.floor(sd / (5 * cellKm)));
  let prevJ = j0;
  let prevV = scale * f(lo + (j0 + 0.5) * cellKm);
  out[j0] += prevV;
  for (let j = j0 + stride; ; j += stride) {
    const at = Math.min(j, j1);
    if (at <= prevJ) break;
    const v = scale * f(lo + (at + 0.5) * cellKm);
    for (let i = prevJ + 1; i <= at; i++)
      out[i] += prevV + ((v - prevV) * (i - prevJ)) / (at - prevJ);
    prevJ = at;
    prevV = v;
  }
}

/**
 * Density of one reading of report `o`: somewhere in zlo…zhi (a point when equal), at the hour it
 * was made, else averaged over the hours of a date-only report. Its boxes are built once.
 */
function readingDensity(
  shape: DensityShape,
  o: KmObservation,
  zlo: number,
  zhi: number,
  sigma: number,
): (x: number) => number {
  // A report much vaguer than a day's walk: the hour it was made hardly matters (one evaluation
  // at the hours' mean instead of three).
  const hours =
    o.timeOffset !== undefined
      ? [o.timeOffset]
      : sigma > 2 * shape.walkMean
        ? [UNKNOWN_TIME_MEAN]
        : UNKNOWN_TIME;
  const boxes = hours.map((f) => scaleMixtureBoxes(shape, o, zlo, zhi, sigma, f));
  if (boxes.length === 1) {
    const b = boxes[0];
    return (x) => boxesDensity(b, x);
  }
  return (x) => {
    let total = 0;
    for (let i = 0; i < boxes.length; i++) total += boxesDensity(boxes[i], x);
    return total / boxes.length;
  };
}

/**
 * The boxes of one reading of `o` at hour offset `f` (movement/density.ts reportBoxes), of its
 * noise `sigma`, or of its scale mixture (KmObservation.core) with the core's sd, in the same
 * cell-smoothed terms (the cell's own spread added as for `sigma`).
 */
function scaleMixtureBoxes(
  shape: DensityShape,
  o: KmObservation,
  zlo: number,
  zhi: number,
  sigma: number,
  f: number,
): Float64Array {
  const broad = reportBoxes(shape, zlo, zhi, sigma, f);
  const core = o.core;
  if (!core || !(core.weight > 0)) return broad;
  const cellVar = Math.max(0, sigma * sigma - Math.max(o.sigmaKm, 0.1) ** 2);
  const sc = Math.sqrt(Math.max(core.sigmaKm, 0.1) ** 2 + cellVar);
  const narrow = reportBoxes(shape, zlo, zhi, sc, f);
  const out = new Float64Array(broad.length + narrow.length);
  out.set(broad);
  out.set(narrow, broad.length);
  for (let i = 0; i < broad.length; i += 4) out[i] *= 1 - core.weight;
  for (let i = broad.length; i < out.length; i += 4) out[i] *= core.weight;
  return out;
}

/**
 * Cells of `grid` where report `o` (noise sd `sigma`) can matter, with its alternative readings
 * unless `alternatives` is false; outside, only its outlier term is left.
 */
function reportSupport(
  grid: KmGrid,
  shape: DensityShape,
  o: KmObservation,
  sigma: number,
  alternatives: boolean,
): [number, number] {
  const { lo, cellKm, n } = grid;
  const ahead = o.timeOffset === undefined ? UNKNOWN_AHEAD : Math.max(0, o.timeOffset);
  const behind = o.timeOffset === undefined ? UNKNOWN_BEHIND : Math.max(0, -o.timeOffset);
  let zlo = o.kmRange ? o.kmRange[0] : o.km;
  let zhi = o.kmRange ? o.kmRange[1] : o.km;
  for (const a of alternatives ? (o.alternatives ?? []) : []) {
    zlo = Math.min(zlo, a.kmRange[0]);
    zhi = Math.max(zhi, a.kmRange[1]);
  }
  const from = zlo - ahead * shape.longMax - 7 * sigma;
  const to = zhi + behind * shape.longMax + 7 * sigma;
  return [
    Math.max(0, Math.floor((from - lo) / cellKm)),
    Math.min(n - 1, Math.ceil((to - lo) / cellKm)),
  ];
}

function likelihoodModel(input: KmSmootherInput, grid: KmGrid): LikelihoodModel {
  const { nDays, movement } = input;
  const { lo, cellKm, n } = grid;
  const byStep: KmObservation[][] = Array.from({ length: nDays }, () => []);
  input.observations.forEach((o) => {
    const s = Math.min(nDays - 1, Math.max(0, Math.round(o.step)));
    byStep[s].push(o);
  });
  const uniformDensity = 1 / grid.routeEnd;
  const walk = movement.walkKm;
  // The movement model's density form (src/movement/density.ts).
  const shape = densityShape(movement);
  const support = (o: KmObservation, sigma: number, alternatives = true): [number, number] =>
    reportSupport(grid, shape, o, sigma, alternatives);
  // Density at the cell centre with the cell's own spread added (uniform within the cell).
  const cellSigma = (o: KmObservation): number =>
    Math.sqrt(Math.max(o.sigmaKm, 0.1) ** 2 + (cellKm * cellKm) / 12);
  const densities = new Float64Array(n);
  /** The density of a good report `o` on cells j0…j1 into `densities` (its readings mixed). */
  const fill = (o: KmObservation, sigma: number, j0: number, j1: number): void => {
    densities.fill(0, j0, j1 + 1);
    const zlo = o.kmRange ? o.kmRange[0] : o.km;
    const zhi = o.kmRange ? o.kmRange[1] : o.km;
    const main = readingDensity(shape, o, zlo, zhi, sigma);
    // Interpolated at the scale of its narrower part when it is a scale mixture.
    const core = o.core && o.core.weight > 0 ? o.core : undefined;
    const fine = core ? Math.min(sigma, cellSigma({ ...o, sigmaKm: core.sigmaKm })) : sigma;
    if (!o.alternatives || o.alternatives.length === 0) {
      addInterpolated(densities, grid, main, fine, j0, j1, 1);
      return;
    }
    let rest = 1;
    for (const a of o.alternatives) {
      rest -= a.weight;
      const [a0, a1] = a.kmRange;
      const own = a.sigmaKm === undefined ? sigma : cellSigma({ ...o, sigmaKm: a.sigmaKm });
      const soft = Math.max(own, walk.mean);
      // Smooth at the scale of its soft edges: evaluated every half of that.
      const f = (x: number): number => stretchDensity(a0, a1, x, soft);
      addInterpolated(densities, grid, f, 2.5 * soft, j0, j1, a.weight);
    }
    const [m0, m1] = support(o, sigma, false);
    const from = Math.max(j0, m0);
    const to = Math.min(j1, m1);
    if (to >= from && rest > 0) addInterpolated(densities, grid, main, fine, from, to, rest);
  };
  // The forward pass keeps each report's density on its support (cells j0…j1) for the backward
  // pass's outlier posterior and leave-one-out score, which would otherwise compute it twice more
  // (the smoother's most expensive part). Only kept when those are asked for.
  const keep = input.outlierPosteriors !== false;
  const kept = new Map<KmObservation, Float64Array>();
  /** The density of good report `o` on cells j0…j1, indexed from j0. */
  const goodDensity = (o: KmObservation, sigma: number, j0: number, j1: number): Float64Array => {
    const hit = kept.get(o);
    if (hit) return hit;
    fill(o, sigma, j0, j1);
    return densities.subarray(j0, j1 + 1);
  };
  return {
    byStep,
    like(step, out) {
      const obs = byStep[step];
      if (obs.length === 0) return false;
      out.fill(1);
      for (const o of obs) {
        const sigma = cellSigma(o);
        const eps = Math.max(1e-4, o.outlier);
        const base = eps * uniformDensity;
        const [j0, j1] = support(o, sigma);
        const d = goodDensity(o, sigma, j0, j1);
        if (keep) kept.set(o, d.slice());
        // Outside the support only the outlier term is left; everything is scaled by 1/base.
        for (let j = j0; j <= j1; j++) out[j] *= 1 + ((1 - eps) * d[j - j0]) / base;
      }
      return true;
    },
    outlierPosterior(o, post) {
      const sigma = cellSigma(o);
      const [j0, j1] = support(o, sigma);
      const d = goodDensity(o, sigma, j0, j1);
      let good = 0;
      for (let j = j0; j <= j1; j++) good += post[j] * d[j - j0];
      good *= 1 - o.outlier;
      const bad = o.outlier * uniformDensity;
      return bad / (good + bad);
    },
    looScore(o, post) {
      const sigma = cellSigma(o);
      const eps = Math.max(1e-4, o.outlier);
      const base = eps * uniformDensity;
      const [j0, j1] = support(o, sigma);
      const d = goodDensity(o, sigma, j0, j1);
      // The day's posterior without this report: divide its (scaled) likelihood out.
      let mass = 0;
      let m1 = 0;
      let m2 = 0;
      let good = 0;
      for (let j = 0; j < n; j++) {
        const inside = j >= j0 && j <= j1;
        const q = inside ? post[j] / (1 + ((1 - eps) * d[j - j0]) / base) : post[j];
        const x = lo + (j + 0.5) * cellKm;
        mass += q;
        m1 += q * x;
        m2 += q * x * x;
        if (inside) good += q * d[j - j0];
      }
      if (!(mass > 0)) return { score: 0, weight: 0, side: 0 };
      const mean = m1 / mass;
      const v = Math.max(m2 / mass - mean * mean, (cellKm * cellKm) / 12);
      const goodPart = ((1 - eps) * good) / mass;
      const weight = goodPart / (goodPart + eps * uniformDensity);
      const [centre, own, noise] = ownSpread(o, sigma);
      const miss = (Math.abs(centre - mean) / Z90) ** 2;
      const need = miss - own;
      return {
        score: need > 0 ? Math.sqrt(need / v) : 0,
        weight,
        side: Math.sign(centre - mean),
        parts: { miss, post: v, own, noise },
      };
    },
    dayLooScore(obs, post) {
      const reads = obs.map((o) => {
        const sigma = cellSigma(o);
        const eps = Math.max(1e-4, o.outlier);
        const [j0, j1] = support(o, sigma);
        return { o, sigma, eps, j0, j1, d: goodDensity(o, sigma, j0, j1).slice() };
      });
      // The day's posterior without any of its reports: divide each (scaled) likelihood out.
      const q = Float64Array.from(post);
      for (const r of reads) {
        const base = r.eps * uniformDensity;
        for (let j = r.j0; j <= r.j1; j++) q[j] /= 1 + ((1 - r.eps) * r.d[j - r.j0]) / base;
      }
      const { mass, mean, v } = moments(q, lo, cellKm);
      if (!(mass > 0)) return { score: 0, weight: 0 };
      return pooledScore(reads, q, mass, mean, v, uniformDensity);
    },
  };
}

/** Mass, mean and variance (at least a cell's) of weights `q` on the cells of a grid. */
function moments(q: Float64Array, lo: Km, cellKm: Km): { mass: number; mean: Km; v: number } {
  let mass = 0;
  let m1 = 0;
  let m2 = 0;
  for (let j = 0; j < q.length; j++) {
    const x = lo + (j + 0.5) * cellKm;
    mass += q[j];
    m1 += q[j] * x;
    m2 += q[j] * x * x;
  }
  const mean = m1 / mass;
  return { mass, mean, v: Math.max(m2 / mass - mean * mean, (cellKm * cellKm) / 12) };
}

/**
 * The leave-the-day-out score of a day's reports (KmSmootherResult.dayLoo) from the day's
 * posterior without them (`q`, of mass `mass`, mean `mean`, variance `v`): their readings pooled
 * by weight ÷ own variance, the pooled reading's own variance Σ w²·own ÷ (Σ w)², and the factor by
 * which the posterior's spread must grow for the pooled reading to fall inside its 90 % interval.
 * The day's weight is its reports' mean chance of not being an outlier.
 */
function pooledScore(
  reads: readonly {
    o: KmObservation;
    sigma: number;
    eps: number;
    j0: number;
    j1: number;
    d: Float64Array;
  }[],
  q: Float64Array,
  mass: number,
  mean: Km,
  v: number,
  uniformDensity: number,
): { score: number; weight: number } {
  let sumW = 0;
  let sumWc = 0;
  let sumW2own = 0;
  let sumWeight = 0;
  for (const r of reads) {
    let good = 0;
    for (let j = r.j0; j <= r.j1; j++) good += q[j] * r.d[j - r.j0];
    const goodPart = ((1 - r.eps) * good) / mass;
    const weight = goodPart / (goodPart + r.eps * uniformDensity);
    const [centre, own] = ownSpread(r.o, r.sigma);
    const w = weight / own;
    sumW += w;
    sumWc += w * centre;
    sumW2own += w * w * own;
    sumWeight += weight;
  }
  if (!(sumW > 0)) return { score: 0, weight: 0 };
  const need = (Math.abs(sumWc / sumW - mean) / Z90) ** 2 - sumW2own / (sumW * sumW);
  return { score: need > 0 ? Math.sqrt(need / v) : 0, weight: sumWeight / reads.length };
}

/**
 * Centre (km) and variance (km²) of what a report says of the median person, as its
 * leave-one-out score reads it: its noise and, for a stretch, a uniform over the stretch; for a
 * report with alternative readings, the mixture of them all (a report that may be of the
 * vanguard is not a surprise when it lies far ahead).
 */
function ownSpread(o: KmObservation, sigma: number): [Km, number, number] {
  const [zlo, zhi] = o.kmRange ?? [o.km, o.km];
  const parts: [number, number, number][] = [[1, (zlo + zhi) / 2, (zhi - zlo) ** 2 / 12]];
  if (o.scoreMixture) {
    for (const a of o.alternatives ?? []) {
      parts[0][0] -= a.weight;
      parts.push([
        a.weight,
        (a.kmRange[0] + a.kmRange[1]) / 2,
        (a.kmRange[1] - a.kmRange[0]) ** 2 / 12,
      ]);
    }
  }
  let m = 0;
  let m2 = 0;
  for (const [w, c, v] of parts) {
    m += w * c;
    m2 += w * (v + c * c);
  }
  const noise = ownVariance(o, sigma);
  return [m, noise + Math.max(0, m2 - m * m), noise];
}

/** Variance (km²) of a report's own noise of sd `sigma`: of its scale mixture when it has one. */
function ownVariance(o: KmObservation, sigma: number): number {
  const core = o.core;
  if (!core || !(core.weight > 0)) return sigma * sigma;
  const cellVar = Math.max(0, sigma * sigma - Math.max(o.sigmaKm, 0.1) ** 2);
  const coreVar = Math.max(core.sigmaKm, 0.1) ** 2 + cellVar;
  return (1 - core.weight) * sigma * sigma + core.weight * coreVar;
}

/**
 * Forward pass: alpha[k][r*n + j], each day normalised to sum 1; and each day's likelihood
 * (undefined on days without reports). The hot loops live in small top-level functions (below)
 * so that the JIT optimises them early and on their own.
 */
function forwardPass(
  input: KmSmootherInput,
  grid: KmGrid,
  model: LikelihoodModel,
  kernels: Kernel[],
): { alpha: Float64Array[]; lik: (Float64Array | undefined)[] } {
  const { nDays, movement } = input;
  const { n } = grid;
  const R = 3;
  const P = regimeTransitions(movement);
  const pi = REGIMES.map((r) => movement.regimes[r]);
  const alphaAll = new Float64Array(nDays * R * n);
  const alpha: Float64Array[] = [];
  const lik: (Float64Array | undefined)[] = [];
  const likScratch = new Float64Array(n);
  const ones = new Float64Array(n).fill(1);
  const tmp = new Float64Array(n);
  const conv = new Float64Array(n);
  const diff = new Float64Array(n + 1);
  const mixed = new Float64Array(n);
  const stay = Float64Array.from(REGIMES, (_, r) => P[r][r] - (1 - movement.persistence) * pi[r]);
  const fresh = Float64Array.from(REGIMES, (_, r) => (1 - movement.persistence) * pi[r]);
  const origin = grid.lo === 0 ? 1 + 0.3 * n : 1;
  for (let k = 0; k < nDays; k++) {
    const a = alphaAll.subarray(k * R * n, (k + 1) * R * n);
    const has = model.like(k, likScratch);
    const l = has ? likScratch.slice() : ones;
    lik.push(has ? l : undefined);
    if (k === 0) {
      // Flat prior over the grid, plus a point mass at the route's origin (groups set out there).
      for (let r = 0; r < R; r++) fillPrior(a, r * n, n, pi[r], l, origin);
    } else {
      const prev = alpha[k - 1];
      // Σ_r α(·, r), for the fresh-draw part of the regime transition.
      sumRegimes(prev, tmp, n);
      for (let r2 = 0; r2 < R; r2++) {
        mix(prev, r2 * n, tmp, stay[r2], fresh[r2], mixed, n);
        convolveForward(mixed, kernels[r2], conv, diff);
        multiplyInto(a, r2 * n, conv, l, n);
      }
    }
    if (!normalise(a)) {
      // All mass ruled out (impossible sequence): restart from a flat state on this day.
      for (let r = 0; r < R; r++) fillPrior(a, r * n, n, pi[r], l, 1);
      normalise(a);
    }
    alpha.push(a);
  }
  return { alpha, lik };
}

/** Backward pass: posterior marginals per day, regime posteriors and outlier posteriors. */
function backwardPass(
  input: KmSmootherInput,
  grid: KmGrid,
  model: LikelihoodModel,
  kernels: Kernel[],
  alpha: Float64Array[],
  lik: (Float64Array | undefined)[],
): KmSmootherResult {
  const { nDays, observations } = input;
  const { n, lo, cellKm } = grid;
  const R = 3;
  let beta = new Float64Array(R * n).fill(1);
  let next = new Float64Array(R * n);
  const ones = new Float64Array(n).fill(1);
  const days: KmDayEstimate[] = new Array(nDays);
  const regimeDays: [number, number, number] = [0, 0, 0];
  const regimeByDay = new Float64Array(nDays * R);
  const gamma = new Float64Array(n);
  const g = new Float64Array(n);
  const h: Float64Array[] = [new Float64Array(n), new Float64Array(n), new Float64Array(n)];
  const prefix = new Float64Array(n + 1);
  const regimeMass = new Float64Array(R);
  const Pflat = Float64Array.from(regimeTransitions(input.movement).flat());
  const outlierProb = new Array<number>(observations.length).fill(0);
  const loo: KmSmootherResult["loo"] = observations.map(() => ({ score: 0, weight: 0 }));
  const dayLoo: { score: number; weight: number }[] = [];
  const obsIndex = new Map<KmObservation, number>();
  observations.forEach((o, i) => obsIndex.set(o, i));
  let finalRegime: [number, number, number] = [0, 0, 0];
  for (let k = nDays - 1; k >= 0; k--) {
    const total = marginal(alpha[k], beta, gamma, regimeMass, n);
    for (let r = 0; r < R; r++) regimeByDay[k * R + r] = regimeMass[r] / total;
    if (k > 0) for (let r = 0; r < R; r++) regimeDays[r] += regimeMass[r] / total;
    if (k === nDays - 1) {
      finalRegime = [regimeMass[0] / total, regimeMass[1] / total, regimeMass[2] / total];
    }
    days[k] = summarise(gamma, lo, cellKm, lo === 0, grid.hi >= grid.routeEnd);
    if (input.outlierPosteriors !== false) {
      for (const o of model.byStep[k]) {
        outlierProb[obsIndex.get(o) ?? 0] = model.outlierPosterior(o, gamma);
        loo[obsIndex.get(o) ?? 0] = model.looScore(o, gamma);
      }
      if (model.byStep[k].length >= 2) dayLoo.push(model.dayLooScore(model.byStep[k], gamma));
    }
    if (k === 0) break;
    // beta_{k−1}(x, r) = Σ_r' P(r, r') Σ_d K_r'(d) ℓ_k(x+d) β_k(x+d, r')
    const l = lik[k] ?? ones;
    for (let r2 = 0; r2 < R; r2++) {
      multiplyInto(g, 0, beta.subarray(r2 * n, (r2 + 1) * n), l, n);
      correlateBackward(g, kernels[r2], h[r2], prefix);
    }
    regimeMix(Pflat, h[0], h[1], h[2], next, n);
    [beta, next] = [next, beta];
  }
  return { days, finalRegime, regimeDays, regimeByDay, outlierProb, loo, dayLoo, cellKm };
}

/**
 * An observation without a time (a count's passage; a date-only report carries its own offset,
 * positions.ts): made at one of the hours of src/movement/withinDay.ts `DATE_ONLY_HOURS` (equal
 * weights), read by the within-day timing (−0.225, +0.075, +0.375 of a day's move from noon under
 * the 04:00–20:00 ramp).
 */
const UNKNOWN_TIME = dateOnlyOffsets();
const UNKNOWN_TIME_MEAN = UNKNOWN_TIME.reduce((a, b) => a + b, 0) / UNKNOWN_TIME.length;
/** Reach of such an observation's support ahead of / behind its hours (days' moves). */
const UNKNOWN_AHEAD = Math.max(0, ...UNKNOWN_TIME) + 0.05;
const UNKNOWN_BEHIND = Math.max(0, ...UNKNOWN_TIME.map((f) => -f)) + 0.05;

function fillPrior(
  a: Float64Array,
  offset: number,
  n: number,
  weight: number,
  l: Float64Array,
  origin: number,
): void {
  for (let j = 0; j < n; j++) a[offset + j] = weight * l[j];
  a[offset] *= origin;
}

function sumRegimes(prev: Float64Array, out: Float64Array, n: number): void {
  for (let j = 0; j < n; j++) out[j] = prev[j] + prev[n + j] + prev[2 * n + j];
}

function mix(
  prev: Float64Array,
  offset: number,
  total: Float64Array,
  stay: number,
  fresh: number,
  out: Float64Array,
  n: number,
): void {
  for (let j = 0; j < n; j++) out[j] = stay * prev[offset + j] + fresh * total[j];
}

function multiplyInto(
  out: Float64Array,
  offset: number,
  x: Float64Array,
  y: Float64Array,
  n: number,
): void {
  for (let j = 0; j < n; j++) out[offset + j] = x[j] * y[j];
}

/** Scales `a` to sum 1; false when its sum is not a positive finite number. */
function normalise(a: Float64Array): boolean {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i];
  if (!(sum > 0) || !Number.isFinite(sum)) return false;
  const inv = 1 / sum;
  for (let i = 0; i < a.length; i++) a[i] *= inv;
  return true;
}

/** gamma = Σ_r α·β normalised; regimeMass[r] = Σ_j α·β; returns the total. */
function marginal(
  a: Float64Array,
  beta: Float64Array,
  gamma: Float64Array,
  regimeMass: Float64Array,
  n: number,
): number {
  let total = 0;
  for (let r = 0; r < 3; r++) {
    let m = 0;
    for (let j = 0; j < n; j++) {
      const v = a[r * n + j] * beta[r * n + j];
      if (r === 0) gamma[j] = v;
      else gamma[j] += v;
      m += v;
    }
    regimeMass[r] = m;
    total += m;
  }
  const inv = 1 / total;
  for (let j = 0; j < n; j++) gamma[j] *= inv;
  return total;
}

/** next(x, r) = Σ_r' P[r][r'] h_r'(x), scaled to mean 1 (only ratios matter). */
function regimeMix(
  P: Float64Array,
  h0: Float64Array,
  h1: Float64Array,
  h2: Float64Array,
  next: Float64Array,
  n: number,
): void {
  let sum = 0;
  for (let r = 0; r < 3; r++) {
    const p0 = P[r * 3];
    const p1 = P[r * 3 + 1];
    const p2 = P[r * 3 + 2];
    for (let j = 0; j < n; j++) {
      const v = p0 * h0[j] + p1 * h1[j] + p2 * h2[j];
      next[r * n + j] = v;
      sum += v;
    }
  }
  if (sum > 0 && Number.isFinite(sum)) {
    const scale = (3 * n) / sum;
    for (let i = 0; i < 3 * n; i++) next[i] *= scale;
  } else next.fill(1);
}

/**
 * Tail probability of each end of the reported "90 %" km interval. The model is a simplification
 * (real movement is not exactly three regimes; reports of one town are not independent), which
 * makes the exact posterior overconfident. The 2 %/98 % quantiles: on the stress worlds (bodies
 * hundreds of km long, stays of weeks, stale and misplaced reports; bench/README.md) the 4 %/96 %
 * quantiles covered 62–72 % of true km, the 2 %/98 % ones 77 %, and ≈ 90 % on the labelled worlds
 * of src/estimate/simulate.ts.
 */
export const KM_TAIL = 0.02;

/**
 * Median, 90 % interval, mean and sd of a distribution over grid cells (linear within cells).
 * @example
 * summarise(Float64Array.of(0.5, 0.5), 0, 10).median; // => 10
 */
export function summarise(
  weights: Float64Array,
  lo: number,
  cell: number,
  atStart = false,
  atEnd = false,
): KmDayEstimate {
  let mean = 0;
  let second = 0;
  for (let j = 0; j < weights.length; j++) {
    const x = lo + (j + 0.5) * cell;
    mean += weights[j] * x;
    second += weights[j] * x * x;
  }
  return {
    median: gridQuantile(weights, lo, cell, 0.5, atStart, atEnd),
    low: gridQuantile(weights, lo, cell, KM_TAIL, atStart, atEnd),
    high: gridQuantile(weights, lo, cell, 1 - KM_TAIL, atStart, atEnd),
    mean,
    sd: Math.sqrt(Math.max(0, second - mean * mean)),
  };
}

/**
 * Quantile q of a normalised distribution over grid cells, linear inside each cell. With
 * `atStart`/`atEnd` the first/last cell is a point mass at the grid's edge (the route's origin,
 * where groups set out, and its end, which absorbs).
 * @example
 * gridQuantile(Float64Array.of(0.5, 0.5), 0, 10, 0.25); // => 5
 */
export function gridQuantile(
  weights: Float64Array,
  lo: number,
  cell: number,
  q: number,
  atStart = false,
  atEnd = false,
): number {
  let cum = 0;
  const last = weights.length - 1;
  for (let j = 0; j < weights.length; j++) {
    const w = weights[j];
    if (cum + w >= q && w > 0) {
      if (j === 0 && atStart) return lo;
      if (j === last && atEnd) return lo + weights.length * cell;
      return lo + (j + (q - cum) / w) * cell;
    }
    cum += w;
  }
  return lo + weights.length * cell;
}
