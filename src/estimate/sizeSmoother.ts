/**
 * Size of one group over time: a forward–backward smoother on a grid of log(people).
 *
 * Log-space fusion (docs/estimation.md#size): a source of type s reports `log y = log N + b_s + e`,
 * e ~ N(0, σ_s²), so after removing the bias each report weighs 1/σ_s² — the inverse-variance
 * fusion of crowd-size estimates, generalised to a size that changes from day to day. Between days
 * `log N` follows a random walk with a drift (attrition, or the losses implied by stock figures)
 * and rare jumps (groups joining or splitting). Ranges and bounds ("more than 3,000", "2,000–3,000")
 * enter as interval-censored likelihoods `Φ((log hi − b − log N)/σ) − Φ((log lo − b − log N)/σ)`;
 * every report also has an outlier probability (robust to a wrong figure). The grid makes all of
 * these exact; intervals are quantiles of the posterior marginals, widened by the uncertainty of
 * the common bias level (which the data cannot identify: only the priors anchor it).
 */
import type { People } from "../model/units.ts";
import { gridQuantile } from "./kmSmoother.ts";
import { normalCdf, Z90 } from "../util/normal.ts";
import { figureLikelihood } from "./parts.ts";

/** One size report of a group on day `step`, in log people. */
export interface SizeObservation {
  step: number;
  /** log of the figure given ("about 3,000"). */
  logValue?: number;
  /** log of the lower and upper bound ("more than", "up to", or a range). */
  logLow?: number;
  logHigh?: number;
  /** Source bias: the source reports on average exp(bias) × the true size. */
  bias: number;
  /** Spread of the source in log space. */
  sigma: number;
  /** Prior probability the report is wrong altogether. */
  outlier: number;
  /**
   * Probability that the figure (`logValue`) is the group's (its body's) rather than a part's,
   * which says "at least that many" (parts.ts `figureLikelihood`). Default 1: the group's figure.
   */
  bodyWeight?: number;
}

export interface SizeSmootherInput {
  nDays: number;
  observations: readonly SizeObservation[];
  /** Expected change of log size from day k−1 to k (index k; default −0.004: slow attrition). */
  drift?: readonly number[];
  /** Day-to-day sd of log size (default 0.04). */
  diffusion?: number;
  /** Probability per day of a jump (join/split) of up to −1.2 … +0.8 in log size (default 0.02). */
  jumpProb?: number;
  /** Extra sd of the common bias level added to the intervals (default 0). */
  levelSd?: number;
  /**
   * Log-normal prior on the size on the first day (log people; see sizePrior.ts). Default: flat on
   * the grid's log 3 … log 400,000, which leaves a group known only by a lower bound unbounded above.
   */
  prior?: { logMean: number; logSd: number };
}

export interface SizeDayEstimate {
  median: People;
  low: People;
  high: People;
  logMean: number;
  logSd: number;
}

const LOG_MIN = Math.log(3);
const LOG_MAX = Math.log(400_000);
const CELLS = 240;
const CELL = (LOG_MAX - LOG_MIN) / CELLS;
const JUMP_FROM = -1.2;
const JUMP_TO = 0.8;

function likelihood(o: SizeObservation, out: Float64Array): void {
  const sigma = Math.max(0.01, o.sigma);
  const eps = Math.max(1e-4, o.outlier);
  // A wrong range or bound is one whose stated interval is arbitrary: the chance that it still
  // contains a given size is its width over the grid's (a bound: one half).
  const outlierMass =
    o.logLow !== undefined && o.logHigh !== undefined
      ? Math.max(0.05, o.logHigh - o.logLow) / (LOG_MAX - LOG_MIN)
      : 0.5;
  for (let j = 0; j < CELLS; j++) {
    const logN = LOG_MIN + (j + 0.5) * CELL + o.bias;
    let p: number;
    if (o.logValue !== undefined) {
      const z = (o.logValue - logN) / sigma;
      p =
        o.bodyWeight !== undefined && o.bodyWeight < 1
          ? figureLikelihood(o.logValue, logN, sigma, o.bodyWeight)
          : Math.exp(-0.5 * z * z) / (sigma * 2.5066282746310002);
      // the outlier density: uniform over the log grid
      out[j] *= (1 - eps) * p + eps / (LOG_MAX - LOG_MIN);
    } else {
      const hi = o.logHigh === undefined ? 1 : normalCdf((o.logHigh - logN) / sigma);
      const lo = o.logLow === undefined ? 0 : normalCdf((o.logLow - logN) / sigma);
      p = Math.max(0, hi - lo);
      out[j] *= (1 - eps) * p + eps * outlierMass;
    }
  }
}

