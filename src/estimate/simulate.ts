/**
 * Simulated caravans with known truth, and the reports a monitoring team would receive about them.
 *
 * Truth ({@link simulateTruth}): groups depart over a window, move each day by the regime model of
 * movement.ts (rest / walk / ride, forward only, the route's end absorbs), and their size changes
 * by attrition and by people joining or leaving. Observations ({@link observeWorld}): sightings from
 * sources with per-world biases drawn around the priors of sourceBias.ts (governments low,
 * organisers high, media rounded), positions as coordinates or snapped to the nearest place,
 * outliers (stale or misplaced reports, wild figures), missing labels, ranges and bounds,
 * size-only national figures, and daily counts at border points with an undercount.
 *
 * Both halves are seeded through `random` and are the forward model the scenario and forecast
 * modules reuse ({@link stepGroup} advances one group by one day).
 */
import type { CountRecord } from "../model/count.ts";
import type { Dataset } from "../model/dataset.ts";
import type { Place } from "../model/place.ts";
import type { RouteCollection } from "../model/route.ts";
import type { Sighting } from "../model/sighting.ts";
import type { SourceType } from "../model/source.ts";
import type { IsoDate, Km, LonLat, People } from "../model/units.ts";
import type { Random } from "../util/random.ts";
import { randomNormal } from "../util/random.ts";
import { createRouteIndex } from "../geo/routeIndex.ts";
import type { RouteIndex } from "../geo/routeIndex.ts";
import { defaultMovementModel, stepGroup } from "../movement/index.ts";
import type { GroupDayState, MovementModel, Regime } from "../movement/index.ts";
import { SOURCE_PRIORS } from "./sourceBias.ts";
import { dayToIsoDate, isoDateToDay } from "./time.ts";

// The step of one group by one day is the movement model's sampler (src/movement/sampler.ts).
export { stepGroup } from "../movement/index.ts";
export type { GroupDayState } from "../movement/index.ts";

export interface WorldConfig {
  /** First local date of the world (default 2018-10-13). */
  startDate?: IsoDate;
  /** Days simulated (default 40). */
  days?: number;
  /** Routes (default {@link syntheticCorridor}). */
  routes?: RouteCollection;
  /** Places (default: synthetic places every ~35 km along the routes). */
  places?: Place[];
  /** Number of groups (default 3). */
  groups?: number;
  /** Groups depart uniformly over this many days from the start (default 12). */
  departureSpreadDays?: number;
  /** Initial sizes, log-uniform between these (default 300–8,000). */
  sizeRange?: [People, People];
  movement?: MovementModel;
  attritionPerDay?: number;
  joinLeaveProb?: number;
  observation?: ObservationConfig;
}

export interface ObservationConfig {
  /** Mean sightings per group per day while it is monitored (Poisson; default 1.5). */
  sightingsPerGroupDay?: number;
  /** Source types and their shares of sightings (default: a 2018-like mix). */
  sources?: { type: SourceType; weight: number }[];
  /** Probability a sighting gives a size (default 0.7); of those, a range (0.1) or a bound (0.1). */
  sizeProb?: number;
  rangeProb?: number;
  boundProb?: number;
  /** Probability the position is a place name (snapped to the nearest place), else coordinates. */
  placeProb?: number;
  /** Sd of coordinate noise (km, default 3). */
  coordNoiseKm?: Km;
  /** Probability of a wrong position (stale by 2–5 days, or anywhere on the route; default 0.05). */
  outlierRate?: number;
  /** Probability of a wild size figure (× or ÷ up to 4; default 0.03). */
  sizeOutlierRate?: number;
  /** Probability the source does not say which group (default 0.2). */
  missingLabelRate?: number;
  /** Probability a size report has no place at all (a national figure; default 0.05). */
  sizeOnlyRate?: number;
  /** Probability the time of day is not given (date only; default 0.4). */
  dateOnlyRate?: number;
  /** km of border points on the first route (default: two points); `[]` for none. */
  borderPointsKm?: Km[];
  /** Border counts catch this share of people (default: uniform 0.65–0.95 per world). */
  countCoverage?: number;
  /** Days before a group's departure and after which monitoring starts (0) / after arrival it stops. */
  monitorAfterArrivalDays?: number;
}

