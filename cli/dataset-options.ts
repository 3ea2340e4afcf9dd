/**
 * The input options every analysis command takes (estimate, ledger, report, forecast): the files
 * of the dataset (--sightings --counts --stocks --route --places) and the report time zone (--tz),
 * their help lines, and reading them into a Dataset. One place, so the commands cannot drift apart
 * in what they accept, how they check it, or what they print while loading.
 */
import { CSV_OPTIONS } from "./csv-options.ts";
import type { CommandContext, ParsedOptions } from "./command.ts";
import { parseOptions } from "./command.ts";
import { EXIT, UserError } from "./errors.ts";
import { OptionError } from "./option-refusals.ts";
import { issueLine } from "./issue-line.ts";
import { openOutputFolder } from "./output.ts";
import type { OutputFolder } from "./output.ts";
import { loadDataset, summarizeReport } from "./read-input.ts";
import { READING_OPTIONS, readingChoice, readingOptionsHelp } from "./reading-options.ts";
import type { ReadingChoice } from "./reading-options.ts";
import type { InputFiles, LoadedDataset } from "./read-input.ts";
import {
  DEFAULT_TIME_ZONE,
  farFromRoutesText,
  inputProblemText,
  isIsoDate,
  isValidTimeZone,
  reportsFarFromRoutes,
  toLocalTime,
} from "../src/index.ts";
import type { SituationLang } from "../src/index.ts";
import { cliWords } from "./cli-words.ts";
import { langOption } from "./lang-option.ts";

/** The dataset's files and time zone, in the order help lists them. */
const FILE_OPTIONS = {
  sightings: { type: "string" },
  counts: { type: "string" },
  stocks: { type: "string" },
  route: { type: "string" },
  places: { type: "string" },
  tz: { type: "string" },
} as const;

/**
 * node:util parseArgs configuration of the dataset options: the files, --tz, and how to read a
 * count sheet (--date-order, --incoming-is; reading-options.ts).
 */
export const DATASET_OPTIONS = { ...FILE_OPTIONS, ...READING_OPTIONS } as const;

export type DatasetOption = keyof typeof FILE_OPTIONS;

/** What each option's value is, as help shows it after the flag. */
const PLACEHOLDER: Record<DatasetOption, string> = {
  sightings: "<file>",
  counts: "<file>",
  stocks: "<file>",
  route: "<file>",
  places: "<file>",
  tz: "<zone>",
};

/**
 * One line of an Options list: the flag padded so every description starts in column 23.
 * @example
 * optionLine("--out <dir>", "folder for the results"); // => "  --out <dir>         folder for the results"
 */
export function optionLine(flag: string, description: string): string {
  return `${`  ${flag}`.padEnd(20)}  ${description}`;
}

/**
 * The help lines of the dataset options, one per option in DATASET_OPTIONS order. Each command
 * words the descriptions for what it does with the file (e.g. stock figures set how sizes fall in
 * estimate, and are the split itself in ledger).
 * @example
 * datasetOptionsHelp({ sightings: "group sightings (docs/contracts.md §1.2)", … }).split("\n")[0];
 * // => "  --sightings <file>  group sightings (docs/contracts.md §1.2)"
 */
export function datasetOptionsHelp(descriptions: Record<DatasetOption, string>): string {
  return [
    ...(Object.keys(FILE_OPTIONS) as DatasetOption[]).map((key) =>
      optionLine(`--${key} ${PLACEHOLDER[key]}`, descriptions[key]),
    ),
    readingOptionsHelp(21),
  ].join("\n");
}

/** "--sightings, --counts, --stocks, --route, --places, --tz": for help text that refers to them. */
export const DATASET_FLAGS = Object.keys(FILE_OPTIONS)
  .map((key) => `--${key}`)
  .join(", ");

/** A string option, or undefined when absent or blank. */
export function optionString(values: ParsedOptions["values"], key: string): string | undefined {
  const v = values[key];
  return typeof v === "string" && v !== "" ? v : undefined;
}

