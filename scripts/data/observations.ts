// Splits the sourced observations (data/sources/observations.csv, a copy of the reference file)
// into the embedded tables: sightings, stocks, counts and aggregates. Every observation row lands in
// exactly one table (column `obs_line` = its line number in the source file) or in EXCLUDED with a
// reason. The decisions are listed here, in code, so that a rebuild reproduces them.
import type { Row } from "./csv.ts";

export const SIGHTING_COLUMNS = [
  "observed_at",
  "place_name",
  "lat",
  "lon",
  "country",
  "caravan_label",
  "size_best",
  "size_min",
  "size_max",
  "estimate_method",
  "source_type",
  "source_org",
  "confidence",
  "notes",
  "url",
  "source_ref",
  "obs_line",
] as const;

export const STOCK_COLUMNS = [
  "date",
  "category",
  "value",
  "basis",
  "country",
  "place_name",
  "caravan_label",
  "nationality",
  "source_org",
  "source_type",
  "url",
  "confidence",
  "notes",
  "value_qualifier",
  "measure",
  "source_ref",
  "obs_line",
  "quote",
  "rs_line",
] as const;

export const COUNT_COLUMNS = [
  "date",
  "fmp_id",
  "fmp_name",
  "country",
  "lat",
  "lon",
  "direction",
  "total",
  "men",
  "women",
  "boys",
  "girls",
  "uac",
  "nationality",
  "source_org",
  "source_type",
  "confidence",
  "notes",
  "url",
  "source_ref",
  "obs_line",
] as const;

export const AGGREGATE_COLUMNS = [
  "date",
  "measure",
  "value",
  "value_min",
  "value_max",
  "basis",
  "country",
  "place_name",
  "source_org",
  "source_type",
  "confidence",
  "notes",
  "url",
  "source_ref",
  "obs_line",
  "quote",
  "rs_line",
] as const;

/** Observation rows that are in no embedded table, with the reason (line number → reason). */
export const EXCLUDED: Record<number, string> = {
  123:
    "El Barretal opening (29 Nov) with no head count: the row only gives the shelter's capacity, " +
    "which is in data/places.csv (MX-TIJ-BAR).",
  137:
    "Guatemalan asylum claims: the source says 'a smaller number' and gives no figure; a stock " +
    "needs a value.",
};

/** Short caravan labels; the original label is kept in `notes`. */
const LABELS: Record<string, string> = {
  "first Honduran caravan (left San Pedro Sula 12-13 Oct)": "Honduran caravan 1",
  "Honduran caravan 2 (the 'second caravan'; crossed Suchiate 29 Oct)": "Honduran caravan 2",
  "Salvadoran caravan 1 (Oct 28)": "Salvadoran caravan 1",
  "Salvadoran caravan 2 (Oct 31) (AP/UNHCR 'third caravan')": "Salvadoran caravan 2",
  "Salvadoran groups (Nov 5-7)": "Salvadoran groups Nov 5-7",
  "Salvadoran group (Nov 18)": "Salvadoran group Nov 18",
  "LGBT splinter group (from first caravan)": "LGBT group",
  "second + third caravans (combined, as reported)": "Caravans 2+3 combined",
  "all caravans (aggregate)": "",
};

const ISO3: Record<string, string> = { HN: "HND", GT: "GTM", SV: "SLV", MX: "MEX" };

/** Local clock times for the words sources use; the word itself goes to `notes`. */
const TIME_WORDS: Record<string, string> = {
  predawn: "04:00",
  dawn: "06:00",
  morning: "08:00",
  evening: "19:00",
  night: "22:00",
};

/** Shelter names in the observations' `stock_category` → the place name in data/places.csv. */
const SHELTERS: Record<string, string> = {
  "shelter:Benito Juárez sports complex": "Benito Juárez sports complex",
  "shelter:El Barretal": "El Barretal",
  "shelter:Estadio Jesús Martínez 'Palillo'": "Estadio Jesús Martínez 'Palillo'",
  "shelter:Mexicali (six shelters)": "Mexicali",
};

/**
 * Shelter head counts at Palillo while a caravan was resting in Mexico City are the size of that
 * group at that place (a sighting), not people who stayed; line 81 (170 who stayed after the first
 * caravan left) is a stock.
 */
