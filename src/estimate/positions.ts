/**
 * Position smoothing of the track estimator: turns a group's reports into km observations and
 * runs the km smoother (kmSmoother.ts) for its median person, its head or its tail; fits the
 * movement model's regime shares and walking speed, and the outlier rate, to the data (one EM
 * step each, pooled over groups).
 *
 * A report counts in proportion to the people it describes (the body, bodies.ts): a report of the
 * whole body, or of most of it, is a report of its median person; a report of the vanguard says
 * the median person is somewhere behind it, of the rear somewhere ahead of it, and a small report
 * of unknown part somewhere near. The smaller the share of the group it describes, the wider that
 * stretch (up to BODY_REACH_KM).
 */
import type { Km } from "../model/units.ts";
import { smoothKm } from "./kmSmoother.ts";
import type { KmObservation } from "./kmSmoother.ts";
import { fitMovement as fitLaw, groupLaw, readingOffset, noEvidence } from "../movement/index.ts";
import type { MovementModel } from "../movement/index.ts";
import type { BodyPart } from "./partWords.ts";
import { bodyProbability, groupShare, PART_SHARE } from "./parts.ts";
import type { BiasSource } from "./sourceBias.ts";
import { SOURCE_PRIORS } from "./sourceBias.ts";
import { partShares, sidedShares, unknownPartAlternatives } from "./partMixture.ts";
import type { PartCounts, PartShares } from "./partMixture.ts";
import { withLean } from "./sourceLean.ts";
import { repeatOrigins } from "./repeats.ts";
import { stayAnchors } from "./stayAnchor.ts";
import type { StayAnchor } from "./stayAnchor.ts";
import { agreeingDays, POINT_HALF_KM } from "./pointDays.ts";
import type { DayReading } from "./pointDays.ts";
import { placeStretch } from "./workGroup.ts";
import type { EstimateContext, GroupPosition, WorkGroup } from "./workGroup.ts";

const POSITION_BASE_SIGMA: Partial<Record<BiasSource, number>> = {
  dtm: 1,
  government: 1,
  un: 1,
  ngo: 1.1,
  media: 1.3,
  organiser: 1.2,
  social_media: 2,
  other: 1.5,
  unknown: 1.3,
};

/**
 * How far (km) the vanguard or the stragglers may be from the median person: as far as one long
 * bus ride (2018: the first buses reached Tijuana a week before the body, ~1,500 km behind).
 */
export const BODY_REACH_KM = 1600;
/**
 * Half-length (km) of a body of `people` from its median person to its head or tail, as a 90 %
 * upper bound when nothing else is known: a few km for a small group walking together, tens of
 * km for thousands (platoon dispersion).
 * @example
 * bodySpreadKm(5000); // ≈ 55
 */
export function bodySpreadKm(people: number | undefined): Km {
  const n = people !== undefined && people > 0 ? people : 1000;
  return 10 + 20 * Math.sqrt(n / 1000);
}

/** Sd (km) of the edges of a town's stretch. */
const TOWN_EDGE_SD_KM = 15;
/** Share of the body's prior spread by which a report of the body may miss its median person. */
const BODY_REPORT_SPREAD = 1;

/**
 * How far (km) a report of the body may fall from its median person on a day: the fitted spread
 * of the group's reports around its median (fitBodySpread) when enough reports speak, else the
 * body's prior spread for its size.
 */
export function bodyHalfKm(g: WorkGroup, t: number): Km {
  const prior = BODY_REPORT_SPREAD * bodySpreadKm(g.sizeByDay?.get(Math.floor(t)) ?? g.scale);
  const fitted = g.spreadByDay?.get(Math.floor(t));
  return fitted === undefined ? prior : Math.max(2, fitted);
}

/** Days either side of a day whose reports tell how spread out the body is. */
const SPREAD_WINDOW_DAYS = 5;

/**
 * Fits how spread out a group's body is, day by day: the 80th percentile of the distances of its
 * reports of the body from the smoothed median person (last run) within SPREAD_WINDOW_DAYS, when
 * at least 4 reports speak (a long body scatters its reports over hundreds of km), and their
 * median (`bulkByDay`: how far its bulk's reports fall, which the few strung out far ahead do not
 * move). Reports of a town count by the distance to the nearer end of its stretch.
 */
export function fitBodySpread(ctx: EstimateContext, g: WorkGroup): void {
  const km = g.km;
  if (!km) return;
  const residuals: { day: number; r: number }[] = [];
  for (const p of g.positions) {
    if (partOf(g, p) !== "body") continue;
    const k = Math.floor(p.s.t) - g.day0;
    const d = km.days[Math.min(km.days.length - 1, Math.max(0, k))];
    if (!d) continue;
    const [lo, hi] = p.s.fromPlace ? placeStretch(ctx, g.routeId, p.km) : [p.km, p.km];
    const r = d.median < lo ? lo - d.median : d.median > hi ? d.median - hi : 0;
    residuals.push({ day: g.day0 + k, r });
  }
  const sameDay = ctx.sameDaySpread ? sameDayDistances(g) : [];
  g.spreadByDay = new Map();
  g.bulkByDay = new Map();
  for (let k = 0; k < g.nDays; k++) {
    const day = g.day0 + k;
    const near = residuals
      .filter((x) => Math.abs(x.day - day) <= SPREAD_WINDOW_DAYS)
      .map((x) => x.r)
      .sort((a, b) => a - b);
    if (near.length < 4) continue;
    let spread = near[Math.floor(0.8 * (near.length - 1))];
    let bulk = near[Math.floor(0.5 * (near.length - 1))];
    const same = sameDay
      .filter((x) => Math.abs(x.day - day) <= SPREAD_WINDOW_DAYS)
      .map((x) => x.r)
      .sort((a, b) => a - b);
    if (same.length >= 4) {
      spread = Math.min(spread, same[Math.floor(0.8 * (same.length - 1))]);
      bulk = Math.min(bulk, same[Math.floor(0.5 * (same.length - 1))]);
    }
    g.spreadByDay.set(day, spread);
    g.bulkByDay.set(day, bulk);
  }
}

