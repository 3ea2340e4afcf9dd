/**
 * The table importer: bytes or text in (pushed in chunks, or all at once), records and an import
 * report out. CSV/TSV/`;` text is parsed with papaparse's incremental parser; XLSX workbooks are
 * read sheet by sheet. Every data row ends up either accepted or rejected (with its line, column,
 * value, code and message): `report.accepted + report.rejected === report.dataRows`, always.
 */
import Papa from "papaparse";
import type { CountRecord, Direction } from "../model/count.ts";
import type { Place } from "../model/place.ts";
import type { Sighting } from "../model/sighting.ts";
import type { StockFigure } from "../model/stock.ts";
import type { Gazetteer } from "../geo/gazetteer.ts";
import { createStreamDecoder, hasMojibake, repairMojibake } from "./decode.ts";
import type { StreamDecoder } from "./decode.ts";
import { dayNumber, isoDate, utcDateOfInstant } from "../calendar/index.ts";
import { decideDateOrder, parseDate, slashedParts } from "./dates.ts";
import type { DateOrder } from "./dates.ts";
import { createNewlineNormalizer, sniffDelimiter } from "./delimiter.ts";
import { sniffFormat, unsupportedFormat } from "./file-format.ts";
import type { TableKind } from "./fields.ts";
import { describeField, detectLayout } from "./headers.ts";
import type { ColumnOverrides, HeaderLayout, HeaderMapping } from "./headers.ts";
import { normalizeKey } from "./normalize.ts";
import { ageClass, LongPivot, sexClass } from "./pivot.ts";
import { emptyReport, ingestSource } from "./report.ts";
import type { ImportReport } from "./report.ts";
import { createDateWindow } from "./date-window.ts";
import { PlaceConflicts } from "./place-conflicts.ts";
import {
  DEFAULT_REGION,
  convertCount,
  convertPlace,
  convertSighting,
  convertStock,
} from "./convert.ts";
import type { ConvertContext, Converted, Issue, Region } from "./convert.ts";
import { UnsupportedFormatError, readXlsx } from "./xlsx.ts";
import { parseQuantity } from "./values.ts";

/** Any record the importer produces. */
export type ImportedRecord = CountRecord | Sighting | StockFigure | Place;

export interface ImportOptions {
  /** Table kind; detected from the headers when not given. */
  kind?: TableKind;
  /** Name shown in the report and used in generated sighting ids. */
  fileName?: string;
  /** Places to resolve names against; without one, place names are not checked. */
  gazetteer?: Gazetteer;
  /** Day-month order of slashed dates; default: decided from the data, `dmy` when undecidable. */
  dateOrder?: DateOrder;
  /**
   * The dates to accept (inclusive, `YYYY-MM-DD`; either bound alone limits that side only).
   * Default: taken from the data — any date within a year of the file's other dates, so a series
   * of several years imports whole and only a mistyped year is rejected (see date-window.ts).
   * Dates before 1900 or after `today` (plus one day) are rejected in any case.
   */
  dateWindow?: { from?: string; to?: string };
  /** The day of the import (`YYYY-MM-DD`), for rejecting dates in the future; default: the clock's UTC date. */
  today?: string;
  /** Field separator; default sniffed from the first lines (`,`, `;`, tab or `|`). */
  delimiter?: string;
  /** What `incoming`/`entrada` means at the points of this file; default: unknown, with a warning. */
  incomingIs?: Direction;
  /** Coordinates outside this box get a warning; default Central America to the US border. */
  region?: Region;
  /**
   * The column mapping, chosen instead of detected (e.g. after an analyst corrected the report's
   * mapping): input column → what it holds. Default: none, every column is mapped from its header.
   * - key: the column's header text as written in the file (any case, with or without accents;
   *   for Kobo exports the name after the group prefix, `grp/sentido` → `sentido`, also matches;
   *   in an HXL file its hashtag, `#x_dir`, too), or its 0-based position as digits (`"3"`), used
   *   when no header is written so;
   * - value: a field name of the table kind (`fieldNames(kind)`, e.g. `direction`), `"extra"` to
   *   keep the column as an extra attribute of each record, or `"ignore"` not to read it at all.
   *
   * A field given to a column is no longer read from the column the importer matched it to (that
   * one is kept as an extra). The columns set here show in `report.columns` with `how: "user"`.
   * A key that names no column of the header, a value that is not a field of the kind, or one
   * field given to two columns make the file unusable (`report.fatal`, one sentence).
   * @example
   * importTable(bytes, { kind: "counts", columns: { sentido_x: "direction", "5": "extra" } });
   */
  columns?: ColumnOverrides;
  /** At most this many rejection and warning details are kept (counts stay exact); default 10,000. */
  maxIssues?: number;
  /**
   * Streaming: receives each record instead of keeping it (`records` of the result stays empty),
   * so memory does not grow with the file.
   */
  onRecord?: (record: ImportedRecord, line: number, sheet?: string) => void;
}

export interface ImportResult {
  kind: TableKind | undefined;
  records: ImportedRecord[];
  report: ImportReport;
}

/** Push-based importer: `push` chunks in file order, then `finish` once. */
export interface TableImporter {
  push(chunk: Uint8Array | string): void;
  finish(): ImportResult;
  /** The report so far (rows read, accepted, rejected…), for progress displays. */
  readonly report: ImportReport;
  /** Bytes or characters pushed so far. */
  readonly consumed: number;
}