const SHELTER_AS_SIGHTING = new Set([65, 70, 72, 103, 106]);

/** Border-point counts (docs/contracts.md §1.1): the few flows a source counted at one point. */
const COUNTS: Record<number, { fmpId: string; fmpName: string; direction: string; note: string }> =
  {
    49: {
      fmpId: "MX-SUCH",
      fmpName: "Suchiate bridge",
      direction: "northbound",
      note: "people who entered Mexico through the migration post on the bridge and requested refuge",
    },
    78: {
      fmpId: "MX-QRO",
      fmpName: "Querétaro",
      direction: "northbound",
      note: "Querétaro state registry of migrants who moved through the state on 9-10 Nov (two days)",
    },
    91: {
      fmpId: "MX-GDL-ABJ",
      fmpName: "Auditorio Benito Juárez shelter (Zapopan)",
      direction: "northbound",
      note: "Jalisco registry: people who left the shelter northbound on 13 Nov (6,011 registered in all)",
    },
  };

interface StockRule {
  table: "stocks" | "aggregates";
  category?: string;
  basis: "cumulative" | "present";
  country?: string;
}

/** What each observation `stock_category` becomes. */
const STOCK_RULES: Record<string, StockRule> = {
  asylum_claims_mexico: {
    table: "stocks",
    category: "asylum_claim",
    basis: "cumulative",
    country: "MEX",
  },
  returns_honduras: { table: "stocks", category: "return", basis: "cumulative", country: "HND" },
  // A subset (minors and under-21s only): as a stock row it would be read as all returns to
  // Honduras and pull that series down, so it is kept as an aggregate figure instead.
  returns_honduras_minors: { table: "aggregates", basis: "cumulative", country: "HND" },
  // Returns counted where people left from (Mexico, Tijuana, Baja California) or by one programme
  // (IOM's assisted returns) are subsets of the national series by country of return: as stock
  // rows they would be added on top of them (the same people twice), so they are aggregates.
  returns_assisted_from_mexico: { table: "aggregates", basis: "cumulative" },
  returns_IOM_AVR: { table: "aggregates", basis: "cumulative" },
  returns_from_tijuana: { table: "aggregates", basis: "cumulative" },
  returns_from_baja_california: { table: "aggregates", basis: "cumulative" },
  humanitarian_visas_issued_mexico: {
    table: "stocks",
    category: "regularized",
    basis: "cumulative",
    country: "MEX",
  },
  us_border_patrol_apprehensions: {
    table: "stocks",
    category: "onward",
    basis: "cumulative",
    country: "USA",
  },
  in_tijuana: { table: "stocks", category: "remaining", basis: "present", country: "MEX" },
  remaining_tijuana: { table: "stocks", category: "remaining", basis: "present", country: "MEX" },
  remaining_mexico_city: {
    table: "stocks",
    category: "remaining",
    basis: "present",
    country: "MEX",
  },
  arrived_tijuana_cumulative: { table: "aggregates", basis: "cumulative", country: "MEX" },
  arrived_baja_california_cumulative: { table: "aggregates", basis: "cumulative", country: "MEX" },
  transited_guatemala_cumulative: { table: "aggregates", basis: "cumulative", country: "GTM" },
  entered_mexico_cumulative: { table: "aggregates", basis: "cumulative", country: "MEX" },
  sheltered_mexico_cumulative: { table: "aggregates", basis: "cumulative", country: "MEX" },
  humanitarian_visa_applications_mexico: {
    table: "aggregates",
    basis: "cumulative",
    country: "MEX",
  },
};

/** Source type (docs/contracts.md §1.2) from the observation's `estimator`. */
export function sourceTypeOf(estimator: string): string {
  const e = estimator.trim();
  if (/^(media|Salvadoran media|Salvadoran press|Guatemalan reports)\b/i.test(e)) return "media";
  if (/^organi[sz]ers?\b/i.test(e)) return "organiser";
  if (/^(NGO|ACAPS|IFRC)\b/.test(e)) return "ngo";
  if (/^(UN|UNHCR|UNICEF|IOM)\b/.test(e)) return "un";
  return "government";
}

function estimateMethodOf(estimator: string, sourceType: string): string {
  // Only the estimator says how a figure was made; notes often mention other registries.
  if (/regist|census/i.test(estimator)) return "registration";
  return sourceType === "media" ? "media_report" : "";
}