/**
 * Each report of the body's distance (km) from the median of its day's reports of the body, on
 * days with two or more (× √(n ÷ (n − 1)): the distances from a sample's own median understate
 * those from the centre it was drawn about): how spread out the body is as one day's reports show
 * it, without the smoothed median's own error (EstimateOptions.sameDaySpread).
 */
function sameDayDistances(g: WorkGroup): { day: number; r: number }[] {
  const byDay = new Map<number, number[]>();
  for (const p of g.positions) {
    if (partOf(g, p) !== "body") continue;
    const day = Math.floor(p.s.t);
    const list = byDay.get(day) ?? [];
    list.push(p.km);
    byDay.set(day, list);
  }
  const out: { day: number; r: number }[] = [];
  for (const [day, list] of byDay) {
    if (list.length < 2) continue;
    const sorted = [...list].sort((a, b) => a - b);
    const n = sorted.length;
    const med = n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    const k = Math.sqrt(n / (n - 1));
    for (const x of list) out.push({ day, r: k * Math.abs(x - med) });
  }
  return out;
}

/**
 * Sd of a body report around the median person, as a share of the body's half-spread: a report of
 * the main body places someone in its middle 90 %, anywhere from near the rear to near the head.
 */
const BODY_SD_SHARE = 1.5;

/**
 * A report of the body about its median person as a scale mixture of two normals (sd as shares of
 * the body's half-spread): a core (weight 0.6, sd 0.35) and broad tails (0.4, sd 2.3), of variance
 * 0.6 · 0.35² + 0.4 · 2.3² = 2.19 (sd ≈ 1.48), a little below the one normal's BODY_SD_SHARE² =
 * 1.5² = 2.25 (3 % less variance, 1 % less sd), so the leave-one-out scores read nearly the same
 * spread. The core is narrow: the reports of the people at a shelter pick its place out of those
 * strung out ahead (a core of sd 0.6 and tails of 2.2 until 6 Dec 2026, branch `labelled2`: the
 * narrower core gains on stress, simulate.ts, world3 and 2018; one of 0.2 lost on world3; bench/README.md).
 * Where the group's own reports tell the bulk's spread, the core is read from it instead
 * (CORE_BULK_SHARE, CORE_FLOOR).
 * A body is not symmetric about its median person:
 * fast walkers and hitchhikers string out ahead of a shelter while its bulk stays, so the reports
 * of its people scatter far to one side while half of them sit at the median person (stress worlds'
 * development seeds: reports of the body are +38 to +56 km ahead of the median person on average,
 * 0 km at their median). One normal per report makes the track their mean; heavy tails make it
 * nearer their median, as a Laplace likelihood would. Read in the final passes unless
 * EstimateOptions.bodyTails is false (docs/estimation.md "Where the labelled km and size errors
 * come from").
 */
export const BODY_SCALE_MIXTURE: readonly [
  { weight: number; sdShare: number },
  { weight: number; sdShare: number },
] = [
  { weight: 0.6, sdShare: 0.35 },
  { weight: 0.4, sdShare: 2.3 },
];

/**
 * Sd of the core of a report of the body as a share of the median distance of the group's reports
 * of the body from its median person (`bulkByDay`): 0.665 gives a normal body the same core as
 * BODY_SCALE_MIXTURE's 0.35 × its 80th percentile (0.35 × 1.2816 / 0.6745). A body whose people
 * string out ahead of a shelter has an 80th percentile far beyond its median distance: its core
 * is then the bulk's, narrower (docs/estimation.md "The core from the bulk").
 */
const CORE_BULK_SHARE = 0.665;
/**
 * The core is never narrower than this share of the spread's core: a median distance of 0 (half
 * the reports name the town the median person is in) says the bulk is in one town, not at a point.
 * 0.5 measured (no floor: world3 labelled 89 → 93 km on its development worlds).
 */
const CORE_FLOOR = 0.5;

/**
 * Sd (km) of the core of a report of the body: from the bulk's own median distance `bulkKm`
 * (CORE_BULK_SHARE × it, with the report's own sd `sigmaKm`), no wider than the spread's core
 * `spreadCoreSd` and no narrower than CORE_FLOOR × it; the spread's core when the bulk is not
 * known (fewer than 4 reports near the day).
 * @example
 * bodyCoreSdKm(20, 5, 0); // => 10 (CORE_FLOOR × 20: the bulk is in one town, not at a point)
 */
