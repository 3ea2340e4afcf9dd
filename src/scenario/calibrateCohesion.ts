/**
 * Cohesion "like 2018": how often a group follows its wave (`movement.cohesion`), fitted so that
 * the kernel's first group runs ahead of the body by as many days as the calibrating caravan's
 * did, at the places where 2018 reports give both its first arrivals and its bulk. The gap grows
 * with the days a group goes its own way: at cohesion 0.8 the Honduran replay's first group
 * reached Mexico City 3–4 days before its body, where the reports give 2 (the first 17 on 3 Nov
 * 2018, 2,900 on 5 Nov).
 */
import { strictDayNumber } from "../calendar/index.ts";
import type { Corridor } from "../geo/corridor.ts";
import type { Dataset } from "../model/dataset.ts";
import { mulberry32 } from "../util/random.ts";
import { halfArrivedDay } from "./bodyArrival.ts";
import { compileScenario } from "./compile.ts";
import type { CompiledScenario } from "./compile.ts";
import type { Replay } from "./calibrateReplay.ts";
import { runSeed } from "./runScenario.ts";
import { createRunBuffers, simulateRun } from "./simulateRun.ts";
import type { Scenario, ScenarioParameters, Stop } from "./types.ts";
import { validateScenario } from "./validateScenario.ts";

/** A place where reports give a caravan's first arrivals and, later, its bulk (its body). */
export interface FirstAndBulk {
  /** The caravan label of the group (as in the track's `group`). */
  group: string;
  /** Place name, alias or id (gazetteer). */
  place: string;
  /** Day the first of the group arrived, and day its bulk was there (ISO 8601 dates). */
  first: string;
  bulk: string;
  /** The sources named: outlet, date, what each says. */
  source: string;
}

/**
 * The first arrivals and bulk of the first Honduran caravan in the reference data, at the places
 * before its Mexico City stop where reports give both (data/sightings.csv). Left out: Querétaro
 * (an advance of ~1,000 on the night of 9 Nov, >5,000 on 10 Nov) — the caravan left Mexico City
 * together after its stop, a regrouping the kernel does not model (each group stays its own days
 * from its own arrival); Puebla (first members on 3 Nov, 1,200 on 4 Nov) — the bulk went from
 * Córdoba to Mexico City and skipped it.
 */
export const FIRST_AND_BULK_2018: readonly FirstAndBulk[] = Object.freeze([
  {
    group: "Honduran caravan 1",
    place: "Tecún Umán",
    first: "2018-10-18",
    bulk: "2018-10-19",
    source:
      "Excélsior/Milenio, 18 Oct 2018 (~500 Hondurans arrived on Thu 18 Oct to wait for the rest); NBC News, 19 Oct 2018 (2,000–3,000 in the central park on the morning of 19 Oct)",
  },
  {
    group: "Honduran caravan 1",
    place: "Juchitán de Zaragoza",
    first: "2018-10-28",
    bulk: "2018-10-30",
    source:
      "USA Today/AZ Republic, 29 Oct 2018, and primeralinea.mx (rest day in Tapanatepec on Sun 28 Oct; some groups went ahead and reached Juchitán from Sunday afternoon); EFE and Reforma, 29 Oct 2018 (the bulk to Juchitán on Tue 30 Oct)",
  },
  {
    group: "Honduran caravan 1",
    place: "Mexico City",
    first: "2018-11-03",
    bulk: "2018-11-05",
    source:
      "Mexico City government via Milenio, 3 Nov 2018 (the first 17 received at the Palillo stadium ~17:00); Mexico City Secretaría de Gobierno, 5 Nov 2018 (2,900 sheltered at 15:00)",
  },
]);

/**
 * The cohesions the kernel is run at to learn how the gap grows ({@link fitCohesion}): around the
 * fitted values (2018: 0.94), not at 1, where the gap is under a day and rounds to whole days.
 */
export const COHESION_PROBES: readonly number[] = Object.freeze([0.7, 0.8, 0.9, 0.95]);

/** A place of the compiled scenario and the gap observed there (days from first to bulk). */
export interface GapTarget {
  /** Index in `compiled.places`. */
  place: number;
  gapDays: number;
}

/**
 * The kernel's mean gap at each target place (days, over `runs` runs): per run, the day half the
 * people reaching the place had arrived minus the day its first group arrived — the gap between
 * {@link bodyArrival} and `firstArrival` of a result. Runs not reaching a place are left out.
 */
export function meanGaps(
  compiled: CompiledScenario,
  places: readonly number[],
  runs: number,
  seed: number,
): number[] {
  const buffers = createRunBuffers(compiled);
  const D = compiled.days;
  const sum = places.map(() => 0);
  const count = places.map(() => 0);
  for (let k = 0; k < runs; k++) {
    simulateRun(compiled, mulberry32(runSeed(seed, k)), buffers);
    places.forEach((p, j) => {
      const arrivals = buffers.arrivals.subarray(p * D, (p + 1) * D);
      const half = halfArrivedDay(arrivals);
      if (half < 0) return;
      sum[j]! += half - arrivals.findIndex((n) => n > 0);
      count[j]!++;
    });
  }
  return sum.map((s, j) => (count[j]! > 0 ? s / count[j]! : NaN));
}

/** What {@link fitCohesion} found. */
export interface CohesionFit {
  cohesion: number;
  /** Per target: the gap is `gapPerRoot · √(1 − cohesion)` days (fitted to the probes). */
  gapPerRoot: number[];
  /** The kernel's gap at each target at the fitted cohesion (days, from `gapPerRoot`). */
  gapsDays: number[];
}