const ORDER_BUFFER_ROWS = 20_000;
/** What a date cell says about the day-month order (see `collect`). */
interface DateEvidence {
  parts: [number, number] | undefined;
}
const EVIDENCE_MEMO_LIMIT = 50_000;
/** Characters of text handed to the CSV parser at a time (see `feedText`). */
const PARSE_PIECE = 32_768;
const HEAD_ROWS = 25;
const SUMMABLE: Record<TableKind, string[]> = {
  counts: ["total", "men", "women", "boys", "girls", "uac"],
  sightings: ["size_best"],
  stocks: ["value"],
  places: [],
};
/** Record property of each summable field. */
const SUM_KEYS: Record<string, string> = {
  total: "total",
  men: "men",
  women: "women",
  boys: "boys",
  girls: "girls",
  uac: "uac",
  size_best: "sizeBest",
  size: "sizeBest",
  value: "value",
};
const TOTAL_WORDS = /^(total|totales|total_general|gran_total|grand_total|suma|sum|sum_total)$/;
const SUBTOTAL_WORDS = /^(sub_?total|subtotales|total_parcial|total_\w+|subtotal_\w+)$/;

/**
 * Set of 53-bit row hashes → first line, in typed arrays with open addressing: a million rows take
 * 24 MB and no per-row objects (a Map of doubles would box every key).
 */
class RowHashTable {
  private keys = new Float64Array(1024);
  private lines = new Int32Array(1024);
  private size = 0;

  /** The line stored for `hash`, or stores `line` and returns undefined. */
  getOrAdd(hash: number, line: number): number | undefined {
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    const key = hash + 1; // 0 marks an empty slot
    const mask = this.keys.length - 1;
    let i = (hash >>> 0) & mask;
    for (;;) {
      const k = this.keys[i]!;
      if (k === 0) {
        this.keys[i] = key;
        this.lines[i] = line;
        this.size++;
        return undefined;
      }
      if (k === key) return this.lines[i];
      i = (i + 1) & mask;
    }
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldLines = this.lines;
    this.keys = new Float64Array(oldKeys.length * 2);
    this.lines = new Int32Array(oldKeys.length * 2);
    this.size = 0;
    for (let i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i]) this.getOrAdd(oldKeys[i]! - 1, oldLines[i]!);
    }
  }
}

/** 53-bit hash of a row, for duplicate detection without keeping the rows. */
function rowHash(cells: readonly string[]): number {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (const t of cells) {
    for (let i = 0; i < t.length; i++) {
      const c = t.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 13);
    }
    h1 = Math.imul(h1 ^ 0x1f, 0x01000193);
    h2 = Math.imul(h2 ^ 0x1f, 0x5bd1e995);
  }
  return (h1 >>> 0) * 0x200000 + ((h2 >>> 0) & 0x1fffff);
}

const FORMULA_QUOTED = /^'[=+\-@\t\r]/;

/** True when every cell is empty or white space (checked without allocating). */
function isBlankRow(cells: readonly string[]): boolean {
  for (const c of cells) {
    for (let i = 0; i < c.length; i++) {
      const code = c.charCodeAt(i);
      if (code > 32 && code !== 0xa0 && code !== 0xfeff) return false;
    }
  }
  return true;
}

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

/** Per-sheet state: header, date order, duplicates, totals. */
class SheetReader {
  private head: string[][] = [];
  private buffer: { cells: string[]; line: number }[] = [];
  private phase: "head" | "order" | "rows" = "head";
  private line = 0;
  private layout?: HeaderLayout;
  private ctx?: ConvertContext;
  private convert?: (cells: readonly string[], ctx: ConvertContext) => Converted<ImportedRecord>;
  private evidence: [number, number][] = [];
  /** Date cells already read for evidence (files repeat the same few dates). */
  private evidenceMemo = new Map<string, DateEvidence>();
  private seen = new RowHashTable();
  /** Ids and names of the places kept so far (places files only). */
  private places?: PlaceConflicts;
  private uuids = new Map<string, number>();
  /** Summable fields of this kind that the file has, their record properties and running sums. */
  private sumFields: string[] = [];
  private sumProps: string[] = [];
  private sums: number[] = [];
  private pivot?: LongPivot;
  private pivotIdx?: { sex?: number; age?: number };
  private headerKey = "";
  private headerFirst = "";
  /** Column index where the sheet name is put when it names the point. */
  private sheetColumn?: number;
  fatal?: { code: string; message: string };

  private readonly im: ImporterCore;
  readonly sheet: string | undefined;

  constructor(im: ImporterCore, sheet: string | undefined) {
    this.im = im;
    this.sheet = sheet;
  }

  get kind(): TableKind | undefined {
    return this.layout?.mapping.kind;
  }

  push(input: string[]): void {
    const line = ++this.line;
    const cells = this.im.mojibake
      ? input.map((c) => (c.length > 1 && hasMojibake(c) ? repairMojibake(c) : c))
      : input;
    if (this.phase === "head") {
      this.head.push(cells);
      if (this.head.length >= HEAD_ROWS) this.startRows();
      return;
    }
    if (this.phase === "order") {
      this.collect(cells);
      this.buffer.push({ cells, line });
      if (this.buffer.length >= ORDER_BUFFER_ROWS) this.decideOrder();
      return;
    }
    this.row(cells, line);
  }

