/**
 * A part of a caravan (its vanguard or its rear) reported as a tracklet of its own: the joining of
 * tracklets (mergeTracklets.ts) may absorb it into its body although the body's forward-only track
 * reads its reports as outliers, and the final passes then read them as the body's head (ahead)
 * or tail (behind), as reports naming the part are read (positions.ts forEnd), not as outliers
 * of the median person.
 *
 * Two tests tell such a part from a small group of its own travelling near a large one:
 * - its size: its typical figure (groupFigures.ts, the upper quartile the size term reads) at most
 *   PART_TRACKLET_SHARE of the larger's (stress's part tracklets: 0.12–0.55×, median ≈ 0.2×);
 * - its movement (`movesAsPart`): a part lives within its body's days and keeps to one side of it
 *   within PART_REACH_KM, its offset from the body changing by at most PART_DRIFT_KM_PER_DAY. A
 *   small group of its own keeps its own pace: behind the body on some days and ahead on others,
 *   or drawing away (or closing in) day after day, or seen on days the body is not.
 * (docs/estimation.md "partjoin".)
 */
import { logSizeAfter } from "./groupFigures.ts";
import type { GroupFigures } from "./groupFigures.ts";
import type { LinkReport } from "./mergeTracklets.ts";

/** Largest share of the larger tracklet's typical figure at which the smaller is sized as a part. */
export const PART_TRACKLET_SHARE = 0.25;
/** Farthest (km) a part is read ahead of or behind its body's reports of the same days. */
export const PART_REACH_KM = Number(process.env.PJ_REACH ?? 600);
/** Days either side of a part's report within which the body's reports are its body's place. */
const PAIR_DAYS = Number(process.env.PJ_PAIRDAYS ?? 1);
/** A part's offset may cross its body's reports by this much (km; report noise). */
const SIDE_MARGIN_KM = 30;
/** Paired reports (and share of the part's reports paired) a part needs to be read as one. */
const MIN_PAIRS = 2;
const MIN_PAIRED_SHARE = 0.5;
/** Share of a part's paired reports that must lie on its side of the body within reach. */
const SIDE_SHARE = Number(process.env.PJ_SIDESHARE ?? 1);
/** Largest steady change (km a day) of a part's offset from its body: a part moves with it. */
export const PART_DRIFT_KM_PER_DAY = Number(process.env.PJ_DRIFT ?? 40);

/** The two sides of a candidate merge: reports (in time order) and sorted figures. */
export interface PartSide {
  labelled: boolean;
  reports: readonly LinkReport[];
  figures: GroupFigures;
}

/**
 * Whether the smaller side (fewer reports) of two unlabelled tracklets is sized as a part of the
 * larger (module comment). Not for a labelled group: the first pass already gave it the
 * unlabelled reports that fit its track.
 */
export function partSized(small: PartSide, large: PartSide): boolean {
  if (small.labelled || large.labelled) return false;
  const ls = logSizeAfter(small.figures, { change: 0 });
  const ll = logSizeAfter(large.figures, { change: 0 });
  if (ls === undefined || ll === undefined) return false;
  return ls <= ll + Math.log(PART_TRACKLET_SHARE);
}

/**
 * Offsets (km, positive ahead) of each of `small`'s reports on `route` from the median km of
 * `large`'s reports on it within PAIR_DAYS, with the report's time; reports with no such body
 * report are left out. Both lists in time order.
 */
export function partOffsets(
  small: readonly LinkReport[],
  large: readonly LinkReport[],
  route: string,
): { t: number; offset: number }[] {
  const out: { t: number; offset: number }[] = [];
  let start = 0;
  for (const r of small) {
    const km = r.kmByRoute.get(route);
    if (km === undefined) continue;
    while (start < large.length && large[start].t < r.t - PAIR_DAYS) start++;
    const near: number[] = [];
    for (let j = start; j < large.length && large[j].t <= r.t + PAIR_DAYS; j++) {
      const x = large[j].kmByRoute.get(route);
      if (x !== undefined) near.push(x);
    }
    if (near.length === 0) continue;
    near.sort((a, b) => a - b);
    out.push({ t: r.t, offset: km - near[Math.floor(near.length / 2)] });
  }
  return out;
}

/**
 * Whether `small` moves as a part of `large` on `route` (module comment): most of its reports
 * paired with the body's, all on one side within PART_REACH_KM, and its offset's least-squares
 * trend at most PART_DRIFT_KM_PER_DAY.
 */
export function movesAsPart(
  small: readonly LinkReport[],
  large: readonly LinkReport[],
  route: string,
): boolean {
  const on = small.filter((r) => r.kmByRoute.has(route)).length;
  const pairs = partOffsets(small, large, route);
  if (pairs.length === 0 && process.env.PJ_UNPAIRED === "1") return true;
  if (pairs.length < MIN_PAIRS || pairs.length < MIN_PAIRED_SHARE * on) return false;
  const ahead = pairs.filter((p) => p.offset >= -SIDE_MARGIN_KM && p.offset <= PART_REACH_KM);
  const behind = pairs.filter((p) => p.offset <= SIDE_MARGIN_KM && p.offset >= -PART_REACH_KM);
  const side = ahead.length >= behind.length ? ahead : behind;
  if (side.length < SIDE_SHARE * pairs.length || side.length < MIN_PAIRS) return false;
  return Math.abs(trend(side)) <= PART_DRIFT_KM_PER_DAY;
}

/** Least-squares slope (km a day) of offset against time; 0 when all on one day. */
function trend(pairs: readonly { t: number; offset: number }[]): number {
  const n = pairs.length;
  const mt = pairs.reduce((s, p) => s + p.t, 0) / n;
  const mo = pairs.reduce((s, p) => s + p.offset, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const p of pairs) {
    sxy += (p.t - mt) * (p.offset - mo);
    sxx += (p.t - mt) ** 2;
  }
  return sxx < 1 ? 0 : sxy / sxx;
}

/**
 * The side of its body each absorbed part report lies on: "head" when at or ahead of the median
 * km of the body's other reports (`body`) within PAIR_DAYS, "tail" behind; undefined when the body
 * has no report within PAIR_DAYS (then it is read as any report of unknown part).
 */
export function partSideOf(
  report: { t: number; km: number },
  body: readonly { t: number; km: number }[],
): "head" | "tail" | undefined {
  const near = body
    .filter((b) => Math.abs(b.t - report.t) <= PAIR_DAYS)
    .map((b) => b.km)
    .sort((a, b) => a - b);
  if (near.length === 0) return undefined;
  return report.km >= near[Math.floor(near.length / 2)] ? "head" : "tail";
}
