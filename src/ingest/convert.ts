/**
 * Row → record conversion and the row checks of each table kind (docs/contracts.md §1). Each converter
 * returns the record, or the reasons the row is rejected, plus warnings. Nothing here throws on
 * bad data. The cells are read through a shared row reader (row-reader.ts) and the typed cell
 * readers (read-*.ts); count sheets, the hot path, convert in convert-count.ts.
 */
import type { Place } from "../model/place.ts";
import type { Sighting } from "../model/sighting.ts";
import type { StockFigure } from "../model/stock.ts";
import { formatParsedDate } from "./dates.ts";
import {
  parseConfidence,
  parseEstimateMethod,
  parsePlaceKind,
  parseSourceType,
  parseStockBasis,
  parseStockCategory,
  STOCK_CATEGORY_CHOICES,
} from "./enums.ts";
import { normalizeKey } from "./normalize.ts";
import { readChoice, readCountry } from "./read-codes.ts";
import { readDate, readObservedAt } from "./read-date.ts";
import {
  isFormulaText,
  readCount,
  rejectNegative,
  rejectNotANumber,
  warnApproximate,
  warnUnlikelyPeople,
  withinPeopleLimit,
} from "./read-numbers.ts";
import { readCaravanLabel } from "./read-labels.ts";
import { namedPlace, placeFarFromCoordinates, readCoordinates, readPlace } from "./read-places.ts";
import { RowReader } from "./row-reader.ts";
import type { ConvertContext, Converted } from "./row-reader.ts";
import { parseQuantity } from "./values.ts";

export { DEFAULT_REGION } from "./row-reader.ts";
export type { ConvertContext, Converted, Issue, Region } from "./row-reader.ts";
export { MAX_PEOPLE_PER_ROW } from "./read-numbers.ts";
export { convertCount } from "./convert-count.ts";

function set<T extends object, K extends keyof T>(obj: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) obj[key] = value;
}

/** A sighting's size: best, low and high figures, and the field each was read from (for messages). */
interface Sizes {
  best?: number;
  min?: number;
  max?: number;
  /** A figure was written as approximate (`aprox. 1000`): Sighting.sizeApproximate. */
  approximate?: true;
  from: { best?: string; min?: string; max?: string };
}

/**
 * Words of the `size_approximate` column (`dtm-flow import` writes `true` or leaves it blank), in
 * lower case. A closed list: any other cell is warned about and kept as written (docs/contracts.md).
 */
const YES = new Set(["true", "yes", "si", "sí", "1", "x", "verdadero"]);
const NO = new Set(["false", "no", "0", "falso"]);

/**
 * The `size_approximate` column of a sightings table read back: the flag (true, or undefined) and
 * the extra attributes (the cell kept as written when it is not a yes- or no-word). A yes on a row
 * with no size says nothing (the flag is about the figures), so it is dropped with a warning.
 */
function approximateColumn(
  r: RowReader,
  hasSize: boolean,
  extra: Record<string, string> | undefined,
): { value?: true; extra?: Record<string, string> } {
  const t = r.text("size_approximate");
  const word = t?.toLowerCase();
  if (t === undefined || NO.has(word!)) return extra ? { extra } : {};
  if (!YES.has(word!)) {
    r.warn(
      "size_approximate",
      "invalid_category",
      `${r.column("size_approximate")} "${t}" is not true or false; no flag read, kept as written in the extra attributes.`,
      t,
      { choices: "true, false" },
    );
    return { extra: r.keepRaw(extra, "size_approximate", t) };
  }
  if (!hasSize) {
    r.warn(
      "size_approximate",
      "approximate_without_size",
      `${r.column("size_approximate")} says the size is approximate, but the row gives no size; flag ignored.`,
      t,
    );
    return extra ? { extra } : {};
  }
  return { value: true, ...(extra ? { extra } : {}) };
}

