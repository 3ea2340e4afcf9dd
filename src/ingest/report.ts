/** The import report: what the importer did with every row of one file. */
import type { DtmWarning, WarningSource } from "../model/warning.ts";
import type { TableKind } from "./fields.ts";
import type { TextEncodingName } from "./decode.ts";
import type { ImportIssueCode } from "./issue-codes.ts";

/** How an input column was matched to a field. */
export type MatchHow =
  | "canonical"
  | "alias"
  | "kobo_prefix"
  | "two_level_header"
  | "hxl"
  | "extra"
  | "kobo_meta"
  | "select_multiple_choice"
  /** A Kobo label header: the question text, read by its question words (question-headers.ts). */
  | "question"
  /** Set by the caller's `columns` option (ImportOptions), not detected. */
  | "user";

export interface ColumnMapping {
  /** Column position, 0-based. */
  index: number;
  /** Header as written in the file (blank headers are named `column_N`). */
  column: string;
  /** HXL hashtag of the column, when the file has a hashtag row. */
  hxl?: string;
  /** Field it maps to; undefined for columns kept as extra attributes. */
  field?: string;
  how: MatchHow;
  /** The caller asked for the column not to be read (`"ignore"`): no field, not an extra. */
  ignored?: true;
  /**
   * A sightings figure whose header says it counts only the people at one place (`place`:
   * "¿Cuántas personas hay en el albergue?") or passing one point that day (`passage`): each
   * row's figure is read as "at least" for its group (docs/contracts.md §1.2).
   */
  countScope?: "place" | "passage";
  /**
   * A column the importer made, not the file's: on a tally with one column per direction or
   * nationality (`Entradas;Salidas`), `Sentido`/`Nacionalidad` is read from each of `columns`'
   * header (`part: "header"`) and `Total` from its cell (`part: "cell"`). Front ends name
   * `columns` (columnShown), never `column`, and offer no remap of it (the file has no such column).
   */
  madeFrom?: { columns: string[]; part: "header" | "cell" };
  /**
   * A time-of-day column (`Hora` beside `Fecha`, time-column.ts): the header of the date column
   * whose date its time completes. The column is also kept as an extra attribute, as written.
   */
  timeOf?: string;
}

/**
 * The values a message is made of, by name (`{ need: "date" }`, `{ sum: 12, total: 10 }`), so
 * that a front end can say the same in another language from `code` and `params` (the viewer's
 * Spanish, viewer/analyst/issueText.ts); `message` stays the English sentence.
 */
export type IssueParams = Record<string, string | number>;

/** A rejected row: the row is not in `records`. */
export interface Rejection {
  /** Row number as a spreadsheet shows it (1 = first row of the file or sheet). */
  line: number;
  sheet?: string;
  column?: string;
  value?: string;
  code: ImportIssueCode;
  message: string;
  /** Closest known place names, for `unknown_place`. */
  suggestions?: string[];
  /** The values in `message` beyond column, value and suggestions (see IssueParams). */
  params?: IssueParams;
}

/**
 * A warning: the row was accepted, but something was assumed or looks odd. A {@link DtmWarning}
 * with `source: { module: "ingest", file?, line? }`; `line`, `sheet` and `column` stay at the top
 * for the import report's readers.
 */
export interface Warning extends DtmWarning<ImportIssueCode> {
  /** Row number; 0 for file-level warnings (then `source.line` is absent). */
  line: number;
  sheet?: string;
  column?: string;
  /** The cell as written, when the warning is about one cell. */
  value?: string;
  /** The values in `message` beyond column and value (see IssueParams), for other languages. */
  params?: IssueParams;
}

/** The `source` of an import warning at `line` (0 = the file as a whole) of `file`. */
export function ingestSource(line: number, file?: string): WarningSource {
  return {
    module: "ingest",
    ...(file !== undefined ? { file } : {}),
    ...(line > 0 ? { line } : {}),
  };
}

/**
 * A row rejected because it repeats an earlier one: same content (`row`), same Kobo `_uuid`
 * (`uuid`), a sighting that reads as an earlier one though written otherwise (`record`:
 * `Huixtla` and `huixtla`, `7.000` and `7000`), or in a places file the same `place_id` (`place_id`) or a name the earlier row gives
 * to a place far away (`place_name`). The earlier row (`firstLine`) is the one kept; `firstSheet`
 * names its sheet when it is on another sheet of the workbook (`record` only: the other checks
 * compare rows within one sheet).
 */
