/**
 * Which candidate moves of one report the association search (reassignReports.ts) re-fits exactly:
 * the REFIT_TOP best by a cheap approximate change of the objective, plus those the screens
 * cannot read. Without labels nearly every report is a near-tie between overlapping groups
 * (its screened move is within a few nats of staying), so the first screen (moveScreen.ts) lets
 * nearly every candidate through, and each one re-fitted is a whole-group fit (~30–80 reports);
 * those join re-fits were three quarters of the search's fitting work at 50 groups. The exact
 * re-fit still decides the move (a move is made only when its exact change is a gain), so the
 * objective falls at every move; what is approximate is which candidates are tried — a better
 * group the approximate change ranks below REFIT_TOP others is not tried for this report in this
 * pass (docs/estimation.md "speedscreen").
 *
 * The approximate change of joining a group (nats): within its span, the first screen's (the
 * report's loss against the group's fit as it stands, moveScreen.ts joinScreen); before its
 * first report or after its last, the edge screen's (a re-fit of the group's end at its spread,
 * edgeScreen.ts). A candidate marked `always` (the edge screen gives no reading, or the group is
 * small enough that a re-fit costs as little as a screen) is re-fitted whatever its rank.
 */

/** A candidate move of one report: its group, its approximate change (nats), and whether it must be re-fitted. */
export interface Pickable {
  b: number;
  approx: number;
  always: boolean;
}

/**
 * Candidates re-fitted per report besides those marked `always`. Among the exact moves within a
 * group's span, the group the exact change ranked best was the first screen's best in 95 % of
 * moves (20-group unlabelled speed world; reassignReports.ts SCREEN_TOP); 2 leaves room for the
 * second and for an end join ranked against them (docs/estimation.md "speedscreen" for the
 * figures with 1, 2 and 3).
 */
export const REFIT_TOP = 2;

/**
 * The candidates to re-fit, in the order given: every `always` one and the `top` lowest by
 * `approx` of the rest (ties: the lower `b`, as the search breaks ties).
 * @example
 * pickRefits([{ b: 0, approx: 3, always: false }, { b: 1, approx: -1, always: false }, { b: 2, approx: 9, always: true }], 1);
 * // => [{ b: 1, … }, { b: 2, … }]
 */
export function pickRefits(cands: readonly Pickable[], top = REFIT_TOP): Pickable[] {
  const ranked = cands
    .filter((c) => !c.always)
    .sort((x, y) => x.approx - y.approx || x.b - y.b)
    .slice(0, Math.max(0, top));
  const keep = new Set(ranked);
  return cands.filter((c) => c.always || keep.has(c));
}

/**
 * A report whose best approximate move (the first screen's change of leaving its group plus the
 * least approximate change of joining another) is above this (nats) is not re-fitted at all.
 * 8: the first screen's own limit (reassignReports.ts SCREEN_NATS); 1 skipped a third of the
 * searches at 20 groups but lost on world3 (docs/estimation.md "speedscreen").
 */
export const GATE_NATS = 8;
