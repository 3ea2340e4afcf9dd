/**
 * Attrition "like 2018": asylum claims at the first place of the country they were lodged in,
 * returns where the group's estimated size falls (for the fall the claims do not explain), and
 * returns and regularisations at the destination over the peak of people present there.
 */
import type { StockFigure } from "../model/stock.ts";
import { placeAt, round, widen } from "./calibrateMath.ts";
import type { Destination } from "./calibrateDestination.ts";
import type { Replay } from "./calibrateReplay.ts";
import type { AttritionRule } from "./types.ts";

/** The latest cumulative figure of a category among those passing `filter`. */
function latest(
  stocks: readonly StockFigure[],
  category: StockFigure["category"],
  filter: (s: StockFigure) => boolean,
): number | undefined {
  const list = stocks
    .filter((s) => s.category === category && s.basis === "cumulative" && filter(s))
    .sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
  return list.length ? list[list.length - 1]!.value : undefined;
}

const sizeAt = (replay: Replay, index: number): number | undefined => {
  const p = replay.points[index];
  return p && Number.isFinite(p.size) ? p.size : undefined;
};

/** Asylum claims: the group's latest figure over the group arriving at the country's first place. */
function claims(
  replay: Replay,
  stocks: readonly StockFigure[],
  notes: string[],
): { claimed: number; place?: number; rate: number } {
  const { corridor, route, points, group } = replay;
  const labelled = (s: StockFigure) => s.caravanLabel === group;
  const figures = stocks.filter(
    (s) => s.category === "asylum_claim" && s.basis === "cumulative" && labelled(s),
  );
  const country = figures.find((s) => s.country)?.country;
  if (!figures.length || !country) return { claimed: 0, rate: 0 };
  const claimed = latest(stocks, "asylum_claim", (s) => labelled(s) && s.country === country) ?? 0;
  const first = route.stops.find(
    (s) => corridor.places[s.place]!.country === country && s.km >= points[0]!.km,
  );
  if (!first) return { claimed, rate: 0 };
  // Size on arrival: the largest size in the 3 days after the track reaches the place.
  const arrived = points.findIndex((p) => p.km >= first.km - 5);
  const sizes = [0, 1, 2, 3]
    .map((k) => sizeAt(replay, arrived + k))
    .filter((v): v is number => v !== undefined);
  const size = sizes.length ? Math.max(...sizes) : undefined;
  if (!size || claimed <= 0) return { claimed, place: first.place, rate: 0 };
  const rate = Math.min(0.9, claimed / (size + claimed));
  notes.push(
    `asylum claims: ${claimed} lodged in ${country} (latest figure for the group) over ${Math.round(
      size + claimed,
    )} arriving at ${corridor.places[first.place]!.name} → ${round(rate, 2)}`,
  );
  return { claimed, place: first.place, rate };
}

/** Returns where the size falls: each fall a share of the size before it, per place. */
function sizeFalls(
  replay: Replay,
  destinationKm: number | undefined,
): { survival: Map<number, number>; totalFall: number } {
  const survival = new Map<number, number>();
  let before: number | undefined;
  let totalFall = 0;
  replay.points.forEach((p, i) => {
    const size = sizeAt(replay, i);
    if (size === undefined) return;
    if (before !== undefined && size < before) {
      const place = placeAt(replay.route, p.km);
      if (place !== undefined && (destinationKm === undefined || p.km < destinationKm - 50)) {
        survival.set(place, (survival.get(place) ?? 1) * (size / before));
        totalFall += before - size;
      }
    }
    before = size;
  });
  return { survival, totalFall };
}

/** Returns and regularisations at the destination over its peak present + returns. */
function destinationRule(
  replay: Replay,
  stocks: readonly StockFigure[],
  destination: Destination,
  rules: Map<number, AttritionRule>,
  notes: string[],
): void {
  const index = destination.index;
  if (index === undefined || destination.peak[1] <= 0) return;
  const place = replay.corridor.places[index]!;
  const here = (s: StockFigure) =>
    s.placeName !== undefined && replay.indexOfName(s.placeName) === index;
  const returned = latest(stocks, "return", here);
  const regularized =
    latest(stocks, "regularized", here) ??
    latest(stocks, "regularized", (s) => s.country === place.country);
  const rule = rules.get(index) ?? { place: place.placeId };
  const arrivals = destination.peak[1] + (returned ?? 0);
  if (returned) rule.return = widen(returned / arrivals);
  if (regularized)
    rule.stay = widen(Math.min(0.9 - (returned ?? 0) / arrivals, regularized / arrivals));
  if (rule.return === undefined && rule.stay === undefined) return;
  rules.set(index, rule);
  notes.push(
    `at ${destination.name}: returns ${returned ?? "–"} and regularisations ${regularized ?? "–"} over ${Math.round(arrivals)} arrivals (peak present + returns)`,
  );
}

/** The attrition rules, in route order, with a note for each estimate. */
export function calibrateAttrition(
  replay: Replay,
  stocks: readonly StockFigure[],
  destination: Destination,
  notes: string[],
): AttritionRule[] {
  const { corridor, route } = replay;
  const rules = new Map<number, AttritionRule>();
  const claim = claims(replay, stocks, notes);
  if (claim.place !== undefined && claim.rate > 0)
    rules.set(claim.place, {
      place: corridor.places[claim.place]!.placeId,
      asylumClaim: widen(claim.rate),
    });
  const { survival, totalFall } = sizeFalls(replay, destination.km);
  const returnShare = totalFall > 0 ? Math.max(0, totalFall - claim.claimed) / totalFall : 0;
  if (returnShare > 0) {
    for (const stop of route.stops) {
      const kept = survival.get(stop.place);
      if (kept === undefined) continue;
      const rate = Math.min(0.9, (1 - kept) * returnShare);
      if (rate < 0.005) continue;
      const rule = rules.get(stop.place) ?? { place: corridor.places[stop.place]!.placeId };
      rule.return = widen(rate);
      rules.set(stop.place, rule);
    }
    notes.push(
      `returns: where the group's estimated size falls, ${Math.round(returnShare * 100)} % of each fall (the rest of the ${Math.round(
        totalFall,
      )} people lost is the ${claim.claimed} claims), at ${survival.size} places`,
    );
  }
  destinationRule(replay, stocks, destination, rules, notes);
  return [...rules.entries()]
    .sort((x, y) => (route.kmOf[x[0]] ?? 0) - (route.kmOf[y[0]] ?? 0))
    .map(([, rule]) => rule);
}
