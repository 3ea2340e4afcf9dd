/**
 * The prior on a group's size (people, log-normal), fitted hierarchically from the other groups of
 * the same dataset.
 *
 * Why: a group reported only as "at least 150" has a likelihood that is flat above the bound, so
 * with a flat prior on log size its posterior runs up to the end of the grid (hundreds of
 * thousands of people), and every total built on track sizes (the ledger, the forecast) inherits
 * that. A proper prior makes the posterior the prior truncated at the bound: honest about not
 * knowing, but plausible.
 *
 * How (empirical Bayes, random-effects meta-analysis of the groups' log sizes; Gelman et al.,
 * *Bayesian Data Analysis*, 3rd ed., §5.4–5.5, and DerSimonian & Laird 1986 for the
 * method-of-moments between-group variance): each group whose size is pinned by figures gives
 * its best-informed log size m_i with posterior sd s_i (from the smoother run without this prior).
 * The between-group variance is τ² = var(m) − mean(s²) (not below 0). Mean and variance are then
 * pooled with the fallback below as if it were {@link FALLBACK_WEIGHT} more groups (a conjugate
 * normal / scaled-inverse-χ² hyperprior), so two or three groups move the prior only part of the
 * way, and with none the fallback stands. Each group gets the prior of the OTHER groups (leave
 * one out): its own figures are its likelihood already and must not count twice. The predictive
 * sd adds the uncertainty of the pooled mean, τ²·(1 + 1/n_eff), and is kept within
 * [{@link MIN_PRIOR_SD}, {@link MAX_PRIOR_SD}] so that it stays weakly informative.
 *
 * Fallback (few groups): a log-normal fitted to the sizes of the 2018 caravans in the IOM overview
 * (IOM Northern Central America, "Beyond the numbers", infounitnca.iom.int: about 4,000 and 3,000
 * from Honduras; 350, 150, 1,700, 1,700 and 200 from El Salvador; docs/estimation.md#size-prior): mean log size 6.76 (median ≈ 865 people), sd 1.34
 * (sample sd; its 90 % range is ≈ 95–7,900 people). It is not widened further by hand: the
 * predictive sd already adds the uncertainty of the mean, and a wider sd mostly moves the upper end
 * of bound-only groups to sizes no 2018 group had.
 */
import type { People } from "../model/units.ts";

/** A log-normal prior on a group's size: log N ~ Normal(logMean, logSd²). */
export interface SizePrior {
  /** Mean of log(people). */
  logMean: number;
  /** Sd of log(people). */
  logSd: number;
  /** Number of other groups whose figures it was fitted from (0: the fallback alone). */
  groups: number;
}

/** One group's size evidence: its best-informed log size and that estimate's sd. */
export interface GroupSizeSummary {
  group: string;
  logMean: number;
  logSd: number;
}

/** 2018 caravan sizes of the IOM overview ("Beyond the numbers", IOM Northern Central America), people. */
export const FALLBACK_SIZES_2018: readonly People[] = [4000, 3000, 350, 150, 1700, 1700, 200];
/** Weight of the fallback in the pooling, in groups. */
export const FALLBACK_WEIGHT = 3;
/** Bounds of the prior's sd (log people): never sharper than ×2 per sd, never flatter than ×7.4. */
export const MIN_PRIOR_SD = 0.7;
export const MAX_PRIOR_SD = 2;

/**
 * The fixed fallback prior (see the module comment for its source).
 * @example
 * Math.round(Math.exp(fallbackSizePrior().logMean)); // => 865 (people, the median)
 * fallbackSizePrior().logSd; // ≈ 1.34
 */
export function fallbackSizePrior(): SizePrior {
  const logs = FALLBACK_SIZES_2018.map(Math.log);
  const mean = logs.reduce((a, b) => a + b, 0) / logs.length;
  const ss = logs.reduce((a, b) => a + (b - mean) ** 2, 0);
  return { logMean: mean, logSd: Math.sqrt(ss / (logs.length - 1)), groups: 0 };
}

/**
 * Fits the size prior from other groups' summaries, pooled with the fallback.
 * `summaries` should hold only groups with figures (a group known only by a bound says little
 * about typical sizes); an empty list gives the fallback.
 * @param summaries best-informed log size of each group and its posterior sd (log people).
 * @example
 * fitSizePrior([]).groups; // => 0 (the fallback)
 * fitSizePrior([{ group: "A", logMean: Math.log(3000), logSd: 0.2 }]).logMean; // between log 865 and log 3000
 */
export function fitSizePrior(summaries: readonly GroupSizeSummary[]): SizePrior {
  const fb = fallbackSizePrior();
  const n = summaries.length;
  if (n === 0) return fb;
  const mean = summaries.reduce((a, s) => a + s.logMean, 0) / n;
  const w0 = FALLBACK_WEIGHT;
  const logMean = (w0 * fb.logMean + n * mean) / (w0 + n);
  let between = fb.logSd ** 2;
  if (n >= 2) {
    let ss = 0;
    for (const s of summaries) ss += (s.logMean - mean) ** 2;
    const noise = summaries.reduce((a, s) => a + s.logSd ** 2, 0) / n;
    const tau2 = Math.max(0, ss / (n - 1) - noise);
    // n − 1 degrees of freedom from the groups, w0 from the fallback.
    between = (w0 * fb.logSd ** 2 + (n - 1) * tau2) / (w0 + n - 1);
  }
  const predictive = Math.sqrt(between * (1 + 1 / (w0 + n)));
  return {
    logMean,
    logSd: Math.min(MAX_PRIOR_SD, Math.max(MIN_PRIOR_SD, predictive)),
    groups: n,
  };
}

/**
 * Leave-one-out priors: for each group, the prior fitted from the OTHER groups' summaries.
 * @param groups names of the groups that need a prior.
 * @example
 * sizePriorsLeaveOneOut(["A", "B"], [{ group: "A", logMean: 8, logSd: 0.2 }]).get("A")?.groups; // => 0
 */
export function sizePriorsLeaveOneOut(
  groups: readonly string[],
  summaries: readonly GroupSizeSummary[],
): Map<string, SizePrior> {
  const out = new Map<string, SizePrior>();
  for (const g of groups) out.set(g, fitSizePrior(summaries.filter((s) => s.group !== g)));
  return out;
}
