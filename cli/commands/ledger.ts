/**
 * `dtm-flow ledger`: the daily split of the people who left into asylum claims, returns, people
 * remaining, regularised, onward, other, in transit and unknown (docs/contracts.md §2 and §3.2):
 * split.csv, departed.csv, places.csv and report.json (residuals, warnings, sources) under --out.
 */
import { estimateWarningLines } from "../estimate-warnings.ts";
import type { Command, CommandContext, ParsedOptions } from "../command.ts";
import { parseOptions } from "../command.ts";
import {
  DATASET_OPTIONS,
  dateOption,
  datasetChoice,
  datasetOptionsHelp,
  exitStatus,
  loadChosenDataset,
  optionString,
  userInputStep,
} from "../dataset-options.ts";
import { EXIT_HELP } from "../errors.ts";
import { OptionError } from "../option-refusals.ts";
import { CSV_OPTIONS, csvChoice } from "../csv-options.ts";
import { SAFE_WRITING_HELP, openOutputFolder } from "../output.ts";
import type { OutputFolder } from "../output.ts";
import { summarizeReport } from "../read-input.ts";
import type { LoadedDataset } from "../read-input.ts";
import {
  DEPARTED_COLUMNS,
  PLACES_COLUMNS,
  asOfCutText,
  asOfMoment,
  formatCsv,
  formatPeople,
  formatSplitCsv,
  hxlOption,
  runReplay,
  beyondFiguresText,
  departedBasis,
  departureTotalText,
  isoDate,
  MAX_SILENCE_DAYS,
  situationWords,
  PRESENT_AS_OF_DAYS,
  toLocalTime,
  ledgerWarningText,
  warningRowFacts,
} from "../../src/index.ts";
import type {
  CorrectionsFile,
  CorridorDay,
  Dataset,
  LedgerOptions,
  LedgerResult,
  Replay,
} from "../../src/index.ts";
import { counted } from "../plural.ts";
import { cliWords, ledgerLineEs } from "../cli-words.ts";
import { LANG_OPTION, langOption } from "../lang-option.ts";
import {
  correctionsBlock,
  correctionsHelp,
  readCorrections,
  withCorrections,
} from "../corrections-option.ts";

/** Options shared by `ledger` and `report`: the inputs and how the ledger is built. */
export const LEDGER_OPTIONS = {
  ...DATASET_OPTIONS,
  from: { type: "string" },
  to: { type: "string" },
  "hold-days": { type: "string" },
  "group-correlation": { type: "string" },
  corrections: { type: "string" },
  out: { type: "string" },
} as const;

export const LEDGER_OPTIONS_HELP = `${datasetOptionsHelp({
  sightings: "group sightings (docs/contracts.md §1.2): the estimated groups are people in transit",
  counts:
    "border-point counts (docs/contracts.md §1.1): northbound totals are a floor under the people who left",
  stocks: "stock figures (docs/contracts.md §1.3): asylum claims, returns, people remaining, …",
  route: "routes, GeoJSON (docs/contracts.md §1.5); default the 2018 corridor",
  places: "gazetteer (docs/contracts.md §1.4), added in front of the embedded 2018 places",
  tz: "report time zone (default America/Mexico_City)",
})}
  --from <date>       first day shown (default: the first day of the data); figures before it
                      still count, so a day's totals are the same with or without --from
  --to <date>         last day of the split (default: the last day of the data)
  --hold-days <n>     days a "present" figure holds when no later one follows (default 3; as
                      of a date, the last count known holds up to ${PRESENT_AS_OF_DAYS} days, since the
                      next may not be out yet; older, its people are unknown, "not counted since")
  --group-correlation <r>  correlation 0–1 between groups' errors, to combine their 90 %
                      intervals into the interval of a total (default 0.5; 1 adds the bounds,
                      0 takes the errors as independent; docs/ledger.md, Intervals of totals)
${correctionsHelp("so every figure is of the corrected estimate")}`;

