/**
 * The forward (or backward) lean of a source type's position reports: where its reports of a
 * group sit, in km along the route, against the other source types' reports of the same group on
 * the same day. Reporters and social media travel with the vanguard (2018: the first 17 people at
 * Mexico City's Palillo stadium were reported days before the body), so a report that names no
 * part may describe the head rather than the main body, and some source types do so far more
 * often than others. Read as the body, their reports drag the median person ahead.
 *
 * The lean is fitted from the data (docs/estimation.md#source-lean): for each report of a type
 * that names no part and gives no figure, its km minus the median of the same group's same-day
 * reports of the other types (each less that type's lean) and of the border counts (at the point
 * passed, lean 0: the anchor); a few rounds, since the others lean too. Each type's median
 * residual is shrunk toward 0 by a normal prior (sd LEAN_PRIOR_SD_KM) against its own standard
 * error, so a type with few reports or no consistent lean gets ~0 and changes nothing. The
 * estimator then reads that type's unnamed reports shifted back by the lean, with a wider sd
 * (positions.ts): when sources disagree systematically, the median person is known less well.
 */
import type { Km } from "../model/units.ts";
import type { KmObservation } from "./kmSmoother.ts";
import type { BiasSource } from "./sourceBias.ts";
import type { GroupPosition, WorkGroup } from "./workGroup.ts";

/** A source type's fitted lean, as written to report.json (`sourceLeans`). */
export interface SourceLean {
  sourceType: BiasSource;
  /** Lean used (km, + ahead of the other sources): the raw median residual shrunk toward 0. */
  leanKm: Km;
  /** Median residual before shrinkage (km). */
  rawKm: Km;
  /** Standard error of the raw lean (km): of the type's median residual and of the level. */
  seKm: Km;
  /** Reports that gave a residual (a same-day report of another type or a count to compare). */
  n: number;
  /**
   * Why no lean was used, when `leanKm` is 0: too few reports (then `rawKm` and `seKm` are 0, not
   * measured), or a raw lean shrunk within about two standard errors of 0 or under LEAN_MIN_KM.
   */
  note?: string;
}

/**
 * Prior sd (km) of a source type's lean: a type may lean a day or a few days' walk ahead of the
 * body, rarely more (world3's development seeds: social media and organisers ≈ 160 km).
 */
export const LEAN_PRIOR_SD_KM = 100;
/** Prior probability that a source type leans at all (else its lean is exactly 0). */
export const LEAN_PRIOR_SHARE = 0.5;
/**
 * A lean shorter than this (km, after shrinkage) is read as none: within the body's own half-length
 * for 1,000 people (bodySpreadKm: 30 km), so such reports may well be of the body. On the
 * simulators without a per-type lean (stress, simulate.ts) the fitted leans mostly stay under it.
 */
export const LEAN_MIN_KM = 20;
/**
 * Fewer residuals than this: no lean. Where a fifth of the reports of every type see the vanguard
 * or the rear (hundreds of km off), the median of fewer reports moves by a body's length with two
 * or three of them: on a stress world (no per-type lean) 9 NGO reports gave −67 ± 32 km.
 */
export const LEAN_MIN_REPORTS = 12;
/**
 * Share of a type's lean added (in quadrature) to the sd of its shifted reports: a type that leans
 * 150 km on average saw the vanguard on some days (up to twice that ahead) and the body on others,
 * so its reports place the median person less well than a type on the body, by about its lean.
 * (0.5 on world3's development seeds 201–212: km cover 79.4 %; 1: 80.9 %, bench/README.md.)
 */
export const LEAN_SD_SHARE = 1;

/**
 * Source types whose reports set the level the others lean from: agencies that register or
 * count people where they staff a point (DTM, government checkpoints, the UN at shelters and
 * borders) report where the group passed; media, organisers and social media travel with the
 * vanguard (2018). Their own leans are still fitted against that level.
 */
export const ANCHOR_TYPES: ReadonlySet<BiasSource> = new Set<BiasSource>([
  "dtm",
  "government",
  "un",
]);

/** A report that names no part and gives no figure: the ones a lean is fitted on and applied to. */
export type UnnamedTest = (g: WorkGroup, p: GroupPosition) => boolean;

/**
 * Each unnamed report's km less the group's median person that day on the first pass's track, by
 * source type; and the same (key "anchor") for the border counts and the reports of ANCHOR_TYPES
 * that name no part, whatever their figure.
 */
function trackResiduals(
  groups: readonly WorkGroup[],
  isUnnamed: UnnamedTest,
): Map<BiasSource | "anchor", number[]> {
  const out = new Map<BiasSource | "anchor", number[]>();
  const add = (source: BiasSource | "anchor", r: number): void => {
    let list = out.get(source);
    if (!list) out.set(source, (list = []));
    list.push(r);
  };
  for (const g of groups) {
    const days = g.km?.days;
    if (!days?.length) continue;
    const at = (day: number): Km =>
      days[Math.min(days.length - 1, Math.max(0, day - g.day0))].median;
    for (const p of g.positions) {
      const r = p.km - at(Math.floor(p.s.t));
      if (isUnnamed(g, p)) add(p.s.source, r);
      if (ANCHOR_TYPES.has(p.s.source) && !g.parts?.has(p.s.id)) add("anchor", r);
    }
    for (const c of g.counts) add("anchor", c.km - at(c.day));
  }
  return out;
}

function median(xs: number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : 0.5 * (s[m - 1] + s[m]);
}

