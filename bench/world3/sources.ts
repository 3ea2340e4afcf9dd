/**
 * Who reports on a world3 caravan, and how each kind of source errs (each its own law):
 * - media: the town where "the caravan" is (often where its first people arrived), figures rounded
 *   UP to thousands ("miles de migrantes") and inflated, a quarter of them a figure repeated from
 *   an earlier story, now and then a whole earlier story repeated days later; "más de" bounds;
 * - organisers: the vanguard's town and the caravan's size inflated by about half again;
 * - social media: coordinates where the vanguard is, no figure;
 * - UN: the main body's town and a close count (rounded to 10);
 * - authorities at checkpoints: an exact count, but only of the people who passed that day;
 * - NGO shelters: the night's occupancy, capped by the shelter's capacity (people beyond it sleep
 *   outside and are not counted);
 * - DTM flow monitoring at border posts: daily northbound counts of everyone passing, all groups
 *   together (no label), a share of passers missed (coverage 60–95 % per post).
 * Some reports say which part of the caravan they saw (vanguardia / grueso / rezagados); some name
 * no group at all.
 */
import type { Random, SourceType } from "../../src/index.ts";
import { randomNormal } from "../../src/index.ts";
import type { Family } from "./crowd.ts";
import { fromMainKm, nearestStop, road } from "./geography.ts";

export type PartWord = "vanguardia" | "grueso" | "rezagados";

export interface RawReport {
  id: string;
  day: number;
  hour: number;
  /** Place name as written (a town), or coordinates. */
  town?: string;
  lat?: number;
  lon?: number;
  /** Label as written; undefined: the report names no group. */
  label?: string;
  /** The label its reporter meant, and the physical group it describes (scoring only). */
  hiddenLabel: string;
  hiddenBody: string;
  part?: PartWord;
  best?: number;
  min?: number;
  sourceType: SourceType;
  sourceOrg: string;
  method?: string;
  notes: string;
  /** Sheet it is written in: the monitoring team's Spanish sheet, or the English press log. */
  sheet: "es" | "en";
}

/** People-weighted positions of a set of families at a moment of the day. */
export interface Snapshot {
  km: number[];
  w: number[];
  total: number;
  routeId: string;
}

/**
 * Positions at fraction `fr` of the day's move (0: where they slept last night, 1: tonight).
 * Sorted by km.
 */
export function snapshot(families: readonly Family[], fr: number, routeId: string): Snapshot {
  const xs = families
    .map((f) => ({ km: f.prevKm + fr * (f.km - f.prevKm), w: f.people }))
    .sort((a, b) => a.km - b.km);
  return {
    km: xs.map((x) => x.km),
    w: xs.map((x) => x.w),
    total: xs.reduce((a, x) => a + x.w, 0),
    routeId,
  };
}

/** People-weighted quantile of a snapshot (or of its entries lo…hi-1). */
export function snapQuantile(s: Snapshot, q: number, lo = 0, hi = s.km.length): number {
  let total = 0;
  for (let i = lo; i < hi; i++) total += s.w[i];
  let acc = 0;
  for (let i = lo; i < hi; i++) {
    acc += s.w[i];
    if (acc >= q * total) return s.km[i];
  }
  return s.km[hi - 1];
}

/** The part of the body a report describes: its median km and people. */
export function partOf(s: Snapshot, part: PartWord | undefined): { km: number; people: number } {
  const median = snapQuantile(s, 0.5);
  if (part === undefined) return { km: median, people: s.total };
  const n = s.km.length;
  let lo = 0;
  let hi = n;
  if (part === "vanguardia") lo = s.km.findIndex((k) => k > median + 30);
  if (part === "rezagados") hi = s.km.findIndex((k) => k >= median - 30);
  if (part === "grueso") {
    lo = s.km.findIndex((k) => k >= median - 30);
    hi = s.km.findIndex((k) => k > median + 30);
    if (hi < 0) hi = n;
  }
  if (lo < 0) lo = n;
  let people = 0;
  for (let i = lo; i < hi; i++) people += s.w[i];
  // Too few people out there: the reporter means the first (last) few percent.
  if (part !== "grueso" && people < 0.03 * s.total) {
    const q = part === "vanguardia" ? 0.95 : 0.05;
    const edge = snapQuantile(s, q);
    lo = part === "vanguardia" ? s.km.findIndex((k) => k >= edge) : 0;
    hi = part === "vanguardia" ? n : s.km.findIndex((k) => k > edge);
    if (hi < 0) hi = n;
    people = 0;
    for (let i = lo; i < hi; i++) people += s.w[i];
  }
  return { km: snapQuantile(s, 0.5, lo, hi), people };
}

/** Fraction of the day's move done at `hour` (walking and riding from 06:00 to 18:00). */
export function fractionAt(hour: number): number {
  return Math.min(1, Math.max(0, (hour - 6) / 12));
}

/** Poisson deviate (small means). */
export function poisson(random: Random, mean: number): number {
  const l = Math.exp(-mean);
  let k = 0;
  let p = random();
  while (p > l) {
    k++;
    p *= random();
  }
  return k;
}

/** Rounded up to thousands (hundreds below 700), as "miles de migrantes" is written. */
export function roundUpThousands(x: number): number {
  return x < 700 ? Math.ceil(x / 100) * 100 : Math.ceil(x / 1000) * 1000;
}

/** The town nearest to main-equivalent km `km` on `routeId`. */
export function townAt(routeId: string, km: number): string {
  return nearestStop(routeId, fromMainKm(routeId, km)).name;
}

/** Coordinates of main-equivalent km `km` on `routeId`, jittered by about `jitterKm`. */
export function coordsAt(
  routeId: string,
  km: number,
  jitterKm: number,
  random: Random,
): { lat: number; lon: number } {
  const own = Math.min(road().lengthKm(routeId), Math.max(0, fromMainKm(routeId, km)));
  const [lon, lat] = road().along(routeId, own);
  return {
    lat: Math.round((lat + (jitterKm / 111) * randomNormal(random)) * 1e4) / 1e4,
    lon: Math.round((lon + (jitterKm / 105) * randomNormal(random)) * 1e4) / 1e4,
  };
}

/** Lognormal error with a median of exp(bias). */
export function inflate(x: number, bias: number, sd: number, random: Random): number {
  return x * Math.exp(bias + sd * randomNormal(random));
}
