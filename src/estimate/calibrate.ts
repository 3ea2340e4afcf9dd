/**
 * Self-calibration of the track estimator's intervals: a fast held-out check on the data
 * themselves. Each report is predicted from its group's posterior with its own likelihood divided
 * out (exact leave-one-out for that day's marginal, kmSmoother.ts and sizeSmoother.ts), and scored
 * by the factor by which the posterior's spread must grow for the report to fall inside its 90 %
 * predictive interval. The split-conformal quantile of those scores (Vovk, Gammerman and Shafer;
 * Lei et al., JASA 2018), weighted by each report's chance of not being an outlier, is the factor
 * by which the km and size intervals are widened about their estimates. The reports of one day are
 * also scored together (kmSmoother.ts `dayLoo`): reports that err together each fall within their
 * own noise of the others, and only their day's pooled reading shows the lean they share. A size interval is never
 * widened beyond the group's interval without figures (sizes.ts `widenByFigures`): the size prior
 * and the bounds are not the figures the scores measure.
 *
 * Why: the model's intervals hold when its assumptions hold (report noise, independent reports,
 * the movement law). Stale news repeated as new, reports snapped to towns, bodies longer than
 * assumed make it overconfident; its own reports show it. The factor is never below 1: the step
 * widens an overconfident model and never narrows one (docs/estimation.md "Honest intervals").
 * One term is fitted the other way: the reports' own noise, which the scores subtract as the
 * model assumes it: its scale is fitted from the held-out residuals (down to 0.5) and reported.
 * Only with EstimateOptions.narrowNoise (off by default: the narrowed term holds the body reading
 * too, the model's own uncertainty) are a labelled group's days that no check widens narrowed by
 * what that noise took off their reading (narrowing.ts).
 */
import type { Km } from "../model/units.ts";
import type { KmDayEstimate } from "./kmSmoother.ts";
import { holdingKm } from "./kmDay.ts";
import { kmObservations } from "./positions.ts";
import type { EstimateContext, WorkGroup } from "./workGroup.ts";
import type { SizeDayEstimate } from "./sizeSmoother.ts";
import { Z90 } from "../util/normal.ts";
import { widenUnseenEnds } from "./unseenEnds.ts";
import { reportedDayWidenings } from "./noiseWidening.ts";
import { tooFewText } from "./calibrationText.ts";
import { MIN_JUDGED } from "./minJudged.ts";
import {
  MIN_NOISE_SCALE,
  narrowingFactors,
  narrowKmDay,
  reportNarrowing,
  reportNoiseScale,
} from "./narrowing.ts";

/** A report's leave-one-out score and its weight (chance it is not an outlier). */
export interface LooScore {
  score: number;
  weight: number;
  /** +1 when the report lay ahead of its prediction, −1 behind (km scores; optional). */
  side?: number;
  /**
   * The variances the km score was read from (kmSmoother.ts `LooScoreOfReport`; km²): what the
   * reports' noise scale is fitted from (`reportNoiseScale`).
   */
  parts?: { miss: number; post: number; own: number; noise: number };
}

/** The conformal level: track intervals are 90 % intervals. */
const LEVEL = 0.9;
/**
 * Upper bound of a factor: a handful of wild reports must not make every interval useless (the
 * held-out check, src/check/, still measures and widens what is left).
 */
export const MAX_WIDENING = 4;

/** Fewest scores a factor is judged by (minJudged.ts). */
export { MIN_JUDGED };

/**
 * The weighted split-conformal factor: the smallest score s such that the weight of scores ≤ s
 * reaches `level` of the total weight plus one (the finite-sample correction ⌈(n + 1)·level⌉ of
 * unweighted conformal prediction); the largest score when that is never reached; at least 1,
 * at most MAX_WIDENING. 1 without weight. (Whether the reports are enough to judge by is
 * {@link judgeable}'s, asked of the whole dataset's reports.)
 * @example
 * conformalWidening([{ score: 0, weight: 1 }, { score: 3, weight: 1 }]); // => 3
 * conformalWidening(Array.from({ length: 20 }, (_, i) => ({ score: i / 10, weight: 1 }))); // => 1.8
 */
export function conformalWidening(scores: readonly LooScore[], level = LEVEL): number {
  return conformalOfSorted(sortedScores(scores), level);
}

