/**
 * The first coarse km run of a fresh tracklet (positions.ts runKm, coarse, no outlier posteriors),
 * made when its track is first read rather than when the tracklet is formed. Without labels most
 * tracklets are merged into others by the association search (linkTracklets.ts), which runs the
 * merged group's km again: their first run was never read (2 % of the time at 100 unlabelled
 * groups). A tracklet's run reads only its own reports, parts and scale, and the context, which the
 * search does not change, so a run made later is the run made then: the same tracks.
 */
import { runKm } from "./positions.ts";
import type { EstimateContext, WorkGroup } from "./workGroup.ts";

/** Tracklets whose first coarse run is still to be made. */
const pending = new WeakSet<WorkGroup>();

/** Marks tracklet `g` (formed, described, not yet run) for its first coarse run when first read. */
export function deferCoarseKm(g: WorkGroup): void {
  pending.add(g);
}

/** Whether `g` has a track or will have one when read (a deferred first run). */
export function hasTrack(g: WorkGroup): boolean {
  return g.km !== undefined || pending.has(g);
}

/**
 * Makes `g`'s deferred first coarse run, if it is still to be made (a group run since, by the
 * search, keeps that run).
 * @example
 * ensureCoarseKm(ctx, g); // g.km is set, as runKm(ctx, g, { outlierPosteriors: false, coarse: true }) sets it
 */
export function ensureCoarseKm(ctx: EstimateContext, g: WorkGroup): void {
  if (!pending.has(g)) return;
  pending.delete(g);
  if (!g.km) runKm(ctx, g, { outlierPosteriors: false, coarse: true });
}
