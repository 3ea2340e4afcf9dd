/**
 * Counts that name no caravan: the DTM's flow monitoring at border posts (daily northbound counts
 * of everyone who passes, by sex and age, with a share missed), and the running totals of asylum
 * claims in Mexico and of returns home that governments publish every few days (late, and
 * returns rounded to hundreds), as the 2018 sources gave them (returns-stocks.csv: COMAR/SEGOB
 * claims by date, Honduran INM cumulative returns).
 */
import type { Random, StockFigure } from "../../src/index.ts";
import { isoDate, randomNormal } from "../../src/index.ts";
import type { Family } from "./crowd.ts";
import { FMPS, fromMainKm, road, stopOf } from "./geography.ts";

/** One day's count at one post (before it is written to the sheet). */
export interface PostCount {
  day: number;
  placeId: string;
  name: string;
  country?: string;
  lat: number;
  lon: number;
  men: number;
  women: number;
  boys: number;
  girls: number;
}

export class Tallies {
  readonly counts: PostCount[] = [];
  readonly stocks: StockFigure[] = [];
  private readonly coverage = new Map<string, number>();
  private claims = 0;
  private returns = new Map<string, number>();
  private readonly random: Random;

  constructor(random: Random) {
    this.random = random;
    for (const id of FMPS) this.coverage.set(id, 0.6 + 0.35 * random());
  }

  /** Counts at the posts: every family whose move of the day passed a post (90 % of days staffed). */
  countPosts(day: number, families: readonly Family[]): void {
    for (const id of FMPS) {
      if (this.random() > 0.9) continue;
      const cover = this.coverage.get(id) ?? 0.8;
      let men = 0;
      let women = 0;
      let boys = 0;
      let girls = 0;
      let stop: ReturnType<typeof stopOf>;
      for (const f of families) {
        stop = stopOf(f.routeId, id);
        if (!stop) continue;
        const a = fromMainKm(f.routeId, f.prevKm);
        const b = fromMainKm(f.routeId, f.km);
        if (!(a < stop.km - 0.5 && b >= stop.km - 0.5)) continue;
        if (this.random() > cover) continue;
        const adults = f.people - f.children;
        const m = Math.round(adults * (f.id % 2 ? 0.6 : 0.4));
        men += m;
        women += adults - m;
        boys += Math.floor(f.children / 2);
        girls += f.children - Math.floor(f.children / 2);
      }
      const place = road().dataset.places.find((p) => p.placeId === id);
      if (men + women + boys + girls === 0 || !place) continue;
      this.counts.push({
        day,
        placeId: id,
        name: place.name,
        country: place.country,
        lat: place.lat,
        lon: place.lon,
        men,
        women,
        boys,
        girls,
      });
    }
  }

  /** Families that claimed asylum or went home today (status changed from moving or queue). */
  record(f: Family, country: string): void {
    if (f.status === "claimed") this.claims += f.people;
    if (f.status === "returned")
      this.returns.set(country, (this.returns.get(country) ?? 0) + f.people);
  }

  /** Running totals published on some days (claims exact, returns rounded to hundreds), a day late. */
  publish(day: number): void {
    const date = isoDate(day - 1);
    if (this.claims > 0 && this.random() < 0.3) {
      this.stocks.push({
        date,
        category: "asylum_claim",
        value: this.claims,
        basis: "cumulative",
        country: "MEX",
        sourceOrg: "COMAR",
        sourceType: "government",
        confidence: "high",
      });
    }
    for (const [country, n] of this.returns) {
      if (n < 100 || this.random() > 0.25) continue;
      this.stocks.push({
        date,
        category: "return",
        value: Math.round((n * Math.exp(0.05 * randomNormal(this.random))) / 100) * 100,
        basis: "cumulative",
        country,
        sourceOrg: country === "SLV" ? "DGME" : "INM Honduras",
        sourceType: "government",
        confidence: "medium",
      });
    }
  }
}