  finish(): void {
    if (this.phase === "head") this.startRows();
    if (this.phase === "order") this.decideOrder();
    this.reportWindow();
    if (this.pivot) {
      for (const { record, line, warning } of this.pivot.records()) {
        if (warning)
          this.im.warn({ line, code: "long_total_mismatch", message: warning }, this.sheet);
        this.im.emit(record, line, this.sheet);
      }
    }
  }

  /** Adds this sheet's window and the span of its dates to the report (earliest and latest). */
  private reportWindow(): void {
    const window = this.ctx?.window;
    if (!window || this.dateIndex() === undefined || this.fatal) return;
    const report = this.im.report;
    const given = this.im.options.dateWindow;
    const w = (report.dateWindow ??= {
      decidedBy: window.decidedBy,
      ...(given?.from !== undefined ? { from: given.from } : {}),
      ...(given?.to !== undefined ? { to: given.to } : {}),
    });
    const span = window.span();
    if (!span) return;
    const [a, b] = span.map(isoDate) as [string, string];
    if (w.first === undefined || a < w.first) w.first = a;
    if (w.last === undefined || b > w.last) w.last = b;
  }

  /** Layout known: decides header and kind, then feeds the rows after the header on. */
  private startRows(): void {
    const im = this.im;
    const layout = detectLayout(this.head, im.kind, im.options.columns);
    this.layout = layout;
    const mapping = layout.mapping;
    im.kind ??= mapping.kind;
    const report = im.report;
    report.kind ??= mapping.kind;
    report.kindSource ??= layout.kindSource;
    if (report.headerRow === undefined) {
      report.headerRow = layout.headerIndex + 1;
      if (layout.hxlIndex !== undefined) report.hxlRow = layout.hxlIndex + 1;
      report.columns = mapping.columns.map((c) => ({ ...c }));
      report.extraColumns = mapping.columns
        .filter((c) => !c.field && !c.ignored)
        .map((c) => c.column);
    }
    this.warnDuplicateColumns(mapping);
    // A workbook with one sheet per point: the sheet name is the point when no column names it.
    const pointAlt = mapping.missing.findIndex((alts) => alts.includes("fmp_name"));
    if (mapping.kind === "counts" && this.sheet !== undefined && pointAlt >= 0) {
      mapping.missing.splice(pointAlt, 1);
      this.sheetColumn = mapping.columns.length;
      mapping.fieldIndex.set("fmp_name", this.sheetColumn);
      mapping.columns.push({
        index: this.sheetColumn,
        column: "(sheet name)",
        field: "fmp_name",
        how: "alias",
      });
      if (
        report.columns.length < mapping.columns.length &&
        report.headerRow === layout.headerIndex + 1
      ) {
        report.columns = mapping.columns.map((c) => ({ ...c }));
      }
      this.im.warn(
        {
          line: 0,
          code: "point_from_sheet_name",
          message: `no point column; the sheet name "${this.sheet}" is used as fmp_name.`,
        },
        this.sheet,
      );
    }
    const nonBlank = this.head.some((r) => !isBlankRow(r));
    if (!nonBlank) {
      this.fatal = { code: "empty_file", message: "the file has no rows with data." };
    } else if (mapping.overrideProblem) {
      const p = mapping.overrideProblem;
      this.fatal =
        p.code === "unknown_column"
          ? {
              code: p.code,
              message: `the column mapping names a column "${p.key}" that the header in row ${layout.headerIndex + 1} does not have: its columns are ${mapping.columns.map((c) => `"${c.column}"`).join(", ")} (or give a 0-based position).`,
            }
          : { code: p.code, message: p.message };
    } else if (mapping.missing.length) {
      const what = mapping.missing
        .map((alts) => alts.map((a) => describeField(mapping.kind, a)).join(" or "))
        .join("; and ");
      this.fatal = {
        code: "missing_column",
        message: `no ${mapping.missing.map((a) => a.join("/")).join(", ")} column for a ${mapping.kind} table in row ${layout.headerIndex + 1}: looked for ${what}.`,
      };
    }
    const fi = mapping.fieldIndex;
    const columnNames = mapping.columns.map((c) => c.column);
    const extraIndexes = mapping.columns.filter((c) => !c.field && !c.ignored).map((c) => c.index);
    const hasTotals = ["total", "men", "women", "boys", "girls"].some((f) => fi.has(f));
    if (
      mapping.kind === "counts" &&
      fi.has("n") &&
      !hasTotals &&
      (fi.has("sex") || fi.has("age"))
    ) {
      this.pivot = new LongPivot();
      report.pivoted = true;
      this.pivotIdx = {
        ...(fi.has("sex") ? { sex: fi.get("sex")! } : {}),
        ...(fi.has("age") ? { age: fi.get("age")! } : {}),
      };
      const longIndex = new Map(fi);
      longIndex.set("total", fi.get("n")!);
      this.ctx = this.context(longIndex, columnNames, extraIndexes.concat());
    } else {
      // Long-layout columns present beside wide ones are kept as extra attributes.
      const extras = extraIndexes.concat(
        ["sex", "age", "n"].filter((f) => fi.has(f)).map((f) => fi.get(f)!),
      );
      this.ctx = this.context(
        fi,
        columnNames,
        extras.sort((a, b) => a - b),
      );
    }
    if (mapping.kind === "places") this.places = new PlaceConflicts();
    this.convert = (
      {
        counts: convertCount,
        sightings: convertSighting,
        stocks: convertStock,
        places: convertPlace,
      } as const
    )[mapping.kind] as (cells: readonly string[], ctx: ConvertContext) => Converted<ImportedRecord>;
    this.headerFirst = this.head[layout.headerIndex]?.[0] ?? "";
    this.sumFields = SUMMABLE[mapping.kind].filter(
      (f) => fi.has(f) || (f === "total" && this.pivot),
    );
    this.sumProps = this.sumFields.map((f) => SUM_KEYS[f]!);
    this.sums = this.sumFields.map(() => 0);
    this.headerKey = (this.head[layout.headerIndex] ?? [])
      .map((c) => normalizeKey(c))
      .join("\u0001");
    const rest = this.head.slice(layout.dataIndex);
    const start = layout.dataIndex;
    this.head = [];
    const needsOrder = (fi.has("date") || fi.has("observed_at")) && !this.fatal;
    this.phase = needsOrder ? "order" : "rows";
    if (!needsOrder) this.decideOrder();
    rest.forEach((cells, i) => {
      if (this.phase === "order") {
        this.collect(cells);
        this.buffer.push({ cells, line: start + i + 1 });
      } else this.row(cells, start + i + 1);
    });
  }

