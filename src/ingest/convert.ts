/**
 * Row → record conversion and the row checks of each table kind (docs/contracts.md §1). Each converter
 * returns the record, or the reasons the row is rejected, plus warnings. Nothing here throws on
 * bad data.
 */
import type { CountRecord, Direction } from "../model/count.ts";
import type { Place } from "../model/place.ts";
import type { Sighting } from "../model/sighting.ts";
import type { StockFigure } from "../model/stock.ts";
import type { Gazetteer } from "../geo/gazetteer.ts";
import type { TableKind } from "./fields.ts";
import { dayNumber } from "../calendar/index.ts";
import { formatParsedDate, parseDate } from "./dates.ts";
import type { DateOrder, ParsedDate } from "./dates.ts";
import type { DateWindow } from "./date-window.ts";
import {
  parseConfidence,
  parseCountry,
  parseDirection,
  parseEstimateMethod,
  parsePlaceKind,
  parseSourceType,
  parseStockBasis,
  parseStockCategory,
} from "./enums.ts";
import { normalizeKey } from "./normalize.ts";
import { isUnknown, parseDecimal, parseGeopoint, parseQuantity } from "./values.ts";

/** Bounding box of the region the toolkit covers (Central America to the US border), degrees. */
export interface Region {
  west: number;
  south: number;
  east: number;
  north: number;
}

/** From Panama to the northern US border states, the Pacific to the Caribbean; wide on purpose. */
export const DEFAULT_REGION: Region = { west: -125, south: 5, east: -75, north: 37 };

/** One problem with a cell or row. */
export interface Issue {
  column?: string;
  value?: string;
  code: string;
  message: string;
  suggestions?: string[];
}

export interface Converted<T> {
  record?: T;
  rejections: Issue[];
  warnings: Issue[];
}

/** Everything the converters need to know about the file. */
export interface ConvertContext {
  kind: TableKind;
  /** field → column index */
  fieldIndex: Map<string, number>;
  /** column index → header, for messages and extras */
  columnNames: string[];
  /** columns kept as extra attributes */
  extraIndexes: number[];
  dateOrder: DateOrder;
  /** The dates this file may hold (see date-window.ts); undefined = no check. */
  window?: DateWindow;
  gazetteer?: Gazetteer;
  incomingIs?: Direction;
  region: Region;
  fileName?: string;
  line: number;
  sheet?: string;
  /** The row reader reused for every row of this file (see `RowReader.for`). */
  reader?: unknown;
  /** `fieldIndex` as a plain object, for fast lookups on every row. */
  idx: Record<string, number | undefined>;
}

const CACHE_LIMIT = 50_000;

/**
 * Most people one row may state (a count, a group size, a stock figure): 10 million, more than
 * the population of Honduras and a thousand times the largest 2018 caravan, so a larger figure is
 * a stray digit. It also keeps sums exact: 900 million rows at the limit stay below 2^53.
 */
export const MAX_PEOPLE_PER_ROW = 10_000_000;

/**
 * Remembers the parse of a cell text (bounded): count sheets repeat the same dates, places and
 * codes on every row, and parsing them once per file is most of the speed of the import. The
 * memo maps live on the row reader, one per file; lookups are written out at each use rather
 * than through a callback, so no closure is made per cell.
 */
function remember<T>(memo: Map<string, T>, text: string, value: T): T {
  if (memo.size < CACHE_LIMIT) memo.set(text, value);
  return value;
}

/** A parsed date cell and its day number. */
interface DateMemo {
  parsed: ReturnType<typeof parseDate>;
  day: number;
}

/** Shared empty result of `coordinates()` (never mutated): most rows have no coordinates. */
const NO_COORDINATES: { lat?: number; lon?: number } = Object.freeze({});

