/**
 * The command line's own sentences around the library's (progress, summary and "wrote" lines on
 * stdout/stderr) in English and Spanish, for the commands that take --lang. One table, so that a
 * line added in one language is added in the other; the reasons, warnings and problems inside
 * these lines come from the library's tables (issue-text.ts, estimate/warningText.ts,
 * scenario/errorSentences.ts). File contents (CSV, JSON codes) are the same in both languages.
 */
import { asOfCutText, asOfMoment, formatPeople, situationWords } from "../src/index.ts";
import type { ImportReport, SituationLang } from "../src/index.ts";
import { counted, dataRowsPhrase } from "./plural.ts";

/** A count and its noun in Spanish, singular for exactly one ("1 grupo", "2 grupos"). */
const contado = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The sentences of one language. */
export interface CliWords {
  warning: string;
  /** `file: counts, 8 data rows, 4 accepted, 4 rejected, 2 warnings` (or route features). */
  fileLine: (f: {
    name: string;
    kind?: string;
    rows?: number;
    /** ImportReport.rowsBeyondLines: the lines that were read as several count rows. */
    rowsBeyond?: number;
    features?: number;
    accepted: number;
    rejected: number;
    warnings: number;
    duplicates: number;
  }) => string;
  /** validate's first line: file, kind and how it was chosen, encoding, delimiter, sheets. */
  validateFile: (r: ImportReport) => string;
  /** validate's second line: header and HXL rows, layout, date order and the dates accepted. */
  validateHeader: (r: ImportReport) => string;
  /** validate's line for a route file. */
  validateRoute: (f: {
    name: string;
    features: number;
    accepted: number;
    rejected: number;
  }) => string;
  /**
   * Below the column mapping: a count column of one place or one point, as a plain sentence
   * (what its figures saw, and so how the estimate uses them: as "at least").
   */
  countScopeSentence: (column: string, scope: "place" | "point") => string;
  /** Why an input path cannot be read as a file (exit 2). */
  notAFile: (path: string, why: "missing" | "folder" | "special" | "unreadable") => string;
  /**
   * A route file refused (exit 2): `empty`, another of dtm-flow's JSON files (`scenario`,
   * `corrections`), or unusable for `reason` (the importer's, issue-text.ts), which says the file
   * is no FeatureCollection of LineStrings (`stated`) or not.
   */
  routeRefused: (
    path: string,
    why:
      | { kind: "empty" }
      | { kind: "scenario" }
      | { kind: "corrections" }
      | { kind: "unusable"; reason: string; stated: boolean },
  ) => string;
  /** A large file's reading progress: share read, rows so far (accepted, rejected), seconds. */
  readProgress: (f: {
    name: string;
    percent: number;
    rows: number;
    accepted: number;
    rejected: number;
    seconds: number;
  }) => string;
  /** import: a file's lists of rejections and warnings were cut (the counts stay exact). */
  issuesCut: (file: string) => string;
  /**
   * import: the extra columns left out as empty in every row (`unmapped`), and apart the mapped
   * columns whose every value was read, none kept as written (`read`).
   */
  emptyColumns: (f: { file: string; unmapped: string[]; read: string[] }) => string;
  /** import: more rows repeated across files than listed. */
  moreRepeats: (n: number) => string;
  /** import: a sighting_id another file already gave, written qualified. */
  idQualified: (q: QualifiedIdAt) => string;
  /** import: more qualified ids than listed. */
  moreQualified: (n: number) => string;
  /** import's last line: the tables written with their rows, rejected.csv, the folder. */
  importDone: (f: {
    tables: { file: string; rows: number }[];
    routes: boolean;
    /** Rows rejected. */
    rejected: number;
    /** Lines of rejected.csv: one per reason (a row rejected for two reasons has two). */
    reasons: number;
    dir: string;
  }) => string;
  /** After an unusable table's reason: the kind its headers fit better. */
  looksLikeKind: (kind: string) => string;
  /**
   * After a missing required column's reason: map it with --columns where the command takes it
   * (`mappable`), else through `dtm-flow import`.
   */
  missingColumnHint: (mappable: boolean) => string;
  /** After a workbook sheet not read for its header: how to map that sheet alone (`--columns 'Hoja:…'`). */
  sheetColumnsHint: (sheet: string) => string;
  /** `--columns 'Sheet:…'` naming sheets no workbook read has (`known`: the sheets read). */
  columnsSheetUnknown: (missing: string[], known: string[]) => string;
  /** A file given under one option whose headers fit another kind better (exit 2). */
  wrongKind: (path: string, better: string, kind: string) => string;
  /** `  … and 3 more: dtm-flow validate x.csv lists every one`. */
  moreIssues: (n: number, file: string) => string;
  /** "by the end of 2018-11-05, America/Mexico_City time": what an as-of date keeps. */
  asOfCut: (asOf: string, timeZone: string) => string;
  estimating: (f: {
    sightings: number;
    counts: number;
    stocks: number;
    name: string;
    asOf?: string;
  }) => string;
  /** estimate's first line: the reports it reads and, with --as-of, what it keeps (`cut`, asOfCut). */
  estimatingTracks: (f: {
    sightings: number;
    counts: number;
    stocks: number;
    name: string;
    cut?: string;
  }) => string;
  correctionsApplied: (n: number) => string;
  /** A --corrections file that is not there (cli/corrections-option.ts). */
  correctionsMissing: (file: string) => string;
  /** --corrections names a folder. */
  correctionsFolder: (file: string) => string;
  /**
   * A corrections file's first problem: the file, the JSON pointer, the problem's sentence and how
   * many more problems there are.
   */
  correctionsAt: (file: string, pointer: string, problem: string, more: number) => string;
  checkStarting: (reports: number, reEstimates: number) => string;
  /** The self-calibration's note (`tooFewText`, src/estimate/calibrationText.ts) on its line. */
  selfCalibration: (note: string) => string;
  /**
   * Counts of one place or one point read as lower bounds of their group (estimate): a plain
   * sentence (what such a count saw, and so how it is used), then the counts with their bounds.
   */
  lowerBounds: (f: { n: number; shown: LowerBoundShown[]; more: number }) => string;
  /** Reports that name their group too long before its first position (estimate). */
  tooEarly: (f: { n: number; shown: TooEarlyShown[]; more: number; maxDays: number }) => string;
  /**
   * Counts the estimator left out: `why` when no group could take them (no sightings given, or
   * none found from them), else the reasons are in report.json.
   */
  countsLeftOut: (n: number, why?: "no_sightings" | "no_group") => string;
  reportDone: (date: string, headline: string, dir: string) => string;
  estimateDone: (f: { groups: number; days: number; leftOut: number; dir: string }) => string;
  forecastDone: (f: {
    asOf: string;
    groups: number;
    places: number;
    horizon: number;
    dir: string;
  }) => string;
  scenarioProblems: (file: string, n: number) => string;
  /** Where a scenario problem is: `line 12, /waves/0/date`. */
  problemAt: (line: number, pointer: string) => string;
  calibrating: string;
  calibrationFailed: (why: string) => string;
  running: (total: number, percent: number) => string;
  scenarioWrote: (dir: string) => string;
  /** forecast: every group last observed more than `max` days before --as-of (exit 2). */
  staleData: (f: { asOf: string; last: string; days: number; max: number }) => string;
  /** scenario: no scenario file given (`n` 0) or several (exit 2). */
  scenarioFiles: (n: number) => string;
  /** scenario: the file given is not JSON (a table, other text, or broken JSON), exit 2. */
  notScenarioJson: (file: string, why: NotJsonWhy) => string;
}

