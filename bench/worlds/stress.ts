/**
 * The stress simulator: seeded caravan worlds on the embedded 2018 routes, written independently
 * of src/estimate/simulate.ts (no shared code; different assumptions, listed in docs/estimation.md
 * § Test worlds). A world holds 1–6 groups of 300–10,000 people; each group is a body of cohorts
 * (body.ts) that marches, rides and waits in shelters (movement.ts); reports about parts of the
 * body come snapped, stale, misplaced, rounded and in spells (reports.ts); the sheet is written
 * with Spanish headers and read back through the real importer (csv.ts).
 */
import { DEFAULT_TIME_ZONE, dayNumber, isoDate, mulberry32 } from "../../src/index.ts";
import type { Dataset, ImportReport, Random, SourceType } from "../../src/index.ts";
import type { Cohort } from "./body.ts";
import { summarize } from "./body.ts";
import { stressCorridor } from "./corridor.ts";
import type { StressRoute } from "./corridor.ts";
import { importSpanishCsv, toSpanishCsv } from "./csv.ts";
import { Mover } from "./movement.ts";
import type { DayEvent, MoverTraits } from "./movement.ts";
import { GroupReporter, STRESS_SOURCES } from "./reports.ts";
import type { RawReport, ReportConfig } from "./reports.ts";
import type { ScorableWorld, TruthDay, TruthGroup } from "./truth.ts";

export interface StressOptions {
  /** Number of groups (default: 1–6, drawn). */
  groups?: number;
  /** false: no report carries a label; true: 50–95 % do; default: a third of seeds unlabelled. */
  labelled?: boolean;
  /** Mean reports per group-day outside blackouts (default 0.6–2.5, drawn). */
  reportRate?: number;
  /**
   * Departures spread over this many days (default: 3–20 drawn, at least 4 days per gap between
   * groups, so that groups are days apart as the 2018 caravans were; the first departs on day 0).
   */
  departureSpreadDays?: number;
  /** Days after the last departure that the world runs (default 25–50, drawn). */
  daysAfterLastDeparture?: number;
}

/** Truth of a stress group-day, with the phase and the longest single move of the day. */
export interface StressTruthDay extends TruthDay {
  phase: DayEvent["phase"];
  maxMoveKm: number;
}

export interface StressWorld extends ScorableWorld {
  seed: number;
  truth: (TruthGroup & { days: StressTruthDay[]; label: string })[];
  csv: string;
  importReport: ImportReport;
  reports: RawReport[];
}

const LABELS = [
  "Primera caravana hondureña",
  "Caravana salvadoreña",
  "Segunda caravana hondureña",
  "Caravana guatemalteca",
  "Tercera caravana",
  "Caravana de Tapachula",
];

const between = (random: Random, lo: number, hi: number): number => lo + (hi - lo) * random();
const logUniform = (random: Random, lo: number, hi: number): number =>
  Math.exp(between(random, Math.log(lo), Math.log(hi)));

function drawTraits(random: Random): MoverTraits {
  return {
    walkKm: between(random, 15, 40),
    rideShare: between(random, 0.4, 0.9),
    hitchProb: between(random, 0.05, 0.3),
    rideTendency: random(),
    attritionPerDay: between(random, 0.002, 0.015),
    claimPerStayDay: between(random, 0, 0.015),
    growthPerDay: between(random, 0, 0.05),
    growthDays: Math.floor(between(random, 0, 10)),
  };
}

function drawCohorts(
  random: Random,
  size: number,
  startKm: number,
  departureDay: number,
): Cohort[] {
  const n = 20 + Math.floor(random() * 40);
  const weights = Array.from({ length: n }, () => 0.2 + random() * random() * 3);
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => ({
    km: startKm + 20 * random() * random(),
    people: (size * w) / sum,
    pace: Math.exp(0.2 * (random() + random() + random() - 1.5) * 2),
    departsDay: departureDay + Math.floor(4 * random() ** 3),
  }));
}

function drawReportConfig(random: Random, labelled: boolean, rate?: number): ReportConfig {
  const bias = {} as Record<SourceType, number>;
  for (const s of STRESS_SOURCES) bias[s.type] = s.bias + between(random, -0.15, 0.15);
  bias.other = 0;
  return {
    ratePerGroupDay: rate ?? between(random, 0.6, 2.5),
    blackoutProb: between(random, 0.03, 0.12),
    snapProb: between(random, 0.6, 0.9),
    staleProb: between(random, 0.04, 0.12),
    misplacedProb: between(random, 0.02, 0.06),
    vanguardShare: between(random, 0.12, 0.3),
    rearShare: between(random, 0.08, 0.2),
    sizeProb: between(random, 0.5, 0.8),
    labelRate: labelled ? between(random, 0.5, 0.95) : 0,
    partWordProb: between(random, 0.3, 0.7),
    dateOnlyProb: between(random, 0.3, 0.7),
    bias,
  };
}

