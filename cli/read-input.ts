/**
 * Reading users' files for every command: streams a file from disk into the importer (progress on
 * stderr for large files), and assembles a Dataset from the files a command was given, falling
 * back to the embedded 2018 data (the library's `assembleDataset`). Node-only (the library in src/ takes bytes).
 */
import { createReadStream, existsSync, readFileSync, statSync } from "node:fs";
import { basename, resolve } from "node:path";
import type { CommandContext } from "./command.ts";
import { UserError } from "./errors.ts";
import { OptionError } from "./option-refusals.ts";
import {
  DEFAULT_TIME_ZONE,
  FILES_NAME_PREFIX,
  assembleDataset,
  createGazetteer,
  createRouteIndex,
  createTableImporter,
  embedded2018,
  importPlacesGeoJson,
  importRoute,
  issueReason,
  looksLikeGeoJson,
} from "../src/index.ts";
import type {
  Dataset,
  DatasetFile,
  Gazetteer,
  ImportOptions,
  ImportReport,
  ImportResult,
  Place,
  RouteCollection,
  RouteImportReport,
  TableKind,
  SituationLang,
} from "../src/index.ts";
import { cliWords, type CliWords } from "./cli-words.ts";

/** Files over this size get progress lines on stderr. */
const PROGRESS_BYTES = 8 * 1024 * 1024;

export interface ReadTableOptions extends Omit<ImportOptions, "fileName"> {
  /** Print progress to stderr for files larger than 8 MB; default true. */
  progress?: boolean;
  /** The command takes `--columns` (validate, import): its hint for a missing column says so. */
  mappable?: boolean;
  /** Language of the sentence refusing an unusable file (--lang; default en). */
  lang?: SituationLang;
}

/**
 * What to do about a required column the importer did not find, for the end of its sentence:
 * map it by hand with `--columns` where the command takes it, else through `dtm-flow import`.
 * @example missingColumnHint("missing_column", true) // => " Say which column holds it: --columns <field>=<column> (docs/import.md)."
 */
export function missingColumnHint(
  code: string,
  mappable: boolean | undefined,
  lang: SituationLang = "en",
): string {
  if (code !== "missing_column") return "";
  return cliWords(lang).missingColumnHint(mappable === true);
}

/**
 * The sentence refusing a table the importer could not use (its `fatal` problem), in `lang`: the
 * file, the reason (the library's words, issue-text.ts) and what to do.
 * @example
 * unusableTableText("c.csv", { code: "empty_file", message: "the file has no data rows." }, {})
 * // => "c.csv: the file has no data rows."
 */
export function unusableTableText(
  path: string,
  fatal: { code: string; message: string; params?: ImportReport["warnings"][number]["params"] },
  how: { betterKind?: TableKind; mappable?: boolean; lang?: SituationLang },
): string {
  const lang = how.lang ?? "en";
  // dtm-flow's own output (own_output) is refused in its one sentence: it is no kind of table.
  const hint =
    fatal.code === "own_output"
      ? ""
      : (how.betterKind ? cliWords(lang).looksLikeKind(how.betterKind) : "") ||
        missingColumnHint(fatal.code, how.mappable, lang);
  return `${path}: ${issueReason(lang, fatal, "cli")}${hint}`;
}

/**
 * Throws a UserError when the input path does not exist or is not a regular file (a folder, a
 * device such as /dev/zero, a pipe).
 * @returns the absolute path.
 */
export function checkFile(
  path: string,
  context: CommandContext,
  lang: SituationLang = "en",
): string {
  const abs = resolve(context.cwd, path);
  const words = cliWords(lang);
  if (!existsSync(abs)) throw new UserError(words.notAFile(path, "missing"));
  const s = statSync(abs);
  if (s.isDirectory()) throw new UserError(words.notAFile(path, "folder"));
  if (!s.isFile()) throw new UserError(words.notAFile(path, "special"));
  return abs;
}

/**
 * Streams a table file (CSV/TSV/`;`/XLSX) through the importer in 1 MB chunks.
 * Memory stays flat when `options.onRecord` is given (records are then not kept).
 * @param kind undefined = detect from the headers.
 * @throws UserError when the file is missing or unusable (one sentence naming the file).
 * @example
 * const { records, report } = await readTableFile("conteo.csv", "counts", context);
 */
