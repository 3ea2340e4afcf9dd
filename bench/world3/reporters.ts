/**
 * The reporters of a world3 world, day by day: given the families that carry a label, they write
 * the reports of sources.ts's error laws (media, organisers, social media, UN, checkpoint
 * authorities, NGO shelters). Border-post counts and stock figures are in tallies.ts.
 */
import type { Random } from "../../src/index.ts";
import type { Family } from "./crowd.ts";
import { counted } from "./counters.ts";
import type { ReportBase } from "./counters.ts";
import { BORDER_PLACE, SHELTER_TOWNS, stopOf } from "./geography.ts";
import type { PartWord, RawReport, Snapshot } from "./sources.ts";
import {
  coordsAt,
  fractionAt,
  inflate,
  partOf,
  poisson,
  roundUpThousands,
  snapshot,
  townAt,
} from "./sources.ts";

/** What the reporters are told about a label on a day. */
export interface LabelDay {
  day: number;
  label: string;
  body: string;
  routeId: string;
  /** Moving families carrying the label. */
  families: Family[];
  /** People of the label waiting in the border queue (out of the march, not in its truth). */
  queued: number;
}

/** Per-world rates and shares (drawn once per world). */
export interface ReporterTraits {
  mediaRate: number;
  unRate: number;
  organiserRate: number;
  socialRate: number;
  /** Share of reports in a labelled world that name no group anyway. */
  unnamed: number;
  labelled: boolean;
  shelterCapacity: Map<string, number>;
}

/** Draws a world's reporter traits. */
export function drawTraits(random: Random, labelled: boolean): ReporterTraits {
  const cap = new Map<string, number>();
  for (const t of SHELTER_TOWNS) cap.set(t, Math.round(1500 + 4500 * random()));
  return {
    mediaRate: 0.5 + random(),
    unRate: 0.1 + 0.25 * random(),
    organiserRate: 0.05 + 0.2 * random(),
    socialRate: 0.1 + 0.4 * random(),
    unnamed: 0.05 + 0.25 * random(),
    labelled,
    shelterCapacity: cap,
  };
}

const MEDIA_ORGS = ["EFE", "AP", "Reuters", "AFP", "La Jornada", "El Heraldo", "Prensa Libre"];
const SPANISH_MEDIA = new Set(["EFE", "La Jornada", "El Heraldo", "Prensa Libre"]);

export class Reporters {
  readonly reports: RawReport[] = [];
  private next = 1;
  private lastMedia = new Map<string, RawReport>();
  private readonly random: Random;
  private readonly traits: ReporterTraits;

  constructor(random: Random, traits: ReporterTraits) {
    this.random = random;
    this.traits = traits;
  }

  /** All reports of one label on one day. */
  reportDay(d: LabelDay): void {
    if (d.families.reduce((a, f) => a + f.people, 0) < 20) return;
    const r = this.random;
    for (let k = poisson(r, this.traits.mediaRate); k > 0; k--) this.media(d);
    if (r() < this.traits.unRate) this.un(d);
    for (let k = poisson(r, this.traits.organiserRate); k > 0; k--) this.organiser(d);
    for (let k = poisson(r, this.traits.socialRate); k > 0; k--) this.social(d);
    for (const c of counted(d, this.traits, r)) this.add(d, c.report, c.nameChance);
    if (d.queued >= 50 && r() < 0.25) this.waiting(d);
  }

  /** The authorities on the caravan's people still waiting at the border (waitingReport). */
  private waiting(d: LabelDay): void {
    const base = waitingReport(d);
    if (base) this.add(d, base, 0.9);
  }

  private add(d: LabelDay, base: ReportBase, nameChance: number): RawReport {
    const named = this.traits.labelled && this.random() < nameChance * (1 - this.traits.unnamed);
    const report: RawReport = {
      ...base,
      id: `w3-${this.next++}`,
      day: d.day,
      label: named ? d.label : undefined,
      hiddenLabel: d.label,
      hiddenBody: d.body,
    };
    this.reports.push(report);
    return report;
  }

  private snap(d: LabelDay, hour: number): Snapshot {
    return snapshot(d.families, fractionAt(hour), d.routeId);
  }

