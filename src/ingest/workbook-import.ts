/**
 * XLSX workbooks: every sheet with a usable header is read by its own sheet reader into the one
 * import; sheets without one (notes, lists) are skipped with a warning when another sheet is
 * usable. ODS and other formats recognised by their bytes are refused with one sentence.
 */
import { sniffFormat, unsupportedFormat } from "./file-format.ts";
import { ImporterCore } from "./import-core.ts";
import { HEAD_ROWS, SheetReader } from "./sheet-reader.ts";
import { joinRepeatSheet } from "./kobo-repeat-join.ts";
import { UnsupportedFormatError, readXlsx } from "./xlsx.ts";
import type { XlsxSheet } from "./xlsx.ts";
import { fillMergedDataCells } from "./merged-cells.ts";
import { noteSkippedSheet } from "./skipped-sheet.ts";
import type { Fatal } from "./sheet-plan.ts";
import type { ColumnMapping } from "./report.ts";
import { onlyDateAndTotal, pointInColumn, summaryBy, summaryByName } from "./summary-sheet.ts";
import type { SummaryBy } from "./summary-sheet.ts";

/** Reads a workbook given as the chunks pushed, into `core`'s report and records. */
export function importWorkbook(core: ImporterCore, parts: readonly Uint8Array[]): void {
  const report = core.report;
  const bytes = joinParts(parts);
  report.encoding = "xlsx";
  if (sniffFormat(bytes) === "ods") {
    report.fatal = unsupportedFormat("ods");
    return;
  }
  let sheets: XlsxSheet[];
  try {
    sheets = readXlsx(bytes);
  } catch (error) {
    report.fatal =
      error instanceof UnsupportedFormatError
        ? unsupportedFormat(error.format)
        : {
            code: "unreadable_xlsx",
            message: `the workbook cannot be read (${(error as Error).message}): re-save it from Excel (File > Save As > Excel Workbook) or export the sheet as CSV, and import that.`,
          };
    return;
  }
  report.sheets = sheets.map((s) => s.name);
  const toRead = sheetsToRead(core, sheets);
  for (const given of toRead) {
    const s = withMergesFilled(core, given);
    const reader = new SheetReader(core, s.name);
    for (const row of s.rows) reader.push(row);
    reader.finish();
    if (reader.fatal && !report.fatal) report.fatal = reader.fatal;
  }
  if (!sheets.length)
    report.fatal = {
      code: "empty_file",
      message: "the workbook has no sheets.",
      params: { variant: "no_sheets" },
    };
}

/** At most this many merged ranges are named in the `merged_cells_filled` warning. */
const MERGES_NAMED = 10;

/**
 * The sheet with each merged range of its data rows filled with the range's value
 * (merged-cells.ts), and one warning `merged_cells_filled` for the sheet naming the ranges; the
 * header row is the one a scratch read of the sheet's first rows finds.
 */
function withMergesFilled(core: ImporterCore, sheet: XlsxSheet): XlsxSheet {
  if (!sheet.merges?.length) return sheet;
  const scratch = new ImporterCore({
    ...core.options,
    ...(core.kind ? { kind: core.kind } : {}),
    maxIssues: 0,
    onRecord: () => {},
  });
  const reader = new SheetReader(scratch, sheet.name);
  for (const row of sheet.rows.slice(0, HEAD_ROWS)) reader.push(row);
  reader.finish();
  const header = scratch.report.headerRow;
  if (reader.fatal || header === undefined) return sheet;
  // Below an HXL row too: its hashtags are no data.
  const { sheet: out, filled } = fillMergedDataCells(sheet, scratch.report.hxlRow ?? header);
  if (!filled.length) return sheet;
  const refs = filled.map((m) => m.ref);
  const named =
    refs.slice(0, MERGES_NAMED).join(", ") +
    (refs.length > MERGES_NAMED ? `, … (${refs.length - MERGES_NAMED} more)` : "");
  core.warn(
    {
      line: filled[0]!.top + 1,
      code: "merged_cells_filled",
      message: `${filled.length === 1 ? "1 merged range" : `${filled.length} merged ranges`} of data cells (${named}) read as the range's value in every cell of it, as Excel shows them (the file keeps the value in the top-left cell only).`,
      params: { ranges: named, count: filled.length },
    },
    sheet.name,
  );
  return out;
}

/**
 * The repeat groups' sheets joined to the workbook's first other sheet (kobo-repeat-join.ts),
 * those usable; a warning says each join and names the rows whose submission is missing.
 */
function joinedRepeats(
  core: ImporterCore,
  sheets: readonly XlsxSheet[],
  isUsable: (s: XlsxSheet) => boolean,
): XlsxSheet[] {
  const main = sheets.find((s) => !isKoboRepeat(s));
  if (!main) return [];
  const out: XlsxSheet[] = [];
  for (const s of sheets.filter(isKoboRepeat)) {
    const j = joinRepeatSheet(main, s);
    if (!j || !isUsable(j.sheet)) continue;
    out.push(j.sheet);
    const orphans = j.orphans.length
      ? ` Rows ${j.orphans.join(", ")} name a submission that is not in "${main.name}": read without its columns.`
      : "";
    core.warn(
      {
        line: 0,
        code: "repeat_group_rows",
        message: `sheet "${s.name}" is a Kobo repeat group: each of its rows is read with the columns of its submission in sheet "${main.name}" (${j.columns.join(", ")}), joined through ${j.through}.${orphans}`,
        params: {
          variant: "sheet",
          group: s.name,
          main: main.name,
          fields: j.columns.join(", "),
          through: j.through,
          ...(j.orphans.length ? { orphans: j.orphans.join(", ") } : {}),
        },
      },
      s.name,
    );
  }
  return out;
}

