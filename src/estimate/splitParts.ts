/**
 * Short tracks split between the bodies their stretches follow (issue 13, the right number of
 * groups without labels). On the stress development worlds most "part" tracks are not one
 * caravan's vanguard but two caravans' vanguards or rears in one track: for some days the track's
 * reports run ahead of one caravan's body, then of another's (docs/estimation.md § fragcause,
 * § assoc23). absorbParts.ts joins a short track to ONE body only when every report (but a
 * quarter) lies within that body's reach, so a mixed track never joins.
 *
 * Here, after the search, each report of a short unlabelled track is tested against every larger
 * unlabelled track's body on the report's own day (the median person's 90 % interval stretched
 * to the body's own farthest reports within a few days: absorbParts.ts `bodyReach`) and given to
 * the body it sits deepest in. A report within no body takes its neighbour's body, one on a
 * route it lies on (at most MISS_SHARE of the track's reports may). The track is dissolved when its reports so spread over
 * at least `minBodies` bodies (2 by default: the track is better read as parts of two groups than
 * as a group of its own) and at most `maxBodies` (3 by default: a track scattered over more bodies
 * is reports of several groups, not a hand-off of parts) and each body's share is a part of it (its typical figure at most
 * PART_SCALE_SHARE of the body's). Each moved report that names no part is read as the head (at
 * or ahead of the body's median person that day) or the tail, so that it moves the body's ends,
 * not its median person or size (positions.ts `partOf`, bodies.ts); a report without a position
 * keeps the part it names, else takes its neighbour's (a part's figure, sizes.ts). A mark an
 * earlier move inferred is read again (absorbParts.ts `ownPart`). The body's typical figure stays
 * its own.
 *
 * On by default (EstimateOptions.splitParts: false switches it off). On the development beds it
 * wins the stress worlds' unlabelled km and size and leaves every labelled figure, simulate.ts,
 * world3 and 2018 as they were (docs/estimation.md § assoc24). The cap on bodies came after the
 * reported stress seeds, where the two tracks whose dissolving left a true group without a track
 * had spread over four and five bodies (§ assoc25).
 */
import { groupScale } from "./associate.ts";
import {
  MAX_PART_REPORTS,
  MISS_SHARE,
  PART_SCALE_SHARE,
  REPORT_MARGIN_KM,
  bodyReach,
  namesAPart,
  ownPart,
  sideOf,
} from "./absorbParts.ts";
import type { BodyPart } from "./partWords.ts";
import type { PreparedSighting } from "./prepare.ts";
import { associationsBySighting, moveReport, placeStretch } from "./workGroup.ts";
import type { EstimateContext, GroupPosition, WorkGroup } from "./workGroup.ts";

/** How the split is read (EstimateOptions.splitParts). */
export interface SplitPartsOptions {
  /**
   * Fewest bodies a track's reports must spread over for it to be dissolved (default 2: a track
   * that follows one body only is absorbParts.ts's case, which needs a named part).
   */
  minBodies?: number;
  /**
   * Most bodies a track's reports may spread over (default 3). A track read as the vanguards or
   * rears of two or three bodies (a hand-off) is the case the split is for; one whose reports
   * scatter over four or more bodies is reports of several groups, among them possibly the only
   * reports of a small group of its own, and dissolving it left that group without a track
   * (docs/estimation.md § assoc25).
   */
  maxBodies?: number;
  /**
   * A track is dissolved only if one of its reports names a part (default true: without it a
   * world3 track of small, misread figures was split between two other groups' bodies,
   * docs/estimation.md § assoc24).
   */
  named?: boolean;
}

/** The reading used when EstimateOptions.splitParts is true (it is off by default). */
export const DEFAULT_SPLIT_PARTS: Readonly<Required<SplitPartsOptions>> = {
  minBodies: 2,
  maxBodies: 3,
  named: true,
};

/**
 * Dissolves short unlabelled tracks whose reports lie within the bodies of two or more larger
 * unlabelled tracks, each report moved to the body it lies in, read as that body's head or tail.
 * Returns the tracks dissolved (now empty). Every track in `tracks` has had its coarse km pass.
 */
