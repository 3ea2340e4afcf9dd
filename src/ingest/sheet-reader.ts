/**
 * Reads the rows of one sheet (or of a CSV file) in order: the first HEAD_ROWS rows decide the
 * layout (sheet-plan.ts), rows with dates are held back until the day-month order is decided
 * (date-order-gate.ts), then every row is classified (blank, repeated header, Total row, data) and
 * each data row is converted, checked for duplicates and accepted or rejected with its line.
 */
import type { CountRecord } from "../model/count.ts";
import type { Place } from "../model/place.ts";
import type { Sighting } from "../model/sighting.ts";
import { hasMojibake, repairMojibake } from "./decode.ts";
import type { TableKind } from "./fields.ts";
import type { ImporterCore } from "./import-core.ts";
import { HeldRows, decideSheetOrder, reportSheetWindow, sheetWindow } from "./date-order-gate.ts";
import { ageClass, sexClass } from "./pivot.ts";
import { DuplicateRows, keepPlace } from "./row-duplicates.ts";
import {
  excelErrorColumn,
  isBlankRow,
  totalWord,
  unquoteFormulas,
  withOtherAnswers,
} from "./row-kinds.ts";
import { columnLabel, planSheet } from "./sheet-plan.ts";
import { RepeatInstances, markMadeColumns, type RepeatColumns } from "./repeat-columns.ts";
import type { Fatal, SheetPlan } from "./sheet-plan.ts";
import type { Converted, Issue } from "./convert.ts";
import type { ImportedRecord } from "./import-options.ts";
import type { ImportReport } from "./report.ts";

/** Rows read before the layout is decided: enough to find the header below a title block. */
export const HEAD_ROWS = 25;

export class SheetReader {
  private head: string[][] = [];
  /** Rows held back for the date order; undefined once it is decided. */
  private held?: HeldRows;
  private phase: "head" | "order" | "rows" = "head";
  private line = 0;
  private plan?: SheetPlan;
  private readonly duplicates = new DuplicateRows();
  /** A Kobo repeat group flattened into columns (repeat-columns.ts). */
  private readonly repeats = new RepeatInstances();
  fatal?: Fatal;

  private readonly im: ImporterCore;
  readonly sheet: string | undefined;

  constructor(im: ImporterCore, sheet: string | undefined) {
    this.im = im;
    this.sheet = sheet;
  }

  get kind(): TableKind | undefined {
    return this.plan?.layout.mapping.kind;
  }

  push(input: string[]): void {
    const line = ++this.line;
    const cells = this.repeats.take(
      this.im.mojibake
        ? input.map((c) => (c.length > 1 && hasMojibake(c) ? repairMojibake(c) : c))
        : input,
      line,
      this.phase === "head",
    );
    if (this.phase === "head") {
      this.head.push(cells);
      if (this.head.length >= HEAD_ROWS) this.startRows();
      return;
    }
    if (this.phase === "order") {
      if (this.held!.add(cells, line)) this.decideOrder();
      return;
    }
    this.row(cells, line);
  }

  finish(): void {
    if (this.phase === "head") this.startRows();
    if (this.phase === "order") this.decideOrder();
    if (this.plan?.dateIndex !== undefined && !this.fatal)
      reportSheetWindow(this.im, this.plan.ctx);
    const pivot = this.plan?.pivot?.table;
    if (pivot) {
      for (const { record, line, warning, params } of pivot.records()) {
        if (warning)
          this.im.warn({ line, code: "long_total_mismatch", message: warning, params }, this.sheet);
        this.im.emit(record, line, this.sheet);
      }
    }
  }