/**
 * Whether scores hold enough reports (weight > 0, finite score) to judge by: MIN_JUDGED. Asked of
 * the dataset's reports of positions (every km factor) and of its figures (the size factor), not
 * of the smaller pools drawn from them (days, isolated reports, heads, tails): guarding those too
 * moved the development worlds (docs/estimation.md "Too few to judge").
 */
export function judgeable(scores: readonly LooScore[]): boolean {
  return sortedScores(scores).length >= MIN_JUDGED;
}

/** The scores with weight and a finite score, sorted by score (stable: ties keep their order). */
function sortedScores(scores: readonly LooScore[]): LooScore[] {
  return scores
    .filter((s) => s.weight > 0 && Number.isFinite(s.score))
    .sort((a, b) => a.score - b.score);
}

/**
 * {@link conformalWidening} of scores already kept and sorted (`sortedScores`), kept within
 * `least`…`most` (1…MAX_WIDENING: a widening); 1 without weight.
 */
function conformalOfSorted(
  kept: readonly LooScore[],
  level: number,
  least = 1,
  most = MAX_WIDENING,
): number {
  const total = kept.reduce((a, s) => a + s.weight, 0);
  if (total <= 0) return 1;
  const target = level * (total + 1);
  let cum = 0;
  let factor = kept[kept.length - 1].score;
  for (const s of kept) {
    cum += s.weight;
    if (cum >= target - 1e-9) {
      factor = s.score;
      break;
    }
  }
  return Math.min(most, Math.max(least, factor));
}

/** Weight of the pooled scores (all groups) beside a group's own, in reports. */
export const POOLED_WEIGHT = 10;

/**
 * One factor per group: the weighted conformal factor of its own reports' scores beside all
 * groups' scores scaled to POOLED_WEIGHT reports (partial pooling: a group with few reports gets
 * about the pooled factor, one with many its own).
 * @example
 * groupWidenings([[{ score: 3, weight: 1 }], []]); // => [3, 3]
 */
export function groupWidenings(byGroup: readonly (readonly LooScore[])[], level = LEVEL): number[] {
  return pooledConformal(byGroup, level, 1, MAX_WIDENING);
}

/** {@link groupWidenings} with each factor kept within `least`…`most`. */
function pooledConformal(
  byGroup: readonly (readonly LooScore[])[],
  level: number,
  least: number,
  most: number,
): number[] {
  const all = byGroup.flat().filter((s) => s.weight > 0);
  const total = all.reduce((a, s) => a + s.weight, 0);
  const k = total > 0 ? Math.min(1, POOLED_WEIGHT / total) : 0;
  // The pooled scores are sorted once; each group's own merge in before them on ties, which is
  // where a stable sort of [...own, ...pooled] puts them: the same order, the same sums.
  const pooled = sortedScores(all.map((s) => ({ score: s.score, weight: s.weight * k })));
  return byGroup.map((own) =>
    conformalOfSorted(mergeSorted(sortedScores(own), pooled), level, least, most),
  );
}

/**
 * Each group's scale of its reports' noise (narrowing.ts): the weighted conformal quantile of
 * its reports' noise scales (`reportNoiseScale`: the scale at which each falls inside its 90 %
 * predictive interval) beside all groups' scaled to POOLED_WEIGHT reports, as
 * {@link groupWidenings}, kept within MIN_NOISE_SCALE…1. Reports without the check's variances
 * do not count; 1 without any (the noise as assumed).
 * @example
 * const r = (miss: number) => ({ score: 0, weight: 1, parts: { miss, post: 0, own: 100, noise: 100 } });
 * noiseScales([Array.from({ length: 20 }, (_, i) => r(i * 2))]); // ≈ [0.6]: the 19th of 20
 */
export function noiseScales(byGroup: readonly (readonly LooScore[])[], level = LEVEL): number[] {
  const scales = byGroup.map((xs) =>
    xs.flatMap((x) =>
      x.parts ? [{ score: Math.min(1e9, reportNoiseScale(x.parts)), weight: x.weight }] : [],
    ),
  );
  return pooledConformal(scales, level, MIN_NOISE_SCALE, 1);
}

