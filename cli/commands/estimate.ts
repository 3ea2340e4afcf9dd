/**
 * `dtm-flow estimate`: size and position of every caravan group per day with 90 % intervals
 * (docs/contracts.md §2 and §3.1): tracks.csv, tracks.geojson and report.json under --out.
 */
import { estimateWarningLines } from "../estimate-warnings.ts";
import type { Command, ParsedOptions } from "../command.ts";
import { EXIT_HELP } from "../errors.ts";
import { OptionError } from "../option-refusals.ts";
import { csvChoice, noBomHelp } from "../csv-options.ts";
import {
  datasetOptionsHelp,
  exitStatus,
  openAsOfCommand,
  optionString,
  parseAsOfCommand,
  userInputStep,
} from "../dataset-options.ts";
import { SAFE_WRITING_HELP } from "../output.ts";
import { summarizeReport } from "../read-input.ts";
import {
  checkEstimate,
  checkBySourceLines,
  checkForReport,
  checkSummary,
  tooFewText,
  carryTracks,
  createRouteIndex,
  endsAsWritten,
  trackStatuses,
  estimateTracks,
  estimateWithCorrections,
  formatTracksCsv,
  MAX_WRITTEN_DAYS,
  tracksToGeoJson,
  widenEstimate,
} from "../../src/index.ts";
import type {
  SituationLang,
  Association,
  CheckOptions,
  CorrectedEstimate,
  CorrectionsFile,
  Dataset,
  EstimateOptions,
  EstimateResult,
  RouteIndex,
  TrackStart,
} from "../../src/index.ts";
import { cliWords } from "../cli-words.ts";
import { LANG_OPTION, langOption } from "../lang-option.ts";
import {
  correctionsBlock,
  correctionsHelp,
  readCorrections,
  withCorrections,
} from "../corrections-option.ts";

const HELP = `dtm-flow estimate — where every caravan group is along its route and how many people it
holds, per day, with 90 % intervals.

Usage:
  dtm-flow estimate [--sightings f] [--counts f] [--stocks f] [--route f.geojson]
                    [--places f] [--tz IANA-zone] [--as-of date]
                    [--check [--folds k | --loo]] [--corrections f.json] [--no-bom] [--hxl]
                    --out <dir>

Options:
${datasetOptionsHelp({
  sightings: "group sightings (CSV, TSV, ;-separated or XLSX; docs/contracts.md §1.2)",
  counts: "border-point counts (docs/contracts.md §1.1): evidence of passage time and numbers",
  stocks: "stock figures (docs/contracts.md §1.3): asylum claims and returns set how sizes fall",
  route:
    "routes, GeoJSON LineStrings with route_id (docs/contracts.md §1.5); default the 2018 corridor",
  places: "gazetteer (docs/contracts.md §1.4), added in front of the embedded 2018 places",
  tz: "report time zone (default America/Mexico_City): one row per local day",
})}
  --as-of <date>      use only data observed up to this date-time (no look-ahead)
  --out <dir>         folder for tracks.csv, tracks.geojson and report.json (required)
${noBomHelp("tracks.csv")}
  --hxl               write an HXL hashtag row under the header of tracks.csv (default none, so
                      scripts, notebooks and the viewer read the file as before; docs/cli.md)
  --check             held-out check: predict each report from the estimate made without it;
                      coverage, median 90 % widths and errors go to report.json ("check",
                      with interval scores) and stderr, and the track intervals are widened
                      where the check shows them overconfident (not from fewer than 10
                      held-out reports: too few to judge)
  --folds <k>         with --check: k folds, seeded (default 10)
  --loo               with --check: leave one report out at a time (one estimate per report)
${correctionsHelp('listed in report.json ("corrections")')}
  --lang <en|es>      language of the lines on stderr about the files read (rejection reasons),
                      the estimator's warnings and the summary line; the files are the same

With none of --sightings, --counts, --stocks the embedded Oct–Dec 2018 data is used.
Method: regime-switching (rest/walk/ride) forward–backward smoother on km along the route with
robust observations, and log-space fusion of sizes with per-source bias fitted from the data
(see docs/estimation.md). A count of one place or one point (shelter occupancy, registrations
today at a checkpoint, as the notes or part say, es/en) is read as "at least", not as the group's
size; such reports are named on stderr and in report.json (associations[].countScope).

Limits: --as-of is a real ISO 8601 date or date-time (2018-10-32 is refused, never rolled
over); routes must not cross the antimeridian and need two distinct positions.
${SAFE_WRITING_HELP}

${EXIT_HELP}

Example:
  dtm-flow estimate --sightings avistamientos.csv --out resultados/`;

