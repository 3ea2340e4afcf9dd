/**
 * The analyst's workspace, DOM-free: which of the dropped files are used, how they make one
 * Dataset (the same rules as the CLI's `loadDataset`), and how the analyst's fixes of the column
 * mapping become the importer's `columns` option for the next import.
 *
 * Runs in the analyst worker; tested in Node (tests/viewer/analyst.test.ts).
 */
import {
  KEEP_AS_EXTRA,
  SHEET_NAME_COLUMN,
  assembleDataset as assembleFiles,
} from "../../src/index.ts";
import type {
  ColumnMapping,
  CountRecord,
  Dataset,
  ImportReport,
  Place,
  RouteCollection,
  RouteImportReport,
  Sighting,
  StockFigure,
  TableKind,
} from "../../src/index.ts";

/** What a dropped file holds: one of the four tables, or a GeoJSON route. */
export type FileKind = TableKind | "route";

/**
 * `used`: in the replay; `held`: readable but more rows were rejected than accepted, so it waits
 * for the analyst (fix the mapping, or use it anyway); `unusable`: nothing in it can be used.
 */
export type FileStatus = "used" | "held" | "unusable";

/** By 0-based column index: the field the column holds, or `null` for none (kept as extra). */
export type ColumnChoices = Record<number, string | null>;

export interface WorkspaceFile {
  id: string;
  name: string;
  kind: FileKind | undefined;
  records: (CountRecord | Sighting | StockFigure | Place)[];
  routes?: RouteCollection;
  report: ImportReport | RouteImportReport;
  /** The analyst chose to use a held file. */
  forced: boolean;
}

/**
 * Whether a file can go into the replay.
 * @example fileStatus({ fatal: undefined, accepted: 1, rejected: 5 }) // => "held"
 */
export function fileStatus(
  report: Pick<ImportReport, "accepted" | "rejected"> & { fatal?: unknown },
  forced = false,
): FileStatus {
  if (report.fatal || report.accepted === 0) return "unusable";
  if (report.rejected > report.accepted && !forced) return "held";
  return "used";
}

/** The files that go into the replay: of a known kind, and used (`fileStatus`). */
export function usedFiles(files: readonly WorkspaceFile[]): WorkspaceFile[] {
  return files.filter((f) => f.kind && fileStatus(f.report, f.forced) === "used");
}

/**
 * The Dataset of the used files, on the embedded 2018 one (the library's `assembleDataset`, as
 * the CLI's `loadDataset` uses it):
 * places from the files first, then the embedded places not redefined; the route from the files
 * when given, else the embedded one; sightings, counts and stocks from the files, and when no file
 * gives any of the three, the embedded ones. Files of the same kind are concatenated.
 * @returns undefined when no file is used (the replay stays as it is).
 * @example assembleDataset([], embedded2018()) // => undefined
 */
export function assembleDataset(
  files: readonly WorkspaceFile[],
  base: Dataset,
): Dataset | undefined {
  const used = usedFiles(files);
  if (!used.length) return undefined;
  return assembleFiles(
    used.map((f) => ({ name: f.name, kind: f.kind!, records: f.records, routes: f.routes })),
    base,
  );
}

/**
 * The analyst's fixes as the importer's column mapping (`ImportOptions.columns`): by 0-based
 * position, the field, or `"extra"` for "no field". The workbook's "(sheet name)" pseudo-column
 * (the point read from the sheet name, past the last real column) is not a column of the file:
 * a choice for it is dropped.
 * @example columnOverrides({ 1: "fmp_id", 4: null }) // => { "1": "fmp_id", "4": "extra" }
 */
export function columnOverrides(
  choices: ColumnChoices,
  columns: readonly Pick<ColumnMapping, "index" | "column">[] = [],
): Record<string, string> {
  const skip = new Set(
    columns
      .filter((c) => c.column === SHEET_NAME_COLUMN && c.index >= columns.length - 1)
      .map((c) => c.index),
  );
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(choices)) {
    if (!skip.has(Number(k))) out[k] = v ?? KEEP_AS_EXTRA;
  }
  return out;
}