/** The true path and size of one group, per local day at 12:00. */
export interface TruthGroup {
  group: string;
  routeId: string;
  departureDay: number;
  days: { date: IsoDate; day: number; km: Km; size: People; regime: Regime }[];
}

export interface SimulatedWorld {
  dataset: Dataset;
  truth: TruthGroup[];
  /** The true group of each sighting id (also of unlabelled ones). */
  sightingGroup: Record<string, string>;
  /** The source biases (log) and spreads drawn for this world. */
  sourceBiases: Partial<Record<SourceType | "border_count", { bias: number; spread: number }>>;
}

const DEFAULT_SOURCES: { type: SourceType; weight: number }[] = [
  { type: "government", weight: 0.25 },
  { type: "un", weight: 0.12 },
  { type: "dtm", weight: 0.05 },
  { type: "ngo", weight: 0.1 },
  { type: "media", weight: 0.35 },
  { type: "organiser", weight: 0.08 },
  { type: "social_media", weight: 0.05 },
];

/**
 * A synthetic corridor: a main route of ~3,000 km heading west-north-west from Honduras-like
 * longitudes with gentle bends, and a branch sharing its first 2,000 km. Vertices every ~5 km.
 * @example
 * syntheticCorridor().features.map((f) => f.properties.route_id); // => ["main", "branch"]
 */
export function syntheticCorridor(): RouteCollection {
  const stepKm = 5;
  const main: LonLat[] = [];
  let lon = -88;
  let lat = 15.5;
  const kmPerDegLat = 111.2;
  for (let i = 0; i <= 3000 / stepKm; i++) {
    main.push([round6(lon), round6(lat)]);
    // Heading in degrees west of north, bending gently (a road is not a straight line).
    const heading = (55 + 20 * Math.sin(i / 90)) * (Math.PI / 180);
    lat += (stepKm * Math.cos(heading)) / kmPerDegLat;
    lon -= (stepKm * Math.sin(heading)) / (kmPerDegLat * Math.cos((lat * Math.PI) / 180));
  }
  const shared = main.slice(0, 2000 / stepKm + 1);
  const branch: LonLat[] = [...shared];
  let [blon, blat] = shared[shared.length - 1];
  for (let i = 0; i < 900 / stepKm; i++) {
    // The branch heads due west-south-west, away from the main road.
    blat -= (stepKm * 0.3) / kmPerDegLat;
    blon -= (stepKm * 0.95) / (kmPerDegLat * Math.cos((blat * Math.PI) / 180));
    branch.push([round6(blon), round6(blat)]);
  }
  return {
    type: "FeatureCollection",
    features: [
      {
        type: "Feature",
        properties: { route_id: "main", name: "Synthetic main corridor" },
        geometry: { type: "LineString", coordinates: main },
      },
      {
        type: "Feature",
        properties: {
          route_id: "branch",
          name: "Synthetic branch",
          parent_route_id: "main",
          parent_km: 2000,
        },
        geometry: { type: "LineString", coordinates: branch },
      },
    ],
  };
}

function syntheticPlaces(index: RouteIndex, random: Random): Place[] {
  const places: Place[] = [];
  for (const routeId of index.routeIds) {
    const length = index.lengthKm(routeId);
    for (let km = 0; km <= length; km += 25 + random() * 20) {
      const [lon, lat] = index.along(routeId, km);
      if (places.some((p) => Math.abs(p.lon - lon) < 0.04 && Math.abs(p.lat - lat) < 0.04))
        continue;
      const n = places.length + 1;
      places.push({
        placeId: `SIM-${n}`,
        name: `Place ${n}`,
        aliases: [`Lugar ${n}`],
        lat: round6(lat + (random() - 0.5) * 0.02),
        lon: round6(lon + (random() - 0.5) * 0.02),
        kind: "city",
        source: "synthetic",
      });
    }
  }
  return places;
}

/**
 * Simulates the truth only: each group's km and size per day.
 * @example
 * simulateTruth({ groups: 2, days: 10 }, createRouteIndex(syntheticCorridor()), mulberry32(3))[0].days.length; // ≤ 10
 */
