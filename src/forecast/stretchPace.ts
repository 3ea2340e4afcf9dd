/**
 * Pace by stretch of road for the forecast: the movement law of each stretch of every route,
 * fitted on the daily moves the estimated tracks made there so far (src/movement/stretches.ts).
 */
import type { EstimateResult } from "../estimate/estimateTracks.ts";
import { dayNumber } from "../calendar/index.ts";
import { fitStretchLaws } from "../movement/index.ts";
import type { MovementModel, StretchFitOptions, StretchLaws } from "../movement/index.ts";

/** Options of {@link stretchPace}: those of `fitStretchLaws`, and whether heads count. */
export interface StretchPaceOptions extends StretchFitOptions {
  /** Also count the daily moves of each track's head (`headKm`); default true. */
  heads?: boolean;
}

/** The nowcast's default: pace by stretch off (docs/movement.md#pace-by-stretch). */
export const DEFAULT_STRETCH_PACE: StretchPaceOptions | false = false;

/**
 * The stretch laws of every route the estimate's groups are on, memoised by route: each route's
 * stretches fitted (`fitStretchLaws`) on the tracks of the groups on it — the median person's
 * daily positions and, with `heads`, the head's — with `pooled` as the prior.
 * @returns a function from a route id to its stretch laws (undefined for a route without tracks).
 * @example
 * stretchPace(now.estimate, now.movement)("main")?.laws.length; // => 16 (4,521 km / 300 km)
 */
export function stretchPace(
  estimate: Pick<EstimateResult, "tracks" | "state">,
  pooled: MovementModel,
  options: StretchPaceOptions = {},
): (routeId: string) => StretchLaws | undefined {
  const memo = new Map<string, StretchLaws | undefined>();
  return (routeId) => {
    if (memo.has(routeId)) return memo.get(routeId);
    const length = estimate.state.find((s) => s.routeId === routeId)?.routeLengthKm;
    const byGroup = new Map<string, { day: number; km: number; head?: number }[]>();
    for (const t of estimate.tracks) {
      if (t.routeId !== routeId) continue;
      const day = dayNumber(t.date);
      if (day === undefined) continue;
      const list = byGroup.get(t.group) ?? [];
      list.push({ day, km: t.km, head: t.headKm });
      byGroup.set(t.group, list);
    }
    const tracks: { day: number; km: number }[][] = [];
    for (const points of byGroup.values()) {
      points.sort((a, b) => a.day - b.day);
      tracks.push(points.map((p) => ({ day: p.day, km: p.km })));
      if (options.heads !== false && points.every((p) => p.head !== undefined)) {
        tracks.push(points.map((p) => ({ day: p.day, km: p.head! })));
      }
    }
    const laws =
      length === undefined || tracks.length === 0
        ? undefined
        : fitStretchLaws(tracks, length, pooled, options);
    memo.set(routeId, laws);
    return laws;
  };
}
