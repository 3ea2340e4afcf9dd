/**
 * How far the source-bias anchors (sourceBias.ts `SOURCE_PRIORS`, all taken from one movement,
 * 2018) may sit off together in this dataset, judged by how far they sit off *apart*.
 *
 * The reports fix the differences between source types (organisers against governments, …), never
 * their common level: every size divided by e^c and every bias raised by c fit the reports as
 * well. So the level rests on the anchors, and its uncertainty must come from outside the
 * residuals. What the data do show is whether the anchors' *differences* hold here: each type's
 * mean residual m_s against its anchor b_s, after the best common shift, should scatter by its
 * prior sd τ_s and its sampling error σ_s²/n_s, no more. Cochran's Q of those deviations, and the
 * DerSimonian–Laird moment estimate of the extra scatter between types (DerSimonian & Laird 1986),
 * τ² = max(0, (Q − (k − 1)) / (Σh − Σh² / Σh)), h_s = 1 / (τ_s² + σ_s²/n_s), measure how much
 * worse the anchors transfer to this movement than their priors say. Anchors whose differences are
 * off by τ are taken to be off together by about as much: no residual can tell a shift every type
 * shares from none, and nothing makes it smaller than the shifts the types do not share.
 *
 * Why: on worlds whose sources count differently from 2018 (the stress worlds: governments −0.3,
 * organisers +0.35 against anchors −0.1 and +0.85) the size estimate sat 20 % low on average while
 * its interval carried ±5 % for the level (bench/README.md, "honest when the model is wrong").
 * On data whose sources behave as the anchors say (2018, simulate.ts), Q stays near k − 1 and
 * nothing changes.
 */
import type { BiasResidual, BiasSource, SourceBias } from "./sourceBias.ts";
import { SOURCE_PRIORS } from "./sourceBias.ts";

/** Residuals further than this many spreads from their type's median count as this many. */
const WINSOR_SPREADS = 3;

/**
 * Extra sd (log) by which the anchors' per-type biases disagree with this dataset's reports, beyond
 * their priors' sds: the DerSimonian–Laird τ (module comment); 0 with fewer than two source types.
 * @param residuals one per point-size report: log(report) − log(size) as sizes.ts computes them.
 * @param current the fitted spreads (default: the priors').
 * @example
 * anchorShiftSd([
 *   ...Array(20).fill({ source: "government", residual: -0.1 }),
 *   ...Array(20).fill({ source: "organiser", residual: 0.25 }),
 * ]); // ≈ 0.39: the anchors put organisers 0.95 above governments, the reports 0.35
 */
export function anchorShiftSd(
  residuals: readonly BiasResidual[],
  current?: ReadonlyMap<BiasSource, SourceBias>,
): number {
  const bySource = new Map<BiasSource, number[]>();
  for (const r of residuals) {
    if (!Number.isFinite(r.residual)) continue;
    const list = bySource.get(r.source) ?? [];
    list.push(r.residual);
    bySource.set(r.source, list);
  }
  const types = [...bySource].map(([source, list]) => {
    const prior = SOURCE_PRIORS[source];
    const spread = current?.get(source)?.spread ?? prior.spread;
    const h = 1 / (prior.biasSd ** 2 + spread ** 2 / list.length);
    return { d: prior.bias - winsorisedMean(list, spread), h };
  });
  if (types.length < 2) return 0;
  const sumH = types.reduce((a, t) => a + t.h, 0);
  const c = types.reduce((a, t) => a + t.h * t.d, 0) / sumH;
  const q = types.reduce((a, t) => a + t.h * (t.d - c) ** 2, 0);
  const sumH2 = types.reduce((a, t) => a + t.h * t.h, 0);
  const tau2 = (q - (types.length - 1)) / (sumH - sumH2 / sumH);
  return tau2 > 0 ? Math.sqrt(tau2) : 0;
}

/** Mean of `xs` with values beyond WINSOR_SPREADS × `spread` from their median pulled in. */
function winsorisedMean(xs: readonly number[], spread: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const med = sorted[Math.floor(sorted.length / 2)];
  const w = WINSOR_SPREADS * spread;
  return xs.reduce((a, x) => a + Math.min(med + w, Math.max(med - w, x)), 0) / xs.length;
}