const HELP = `dtm-flow ledger — what became of the people who left, per day: asylum claims, returns,
people remaining at places, regularised, moved onward, other, in transit, unknown; on every day
the categories add up to the people who have left so far.

Usage:
  dtm-flow ledger [--sightings f] [--counts f] [--stocks f] [--route f.geojson] [--places f]
                  [--tz zone] [--from date] [--to date] [--hold-days n] [--as-of date]
                  [--group-correlation r] [--corrections f.json] [--no-bom] [--hxl]
                  [--lang en|es] --out <dir>

Options:
${LEDGER_OPTIONS_HELP}
  --as-of <date>      the ledger as known at that date (default: all the data, hindsight): only
                      the reports and figures known by then, the same replay as \`report --as-of\`;
                      a bare date is the end of that day, local time (--tz), a date-time keeps its
                      time; --to, if given, must not be before it
  --out <dir>         folder for split.csv, departed.csv, places.csv and report.json (required)
  --no-bom            write split.csv, departed.csv and places.csv without the UTF-8 byte-order
                      mark (default: with, for Excel; --bom, the old opt-in, is accepted)
  --hxl               write an HXL hashtag row under the header of split.csv, departed.csv and
                      places.csv (default none, so scripts and notebooks read them as before)
  --lang <en|es>      language of the lines on stderr (files read, rejection reasons, the
                      estimator's and the ledger's warnings, the summary); the files are the same

With none of --sightings, --counts, --stocks the embedded Oct–Dec 2018 data is used.
Method: same-day figures for the same thing are pooled by source weight; cumulative totals are
kept from falling by isotonic regression; shelters fold into their city; the groups' estimated
sizes are in transit; what nobody places is "unknown" (see docs/ledger.md). Counts alone give a
ledger of crossings: the people counted heading north, all "unknown" once past the point.
departed.csv adds the day's totals (in transit, present at places, returned, onward, unknown:
they add up to value); places.csv gives the people at every place per day by status
(travelling through, resting, waiting after an asylum claim, staying; docs/ledger.md).
report.json lists every figure's residual and every contradiction found, naming the stock rows.

Limits: --from and --to are real ISO 8601 dates (2018-10-32 is refused, never rolled over),
--to not before --from; --hold-days is a whole number ≥ 0; --group-correlation is a number
from 0 to 1; routes must not cross the antimeridian and need two distinct positions.
${SAFE_WRITING_HELP}

${EXIT_HELP}

Example:
  dtm-flow ledger --stocks cifras.csv --out resultados/`;

/** The dataset, tracks and ledger of a `ledger` or `report` run. */
export interface LedgerRun {
  /** The output folder, checked and made before the inputs were read. */
  out: OutputFolder;
  loaded: LoadedDataset;
  ledger: LedgerResult;
  /**
   * The replay the ledger comes from: tracks, ledger and the state of the corridor per day, and
   * its dataset (with --corrections, the corrected copy the figures are of).
   */
  replay: Replay;
  /** The --corrections file as given, when one was. */
  correctionsFile?: string;
  /** Its corrections, as read (all applied to the replay). */
  corrections?: CorrectionsFile;
  inputs: string[];
  timeZone: string;
}

/**
 * Checks the options and the output folder, then reads the inputs and runs the library's replay
 * (estimate → ledger → state).
 * @param output the --out folder and the file names the command will write there.
 * @param asOf the replay as known at this date or date-time (`--as-of`, read by the one as-of
 *   rule `asOfMoment`: a bare date is the end of that local day); default all data.
 * @throws UserError for bad dates, time zones, files or output folder.
 */
