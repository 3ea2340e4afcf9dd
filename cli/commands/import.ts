/**
 * `dtm-flow import <files…> --out <dir>`: normalised tables per kind (counts.csv, sightings.csv,
 * stocks.csv, places.csv, routes.geojson), rejected.csv and import-report.json (docs/contracts.md §2).
 * Tables are streamed to disk, so a 1,000,000-row count sheet imports in flat memory.
 */
import { closeSync, openSync, readSync, statSync } from "node:fs";
import { basename } from "node:path";
import type { Command, CommandContext } from "../command.ts";
import { parseOptions } from "../command.ts";
import { EXIT, EXIT_HELP, UserError } from "../errors.ts";
import { OptionError } from "../option-refusals.ts";
import { csvChoice } from "../csv-options.ts";
import { SAFE_WRITING_HELP, openOutputFolder } from "../output.ts";
import type { OutputFile, OutputFolder } from "../output.ts";
import {
  checkFile,
  readRouteFile,
  readTableFile,
  summarizeReport,
  unusableTableText,
} from "../read-input.ts";
import { LANG_OPTION, langOption } from "../lang-option.ts";
import { cliWords } from "../cli-words.ts";
import type { QualifiedIdAt } from "../cli-words.ts";
import { rejectionLines } from "../dataset-options.ts";
import { COLUMNS_HELP, columnsOptions, sheetsNotFound } from "../columns-option.ts";
import { madeColumnName, sheetColumnLines } from "../column-lines.ts";
import { READING_OPTIONS, readingChoice, readingOptionsHelp } from "../reading-options.ts";
import {
  DATE_WINDOW_HELP,
  DATE_WINDOW_OPTIONS,
  MAX_REJECTION_LINES,
  dateWindowOption,
} from "../dataset-options.ts";
import {
  CrossFileDuplicates,
  TABLE_COLUMNS,
  TABLE_KINDS,
  createGazetteer,
  crossFileDuplicateText,
  createTableImporter,
  embedded2018,
  extraColumnShown,
  issueText,
  csvCell,
  orderExtraColumns,
  formatCsv,
  formatCsvRows,
  possibleExtraKeys,
  recordToRow,
  suppressSmallCounts,
} from "../../src/index.ts";
import type {
  SituationLang,
  CrossFileDuplicate,
  Gazetteer,
  ImportReport,
  IssueLike,
  Place,
  Rejection,
  RouteFeature,
  RouteImportReport,
  SuppressionSummary,
  TableKind,
  TableRecord,
} from "../../src/index.ts";
import { copyWithoutColumns } from "../drop-columns.ts";

const HELP = `Usage: dtm-flow import <files…> --out <dir> [options]

Imports count sheets, sightings, stock figures and places (CSV, TSV, ;-separated, XLSX with one
sheet per point) and GeoJSON routes, and writes into <dir>:
  counts.csv, sightings.csv, stocks.csv, places.csv   normalised tables: contract columns, then the
                                                      extra columns that have a value in some row; HXL row
  routes.geojson                                      the routes of any .geojson/.json input
  rejected.csv                                        every rejected row: file, sheet, line, column, value, code, message, suggestions
                                                      (and motivo, the reason in Spanish, with --lang es)
  import-report.json                                  one import report per file
Input files are never overwritten. Place names are checked against the embedded 2018 places plus
any places files among the inputs (imported first).

Options:
  --out <dir>            output folder (required)
  --kind <kind>          counts | sightings | stocks | places for every file (default: detected per file)
  --places <file>        a places file, imported first (as one of the inputs; as for validate/estimate)
${readingOptionsHelp(24)}
${DATE_WINDOW_HELP}
${COLUMNS_HELP}
                         (for every input file)
  --delimiter <d>        output separator: , or ; (default ,)
  --no-bom               write UTF-8 without the byte-order mark (default: with, for Excel)
  --no-hxl               leave out the HXL hashtag row under the header
  --suppress-below <n>   blank counts from 1 to n−1 for public release (a suppressed column names them)
  --lang <en|es>         language of the lines on stderr (per-file lines, rejected rows with their
                         line and reason, refusals); the files written are the same in both

Limits (docs/import.md): at most 10,000,000 people in one cell (larger numbers, and any beyond
2^53, are rejected with the reason); dates from 1900-01-01 to the day of the import, and within a
year of the file's other dates unless --from/--to are given. Excel 97–2003 .xls, OpenDocument .ods
and .xlsb files are recognised by content and refused with one sentence (save as .xlsx or CSV).
Also: --suppress-below is a whole number ≥ 1; a route file that is empty, not JSON, or has a
route crossing the antimeridian or without two distinct positions is refused (exit 2).
${SAFE_WRITING_HELP}

${EXIT_HELP}

Examples:
  dtm-flow import data/samples/kobo-conteo-tecun-uman.csv data/samples/excel-conteo-windows1252.csv --out out/
  dtm-flow import data/samples/conteo-por-punto.xlsx --out out/ --delimiter ";" --suppress-below 5`;