export function splitParts(
  ctx: EstimateContext,
  tracks: readonly WorkGroup[],
  options: SplitPartsOptions = {},
  inferred: Set<string> = new Set(),
): Set<WorkGroup> {
  const minBodies = options.minBodies ?? DEFAULT_SPLIT_PARTS.minBodies;
  const maxBodies = options.maxBodies ?? DEFAULT_SPLIT_PARTS.maxBodies;
  const dissolved = new Set<WorkGroup>();
  const moved = new Set<string>();
  const reaches = reachMemo(moved);
  const small = tracks
    .filter((t) => !t.labelled && t.positions.length > 0)
    .filter((t) => t.positions.length <= MAX_PART_REPORTS)
    .filter((t) => options.named === false || namesAPart(t))
    .sort((a, b) => a.positions.length - b.positions.length);
  for (const t of small) {
    const bodies = tracks.filter(
      (b) =>
        b !== t &&
        !b.labelled &&
        !dissolved.has(b) &&
        b.km !== undefined &&
        b.scale !== undefined &&
        b.positions.length > t.positions.length,
    );
    const plan = stretchPlan(ctx, t, bodies, reaches);
    const spread = plan ? new Set(plan.values()).size : 0;
    if (!plan || spread < minBodies || spread > maxBodies) continue;
    if (!partsOfTheirBodies(t, plan)) continue;
    moveAsParts(ctx, t, plan, { moved, inferred });
    dissolved.add(t);
  }
  return dissolved;
}

/**
 * The body each of `t`'s position reports goes to: the one whose reach it lies deepest in
 * (distance from the body's median person over the reach on that side); a report within no
 * body's reach takes the body of the nearest report before it that lies in one (else after it),
 * if it lies near that body's route (within ctx.maxOff), else the other's. Undefined when more
 * than MISS_SHARE of the reports lie within no body, or one of them near neither neighbour's
 * route: a report is not handed to a body on another route (its position would be dropped), and
 * the track stays whole.
 */
export function stretchPlan(
  ctx: EstimateContext,
  t: WorkGroup,
  bodies: readonly WorkGroup[],
  reaches: Reaches = reachMemo(new Set()),
): Map<GroupPosition, WorkGroup> | undefined {
  const chosen: (WorkGroup | undefined)[] = t.positions.map((p) =>
    deepestBody(ctx, p, bodies, reaches),
  );
  const misses = chosen.filter((b) => b === undefined).length;
  if (misses > Math.floor(MISS_SHARE * t.positions.length) || misses === chosen.length)
    return undefined;
  const hits = [...chosen];
  for (let i = 0; i < chosen.length; i++) {
    if (hits[i] !== undefined) continue;
    const before = hits.findLast((b, j) => j < i && b !== undefined);
    const after = hits.find((b, j) => j > i && b !== undefined);
    chosen[i] = [before, after].find((b) => b !== undefined && nearRoute(ctx, t.positions[i], b));
    if (chosen[i] === undefined) return undefined;
  }
  const plan = new Map<GroupPosition, WorkGroup>();
  t.positions.forEach((p, i) => plan.set(p, chosen[i] as WorkGroup));
  return plan;
}

/** Report `p` lies within ctx.maxOff of body `b`'s route (moveReport keeps its position there). */
function nearRoute(ctx: EstimateContext, p: GroupPosition, b: WorkGroup): boolean {
  const q = ctx.projections.get(p.s)?.get(b.routeId);
  return q !== undefined && q.off <= ctx.maxOff;
}

/** A body's reach on a local day (absorbParts.ts bodyReach), memoised. */
type Reaches = (b: WorkGroup, day: number) => ReturnType<typeof bodyReach>;

/**
 * bodyReach memoised by body and day. A body's reach reads its km pass (not re-run here) and its
 * own reports, never those `moved` in, so a move does not change it. (Unmemoised, reading the
 * reaches was 2.7 % of the estimate of a 50-group unlabelled world, bench/unlabelledSpeed.bench.ts.)
 */