export function bodyCoreSdKm(spreadCoreSd: Km, sigmaKm: Km, bulkKm: Km | undefined): Km {
  if (bulkKm === undefined) return spreadCoreSd;
  const fromBulk = Math.hypot(sigmaKm, CORE_BULK_SHARE * bulkKm);
  return Math.min(spreadCoreSd, Math.max(CORE_FLOOR * spreadCoreSd, fromBulk));
}

/** Which quantity of the body a km smoother run estimates. */
export type KmTarget = "median" | "head" | "tail";

/** Share of the group a position report describes (parts.ts {@link groupShare}). */
function shareOf(g: WorkGroup, p: GroupPosition): number {
  return groupShare(g, p.s);
}

/**
 * The part of the body a position report is read as describing: the source's own words first;
 * else, for a report of a small share of the group, `partial` (head or tail, unknown); else body.
 */
export function partOf(g: WorkGroup, p: GroupPosition): BodyPart | "partial" {
  const said = g.parts?.get(p.s.id);
  if (said) return said;
  return shareOf(g, p) < PART_SHARE ? "partial" : "body";
}

/** Span of a group: local days of its first and last report (positions and counts). */
export function setSpan(g: WorkGroup): void {
  let first = Infinity;
  let last = -Infinity;
  for (const p of g.positions) {
    first = Math.min(first, p.s.t);
    last = Math.max(last, p.s.t);
  }
  for (const c of g.counts) {
    first = Math.min(first, c.day + 0.5);
    last = Math.max(last, c.day + 0.5);
  }
  g.day0 = Math.floor(first);
  g.lastReportDay = Math.floor(last);
  g.nDays = Math.floor(last) - g.day0 + 1;
}

/** The part each of a group's position reports is read as describing, and which are stale repeats. */
export interface ReportReading {
  /** `partOf` of each report of `g.positions`. */
  parts: readonly (BodyPart | "partial")[];
  /** Report i is a stale repeat left out of the final passes ({@link staleRepeats}). */
  repeated: readonly boolean[];
}

/** A group's {@link ReportReading}: what kmObservations and its helpers (and unseenEnds.ts) read. */
export function readReports(ctx: EstimateContext, g: WorkGroup): ReportReading {
  return { parts: g.positions.map((p) => partOf(g, p)), repeated: staleRepeats(ctx, g) };
}

/**
 * Whether each of a group's position reports is a stale repeat (repeats.ts) that the final passes
 * leave out: marked in `g.repeatOf` (markRepeats) of a labelled group read with body tails. The
 * one rule for the median person's, the head's and the tail's runs and for every reading they
 * rest on; all false for a group built without labels and before markRepeats.
 */
export function staleRepeats(ctx: EstimateContext, g: WorkGroup): boolean[] {
  const repeatOf = ctx.bodyTails && g.labelled ? g.repeatOf : undefined;
  return g.positions.map((p) => repeatOf?.has(p.s.id) ?? false);
}

