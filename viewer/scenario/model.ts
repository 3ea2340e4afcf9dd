/**
 * The scenario panel's pure parts (no DOM): reading form text into scenario.json values, placing
 * validation errors at the form field their JSON pointer names, and the rows behind the needs
 * table and the CSV download. Tested in node (tests/viewer/scenario.test.ts).
 */
import { scenarioKeyPlaces, scenarioPeakNeeds } from "../../src/index.ts";
import type {
  NumberOrRange,
  PlaceResult,
  PlanningFigures,
  ScenarioError,
  ScenarioInput,
  ScenarioResult,
} from "../../src/index.ts";

/**
 * Reads a form field holding a number or a range. Blank → undefined (the field is left out of
 * scenario.json, so its default applies); `"5000"` → 5000; `"4000–7000"` (en dash, hyphen,
 * "to" or "a") → `{ min: 4000, max: 7000 }`; anything else is kept as text so that the validator
 * reports it at the field (never silently 0).
 * @example parseNumberOrRange("4 000 – 7 000") // => { min: 4000, max: 7000 }
 */
export function parseNumberOrRange(text: string): NumberOrRange | string | undefined {
  const t = text.replace(/[\s\u00a0\u202f]+/g, " ").trim();
  if (t === "") return undefined;
  const num = (s: string) => Number(s.replace(/ /g, "").replace(/,(?=\d{3}\b)/g, ""));
  const single = num(t);
  if (/^-?[\d ,]*\.?\d+$/.test(t) && Number.isFinite(single)) return single;
  const m = /^(-?[\d ,]*\.?\d+) ?(?:–|—|-|to|a) ?(-?[\d ,]*\.?\d+)$/i.exec(t);
  if (m) {
    const min = num(m[1]!);
    const max = num(m[2]!);
    if (Number.isFinite(min) && Number.isFinite(max)) return { min, max };
  }
  return t;
}

/** Reads a plain number field: blank → undefined; not a number → the text (reported by the validator). */
export function parseNumber(text: string): number | string | undefined {
  const v = parseNumberOrRange(text);
  return typeof v === "object" ? text.trim() : v;
}

/** The text a number-or-range field shows for a value (blank for undefined). */
export function formatNumberOrRange(v: unknown): string {
  if (v === undefined || v === null) return "";
  if (typeof v === "number" || typeof v === "string") return String(v);
  if (typeof v === "object" && "min" in v && "max" in v)
    return `${String((v as { min: unknown }).min)}–${String((v as { max: unknown }).max)}`;
  return JSON.stringify(v);
}

const segments = (pointer: string) => (pointer === "" ? [] : pointer.split("/").slice(1));

/**
 * The form field an error belongs to: the field whose JSON pointer is the longest prefix of the
 * error's (`/waves/0/people/min` → the `/waves/0/people` field); when the error names a whole
 * object the fields sit in (`/waves/0/composition`), its first field. Undefined when no field
 * matches (the error is then shown above the form).
 * @example fieldForError("/waves/0/date/to", ["/waves/0/date", "/waves/0/date/to"]) // => "/waves/0/date/to"
 */
export function fieldForError(pointer: string, fields: readonly string[]): string | undefined {
  const err = segments(pointer);
  let best: string | undefined;
  let bestLength = -1;
  for (const field of fields) {
    const f = segments(field);
    if (f.length > err.length || f.length <= bestLength) continue;
    if (f.every((s, i) => s === err[i])) {
      best = field;
      bestLength = f.length;
    }
  }
  if (best !== undefined && bestLength > 0) return best;
  if (err.length === 0) return undefined;
  return fields.find((field) => {
    const f = segments(field);
    return f.length > err.length && err.every((s, i) => s === f[i]);
  });
}

/** Groups errors by the field they belong to; errors with no field go under "". */
export function errorsByField(
  errors: readonly ScenarioError[],
  fields: readonly string[],
): Map<string, ScenarioError[]> {
  const out = new Map<string, ScenarioError[]>();
  for (const e of errors) {
    const key = fieldForError(e.pointer, fields) ?? "";
    out.set(key, [...(out.get(key) ?? []), e]);
  }
  return out;
}

/**
 * A copy of a scenario without the empty objects and arrays a form leaves behind (`movement: {}`,
 * `planning: {}`, `attrition: []`), so that a field the planner did not fill keeps its default.
 */