export async function runLedger(
  values: ParsedOptions["values"],
  context: CommandContext,
  output: { out: string | undefined; files: readonly string[] },
  extra: LedgerOptions = {},
  asOf?: string,
  /** Checks of the loaded inputs before any estimating (a refusal throws a UserError). */
  beforeWork?: (dataset: Dataset) => void,
): Promise<LedgerRun> {
  const choice = datasetChoice(values);
  const { timeZone, inputs } = choice;
  const options: LedgerOptions = { ...extra };
  for (const key of ["from", "to"] as const) {
    const date = dateOption(values, key);
    if (date !== undefined) options[key] = date.slice(0, 10);
  }
  if (options.from && options.to && options.to < options.from) {
    throw new OptionError({ code: "from_after_to", from: options.from, to: options.to });
  }
  const moment = asOf === undefined ? undefined : asOfMoment(asOf, timeZone);
  if (asOf !== undefined && !moment) {
    throw new OptionError({ code: "bad_date", option: "as-of", value: asOf });
  }
  if (moment && options.to && options.to < moment.date) {
    throw new OptionError({ code: "to_before_as_of", to: options.to, asOf: moment.date });
  }
  const hold = optionString(values, "hold-days");
  if (hold !== undefined) {
    const n = /^\d+$/.test(hold) ? Number(hold) : NaN;
    if (!Number.isInteger(n) || n < 0) {
      throw new OptionError({ code: "hold_days", value: hold });
    }
    options.holdDays = n;
  }
  const correlation = optionString(values, "group-correlation");
  if (correlation !== undefined) {
    const r = /^(\d+(\.\d*)?|\.\d+)$/.test(correlation.trim()) ? Number(correlation) : NaN;
    if (!(r >= 0 && r <= 1)) {
      throw new OptionError({ code: "group_correlation", value: correlation });
    }
    options.groupCorrelation = r;
  }
  // Read and checked before --out is made, as estimate does; an input the outputs must not overwrite.
  const correctionsFile = optionString(values, "corrections");
  const corrections =
    correctionsFile !== undefined
      ? readCorrections(correctionsFile, context.cwd, choice.lang)
      : undefined;
  // Before any work: an unusable --out, or an output over an input, stops the command here.
  const out = openOutputFolder(
    output.out,
    correctionsFile !== undefined ? [...inputs, correctionsFile] : inputs,
    context.cwd,
    output.files,
  );
  const loaded = await loadChosenDataset(choice, context);
  const { dataset } = loaded;
  beforeWork?.(dataset);
  const lang = choice.lang ?? "en";
  context.stderr(
    cliWords(lang).estimating({
      sightings: dataset.sightings.length,
      counts: dataset.counts.length,
      stocks: dataset.stocks.length,
      name: dataset.name,
      ...(asOf ? { asOf: cliWords(lang).asOfCut(asOf, timeZone) } : {}),
    }),
  );
  const replay = userInputStep(() =>
    withCorrections(
      correctionsFile ?? "",
      () => runReplay(dataset, { estimate: { timeZone }, ledger: options, asOf, corrections }),
      lang,
    ),
  );
  if (replay.corrections)
    context.stderr(cliWords(lang).correctionsApplied(replay.corrections.applied.length));
  // The estimator's warnings, as `estimate` writes them (ledger and report write no estimate report).
  const warnings = replay.estimate?.report.warnings ?? [];
  for (const line of estimateWarningLines(
    warnings,
    "dtm-flow estimate's report.json warnings",
    lang,
  ))
    context.stderr(line);
  return {
    out,
    loaded,
    ledger: replay.ledger,
    replay,
    inputs,
    timeZone,
    ...(correctionsFile !== undefined ? { correctionsFile } : {}),
    ...(corrections !== undefined ? { corrections } : {}),
  };
}

function departedCsv(
  ledger: LedgerResult,
  state: readonly CorridorDay[],
  hxl: boolean,
  bom: boolean,
): string {
  const totals = new Map(state.map((d) => [d.date, d.totals]));
  const rows = ledger.departed.map((d) => {
    const t = totals.get(d.date);
    return {
      date: d.date,
      value: d.value,
      value_low: d.valueLow,
      value_high: d.valueHigh,
      from_tracks: d.fromTracks,
      accounted: d.accounted,
      in_transit: t?.inTransit,
      present_at_places: t?.presentAtPlaces,
      returned: t?.returned,
      onward: t?.onward,
      unknown: t?.unknown,
      beyond_groups: d.beyondGroups,
    };
  });
  // Excel-ready (byte-order mark unless --no-bom), like every CSV the CLI writes (docs/cli.md).
  const columns = [...DEPARTED_COLUMNS];
  return formatCsv(rows, { columns, bom, ...hxlOption("departed", columns, hxl) });
}

function placesCsv(state: readonly CorridorDay[], hxl: boolean, bom: boolean): string {
  const rows = state.flatMap((d) =>
    d.places.map((p) => ({
      date: d.date,
      place_name: p.placeName,
      country: p.country,
      travelling: Math.round(p.travelling),
      resting: p.resting,
      waiting: p.waiting,
      staying: p.staying,
      present: p.present,
      present_low: p.presentLow,
      present_high: p.presentHigh,
      capacity: p.capacity,
      // Of present: an arrived group's people no count holds yet (estimated, not counted).
      estimated: p.estimated !== undefined ? Math.round(p.estimated) : undefined,
    })),
  );
  // Excel-ready (byte-order mark unless --no-bom): place names carry accents (Tecún Umán).
  const columns = [...PLACES_COLUMNS];
  return formatCsv(rows, { columns, bom, ...hxlOption("placesByStatus", columns, hxl) });
}

