/**
 * A file dropped under the name of a file already in the list: the same file again, its corrected
 * version, or another file that happens to share the name (every office fills one template and
 * saves it as `conteo.csv`; a browser's File carries no folder). DOM-free; decided by content,
 * never by the name alone:
 *
 * - the same bytes: the file given again. It is read once (the earlier entry says so).
 * - other bytes that cover the same ground (the same kind, no other source; at least 80 % of the
 *   earlier file's points or places and half of the new file's shared; days overlapping on at
 *   least half of each file's span): its corrected version — a correction fixes figures and adds
 *   a row, it rarely drops points or days. It replaces the earlier entry, keeps the column choices
 *   and the "use anyway" made on it, and says what it replaced and how much of it the new file
 *   holds; one click keeps both instead. A subset of another office's points, or next week's
 *   sheet sharing one boundary day, is another file.
 * - other bytes elsewhere (other points, other days, another source or kind): another file. Both
 *   are used, said on the new entry with why; one click replaces the earlier one instead.
 *
 * A new file that cannot be used (a fatal problem or nothing accepted), or that is held (more rows
 * rejected than accepted, not used) beside an earlier one that is used, never replaces it: both
 * are kept, and the replay is left as it was until the analyst decides.
 */
import { dayNumber } from "../../src/index.ts";
import type { FileKind } from "./workspace.ts";

/** What a file's content covers, from its accepted records (made in the worker). */
export interface FileFingerprint {
  /** Where its rows are: points of counts, places of sightings and stocks, place ids, route ids. */
  where: string[];
  /** First and last day of its rows (ISO dates); undefined when it has no dates (places, routes). */
  days?: [string, string];
  /** The organisations its rows name (source_org). */
  sources: string[];
}

/** At most this many distinct places are kept in a fingerprint (the overlap needs no more). */
export const MAX_WHERE = 200;

/** A file as the decision sees it. */
export interface SameNameSide {
  kind: FileKind | undefined;
  usable: boolean;
  /** Held: more rows rejected than accepted and not "used anyway", so not in the replay. */
  held?: boolean;
  fingerprint: FileFingerprint;
}

/** Why a new file of a known name replaces the earlier one or is kept beside it. */
export type SameNameWhy =
  | "same_ground"
  | "earlier_unusable"
  | "new_unusable"
  | "new_held"
  | "other_kind"
  | "other_places"
  | "other_days"
  | "other_sources";

/** How much of the earlier file the new one holds: [shared, of the earlier file's]. */
export interface SameNameOverlap {
  /** Points or places (route ids for route files). */
  where?: [number, number];
  /** Days of the two files' spans that overlap, of the earlier span's days. */
  days?: [number, number];
}

export interface SameNameDecision {
  decision: "replace" | "keep_both";
  why: SameNameWhy;
  /** What was compared, for a decision on the files' ground (`same_ground`, `other_*`). */
  overlap?: SameNameOverlap;
}

/** Share of the earlier file's points or places a new version must hold. */
const WHERE_KEPT = 0.8;
/** Share of each file's day span the other must overlap (and of the new file's points shared). */
const MOSTLY = 0.5;

/** Distinct values in first-seen order, at most `MAX_WHERE`. */
function distinct(values: Iterable<string | undefined>): string[] {
  const out = new Set<string>();
  for (const v of values) {
    if (v === undefined || v === "") continue;
    out.add(v);
    if (out.size >= MAX_WHERE) break;
  }
  return [...out];
}

/** A record's place: its point or place id or name, else its coordinates. */
function whereOf(r: Record<string, unknown>): string | undefined {
  const named = r["fmpId"] ?? r["fmpName"] ?? r["placeId"] ?? r["placeName"];
  if (typeof named === "string") return named.toLocaleLowerCase("es");
  return typeof r["lat"] === "number" ? `${r["lat"]},${r["lon"]}` : undefined;
}

/** A record's day (`date`, or the date part of `observedAt`). */
function dayOf(r: Record<string, unknown>): string | undefined {
  const d = r["date"] ?? r["observedAt"];
  return typeof d === "string" ? d.slice(0, 10) : undefined;
}