/** The first web address in a `source` cell (several are separated by ` ; `). */
export function firstUrl(source: string): string {
  return /https?:\/\/[^\s;]+/.exec(source)?.[0] ?? "";
}

function observedAt(date: string, time: string): { at: string; note: string } {
  const t = time.trim();
  if (t === "") return { at: date, note: "" };
  if (/^\d{1,2}:\d{2}$/.test(t)) return { at: `${date}T${t.padStart(5, "0")}`, note: "" };
  const clock = TIME_WORDS[t];
  if (clock === undefined) throw new Error(`unknown time word "${t}"`);
  return { at: `${date}T${clock}`, note: `time given as "${t}" (${clock} local assumed)` };
}

function joinNotes(...parts: string[]): string {
  return parts.filter((p) => p.trim() !== "").join("; ");
}

export interface PlaceCoords {
  /** Resolves a place name to its coordinates (from data/places.csv), or undefined. */
  (name: string): { lat: string; lon: string; country: string } | undefined;
}

export interface SplitResult {
  sightings: Row[];
  stocks: Row[];
  counts: Row[];
  aggregates: Row[];
  excluded: { line: number; reason: string }[];
}

/** One observation row's fields as the tables read them (splitObservations). */
interface ObservationRow {
  line: number;
  get: (k: string) => string;
  group: string;
  label: string;
  estimator: string;
  sourceType: string;
  country: string;
  placeText: string;
  hasCoords: boolean;
  kind: string;
  stockCategory: string;
  low: string;
  central: string;
  high: string;
  at: string;
  timeNote: string;
  groupNote: string;
  /** The source columns every table carries. */
  common: Row;
}

/** Reads row `r` on line `line` (its group must be known). */
function readRow(r: Row, line: number): ObservationRow {
  const get = (k: string): string => (r[k] ?? "").trim();
  const group = get("group");
  const label = LABELS[group];
  if (label === undefined) throw new Error(`line ${line}: unknown group "${group}"`);
  const estimator = get("estimator");
  const sourceType = sourceTypeOf(estimator);
  const source = get("source");
  const url = firstUrl(source);
  const sourceRef = source === url ? "" : source;
  const { at, note: timeNote } = observedAt(get("date"), get("time"));
  return {
    line,
    get,
    group,
    label,
    estimator,
    sourceType,
    country: ISO3[get("country")] ?? "",
    placeText: get("place"),
    hasCoords: get("lat") !== "",
    kind: get("kind"),
    stockCategory: get("stock_category"),
    low: get("size_low"),
    central: get("size_central"),
    high: get("size_high"),
    at,
    timeNote,
    groupNote: group === "" ? "" : `group in source: ${group}`,
    common: {
      source_org: estimator,
      source_type: sourceType,
      confidence: get("confidence"),
      url,
      source_ref: sourceRef,
      obs_line: String(line),
    },
  };
}

/** A border-point count (COUNTS) as a row of the counts table. */
function countRow(o: ObservationRow, count: (typeof COUNTS)[number], resolve: PlaceCoords): Row {
  const c = resolve(count.fmpName);
  if (c === undefined)
    throw new Error(`line ${o.line}: count point ${count.fmpName} not in places`);
  return {
    date: o.get("date"),
    fmp_id: count.fmpId,
    fmp_name: count.fmpName,
    country: c.country,
    lat: c.lat,
    lon: c.lon,
    direction: count.direction,
    total: o.central || o.low,
    ...o.common,
    notes: joinNotes(count.note, o.groupNote, `place in source: ${o.placeText}`, o.get("notes")),
  };
}

/** A position or size report (or a shelter count read as one) as a row of the sightings table. */
function sightingRow(o: ObservationRow, resolve: PlaceCoords): Row {
  const { placeText, stockCategory } = o;
  const placeName = SHELTERS[stockCategory] ?? (o.hasCoords || resolve(placeText) ? placeText : "");
  const c = placeName === "" ? undefined : resolve(placeName);
  if (placeName !== "" && c === undefined) {
    throw new Error(`line ${o.line}: place "${placeName}" not in data/places.csv`);
  }
  return {
    observed_at: o.at,
    place_name: placeName,
    lat: c?.lat ?? "",
    lon: c?.lon ?? "",
    country: c?.country ?? o.country,
    caravan_label: o.label,
    size_best: o.central,
    size_min: o.low,
    size_max: o.high,
    estimate_method: estimateMethodOf(o.estimator, o.sourceType),
    ...o.common,
    notes: joinNotes(
      placeName === "" ? `size only, no place: ${placeText}` : "",
      placeName !== placeText ? `place in source: ${placeText}` : "",
      stockCategory !== "" ? `shelter count (${stockCategory})` : "",
      o.timeNote,
      o.groupNote,
      o.get("notes"),
    ),
  };
}