export function simulateTruth(
  config: WorldConfig,
  index: RouteIndex,
  random: Random,
): TruthGroup[] {
  const start = isoDateToDay(config.startDate ?? "2018-10-13") ?? 0;
  const nDays = config.days ?? 40;
  const movement = config.movement ?? defaultMovementModel();
  const [smin, smax] = config.sizeRange ?? [300, 8000];
  const spread = config.departureSpreadDays ?? 12;
  const dynamics = {
    attritionPerDay: config.attritionPerDay ?? 0.01,
    joinLeaveProb: config.joinLeaveProb ?? 0.03,
  };
  const truth: TruthGroup[] = [];
  const nGroups = config.groups ?? 3;
  for (let g = 0; g < nGroups; g++) {
    const routeId = index.routeIds[Math.floor(random() * index.routeIds.length)];
    const length = index.lengthKm(routeId);
    const departure = start + Math.floor(random() * (spread + 1));
    let state: GroupDayState = {
      km: 0,
      size: Math.exp(Math.log(smin) + random() * (Math.log(smax) - Math.log(smin))),
      regime: "rest",
    };
    const days: TruthGroup["days"] = [];
    for (let day = departure; day < start + nDays; day++) {
      if (day > departure) state = stepGroup(state, movement, length, random, dynamics);
      days.push({
        date: dayToIsoDate(day),
        day,
        km: state.km,
        size: state.size,
        regime: state.regime,
      });
    }
    truth.push({ group: `caravan-${g + 1}`, routeId, departureDay: departure, days });
  }
  return truth;
}

/**
 * Simulates a whole world: truth plus a dataset of sightings and border counts about it.
 * @example
 * const world = simulateWorld({ groups: 2 }, mulberry32(7));
 * world.dataset.sightings.length; // => ~100
 */
export function simulateWorld(config: WorldConfig, random: Random): SimulatedWorld {
  const routes = config.routes ?? syntheticCorridor();
  const index = createRouteIndex(routes);
  const places = config.places ?? syntheticPlaces(index, random);
  const truth = simulateTruth(config, index, random);
  const obs = config.observation ?? {};
  const sources = obs.sources ?? DEFAULT_SOURCES;
  const { sourceBiases, coverage } = drawSourceBiases(sources, obs, random);
  const reporter: Reporter = {
    index,
    places,
    obs,
    sourceBiases,
    pickSource: sourcePicker(sources, random),
    random,
  };
  const { sightings, sightingGroup } = simulateSightings(truth, reporter);
  const counts = simulateCounts(config, truth, index, coverage, random);
  return {
    dataset: {
      name: "Simulated world",
      places,
      routes,
      sightings,
      counts,
      stocks: [],
      timeZone: "America/Mexico_City",
    },
    truth,
    sightingGroup,
    sourceBiases,
  };
}

/** Each source type's size bias and spread in this world, and the border counts' coverage. */
function drawSourceBiases(
  sources: readonly { type: SourceType; weight: number }[],
  obs: ObservationConfig,
  random: Random,
): { sourceBiases: SimulatedWorld["sourceBiases"]; coverage: number } {
  const sourceBiases: SimulatedWorld["sourceBiases"] = {};
  for (const s of sources) {
    const prior = SOURCE_PRIORS[s.type];
    sourceBiases[s.type] = {
      bias: prior.bias + prior.biasSd * randomNormal(random),
      spread: prior.spread * (0.8 + 0.45 * random()),
    };
  }
  const coverage = obs.countCoverage ?? 0.65 + 0.3 * random();
  sourceBiases.border_count = { bias: Math.log(coverage), spread: 0.1 };
  return { sourceBiases, coverage };
}

/** Draws a source type in proportion to the sources' weights. */
function sourcePicker(
  sources: readonly { type: SourceType; weight: number }[],
  random: Random,
): () => SourceType {
  const totalWeight = sources.reduce((a, s) => a + s.weight, 0);
  return () => {
    let u = random() * totalWeight;
    for (const s of sources) {
      if ((u -= s.weight) < 0) return s.type;
    }
    return sources[sources.length - 1].type;
  };
}

/** What the simulated monitoring team needs to make reports. */
interface Reporter {
  index: RouteIndex;
  places: Place[];
  obs: ObservationConfig;
  sourceBiases: SimulatedWorld["sourceBiases"];
  pickSource: () => SourceType;
  random: Random;
}

