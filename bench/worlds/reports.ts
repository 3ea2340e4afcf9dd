/**
 * The reports a monitoring team receives about a stress-world group. Assumptions (not those of
 * src/estimate/simulate.ts, whose reports describe the group's one point and its whole size):
 * - a report describes part of the body: the main body (a person drawn from the middle 90 % of
 *   the people, with the whole group's size), the vanguard (the front 5 %, a few dozen people) or
 *   the rear (the back 5 %, a few hundred); a part word is in the notes only sometimes;
 * - positions are usually the nearest town's name however far the group is from it (towns on the
 *   2018 routes are 2–230 km apart), else coordinates with a few km of noise;
 * - stale news: an earlier report of the same group repeated 1–6 days later, place and size as
 *   they were; misplaced reports: the place is 150–600 km off;
 * - sizes carry a per-world bias per source type (governments low, organisers and social media
 *   high, UN/DTM close) and are rounded as each source does (media to the nearest thousand);
 *   some are ranges (mínimo/máximo) or bounds ("más de 3.000");
 * - coverage comes in spells: a group can go unreported for 2–7 days at a time.
 */
import type { Km, People, Random, SourceType } from "../../src/index.ts";
import { randomNormal } from "../../src/index.ts";
import type { Cohort } from "./body.ts";
import { rankedCohorts } from "./body.ts";
import type { Corridor, StressRoute } from "./corridor.ts";
import { nearestTown } from "./corridor.ts";

export type Part = "body" | "vanguard" | "rear";
export type ReportKind = "fresh" | "stale" | "misplaced";

/** One report as the simulator made it (written to CSV by csv.ts). */
export interface RawReport {
  id: string;
  day: number;
  /** Local hour, or undefined for a date-only report. */
  hour?: number;
  /** Key of the true group. */
  group: string;
  /** The label written in the file (undefined: none). */
  label?: string;
  part: Part;
  kind: ReportKind;
  /** km the report places the group at (before snapping), and the true km of what it describes. */
  placedKm: Km;
  describedKm: Km;
  town?: string;
  /** km of the named town (when snapped). */
  townKm?: Km;
  lat?: number;
  lon?: number;
  size?: { best?: People; min?: People; max?: People; text?: string };
  sourceType: SourceType;
  sourceOrg: string;
  notes: string;
}

/** How reports are made in one world (drawn per world by stress.ts). */
export interface ReportConfig {
  /** Mean reports per group per day outside blackouts (Poisson). */
  ratePerGroupDay: number;
  /** Probability per group-day that a blackout of 2–7 days starts. */
  blackoutProb: number;
  snapProb: number;
  staleProb: number;
  misplacedProb: number;
  vanguardShare: number;
  rearShare: number;
  sizeProb: number;
  /** Probability a report names its group (0 = a world without labels). */
  labelRate: number;
  partWordProb: number;
  dateOnlyProb: number;
  /** Log bias of each source type's size figures in this world. */
  bias: Record<SourceType, number>;
}

/** Sources: type, share of reports, typical log bias, spread, and organisations. */
export const STRESS_SOURCES: {
  type: SourceType;
  weight: number;
  bias: number;
  spread: number;
  orgs: string[];
}[] = [
  { type: "government", weight: 0.22, bias: -0.3, spread: 0.2, orgs: ["INM", "SEGOB", "PGN"] },
  { type: "un", weight: 0.1, bias: 0, spread: 0.12, orgs: ["ACNUR", "UNICEF"] },
  { type: "dtm", weight: 0.06, bias: 0, spread: 0.1, orgs: ["OIM DTM"] },
  {
    type: "ngo",
    weight: 0.12,
    bias: 0.05,
    spread: 0.2,
    orgs: ["Cruz Roja", "MSF", "Casa del Migrante"],
  },
  {
    type: "media",
    weight: 0.32,
    bias: 0.15,
    spread: 0.3,
    orgs: ["EFE", "Reuters", "La Jornada", "Prensa Libre"],
  },
  { type: "organiser", weight: 0.08, bias: 0.35, spread: 0.25, orgs: ["Pueblo Sin Fronteras"] },
  { type: "social_media", weight: 0.1, bias: 0.4, spread: 0.45, orgs: ["Twitter", "Facebook"] },
];