/** Every file import may write, checked against the inputs before any work is done. */
const IMPORT_OUTPUTS = [
  ...TABLE_KINDS.map((k) => `${k}.csv`),
  "routes.geojson",
  "rejected.csv",
  "import-report.json",
];

/** The first 25 rows are enough to know a file's kind and columns. */
function probe(
  path: string,
  kind: TableKind | undefined,
  cwd: string,
  lang: SituationLang,
  columns?: ReturnType<typeof columnsOptions>,
): ImportReport {
  const abs = checkFile(path, { cwd, stderr: () => {}, stdout: () => {} }, lang);
  let bytes: Uint8Array;
  try {
    const size = statSync(abs).size;
    const fd = openSync(abs, "r");
    const isZip = (() => {
      const head = new Uint8Array(4);
      readSync(fd, head, 0, 4, 0);
      return head[0] === 0x50 && head[1] === 0x4b;
    })();
    const n = isZip ? size : Math.min(size, 256 * 1024);
    bytes = new Uint8Array(n);
    readSync(fd, bytes, 0, n, 0);
    closeSync(fd);
  } catch {
    throw new UserError(cliWords(lang).notAFile(path, "unreadable"));
  }
  const importer = createTableImporter(kind, {
    fileName: basename(path),
    onRecord: () => {},
    maxIssues: 0,
    ...columns,
    ...(kind !== undefined ? { kindSaid: kind } : {}),
  });
  importer.push(bytes);
  const report = importer.finish().report;
  if (report.fatal)
    throw new UserError(unusableTableText(path, report.fatal, { mappable: true, lang }));
  return report;
}

interface TableWriter {
  file: string;
  columns: string[];
  extraColumns: string[];
  /** The extra columns no row written so far has a value in (left out at the end). */
  empty: Set<string>;
  /**
   * Of `extraColumns`, the mapped columns declared only to keep an unreadable code as written
   * (`possibleExtraKeys`): when empty, every value of the column was read, nothing was lost.
   */
  keptAsWritten: Set<string>;
  /**
   * An extra column by the file's columns (extraColumnShown): a tally's `Sentido` as `Entradas,
   * Salidas`, `caravan_label_as_written` as the file's caravan column.
   */
  shownAs: Map<string, string>;
  pending: Record<string, unknown>[];
  rows: number;
}

/** The options of `dtm-flow import`, read and checked. */
interface ImportArgs {
  files: string[];
  out: string | undefined;
  kind: TableKind | undefined;
  /** --places: a places file read as places whatever --kind says (also in `files`). */
  places: string | undefined;
  order: "dmy" | "mdy" | undefined;
  incoming: "northbound" | "southbound" | undefined;
  /** `--columns`: the mapping of every sheet and of one sheet (columnsOptions). */
  columns: ReturnType<typeof columnsOptions>;
  dateWindow: { from?: string; to?: string } | undefined;
  delimiter: "," | ";";
  suppressBelow: number | undefined;
  hxl: boolean;
  bom: boolean;
  /** Language of the lines on stderr and of the sentences refusing a file (--lang). */
  lang: SituationLang;
}

/** One kind's output table: its writer and the path it is appended to. */
interface KindOutput {
  writer: TableWriter;
  file: OutputFile;
  /** The rows written so far, to tell a row that repeats one of an earlier file. */
  seen: CrossFileDuplicates;
}