export const estimateCommand: Command = {
  name: "estimate",
  summary: "daily position and size of every group with 90 % intervals (tracks.csv, .geojson)",
  help: HELP,
  async run(argv, context) {
    const { values } = parseAsOfCommand(argv, {
      ...CHECK_OPTIONS,
      corrections: { type: "string" },
      ...LANG_OPTION,
    });
    const check = checkOptions(values);
    const correctionsPath = optionString(values, "corrections");
    // Read (and refused) before openAsOfCommand's checks of --tz and --as-of and before --out is
    // made: a bad corrections file is reported first (openAsOfCommand's order notes it).
    const corrections = correctionsPath
      ? readCorrections(correctionsPath, context.cwd, langOption(values))
      : undefined;
    const { choice, timeZone, asOf, out, loaded } = await openAsOfCommand(
      values,
      context,
      ["tracks.csv", "tracks.geojson", "report.json"],
      correctionsPath ? [correctionsPath] : [],
    );
    // With --as-of the estimator reads only what was observed by then: say so, or the counts of
    // the whole data read as if they were all used.
    const lang = choice.lang ?? "en";
    const words = cliWords(lang);
    context.stderr(
      words.estimatingTracks({
        sightings: loaded.dataset.sightings.length,
        counts: loaded.dataset.counts.length,
        stocks: loaded.dataset.stocks.length,
        name: loaded.dataset.name,
        ...(asOf ? { cut: words.asOfCut(asOf, timeZone) } : {}),
      }),
    );
    const routes = userInputStep(() => createRouteIndex(loaded.dataset.routes));
    // The route index is built once; a held-out re-estimate (same routes) reuses it.
    const estimate = (dataset: Dataset, extra: EstimateOptions = {}): EstimateResult =>
      estimateTracks(dataset, {
        timeZone,
        asOf,
        ...(dataset.routes === loaded.dataset.routes ? { routeIndex: routes } : {}),
        ...extra,
      });
    // ── corrections (--corrections): src/evidence/corrections.ts ──
    let corrected: CorrectedEstimate | undefined;
    if (corrections && correctionsPath) {
      corrected = correctedEstimate(loaded.dataset, corrections, correctionsPath, estimate, lang);
      context.stderr(words.correctionsApplied(corrected.applied.length));
    }
    const dataset = corrected?.dataset ?? loaded.dataset;
    let result = corrected?.estimate ?? userInputStep(() => estimate(loaded.dataset));
    // ── held-out check (--check): src/check/, docs/estimation.md "Checking an estimate" ──
    let checkReport: Record<string, unknown> | undefined;
    if (check) {
      // With corrections, every held-out re-estimate keeps the accepted reports too.
      const keep = corrected?.estimateOptions ?? {};
      const checked = runCheck(dataset, result, (d) => estimate(d, keep), lang, {
        ...check,
        timeZone,
        onStart: (reports, reEstimates) =>
          context.stderr(words.checkStarting(reports, reEstimates)),
      });
      result = checked.result;
      checkReport = checked.report;
      context.stderr(checked.summary);
    }
    // The group-days the replay's ledger, state and map use: a track that ends only because the
    // data end is held until the group is unseen (carryTracks, src/state/onRoad.ts).
    result = { ...result, tracks: carryTracks(result, dataset, asOf, timeZone) };
    writeOutputs(
      result,
      out.write,
      {
        dataset: loaded.dataset.name,
        timeZone,
        asOf,
        inputs: loaded.reports.map((r) => summarizeReport(r)),
        rejectedRows: loaded.rejected,
        // The importer's reports: every rejected row with its line and reason (exit status 1).
        imports: loaded.reports,
        ...(checkReport ? { check: checkReport } : {}),
        ...correctionsBlock(correctionsPath, corrected),
      },
      routes,
      csvChoice(values),
    );
    context.stderr(
      words.estimateDone({
        groups: result.groups.length,
        days: result.tracks.length,
        leftOut: result.report.leftOut.length,
        dir: out.dir,
      }),
    );
    for (const line of estimateWarningLines(result.report.warnings, undefined, lang))
      context.stderr(line);
    const atLeast = lowerBoundsNote(result.report.associations, lang);
    if (atLeast) context.stderr(atLeast);
    const tooEarly = tooEarlyNote(result.report.trackStarts, lang);
    if (tooEarly) context.stderr(tooEarly);
    const countsLeft = countsLeftOutNote(
      result.report.countsLeftOut.length,
      dataset.sightings.length,
      result.groups.length,
      lang,
    );
    if (countsLeft) context.stderr(countsLeft);
    // The estimator's own check of its intervals (calibrate.ts): say when it could not judge.
    const { kmReports, sizeReports } = result.report.widening;
    const tooFew = tooFewText(kmReports, sizeReports, lang);
    if (tooFew) context.stderr(words.selfCalibration(tooFew));
    return exitStatus(loaded);
  },
};