const VANGUARD_WORDS = [
  "avanzada de la caravana",
  "vanguardia",
  "los primeros del grupo",
  "primer contingente",
];
const REAR_WORDS = ["rezagados", "retaguardia", "los últimos del grupo"];
const BODY_WORDS = ["grueso de la caravana", "el contingente principal"];

const pick = <T>(random: Random, xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];

function poisson(random: Random, mean: number): number {
  let k = 0;
  let p = Math.exp(-mean);
  let s = p;
  const u = random();
  while (u > s && k < 100) {
    k++;
    p *= mean / k;
    s += p;
  }
  return k;
}

/** Rounds a figure as a source of this type does. */
function roundAsSource(type: SourceType, v: number): number {
  const step =
    type === "media" || type === "social_media" || type === "organiser"
      ? v >= 1000
        ? 1000
        : 100
      : type === "government"
        ? v >= 1000
          ? 100
          : 50
        : 10;
  return Math.max(step === 10 ? 10 : step, Math.round(v / step) * step);
}

/** `4.000` (Spanish thousands) for a number ≥ 1,000, else plain digits. */
export function spanishNumber(v: number): string {
  return v >= 1000 ? v.toLocaleString("de-DE") : String(v);
}

/** Reports of one group, day by day; keeps the group's past reports for stale repeats. */
export class GroupReporter {
  private past: RawReport[] = [];
  private blackoutUntil = -Infinity;
  private readonly corridor: Corridor;
  private readonly route: StressRoute;
  private readonly group: string;
  private readonly label: string | undefined;
  private readonly config: ReportConfig;
  private readonly nextId: () => string;
  constructor(
    corridor: Corridor,
    route: StressRoute,
    group: string,
    label: string | undefined,
    config: ReportConfig,
    nextId: () => string,
  ) {
    this.corridor = corridor;
    this.route = route;
    this.group = group;
    this.label = label;
    this.config = config;
    this.nextId = nextId;
  }

  /** The reports of day `day` about the group whose cohorts are given (may be none). */
  day(day: number, cohorts: readonly Cohort[], random: Random): RawReport[] {
    const cfg = this.config;
    if (day < this.blackoutUntil) return [];
    if (random() < cfg.blackoutProb) {
      this.blackoutUntil = day + 2 + Math.floor(random() * 6);
      return [];
    }
    const ranked = rankedCohorts(cohorts);
    if (ranked.length === 0) return [];
    const total = ranked.reduce((s, r) => s + r.c.people, 0);
    const out: RawReport[] = [];
    const n = poisson(random, cfg.ratePerGroupDay);
    for (let i = 0; i < n; i++) {
      const u = random();
      const old = this.past.filter((r) => r.day < day && r.day >= day - 6 && r.kind === "fresh");
      let report: RawReport;
      if (u < cfg.staleProb && old.length > 0) report = this.stale(day, pick(random, old), random);
      else report = this.fresh(day, ranked, total, u < cfg.staleProb + cfg.misplacedProb, random);
      out.push(report);
      this.past.push(report);
    }
    if (this.past.length > 60) this.past = this.past.slice(-30);
    return out;
  }

  private base(
    day: number,
    random: Random,
  ): Omit<RawReport, "part" | "kind" | "placedKm" | "describedKm"> {
    const src = pickWeighted(random);
    return {
      id: this.nextId(),
      day,
      ...(random() < this.config.dateOnlyProb ? {} : { hour: 7 + Math.floor(random() * 15) }),
      group: this.group,
      ...(this.label && random() < this.config.labelRate ? { label: this.label } : {}),
      sourceType: src.type,
      sourceOrg: pick(random, src.orgs),
      notes: "",
    };
  }

  private stale(day: number, old: RawReport, random: Random): RawReport {
    const b = this.base(day, random);
    // The same news repeated: same place, same figure, same part, a new date and source.
    return {
      ...b,
      part: old.part,
      kind: "stale",
      placedKm: old.placedKm,
      describedKm: old.describedKm,
      ...(old.town !== undefined ? { town: old.town, townKm: old.townKm } : {}),
      ...(old.lat !== undefined ? { lat: old.lat, lon: old.lon } : {}),
      ...(old.size ? { size: old.size } : {}),
      notes: old.notes,
    };
  }