  /**
   * Two columns whose headers map to one field (`total,total`, or `fecha` and `dia`): the first is
   * read, the other is kept as an extra attribute under its (unique) name; a warning names both.
   */
  private warnDuplicateColumns(mapping: HeaderMapping): void {
    for (const d of mapping.duplicateFields) {
      const first = mapping.columns[d.first]!.column;
      const other = mapping.columns[d.other]!.column;
      this.im.warn(
        {
          line: 0,
          column: other,
          code: "duplicate_column",
          message: `columns ${columnLabel(d.first)} "${first}" and ${columnLabel(d.other)} "${other}" both read as ${d.field}: ${d.field} is taken from column ${columnLabel(d.first)}; column ${columnLabel(d.other)} is kept as the extra attribute "${other}" (choose another with the column mapping, --columns).`,
        },
        this.sheet,
      );
    }
  }

  private context(
    fieldIndex: Map<string, number>,
    columnNames: string[],
    extraIndexes: number[],
  ): ConvertContext {
    const o = this.im.options;
    return {
      kind: this.layout!.mapping.kind,
      fieldIndex,
      idx: Object.fromEntries(fieldIndex),
      columnNames,
      extraIndexes,
      dateOrder: "dmy",
      region: o.region ?? DEFAULT_REGION,
      line: 0,
      ...(o.gazetteer ? { gazetteer: o.gazetteer } : {}),
      ...(o.incomingIs ? { incomingIs: o.incomingIs } : {}),
      ...(o.fileName !== undefined ? { fileName: o.fileName } : {}),
      ...(this.sheet !== undefined ? { sheet: this.sheet } : {}),
    };
  }

  private dateIndex(): number | undefined {
    const fi = this.ctx?.fieldIndex;
    return fi?.get("date") ?? fi?.get("observed_at");
  }

  /** Evidence for the day-month order, from the rows held back. */
  private collect(cells: readonly string[]): void {
    const i = this.dateIndex();
    if (i === undefined) return;
    const t = cells[i]?.trim();
    if (!t) return;
    let e = this.evidenceMemo.get(t);
    if (e === undefined) {
      e = { parts: slashedParts(t) };
      if (this.evidenceMemo.size < EVIDENCE_MEMO_LIMIT) this.evidenceMemo.set(t, e);
    }
    // The same parts pair may be pushed for many rows: it is only read.
    if (e.parts) this.evidence.push(e.parts);
  }

  private decideOrder(): void {
    const ctx = this.ctx!;
    const o = this.im.options;
    const report = this.im.report;
    const decision = decideDateOrder(this.evidence);
    let order: DateOrder = o.dateOrder ?? decision.order ?? "dmy";
    const decidedBy = o.dateOrder ? "option" : decision.order ? "data" : "default";
    if (this.dateIndex() !== undefined && !this.fatal) {
      if (!o.dateOrder && decision.status === "undecided" && this.evidence.length > 0) {
        this.im.warn(
          {
            line: 0,
            code: "date_order_undecided",
            message: `no date in the first rows shows whether ${this.evidence.length} slashed dates are day/month or month/day; read as dd/mm/yyyy (pass dateOrder to change).`,
          },
          this.sheet,
        );
      }
      if (!o.dateOrder && decision.status === "conflict") {
        this.im.warn(
          {
            line: 0,
            code: "date_order_conflict",
            message: `slashed dates disagree (${decision.evidence.dmy} look day/month, ${decision.evidence.mdy} month/day); ambiguous ones read as ${order === "dmy" ? "dd/mm" : "mm/dd"}.`,
          },
          this.sheet,
        );
      }
      if (this.evidence.length > 0 || o.dateOrder) {
        report.dateOrder ??= {
          order,
          decidedBy,
          dmyEvidence: decision.evidence.dmy,
          mdyEvidence: decision.evidence.mdy,
        };
      }
    }
    order = report.dateOrder?.order ?? order;
    ctx.dateOrder = order;
    ctx.window = createDateWindow({
      ...o.dateWindow,
      today: o.today ?? utcDateOfInstant(Date.now()),
      sample: this.sampleDays(order),
    });
    this.phase = "rows";
    const buffered = this.buffer;
    this.buffer = [];
    this.evidence = [];
    this.evidenceMemo = new Map();
    for (const { cells, line } of buffered) this.row(cells, line);
  }