/** Sightings of every group, a Poisson number a day, until a few days after it arrives. */
function simulateSightings(
  truth: readonly TruthGroup[],
  reporter: Reporter,
): { sightings: Sighting[]; sightingGroup: Record<string, string> } {
  const { index, obs, random } = reporter;
  const rate = obs.sightingsPerGroupDay ?? 1.5;
  const sightings: Sighting[] = [];
  const sightingGroup: Record<string, string> = {};
  const afterArrival = obs.monitorAfterArrivalDays ?? 3;
  for (const t of truth) {
    const length = index.lengthKm(t.routeId);
    let arrivedFor = 0;
    for (let i = 0; i < t.days.length; i++) {
      if (t.days[i].km >= length) arrivedFor++;
      if (arrivedFor > afterArrival) break;
      const count = poisson(rate, random);
      for (let c = 0; c < count; c++) {
        const id = `s${sightings.length + 1}`;
        const sighting = oneSighting(reporter, t, i, id);
        if (!sighting) continue;
        sightings.push(sighting);
        sightingGroup[id] = t.group;
      }
    }
  }
  return { sightings, sightingGroup };
}

/** One report of group `t` on its day `i` (undefined when it ends up with nothing to say). */
function oneSighting(
  reporter: Reporter,
  t: TruthGroup,
  i: number,
  id: string,
): Sighting | undefined {
  const { index, obs, random } = reporter;
  const length = index.lengthKm(t.routeId);
  const today = t.days[i];
  const next = t.days[i + 1] ?? today;
  const hour = 6 + random() * 14;
  const frac = (hour - 12) / 24;
  // Position at that hour: between yesterday's noon and today's, or today's and tomorrow's.
  const prev = t.days[i - 1] ?? today;
  let km =
    frac >= 0 ? today.km + (next.km - today.km) * frac : today.km + (today.km - prev.km) * frac;
  if (random() < (obs.outlierRate ?? 0.05)) {
    km =
      random() < 0.5
        ? (t.days[Math.max(0, i - 2 - Math.floor(random() * 4))]?.km ?? km)
        : random() * length;
  }
  const source = reporter.pickSource();
  const dateOnly = random() < (obs.dateOnlyRate ?? 0.4);
  const hh = Math.floor(hour);
  const mm = Math.floor((hour - hh) * 60);
  const sighting: Sighting = {
    id,
    observedAt: dateOnly ? today.date : `${today.date}T${pad2(hh)}:${pad2(mm)}`,
    sourceType: source,
    caravanLabel: random() < (obs.missingLabelRate ?? 0.2) ? undefined : t.group,
  };
  const sizeOnly = random() < (obs.sizeOnlyRate ?? 0.05);
  if (!sizeOnly) placeReport(reporter, sighting, t.routeId, km);
  if (sizeOnly || random() < (obs.sizeProb ?? 0.7)) sizeReport(reporter, sighting, today.size);
  if (
    sighting.placeName === undefined &&
    sighting.lat === undefined &&
    sighting.sizeBest === undefined &&
    sighting.sizeMin === undefined
  ) {
    return undefined;
  }
  return sighting;
}

/** Where a report puts the group: the nearest place's name, or coordinates with noise. */
function placeReport(reporter: Reporter, sighting: Sighting, routeId: string, km: Km): void {
  const { index, places, obs, random } = reporter;
  const [lon, lat] = index.along(routeId, km);
  if (random() < (obs.placeProb ?? 0.6)) {
    let best = places[0];
    let bestD = Infinity;
    for (const p of places) {
      const d = (p.lon - lon) ** 2 + (p.lat - lat) ** 2;
      if (d < bestD) {
        bestD = d;
        best = p;
      }
    }
    sighting.placeName = best.name;
  } else {
    const noise = (obs.coordNoiseKm ?? 3) / 111.2;
    sighting.lat = round6(lat + noise * randomNormal(random));
    sighting.lon = round6(lon + noise * randomNormal(random));
  }
}

/** The size a report gives: biased and noisy by source, a figure, a range or a bound. */
function sizeReport(reporter: Reporter, sighting: Sighting, size: number): void {
  const { obs, random } = reporter;
  const source = sighting.sourceType as SourceType;
  const b = reporter.sourceBiases[source] ?? { bias: 0, spread: 0.3 };
  let reported = size * Math.exp(b.bias + b.spread * randomNormal(random));
  if (random() < (obs.sizeOutlierRate ?? 0.03)) reported *= Math.exp((random() - 0.5) * 2.8);
  const kind = random();
  const rangeProb = obs.rangeProb ?? 0.1;
  const boundProb = obs.boundProb ?? 0.1;
  if (kind < rangeProb) {
    sighting.sizeMin = roundFigure(reported * 0.8, source);
    sighting.sizeMax = roundFigure(reported * 1.25, source);
  } else if (kind < rangeProb + boundProb) {
    sighting.sizeMin = roundFigure(reported * 0.85, source); // "more than …"
  } else {
    sighting.sizeBest = roundFigure(reported, source);
  }
}

