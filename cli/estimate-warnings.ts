/**
 * The estimator's warnings an analyst must see without opening report.json, written the same way
 * by every command that estimates (estimate, forecast, ledger, report): positions ignored as off
 * their group's route, and routes drawn against the direction of travel. One place, so that a new
 * estimator warning reaches every command at once.
 */

import { estimateWarningText } from "../src/index.ts";
import type { EstimateWarningLang } from "../src/index.ts";

/** One estimator warning as report.json carries it (params: the values of its sentence). */
type Warning = { code: string; message: string; params?: object };

/** The words around the estimator's sentences on stderr, per language. */
const WORDS = {
  en: {
    warning: "warning",
    ignored: "position ignored",
    more: (n: number, where: string) => `… and ${n} more positions ignored; ${where}`,
  },
  es: {
    warning: "aviso",
    ignored: "posición ignorada",
    more: (n: number, where: string) => `… y ${n} posiciones ignoradas más; ${where}`,
  },
} as const;

/**
 * The stderr lines of the estimator's warnings: off-route positions (at most 20, then a count),
 * then routes drawn backwards; none when there are none.
 * @param where where the full list is written (estimate: its report.json `warnings`; ledger and
 *   report, which write no estimate report: `dtm-flow estimate`'s).
 * @example estimateWarningLines([{ code: "route_backwards", message: 'route "r" seems drawn …' }]) // => ['warning: route "r" seems drawn …']
 */
export function estimateWarningLines(
  warnings: readonly Warning[],
  where = "report.json warnings",
  lang: EstimateWarningLang = "en",
): string[] {
  return [...offRouteLines(warnings, where, lang), ...routeBackwardsLines(warnings, lang)];
}

/** Off-route positions listed on stderr one by one, at most this many (then report.json). */
const MAX_OFF_ROUTE_LINES = 20;

/**
 * One stderr line per route drawn against the direction of travel (the estimator's
 * `route_backwards` warning, routeDirection.ts): the positions on it are not usable as drawn.
 * @example
 * routeBackwardsLines([{ code: "route_backwards", message: 'route "r" seems drawn …' }]);
 * // => ['warning: route "r" seems drawn …']
 */
function routeBackwardsLines(warnings: readonly Warning[], lang: EstimateWarningLang): string[] {
  return warnings
    .filter((w) => w.code === "route_backwards")
    .map((w) => `${WORDS[lang].warning}: ${estimateWarningText(lang, w)}`);
}

/**
 * One line for each report whose position was dropped as off its group's route (only its size
 * was used: the estimator's `off_route` warning), so that an analyst sees which positions were
 * ignored without opening report.json; none when there are none.
 * @example
 * offRouteLines([{ code: "off_route", message: "off.csv:4: 641 km off route main; only its size is used." }], "report.json warnings");
 * // => ['position ignored: off.csv:4: 641 km off route main; only its size is used. (report.json warnings)']
 */
function offRouteLines(
  warnings: readonly Warning[],
  where: string,
  lang: EstimateWarningLang,
): string[] {
  const off = warnings.filter((w) => w.code === "off_route");
  const lines = off
    .slice(0, MAX_OFF_ROUTE_LINES)
    .map((w) => `${WORDS[lang].ignored}: ${estimateWarningText(lang, w)} (${where})`);
  if (off.length > lines.length) lines.push(WORDS[lang].more(off.length - lines.length, where));
  return lines;
}
