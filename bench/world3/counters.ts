/**
 * The sources of world3 that count rather than estimate: authorities at checkpoints (an exact
 * count, but only of the people who passed the post that day) and NGO shelters (the night's
 * occupants, capped by the shelter's capacity: people beyond it sleep outside, uncounted).
 */
import type { Random } from "../../src/index.ts";
import { CHECKPOINTS, SHELTER_TOWNS, fromMainKm, stopOf } from "./geography.ts";
import type { LabelDay, ReporterTraits } from "./reporters.ts";
import type { RawReport } from "./sources.ts";

/** A report before its id, day and labels are set. */
export type ReportBase = Omit<RawReport, "id" | "day" | "hiddenLabel" | "hiddenBody" | "label">;

/** The day's counts of one label, each with the chance that it names the label. */
export function counted(
  d: LabelDay,
  traits: ReporterTraits,
  random: Random,
): { report: ReportBase; nameChance: number }[] {
  return [...checkpoints(d), ...shelters(d, traits, random)];
}

function checkpoints(d: LabelDay): { report: ReportBase; nameChance: number }[] {
  const out: { report: ReportBase; nameChance: number }[] = [];
  for (const id of CHECKPOINTS) {
    const stop = stopOf(d.routeId, id);
    if (!stop) continue;
    let passed = 0;
    for (const f of d.families) {
      const a = fromMainKm(d.routeId, f.prevKm);
      const b = fromMainKm(d.routeId, f.km);
      if (a < stop.km && b >= stop.km) passed += f.people;
    }
    if (passed < 10) continue;
    out.push({
      report: {
        hour: 20,
        town: stop.name,
        best: passed,
        sourceType: "government",
        sourceOrg: "INM",
        method: "registration",
        notes: "Personas registradas hoy en el punto de control",
        sheet: "es",
      },
      nameChance: 0.8,
    });
  }
  return out;
}

function shelters(
  d: LabelDay,
  traits: ReporterTraits,
  random: Random,
): { report: ReportBase; nameChance: number }[] {
  const out: { report: ReportBase; nameChance: number }[] = [];
  for (const id of SHELTER_TOWNS) {
    const stop = stopOf(d.routeId, id);
    if (!stop) continue;
    let there = 0;
    for (const f of d.families) {
      if (Math.abs(fromMainKm(d.routeId, f.km) - stop.km) < 10) there += f.people;
    }
    if (there < 50) continue;
    const cap = traits.shelterCapacity.get(id) ?? 2000;
    out.push({
      report: {
        hour: 21,
        town: stop.name,
        best: Math.round(Math.min(cap, there) * (0.97 + 0.03 * random())),
        sourceType: "ngo",
        sourceOrg: "Casa del Migrante",
        method: "headcount",
        notes: "Ocupación del albergue esta noche",
        sheet: "es",
      },
      nameChance: 0.7,
    });
  }
  return out;
}
