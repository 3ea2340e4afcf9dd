/**
 * Per-source-type bias and spread of size reports, in log space, with priors from the 2018
 * anchors (docs/estimation.md#source-bias-anchors): governments and police low or close to the truth
 * (b ≈ 0 … −0.2), the UN somewhat higher (≈ +0.3), organisers much higher (+0.7 … +1.0; on 24 Oct
 * 2018 Pueblo Sin Fronteras said 10,000 when the Mexican government said 3,630), media rounded and
 * noisy. `border_count` is the tally at a flow monitoring point, which undercounts (people pass at
 * night, off the road, or are counted partly).
 */
import type { SourceType } from "../model/source.ts";

/** A source type as the estimator sees it: the contract's types plus border-point counts. */
export type BiasSource = SourceType | "border_count" | "unknown";

export interface SourcePrior {
  /** Prior mean of the bias (log of reported ÷ true). */
  bias: number;
  /** Prior sd of the bias: how far a dataset's sources may sit from the anchor. */
  biasSd: number;
  /** Prior spread (sd of log reports around their bias). */
  spread: number;
  /** Prior probability that a report of this type is plain wrong (outlier). */
  outlier: number;
}

/**
 * Priors per source type. Read the reference for the anchors; spreads are ours [I]: tight for
 * registrations (DTM) and counts, wide for media (rounded figures) and social media.
 */
export const SOURCE_PRIORS: Readonly<Record<BiasSource, SourcePrior>> = {
  dtm: { bias: 0, biasSd: 0.1, spread: 0.15, outlier: 0.03 },
  government: { bias: -0.1, biasSd: 0.12, spread: 0.25, outlier: 0.05 },
  un: { bias: 0.3, biasSd: 0.15, spread: 0.25, outlier: 0.05 },
  ngo: { bias: 0.15, biasSd: 0.2, spread: 0.3, outlier: 0.05 },
  media: { bias: 0.1, biasSd: 0.2, spread: 0.4, outlier: 0.08 },
  organiser: { bias: 0.85, biasSd: 0.2, spread: 0.35, outlier: 0.08 },
  social_media: { bias: 0.3, biasSd: 0.3, spread: 0.6, outlier: 0.15 },
  other: { bias: 0.1, biasSd: 0.3, spread: 0.5, outlier: 0.1 },
  unknown: { bias: 0.1, biasSd: 0.3, spread: 0.5, outlier: 0.1 },
  border_count: { bias: -0.2, biasSd: 0.15, spread: 0.2, outlier: 0.05 },
};

/**
 * Sd (log) of the common level of all the source-type priors at once. The per-type priors treat
 * each type's anchor as an independent guess, so pooling seven types leaves the common level
 * known to ±6 %; but the anchors come from one movement's comparisons (2018) and may sit off
 * together in another: all sources a little lower or higher than then. That shift is invisible
 * to the reports (it moves every type alike), so the size intervals must carry it: 0.05, the
 * whole set off by ±5 % (1 sd) beside the ±6 % of the pooled priors. Measured (bench/README.md):
 * on worlds whose sources sit off the anchors together by ~12 % it lifts size coverage from 82 %
 * to 86 %; on worlds drawn around the anchors (src/estimate/simulate.ts) from ~90 % to ~95 %,
 * where 0.1 already gave 98 % (too wide): a compromise, not a fit to either.
 */
export const ANCHOR_LEVEL_SD = 0.05;

/** A fitted source type, as written to report.json. */
export interface SourceBias {
  sourceType: BiasSource;
  /** Fitted bias: log(reported ÷ true). exp(bias) = 1.5 means the type reports 50 % too many. */
  bias: number;
  /** Fitted spread: sd of log reports around the bias. */
  spread: number;
  /** Point-size reports the fit used. */
  n: number;
}

/** One residual: log(report) − log(current size estimate) for a report of a given type. */
export interface BiasResidual {
  source: BiasSource;
  residual: number;
}

