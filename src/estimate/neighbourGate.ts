/**
 * The neighbour gate of the association search's moves of single reports (reassignReports.ts,
 * option `neighbourGate`; EstimateOptions.neighbourGate): a group is a candidate for a report only
 * when the group's body, as its fit stands, could hold the report on the report's day. The rest
 * are not fitted exactly.
 *
 * Where a group could be on the report's day (km on the group's likely route, the route of its
 * frozen fit, moveScreen.ts FrozenGroup):
 * - between two of its reports on the route: anywhere between their fitted km (the forward-only
 *   track runs between them);
 * - before its first report, `gap` days earlier: from the first fitted km back by the movement
 *   law's reach over the gap, REACH_KM_PER_DAY × gap, up to that km;
 * - after its last report: from the last fitted km up to the reach over the gap ahead.
 * The report is out of reach when its km on that route lies further than the gate's margin
 * outside that interval: GATE_SPREADS of the group's fitted spread, and never less than
 * GATE_MIN_KM (four of the model's largest spread, 150 km: a report that far off is one of the
 * group's outliers whatever spread a re-fit gives it; the robust loss's Gaussian share at four
 * sd is below the outlier share's density over the road, 8 % over 3,000 km, for any spread up to
 * the cap).
 *
 * Only joins before a group's first report on its route or after its last are gated
 * (ENDS_ONLY): gating within a group's span too, at a margin of 150 km, cut reports of long bodies
 * that the exact search gives to the body (world3 development worlds: unlabelled km error 1.47 →
 * 1.94 × naive; docs/estimation.md § speed26).
 *
 * What is not gated (conservative): a report off the group's likely route or a group with no
 * report on it (the exact fit may choose another route), and every candidate of a report that is
 * itself out of reach of its own group (a report that is an outlier everywhere is left to the
 * exact search: where such a report goes is decided by its figure and the groups' spreads, which
 * the gate does not read).
 *
 * The gate is not a bound of the exact cost: the exact cost has no speed limit after a group's
 * last report or before its first (the forward-only fit lets a group jump any distance ahead), so
 * a report far ahead of a group's last one may join it at no position cost. The reach reads the
 * movement law into the candidate list instead (docs/estimation.md § speed26).
 */
import type { LinkReport } from "./mergeTracklets.ts";
import type { FrozenGroup } from "./moveScreen.ts";

/**
 * The movement law's reach (km a day) a group may cover before its first report or after its
 * last: the estimator's longest long ride in a day (movement/anchors.ts longRideMaxKm is the 2018
 * anchors' longest ride; rides are 60–480 km, a long ride up to that), rounded up.
 */
export const REACH_KM_PER_DAY = 800;

/** Margin of the gate in the group's fitted spreads (km sd of its reports about its track). */
export const GATE_SPREADS = 6;

/** Least margin (km) of the gate whatever the group's spread: four of the model's spread cap (150 km). */
export const GATE_MIN_KM = 600;

/** Whether only joins before a group's first report or after its last are gated (module comment). */
export const ENDS_ONLY = true;

/**
 * How far (km) report `r`'s km on group `g`'s likely route lies outside the interval where the
 * group could be on its day (module comment); NaN when the gate cannot read it (no route, the
 * report off it, or no report of the group on it).
 * @example
 * outsideReach({ t: 5, kmByRoute: new Map([["main", 900]]) }, g); // g at 100 km on day 2 and 200 km on day 8: 700
 */
export function outsideReach(r: LinkReport, g: FrozenGroup): number {
  if (g.route === undefined || g.t.length === 0) return NaN;
  const km = r.kmByRoute.get(g.route);
  if (km === undefined) return NaN;
  const n = g.t.length;
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (g.t[mid] <= r.t) lo = mid + 1;
    else hi = mid;
  }
  const from = lo > 0 ? g.fit[lo - 1] : g.fit[0] - REACH_KM_PER_DAY * (g.t[0] - r.t);
  const to = lo < n ? g.fit[lo] : g.fit[n - 1] + REACH_KM_PER_DAY * (r.t - g.t[n - 1]);
  return km < from ? from - km : km > to ? km - to : 0;
}

/** The gate's margin (km) for group `g`: GATE_SPREADS of its spread, at least GATE_MIN_KM. */
export function gateMarginKm(g: FrozenGroup): number {
  return Math.max(GATE_MIN_KM, GATE_SPREADS * g.spreadKm);
}

/**
 * Whether report `r` lies beyond group `g`'s reach by the gate's margin (NaN reads: no); with
 * ENDS_ONLY, never when `r` falls within the span of `g`'s reports on its route.
 */
export function beyondReach(r: LinkReport, g: FrozenGroup): boolean {
  if (ENDS_ONLY && g.t.length > 0 && r.t >= g.t[0] && r.t <= g.t[g.t.length - 1]) return false;
  return outsideReach(r, g) > gateMarginKm(g);
}

/**
 * Whether the gate applies to the candidates of report `i` of a group whose frozen fit is `own`:
 * not when the report is itself beyond its own group's reach (its own fitted km, else the reach
 * read as for a join), nor when the gate cannot read it against its own group.
 */
export function gateApplies(reports: readonly LinkReport[], i: number, own: FrozenGroup): boolean {
  const r = reports[i];
  if (own.route === undefined) return false;
  const km = r.kmByRoute.get(own.route);
  const fitted = own.at.get(i);
  if (km === undefined || fitted === undefined) return false;
  return Math.abs(km - fitted) <= gateMarginKm(own);
}