/** The km observations of a group's reports for one target (median person, head or tail). */
export function kmObservations(
  ctx: EstimateContext,
  g: WorkGroup,
  target: KmTarget = "median",
): KmObservation[] {
  const obs: KmObservation[] = [];
  g.obsPosition = [];
  // Several reports naming the same town on the same day say one thing, not several.
  const seenPlace = new Set<string>();
  // For the head or tail: one report a day of that part, one bound a day from the body.
  const bodyBound = new Map<number, { o: KmObservation; pIndex: number }>();
  // A labelled group's stale news told again with its place and figure (repeats.ts): left out of
  // the median person's, the head's and the tail's reports and of every reading below (reaches,
  // end-report days, part shares, neighbour offsets, stay anchors), the earlier telling already
  // says it (docs/estimation.md "staysettle", "repeatsleft"); never a report the analyst accepted.
  const reading = readReports(ctx, g);
  const { parts, repeated } = reading;
  const ownDays = target === "median" ? new Set<number>() : endReportDays(g, target, reading);
  const reach = target === "median" ? 0 : observedReachKm(g, target, reading);
  // Before the head was first reported, on a track setting out (headCapUntil), a report of the
  // body bounds the head by max(prior spread, 1.5 × the body's half-spread, min(observed reach,
  // walk × step)) km ahead of it: a day's walk a day from the track's first day, once that passes
  // the prior (a caravan setting out is tens of km long, not a bus ride).
  const firstOwn = target === "head" ? headCapUntil(g, reading) : -Infinity;
  const walk = target === "head" ? (g.movement ?? ctx.movement).walkKm.mean : 0;
  const unknown = target === "median" ? unknownPartReading(g, reading) : undefined;
  // Where each report lies among the others of its days (labelled groups' final passes).
  const offsets =
    target === "median" && ctx.bodyTails && g.labelled ? neighbourOffsets(g, repeated) : [];
  // Days whose reports show no body (pointDays.ts; EstimateOptions.agreeingAsPoint).
  if (target === "median") {
    g.pointDays = ctx.agreeingAsPoint && g.labelled ? groupPointDays(ctx, g, repeated) : undefined;
  }
  // The town a labelled group's body is reported at day after day (stayAnchor.ts).
  const anchors =
    target === "median" && ctx.bodyTails && g.labelled
      ? stayAnchors(g, parts, (km) => placeStretch(ctx, g.routeId, km), repeated)
      : undefined;
  for (let pIndex = 0; pIndex < g.positions.length; pIndex++) {
    const p = g.positions[pIndex];
    const s = p.s;
    if (repeated[pIndex]) continue;
    if (s.fromPlace && s.point) {
      const key = `${Math.floor(s.t)}|${s.point[0]}|${s.point[1]}`;
      if (seenPlace.has(key)) continue;
      seenPlace.add(key);
    }
    // A report of a type that leans ahead of the others, naming no part, is read back (sourceLean.ts).
    const seen = pointObservation(ctx, g, p);
    const o =
      target === "median" && isUnnamedBody(g, p)
        ? withLean(seen, ctx.sourceLeans?.get(p.s.source))
        : seen;
    const shaped =
      target === "median"
        ? (anchoredReading(g, p, o, parts[pIndex], anchors?.get(Math.floor(s.t))) ??
          forMedian(g, p, o, unknown, ctx.bodyTails, offsets[pIndex]))
        : forEnd(g, p, o, target, o.step >= firstOwn ? reach : Math.min(reach, walk * o.step));
    if (!shaped) continue;
    if (target !== "median") {
      // The head is the foremost of the people reported that day (the tail the hindmost): of
      // the reports of that part, one a day; of the reports of the body, one soft bound a day.
      const key = partOf(g, p) === "body" ? shaped.step : -1 - shaped.step;
      const prev = bodyBound.get(key);
      const [lo, hi] = range(shaped);
      const better = !prev || (target === "head" ? lo > range(prev.o)[0] : hi < range(prev.o)[1]);
      if (better) bodyBound.set(key, { o: shaped, pIndex });
      continue;
    }
    g.obsPosition.push(pIndex);
    obs.push(shaped);
  }
  for (const [key, { o, pIndex }] of bodyBound) {
    // Where the part itself was reported lately, the reports of the body do not bound it: a
    // vanguard seen 400 km ahead stays ahead (the head never goes back) while the body walks on.
    if (key >= 0 && ownDays.has(o.step)) continue;
    g.obsPosition.push(pIndex);
    obs.push(o);
  }
  if (target === "median") {
    for (const c of g.counts) {
      // The group passed the point on the count's (peak) day, at an unknown time of that day.
      obs.push({ step: c.day - g.day0, km: c.km, sigmaKm: c.sigmaKm, outlier: 0.05 });
    }
  }
  return obs;
}

/** A report as an observation of where it was made (before reading which part it describes). */
function pointObservation(ctx: EstimateContext, g: WorkGroup, p: GroupPosition): KmObservation {
  const s = p.s;
  // Its date's step; where in that day's move it was made: the movement model's within-day timing.
  const step = Math.floor(s.t) - g.day0;
  const base = (s.fromPlace ? 8 : 4) * (POSITION_BASE_SIGMA[s.source] ?? 1.3);
  const sigma = Math.sqrt(base * base * (s.lowConfidence ? 2.25 : 1) + (0.5 * p.off) ** 2);
  const outlier = Math.min(0.3, SOURCE_PRIORS[s.source].outlier * (s.lowConfidence ? 2 : 1) + 0.02);
  return {
    step,
    km: p.km,
    // A town's stretch has soft edges: the town nearest on the ground is not always the nearest
    // along the road, and a gazetteer lists only some of the places a source may snap to.
    sigmaKm: s.fromPlace ? Math.sqrt(TOWN_EDGE_SD_KM ** 2 + (0.5 * p.off) ** 2) : sigma,
    outlier: ctx.keep?.has(s.id) ? 0 : Math.min(0.5, outlier * ctx.outlierScale),
    // A date-only report: where the group was that day, read at one hour (withinDay.ts).
    timeOffset: readingOffset(s.t, s.hasTime),
    kmRange: s.fromPlace ? placeStretch(ctx, g.routeId, p.km) : undefined,
  };
}

function range(o: KmObservation): [Km, Km] {
  return o.kmRange ?? [o.km, o.km];
}

/**
 * A report of the body naming the town its day is anchored to (`anchor`; stayAnchor.ts) as
 * evidence of the median person: the body's reading (bodyReading, heavy tails) of the town itself
 * (ANCHOR_TOWN_KM either side), not of anywhere in the town's stretch of road — a group named at
 * one town day after day is staying in it, not anywhere within ~120 km of it. Undefined when the
 * reading does not apply; the other reports of an anchored day are read as before
 * (docs/estimation.md "stayread": reading those ahead as "between the town and the report", or
 * keeping the stretch as an alternative reading, lost).
 */
function anchoredReading(
  g: WorkGroup,
  p: GroupPosition,
  o: KmObservation,
  part: BodyPart | "partial",
  anchor: StayAnchor | undefined,
): KmObservation | undefined {
  if (!anchor || part !== "body" || !o.kmRange || Math.abs(o.km - anchor.km) >= 1) return undefined;
  const town: [Km, Km] = [anchor.km - ANCHOR_TOWN_KM, anchor.km + ANCHOR_TOWN_KM];
  return bodyReading(g, p, { ...o, kmRange: town }, true);
}