export function pruneInput(input: ScenarioInput): ScenarioInput {
  const prune = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(prune);
    if (v && typeof v === "object") {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) {
        if (x === undefined) continue;
        const p = prune(x);
        if (p && typeof p === "object" && !Array.isArray(p) && Object.keys(p).length === 0)
          continue;
        out[k] = p;
      }
      return out;
    }
    return v;
  };
  const out = prune(input) as Record<string, unknown>;
  for (const k of ["attrition", "shelters"]) {
    if (Array.isArray(out[k]) && (out[k] as unknown[]).length === 0) delete out[k];
  }
  const movement = out.movement as Record<string, unknown> | undefined;
  if (movement && Array.isArray(movement.stops) && movement.stops.length === 0) {
    delete movement.stops;
    if (Object.keys(movement).length === 0) delete out.movement;
  }
  return out as unknown as ScenarioInput;
}

/** One row of the needs table: a place reached in some run, with its peak needs. */
export interface NeedsRow {
  placeId: string;
  name: string;
  /** The place's Spanish name when the gazetteer has one. */
  nameEs?: string;
  capacity?: number;
  firstArrival: PlaceResult["firstArrival"];
  peak: PlaceResult["peakPeople"];
  /** The peak's date; its `probability` is the share of runs with anyone present (peakNote.ts). */
  peakDate: PlaceResult["peakDate"];
  /** Share of runs over capacity on some day (undefined without a capacity). */
  overCapacity?: number;
  /**
   * Needs for the p90 of the peak of people present (`peak.p90`), as `dtm-flow scenario` prints
   * them and writes them to scenario-summary.csv: the library's one definition
   * (`scenarioPeakNeeds`, initial latrine ratio) at the CSV's precision (`NEEDS_DECIMALS`); the
   * table shows them as the CLI prints them, rounded up by `shownNeed` (0.1 m³, whole m²).
   */
  waterM3PerDay: number;
  latrines: number;
  coveredM2: number;
  hygieneKitsPerMonth: number;
}

/**
 * The needs table: every place some run reaches within the horizon, in route order, with its
 * needs at the p90 peak of people present ("be ready for"), from `scenarioPeakNeeds`.
 */
export function needsRows(result: ScenarioResult): NeedsRow[] {
  return result.places
    .filter((p) => p.firstArrival.probability > 0)
    .map((p) => {
      const needs = scenarioPeakNeeds(p, result);
      return {
        placeId: p.placeId,
        name: p.name,
        ...(p.nameEs ? { nameEs: p.nameEs } : {}),
        capacity: p.capacity,
        firstArrival: p.firstArrival,
        peak: p.peakPeople,
        peakDate: p.peakDate,
        overCapacity: p.capacity === undefined ? undefined : p.overCapacityAnyDayProbability,
        // As the library rounds them (NEEDS_DECIMALS), the figures of scenario-summary.csv.
        waterM3PerDay: needs.waterM3PerDay[0]!,
        latrines: needs.latrines[0]!,
        coveredM2: needs.coveredM2[0]!,
        hygieneKitsPerMonth: needs.hygieneKitsPerMonth[0]!,
      };
    });
}

/** The places worth a fan chart: people are present there at the p90 on some day. */
export function fanPlaces(result: ScenarioResult): PlaceResult[] {
  return result.places.filter((p) => p.peakPeople.p90 >= 1);
}

/**
 * The places whose fan charts come first: the places `dtm-flow scenario` prints (the library's
 * `scenarioKeyPlaces`: every wave's origin and destination, stops, shelters with a capacity,
 * places with asylum claims) where people are present, and the `top` places with the highest p90
 * peak of people present; in route order. The others are folded away (a 2018-corridor scenario
 * reaches some fifty places).
 */
export function keyPlaces(result: ScenarioResult, top = 6): Set<string> {
  const fans = fanPlaces(result);
  const printed = new Set(scenarioKeyPlaces(result).map((p) => p.placeId));
  const highest = [...fans]
    .sort((a, b) => b.peakPeople.p90 - a.peakPeople.p90)
    .slice(0, top)
    .map((p) => p.name);
  return new Set([...fans.filter((p) => printed.has(p.placeId)).map((p) => p.name), ...highest]);
}

/** Planning figure keys in the order they are printed. */
export const PLANNING_KEYS: readonly (keyof PlanningFigures)[] = [
  "waterLitresPerPersonPerDay",
  "peoplePerLatrineInitial",
  "peoplePerLatrineLater",
  "latrineLaterAfterDays",
  "coveredM2PerPerson",
  "hygieneKitsPerPersonPerMonth",
];

/** A file name from a scenario name: lower case ASCII words joined by hyphens (max 60 chars). */
export function slug(name: string): string {
  const s = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return s || "scenario";
}