  /** Days of the dates in the rows held back, read in the file's day-month order. */
  private sampleDays(order: DateOrder): number[] {
    const i = this.dateIndex();
    if (i === undefined || this.im.options.dateWindow) return [];
    const memo = new Map<string, number | undefined>();
    const days: number[] = [];
    for (const { cells } of this.buffer) {
      const t = cells[i]?.trim();
      if (!t) continue;
      let day = memo.get(t);
      if (day === undefined && !memo.has(t)) {
        const d = parseDate(t, order);
        day = d.ok ? dayNumber(d.value.date) : undefined;
        if (memo.size < EVIDENCE_MEMO_LIMIT) memo.set(t, day);
      }
      if (day !== undefined) days.push(day);
    }
    return days;
  }

  private row(input: string[], line: number): void {
    const im = this.im;
    const report = im.report;
    if (isBlankRow(input)) {
      report.blankRows++;
      return;
    }
    let raw = input;
    if (this.sheetColumn !== undefined) {
      raw = input.slice();
      while (raw.length < this.sheetColumn) raw.push("");
      raw[this.sheetColumn] = this.sheet!;
    }
    report.rowsRead++;
    let cells = raw;
    // Exports neutralise formulas with a leading apostrophe ('=…, '-…); read them back as written.
    for (let i = 0; i < cells.length; i++) {
      if (cells[i]!.charCodeAt(0) === 39 && FORMULA_QUOTED.test(cells[i]!)) {
        if (cells === raw) cells = raw.slice();
        cells[i] = cells[i]!.slice(1);
      }
    }
    if (this.fatal) {
      report.dataRows++;
      report.rejected++;
      im.reject(
        { line, code: this.fatal.code, message: `file unusable: ${this.fatal.message}` },
        this.sheet,
      );
      return;
    }
    if (this.isRepeatedHeader(cells)) {
      report.nonDataRows++;
      im.warn(
        { line, code: "repeated_header", message: "a copy of the header row; skipped." },
        this.sheet,
      );
      return;
    }
    const totalWord = this.totalWord(cells);
    if (totalWord) {
      report.nonDataRows++;
      this.checkTotals(cells, line, totalWord);
      return;
    }
    report.dataRows++;
    const first = this.seen.getOrAdd(rowHash(cells), line);
    if (first !== undefined) {
      report.rejected++;
      report.duplicates.push({
        line,
        firstLine: first,
        by: "row",
        ...(this.sheet ? { sheet: this.sheet } : {}),
      });
      im.reject(
        { line, code: "duplicate_row", message: `same as row ${first}; kept once.` },
        this.sheet,
      );
      return;
    }
    const ui = this.layout!.mapping.uuidIndex;
    const uuid = ui !== undefined ? cells[ui]?.trim() : undefined;
    if (uuid) {
      const firstUuid = this.uuids.get(uuid);
      if (firstUuid !== undefined) {
        report.rejected++;
        report.duplicates.push({
          line,
          firstLine: firstUuid,
          by: "uuid",
          ...(this.sheet ? { sheet: this.sheet } : {}),
        });
        im.reject(
          {
            line,
            column: "_uuid",
            value: uuid,
            code: "resubmission",
            message: `Kobo resubmission: same _uuid as row ${firstUuid}; the first submission is kept.`,
          },
          this.sheet,
        );
        return;
      }
      this.uuids.set(uuid, line);
    }
    const ctx = this.ctx!;
    ctx.line = line;
    const result = this.convert!(cells, ctx);
    if (!result.record) {
      report.rejected++;
      for (const issue of result.rejections) im.reject({ line, ...issue }, this.sheet);
      return;
    }
    if (this.places && !this.keepPlace(result.record as Place, line)) return;
    report.accepted++;
    for (const w of result.warnings) im.warn({ line, ...w }, this.sheet);
    this.addSums(result.record);
    if (this.pivot) {
      const idx = this.pivotIdx!;
      const rec = result.record as CountRecord;
      this.pivot.add(
        rec,
        line,
        sexClass(idx.sex !== undefined ? cells[idx.sex] : undefined),
        ageClass(idx.age !== undefined ? cells[idx.age] : undefined),
        rec.total ?? 0,
      );
    } else im.emit(result.record, line, this.sheet);
  }

  /**
   * Places files: false (the row rejected) when the place repeats an earlier row's id or takes a
   * name an earlier row gives to a place far away; warnings for names shared otherwise.
   */
  private keepPlace(place: Place, line: number): boolean {
    const im = this.im;
    const found = this.places!.check(place);
    const column = (c: string) => {
      const i = this.ctx!.fieldIndex.get(c);
      return i !== undefined ? this.ctx!.columnNames[i]! : c;
    };
    const rejected = found.find((c) => c.action === "reject");
    if (rejected) {
      im.report.rejected++;
      im.report.duplicates.push({
        line,
        firstLine: rejected.firstLine,
        by: rejected.code === "duplicate_place_id" ? "place_id" : "place_name",
        ...(this.sheet ? { sheet: this.sheet } : {}),
      });
      const { code, message, value } = rejected;
      im.reject({ line, column: column(rejected.column), value, code, message }, this.sheet);
      return false;
    }
    for (const c of found)
      im.warn({ line, column: column(c.column), code: c.code, message: c.message }, this.sheet);
    this.places!.add(place, line);
    return true;
  }

