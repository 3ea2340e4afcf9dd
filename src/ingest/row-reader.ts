/**
 * The row reader the converters share: a row's cells by field name, its rejections and warnings,
 * and the memos of this file's cell texts. One reader serves every row of a file (see `for`); the
 * readers of typed cells (read-numbers.ts, read-date.ts, read-codes.ts, read-places.ts) take it
 * as their first argument.
 */
import type { ThousandsStyle } from "./thousands-style.ts";
import type { ImportIssueCode } from "./issue-codes.ts";
import type { Direction } from "../model/count.ts";
import type { Place } from "../model/place.ts";
import type { PlaceResolution } from "../geo/resolvePlace.ts";
import type { Gazetteer } from "../geo/gazetteer.ts";
import type { DateOrder, DateParse } from "./dates.ts";
import type { DateWindow } from "./date-window.ts";
import type { TableKind } from "./fields.ts";
import type { IssueParams } from "./report.ts";
import type { LabelSpellings } from "./read-labels.ts";
import { isUnknown } from "./values.ts";

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
  code: ImportIssueCode;
  message: string;
  suggestions?: string[];
  /** The values in `message` beyond column, value and suggestions (report.ts, IssueParams). */
  params?: IssueParams;
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
  /**
   * Sightings: the header of a figure column that says it counts only the people at one place or
   * passing one point ("¿Cuántas personas hay en el albergue?"); added to each row's notes, where
   * the estimator reads a count's scope (docs/contracts.md §1.2).
   */
  scopeHeader?: string;
  /**
   * Sightings: a column holding only the time of day of `observed_at`'s date (`Hora` beside
   * `Fecha`), added to each row's date (time-column.ts).
   */
  timeIndex?: number;
  /** Caravan labels met so far in the file, for reading respellings as one (read-labels.ts). */
  labels?: LabelSpellings;
  /** The file's thousands separator, decided by its first grouped figure (thousands-style.ts). */
  thousands?: ThousandsStyle;
  /**
   * A tally with one column per direction or nationality (repeat-columns.ts): the cell of each
   * row naming the column its Total came from (`Ingresos`, `Hondureños`), so that a message about
   * the Total names the sheet's column, not the importer's `Total`.
   */
  totalNamedAt?: number;
  /**
   * The fields whose messages name the cell at `totalNamedAt` as their column: `total` always; on
   * a tally with one column per direction also `direction` (the importer's `Sentido` is not the
   * file's column), with one per nationality `nationality`. Unset: `total` only.
   */
  namedFields?: ReadonlySet<string>;
  /** The row reader reused for every row of this file (see `RowReader.for`). */
  reader?: unknown;
  /** `fieldIndex` as a plain object, for fast lookups on every row. */
  idx: Record<string, number | undefined>;
}

const CACHE_LIMIT = 50_000;

/**
 * On a tally (one column per direction or nationality), the file's column a message about
 * `field` names: the row's cell naming it (`Entradas`), for `total` and `namedFields`.
 */
function tallyColumn(
  ctx: ConvertContext,
  cells: readonly string[],
  field: string,
): string | undefined {
  const at = ctx.totalNamedAt;
  if (at === undefined || (field !== "total" && !ctx.namedFields?.has(field))) return undefined;
  return cells[at]?.trim();
}

/**
 * Remembers the parse of a cell text (bounded): count sheets repeat the same dates, places and
 * codes on every row, and parsing them once per file is most of the speed of the import. The
 * memo maps live on the row reader, one per file; lookups are written out at each use rather
 * than through a callback, so no closure is made per cell.
 */
export function remember<T>(memo: Map<string, T>, text: string, value: T): T {
  if (memo.size < CACHE_LIMIT) memo.set(text, value);
  return value;
}

/** A parsed date cell and its day number. */
export interface DateMemo {
  parsed: DateParse;
  day: number;
}

/**
 * Columns of fields read on every row, looked up once per file: a lookup by a field name
 * that varies from call to call is a slow (megamorphic) property access.
 */
export interface FieldColumns {
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
}

function fieldColumns(idx: Record<string, number | undefined>): FieldColumns {
  return {
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
}

/** Reads cells by field name. */
export class RowReader {
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
  readonly places = new Map<string | undefined, Map<string, PlaceResolution>>();
  /** The country of the last place lookup and its memo (see `readPlace`). */
  placeCountry: string | undefined;
  placeMemo: Map<string, PlaceResolution> | undefined;
  /** Set by `readPlace`: words after the town name another point (`Tecún Umán (puente)`). */
  placeNameKept = false;
  /** Unknown names read by their abbreviation or lost letters, per country and name (`readPlace`). */
  readonly longNames = new Map<string, { place: Place; long?: string } | null>();
  /** `fmp_id` cells that are a point's name (`convertCount`), decided and warned once per file and cell. */
  readonly idNames = new Map<string, boolean>();
  /** Set by `readCoordinates`: a lone latitude or longitude left out, as [`lat_as_written` or `lon_as_written`, cell]. */
  loneCoordinate: [string, string] | undefined = undefined;
  /**
   * Columns of fields read on every row, looked up once per file: a lookup by a field name
   * that varies from call to call is a slow (megamorphic) property access.
   */
  readonly col: FieldColumns;
  /** The file has a lat, lon or geopoint column. */
  readonly anyCoordinates: boolean;
  constructor(cells: readonly string[], ctx: ConvertContext) {
    this.cells = cells;
    this.ctx = ctx;
    this.issues = { rejections: [], warnings: [] };
    const idx = ctx.idx;
    this.col = fieldColumns(idx);
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
    const named = tallyColumn(this.ctx, this.cells, field);
    if (named) return named;
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
    code: ImportIssueCode,
    message: string,
    value?: string,
    suggestions?: string[],
    params?: IssueParams,
  ): void {
    this.issues.rejections.push({
      ...(field ? { column: this.column(field) } : {}),
      ...(value !== undefined ? { value } : {}),
      code,
      message,
      ...(suggestions ? { suggestions } : {}),
      ...(params ? { params } : {}),
    });
  }
  warn(
    field: string | undefined,
    code: ImportIssueCode,
    message: string,
    value?: string,
    params?: IssueParams,
  ): void {
    this.issues.warnings.push({
      ...(field ? { column: this.column(field) } : {}),
      ...(value !== undefined ? { value } : {}),
      code,
      message,
      ...(params ? { params } : {}),
    });
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

  /** The extra attributes after the last `readCountryCode` call. */
  extraOut: Record<string, string> | undefined;
}
