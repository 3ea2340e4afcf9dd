/**
 * Which part of a caravan a report describes. A caravan is a body strung out along the road: a
 * vanguard ahead, the main body, stragglers behind. Sources say which part they saw, in a `part`
 * column or in their notes, in Spanish or English; a report of the vanguard says where the head
 * is, not where the median person is.
 */
import { normalCdf } from "../util/normal.ts";
import type { PreparedSighting } from "./prepare.ts";
import type { WorkGroup } from "./workGroup.ts";

/** `head`: vanguard; `body`: main body; `tail`: rear, stragglers. */
export type BodyPart = "head" | "body" | "tail";

// Word stems, accents removed and lower-cased before matching (see `fold`).
const HEAD =
  /\b(vanguard|vanguardia|avanzada|punta|head of the (caravan|group|column)|first (group|members|ones|arrivals)|front of the|primer(os)? (grupo|contingente)|cabeza|los primeros|lead group|advance (group|party))/;
const BODY =
  /\b(main body|main group|bulk of|grueso|cuerpo principal|mayoria|the majority|la mayor parte|main caravan|contingente principal|most of the)/;
const TAIL =
  /\b(rear|rearguard|stragglers?|rezagad[oa]s?|retaguardia|ultimos|last (group|ones|members)|los ultimos|tail of the|remaining (group|members) behind|behind the (caravan|group))/;

/** Lower case without accents, so that `Rezagados`, `últimos` and `ultimos` match alike. */
function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
}

/**
 * The part a report describes: its `part` cell first, else words in its notes; `undefined` when
 * neither says. A `part` cell that names no known part is ignored (the notes may still say).
 * @example
 * readPart("avanzada"); // => "head"
 * readPart(undefined, "Los rezagados llegaron a Puebla"); // => "tail"
 * readPart(undefined, "Rest day in Huixtla"); // => undefined
 */
export function readPart(part?: string, notes?: string): BodyPart | undefined {
  if (part !== undefined && part.trim() !== "") {
    const p = fold(part.trim());
    if (/^(head|front|lead|cabeza|frente)$/.test(p) || HEAD.test(p)) return "head";
    if (/^(body|main|centro|centre|center|cuerpo)$/.test(p) || BODY.test(p)) return "body";
    if (/^(tail|back|cola|final)$/.test(p) || TAIL.test(p)) return "tail";
  }
  if (notes === undefined || notes === "") return undefined;
  const n = fold(notes);
  const head = HEAD.test(n);
  const body = BODY.test(n);
  const tail = TAIL.test(n);
  // Notes naming several parts ("the vanguard left, the main body stays") do not say which part
  // the figure describes.
  if (Number(head) + Number(body) + Number(tail) !== 1) return undefined;
  return head ? "head" : body ? "body" : "tail";
}

/**
 * The share of the group (a report's figure over the group's size that day) at which a report that
 * names no part is as likely its body as a part ({@link bodyProbability}); where one reading must
 * be chosen (head and tail runs, the source-bias residuals), below it a part.
 */
export const PART_SHARE = 0.4;
/**
 * Width (in log share) of the passage from part to body: one width either
 * side of PART_SHARE a report is the body with probability 0.27 / 0.73; at the group's size
 * (share 1) 0.95, at a fifth of PART_SHARE (0.08) 0.005. Of the order σ² / |ln PART_SHARE| with σ
 * the log spread of a figure of the whole body about the group's size (0.6 in trackCost.ts gives
 * 0.39): the slope of the log odds of body against part at PART_SHARE. 0.3 measured best of 0.15,
 * 0.3 and 0.39 on the development worlds and the 2018 check (bench/README.md "the part share
 * without a cliff").
 */
export const PART_SHARE_WIDTH = 0.3;