/**
 * One line on the counts the estimator left out (report.json countsLeftOut), or undefined when
 * none were. Counts only size the groups found from sightings; with `--counts` alone (which also
 * switches off the embedded 2018 sightings) there is no group for them to attach to, and the
 * line says so and what to give instead.
 * @example
 * countsLeftOutNote(4, 0, 0);
 * // => '4 counts left out: no sightings were given, so the counts have no group to attach to (counts size the groups found from sightings); give --sightings too, or use `dtm-flow ledger`, which reads counts alone as crossings; report.json countsLeftOut'
 */
export function countsLeftOutNote(
  leftOut: number,
  sightings: number,
  groups: number,
  lang: SituationLang = "en",
): string | undefined {
  if (leftOut === 0) return undefined;
  if (sightings === 0) return cliWords(lang).countsLeftOut(leftOut, "no_sightings");
  if (groups === 0) return cliWords(lang).countsLeftOut(leftOut, "no_group");
  return cliWords(lang).countsLeftOut(leftOut);
}

/**
 * One line naming the reports that name a group too long before its first position to start its
 * track (trackStarts.ts: more than 21 days; often a mis-dated row), or undefined when none do.
 * @example
 * tooEarlyNote([{ group: "G", firstFittedDate: "2018-10-26", daysWritten: 0, tooEarly: [{ sightingId: "s.csv:9", date: "2018-08-17", daysBefore: 70 }] }]);
 * // => '1 report names its group more than 21 days before its first position; its track is not written back to it (check its date): s.csv:9 (G, 2018-08-17, 70 days before 2018-10-26); report.json trackStarts'
 */
export function tooEarlyNote(
  starts: readonly TrackStart[],
  lang: SituationLang = "en",
): string | undefined {
  const early = starts.flatMap((s) => s.tooEarly.map((e) => ({ ...e, s })));
  if (early.length === 0) return undefined;
  const shown = early.slice(0, 6).map((e) => ({
    id: e.sightingId,
    group: e.s.group,
    date: e.date,
    daysBefore: e.daysBefore,
    first: e.s.firstFittedDate,
  }));
  return cliWords(lang).tooEarly({
    n: early.length,
    shown,
    more: early.length - shown.length,
    maxDays: MAX_WRITTEN_DAYS,
  });
}

/**
 * One line naming the counts of one place or one point (a shelter's occupancy, a checkpoint's
 * registrations) that were read as lower bounds of their group, or undefined when there are none.
 * @example
 * lowerBoundsNote([{ sightingId: "a3", group: "G", how: "label", countScope: "place", sizeAtLeast: 620 }]);
 * // => '1 count saw only the people at one place or one crossing point, not the whole group, so it is used as the fewest people its group can have: a3 (at least 620, at a place) (report.json, associations[].countScope).'
 */
export function lowerBoundsNote(
  associations: readonly Association[],
  lang: SituationLang = "en",
): string | undefined {
  const bounds = associations.filter((a) => a.countScope !== undefined);
  if (bounds.length === 0) return undefined;
  const shown = bounds.slice(0, 6).map((a) => ({
    id: a.sightingId,
    ...(a.sizeAtLeast !== undefined ? { atLeast: a.sizeAtLeast } : {}),
    ...(a.countScope !== undefined ? { scope: a.countScope } : {}),
  }));
  return cliWords(lang).lowerBounds({
    n: bounds.length,
    shown,
    more: bounds.length - shown.length,
  });
}

// ── held-out check (--check) ──
const CHECK_OPTIONS = {
  check: { type: "boolean" },
  folds: { type: "string" },
  loo: { type: "boolean" },
} as const;

/** The --check options, or undefined without --check. @throws UserError for bad values. */
function checkOptions(values: ParsedOptions["values"]): CheckOptions | undefined {
  const folds = optionString(values, "folds");
  if (!values.check) {
    if (folds !== undefined || values.loo) throw new OptionError({ code: "needs_check" });
    return undefined;
  }
  if (folds !== undefined && values.loo) throw new OptionError({ code: "folds_or_loo" });
  const k = folds === undefined ? undefined : /^\d+$/.test(folds) ? Number(folds) : NaN;
  if (k !== undefined && !(Number.isInteger(k) && k >= 2)) {
    throw new OptionError({ code: "folds_value", value: folds ?? "" });
  }
  return { folds: k, leaveOneOut: Boolean(values.loo) };
}

