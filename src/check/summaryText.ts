/**
 * The held-out check's one-paragraph summary for the terminal (`estimate --check`), in English or
 * Spanish: coverage and error of held-out positions and sizes, the verdict (overconfident, about
 * right, too cautious), the widening applied and what was not scored. One table of words per
 * language; every figure comes from the check (checkEstimate.ts) as report.json gives it.
 */
import type { CheckResult } from "./checkEstimate.ts";
import { MIN_JUDGED, type SourceFactors, type TrackWidening } from "./conformal.ts";
import type { CheckScores } from "./score.ts";
import { situationWords } from "../report/words.ts";
import type { SourceType } from "../model/source.ts";

/** The languages the summary is said in. */
export type CheckSummaryLang = "en" | "es";

/** How a quantity's 90 % intervals fared against the reports held out. */
type Verdict = "few" | "overconfident" | "cautious" | "right";

/** "85 %", "–" when not a number. */
function pct(x: number): string {
  return Number.isFinite(x) ? `${Math.round(100 * x)} %` : "–";
}

/** A size error as a percentage (exp(median |log ratio|) − 1), whole. */
const sizePct = (s: CheckScores): string => (100 * (Math.exp(s.medianError) - 1)).toFixed(0);

/** A median 90 % km width, whole km ("–" when not a number). */
const widthKm = (s: CheckScores): string =>
  Number.isFinite(s.medianWidth90) ? s.medianWidth90.toFixed(0) : "–";

/** A median 90 % size width as high ÷ low, "×3.2", "×651" ("–" when not a number). */
const widthRatio = (s: CheckScores): string =>
  Number.isFinite(s.medianWidth90)
    ? `×${Math.exp(s.medianWidth90).toFixed(Math.exp(s.medianWidth90) < 10 ? 1 : 0)}`
    : "–";

/** The words of the summary in one language. */
interface SummaryWords {
  how: (c: CheckResult) => string;
  head: (how: string, heldOut: number) => string;
  positions: (p: CheckScores, verdict: string) => string;
  noPosition: string;
  sizes: (s: CheckScores, verdict: string) => string;
  noSize: string;
  verdict: Record<Verdict, string>;
  factors: (km: number, size: number) => string;
  notApplied: (factors: string) => string;
  covered: (positions: string, sizes: string) => string;
  tooFewBoth: (km: SourceFactors, size: SourceFactors) => string;
  judged: (name: "km" | "sizes", f: SourceFactors) => string;
  unjudged: (name: "km" | "sizes", f: SourceFactors) => string;
  widened: (km: string, sizes: string, covered: string) => string;
  atLeast: (n: number) => string;
  repeats: (n: number) => string;
  missed: (n: number) => string;
  /** One line per source type with held-out reports scored (built by `sourceLine`). */
  bySourceHead: string;
  /** The per-source line's names of the two quantities. */
  sourceQuantities: { positions: string; sizes: string };
  /** A quantity with 1 to MIN_SOURCE_SHOWN − 1 reports, with the threshold. */
  sourceFew: string;
  /** The figures of positions of one source type (n ≥ MIN_SOURCE_SHOWN). */
  sourcePositions: (p: CheckScores) => string;
  /** The figures of sizes of one source type (n ≥ MIN_SOURCE_SHOWN). */
  sourceSizes: (s: CheckScores) => string;
}

const x2 = (f: number) => f.toFixed(2);

/**
 * Fewest held-out reports of one source type whose cover is given as percentages: with 4 or fewer
 * one report moves the cover by 20 points or more, so the line says "too few to judge" instead
 * (the figures stay in report.json check.bySource).
 */
export const MIN_SOURCE_SHOWN = 5;

