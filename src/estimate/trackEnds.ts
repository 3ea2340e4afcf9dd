/**
 * How long a group's track lasts. A group lives until it is accounted for: its track continues
 * through days without reports (the km smoother carries it on with the movement model, so its
 * intervals widen) until its median person reaches the end of its route, or its people are
 * accounted for (claims and returns bring its size down; people staying at a place are its last
 * reports), or the data end. Stock figures of people remaining at a place for a named group are
 * reports of that group staying there (stays).
 */
import type { Sighting } from "../model/sighting.ts";
import type { StockFigure } from "../model/stock.ts";
import type { IsoDate } from "../model/units.ts";
import { dayToIsoDate, isoDateToDay } from "./time.ts";
import type { WorkGroup } from "./workGroup.ts";

/** Why a track ends (report.json `trackEnds`). */
export interface TrackEnd {
  group: string;
  lastDate: IsoDate;
  /** Date of the group's last report (position, count or stay). */
  lastReportDate: IsoDate;
  reason: "destination" | "accounted_for" | "end_of_data";
  /** In words, with the figures. */
  detail: string;
}

/** A group whose median size falls below this many people (or 5 % of its peak) is accounted for. */
export const ACCOUNTED_PEOPLE = 50;

/**
 * Stock figures of people remaining at a named place for a named group, as sightings of that
 * group there (id `stock:<row>`, row = 1-based index in the stock list).
 * @example
 * staysAsSightings([{ date: "2018-11-20", category: "remaining", basis: "present", value: 6200,
 *   placeName: "Tijuana", caravanLabel: "Honduran caravan 1" }])[0].placeName; // => "Tijuana"
 */
export function staysAsSightings(stocks: readonly StockFigure[]): Sighting[] {
  const out: Sighting[] = [];
  stocks.forEach((s, i) => {
    if (s.category !== "remaining" || s.basis !== "present") return;
    if (!s.placeName?.trim() || !s.caravanLabel?.trim() || !(s.value > 0)) return;
    out.push({
      id: `stock:${i + 1}`,
      observedAt: s.date,
      placeName: s.placeName,
      country: s.country,
      caravanLabel: s.caravanLabel,
      sizeBest: s.value,
      sourceType: s.sourceType,
      sourceOrg: s.sourceOrg,
      confidence: s.confidence,
      notes: s.notes,
    });
  });
  return out;
}

/**
 * Last local day of the data: the latest report (sighting or stay, at or before `asOfT`) or border
 * count used. Tracks continue to it at most.
 */
export function dataEndDay(
  reportTimes: readonly number[],
  countDates: readonly IsoDate[],
  asOfT: number,
): number {
  let end = -Infinity;
  for (const t of reportTimes) if (t <= asOfT) end = Math.max(end, Math.floor(t));
  for (const date of countDates) {
    const day = isoDateToDay(date);
    if (day !== undefined) end = Math.max(end, day);
  }
  return end;
}

/**
 * Where a group's track ends, once it has been run to the end of the data: the first day its
 * median person is at the route's end (or at the `destination` place an analyst set) (not before its last report), else the first day after its
 * last report its size falls below ACCOUNTED_PEOPLE or 5 % of its peak, else the data's end.
 * Cuts the group's daily estimates there and returns the reason.
 */
export function endTrack(
  g: WorkGroup,
  routeLengthKm: number,
  destination?: { name: string; km: number },
): TrackEnd {
  const endKm = destination ? Math.min(destination.km, routeLengthKm) : routeLengthKm;
  const days = g.km?.days ?? [];
  const lastReportK = Math.max(0, (g.lastReportDay ?? g.day0) - g.day0);
  let endK = days.length - 1;
  let reason: TrackEnd["reason"] = "end_of_data";
  let detail =
    "the data end; the group is still on the road (intervals widen after its last report)";
  for (let k = 0; k < days.length; k++) {
    if (days[k].median >= endKm - 1) {
      endK = Math.max(k, lastReportK);
      reason = "destination";
      detail = destination
        ? `its median person reached ${destination.name} (km ${Math.round(endKm)} of route ${g.routeId}), the destination an analyst set`
        : `its median person reached the end of route ${g.routeId} (km ${Math.round(routeLengthKm)})`;
      break;
    }
  }
  if (g.size) {
    const peak = Math.max(...g.size.map((d) => d.median));
    for (let k = lastReportK + 1; k <= endK; k++) {
      if (g.size[k].median < Math.max(ACCOUNTED_PEOPLE, 0.05 * peak)) {
        endK = k;
        reason = "accounted_for";
        detail = `claims, returns and stays account for its people (size ${Math.round(g.size[k].median)} of a peak of ${Math.round(peak)})`;
        break;
      }
    }
  }
  cutTrack(g, endK + 1);
  return {
    group: g.name,
    lastDate: dayToIsoDate(g.day0 + endK),
    lastReportDate: dayToIsoDate(g.day0 + lastReportK),
    reason,
    detail,
  };
}

/** Keeps the first `n` days of a group's estimates. */
export function cutTrack(g: WorkGroup, n: number): void {
  if (n >= g.nDays) return;
  g.nDays = n;
  if (g.km) g.km = { ...g.km, days: g.km.days.slice(0, n) };
  if (g.size) g.size = g.size.slice(0, n);
  if (g.drift) g.drift = g.drift.slice(0, n);
  if (g.head) g.head = g.head.slice(0, n);
  if (g.tail) g.tail = g.tail.slice(0, n);
}
