/** What an import is given and what it gives back (the importer's public types). */
import type { CountRecord, Direction } from "../model/count.ts";
import type { Place } from "../model/place.ts";
import type { Sighting } from "../model/sighting.ts";
import type { StockFigure } from "../model/stock.ts";
import type { Gazetteer } from "../geo/gazetteer.ts";
import type { DateOrder } from "./dates.ts";
import type { TableKind } from "./fields.ts";
import type { ColumnOverrides } from "./headers.ts";
import type { ImportReport } from "./report.ts";
import type { Region } from "./convert.ts";

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
  /**
   * Per sheet of a workbook, by its name as written: the column mapping of that sheet, read
   * instead of `columns` (which then maps the other sheets), so that a sheet with headers of its
   * own is fixed without breaking the others. Default: none. A CSV file has no sheets.
   * @example
   * importTable(bytes, { sheetColumns: { Otra: { "Cuántos pasaron": "total", Día: "date" } } });
   */
  sheetColumns?: Readonly<Record<string, ColumnOverrides>>;
  /**
   * Read a header that is dtm-flow's own output (tracks.csv, split.csv …; own-outputs.ts) as data
   * of `kind` instead of refusing it: the user said what the table is (`--kind`). Default false.
   */
  readOwnOutputs?: boolean;
  /**
   * The kind the user said the table holds (the CLI's `--kind`, the viewer's "Read as"): the
   * table is read as that kind, even a header that is dtm-flow's own output (`readOwnOutputs`).
   * The one place of the rule "the user named the kind, so read own outputs". Default: none.
   */
  kindSaid?: TableKind;
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
