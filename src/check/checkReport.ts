/**
 * The check as written for users: the `check` object of report.json, and (summaryText.ts) a
 * one-paragraph summary in English or Spanish. Front ends print these; they do not re-derive any figure.
 */
import type { CheckResult } from "./checkEstimate.ts";
import { MIN_JUDGED, type SourceFactors, type TrackWidening } from "./conformal.ts";
import type { CheckScores, HeldOutPrediction } from "./score.ts";

import { scoredSources } from "./summaryText.ts";

export { checkBySourceLines, checkSummary } from "./summaryText.ts";

/** Reports listed in `worst`: the held-out reports the model predicted worst. */
const WORST = 10;

/**
 * The `check` object of report.json. Shares are 0–1 (3 decimals), km to 0.1, sizes as |log ratio|
 * and as a percentage (exp(median |log ratio|) − 1). `widening.applied` is what the tracks got
 * (`null` when the check was run without widening the tracks).
 */
export function checkForReport(
  check: CheckResult,
  applied: TrackWidening | null,
): Record<string, unknown> {
  // Only source types with a held-out report scored (no n = 0 entries: docs/contracts.md).
  const bySource: Record<string, unknown> = {};
  for (const source of scoredSources(check)) {
    const s = check.bySource[source]!;
    bySource[source] = { position: positionScores(s.position), size: sizeScores(s.size) };
  }
  return {
    method: `${check.leaveOneOut ? "leave-one-out" : `${check.folds}-fold`} held-out predictive check (seed ${check.seed}): each report is predicted from the estimate made without it, at its time, from its group's body part (head, median or tail) plus its own noise (a town report: uniform over the town's catchment); widening: split-conformal factor at 90 % (≥ 1; 1 — not widened — with fewer than ${MIN_JUDGED} held-out reports of a quantity, too few to judge), cross-fitted over folds for coverage90Widened`,
    folds: check.folds,
    reEstimates: check.reEstimates,
    leaveOneOut: check.leaveOneOut,
    seed: check.seed,
    heldOut: check.heldOut,
    position: positionScores(check.position),
    size: sizeScores(check.size),
    bySource,
    notPredicted: check.notPredicted,
    widening: {
      level: 0.9,
      km: roundFactors(check.factors.km),
      size: roundFactors(check.factors.size),
      applied: applied ? { km: r3(applied.km), size: r3(applied.size) } : null,
    },
    worst: worst(check.predictions),
  };
}

function positionScores(s: CheckScores): Record<string, unknown> {
  return {
    n: s.n,
    coverage50: r3(s.coverage50),
    coverage90: r3(s.coverage90),
    coverage90Widened: r3(s.coverage90Widened),
    medianErrorKm: r1(s.medianError),
    medianWidth90Km: r1(s.medianWidth90),
    medianWidth90WidenedKm: r1(s.medianWidth90Widened),
    intervalScore90Km: r1(s.intervalScore90),
    pit: s.pit,
  };
}

function sizeScores(s: CheckScores): Record<string, unknown> {
  return {
    n: s.n,
    coverage50: r3(s.coverage50),
    coverage90: r3(s.coverage90),
    coverage90Widened: r3(s.coverage90Widened),
    medianErrorLog: r3(s.medianError),
    medianErrorPercent: r1(100 * (Math.exp(s.medianError) - 1)),
    medianWidth90Log: r3(s.medianWidth90),
    medianWidth90Ratio: r1(Math.exp(s.medianWidth90)),
    medianWidth90WidenedLog: r3(s.medianWidth90Widened),
    intervalScore90Log: r3(s.intervalScore90),
    pit: s.pit,
  };
}

/**
 * One quantity's factors for report.json: `overall` is what the tracks get, `measured` the
 * conformal factor of its scores, `judged` false (with `note`) when they are too few to judge by.
 */
function roundFactors(f: SourceFactors): unknown {
  const bySource: Record<string, number | null> = {};
  for (const [k, v] of Object.entries(f.bySource)) bySource[k] = r3(v);
  return {
    overall: r3(f.overall),
    measured: r3(f.measured),
    n: f.n,
    judged: f.judged,
    ...(f.judged ? {} : { note: tooFewNote(f) }),
    bySource,
  };
}

/** Why a quantity's factor is 1 though its scores measured more (or as much). */
function tooFewNote(f: SourceFactors): string {
  return `${f.n} held-out report${f.n === 1 ? "" : "s"}, fewer than ${MIN_JUDGED}: too few to judge; intervals not widened (measured factor ${f.measured.toFixed(2)}, the largest score)`;
}

function worst(predictions: readonly HeldOutPrediction[]): unknown[] {
  return [...predictions]
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
    .slice(0, WORST)
    .map((p) => {
      const round = p.quantity === "km" ? r1 : Math.round;
      return {
        id: p.id,
        group: p.group,
        source: p.source,
        part: p.part,
        quantity: p.quantity,
        value: round(p.value),
        predicted: round(p.predicted),
        low90: round(p.low90),
        high90: round(p.high90),
        score: r3(p.score),
      };
    });
}

function r1(x: number): number | null {
  return Number.isFinite(x) ? Math.round(x * 10) / 10 : null;
}

function r3(x: number): number | null {
  return Number.isFinite(x) ? Math.round(x * 1000) / 1000 : null;
}
