/**
 * The FIGURES reading of a group (issue 13, "Association that does not fragment"): figures as
 * evidence of how many groups a track holds. A figure without a part word is read by
 * trackCost.ts as the whole group's (or, at `partShare`, a part's). A track joined from two
 * groups seen on the same days holds, on those days, whole-looking figures at two places far
 * apart; one group's whole figure is at one place of its body a day, so all but one place's
 * figures must be parts. Read by the association diagnostic (bench/partitionCost.bench.ts
 * `--figures`), not by the estimator's search.
 *
 * - **The day's place.** A group's figured reports without a part word on one local day, in km
 *   order: the whole group's figures lie within one window of `nearKm`; each figure outside it is
 *   re-read as a part's (trackCost.ts `sizeLoss` with `part`, at the prior `partShare`), and the term is the change from
 *   the main reading (whole or part) — the window that costs least is taken. Days with figures in
 *   one window cost nothing; a figure much smaller than the group's size costs little or nothing
 *   more as a part.
 */
import { sizeLoss } from "../../src/estimate/trackCost.ts";
import type { CostModel } from "../../src/estimate/trackCost.ts";

/** The figures reading's parameters (module comment). */
export interface FigureModel {
  /** Width (km) of the place of a body where a day's whole-group figures may come from. */
  nearKm: number;
  /** Weight of the term (1: the likelihood's own). */
  weight: number;
}

export const DEFAULT_FIGURE_MODEL: FigureModel = { nearKm: 150, weight: 1 };

/** A report as the figures reading sees it (km on the group's route). */
export interface FigureReport {
  t: number;
  km?: number;
  logSize?: number;
  part?: boolean;
}

/** Extra nats of one day's whole-looking figures (`day` sorted by km) at log size `logN`. */
function dayCost(
  day: readonly { km: number; v: number }[],
  logN: number,
  m: CostModel,
  f: FigureModel,
): number {
  if (day.length < 2 || day[day.length - 1].km - day[0].km <= f.nearKm) return 0;
  // A figure outside the window is a part's, at the prior share of parts (never cheaper than the
  // main reading, which also allows it to be whole).
  const asPart = -Math.log(m.partShare);
  const extra = day.map(
    (r) => sizeLoss(r.v, true, logN, m) + asPart - sizeLoss(r.v, false, logN, m),
  );
  const total = extra.reduce((a, b) => a + b, 0);
  // The window [day[i].km, day[i].km + nearKm] kept whole: its reports' extra is not paid.
  let best = Infinity;
  let j = 0;
  let inside = 0;
  for (let i = 0; i < day.length; i++) {
    while (j < day.length && day[j].km - day[i].km <= f.nearKm) inside += extra[j++];
    best = Math.min(best, total - inside);
    inside -= extra[i];
  }
  return best;
}

/**
 * The figures term (nats, weighted) of one group's reports on its route at log size `logN`
 * (trackCost.ts groupLogSize): the day's whole-looking figures outside one window read as parts.
 */
export function figureDaysCost(
  reports: readonly FigureReport[],
  logN: number | undefined,
  m: CostModel,
  f: FigureModel = DEFAULT_FIGURE_MODEL,
): number {
  if (logN === undefined) return 0;
  const days = new Map<number, { km: number; v: number }[]>();
  for (const r of reports) {
    if (r.km === undefined || r.logSize === undefined || r.part) continue;
    const d = Math.floor(r.t);
    let l = days.get(d);
    if (!l) days.set(d, (l = []));
    l.push({ km: r.km, v: r.logSize });
  }
  let cost = 0;
  for (const l of days.values())
    cost += dayCost(
      l.sort((a, b) => a.km - b.km),
      logN,
      m,
      f,
    );
  return f.weight * cost;
}

/** Days of a group with two or more whole-looking figures, and those spanning more than `nearKm`. */
export interface FigureDaySpans {
  days: number;
  wide: number;
}

/**
 * The premise of the reading, counted: of a group's days with two or more whole-looking figures
 * on its route (`km` on it, no part word), those whose figures span more than `nearKm`.
 */
export function figureDaySpans(reports: readonly FigureReport[], nearKm: number): FigureDaySpans {
  const days = new Map<number, number[]>();
  for (const r of reports) {
    if (r.km === undefined || r.logSize === undefined || r.part) continue;
    const d = Math.floor(r.t);
    days.set(d, [...(days.get(d) ?? []), r.km]);
  }
  let n = 0;
  let wide = 0;
  for (const km of days.values()) {
    if (km.length < 2) continue;
    n++;
    if (Math.max(...km) - Math.min(...km) > nearKm) wide++;
  }
  return { days: n, wide };
}
