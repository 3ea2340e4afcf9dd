/**
 * The refusals of a command's options and arguments, as codes and values, and their sentences in
 * English and Spanish: one table for every command. A refusal is thrown as an `OptionError` (a
 * UserError whose message is the English sentence); the CLI says it in the language `--lang`
 * asks for (`describeError`), read from the command line itself, so even a refusal met before
 * `--lang` is parsed (an unknown option) is said in Spanish.
 */
import { formatPeople } from "../src/index.ts";
import { UserError } from "./errors.ts";
import { shellWord } from "./shell-word.ts";
import { errnoWords } from "./errno-words.ts";

/** One refusal of an option or argument: what was wrong, with the values a sentence names. */
export type OptionRefusal =
  | { code: "unknown_option"; option: string; meant?: string }
  | { code: "needs_value"; option: string }
  | { code: "takes_no_value"; option: string }
  | { code: "dash_value"; option: string; value: string }
  | { code: "unexpected_argument"; value: string }
  /** node:util parseArgs refused the command line for a reason not above (`message`: its first line). */
  | { code: "parse_other"; message: string }
  | { code: "out_required" }
  | { code: "as_of_required" }
  /** `--kind`, `--delimiter`, `--lang`…: a value not among the choices. */
  | { code: "not_a_choice"; option: string; value: string; choices: readonly string[] }
  /** A whole number out of [min, max] (dataset-options' wholeOption). */
  | { code: "whole_number"; option: string; value: string; min: number; max: number }
  /** The scenario's whole numbers, 0…max (scenario.ts). */
  | { code: "whole_number_upto"; option: string; value: string; max: number }
  /** `--runs 0`: a count that must be 1 or more. */
  | { code: "at_least_one"; option: string; value: string }
  /** A value option given twice: only one would be read (command.ts refuseRepeated). */
  | { code: "given_twice"; option: string; before: string; value: string }
  /** `--columns`: `:field=column` with no sheet name before the colon. */
  | { code: "columns_no_sheet"; item: string }
  /** `--columns`: an item that is no field=column pair. */
  | { code: "columns_pair"; item: string }
  /** `--columns`: one column given two fields. */
  | { code: "columns_two_fields"; column: string; first: string; second: string }
  /** A date option that is no calendar date or date-time (`--as-of 2018-02-30`). */
  | { code: "bad_date"; option: string; value: string }
  /** `--from`/`--to` of import and validate: a plain ISO date (YYYY-MM-DD) only. */
  | { code: "not_iso_date"; option: string; value: string }
  /** `--from` later than `--to`. */
  | { code: "from_after_to"; from: string; to: string }
  /** ledger: `--to` before the `--as-of` day. */
  | { code: "to_before_as_of"; to: string; asOf: string }
  | { code: "not_a_time_zone"; value: string }
  /** estimate: `--folds`/`--loo` without `--check`. */
  | { code: "needs_check" }
  /** estimate: both `--folds` and `--loo`. */
  | { code: "folds_or_loo" }
  | { code: "folds_value"; value: string }
  /** ledger `--hold-days`: a whole number of days, 0 or more. */
  | { code: "hold_days"; value: string }
  /** ledger `--group-correlation`: a number 0…1. */
  | { code: "group_correlation"; value: string }
  /** import `--suppress-below`: a whole number of people, 1 or more. */
  | { code: "suppress_below"; value: string }
  /** import `--places x.geojson`: import writes places.csv from tables only. */
  | { code: "places_geojson"; file: string }
  /** import with no file; validate with other than one file. */
  | { code: "import_no_file" }
  | { code: "validate_one_file" }
  /** A places file read as GeoJSON that is no FeatureCollection (`message`: the importer's). */
  | { code: "places_not_geojson"; file: string; message: string }
  /** scenario: the scenario file is not there. */
  | { code: "scenario_missing"; file: string }
  /** `--out` is a file, or lies under one (`under`). */
  | { code: "out_is_file"; out: string; under?: string }
  /** `--out` cannot be made (at `at`) or written: `errno` is Node's error code. */
  | { code: "out_cannot_make"; out: string; errno: string; at: string }
  | { code: "out_cannot_write"; out: string; errno: string }
  /** An output's name is a folder in `--out` (`path`). */
  | { code: "output_is_folder"; path: string; name: string }
  /** An output would overwrite the input `input` (same file on disk). */
  | { code: "output_is_input"; input: string; path: string }
  /** forecast: no group has a usable position report (up to `asOf`). */
  | { code: "nothing_to_forecast"; asOf?: string }
  /** forecast: --runs × days over the limit; `fits` the --runs that would fit. */
  | {
      code: "too_much_work";
      runs: number;
      days: number;
      horizon: number;
      stale: number;
      limit: number;
      fits: number;
    }
  /** report: no dated figures or tracks. */
  | { code: "nothing_to_report" }
  /** report: --as-of outside the data's days. */
  | { code: "as_of_outside"; date: string; first: string; last: string };