/** Reads cells by field name. */
class RowReader {
  readonly issues: Converted<unknown>;
  readonly ctx: ConvertContext;
  cells: readonly string[];
  /** The result object handed back for accepted rows (reused, like the reader). */
  readonly accepted: Converted<unknown> = { rejections: [], warnings: [] };
  // Memoised parses of this file's cell texts (see `remember`); null = not recognised.
  readonly dates = new Map<string, DateMemo>();
  readonly countries = new Map<string, string | null>();
  readonly directions = new Map<string, Direction | "relative" | null>();
  /** Resolved place names, per country the row gives (undefined: none). */
  readonly places = new Map<string | undefined, Map<string, Place | null>>();
  readonly suggestions = new Map<string, string[]>();
  /** The country of the last place lookup and its memo (see `place`). */
  private placeCountry: string | undefined;
  private placeMemo: Map<string, Place | null> | undefined;
  /**
   * Columns of fields read on every row, looked up once per file: a lookup by a field name
   * that varies from call to call is a slow (megamorphic) property access.
   */
  readonly col: {
    fmpId: number | undefined;
    sourceOrg: number | undefined;
    url: number | undefined;
    notes: number | undefined;
    date: number | undefined;
    fmpName: number | undefined;
    country: number | undefined;
    nationality: number | undefined;
    direction: number | undefined;
    total: number | undefined;
    men: number | undefined;
    women: number | undefined;
    boys: number | undefined;
    girls: number | undefined;
    uac: number | undefined;
  };
  /** The file has a lat, lon or geopoint column. */
  readonly anyCoordinates: boolean;
  constructor(cells: readonly string[], ctx: ConvertContext) {
    this.cells = cells;
    this.ctx = ctx;
    this.issues = { rejections: [], warnings: [] };
    const idx = ctx.idx;
    this.col = {
      fmpId: idx["fmp_id"],
      sourceOrg: idx["source_org"],
      url: idx["url"],
      notes: idx["notes"],
      date: idx["date"],
      fmpName: idx["fmp_name"],
      country: idx["country"],
      nationality: idx["nationality"],
      direction: idx["direction"],
      total: idx["total"],
      men: idx["men"],
      women: idx["women"],
      boys: idx["boys"],
      girls: idx["girls"],
      uac: idx["uac"],
    };
    this.anyCoordinates =
      idx["lat"] !== undefined || idx["lon"] !== undefined || idx["geopoint"] !== undefined;
  }

  /**
   * The reader of this context, reset for a new row. One reader (and its issue lists) serves every
   * row of a file: the importer copies what it needs from a result before converting the next
   * row, so nothing is allocated per row here.
   */
  static for(cells: readonly string[], ctx: ConvertContext): RowReader {
    let r = ctx.reader as RowReader | undefined;
    if (!r) {
      r = new RowReader(cells, ctx);
      ctx.reader = r;
      return r;
    }
    r.cells = cells;
    // Setting an array's length is a runtime call even when it is already 0: skip it then.
    const issues = r.issues;
    if (issues.rejections.length) issues.rejections.length = 0;
    if (issues.warnings.length) issues.warnings.length = 0;
    if (issues.record !== undefined) delete issues.record;
    return r;
  }

  /** The (reused) result of an accepted row. */
  accept<T>(record: T): Converted<T> {
    const out = this.accepted as Converted<T>;
    out.record = record;
    out.warnings = this.issues.warnings as Issue[];
    return out;
  }
  column(field: string): string {
    const i = this.ctx.fieldIndex.get(field);
    return i === undefined ? field : this.ctx.columnNames[i]!;
  }
  /** The trimmed cell, or undefined when blank or a "not known" sentinel. */
  text(field: string): string | undefined {
    return this.textAt(this.ctx.idx[field]);
  }
  /** `text` of the cell in column `i` (undefined: no such column). */
  textAt(i: number | undefined): string | undefined {
    if (i === undefined) return undefined;
    const v = this.cells[i];
    if (v === undefined || v.length === 0) return undefined;
    // Most cells have no surrounding spaces: skip trim() and its copy then.
    const t = v.charCodeAt(0) > 32 && v.charCodeAt(v.length - 1) > 32 ? v : v.trim();
    if (t === "") return undefined;
    // Sentinels never start with a digit: skip the check for the common numeric cells.
    const c = t.charCodeAt(0);
    if (c >= 48 && c <= 57) return t;
    return isUnknown(t) ? undefined : t;
  }
  raw(field: string): string | undefined {
    const i = this.ctx.fieldIndex.get(field);
    return i === undefined ? undefined : this.cells[i]?.trim();
  }
  reject(
    field: string | undefined,
    code: string,
    message: string,
    value?: string,
    suggestions?: string[],
  ): void {
    this.issues.rejections.push({
      ...(field ? { column: this.column(field) } : {}),
      ...(value !== undefined ? { value } : {}),
      code,
      message,
      ...(suggestions ? { suggestions } : {}),
    });
  }
  /**
   * A required value from a closed list (stock category, basis…): `undefined` and a rejection
   * when the cell is blank (`missing_value`, "<column> is blank; <whenBlank>.") or not in the list
   * (`code`, "<column> "<text>" is not <expected>.").
   */
  choice<T>(
    field: string,
    parse: (text: string) => T | undefined,
    code: string,
    expected: string,
    whenBlank: string,
  ): T | undefined {
    const text = this.text(field);
    if (text === undefined) {
      this.reject(field, "missing_value", `${this.column(field)} is blank; ${whenBlank}.`, "");
      return undefined;
    }
    const value = parse(text);
    if (value === undefined) {
      this.reject(field, code, `${this.column(field)} "${text}" is not ${expected}.`, text);
    }
    return value;
  }
  warn(field: string | undefined, code: string, message: string): void {
    this.issues.warnings.push({ ...(field ? { column: this.column(field) } : {}), code, message });
  }
  extra(): Record<string, string> | undefined {
    let out: Record<string, string> | undefined;
    for (const i of this.ctx.extraIndexes) {
      const v = this.cells[i]?.trim();
      if (v) (out ??= {})[this.ctx.columnNames[i]!] = v;
    }
    return out;
  }
  keepRaw(
    extra: Record<string, string> | undefined,
    field: string,
    value: string,
  ): Record<string, string> {
    const out = extra ?? {};
    out[this.column(field)] = value;
    return out;
  }