/**
 * Why a scenario file is not JSON: another kind of file (a table; other text), or JSON broken at
 * a line and column (`reason`: the parser's English words).
 */
export type NotJsonWhy =
  | { kind: "table" }
  | { kind: "text" }
  | { kind: "json"; reason: string; line?: number; column?: number };

/** A sighting_id an earlier file gave too, and what import wrote it as (files by name). */
export interface QualifiedIdAt {
  file: string;
  line: number;
  sheet?: string;
  id: string;
  writtenAs: string;
  firstFile: string;
  firstLine: number;
}

/** A count read as "at least": its report, the bound and whether it counted a place or a point. */
export interface LowerBoundShown {
  id: string;
  atLeast?: number;
  /** What the count counted (the estimator's CountScope): one place, or one passing point. */
  scope?: "place" | "passage";
}

/** A report naming its group too early: report, group, its date, days before the first position. */
export interface TooEarlyShown {
  id: string;
  group: string;
  date: string;
  daysBefore: number;
  first: string;
}

/** At most five names, then how many more ("a, b, … (3 more)"). */
const fiveEn = (names: string[]) =>
  names.slice(0, 5).join(", ") + (names.length > 5 ? `, … (${names.length - 5} more)` : "");
const fiveEs = (names: string[]) =>
  names.slice(0, 5).join(", ") + (names.length > 5 ? `, … (${names.length - 5} más)` : "");

/** ", … 5 more" / ", … 5 más" after a shortened list; "" when nothing was left out. */
const moreEn = (more: number) => (more > 0 ? `, … ${more} more` : "");
const moreEs = (more: number) => (more > 0 ? `, … ${more} más` : "");

/**
 * ", dates 2016-01-01 to 2018-12-01 accepted (window from the data)", or "(window given: from
 * 2017-01-01)" after --from/--to; "" when the file has no dates.
 */