function joinParts(parts: readonly Uint8Array[]): Uint8Array {
  const total = parts.reduce((n, p) => n + p.length, 0);
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    bytes.set(p, at);
    at += p.length;
  }
  return bytes;
}

/** A Kobo export's sheet of a repeat group: its header has `_parent_index` (or `_submission__uuid`). */
function isKoboRepeat(sheet: XlsxSheet): boolean {
  return sheet.rows
    .slice(0, HEAD_ROWS)
    .some((row) => row.some((c) => c === "_parent_index" || c === "_submission__uuid"));
}

/**
 * How much a sheet may decide a workbook's kind (lower first), by its first rows read as counts:
 * 0 a data sheet; 1 a sheet of only a date and a total (a per-point or summary sheet); 2 a sheet
 * no count header fits (notes, instructions); 3 a sheet named as a summary.
 */
function dataRank(core: ImporterCore, sheet: XlsxSheet): number {
  if (summaryByName(sheet.name)) return 3;
  const scratch = new ImporterCore({
    ...core.options,
    kind: "counts",
    maxIssues: 0,
    onRecord: () => {},
  });
  const reader = new SheetReader(scratch, sheet.name);
  for (const row of sheet.rows.slice(0, HEAD_ROWS)) reader.push(row);
  reader.finish();
  if (reader.fatal) return 2;
  return onlyDateAndTotal(scratch.report.columns) ? 1 : 0;
}

/**
 * The sheets with a usable header (each sheet's first rows tried on a scratch importer first), or
 * the first sheet when none is, leaving out Kobo repeat groups when a main sheet is usable and
 * summary sheets beside data sheets (summary-sheet.ts); each sheet skipped is said with its
 * reason, a rejection when it holds data the kind cannot read (skipped-sheet.ts). Sets the kind
 * the first usable sheet shows, when none was given.
 */
function sheetsToRead(core: ImporterCore, sheets: readonly XlsxSheet[]): readonly XlsxSheet[] {
  let probeKind = core.kind;
  // Each unusable sheet's refusal, the reason said when it is skipped.
  const refusals = new Map<string, Fatal>();
  // Each usable sheet's columns as its probe read them (for the summary rule).
  const probed = new Map<string, ColumnMapping[]>();
  const isUsable = (s: XlsxSheet): boolean => {
    const scratch = new ImporterCore({
      ...core.options,
      ...(probeKind ? { kind: probeKind } : {}),
      maxIssues: 0,
      onRecord: () => {},
    });
    const reader = new SheetReader(scratch, s.name);
    for (const row of s.rows.slice(0, HEAD_ROWS)) reader.push(row);
    reader.finish();
    if (!reader.fatal) {
      probeKind ??= scratch.kind;
      probed.set(s.name, scratch.report.columns);
    } else refusals.set(s.name, reader.fatal);
    return !reader.fatal;
  };
  // The first DATA sheet decides the kind: sheets named as a summary are probed last, and a sheet
  // of only a date and a total or a notes sheet (dataRank) after the data sheets; summary and
  // notes sheets never vote. A workbook of two sheets or more with no data sheet, one of them of
  // date and total (one sheet per point), is counts, its points the sheet names.
  const rank = new Map(sheets.map((s) => [s.name, dataRank(core, s)]));
  const probeOrder = [0, 1, 2, 3].flatMap((r) => sheets.filter((s) => rank.get(s.name) === r));
  const ranks = [...rank.values()];
  if (!probeKind && sheets.length >= 2 && !ranks.includes(0) && ranks.includes(1))
    probeKind = "counts";
  const inOrder = (found: readonly XlsxSheet[]) => sheets.filter((s) => found.includes(s));
  // A Kobo repeat group's sheet holds parts of the main sheet's submissions (shifts of a day's
  // count): read beside a usable main sheet it would count them twice, so it is skipped then even
  // when its header is usable. When no main sheet is usable (a form whose figures all sit in the
  // repeat group, the main sheet holding only start/end/_uuid), the repeat sheets are the data.
  const mainUsable = inOrder(probeOrder.filter((s) => !isKoboRepeat(s)).filter(isUsable));
  // The people only in the repeat group's sheet: its rows joined to their submissions (date,
  // point, direction) of the main sheet; failing that, the repeat sheets alone.
  const joined = mainUsable.length ? [] : joinedRepeats(core, sheets, isUsable);
  let usable = mainUsable.length
    ? mainUsable
    : joined.length
      ? joined
      : sheets.filter(isKoboRepeat).filter(isUsable);
  // Summary sheets beside count sheets that name their points in a column (summary-sheet.ts).
  const summaries = new Map<string, SummaryBy>();
  const columnsOf = (s: XlsxSheet) => probed.get(s.name) ?? [];
  if (probeKind === "counts" && usable.some((s) => pointInColumn(columnsOf(s)))) {
    for (const s of usable) {
      const by = summaryBy(s.name, columnsOf(s));
      if (by) summaries.set(s.name, by);
    }
    usable = usable.filter((s) => !summaries.has(s.name));
  }
  const toRead = usable.length ? usable : sheets.slice(0, 1);
  const read = new Set(toRead.map((s) => s.name));
  const mainOfJoin = joined.length ? sheets.find((s) => !isKoboRepeat(s))?.name : undefined;
  for (const s of sheets) {
    if (read.has(s.name) || s.name === mainOfJoin) continue;
    const summary = summaries.get(s.name);
    const repeat = isKoboRepeat(s) && mainUsable.length > 0;
    const fatal = refusals.get(s.name);
    noteSkippedSheet(
      core,
      s,
      summary
        ? { summary }
        : repeat
          ? { repeat: true }
          : { repeat: false, ...(fatal ? { fatal } : {}) },
    );
  }
  if (probeKind) core.kind = probeKind;
  return toRead;
}