function reachMemo(moved: ReadonlySet<string>): Reaches {
  const memo = new Map<WorkGroup, Map<number, ReturnType<typeof bodyReach>>>();
  return (b, day) => {
    let days = memo.get(b);
    if (!days) memo.set(b, (days = new Map()));
    if (!days.has(day)) days.set(day, bodyReach(b, day, moved));
    return days.get(day);
  };
}

/** The body whose reach `p` lies deepest in on its local day, if any (absorbParts.ts reachFit's measure). */
function deepestBody(
  ctx: EstimateContext,
  p: GroupPosition,
  bodies: readonly WorkGroup[],
  reaches: Reaches,
): WorkGroup | undefined {
  let best: WorkGroup | undefined;
  let bestFit = Infinity;
  const day = Math.floor(p.s.t);
  for (const b of bodies) {
    const reach = reaches(b, day);
    if (!reach) continue;
    const q = ctx.projections.get(p.s)?.get(b.routeId);
    if (!q || q.off > ctx.maxOff) continue;
    const margin = p.s.fromPlace ? placeStretch(ctx, b.routeId, q.km)[1] - q.km : REPORT_MARGIN_KM;
    if (q.km < reach.tail - margin || q.km > reach.head + margin) continue;
    const side = q.km >= reach.median ? reach.head - reach.median : reach.median - reach.tail;
    const fit = Math.abs(q.km - reach.median) / Math.max(side, 1);
    if (fit < bestFit) {
      bestFit = fit;
      best = b;
    }
  }
  return best;
}

/** Each body's share of the track is part-sized: its typical figure ≤ PART_SCALE_SHARE of the body's. */
function partsOfTheirBodies(t: WorkGroup, plan: ReadonlyMap<GroupPosition, WorkGroup>): boolean {
  const shares = new Map<WorkGroup, PreparedSighting[]>();
  for (const [p, b] of plan) {
    const list = shares.get(b);
    if (list) list.push(p.s);
    else shares.set(b, [p.s]);
  }
  for (const [b, members] of shares) {
    const scale = groupScale(members) ?? groupScale(t.members);
    if (scale !== undefined && scale > PART_SCALE_SHARE * (b.scale ?? 0)) return false;
  }
  return true;
}

/**
 * Moves each report to its body, read as the part it names (ownPart: not a mark an earlier move
 * inferred), else as the head or tail by the side of the body's median person it lies on; the
 * track's reports without a place go with the body of the report nearest in time, read as the
 * part they name, else as that report's part (a figure of the track is a part's figure, not the
 * body's size). Marks given here are recorded in `inferred`. Bodies keep their typical figure.
 */
function moveAsParts(
  ctx: EstimateContext,
  t: WorkGroup,
  plan: ReadonlyMap<GroupPosition, WorkGroup>,
  { moved, inferred }: { moved: Set<string>; inferred: Set<string> },
): void {
  const index = associationsBySighting(ctx);
  const scales = new Map<WorkGroup, number | undefined>();
  for (const b of plan.values()) scales.set(b, b.scale);
  const placed = [...plan].map(([p, b]) => {
    const own = ownPart(p.s.id, t, inferred);
    const named = own !== undefined && own !== "body";
    return { p, b, part: named ? own : sideOf(ctx, p, b), named };
  });
  const marks: [string, WorkGroup, BodyPart, boolean][] = [];
  for (const s of t.members.filter((x) => !placed.some((e) => e.p.s === x))) {
    let nearest = placed[0];
    for (const e of placed)
      if (Math.abs(e.p.s.t - s.t) < Math.abs(nearest.p.s.t - s.t)) nearest = e;
    const own = ownPart(s.id, t, inferred);
    const named = own !== undefined && own !== "body";
    marks.push([s.id, nearest.b, named ? own : nearest.part, named]);
    moveReport(ctx, s, t, nearest.b, index);
  }
  for (const { p, b, part, named } of placed) {
    marks.push([p.s.id, b, part, named]);
    moveReport(ctx, p.s, t, b, index);
    moved.add(p.s.id);
  }
  for (const [id, b, part, named] of marks) {
    const parts = b.parts ?? new Map();
    parts.set(id, part);
    b.parts = parts;
    if (!named) inferred.add(id);
  }
  for (const [b, scale] of scales) b.scale = scale;
}