/**
 * The fingerprint of a file's accepted records (counts, sightings, stocks, places) or, for a
 * route file, of its route ids.
 */
export function fingerprintOf(
  records: readonly object[],
  routeIds: readonly string[] = [],
): FileFingerprint {
  const rows = records as readonly Record<string, unknown>[];
  let first: string | undefined;
  let last: string | undefined;
  for (const r of rows) {
    const d = dayOf(r);
    if (d === undefined) continue;
    if (first === undefined || d < first) first = d;
    if (last === undefined || d > last) last = d;
  }
  return {
    where: distinct([...rows.map(whereOf), ...routeIds]),
    ...(first !== undefined && last !== undefined
      ? { days: [first, last] as [string, string] }
      : {}),
    sources: distinct(
      rows.map((r) => (typeof r["sourceOrg"] === "string" ? r["sourceOrg"] : undefined)),
    ),
  };
}

/** Days from `a` to `b` (ISO dates), both counted. */
function spanDays(a: string, b: string): number {
  const from = dayNumber(a);
  const to = dayNumber(b);
  return from === undefined || to === undefined ? NaN : to - from + 1;
}

/** The overlap of two fingerprints (SameNameOverlap), and whether it is the same ground. */
function groundOf(a: FileFingerprint, b: FileFingerprint) {
  const overlap: SameNameOverlap = {};
  let places = true;
  let days = true;
  if (a.where.length && b.where.length) {
    const earlier = new Set(a.where);
    const shared = b.where.filter((x) => earlier.has(x)).length;
    overlap.where = [shared, a.where.length];
    places = shared >= WHERE_KEPT * a.where.length && shared >= MOSTLY * b.where.length;
  }
  if (a.days && b.days) {
    const from = a.days[0] > b.days[0] ? a.days[0] : b.days[0];
    const to = a.days[1] < b.days[1] ? a.days[1] : b.days[1];
    const shared = from <= to ? spanDays(from, to) : 0;
    const [spanA, spanB] = [spanDays(...a.days), spanDays(...b.days)];
    overlap.days = [shared, spanA];
    days = shared >= MOSTLY * spanA && shared >= MOSTLY * spanB;
  }
  return { overlap, places, days };
}

/**
 * Replace or keep both, for a new file of a name already listed (its bytes differ: the same bytes
 * are a re-drop, `sameBytes`). See the module's comment for the rule.
 * @example sameNameDecision(v1, v1Corrected) // => { decision: "replace", why: "same_ground", overlap: { where: [2, 2], days: [2, 2] } }
 */
export function sameNameDecision(earlier: SameNameSide, next: SameNameSide): SameNameDecision {
  if (!next.usable) return { decision: "keep_both", why: "new_unusable" };
  if (!earlier.usable) return { decision: "replace", why: "earlier_unusable" };
  if (next.held && !earlier.held) return { decision: "keep_both", why: "new_held" };
  if (earlier.kind !== next.kind) return { decision: "keep_both", why: "other_kind" };
  const a = earlier.fingerprint;
  const b = next.fingerprint;
  const { overlap, places, days } = groundOf(a, b);
  if (!places) return { decision: "keep_both", why: "other_places", overlap };
  if (!days) return { decision: "keep_both", why: "other_days", overlap };
  if (a.sources.length && b.sources.length && !a.sources.some((s) => b.sources.includes(s)))
    return { decision: "keep_both", why: "other_sources" };
  return { decision: "replace", why: "same_ground", overlap };
}

/** Bytes compared a piece at a time, so two large files never sit whole in memory. */
const PIECE = 1 << 20;

/** Whether two files hold the same bytes (the same file dropped again, whatever its date). */
export async function sameBytes(a: Blob, b: Blob): Promise<boolean> {
  if (a.size !== b.size) return false;
  for (let at = 0; at < a.size; at += PIECE) {
    const [x, y] = await Promise.all([
      a.slice(at, at + PIECE).arrayBuffer(),
      b.slice(at, at + PIECE).arrayBuffer(),
    ]);
    const u = new Uint8Array(x);
    const v = new Uint8Array(y);
    for (let i = 0; i < u.length; i++) if (u[i] !== v[i]) return false;
  }
  return true;
}