function windowEn(w: ImportReport["dateWindow"]): string {
  if (!w) return "";
  const span = w.first !== undefined ? `, dates ${w.first} to ${w.last} accepted` : "";
  const given = [w.from && `from ${w.from}`, w.to && `to ${w.to}`].filter(Boolean).join(" ");
  const how = w.decidedBy === "option" ? `window given: ${given}` : "window from the data";
  return `${span} (${how})`;
}

/** The same in Spanish: ", fechas del 2016-01-01 al 2018-12-01 aceptadas (ventana según los datos)". */
function windowEs(w: ImportReport["dateWindow"]): string {
  if (!w) return "";
  const span = w.first !== undefined ? `, fechas del ${w.first} al ${w.last} aceptadas` : "";
  const given = [w.from && `desde ${w.from}`, w.to && `hasta ${w.to}`].filter(Boolean).join(" ");
  const how = w.decidedBy === "option" ? `ventana dada: ${given}` : "ventana según los datos";
  return `${span} (${how})`;
}

/** How the day-month order of slashed dates was decided, in Spanish. */
const DECIDED_ES: Record<string, string> = {
  data: "según los datos",
  option: "por opción",
  default: "por omisión",
};

/** The table: English and Spanish. */
export const CLI_WORDS: Record<SituationLang, CliWords> = {
  en: {
    warning: "warning",
    fileLine: (f) =>
      f.features !== undefined
        ? `${f.name}: ${counted(f.features, "route feature")}, ${f.accepted} accepted, ${f.rejected} rejected, ${counted(f.warnings, "warning")}`
        : `${f.name}: ${f.kind ?? "unknown kind"}, ${dataRowsPhrase(f.rows ?? 0, f.rowsBeyond, false)}, ${f.accepted} accepted, ${f.rejected} rejected, ${counted(f.warnings, "warning")}${f.duplicates ? `, ${counted(f.duplicates, "duplicate")}` : ""}`,
    validateFile: (r) =>
      `${r.fileName ?? "input"}: ${r.kind ?? "unknown kind"} (${r.kindSource ?? "?"}), encoding ${r.encoding ?? "?"}${r.delimiter ? `, delimiter ${JSON.stringify(r.delimiter)}` : ""}${r.sheets ? `, sheets ${r.sheets.join(", ")}` : ""}${r.mojibakeRepaired ? ", double-encoded text repaired" : ""}`,
    validateHeader: (r) =>
      `header row ${r.headerRow ?? "?"}${r.hxlRow ? `, HXL row ${r.hxlRow}` : ""}${r.pivoted ? ", long layout pivoted" : ""}${r.dateOrder ? `, dates ${r.dateOrder.order} (${r.dateOrder.decidedBy})` : ""}${windowEn(r.dateWindow)}`,
    validateRoute: (f) =>
      `${f.name}: route file, ${counted(f.features, "feature")}, ${f.accepted} accepted, ${f.rejected} rejected`,
    countScopeSentence: (column, scope) =>
      `"${column}" counts only the people at one ${scope === "place" ? "place" : "crossing point"}, not the whole group, so the estimate uses each of its figures as the fewest people their group can have ("at least").`,
    routeRefused: (path, why) =>
      why.kind === "empty"
        ? `${path} is empty, not JSON; ${GIVE_ROUTES_EN}.`
        : why.kind === "scenario"
          ? `${path} is a scenario file (it has waves), not a route: run it with dtm-flow scenario <file> --out <dir>.`
          : why.kind === "corrections"
            ? `${path} is an analyst's corrections file, not a route: give it to dtm-flow estimate --corrections <file>.`
            : why.stated
              ? `${path} ${why.reason}: a route file holds one LineString per route.`
              : `${path} ${why.reason}; ${GIVE_ROUTES_EN}.`,
    notAFile: (path, why) =>
      why === "missing"
        ? `${path} does not exist; check the path.`
        : why === "folder"
          ? `${path} is a folder, not a file; give a file.`
          : why === "special"
            ? `${path} is not a regular file (a device, pipe or socket); save the data to a file and give that.`
            : `${path} does not exist or cannot be read.`,
    readProgress: (f) =>
      `${f.name}: ${f.percent}% read, ${formatPeople(f.rows)} rows (${formatPeople(f.accepted)} accepted, ${formatPeople(f.rejected)} rejected), ${f.seconds.toFixed(1)} s`,
    issuesCut: (file) =>
      `${file}: more than 200,000 rejections or warnings; the lists are cut (counts are exact).`,
    emptyColumns: (f) => {
      const parts = [
        f.unmapped.length
          ? `left out ${counted(f.unmapped.length, "extra column")} empty in every row: ${fiveEn(f.unmapped)}`
          : "",
        f.read.length ? `every value of ${fiveEn(f.read)} was read, none kept as written` : "",
      ].filter((p) => p !== "");
      return `${f.file}: ${parts.join("; ")}.`;
    },
    moreRepeats: (n) =>
      `… and ${n} more rows repeated across files: import-report.json crossFileDuplicates`,
    idQualified: (q) =>
      `${q.file}${q.sheet !== undefined ? ` sheet "${q.sheet}"` : ""} row ${q.line}: sighting_id "${q.id}" is also the id of ${q.firstFile} row ${q.firstLine}; written as "${q.writtenAs}" so that each report keeps its own id.`,
    moreQualified: (n) =>
      `… and ${n} more sighting_ids qualified with their file's name: import-report.json qualifiedSightingIds`,
    importDone: (f) =>
      `wrote ${f.tables.map((t) => `${t.file} (${t.rows} rows)`).join(", ")}${f.routes ? ", routes.geojson" : ""}, rejected.csv (${f.reasons === f.rejected ? f.rejected : `${counted(f.rejected, "row")}, ${counted(f.reasons, "reason")}`}), import-report.json to ${f.dir}`,
    looksLikeKind: (kind) => ` It looks like a ${kind} table.`,
    columnsSheetUnknown: (missing, known) =>
      `warning: --columns names ${missing.length === 1 ? "sheet" : "sheets"} ${missing.map((m) => `"${m}"`).join(", ")}, which no file read has (${known.length ? `its sheets: ${known.join(", ")}` : "no workbook was read"}); ${missing.length === 1 ? "its pairs map" : "their pairs map"} nothing: check the sheet's name.`,
    sheetColumnsHint: (sheet) =>
      ` Map this sheet's columns alone: --columns '${sheet}:<field>=<column>,…' (the other sheets keep theirs; docs/cli.md).`,
    missingColumnHint: (mappable) =>
      mappable
        ? " Say which column holds it: --columns <field>=<column> (docs/import.md)."
        : " Map it by hand with dtm-flow import <file> --columns <field>=<column> --out <folder>, then give the table it writes (docs/import.md).",
    wrongKind: (path, better, kind) =>
      `${path} looks like a ${better} table, not ${kind} (its headers match the ${better} columns better); give it with --${better}.`,
    moreIssues: (n, file) => `  … and ${n} more: dtm-flow validate ${file} lists every one`,
    asOfCut: (asOf, timeZone) => asOfCutText(asOf, timeZone),
    estimating: (f) =>
      `estimating the groups from ${f.sightings} sightings and ${f.counts} counts, then the ledger from ${f.stocks} stock figures (${f.name})${f.asOf ? `, only what was known ${f.asOf}` : ""}`,
    estimateDone: (f) =>
      `${counted(f.groups, "group")}, ${counted(f.days, "group-day")}; ${counted(f.leftOut, "sighting")} left out (see report.json); wrote ${f.dir}`,
    estimatingTracks: (f) =>
      `estimating ${f.cut ? "from " : ""}${f.sightings} sightings, ${f.counts} counts, ${f.stocks} stock figures (${f.name})${f.cut ? `, only what was observed ${f.cut}` : ""}`,
    correctionsApplied: (n) => `applied ${counted(n, "correction")}`,
    correctionsMissing: (file) => `cannot read ${file}: no such file.`,
    correctionsFolder: (file) => `cannot read ${file}: it is a folder, not a file.`,
    correctionsAt: (file, pointer, problem, more) =>
      more > 0
        ? `${file} at ${pointer}: ${problem.replace(/\.$/, "")} (and ${more} more problem${more === 1 ? "" : "s"}).`
        : `${file} at ${pointer}: ${problem}`,
    checkStarting: (reports, reEstimates) =>
      `held-out check: ${reports} reports, ${reEstimates} re-estimates`,
    selfCalibration: (note) => `self-calibration: ${note} (report.json selfCalibration)`,
    lowerBounds: (f) => {
      const one = f.n === 1;
      const shown = f.shown.map(
        (b) =>
          `${b.id} (${b.atLeast !== undefined ? `at least ${formatPeople(b.atLeast)}` : "at least its count"}${b.scope === "place" ? ", at a place" : b.scope === "passage" ? ", at a crossing point" : ""})`,
      );
      const more = f.more > 0 ? ` and ${f.more} more` : "";
      return `${counted(f.n, "count")} saw only the people at one place or one crossing point, not the whole group, so ${one ? "it is" : "each is"} used as the fewest people ${one ? "its" : "their"} group can have: ${shown.join(", ")}${more} (report.json, associations[].countScope).`;
    },
    tooEarly: (f) => {
      const one = f.n === 1;
      const shown = f.shown.map(
        (e) => `${e.id} (${e.group}, ${e.date}, ${e.daysBefore} days before ${e.first})`,
      );
      return `${counted(f.n, "report")} ${one ? "names its" : "name their"} group more than ${f.maxDays} days before its first position; ${one ? "its" : "their"} track is not written back to ${one ? "it" : "them"} (check ${one ? "its date" : "their dates"}): ${shown.join(", ")}${moreEn(f.more)}; report.json trackStarts`;
    },
    countsLeftOut: (n, why) =>
      why === undefined
        ? `${counted(n, "count")} left out; the reason for each is in report.json countsLeftOut`
        : `${counted(n, "count")} left out: ${why === "no_sightings" ? "no sightings were given" : "no group was found from the sightings"}, so the counts have no group to attach to (counts size the groups found from sightings); give --sightings too, or use \`dtm-flow ledger\`, which reads counts alone as crossings; report.json countsLeftOut`,
    reportDone: (date, headline, dir) => `as of ${date}: ${headline}; wrote ${dir}`,
    forecastDone: (f) =>
      `forecast as of ${f.asOf} for ${counted(f.groups, "group")}, ${counted(f.places, "group-place")}, horizon ${counted(f.horizon, "day")}; wrote ${f.dir}`,
    scenarioProblems: (file, n) =>
      `dtm-flow scenario: ${file} has ${n} problem${n === 1 ? "" : "s"}, listed below with ${n === 1 ? "its" : "their"} line and JSON pointer; fix the file and run again.`,
    problemAt: (line, pointer) => `line ${line}, ${pointer}`,
    calibrating: "Calibrating “like 2018” on the estimated 2018 replay…",
    calibrationFailed: (why) =>
      `warning: calibration on the 2018 replay failed (${why}); using the fallback 2018 parameters.`,
    running: (total, percent) => `Running ${total} runs… ${percent} %`,
    scenarioWrote: (dir) =>
      `Wrote scenario-place-days.csv, scenario-summary.csv, scenario-totals.csv and scenario-report.json to ${dir}.`,

    staleData: (f) =>
      `the data are stale for --as-of ${f.asOf}: the last observation is from ${f.last}, ${f.days.toLocaleString("en-US")} days earlier (the limit is ${f.max}); give an --as-of within ${f.max} days of ${f.last}, or newer data.`,
    scenarioFiles: (n) =>
      n === 0
        ? "give the scenario file: dtm-flow scenario <scenario.json> --out <dir> (examples in data/scenarios/)."
        : `give one scenario file, not ${n}.`,
    notScenarioJson: (file, why) =>
      why.kind === "json"
        ? `${file} is not valid JSON (${why.reason}); check its brackets, commas and quotes.`
        : `${file} is not a scenario file: a scenario is a JSON file with its waves (examples in data/scenarios/)${why.kind === "table" ? `, and ${file} looks like a CSV table; give tables to dtm-flow import or estimate` : ""}.`,
  },
  es: {
    warning: "aviso",
    fileLine: (f) =>
      f.features !== undefined
        ? `${f.name}: ${contado(f.features, "elemento de ruta", "elementos de ruta")}, ${contado(f.accepted, "aceptado")}, ${contado(f.rejected, "rechazado")}, ${contado(f.warnings, "aviso")}`
        : `${f.name}: ${KIND_ES[f.kind ?? ""] ?? "tipo desconocido"}, ${dataRowsPhrase(f.rows ?? 0, f.rowsBeyond, true)}, ${contado(f.accepted, "aceptada")}, ${contado(f.rejected, "rechazada")}, ${contado(f.warnings, "aviso")}${f.duplicates ? `, ${contado(f.duplicates, "duplicado")}` : ""}`,
    validateFile: (r) =>
      `${r.fileName ?? "entrada"}: ${KIND_ES[r.kind ?? ""] ?? "tipo desconocido"} (${r.kindSource === "given" ? "indicado" : r.kindSource === "detected" ? "detectado" : "?"}), codificación ${r.encoding ?? "?"}${r.delimiter ? `, delimitador ${JSON.stringify(r.delimiter)}` : ""}${r.sheets ? `, hojas ${r.sheets.join(", ")}` : ""}${r.mojibakeRepaired ? ", texto con doble codificación reparado" : ""}`,
    validateHeader: (r) =>
      `fila de encabezado ${r.headerRow ?? "?"}${r.hxlRow ? `, fila HXL ${r.hxlRow}` : ""}${r.pivoted ? ", formato largo pasado a ancho" : ""}${r.dateOrder ? `, fechas ${r.dateOrder.order === "dmy" ? "día/mes" : "mes/día"} (${DECIDED_ES[r.dateOrder.decidedBy] ?? r.dateOrder.decidedBy})` : ""}${windowEs(r.dateWindow)}`,
    validateRoute: (f) =>
      `${f.name}: archivo de rutas, ${contado(f.features, "elemento", "elementos")}, ${contado(f.accepted, "aceptado")}, ${contado(f.rejected, "rechazado")}`,
    countScopeSentence: (column, scope) =>
      `«${column}» cuenta solo a las personas de un ${scope === "place" ? "lugar" : "punto de paso"}, no al grupo entero, así que la estimación usa cada una de sus cifras como el mínimo de personas que puede tener su grupo («al menos»).`,
    routeRefused: (path, why) =>
      why.kind === "empty"
        ? `${path} está vacío, no es JSON; ${GIVE_ROUTES_ES}.`
        : why.kind === "scenario"
          ? `${path} es un archivo de escenario (tiene waves), no una ruta: ejecútelo con dtm-flow scenario <archivo> --out <carpeta>.`
          : why.kind === "corrections"
            ? `${path} es un archivo de correcciones de un analista, no una ruta: indíquelo en dtm-flow estimate --corrections <archivo>.`
            : why.stated
              ? `${path}: ${why.reason} Un archivo de rutas tiene un LineString por ruta.`
              : `${path}: ${why.reason.replace(/\.$/, "")}; ${GIVE_ROUTES_ES}.`,
    notAFile: (path, why) =>
      why === "missing"
        ? `${path} no existe; revise la ruta.`
        : why === "folder"
          ? `${path} es una carpeta, no un archivo; indique un archivo.`
          : why === "special"
            ? `${path} no es un archivo normal (es un dispositivo, una tubería o un socket); guarde los datos en un archivo e indique ese.`
            : `${path} no existe o no se puede leer.`,
    readProgress: (f) =>
      `${f.name}: ${f.percent} % leído, ${formatPeople(f.rows, "es")} filas (${formatPeople(f.accepted, "es")} aceptadas, ${formatPeople(f.rejected, "es")} rechazadas), ${f.seconds.toFixed(1)} s`,
    issuesCut: (file) =>
      `${file}: más de 200.000 rechazos o avisos; las listas se cortan (los totales son exactos).`,
    emptyColumns: (f) => {
      const parts = [
        f.unmapped.length
          ? `se ${f.unmapped.length === 1 ? "deja" : "dejan"} fuera ${contado(f.unmapped.length, "columna extra", "columnas extra")} ${f.unmapped.length === 1 ? "vacía" : "vacías"} en todas las filas: ${fiveEs(f.unmapped)}`
          : "",
        f.read.length
          ? `todos los valores de ${fiveEs(f.read)} se leyeron; ninguno se conserva tal como se escribió`
          : "",
      ].filter((p) => p !== "");
      return `${f.file}: ${parts.join("; ")}.`;
    },
    moreRepeats: (n) =>
      `… y ${contado(n, "fila repetida", "filas repetidas")} más entre archivos: import-report.json crossFileDuplicates`,
    idQualified: (q) =>
      `${q.file}${q.sheet !== undefined ? ` hoja «${q.sheet}»` : ""} fila ${q.line}: el sighting_id «${q.id}» es también el de ${q.firstFile} fila ${q.firstLine}; se escribe como «${q.writtenAs}» para que cada reporte conserve su propio id.`,
    moreQualified: (n) =>
      `… y ${n} sighting_id más con el nombre de su archivo añadido: import-report.json qualifiedSightingIds`,
    importDone: (f) =>
      `se escribieron ${f.tables.map((t) => `${t.file} (${contado(t.rows, "fila", "filas")})`).join(", ")}${f.routes ? ", routes.geojson" : ""}, rejected.csv (${f.reasons === f.rejected ? f.rejected : `${contado(f.rejected, "fila", "filas")}, ${contado(f.reasons, "motivo", "motivos")}`}) e import-report.json en ${f.dir}`,
    looksLikeKind: (kind) => ` Parece una tabla de ${KIND_ES[kind] ?? kind}.`,
    columnsSheetUnknown: (missing, known) =>
      `aviso: --columns nombra ${missing.length === 1 ? "la hoja" : "las hojas"} ${missing.map((m) => `«${m}»`).join(", ")}, que no ${missing.length === 1 ? "está" : "están"} en ningún archivo leído (${known.length ? `sus hojas: ${known.join(", ")}` : "no se leyó ningún libro"}); sus pares no asignan nada: revise el nombre de la hoja.`,
    sheetColumnsHint: (sheet) =>
      ` Asigne las columnas de esta hoja sola: --columns '${sheet}:<campo>=<columna>,…' (las demás hojas conservan las suyas; docs/cli.md).`,
    missingColumnHint: (mappable) =>
      mappable
        ? " Indique qué columna lo contiene: --columns <campo>=<columna> (docs/import.md)."
        : " Asígnela a mano con dtm-flow import <archivo> --columns <campo>=<columna> --out <carpeta> y luego indique la tabla que escribe (docs/import.md).",
    wrongKind: (path, better, kind) =>
      `${path} parece una tabla de ${KIND_ES[better] ?? better}, no de ${KIND_ES[kind] ?? kind} (sus encabezados se parecen más a las columnas de ${KIND_ES[better] ?? better}); indíquelo con --${better}.`,
    moreIssues: (n, file) => `  … y ${n} más: dtm-flow validate ${file} las lista todas`,
    asOfCut: (asOf, timeZone) => {
      const m = asOfMoment(asOf, timeZone);
      return m?.endOfDay
        ? `hasta el final del ${m.date}, hora de ${timeZone}`
        : `hasta ${asOf.trim()}, hora de ${timeZone}`;
    },
    estimating: (f) =>
      `estimando los grupos a partir de ${contado(f.sightings, "avistamiento")} y ${contado(f.counts, "conteo")}, luego el balance a partir de ${contado(f.stocks, "cifra", "cifras")} de stock (${situationWords("es").datasetName(f.name)})${f.asOf ? `, solo lo que se sabía ${f.asOf}` : ""}`,
    estimateDone: (f) =>
      `${contado(f.groups, "grupo")}, ${contado(f.days, "grupo-día", "grupos-día")}; ${contado(f.leftOut, "avistamiento dejado", "avistamientos dejados")} fuera (vea report.json); se escribió ${f.dir}`,
    estimatingTracks: (f) =>
      `estimando ${f.cut ? "a partir de " : ""}${contado(f.sightings, "avistamiento")}, ${contado(f.counts, "conteo")}, ${contado(f.stocks, "cifra", "cifras")} de stock (${situationWords("es").datasetName(f.name)})${f.cut ? `, solo lo observado ${f.cut}` : ""}`,
    correctionsApplied: (n) =>
      `${n === 1 ? "se aplicó" : "se aplicaron"} ${contado(n, "corrección", "correcciones")}`,
    correctionsMissing: (file) => `no se puede leer ${file}: el archivo no existe.`,
    correctionsFolder: (file) => `no se puede leer ${file}: es una carpeta, no un archivo.`,
    correctionsAt: (file, pointer, problem, more) =>
      more > 0
        ? `${file} en ${pointer}: ${problem.replace(/\.$/, "")} (y ${more === 1 ? "1 problema más" : `${more} problemas más`}).`
        : `${file} en ${pointer}: ${problem}`,
    checkStarting: (reports, reEstimates) =>
      `verificación con datos retenidos: ${contado(reports, "reporte")}, ${contado(reEstimates, "reestimación", "reestimaciones")}`,
    selfCalibration: (note) => `autocalibración: ${note} (report.json selfCalibration)`,
    lowerBounds: (f) => {
      const one = f.n === 1;
      const shown = f.shown.map(
        (b) =>
          `${b.id} (${b.atLeast !== undefined ? `al menos ${formatPeople(b.atLeast, "es")}` : "al menos su conteo"}${b.scope === "place" ? ", en un lugar" : b.scope === "passage" ? ", en un punto de paso" : ""})`,
      );
      const more = f.more > 0 ? ` y ${f.more} más` : "";
      return `${contado(f.n, "conteo")} ${one ? "vio" : "vieron"} solo a las personas de un lugar o de un punto de paso, no al grupo entero, así que ${one ? "se usa" : "cada uno se usa"} como el mínimo de personas que puede tener su grupo: ${shown.join(", ")}${more} (report.json, associations[].countScope).`;
    },
    tooEarly: (f) => {
      const one = f.n === 1;
      const shown = f.shown.map(
        (e) => `${e.id} (${e.group}, ${e.date}, ${e.daysBefore} días antes del ${e.first})`,
      );
      return `${contado(f.n, "reporte")} ${one ? "nombra a su" : "nombran a su"} grupo más de ${f.maxDays} días antes de su primera posición; la trayectoria no se extiende hasta ${one ? "él" : "ellos"} (revise ${one ? "su fecha" : "sus fechas"}): ${shown.join(", ")}${moreEs(f.more)}; report.json trackStarts`;
    },
    countsLeftOut: (n, why) =>
      why === undefined
        ? `${contado(n, "conteo")} ${n === 1 ? "dejado" : "dejados"} fuera; el motivo de cada uno está en report.json countsLeftOut`
        : `${contado(n, "conteo")} ${n === 1 ? "dejado" : "dejados"} fuera: ${why === "no_sightings" ? "no se dieron avistamientos" : "no se encontró ningún grupo a partir de los avistamientos"}, así que los conteos no tienen grupo al que sumarse (los conteos dan el tamaño de los grupos hallados en los avistamientos); dé también --sightings, o use \`dtm-flow ledger\`, que lee los conteos solos como cruces; report.json countsLeftOut`,
    reportDone: (date, headline, dir) => `al ${date}: ${headline}; se escribió ${dir}`,
    forecastDone: (f) =>
      `pronóstico al ${f.asOf} para ${contado(f.groups, "grupo")}, ${contado(f.places, "grupo-lugar", "grupos-lugar")}, horizonte de ${contado(f.horizon, "día")}; se escribió ${f.dir}`,
    scenarioProblems: (file, n) =>
      `dtm-flow scenario: ${file} tiene ${contado(n, "problema")}, ${n === 1 ? "listado abajo con su" : "listados abajo con su"} línea y puntero JSON; corrija el archivo y vuelva a ejecutar.`,
    problemAt: (line, pointer) => `línea ${line}, ${pointer}`,
    calibrating: "Calibrando «como 2018» con la reproducción estimada de 2018…",
    calibrationFailed: (why) =>
      `aviso: la calibración con la reproducción de 2018 falló (${why}); se usan los parámetros de respaldo de 2018.`,
    running: (total, percent) => `Calculando ${total} corridas… ${percent} %`,
    scenarioWrote: (dir) =>
      `Se escribieron scenario-place-days.csv, scenario-summary.csv, scenario-totals.csv y scenario-report.json en ${dir}.`,

    staleData: (f) =>
      `los datos son demasiado antiguos para --as-of ${f.asOf}: la última observación es del ${f.last}, ${f.days.toLocaleString("es-MX")} ${f.days === 1 ? "día" : "días"} antes (el límite es ${f.max}); indique un --as-of de hasta ${f.max} días después del ${f.last}, o datos más recientes.`,
    scenarioFiles: (n) =>
      n === 0
        ? "indique el archivo del escenario: dtm-flow scenario <escenario.json> --out <carpeta> (ejemplos en data/scenarios/)."
        : `indique un solo archivo de escenario, no ${n}.`,
    notScenarioJson: (file, why) =>
      why.kind === "json"
        ? `${file} no es JSON válido${why.line !== undefined ? ` (línea ${why.line}, columna ${why.column})` : ""}; revise sus corchetes, comas y comillas.`
        : `${file} no es un archivo de escenario: un escenario es un archivo JSON con sus oleadas (ejemplos en data/scenarios/)${why.kind === "table" ? `, y ${file} parece una tabla CSV; dé las tablas a dtm-flow import o estimate` : ""}.`,
  },
};