  private media(d: LabelDay): void {
    const r = this.random;
    const stale = this.lastMedia.get(d.label);
    // A whole earlier story repeated (same town, same figure), 1–5 days on.
    if (stale && r() < 0.08 && d.day > stale.day && d.day - stale.day <= 5) {
      this.add(d, { ...stale, hour: 8 + Math.floor(r() * 12), notes: `${stale.notes} (nota)` }, 1);
      return;
    }
    const hour = 7 + Math.floor(r() * 16);
    const u = r();
    const part: PartWord | undefined =
      u < 0.2 ? "vanguardia" : u < 0.3 ? "grueso" : u < 0.35 ? "rezagados" : undefined;
    const s = this.snap(d, hour);
    // "The caravan reached X": a quarter of the stories name the town its first people reached.
    const where = part === undefined && r() < 0.25 ? partOf(s, "vanguardia") : partOf(s, part);
    const figure =
      stale?.best !== undefined && r() < 0.25
        ? stale.best
        : roundUpThousands(inflate(partOf(s, part).people, 0.15, 0.25, r));
    const gives = r() < 0.75;
    const bound = gives && r() < 0.3;
    const org = MEDIA_ORGS[Math.floor(r() * MEDIA_ORGS.length)];
    const spanish = SPANISH_MEDIA.has(org);
    const rep = this.add(
      d,
      {
        hour,
        town: townAt(d.routeId, where.km),
        part,
        best: gives && !bound ? figure : undefined,
        min: bound ? figure : undefined,
        sourceType: "media",
        sourceOrg: org,
        method: "media_report",
        notes: spanish ? `Nota de ${org}` : `Report by ${org}`,
        // Spanish-language outlets go in the monitoring team's sheet (with the `parte` column).
        sheet: spanish ? "es" : "en",
      },
      0.85,
    );
    if (gives) this.lastMedia.set(d.label, rep);
  }

  private organiser(d: LabelDay): void {
    this.add(d, organiserReport(d, this.random), 1);
  }

  private social(d: LabelDay): void {
    this.add(d, socialReport(d, this.random), 0.5);
  }

  private un(d: LabelDay): void {
    this.add(d, unReport(d, this.random), 0.95);
  }
}

/**
 * Authorities on the people of the caravan still waiting at the border for their papers: named
 * with the caravan's label, but they have left its march (2018: "2,200 remain on the bridge").
 * Undefined on a route without the border stop.
 */
function waitingReport(d: LabelDay): ReportBase | undefined {
  const stop = stopOf(d.routeId, BORDER_PLACE);
  if (!stop) return undefined;
  return {
    hour: 18,
    town: stop.name,
    best: Math.round(d.queued / 10) * 10,
    sourceType: "government",
    sourceOrg: "SEGOB",
    notes: "En espera de trámite migratorio en el puente fronterizo",
    sheet: "es",
  };
}

/** The organisers' count of the whole caravan, placed where its first people are. */
function organiserReport(d: LabelDay, r: Random): ReportBase {
  const hour = 9 + Math.floor(r() * 11);
  const s = snapshot(d.families, fractionAt(hour), d.routeId);
  return {
    hour,
    town: townAt(d.routeId, partOf(s, "vanguardia").km),
    best: roundUpThousands(inflate(s.total, 0.45, 0.2, r)),
    sourceType: "organiser",
    sourceOrg: "Pueblo en Marcha",
    notes: "Organisers' count of the whole caravan",
    sheet: "en",
  };
}

/** A live video from near the caravan's first people (coordinates, no figure). */
function socialReport(d: LabelDay, r: Random): ReportBase {
  const hour = 6 + Math.floor(r() * 16);
  const s = snapshot(d.families, fractionAt(hour), d.routeId);
  const at = coordsAt(d.routeId, partOf(s, "vanguardia").km, 2, r);
  return {
    hour,
    ...at,
    sourceType: "social_media",
    sourceOrg: "Facebook live",
    notes: "Live video",
    sheet: "en",
  };
}

/** The monitoring mission's estimate of the whole caravan, placed where its main body is. */
function unReport(d: LabelDay, r: Random): ReportBase {
  const hour = 10 + Math.floor(r() * 8);
  const s = snapshot(d.families, fractionAt(hour), d.routeId);
  return {
    hour,
    town: townAt(d.routeId, partOf(s, "grueso").km),
    best: Math.round(inflate(s.total, -0.05, 0.1, r) / 10) * 10,
    sourceType: "un",
    sourceOrg: "ACNUR",
    method: "key_informant",
    notes: "Estimación de la misión de monitoreo",
    sheet: "es",
  };
}