/**
 * A labelled group's days whose reports of the body agree as one point's (pointDays.ts; stale
 * repeats left out), read by bodyReading (EstimateOptions.agreeingAsPoint).
 */
function groupPointDays(
  ctx: EstimateContext,
  g: WorkGroup,
  repeated: readonly boolean[],
): Set<number> {
  const readings: DayReading[] = [];
  g.positions.forEach((p, i) => {
    if (repeated[i] || partOf(g, p) !== "body") return;
    const o = pointObservation(ctx, g, p);
    readings.push({ day: Math.floor(p.s.t), range: range(o), sigmaKm: o.sigmaKm });
  });
  return agreeingDays(readings);
}

/** Half-length (km) of the town a group stays in (anchoredReading). */
const ANCHOR_TOWN_KM = 5;

/**
 * A report as evidence of the median person: a stretch behind/ahead of it for a part. `offset`
 * (km; {@link neighbourOffsets}) leans a report of unknown part to the end on its side.
 */
function forMedian(
  g: WorkGroup,
  p: GroupPosition,
  o: KmObservation,
  unknown?: UnknownPartReading,
  tails = false,
  offset?: number,
): KmObservation {
  const said = g.parts?.has(p.s.id) === true;
  // A figure and no part said: its share of the group weighs body against part (no threshold).
  if (!said && hasFigure(p)) return figureMixture(g, p, o, tails);
  const part = partOf(g, p);
  if (part === "body") {
    const body = bodyReading(g, p, o, tails);
    // Body only by default (no part said, no figure): it may have seen the vanguard or the rear.
    if (!unknown || said) return body;
    const half = bodyHalfKm(g, p.s.t);
    const lean = offset ?? 0;
    // A report far behind the others reaches at least back to them as the rear, ahead as the vanguard.
    const alternatives = unknownPartAlternatives(
      range(o),
      sidedShares(unknown.shares, offset, half),
      Math.max(unknown.headReach, lean),
      Math.max(unknown.tailReach, -lean),
    );
    return alternatives.length ? { ...body, alternatives } : body;
  }
  const share = Math.min(shareOf(g, p), part === "partial" ? 1 : 0.5);
  const reach = (1 - share) * BODY_REACH_KM;
  const [lo, hi] = range(o);
  const r: [Km, Km] =
    part === "head"
      ? [lo - reach, hi]
      : part === "tail"
        ? [lo, hi + reach]
        : [lo - reach, hi + reach];
  return { ...o, kmRange: r };
}

/**
 * A report of the body as evidence of the median person: it places someone in the body, not its
 * median person — anywhere within a share of the body's spread either side. Soft (normal), not a
 * box: many reports of a long body must not pin its median between hard walls. With `tails`
 * (EstimateOptions.bodyTails), a report of a labelled group on a day whose spread its own reports
 * tell (fitBodySpread) is read as BODY_SCALE_MIXTURE: where the body's skew can show, in a group
 * whose reports are surely its own (an association-built track may hold two groups' reports,
 * between which heavy tails would choose).
 */
function bodyReading(
  g: WorkGroup,
  p: GroupPosition,
  o: KmObservation,
  tails = false,
): KmObservation {
  const half = g.pointDays?.has(Math.floor(p.s.t)) ? POINT_HALF_KM : bodyHalfKm(g, p.s.t);
  const [core, broad] = BODY_SCALE_MIXTURE;
  const sd = (share: number): Km => Math.sqrt(o.sigmaKm ** 2 + (share * half) ** 2);
  const seen = g.spreadByDay?.has(Math.floor(p.s.t)) === true;
  if (!tails || !g.labelled || !seen) return { ...o, sigmaKm: sd(BODY_SD_SHARE) };
  const coreSd = bodyCoreSdKm(sd(core.sdShare), o.sigmaKm, g.bulkByDay?.get(Math.floor(p.s.t)));
  return {
    ...o,
    sigmaKm: sd(broad.sdShare),
    core: { weight: core.weight, sigmaKm: coreSd },
  };
}

/**
 * A report with a figure and no part said, as evidence of the median person: the body with
 * {@link bodyProbability} of its share, else a part of unknown end — the head (the median person
 * behind it by up to (1 − share) × BODY_REACH_KM) or the tail (ahead of it by as much), half the
 * rest each, with the report's own soft edges. The smoother weighs the readings
 * (KmObservation.alternatives) and so does the leave-one-out score (`scoreMixture`); no threshold
 * decides. At share ≥ 1 it is the body alone.
 */
function figureMixture(
  g: WorkGroup,
  p: GroupPosition,
  o: KmObservation,
  tails = false,
): KmObservation {
  const share = shareOf(g, p);
  const body = bodyReading(g, p, o, tails);
  const partWeight = 1 - bodyProbability(share);
  const reach = (1 - share) * BODY_REACH_KM;
  if (partWeight < 1e-3 || reach < 1) return body;
  const [lo, hi] = range(o);
  return {
    ...body,
    scoreMixture: true,
    alternatives: [
      { weight: partWeight / 2, kmRange: [lo - reach, hi], sigmaKm: o.sigmaKm },
      { weight: partWeight / 2, kmRange: [lo, hi + reach], sigmaKm: o.sigmaKm },
    ],
  };
}