/**
 * Each group's widening of its reports' noise (≥ 1, ≤ MAX_WIDENING; noiseWidening.ts): the
 * weighted conformal quantile of its reports' noise scales (`reportNoiseScale`) beside all
 * groups' scaled to POOLED_WEIGHT reports, as {@link noiseScales} but read upwards: the scale at
 * which 90 % of the reports fall inside their predictive intervals when the noise, not the
 * posterior, is widened. 1 without any report with the check's variances.
 * @example
 * const r = (miss: number) => ({ score: 0, weight: 1, parts: { miss, post: 0, own: 100, noise: 100 } });
 * noiseWidenings([Array.from({ length: 20 }, (_, i) => r(i * 20))]); // ≈ [1.897]: the 19th of 20
 */
export function noiseWidenings(byGroup: readonly (readonly LooScore[])[], level = LEVEL): number[] {
  const scales = byGroup.map((xs) =>
    xs.flatMap((x) =>
      x.parts ? [{ score: Math.min(1e9, reportNoiseScale(x.parts)), weight: x.weight }] : [],
    ),
  );
  return pooledConformal(scales, level, 1, MAX_WIDENING);
}

/** Two lists sorted by score merged, `a`'s before `b`'s on ties. */
function mergeSorted(a: readonly LooScore[], b: readonly LooScore[]): LooScore[] {
  const out: LooScore[] = new Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) out[n++] = b[j].score < a[i].score ? b[j++] : a[i++];
  while (i < a.length) out[n++] = a[i++];
  while (j < b.length) out[n++] = b[j++];
  return out;
}

/** A km day's 90 % interval (and sd) widened by `factor` about its median, kept on the route. */
export function widenKmDay(d: KmDayEstimate, factor: number, routeLength: Km): KmDayEstimate {
  return widenKmSides(d, factor, factor, routeLength);
}

/**
 * A km day's 90 % interval widened about its median by `below` on its low side and `above` on its
 * high side (sd by the larger), kept on the route. The sd is kept at most half the route's length
 * (km): no distribution of positions on a route of length L has a larger sd, and a widened sd
 * above it (forecast.json's nowcast gave 4,363 km on a 4,521 km route) means nothing.
 */
export function widenKmSides(
  d: KmDayEstimate,
  below: number,
  above: number,
  routeLength: Km,
): KmDayEstimate {
  const lowF = Math.max(1, below);
  const highF = Math.max(1, above);
  if (!(lowF > 1 || highF > 1)) return d;
  const lo = d.median - lowF * (d.median - d.low);
  const hi = d.median + highF * (d.high - d.median);
  const sd = Math.min(d.sd * Math.max(lowF, highF), Math.max(d.sd, routeLength / 2));
  return { ...d, ...holdingKm(d, lo, hi, routeLength), sd };
}

/**
 * Each group's one-sided factors of an end's scores: reports that lay ahead of their prediction
 * set the high side's, those behind the low side's (the others count as scores of 0), each at the
 * one-sided level of a 90 % interval (95 %), partially pooled as {@link groupWidenings}.
 * Why: an end's reports do not scatter evenly about it — a vanguard report is of people behind the
 * front as often as not, never far ahead of it — so one two-sided factor widened the side its
 * reports never reach as much as the side they do (docs/estimation.md § headcover).
 * @example
 * sideWidenings([[{ score: 3, weight: 1, side: 1 }]]); // => { below: [1], above: [3] }
 */
export function sideWidenings(byGroup: readonly (readonly LooScore[])[]): {
  below: number[];
  above: number[];
} {
  const level = 1 - (1 - LEVEL) / 2;
  const side = (sign: number): number[] =>
    groupWidenings(
      byGroup.map((xs) =>
        xs.map((x) => (Math.sign(x.side ?? 0) === sign ? x : { ...x, score: 0 })),
      ),
      level,
    );
  return { below: side(-1), above: side(1) };
}

/**
 * A size day's 90 % interval (and log sd) widened by `factor` about its median in log size. The
 * common level's sd `levelSd` (in the interval, but invisible to the reports' residuals) is not
 * widened: each side's half-width h becomes √(factor²·(h² − (z·levelSd)²) + (z·levelSd)²).
 * `within`, when given, is the interval the figures cannot widen beyond (the day estimated without
 * any figure, sizes.ts `widenByFigures`): each end stops at the wider of the day's own and
 * `within`'s.
 * @example
 * widenSizeDay({ median: 1000, low: 500, high: 2000, logMean: 6.9, logSd: 0.4 }, 2).high; // ≈ 4000
 */