/**
 * Runs the check with the same estimator settings, widens the track intervals by the check's
 * factors (≥ 1: never narrower than the model's) and returns the report.json object and summary.
 */
function runCheck(
  dataset: Dataset,
  result: EstimateResult,
  estimate: (dataset: Dataset) => EstimateResult,
  lang: SituationLang,
  options: CheckOptions,
): { result: EstimateResult; report: Record<string, unknown>; summary: string } {
  const check = userInputStep(() => checkEstimate(dataset, { ...options, full: result, estimate }));
  const widened = widenEstimate(result, check.factors, dataset.routes);
  return {
    result: widened.estimate,
    report: checkForReport(check, widened.applied),
    summary: [checkSummary(check, widened.applied, lang), ...checkBySourceLines(check, lang)].join(
      "\n",
    ),
  };
}

/**
 * Writes tracks.csv, tracks.geojson and report.json.
 * @param csv `bom`: start tracks.csv with a UTF-8 byte-order mark (default true, as every CSV
 *   dtm-flow writes; false with `--no-bom`); `hxl`: an HXL hashtag row under its header (`--hxl`;
 *   default none).
 */
export function writeOutputs(
  result: EstimateResult,
  write: (name: string, content: string) => unknown,
  meta: Record<string, unknown>,
  routes?: RouteIndex,
  csv: { bom?: boolean; hxl?: boolean } = {},
): void {
  // Excel-ready like every CSV the command line and the viewer write: a byte-order mark unless
  // `--no-bom` (for scripts that read the header byte for byte).
  // Each group-day on the road, arrived, accounted for or dissolved (src/state/groupStatus.ts),
  // the same in tracks.csv and tracks.geojson.
  const statuses = trackStatuses(result.tracks, result.report.trackEnds, (id) =>
    routes?.routeIds.includes(id) ? routes.lengthKm(id) : undefined,
  );
  write(
    "tracks.csv",
    formatTracksCsv(result.tracks, { bom: csv.bom !== false, hxl: csv.hxl === true, statuses }),
  );
  write("tracks.geojson", JSON.stringify(tracksToGeoJson(result.tracks, routes, statuses)) + "\n");
  // The last day of each group as tracks.csv writes it (held days included), src/export/trackSpan.ts.
  const ends = endsAsWritten(result.groups, result.report.trackEnds, result.tracks);
  const report = {
    ...meta,
    method:
      "regime-switching (rest/walk/ride) forward–backward smoother on km along the route, robust outlier mixture, for each group's median person, head and tail (a report counts in proportion to the people it describes); log-size smoother with per-source bias fitted with priors; tracks continue past the last report until the group reaches its destination or is accounted for; intervals are 90 % posterior quantiles, widened where the reports' own leave-one-out check shows the model overconfident (selfCalibration)",
    groups: ends.groups,
    associations: result.report.associations,
    leftOut: result.report.leftOut,
    sourceBiases: result.report.sourceBiases,
    sizeLevelSd: result.report.sizeLevelSd,
    // Each source type's fitted lean of its position reports that name no part (km ahead).
    sourceLeans: result.report.sourceLeans,
    // Factors (≥ 1) by which the reports' own leave-one-out check widened the intervals.
    selfCalibration: result.report.widening,
    // Reports near-tied between tracks built without labels, and the track-days they widened.
    associationSpread: result.report.associationSpread,
    sizePriors: result.report.sizePriors,
    // The pooled movement law, then each labelled group's own law its track was smoothed with.
    movement: result.report.movement,
    groupMovement: result.report.groupMovement,
    // Why each track ends where it does: destination, accounted_for or end_of_data.
    // heldThrough: the last tracks.csv row when held days carry the track past lastDate.
    trackEnds: ends.trackEnds,
    // Days written before a fitted track from a naming report, and naming reports too early.
    trackStarts: result.report.trackStarts,
    counts: result.report.counts,
    countsLeftOut: result.report.countsLeftOut,
    sightingsAfterAsOf: result.report.afterAsOf,
    warnings: result.report.warnings,
  };
  write("report.json", JSON.stringify(report, null, 2) + "\n");
}

// ── corrections (--corrections): cli/corrections-option.ts ──
/** Applies the corrections and estimates; a correction that does not fit the data is a UserError. */
function correctedEstimate(
  dataset: Dataset,
  corrections: CorrectionsFile,
  file: string,
  estimate: (dataset: Dataset, extra?: EstimateOptions) => EstimateResult,
  lang: SituationLang,
): CorrectedEstimate {
  return userInputStep(() =>
    withCorrections(file, () => estimateWithCorrections(dataset, corrections, {}, estimate), lang),
  );
}
