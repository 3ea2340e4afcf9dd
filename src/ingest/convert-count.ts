/**
 * Count-sheet rows → count records (docs/contracts.md §1.1): the point (id, name, coordinates or
 * a gazetteer place), the direction, the people (total and parts, checked against each other)
 * and the rest of the record. Runs on every row of a count sheet: no arrays, no objects but the
 * record.
 */
import type { CountRecord, Direction } from "../model/count.ts";
import type { Place } from "../model/place.ts";
import { parseDirection, relativeWay, SPANISH_DIRECTION } from "./enums.ts";
import { readCountryCode } from "./read-codes.ts";
import { readDate } from "./read-date.ts";
import { readCount, warnUnlikelyPeople } from "./read-numbers.ts";
import {
  expandAbbreviation,
  placeFarFromCoordinates,
  placeNear,
  placeOfPointId,
  placeOfRegionQualifiedName,
  readCoordinates,
  readPlace,
} from "./read-places.ts";
import { RowReader, remember } from "./row-reader.ts";
import type { ConvertContext, Converted } from "./row-reader.ts";

const PEOPLE_FIELDS = ["total", "men", "women", "boys", "girls"];

export function convertCount(
  cells: readonly string[],
  ctx: ConvertContext,
): Converted<CountRecord> {
  const r = RowReader.for(cells, ctx);
  const col = r.col;
  const date = readDate(r, "date", true, col.date);
  let extra = r.extra();
  let fmpId = r.textAt(col.fmpId);
  let fmpName = r.textAt(col.fmpName);
  let country = readCountryCode(r, "country", extra, col.country);
  extra = r.extraOut;
  let { lat, lon } = readCoordinates(r, country);
  // A lone latitude or longitude left out stays in the record, as written.
  if (r.loneCoordinate) extra = { ...(extra ?? {}), [r.loneCoordinate[0]]: r.loneCoordinate[1] };
  if (lat !== undefined && lon !== undefined && (fmpName ?? fmpId) !== undefined) {
    // A point name thousands of km from the coordinates: the name wins (read-places.ts).
    const field = fmpName !== undefined ? "fmp_name" : "fmp_id";
    if (placeFarFromCoordinates(r, field, (fmpName ?? fmpId)!, country, lat, lon)) {
      extra = { ...(extra ?? {}), lat_as_written: String(lat), lon_as_written: String(lon) };
      lat = lon = undefined;
    }
  }
  const place = pointPlace(r, ctx, fmpId, fmpName, country, lat);
  // A point's name in the id column (`Punto`: Tecún Umán): one point whatever column names it.
  if (place && fmpId !== undefined && fmpName === undefined && idIsName(r, fmpId, country, place)) {
    extra = { ...(extra ?? {}), fmp_name_as_written: fmpId };
    fmpName = place.name;
    fmpId = undefined;
  }
  if (place) {
    lat = place.lat;
    lon = place.lon;
    country ??= place.country;
    // The point under its gazetteer name, as sightings' places are: the ledger and the viewer
    // key a point's counts by its name, so `Tecun Uman`, `TECÚN UMÁN` and `Tec?n Um?n` in one
    // sheet are one point, not three. The name as written stays in `fmp_name_as_written`.
    // A name that is another point in the town ("Tecún Umán (puente)") keeps its own name.
    if (fmpName !== undefined && fmpName !== place.name && !r.placeNameKept) {
      extra = { ...(extra ?? {}), fmp_name_as_written: fmpName };
      fmpName = place.name;
    }
    // Both of the point's columns filled from the gazetteer: a row naming it by id and a row
    // naming it by name are the same point in counts.csv too. A name kept as another point in
    // the town gets no id (it is not that place).
    if (fmpName === undefined) fmpName = place.name;
    else if (fmpId === undefined && fmpName === place.name) fmpId = place.placeId;
  } else if (fmpName !== undefined && lat !== undefined && lon !== undefined) {
    // A point with coordinates of its own: written under the gazetteer's name too when it is
    // that place (by name, within a few km), keeping its own coordinates.
    const near = placeNear(r, fmpName, country, lat, lon);
    if (near && near.name !== fmpName) {
      extra = { ...(extra ?? {}), fmp_name_as_written: fmpName };
      fmpName = near.name;
    }
    if (near && fmpId === undefined) fmpId = near.placeId;
  }
  const direction = countDirection(r, ctx, extra);
  extra = r.extraOut;
  const given = readCount(r, "total", col.total);
  const men = readCount(r, "men", col.men);
  const women = readCount(r, "women", col.women);
  const boys = readCount(r, "boys", col.boys);
  const girls = readCount(r, "girls", col.girls);
  const uac = readCount(r, "uac", col.uac);
  const total = checkPeople(r, given, men, women, boys, girls, uac);
  const nationality = readCountryCode(r, "nationality", extra, col.nationality);
  extra = r.extraOut;
  if (r.issues.rejections.length || !date) return r.issues as Converted<CountRecord>;
  warnUnlikelyPeople(r, "total", total);
  const rec: CountRecord = {
    date: date.date,
    direction,
    origin: `${ctx.fileName ?? "row"}${ctx.sheet ? "#" + ctx.sheet : ""}:${ctx.line}`,
  };
  if (fmpId !== undefined) rec.fmpId = fmpId;
  if (fmpName !== undefined) rec.fmpName = fmpName;
  if (country !== undefined) rec.country = country;
  if (lat !== undefined) rec.lat = lat;
  if (lon !== undefined) rec.lon = lon;
  if (total !== undefined) rec.total = total;
  if (men !== undefined) rec.men = men;
  if (women !== undefined) rec.women = women;
  if (boys !== undefined) rec.boys = boys;
  if (girls !== undefined) rec.girls = girls;
  if (uac !== undefined) rec.uac = uac;
  if (nationality !== undefined) rec.nationality = nationality;
  const sourceOrg = r.textAt(col.sourceOrg);
  if (sourceOrg !== undefined) rec.sourceOrg = sourceOrg;
  const url = r.textAt(col.url);
  if (url !== undefined) rec.url = url;
  const notes = r.textAt(col.notes);
  if (notes !== undefined) rec.notes = notes;
  if (extra !== undefined) rec.extra = extra;
  return r.accept(rec);
}

