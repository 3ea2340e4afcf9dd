/**
 * Border-point (flow monitoring point) counts as evidence about groups: a group passing a point
 * on a day shows up as people counted there around that day. Each northbound count is given to the
 * group whose first-look track crosses the point nearest in time (within PASSAGE_WINDOW_DAYS); per group and
 * point, the count-weighted mean day is evidence of when it passed (a position report at the
 * point), and the total counted is evidence of its size, with the undercount of counts fitted as
 * the `border_count` source bias (docs/estimation.md#border-counts: counts as a second observation channel).
 */
import type { CountRecord } from "../model/count.ts";
import type { IsoDate, Km, LonLat } from "../model/units.ts";
import type { Gazetteer } from "../geo/gazetteer.ts";
import type { RouteIndex } from "../geo/routeIndex.ts";
import type { KmDayEstimate } from "./kmSmoother.ts";
import { dayToIsoDate, isoDateToDay } from "./time.ts";
import { countPoint } from "../geo/countPoint.ts";

/** Evidence from the counts at one point for one group. */
export interface CountEvidence {
  group: string;
  /** Local day of passage: the day with the most people counted. */
  day: number;
  km: Km;
  sigmaKm: Km;
  /** People counted (all days attributed). */
  total: number;
}

/** Days either side of a group's passage at a point within which a count there is the group's. */
const PASSAGE_WINDOW_DAYS = 2;
/**
 * A count the estimator did not use, and why. `row` is where it was read, `file:line` as the
 * importer set it (CountRecord.origin; the line as a spreadsheet shows it), or `counts:N` (the
 * 1-based position in `dataset.counts`) for records made in code.
 */
export interface CountLeftOut {
  row: string;
  reason: string;
}

interface TrackView {
  key: string;
  routeId: string;
  day0: number;
  days: readonly KmDayEstimate[];
}

/**
 * Attributes counts to groups and summarises them as evidence.
 * @param asOfT counts of days whose noon is after this local time are ignored (no look-ahead).
 * @example
 * attributeCounts(dataset.counts, tracks, index, gazetteer, "America/Mexico_City").used;
 * // => [{ group: "Honduran caravan 1", point: "Querétaro", km: 2013, date: "2018-11-10", total: 6531, rows: 1 }]
 */
export function attributeCounts(
  counts: readonly CountRecord[],
  tracks: readonly TrackView[],
  index: RouteIndex,
  gazetteer: Gazetteer | undefined,
  _timeZone: string,
  asOfT = Infinity,
): {
  evidence: CountEvidence[];
  used: { group: string; point: string; km: Km; date: IsoDate; total: number; rows: number }[];
  leftOut: CountLeftOut[];
} {
  const leftOut: CountLeftOut[] = [];
  const byPoint = new Map<
    string,
    { point: LonLat; label: string; rows: { row: string; day: number; total: number }[] }
  >();
  counts.forEach((c, i) => {
    const row = c.origin ?? `counts:${i + 1}`;
    const day = isoDateToDay(c.date ?? "");
    if (day === undefined) return void leftOut.push({ row, reason: "date is not an ISO date" });
    if (day + 0.5 > asOfT) return;
    if (c.direction === "southbound") {
      return void leftOut.push({
        row,
        reason: "southbound: people going back, not a group passing",
      });
    }
    const parts = [c.men, c.women, c.boys, c.girls];
    const total =
      c.total ??
      (parts.every((x) => x !== undefined) ? parts.reduce((a = 0, b = 0) => a + b, 0) : undefined);
    if (total === undefined || !(total > 0)) return;
    const where = countPoint(c, gazetteer);
    let point: LonLat | undefined;
    if (
      c.lat !== undefined &&
      c.lon !== undefined &&
      Number.isFinite(c.lat) &&
      Number.isFinite(c.lon)
    ) {
      point = [c.lon, c.lat];
    } else {
      const place =
        where.place ??
        (c.fmpName ? gazetteer?.find(c.fmpName, c.country) : undefined) ??
        (c.fmpId ? gazetteer?.find(c.fmpId) : undefined);
      if (place) point = [place.lon, place.lat];
    }
    if (!point) {
      return void leftOut.push({
        row,
        reason: `point ${c.fmpName ?? c.fmpId ?? "(unnamed)"} has no coordinates and is not in the gazetteer`,
      });
    }
    // One point whatever column names it: the gazetteer place of its id or name.
    let entry = byPoint.get(where.key);
    if (!entry) byPoint.set(where.key, (entry = { point, label: where.label, rows: [] }));
    entry.rows.push({ row, day, total });
  });

  const evidence: CountEvidence[] = [];
  const used: {
    group: string;
    point: string;
    km: Km;
    date: IsoDate;
    total: number;
    rows: number;
  }[] = [];
  for (const { point, label, rows } of byPoint.values()) {
    // When each group passed this point.
    const passages: { track: TrackView; km: Km; day: number }[] = [];
    for (const track of tracks) {
      const p = index.project(point, { routeId: track.routeId, maxDistanceKm: 30 });
      if (!p || track.days.length === 0) continue;
      const n = track.days.length;
      if (track.days[0].median > p.km + 30 || track.days[n - 1].median < p.km - 30) continue;
      let k = 0;
      while (k < n - 1 && track.days[k].median < p.km) k++;
      passages.push({ track, km: p.km, day: track.day0 + k });
    }
    const assigned = new Map<
      TrackView,
      { km: Km; rows: { row: string; day: number; total: number }[] }
    >();
    for (const r of rows) {
      let best: (typeof passages)[number] | undefined;
      for (const ps of passages) {
        const gap = Math.abs(r.day - ps.day);
        if (gap <= PASSAGE_WINDOW_DAYS && (!best || gap < Math.abs(r.day - best.day))) best = ps;
      }
      if (!best) {
        leftOut.push({ row: r.row, reason: unattributedReason(label, r.day, passages) });
        continue;
      }
      let a = assigned.get(best.track);
      if (!a) assigned.set(best.track, (a = { km: best.km, rows: [] }));
      a.rows.push(r);
    }
    for (const [track, a] of assigned) {
      const total = a.rows.reduce((s, r) => s + r.total, 0);
      // The day most people were counted is the day the group passed; later days are stragglers.
      const peak = a.rows.reduce((best, r) => (r.total > best.total ? r : best), a.rows[0]);
      evidence.push({ group: track.key, day: peak.day, km: a.km, sigmaKm: 5, total });
      used.push({
        group: track.key,
        point: label,
        km: Math.round(a.km * 10) / 10,
        date: dayToIsoDate(peak.day),
        total,
        rows: a.rows.length,
      });
    }
  }
  return { evidence, used, leftOut };
}

