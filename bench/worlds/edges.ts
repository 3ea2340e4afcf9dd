/**
 * The one truth of a group's head and tail that every bench scores against (issue 14: the
 * forecast's head and the estimator's head are the same quantity, docs/contracts.md §3.1
 * `head_km`). The share of people that makes an edge is the library's one definition
 * (src/estimate/bodyEdges.ts: the foremost 1 %, at least 20 people, at most 5 %), read here
 * from the truth's people.
 */
import type { Km } from "../../src/index.ts";
import type { TruthDay } from "./truth.ts";

export { EDGE_MAX_SHARE, EDGE_PEOPLE, EDGE_SHARE, edgeShare } from "../../src/index.ts";

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