/**
 * Smooths log size over `nDays` days. Without any observation the result is the prior (flat
 * without one).
 * @example
 * const r = smoothSize({ nDays: 2, observations: [
 *   { step: 0, logValue: Math.log(3000), bias: 0, sigma: 0.2, outlier: 0.05 }] });
 * r[0].median; // ≈ 3000
 */
export function smoothSize(input: SizeSmootherInput): SizeDayEstimate[] {
  return smoothSizeRun(input, false).days;
}

/** A leave-one-out score of a size report (as KmSmootherResult.loo, in log size). */
export interface SizeLoo {
  score: number;
  weight: number;
}

/**
 * {@link smoothSize}, and a leave-one-out score of each observation in input order: the day's
 * posterior with the report's own likelihood divided out predicts the report (with its bias and
 * spread); `score` is the factor by which that posterior's spread must grow for the report to fall
 * in its central 90 % predictive interval (0 when its own spread covers it), `weight` the chance
 * it is not an outlier. Ranges and bounds get weight 0 (they state no one figure to predict).
 */
export function smoothSizeWithLoo(input: SizeSmootherInput): {
  days: SizeDayEstimate[];
  loo: SizeLoo[];
} {
  return smoothSizeRun(input, true);
}

/**
 * The smoother's run; the leave-one-out scores only with `withLoo` (they change nothing else).
 * The loops live in small top-level functions so that the JIT optimises them early and on their
 * own (the first call in a process runs them cold).
 */
function smoothSizeRun(
  input: SizeSmootherInput,
  withLoo: boolean,
): { days: SizeDayEstimate[]; loo: SizeLoo[] } {
  const { nDays, observations } = input;
  const dyn: Dynamics = {
    drift: input.drift,
    diffusion: Math.max(0.005, input.diffusion ?? 0.04),
    jumpProb: input.jumpProb ?? 0.02,
    kernels: new Map(),
    prefix: new Float64Array(CELLS + 1),
  };
  const byStep: number[][] = Array.from({ length: nDays }, () => []);
  observations.forEach((o, i) => {
    byStep[Math.min(nDays - 1, Math.max(0, Math.round(o.step)))].push(i);
  });
  // A figure's own likelihood, kept for its leave-one-out score.
  const own: (Float64Array | undefined)[] = new Array(observations.length);
  const lik = byStep.map((day) => dayLikelihood(observations, day, withLoo ? own : undefined));
  const alpha = forwardSizes(nDays, input.prior, lik, dyn);
  const days: SizeDayEstimate[] = new Array(nDays);
  const loo: SizeLoo[] = observations.map(() => ({ score: 0, weight: 0 }));
  let beta = new Float64Array(CELLS).fill(1);
  const post = new Float64Array(CELLS);
  const g = new Float64Array(CELLS);
  const levelKernel = gaussianKernel(input.levelSd ?? 0);
  for (let k = nDays - 1; k >= 0; k--) {
    posterior(alpha[k], beta, post);
    days[k] = summariseLog(levelKernel ? blur(post, levelKernel) : post);
    if (withLoo) for (const i of byStep[k]) loo[i] = looScore(observations[i], post, own[i]);
    if (k === 0) break;
    const l = lik[k];
    for (let j = 0; j < CELLS; j++) g[j] = beta[j] * (l ? l[j] : 1);
    const next = new Float64Array(CELLS);
    stepDay(dyn, g, k, false, next);
    scaleToMax(next);
    beta = next;
  }
  return { days, loo };
}