const EN: SummaryWords = {
  how: (c) => (c.leaveOneOut ? "leave-one-out" : `${c.folds} folds, seed ${c.seed}`),
  head: (how, n) => `held-out check (${how}, ${n} reports):`,
  positions: (p, v) =>
    `positions (${p.n}) — 90 % intervals covered ${pct(p.coverage90)} (nominal 90 %), 50 % intervals ${pct(p.coverage50)}, median error ${p.medianError.toFixed(1)} km, median 90 % width ${widthKm(p)} km (${v});`,
  noPosition: "no position could be predicted;",
  sizes: (s, v) =>
    `sizes (${s.n}) — 90 % covered ${pct(s.coverage90)}, 50 % ${pct(s.coverage50)}, median error ${sizePct(s)} %, median 90 % high ÷ low ${widthRatio(s)} (${v}).`,
  noSize: "no size could be predicted.",
  verdict: {
    few: "too few to judge",
    overconfident: "overconfident",
    cautious: "too cautious",
    right: "about right",
  },
  factors: (km, size) => `km × ${x2(km)}, sizes × ${x2(size)} on the log scale`,
  notApplied: (factors) => `Widening factors (not applied): ${factors}.`,
  covered: (p, s) => `held out, widened 90 % intervals cover ${p} of positions and ${s} of sizes`,
  tooFewBoth: (km, size) =>
    `Too few held-out reports to judge (positions ${km.n}, sizes ${size.n}; fewer than ${MIN_JUDGED}): track intervals not widened (measured km × ${x2(km.measured)}, sizes × ${x2(size.measured)} on the log scale).`,
  judged: (name, f) => `${name} × ${x2(f.overall)}${name === "sizes" ? " on the log scale" : ""}`,
  unjudged: (name, f) =>
    `${name} not widened (${f.n} held-out reports, too few to judge; measured × ${x2(f.measured)})`,
  widened: (km, sizes, covered) =>
    `Track intervals widened ${km}, ${sizes} (never narrowed); ${covered}.`,
  atLeast: (n) =>
    `${n} held-out report${n === 1 ? "" : "s"} with a figure of one place or one point, read as "at least" (not scored as sizes; the estimate's line on such counts covers all the sightings).`,
  repeats: (n) =>
    `${n} stale repeat${n === 1 ? "" : "s"} of an earlier report's place and figure held out with ${n === 1 ? "its original" : "their originals"} (position${n === 1 ? "" : "s"} not scored).`,
  missed: (n) => `${n} reports could not be predicted (see report.json).`,
  bySourceHead: "By source type (held-out reports of that type):",
  sourceQuantities: { positions: "positions", sizes: "sizes" },
  sourceFew: `too few to judge (fewer than ${MIN_SOURCE_SHOWN})`,
  sourcePositions: (p) =>
    `50 % cover ${pct(p.coverage50)}, 90 % cover ${pct(p.coverage90)} (median width ${widthKm(p)} km), median error ${p.medianError.toFixed(1)} km`,
  sourceSizes: (s) =>
    `50 % cover ${pct(s.coverage50)}, 90 % cover ${pct(s.coverage90)} (median high ÷ low ${widthRatio(s)}), median error ${sizePct(s)} %`,
};

const SIZES_ES = { km: "km", sizes: "tamaños" } as const;