function drawRoute(random: Random): StressRoute {
  const byId = stressCorridor().byId;
  const u = random();
  const id = u < 0.6 ? "main" : u < 0.85 ? "salvador" : "mexicali";
  return byId.get(id) ?? [...byId.values()][0];
}

/** Where a group sets off: its route's origin, or (30 %) a town 100–800 km along it. */
function drawStartKm(random: Random, route: StressRoute): number {
  if (random() < 0.7) return 0;
  const towns = route.towns.filter((t) => t.km >= 100 && t.km <= 800);
  return towns.length ? towns[Math.floor(random() * towns.length)].km : 0;
}

/**
 * Generates stress world `seed` (same seed, same world).
 * @example
 * const w = generateStressWorld(1);
 * w.importReport.rejected; // => 0
 */
export function generateStressWorld(seed: number, options: StressOptions = {}): StressWorld {
  const random = mulberry32(0x5eed0000 + seed);
  const corridor = stressCorridor();
  const labelled = options.labelled ?? seed % 3 !== 0;
  const nGroups = options.groups ?? 1 + Math.floor(random() * 6);
  const spread =
    options.departureSpreadDays ?? Math.max(4 * (nGroups - 1), Math.floor(between(random, 3, 21)));
  const start = (dayNumber("2018-10-10") ?? 0) + Math.floor(random() * 10);
  const config = drawReportConfig(random, labelled, options.reportRate);
  let idCounter = 0;
  const nextId = (): string => `W${seed}-R${String(++idCounter).padStart(5, "0")}`;
  const groups = Array.from({ length: nGroups }, (_, i) => {
    const route = drawRoute(random);
    // Departures spread over the window, evenly give or take a day (caravans left days apart).
    const even = nGroups === 1 ? 0 : (i * spread) / (nGroups - 1);
    const departure = start + Math.max(0, Math.round(even + (i === 0 ? 0 : 2 * random() - 1)));
    const size = logUniform(random, 300, 10000);
    const cohorts = drawCohorts(random, size, drawStartKm(random, route), departure);
    const label = nGroups <= LABELS.length ? LABELS[i] : `Caravana ${i + 1}`;
    return {
      label,
      route,
      departure,
      mover: new Mover(route, drawTraits(random), cohorts, departure),
      reporter: new GroupReporter(
        corridor,
        route,
        label,
        labelled ? label : undefined,
        config,
        nextId,
      ),
      days: [] as StressTruthDay[],
    };
  });
  const lastDeparture = Math.max(...groups.map((g) => g.departure));
  const end =
    lastDeparture + (options.daysAfterLastDeparture ?? Math.floor(between(random, 25, 50)));
  const reports: RawReport[] = [];
  for (let day = start; day <= end; day++) {
    for (const g of groups) {
      if (day < g.departure) continue;
      const event = g.mover.step(day, random);
      const body = summarize(g.mover.cohorts.filter((c) => day >= c.departsDay));
      if (!(body.size >= 20)) continue; // not set off yet, or accounted for (dissolved)
      g.days.push({ date: isoDate(day), ...body, phase: event.phase, maxMoveKm: event.maxMoveKm });
      const live = g.mover.cohorts.filter((c) => day >= c.departsDay);
      reports.push(...g.reporter.day(day, live, random));
    }
  }
  return assemble(seed, labelled, groups, reports);
}

function assemble(
  seed: number,
  labelled: boolean,
  groups: { label: string; route: StressRoute; days: StressTruthDay[] }[],
  reports: RawReport[],
): StressWorld {
  const corridor = stressCorridor();
  const csv = toSpanishCsv(reports);
  const fileName = `stress-${seed}.csv`;
  const { sightings, report } = importSpanishCsv(csv, corridor.places, fileName);
  const dataset: Dataset = {
    name: `stress world ${seed}`,
    places: corridor.places,
    routes: corridor.routes,
    sightings,
    counts: [],
    stocks: [],
    timeZone: DEFAULT_TIME_ZONE,
  };
  const sightingGroup: Record<string, string> = {};
  for (const r of reports) sightingGroup[r.id] = r.group;
  return {
    name: `stress #${seed}`,
    seed,
    dataset,
    truth: groups.map((g) => ({
      group: g.label,
      label: g.label,
      routeId: g.route.routeId,
      days: g.days,
    })),
    sightingGroup,
    labelled,
    csv,
    importReport: report,
    reports,
  };
}

/**
 * The speed workload: 100 groups and about 10,000 reports (all labelled, 3.7 per group-day outside blackouts).
 * @example
 * generateSpeedWorld(1).dataset.sightings.length; // ≈ 10,000
 */
export function generateSpeedWorld(seed: number): StressWorld {
  return generateStressWorld(seed, {
    groups: 100,
    labelled: true,
    reportRate: 3.7,
    departureSpreadDays: 20,
    daysAfterLastDeparture: 30,
  });
}