/**
 * Probability that a report of `share` of the group (its figure over the group's size that day)
 * describes its body rather than a part (head or tail): logistic in log share, ½ at PART_SHARE,
 * so that a report at 0.39 and one at 0.41 say nearly the same (no cliff), a figure near the
 * group's size is the body nearly surely and a handful of people nearly surely a part. The one
 * rule of both passes, on the same share ({@link groupShare}): the position pass weighs a
 * report's body and part readings by it (positions.ts), the size pass its figure against "at
 * least that many" ({@link sizeBodyWeight}, {@link figureLikelihood}; sizes.ts).
 * @example
 * bodyProbability(0.4); // => 0.5
 * bodyProbability(1) > 0.95; // => true
 */
export function bodyProbability(share: number): number {
  if (!(share > 0)) return 0;
  return 1 / (1 + Math.exp(-Math.log(share / PART_SHARE) / PART_SHARE_WIDTH));
}

/** Days either side of a report whose figures tell the group's size at the time. */
const SCALE_WINDOW_DAYS = 4;

/**
 * Share of the group a report describes: its figure over the group's estimated size that day
 * (first size pass), else over its typical size at the time (the upper quartile of the group's
 * figures within SCALE_WINDOW_DAYS, as groups grow and shrink); 1 when it gives no figure. Both
 * passes read it: the position pass (positions.ts) and the size pass (sizes.ts).
 */
export function groupShare(
  g: Pick<WorkGroup, "members" | "sizeByDay">,
  s: PreparedSighting,
): number {
  // "More than 1,500" describes at least 1,500 people; "up to 700" at most 700.
  const v = s.logValue ?? s.logLow ?? s.logHigh;
  if (v === undefined) return 1;
  const estimated = g.sizeByDay?.get(Math.floor(s.t));
  if (estimated !== undefined && estimated > 0) return Math.min(1, Math.exp(v) / estimated);
  const near: number[] = [];
  for (const m of g.members) {
    const x = m.logValue;
    if (x !== undefined && Math.abs(m.t - s.t) <= SCALE_WINDOW_DAYS) near.push(x);
  }
  if (near.length === 0) return 1;
  near.sort((a, b) => a - b);
  const scale = near[Math.min(near.length - 1, Math.floor(0.75 * near.length))];
  return Math.min(1, Math.exp(v - scale));
}

/**
 * The probability of {@link bodyProbability} below which the size pass reads a figure surely as
 * a part's, and one minus it above which surely as the body's; linear in between (so 0 at a share
 * of ~0.31, ½ at PART_SHARE, 1 at ~0.52). The size pass needs sure tails where the position pass
 * does not: read as "at least that many", a figure's part reading is flat above it, and a few
 * per cent of part chance on a lone small figure outweighs its body reading against the size
 * prior's spread. On the 2018 data the LGBT group's one figure (80) made a group of ~1,400 with
 * the rule's own tails, ~880 with sure tails at 0.15, 144 at 0.3; with the rule's own tails the
 * first caravan's small first figures (1,000–1,500; it grew by joiners) became parts of a group
 * of ~6,500 (bench/README.md "one rule for body and part").
 */
export const SURE_PART = 0.3;

/**
 * Probability that a figure of `share` of the group is the body's, as the size pass reads it:
 * {@link bodyProbability} with its tails made sure (SURE_PART).
 * @example
 * sizeBodyWeight(1); // => 1
 * sizeBodyWeight(0.4); // => 0.5
 * sizeBodyWeight(0.2); // => 0
 */
export function sizeBodyWeight(share: number): number {
  const p = bodyProbability(share);
  return Math.min(1, Math.max(0, (p - SURE_PART) / (1 - 2 * SURE_PART)));
}

/**
 * Density (per unit of log share) of the share of the group a report of a part describes: spread
 * evenly in log share from SMALLEST_PART_SHARE (a few dozen people at the front of 10,000) to
 * PART_SHARE. What a figure read as a part says of the group's size, weighed against the same
 * figure read as the body (a density in log people too): 1 / ln(0.4 / 0.003) ≈ 0.2.
 */