/** "2 days": the attribution window in words, from the constant (never a number in the text). */
const WINDOW_TEXT = `${PASSAGE_WINDOW_DAYS} day${(PASSAGE_WINDOW_DAYS as number) === 1 ? "" : "s"}`;

/**
 * Why a count on local day `day` at point `key` was given to no group. Counts are given to a group
 * only within PASSAGE_WINDOW_DAYS of its passage (the first day its median person is at or past
 * the point): people waiting there (a border bridge, a shelter) are counted again each day, and
 * adding those days up would count them twice. A group that was at or near the point then (its
 * 90 % interval holds the point on a day within PASSAGE_WINDOW_DAYS of the count) was not missed:
 * the reason names it, that day (the one its median person is nearest the point) and its passage
 * day. "No group passed" is said only when no group's interval holds the point.
 *
 * Both days are read on the coarse first-look track the counts are attributed on (`passages`),
 * not on the final tracks of tracks.csv, and the message says so: a review found "its median
 * person 2.5 km from it … passage read as 15 Oct" where tracks.csv had the group 0 km from the
 * point and passing on 10 Oct. The distance, which no output shows, is not quoted.
 * @example
 * // Group A reached P1 on 11 Oct and waits there; a count of 16 Oct:
 * unattributedReason("P1", isoDateToDay("2018-10-16"), passages);
 * // => 'on the first-look track the counts are attributed on (not the final tracks.csv), group "A" was at or near P1 on 2018-10-15 …'
 */
function unattributedReason(
  key: string,
  day: number,
  passages: readonly { track: TrackView; km: Km; day: number }[],
): string {
  let near: { track: TrackView; at: number; off: Km; reached: number } | undefined;
  for (const ps of passages) {
    for (let d = day - PASSAGE_WINDOW_DAYS; d <= day + PASSAGE_WINDOW_DAYS; d++) {
      const est = ps.track.days[d - ps.track.day0];
      if (!est || est.low > ps.km || est.high < ps.km) continue;
      const off = Math.abs(est.median - ps.km);
      // The day and track whose median person is nearest the point; on a tie, the day nearest the count.
      const gap = Math.abs(d - day);
      const nearGap = near ? Math.abs(near.at - day) : Infinity;
      if (!near || off < near.off || (off === near.off && gap < nearGap))
        near = { track: ps.track, at: d, off, reached: ps.day };
    }
  }
  const onTrack = "on the first-look track the counts are attributed on (not the final tracks.csv)";
  if (!near) return `no group passed ${key} within ${WINDOW_TEXT} of this count, ${onTrack}`;
  const when = near.reached < day ? "before" : "after";
  return (
    `${onTrack}, group "${near.track.key}" was at or near ${key} on ${dayToIsoDate(near.at)} ` +
    `(its 90 % interval holds the point), but its passage there is read as ` +
    `${dayToIsoDate(near.reached)} (its median person's first day at or past it), more than ` +
    `${WINDOW_TEXT} ${when} this count: counts are given to a group only within ${WINDOW_TEXT} of ` +
    `its passage (people waiting at a point are counted again each day), so this one is not added ` +
    `to its evidence`
  );
}