export async function readTableFile(
  path: string,
  kind: TableKind | undefined,
  context: CommandContext,
  options: ReadTableOptions = {},
): Promise<ImportResult> {
  const { lang, ...importOptions } = options;
  const abs = checkFile(path, context, lang);
  const size = statSync(abs).size;
  const name = basename(path);
  const importer = createTableImporter(kind, { ...importOptions, fileName: name });
  const showProgress = options.progress !== false && size > PROGRESS_BYTES;
  let nextReport = 0.1;
  const started = Date.now();
  for await (const chunk of createReadStream(abs, { highWaterMark: 1 << 20 })) {
    importer.push(chunk as Uint8Array);
    if (showProgress && importer.consumed / size >= nextReport) {
      const r = importer.report;
      context.stderr(
        cliWords(lang).readProgress({
          name,
          percent: Math.round((100 * importer.consumed) / size),
          rows: r.rowsRead,
          accepted: r.accepted,
          rejected: r.rejected,
          seconds: (Date.now() - started) / 1000,
        }),
      );
      nextReport = Math.floor((importer.consumed / size) * 10 + 1) / 10;
    }
  }
  const result = importer.finish();
  const { fatal, betterKind } = result.report;
  if (fatal) {
    throw new UserError(
      unusableTableText(path, fatal, {
        ...(betterKind ? { betterKind } : {}),
        ...(options.mappable !== undefined ? { mappable: options.mappable } : {}),
        ...(lang ? { lang } : {}),
      }),
    );
  }
  return result;
}

/**
 * Reads a places file: a table (readTableFile), or a GeoJSON FeatureCollection of Points (a QGIS
 * export, or the viewer's places.geojson) when its name ends .geojson/.json or its text starts
 * with `{`; each Point is a place, every other feature is rejected with its number.
 * @throws UserError when the file is missing or unusable (one sentence naming the file).
 */
export async function readPlacesFile(
  path: string,
  context: CommandContext,
  options: ReadTableOptions = {},
): Promise<ImportResult> {
  const abs = checkFile(path, context, options.lang);
  const head = readFileSync(abs).subarray(0, 64).toString("utf8");
  if (!/\.(geo)?json$/i.test(path) && !looksLikeGeoJson(head))
    return readTableFile(path, "places", context, options);
  const { progress: _p, mappable: _m, lang: _l, ...rest } = options;
  const r = importPlacesGeoJson(readFileSync(abs, "utf8"), { ...rest, fileName: basename(path) });
  if (r.report.fatal)
    throw new OptionError({
      code: "places_not_geojson",
      file: path,
      message: r.report.fatal.message,
    });
  return r;
}

/**
 * Refuses a file given under one option whose headers fit another kind better (a count sheet
 * given as --sightings would otherwise be read as sightings, row by row, without a word).
 * @throws UserError naming the option to use.
 */
function checkKind(
  path: string,
  kind: TableKind,
  report: ImportReport,
  lang: SituationLang = "en",
): void {
  const better = report.betterKind;
  if (!better || better === kind) return;
  throw new UserError(cliWords(lang).wrongKind(path, better, kind));
}

/**
 * Reads a GeoJSON route file and checks its geometry the way the estimator will use it, so an
 * empty file, a file that is not JSON, a route across the antimeridian or a route whose positions
 * are all the same point is refused at once with one sentence naming the file.
 * @throws UserError for a missing, unreadable or unusable route file.
 */
export function readRouteFile(
  path: string,
  context: CommandContext,
  lang: SituationLang = "en",
): { routes: RouteCollection; report: RouteImportReport } {
  const abs = checkFile(path, context, lang);
  const text = readFileSync(abs, "utf8");
  const refuse = (why: Parameters<CliWords["routeRefused"]>[1]) =>
    new UserError(cliWords(lang).routeRefused(path, why));
  if (text.trim() === "") throw refuse({ kind: "empty" });
  const r = importRoute(text, basename(path));
  if (!r.routes) {
    const other = otherJsonFile(text);
    if (other) throw refuse(other === "scenario" ? { kind: "scenario" } : { kind: "corrections" });
    throw refuse(unusableRoute(r.report.fatal, lang));
  }
  try {
    createRouteIndex(r.routes);
  } catch (error) {
    throw new UserError(`${path}: ${(error as Error).message}`);
  }
  return { routes: r.routes, report: r.report };
}

/**
 * Why a route file is unusable, in `lang`: the importer's reason (English: its message without
 * "the route file"; Spanish: said from its code and values, issue-text.ts), and whether it says
 * the file is no FeatureCollection of LineStrings.
 */
function unusableRoute(
  fatal: RouteImportReport["fatal"],
  lang: SituationLang,
): { kind: "unusable"; reason: string; stated: boolean } {
  const stated = fatal?.code === "not_geojson";
  if (lang === "es" && fatal) return { kind: "unusable", reason: issueReason("es", fatal), stated };
  const why = (fatal?.message ?? "has no usable route.").replace(/^the route file /, "");
  return { kind: "unusable", reason: why.replace(/\.$/, ""), stated };
}

/**
 * What a JSON file given as a route is when it is one of dtm-flow's other JSON files (a scenario,
 * an analyst's corrections): the command that reads it names it; else undefined. A new user runs
 * `dtm-flow validate` on every file of the repository.
 */
