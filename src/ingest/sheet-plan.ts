/**
 * How one sheet is read, decided once its header is known: the layout (header row, kind, column
 * mapping, recorded in the report), whether the file is unusable and why, the conversion context
 * (wide or long layout), and the per-sheet checks (totals, repeated header, places).
 */
import type { ImportIssueCode } from "./issue-codes.ts";
import type { TableKind } from "./fields.ts";
import { ownOutput, ownOutputMessage } from "./own-outputs.ts";
import { describeField, detectLayout, fieldHeaders } from "./headers.ts";
import type { HeaderLayout, HeaderMapping } from "./headers.ts";
import type { ImporterCore } from "./import-core.ts";
import type { ImportedRecord } from "./import-options.ts";
import type { ColumnMapping, IssueParams } from "./report.ts";
import { normalizeKey } from "./normalize.ts";
import { SHEET_NAME_COLUMN } from "./column-shown.ts";
import { pointInColumn } from "./summary-sheet.ts";
import { LongPivot } from "./pivot.ts";
import { PlaceConflicts } from "./place-conflicts.ts";
import { RepeatedHeader, isBlankRow, otherCompanions } from "./row-kinds.ts";
import { RunningTotals } from "./running-totals.ts";
import { splitDateTime } from "./time-column.ts";
import {
  DEFAULT_REGION,
  convertCount,
  convertPlace,
  convertSighting,
  convertStock,
} from "./convert.ts";
import type { ConvertContext, Converted } from "./convert.ts";

/** Why a sheet cannot be read: a code and one sentence. */
export interface Fatal {
  code: ImportIssueCode;
  message: string;
  params?: IssueParams;
}

export type Converter = (
  cells: readonly string[],
  ctx: ConvertContext,
) => Converted<ImportedRecord>;

const CONVERTERS = {
  counts: convertCount,
  sightings: convertSighting,
  stocks: convertStock,
  places: convertPlace,
} as Record<TableKind, Converter>;

/** A long layout (one row per sex × age class): its rows are pivoted into wide records. */
export interface PivotPlan {
  table: LongPivot;
  sex?: number;
  age?: number;
}

export interface SheetPlan {
  layout: HeaderLayout;
  ctx: ConvertContext;
  convert: Converter;
  fatal?: Fatal;
  pivot?: PivotPlan;
  /** Column index where the sheet name is put when it names the point. */
  sheetColumn?: number;
  /** Ids and names of the places kept so far (places files only). */
  places?: PlaceConflicts;
  totals: RunningTotals;
  header: RepeatedHeader;
  /** Column of the date (`date` or `observed_at`), if any. */
  dateIndex: number | undefined;
  /** The columns the converter reads (mapped to a field), ascending. */
  readColumns: number[];
  /** Read columns a record cannot do without: an Excel error there rejects the row. */
  errorColumns: number[];
  /** Read columns of descriptive fields (DESCRIPTIVE_FIELDS): an Excel error there is blanked. */
  descriptiveColumns: number[];
  /** Read columns and their Kobo "other (specify)" column (row-kinds.ts, otherCompanions). */
  otherPairs: [number, number][];
}

/**
 * Fields that describe a record without being needed to read it (notes, source, link, confidence,
 * part, nationality): an Excel error value there (`#N/A` of a VLOOKUP of a text) leaves the cell
 * blank with a warning, where in a date, place, coordinate, direction, figure or label column it
 * rejects the row (sheet-reader.ts).
 */
export const DESCRIPTIVE_FIELDS: ReadonlySet<string> = new Set([
  "notes",
  "source",
  "source_org",
  "source_type",
  "url",
  "confidence",
  "part",
  "nationality",
]);

/**
 * A column position as people see it: 1-based and as a spreadsheet letter.
 * @example columnLabel(27) // => "28 (AB)"
 */