/** The dataset options as given: the files to read and the report time zone. */
export interface DatasetChoice {
  /** Files to read; undefined = not given (the embedded 2018 data stands in). */
  files: InputFiles;
  /** The given file paths, which the output folder must never overwrite. */
  inputs: string[];
  /** IANA time zone of the report; default America/Mexico_City. */
  timeZone: string;
  /** How to read a count sheet's dates and entrada/salida (--date-order, --incoming-is). */
  reading: ReadingChoice;
  /** Language of the lines about the files read (--lang; default en). */
  lang?: SituationLang;
}

/**
 * Reads --tz and the input file options.
 * @throws UserError when --tz is not an IANA time zone.
 */
export function datasetChoice(values: ParsedOptions["values"]): DatasetChoice {
  const timeZone = optionString(values, "tz") ?? DEFAULT_TIME_ZONE;
  if (!isValidTimeZone(timeZone)) {
    throw new OptionError({ code: "not_a_time_zone", value: timeZone });
  }
  const files: InputFiles = {
    sightings: optionString(values, "sightings"),
    counts: optionString(values, "counts"),
    stocks: optionString(values, "stocks"),
    places: optionString(values, "places"),
    route: optionString(values, "route"),
  };
  const inputs = Object.values(files).filter((f): f is string => f !== undefined);
  // The language of the lines about the files read: --lang when the command takes it.
  const lang = values.lang !== undefined ? langOption(values) : "en";
  return { files, inputs, timeZone, reading: readingChoice(values), lang };
}

/**
 * A whole-number option within `min`…`max`, digits only: `0x10`, `1e3` or `12.0` are refused
 * rather than read as some other number.
 * @returns `fallback` when the option is absent.
 * @throws UserError naming the option, the value and the range.
 */
export function wholeOption(
  values: ParsedOptions["values"],
  key: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const text = optionString(values, key);
  if (text === undefined) return fallback;
  const n = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new OptionError({ code: "whole_number", option: key, value: text, min, max });
  }
  return n;
}

/**
 * Reads a date option strictly, the same way in every command (estimate, forecast, ledger,
 * report): an ISO 8601 date or date-time whose every field is in range — `2018-10-32` or
 * `2018-11-01T25:00` is refused, never rolled over.
 * @returns the text as given, or undefined when the option is absent.
 * @throws UserError naming the option and the value.
 */
export function dateOption(values: ParsedOptions["values"], key: string): string | undefined {
  const text = optionString(values, key);
  if (text === undefined) return undefined;
  if (!toLocalTime(text, "UTC")) {
    throw new OptionError({ code: "bad_date", option: key, value: text });
  }
  return text.trim();
}

/**
 * Reads --as-of as a moment (an ISO date or date-time, local to the time zone); undefined when
 * not given (no cut-off).
 * @throws UserError when it is not a valid ISO date or date-time (see dateOption).
 */
export function asOfOption(values: ParsedOptions["values"], timeZone: string): string | undefined {
  const asOf = dateOption(values, "as-of");
  if (asOf && !toLocalTime(asOf, timeZone)) {
    throw new OptionError({ code: "bad_date", option: "as-of", value: asOf });
  }
  return asOf;
}

/**
 * The options of a command that reads the dataset as of a moment and writes files (estimate,
 * forecast): the dataset's, --as-of, --out, --no-bom and --hxl (csv-options.ts), then the command's
 * own (`extra`).
 * @example
 * parseAsOfCommand(["--out", "o", "--runs", "50"], { runs: { type: "string" } }).values.runs; // => "50"
 */
export function parseAsOfCommand(
  argv: string[],
  extra: NonNullable<Parameters<typeof parseOptions>[1]>,
): ParsedOptions {
  const options = {
    ...DATASET_OPTIONS,
    "as-of": { type: "string" },
    out: { type: "string" },
    ...CSV_OPTIONS,
    ...extra,
  } as const;
  return parseOptions(argv, options, false);
}

