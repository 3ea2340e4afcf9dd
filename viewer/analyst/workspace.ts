/**
 * The analyst's workspace, DOM-free: which of the dropped files are used, how they make one
 * Dataset (the same rules as the CLI's `loadDataset`), and how a column's mapping is fixed by
 * rewriting the header row before the file goes through the importer again.
 *
 * Runs in the analyst worker; tested in Node (tests/viewer/analyst.test.ts).
 */
import { EMBEDDED_2018_NAME, DEFAULT_TIME_ZONE } from "../../src/index.ts";
import type {
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

/**
 * The Dataset of the used files, on the embedded 2018 one (contract of the CLI's `loadDataset`):
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
  const used = files.filter((f) => f.kind && fileStatus(f.report, f.forced) === "used");
  if (!used.length) return undefined;
  const of = <T>(kind: FileKind) =>
    used.filter((f) => f.kind === kind).flatMap((f) => f.records as T[]);
  const mine = of<Place>("places");
  const ids = new Set(mine.map((p) => p.placeId));
  const places = [...mine, ...base.places.filter((p) => !ids.has(p.placeId))];
  const routeFiles = used.filter((f) => f.kind === "route" && f.routes);
  const routes: RouteCollection = routeFiles.length
    ? { type: "FeatureCollection", features: routeFiles.flatMap((f) => f.routes!.features) }
    : base.routes;
  const movement = used.some(
    (f) => f.kind === "sightings" || f.kind === "counts" || f.kind === "stocks",
  );
  const names = used.map((f) => f.name);
  return {
    name: `${names.join(", ")}${movement ? "" : ` + ${EMBEDDED_2018_NAME}`}`,
    places,
    routes,
    sightings: movement ? of<Sighting>("sightings") : base.sightings,
    counts: movement ? of<CountRecord>("counts") : base.counts,
    stocks: movement ? of<StockFigure>("stocks") : base.stocks,
    ...(!movement && base.aggregates ? { aggregates: base.aggregates } : {}),
    timeZone: base.timeZone ?? DEFAULT_TIME_ZONE,
  };
}

/** The new header name of each remapped column: the field's canonical name, or `column_N`. */
export function headerNames(
  choices: ColumnChoices,
  currentFields: readonly (string | undefined)[],
): Map<number, string> {
  const out = new Map<number, string>();
  const chosen = new Set(Object.values(choices).filter((f): f is string => !!f));
  for (const [k, v] of Object.entries(choices)) out.set(Number(k), v ?? `column_${Number(k) + 1}`);
  // A field moved to another column is taken from the column that held it, so it is read once.
  currentFields.forEach((f, i) => {
    if (f && chosen.has(f) && !out.has(i)) out.set(i, `column_${i + 1}`);
  });
  return out;
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/**
 * Rewrites cells of one row of a delimited file, in bytes, leaving every other byte as it was
 * (encoding, line ends, the other rows and their line numbers). The new names are ASCII, so this
 * works for UTF-8 and Windows-1252 files; not for UTF-16 (decode those first).
 * @param headerRow 1-based row (the report's `headerRow`).
 * @param delimiter one ASCII character.
 * @returns the new bytes, or undefined when the row ends past `bytes` (read more and retry).
 * @example new TextDecoder().decode(rewriteHeaderBytes(enc("a;b\n1;2"), 1, ";", new Map([[1, "total"]]))!) // => "a;total\n1;2"
 */
export function rewriteHeaderBytes(
  bytes: Uint8Array,
  headerRow: number,
  delimiter: string,
  names: ReadonlyMap<number, string>,
  complete = true,
): Uint8Array | undefined {
  const sep = delimiter.charCodeAt(0);
  let row = 1;
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let inQuotes = false;
  // Skip to the start of the header row.
  while (row < headerRow) {
    if (i >= bytes.length) return undefined;
    const b = bytes[i]!;
    if (b === QUOTE) inQuotes = !inQuotes;
    else if (!inQuotes && (b === LF || b === CR)) {
      if (b === CR && bytes[i + 1] === LF) i++;
      row++;
    }
    i++;
  }
  const start = i;
  const cells: [number, number][] = [];
  let cellStart = i;
  for (;;) {
    if (i >= bytes.length) {
      if (!complete) return undefined;
      cells.push([cellStart, i]);
      break;
    }
    const b = bytes[i]!;
    if (b === QUOTE) inQuotes = !inQuotes;
    else if (!inQuotes && b === sep) {
      cells.push([cellStart, i]);
      cellStart = i + 1;
    } else if (!inQuotes && (b === LF || b === CR)) {
      cells.push([cellStart, i]);
      break;
    }
    i++;
  }
  const end = i;
  const enc = new TextEncoder();
  const parts: Uint8Array[] = [bytes.subarray(0, start)];
  cells.forEach(([a, b], k) => {
    if (k > 0) parts.push(new Uint8Array([sep]));
    const name = names.get(k);
    parts.push(name !== undefined ? enc.encode(name) : bytes.subarray(a, b));
  });
  parts.push(bytes.subarray(end));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * Gives renamed columns their names from the file back in a report, so the analyst sees the
 * headers of their own file. `original` by 0-based column index. Changes `report` in place.
 * @returns new name → name in the file, for the records' `extra` keys.
 */
export function restoreHeaderNames(
  report: ImportReport,
  original: readonly string[],
): Map<string, string> {
  const renamed = new Map<string, string>();
  for (const c of report.columns) {
    const was = original[c.index];
    if (was !== undefined && was !== c.column) {
      renamed.set(c.column, was);
      c.column = was;
    }
  }
  const back = (n: string) => renamed.get(n) ?? n;
  report.extraColumns = report.extraColumns.map(back);
  for (const issue of [...report.rejections, ...report.warnings])
    if (issue.column !== undefined) issue.column = back(issue.column);
  return renamed;
}
