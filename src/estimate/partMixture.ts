/**
 * A report that names no part of the caravan (no part column, no part word in its notes) and
 * gives no figure may still describe its vanguard or its rear: sources report what they saw, and
 * the vanguard, reaching towns first, is seen and reported out of proportion to its people. Read as
 * the main body it drags the median person ahead (or behind) by the body's length. So such a
 * report is a mixture (docs/estimation.md#bodies): with probability `head` the median person is
 * behind it by up to the head's reach, with `tail` ahead of it by up to the tail's reach, else it
 * is a report of the body. The shares are the group's own: the parts of its reports whose part is
 * known (by words, or by a figure too small for the whole group), pooled with a prior.
 */
import type { Km } from "../model/units.ts";
import type { KmAlternative } from "./kmSmoother.ts";

/** Reports of a group by the part they are known to describe. */
export interface PartCounts {
  head: number;
  body: number;
  tail: number;
}

/**
 * Prior pseudo-reports of each part: a sixth of the reports of unknown part are of the vanguard,
 * a sixth of the rear, before the group's own reports say otherwise.
 */
export const PART_PRIOR: Readonly<PartCounts> = { head: 1, body: 4, tail: 1 };

/** Probabilities that a report of unknown part describes the head or the tail. */
export interface PartShares {
  head: number;
  tail: number;
}

/**
 * The shares of head and tail among a group's reports, pooled with PART_PRIOR (posterior mean of
 * a Dirichlet–multinomial).
 * @example
 * partShares({ head: 0, body: 0, tail: 0 }); // => { head: 1/6, tail: 1/6 }
 * partShares({ head: 10, body: 0, tail: 0 }).head; // => 0.6875
 */
export function partShares(counts: PartCounts): PartShares {
  const total =
    counts.head + counts.body + counts.tail + PART_PRIOR.head + PART_PRIOR.body + PART_PRIOR.tail;
  return {
    head: (counts.head + PART_PRIOR.head) / total,
    tail: (counts.tail + PART_PRIOR.tail) / total,
  };
}

/**
 * The alternative readings of a report of unknown part at `[lo, hi]` km, as evidence of the median
 * person: behind it by up to `headReach` km (it saw the vanguard), or ahead of it by up to
 * `tailReach` km (it saw the rear).
 * @example
 * unknownPartAlternatives([500, 500], { head: 0.2, tail: 0.1 }, 150, 80);
 * // => [{ weight: 0.2, kmRange: [350, 500] }, { weight: 0.1, kmRange: [500, 580] }]
 */
export function unknownPartAlternatives(
  [lo, hi]: [Km, Km],
  shares: PartShares,
  headReach: Km,
  tailReach: Km,
): KmAlternative[] {
  const out: KmAlternative[] = [];
  if (shares.head > 0 && headReach > 0) {
    out.push({ weight: shares.head, kmRange: [lo - headReach, hi] });
  }
  if (shares.tail > 0 && tailReach > 0) {
    out.push({ weight: shares.tail, kmRange: [lo, hi + tailReach] });
  }
  return out;
}

/**
 * How strongly a report's place among the group's other reports of its day leans it to one end:
 * each of the body's half-spreads (beyond the first) that it lies behind the others' median
 * multiplies the odds of the rear by e^SIDE_SLOPE, ahead of it those of the vanguard, up to
 * SIDE_MAX_ODDS. The rear reached a shelter days after the body rode in; the vanguard walks on
 * from a long stay: read as the body, such reports drag the median person by the body's length.
 */
export const SIDE_SLOPE = 1;
export const SIDE_MAX_ODDS = 20;

/**
 * The shares of head and tail of a report of unknown part lying `offsetKm` from the median of the
 * group's other reports of the same day (negative: behind them), for a body of
 * half-spread `halfKm`: the share of the end on its side raised by the odds factor of SIDE_SLOPE
 * (body and the other end keep their ratio). Within one half-spread, or with no offset, unchanged.
 * @example
 * sidedShares({ head: 0.2, tail: 0.1 }, -300, 50).tail; // ≈ 0.69 (odds × 20, the cap)
 * sidedShares({ head: 0.2, tail: 0.1 }, 30, 50); // => { head: 0.2, tail: 0.1 }
 */
export function sidedShares(
  shares: PartShares,
  offsetKm: number | undefined,
  halfKm: Km,
): PartShares {
  if (offsetKm === undefined || !(halfKm > 0)) return shares;
  const beyond = Math.abs(offsetKm) / halfKm - 1;
  if (beyond <= 0) return shares;
  const odds = Math.min(SIDE_MAX_ODDS, Math.exp(SIDE_SLOPE * beyond));
  const behind = offsetKm < 0;
  const s = behind ? shares.tail : shares.head;
  if (!(s > 0) || s >= 1) return shares;
  const raised = (s * odds) / (s * odds + 1 - s);
  const rest = (1 - raised) / (1 - s);
  return behind
    ? { head: shares.head * rest, tail: raised }
    : { head: raised, tail: shares.tail * rest };
}
