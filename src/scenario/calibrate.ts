/**
 * Calibration "like 2018": movement and attrition parameters fitted to an estimated replay (the
 * daily tracks of one group) and the stock figures (asylum claims, returns, regularisations,
 * people present at the destination), so a planner can start from "like 2018" and change what
 * differs.
 */
import type { Dataset } from "../model/dataset.ts";
import type { StockFigure } from "../model/stock.ts";
import type { TrackPoint } from "../model/track.ts";
import { createGazetteer } from "../geo/gazetteer.ts";
import { buildCorridor } from "./corridor.ts";
import type { Corridor, CorridorRoute } from "./corridor.ts";
import { dayNumber } from "./days.ts";
import { DEFAULT_COMPOSITION } from "./defaults.ts";
import { quantileSorted } from "./quantiles.ts";
import type { AttritionRule, Movement, NumberOrRange, ScenarioParameters, Stop } from "./types.ts";

/** Options of {@link calibrateFromReplay}. */
export interface CalibrationOptions {
  /** Places and routes the tracks run on (to name stops and attrition places). */
  dataset: Pick<Dataset, "places" | "routes">;
  corridor?: Corridor;
  /** Group whose track is fitted; default the group with the most track days. */
  group?: string;
  /** Border place where movement changes (fitted separately after it); default "Ciudad Hidalgo". */
  border?: string;
  /**
   * Place where movement changes (fitted separately before and after it); default "Mexico City"
   * when the route passes it. Beyond the end of the track, the stretch after the pivot is fitted
   * to the date by which half the people had reached the destination (stock figures present there).
   */
  pivot?: string;
  /** Destination place; default the last place of the group's route. */
  destination?: string;
  /**
   * Days the track must stay at a place to make it a stop; default 3. With 2, every rest day in a
   * town becomes a stop, but so do days when a slow smoothed track drifts past a place, and the
   * 2018 replay then stops too often (the backtest's Mexico City date moves 2 days later).
   */
  minStopDays?: number;
  /** Daily move (km) below which a day counts as a rest day; default 15. */
  restBelowKm?: number;
  /** Daily move (km) above which a day counts as a day with rides; default 80. */
  rideAboveKm?: number;
}

/** What the calibration saw and fitted, for the report. */
export interface CalibrationFit {
  group: string;
  routeId: string;
  days: number;
  /** Day-to-day moves classified on each stretch (start, border, pivot; days at stops excluded). */
  stretches: {
    from?: string;
    rest: number;
    walk: number;
    ride: number;
    /** Km moved over those days (rest days' small moves included); km / days is the mean speed matched. */
    km: number;
  }[];
  stops: { place: string; days: number; from: string }[];
  pivotKm?: number;
  /** Median arrival at the destination from the stock figures, when used for the stretch after the pivot. */
  destinationMedianArrival?: string;
  /** Mean km/day needed after the pivot to meet that date. */
  afterPivotKmPerDay?: number;
}

/** Calibrated parameters and the fit behind them. */
export interface Calibration extends ScenarioParameters {
  fit: CalibrationFit;
}

const round = (v: number, digits = 3): number => Math.round(v * 10 ** digits) / 10 ** digits;

/**
 * A probability estimated from k of n days, as a 90 % Wilson score interval (z = 1.645): unlike
 * the ±1.645 standard errors interval it stays inside [0, 1] and is not empty when k is 0 or n,
 * which few days often give.
 */