export function widenSizeDay(
  d: SizeDayEstimate,
  factor: number,
  levelSd = 0,
  within?: SizeDayEstimate,
): SizeDayEstimate {
  if (!(factor > 1) || !(d.median > 0 && d.low > 0 && d.high > 0)) return d;
  const m = Math.log(d.median);
  const level2 = (Z90 * levelSd) ** 2;
  const widen = (h: number): number =>
    Math.sqrt(factor * factor * Math.max(0, h * h - level2) + Math.min(h * h, level2));
  const low = Math.min(d.low, Math.exp(m - widen(m - Math.log(d.low))));
  const high = Math.max(d.high, Math.exp(m + widen(Math.log(d.high) - m)));
  const logSd = Math.sqrt(
    factor * factor * Math.max(0, d.logSd ** 2 - levelSd ** 2) +
      Math.min(d.logSd ** 2, levelSd ** 2),
  );
  if (!within) return { ...d, low, high, logSd };
  return {
    ...d,
    low: Math.max(low, Math.min(d.low, within.low)),
    high: Math.min(high, Math.max(d.high, within.high)),
    logSd: Math.min(logSd, Math.max(d.logSd, within.logSd)),
  };
}

/** Factors applied by the self-calibration, and the reports that set them. */
export interface Widening {
  /** Pooled km factor (each group's own, partially pooled, is applied). */
  km: number;
  /** Km factor on days at least GAP_DAYS from any report of the group (at least the group's). */
  kmFarFromReports: number;
  /**
   * Pooled km factor of the median person from its days' pooled reports (kmSmoother.ts `dayLoo`;
   * each group's own, partially pooled, is applied when above its reports' factor).
   */
  kmDays?: number;
  /**
   * Pooled km factors of the head and the tail from their own reports' scores (two-sided, as a
   * summary; each group's own one-sided factors, partially pooled, are applied: `sideWidenings`).
   */
  kmHead?: number;
  kmTail?: number;
  /**
   * The pooled one-sided factors of the head's and the tail's reports (`sideWidenings` on all
   * groups' scores together): `Below` widens the low side, `Above` the high side. Each group's own
   * pair, partially pooled with these (a group with few reports gets about these), is what was
   * applied; kmHead and kmTail above are a two-sided summary that was not applied.
   */
  kmHeadBelow?: number;
  kmHeadAbove?: number;
  kmTailBelow?: number;
  kmTailAbove?: number;
  /**
   * Size factor (log scale), pooled over groups; applied in the size pass (sizes.ts
   * `widenByFigures`), never beyond a group's interval without figures.
   */
  size: number;
  /**
   * The reports' own noise scale fitted from their held-out residuals, pooled (narrowing.ts;
   * MIN_NOISE_SCALE…1): each labelled group's own, partially pooled, narrows the days no check
   * widens.
   */
  noiseScale?: number;
  /**
   * With EstimateOptions.reportCheckOnNoise: the pooled widening of the reports' noise
   * (`noiseWidenings`) that the reports' check was read as on labelled groups (noiseWidening.ts).
   */
  kmNoise?: number;
  kmReports: number;
  sizeReports: number;
  /**
   * Present when the reports of positions or the figures are fewer than MIN_JUDGED: which, and
   * that their intervals were left as the model gives them (too few to judge).
   */
  tooFew?: string;
  /**
   * How far (km) the dataset's vanguards (rears) were seen from their median person, pooled: the
   * least reach of a head interval on every day, and of a tail interval on days no report of the
   * rear speaks for, in groups with fewer than two such reports of their own (unseenEnds.ts).
   */
  unseenHeadReachKm?: number;
  unseenTailReachKm?: number;
}

/**
 * Days from the nearest report from which a day counts as far from reports: its interval rests on
 * the movement model, checked by the reports that are themselves that far from their group's
 * other reports.
 */
export const GAP_DAYS = 2;

/**
 * Widens every group's km (median person, head, tail) intervals by the conformal factors of the
 * reports' leave-one-out scores: the median person's per group (partially pooled), and on days far
 * from any report by at least the factor of isolated reports, and also by its days' check (reports of
 * a day pooled, kmSmoother.ts `dayLoo`), carried into days without a report in km
 * (`dayCheckFactors`; docs/estimation.md § gapwidth); the head's and tail's by their own reports'
 * one-sided factors (`sideWidenings`: reports ahead of their prediction widen the high side,
 * reports behind the low side; docs/estimation.md § headcover); then the head's far end, and the
 * tail's on days no report of it speaks for, by the reach of the group's or the dataset's vanguards
 * (rears; unseenEnds.ts). The ends' intervals are put in order with the median person's after all
 * widenings (bodies.ts `orderEnds`, estimateTracks.ts).
 * Run after the final km, size and body passes. Sizes
 * were widened in the size pass already (sizes.ts `widenByFigures`, by `sizeFactor`, the
 * conformal factor of `sizeLoo`), which bounds the widening by the group's interval without
 * figures; they are only reported here.
 */