  /** Layout known: plans the sheet, then feeds the rows after the header on. */
  private startRows(): void {
    const firstHeader = this.im.report.headerRow === undefined;
    const plan = planSheet(this.im, this.sheet, this.head);
    this.plan = plan;
    if (this.repeats.found) noteRepeatGroup(this.im, this.sheet, this.repeats.found);
    const columns = this.repeats.found?.columns;
    // The cell naming each generated row's column (`Sentido`, `Nacionalidad`): Total rows per column.
    if (columns?.layout) keyByColumn(this.im, plan, columns, firstHeader);
    if (plan.fatal) this.fatal = plan.fatal;
    const start = plan.layout.dataIndex;
    const rest = this.head.slice(start);
    this.head = [];
    if (plan.dateIndex !== undefined && !this.fatal) {
      this.phase = "order";
      this.held = new HeldRows(plan.dateIndex);
    } else this.decideOrder();
    rest.forEach((cells, i) => {
      if (this.phase === "order") this.held!.add(cells, start + i + 1);
      else this.row(cells, start + i + 1);
    });
  }

  /** Decides the date order and window, then converts the rows held back. */
  private decideOrder(): void {
    const plan = this.plan!;
    const held = this.held?.rows ?? [];
    const dated = plan.dateIndex !== undefined && !this.fatal;
    const order = decideSheetOrder(this.im, this.sheet, this.held?.evidence ?? [], dated);
    plan.ctx.dateOrder = order;
    plan.ctx.window = sheetWindow(this.im, held, plan.dateIndex, order);
    this.phase = "rows";
    this.held = undefined;
    for (const { cells, line } of held) this.row(cells, line);
  }

  /** One row of the sheet: a submission of a flattened repeat group is one row per instance. */
  private row(input: string[], line: number): void {
    this.rowOne(input, line);
    // The line's other rows warn only about their own cells (a place name once per line).
    for (const cells of this.repeats.rest(line) ?? []) this.rowOne(cells, line, this.repeats.own);
  }

  /** `own`: a line's later row's own columns (RepeatInstances.own): only theirs are warned about. */
  private rowOne(input: string[], line: number, own?: ReadonlySet<string>): void {
    const report = this.im.report;
    if (isBlankRow(input)) {
      report.blankRows++;
      return;
    }
    const plan = this.plan!;
    let raw = input;
    if (plan.sheetColumn !== undefined) {
      raw = input.slice();
      while (raw.length < plan.sheetColumn) raw.push("");
      raw[plan.sheetColumn] = this.sheet!;
    }
    report.rowsRead++;
    const cells = unquoteFormulas(raw);
    if (this.fatal) {
      countDataRow(report, own !== undefined);
      report.rejected++;
      const message = `file unusable: ${this.fatal.message}`;
      // The fatal's values and `unusable`, so that a front end says the whole reason in its language.
      const params = { ...this.fatal.params, unusable: 1 };
      this.im.reject({ line, code: this.fatal.code, message, params }, this.sheet);
      return;
    }
    if (isNonData(this.im, this.sheet, plan, cells, line, own !== undefined)) return;
    countDataRow(report, own !== undefined);
    const uuidIndex = plan.layout.mapping.uuidIndex;
    if (this.duplicates.isDuplicate(this.im, this.sheet, cells, uuidIndex, line)) return;
    if (excelError(this.im, this.sheet, plan, cells, line)) return;
    plan.ctx.line = line;
    if (cells.length > plan.ctx.columnNames.length)
      beyondHeader(this.im, this.sheet, plan, cells, line);
    let read = plan.otherPairs.length ? withOtherAnswers(cells, plan.otherPairs) : cells;
    const blanked = plan.descriptiveColumns.length ? blankExcelErrors(plan, read) : undefined;
    if (blanked) read = blanked.cells;
    const result = plan.convert(read, plan.ctx);
    if (blanked && result.record) result.warnings.push(...blanked.warnings);
    deliver(this.im, this.sheet, plan, result, read, line, own);
  }

  /** The number of the last row read (1-based, as a spreadsheet shows it). */
  get lastLine(): number {
    return this.line;
  }
}

/**
 * A tally's rows (one column per direction or nationality) are keyed by the cell at `at`, which
 * names the column each row's Total came from: Total rows are checked per column, and messages
 * about the Total name that column (`Ingresos`).
 */