/** What {@link openAsOfCommand} gives a command: its choice, as-of, output folder, dataset. */
export interface AsOfCommandStart {
  choice: DatasetChoice;
  timeZone: string;
  /** --as-of as given (undefined: no cut-off). */
  asOf: string | undefined;
  out: OutputFolder;
  loaded: LoadedDataset;
}

/**
 * The start every as-of command makes, in one order (so that a bad value is refused before any
 * folder is made): --tz and the files, --as-of, --out with the names it will write (refused when
 * one is an input, `extraInputs` included), then the dataset read with a line per file on stderr.
 * A command's own input read before the call (estimate's --corrections, refused before any folder
 * is made) is reported before these: a bad file and a bad --as-of report the file first.
 * @throws UserError for a bad option, an unusable --out or an unusable file.
 */
export async function openAsOfCommand(
  values: ParsedOptions["values"],
  context: CommandContext,
  outputs: string[],
  extraInputs: string[] = [],
): Promise<AsOfCommandStart> {
  const choice = datasetChoice(values);
  const { timeZone } = choice;
  const asOf = asOfOption(values, timeZone);
  const inputs = [...choice.inputs, ...extraInputs];
  const out = openOutputFolder(optionString(values, "out"), inputs, context.cwd, outputs);
  const loaded = await loadChosenDataset(choice, context);
  return { choice, timeZone, asOf, out, loaded };
}

/**
 * Reads the chosen files into a Dataset (see loadDataset) and prints one line per file read on
 * stderr.
 * @throws UserError for a missing or unusable file.
 */
export async function loadChosenDataset(
  choice: DatasetChoice,
  context: CommandContext,
): Promise<LoadedDataset> {
  const loaded = await loadDataset(choice.files, context, {
    timeZone: choice.timeZone,
    ...choice.reading,
    ...(choice.lang ? { lang: choice.lang } : {}),
  });
  const lang = choice.lang ?? "en";
  for (const report of loaded.reports) {
    context.stderr(summarizeReport(report, lang));
    for (const line of rejectionLines(report, lang)) context.stderr(line);
    for (const line of loudWarningLines(report, lang)) context.stderr(line);
  }
  checkRoutesFit(choice, loaded, context);
  return loaded;
}

/**
 * The check for a forgotten --route (src/ingest/routes-fit.ts): when more than half of the
 * sightings with a position lie over 60 km from every route in use, the routes are not the
 * reports' own. Without --route (the 2018 corridor stands in) the command is refused (exit 2):
 * an estimate built on another corridor from the few reports that happen to lie near it is
 * wrong, not uncertain, and the fix is one option. With --route it is one warning line: the
 * analyst's own route may be a draft, and every far report is still listed (`off_route`).
 * @throws UserError when no --route was given and most reports are far from the 2018 routes.
 */
function checkRoutesFit(choice: DatasetChoice, loaded: LoadedDataset, context: CommandContext) {
  if (!choice.files.sightings) return;
  const far = reportsFarFromRoutes(loaded.dataset.sightings, loaded.dataset.routes);
  if (!far) return;
  const route = choice.files.route;
  const lang = choice.lang ?? "en";
  const text = farFromRoutesText(far, route !== undefined ? { route } : {}, lang);
  if (route === undefined) throw new UserError(`${choice.files.sightings}: ${text}`);
  context.stderr(`${cliWords(lang).warning}: ${choice.files.sightings}: ${text}`);
}

/**
 * Warnings every analysis command prints line by line (not only counts): the importer placed the
 * row somewhere other than part of it says (a place name thousands of km from its coordinates),
 * or read no direction (no column, or entrada/salida without --incoming-is), so the row's count is
 * not northbound and the ledger's "people left" leaves it out.
 */
const LOUD_WARNINGS: ReadonlySet<string> = new Set([
  "place_coordinates_far",
  "direction_column_missing",
  "direction_relative",
]);