  /** A required or optional date; returns the parsed date, rejecting when invalid. */
  date(
    field: string,
    required: boolean,
    i: number | undefined = this.ctx.idx[field],
  ): ParsedDate | undefined {
    const t = this.textAt(i);
    if (t === undefined) {
      if (required)
        this.reject(
          field,
          "missing_value",
          `${this.column(field)} is blank; a date is required.`,
          this.raw(field) ?? "",
        );
      return undefined;
    }
    let memo = this.dates.get(t);
    if (memo === undefined) {
      const p = parseDate(t, this.ctx.dateOrder);
      memo = remember(this.dates, t, { parsed: p, day: p.ok ? dayNumber(p.value.date)! : 0 });
    }
    const { parsed, day } = memo;
    if (!parsed.ok) {
      const why =
        parsed.reason === "imprecise"
          ? "a day is needed, not only a month or year"
          : "expected e.g. 2018-10-13, 13/10/2018 or 13 de octubre de 2018";
      this.reject(
        field,
        parsed.reason === "imprecise" ? "date_imprecise" : "invalid_date",
        `${this.column(field)} "${t}" is not a usable date: ${why}.`,
        t,
      );
      return undefined;
    }
    const problem = this.ctx.window?.check(day, parsed.value.date, this.column(field));
    if (problem) {
      this.reject(field, problem.code, problem.message, t);
      return undefined;
    }
    return parsed.value;
  }

  /** A count of people: integer ≥ 0, or undefined when blank. Ranges and bounds are rejected. */
  count(field: string, i: number | undefined = this.ctx.idx[field]): number | undefined {
    const t = this.textAt(i);
    if (t === undefined) return undefined;
    // Plain digits (most cells), read in place: the same value as isPlainInt + Number.
    const n = t.length;
    if (n <= 15) {
      let v = 0;
      let i = 0;
      for (; i < n; i++) {
        const d = t.charCodeAt(i) - 48;
        if (d < 0 || d > 9) break;
        v = v * 10 + d;
      }
      if (i === n && v <= MAX_PEOPLE_PER_ROW) return v;
    }
    const q = parseQuantity(t);
    if (q.kind === "unknown") return undefined;
    if (q.kind === "number") {
      if (q.value < 0) {
        this.reject(
          field,
          "negative_count",
          `${this.column(field)} is negative (${t}); counts are people, 0 or more.`,
          t,
        );
        return undefined;
      }
      if (!this.withinPeopleLimit(field, t, q.value)) return undefined;
      if (!Number.isInteger(q.value)) {
        this.reject(
          field,
          "not_integer",
          `${this.column(field)} "${t}" is not a whole number of people.`,
          t,
        );
        return undefined;
      }
      if (q.approx)
        this.warn(
          field,
          "approximate",
          `${this.column(field)} "${t}" is approximate; read as ${q.value}.`,
        );
      return q.value;
    }
    if (q.kind === "invalid") {
      this.reject(field, "invalid_number", `${this.column(field)} "${t}" is not a number.`, t);
      return undefined;
    }
    this.reject(
      field,
      "not_a_count",
      `${this.column(field)} "${t}" is a range or bound; a count needs one number (sizes with ranges belong in a sightings file).`,
      t,
    );
    return undefined;
  }

