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
import { SAFE_WRITING_HELP, openOutputFolder } from "../output.ts";
import type { OutputFile } from "../output.ts";
import { checkFile, readRouteFile, readTableFile } from "../read-input.ts";
import { COLUMNS_HELP, parseColumnsOption } from "../columns-option.ts";
import { DATE_WINDOW_HELP, DATE_WINDOW_OPTIONS, dateWindowOption } from "../dataset-options.ts";
import {
  TABLE_COLUMNS,
  TABLE_KINDS,
  createGazetteer,
  createTableImporter,
  embedded2018,
  formatCsv,
  formatCsvRows,
  possibleExtraKeys,
  recordToRow,
  suppressSmallCounts,
} from "../../src/index.ts";
import type {
  Gazetteer,
  ImportReport,
  Place,
  Rejection,
  RouteFeature,
  RouteImportReport,
  SuppressionSummary,
  TableKind,
  TableRecord,
} from "../../src/index.ts";
import { counted } from "../plural.ts";

const HELP = `Usage: dtm-flow import <files…> --out <dir> [options]

Imports count sheets, sightings, stock figures and places (CSV, TSV, ;-separated, XLSX with one
sheet per point) and GeoJSON routes, and writes into <dir>:
  counts.csv, sightings.csv, stocks.csv, places.csv   normalised tables (contract columns, HXL row)
  routes.geojson                                      the routes of any .geojson/.json input
  rejected.csv                                        every rejected row: file, sheet, line, column, value, code, message, suggestions
  import-report.json                                  one import report per file
Input files are never overwritten. Place names are checked against the embedded 2018 places plus
any places files among the inputs (imported first).

Options:
  --out <dir>            output folder (required)
  --kind <kind>          counts | sightings | stocks | places for every file (default: detected per file)
  --date-order <order>   dmy | mdy for dates like 05/11/2018 (default: decided per file from the data)
  --incoming-is <dir>    northbound | southbound: what incoming/entrada means at these points
${DATE_WINDOW_HELP}
${COLUMNS_HELP}
                         (for every input file)
  --delimiter <d>        output separator: , or ; (default ,)
  --no-bom               write UTF-8 without the byte-order mark (default: with, for Excel)
  --no-hxl               leave out the HXL hashtag row under the header
  --suppress-below <n>   blank counts from 1 to n−1 for public release (a suppressed column names them)

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
  columns?: Record<string, string>,
): ImportReport {
  const abs = checkFile(path, { cwd, stderr: () => {}, stdout: () => {} });
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
    throw new UserError(`${path} does not exist or cannot be read.`);
  }
  const importer = createTableImporter(kind, {
    fileName: basename(path),
    onRecord: () => {},
    maxIssues: 0,
    ...(columns ? { columns } : {}),
  });
  importer.push(bytes);
  const report = importer.finish().report;
  if (report.fatal) throw new UserError(`${path}: ${report.fatal.message}`);
  return report;
}

interface TableWriter {
  file: string;
  columns: string[];
  extraColumns: string[];
  pending: Record<string, unknown>[];
  rows: number;
}

export const importCommand: Command = {
  name: "import",
  summary: "import count sheets, sightings, stocks, places, routes into normalised tables",
  help: HELP,
  async run(argv: string[], context: CommandContext) {
    const { values, positionals } = parseOptions(argv, {
      out: { type: "string" },
      kind: { type: "string" },
      "date-order": { type: "string" },
      "incoming-is": { type: "string" },
      columns: { type: "string" },
      ...DATE_WINDOW_OPTIONS,
      delimiter: { type: "string" },
      "no-bom": { type: "boolean" },
      "no-hxl": { type: "boolean" },
      "suppress-below": { type: "string" },
    });
    if (!positionals.length)
      throw new UserError(
        "give at least one file to import, e.g. dtm-flow import conteo.csv --out out/.",
      );
    const kind = values.kind as TableKind | undefined;
    if (kind !== undefined && !TABLE_KINDS.includes(kind))
      throw new UserError(
        `--kind must be one of ${TABLE_KINDS.join(", ")}, not "${String(kind)}".`,
      );
    const order = values["date-order"] as string | undefined;
    if (order !== undefined && order !== "dmy" && order !== "mdy")
      throw new UserError(`--date-order must be dmy or mdy, not "${order}".`);
    const incoming = values["incoming-is"] as string | undefined;
    if (incoming !== undefined && incoming !== "northbound" && incoming !== "southbound")
      throw new UserError(`--incoming-is must be northbound or southbound, not "${incoming}".`);
    const columns = parseColumnsOption(values.columns as string | undefined);
    const dateWindow = dateWindowOption(values);
    const delimiter = (values.delimiter as string | undefined) ?? ",";
    if (delimiter !== "," && delimiter !== ";")
      throw new UserError(`--delimiter must be , or ;, not "${delimiter}".`);
    const suppressText = values["suppress-below"] as string | undefined;
    const suppressBelow =
      suppressText === undefined
        ? undefined
        : /^\d+$/.test(suppressText)
          ? Number(suppressText)
          : NaN;
    if (suppressBelow !== undefined && !(Number.isInteger(suppressBelow) && suppressBelow >= 1)) {
      throw new UserError(
        `--suppress-below must be a whole number of people, 1 or more, not "${suppressText}".`,
      );
    }
    const hxl = values["no-hxl"] !== true;
    const bom = values["no-bom"] !== true;

    // --out is checked first (before any work), then every file is probed: an unusable file
    // stops the import before anything is written.
    const out = openOutputFolder(
      values.out as string | undefined,
      positionals,
      context.cwd,
      IMPORT_OUTPUTS,
    );
    const routeFiles = positionals.filter((f) => /\.(geo)?json$/i.test(f));
    const tableFiles = positionals.filter((f) => !/\.(geo)?json$/i.test(f));
    const probes = new Map<string, ImportReport>();
    for (const f of tableFiles) probes.set(f, probe(f, kind, context.cwd, columns));
    const routeImports = new Map<string, ReturnType<typeof readRouteFile>>();
    for (const f of routeFiles) routeImports.set(f, readRouteFile(f, context));

    // One writer per kind; its columns are the union over the files of that kind.
    const writers = new Map<TableKind, TableWriter>();
    for (const [, report] of probes) {
      const k = report.kind!;
      let w = writers.get(k);
      if (!w) {
        w = { file: `${k}.csv`, columns: [], extraColumns: [], pending: [], rows: 0 };
        writers.set(k, w);
      }
      // A set beside the list: a file of 20,000 extra columns must not cost 20,000² comparisons.
      const known = new Set(w.extraColumns);
      for (const x of possibleExtraKeys(report))
        if (!known.has(x)) {
          known.add(x);
          w.extraColumns.push(x);
        }
    }
    const suppression = new Map<TableKind, SuppressionSummary>();
    const files = new Map<TableKind, OutputFile>();
    for (const [k, w] of writers) {
      const contract = TABLE_COLUMNS[k].map((c) => c.name);
      w.extraColumns = w.extraColumns.filter((x) => !contract.includes(x) && x !== "suppressed");
      w.columns = [
        ...contract,
        ...w.extraColumns,
        ...(suppressBelow && suppressBelow > 1 ? ["suppressed"] : []),
      ];
      const tags: Record<string, string> = {};
      for (const c of TABLE_COLUMNS[k]) tags[c.name] = c.hxl;
      if (w.columns.includes("suppressed")) tags["suppressed"] = "#meta+suppressed";
      const header = formatCsv([], {
        columns: w.columns,
        delimiter,
        bom,
        ...(hxl ? { hxl: tags } : {}),
      });
      const file = out.open(w.file);
      file.append(header);
      files.set(k, file);
    }
    const flush = (k: TableKind, w: TableWriter) => {
      if (!w.pending.length) return;
      files.get(k)!.append(formatCsvRows(w.pending, w.columns, delimiter));
      w.pending = [];
    };

    // Places first, so names in the other files resolve against them too.
    let places: Place[] = embedded2018().places;
    const ordered = [...tableFiles].sort(
      (a, b) => Number(probes.get(b)!.kind === "places") - Number(probes.get(a)!.kind === "places"),
    );
    const reports: (ImportReport | RouteImportReport)[] = [];
    const rejected: Record<string, unknown>[] = [];
    let rejectedRows = 0;
    let gazetteer: Gazetteer = createGazetteer(places);
    for (const f of ordered) {
      const k = probes.get(f)!.kind!;
      const w = writers.get(k)!;
      const newPlaces: Place[] = [];
      const result = await readTableFile(f, k, context, {
        gazetteer,
        maxIssues: 200_000,
        ...(order ? { dateOrder: order as "dmy" | "mdy" } : {}),
        ...(incoming ? { incomingIs: incoming as "northbound" | "southbound" } : {}),
        ...(columns ? { columns } : {}),
        ...(dateWindow ? { dateWindow } : {}),
        onRecord: (record) => {
          let rec = record as TableRecord;
          if (k === "places") newPlaces.push(record as Place);
          if (suppressBelow && suppressBelow > 1) {
            const s = suppressSmallCounts(k, [rec], suppressBelow);
            rec = s.records[0]!;
            const sum = suppression.get(k) ?? { ...s.summary, cells: 0, rows: 0 };
            sum.cells += s.summary.cells;
            sum.rows += s.summary.rows;
            suppression.set(k, sum);
          }
          const row = recordToRow(k, rec, w.extraColumns);
          const blanked = (rec as { suppressed?: string[] }).suppressed;
          if (blanked) row["suppressed"] = blanked.join(" ");
          w.pending.push(row);
          w.rows++;
          if (w.pending.length >= 5000) flush(k, w);
        },
      });
      flush(k, w);
      if (newPlaces.length) {
        places = [...newPlaces, ...places];
        gazetteer = createGazetteer(places);
      }
      reports.push(result.report);
      rejectedRows += result.report.rejected;
      for (const r of result.report.rejections as Rejection[]) {
        rejected.push({
          file: basename(f),
          sheet: r.sheet,
          line: r.line,
          column: r.column,
          value: r.value,
          code: r.code,
          message: r.message,
          suggestions: r.suggestions?.join(" | "),
        });
      }
      if (result.report.truncated)
        context.stderr(
          `${basename(f)}: more than 200,000 rejections or warnings; the lists are cut (counts are exact).`,
        );
      context.stderr(
        `${basename(f)}: ${k}, ${counted(result.report.dataRows, "data row")}, ${result.report.accepted} accepted, ${result.report.rejected} rejected, ${counted(result.report.warnings.length, "warning")}`,
      );
    }
    const routes: RouteFeature[] = [];
    for (const [f, r] of routeImports) {
      reports.push(r.report);
      rejectedRows += r.report.rejected;
      for (const x of r.report.rejections)
        rejected.push({ file: basename(f), line: x.line, code: x.code, message: x.message });
      if (r.routes) routes.push(...r.routes.features);
      context.stderr(
        `${basename(f)}: route, ${r.report.accepted} accepted, ${r.report.rejected} rejected`,
      );
    }
    // The tables are renamed into place only now that every file has been read.
    for (const file of files.values()) file.commit();
    if (routes.length)
      out.write(
        "routes.geojson",
        JSON.stringify({ type: "FeatureCollection", features: routes }, null, 1) + "\n",
      );
    out.write(
      "rejected.csv",
      formatCsv(rejected, {
        columns: ["file", "sheet", "line", "column", "value", "code", "message", "suggestions"],
        delimiter,
        bom,
      }),
    );
    const outputs = Object.fromEntries(
      [...writers].map(([k, w]) => [k, { file: w.file, rows: w.rows, columns: w.columns }]),
    );
    out.write(
      "import-report.json",
      JSON.stringify(
        {
          files: reports,
          outputs,
          ...(suppression.size ? { suppression: Object.fromEntries(suppression) } : {}),
        },
        null,
        2,
      ) + "\n",
    );
    context.stderr(
      `wrote ${[...writers.values()].map((w) => `${w.file} (${w.rows} rows)`).join(", ")}${routes.length ? ", routes.geojson" : ""}, rejected.csv (${rejected.length}), import-report.json to ${out.dir}`,
    );
    return rejectedRows > 0 ? EXIT.rejected : EXIT.ok;
  },
};