const ES: SummaryWords = {
  how: (c) => (c.leaveOneOut ? "dejando uno fuera" : `${c.folds} particiones, semilla ${c.seed}`),
  head: (how, n) =>
    `verificación con datos retenidos (${how}, ${n} ${n === 1 ? "reporte" : "reportes"}):`,
  positions: (p, v) =>
    `posiciones (${p.n}) — los intervalos del 90 % cubrieron ${pct(p.coverage90)} (nominal 90 %), los del 50 % ${pct(p.coverage50)}, error mediano ${p.medianError.toFixed(1)} km, ancho mediano del 90 % ${widthKm(p)} km (${v});`,
  noPosition: "no se pudo predecir ninguna posición;",
  sizes: (s, v) =>
    `tamaños (${s.n}) — el 90 % cubrió ${pct(s.coverage90)}, el 50 % ${pct(s.coverage50)}, error mediano ${sizePct(s)} %, alto ÷ bajo mediano del 90 % ${widthRatio(s)} (${v}).`,
  noSize: "no se pudo predecir ningún tamaño.",
  verdict: {
    few: "demasiado pocos para juzgar",
    overconfident: "demasiado seguro",
    cautious: "demasiado cauto",
    right: "adecuado",
  },
  factors: (km, size) => `km × ${x2(km)}, tamaños × ${x2(size)} en escala logarítmica`,
  notApplied: (factors) => `Factores de ensanchamiento (no aplicados): ${factors}.`,
  covered: (p, s) =>
    `con los datos retenidos, los intervalos del 90 % ensanchados cubren ${p} de las posiciones y ${s} de los tamaños`,
  tooFewBoth: (km, size) =>
    `Demasiado pocos reportes retenidos para juzgar (posiciones ${km.n}, tamaños ${size.n}; menos de ${MIN_JUDGED}): los intervalos de los recorridos no se ensanchan (medido: km × ${x2(km.measured)}, tamaños × ${x2(size.measured)} en escala logarítmica).`,
  judged: (name, f) =>
    `${SIZES_ES[name]} × ${x2(f.overall)}${name === "sizes" ? " en escala logarítmica" : ""}`,
  unjudged: (name, f) =>
    `${SIZES_ES[name]} sin ensanchar (${f.n} ${f.n === 1 ? "reporte retenido" : "reportes retenidos"}, demasiado pocos para juzgar; medido × ${x2(f.measured)})`,
  widened: (km, sizes, covered) =>
    `Intervalos de los recorridos ensanchados: ${km}, ${sizes} (nunca se estrechan); ${covered}.`,
  atLeast: (n) =>
    `${n} ${n === 1 ? "cifra" : "cifras"} de un solo lugar o punto ${n === 1 ? "leída" : "leídas"} como «al menos» (no se puntúan como tamaños).`,
  repeats: (n) =>
    `${n} ${n === 1 ? "repetición atrasada" : "repeticiones atrasadas"} del lugar y la cifra de un reporte anterior, ${n === 1 ? "retenida con su original" : "retenidas con sus originales"} (${n === 1 ? "posición no puntuada" : "posiciones no puntuadas"}).`,
  missed: (n) =>
    `${n} ${n === 1 ? "reporte no se pudo" : "reportes no se pudieron"} predecir (vea report.json).`,
  bySourceHead: "Por tipo de fuente (reportes retenidos de ese tipo):",
  sourceQuantities: { positions: "posiciones", sizes: "tamaños" },
  sourceFew: `demasiado pocos para juzgar (menos de ${MIN_SOURCE_SHOWN})`,
  sourcePositions: (p) =>
    `cobertura del 50 % ${pct(p.coverage50)}, del 90 % ${pct(p.coverage90)} (ancho mediano ${widthKm(p)} km), error mediano ${p.medianError.toFixed(1)} km`,
  sourceSizes: (s) =>
    `cobertura del 50 % ${pct(s.coverage50)}, del 90 % ${pct(s.coverage90)} (alto ÷ bajo mediano ${widthRatio(s)}), error mediano ${sizePct(s)} %`,
};

const WORDS: Record<CheckSummaryLang, SummaryWords> = { en: EN, es: ES };

/** How a quantity's 90 % intervals fared: outside ±2 binomial sd of 90 % is a clear miss. */
function verdictOf(s: CheckScores): Verdict {
  if (s.n < MIN_JUDGED) return "few";
  const sd = Math.sqrt((0.9 * 0.1) / s.n);
  if (s.coverage90 < 0.9 - 2 * sd) return "overconfident";
  if (s.coverage90 > 0.9 + 2 * sd || (s.coverage90 >= 0.99 && s.coverage50 > 0.75))
    return "cautious";
  return "right";
}

/**
 * What the check did to the track intervals: widened (by the factors of the quantities it could
 * judge), not widened because its reports are too few to judge, or factors not applied.
 */
function wideningSentence(
  w: SummaryWords,
  check: CheckResult,
  applied: TrackWidening | null,
): string {
  const { km, size } = check.factors;
  if (!applied) return w.notApplied(w.factors(km.overall, size.overall));
  if (!km.judged && !size.judged) return w.tooFewBoth(km, size);
  const one = (name: "km" | "sizes", f: SourceFactors) =>
    f.judged ? w.judged(name, f) : w.unjudged(name, f);
  const covered = w.covered(
    pct(check.position.coverage90Widened),
    pct(check.size.coverage90Widened),
  );
  return w.widened(one("km", km), one("sizes", size), covered);
}