  /**
   * False (and the row rejected) when a number of people is beyond what one row may state: above
   * 2^53 it cannot even be stored exactly (`9007199254740993` would become …992), above
   * MAX_PEOPLE_PER_ROW it is a stray digit.
   */
  withinPeopleLimit(field: string, t: string, value: number): boolean {
    if (Math.abs(value) <= MAX_PEOPLE_PER_ROW) return true;
    if (!Number.isSafeInteger(value) && Number.isFinite(value) && Math.abs(value) >= 2 ** 53) {
      this.reject(
        field,
        "number_too_large",
        `${this.column(field)} "${t}" is beyond 2^53 (9,007,199,254,740,992), too large to be stored exactly, and far above ${MAX_PEOPLE_PER_ROW.toLocaleString("en-US")} people, the most one row may state; check the cell.`,
        t,
      );
    } else {
      this.reject(
        field,
        "too_many_people",
        `${this.column(field)} "${t}" is above ${MAX_PEOPLE_PER_ROW.toLocaleString("en-US")} people, the most one row may state; check the cell.`,
        t,
      );
    }
    return false;
  }

  decimal(field: string): number | undefined {
    const t = this.text(field);
    if (t === undefined) return undefined;
    const v = parseDecimal(t);
    if (v === undefined)
      this.reject(
        field,
        "invalid_number",
        `${this.column(field)} "${t}" is not a decimal number.`,
        t,
      );
    return v;
  }

  /** lat/lon from split columns or a Kobo geopoint, with range and region checks. */
  coordinates(): { lat?: number; lon?: number } {
    if (!this.anyCoordinates) return NO_COORDINATES;
    let lat = this.decimal("lat");
    let lon = this.decimal("lon");
    if (lat === undefined && lon === undefined) {
      const gp = this.text("geopoint");
      if (gp !== undefined) {
        const p = parseGeopoint(gp);
        if (!p)
          this.reject(
            "geopoint",
            "invalid_geopoint",
            `${this.column("geopoint")} "${gp}" is not "lat lon [alt precision]".`,
            gp,
          );
        else ({ lat, lon } = p);
      }
    }
    if ((lat === undefined) !== (lon === undefined)) {
      this.reject(
        lat === undefined ? "lat" : "lon",
        "half_coordinate",
        "only one of latitude and longitude is given.",
      );
      return NO_COORDINATES;
    }
    if (lat === undefined || lon === undefined) return NO_COORDINATES;
    const r = this.ctx.region;
    const inside = (y: number, x: number) =>
      y >= r.south && y <= r.north && x >= r.west && x <= r.east;
    if (!inside(lat, lon) && inside(lon, lat)) {
      this.warn(
        "lat",
        "coordinates_swapped",
        `latitude ${lat} and longitude ${lon} look swapped; read as ${lon}, ${lat}.`,
      );
      return { lat: lon, lon: lat };
    }
    if (Math.abs(lat) > 90 || Math.abs(lon) > 180) {
      this.reject(
        "lat",
        "invalid_coordinate",
        `coordinates ${lat}, ${lon} are not valid degrees.`,
        `${lat}, ${lon}`,
      );
      return NO_COORDINATES;
    }
    if (!inside(lat, lon)) {
      if (inside(lat, -lon))
        this.warn(
          "lon",
          "outside_region",
          `longitude ${lon} is outside the region; a missing minus sign?`,
        );
      else
        this.warn(
          "lat",
          "outside_region",
          `coordinates ${lat}, ${lon} are outside the region covered (Central America to the US border).`,
        );
    }
    return { lat, lon };
  }

  /** The extra attributes after the last `countryCode` call. */
  extraOut: Record<string, string> | undefined;

  /**
   * A country or nationality code, or undefined; an unrecognised name is warned about and kept as
   * written, and the extra attributes (possibly new) are left in `extraOut`. No result object:
   * this runs on every row.
   */
  countryCode(
    field: string,
    extra: Record<string, string> | undefined,
    i: number | undefined = this.ctx.idx[field],
  ): string | undefined {
    this.extraOut = extra;
    const t = this.textAt(i);
    if (t === undefined) return undefined;
    let iso = this.countries.get(t);
    if (iso === undefined) iso = remember(this.countries, t, parseCountry(t) ?? null);
    if (iso) return iso;
    this.warn(
      field,
      "unknown_country",
      `${this.column(field)} "${t}" is not a country code or name known; kept as written in the extra attributes.`,
    );
    this.extraOut = this.keepRaw(extra, field, t);
    return undefined;
  }