function keyByColumn(
  im: ImporterCore,
  plan: SheetPlan,
  columns: RepeatColumns,
  firstHeader: boolean,
): void {
  // The report's mapping is the first sheet's: its made columns named by the file's (column-shown.ts).
  if (firstHeader) markMadeColumns(im.report.columns, columns);
  const at = columns.base.length;
  plan.totals.keyBy(at);
  plan.ctx.totalNamedAt = at;
  plan.ctx.namedFields = new Set([columns.layout === "direction" ? "direction" : "nationality"]);
}

/** Counts a data row; `later`: a line's second row or after (ImportReport.rowsBeyondLines). */
function countDataRow(report: ImportReport, later: boolean): void {
  report.dataRows++;
  if (later) report.rowsBeyondLines = (report.rowsBeyondLines ?? 0) + 1;
}

/** Says once that a flattened repeat group's instances are read as rows of their own. */
function noteRepeatGroup(
  im: ImporterCore,
  sheet: string | undefined,
  repeats: { columns: RepeatColumns; line: number },
): void {
  const { group, instances, header, base } = repeats.columns;
  const fields = header.slice(base.length).join(", ");
  if (repeats.columns.layout === "direction") {
    const named = repeats.columns.fixed!.map((f) => f[0]!).join(", ");
    im.warn(
      {
        line: repeats.line,
        code: "repeat_group_rows",
        message: `columns ${named} are one column per direction: each row is read as two count rows, one per direction written (the header of each of ${named} as the direction relative to the point, told north or south by --incoming-is / incomingIs; the column's cell as the total), with the row's date and point on each; the rows keep the row's line.`,
        params: { variant: "direction", columns: named, instances },
      },
      sheet,
    );
    return;
  }
  if (repeats.columns.layout === "nationality") {
    const named = repeats.columns.fixed!.map((f) => f[0]!).join(", ");
    im.warn(
      {
        line: repeats.line,
        code: "repeat_group_rows",
        message: `columns ${named} are one column per nationality: each row is read as one count row per nationality written (its column's header as the nationality, its cell as the total), with the row's date, point and direction on each; the rows keep the row's line, and a Total column of the row is kept as the extra column total_de_la_fila.`,
        params: { variant: "nationality", columns: named, instances },
      },
      sheet,
    );
    return;
  }
  im.warn(
    {
      line: repeats.line,
      code: "repeat_group_rows",
      message: `columns ${group}[1]/… to ${group}[${instances}]/… are the ${instances} instances of the Kobo repeat group ${group}: each submission is read as one row per instance written (${fields}), with the submission's date, point and direction on each; the rows keep the submission's line.`,
      params: { group, instances, fields },
    },
    sheet,
  );
}

/**
 * Cells to the right of the header's last column (a row with more separators than the header):
 * no column names them, so they are not read; the warning quotes them, so nothing goes unsaid.
 */
function beyondHeader(
  im: ImporterCore,
  sheet: string | undefined,
  plan: SheetPlan,
  cells: readonly string[],
  line: number,
): void {
  const width = plan.ctx.columnNames.length;
  const beyond = cells.slice(width).map((c) => c.trim());
  if (!beyond.some((c) => c !== "")) return;
  const shown = beyond
    .map((c, i) =>
      c ? `${columnLabel(width + i)} "${c.length > 40 ? c.slice(0, 40) + "…" : c}"` : "",
    )
    .filter(Boolean);
  im.warn(
    {
      line,
      code: "cells_beyond_header",
      message: `the row has ${cells.length} cells but the header ${width}: ${shown.join(", ")} past the last column ${shown.length === 1 ? "is" : "are"} not read (a stray separator, or a column without a header?).`,
      params: { cells: cells.length, width, shown: shown.join(", "), stray: shown.length },
    },
    sheet,
  );
}

/**
 * True (and the row rejected) when a column the row cannot do without holds an Excel error value
 * (`#N/A`, `#DIV/0!`…): a formula that failed, so the row's date, place or figures cannot be
 * trusted. Descriptive columns are `blankExcelErrors`'; extra columns are not checked: they are
 * kept as written.
 */