export function calibrateGroups(
  ctx: EstimateContext,
  tracked: readonly WorkGroup[],
  sizeLoo: readonly LooScore[],
  sizeFactor: number,
): Widening {
  // Too few reports of positions in the whole dataset to judge by: every km factor is 1.
  const judged = judgeable(tracked.flatMap((g) => g.km?.loo ?? []));
  const f = groupChecks(ctx, tracked, judged);
  const basis = tracked.map((g, i) => calibrateGroup(ctx, g, i, f));
  // The head's far end every day, the tail's where no report of it speaks for (unseenEnds.ts).
  const reach = widenUnseenEnds(ctx, tracked, basis);
  const { loo, dayLoo, headLoo, tailLoo } = f;
  const count = (xs: readonly LooScore[]): number => xs.filter((x) => x.weight > 0).length;
  const round3 = (x: number): number => Math.round(x * 1000) / 1000;
  const note = tooFewNote(count(loo.flat()), count(sizeLoo));
  return {
    km: round3(conformalWidening(loo.flat().filter(() => judged))),
    kmFarFromReports: round3(f.far),
    kmDays: round3(conformalWidening(dayLoo.flat())),
    kmHead: round3(conformalWidening(headLoo.flat())),
    kmTail: round3(conformalWidening(tailLoo.flat())),
    ...pooledSides("kmHead", headLoo),
    ...pooledSides("kmTail", tailLoo),
    size: round3(sizeFactor),
    noiseScale: round3(noiseScales([loo.flat().filter(() => judged)])[0]!),
    ...(ctx.reportCheckOnNoise
      ? { kmNoise: round3(noiseWidenings([loo.flat().filter(() => judged)])[0]!) }
      : {}),
    kmReports: count(loo.flat()),
    sizeReports: count(sizeLoo),
    unseenHeadReachKm: Math.round(reach.headKm),
    unseenTailReachKm: Math.round(reach.tailKm),
    ...(note ? { tooFew: note } : {}),
  };
}

/** The held-out checks of every group (by index in `tracked`) and the factors they give. */
interface GroupChecks {
  /** A group's scores, or none when the dataset has too few to judge by. */
  scoresOf: (xs: readonly LooScore[] | undefined) => readonly LooScore[];
  /** Each report's held-out score (unfiltered), and its day step. */
  loo: (readonly LooScore[])[];
  steps: number[][];
  /** The day checks' scores, the head's and the tail's (judged). */
  dayLoo: (readonly LooScore[])[];
  headLoo: (readonly LooScore[])[];
  tailLoo: (readonly LooScore[])[];
  /** Factors: the group's reports', its days', the pooled far-from-reports one. */
  byGroup: number[];
  byDays: number[];
  far: number;
  /** One-sided factors of the head and tail. */
  headF: { below: number[]; above: number[] };
  tailF: { below: number[]; above: number[] };
  /** The reports' own noise scale per group (narrowing.ts). */
  scales: number[];
  /** The reports' noise widening per group (noiseWidening.ts; ctx.reportCheckOnNoise). */
  noiseUp: number[];
}