/** What the import of the table files gathers for the outputs. */
interface Gathered {
  reports: (ImportReport | RouteImportReport)[];
  rejected: Record<string, unknown>[];
  rejectedRows: number;
  suppression: Map<TableKind, SuppressionSummary>;
  /** Rows that repeat a row of an earlier file (both written; import-report.json lists them). */
  crossFile: CrossFileDuplicate[];
  /** Every sighting_id written so far, with the file and row that gave it. */
  sightingIds: Map<string, { file: string; line: number; sheet?: string }>;
  /** Sightings whose id an earlier file already gave, written as `<file>:<id>` (QualifiedId). */
  qualifiedIds: QualifiedId[];
}

/** A sighting_id another file gave too, written qualified with its file's name. */
/** A sighting_id an earlier file gave too (cli-words.ts says it). */
type QualifiedId = QualifiedIdAt;

/**
 * Gives the sighting an id no earlier file gave: two field files that each number their reports
 * 1..n are two sets of reports, and an id is the key of one report where the tables are combined
 * (validate rejects a repeated one), so the later file's id is qualified with the file's name.
 * A row that repeats a row of an earlier file whole (same id, same report) keeps its id: it is the
 * same report, kept once when read again.
 */
function uniqueSightingId(
  rec: TableRecord,
  gathered: Gathered,
  at: { file: string; line: number; sheet?: string },
  repeated: boolean,
): TableRecord {
  const id = (rec as { id?: string }).id;
  if (id === undefined || id === "") return rec;
  const ids = gathered.sightingIds;
  const first = ids.get(id);
  if (!first || first.file === at.file || repeated) {
    if (!first) ids.set(id, at);
    return rec;
  }
  const name = basename(at.file);
  let writtenAs = `${name}:${id}`;
  for (let n = 2; ids.has(writtenAs); n++) writtenAs = `${name}:${id}#${n}`;
  ids.set(writtenAs, at);
  gathered.qualifiedIds.push({
    file: at.file,
    line: at.line,
    ...(at.sheet !== undefined ? { sheet: at.sheet } : {}),
    id,
    writtenAs,
    firstFile: first.file,
    firstLine: first.line,
  });
  return { ...rec, id: writtenAs } as TableRecord;
}

/** A qualified id with its files by name, for its sentence (a warning on stderr, cli-words.ts). */
function qualifiedAt(q: QualifiedId): QualifiedId {
  return { ...q, file: basename(q.file), firstFile: basename(q.firstFile) };
}

/** Reads and checks the command line. @throws UserError with one sentence when an option is wrong. */
export function parseImportArgs(argv: string[]): ImportArgs {
  const { values, positionals } = parseOptions(argv, {
    out: { type: "string" },
    kind: { type: "string" },
    places: { type: "string" },
    ...READING_OPTIONS,
    columns: { type: "string" },
    ...DATE_WINDOW_OPTIONS,
    delimiter: { type: "string" },
    "no-bom": { type: "boolean" },
    "no-hxl": { type: "boolean" },
    "suppress-below": { type: "string" },
    ...LANG_OPTION,
  });
  const lang = langOption(values);
  const places = values.places as string | undefined;
  if (places !== undefined && /\.(geo)?json$/i.test(places))
    throw new OptionError({ code: "places_geojson", file: places });
  if (!positionals.length && !places) throw new OptionError({ code: "import_no_file" });
  const kind = values.kind as TableKind | undefined;
  if (kind !== undefined && !TABLE_KINDS.includes(kind))
    throw new OptionError({
      code: "not_a_choice",
      option: "kind",
      value: String(kind),
      choices: TABLE_KINDS,
    });
  const { dateOrder: order, incomingIs: incoming } = readingChoice(values);
  const columns = columnsOptions(values.columns as string | undefined);
  const dateWindow = dateWindowOption(values);
  const delimiter = (values.delimiter as string | undefined) ?? ",";
  if (delimiter !== "," && delimiter !== ";")
    throw new OptionError({
      code: "not_a_choice",
      option: "delimiter",
      value: delimiter,
      choices: [",", ";"],
    });
  const suppressText = values["suppress-below"] as string | undefined;
  const suppressBelow =
    suppressText === undefined
      ? undefined
      : /^\d+$/.test(suppressText)
        ? Number(suppressText)
        : NaN;
  if (suppressBelow !== undefined && !(Number.isInteger(suppressBelow) && suppressBelow >= 1)) {
    throw new OptionError({ code: "suppress_below", value: suppressText ?? "" });
  }
  return {
    files: places && !positionals.includes(places) ? [places, ...positionals] : positionals,
    out: values.out as string | undefined,
    kind,
    places,
    order,
    incoming,
    columns,
    dateWindow,
    delimiter,
    suppressBelow,
    hxl: values["no-hxl"] !== true,
    bom: csvChoice(values).bom,
    lang,
  };
}

