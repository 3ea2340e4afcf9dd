/**
 * A file dropped under the name of a file already in the list: the same file again, its corrected
 * version, or another file that happens to share the name (every office fills one template and
 * saves it as `conteo.csv`; a browser's File carries no folder). DOM-free; decided by content,
 * never by the name alone:
 *
 * - the same bytes: the file given again. It is read once (the earlier entry says so).
 * - other bytes that cover the same ground (the same kind, mostly the same points or places, days
 *   that meet, no other source): its corrected version. It replaces the earlier entry, keeps the
 *   column choices and the "use anyway" made on it, and says what it replaced; one click keeps
 *   both instead.
 * - other bytes elsewhere (other points, other days, another source or kind): another file. Both
 *   are used, said on the new entry with why; one click replaces the earlier one instead.
 *
 * A new file that cannot be used (a fatal problem or nothing accepted) never replaces a usable
 * one: both are kept, and the replay is left as it was until the analyst decides.
 */
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
  fingerprint: FileFingerprint;
}

/** Why a new file of a known name replaces the earlier one or is kept beside it. */
export type SameNameWhy =
  | "same_ground"
  | "earlier_unusable"
  | "new_unusable"
  | "other_kind"
  | "other_places"
  | "other_days"
  | "other_sources";

export interface SameNameDecision {
  decision: "replace" | "keep_both";
  why: SameNameWhy;
}

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

/** Whether the smaller of two sets shares at least half its members with the larger. */
function mostlyShared(a: readonly string[], b: readonly string[]): boolean {
  const [small, large] = a.length <= b.length ? [a, b] : [b, a];
  const big = new Set(large);
  const shared = small.filter((x) => big.has(x)).length;
  return shared * 2 >= small.length;
}

/**
 * Replace or keep both, for a new file of a name already listed (its bytes differ: the same bytes
 * are a re-drop, `sameBytes`). See the module's comment for the rule.
 * @example sameNameDecision(v1, v1Corrected) // => { decision: "replace", why: "same_ground" }
 */
export function sameNameDecision(earlier: SameNameSide, next: SameNameSide): SameNameDecision {
  if (!next.usable) return { decision: "keep_both", why: "new_unusable" };
  if (!earlier.usable) return { decision: "replace", why: "earlier_unusable" };
  if (earlier.kind !== next.kind) return { decision: "keep_both", why: "other_kind" };
  const a = earlier.fingerprint;
  const b = next.fingerprint;
  if (a.where.length && b.where.length && !mostlyShared(a.where, b.where))
    return { decision: "keep_both", why: "other_places" };
  if (a.days && b.days && (a.days[1] < b.days[0] || b.days[1] < a.days[0]))
    return { decision: "keep_both", why: "other_days" };
  if (a.sources.length && b.sources.length && !a.sources.some((s) => b.sources.includes(s)))
    return { decision: "keep_both", why: "other_sources" };
  return { decision: "replace", why: "same_ground" };
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