/**
 * The place that gives a row its point when it has no coordinates (`lat`): the named place
 * (rejected when unknown), else the place with its id; the row is rejected when it gives no point
 * at all. No object is made: this runs on every row.
 */
function pointPlace(
  r: RowReader,
  ctx: ConvertContext,
  fmpId: string | undefined,
  fmpName: string | undefined,
  country: string | undefined,
  lat: number | undefined,
): Place | undefined {
  if (fmpId === undefined && fmpName === undefined && lat === undefined) {
    const named = placeInExtraColumn(r, country);
    r.reject(
      "fmp_id",
      "missing_place",
      named
        ? `no flow monitoring point in the point's columns: fmp_id, fmp_name and lat/lon are blank, but column "${named.column}", kept as an extra column, holds "${named.value}" (${named.place}); if it names the point, map it: --columns fmp_name=${named.column}.`
        : "no flow monitoring point: fmp_id, fmp_name and lat/lon are all blank.",
      undefined,
      undefined,
      named ? { extraColumn: named.column, place: named.place } : undefined,
    );
  }
  if (fmpName !== undefined && lat === undefined) {
    const p = readPlace(r, "fmp_name", country, r.col.fmpName);
    return p && p !== "unknown" ? p : undefined;
  }
  if (fmpId !== undefined && fmpName === undefined && lat === undefined && ctx.gazetteer)
    return ctx.gazetteer.findById(fmpId) ?? placeOfPointId(r, fmpId, country);
  return undefined;
}

/**
 * The first extra column of a row whose cell is a known place's name: a point named in a column
 * the headers did not map (only looked for on a row about to be rejected for having no point).
 */
function placeInExtraColumn(
  r: RowReader,
  country: string | undefined,
): { column: string; value: string; place: string } | undefined {
  const g = r.ctx.gazetteer;
  if (!g) return undefined;
  for (const i of r.ctx.extraIndexes) {
    const value = r.textAt(i);
    if (value === undefined || /^[\d\s.,-]+$/.test(value)) continue;
    const place = g.find(value, country) ?? g.find(value);
    if (place) return { column: r.ctx.columnNames[i]!, value, place: place.name };
  }
  return undefined;
}

/**
 * Whether an `fmp_id` cell is its point's name rather than a code: the gazetteer finds that place
 * by the cell as a name (or its abbreviation written out), not by an id or a P-code. Decided once
 * per file and cell, and said on its first row (`point_name_in_id_column`): a sheet names its
 * point on every row.
 */