/** One writer per kind; its columns are the union over the files of that kind. */
export function planWriters(probes: Map<string, ImportReport>): Map<TableKind, TableWriter> {
  const writers = new Map<TableKind, TableWriter>();
  for (const [, report] of probes) {
    const k = report.kind!;
    let w = writers.get(k);
    if (!w) {
      w = {
        file: `${k}.csv`,
        columns: [],
        extraColumns: [],
        empty: new Set(),
        keptAsWritten: new Set(),
        shownAs: new Map(),
        pending: [],
        rows: 0,
      };
      writers.set(k, w);
    }
    // A set beside the list: a file of 20,000 extra columns must not cost 20,000² comparisons.
    const known = new Set(w.extraColumns);
    const unmapped = new Set(report.extraColumns);
    for (const x of possibleExtraKeys(report)) {
      if (!unmapped.has(x)) w.keptAsWritten.add(x);
      const shown = extraColumnShown(report.columns, x);
      if (shown !== x) w.shownAs.set(x, shown);
      if (!known.has(x)) {
        known.add(x);
        w.extraColumns.push(x);
      }
    }
  }
  return writers;
}

/** Writes each table's header (contract columns, extras, HXL row) and returns where rows go. */
function openTables(
  writers: Map<TableKind, TableWriter>,
  args: ImportArgs,
  out: OutputFolder,
): Map<TableKind, KindOutput> {
  const outputs = new Map<TableKind, KindOutput>();
  for (const [k, w] of writers) {
    const contract = TABLE_COLUMNS[k].map((c) => c.name);
    w.extraColumns = orderExtraColumns(
      w.extraColumns.filter((x) => !contract.includes(x) && x !== "suppressed"),
    );
    w.empty = new Set(w.extraColumns);
    w.columns = [
      ...contract,
      ...w.extraColumns,
      ...(args.suppressBelow && args.suppressBelow > 1 ? ["suppressed"] : []),
    ];
    const tags: Record<string, string> = {};
    for (const c of TABLE_COLUMNS[k]) tags[c.name] = c.hxl;
    if (w.columns.includes("suppressed")) tags["suppressed"] = "#meta+suppressed";
    const header = formatCsv([], {
      columns: w.columns,
      delimiter: args.delimiter,
      bom: args.bom,
      ...(args.hxl ? { hxl: tags } : {}),
    });
    const file = out.open(w.file);
    file.append(header);
    outputs.set(k, { writer: w, file, seen: new CrossFileDuplicates() });
  }
  return outputs;
}

function flush(o: KindOutput, delimiter: ImportArgs["delimiter"]): void {
  const w = o.writer;
  if (!w.pending.length) return;
  o.file.append(formatCsvRows(w.pending, w.columns, delimiter));
  w.pending = [];
}

/**
 * A record as a row of its table (small counts blanked when asked), appended to the writer; a row
 * the same as one of an earlier file is written too, and named in `gathered.crossFile`.
 */