  private isRepeatedHeader(cells: readonly string[]): boolean {
    if (!this.headerKey) return false;
    // Cheap test first: the first cell must be the header's first cell as written.
    if ((cells[0] ?? "") !== this.headerFirst) return false;
    return cells.map((c) => normalizeKey(c)).join("\u0001") === this.headerKey;
  }

  /** `total` or `subtotal` when one of the first text cells says so. */
  private totalWord(cells: readonly string[]): "total" | "subtotal" | undefined {
    let seen = 0;
    for (const c of cells) {
      if (!c) continue;
      // Only cells starting with t/s/g (after spaces) can say total, subtotal, suma, gran total.
      const lead = c.charCodeAt(0) | 0x20;
      if (lead !== 0x74 && lead !== 0x73 && lead !== 0x67 && lead !== 0x20) {
        if (++seen > 3) break;
        continue;
      }
      if (lead !== 0x20) {
        // Starts with a letter, so not blank: rule out most words by their next two letters
        // before trimming and lower-casing a copy (exactly the `head` test below, for ASCII).
        if (++seen > 3) break;
        const l1 = c.charCodeAt(1) | 0x20;
        const l2 = c.charCodeAt(2) | 0x20;
        if (
          !(lead === 0x74 && l1 === 0x6f && l2 === 0x74) && // tot
          !(lead === 0x73 && l1 === 0x75 && (l2 === 0x62 || l2 === 0x6d)) && // sub, sum
          !(lead === 0x67 && l1 === 0x72 && l2 === 0x61) // gra
        )
          continue;
        --seen; // counted again below
      }
      const t = c.trim();
      if (!t) continue;
      if (++seen > 3) break;
      const head = t.slice(0, 3).toLowerCase();
      if (head !== "tot" && head !== "sub" && head !== "sum" && head !== "gra") continue;
      // Only words starting with t/s/g can be total, subtotal, suma, gran total.
      const first = t.charCodeAt(0) | 0x20;
      if (t.length > 24 || (first !== 0x74 && first !== 0x73 && first !== 0x67)) continue;
      const k = normalizeKey(t);
      if (TOTAL_WORDS.test(k)) return "total";
      if (SUBTOTAL_WORDS.test(k)) return "subtotal";
    }
    return undefined;
  }

  /** Running sums of the accepted records, for checking a Total row. */
  private addSums(record: ImportedRecord): void {
    // Plain arrays, not a Map of numbers: a Map would box a new number on every update.
    const rec = record as unknown as Record<string, unknown>;
    const props = this.sumProps;
    const sums = this.sums;
    for (let k = 0; k < props.length; k++) {
      const v = rec[props[k]!];
      if (typeof v === "number") sums[k]! += v;
    }
  }

  private checkTotals(cells: readonly string[], line: number, word: "total" | "subtotal"): void {
    const im = this.im;
    if (word === "subtotal") {
      im.warn(
        { line, code: "subtotal_row", message: "a sub-total row; skipped (not data)." },
        this.sheet,
      );
      return;
    }
    const fi = this.ctx?.fieldIndex;
    let checked = 0;
    for (const f of SUMMABLE[this.layout!.mapping.kind]) {
      const i = fi?.get(f);
      if (i === undefined) continue;
      const q = parseQuantity(cells[i] ?? "");
      if (q.kind !== "number") continue;
      checked++;
      const k = this.sumFields.indexOf(f);
      const computed = k >= 0 ? this.sums[k]! : 0;
      const column = this.ctx!.columnNames[i]!;
      im.report.totals.push({
        line,
        column,
        stated: q.value,
        computed,
        matches: computed === q.value,
        ...(this.sheet ? { sheet: this.sheet } : {}),
      });
      if (computed !== q.value) {
        im.warn(
          {
            line,
            column,
            code: "total_row_mismatch",
            message: `the Total row says ${q.value} for ${column}; the accepted rows above add up to ${computed}.`,
          },
          this.sheet,
        );
      }
    }
    if (!checked)
      im.warn({ line, code: "total_row", message: "a Total row; skipped (not data)." }, this.sheet);
  }
}

/** Shared state of one import (several sheets for XLSX). */
class ImporterCore {
  report: ImportReport;
  kind: TableKind | undefined;
  records: ImportedRecord[] = [];
  mojibake = false;
  private readonly maxIssues: number;

  readonly options: ImportOptions;

  constructor(options: ImportOptions) {
    this.options = options;
    this.report = emptyReport(options.fileName);
    this.kind = options.kind;
    this.maxIssues = options.maxIssues ?? 10_000;
  }

  emit(record: ImportedRecord, line: number, sheet?: string): void {
    this.report.recordsOut++;
    if (this.options.onRecord) this.options.onRecord(record, line, sheet);
    else this.records.push(record);
  }