function idIsName(r: RowReader, fmpId: string, country: string | undefined, place: Place): boolean {
  const known = r.idNames.get(fmpId);
  if (known !== undefined) return known;
  const g = r.ctx.gazetteer!;
  const long = expandAbbreviation(fmpId);
  const byName = g.findById(fmpId)
    ? undefined
    : (g.find(fmpId, country) ??
      g.find(fmpId) ??
      (long !== undefined ? (g.find(long, country) ?? g.find(long)) : undefined) ??
      placeOfRegionQualifiedName(r, fmpId, country));
  const isName = byName === place;
  r.idNames.set(fmpId, isName);
  if (isName)
    r.warn(
      "fmp_id",
      "point_name_in_id_column",
      `${r.column("fmp_id")} "${fmpId}" is not a point code but the name of ${place.name}: written as fmp_name "${place.name}" (as written in fmp_name_as_written), so that the point is one whichever column names it; said on its first row only.`,
      fmpId,
      // placeEs: the name Spanish text says (placeLabel's rule); fmp_name stays `place`.
      { place: place.name, ...(place.nameEs ? { placeEs: place.nameEs } : {}) },
    );
  return isName;
}

/**
 * The direction of a row: blank is unknown (warned); `incoming`/`entrada` is mapped with
 * `incomingIs`, or kept as written (in `r.extraOut`) and read as unknown.
 */
function countDirection(
  r: RowReader,
  ctx: ConvertContext,
  extra: Record<string, string> | undefined,
): Direction {
  r.extraOut = extra;
  // No direction column: unknown, warned once for the sheet (sheet-plan.ts directionFromNoColumn).
  if (r.col.direction === undefined) return "unknown";
  const dirText = r.textAt(r.col.direction);
  if (dirText === undefined) {
    r.warn("direction", "direction_blank", `${r.column("direction")} is blank; read as unknown.`);
    return "unknown";
  }
  let d = r.directions.get(dirText);
  if (d === undefined) d = remember(r.directions, dirText, parseDirection(dirText) ?? null);
  if (d === null) {
    r.reject(
      "direction",
      "invalid_direction",
      `${r.column("direction")} "${dirText}" is not a direction: use northbound/${SPANISH_DIRECTION.northbound}, southbound/${SPANISH_DIRECTION.southbound} or unknown.`,
      dirText,
    );
    return "unknown";
  }
  if (d !== "relative") return d;
  if (ctx.incomingIs) {
    // The way in or out a cell (`Entradas`) or a phrase (`Salida hacia Guatemala`) says.
    if (relativeWay(dirText) === "incoming") return ctx.incomingIs;
    return ctx.incomingIs === "northbound" ? "southbound" : "northbound";
  }
  const say =
    "say which of incoming and outgoing is northbound at this point: --incoming-is on the command line, incomingIs in the library";
  // A tally's direction is its column's header (`Entradas`): the file has no direction column.
  if (r.ctx.namedFields?.has("direction"))
    r.warn(
      "direction",
      "direction_relative",
      `column ${r.column("direction")} is relative to the point; read as unknown (${say}).`,
      dirText,
      { tally: 1 },
    );
  else
    r.warn(
      "direction",
      "direction_relative",
      `${r.column("direction")} "${dirText}" is relative to the point; read as unknown (${say}; or write northbound/southbound in the direction column).`,
      dirText,
    );
  r.extraOut = r.keepRaw(extra, "direction", dirText);
  return "unknown";
}

/**
 * The total of a row's people: as given, or completed from the four parts (warned); the parts and
 * the unaccompanied children checked against it. Numbers in, a number out: this runs on every row.
 */
function checkPeople(
  r: RowReader,
  given: number | undefined,
  men: number | undefined,
  women: number | undefined,
  boys: number | undefined,
  girls: number | undefined,
  uac: number | undefined,
): number | undefined {
  let total = given;
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
  if (total === undefined && rejectTallyUnknown(r)) return undefined;
  if (total === undefined && !hasBadPeopleCell(r)) {
    if (knownParts === 4) {
      total = sum;
      r.warn(
        "total",
        "total_from_parts",
        `total is blank; set to the sum of the parts (${sum}).`,
        undefined,
        { sum },
      );
    } else {
      // Which parts are not known and what their cells say (`NS/NR`, `Not available`, blank):
      // the analyst sees what to fill in, and the people the row does give.
      const unknown = unknownParts(r, [men, women, boys, girls]);
      const anyPart = [men, women, boys, girls].some((x) => x !== undefined);
      const why = unknown.text
        ? `${unknown.text} ${unknown.columns.length > 1 ? "give" : "gives"} no number`
        : `the sheet has no ${orList(unknown.absent)} column`;
      r.reject(
        "total",
        "missing_total",
        `${r.column("total")} is blank and ${why}, so the total is unknown${anyPart ? ` (the parts given add up to ${sum})` : ""}.`,
        r.raw("total") ?? "",
        undefined,
        {
          columns: unknown.columns.join("\t"),
          cells: unknown.cells.join("\t"),
          absent: unknown.absent.join("\t"),
          // The sum of the parts given, only when some part is given (both languages say it then).
          ...(anyPart ? { sum } : {}),
        },
      );
    }
  }
  checkParts(r, total, sum, knownParts);
  checkUnaccompanied(r, total, boys, girls, uac);
  return total;
}

