/**
 * Split-conformal widening (Vovk, Gammerman and Shafer; Lei et al., JASA 2018): the held-out
 * nonconformity scores (the factor by which the model's interval must be widened to just cover a
 * held-out report) give the factor that makes 90 % predictive intervals hold on reports like them.
 * Factors are never below 1: the check widens an overconfident model and never narrows one.
 */
import type { RouteCollection } from "../model/route.ts";
import { createRouteIndex } from "../geo/routeIndex.ts";
import { MIN_JUDGED } from "../estimate/calibrate.ts";
import type { BodyTrackPoint } from "./bodyTrack.ts";

/** The conformal level: track intervals are 90 % intervals. */
export const CONFORMAL_LEVEL = 0.9;

/**
 * Fewest held-out scores (of one quantity: positions, or sizes) a check judges by, and widens the
 * tracks by: the estimator's self-calibration's rule (`calibrate.ts` MIN_JUDGED, 10). Below it the
 * check says "too few to judge" and the factor applied is 1. Ten is also the fewest reports of
 * one source type that get their own factor (`sourceFactors`).
 */
export { MIN_JUDGED };

/**
 * The factor a check applies from scores: {@link conformalFactor} when there are at least
 * {@link MIN_JUDGED} finite scores, else 1 (too few to judge: the model's intervals are kept,
 * never narrowed and not widened).
 * @example
 * judgedFactor([0.2, 0.5, 0.9, 1.4, 3.2]); // => 1 (5 scores: too few to judge)
 */
export function judgedFactor(scores: readonly number[], level = CONFORMAL_LEVEL): number {
  const n = scores.filter((s) => Number.isFinite(s)).length;
  return n < MIN_JUDGED ? 1 : conformalFactor(scores, level);
}

/**
 * The factor for `level` from scores: the ⌈(n + 1)·level⌉-th smallest score (the largest when
 * there are too few), and at least 1. 1 when there are no scores.
 * @example
 * conformalFactor([0.2, 0.5, 0.9, 1.4, 2.5], 0.5); // => 1 (the 3rd smallest score, 0.9, is < 1)
 * conformalFactor([0.2, 0.5, 1.2, 1.4, 2.5], 0.5); // => 1.2
 */
export function conformalFactor(scores: readonly number[], level = CONFORMAL_LEVEL): number {
  const finite = scores.filter((s) => Number.isFinite(s)).sort((a, b) => a - b);
  if (finite.length === 0) return 1;
  const rank = Math.min(finite.length, Math.ceil((finite.length + 1) * level));
  return Math.max(1, finite[rank - 1]);
}

/** A score with the fold and source it came from. */
export interface ScoredReport {
  fold: number;
  source: string;
  /** Nonconformity score: the widening that just covers the report (see predictive.ts). */
  score: number;
}

/** Widening factors from one kind of held-out report (positions, or sizes). */
export interface SourceFactors {
  /** The factor applied to the tracks (≥ 1; 1 with fewer than {@link MIN_JUDGED} scores). */
  overall: number;
  /** The conformal factor of all scores whether or not they are enough to judge by (≥ 1). */
  measured: number;
  /** Finite scores the factor is read from. */
  n: number;
  /** True when `n` ≥ {@link MIN_JUDGED}: the check judges, and `overall` = `measured`. */
  judged: boolean;
  /** Per source type with at least `minPerSource` scores (others use `overall`). */
  bySource: Record<string, number>;
}

/**
 * Overall and per-source factors; a source type with fewer than `minPerSource` scores has none,
 * and the overall factor is 1 with fewer than {@link MIN_JUDGED} scores (`measured` keeps it).
 */
export function sourceFactors(scored: readonly ScoredReport[], minPerSource = 10): SourceFactors {
  const bySource: Record<string, number> = {};
  const sources = [...new Set(scored.map((s) => s.source))].sort();
  for (const source of sources) {
    const scores = scored.filter((s) => s.source === source).map((s) => s.score);
    if (scores.length >= minPerSource) bySource[source] = conformalFactor(scores);
  }
  const scores = scored.map((s) => s.score);
  const n = scores.filter((x) => Number.isFinite(x)).length;
  return {
    overall: judgedFactor(scores),
    measured: conformalFactor(scores),
    n,
    judged: n >= MIN_JUDGED,
    bySource,
  };
}