export type RefusalLang = "en" | "es";

/** `a, b or c` (`a, b o c`). */
function orList(choices: readonly string[], or: string): string {
  return choices.length < 2
    ? choices.join("")
    : `${choices.slice(0, -1).join(", ")} ${or} ${choices.at(-1)!}`;
}

/**
 * The sentence of a refusal in `lang`. The English ones are those the commands said before the
 * table (tests and scripts may match them).
 * @example refusalText("es", { code: "out_required" })
 * // => "falta --out <carpeta>: la carpeta donde se escriben los resultados."
 */
export function refusalText(lang: RefusalLang, r: OptionRefusal): string {
  const es = lang === "es";
  switch (r.code) {
    case "unknown_option":
      return es
        ? `opción desconocida ${r.option}${r.meant ? ` (¿quiso decir ${r.meant}?)` : ""}; vea --help para las opciones.`
        : r.meant
          ? `unknown option ${r.option} (did you mean ${r.meant}?); see --help for the options.`
          : `unknown option ${r.option}; see --help for the options.`;
    case "needs_value":
      return es
        ? `${r.option} necesita un valor; vea --help.`
        : `${r.option} needs a value; see --help.`;
    case "takes_no_value":
      return es
        ? `${r.option} no lleva valor; vea --help.`
        : `${r.option} does not take a value; see --help.`;
    case "dash_value":
      return es
        ? `${r.option} ${r.value}: ${r.option} necesita un valor y ${r.value} empieza por un guion; escriba ${r.option}=${r.value} si ese es el valor.`
        : `${r.option} ${r.value}: ${r.option} needs a value and ${r.value} starts with a dash; write ${r.option}=${r.value} if that is the value.`;
    case "unexpected_argument":
      return es
        ? `argumento inesperado «${r.value}»: este comando solo lleva opciones; vea --help.`
        : `unexpected argument "${r.value}": this command takes options only; see --help.`;
    case "out_required":
      return es
        ? "falta --out <carpeta>: la carpeta donde se escriben los resultados."
        : "--out <dir> is required: the folder to write results into.";
    case "as_of_required":
      return es
        ? "falta --as-of <fecha>, p. ej. --as-of 2018-12-15."
        : "--as-of <date> is required, e.g. --as-of 2018-12-15.";
    case "not_a_choice":
      if (es)
        return `--${r.option} debe ser ${r.choices.length > 2 ? "uno de " : ""}${orList(r.choices, "o")}, no «${r.value}».`;
      if (r.option === "lang") return `--lang must be en or es, got ${r.value}.`;
      return r.choices.length > 2
        ? `--${r.option} must be one of ${r.choices.join(", ")}, not "${r.value}".`
        : `--${r.option} must be ${orList(r.choices, "or")}, not "${r.value}".`;
    case "whole_number":
      // The bounds as --help writes them: 100,000 (100 000 in Spanish), not 100000.
      return es
        ? `--${r.option} ${r.value} debe ser un número entero de ${formatPeople(r.min, "es")} a ${formatPeople(r.max, "es")}.`
        : `--${r.option} ${r.value} must be a whole number from ${formatPeople(r.min)} to ${formatPeople(r.max)}.`;
    case "whole_number_upto":
      return es
        ? `--${r.option} debe ser un número entero de 0 a ${r.max.toLocaleString("es-MX")}, no «${r.value}».`
        : `--${r.option} must be a whole number between 0 and ${r.max.toLocaleString("en-US")}, got ${r.value}.`;
    case "at_least_one":
      return es
        ? `--${r.option} ${r.value}: debe ser 1 o más.`
        : `--${r.option} ${r.value} must be at least 1.`;
    case "parse_other":
      return es
        ? `no se pudo leer la línea de órdenes (${r.message.replace(/\.$/, "")}); vea --help para las opciones.`
        : r.message.replace(/\.?$/, ".");
    default:
      return es ? moreRefusalEs(r) : moreRefusalEn(r);
  }
}