export interface Duplicate {
  line: number;
  firstLine: number;
  sheet?: string;
  firstSheet?: string;
  by: "row" | "uuid" | "record" | "sighting_id" | "place_id" | "place_name";
}

/** A `Total` row found in the table, compared with the sum of the accepted rows. */
export interface TotalCheck {
  line: number;
  sheet?: string;
  column: string;
  stated: number;
  computed: number;
  matches: boolean;
  /**
   * When they differ: the rejected rows above holding a figure of this column (their lines and
   * the sum of those figures), often exactly the difference.
   */
  rejected?: { lines: number[]; held: number };
}

/** What the file was, and what happened to each of its rows. */
export interface ImportReport {
  fileName?: string;
  kind?: TableKind;
  /** How the kind was chosen: given by the caller, or detected from the headers. */
  kindSource?: "given" | "detected";
  /**
   * When the kind was given: another kind whose columns the headers match better (e.g. a count
   * sheet read as sightings). The rows were still read as the kind given.
   */
  betterKind?: TableKind;
  /** `xlsx` for workbooks, else the text encoding detected. */
  encoding?: TextEncodingName | "xlsx" | "text";
  /** Double-encoded UTF-8 (`Ã©`) was found and repaired. */
  mojibakeRepaired: boolean;
  delimiter?: string;
  /** Sheets read (XLSX). */
  sheets?: string[];
  /** Header row, 1-based (per sheet for XLSX: the first sheet's). */
  headerRow?: number;
  /** HXL hashtag row, 1-based, when present. */
  hxlRow?: number;
  columns: ColumnMapping[];
  /**
   * The columns of each sheet read with a mapping of its own (`sheetColumns`, CLI `--columns
   * Sheet:field=column`), by sheet name: the mapping applied to that sheet, where `columns` is the
   * first sheet's. Absent when no sheet has its own mapping.
   */
  sheetColumns?: Record<string, ColumnMapping[]>;
  /** Input columns kept as extra attributes (`extra` on each record), over every sheet read. */
  extraColumns: string[];
  /** Long layout (`sex, age, n`) pivoted to wide records. */
  pivoted: boolean;
  /** Day-month order used for slashed dates, and why. */
  dateOrder?: {
    order: "dmy" | "mdy";
    decidedBy: "data" | "option" | "default";
    dmyEvidence: number;
    mdyEvidence: number;
  };
  /**
   * The dates accepted: `option` when the caller gave `dateWindow` (its bounds), `data` when the
   * window came from the file's own dates; `first`/`last` are the earliest and latest date that
   * passed the window check (any sheet). See docs/import.md, "The date window".
   */
  dateWindow?: {
    decidedBy: "data" | "option";
    from?: string;
    to?: string;
    first?: string;
    last?: string;
  };
  /** Non-blank rows after the header: `dataRows + nonDataRows`. */
  rowsRead: number;
  /** Rows that are data: `accepted + rejected === dataRows`, always. */
  dataRows: number;
  /**
   * Data rows beyond one per line of the file: a line read as several rows (a tally's two
   * directions, a Kobo repeat group's instances) adds its rows after the first. The file's data
   * lines are `dataRows − rowsBeyondLines`; absent when every line is one row.
   */
  rowsBeyondLines?: number;
  accepted: number;
  rejected: number;
  /** Records produced (fewer than accepted rows when a long layout was pivoted). */
  recordsOut: number;
  blankRows: number;
  /** Rows that are not data: `Total`/sub-total rows, repeated header rows. */
  nonDataRows: number;
  /** Per-row details; capped at `maxIssues` entries each (the counts above are always exact). */
  rejections: Rejection[];
  warnings: Warning[];
  duplicates: Duplicate[];
  totals: TotalCheck[];
  /** True when `rejections` or `warnings` hit the cap. */
  truncated: boolean;
  /** Set when the file cannot be used at all (no header, a required column missing): one sentence. */
  fatal?: { code: ImportIssueCode; message: string; params?: IssueParams };
}

export function emptyReport(fileName?: string): ImportReport {
  return {
    ...(fileName !== undefined ? { fileName } : {}),
    mojibakeRepaired: false,
    columns: [],
    extraColumns: [],
    pivoted: false,
    rowsRead: 0,
    dataRows: 0,
    accepted: 0,
    rejected: 0,
    recordsOut: 0,
    blankRows: 0,
    nonDataRows: 0,
    rejections: [],
    warnings: [],
    duplicates: [],
    totals: [],
    truncated: false,
  };
}