  reject(issue: Issue & { line: number }, sheet?: string): void {
    if (this.report.rejections.length >= this.maxIssues) {
      this.report.truncated = true;
      return;
    }
    this.report.rejections.push({ ...(sheet !== undefined ? { sheet } : {}), ...issue });
  }

  warn(w: { line: number; column?: string; code: string; message: string }, sheet?: string): void {
    if (this.report.warnings.length >= this.maxIssues) {
      this.report.truncated = true;
      return;
    }
    this.report.warnings.push({
      ...(sheet !== undefined ? { sheet } : {}),
      ...w,
      source: ingestSource(w.line, this.report.fileName),
    });
  }
}

/**
 * Creates a streaming importer for one file.
 * @param kind the table kind, or undefined to detect it from the headers.
 * @param options see {@link ImportOptions}; `onRecord` makes memory independent of the file size.
 * @example
 * const importer = createTableImporter("counts", { fileName: "conteo.csv" });
 * for (const chunk of chunks) importer.push(chunk); // Uint8Array or string chunks, in order
 * const { records, report } = importer.finish();
 */
export function createTableImporter(
  kind: TableKind | undefined,
  options: ImportOptions = {},
): TableImporter {
  const core = new ImporterCore({ ...options, ...(kind ? { kind } : {}) });
  const report = core.report;
  /** `unsupported`: a format the importer does not read (its bytes are ignored; see finish). */
  let mode: "unknown" | "text" | "bytes" | "xlsx" | "unsupported" = "unknown";
  let unsupported: "ods" | "ole2" | undefined;
  const newlines = createNewlineNormalizer();
  let decoder: StreamDecoder | undefined;
  const zipParts: Uint8Array[] = [];
  let pending = "";
  let parser: Papa.Parser | undefined;
  let sheet: SheetReader | undefined;
  let consumed = 0;
  let finished: ImportResult | undefined;

  function feedText(input: string, final: boolean): void {
    // Every line break as \n, so a file mixing CRLF, LF and CR never merges rows.
    let text = newlines.push(input, final);
    // Checked on the new text, and on the character before it with the first new one (a run may
    // straddle two chunks), without joining them into a copy of the chunk.
    if (
      !core.mojibake &&
      text &&
      (hasMojibake(text) || (pending !== "" && hasMojibake(pending.slice(-1) + text.charAt(0))))
    ) {
      core.mojibake = true;
      report.mojibakeRepaired = true;
    }
    if (!parser) {
      pending += text;
      if (!final && pending.length < 65_536) return;
      if (pending.charCodeAt(0) === 0xfeff) pending = pending.slice(1);
      const delimiter = options.delimiter ?? sniffDelimiter(pending);
      report.delimiter = delimiter;
      parser = new Papa.Parser({ delimiter, newline: "\n" });
      sheet = new SheetReader(core, undefined);
      text = pending;
      pending = "";
    }
    // Large chunks are parsed a piece at a time (the incomplete last row carried over, as between
    // chunks): a piece's rows are read and dropped while still young, instead of a whole chunk's
    // rows surviving garbage collections (copying them was a large share of the import's time).
    // A piece that completes no row (a long quoted field) ends the splitting: the rest goes in
    // whole, so such a field is not re-scanned once per piece.
    let at = 0;
    while (text.length - at > PARSE_PIECE) {
      pending += text.slice(at, at + PARSE_PIECE);
      at += PARSE_PIECE;
      if (!parseRows(false)) break;
    }
    pending += at ? text.slice(at) : text;
    parseRows(final);
  }

  /** Parses the pending text (all of it when final); returns the number of rows read. */
  function parseRows(final: boolean): number {
    if (!pending) return 0;
    const result = parser!.parse(pending, 0, !final) as {
      data: string[][];
      meta: { cursor: number };
    };
    const rows = result.data;
    if (final) {
      // A file that ends with a line break gives one empty last row: not a row of the file.
      const last = rows[rows.length - 1];
      if (last && last.length === 1 && last[0] === "" && /[\r\n]$/.test(pending)) rows.pop();
      pending = "";
    } else pending = pending.slice(result.meta.cursor);
    for (const row of rows) sheet!.push(row);
    return rows.length;
  }

  function finishXlsx(): void {
    const total = zipParts.reduce((n, p) => n + p.length, 0);
    const bytes = new Uint8Array(total);
    let at = 0;
    for (const p of zipParts) {
      bytes.set(p, at);
      at += p.length;
    }
    report.encoding = "xlsx";
    if (sniffFormat(bytes) === "ods") {
      report.fatal = unsupportedFormat("ods");
      return;
    }
    let sheets;
    try {
      sheets = readXlsx(bytes);
    } catch (error) {
      report.fatal =
        error instanceof UnsupportedFormatError
          ? unsupportedFormat(error.format)
          : {
              code: "unreadable_xlsx",
              message: `the workbook cannot be read (${(error as Error).message}).`,
            };
      return;
    }
    report.sheets = sheets.map((s) => s.name);
    // Sheets without a usable header (notes, lists) are skipped when another sheet is usable:
    // each sheet's first rows are tried on a scratch importer first.
    let probeKind = core.kind;
    const usable = sheets.filter((s) => {
      const scratch = new ImporterCore({
        ...options,
        ...(probeKind ? { kind: probeKind } : {}),
        maxIssues: 0,
        onRecord: () => {},
      });
      const reader = new SheetReader(scratch, s.name);
      for (const row of s.rows.slice(0, HEAD_ROWS)) reader.push(row);
      reader.finish();
      if (!reader.fatal) probeKind ??= scratch.kind;
      return !reader.fatal;
    });
    const toRead = usable.length ? usable : sheets.slice(0, 1);
    for (const s of sheets) {
      if (!toRead.includes(s)) {
        core.warn(
          {
            line: 0,
            code: "sheet_skipped",
            message: `sheet "${s.name}" skipped: no usable header in its first ${HEAD_ROWS} rows.`,
          },
          s.name,
        );
      }
    }
    if (probeKind) core.kind = probeKind;
    for (const s of toRead) {
      const reader = new SheetReader(core, s.name);
      for (const row of s.rows) reader.push(row);
      reader.finish();
      if (reader.fatal && !report.fatal) report.fatal = reader.fatal;
    }
    if (!sheets.length)
      report.fatal = { code: "empty_file", message: "the workbook has no sheets." };
  }

  return {
    get report() {
      return report;
    },
    get consumed() {
      return consumed;
    },
    push(chunk) {
      if (finished) throw new Error("push() after finish()");
      consumed += chunk.length;
      if (mode === "unknown") {
        if (typeof chunk === "string") {
          mode = "text";
          report.encoding = "text";
        } else {
          const format = sniffFormat(chunk);
          if (format === "zip" || format === "ods") mode = "xlsx";
          else if (format === "ole2") {
            mode = "unsupported";
            unsupported = "ole2";
          }
        }
        if (mode === "unknown") {
          mode = "bytes";
          decoder = createStreamDecoder();
        }
      }
      if (mode === "unsupported") return;
      if (mode === "xlsx") {
        zipParts.push(typeof chunk === "string" ? new TextEncoder().encode(chunk) : chunk);
        return;
      }
      const text =
        typeof chunk === "string"
          ? chunk
          : decoder
            ? decoder.push(chunk)
            : new TextDecoder().decode(chunk);
      if (decoder?.encoding) report.encoding = decoder.encoding;
      feedText(text, false);
    },
    finish() {
      if (finished) return finished;
      if (mode === "xlsx") finishXlsx();
      else if (mode === "unsupported") report.fatal = unsupportedFormat(unsupported!);
      else {
        const text = decoder ? decoder.finish() : "";
        if (decoder) {
          report.encoding = decoder.encoding ?? "utf-8";
          if (decoder.switchedAt !== undefined) {
            core.warn({
              line: 0,
              code: "encoding_switched",
              message: `invalid UTF-8 at byte ${decoder.switchedAt}; the rest of the file was read as Windows-1252.`,
            });
          }
        }
        feedText(text, true);
        if (!sheet) sheet = new SheetReader(core, undefined);
        sheet.finish();
        // Rejections of an unusable file carry the same sentence; the report says it once.
        if (sheet.fatal) report.fatal = sheet.fatal;
      }
      // A single-sheet reader that saw only blank rows never reached a layout.
      report.kind ??= core.kind;
      report.kindSource = core.options.kind ? "given" : "detected";
      finished = { kind: core.kind, records: core.records, report };
      return finished;
    },
  };
}