/** Table kinds in Spanish, for the per-file line. */
/** What a route file should be, as the end of a sentence refusing one. */
const GIVE_ROUTES_EN = "give a GeoJSON FeatureCollection of LineStrings with route_id properties";
const GIVE_ROUTES_ES =
  "indique una FeatureCollection de GeoJSON de LineStrings con propiedades route_id";

const KIND_ES: Record<string, string> = {
  counts: "conteos",
  sightings: "avistamientos",
  stocks: "cifras de stock",
  places: "lugares",
};

/** The CLI's sentences in `lang`. */
export function cliWords(lang: SituationLang = "en"): CliWords {
  return CLI_WORDS[lang];
}

/**
 * The ledger's summary line in Spanish (the English one is built in cli/commands/ledger.ts, with
 * the same facts): days; people who left by the last day, or, when some rest on figures beyond
 * the tracked groups, `beyondText`: " personas que salieron hasta entonces; …" in the situation
 * update's Spanish words (src/report/words.ts `departedBeyond`, the same facts as the English
 * line); split rows, warnings and rejected rows, where it wrote.
 */
export function ledgerLineEs(f: {
  days: number;
  first?: string;
  last?: string;
  left?: number;
  /** What the total rests on, when some rest beyond the tracked groups (words.ts). */
  beyondText?: string;
  asOf?: string;
  firstData?: string;
  splitRows: number;
  warnings: number;
  fromFiles: number;
  rejected: number;
  dir: string;
}): string {
  const people = (x: number) => formatPeople(x, "es");
  // As the English line: the total alone would read as people who left with the groups.
  const left = f.beyondText ?? " personas salieron hasta entonces";
  const span =
    f.last !== undefined
      ? ` (${f.first} a ${f.last}; ${people(f.left ?? 0)}${left})`
      : f.asOf === undefined
        ? ""
        : f.firstData !== undefined && f.firstData > f.asOf
          ? ` (nada se sabía al ${f.asOf}: el primer reporte es del ${f.firstData}; indique un --as-of posterior)`
          : ` (nada se sabía al ${f.asOf})`;
  const all = f.warnings + f.fromFiles;
  const warnings = `${contado(all, "aviso")}${f.fromFiles ? ` (${f.fromFiles} de la lectura de los archivos)` : ""}${f.rejected ? `, ${contado(f.rejected, "fila rechazada", "filas rechazadas")}` : ""}`;
  return `${contado(f.days, "día")}${span}, ${contado(f.splitRows, "fila del reparto", "filas del reparto")}, ${warnings} (vea report.json); se escribió ${f.dir}`;
}