/** The warnings of one input file that LOUD_WARNINGS names, each with its line, for stderr. */
export function loudWarningLines(
  report: LoadedDataset["reports"][number],
  lang: SituationLang = "en",
): string[] {
  const unit = "features" in report ? "feature" : "row";
  const loud = report.warnings.filter((w) => LOUD_WARNINGS.has(w.code));
  const lines = loud.slice(0, MAX_REJECTION_LINES).map((w) => issueLine(w, unit, lang));
  if (loud.length > lines.length)
    lines.push(cliWords(lang).moreIssues(loud.length - lines.length, report.fileName ?? "<file>"));
  return lines;
}

/** Rejected rows listed on stderr per file, at most this many (then `validate` lists them all). */
export const MAX_REJECTION_LINES = 20;

/**
 * The rejected rows of one input file, each with its line and reason, for stderr: every analysis
 * command says which rows it did not use, not only how many (the `validate` command lists all).
 */
export function rejectionLines(
  report: LoadedDataset["reports"][number],
  lang: SituationLang = "en",
): string[] {
  const unit = "features" in report ? "feature" : "row";
  const lines = report.rejections
    .slice(0, MAX_REJECTION_LINES)
    .map((r) => issueLine(r, unit, lang));
  const more = report.rejections.length - lines.length;
  if (more > 0) lines.push(cliWords(lang).moreIssues(more, report.fileName ?? "<file>"));
  return lines;
}

/**
 * Runs a library step on the user's data; a RangeError it throws (input it cannot use, e.g. no
 * usable route, a route across the antimeridian) is a UserError with the same sentence, said in
 * Spanish under `--lang es` when it is an InputProblem (src/text/inputProblem.ts).
 */
export function userInputStep<T>(step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (error instanceof RangeError && !ENGINE_RANGE_ERROR.test(error.message)) {
      throw new UserError(error.message, (lang) => inputProblemText(lang, error));
    }
    throw error;
  }
}

/**
 * RangeErrors the JavaScript engine throws (an array of negative length, a stack overflow): a
 * fault of dtm-flow (exit 3, "please report it"), not a value the user gave.
 */
const ENGINE_RANGE_ERROR =
  /^(Invalid (typed )?array length|Maximum call stack size exceeded|Invalid string length|Array buffer allocation failed)/;

/** The exit status of a command that read the dataset: 1 when some input rows were rejected. */
export function exitStatus(loaded: LoadedDataset): number {
  return loaded.rejected > 0 ? EXIT.rejected : EXIT.ok;
}

/** Help lines of --from/--to (import and validate). */
export const DATE_WINDOW_HELP = `  --from <date>          reject rows dated before this ISO date, e.g. 2018-10-01
  --to <date>            reject rows dated after this ISO date (default for both: the file's
                         own dates, any date within a year of the others; never before
                         1900-01-01 or after today)`;

/** node:util parseArgs configuration of --from/--to. */
export const DATE_WINDOW_OPTIONS = {
  from: { type: "string" },
  to: { type: "string" },
} as const;

/**
 * Reads --from/--to as the importer's dateWindow; undefined when neither is given (the window is
 * then taken from each file's dates).
 * @throws UserError when a value is not an ISO date or --from is after --to.
 * @example dateWindowOption({ from: "2018-10-01" }) // => { from: "2018-10-01" }
 */
export function dateWindowOption(
  values: ParsedOptions["values"],
): { from?: string; to?: string } | undefined {
  const from = optionString(values, "from");
  const to = optionString(values, "to");
  for (const [flag, v] of [
    ["--from", from],
    ["--to", to],
  ] as const) {
    if (v !== undefined && !isIsoDate(v))
      throw new OptionError({ code: "not_iso_date", option: flag.slice(2), value: v });
  }
  if (from !== undefined && to !== undefined && from > to)
    throw new OptionError({ code: "from_after_to", from, to });
  if (from === undefined && to === undefined) return undefined;
  return { ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) };
}
