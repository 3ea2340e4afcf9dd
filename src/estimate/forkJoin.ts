/**
 * A track that forks at a ride: part of a group rides a bus hundreds of km ahead, the rest walks
 * on, and the association (linkTracklets.ts) reads the riders as a new group born ahead of the
 * walkers' track. Read here as one body: a group born at least FORK_MIN_DAYS after another group
 * of the same route was first seen, while that one still lives, more than FORK_AHEAD_KM ahead of
 * its median track on its first day and ahead of it (by FORK_CLEAR_KM) on every day both are
 * seen, with fewer reports and ending by the other's last report + FORK_END_DAYS, is the other's
 * vanguard: its reports join the older group as reports of its head (the older group's body is
 * head = the piece ahead, tail = the piece behind; its median stays on the walkers' reports).
 * Unlabelled groups only, after the association search.
 */
import type { Km } from "../model/units.ts";
import { runKm } from "./positions.ts";
import { moveMembers } from "./workGroup.ts";
import type { EstimateContext, WorkGroup } from "./workGroup.ts";

/** Days after the older group's first report before a piece can fork off it. */
const FORK_MIN_DAYS = 2;
/** km ahead of the older group's median on its first day that make a piece a ride's vanguard. */
const FORK_AHEAD_KM = 200;
/** km the piece stays ahead of the older group's median on every day both are seen. */
const FORK_CLEAR_KM = 30;
/** Days past the older group's last report by which the piece must end. */
const FORK_END_DAYS = 3;
/** Largest ratio of typical sizes (piece ÷ older group): a vanguard is not a larger group. */
const FORK_SIZE_RATIO = 3;

/** Median km of `g`'s position reports on each local day. */
function dayMedians(g: WorkGroup): Map<number, Km> {
  const days = new Map<number, Km[]>();
  for (const p of g.positions) {
    const d = Math.floor(p.s.t);
    days.set(d, [...(days.get(d) ?? []), p.km]);
  }
  const out = new Map<number, Km>();
  for (const [d, v] of days) out.set(d, v.sort((x, y) => x - y)[v.length >> 1]);
  return out;
}

/** `g`'s median track on local day `day`, if its span holds it. */
function trackAt(g: WorkGroup, day: number): Km | undefined {
  return g.km?.days[day - g.day0]?.median;
}

/** Whether `piece` is a vanguard that forked off `older` (module comment). */
export function isForkPiece(older: WorkGroup, piece: WorkGroup): boolean {
  if (older === piece || older.labelled || piece.labelled) return false;
  if (older.routeId !== piece.routeId || !older.km || piece.positions.length === 0) return false;
  if (2 * piece.positions.length > older.positions.length) return false;
  if (older.scale && piece.scale && piece.scale > FORK_SIZE_RATIO * older.scale) return false;
  const first = Math.floor(piece.positions[0].s.t);
  const last = Math.floor(piece.positions[piece.positions.length - 1].s.t);
  const olderFirst = Math.floor(older.positions[0].s.t);
  const olderLast = Math.floor(older.positions[older.positions.length - 1].s.t);
  if (first < olderFirst + FORK_MIN_DAYS || first > olderLast + 1) return false;
  if (last > olderLast + FORK_END_DAYS) return false;
  const medians = dayMedians(piece);
  const at = trackAt(older, first);
  if (at === undefined || (medians.get(first) as Km) - at <= FORK_AHEAD_KM) return false;
  for (const [d, km] of medians) {
    const o = trackAt(older, d);
    if (o !== undefined && d <= olderLast && km <= o + FORK_CLEAR_KM) return false;
  }
  return true;
}

/**
 * Joins each fork piece among `groups` (unlabelled, with tracks) to the older group it forked
 * off (the nearest behind it on its first day); its reports become the older group's head
 * reports. Returns the groups joined away (now without reports).
 */
export function joinForks(
  ctx: EstimateContext,
  groups: readonly WorkGroup[],
  describe: (g: WorkGroup) => void,
): Set<WorkGroup> {
  const gone = new Set<WorkGroup>();
  const byBirth = [...groups].sort((a, b) => a.positions[0].s.t - b.positions[0].s.t);
  for (const piece of byBirth) {
    const first = Math.floor(piece.positions[0].s.t);
    let best: WorkGroup | undefined;
    let bestKm = -Infinity;
    for (const older of byBirth) {
      if (gone.has(older) || !isForkPiece(older, piece)) continue;
      const km = trackAt(older, first) as Km;
      if (km > bestKm) [best, bestKm] = [older, km];
    }
    if (!best) continue;
    const ids = piece.positions.map((p) => p.s.id);
    moveMembers(ctx, piece, best);
    describe(best);
    for (const id of ids) if (!best.parts?.has(id)) best.parts?.set(id, "head");
    runKm(ctx, best, { outlierPosteriors: false, coarse: true });
    gone.add(piece);
  }
  return gone;
}