/**
 * The first day of the data: the earliest sighting (local day in `timeZone`), count, stock figure
 * or aggregate; undefined when nothing has a readable date.
 * @example firstDataDay(dataset, "America/Mexico_City") // => "2019-02-01"
 */
export function firstDataDay(dataset: Dataset, timeZone: string): string | undefined {
  let first: string | undefined;
  const see = (date: string | undefined) => {
    if (date !== undefined && (first === undefined || date < first)) first = date;
  };
  for (const s of dataset.sightings) {
    const local = toLocalTime(s.observedAt, timeZone);
    if (local) see(isoDate(Math.floor(local.t)));
  }
  for (const rows of [dataset.counts, dataset.stocks, dataset.aggregates ?? []])
    for (const r of rows) if (/^\d{4}-\d\d-\d\d$/.test(r.date)) see(r.date);
  return first;
}

/**
 * What the summary says when the run has no day: as of a date before all the data, that nothing
 * was known by then and when the first report is (as `forecast` says for no usable report).
 */
function nothingKnown(asOf: string | undefined, first: string | undefined): string {
  if (asOf === undefined) return "";
  const day = asOf.slice(0, 10);
  return first !== undefined && first > day
    ? ` (nothing known by ${day}: the first report is of ${first}; give a later --as-of)`
    : ` (nothing known by ${day})`;
}

/**
 * The summary's warnings: the ledger's and the import's (a file read with no direction column
 * leaves "people left" at 0, which the summary must not set beside "0 warnings"), and the rows
 * left out (rejected, duplicates), so a summary never says nothing about rows it dropped.
 * @example inputWarnings(ledger, loaded) // => "1 warning (1 from reading the files), 3 rows rejected"
 */
function inputWarnings(ledger: LedgerResult, loaded: LoadedDataset): string {
  const fromFiles = loaded.reports.reduce((n, r) => n + r.warnings.length, 0);
  const all = ledger.warnings.length + fromFiles;
  return `${counted(all, "warning")}${fromFiles ? ` (${fromFiles} from reading the files)` : ""}${loaded.rejected ? `, ${counted(loaded.rejected, "row")} rejected` : ""}`;
}