/**
 * Imports a whole file at once (bytes of a CSV/TSV/XLSX file, or text).
 * @example
 * const { kind, records, report } = importTable(bytes, { fileName: "conteo.csv" });
 * report.accepted + report.rejected === report.dataRows; // => true
 */
export function importTable(input: Uint8Array | string, options: ImportOptions = {}): ImportResult {
  const importer = createTableImporter(options.kind, options);
  importer.push(input);
  return importer.finish();
}

/**
 * Imports a file given as an async iterable of chunks (a Node stream, or chunks a browser read
 * from a `File`), calling `onProgress` after each chunk.
 */
export async function importChunks(
  chunks: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  options: ImportOptions = {},
  onProgress?: (consumed: number, report: ImportReport) => void,
): Promise<ImportResult> {
  const importer = createTableImporter(options.kind, options);
  for await (const chunk of chunks) {
    importer.push(chunk);
    onProgress?.(importer.consumed, importer.report);
  }
  return importer.finish();
}

/** Fields whose unrecognised values are kept as written, under the input column's name. */
const KEPT_AS_WRITTEN = new Set([
  "country",
  "nationality",
  "direction",
  "estimate_method",
  "source_type",
  "confidence",
]);

/**
 * Every key the `extra` attributes of this file's records can have: the extra columns, the
 * columns whose unrecognised codes are kept as written, and `place_name_as_written` /
 * `reported_at` for sightings. Writers that stream (and so must write the header first) use it.
 */
export function possibleExtraKeys(report: ImportReport): string[] {
  const keys = [...report.extraColumns];
  for (const c of report.columns) {
    if (c.field && KEPT_AS_WRITTEN.has(c.field)) keys.push(c.column);
    if (c.field === "sex" || c.field === "age" || c.field === "n") {
      if (!report.pivoted) keys.push(c.column);
    }
  }
  if (report.kind === "sightings") {
    if (report.columns.some((c) => c.field === "place_name")) keys.push("place_name_as_written");
    if (report.columns.some((c) => c.field === "reported_at")) keys.push("reported_at");
  }
  return [...new Set(keys)];
}