  country(
    field: string,
    extra: Record<string, string> | undefined,
  ): { value?: string; extra?: Record<string, string> } {
    const value = this.countryCode(field, extra);
    const out = this.extraOut;
    if (value !== undefined) return out ? { value, extra: out } : { value };
    return out ? { extra: out } : {};
  }

  /** Resolves a place name through the gazetteer; rejects unknown names with suggestions. */
  place(
    field: string,
    country: string | undefined,
    i: number | undefined = this.ctx.idx[field],
  ): Place | undefined | "unknown" {
    const name = this.textAt(i);
    const g = this.ctx.gazetteer;
    if (name === undefined || !g) return undefined;
    // Rows of a file mostly give the same country (or none): keep its memo at hand.
    let memo = country === this.placeCountry ? this.placeMemo : this.places.get(country);
    if (!memo) {
      memo = new Map();
      this.places.set(country, memo);
    }
    this.placeCountry = country;
    this.placeMemo = memo;
    let found = memo.get(name);
    if (found === undefined) {
      found = remember(memo, name, g.find(name, country) ?? g.find(name) ?? null);
    }
    if (found) return found;
    let suggestions = this.suggestions.get(name);
    if (suggestions === undefined) {
      suggestions = remember(
        this.suggestions,
        name,
        g.suggest(name, 3).map((m) => m.place.name),
      );
    }
    this.reject(
      field,
      "unknown_place",
      `${this.column(field)} "${name}" is not a known place${suggestions.length ? `; did you mean ${suggestions.map((s) => `"${s}"`).join(", ")}?` : "."} Add it to a places file or give lat/lon.`,
      name,
      suggestions,
    );
    return "unknown";
  }
}

function set<T extends object, K extends keyof T>(obj: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) obj[key] = value;
}