function groupChecks(
  ctx: EstimateContext,
  tracked: readonly WorkGroup[],
  judged: boolean,
): GroupChecks {
  const scoresOf = (xs: readonly LooScore[] | undefined): readonly LooScore[] =>
    judged ? (xs ?? []) : [];
  const loo = tracked.map((g) => g.km?.loo ?? []);
  const steps = tracked.map((g) =>
    kmObservations(ctx, g).map((o) => Math.min(g.nDays - 1, Math.max(0, Math.round(o.step)))),
  );
  const byGroup = groupWidenings(loo.map(scoresOf));
  // Reports that err together on a day (kmSmoother.ts `dayLoo`): the day's own check, for the
  // median person (the head and tail have their own reports' check).
  const dayLoo = tracked.map((g) => scoresOf(g.km?.dayLoo));
  const byDays = groupWidenings(dayLoo);
  const isolated = loo.map((scores, i) => {
    const nearest = nearestOthers(steps[i]);
    return scores.filter((_, j) => nearest[j] >= GAP_DAYS);
  });
  const far = groupWidenings([isolated.flat()].map(scoresOf))[0];
  // The head and tail: their own reports' scores against their own smoothing (bodies.ts), per
  // group and partially pooled, one-sided (docs/estimation.md "headcover").
  const headLoo = tracked.map((g) => scoresOf(g.endLoo?.head));
  const tailLoo = tracked.map((g) => scoresOf(g.endLoo?.tail));
  const headF = sideWidenings(headLoo);
  const tailF = sideWidenings(tailLoo);
  // The reports' own noise scale, fitted from their held-out residuals (narrowing.ts).
  const scales = noiseScales(loo.map(scoresOf));
  const noiseUp = ctx.reportCheckOnNoise ? noiseWidenings(loo.map(scoresOf)) : [];
  return {
    scoresOf,
    loo,
    steps,
    dayLoo,
    headLoo,
    tailLoo,
    byGroup,
    byDays,
    far,
    headF,
    tailF,
    scales,
    noiseUp,
  };
}

/**
 * Calibrates group `g` (index `i`) by the checks: its median person's days widened (or, with
 * ctx.narrowNoise, narrowed), its head and tail by their one-sided checks. Returns its median
 * person's days as its reports' check alone widened them (the ends' basis, unseenEnds.ts).
 */
function calibrateGroup(
  ctx: EstimateContext,
  g: WorkGroup,
  i: number,
  f: GroupChecks,
): KmDayEstimate[] | undefined {
  const { steps, byDays, far, scoresOf } = f;
  const length = ctx.index.lengthKm(g.routeId);
  const gap = daysFromReports(steps[i], g.nDays);
  const checked = reportCheckFactors(ctx, g, i, f);
  const factor = (k: number): number =>
    gap[k] >= GAP_DAYS ? Math.max(checked[k], far) : checked[k];
  const widen =
    (own = 1) =>
    (d: KmDayEstimate, k: number): KmDayEstimate =>
      widenKmDay(d, Math.max(own, factor(k)), length);
  // The ends reach from the median person's interval as its reports' check widened it, read as
  // a ratio (the day check speaks of the median person alone, and the noise reading of the
  // reports' check of its reports: unseenEnds.ts; docs/estimation.md § cal25b).
  const ratio = (k: number): number => Math.max(f.byGroup[i], gap[k] >= GAP_DAYS ? far : 1);
  const basis = g.km?.days.map((d, k) => widenKmDay(d, ratio(k), length));
  if (g.km) {
    // A track built without labels keeps the ratio: its days without a report may be days its
    // reports went to another track, not a reading carried from the days around.
    const law =
      ctx.dayCheckOnLaw && g.km.loo.length === steps[i].length
        ? lawShares(g.km.days, steps[i], g.km.loo, byDays[i])
        : undefined;
    const byDay = g.labelled
      ? dayCheckFactors(g.km.days, steps[i], byDays[i], law)
      : g.km.days.map(() => byDays[i]);
    const narrow = ctx.narrowNoise
      ? narrowingOf(g, steps[i], scoresOf(g.km.loo), f.scales[i])
      : g.km.days.map(() => 1);
    // A day any check finds overconfident is widened; only the others are narrowed.
    const calibrated = (d: KmDayEstimate, k: number): KmDayEstimate =>
      Math.max(byDay[k], factor(k)) > 1 ? widen(byDay[k])(d, k) : narrowKmDay(d, narrow[k]);
    g.km = { ...g.km, days: g.km.days.map(calibrated) };
  }
  // The ends by their own reports' one-sided checks alone; their far sides keep at least the
  // median person's widened interval through the order of the parts (bodies.ts orderEnds).
  const sides =
    (e: { below: number[]; above: number[] }) =>
    (d: KmDayEstimate): KmDayEstimate =>
      widenKmSides(d, e.below[i], e.above[i], length);
  g.head = g.head?.map(sides(f.headF));
  g.tail = g.tail?.map(sides(f.tailF));
  return basis;
}