function addRow(
  o: KindOutput,
  k: TableKind,
  record: TableRecord,
  args: ImportArgs,
  gathered: Gathered,
  at: { file: string; line: number; sheet?: string },
): void {
  const suppression = gathered.suppression;
  const w = o.writer;
  let rec = record;
  const below = args.suppressBelow;
  if (below && below > 1) {
    const s = suppressSmallCounts(k, [rec], below);
    rec = s.records[0]!;
    const sum = suppression.get(k) ?? { ...s.summary, cells: 0, rows: 0 };
    sum.cells += s.summary.cells;
    sum.rows += s.summary.rows;
    suppression.set(k, sum);
  }
  let row = recordToRow(k, rec, w.extraColumns);
  // The contract's columns only: a copy with one more extra column is still the same row.
  const cells = TABLE_COLUMNS[k].map((c) => csvCell(row[c.name]));
  const repeat = o.seen.check(cells, at.file, at.line, at.sheet);
  if (repeat) gathered.crossFile.push(repeat);
  if (k === "sightings") {
    const unique = uniqueSightingId(rec, gathered, at, repeat !== undefined);
    if (unique !== rec) row = recordToRow(k, (rec = unique), w.extraColumns);
  }
  const blanked = (rec as { suppressed?: string[] }).suppressed;
  if (blanked) row["suppressed"] = blanked.join(" ");
  // Deleting from a Set while iterating it is safe; the set only shrinks, so this gets cheaper.
  for (const x of w.empty) if (csvCell(row[x]) !== "") w.empty.delete(x);
  w.pending.push(row);
  w.rows++;
  if (w.pending.length >= 5000) flush(o, args.delimiter);
}

/** Imports every table file into its kind's table; places first, so names resolve against them. */
async function importTables(
  files: string[],
  probes: Map<string, ImportReport>,
  outputs: Map<TableKind, KindOutput>,
  args: ImportArgs,
  context: CommandContext,
): Promise<Gathered> {
  const gathered: Gathered = {
    reports: [],
    rejected: [],
    rejectedRows: 0,
    suppression: new Map(),
    crossFile: [],
    sightingIds: new Map(),
    qualifiedIds: [],
  };
  let places: Place[] = embedded2018().places;
  const ordered = [...files].sort(
    (a, b) => Number(probes.get(b)!.kind === "places") - Number(probes.get(a)!.kind === "places"),
  );
  let gazetteer: Gazetteer = createGazetteer(places);
  for (const f of ordered) {
    const k = probes.get(f)!.kind!;
    const o = outputs.get(k)!;
    const newPlaces: Place[] = [];
    const said = f === args.places ? "places" : args.kind;
    const result = await readTableFile(f, k, context, {
      mappable: true,
      lang: args.lang,
      ...(said !== undefined ? { kindSaid: said } : {}),
      gazetteer,
      maxIssues: 200_000,
      ...(args.order ? { dateOrder: args.order } : {}),
      ...(args.incoming ? { incomingIs: args.incoming } : {}),
      ...(f !== args.places ? args.columns : {}),
      ...(args.dateWindow ? { dateWindow: args.dateWindow } : {}),
      onRecord: (record, line, sheet) => {
        if (k === "places") newPlaces.push(record as Place);
        const at = { file: basename(f), line, ...(sheet !== undefined ? { sheet } : {}) };
        addRow(o, k, record as TableRecord, args, gathered, at);
      },
    });
    flush(o, args.delimiter);
    if (newPlaces.length) {
      places = [...newPlaces, ...places];
      gazetteer = createGazetteer(places);
    }
    gatherTableReport(gathered, f, result.report, context, args.lang);
  }
  return gathered;
}

/**
 * rejected.csv's columns: `message` stays English (with `code`, for machines); under --lang es a
 * last column `motivo` gives the reason in Spanish (the viewer's words, issueText), so the file an
 * analyst opens in Excel reads in their language. A column added at the end keeps old readers
 * working (docs/contracts.md).
 */
export function rejectedColumns(lang: SituationLang): string[] {
  const columns = ["file", "sheet", "line", "column", "value", "code", "message", "suggestions"];
  return lang === "es" ? [...columns, "motivo"] : columns;
}

/** The `motivo` cell of a rejection under --lang es (nothing in English). */
function reasonInLang(issue: IssueLike, lang: SituationLang): { motivo?: string } {
  return lang === "es" ? { motivo: issueText("es", issue, "cli") } : {};
}