export const SMALLEST_PART_SHARE = 0.003;
export const PART_LOG_DENSITY = 1 / Math.log(PART_SHARE / SMALLEST_PART_SHARE);

/**
 * Likelihood of a report's figure (log people, its source's bias removed) given that the group
 * holds `exp(logGroup)` people, when the report is the body's with probability `bodyWeight`
 * ({@link bodyProbability} of its share of the group): the body's figure (log-normal about the
 * group's size with spread `sigma`) or a part's — at least that many people, with the density of
 * a part's share (PART_LOG_DENSITY). A figure read surely as the body's is a plain figure, one
 * read surely as a part's a lower bound; in between both, and nothing jumps at a threshold.
 * @example
 * // 100 people, the body with probability 0.6: a group of 3,000 is ~1/10 as likely as one of 100, not ~0.
 * figureLikelihood(Math.log(100), Math.log(3000), 0.3, 0.6) / figureLikelihood(Math.log(100), Math.log(100), 0.3, 0.6); // ≈ 0.097
 */
export function figureLikelihood(
  logFigure: number,
  logGroup: number,
  sigma: number,
  bodyWeight: number,
): number {
  const z = (logFigure - logGroup) / sigma;
  const asBody = Math.exp(-0.5 * z * z) / (sigma * Math.sqrt(2 * Math.PI));
  return bodyWeight * asBody + (1 - bodyWeight) * PART_LOG_DENSITY * normalCdf(-z);
}

/**
 * What a count covers when it is not the whole group: `place`, the people at one place (a
 * shelter's occupancy tonight, people waiting at a bridge: capped by the place, blind to the rest
 * of the body); `passage`, the people who passed one point that day (a checkpoint's registrations:
 * exact, but only of that day's passers). Either says the group holds at least that many, not
 * how many (docs/contracts.md §1.2; docs/estimation.md#counts-of-one-place-or-one-point).
 */
export type CountScope = "place" | "passage";

// Folded text (see `fold`). A place's occupancy: the shelter's, or people held at one place.
const PLACE =
  /\b(ocupacion del albergue|albergad[oa]s|en (el|los) albergues?|pernoct\w* en (el|los) albergues?|shelter (occupancy|count|capacity)|occupancy of the shelter|(in|at) (the |a |\w+ )?shelters?\b|sheltered\b|en espera de(l)? tramite|waiting (at|on) the (border )?bridge|remain(s|ing)? on the (border )?bridge)/;
// The day's passers at a point: registrations or counts "today" at a checkpoint.
const PASSAGE =
  /\b(registrad[oa]s (hoy|en el dia|este dia)|registered (today|this day|that day)|(registrad|pasaron|cruzaron|contad)\w* .{0,30}(punto|puesto) de control|(registered|passed|crossed|counted)\w* .{0,30}check ?points?|pasaron (hoy )?por (el )?(punto|puesto|reten))/;
// An estimate method that registers or counts the people passing when the notes name a checkpoint.
const CHECKPOINT = /\b((punto|puesto) de control|check ?points?|reten)\b/;

/**
 * The scope of a report's count: `place` or `passage` when its notes (or its `part` cell) say it
 * counts only the people at one place or passing one point, else `undefined` (a figure of the
 * group). A `registration` whose notes name a checkpoint counts that day's passers. Spanish and English, accents and case ignored.
 * @example
 * readCountScope("headcount", "Ocupación del albergue esta noche"); // => "place"
 * readCountScope("registration", "Personas registradas hoy en el punto de control"); // => "passage"
 * readCountScope(undefined, "5,000 to 6,000 at the migration checkpoint after breaking the cordon"); // => undefined
 */
export function readCountScope(
  method?: string,
  notes?: string,
  part?: string,
): CountScope | undefined {
  const text = fold(`${part ?? ""} | ${notes ?? ""}`);
  if (PASSAGE.test(text)) return "passage";
  if (method === "registration" && CHECKPOINT.test(text)) return "passage";
  if (PLACE.test(text)) return "place";
  return undefined;
}