/** What the day steps of one run share: drift kernels (most days share one) and jumps. */
interface Dynamics {
  drift: readonly number[] | undefined;
  diffusion: number;
  jumpProb: number;
  kernels: Map<number, DriftKernel>;
  /** Scratch for the jumps' prefix sums (CELLS + 1). */
  prefix: Float64Array;
}

/** The day's normal change of log size on the grid: weights w of displacements t − offset. */
interface DriftKernel {
  offset: number;
  w: Float64Array;
}

const JUMP_CELLS_FROM = Math.round(JUMP_FROM / CELL);
const JUMP_CELLS_TO = Math.round(JUMP_TO / CELL);

/** The drift kernel into day k, built once per distinct drift. */
function driftKernel(dyn: Dynamics, k: number): DriftKernel {
  const mu = dyn.drift?.[k] ?? -0.004;
  const cached = dyn.kernels.get(mu);
  if (cached) return cached;
  const diffusion = dyn.diffusion;
  const half = Math.ceil((Math.abs(mu) + 4.5 * diffusion) / CELL);
  const w = new Float64Array(2 * half + 1);
  let s = 0;
  for (let d = -half; d <= half; d++) {
    const v =
      normalCdf(((d + 0.5) * CELL - mu) / diffusion) -
      normalCdf(((d - 0.5) * CELL - mu) / diffusion);
    w[d + half] = v;
    s += v;
  }
  for (let i = 0; i < w.length; i++) w[i] /= s;
  const kernel = { offset: half, w };
  dyn.kernels.set(mu, kernel);
  return kernel;
}

/** One day's step of `src` into `out`: forward (push mass to day k) or backward (pull from it). */
function stepDay(
  dyn: Dynamics,
  src: Float64Array,
  k: number,
  forward: boolean,
  out: Float64Array,
): void {
  const { offset, w } = driftKernel(dyn, k);
  const stay = 1 - dyn.jumpProb;
  if (forward) pushDrift(src, offset, w, stay, out);
  else pullDrift(src, offset, w, stay, out);
  addJumps(src, forward, dyn.jumpProb, dyn.prefix, out);
}

// The kernel's taps t that land on the grid (0 ≤ i + t − offset < CELLS) are found once per cell
// instead of tested per tap: the same sums in the same order.
function pushDrift(
  src: Float64Array,
  offset: number,
  w: Float64Array,
  stay: number,
  out: Float64Array,
): void {
  out.fill(0);
  const m = w.length;
  for (let i = 0; i < CELLS; i++) {
    const v = src[i] * stay;
    if (v === 0) continue;
    const t1 = Math.min(m, CELLS - i + offset);
    for (let t = Math.max(0, offset - i); t < t1; t++) out[i + t - offset] += v * w[t];
  }
}

function pullDrift(
  src: Float64Array,
  offset: number,
  w: Float64Array,
  stay: number,
  out: Float64Array,
): void {
  const m = w.length;
  for (let i = 0; i < CELLS; i++) {
    let s = 0;
    const t1 = Math.min(m, CELLS - i + offset);
    for (let t = Math.max(0, offset - i); t < t1; t++) s += w[t] * src[i + t - offset];
    out[i] = s * stay;
  }
}

/** Jumps: a box of displacements, symmetric enough that push and pull share the prefix sums. */
function addJumps(
  src: Float64Array,
  forward: boolean,
  jumpProb: number,
  prefix: Float64Array,
  out: Float64Array,
): void {
  prefix[0] = 0;
  for (let i = 0; i < CELLS; i++) prefix[i + 1] = prefix[i] + src[i];
  const per = jumpProb / (JUMP_CELLS_TO - JUMP_CELLS_FROM + 1);
  for (let i = 0; i < CELLS; i++) {
    // forward: mass arriving at i came from i − d, d ∈ [jFrom, jTo]; backward: goes to i + d
    const a = forward ? i - JUMP_CELLS_TO : i + JUMP_CELLS_FROM;
    const b = forward ? i - JUMP_CELLS_FROM : i + JUMP_CELLS_TO;
    const lo = Math.max(0, a);
    const hi = Math.min(CELLS - 1, b);
    if (hi >= lo) out[i] += per * (prefix[hi + 1] - prefix[lo]);
  }
}