/**
 * The refusals below `at_least_one`, said per language by family (dates, files and --out, option
 * values), so that each function stays on one screen.
 */
type MoreRefusal = Exclude<
  OptionRefusal,
  {
    code:
      | "unknown_option"
      | "needs_value"
      | "takes_no_value"
      | "dash_value"
      | "parse_other"
      | "unexpected_argument"
      | "out_required"
      | "as_of_required"
      | "not_a_choice"
      | "whole_number"
      | "whole_number_upto"
      | "at_least_one";
  }
>;

/** The refusals of dates and time zones. */
const DATE_CODES = [
  "bad_date",
  "not_iso_date",
  "from_after_to",
  "to_before_as_of",
  "not_a_time_zone",
  "as_of_outside",
] as const;
type DateRefusal = Extract<MoreRefusal, { code: (typeof DATE_CODES)[number] }>;
const isDateRefusal = (r: MoreRefusal): r is DateRefusal =>
  (DATE_CODES as readonly string[]).includes(r.code);
/** The refusals of files, the --out folder, and inputs with nothing to do. */
const FILE_CODES = [
  "places_geojson",
  "import_no_file",
  "validate_one_file",
  "places_not_geojson",
  "scenario_missing",
  "out_is_file",
  "out_cannot_make",
  "out_cannot_write",
  "output_is_folder",
  "output_is_input",
  "nothing_to_forecast",
  "too_much_work",
  "nothing_to_report",
] as const;
type FileRefusal = Extract<MoreRefusal, { code: (typeof FILE_CODES)[number] }>;
const isFileRefusal = (r: MoreRefusal): r is FileRefusal =>
  (FILE_CODES as readonly string[]).includes(r.code);
/** The other refusals below `at_least_one`: option values. */
type ValueRefusal = Exclude<MoreRefusal, DateRefusal | FileRefusal>;

/** A file option given twice: how to read several files of that kind together. */
const FILE_OPTIONS = ["sightings", "counts", "stocks", "places"];

/** Whole numbers as the refusal writes them: 12,345 in both languages (es-MX also writes 12,345). */
const n = (x: number, lang: RefusalLang) => formatPeople(x, lang);

function moreRefusalEn(r: MoreRefusal): string {
  if (isDateRefusal(r)) return dateRefusalEn(r);
  if (isFileRefusal(r)) return fileRefusalEn(r);
  return valueRefusalEn(r);
}

/** Dates and time zones. */
function dateRefusalEn(r: DateRefusal): string {
  switch (r.code) {
    case "bad_date":
      return `--${r.option} ${r.value} is not a valid ISO 8601 date or date-time; give a real calendar date such as 2018-11-01 (or 2018-11-01T12:00).`;
    case "not_iso_date":
      return `--${r.option} ${r.value} is not an ISO date (YYYY-MM-DD, e.g. 2018-10-13).`;
    case "from_after_to":
      return `--from ${r.from} is after --to ${r.to}; give the earlier date first.`;
    case "to_before_as_of":
      return `--to ${r.to} is before --as-of ${r.asOf}: the figures as of ${r.asOf} need the data up to that day; give a --to on or after ${r.asOf}, or leave --to out.`;
    case "not_a_time_zone":
      return `--tz ${r.value} is not an IANA time zone (e.g. America/Mexico_City).`;
    case "as_of_outside":
      return `--as-of ${r.date} is outside the data, which runs from ${r.first} to ${r.last}; give a date in that range.`;
  }
}