/**
 * A report as evidence of the head (or tail): a report of that part says where it is; a report
 * of the body that the head is ahead of it by at most the body's spread; reports of the other end
 * say nothing. A report of unknown part is the head when ahead of the median person's estimate
 * (from the last median run), the tail when behind.
 */
function forEnd(
  g: WorkGroup,
  p: GroupPosition,
  o: KmObservation,
  target: "head" | "tail",
  reachKm = 0,
): KmObservation | undefined {
  let part = partOf(g, p);
  if (part === "partial") {
    const day = g.km?.days[Math.min(g.nDays - 1, Math.max(0, o.step))];
    if (!day) return undefined;
    part = p.km >= day.median ? "head" : "tail";
  }
  if (part === target) return o;
  if (part !== "body") return undefined;
  const spread = Math.max(bodySpreadKm(g.scale), 1.5 * bodyHalfKm(g, p.s.t), reachKm);
  const [lo, hi] = range(o);
  return {
    ...o,
    kmRange: target === "head" ? [lo, hi + spread] : [lo - spread, hi],
    // The body's spread is a prior, not a law: a vanguard may ride 1,000 km ahead of the body
    // (2018). Weak (half outlier), so that one report of the part itself outweighs it.
    outlier: 0.5,
  };
}

/** Other reports of the group's same day that a report must be set among (neighbourOffsets). */
const NEIGHBOURS_MIN = 2;

/**
 * For each of a group's position reports, how far (km) it lies from the median of the group's
 * other reports of the same local day: negative behind them. Undefined with fewer than
 * NEIGHBOURS_MIN such reports. The same day only: with the adjacent days too, a report made
 * before the day's ride sits "behind" the next day's and was read as the rear (the labelled
 * diagnosis lost 95.5 → 96.7 km; docs/estimation.md "Rear and vanguard by their place").
 */
export function neighbourOffsets(
  g: Pick<WorkGroup, "positions">,
  repeated: readonly boolean[] = [],
): (number | undefined)[] {
  const byDay = new Map<number, number[]>();
  for (const [i, p] of g.positions.entries()) {
    if (repeated[i]) continue;
    const day = Math.floor(p.s.t);
    const list = byDay.get(day) ?? [];
    list.push(p.km);
    byDay.set(day, list);
  }
  for (const list of byDay.values()) list.sort((a, b) => a - b);
  return g.positions.map((p, i) => {
    if (repeated[i]) return undefined;
    const all = byDay.get(Math.floor(p.s.t)) ?? [];
    if (all.length - 1 < NEIGHBOURS_MIN) return undefined;
    const near = [...all];
    near.splice(near.indexOf(p.km), 1);
    const m = near.length >> 1;
    const median = near.length % 2 ? near[m] : 0.5 * (near[m - 1] + near[m]);
    return p.km - median;
  });
}

/** How a group's reports of unknown part are read (partMixture.ts). */
interface UnknownPartReading {
  shares: PartShares;
  headReach: Km;
  tailReach: Km;
}

/** A report read as the body that names no part (what a lean is fitted on and applied to). */
export function isUnnamedBody(g: WorkGroup, p: GroupPosition): boolean {
  return !g.parts?.has(p.s.id) && partOf(g, p) === "body";
}

/** The report gives a figure (its share of the group then tells body from part). */
function hasFigure(p: GroupPosition): boolean {
  return (p.s.logValue ?? p.s.logLow ?? p.s.logHigh) !== undefined;
}

/**
 * The group's own shares of reports of its head and tail (parts said, or a figure too small for
 * the whole group, ahead of or behind the last median track), and how far each end reaches:
 * as far as it has been seen, at least the body's prior spread for its size.
 */
function unknownPartReading(g: WorkGroup, reading: ReportReading): UnknownPartReading {
  const counts: PartCounts = { head: 0, body: 0, tail: 0 };
  for (const [i, p] of g.positions.entries()) {
    if (reading.repeated[i]) continue;
    let part = reading.parts[i];
    if (part === "body" && !g.parts?.has(p.s.id) && !hasFigure(p)) continue;
    if (part === "partial") {
      const step = Math.round(p.s.t - (g.day0 + 0.5));
      const d = g.km?.days[Math.min(g.nDays - 1, Math.max(0, step))];
      if (!d) continue;
      part = p.km >= d.median ? "head" : "tail";
    }
    counts[part]++;
  }
  const prior = bodySpreadKm(g.scale);
  return {
    shares: partShares(counts),
    headReach: Math.max(prior, observedReachKm(g, "head", reading)),
    tailReach: Math.max(prior, observedReachKm(g, "tail", reading)),
  };
}

/** Share of a group's reports of one end whose distance from the median person sets its reach. */
export const REACH_QUANTILE = 0.8;

/**
 * How far (km) the head (tail) of this group has been seen from its median person: the
 * REACH_QUANTILE of the distances of its reports of that part (and of unknown part on that side)
 * beyond the median track of the last run; 0 with fewer than two such reports. On days without a
 * report of the part, a report of the body then bounds the end by this much rather than by the
 * prior spread for the group's size: a body that was long last week is long today (stragglers
 * and a vanguard on buses string a caravan out over hundreds of km).
 */