/**
 * A tally's cell (one column per direction or nationality) that says "not known" (`N/D`, `s/d`):
 * the cell is the row's only figure, so it is rejected as not a number under its own column
 * (`Ingresos "N/D" is not a number.`), never as a blank Total of a sheet without parts. A blank
 * or dash cell of a tally gives no row (repeat-columns.ts), so it never reaches here.
 */
function rejectTallyUnknown(r: RowReader): boolean {
  if (r.ctx.totalNamedAt === undefined) return false;
  const t = r.raw("total");
  if (!t) return false;
  r.reject("total", "invalid_number", `${r.column("total")} "${t}" is not a number.`, t);
  return true;
}

/**
 * `Niños "NS/NR" and Niñas blank`: the parts of a row that give no number, with their cells (the
 * columns and cells also apart, for the sentence in another language). Only parts the sheet has
 * a column for are named: a sheet without a girls' column is not told its girls are blank.
 */
function unknownParts(
  r: RowReader,
  values: readonly (number | undefined)[],
): { text: string; columns: string[]; cells: string[]; absent: string[] } {
  const present = [r.col.men, r.col.women, r.col.boys, r.col.girls];
  const absent = ["men", "women", "boys", "girls"].filter((_, i) => present[i] === undefined);
  const fields = ["men", "women", "boys", "girls"].filter(
    (_, i) => values[i] === undefined && present[i] !== undefined,
  );
  const columns = fields.map((f) => r.column(f));
  const cells = fields.map((f) => r.raw(f) ?? "");
  const parts = columns.map((c, i) => `${c} ${cells[i] ? `"${cells[i]}"` : "blank"}`);
  const text =
    parts.length > 1 ? `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}` : (parts[0] ?? "");
  return { text, columns, cells, absent };
}

/** `a`, `a or b`, `a, b or c`. */
function orList(items: readonly string[]): string {
  return items.length > 1
    ? `${items.slice(0, -1).join(", ")} or ${items.at(-1)}`
    : (items[0] ?? "");
}

/** A people cell was rejected (so a blank total is not reported on top of it). */
function hasBadPeopleCell(r: RowReader): boolean {
  return (
    r.issues.rejections.length > 0 &&
    r.issues.rejections.some(
      (x) =>
        x.code !== "missing_place" &&
        x.column !== undefined &&
        PEOPLE_FIELDS.some((f) => r.column(f) === x.column),
    )
  );
}

function checkParts(
  r: RowReader,
  total: number | undefined,
  sum: number,
  knownParts: number,
): void {
  if (total !== undefined && sum > total) {
    r.reject(
      "total",
      "parts_exceed_total",
      `the parts add up to ${sum}, more than the total ${total}.`,
      String(total),
      undefined,
      { sum, total },
    );
  } else if (total !== undefined && knownParts === 4 && sum !== total) {
    r.warn(
      "total",
      "parts_do_not_add_up",
      `men + women + boys + girls = ${sum}, not the total ${total}.`,
      undefined,
      { sum, total },
    );
  }
}

function checkUnaccompanied(
  r: RowReader,
  total: number | undefined,
  boys: number | undefined,
  girls: number | undefined,
  uac: number | undefined,
): void {
  if (uac === undefined) return;
  if (boys !== undefined && girls !== undefined && uac > boys + girls) {
    r.reject(
      "uac",
      "uac_exceeds_children",
      `unaccompanied children (${uac}) are more than boys + girls (${boys + girls}).`,
      String(uac),
      undefined,
      { uac, children: boys + girls },
    );
  } else if (total !== undefined && uac > total) {
    r.reject(
      "uac",
      "uac_exceeds_total",
      `unaccompanied children (${uac}) are more than the total (${total}).`,
      String(uac),
      undefined,
      { uac, total },
    );
  }
}