/** Files, the --out folder, and inputs with nothing to do. */
function fileRefusalEn(r: FileRefusal): string {
  switch (r.code) {
    case "places_geojson":
      return `--places ${r.file}: import writes places.csv from tables only; a GeoJSON places file is read as it is by --places of validate, estimate, ledger, report and forecast.`;
    case "import_no_file":
      return "give at least one file to import, e.g. dtm-flow import conteo.csv --out out/.";
    case "validate_one_file":
      return "give exactly one file to validate, e.g. dtm-flow validate conteo.csv.";
    case "places_not_geojson":
      return `${r.file} ${r.message}`;
    case "scenario_missing":
      return `cannot read ${r.file}: no such file; check the path.`;
    case "out_is_file":
      return r.under === undefined
        ? `--out ${r.out} is a file, not a folder; name a folder to write the results into.`
        : `--out ${r.out} lies under ${r.under}, which is a file, not a folder; choose another --out folder.`;
    case "out_cannot_make":
      return `--out ${r.out} cannot be made (${errnoWords(r.errno, "en")} at ${r.at}); choose a folder you can write to.`;
    case "out_cannot_write":
      return `--out ${r.out} cannot be written (${errnoWords(r.errno, "en")}); choose a folder you can write to.`;
    case "output_is_folder":
      return `${r.path} is a folder, so ${r.name} cannot be written there; remove it or choose another --out folder.`;
    case "output_is_input":
      return `refusing to overwrite the input file ${r.input} with the output ${r.path} (the same file on disk); choose another --out folder or move the input.`;
    case "nothing_to_forecast":
      return r.asOf !== undefined
        ? `no group has a usable position report up to --as-of ${r.asOf}, so there is nothing to forecast; give a later --as-of or add sightings.`
        : "no group has a usable position report, so there is nothing to forecast; add sightings with places or coordinates.";
    case "too_much_work":
      return `--runs ${r.runs} over ${r.days} days (--horizon ${r.horizon} + ${r.stale} days since the last observation + 1) is ${n(r.runs * r.days, "en")} simulated days per group, over the limit of ${n(r.limit, "en")}; give --runs ${r.fits} or fewer, or a shorter --horizon.`;
    case "nothing_to_report":
      return "the inputs hold no dated figures or tracks, so there is nothing to report; add stock figures, counts or sightings.";
  }
}

/** Option values: given twice, --columns, numbers. */
function valueRefusalEn(r: ValueRefusal): string {
  switch (r.code) {
    case "given_twice": {
      const once =
        r.option === "columns"
          ? `give it once, joined: --columns ${shellWord(`${r.before},${r.value}`)}.`
          : "give it once.";
      const files = FILE_OPTIONS.includes(r.option)
        ? ` To read several ${r.option} files together, import them into one first (dtm-flow import ${shellWord(r.before)} ${shellWord(r.value)} --out <dir>) and give <dir>/${r.option}.csv.`
        : "";
      return `--${r.option} is given twice (${r.before} and ${r.value}), but only one would be read: ${once}${files}`;
    }
    case "columns_no_sheet":
      return `--columns: "${r.item}" has no sheet name before ":" (write Sheet:field=column).`;
    case "columns_pair":
      return `--columns takes field=column pairs separated by commas (e.g. direction=sentido_x), not "${r.item}".`;
    case "columns_two_fields":
      return `--columns gives column "${r.column}" two fields: ${r.first} and ${r.second}.`;
    case "needs_check":
      return "--folds and --loo need --check.";
    case "folds_or_loo":
      return "Give --folds or --loo, not both.";
    case "folds_value":
      return `--folds ${r.value} is not a whole number ≥ 2 (e.g. --folds 10).`;
    case "hold_days":
      return `--hold-days ${r.value} is not a whole number of days ≥ 0.`;
    case "group_correlation":
      return `--group-correlation ${r.value} is not a number from 0 (independent errors) to 1 (all alike).`;
    case "suppress_below":
      return `--suppress-below must be a whole number of people, 1 or more, not "${r.value}".`;
  }
}

