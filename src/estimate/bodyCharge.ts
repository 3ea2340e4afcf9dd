/**
 * The body charge of the association search (issue 13, association without labels): a report
 * that lies within its group's same-day body spread is charged as a part of the body, not as an
 * outlier, so that a long body reported from its head and its tail on the same days is cheaper as
 * one track than as two.
 *
 * The search's position cost (trackCost.ts) reads a group as a median person with one spread (sd,
 * capped at CostModel.capKm) and outliers anywhere on the road. A body hundreds of km long is
 * reported from its head and its tail on the same days: those reports lie far beyond the spread,
 * each is charged as an outlier (~10.5 nats), and a second track of them beside the first is
 * cheaper (docs/estimation.md § assoc25b: 15 of world3's 25 extra development tracks).
 *
 * **The rule.** After the group's robust forward-only fit on a route (its fitted km per report and
 * its spread), report k is inside the body's same-day spread when another of the group's reports
 * within SAME_DAY_DAYS of it lies on the same side of the median person at least as far out, less
 * absorbParts.ts REPORT_MARGIN_KM (the body's reach on that day, read from its own reports as
 * absorbParts.ts bodyReach reads it: a report is within it when some report of the body lies at
 * least as far out; a lone far report is not), and the reports within SAME_DAY_DAYS string out
 * from the median person to it with no gap wider than MAX_GAP_KM (a body's people are strung along
 * the road; two groups on the same days leave a gap between them). Such a report may be read as a part of the body:
 * its position at the body-position likelihood, uniform over the body's same-day length (the
 * extent of the reports within SAME_DAY_DAYS, k included, at least two spreads), and its figure
 * as a part's count (trackCost.ts sizeLoss with `part`). Each such report is charged the lesser
 * of that reading and its ordinary one (residual about the fit, figure as a whole's), so the
 * charge only ever lowers a group's cost. A true second group far from the first is kept apart
 * by its figures (a whole group's figures read as a part's cost more) and by the birth penalty's
 * balance: it is measured, not assumed (EstimateOptions.bodyCharge, off by default).
 */
import { goodShareAt, groupLogSize, sizeLoss } from "./trackCost.ts";
import { positionsFitted } from "./positionsFit.ts";
import type { PreparedSighting } from "./prepare.ts";
import type { WorkGroup } from "./workGroup.ts";
import type { CostModel } from "./trackCost.ts";
import { REPORT_MARGIN_KM } from "./absorbParts.ts";

/** Days either side of a report whose reports of the group set its body's same-day spread. */
export const SAME_DAY_DAYS = 1;

/**
 * Largest gap (km) between the reports strung from the median person out to a report, for the
 * report to be within one body: two REPORT_MARGIN_KM (a town's stretch on each side). A wider
 * gap on the same days is two groups, not one body's people strung out along the road.
 */
export const MAX_GAP_KM = 2 * REPORT_MARGIN_KM;

/** Scratch list of one side's distances (bodyChargeGain; read before the next report). */
const side: number[] = [];

/**
 * Whether the distances `side` (km from the median person, one side) string out from the median
 * person to `r` with no gap above MAX_GAP_KM (sorts `side`).
 */
function continuous(side: number[], r: number): boolean {
  side.sort((a, b) => a - b);
  let last = 0;
  for (const x of side) {
    if (x > r) break;
    if (x - last > MAX_GAP_KM) return false;
    last = x;
  }
  return true;
}

/** One report's figure as the charge reads it (undefined logSize: none). */
export interface ChargedFigure {
  logSize?: number;
  part?: boolean;
}

/** What bodyReports reads: which reports are the body's strung-out parts, and their charge. */
export interface BodyReports {
  /** 1 for each report read as a part of the body (by its place in the list). */
  mask: Uint8Array;
  /** How many are. */
  bodied: number;
  /** Their positions' charge (nats): each at the body-position likelihood, weighted. */
  charge: number;
  /** How many of them the ordinary fit took for outliers (goodShare below one half). */
  outliers: number;
  /** The group's log size read from the figures of its other reports (the whole's). */
  logN: number | undefined;
}

/**
 * The reports within the body's same-day spread read as parts of the body: for `n` reports in
 * time order (`times` days, `km`, weights `v`), their forward-only `fit` and the group's
 * `spreadKm`, figures `figure(k)`; `wholeLogN(mask)` is the group's log size from the figures of
 * the reports not masked. A report is a part when it lies beyond the model's spread of the
 * median person, another of the group's reports within SAME_DAY_DAYS lies on its side, the
 * reports on its side string out to it (MAX_GAP_KM), and its figure (if any, naming no part) is
 * no likelier the whole's than a part's at the whole's size (read twice: the whole's size is
 * read from the other reports). The caller fits the rest again without the parts, reads their
 * figures as parts', and adds `charge`.
 * @example
 * bodyReports([0, 0, 0, 0], [100, 190, 280, 290], [1, 1, 1, 1], 4, [100, 100, 100, 100], 40, m, () => ({}), () => undefined).bodied; // => 3
 */