/**
 * The likelihood of a day's reports (indices `day` into `observations`), scaled to a maximum of
 * 1; undefined without reports. With `own`, each figure's own likelihood is kept there.
 */
function dayLikelihood(
  observations: readonly SizeObservation[],
  day: readonly number[],
  own: (Float64Array | undefined)[] | undefined,
): Float64Array | undefined {
  if (day.length === 0) return undefined;
  const l = new Float64Array(CELLS).fill(1);
  for (const i of day) {
    const o = observations[i];
    if (!own || o.logValue === undefined) {
      likelihood(o, l);
      continue;
    }
    // 1 × the factor is the factor: l[j] × it is the same product as likelihood() forms in place.
    const mine = new Float64Array(CELLS).fill(1);
    likelihood(o, mine);
    for (let j = 0; j < CELLS; j++) l[j] *= mine[j];
    own[i] = mine;
  }
  let max = 0;
  for (let j = 0; j < CELLS; j++) max = Math.max(max, l[j]);
  if (max > 0) for (let j = 0; j < CELLS; j++) l[j] /= max;
  return l;
}

/** Forward pass: each day's filtered mass, normalised to sum 1. */
function forwardSizes(
  nDays: number,
  prior: SizeSmootherInput["prior"],
  lik: readonly (Float64Array | undefined)[],
  dyn: Dynamics,
): Float64Array[] {
  const alpha: Float64Array[] = [];
  for (let k = 0; k < nDays; k++) {
    const a = new Float64Array(CELLS);
    if (k === 0) initialPrior(prior, a);
    else stepDay(dyn, alpha[k - 1], k, true, a);
    weighAndNormalise(a, lik[k]);
    alpha.push(a);
  }
  return alpha;
}

function weighAndNormalise(a: Float64Array, l: Float64Array | undefined): void {
  let s = 0;
  if (l) {
    for (let j = 0; j < CELLS; j++) {
      a[j] *= l[j];
      s += a[j];
    }
  } else {
    for (let j = 0; j < CELLS; j++) s += a[j];
  }
  if (!(s > 0)) {
    a.fill(1);
    s = CELLS;
  }
  for (let j = 0; j < CELLS; j++) a[j] /= s;
}

/** post = alpha × beta, normalised to sum 1. */
function posterior(alpha: Float64Array, beta: Float64Array, post: Float64Array): void {
  let s = 0;
  for (let j = 0; j < CELLS; j++) {
    post[j] = alpha[j] * beta[j];
    s += post[j];
  }
  for (let j = 0; j < CELLS; j++) post[j] /= s;
}

/** Scales `a` to a maximum of 1 (all ones when it is all zeros). */
function scaleToMax(a: Float64Array): void {
  let m = 0;
  for (let j = 0; j < CELLS; j++) m = Math.max(m, a[j]);
  if (m > 0) for (let j = 0; j < CELLS; j++) a[j] /= m;
  else a.fill(1);
}

/** Leave-one-out score of a figure `o` from its day's posterior `post` (see SizeLoo). */
function looScore(o: SizeObservation, post: Float64Array, own?: Float64Array): SizeLoo {
  if (o.logValue === undefined) return { score: 0, weight: 0 };
  let l = own;
  if (!l) {
    l = new Float64Array(CELLS).fill(1);
    likelihood(o, l);
  }
  let mass = 0;
  let m1 = 0;
  let m2 = 0;
  for (let j = 0; j < CELLS; j++) {
    const q = l[j] > 0 ? post[j] / l[j] : 0;
    const x = LOG_MIN + (j + 0.5) * CELL;
    mass += q;
    m1 += q * x;
    m2 += q * x * x;
  }
  if (!(mass > 0)) return { score: 0, weight: 0 };
  const mean = m1 / mass;
  const v = Math.max(m2 / mass - mean * mean, (CELL * CELL) / 12);
  const sigma = Math.max(0.01, o.sigma);
  const eps = Math.max(1e-4, o.outlier);
  // The predictive density of the figure (good part) against the outlier's flat one.
  const predSd = Math.sqrt(v + sigma * sigma);
  const r = o.logValue - o.bias - mean;
  const good = (1 - eps) * (Math.exp(-0.5 * (r / predSd) ** 2) / (predSd * 2.5066282746310002));
  const weight =
    o.bodyWeight !== undefined && o.bodyWeight < 1
      ? bodyShareOf(o, o.bodyWeight, post, l, eps)
      : good / (good + eps / (LOG_MAX - LOG_MIN));
  const need = (Math.abs(r) / Z90) ** 2 - sigma * sigma;
  return { score: need > 0 ? Math.sqrt(need / v) : 0, weight };
}