function moreRefusalEs(r: MoreRefusal): string {
  if (isDateRefusal(r)) return dateRefusalEs(r);
  if (isFileRefusal(r)) return fileRefusalEs(r);
  return valueRefusalEs(r);
}

/** Dates and time zones. */
function dateRefusalEs(r: DateRefusal): string {
  switch (r.code) {
    case "bad_date":
      return `--${r.option} ${r.value} no es una fecha ni una fecha y hora ISO 8601 válida; indique una fecha real del calendario, p. ej. 2018-11-01 (o 2018-11-01T12:00).`;
    case "not_iso_date":
      return `--${r.option} ${r.value} no es una fecha ISO (AAAA-MM-DD, p. ej. 2018-10-13).`;
    case "from_after_to":
      return `--from ${r.from} es posterior a --to ${r.to}; indique primero la fecha anterior.`;
    case "to_before_as_of":
      return `--to ${r.to} es anterior a --as-of ${r.asOf}: las cifras al ${r.asOf} necesitan los datos hasta ese día; indique un --to igual o posterior al ${r.asOf}, u omita --to.`;
    case "not_a_time_zone":
      return `--tz ${r.value} no es una zona horaria IANA (p. ej. America/Mexico_City).`;
    case "as_of_outside":
      return `--as-of ${r.date} está fuera de los datos, que van del ${r.first} al ${r.last}; indique una fecha en ese intervalo.`;
  }
}

/** Files, the --out folder, and inputs with nothing to do. */
function fileRefusalEs(r: FileRefusal): string {
  switch (r.code) {
    case "places_geojson":
      return `--places ${r.file}: import escribe places.csv solo a partir de tablas; un archivo de lugares GeoJSON se lee tal cual con --places de validate, estimate, ledger, report y forecast.`;
    case "import_no_file":
      return "indique al menos un archivo para importar, p. ej. dtm-flow import conteo.csv --out salida/.";
    case "validate_one_file":
      return "indique exactamente un archivo para validar, p. ej. dtm-flow validate conteo.csv.";
    case "places_not_geojson":
      return `${r.file} no es una FeatureCollection de GeoJSON: un archivo de lugares en GeoJSON tiene un elemento Point por lugar (si no, indique un CSV con name, lat, lon).`;
    case "scenario_missing":
      return `no se puede leer ${r.file}: el archivo no existe; revise la ruta.`;
    case "out_is_file":
      return r.under === undefined
        ? `--out ${r.out} es un archivo, no una carpeta; indique una carpeta donde escribir los resultados.`
        : `--out ${r.out} está dentro de ${r.under}, que es un archivo, no una carpeta; elija otra carpeta --out.`;
    case "out_cannot_make":
      return `no se puede crear --out ${r.out} (${errnoWords(r.errno, "es")} en ${r.at}); elija una carpeta en la que pueda escribir.`;
    case "out_cannot_write":
      return `no se puede escribir en --out ${r.out} (${errnoWords(r.errno, "es")}); elija una carpeta en la que pueda escribir.`;
    case "output_is_folder":
      return `${r.path} es una carpeta, así que ${r.name} no se puede escribir ahí; quítela o elija otra carpeta --out.`;
    case "output_is_input":
      return `no se sobrescribe el archivo de entrada ${r.input} con la salida ${r.path} (es el mismo archivo en el disco); elija otra carpeta --out o mueva la entrada.`;
    case "nothing_to_forecast":
      return r.asOf !== undefined
        ? `ningún grupo tiene un reporte de posición utilizable hasta --as-of ${r.asOf}, así que no hay nada que pronosticar; indique un --as-of posterior o añada avistamientos.`
        : "ningún grupo tiene un reporte de posición utilizable, así que no hay nada que pronosticar; añada avistamientos con lugares o coordenadas.";
    case "too_much_work":
      return `--runs ${r.runs} durante ${r.days} días (--horizon ${r.horizon} + ${r.stale} días desde la última observación + 1) son ${n(r.runs * r.days, "es")} días simulados por grupo, más que el límite de ${n(r.limit, "es")}; indique --runs ${r.fits} o menos, o un --horizon más corto.`;
    case "nothing_to_report":
      return "las entradas no tienen cifras ni trayectorias con fecha, así que no hay nada que informar; añada cifras de stock, conteos o avistamientos.";
  }
}