/**
 * The reports' check's factor on each day of group `g` (index `i`): its partially pooled `km`
 * factor on every day, or, with ctx.reportCheckOnNoise and a labelled group, that check read as a
 * widening of its reports' noise (noiseWidening.ts): a reported day by its reports' share of its
 * posterior, other days by the km² carried from the reported days around (`dayCheckFactors`).
 * A track built without labels keeps the ratio (its days without a report may be another
 * track's). Each factor ≥ 1.
 */
function reportCheckFactors(
  ctx: EstimateContext,
  g: WorkGroup,
  i: number,
  f: GroupChecks,
): number[] {
  const days = g.km?.days ?? [];
  const loo = f.scoresOf(g.km?.loo);
  const scale = f.noiseUp[i] ?? 1;
  if (!ctx.reportCheckOnNoise || !g.labelled || loo.length !== f.steps[i].length)
    return Array.from({ length: g.nDays }, () => f.byGroup[i]);
  const reported = reportedDayWidenings(
    f.steps[i],
    loo.map((x) => x.parts),
    loo.map((x) => x.weight),
    scale,
  );
  return dayCheckFactors(days, f.steps[i], scale, reported);
}

/**
 * Each day's narrowing factor (≤ 1) of a labelled group's median person when its reports' noise
 * is × `scale` (narrowing.ts); 1 on every day of a track built without labels, whose days without
 * a report may be days its reports went to another track.
 */
function narrowingOf(
  g: WorkGroup,
  steps: readonly number[],
  loo: readonly LooScore[],
  scale: number,
): number[] {
  const days = g.km?.days ?? [];
  if (!g.labelled || !(scale < 1) || loo.length !== steps.length) return days.map(() => 1);
  const factors = loo.map((x) => (x.parts ? reportNarrowing(x.parts, scale) : 1));
  return narrowingFactors(
    days,
    steps,
    factors,
    loo.map((x) => x.weight),
  );
}

/**
 * The sentence `Widening.tooFew` (English; calibrationText.ts says it in Spanish too), or
 * undefined when both pools can be judged by.
 * @example
 * tooFewNote(5, 4);
 * // => "5 reports of positions and 4 figures, fewer than 10 each: too few to judge; intervals not widened"
 */
export function tooFewNote(kmReports: number, sizeReports: number): string | undefined {
  return tooFewText(kmReports, sizeReports, "en");
}

/**
 * The one-sided factors of all groups' end scores pooled (`sideWidenings` of one group holding
 * them all), as `<name>Below` / `<name>Above`, rounded to 0.001: what report.json shows beside the
 * per-group pairs that were applied.
 */
function pooledSides<N extends "kmHead" | "kmTail">(
  name: N,
  byGroup: readonly (readonly LooScore[])[],
): Record<`${N}Below` | `${N}Above`, number> {
  const f = sideWidenings([byGroup.flat()]);
  const round3 = (x: number): number => Math.round(x * 1000) / 1000;
  return { [`${name}Below`]: round3(f.below[0]!), [`${name}Above`]: round3(f.above[0]!) } as Record<
    `${N}Below` | `${N}Above`,
    number
  >;
}

/**
 * For each report j (at `steps[j]`), days to the group's nearest other report (Infinity if none):
 * its neighbours in the order of days.
 */
function nearestOthers(steps: readonly number[]): number[] {
  const order = steps.map((_, i) => i).sort((a, b) => steps[a] - steps[b]);
  const out = new Array<number>(steps.length).fill(Infinity);
  order.forEach((j, r) => {
    if (r > 0) out[j] = Math.abs(steps[j] - steps[order[r - 1]]);
    if (r + 1 < order.length) out[j] = Math.min(out[j], Math.abs(steps[order[r + 1]] - steps[j]));
  });
  return out;
}

/**
 * The day check's factor `factor` (kmDays) for each day of a median person's `days`: the factor
 * itself on days with a report (at `steps`); on other days the extra spread it adds on the
 * reported days either side, in km, carried in quadrature — (factor² − 1)·h² of a reported day
 * of half-width h, linear in days between the two, the nearest's before the first report and
 * after the last — so a day of half-width H gets √(1 + extra ÷ H²), at most `factor`.
 * Why: the day check measures a lean that a day's reports share, an error of the day's reading in
 * km (kmSmoother.ts `dayLoo`); a day between reports inherits it from the reported days around it,
 * not as a ratio of its own spread, which the movement law has made wider (docs/estimation.md
 * § gapwidth).
 * @example
 * const d = (h: number) => ({ median: 100, low: 100 - h, high: 100 + h, sd: h / 1.645 });
 * dayCheckFactors([d(10), d(20), d(10)], [0, 2], 2); // ≈ [2, 1.32, 2]
 */