/** Size fields of a sighting from a generic size cell and/or best/min/max cells. */
function sizes(r: RowReader): Sizes {
  const out: Sizes = { from: {} };
  const put = (slot: "best" | "min" | "max", value: number, field: string) => {
    if (out[slot] !== undefined) return;
    out[slot] = value;
    out.from[slot] = field;
  };
  const read = (field: string, slot: "best" | "min" | "max") => {
    const t = r.text(field);
    if (t === undefined) return;
    const q = parseQuantity(t);
    // A figure of people is whole: `12,5` is a decimal mark, not a count (docs/import.md, Values).
    const figures =
      q.kind === "number"
        ? [q.value]
        : q.kind === "range"
          ? [q.min, q.max]
          : q.kind === "atLeast"
            ? [q.min]
            : q.kind === "atMost"
              ? [q.max]
              : [];
    // A negative figure anywhere (`hasta (500)`, `entre (20) y 30`, `(700)+`): not people.
    const negative = figures.find((v) => v < 0);
    if (negative !== undefined) return rejectNegative(r, field, t, negative);
    if (figures.some((v) => !Number.isInteger(v)))
      return r.reject(
        field,
        "not_integer",
        `${r.column(field)} "${t}" is not a whole number of people.`,
        t,
      );
    if (q.kind !== "unknown" && q.kind !== "invalid" && q.approx) {
      out.approximate = true;
      warnApproximate(r, field, t, q);
    }
    if (figures.length) r.ctx.thousands?.check(r, field, t, figures.join("–"));
    switch (q.kind) {
      case "unknown":
        return;
      case "invalid":
        if (isFormulaText(t)) return rejectNotANumber(r, field, t);
        r.reject(
          field,
          "invalid_number",
          `${r.column(field)} "${t}" is not a number, range or bound.`,
          t,
        );
        return;
      case "number":
        if (withinPeopleLimit(r, field, t, q.value)) {
          out[slot] = q.value;
          out.from[slot] = field;
        }
        return;
      case "range":
        if (!withinPeopleLimit(r, field, t, Math.max(q.min, q.max))) return;
        if (q.min > q.max)
          return r.reject(
            field,
            "range_inverted",
            `${r.column(field)} "${t}": the low end is above the high end.`,
            t,
          );
        put("min", q.min, field);
        put("max", q.max, field);
        return;
      case "atLeast":
        if (withinPeopleLimit(r, field, t, q.min)) put("min", q.min, field);
        return;
      case "atMost":
        if (withinPeopleLimit(r, field, t, q.max)) put("max", q.max, field);
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
      undefined,
      { best: out.best, min: out.min ?? "…", max: out.max ?? "…" },
    );
  }
  return out;
}

/**
 * A row's notes with the header of its figure column when that header says what the figure
 * covers ("¿Cuántas personas hay en el albergue?"), so that the estimator, which reads a count's
 * scope from the notes, reads it as "at least". Rows without a figure keep their notes as written.
 * @example withScopeHeader("conteo nocturno", "¿Cuántas personas hay en el albergue?", { best: 300 })
 * // => "conteo nocturno | ¿Cuántas personas hay en el albergue?"
 */
export function withScopeHeader(
  notes: string | undefined,
  header: string | undefined,
  size: { best?: number; min?: number; max?: number },
): string | undefined {
  const hasFigure = size.best !== undefined || size.min !== undefined || size.max !== undefined;
  if (header === undefined || !hasFigure) return notes;
  return notes === undefined ? header : `${notes} | ${header}`;
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
    t,
  );
  return { extra: r.keepRaw(extra, field, t) };
}

