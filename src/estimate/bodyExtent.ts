/**
 * The body's extent in the association objective (trackCost.ts): a group is a body, not a point.
 *
 * After rides a caravan's front may be hundreds of km ahead of the people still in a shelter (the
 * stress worlds' bodies are 160–930 km long from tail to head, 10th to 90th percentile, and a
 * report falls anywhere along them: a quarter within 3 % of the length from the rear, a quarter
 * beyond 80 %). Read only as a spread about the median person (sd at most 150 km), a report 600 km
 * ahead is an outlier, and the reports of a body's front become a track of their own.
 *
 * Here a report is, with probability 1 − extentShare, of the body's core (normal about the
 * forward-only median track, with the group's spread), or with probability extentShare anywhere
 * from the median track up to the body's front (uniform, its far edge softened by the spread), or
 * — as before — an outlier anywhere on the road. The front is a forward-only track of its own: the
 * isotonic fit of the reports more than EXTENT_Z spreads ahead of the median track, carried from
 * each such report to the later ones. The median track follows the core (each report weighted by
 * its chance of being of the core). A report read along the extent describes a part of the body,
 * so its figure is scored as a part's (`odds`, trackCost.ts partOdds): a whole group's figure
 * there is unlikely. The extent costs what a long body costs (the log of its length, for each
 * report read along it) and its parameters a BIC penalty: ½ log n for each block of the front's
 * isotonic fit (its degrees of freedom) and for the share. The reading is used for a group only
 * when it costs less than the spread alone (trackCost.ts fitBody).
 *
 * Behind the median track the core's spread reads the rear: a rear extent as well (a rear track
 * beyond two spreads behind) was tried and absorbed true groups (bench/README.md, `assoc4`).
 */
import { isotonic } from "./isotonic.ts";

/** What the extent needs of the cost model (trackCost.ts CostModel). */
export interface ExtentModel {
  spreadKm: number;
  outlierShare: number;
  roadKm: number;
}

/** A group's position reading: core spread about the median track, and the body's front. */
export interface BodyExtent {
  /** Sd (km) of the core about the median track. */
  spreadKm: number;
  /** How far (km) the body reaches ahead of the median track at each report (0: no extent). */
  aheadKm: number[];
  /** Share of the reports read along the extent rather than in the core. */
  extentShare: number;
  /** Parameters of the extent: blocks of the front's isotonic fit, and the share. */
  params: number;
  /**
   * Per report: how much likelier its figure is as a part's than as the group's (1 without a
   * figure; trackCost.ts partOdds); the extent's density is scaled by it.
   */
  odds: readonly number[];
}

/**
 * Farthest (km) a report is read as the same body ahead of its median track: the stress worlds'
 * longest bodies (90th percentile 930 km, just after rides). Beyond it a report is another
 * group's or an outlier.
 */
export const EXTENT_CAP_KM = 1000;
/** Residuals beyond this many spreads ahead are the body's extent (inside: its core). */
const EXTENT_Z = 2;
/** Reweighting rounds of the extent fit. */
const ROUNDS = 3;
/** Bounds of the extent's share (the core keeps at least a tenth). */
const SHARE_MIN = 0.02;
const SHARE_MAX = 0.9;
const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

function normal(r: number, sd: number): number {
  const z = r / sd;
  return Math.exp(-0.5 * z * z - LOG_SQRT_2PI) / sd;
}

/** Density of a residual `r` uniform over [0, ahead], both edges softened by a normal of `sd`. */
function along(r: number, ahead: number, sd: number): number {
  const d = r > ahead ? r - ahead : r < 0 ? -r : 0;
  const z = d / sd;
  return Math.exp(-0.5 * z * z) / (ahead + sd * Math.sqrt(2 * Math.PI));
}

/** Densities (before the outlier mixture) of report i's residual `r`: core and extent. */
function parts(r: number, i: number, b: BodyExtent): [number, number] {
  const core = (1 - b.extentShare) * normal(r, b.spreadKm);
  // Before the front is first seen the extent is the core's own (its reach 0).
  const ext =
    b.extentShare > 0
      ? b.extentShare * along(r, b.aheadKm[i] ?? 0, b.spreadKm) * (b.odds[i] ?? 1)
      : 0;
  return [core, ext];
}

/** The three shares of report i's residual `r`: core, extent, outlier (summing to 1). */
function shares(r: number, i: number, b: BodyExtent, m: ExtentModel): [number, number, number] {
  const [core, ext] = parts(r, i, b);
  const good = 1 - m.outlierShare;
  const out = m.outlierShare / m.roadKm;
  const sum = good * (core + ext) + out;
  return [(good * core) / sum, (good * ext) / sum, out / sum];
}

