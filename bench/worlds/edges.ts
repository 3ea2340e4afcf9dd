/**
 * The one truth of a group's head and tail that every bench scores against (issue 14: the
 * forecast's head and the estimator's head are the same quantity, docs/contracts.md §3.1
 * `head_km`).
 *
 * The head is the front edge: the km reached by the group's foremost people — its first 1 %, at
 * least 20 people — and never deeper into the body than the 95th percentile (in a group of under
 * 400 the 20 foremost are more than 5 %). The tail is the rear edge, the same count from the back.
 * Why not the single foremost person: one straggler or one family far ahead is not a vanguard a
 * place must be ready for, and a truth that jumps with one family is not a quantity reports can
 * estimate (the stress simulator's foremost cohort can be a lone fast cohort hundreds of km
 * ahead). Why not the 95th percentile alone: in a group of 5,000 that is 250 people behind the
 * first arrivals.
 */
import type { Km } from "../../src/index.ts";
import type { TruthDay } from "./truth.ts";

/** Share of a group's people that make its front (rear) edge: 1 % … */
export const EDGE_SHARE = 0.01;
/** … but at least this many people … */
export const EDGE_PEOPLE = 20;
/** … and at most this share (the edge is never behind the 95th percentile). */
export const EDGE_MAX_SHARE = 0.05;

/**
 * The share of people at or ahead of the front edge (equally, at or behind the rear edge) of a
 * group of `total` people: max(1 %, 20 people), at most 5 %.
 * @example
 * edgeShare(10000); // => 0.01
 * edgeShare(1000); // => 0.02
 * edgeShare(100); // => 0.05
 */
export function edgeShare(total: number): number {
  if (!(total > 0)) return EDGE_MAX_SHARE;
  return Math.min(EDGE_MAX_SHARE, Math.max(EDGE_SHARE, EDGE_PEOPLE / total));
}

/**
 * The truth's head on one day: the front edge (`firstKm`); a simulator with no body (point-like
 * groups) gives its median person.
 */
export function headTruthKm(d: TruthDay): Km {
  return d.firstKm ?? d.km;
}

/** The truth's tail on one day: the rear edge (`lastKm`), else the median person. */
export function tailTruthKm(d: TruthDay): Km {
  return d.lastKm ?? d.km;
}