export function observedReachKm(g: WorkGroup, target: "head" | "tail", reading: ReportReading): Km {
  const out = reachDistancesKm(g, target, reading);
  if (out.length < 2) return 0;
  out.sort((a, b) => a - b);
  return out[Math.floor(REACH_QUANTILE * (out.length - 1))];
}

/**
 * The distances (km, ≥ 0) of a group's reports of its head (tail), and of unknown part on that
 * side, beyond its median track of the last run: what {@link observedReachKm} takes a quantile of.
 */
export function reachDistancesKm(
  g: WorkGroup,
  target: "head" | "tail",
  reading: ReportReading,
): Km[] {
  const days = g.km?.days;
  if (!days) return [];
  const out: number[] = [];
  for (const [i, p] of g.positions.entries()) {
    const part = reading.parts[i];
    if (part === "body" || reading.repeated[i]) continue;
    const step = Math.round(p.s.t - (g.day0 + 0.5));
    const d = days[Math.min(days.length - 1, Math.max(0, step))];
    if (!d) continue;
    const beyond = target === "head" ? p.km - d.median : d.median - p.km;
    if (part === target || (part === "partial" && beyond >= 0)) out.push(Math.max(0, beyond));
  }
  return out;
}

/**
 * The first step (day of the track) on which a report of the head speaks, when the track sets out
 * on its first day: its median person then stands within its body's prior spread of km 0. A track
 * first seen mid-route (an unlabelled fragment, a group first reported on the way) may already
 * have its vanguard far ahead: −∞, no cap. +∞ when no report of the head speaks.
 */
function headCapUntil(g: WorkGroup, reading: ReportReading): number {
  const first = g.km?.days[0];
  if (first && first.median > bodySpreadKm(g.scale)) return -Infinity;
  let least = Infinity;
  for (const step of endReportSteps(g, "head", reading)) least = Math.min(least, step);
  return least;
}

/** Days a report of the part speaks for, after it (head) or before it (tail). */
const PART_MEMORY_DAYS = 3;

/** Steps (days of the track) on which reports of the head (tail) say where it is. */
export function endReportDays(
  g: WorkGroup,
  target: "head" | "tail",
  reading: ReportReading,
): Set<number> {
  const days = new Set<number>();
  for (const step of endReportSteps(g, target, reading))
    for (let k = 0; k <= PART_MEMORY_DAYS; k++) days.add(target === "head" ? step + k : step - k);
  return days;
}

/**
 * Steps (days of the track) of the reports of the head (tail): of that part, or of unknown part
 * on that side of the last median track.
 */
function endReportSteps(g: WorkGroup, target: "head" | "tail", reading: ReportReading): number[] {
  const steps: number[] = [];
  for (const [i, p] of g.positions.entries()) {
    if (reading.repeated[i]) continue;
    let part = reading.parts[i];
    const step = Math.round(p.s.t - (g.day0 + 0.5));
    if (part === "partial") {
      const d = g.km?.days[Math.min(g.nDays - 1, Math.max(0, step))];
      if (!d) continue;
      part = p.km >= d.median ? "head" : "tail";
    }
    if (part !== target) continue;
    steps.push(step);
  }
  return steps;
}

/** Options of one km smoother run. */
export interface RunKmOptions {
  outlierPosteriors?: boolean;
  target?: KmTarget;
  /** Continue the track to this local day (inclusive) past its last report. */
  endDay?: number;
  /** A first look (association, counts, fitting): half the cells. */
  coarse?: boolean;
}

/** Runs the km smoother for a group over its span (extended to `endDay` when given). */
export function runKm(ctx: EstimateContext, g: WorkGroup, opts: RunKmOptions = {}): void {
  setSpan(g);
  const extra = opts.endDay !== undefined ? Math.max(0, opts.endDay - (g.day0 + g.nDays - 1)) : 0;
  g.nDays += extra;
  g.km = smoothKm({
    nDays: g.nDays,
    routeLengthKm: ctx.index.lengthKm(g.routeId),
    observations: kmObservations(ctx, g, opts.target ?? "median"),
    movement: g.movement ?? ctx.movement,
    // The head and tail are known less precisely than the median person: a third of the cells.
    maxCells: Math.round(
      (ctx.maxCells ?? 900) / ((opts.target ?? "median") !== "median" ? 3 : opts.coarse ? 2 : 1),
    ),
    outlierPosteriors: opts.outlierPosteriors ?? true,
    // Room for the longest rides over the days past the last report.
    padAheadKm: 150 + extra * (g.movement ?? ctx.movement).longRideMaxKm,
  });
}

/**
 * Regime shares and walking speed fitted to the data: one EM step pooled over groups — the
 * smoother's posterior regime-days, and the moves between well-located days that were surely
 * walks — by the movement model's fitting routine (src/movement/fit.ts), with a Dirichlet prior of
 * 20 pseudo-days at the prior shares (a short dataset stays near them) and a prior of 10 walking
 * days at the prior speed.
 */