/**
 * The cohesion whose kernel gaps (first group to body, {@link meanGaps}) come nearest the
 * observed ones, least squares over the targets. A group goes its own way on a share 1 − c of
 * its days and its own moves add up as a random walk, so its lead on the wave, and the first
 * group's on the body, grows as √(1 − c): per target, gap = k · √(1 − c), with k fitted to the
 * kernel's mean gaps at {@link COHESION_PROBES} (`runs` runs each; the law holds from 0.5 to
 * 0.975 on the Honduran replay, e.g. Mexico City 6.8, 3.9, 2.9, 2.3, 1.5 days at 0.5, 0.8, 0.9,
 * 0.95, 0.975 — k 9–10). Then √(1 − c) = Σ k·gap ÷ Σ k². The closed form is smooth in the data
 * where a search over cohesions is not: a cohesion changes how many numbers a run draws, so runs
 * of two cohesions are not paired, and 100 runs' mean gaps wander ±0.3 days. `compiled.cohesion`
 * is restored.
 */
export function fitCohesion(
  compiled: CompiledScenario,
  targets: readonly GapTarget[],
  runs = 100,
  seed = 1,
): CohesionFit {
  const given = compiled.cohesion;
  const places = targets.map((t) => t.place);
  const gx = targets.map(() => 0);
  let xx = 0;
  for (const cohesion of COHESION_PROBES) {
    compiled.cohesion = cohesion;
    const x = Math.sqrt(1 - cohesion);
    meanGaps(compiled, places, runs, seed).forEach((g, j) => (gx[j]! += g * x));
    xx += x * x;
  }
  compiled.cohesion = given;
  const k = gx.map((v) => v / xx);
  let kg = 0;
  let kk = 0;
  targets.forEach((t, j) => {
    kg += k[j]! * t.gapDays;
    kk += k[j]! ** 2;
  });
  const root = kk > 0 ? Math.min(1, Math.max(0, kg / kk)) : Math.sqrt(1 - given);
  const cohesion = Math.round((1 - root * root) * 100) / 100;
  const rootFitted = Math.sqrt(1 - cohesion);
  return { cohesion, gapPerRoot: k, gapsDays: k.map((v) => v * rootFitted) };
}

/** The replay as a scenario: the group leaves its first place on its first day, with its stops and holds. */
function replayScenario(
  replay: Replay,
  parameters: ScenarioParameters,
  stops: readonly Stop[],
  horizonDays: number,
): Record<string, unknown> {
  const first = replay.points[0]!;
  const origin = replay.route.stops.reduce((a, b) =>
    Math.abs(b.km - first.km) < Math.abs(a.km - first.km) ? b : a,
  );
  const sizes = replay.points.map((p) => p.size).sort((a, b) => a - b);
  return {
    like: "2018",
    horizonDays,
    runs: 1,
    seed: 1,
    waves: [
      {
        origin: replay.corridor.places[origin.place]!.placeId,
        date: first.date.slice(0, 10),
        people: Math.max(1, Math.round(sizes[Math.floor(sizes.length / 2)]!)),
        route: replay.routeId,
      },
    ],
    movement: { stops: [...parameters.movement.stops, ...stops] },
  };
}

/** The observed gaps of `replay`'s group on its route, and the calibration's fit of cohesion to them. */
export interface CohesionCalibration {
  cohesion: number;
  places: { place: string; first: string; bulk: string; gapDays: number; modelGapDays: number }[];
  people: number;
}

/**
 * Fits `parameters.movement.cohesion` to the first-to-bulk gaps of the replay's group
 * (`observations`, e.g. {@link FIRST_AND_BULK_2018}): the replay is run as a scenario — the
 * group leaving its first place on its first day with its median size, its stops, and its holds
 * as stops (`holdStops`) — with the calibrated movement. Returns undefined (cohesion left as is)
 * when no observation of the group lies on its route or the scenario does not validate.
 */
export function calibrateCohesion(
  replay: Replay,
  parameters: ScenarioParameters,
  context: { dataset: Pick<Dataset, "places" | "routes">; corridor: Corridor },
  holdStops: readonly Stop[],
  observations: readonly FirstAndBulk[],
): CohesionCalibration | undefined {
  const start = strictDayNumber(replay.points[0]!.date.slice(0, 10))!;
  const mine = observations.filter(
    (o) => o.group === replay.group && replay.kmOfPlace(replay.indexOfName(o.place)) !== undefined,
  );
  if (!mine.length) return undefined;
  const horizon = Math.max(...mine.map((o) => strictDayNumber(o.bulk)! - start)) + 15;
  const json = replayScenario(replay, parameters, holdStops, horizon);
  const { scenario } = validateScenario(json, { ...context, like2018: parameters });
  if (!scenario) return undefined;
  const compiled = compileScenario(scenario as Scenario, context.corridor);
  const targets = mine.map((o) => ({
    place: compiled.places.findIndex(
      (p) => p.name === replay.corridor.places[replay.indexOfName(o.place)!]!.name,
    ),
    gapDays: strictDayNumber(o.bulk)! - strictDayNumber(o.first)!,
  }));
  const usable = targets.filter((t) => t.place >= 0);
  if (!usable.length) return undefined;
  const fit = fitCohesion(compiled, usable);
  return {
    cohesion: fit.cohesion,
    people: (json.waves as { people: number }[])[0]!.people,
    places: usable.map((t, j) => {
      const o = mine[targets.indexOf(t)]!;
      return {
        place: compiled.places[t.place]!.name,
        first: o.first,
        bulk: o.bulk,
        gapDays: t.gapDays,
        modelGapDays: Math.round(fit.gapsDays[j]! * 100) / 100,
      };
    }),
  };
}