export function bodyReports(
  times: ArrayLike<number>,
  km: ArrayLike<number>,
  v: ArrayLike<number>,
  n: number,
  fit: ArrayLike<number>,
  spreadKm: number,
  m: CostModel,
  figure: (k: number) => ChargedFigure,
  wholeLogN: (mask: Uint8Array) => number | undefined,
): BodyReports {
  const mask = new Uint8Array(n);
  const length = new Float64Array(n);
  let lo = 0;
  for (let k = 0; k < n; k++) {
    const t = times[k];
    while (times[lo] < t - SAME_DAY_DAYS) lo++;
    const r = km[k] - fit[k];
    let inside = false;
    let minR = r;
    let maxR = r;
    side.length = 0;
    for (let j = lo; j < n && times[j] <= t + SAME_DAY_DAYS; j++) {
      const rj = km[j] - fit[j];
      if (rj < minR) minR = rj;
      if (rj > maxR) maxR = rj;
      if (r >= 0 ? rj > 0 : rj < 0) side.push(Math.abs(rj));
      if (j !== k && (r >= 0 ? rj > 0 : rj < 0)) inside = true;
    }
    // The body's core (within the model's spread of the median person) is the fit's own.
    if (!inside || Math.abs(r) <= m.spreadKm || !continuous(side, Math.abs(r))) continue;
    mask[k] = 1;
    length[k] = Math.max(2 * spreadKm, maxR - minR);
  }
  // Figures above the whole's size read from the rest are the whole's (the median of the
  // reports need not be where the body's own figure is reported): back to the rest, the size read
  // again. Then figures a part's reading explains worse than the whole's are not parts.
  let logN = wholeLogN(mask);
  for (let round = 0; round < 3 && logN !== undefined; round++) {
    let changed = false;
    for (let k = 0; k < n; k++) {
      const f = figure(k);
      if (mask[k] === 0 || f.logSize === undefined || f.part || f.logSize <= logN) continue;
      mask[k] = 0;
      changed = true;
    }
    if (!changed) break;
    logN = wholeLogN(mask);
  }
  for (let k = 0; k < n && logN !== undefined; k++) {
    const f = figure(k);
    if (mask[k] === 0 || f.logSize === undefined || f.part) continue;
    if (sizeLoss(f.logSize, true, logN, m) > sizeLoss(f.logSize, false, logN, m)) mask[k] = 0;
  }
  let charge = 0;
  let bodied = 0;
  let outliers = 0;
  for (let k = 0; k < n; k++) {
    if (mask[k] === 0) continue;
    charge += -v[k] * Math.log((1 - m.outlierShare) / length[k] + m.outlierShare / m.roadKm);
    bodied++;
    if (goodShareAt(km[k] - fit[k], spreadKm, m) < 0.5) outliers++;
  }
  return { mask, bodied, charge, outliers, logN };
}

/**
 * The search's reading carried to the tracks it leaves: in each unlabelled track, the reports the
 * body charge reads as parts of the body (bodyReports, on the track's route, about its robust
 * forward-only fit under the search's cost model `m`) that name no part themselves are marked the
 * body's head (at or ahead of the median person) or tail, as inferred marks (`inferred`), so the
 * library's part reading (positions.ts `partOf`, bodies.ts) moves the body's ends with them, not
 * its median person or size. Returns how many reports were marked.
 */
export function markBodyParts(
  groups: readonly WorkGroup[],
  m: CostModel,
  inferred: Set<string>,
): number {
  let marked = 0;
  for (const g of groups) {
    if (g.labelled || g.positions.length < 3) continue;
    const ps = [...g.positions].sort((a, b) => a.s.t - b.s.t);
    const n = ps.length;
    const times = ps.map((p) => p.s.t);
    const km = ps.map((p) => p.km);
    const v = ps.map(() => 1);
    const figures = ps.map((p) => ({
      logSize: figureOf(p.s),
      part: (g.parts?.get(p.s.id) ?? "body") !== "body",
    }));
    const { fit, spreadKm } = positionsFitted(km, v, n, m);
    const wholeLogN = (mask: Uint8Array): number | undefined =>
      groupLogSize(figures.map((f, k) => ({ t: times[k], ...f })).filter((_, k) => mask[k] === 0));
    const body = bodyReports(times, km, v, n, fit, spreadKm, m, (k) => figures[k], wholeLogN);
    if (body.bodied === 0) continue;
    const parts = new Map(g.parts ?? []);
    for (let k = 0; k < n; k++) {
      if (body.mask[k] === 0 || figures[k].part) continue;
      parts.set(ps[k].s.id, km[k] >= fit[k] ? "head" : "tail");
      inferred.add(ps[k].s.id);
      marked++;
    }
    g.parts = parts;
  }
  return marked;
}

/** Log of a report's figure (or the middle of its range), if any. */
function figureOf(s: PreparedSighting): number | undefined {
  if (s.logValue !== undefined) return s.logValue;
  if (s.logLow !== undefined && s.logHigh !== undefined) return (s.logLow + s.logHigh) / 2;
  return undefined;
}