export function fitMovement(
  active: readonly WorkGroup[],
  movement: MovementModel,
  prior: MovementModel,
): MovementModel {
  const evidence = noEvidence();
  for (const g of active) addMoveEvidence(evidence, g);
  const fitted = fitLaw(evidence, prior, { pseudoDays: 20, walkPseudoDays: 10 });
  return { ...movement, regimes: fitted.regimes, walkKm: fitted.walkKm };
}

/** Adds a group's posterior regime-days and its surely-walked moves (last run) to `evidence`. */
function addMoveEvidence(evidence: ReturnType<typeof noEvidence>, g: WorkGroup): void {
  const km = g.km;
  if (!km) return;
  for (let r = 0; r < 3; r++) evidence.regimeDays[r]! += km.regimeDays[r]!;
  for (let k = 1; k < km.days.length; k++) {
    const pWalk = km.regimeByDay[k * 3 + 1]!;
    const a = km.days[k - 1]!;
    const b = km.days[k]!;
    if (pWalk < 0.7 || a.sd > 12 || b.sd > 12) continue;
    evidence.walkMoves.push({ km: b.mean - a.mean, weight: pWalk });
  }
}

/**
 * Pseudo-days of the pooled law in a group's own fit: regime shares as 20 days at the pooled
 * shares, walking speed as 10 walking days at the pooled speed (as the pooled fit is shrunk to the
 * prior). A group of 40 days then weighs its own days two to one against the pooled law; 5 and 3
 * pseudo-days measured the same on the stress development worlds (bench/README.md "labelled2").
 */
const GROUP_PSEUDO_DAYS = 20;
const GROUP_WALK_PSEUDO_DAYS = 10;

/**
 * A group's own movement law: the pooled law (`pooled`, fitMovement) refitted to the group's own
 * posterior regime-days and surely-walked moves of its last run (one EM step), shrunk towards the
 * pooled law by GROUP_PSEUDO_DAYS. Caravans differ: some walk 15 km a day, some 40, some take a
 * bus every few days (stress worlds draw these per group; in 2018 the first contingent rode where
 * the main body walked), and a pooled law makes a fast group's track lag through its gaps and a
 * slow group's run ahead.
 * @example
 * g.movement = fitGroupMovement(g, ctx.movement); // after fitMovement, before the final passes
 */
export function fitGroupMovement(g: WorkGroup, pooled: MovementModel): MovementModel {
  const evidence = noEvidence();
  addMoveEvidence(evidence, g);
  const fitted = fitLaw(evidence, pooled, {
    pseudoDays: GROUP_PSEUDO_DAYS,
    walkPseudoDays: GROUP_WALK_PSEUDO_DAYS,
  });
  return groupLaw(pooled, fitted);
}

/**
 * One EM step on the posterior outlier probabilities of the position reports; shrunk towards 1 by
 * two pseudo-outliers, so a few reports cannot make it extreme.
 */
export function fitOutlierScale(ctx: EstimateContext, active: readonly WorkGroup[]): number {
  let prior = 0;
  let post = 0;
  for (const g of active) {
    const obs = kmObservations(ctx, g);
    obs.forEach((o, i) => {
      prior += o.outlier;
      post += g.km?.outlierProb[i] ?? o.outlier;
    });
  }
  return prior > 0 ? Math.min(3, Math.max(0.5, (post + 2) / (prior + 2))) : ctx.outlierScale;
}

/**
 * Writes into the association of each labelled group's report left out as a stale repeat the id of
 * the original report it tells again (the reports kmObservations leaves out in the final passes).
 */
export function recordRepeats(ctx: EstimateContext, groups: readonly WorkGroup[]): void {
  const byKey = new Map(ctx.associations.map((a) => [`${a.sightingId}\u0000${a.group}`, a]));
  for (const g of groups) {
    if (!g.labelled || !ctx.bodyTails) continue;
    for (const [id, original] of g.repeatOf ?? []) {
      const a = byKey.get(`${id}\u0000${g.name}`);
      if (a) a.repeatOf = original.s.id;
    }
  }
}

/**
 * Judges each labelled group's stale repeats once on all its reports (sets `g.repeatOf`; repeats.ts),
 * for the final passes: the median person's, the head's and the tail's runs leave them out.
 */
export function markRepeats(ctx: EstimateContext, groups: readonly WorkGroup[]): void {
  for (const g of groups) {
    if (!g.labelled) continue;
    const origins = new Map<string, GroupPosition>();
    repeatOrigins(g.positions, ctx.keep).forEach((original, i) => {
      if (original) origins.set(g.positions[i].s.id, original);
    });
    g.repeatOf = origins;
  }
}

/** Writes each position report's posterior outlier probability into its association. */
export function recordOutlierProbs(ctx: EstimateContext, groups: readonly WorkGroup[]): void {
  const byKey = new Map(ctx.associations.map((a) => [`${a.sightingId}\u0000${a.group}`, a]));
  for (const g of groups) {
    if (!g.km) continue;
    (g.obsPosition ?? []).forEach((pi, i) => {
      const p = g.positions[pi];
      if (!p) return;
      const a = byKey.get(`${p.s.id}\u0000${g.name}`);
      if (!a) return;
      a.outlierProb = Math.round((g.km?.outlierProb[i] ?? 0) * 1000) / 1000;
      const part = partOf(g, p);
      a.part = part === "partial" ? (a.part ?? undefined) : part;
    });
  }
}