function excelError(
  im: ImporterCore,
  sheet: string | undefined,
  plan: SheetPlan,
  cells: readonly string[],
  line: number,
): boolean {
  const at = excelErrorColumn(cells, plan.errorColumns);
  if (at === undefined) return false;
  const column = plan.ctx.columnNames[at] ?? columnLabel(at);
  const value = cells[at]!.trim();
  im.report.rejected++;
  im.reject(
    {
      line,
      column,
      value,
      code: "excel_error",
      message: `${column} holds the Excel error ${value} (a formula that failed), not a value: correct the formula in the sheet, or clear the cell when the value is not known.`,
    },
    sheet,
  );
  return true;
}

/**
 * Excel error values in the descriptive columns (sheet-plan.ts, DESCRIPTIVE_FIELDS): a copy of the
 * row with those cells blank, and a warning `excel_error` for each, which keeps the value as
 * written; undefined when there is none. The record is kept: its date, place and figures are sound.
 */
function blankExcelErrors(
  plan: SheetPlan,
  cells: readonly string[],
): { cells: string[]; warnings: Issue[] } | undefined {
  let out: { cells: string[]; warnings: Issue[] } | undefined;
  for (
    let at;
    (at = excelErrorColumn(out?.cells ?? cells, plan.descriptiveColumns)) !== undefined;
  ) {
    out ??= { cells: cells.slice(), warnings: [] };
    const column = plan.ctx.columnNames[at] ?? columnLabel(at);
    const value = out.cells[at]!.trim();
    out.cells[at] = "";
    out.warnings.push({
      column,
      value,
      code: "excel_error",
      message: `${column} holds the Excel error ${value} (a formula that failed), not a value: left blank, the row kept (its date, place and figures are sound); correct the formula in the sheet.`,
      params: { blanked: 1 },
    });
  }
  return out;
}

/** True (and counted, warned about, a Total row checked) when the row is a header copy or a Total. */
function isNonData(
  im: ImporterCore,
  sheet: string | undefined,
  plan: SheetPlan,
  cells: readonly string[],
  line: number,
  more: boolean,
): boolean {
  const report = im.report;
  if (plan.header.matches(cells)) {
    report.nonDataRows++;
    im.warn(
      { line, code: "repeated_header", message: "a copy of the header row; skipped." },
      sheet,
    );
    return true;
  }
  const word = totalWord(cells);
  if (!word) return false;
  if (!more) report.nonDataRows++;
  plan.totals.check(im, sheet, plan.ctx, cells, line, word);
  return true;
}

/**
 * Rejects a row that did not convert; accepts the record otherwise (pivoted, when long). `own`:
 * the columns whose warnings a line's second row and after give (see `rowOne`).
 */
function deliver(
  im: ImporterCore,
  sheet: string | undefined,
  plan: SheetPlan,
  result: Converted<ImportedRecord>,
  cells: readonly string[],
  line: number,
  own?: ReadonlySet<string>,
): void {
  if (!result.record) {
    im.report.rejected++;
    for (const issue of result.rejections) im.reject({ line, ...issue }, sheet);
    plan.totals.addRejected(cells, line);
    return;
  }
  if (plan.places && !keepPlace(im, sheet, plan, result.record as Place, line)) return;
  if (
    plan.ctx.kind === "sightings" &&
    im.sightings.isDuplicate(
      im,
      sheet,
      result.record as Sighting,
      line,
      plan.ctx.idx["sighting_id"] !== undefined,
    )
  )
    return;
  im.report.accepted++;
  for (const w of result.warnings)
    if (!own || (w.column !== undefined && own.has(w.column))) im.warn({ line, ...w }, sheet);
  const respelt = plan.ctx.labels?.accept(line, sheet);
  if (respelt) im.warn({ line, ...respelt }, sheet);
  plan.totals.add(result.record, cells);
  const pivot = plan.pivot;
  if (pivot) {
    const rec = result.record as CountRecord;
    pivot.table.add(
      rec,
      line,
      sexClass(pivot.sex !== undefined ? cells[pivot.sex] : undefined),
      ageClass(pivot.age !== undefined ? cells[pivot.age] : undefined),
      rec.total ?? 0,
    );
  } else im.emit(result.record, line, sheet);
}