export function convertSighting(
  cells: readonly string[],
  ctx: ConvertContext,
): Converted<Sighting> {
  const r = RowReader.for(cells, ctx);
  const observed = readObservedAt(r);
  const reported = readDate(r, "reported_at", false);
  let extra = r.extra();
  const c = readCountry(r, "country", extra);
  extra = c.extra;
  let country = c.value;
  let { lat, lon } = readCoordinates(r, country);
  // A lone latitude or longitude left out stays in the record, as written.
  if (r.loneCoordinate) extra = { ...(extra ?? {}), [r.loneCoordinate[0]]: r.loneCoordinate[1] };
  let placeName = r.text("place_name");
  const label = readCaravanLabel(r, extra);
  extra = label.extra;
  const caravanLabel = label.value;
  const size = sizes(r);
  if (placeName !== undefined && lat !== undefined && lon !== undefined) {
    // A name thousands of km from the coordinates: the name wins, the coordinates kept as written.
    const far = placeFarFromCoordinates(r, "place_name", placeName, country, lat, lon);
    if (far) {
      extra = { ...(extra ?? {}), lat_as_written: String(lat), lon_as_written: String(lon) };
      lat = lon = undefined;
    }
  }
  const byCode = placeFromPcode(r, placeName, lat, country);
  if (byCode) {
    extra = { ...(extra ?? {}), ...byCode.extra };
    if (byCode.place) {
      ({ lat, lon } = byCode.place);
      country ??= byCode.place.country;
      placeName = byCode.place.name;
    }
  }
  if (placeName !== undefined && lat === undefined) {
    const p = readPlace(r, "place_name", country);
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
  // An admin-2 P-code that named no place has been rejected already (unknown_place): not said
  // twice. An admin-1 code alone (a state) places nothing: the row is size evidence only.
  if (placeName === undefined && lat === undefined && r.text("place_pcode") === undefined) {
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
  const flag = approximateColumn(r, hasSize, conf.extra);
  extra = flag.extra;
  if (reported) extra = { ...(extra ?? {}), reported_at: formatParsedDate(reported) };
  if (r.issues.rejections.length || !observed) return r.issues as Converted<Sighting>;
  // The figure the estimator reads, named by the column it came from on this row.
  const slot = size.best !== undefined ? "best" : size.max !== undefined ? "max" : "min";
  const figure = size[slot];
  if (figure !== undefined) warnUnlikelyPeople(r, size.from[slot]!, figure);
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
  set(rec, "sizeApproximate", size.approximate ?? flag.value);
  set(rec, "estimateMethod", method.value);
  set(rec, "sourceType", source.value);
  set(rec, "sourceOrg", r.text("source_org"));
  set(rec, "url", r.text("url"));
  set(rec, "confidence", conf.value);
  set(rec, "notes", withScopeHeader(r.text("notes"), ctx.scopeHeader, size));
  set(rec, "part", r.text("part"));
  set(rec, "extra", extra);
  return r.accept(rec);
}

/**
 * A row's P-code columns (`#adm2+code`, field `place_pcode`; `#adm1+code`, `adm1_pcode`): kept as
 * written in `extra`, and the admin-2 one read
 * as the place (as a place name cell holding it would be, `place_from_code`) when the row gives
 * no place name and no coordinates. Undefined when the row has no P-code.
 */
function placeFromPcode(
  r: RowReader,
  placeName: string | undefined,
  lat: number | undefined,
  country: string | undefined,
): { place?: Place; extra: Record<string, string> } | undefined {
  const adm1 = r.text("adm1_pcode");
  const code = r.text("place_pcode");
  if (code === undefined)
    return adm1 === undefined ? undefined : { extra: r.keepRaw(undefined, "adm1_pcode", adm1) };
  const extra = r.keepRaw(
    adm1 === undefined ? undefined : r.keepRaw(undefined, "adm1_pcode", adm1),
    "place_pcode",
    code,
  );
  if (placeName !== undefined || lat !== undefined) return { extra };
  const p = readPlace(r, "place_pcode", country);
  return p && p !== "unknown" ? { place: p, extra } : { extra };
}

export function convertStock(
  cells: readonly string[],
  ctx: ConvertContext,
): Converted<StockFigure> {
  const r = RowReader.for(cells, ctx);
  const date = readDate(r, "date", true);
  let extra = r.extra();
  const category = readChoice(
    r,
    "category",
    parseStockCategory,
    "invalid_category",
    STOCK_CATEGORY_CHOICES,
    "a category is required",
  );
  const value = readCount(r, "value");
  if (value === undefined && !r.issues.rejections.some((x) => x.column === r.column("value")))
    r.reject(
      "value",
      "missing_value",
      `${r.column("value")} is blank; a number of people is required.`,
      r.raw("value") ?? "",
      undefined,
      { need: "people" },
    );
  const basis = readChoice(
    r,
    "basis",
    parseStockBasis,
    "invalid_basis",
    "cumulative or present",
    "say cumulative or present",
  );
  const label = readCaravanLabel(r, extra);
  const c = readCountry(r, "country", label.extra);
  const n = readCountry(r, "nationality", c.extra);
  const source = enumField(r, "source_type", parseSourceType, n.extra, "source type");
  const conf = enumField(r, "confidence", parseConfidence, source.extra, "confidence");
  extra = conf.extra;
  if (r.issues.rejections.length || !date || !category || value === undefined || !basis)
    return r.issues as Converted<StockFigure>;
  const rec: StockFigure = { date: date.date, category, value, basis };
  set(rec, "country", c.value);
  // A stock figure's place is optional (a country's returns): a P-code that names no single known
  // place is kept as written, not a reason to reject the figure.
  const pcode = r.text("place_pcode");
  if (pcode !== undefined) extra = r.keepRaw(extra, "place_pcode", pcode);
  const adm1 = r.text("adm1_pcode");
  if (adm1 !== undefined) extra = r.keepRaw(extra, "adm1_pcode", adm1);
  const byCode =
    pcode !== undefined && r.text("place_name") === undefined
      ? namedPlace(r, "place_pcode", pcode, c.value)
      : undefined;
  set(rec, "placeName", r.text("place_name") ?? byCode?.name);
  set(rec, "caravanLabel", label.value);
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
    r.reject(
      "name",
      "missing_value",
      `${r.column("name")} is blank; a place needs a name.`,
      "",
      undefined,
      {
        need: "name",
      },
    );
  const { lat, lon } = readCoordinates(r);
  if (lat === undefined && !r.issues.rejections.length)
    r.reject("lat", "missing_value", "lat and lon are required for a place.", "", undefined, {
      need: "coordinates",
    });
  const c = readCountry(r, "country", extra);
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
  const capacity = readCount(r, "capacity");
  let placeId = r.text("place_id");
  if (placeId === undefined && name !== undefined) {
    placeId = (c.value ? c.value + "-" : "") + normalizeKey(name).toUpperCase().replace(/_/g, "-");
    r.warn("place_id", "id_generated", `place_id is blank; set to ${placeId}.`, placeId);
  }
  for (const f of ["adm1_pcode", "adm2_pcode"]) {
    const p = r.text(f);
    if (p !== undefined && !/^[A-Z]{2}\d+$/.test(p))
      r.warn(
        f,
        "pcode_format",
        `${r.column(f)} "${p}" does not look like a P-code (two letters and digits).`,
        p,
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
  set(rec, "nameEs", r.text("name_es"));
  set(rec, "country", c.value);
  set(rec, "adm1Pcode", r.text("adm1_pcode"));
  set(rec, "adm2Pcode", r.text("adm2_pcode"));
  set(rec, "capacity", capacity);
  set(rec, "source", r.text("source"));
  set(rec, "extra", extra);
  return r.accept(rec);
}