function proportion(k: number, n: number): NumberOrRange {
  if (n === 0) return 0;
  const z2 = 1.645 * 1.645;
  const p = k / n;
  const scale = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / scale;
  const half = (1.645 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / scale;
  return { min: round(Math.max(0, centre - half)), max: round(Math.min(1, centre + half)) };
}

const mid = (r: NumberOrRange): number => (typeof r === "number" ? r : (r.min + r.max) / 2);

/** p10–p90 of a sample as a range (rounded to whole km), or the fallback when empty. */
function spread(values: number[], fallback: NumberOrRange): NumberOrRange {
  if (values.length === 0) return fallback;
  const sorted = [...values].sort((a, b) => a - b);
  return {
    min: Math.round(quantileSorted(sorted, 0.1)),
    max: Math.round(quantileSorted(sorted, 0.9)),
  };
}

/**
 * The ride probability of a stretch, set so that the kernel's mean daily move there — (1 − rest) ×
 * (walk + q × (ride − walk)) with each range at its midpoint, as the kernel draws them uniformly —
 * equals the stretch's observed mean daily move (km moved over the days counted). Fitting the
 * share of ride days alone does not do this: with few days, the Wilson interval's centre is pulled
 * towards 1/2, rest and ride shares are fitted on different day counts, and a stretch with under 3
 * ride days takes its ride speeds from elsewhere (the first Honduran caravan's 415 km day through
 * Veracruz to Puebla was replaced by the 146–230 km rides of Guatemala). Keeps the Wilson
 * interval's half-width around q, narrowed to stay inside [0, 1] so that its midpoint is q; the
 * Wilson interval of the ride days when the stretch has no moves or walk and ride speeds coincide.
 */
function rideMatchingSpeed(
  tally: { rest: number; walk: number; ride: number; km: number },
  rest: NumberOrRange,
  walk: NumberOrRange,
  ride: NumberOrRange,
): NumberOrRange {
  const wilson = proportion(tally.ride, tally.walk + tally.ride);
  const days = tally.rest + tally.walk + tally.ride;
  const moving = 1 - mid(rest);
  const gain = mid(ride) - mid(walk);
  if (days === 0 || moving <= 0 || gain <= 0) return wilson;
  const q = Math.min(0.95, Math.max(0, (tally.km / days / moving - mid(walk)) / gain));
  const half = Math.min(typeof wilson === "number" ? 0 : (wilson.max - wilson.min) / 2, q, 1 - q);
  return { min: round(q - half), max: round(q + half) };
}

function placeAt(route: CorridorRoute, km: number): number | undefined {
  let best: number | undefined;
  let bestGap = Infinity;
  for (const stop of route.stops) {
    const gap = Math.abs(stop.km - km);
    if (gap < bestGap) {
      bestGap = gap;
      best = stop.place;
    }
  }
  return best;
}

/**
 * Fits scenario parameters to an estimated replay.
 *
 * Movement: the group's day-to-day moves along its route are classified as rest (< 15 km), walk,
 * or ride (> 80 km); the rest-day probability is the share of rest days (with a 90 % Wilson
 * interval), the ride probability the share that makes the mean daily move the kernel draws equal
 * the stretch's observed mean move (see `rideMatchingSpeed`), walking and riding speeds the
 * p10–p90 of the walk and ride moves (of the stretch when it has 3 such days, else of the first
 * stretch, or of the whole track). The stretches before the border (Ciudad Hidalgo), from it to the pivot (Mexico City), and after the
 * pivot are fitted separately (a stretch with under 5 days of moves inherits the one before).
 * Where the track's 90 % interval (narrower than 250 km) holds the same place, ± 10 km, for 3
 * days or more, the group stopped: a stop there, and those days are left out of the regime counts.
 * When the track ends before the destination, the ride probability after the pivot is set so
 * that the mean speed meets the date by which the people present at the destination (stock
 * figures) first reached half their peak.
 *
 * Attrition: asylum claims at the first place of the country where they were lodged (latest
 * cumulative figure for the group over the group's size on arrival there); returns where the
 * track's size falls, for the fall not explained by claims; at the destination, returns and
 * regularisations from the figures placed there or national ones, over the peak present there;
 * the destination's daily leave rate from the decline of people present after the peak.
 *
 * @param tracks the estimated replay (e.g. `estimateTracks(embedded2018()).tracks`).
 * @param stocks the stock figures of the same dataset.
 * @param options the dataset, and optionally the group, pivot and destination.
 * @example
 * const { tracks } = estimateTracks(embedded2018());
 * const like2018 = calibrateFromReplay(tracks, embedded2018().stocks, { dataset: embedded2018() });
 * like2018.movement.restDayProbability; // => { min: 0, max: 0.311 }
 */
export function calibrateFromReplay(
  tracks: readonly TrackPoint[],
  stocks: readonly StockFigure[],
  options: CalibrationOptions,
): Calibration {
  const corridor = options.corridor ?? buildCorridor(options.dataset);
  const gazetteer = createGazetteer(options.dataset.places);
  const restBelow = options.restBelowKm ?? 15;
  const minStopDays = options.minStopDays ?? 3;
  const rideAbove = options.rideAboveKm ?? 80;
  const notes: string[] = [];

  // ── the group ──
  const byGroup = new Map<string, TrackPoint[]>();
  for (const point of tracks) {
    const list = byGroup.get(point.group);
    if (list) list.push(point);
    else byGroup.set(point.group, [point]);
  }
  const group =
    options.group ?? [...byGroup.entries()].sort((a, b) => b[1].length - a[1].length)[0]?.[0];
  const points = (group !== undefined ? (byGroup.get(group) ?? []) : [])
    .filter((p) => dayNumber(p.date) !== undefined && Number.isFinite(p.km))
    .sort((a, b) => dayNumber(a.date)! - dayNumber(b.date)!);
  if (group === undefined || points.length < 2) {
    throw new RangeError(
      `calibrateFromReplay needs a track of at least 2 days${group ? ` for group "${group}"` : ""}.`,
    );
  }
  const routeId = points[0]!.routeId;
  const route = corridor.routes.get(routeId);
  if (!route) throw new RangeError(`Unknown route of the track: ${routeId}.`);
  const indexOfName = (name: string | undefined): number | undefined => {
    if (name === undefined) return undefined;
    const place = gazetteer.find(name) ?? gazetteer.findById(name);
    return place ? corridor.indexOf.get(place.placeId) : undefined;
  };
  const kmOfPlace = (index: number | undefined): number | undefined =>
    index === undefined || Number.isNaN(route.kmOf[index]!) ? undefined : route.kmOf[index];

  // ── stops: the track stays at one place for ≥ 3 days ──
  // A day is at a place when the track's 90 % interval (narrower than 250 km) holds the place,
  // give or take 10 km — the nearest such place to the estimate. The interval, not the estimate:
  // a smoother's estimate drifts ahead while a group waits, and a group walking past a place
  // is near it on the day before and the day after without its interval holding it for 3 days.
  const at: (number | undefined)[] = points.map((p) => {
    if (!(p.kmHigh - p.kmLow < 250)) return undefined;
    let best: number | undefined;
    let gap = Infinity;
    for (const stop of route.stops) {
      if (stop.km < p.kmLow - 10 || stop.km > p.kmHigh + 10) continue;
      const d = Math.abs(stop.km - p.km);
      if (d < gap) {
        gap = d;
        best = stop.place;
      }
    }
    return best;
  });
  const atStop = new Set<number>(); // indices of points at a stop
  const fitStops: CalibrationFit["stops"] = [];
  const stops: Stop[] = [];
  const stopEnd = new Map<number, number>(); // place index → last point index of its stop
  for (let i = 0; i < points.length;) {
    let j = i;
    while (j + 1 < points.length && at[j + 1] === at[i]) j++;
    const length = j - i + 1;
    if (at[i] !== undefined && length >= minStopDays) {
      for (let k = i; k <= j; k++) atStop.add(k);
      const name = corridor.places[at[i]!]!.name;
      fitStops.push({ place: name, days: length, from: points[i]!.date });
      stops.push({ place: name, days: { min: Math.max(1, length - 1), max: length } });
      stopEnd.set(at[i]!, j);
    }
    i = j + 1;
  }

  // ── regimes on each stretch: start → border → pivot → end ──
  const pivotIndex = indexOfName(options.pivot ?? "Mexico City");
  const pivotKm = kmOfPlace(pivotIndex);
  const borderIndex = indexOfName(options.border ?? "Ciudad Hidalgo");
  const borderKm = kmOfPlace(borderIndex);
  const cuts = [
    { place: borderIndex, km: borderKm },
    { place: pivotIndex, km: pivotKm },
  ]
    .filter((c): c is { place: number; km: number } => c.km !== undefined && c.place !== undefined)
    .sort((x, y) => x.km - y.km);
  type Tally = {
    rest: number;
    walk: number;
    ride: number;
    walkKm: number[];
    rideKm: number[];
    /** Sum of the day's moves (km, rest days included), for the stretch's mean speed. */
    km: number;
  };
  const tallies: Tally[] = [0, ...cuts].map(() => ({
    rest: 0,
    walk: 0,
    ride: 0,
    walkKm: [],
    rideKm: [],
    km: 0,
  }));
  for (let i = 1; i < points.length; i++) {
    if (dayNumber(points[i]!.date)! - dayNumber(points[i - 1]!.date)! !== 1) continue;
    if (atStop.has(i) && atStop.has(i - 1)) continue;
    const move = points[i]!.km - points[i - 1]!.km;
    let stretch = 0;
    while (stretch < cuts.length && points[i - 1]!.km >= cuts[stretch]!.km - 10) stretch++;
    const tally = tallies[stretch]!;
    tally.km += Math.max(0, move);
    if (move < restBelow) tally.rest++;
    else if (move > rideAbove) {
      tally.ride++;
      tally.rideKm.push(move);
    } else {
      tally.walk++;
      tally.walkKm.push(move);
    }
  }
  const b = tallies[0]!;
  const allWalk = tallies.flatMap((t) => t.walkKm);
  const allRide = tallies.flatMap((t) => t.rideKm);
  const baseRest = proportion(b.rest, b.rest + b.walk + b.ride);
  const baseWalk = spread(b.walkKm.length >= 3 ? b.walkKm : allWalk, { min: 35, max: 50 });
  const baseRide = spread(b.rideKm.length >= 3 ? b.rideKm : allRide, { min: 150, max: 320 });
  const movement: Movement = {
    restDayProbability: baseRest,
    rideProbability: rideMatchingSpeed(b, baseRest, baseWalk, baseRide),
    walkKmPerDay: baseWalk,
    rideKmPerDay: baseRide,
    cohesion: 0.8,
    stops,
    stopAtShelters: false,
    shelterStopDays: { min: 1, max: 2 },
    segments: [],
  };
  const stretchName = (k: number) =>
    k === 0
      ? `before ${corridor.places[cuts[0]?.place ?? 0]?.name ?? "the end"}`
      : `from ${corridor.places[cuts[k - 1]!.place]!.name}`;
  notes.push(
    `like 2018: movement fitted to the estimated track of "${group}" (${points.length} days); ` +
      tallies
        .map(
          (t, k) => `${stretchName(k)}: ${t.rest} rest, ${t.walk} walking, ${t.ride} riding days`,
        )
        .join("; "),
  );
  if (stops.length)
    notes.push(
      `stops: ${fitStops.map((s) => `${s.place} ${s.days} days from ${s.from}`).join("; ")}`,
    );

  // ── destination ──
  const destinationIndex =
    indexOfName(options.destination) ?? route.stops[route.stops.length - 1]?.place;
  const destinationKm = kmOfPlace(destinationIndex);
  const destinationName =
    destinationIndex !== undefined ? corridor.places[destinationIndex]!.name : undefined;
  const atDestination = stocks.filter(
    (s) =>
      s.placeName !== undefined &&
      destinationIndex !== undefined &&
      indexOfName(s.placeName) === destinationIndex,
  );
  const presentSeries = (() => {
    // Prefer figures for the destination itself over its shelters' (which cover part of it).
    const present = atDestination.filter(
      (s) => s.basis === "present" && dayNumber(s.date) !== undefined,
    );
    const own = present.filter(
      (s) => gazetteer.find(s.placeName!)?.placeId === corridor.places[destinationIndex!]!.placeId,
    );
    const use = own.length >= 2 ? own : present;
    const byDay = new Map<number, number>();
    for (const s of use)
      byDay.set(dayNumber(s.date)!, Math.max(byDay.get(dayNumber(s.date)!) ?? 0, s.value));
    return [...byDay.entries()].sort((x, y) => x[0] - y[0]);
  })();
  const peak = presentSeries.reduce((best, e) => (e[1] > best[1] ? e : best), [NaN, 0] as [
    number,
    number,
  ]);

  // ── stretches after the first: segments; the last one also from the destination timing ──
  const fit: CalibrationFit = {
    group,
    routeId,
    days: points.length,
    stretches: tallies.map((t, k) => ({
      from: k === 0 ? undefined : corridor.places[cuts[k - 1]!.place]!.name,
      rest: t.rest,
      walk: t.walk,
      ride: t.ride,
      km: round(t.km, 1),
    })),
    stops: fitStops,
    pivotKm,
  };
  for (let k = 1; k < cuts.length; k++) {
    const t = tallies[k]!;
    const days = t.rest + t.walk + t.ride;
    if (days < 5) continue;
    const rest = proportion(t.rest, days);
    // The stretch's own speeds when it has at least 3 days of the regime.
    const walk = t.walkKm.length >= 3 ? spread(t.walkKm, movement.walkKmPerDay) : undefined;
    const ride = t.rideKm.length >= 3 ? spread(t.rideKm, movement.rideKmPerDay) : undefined;
    movement.segments.push({
      from: corridor.places[cuts[k - 1]!.place]!.name,
      to: corridor.places[cuts[k]!.place]!.name,
      restDayProbability: rest,
      rideProbability: rideMatchingSpeed(
        t,
        rest,
        walk ?? movement.walkKmPerDay,
        ride ?? movement.rideKmPerDay,
      ),
      ...(walk ? { walkKmPerDay: walk } : {}),
      ...(ride ? { rideKmPerDay: ride } : {}),
    });
  }
  if (pivotKm !== undefined && cuts.length && cuts[cuts.length - 1]!.place === pivotIndex) {
    const a = tallies[tallies.length - 1]!;
    const afterDays = a.rest + a.walk + a.ride;
    const segment: Movement["segments"][number] = { from: corridor.places[pivotIndex!]!.name };
    if (afterDays >= 5) {
      segment.restDayProbability = proportion(a.rest, afterDays);
      segment.rideProbability = proportion(a.ride, a.walk + a.ride);
    }
    const lastKm = points[points.length - 1]!.km;
    const firstHalf = presentSeries.find((e) => e[1] >= peak[1] / 2);
    if (destinationKm !== undefined && lastKm < destinationKm - 50 && firstHalf) {
      // Leaving the pivot: the last day of the stop there, else the last day within 50 km past it.
      const pivotStopEnd = stopEnd.get(pivotIndex!);
      const leftPivot =
        pivotStopEnd !== undefined
          ? points[pivotStopEnd]
          : [...points].reverse().find((p) => p.km <= pivotKm + 50);
      const stopDaysAfter = stops
        .filter((s) => {
          const km = kmOfPlace(indexOfName(s.place));
          return km !== undefined && km > pivotKm + 10;
        })
        .reduce((sum, s) => sum + mid(s.days), 0);
      if (leftPivot) {
        const travelDays = firstHalf[0] - dayNumber(leftPivot.date)! - stopDaysAfter;
        if (travelDays > 0) {
          const speed = (destinationKm - pivotKm) / travelDays;
          const previous = movement.segments[movement.segments.length - 1] ?? movement;
          segment.restDayProbability ??= previous.restDayProbability ?? movement.restDayProbability;
          const rest = mid(segment.restDayProbability);
          const walk = mid(previous.walkKmPerDay ?? movement.walkKmPerDay);
          let ride = mid(
            a.rideKm.length >= 3
              ? spread(a.rideKm, 0)
              : (previous.rideKmPerDay ?? movement.rideKmPerDay),
          );
          // (1 - rest) × (walk + q (ride - walk)) = speed, solved for q; faster rides when q > 1.
          let q = (speed / (1 - rest) - walk) / (ride - walk);
          if (q > 0.95) {
            q = 0.95;
            ride = (speed / (1 - rest) - 0.05 * walk) / 0.95;
            segment.rideKmPerDay = { min: Math.round(ride * 0.6), max: Math.round(ride * 1.4) };
          }
          q = Math.max(0, q);
          segment.rideProbability = {
            min: round(Math.max(0, q - 0.1)),
            max: round(Math.min(1, q + 0.1)),
          };
          fit.destinationMedianArrival = new Date(firstHalf[0] * 86_400_000)
            .toISOString()
            .slice(0, 10);
          fit.afterPivotKmPerDay = round(speed, 1);
          notes.push(
            `after ${segment.from}: the track ends at km ${Math.round(lastKm)}; ride probability set so that the mean speed (${round(
              speed,
              0,
            )} km/day) reaches ${destinationName} by ${fit.destinationMedianArrival}, when people present there first reached half their peak`,
          );
        }
      }
    }
    if (segment.restDayProbability !== undefined || segment.rideProbability !== undefined) {
      movement.segments.push(segment);
    }
  }

  // ── attrition ──
  const attrition: AttritionRule[] = [];
  const latest = (
    category: StockFigure["category"],
    filter: (s: StockFigure) => boolean,
  ): number | undefined => {
    const list = stocks
      .filter((s) => s.category === category && s.basis === "cumulative" && filter(s))
      .sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
    return list.length ? list[list.length - 1]!.value : undefined;
  };
  const labelled = (s: StockFigure) => s.caravanLabel === group;
  const sizeAt = (index: number): number | undefined => {
    const p = points[index];
    return p && Number.isFinite(p.size) ? p.size : undefined;
  };
  // Asylum claims: at the first place of the country they were lodged in.
  const claimFigures = stocks.filter(
    (s) => s.category === "asylum_claim" && s.basis === "cumulative" && labelled(s),
  );
  let claimed = 0;
  let claimPlace: number | undefined;
  let claimRate = 0;
  const claimCountry = claimFigures.find((s) => s.country)?.country;
  if (claimFigures.length && claimCountry) {
    claimed = latest("asylum_claim", (s) => labelled(s) && s.country === claimCountry) ?? 0;
    const first = route.stops.find(
      (s) => corridor.places[s.place]!.country === claimCountry && s.km >= points[0]!.km,
    );
    if (first) {
      claimPlace = first.place;
      // Size on arrival: the largest size in the 3 days after the track reaches the place.
      const arrived = points.findIndex((p) => p.km >= first.km - 5);
      const sizes = [0, 1, 2, 3]
        .map((k) => sizeAt(arrived + k))
        .filter((v): v is number => v !== undefined);
      const size = sizes.length ? Math.max(...sizes) : undefined;
      if (size && claimed > 0) {
        claimRate = Math.min(0.9, claimed / (size + claimed));
        notes.push(
          `asylum claims: ${claimed} lodged in ${claimCountry} (latest figure for the group) over ${Math.round(
            size + claimed,
          )} arriving at ${corridor.places[first.place]!.name} → ${round(claimRate, 2)}`,
        );
      }
    }
  }
  // Returns: where the size falls, for the fall beyond the claims. Each fall is a share of the
  // size just before it; a place's survival is the product over its falls.
  const survival = new Map<number, number>();
  let before: number | undefined;
  let totalFall = 0;
  points.forEach((p, i) => {
    const size = sizeAt(i);
    if (size === undefined) return;
    if (before !== undefined && size < before) {
      const place = placeAt(route, p.km);
      if (place !== undefined && (destinationKm === undefined || p.km < destinationKm - 50)) {
        survival.set(place, (survival.get(place) ?? 1) * (size / before));
        totalFall += before - size;
      }
    }
    before = size;
  });
  const returnShare = totalFall > 0 ? Math.max(0, totalFall - claimed) / totalFall : 0;
  const rules = new Map<number, AttritionRule>();
  const widen = (v: number): NumberOrRange =>
    v <= 0 ? 0 : { min: round(Math.max(0, v * 0.75)), max: round(Math.min(1, v * 1.25)) };
  if (claimPlace !== undefined && claimRate > 0) {
    rules.set(claimPlace, {
      place: corridor.places[claimPlace]!.placeId,
      asylumClaim: widen(claimRate),
    });
  }
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
      )} people lost is the ${claimed} claims), at ${survival.size} places`,
    );
  }
  // At the destination: returns and regularisations over the peak of people present.
  if (destinationIndex !== undefined && peak[1] > 0) {
    const returned = latest(
      "return",
      (s) => s.placeName !== undefined && indexOfName(s.placeName) === destinationIndex,
    );
    const regularized =
      latest(
        "regularized",
        (s) => s.placeName !== undefined && indexOfName(s.placeName) === destinationIndex,
      ) ?? latest("regularized", (s) => s.country === corridor.places[destinationIndex]!.country);
    const rule = rules.get(destinationIndex) ?? {
      place: corridor.places[destinationIndex]!.placeId,
    };
    const arrivals = peak[1] + (returned ?? 0);
    if (returned) rule.return = widen(returned / arrivals);
    if (regularized)
      rule.stay = widen(Math.min(0.9 - (returned ?? 0) / arrivals, regularized / arrivals));
    if (rule.return !== undefined || rule.stay !== undefined) {
      rules.set(destinationIndex, rule);
      notes.push(
        `at ${destinationName}: returns ${returned ?? "–"} and regularisations ${regularized ?? "–"} over ${Math.round(arrivals)} arrivals (peak present + returns)`,
      );
    }
  }
  const ordered = [...rules.entries()].sort(
    (x, y) => (route.kmOf[x[0]] ?? 0) - (route.kmOf[y[0]] ?? 0),
  );
  for (const [, rule] of ordered) attrition.push(rule);

  // Destination leave rate: decline of people present after the peak.
  let destinationLeavePerDay: NumberOrRange = { min: 0.005, max: 0.02 };
  const after = presentSeries.filter((e) => e[0] > peak[0]);
  if (after.length) {
    const last = after[after.length - 1]!;
    const rate = 1 - Math.pow(Math.max(1, last[1]) / peak[1], 1 / (last[0] - peak[0]));
    if (rate > 0) {
      destinationLeavePerDay = widen(rate);
      notes.push(
        `leaving ${destinationName}: ${round(rate * 100, 1)} %/day, from ${peak[1]} present at the peak to ${last[1]} ${
          last[0] - peak[0]
        } days later`,
      );
    }
  }

  return {
    movement,
    attrition,
    destinationLeavePerDay,
    composition: { ...DEFAULT_COMPOSITION },
    notes,
    fit,
  };
}