export function dayCheckFactors(
  days: readonly Pick<KmDayEstimate, "low" | "high">[],
  steps: readonly number[],
  factor: number,
  onReported?: ReadonlyMap<number, number>,
): number[] {
  if (!(factor > 1)) return days.map(() => 1);
  const half = days.map((d) => Math.max(0, (d.high - d.low) / 2));
  const reported = [...new Set(steps)].filter((k) => k >= 0 && k < days.length);
  reported.sort((a, b) => a - b);
  // A reported day's own factor lies in [1, factor]: anything else (NaN, below 1) reads as factor.
  const own = (f: number | undefined): number =>
    f !== undefined && f >= 1 && f <= factor ? f : factor;
  const at = (k: number): number => own(onReported?.get(k));
  const extra = (k: number): number => (at(k) * at(k) - 1) * half[k] ** 2;
  let next = 0;
  return days.map((_, k) => {
    while (next < reported.length && reported[next] < k) next++;
    if (reported.length === 0) return factor;
    if (reported[next] === k) return at(k);
    const b = reported[next - 1];
    const a = reported[next];
    let e: number;
    if (b === undefined) e = extra(a);
    else if (a === undefined) e = extra(b);
    else e = extra(b) + ((extra(a) - extra(b)) * (k - b)) / (a - b);
    if (!(half[k] > 0)) return factor;
    return Math.min(factor, Math.sqrt(1 + e / half[k] ** 2));
  });
}

/**
 * The day check's factor `factor` on a reported day, read as what it measures: the day check
 * (kmSmoother.ts `dayLoo`) scores a day's reports against the day predicted from the OTHER days
 * (variance `predictionVar`, km²), so `factor` widens that prediction, and the day's posterior
 * (variance `posteriorVar`) widens only by as much as the prediction's share of it:
 * √(P′ ÷ P), P′ = 1 ÷ (1 ÷ (factor²·v) + (1 ÷ P − 1 ÷ v)), the day's own reports' precision
 * 1 ÷ P − 1 ÷ v kept. At least 1, at most `factor` (all of it when the prediction is unknown or
 * no wider than the posterior). EstimateOptions.dayCheckOnLaw; docs/estimation.md § cal25.
 * @example
 * lawShareFactor(100, 400, 2); // ≈ 1.26: three quarters of the day's precision is its own reports'
 * lawShareFactor(100, 100, 2); // => 2
 */
export function lawShareFactor(
  posteriorVar: number,
  predictionVar: number,
  factor: number,
): number {
  if (!(factor > 1)) return 1;
  if (!(posteriorVar > 0) || !(predictionVar > posteriorVar)) return factor;
  const own = 1 / posteriorVar - 1 / predictionVar;
  const widened = 1 / (1 / (factor * factor * predictionVar) + own);
  return Math.min(factor, Math.max(1, Math.sqrt(widened / posteriorVar)));
}

/**
 * Each reported day's {@link lawShareFactor} of a group's day-check factor: the prediction's
 * variance the largest of the day's reports' leave-one-out posteriors (`parts.post`: each holds
 * the day's other reports, so each is at most the day's prediction; the largest errs towards the
 * whole factor).
 */
function lawShares(
  days: readonly KmDayEstimate[],
  steps: readonly number[],
  loo: readonly LooScore[],
  factor: number,
): Map<number, number> {
  const prediction = new Map<number, number>();
  loo.forEach((x, j) => {
    const k = steps[j];
    if (x.parts && k !== undefined)
      prediction.set(k, Math.max(prediction.get(k) ?? 0, x.parts.post));
  });
  const out = new Map<number, number>();
  for (const [k, v] of prediction) {
    const d = days[k];
    if (d) out.set(k, lawShareFactor(d.sd * d.sd, v, factor));
  }
  return out;
}

/** For each day 0…nDays−1, days to the nearest report (Infinity with none). */
function daysFromReports(steps: readonly number[], nDays: number): number[] {
  return Array.from({ length: nDays }, (_, k) =>
    steps.reduce((best, s) => Math.min(best, Math.abs(s - k)), Infinity),
  );
}