export function columnLabel(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${index + 1} (${letters})`;
}

/** Decides how a sheet is read from its first rows (`head`), warning and reporting as it goes. */
export function planSheet(
  im: ImporterCore,
  sheet: string | undefined,
  head: readonly string[][],
): SheetPlan {
  const own = sheet !== undefined ? im.options.sheetColumns?.[sheet] : undefined;
  const layout = detectLayout(head, im.kind, own ?? im.options.columns);
  const mapping = layout.mapping;
  const dateTime = splitDateTime(mapping);
  const ninos = childrenOfEitherSex(mapping);
  noteLayout(im, layout);
  if (ninos) noteChildrenOfEitherSex(im, sheet, ninos);
  warnDuplicateColumns(im, sheet, mapping);
  const sheetColumn = pointFromSheetName(im, sheet, layout);
  directionFromNoColumn(im, sheet, layout);
  const fatal = fatalOf(head, layout, im.options.readOwnOutputs === true);
  const { ctx, pivot } = conversionContext(im, sheet, mapping);
  noteScopeHeader(im, sheet, mapping, ctx);
  if (own && sheet !== undefined) noteSheetColumns(im, sheet, mapping);
  if (dateTime) noteTimeColumn(im, sheet, mapping, dateTime, ctx);
  const fi = mapping.fieldIndex;
  const readColumns = [...new Set(ctx.fieldIndex.values())].sort((a, b) => a - b);
  const descriptive = new Set(
    [...ctx.fieldIndex].filter(([f]) => DESCRIPTIVE_FIELDS.has(f)).map(([, i]) => i),
  );
  // Every property written, in one order: the sheet reader reads this object on every row.
  return {
    layout,
    ctx,
    convert: CONVERTERS[mapping.kind],
    fatal,
    pivot,
    sheetColumn,
    places: mapping.kind === "places" ? new PlaceConflicts() : undefined,
    totals: new RunningTotals(mapping.kind, fi, pivot !== undefined),
    header: new RepeatedHeader(head[layout.headerIndex]),
    dateIndex: ctx.fieldIndex.get("date") ?? ctx.fieldIndex.get("observed_at"),
    readColumns,
    errorColumns: readColumns.filter((i) => !descriptive.has(i)),
    descriptiveColumns: readColumns.filter((i) => descriptive.has(i)),
    otherPairs: otherCompanions(ctx.columnNames, readColumns),
  };
}

/** Headers that say "children" in Spanish's masculine plural, which covers girls too. */
const CHILDREN_EITHER_SEX = new Set(["ninos", "nino"]);

/**
 * `Niños` is the boys' column only beside a `Niñas` column; in a sheet with `Hombres`, `Mujeres`,
 * `Niños` and no girls' column it counts all children. The count sheet (docs/contracts.md §1.1)
 * has no column for children of unknown sex, so such a column is not read as `boys` (which would
 * state "male children", HXL `#affected+ind+m+children`) but kept as the extra attribute of its
 * header, as written. A column mapped by the caller (`--columns`) is left as asked. Returns the
 * column changed, or undefined.
 */
function childrenOfEitherSex(mapping: HeaderMapping): ColumnMapping | undefined {
  const fi = mapping.fieldIndex;
  const at = fi.get("boys");
  if (mapping.kind !== "counts" || at === undefined || fi.has("girls")) return undefined;
  const col = mapping.columns.find((c) => c.index === at);
  if (!col || col.how !== "alias") return undefined;
  const key = normalizeKey(col.column.replace(/\s*[([].*$/, ""));
  if (!CHILDREN_EITHER_SEX.has(key)) return undefined;
  fi.delete("boys");
  delete col.field;
  col.how = "extra";
  return col;
}

/** The sheet-level warning for childrenOfEitherSex. */
function noteChildrenOfEitherSex(
  im: ImporterCore,
  sheet: string | undefined,
  col: ColumnMapping,
): void {
  im.warn(
    {
      line: 0,
      column: col.column,
      code: "children_sex_unknown",
      message: `column ${columnLabel(col.index)} "${col.column}" counts children of either sex (the sheet has no girls' column), so it is not read as boys: it is kept as the extra attribute "${col.column}", as written (map it with --columns boys=<column> if it counts boys only).`,
      params: { at: columnLabel(col.index) },
    },
    sheet,
  );
}

/** The importers whose betterKind a data sheet has said (noteLayout). */
const hintByData = new WeakSet<ImporterCore>();

/** The kind and, for the first sheet, the header row and columns, in the report. */
function noteLayout(im: ImporterCore, layout: HeaderLayout): void {
  const mapping = layout.mapping;
  im.kind ??= mapping.kind;
  const report = im.report;
  report.kind ??= mapping.kind;
  report.kindSource ??= layout.kindSource;
  // Whether another kind fits better is the first DATA sheet's word, as the kind is
  // (workbook-import.ts), a sheet naming its points in a column: a sheet of a date and a total
  // (`Fecha;Total`, per-point or summary, its point the sheet's name) that scores as sightings never turns a count workbook given as --counts into "a sightings
  // table"; its word stands only until a data sheet is read, so a workbook with no data sheet
  // keeps the hint.
  if (!hintByData.has(im)) {
    const dataSheet = pointInColumn(mapping.columns);
    if (dataSheet || report.headerRow === undefined) {
      if (layout.betterKind) report.betterKind = layout.betterKind;
      else delete report.betterKind;
    }
    if (dataSheet) hintByData.add(im);
  }
  if (report.headerRow === undefined) {
    report.headerRow = layout.headerIndex + 1;
    if (layout.hxlIndex !== undefined) report.hxlRow = layout.hxlIndex + 1;
    report.columns = mapping.columns.map((c) => ({ ...c }));
  }
  // Every sheet's extras, not the first sheet's only: a column a later sheet keeps as extra (its
  // own mapping displaced it, or only that sheet has it) is written, never dropped.
  const known = new Set(report.extraColumns);
  for (const c of mapping.columns)
    if (!c.field && !c.ignored && !known.has(c.column)) {
      known.add(c.column);
      report.extraColumns.push(c.column);
    }
}

/** A sheet read with its own column mapping: the mapping applied, in the report, by sheet name. */
function noteSheetColumns(im: ImporterCore, sheet: string, mapping: HeaderMapping): void {
  const report = im.report;
  report.sheetColumns ??= {};
  report.sheetColumns[sheet] = mapping.columns.map((c) => ({ ...c }));
}

/**
 * Two columns whose headers map to one field (`total,total`, or `fecha` and `dia`): the first is
 * read, the other is kept as an extra attribute under its (unique) name; a warning names both.
 */
function warnDuplicateColumns(
  im: ImporterCore,
  sheet: string | undefined,
  mapping: HeaderMapping,
): void {
  for (const d of mapping.duplicateFields) {
    const first = mapping.columns[d.first]!.column;
    const other = mapping.columns[d.other]!.column;
    im.warn(
      {
        line: 0,
        column: other,
        code: "duplicate_column",
        message: `columns ${columnLabel(d.first)} "${first}" and ${columnLabel(d.other)} "${other}" both read as ${d.field}: ${d.field} is taken from column ${columnLabel(d.first)}; column ${columnLabel(d.other)} is kept as the extra attribute "${other}" (choose another with the column mapping, --columns).`,
        params: {
          field: d.field,
          first,
          other,
          firstAt: columnLabel(d.first),
          otherAt: columnLabel(d.other),
        },
      },
      sheet,
    );
  }
}

/**
 * A sightings date with its time of day in a column of its own (`Fecha`, `Hora`): the time column
 * is added to each row's date (`ctx.timeIndex`, read by `readObservedAt`) and stays an extra
 * attribute as written; said once per sheet, instead of the two columns' `duplicate_column`.
 */
function noteTimeColumn(
  im: ImporterCore,
  sheet: string | undefined,
  mapping: HeaderMapping,
  split: { time: number; date: number },
  ctx: ConvertContext,
): void {
  ctx.timeIndex = split.time;
  const time = mapping.columns[split.time]!.column;
  const date = mapping.columns[split.date]!.column;
  im.warn(
    {
      line: 0,
      column: time,
      code: "time_from_column",
      message: `the time of day of each observation is read from column ${columnLabel(split.time)} "${time}" and added to the date in column ${columnLabel(split.date)} "${date}"; "${time}" is also kept as written.`,
      params: { time, date },
    },
    sheet,
  );
}

/**
 * A sightings figure column whose header says it counts the people at one place or passing one
 * point: said once per sheet, and its header carried into every row's notes (`scopeHeader`).
 */
function noteScopeHeader(
  im: ImporterCore,
  sheet: string | undefined,
  mapping: HeaderMapping,
  ctx: ConvertContext,
): void {
  const scoped = mapping.columns.find((c) => c.countScope);
  if (!scoped) return;
  ctx.scopeHeader = scoped.column;
  const what =
    scoped.countScope === "place"
      ? "the people at one place (a shelter's occupancy)"
      : "the people passing one point that day";
  im.warn(
    {
      line: 0,
      column: scoped.column,
      code: "count_scope_from_header",
      message: `column ${columnLabel(scoped.index)} "${scoped.column}" counts ${what}, not a whole group: each row's figure is read as "at least" for its group, and the header is added to the row's notes, where the estimator reads it.`,
      params: { at: columnLabel(scoped.index), scope: scoped.countScope! },
    },
    sheet,
  );
}

/**
 * A workbook with one sheet per point: the sheet name is the point when no column names it. Adds
 * a column for it to the mapping and returns its index (undefined when not used).
 */
function pointFromSheetName(
  im: ImporterCore,
  sheet: string | undefined,
  layout: HeaderLayout,
): number | undefined {
  const mapping = layout.mapping;
  const pointAlt = mapping.missing.findIndex((alts) => alts.includes("fmp_name"));
  if (mapping.kind !== "counts" || sheet === undefined || pointAlt < 0) return undefined;
  mapping.missing.splice(pointAlt, 1);
  const sheetColumn = mapping.columns.length;
  mapping.fieldIndex.set("fmp_name", sheetColumn);
  mapping.columns.push({
    index: sheetColumn,
    column: SHEET_NAME_COLUMN,
    field: "fmp_name",
    how: "alias",
  });
  const report = im.report;
  if (
    report.columns.length < mapping.columns.length &&
    report.headerRow === layout.headerIndex + 1
  ) {
    report.columns = mapping.columns.map((c) => ({ ...c }));
  }
  im.warn(
    {
      line: 0,
      code: "point_from_sheet_name",
      message: `no point column; the sheet name "${sheet}" is used as fmp_name.`,
      params: { sheet },
    },
    sheet,
  );
  return sheetColumn;
}

/**
 * A count sheet without a direction column (a single-point sheet often has none): every row is
 * read as direction unknown, as a blank direction cell is, with one warning for the sheet rather
 * than one per row. docs/contracts.md §1.1 lists `unknown` among the directions. The estimator
 * leaves out only southbound counts (so it uses these); the ledger's departures
 * (src/ledger/departures.ts) take northbound counts only (so it does not).
 */
function directionFromNoColumn(
  im: ImporterCore,
  sheet: string | undefined,
  layout: HeaderLayout,
): void {
  const mapping = layout.mapping;
  const at = mapping.missing.findIndex((alts) => alts.length === 1 && alts[0] === "direction");
  if (mapping.kind !== "counts" || at < 0) return;
  mapping.missing.splice(at, 1);
  im.warn(
    {
      line: 0,
      code: "direction_column_missing",
      message:
        "no direction column; every row is read as direction unknown (add a Direction column, or map one with --columns direction=<column>, to say northbound or southbound).",
    },
    sheet,
  );
}

/** Why the sheet cannot be read (no data, a bad column mapping, a required column missing). */
function fatalOf(
  head: readonly string[][],
  layout: HeaderLayout,
  readOwnOutputs: boolean,
): Fatal | undefined {
  const mapping = layout.mapping;
  if (!head.some((r) => !isBlankRow(r)))
    return { code: "empty_file", message: "the file has no rows with data." };
  // dtm-flow's own output given back (tracks.csv as sightings): refused, never read as data.
  // Read anyway when the user named the kind (`--kind`, readOwnOutputs).
  const own = head
    .slice(0, readOwnOutputs ? 0 : layout.headerIndex + 1)
    .map(ownOutput)
    .find(Boolean);
  if (own)
    return { code: "own_output", message: ownOutputMessage(own), params: { output: own.file } };
  if (mapping.overrideProblem) {
    const p = mapping.overrideProblem;
    // The file's own columns: not the ones the importer made (the sheet name, a tally's).
    const fileColumns = mapping.columns.filter(
      (c) => !c.madeFrom && c.column !== SHEET_NAME_COLUMN,
    );
    return p.code === "unknown_column"
      ? {
          code: p.code,
          message: `the column mapping names a column "${p.key}" that the header in row ${layout.headerIndex + 1} does not have: its columns are ${fileColumns.map((c) => `"${c.column}"`).join(", ")} (or give a 0-based position).`,
          params: {
            key: p.key,
            row: layout.headerIndex + 1,
            columns: fileColumns.map((c) => `«${c.column}»`).join(", "),
          },
        }
      : { code: p.code, message: p.message, params: p.params };
  }
  if (mapping.missing.length) {
    const what = mapping.missing
      .map((alts) => alts.map((a) => describeField(mapping.kind, a)).join(" or "))
      .join("; and ");
    return {
      code: "missing_column",
      params: {
        columns: mapping.missing.map((a) => a.join("/")).join(", "),
        kind: mapping.kind,
        row: layout.headerIndex + 1,
        // The headers looked for, per missing field (alternatives apart by " / "), for the Spanish.
        lookedFor: mapping.missing
          .map((alts) => alts.map((a) => fieldHeaders(mapping.kind, a)).join(" / "))
          .join("; "),
      },
      message: `no ${mapping.missing.map((a) => a.join("/")).join(", ")} column for a ${mapping.kind} table in row ${layout.headerIndex + 1}: looked for ${what}.${reportedNotObserved(mapping)}`,
    };
  }
  return undefined;
}

/**
 * For a sightings sheet without an observed_at column but with a report date (`Fecha reporte`,
 * `#date+reported`, read as reported_at: when the source published): how to read it as the day
 * the group was seen, if it is. Empty otherwise.
 */
function reportedNotObserved(mapping: HeaderMapping): string {
  const at = mapping.fieldIndex.get("reported_at");
  if (mapping.kind !== "sightings" || at === undefined) return "";
  if (!mapping.missing.some((alts) => alts.includes("observed_at"))) return "";
  const c = mapping.columns[at]!;
  const shown = c.hxl ? `${c.column} [${c.hxl}]` : c.column;
  return ` ${shown} was read as reported_at (when the source published); if it is the day the group was seen, map it: --columns observed_at="${c.column}".`;
}

/**
 * The converters' context. A counts sheet with `n` and `sex`/`age` columns and no wide totals is
 * a long layout: `n` is read as each row's total and the rows are pivoted. Otherwise long-layout
 * columns present beside wide ones are kept as extra attributes.
 */
function conversionContext(
  im: ImporterCore,
  sheet: string | undefined,
  mapping: HeaderMapping,
): { ctx: ConvertContext; pivot?: PivotPlan } {
  const fi = mapping.fieldIndex;
  const columnNames = mapping.columns.map((c) => c.column);
  const extraIndexes = mapping.columns.filter((c) => !c.field && !c.ignored).map((c) => c.index);
  const hasTotals = ["total", "men", "women", "boys", "girls"].some((f) => fi.has(f));
  if (mapping.kind === "counts" && fi.has("n") && !hasTotals && (fi.has("sex") || fi.has("age"))) {
    im.report.pivoted = true;
    const pivot: PivotPlan = {
      table: new LongPivot(),
      ...(fi.has("sex") ? { sex: fi.get("sex")! } : {}),
      ...(fi.has("age") ? { age: fi.get("age")! } : {}),
    };
    const longIndex = new Map(fi);
    longIndex.set("total", fi.get("n")!);
    return { ctx: context(im, sheet, mapping.kind, longIndex, columnNames, extraIndexes), pivot };
  }
  const extras = extraIndexes.concat(
    ["sex", "age", "n"].filter((f) => fi.has(f)).map((f) => fi.get(f)!),
  );
  const sorted = extras.sort((a, b) => a - b);
  return { ctx: context(im, sheet, mapping.kind, fi, columnNames, sorted) };
}

function context(
  im: ImporterCore,
  sheet: string | undefined,
  kind: TableKind,
  fieldIndex: Map<string, number>,
  columnNames: string[],
  extraIndexes: number[],
): ConvertContext {
  const o = im.options;
  return {
    kind,
    fieldIndex,
    idx: Object.fromEntries(fieldIndex),
    columnNames,
    extraIndexes,
    dateOrder: "dmy",
    region: o.region ?? DEFAULT_REGION,
    line: 0,
    labels: im.labels,
    thousands: im.thousands,
    ...(o.gazetteer ? { gazetteer: o.gazetteer } : {}),
    ...(o.incomingIs ? { incomingIs: o.incomingIs } : {}),
    ...(o.fileName !== undefined ? { fileName: o.fileName } : {}),
    ...(sheet !== undefined ? { sheet } : {}),
  };
}