/** Border counts: people cross on the day the group passes (70 %) and the next (30 %). */
function simulateCounts(
  config: WorldConfig,
  truth: readonly TruthGroup[],
  index: RouteIndex,
  coverage: number,
  random: Random,
): CountRecord[] {
  const obs = config.observation ?? {};
  const counts: CountRecord[] = [];
  const firstRoute = index.routeIds[0];
  const points = obs.borderPointsKm ?? [
    Math.min(300, index.lengthKm(firstRoute) / 4),
    Math.min(900, index.lengthKm(firstRoute) / 2),
  ];
  const start = isoDateToDay(config.startDate ?? "2018-10-13") ?? 0;
  const nDays = config.days ?? 40;
  points.forEach((pk, pi) => {
    const [lon, lat] = index.along(firstRoute, pk);
    const daily = crossingsAt(truth, index, [lon, lat]);
    for (let day = start; day < start + nDays; day++) {
      const people = daily.get(day) ?? 0;
      const background = poisson(8, random);
      const counted =
        Math.round(people * coverage * Math.exp(0.1 * randomNormal(random))) + background;
      counts.push({
        date: dayToIsoDate(day),
        fmpId: `FMP-${pi + 1}`,
        fmpName: `Border point ${pi + 1}`,
        lat: round6(lat),
        lon: round6(lon),
        direction: "northbound",
        total: counted,
      });
    }
  });
  return counts;
}

/** People crossing a point by local day (70 % the day a group reaches it, 30 % the next). */
function crossingsAt(
  truth: readonly TruthGroup[],
  index: RouteIndex,
  point: [number, number],
): Map<number, number> {
  const daily = new Map<number, number>();
  for (const t of truth) {
    const p = index.project(point, { routeId: t.routeId, maxDistanceKm: 1 });
    if (!p) continue;
    for (let i = 1; i < t.days.length; i++) {
      const a = t.days[i - 1];
      const b = t.days[i];
      if (a.km < p.km && b.km >= p.km) {
        // Moving linearly from noon to noon: the calendar day on which it reaches the point.
        const crossing = a.day + 0.5 + (p.km - a.km) / (b.km - a.km);
        const day = Math.floor(crossing);
        daily.set(day, (daily.get(day) ?? 0) + 0.7 * b.size);
        daily.set(day + 1, (daily.get(day + 1) ?? 0) + 0.3 * b.size);
      }
    }
  }
  return daily;
}

/** Media and organisers round their figures (to 2 significant digits, or to 500 above 2,000). */
function roundFigure(x: number, source: SourceType): number {
  if (source === "media" || source === "organiser" || source === "social_media") {
    const step = x >= 2000 ? 500 : x >= 200 ? 100 : 10;
    return Math.max(step, Math.round(x / step) * step);
  }
  return Math.max(1, Math.round(x));
}

function poisson(mean: number, random: Random): number {
  const limit = Math.exp(-mean);
  let k = 0;
  let p = random();
  while (p > limit) {
    k++;
    p *= random();
  }
  return k;
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}
function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/**
 * A world configuration of a given difficulty, from 0 (one well-reported group) to 1 (six groups,
 * sparse reports, many outliers and unlabelled reports). Used by the accuracy benchmark and tests.
 * @example
 * worldOfDifficulty(0.5).groups; // => 3
 */
export function worldOfDifficulty(difficulty: number): WorldConfig {
  const d = Math.min(1, Math.max(0, difficulty));
  return {
    groups: 1 + Math.floor(d * 5),
    days: 30 + Math.round(d * 20),
    departureSpreadDays: 4 + Math.round(d * 14),
    observation: {
      sightingsPerGroupDay: 2.5 - 2 * d,
      outlierRate: 0.02 + 0.13 * d,
      sizeOutlierRate: 0.02 + 0.06 * d,
      missingLabelRate: 0.05 + 0.4 * d,
      dateOnlyRate: 0.2 + 0.4 * d,
    },
  };
}
