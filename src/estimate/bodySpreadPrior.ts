/**
 * The body's spread where a group's own reports are too few to tell it (fewer than 4 reports of
 * the body within SPREAD_WINDOW_DAYS, positions.ts fitBodySpread): read from the dataset's groups
 * whose reports do tell it, not from the size rule alone.
 *
 * bodySpreadKm (10 + 20·√(people ÷ 1,000) km) is a 90 % upper bound on a body's half-length when
 * nothing is known. A dataset whose groups walk as points (a simulator's groups, a small family
 * group) has fitted spreads far below it; one whose bodies are long has spreads at or above it.
 * The pooled ratio fitted ÷ size rule, over the groups with enough reports, says which: each
 * group's own median ratio over its fitted days, the median of those over the groups, shrunk
 * towards 1 (the size rule) on the log scale with PRIOR_GROUPS pseudo-groups, so a dataset of one
 * or two such groups keeps most of the size rule. The ratio never exceeds 1: the size rule is an
 * upper bound, and a longer fitted spread already replaces it where reports are many.
 */
import type { Km } from "../model/units.ts";

/** Pseudo-groups at ratio 1 the pooled ratio is shrunk towards (log scale). */
export const PRIOR_GROUPS = 2;
/** Fitted days a group needs for its ratio to count. */
export const MIN_FITTED_DAYS = 3;
/** The ratio is never below this (a body of reports at one point is still a few km long). */
export const MIN_RATIO = 0.1;

/** One fitted day of a group: its fitted spread and the size rule's spread on that day (km). */
export interface SpreadDay {
  fitted: Km;
  prior: Km;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Pooled factor on the size rule's spread, from the groups' fitted days (one array per group).
 * @example
 * pooledSpreadRatio([]); // => 1 (no evidence: the size rule)
 */
export function pooledSpreadRatio(groups: readonly (readonly SpreadDay[])[]): number {
  const logs: number[] = [];
  for (const days of groups) {
    const ratios = days
      .filter((d) => d.prior > 0)
      .map((d) => Math.max(MIN_RATIO, Math.max(2, d.fitted) / d.prior));
    if (ratios.length >= MIN_FITTED_DAYS) logs.push(Math.log(median(ratios)));
  }
  if (logs.length === 0) return 1;
  const shrunk = (median(logs) * logs.length) / (logs.length + PRIOR_GROUPS);
  return Math.min(1, Math.max(MIN_RATIO, Math.exp(shrunk)));
}