/**
 * Posterior mean of a lean whose prior is "none" (probability 1 − LEAN_PRIOR_SHARE) or normal
 * with sd LEAN_PRIOR_SD_KM, given a raw estimate `raw` with standard error `se`: a raw lean within
 * about two standard errors of 0 is mostly taken for none.
 * @example
 * shrinkLean(150, 10); // ≈ 148 (sure)
 * shrinkLean(20, 10); // ≈ 8 (two standard errors: as likely none)
 */
export function shrinkLean(raw: Km, se: Km): Km {
  const slabVar = LEAN_PRIOR_SD_KM ** 2 + se * se;
  const logNone = -0.5 * Math.log(se * se) - (0.5 * raw * raw) / (se * se);
  const logSome = -0.5 * Math.log(slabVar) - (0.5 * raw * raw) / slabVar;
  const odds = Math.exp(Math.max(-50, Math.min(50, logNone - logSome)));
  const pSome = LEAN_PRIOR_SHARE / (LEAN_PRIOR_SHARE + (1 - LEAN_PRIOR_SHARE) * odds);
  return (pSome * raw * LEAN_PRIOR_SD_KM ** 2) / slabVar;
}

/**
 * Median of residuals and its standard error: 1.25 σ / √n, σ from the MAD (robust to the
 * vanguard's wild days), at least 1 km.
 */
function medianAndSe(rs: number[]): { m: Km; se: Km } {
  const m = median(rs);
  const mad = median(rs.map((r) => Math.abs(r - m)));
  return { m, se: (1.25 * Math.max(1, 1.4826 * mad)) / Math.sqrt(Math.max(1, rs.length)) };
}

/**
 * A type's lean from its residuals, against the level (and its standard error), shrunk toward 0.
 */
function shrink(source: BiasSource, rs: number[], level: { m: Km; se: Km }): SourceLean {
  const n = rs.length;
  if (n < LEAN_MIN_REPORTS) {
    const note = `fewer than ${LEAN_MIN_REPORTS} reports to compare: no lean fitted, read as none`;
    return { sourceType: source, leanKm: 0, rawKm: 0, seKm: 0, n, note };
  }
  const own = medianAndSe(rs);
  const raw = own.m - level.m;
  const se = Math.hypot(own.se, level.se);
  const lean = shrinkLean(raw, se);
  const none = Math.abs(lean) < LEAN_MIN_KM;
  return {
    sourceType: source,
    leanKm: none ? 0 : lean,
    rawKm: raw,
    seKm: se,
    n,
    ...(none
      ? {
          note: `under ${LEAN_MIN_KM} km once shrunk toward 0 (a raw lean within about two standard errors of 0 mostly is): read as none`,
        }
      : {}),
  };
}

/**
 * Fits each source type's lean from the groups' reports that name no part (`isUnnamed`), against
 * each group's track of the first pass (`g.km`, which all its reports pulled).
 *
 * Residuals against a track the reports made say only how types differ (every type ahead by 50 km
 * pulls the track 50 km ahead and fits as well as none): the level, the track's own lean, is the
 * median residual of the anchors — border counts (the group passed the point that day) and the
 * reports of ANCHOR_TYPES — when at least LEAN_MIN_REPORTS speak; else the median over all
 * reports, so that the typical report is of the body and a minority of types leaning ahead is
 * what gets corrected.
 * @example
 * fitSourceLeans(groups, isUnnamed).get("social_media")?.leanKm; // ≈ 150 if it leads
 */
export function fitSourceLeans(
  groups: readonly WorkGroup[],
  isUnnamed: UnnamedTest,
): Map<BiasSource, SourceLean> {
  const residuals = trackResiduals(groups, isUnnamed);
  const anchors = residuals.get("anchor") ?? [];
  residuals.delete("anchor");
  const level = medianAndSe(
    anchors.length >= LEAN_MIN_REPORTS ? anchors : [...residuals.values()].flat(),
  );
  const leans = new Map<BiasSource, SourceLean>();
  for (const [s, rs] of residuals) {
    if (s !== "anchor") leans.set(s, shrink(s, rs, level));
  }
  return leans;
}

/**
 * Reads a report through its type's lean: shifted back by the lean, its sd widened by
 * LEAN_SD_SHARE of the lean and by the lean's standard error, the latter in the share of the raw
 * lean that was kept (a lean shrunk to ~0 widens nothing). Unchanged for a type without a lean.
 * @example
 * leanShift({ sourceType: "media", leanKm: 100, rawKm: 100, seKm: 20, n: 50 }); // => { km: -100, sdKm: ≈ 102 }
 */
export function leanShift(lean: SourceLean | undefined): { km: Km; sdKm: Km } {
  if (!lean || lean.leanKm === 0) return { km: 0, sdKm: 0 };
  const kept = Math.min(1, Math.abs(lean.leanKm / (lean.rawKm || lean.leanKm)));
  return { km: -lean.leanKm, sdKm: Math.hypot(kept * lean.seKm, LEAN_SD_SHARE * lean.leanKm) };
}

/**
 * A report of a leaning type as an observation of where the body is: `o` shifted back by the
 * type's lean (its town's stretch too), its sd widened (leanShift).
 */
export function withLean(o: KmObservation, lean: SourceLean | undefined): KmObservation {
  const { km, sdKm } = leanShift(lean);
  if (km === 0) return o;
  return {
    ...o,
    km: o.km + km,
    sigmaKm: Math.hypot(o.sigmaKm, sdKm),
    kmRange: o.kmRange ? [o.kmRange[0] + km, o.kmRange[1] + km] : undefined,
  };
}