/** An all-caravans size or position as a row of the aggregates table. */
function aggregateRow(o: ObservationRow): Row {
  const { placeText, hasCoords } = o;
  return {
    date: o.get("date"),
    measure:
      o.kind === "size"
        ? `size_${placeText.includes("Mexico") ? "in_mexico" : "region"}`
        : "group_at_border_fence",
    value: o.central,
    value_min: o.low,
    value_max: o.high,
    basis: "present",
    country: o.country,
    place_name: hasCoords ? placeText : "",
    ...o.common,
    notes: joinNotes(hasCoords ? "" : `place in source: ${placeText}`, o.timeNote, o.get("notes")),
  };
}

/** A stock figure into the stocks table, or the aggregates table when its rule says so. */
function pushStock(o: ObservationRow, out: SplitResult): void {
  const { line, placeText, stockCategory, central, low, high } = o;
  if (o.kind !== "stock") throw new Error(`line ${line}: unhandled kind "${o.kind}"`);
  const shelter = SHELTERS[stockCategory];
  const rule: StockRule | undefined =
    shelter !== undefined
      ? { table: "stocks", category: "remaining", basis: "present", country: "MEX" }
      : STOCK_RULES[stockCategory];
  if (rule === undefined) throw new Error(`line ${line}: no rule for "${stockCategory}"`);
  const placeName = shelter ?? (o.hasCoords ? placeText : "");
  if (rule.table === "aggregates") {
    out.aggregates.push({
      date: o.get("date"),
      measure: stockCategory,
      value: central,
      value_min: low,
      value_max: high,
      basis: rule.basis,
      country: rule.country ?? o.country,
      place_name: placeName,
      ...o.common,
      notes: joinNotes(placeName === "" ? `place in source: ${placeText}` : "", o.get("notes")),
    });
    return;
  }
  const value = central || low || high;
  if (value === "") throw new Error(`line ${line}: stock without value`);
  const qualifier = central !== "" ? "" : low !== "" ? "at_least" : "up_to";
  out.stocks.push({
    date: o.get("date"),
    category: rule.category ?? "",
    value,
    basis: rule.basis,
    country: rule.country ?? "",
    place_name: placeName,
    caravan_label: o.label,
    nationality: "",
    ...o.common,
    notes: joinNotes(
      placeName !== placeText ? `place in source: ${placeText}` : "",
      o.timeNote,
      o.groupNote,
      o.get("notes"),
    ),
    value_qualifier: qualifier,
    measure: stockCategory,
  });
}

/**
 * Splits observation rows into the embedded tables.
 * @param rows parsed data/sources/observations.csv (row i is on line i + 2)
 * @param resolve place name → coordinates from the gazetteer
 */
export function splitObservations(rows: readonly Row[], resolve: PlaceCoords): SplitResult {
  const out: SplitResult = { sightings: [], stocks: [], counts: [], aggregates: [], excluded: [] };
  rows.forEach((r, i) => {
    const line = i + 2;
    if (EXCLUDED[line] !== undefined) {
      out.excluded.push({ line, reason: EXCLUDED[line] });
      return;
    }
    const o = readRow(r, line);
    const count = COUNTS[line];
    if (count !== undefined) {
      out.counts.push(countRow(o, count, resolve));
      return;
    }
    const isAggregate = o.group === "all caravans (aggregate)";
    const toSighting =
      (o.kind === "position" || o.kind === "size" || SHELTER_AS_SIGHTING.has(line)) && !isAggregate;
    if (toSighting) out.sightings.push(sightingRow(o, resolve));
    else if (isAggregate && (o.kind === "size" || o.kind === "position"))
      out.aggregates.push(aggregateRow(o));
    else pushStock(o, out);
  });
  return out;
}