/** Option values: given twice, --columns, numbers. */
function valueRefusalEs(r: ValueRefusal): string {
  switch (r.code) {
    case "given_twice": {
      const once =
        r.option === "columns"
          ? `indíquela una sola vez, unida: --columns ${shellWord(`${r.before},${r.value}`)}.`
          : "indíquela una sola vez.";
      const files = FILE_OPTIONS.includes(r.option)
        ? ` Para leer juntos varios archivos de ${r.option}, impórtelos primero en uno (dtm-flow import ${shellWord(r.before)} ${shellWord(r.value)} --out <carpeta>) e indique <carpeta>/${r.option}.csv.`
        : "";
      return `--${r.option} se indica dos veces (${r.before} y ${r.value}), pero solo se leería una: ${once}${files}`;
    }
    case "columns_no_sheet":
      return `--columns: «${r.item}» no tiene nombre de hoja antes de «:» (escriba Hoja:campo=columna).`;
    case "columns_pair":
      return `--columns lleva pares campo=columna separados por comas (p. ej. direction=sentido_x), no «${r.item}».`;
    case "columns_two_fields":
      return `--columns da a la columna «${r.column}» dos campos: ${r.first} y ${r.second}.`;
    case "needs_check":
      return "--folds y --loo necesitan --check.";
    case "folds_or_loo":
      return "indique --folds o --loo, no ambos.";
    case "folds_value":
      return `--folds ${r.value} no es un número entero ≥ 2 (p. ej. --folds 10).`;
    case "hold_days":
      return `--hold-days ${r.value} no es un número entero de días ≥ 0.`;
    case "group_correlation":
      return `--group-correlation ${r.value} no es un número de 0 (errores independientes) a 1 (todos iguales).`;
    case "suppress_below":
      return `--suppress-below debe ser un número entero de personas, 1 o más, no «${r.value}».`;
  }
}

/** A refused option or argument: its message is the English sentence, `refusal` its code and values. */
export class OptionError extends UserError {
  readonly refusal: OptionRefusal;
  constructor(refusal: OptionRefusal) {
    super(refusalText("en", refusal));
    this.refusal = refusal;
  }
}

/**
 * The language a command line asks for with `--lang es` or `--lang=es` (else English), read from
 * the words themselves so that a refusal met before the options are parsed is said in it.
 * @example argvLang(["--sightigns", "x", "--lang", "es"]) // => "es"
 */
export function argvLang(argv: readonly string[]): RefusalLang {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--lang" && argv[i + 1] === "es") return "es";
    if (argv[i] === "--lang=es") return "es";
  }
  return "en";
}

/**
 * The error as the CLI says it in `lang`: a refusal of an option, or a UserError that can say
 * itself (`say`: a library InputProblem), in that language; any other error as it is (describeError then makes its one sentence).
 */
export function inLanguage(error: unknown, lang: RefusalLang): unknown {
  if (lang === "en") return error;
  if (error instanceof OptionError) return new UserError(refusalText(lang, error.refusal));
  if (error instanceof UserError && error.say) return new UserError(error.say(lang));
  return error;
}