export function convertCount(
  cells: readonly string[],
  ctx: ConvertContext,
): Converted<CountRecord> {
  const r = RowReader.for(cells, ctx);
  const col = r.col;
  const date = r.date("date", true, col.date);
  let extra = r.extra();
  const fmpId = r.textAt(col.fmpId);
  const fmpName = r.textAt(col.fmpName);
  let country = r.countryCode("country", extra, col.country);
  extra = r.extraOut;
  let { lat, lon } = r.coordinates();
  if (fmpId === undefined && fmpName === undefined && lat === undefined) {
    r.reject(
      "fmp_id",
      "missing_place",
      "no flow monitoring point: fmp_id, fmp_name and lat/lon are all blank.",
    );
  }
  if (fmpName !== undefined && lat === undefined) {
    const p = r.place("fmp_name", country, col.fmpName);
    if (p && p !== "unknown") {
      lat = p.lat;
      lon = p.lon;
      country ??= p.country;
    }
  } else if (fmpId !== undefined && fmpName === undefined && lat === undefined && ctx.gazetteer) {
    const p = ctx.gazetteer.findById(fmpId);
    if (p) {
      lat = p.lat;
      lon = p.lon;
      country ??= p.country;
    }
  }
  let direction: Direction = "unknown";
  const dirText = r.textAt(col.direction);
  if (dirText === undefined) {
    r.warn("direction", "direction_blank", `${r.column("direction")} is blank; read as unknown.`);
  } else {
    let d = r.directions.get(dirText);
    if (d === undefined) d = remember(r.directions, dirText, parseDirection(dirText) ?? null);
    if (d === null) {
      r.reject(
        "direction",
        "invalid_direction",
        `${r.column("direction")} "${dirText}" is not a direction: use northbound/norte, southbound/sur or unknown.`,
        dirText,
      );
    } else if (d === "relative") {
      if (ctx.incomingIs) {
        const incoming = /^(incoming|inflow|entrada|entrante|ingreso|in)$/.test(
          normalizeKey(dirText),
        );
        direction = incoming
          ? ctx.incomingIs
          : ctx.incomingIs === "northbound"
            ? "southbound"
            : "northbound";
      } else {
        r.warn(
          "direction",
          "direction_relative",
          `${r.column("direction")} "${dirText}" is relative to the point; read as unknown (pass incomingIs to map it).`,
        );
        extra = r.keepRaw(extra, "direction", dirText);
      }
    } else direction = d;
  }
  let total = r.count("total", col.total);
  const men = r.count("men", col.men);
  const women = r.count("women", col.women);
  const boys = r.count("boys", col.boys);
  const girls = r.count("girls", col.girls);
  const uac = r.count("uac", col.uac);
  // Sum and number of the parts that are known (no arrays: this runs on every row).
  let sum = 0;
  let knownParts = 0;
  if (men !== undefined) {
    sum += men;
    knownParts++;
  }
  if (women !== undefined) {
    sum += women;
    knownParts++;
  }
  if (boys !== undefined) {
    sum += boys;
    knownParts++;
  }
  if (girls !== undefined) {
    sum += girls;
    knownParts++;
  }
  const badCells =
    r.issues.rejections.length > 0 &&
    r.issues.rejections.some(
      (x) =>
        x.code !== "missing_place" &&
        x.column !== undefined &&
        ["total", "men", "women", "boys", "girls"].some((f) => r.column(f) === x.column),
    );
  if (total === undefined && !badCells) {
    if (knownParts === 4) {
      total = sum;
      r.warn("total", "total_from_parts", `total is blank; set to the sum of the parts (${sum}).`);
    } else {
      r.reject(
        "total",
        "missing_total",
        `${r.column("total")} is blank and not all of men, women, boys, girls are given, so the total is unknown.`,
        r.raw("total") ?? "",
      );
    }
  }
  if (total !== undefined && sum > total) {
    r.reject(
      "total",
      "parts_exceed_total",
      `the parts add up to ${sum}, more than the total ${total}.`,
      String(total),
    );
  } else if (total !== undefined && knownParts === 4 && sum !== total) {
    r.warn(
      "total",
      "parts_do_not_add_up",
      `men + women + boys + girls = ${sum}, not the total ${total}.`,
    );
  }
  if (uac !== undefined) {
    if (boys !== undefined && girls !== undefined && uac > boys + girls) {
      r.reject(
        "uac",
        "uac_exceeds_children",
        `unaccompanied children (${uac}) are more than boys + girls (${boys + girls}).`,
        String(uac),
      );
    } else if (total !== undefined && uac > total) {
      r.reject(
        "uac",
        "uac_exceeds_total",
        `unaccompanied children (${uac}) are more than the total (${total}).`,
        String(uac),
      );
    }
  }
  const nationality = r.countryCode("nationality", extra, col.nationality);
  extra = r.extraOut;
  if (r.issues.rejections.length || !date) return r.issues as Converted<CountRecord>;
  const rec: CountRecord = { date: date.date, direction };
  {
    const v = fmpId;
    if (v !== undefined) rec.fmpId = v;
  }
  {
    const v = fmpName;
    if (v !== undefined) rec.fmpName = v;
  }
  {
    const v = country;
    if (v !== undefined) rec.country = v;
  }
  {
    const v = lat;
    if (v !== undefined) rec.lat = v;
  }
  {
    const v = lon;
    if (v !== undefined) rec.lon = v;
  }
  {
    const v = total;
    if (v !== undefined) rec.total = v;
  }
  {
    const v = men;
    if (v !== undefined) rec.men = v;
  }
  {
    const v = women;
    if (v !== undefined) rec.women = v;
  }
  {
    const v = boys;
    if (v !== undefined) rec.boys = v;
  }
  {
    const v = girls;
    if (v !== undefined) rec.girls = v;
  }
  {
    const v = uac;
    if (v !== undefined) rec.uac = v;
  }
  {
    const v = nationality;
    if (v !== undefined) rec.nationality = v;
  }
  {
    const v = r.textAt(col.sourceOrg);
    if (v !== undefined) rec.sourceOrg = v;
  }
  {
    const v = r.textAt(col.url);
    if (v !== undefined) rec.url = v;
  }
  {
    const v = r.textAt(col.notes);
    if (v !== undefined) rec.notes = v;
  }
  {
    const v = extra;
    if (v !== undefined) rec.extra = v;
  }
  return r.accept(rec);
}

