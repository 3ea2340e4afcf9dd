/**
 * The stay law of the km smoother (kmSmoother.ts StayLaw), fitted to the data: one EM step on the
 * expected transitions out of rest and out of a stay of every group's last km run, each shrunk
 * towards the prior by pseudo-transitions. Data whose rests are short (a Markov law, as in
 * src/estimate/simulate.ts) fit a `hold` near the rest's own persistence, and the settled state
 * then changes little; data with shelter stays of weeks fit a `hold` near 1.
 */
import type { StayCounts, StayLaw } from "./kmSmoother.ts";
import type { WorkGroup } from "./workGroup.ts";

/**
 * The prior: a resting group settles with 0.15 a day and then stays with 0.9 a day (a stay of ten
 * days on average). Where the EM step starts; a law with `settle` 0 could not learn a stay.
 */
export const STAY_PRIOR: StayLaw = {
  settle: Number(process.env.SETTLE ?? 0.15),
  hold: Number(process.env.HOLD ?? 0.9),
};

/** Pseudo-transitions of the prior in each fitted share (a short dataset stays near it). */
const STAY_PSEUDO = Number(process.env.STAY_PSEUDO ?? 10);
/** `hold` at most this: a stay ends some day. */
const HOLD_MAX = 0.97;

/**
 * One EM step of the stay law from the groups' last runs (`g.km.stayCounts`).
 * @example
 * ctx.stay = fitStayLaw(active, ctx.stay ?? STAY_PRIOR);
 */
export function fitStayLaw(groups: readonly WorkGroup[], prior: StayLaw): StayLaw {
  const c: StayCounts = { restDays: 0, settles: 0, stayDays: 0, holds: 0 };
  for (const g of groups) {
    const s = g.km?.stayCounts;
    if (!s) continue;
    c.restDays += s.restDays;
    c.settles += s.settles;
    c.stayDays += s.stayDays;
    c.holds += s.holds;
  }
  return {
    settle: (c.settles + STAY_PSEUDO * prior.settle) / (c.restDays + STAY_PSEUDO),
    hold: Math.min(HOLD_MAX, (c.holds + STAY_PSEUDO * prior.hold) / (c.stayDays + STAY_PSEUDO)),
  };
}