function otherJsonFile(text: string): "scenario" | "corrections" | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    return undefined;
  }
  const o = json as { type?: unknown; waves?: unknown; corrections?: unknown } | null;
  if (!o || typeof o !== "object" || o.type !== undefined) return undefined;
  if (Array.isArray(o.waves)) return "scenario";
  if (Array.isArray(o.corrections)) return "corrections";
  return undefined;
}

/** The input files a command can be given (all optional). */
export interface InputFiles {
  sightings?: string;
  counts?: string;
  stocks?: string;
  places?: string;
  route?: string;
}

export interface LoadOptions extends Omit<ReadTableOptions, "kind" | "gazetteer" | "onRecord"> {
  /** IANA time zone of the report; default America/Mexico_City. */
  timeZone?: string;
}

export interface LoadedDataset {
  dataset: Dataset;
  /** One report per file read, in the order sightings, counts, stocks, places, route. */
  reports: (ImportReport | RouteImportReport)[];
  /** Rows rejected over all files (a command exits 1 when this is above 0). */
  rejected: number;
  /** True when the tables came from the embedded 2018 data. */
  embedded: boolean;
}

/**
 * Builds the dataset a command runs on. Places and the route come from the user's files when
 * given (user places are added in front of the embedded ones, so both resolve names), else from
 * the embedded 2018 data. Sightings, counts and stocks come from the user's files; when none of
 * the three is given, all three are the embedded 2018 ones.
 * @throws UserError for a missing or unusable file.
 * @example
 * const { dataset, reports } = await loadDataset({ sightings: "avistamientos.csv" }, context);
 */
export async function loadDataset(
  files: InputFiles,
  context: CommandContext,
  options: LoadOptions = {},
): Promise<LoadedDataset> {
  const base = embedded2018();
  const reports: (ImportReport | RouteImportReport)[] = [];
  let rejected = 0;
  const { timeZone, ...readOptions } = options;
  // Each file given, in the order of `files`, read into what assembleDataset takes.
  const read = new Map<string, DatasetFile>();

  let placeReport: ImportReport | undefined;
  if (files.places) {
    const r = await readPlacesFile(files.places, context, readOptions);
    checkKind(files.places, "places", r.report, readOptions.lang);
    read.set("places", { name: basename(files.places), kind: "places", records: r.records });
    placeReport = r.report;
    rejected += r.report.rejected;
  }
  const mine = (read.get("places")?.records ?? []) as Place[];
  const ids = new Set(mine.map((p) => p.placeId));
  // Names in the tables resolve against the user's places first, then the embedded ones.
  const gazetteer: Gazetteer = createGazetteer([
    ...mine,
    ...base.places.filter((p) => !ids.has(p.placeId)),
  ]);

  let routeReport: RouteImportReport | undefined;
  if (files.route) {
    const r = readRouteFile(files.route, context, readOptions.lang);
    read.set("route", { name: basename(files.route), kind: "route", routes: r.routes });
    routeReport = r.report;
    rejected += r.report.rejected;
  }

  for (const kind of ["sightings", "counts", "stocks"] as const) {
    const path = files[kind];
    if (!path) continue;
    const r = await readTableFile(path, kind, context, { ...readOptions, gazetteer });
    checkKind(path, kind, r.report, readOptions.lang);
    reports.push(r.report);
    rejected += r.report.rejected;
    read.set(kind, { name: basename(path), kind, records: r.records });
  }
  if (placeReport) reports.push(placeReport);
  if (routeReport) reports.push(routeReport);

  const embedded = !files.sightings && !files.counts && !files.stocks;
  const given = Object.entries(files)
    .filter(([, path]) => typeof path === "string" && path)
    .map(([key]) => read.get(key))
    .filter((f): f is DatasetFile => f !== undefined);
  const dataset = assembleDataset(given, base, {
    timeZone: timeZone ?? DEFAULT_TIME_ZONE,
    namePrefix: FILES_NAME_PREFIX,
  });
  return { dataset, reports, rejected, embedded };
}

/** One line per report for stderr: `file: 120 rows, 118 accepted, 2 rejected, 3 warnings`. */
export function summarizeReport(
  report: ImportReport | RouteImportReport,
  lang: SituationLang = "en",
): string {
  const common = {
    name: report.fileName ?? "input",
    accepted: report.accepted,
    rejected: report.rejected,
    warnings: report.warnings.length,
  };
  if ("features" in report)
    return cliWords(lang).fileLine({ ...common, features: report.features, duplicates: 0 });
  return cliWords(lang).fileLine({
    ...common,
    ...(report.kind !== undefined ? { kind: report.kind } : {}),
    rows: report.dataRows,
    ...(report.rowsBeyondLines ? { rowsBeyond: report.rowsBeyondLines } : {}),
    duplicates: report.duplicates.length,
  });
}