/** A table file's report, its rejections as rows of rejected.csv, and its summary line. */
function gatherTableReport(
  gathered: Gathered,
  f: string,
  report: ImportReport,
  context: CommandContext,
  lang: SituationLang,
): void {
  gathered.reports.push(report);
  gathered.rejectedRows += report.rejected;
  for (const r of report.rejections as Rejection[]) {
    gathered.rejected.push({
      file: basename(f),
      sheet: r.sheet,
      line: r.line,
      column: r.column,
      value: r.value,
      code: r.code,
      message: r.message,
      suggestions: r.suggestions?.join(" | "),
      ...reasonInLang(r, lang),
    });
  }
  if (report.truncated) context.stderr(cliWords(lang).issuesCut(basename(f)));
  // The file's line and each rejected row with its line and reason (rejected.csv has them all);
  // a sheet read with its own mapping shows it, as validate does (import-report.json sheetColumns).
  context.stderr(summarizeReport(report, lang));
  for (const line of sheetColumnLines(report, lang)) context.stderr(line);
  for (const line of rejectionLines(report, lang)) context.stderr(line);
}

/** The route files' reports and rejections gathered; their routes. */
function gatherRoutes(
  gathered: Gathered,
  routeImports: Map<string, ReturnType<typeof readRouteFile>>,
  context: CommandContext,
  lang: SituationLang,
): RouteFeature[] {
  const routes: RouteFeature[] = [];
  for (const [f, r] of routeImports) {
    gathered.reports.push(r.report);
    gathered.rejectedRows += r.report.rejected;
    for (const x of r.report.rejections)
      gathered.rejected.push({
        file: basename(f),
        line: x.line,
        code: x.code,
        message: x.message,
        ...reasonInLang(x, lang),
      });
    if (r.routes) routes.push(...r.routes.features);
    context.stderr(summarizeReport(r.report, lang));
    for (const line of rejectionLines(r.report, lang)) context.stderr(line);
  }
  return routes;
}

/**
 * Renames a table into place. Its header was written before any row, with every extra column the
 * files may fill; those that stayed empty in every row are left out first (the table is copied
 * without them, streaming), so the table has the columns an in-memory export
 * (`formatTableCsv`) would give, and import-report.json lists them as `emptyColumnsLeftOut`.
 */
function commitTable(
  out: OutputFolder,
  o: KindOutput,
  delimiter: ImportArgs["delimiter"],
  context: CommandContext,
  lang: SituationLang,
): void {
  const w = o.writer;
  if (!w.empty.size) {
    o.file.commit();
    return;
  }
  const copy = out.open(w.file);
  copyWithoutColumns(
    o.file.temporaryPath,
    copy,
    w.columns.map((c) => !w.empty.has(c)),
    delimiter,
  );
  o.file.discard();
  copy.commit();
  w.columns = w.columns.filter((c) => !w.empty.has(c));
  context.stderr(emptyColumnsNote(w, lang));
}

/**
 * The stderr line on the extra columns left out: the file's unmapped columns that were empty,
 * and apart, the mapped columns whose every value was read (no code had to be kept as written),
 * so that a reader does not take `grp/País` for a column lost.
 * @example
 * emptyColumnsNote({ file: "counts.csv", empty: new Set(["vacía", "sentido"]), keptAsWritten: new Set(["sentido"]) });
 * // => "counts.csv: left out 1 extra column empty in every row: vacía; every value of sentido was read, none kept as written."
 */
export function emptyColumnsNote(
  w: Pick<TableWriter, "file" | "empty" | "keptAsWritten"> & Partial<Pick<TableWriter, "shownAs">>,
  lang: SituationLang = "en",
): string {
  const unmapped = [...w.empty].filter((c) => !w.keptAsWritten.has(c));
  // One name once: lat_as_written and lon_as_written are both the file's GPS column.
  const read = [
    ...new Set(
      [...w.empty].filter((c) => w.keptAsWritten.has(c)).map((c) => w.shownAs?.get(c) ?? c),
    ),
  ].map((c) => madeColumnName(c, lang));
  return cliWords(lang).emptyColumns({ file: w.file, unmapped, read });
}

/**
 * The tables renamed into place (only now that every file has been read), then routes.geojson
 * (when any), rejected.csv and import-report.json, and the summary line.
 */