  private fresh(
    day: number,
    ranked: { c: Cohort; below: number }[],
    total: number,
    misplaced: boolean,
    random: Random,
  ): RawReport {
    const cfg = this.config;
    const b = this.base(day, random);
    const u = random();
    const part: Part =
      u < cfg.vanguardShare ? "vanguard" : u < cfg.vanguardShare + cfg.rearShare ? "rear" : "body";
    const lo = part === "vanguard" ? 0.95 : part === "rear" ? 0 : 0.05;
    const hi = part === "vanguard" ? 1 : part === "rear" ? 0.05 : 0.95;
    const inPart = ranked.filter((r) => r.below >= lo - 1e-9 && r.below < hi);
    const chosen = inPart.length
      ? pickByPeople(random, inPart)
      : part === "vanguard"
        ? ranked[ranked.length - 1]
        : ranked[0];
    const describedKm = chosen.c.km;
    let placedKm = describedKm;
    if (misplaced) {
      const off = (random() < 0.5 ? -1 : 1) * (150 + 450 * random());
      placedKm = Math.min(this.route.lengthKm, Math.max(0, describedKm + off));
    }
    const report: RawReport = {
      ...b,
      part,
      kind: misplaced ? "misplaced" : "fresh",
      placedKm,
      describedKm,
    };
    if (misplaced || random() < cfg.snapProb) {
      const town = nearestTown(this.route, placedKm);
      report.town = town.name;
      report.townKm = town.km;
    } else {
      const km = Math.min(this.route.lengthKm, Math.max(0, placedKm + 3 * randomNormal(random)));
      const [lon, lat] = this.corridor.along(this.route.routeId, km);
      report.lat = Math.round(lat * 1e5) / 1e5;
      report.lon = Math.round(lon * 1e5) / 1e5;
    }
    const size = reportedSize(cfg, part, total, b.sourceType, random);
    if (size) report.size = size;
    const words = part === "vanguard" ? VANGUARD_WORDS : part === "rear" ? REAR_WORDS : BODY_WORDS;
    if (random() < cfg.partWordProb) report.notes = pick(random, words);
    return report;
  }
}

/**
 * The figure a fresh report gives (or none): the group's people (the front few dozen, the rear
 * 5–15 %) read with its source's bias and noise, rounded as the source rounds, sometimes as a
 * range or "más de …".
 */
function reportedSize(
  cfg: ReportConfig,
  part: Part,
  total: number,
  type: SourceType,
  random: Random,
): RawReport["size"] {
  if (random() >= cfg.sizeProb) return undefined;
  const spread = STRESS_SOURCES.find((s) => s.type === type)?.spread ?? 0.3;
  const noise = Math.exp(cfg.bias[type] + spread * randomNormal(random));
  let truth: number;
  if (part === "vanguard") {
    // A few dozen people at the front, at most the front 5 %.
    truth = Math.min(Math.max(5, 0.05 * total), 15 + 120 * random());
  } else if (part === "rear") {
    truth = Math.max(5, total * (0.05 + 0.1 * random()));
  } else truth = total;
  const v = Math.max(5, roundAsSource(type, truth * noise));
  const form = random();
  if (form < 0.12 && part === "body") {
    const lo = roundAsSource(type, v * (0.7 + 0.15 * random()));
    const hi = Math.max(lo + 10, roundAsSource(type, v * (1.15 + 0.2 * random())));
    return { min: lo, max: hi };
  }
  if (form < 0.2 && part === "body") {
    const min = roundAsSource(type, v * (0.75 + 0.15 * random()));
    return { min, text: `más de ${spanishNumber(min)}` };
  }
  return { best: v, text: random() < 0.5 ? `unos ${spanishNumber(v)}` : spanishNumber(v) };
}

/** A cohort drawn in proportion to its people (a report is about where some person is). */
function pickByPeople<T extends { c: Cohort }>(random: Random, xs: readonly T[]): T {
  let u = random() * xs.reduce((s, x) => s + x.c.people, 0);
  for (const x of xs) {
    u -= x.c.people;
    if (u < 0) return x;
  }
  return xs[xs.length - 1];
}

function pickWeighted(random: Random): (typeof STRESS_SOURCES)[number] {
  let u = random() * STRESS_SOURCES.reduce((s, x) => s + x.weight, 0);
  for (const s of STRESS_SOURCES) {
    u -= s.weight;
    if (u < 0) return s;
  }
  return STRESS_SOURCES[STRESS_SOURCES.length - 1];
}