/** The sentences on held-out reports not scored: "at least" figures, stale repeats, the rest. */
function notScored(w: SummaryWords, check: CheckResult): string[] {
  const n = (code: string) => check.notPredicted.find((x) => x.code === code)?.n ?? 0;
  const atLeast = n("at_least");
  const repeats = n("repeat");
  const missed = check.notPredicted.reduce((sum, x) => sum + x.n, 0) - atLeast - repeats;
  return [
    ...(atLeast > 0 ? [w.atLeast(atLeast)] : []),
    ...(repeats > 0 ? [w.repeats(repeats)] : []),
    ...(missed > 0 ? [w.missed(missed)] : []),
  ];
}

/**
 * The source types with at least one held-out report scored (position or size), in the check's
 * order; report.json's `check.bySource` and the per-source lines list only these.
 */
export function scoredSources(check: CheckResult): string[] {
  return Object.entries(check.bySource)
    .filter(([, s]) => s.position.n > 0 || s.size.n > 0)
    .map(([source]) => source);
}

/**
 * One quantity of a per-source line: `(0)`, `(3) too few to judge (fewer than 5)`, or `(n) ` and
 * its figures.
 * @example sourcePart({ n: 3 } as CheckScores, "too few to judge (fewer than 5)", () => "…") // => "(3) too few to judge (fewer than 5)"
 */
function sourcePart(s: CheckScores, few: string, figures: (s: CheckScores) => string): string {
  if (s.n === 0) return "(0)";
  return s.n < MIN_SOURCE_SHOWN ? `(${s.n}) ${few}` : `(${s.n}) ${figures(s)}`;
}

/**
 * One source type's line in the words of one language: "  media: positions (40) …; sizes (3) …".
 */
function sourceLine(w: SummaryWords, name: string, p: CheckScores, s: CheckScores): string {
  const q = w.sourceQuantities;
  const positions = sourcePart(p, w.sourceFew, w.sourcePositions);
  const sizes = sourcePart(s, w.sourceFew, w.sourceSizes);
  return `  ${name}: ${q.positions} ${positions}; ${q.sizes} ${sizes}`;
}

/**
 * Lines per source type (n, 50 % and 90 % cover, median error of positions and sizes), in
 * `lang`, after a heading; types with no held-out report scored are left out. Empty when none.
 * @example
 * checkBySourceLines(check, "en");
 * // => ["By source type (held-out reports of that type):", "  media: positions (40) 50 % cover 65 %, …"]
 */
export function checkBySourceLines(check: CheckResult, lang: CheckSummaryLang = "en"): string[] {
  const w = WORDS[lang];
  const names = situationWords(lang).sourceTypes as Readonly<Record<string, string>>;
  const lines = scoredSources(check).map((source) => {
    const s = check.bySource[source]!;
    return sourceLine(w, names[source as SourceType] ?? source, s.position, s.size);
  });
  return lines.length ? [w.bySourceHead, ...lines] : [];
}

/**
 * One paragraph for the terminal, in `lang`: coverage and error of held-out positions and sizes,
 * the verdict, and the widening applied (the per-source lines: {@link checkBySourceLines}).
 * @example
 * checkSummary(check, { km: 1.4, size: 1 });
 * // => "held-out check (10 folds, seed 1, 85 reports): positions (80) — 90 % intervals covered 71 % …"
 * checkSummary(check, { km: 1.4, size: 1 }, "es");
 * // => "verificación con datos retenidos (10 particiones, semilla 1, 85 reportes): posiciones (80) — …"
 */
export function checkSummary(
  check: CheckResult,
  applied: TrackWidening | null,
  lang: CheckSummaryLang = "en",
): string {
  const w = WORDS[lang];
  const p = check.position;
  const s = check.size;
  return [
    w.head(w.how(check), check.heldOut),
    p.n > 0 ? w.positions(p, w.verdict[verdictOf(p)]) : w.noPosition,
    s.n > 0 ? w.sizes(s, w.verdict[verdictOf(s)]) : w.noSize,
    wideningSentence(w, check, applied),
    ...notScored(w, check),
  ].join(" ");
}