/**
 * The chance that a figure that may be a part's (`bodyWeight` < 1) is the body's and not wrong,
 * under the day's posterior without it (`post` over its own likelihood `own`): its weight as a
 * figure to predict (a part's figure predicts only "at least").
 */
function bodyShareOf(
  o: SizeObservation,
  bodyWeight: number,
  post: Float64Array,
  own: Float64Array,
  eps: number,
): number {
  const sigma = Math.max(0.01, o.sigma);
  let body = 0;
  let all = 0;
  for (let j = 0; j < CELLS; j++) {
    if (!(own[j] > 0)) continue;
    const q = post[j] / own[j];
    const logN = LOG_MIN + (j + 0.5) * CELL + o.bias;
    const logValue = o.logValue ?? logN;
    const z = (logValue - logN) / sigma;
    body += (q * (1 - eps) * bodyWeight * Math.exp(-0.5 * z * z)) / sigma;
    all += q * own[j] * 2.5066282746310002;
  }
  return all > 0 ? Math.min(1, body / all) : 0;
}

/** Mass of the prior on each cell (flat without a prior). */
function initialPrior(
  prior: { logMean: number; logSd: number } | undefined,
  out: Float64Array,
): void {
  if (!prior || !(prior.logSd > 0) || !Number.isFinite(prior.logMean)) {
    out.fill(1);
    return;
  }
  for (let j = 0; j < CELLS; j++) {
    const lo = (LOG_MIN + j * CELL - prior.logMean) / prior.logSd;
    out[j] = normalCdf(lo + CELL / prior.logSd) - normalCdf(lo);
  }
  // A prior centred far off the grid: fall back to flat rather than to all zeros.
  if (!out.some((v) => v > 0)) out.fill(1);
}

function gaussianKernel(sd: number): Float64Array | undefined {
  if (!(sd > CELL / 4)) return undefined;
  const half = Math.ceil((4 * sd) / CELL);
  const w = new Float64Array(2 * half + 1);
  let s = 0;
  for (let d = -half; d <= half; d++) {
    w[d + half] = Math.exp(-0.5 * ((d * CELL) / sd) ** 2);
    s += w[d + half];
  }
  for (let i = 0; i < w.length; i++) w[i] /= s;
  return w;
}

function blur(p: Float64Array, w: Float64Array): Float64Array {
  const half = (w.length - 1) / 2;
  const out = new Float64Array(CELLS);
  for (let i = 0; i < CELLS; i++) {
    if (p[i] === 0) continue;
    for (let t = 0; t < w.length; t++) {
      const j = Math.min(CELLS - 1, Math.max(0, i + t - half));
      out[j] += p[i] * w[t];
    }
  }
  return out;
}

function summariseLog(p: Float64Array): SizeDayEstimate {
  let mean = 0;
  let second = 0;
  for (let j = 0; j < CELLS; j++) {
    const x = LOG_MIN + (j + 0.5) * CELL;
    mean += p[j] * x;
    second += p[j] * x * x;
  }
  return {
    median: Math.exp(gridQuantile(p, LOG_MIN, CELL, 0.5)),
    low: Math.exp(gridQuantile(p, LOG_MIN, CELL, 0.05)),
    high: Math.exp(gridQuantile(p, LOG_MIN, CELL, 0.95)),
    logMean: mean,
    logSd: Math.sqrt(Math.max(0, second - mean * mean)),
  };
}