/** Size fields of a sighting from a generic size cell and/or best/min/max cells. */
function sizes(r: RowReader): { best?: number; min?: number; max?: number } {
  const out: { best?: number; min?: number; max?: number } = {};
  const read = (field: string, slot: "best" | "min" | "max") => {
    const t = r.text(field);
    if (t === undefined) return;
    const q = parseQuantity(t);
    switch (q.kind) {
      case "unknown":
        return;
      case "invalid":
        r.reject(
          field,
          "invalid_number",
          `${r.column(field)} "${t}" is not a number, range or bound.`,
          t,
        );
        return;
      case "number":
        if (q.value < 0)
          return r.reject(field, "negative_count", `${r.column(field)} is negative (${t}).`, t);
        if (r.withinPeopleLimit(field, t, q.value)) out[slot] = q.value;
        return;
      case "range":
        if (!r.withinPeopleLimit(field, t, Math.max(q.min, q.max))) return;
        if (q.min > q.max)
          return r.reject(
            field,
            "range_inverted",
            `${r.column(field)} "${t}": the low end is above the high end.`,
            t,
          );
        out.min ??= q.min;
        out.max ??= q.max;
        return;
      case "atLeast":
        if (r.withinPeopleLimit(field, t, q.min)) out.min ??= q.min;
        return;
      case "atMost":
        if (r.withinPeopleLimit(field, t, q.max)) out.max ??= q.max;
        return;
    }
  };
  read("size_best", "best");
  read("size_min", "min");
  read("size_max", "max");
  read("size", "best");
  if (out.min !== undefined && out.max !== undefined && out.min > out.max) {
    r.reject(
      "size_min",
      "range_inverted",
      `size_min ${out.min} is above size_max ${out.max}.`,
      String(out.min),
    );
  } else if (
    out.best !== undefined &&
    ((out.min !== undefined && out.best < out.min) || (out.max !== undefined && out.best > out.max))
  ) {
    r.warn(
      "size_best",
      "best_outside_range",
      `size_best ${out.best} is outside ${out.min ?? "…"}–${out.max ?? "…"}.`,
    );
  }
  return out;
}

function enumField<T>(
  r: RowReader,
  field: string,
  parse: (t: string) => T | undefined,
  extra: Record<string, string> | undefined,
  what: string,
): { value?: T; extra?: Record<string, string> } {
  const t = r.text(field);
  if (t === undefined) return extra ? { extra } : {};
  const v = parse(t);
  if (v !== undefined) return { value: v, ...(extra ? { extra } : {}) };
  r.warn(
    field,
    "unknown_code",
    `${r.column(field)} "${t}" is not a known ${what}; left blank and kept as written in the extra attributes.`,
  );
  return { extra: r.keepRaw(extra, field, t) };
}

export function convertSighting(
  cells: readonly string[],
  ctx: ConvertContext,
): Converted<Sighting> {
  const r = RowReader.for(cells, ctx);
  const observed = r.date("observed_at", true);
  const reported = r.date("reported_at", false);
  let extra = r.extra();
  const c = r.country("country", extra);
  extra = c.extra;
  let country = c.value;
  let { lat, lon } = r.coordinates();
  let placeName = r.text("place_name");
  const caravanLabel = r.text("caravan_label");
  const size = sizes(r);
  if (placeName !== undefined && lat === undefined) {
    const p = r.place("place_name", country);
    if (p && p !== "unknown") {
      lat = p.lat;
      lon = p.lon;
      country ??= p.country;
      if (p.name !== placeName) {
        extra = { ...(extra ?? {}), place_name_as_written: placeName };
        placeName = p.name;
      }
    }
  }
  const hasSize = size.best !== undefined || size.min !== undefined || size.max !== undefined;
  if (placeName === undefined && lat === undefined) {
    if (caravanLabel !== undefined && hasSize) {
      r.warn(
        "place_name",
        "size_only",
        "no place and no coordinates: accepted as size evidence only (e.g. a national figure).",
      );
    } else {
      r.reject(
        "place_name",
        "missing_place",
        "a sighting needs a place name or lat/lon (or a caravan label and a size, for a size-only report).",
      );
    }
  }
  const method = enumField(r, "estimate_method", parseEstimateMethod, extra, "estimate method");
  const source = enumField(r, "source_type", parseSourceType, method.extra, "source type");
  const conf = enumField(
    r,
    "confidence",
    parseConfidence,
    source.extra,
    "confidence (high/medium/low)",
  );
  extra = conf.extra;
  if (reported) extra = { ...(extra ?? {}), reported_at: formatParsedDate(reported) };
  if (r.issues.rejections.length || !observed) return r.issues as Converted<Sighting>;
  const rec: Sighting = {
    id:
      r.text("sighting_id") ??
      `${ctx.fileName ?? "row"}${ctx.sheet ? "#" + ctx.sheet : ""}:${ctx.line}`,
    observedAt: formatParsedDate(observed),
  };
  set(rec, "placeName", placeName);
  set(rec, "lat", lat);
  set(rec, "lon", lon);
  set(rec, "country", country);
  set(rec, "caravanLabel", caravanLabel);
  set(rec, "sizeBest", size.best);
  set(rec, "sizeMin", size.min);
  set(rec, "sizeMax", size.max);
  set(rec, "estimateMethod", method.value);
  set(rec, "sourceType", source.value);
  set(rec, "sourceOrg", r.text("source_org"));
  set(rec, "url", r.text("url"));
  set(rec, "confidence", conf.value);
  set(rec, "notes", r.text("notes"));
  set(rec, "part", r.text("part"));
  set(rec, "extra", extra);
  return r.accept(rec);
}