/**
 * For each report, the overall factor fitted on the other folds only (cross-fitting: a report's
 * widened interval, and whether it covers the report, are then themselves held out); 1 where the
 * other folds hold fewer than {@link MIN_JUDGED} scores, as the tracks would get.
 */
export function crossFittedFactors(scored: readonly ScoredReport[]): number[] {
  const folds = new Map<number, number>();
  for (const fold of new Set(scored.map((s) => s.fold))) {
    folds.set(fold, judgedFactor(scored.filter((s) => s.fold !== fold).map((s) => s.score)));
  }
  return scored.map((s) => folds.get(s.fold) ?? 1);
}

/** Factors applied to tracks: km of the body (median, head, tail) and size (on the log scale). */
export interface TrackWidening {
  km: number;
  size: number;
}

/**
 * Tracks with their 90 % intervals widened about the estimate: km bounds by `factors.km` (also
 * head and tail bounds when present), size bounds by `factors.size` on the log scale. Estimates are
 * unchanged; factors below 1 count as 1; bounds are rounded outwards (0.1 km, whole people) and km
 * is kept within [0, `lengthKm(routeId)`] (rounded down to 0.1 km) when given.
 * @example
 * widenTracks([{ ...point, km: 100, kmLow: 90, kmHigh: 120 }], { km: 2, size: 1 })[0].kmLow; // => 80
 */
export function widenTracks<T extends BodyTrackPoint>(
  tracks: readonly T[],
  factors: TrackWidening,
  lengthKm?: (routeId: string) => number,
): T[] {
  const fKm = Math.max(1, factors.km);
  const fSize = Math.max(1, factors.size);
  return tracks.map((p) => {
    // The route's end, rounded down to 0.1 km like every other bound (the estimator's own bounds
    // at the end of a route read 4521.5, not 4521.531598…).
    const max = Math.floor((lengthKm?.(p.routeId) ?? Infinity) * 10 + 1e-6) / 10;
    const km = (mid: number, bound: number): number => {
      if (fKm === 1) return bound;
      const x = mid + fKm * (bound - mid);
      const rounded = bound < mid ? Math.floor(x * 10 + 1e-6) / 10 : Math.ceil(x * 10 - 1e-6) / 10;
      return Math.min(Math.max(max, bound), Math.max(Math.min(0, bound), rounded));
    };
    const size = (mid: number, bound: number): number => {
      if (fSize === 1 || !(mid > 0 && bound > 0)) return bound;
      const x = Math.exp(Math.log(mid) + fSize * (Math.log(bound) - Math.log(mid)));
      // Outwards, past floating-point dust (exp(log(x)) is not always x).
      return bound < mid ? Math.floor(x + 1e-6) : Math.ceil(x - 1e-6);
    };
    const out: T = {
      ...p,
      kmLow: km(p.km, p.kmLow),
      kmHigh: km(p.km, p.kmHigh),
      sizeLow: size(p.size, p.sizeLow),
      sizeHigh: size(p.size, p.sizeHigh),
    };
    if (isNum(p.headKm) && isNum(p.headKmLow) && isNum(p.headKmHigh)) {
      out.headKmLow = km(p.headKm, p.headKmLow);
      out.headKmHigh = km(p.headKm, p.headKmHigh);
    }
    if (isNum(p.tailKm) && isNum(p.tailKmLow) && isNum(p.tailKmHigh)) {
      out.tailKmLow = km(p.tailKm, p.tailKmLow);
      out.tailKmHigh = km(p.tailKm, p.tailKmHigh);
    }
    return out;
  });
}

function isNum(x: number | undefined): x is number {
  return x !== undefined && Number.isFinite(x);
}

/**
 * An estimate with its track intervals widened by the overall factors of a check (km and size),
 * km kept within each route's length. Returns the widened estimate and the factors applied.
 */
export function widenEstimate<R extends { tracks: readonly BodyTrackPoint[] }>(
  estimate: R,
  factors: { km: { overall: number }; size: { overall: number } },
  routes: RouteCollection,
): { estimate: R; applied: TrackWidening } {
  const applied = { km: Math.max(1, factors.km.overall), size: Math.max(1, factors.size.overall) };
  const index = createRouteIndex(routes);
  const lengthKm = (routeId: string): number =>
    index.routeIds.includes(routeId) ? index.lengthKm(routeId) : Infinity;
  return {
    estimate: { ...estimate, tracks: widenTracks(estimate.tracks, applied, lengthKm) },
    applied,
  };
}