/** −log density of report i's residual (km) under the body-extent mixture. */
export function extentLoss(r: number, i: number, b: BodyExtent, m: ExtentModel): number {
  const [core, ext] = parts(r, i, b);
  return -Math.log((1 - m.outlierShare) * (core + ext) + m.outlierShare / m.roadKm);
}

/** Chance that report i, `r` km from the median track, is of the body (core or extent). */
export function extentGoodShare(r: number, i: number, b: BodyExtent, m: ExtentModel): number {
  return 1 - shares(r, i, b, m)[2];
}

/** Number of distinct values (isotonic blocks) of a fitted track. */
function blocks(v: readonly number[]): number {
  let n = 0;
  for (let i = 0; i < v.length; i++) if (i === 0 || v[i] !== v[i - 1]) n++;
  return n;
}

/**
 * The body's front as a forward-only track: the isotonic fit of the reports more than EXTENT_Z
 * spreads ahead of the median track (within EXTENT_CAP_KM), carried from each such report to the
 * later ones (a front only moves forward). Returns the reach (km ahead of the median track, ≥ 0)
 * at each report and the front's blocks.
 */
function front(
  km: readonly number[],
  fit: readonly number[],
  spreadKm: number,
): { reach: number[]; blocks: number } {
  const idx: number[] = [];
  for (let i = 0; i < km.length; i++) {
    const r = km[i] - fit[i];
    if (r > EXTENT_Z * spreadKm && r <= EXTENT_CAP_KM) idx.push(i);
  }
  const reach = km.map(() => 0);
  if (idx.length === 0) return { reach, blocks: 0 };
  const track = isotonic(
    idx.map((i) => km[i]),
    idx.map(() => 1),
  );
  let k = -1;
  for (let i = 0; i < km.length; i++) {
    while (k + 1 < idx.length && idx[k + 1] <= i) k++;
    if (k >= 0) reach[i] = Math.max(0, track[k] - fit[i]);
  }
  return { reach, blocks: blocks(track) };
}

/** The body's front about the median track, and the extent's share by EM. */
function fitReach(
  km: readonly number[],
  fit: readonly number[],
  spreadKm: number,
  m: ExtentModel,
  odds: readonly number[],
): BodyExtent {
  const f = front(km, fit, spreadKm);
  const b: BodyExtent = { spreadKm, aheadKm: f.reach, extentShare: 0, params: 0, odds };
  if (f.blocks === 0) return b;
  const res = km.map((y, i) => y - fit[i]);
  const beyond = res.filter((r) => r > EXTENT_Z * spreadKm).length;
  const clamp = (x: number): number => Math.min(SHARE_MAX, Math.max(SHARE_MIN, x));
  b.extentShare = clamp(beyond / res.length);
  for (let k = 0; k < 3; k++) {
    let e = 0;
    res.forEach((r, i) => (e += shares(r, i, b, m)[1]));
    b.extentShare = clamp(e / res.length);
  }
  b.params = f.blocks + 1;
  return b;
}

/**
 * The body-extent fit of positions (km, in time order) from a start (the spread-only fit of
 * trackCost.ts): median track, the body, and the summed loss with the BIC penalty (module
 * comment); cost Infinity when no report lies ahead of the core. The core's spread is fitted as in
 * trackCost.ts (`priorN` pseudo-reports at `m.spreadKm`, within `floorKm`–`capKm`), starting from
 * the prior spread at most (a wide spread-only fit has read the body as spread).
 */
export function fitExtent(
  km: readonly number[],
  m: ExtentModel,
  start: { fit: readonly number[]; spreadKm: number },
  spreadLimits: { priorN: number; floorKm: number; capKm: number },
  odds: readonly number[] = [],
): { fit: number[]; body: BodyExtent; cost: number } {
  let fit = [...start.fit];
  let body = fitReach(km, fit, Math.min(start.spreadKm, m.spreadKm), m, odds);
  if (body.params === 0) return { fit, body, cost: Infinity };
  for (let round = 0; round < ROUNDS; round++) {
    const core = km.map((y, i) => shares(y - fit[i], i, body, m)[0]);
    fit = isotonic(km, core);
    let ss = spreadLimits.priorN * m.spreadKm * m.spreadKm;
    let n = spreadLimits.priorN;
    for (let i = 0; i < km.length; i++) {
      const r = km[i] - fit[i];
      ss += core[i] * r * r;
      n += core[i];
    }
    const spreadKm = Math.min(
      spreadLimits.capKm,
      Math.max(spreadLimits.floorKm, Math.sqrt(ss / n)),
    );
    body = fitReach(km, fit, spreadKm, m, odds);
    if (body.params === 0) return { fit, body, cost: Infinity };
  }
  let cost = 0.5 * body.params * Math.log(Math.max(2, km.length));
  for (let i = 0; i < km.length; i++) cost += extentLoss(km[i] - fit[i], i, body, m);
  return { fit, body, cost };
}