/**
 * Fits biases and spreads from residuals against the current size estimates.
 *
 * The residuals identify only differences between source types (add c to every bias and divide
 * every size by e^c: the reports fit as well). So each type's mean residual m_s is combined with
 * its prior, and the common shift c is set where the priors, weighted by how sure each type's
 * data is, put it: c = Σ h_s (prior_s − m_s) / Σ h_s with h_s = 1 / (σ_s²/n_s + τ_s²). Each bias
 * is then the precision-weighted mean of (m_s + c) and its prior. Spreads are the posterior mean
 * of an inverse-gamma prior (4 pseudo-reports at the prior spread) with residuals winsorised at
 * 3 spreads, so one wild figure cannot blow up a type's spread.
 *
 * @param residuals one per point-size report (ranges and bounds do not enter the fit).
 * @param current the biases the residuals were computed with (default: the priors).
 * @returns the fitted biases, and `levelSd`: the sd of the common shift, which the size
 *   intervals must carry.
 * @example
 * fitSourceBiases([{ source: "organiser", residual: 1.0 }, { source: "government", residual: 0 }]).biases.get("organiser")?.bias; // > bias of government
 */
export function fitSourceBiases(
  residuals: readonly BiasResidual[],
  current?: ReadonlyMap<BiasSource, SourceBias>,
): { biases: Map<BiasSource, SourceBias>; levelSd: number } {
  const groups = new Map<BiasSource, number[]>();
  for (const r of residuals) {
    if (!Number.isFinite(r.residual)) continue;
    let list = groups.get(r.source);
    if (!list) groups.set(r.source, (list = []));
    list.push(r.residual);
  }
  const stats: { source: BiasSource; m: number; n: number; spread: number; h: number }[] = [];
  for (const [source, list] of groups) {
    const prior = SOURCE_PRIORS[source];
    const spread = current?.get(source)?.spread ?? prior.spread;
    // Winsorised mean: residuals further than 3 spreads from the median count as 3 spreads.
    const sorted = [...list].sort((a, b) => a - b);
    const med = sorted[Math.floor(sorted.length / 2)];
    const clipped = list.map((x) => Math.min(med + 3 * spread, Math.max(med - 3 * spread, x)));
    const m = clipped.reduce((a, b) => a + b, 0) / clipped.length;
    const h = 1 / ((spread * spread) / list.length + prior.biasSd * prior.biasSd);
    stats.push({ source, m, n: list.length, spread, h });
  }
  let num = 0;
  let den = 0;
  for (const s of stats) {
    num += s.h * (SOURCE_PRIORS[s.source].bias - s.m);
    den += s.h;
  }
  const c = den > 0 ? num / den : 0;
  const biases = new Map<BiasSource, SourceBias>();
  for (const s of stats) {
    const prior = SOURCE_PRIORS[s.source];
    const wData = s.n / (s.spread * s.spread);
    const wPrior = 1 / (prior.biasSd * prior.biasSd);
    const bias = (wData * (s.m + c) + wPrior * prior.bias) / (wData + wPrior);
    const list = groups.get(s.source) ?? [];
    let ss = 0;
    for (const x of list) {
      const r = Math.min(3 * s.spread, Math.abs(x + c - bias));
      ss += r * r;
    }
    const nu0 = 4;
    const spread = Math.sqrt((nu0 * prior.spread * prior.spread + ss) / (nu0 + list.length));
    biases.set(s.source, { sourceType: s.source, bias, spread, n: s.n });
  }
  // Sd of the common level: the priors' precision, pooled, plus the uncertainty of the anchors
  // as a whole (ANCHOR_LEVEL_SD), which pooling over source types cannot reduce.
  let precision = 0;
  for (const s of stats) precision += 1 / SOURCE_PRIORS[s.source].biasSd ** 2;
  const pooled = precision > 0 ? 1 / precision : 0.15 ** 2;
  const levelSd = Math.sqrt(pooled + ANCHOR_LEVEL_SD ** 2);
  return { biases, levelSd };
}

/**
 * The bias and spread to use for a source type: the fitted one, else the prior.
 * @example
 * biasFor("organiser", new Map()).bias; // => 0.85 (the prior)
 */
export function biasFor(
  source: BiasSource,
  fitted: ReadonlyMap<BiasSource, SourceBias>,
): { bias: number; spread: number; outlier: number } {
  const prior = SOURCE_PRIORS[source];
  const f = fitted.get(source);
  return { bias: f?.bias ?? prior.bias, spread: f?.spread ?? prior.spread, outlier: prior.outlier };
}