export const ledgerCommand: Command = {
  name: "ledger",
  summary: "daily split: asylum claims, returns, remaining, in transit, unknown (split.csv)",
  help: HELP,
  async run(argv, context) {
    const { values } = parseOptions(
      argv,
      {
        ...LEDGER_OPTIONS,
        "as-of": { type: "string" },
        ...CSV_OPTIONS,
        ...LANG_OPTION,
      },
      false,
    );
    // As of a date: the same replay `report --as-of` builds (only what was known by then).
    const asOf = dateOption(values, "as-of");
    const run = await runLedger(
      values,
      context,
      {
        out: optionString(values, "out"),
        files: ["split.csv", "departed.csv", "places.csv", "report.json"],
      },
      {},
      asOf,
    );
    const { ledger, loaded, out } = run;
    // Excel-ready, as every CSV the command line and the viewer write: a byte-order mark unless
    // --no-bom (for scripts that read split.csv's header byte for byte, docs/contracts.md §3.2).
    const { bom, hxl } = csvChoice(values);
    out.write("split.csv", formatSplitCsv(ledger.split, { bom, hxl }));
    out.write("departed.csv", departedCsv(ledger, run.replay.state, hxl, bom));
    out.write("places.csv", placesCsv(run.replay.state, hxl, bom));
    const report = {
      dataset: loaded.dataset.name,
      timeZone: run.timeZone,
      ...(asOf !== undefined
        ? { asOf, asOfBasis: `only what was known ${asOfCutText(asOf, run.timeZone)}` }
        : {}),
      inputs: loaded.reports.map((r) => summarizeReport(r)),
      rejectedRows: loaded.rejected,
      // As estimate's report.json: what the --corrections file did (docs/contracts.md §4).
      ...correctionsBlock(run.correctionsFile, run.replay.corrections),
      method:
        "same-day figures pooled by source weight (kind × confidence); cumulative series made non-decreasing by weighted isotonic regression; present figures interpolated (≤ 30 days apart) and held 3 days after the last (as of a date, the last count known held up to " +
        `${PRESENT_AS_OF_DAYS} days, its value and low bound falling by equal steps to 0 after 3 days, the rest unknown);` +
        " shelters fold into their city; groups' estimated sizes in transit, a group not reported for more than " +
        `${MAX_SILENCE_DAYS} days (MAX_SILENCE_DAYS)` +
        " unknown instead; departed = max(groups' peak sizes, northbound counts, departure totals, everyone accounted for), never falling; unknown = departed − accounted. Every day from the data's first day is computed; --from only chooses the first day written, so a day's figures do not depend on it. Intervals are 90 %; the interval of a total of groups (in transit, the groups' peaks) or of everyone accounted for combines its parts' intervals with a correlation between their errors (groupCorrelation; docs/ledger.md, Intervals of totals).",
      groupCorrelation: ledger.groupCorrelation,
      // How much of the people who left by the last day rests on figures beyond the tracked groups.
      departedBasis: ledger.departed.length
        ? departedBasis(ledger.departed, ledger.departed.at(-1)!.date, {
            beyondGroupsFigures: ledger.beyondGroupsFigures,
            beyondGroupsTakenIn: ledger.beyondGroupsTakenIn,
            aggregates: loaded.dataset.aggregates,
          })
        : undefined,
      rowsNote: "rows are 0-based indexes into the stock figures, in input order",
      warnings: ledger.warnings,
      importWarnings: loaded.reports.flatMap((r) => r.warnings),
      residuals: ledger.residuals,
      sources: ledger.sources,
    };
    out.write("report.json", JSON.stringify(report, null, 2) + "\n");
    const days = ledger.departed.length;
    const last = ledger.departed[days - 1];
    const basis = report.departedBasis;
    // What the total rests on, in the situation update's words (one text, src/report/words.ts):
    // the total alone reads as people who left with the groups (docs/ledger.md).
    const lang = langOption(values);
    const beyondIn = (l: "en" | "es"): string | undefined =>
      basis && basis.beyondTracks > 0
        ? (l === "es" ? " personas que salieron hasta entonces" : " people who left by then") +
          situationWords(l).departedBeyond(
            formatPeople(basis.beyondTracks, l),
            basis.reachedOn,
            basis.date,
            formatPeople(basis.fromTracks, l),
            departureTotalText(basis.fromTracksFigure, situationWords(l).departureTotal),
            formatPeople(basis.beyondGroups, l),
            beyondFiguresText(
              basis.beyondGroupsFigures,
              loaded.dataset.stocks,
              situationWords(l).beyondPlace,
              basis.beyondGroupsTakenIn,
            ),
          )
        : undefined;
    const beyond = beyondIn("en") ?? " people left by then";
    if (lang === "es") {
      context.stderr(
        ledgerLineEs({
          days,
          ...(last ? { first: ledger.departed[0]!.date, last: last.date, left: last.value } : {}),
          ...(beyondIn("es") !== undefined ? { beyondText: beyondIn("es") } : {}),
          ...(asOf !== undefined ? { asOf: asOf.slice(0, 10) } : {}),
          ...(firstDataDay(loaded.dataset, run.timeZone) !== undefined
            ? { firstData: firstDataDay(loaded.dataset, run.timeZone)! }
            : {}),
          splitRows: ledger.split.length,
          warnings: ledger.warnings.length,
          fromFiles: loaded.reports.reduce((n, r) => n + r.warnings.length, 0),
          rejected: loaded.rejected,
          dir: out.dir,
        }),
      );
    } else
      context.stderr(
        `${counted(days, "day")}${last ? ` (${ledger.departed[0]!.date} to ${last.date}; ${formatPeople(last.value)}${beyond})` : nothingKnown(asOf, firstDataDay(loaded.dataset, run.timeZone))}, ${counted(ledger.split.length, "split row")}, ${inputWarnings(ledger, loaded)} (see report.json); wrote ${out.dir}`,
      );
    const facts = warningRowFacts(ledger.warnings, loaded.dataset.stocks);
    const words = cliWords(lang);
    // People left out of the people who left for want of a direction come first: they change
    // the headline figure, and only five warnings are printed.
    const first = (w: { code: string }): number => (w.code === "unknown_direction_counts" ? 0 : 1);
    const shown = [...ledger.warnings].sort((a, b) => first(a) - first(b));
    for (const w of shown.slice(0, 5))
      context.stderr(
        `${words.warning}: ${ledgerWarningText(lang, w, facts, loaded.dataset.places)}`,
      );
    if (ledger.warnings.length > 5)
      context.stderr(
        lang === "es"
          ? `… y ${ledger.warnings.length - 5} más en report.json`
          : `… and ${ledger.warnings.length - 5} more in report.json`,
      );
    return exitStatus(loaded);
  },
};