function writeOutputs(
  out: OutputFolder,
  gathered: Gathered,
  routes: RouteFeature[],
  tables: Map<TableKind, KindOutput>,
  args: ImportArgs,
  context: CommandContext,
): void {
  for (const o of tables.values()) commitTable(out, o, args.delimiter, context, args.lang);
  const writers = [...tables].map(([k, o]) => [k, o.writer] as const);
  if (routes.length)
    out.write(
      "routes.geojson",
      JSON.stringify({ type: "FeatureCollection", features: routes }, null, 1) + "\n",
    );
  out.write(
    "rejected.csv",
    formatCsv(gathered.rejected, {
      columns: rejectedColumns(args.lang),
      delimiter: args.delimiter,
      bom: args.bom,
    }),
  );
  const outputs = Object.fromEntries(
    writers.map(([k, w]) => [
      k,
      {
        file: w.file,
        rows: w.rows,
        columns: w.columns,
        ...(w.empty.size ? { emptyColumnsLeftOut: [...w.empty] } : {}),
      },
    ]),
  );
  const suppression = gathered.suppression;
  out.write(
    "import-report.json",
    JSON.stringify(
      {
        files: gathered.reports,
        outputs,
        ...(suppression.size ? { suppression: Object.fromEntries(suppression) } : {}),
        ...(gathered.crossFile.length ? { crossFileDuplicates: gathered.crossFile } : {}),
        ...(gathered.qualifiedIds.length ? { qualifiedSightingIds: gathered.qualifiedIds } : {}),
      },
      null,
      2,
    ) + "\n",
  );
  const words = cliWords(args.lang);
  const repeats = gathered.crossFile;
  for (const d of repeats.slice(0, MAX_REJECTION_LINES))
    context.stderr(`${words.warning}: ${crossFileDuplicateText(d, args.lang)}`);
  if (repeats.length > MAX_REJECTION_LINES)
    context.stderr(words.moreRepeats(repeats.length - MAX_REJECTION_LINES));
  const qualified = gathered.qualifiedIds;
  for (const q of qualified.slice(0, MAX_REJECTION_LINES))
    context.stderr(`${words.warning}: ${words.idQualified(qualifiedAt(q))}`);
  if (qualified.length > MAX_REJECTION_LINES)
    context.stderr(words.moreQualified(qualified.length - MAX_REJECTION_LINES));
  context.stderr(
    words.importDone({
      tables: writers.map(([, w]) => ({ file: w.file, rows: w.rows })),
      routes: routes.length > 0,
      rejected: gathered.rejectedRows,
      reasons: gathered.rejected.length,
      dir: out.dir,
    }),
  );
}

export const importCommand: Command = {
  name: "import",
  summary: "import count sheets, sightings, stocks, places, routes into normalised tables",
  help: HELP,
  async run(argv: string[], context: CommandContext) {
    const args = parseImportArgs(argv);
    // --out is checked first (before any work), then every file is probed: an unusable file
    // stops the import before anything is written.
    const out = openOutputFolder(args.out, args.files, context.cwd, IMPORT_OUTPUTS);
    const routeFiles = args.files.filter((f) => /\.(geo)?json$/i.test(f));
    const tableFiles = args.files.filter((f) => !/\.(geo)?json$/i.test(f));
    const probes = new Map<string, ImportReport>();
    for (const f of tableFiles)
      probes.set(
        f,
        f === args.places
          ? probe(f, "places", context.cwd, args.lang)
          : probe(f, args.kind, context.cwd, args.lang, args.columns),
      );
    const missing = sheetsNotFound(args.columns.sheetColumns, probes.values());
    if (missing.length) {
      const known = [...probes.values()].flatMap((r) => r.sheets ?? []);
      context.stderr(cliWords(args.lang).columnsSheetUnknown(missing, known));
    }
    const routeImports = new Map<string, ReturnType<typeof readRouteFile>>();
    for (const f of routeFiles) routeImports.set(f, readRouteFile(f, context, args.lang));
    const tables = openTables(planWriters(probes), args, out);
    const gathered = await importTables(tableFiles, probes, tables, args, context);
    const routes = gatherRoutes(gathered, routeImports, context, args.lang);
    writeOutputs(out, gathered, routes, tables, args, context);
    return gathered.rejectedRows > 0 ? EXIT.rejected : EXIT.ok;
  },
};
