/**
 * The one definition of a group's head and tail as shares of its people (docs/contracts.md §3.1
 * `head_km`): the head is the front edge, the km reached by the group's foremost people — its
 * first 1 %, at least 20 people — and never deeper into the body than the 95th percentile (in a
 * group of under 400 the 20 foremost are more than 5 %). The tail is the rear edge, the same count
 * from the back.
 *
 * Why not the single foremost person: one straggler or one family far ahead is not a vanguard a
 * place must be ready for, and a quantity that jumps with one family cannot be estimated from
 * reports. Why not the 95th percentile alone: in a group of 5,000 that is 250 people behind the
 * first arrivals.
 *
 * Who reads it: the body's people along the road (bodies.ts `bodyDistribution`: the foremost
 * share lies ahead of `head_km`, the hindmost behind `tail_km`), and the benchmarks' truth of
 * the head and tail (bench/worlds/edges.ts). The estimator does not compute its head from this
 * share: it smooths the head from the reports of the head and the body (bodies.ts); this is the
 * quantity that smoothing aims at and is scored against.
 */

/** Share of a group's people that make its front (rear) edge: 1 % … */
export const EDGE_SHARE = 0.01;
/** … but at least this many people … */
export const EDGE_PEOPLE = 20;
/** … and at most this share (the edge is never behind the 95th percentile). */
export const EDGE_MAX_SHARE = 0.05;

/**
 * The share of people at or ahead of the front edge (equally, at or behind the rear edge) of a
 * group of `total` people: max(1 %, 20 people), at most 5 %; 1 % ({@link EDGE_SHARE}) when
 * `total` is not a positive number of people (an unknown size: the state's body, bodies.ts, draws
 * it so; one answer for the case).
 * @example
 * edgeShare(10000); // => 0.01
 * edgeShare(1000); // => 0.02
 * edgeShare(100); // => 0.05
 */
export function edgeShare(total: number): number {
  if (!(total > 0)) return EDGE_SHARE;
  return Math.min(EDGE_MAX_SHARE, Math.max(EDGE_SHARE, EDGE_PEOPLE / total));
}