export function convertStock(
  cells: readonly string[],
  ctx: ConvertContext,
): Converted<StockFigure> {
  const r = RowReader.for(cells, ctx);
  const date = r.date("date", true);
  let extra = r.extra();
  const category = r.choice(
    "category",
    parseStockCategory,
    "invalid_category",
    "one of asylum_claim, return, remaining, regularized, onward, other",
    "a category is required",
  );
  const value = r.count("value");
  if (value === undefined && !r.issues.rejections.some((x) => x.column === r.column("value")))
    r.reject(
      "value",
      "missing_value",
      `${r.column("value")} is blank; a number of people is required.`,
      r.raw("value") ?? "",
    );
  const basis = r.choice(
    "basis",
    parseStockBasis,
    "invalid_basis",
    "cumulative or present",
    "say cumulative or present",
  );
  const c = r.country("country", extra);
  const n = r.country("nationality", c.extra);
  const source = enumField(r, "source_type", parseSourceType, n.extra, "source type");
  const conf = enumField(r, "confidence", parseConfidence, source.extra, "confidence");
  extra = conf.extra;
  if (r.issues.rejections.length || !date || !category || value === undefined || !basis)
    return r.issues as Converted<StockFigure>;
  const rec: StockFigure = { date: date.date, category, value, basis };
  set(rec, "country", c.value);
  set(rec, "placeName", r.text("place_name"));
  set(rec, "caravanLabel", r.text("caravan_label"));
  set(rec, "nationality", n.value);
  set(rec, "sourceOrg", r.text("source_org"));
  set(rec, "sourceType", source.value);
  set(rec, "url", r.text("url"));
  set(rec, "confidence", conf.value);
  set(rec, "notes", r.text("notes"));
  set(rec, "extra", extra);
  return r.accept(rec);
}

export function convertPlace(cells: readonly string[], ctx: ConvertContext): Converted<Place> {
  const r = RowReader.for(cells, ctx);
  let extra = r.extra();
  const name = r.text("name");
  if (name === undefined)
    r.reject("name", "missing_value", `${r.column("name")} is blank; a place needs a name.`, "");
  const { lat, lon } = r.coordinates();
  if (lat === undefined && !r.issues.rejections.length)
    r.reject("lat", "missing_value", "lat and lon are required for a place.", "");
  const c = r.country("country", extra);
  extra = c.extra;
  let kind = undefined as Place["kind"] | undefined;
  const kindText = r.text("kind");
  if (kindText === undefined) {
    kind = "city";
    r.warn("kind", "kind_blank", "kind is blank; read as city.");
  } else {
    kind = parsePlaceKind(kindText);
    if (!kind)
      r.reject(
        "kind",
        "invalid_kind",
        `${r.column("kind")} "${kindText}" is not one of city, border_crossing, fmp, shelter.`,
        kindText,
      );
  }
  const capacity = r.count("capacity");
  let placeId = r.text("place_id");
  if (placeId === undefined && name !== undefined) {
    placeId = (c.value ? c.value + "-" : "") + normalizeKey(name).toUpperCase().replace(/_/g, "-");
    r.warn("place_id", "id_generated", `place_id is blank; set to ${placeId}.`);
  }
  for (const f of ["adm1_pcode", "adm2_pcode"]) {
    const p = r.text(f);
    if (p !== undefined && !/^[A-Z]{2}\d+$/.test(p))
      r.warn(
        f,
        "pcode_format",
        `${r.column(f)} "${p}" does not look like a P-code (two letters and digits).`,
      );
  }
  if (
    r.issues.rejections.length ||
    !name ||
    lat === undefined ||
    lon === undefined ||
    !kind ||
    !placeId
  )
    return r.issues as Converted<Place>;
  const aliasesText = r.text("aliases");
  const rec: Place = {
    placeId,
    name,
    aliases: aliasesText ? aliasesText.split(/\s*[|;]\s*/).filter(Boolean) : [],
    lat,
    lon,
    kind,
  };
  set(rec, "country", c.value);
  set(rec, "adm1Pcode", r.text("adm1_pcode"));
  set(rec, "adm2Pcode", r.text("adm2_pcode"));
  set(rec, "capacity", capacity);
  set(rec, "source", r.text("source"));
  set(rec, "extra", extra);
  return r.accept(rec);
}
