/**
 * The check as written for users: the `check` object of report.json and a one-paragraph summary.
 * Front ends print these; they do not re-derive any figure.
 */
import type { CheckResult } from "./checkEstimate.ts";
import { MIN_JUDGED, type SourceFactors, type TrackWidening } from "./conformal.ts";
import type { CheckScores, HeldOutPrediction } from "./score.ts";

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
  const bySource: Record<string, unknown> = {};
  for (const [source, s] of Object.entries(check.bySource)) {
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
    medianWidth90WidenedLog: r3(s.medianWidth90Widened),
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

/**
 * One paragraph for the terminal: coverage and error of held-out positions and sizes, the
 * verdict (overconfident, about right, too cautious), and the widening applied.
 * @example
 * checkSummary(check, { km: 1.4, size: 1 });
 * // => "held-out check (10 folds, 85 reports): positions — 90 % intervals covered 71 % …"
 */
export function checkSummary(check: CheckResult, applied: TrackWidening | null): string {
  const how = check.leaveOneOut ? "leave-one-out" : `${check.folds} folds, seed ${check.seed}`;
  const parts = [`held-out check (${how}, ${check.heldOut} reports):`];
  const p = check.position;
  const s = check.size;
  parts.push(
    p.n > 0
      ? `positions (${p.n}) — 90 % intervals covered ${pct(p.coverage90)} (nominal 90 %), 50 % intervals ${pct(p.coverage50)}, median error ${p.medianError.toFixed(1)} km (${verdict(p)});`
      : "no position could be predicted;",
  );
  parts.push(
    s.n > 0
      ? `sizes (${s.n}) — 90 % covered ${pct(s.coverage90)}, 50 % ${pct(s.coverage50)}, median error ${(100 * (Math.exp(s.medianError) - 1)).toFixed(0)} % (${verdict(s)}).`
      : "no size could be predicted.",
  );
  parts.push(wideningSentence(check, applied));
  const atLeast = check.notPredicted.find((x) => x.code === "at_least")?.n ?? 0;
  const repeats = check.notPredicted.find((x) => x.code === "repeat")?.n ?? 0;
  const missed = check.notPredicted.reduce((sum, x) => sum + x.n, 0) - atLeast - repeats;
  if (atLeast > 0)
    parts.push(
      `${atLeast} figure${atLeast === 1 ? "" : "s"} of one place or one point read as "at least" (not scored as sizes).`,
    );
  if (repeats > 0)
    parts.push(
      `${repeats} stale repeat${repeats === 1 ? "" : "s"} of an earlier report's place and figure held out with ${repeats === 1 ? "its original" : "their originals"} (position${repeats === 1 ? "" : "s"} not scored).`,
    );
  if (missed > 0) parts.push(`${missed} reports could not be predicted (see report.json).`);
  return parts.join(" ");
}

function verdict(s: CheckScores): string {
  if (s.n < MIN_JUDGED) return "too few to judge";
  // Binomial sd of a 90 % coverage on n reports: outside ±2 sd is a clear miss.
  const sd = Math.sqrt((0.9 * 0.1) / s.n);
  if (s.coverage90 < 0.9 - 2 * sd) return "overconfident";
  if (s.coverage90 > 0.9 + 2 * sd || (s.coverage90 >= 0.99 && s.coverage50 > 0.75))
    return "too cautious";
  return "about right";
}

/**
 * What the check did to the track intervals: widened (by the factors of the quantities it could
 * judge), not widened because its reports are too few to judge, or factors not applied.
 * @example
 * // 5 positions, 4 sizes held out:
 * // => "Too few held-out reports to judge (positions 5, sizes 4; fewer than 10): track intervals not widened (measured km × 3.24, sizes × 1.00 on the log scale)."
 */
function wideningSentence(check: CheckResult, applied: TrackWidening | null): string {
  const { km, size } = check.factors;
  const factors = `km × ${km.overall.toFixed(2)}, sizes × ${size.overall.toFixed(2)} on the log scale`;
  if (!applied) return `Widening factors (not applied): ${factors}.`;
  const covered = `held out, widened 90 % intervals cover ${pct(check.position.coverage90Widened)} of positions and ${pct(check.size.coverage90Widened)} of sizes`;
  if (!km.judged && !size.judged)
    return `Too few held-out reports to judge (positions ${km.n}, sizes ${size.n}; fewer than ${MIN_JUDGED}): track intervals not widened (measured km × ${km.measured.toFixed(2)}, sizes × ${size.measured.toFixed(2)} on the log scale).`;
  const one = (name: string, f: SourceFactors, unit: string): string =>
    f.judged
      ? `${name} × ${f.overall.toFixed(2)}${unit}`
      : `${name} not widened (${f.n} held-out reports, too few to judge; measured × ${f.measured.toFixed(2)})`;
  return `Track intervals widened ${one("km", km, "")}, ${one("sizes", size, " on the log scale")} (never narrowed); ${covered}.`;
}

function pct(x: number): string {
  return Number.isFinite(x) ? `${Math.round(100 * x)} %` : "–";
}

function r1(x: number): number | null {
  return Number.isFinite(x) ? Math.round(x * 10) / 10 : null;
}

function r3(x: number): number | null {
  return Number.isFinite(x) ? Math.round(x * 1000) / 1000 : null;
}
