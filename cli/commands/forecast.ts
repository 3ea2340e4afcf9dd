/**
 * `dtm-flow forecast`: nowcast of every group at --as-of (default the last observation) from the
 * data available then, and when each group will reach every place ahead on its route, with
 * p10/p50/p90 and the probability of arriving within --horizon days (forecast.csv).
 */
import type { Command, CommandContext } from "../command.ts";
import {
  DATASET_FLAGS,
  exitStatus,
  openAsOfCommand,
  parseAsOfCommand,
  userInputStep,
  wholeOption,
} from "../dataset-options.ts";
import { EXIT_HELP, UserError } from "../errors.ts";
import { OptionError } from "../option-refusals.ts";
import { csvChoice, noBomHelp } from "../csv-options.ts";
import type { CsvChoice } from "../csv-options.ts";
import { SAFE_WRITING_HELP } from "../output.ts";
import { summarizeReport } from "../read-input.ts";
import {
  FORECAST_COLUMNS,
  POSITION_COLUMNS,
  POSITION_UNKNOWN_KM,
  SILENT_DAYS,
  forecastArrivals,
  forecastWarning,
  forecastWarningText,
  formatCsv,
  formatPeople,
  hxlOption,
  mulberry32,
  nowcast,
  situationWords,
  restingStartText,
} from "../../src/index.ts";
import type { Dataset, Forecast, Nowcast, SituationLang } from "../../src/index.ts";
import { cliWords } from "../cli-words.ts";
import {
  correctionsBlock,
  correctionsHelp,
  correctionsOption,
  withCorrections,
} from "../corrections-option.ts";
import type { CorrectionsOption } from "../corrections-option.ts";
import { estimateWarningLines } from "../estimate-warnings.ts";
import { forecastSummaryLines } from "../forecast-summary.ts";
import { LANG_OPTION, langOption } from "../lang-option.ts";

/**
 * How many days after a group's last observation a forecast may start. Beyond it the group's
 * state says nothing useful about where it is (2018 caravans changed plans within days), and
 * moving it on day by day to a far --as-of (say 3000-01-01) would only burn time.
 */
export const MAX_STALE_DAYS = 60;

/**
 * Most simulated days per group a forecast may take: runs × (days from the last observation to
 * the end of the horizon). About 15 s for the 8 groups of 2018 on one core; 500 runs × 14 days
 * (the defaults) are 7,000, 5,000 runs over a year fit.
 */
export const MAX_RUN_DAYS = 2_000_000;

const HELP = `dtm-flow forecast — where every caravan group is now and when it will reach the places
ahead on its route, with p10/p50/p90 and the probability of arriving within the horizon.

Usage:
  dtm-flow forecast [--as-of DATETIME] [--horizon DAYS] [--runs N] [--seed N] [--lang en|es]
                    [--corrections f.json]
                    [--sightings f] [--counts f] [--stocks f] [--route f.geojson]
                    [--places f] [--tz IANA-zone] [--no-bom] [--hxl] --out <dir>

Options:
  --as-of <datetime>  forecast from the data observed up to this moment (no look-ahead; a
                      date alone is the end of that day, local); default the last day
                      with an observation, 12:00 local. At most ${MAX_STALE_DAYS} days after a group's last
                      observation: a group seen earlier is left out, and if every group
                      is, the data are stale (exit 2)
  --horizon <days>    days ahead that count as "within the horizon" (default 14; 0–365)
  --runs <n>          Monte Carlo runs per group (default 500; 10–100,000), and runs × days
                      simulated (horizon + days since the last observation + 1) at most
                      ${MAX_RUN_DAYS.toLocaleString("en-US")} per group
  --seed <n>          random seed (default 1; 0–2147483647): the same inputs and seed give
                      the same files
  --lang <en|es>      language of the summary on stdout and of forecast.json's method: en
                      (default) or es, as report --lang; the CSV files are the same in both
${correctionsHelp("so the forecast starts from the corrected state")}
  ${DATASET_FLAGS}   as for dtm-flow estimate
  --date-order, --incoming-is   how to read a count sheet, as for dtm-flow estimate
  --out <dir>         folder for forecast.csv, positions.csv and forecast.json (required)
${noBomHelp("forecast.csv and positions.csv")}
  --hxl               write an HXL hashtag row under the header of forecast.csv and
                      positions.csv (default none, so scripts read them as before)

forecast.csv: group,place_name,km,arrival_p10,arrival_p50,arrival_p90,people_p10,people_p50,
people_p90,prob_within_horizon,status,head_arrival_p10,head_arrival_p50,head_arrival_p90,
place_offset_km,position_unknown — one row per group on the road and each place listed for
it as of --as-of (status "ahead", or "most_passed" for a place most of the group is already
past: its arrival_p50 is then --as-of and arrival_p90 when the last may arrive), and one row
per group that has already "arrived" at the end of its route, is "accounted_for" (the ledger
counts all its people at places) or "dissolved" (no report for more than 21 days before
--as-of), the status tracks.csv gives that day; place_name the place on its route nearest
where it was last placed, km its km, place_offset_km the km from that place to it, positive
past it, negative short of it; arrival columns blank). status is ahead | most_passed |
arrived | accounted_for | dissolved (most_passed: docs/forecasts.md). No arrival is dated
before --as-of. Arrival dates are local dates of the median person; head_arrival_* of the
group's first people (when shelters must open), blank when the tracks have no head. A blank
arrival quantile means "later than the horizon"; blank people means the group's size is
unknown. position_unknown is "true" on the rows of a group whose position is unknown (no
report for more than ${SILENT_DAYS} days and a 90 % km interval wider than
${formatPeople(POSITION_UNKNOWN_KM)} km): its runs, but no place to name (stdout names
none).

stdout: every group's status and, on the road, when its median person and first people reach
the place most of it has just passed, the next place and the end of its route. positions.csv:
the daily km (and size) p10/p50/p90 of every group over the horizon.
With none of --sightings, --counts, --stocks the embedded Oct–Dec 2018 data is used.

Method: the state as of --as-of: each group on the road starts from its state on the as-of day
(tracks.csv of estimate --as-of that day, held days included; riding when its two latest
reports are a ride apart), moved on by Monte Carlo
runs of the regime model (rest/walk/ride) with regime shares fitted on the data so far, and
attrition fitted on the size tracks so far (see docs/forecasts.md).

${SAFE_WRITING_HELP}

${EXIT_HELP}

Example:
  dtm-flow forecast --as-of 2018-11-01 --horizon 14 --lang es --out pronostico/`;

export const forecastCommand: Command = {
  name: "forecast",
  summary: "nowcast and arrivals at the places ahead, p10/p50/p90 (forecast.csv)",
  help: HELP,
  async run(argv, context) {
    const { values } = parseAsOfCommand(argv, {
      horizon: { type: "string" },
      runs: { type: "string" },
      seed: { type: "string" },
      corrections: { type: "string" },
      ...LANG_OPTION,
    });
    const lang = langOption(values);
    const horizonDays = wholeOption(values, "horizon", 14, 0, 365);
    const runs = wholeOption(values, "runs", 500, 10, 100_000);
    const seed = wholeOption(values, "seed", 1, 0, 2 ** 31 - 1);
    // Read (and refused) before --out is made, as estimate does; an input no output may overwrite.
    const fix = correctionsOption(values, context.cwd, lang);
    const { timeZone, asOf, out, loaded } = await openAsOfCommand(
      values,
      context,
      ["forecast.csv", "positions.csv", "forecast.json"],
      fix.path !== undefined ? [fix.path] : [],
    );
    const all = correctedNowcast(loaded.dataset, { timeZone, asOf }, fix, lang, context);
    if (all.groups.length === 0) {
      throw new OptionError({ code: "nothing_to_forecast", ...(asOf ? { asOf } : {}) });
    }
    const now = freshGroups(all, asOf, context, lang);
    checkWork(now, runs, horizonDays);
    const forecast = userInputStep(() =>
      forecastArrivals(now, {
        dataset: now.corrected?.dataset ?? loaded.dataset,
        horizonDays,
        runs,
        random: mulberry32(seed),
      }),
    );
    writeForecast(
      now,
      forecast,
      out.write,
      {
        dataset: loaded.dataset.name,
        timeZone,
        seed,
        inputs: loaded.reports.map((r) => summarizeReport(r)),
        rejectedRows: loaded.rejected,
        // As estimate's report.json: what the --corrections file did (docs/contracts.md §4).
        ...correctionsBlock(fix.path, now.corrected),
      },
      csvChoice(values),
      lang,
    );
    tellForecast(
      now,
      forecast,
      { lang, horizonDays, dir: out.dir, places: loaded.dataset.places },
      context,
    );
    return exitStatus(loaded);
  },
};

/**
 * The nowcast as of `asOf`; with --corrections, of the corrected estimate (`estimateWithCorrections`,
 * as estimate, ledger and report --corrections apply them): the runs start from the corrected
 * state, and stderr says how many corrections were applied.
 */
function correctedNowcast(
  dataset: Dataset,
  at: { timeZone: string; asOf: string | undefined },
  fix: CorrectionsOption,
  lang: SituationLang,
  context: CommandContext,
): Nowcast {
  const { file } = fix;
  const all = userInputStep(() =>
    withCorrections(
      fix.path ?? "",
      () => nowcast(dataset, { ...at, ...(file ? { corrections: file } : {}) }),
      lang,
    ),
  );
  if (all.corrected)
    context.stderr(cliWords(lang).correctionsApplied(all.corrected.applied.length));
  return all;
}

/** Says the forecast: warnings on stderr, each group's status and arrivals on stdout, a done line. */
function tellForecast(
  now: Nowcast,
  forecast: Forecast,
  at: { lang: SituationLang; horizonDays: number; dir: string; places: Dataset["places"] },
  context: CommandContext,
): void {
  const { lang } = at;
  const words = cliWords(lang);
  for (const line of estimateWarningLines(now.estimate.report.warnings, undefined, lang))
    context.stderr(line);
  for (const w of forecast.warnings)
    context.stderr(`${words.warning}: ${forecastWarningText(lang, w)}`);
  for (const line of forecastSummaryLines(now, forecast, lang, at.places)) context.stdout(line);
  context.stderr(
    words.forecastDone({
      asOf: now.asOfDate,
      groups: now.groups.length,
      places: forecast.arrivals.length,
      horizon: at.horizonDays,
      dir: at.dir,
    }),
  );
}

/**
 * Refuses a forecast whose Monte Carlo would run for minutes: --runs × the days to simulate.
 * @throws UserError naming --runs, --horizon and the --runs that would fit.
 */
function checkWork(now: Nowcast, runs: number, horizonDays: number): void {
  const stale = Math.max(0, ...now.groups.map((g) => g.daysSinceObserved));
  const days = horizonDays + stale + 1;
  if (runs * days <= MAX_RUN_DAYS) return;
  const fits = Math.floor(MAX_RUN_DAYS / days);
  throw new OptionError({
    code: "too_much_work",
    runs,
    days,
    horizon: horizonDays,
    stale,
    limit: MAX_RUN_DAYS,
    fits,
  });
}

/**
 * The nowcast without the groups last observed more than MAX_STALE_DAYS before the as-of day
 * (each named on stderr).
 * @throws UserError when every group is stale: the data are too old for the --as-of asked.
 */
function freshGroups(
  now: Nowcast,
  asOf: string | undefined,
  context: CommandContext,
  lang: SituationLang,
): Nowcast {
  const fresh = now.groups.filter((g) => g.daysSinceObserved <= MAX_STALE_DAYS);
  if (fresh.length === 0) {
    const last = now.groups.reduce((a, g) => (g.lastDate > a ? g.lastDate : a), "");
    const days = Math.min(...now.groups.map((g) => g.daysSinceObserved));
    throw new UserError(
      cliWords(lang).staleData({ asOf: asOf ?? now.asOfDate, last, days, max: MAX_STALE_DAYS }),
    );
  }
  for (const g of now.groups) {
    if (g.daysSinceObserved > MAX_STALE_DAYS) {
      const stale = forecastWarning("group_stale", {
        group: g.group,
        lastDate: g.lastDate,
        days: g.daysSinceObserved,
        maxDays: MAX_STALE_DAYS,
      });
      context.stderr(`${cliWords(lang).warning}: ${forecastWarningText(lang, stale)}`);
    }
  }
  return fresh.length === now.groups.length ? now : { ...now, groups: fresh };
}

/**
 * Writes forecast.csv, positions.csv and forecast.json; `csv`: the byte-order mark (--no-bom) and
 * hashtag rows (--hxl) of the CSVs (default: with the mark, without hashtags).
 */
export function writeForecast(
  now: Nowcast,
  forecast: Forecast,
  write: (name: string, content: string) => unknown,
  meta: Record<string, unknown>,
  csv: CsvChoice = { bom: true, hxl: false },
  lang: SituationLang = "en",
): void {
  const { bom, hxl } = csv;
  const ahead = forecast.arrivals.map((a) => ({
    group: a.group,
    place_name: a.placeName,
    km: a.km,
    arrival_p10: a.arrivalDate.p10,
    arrival_p50: a.arrivalDate.p50,
    arrival_p90: a.arrivalDate.p90,
    people_p10: a.people?.p10,
    people_p50: a.people?.p50,
    people_p90: a.people?.p90,
    prob_within_horizon: a.probWithinHorizon,
    // A place behind most of the group is still listed (more than one run in ten had not reached
    // it), with the as-of day as its p50: "most_passed" says so in the file itself, where
    // "ahead" read as "the median person arrives today".
    status: a.mostPassed ? "most_passed" : "ahead",
    head_arrival_p10: a.headArrivalDate?.p10,
    head_arrival_p50: a.headArrivalDate?.p50,
    head_arrival_p90: a.headArrivalDate?.p90,
    // The state's rule (src/state/positionUnknown.ts): the runs of a group whose position is
    // unknown are kept, but name no place.
    position_unknown: a.positionUnknown ? "true" : undefined,
  }));
  // Groups no longer on the road as of the forecast: where they arrived or were last seen.
  const done = forecast.groups
    .filter((g) => g.status !== "on_road")
    .map((g) => ({
      group: g.group,
      place_name: g.placeName,
      km: g.km,
      status: g.status,
      // km from place_name to the group (positive past it): the nearest place may be one it never
      // reached ("83 km short of Culiacán"), which the name alone read as "at Culiacán".
      place_offset_km: g.placeOffsetKm,
    }));
  const rows = [...ahead, ...done];
  // Excel-ready (UTF-8 byte-order mark unless --no-bom), as every CSV the CLI writes (docs/cli.md,
  // "CSV files").
  const columns = [...FORECAST_COLUMNS];
  write("forecast.csv", formatCsv(rows, { columns, bom, ...hxlOption("forecast", columns, hxl) }));
  const positions = forecast.positions.map((p) => ({
    group: p.group,
    route_id: p.routeId,
    date: p.date,
    km_p10: p.km.p10,
    km_p50: p.km.p50,
    km_p90: p.km.p90,
    size_p10: p.size?.p10,
    size_p50: p.size?.p50,
    size_p90: p.size?.p90,
  }));
  const positionColumns = [...POSITION_COLUMNS];
  write(
    "positions.csv",
    formatCsv(positions, {
      columns: positionColumns,
      bom,
      ...hxlOption("positions", positionColumns, hxl),
    }),
  );
  const report = {
    ...meta,
    asOf: now.asOfDate,
    horizonDays: forecast.horizonDays,
    runs: forecast.runs,
    lang,
    method: situationWords(lang).forecastMethod(forecast.staleDays),
    model: forecast.model,
    groups: forecast.groups,
    nowcast: now.groups.map((g) => ({
      group: g.group,
      routeId: g.routeId,
      lastObserved: g.observedDate ?? g.lastDate,
      // The day the state (km, size, head) is of and the runs start: the as-of day when the
      // state holds the group on the road past its track's end (tracks.csv held_after_data).
      stateDate: g.lastDate,
      // The group's last position report up to --as-of (its track may run past it).
      lastReport: g.lastReportDate ?? null,
      daysSinceObserved: g.daysSinceObserved,
      // On the road, arrived, accounted for or dissolved as of --as-of (groupStatus.ts).
      status: forecast.groups.find((s) => s.group === g.group)?.status ?? "on_road",
      km: g.km,
      // The people the runs move: the state's people of the group on the road on stateDate (its
      // whole size less those the ledger counts at places, startPeople.ts); groupSize the whole.
      size: g.size ? { median: g.size.median, low: g.size.low, high: g.size.high } : null,
      groupSize: g.groupSize
        ? { median: g.groupSize.median, low: g.groupSize.low, high: g.groupSize.high }
        : null,
      moving: g.moving ?? null,
      atPlace: g.atPlace ?? null,
      // Share resting at atPlace that the runs move on (the ledger counts them there), and why
      // the forecast's people on the road then exceed the ledger's in transit (startPeople.ts).
      resting: g.resting ?? null,
      restingNote: restingStartText(g) ?? null,
      regimes: g.movement.regimes,
      head: g.head ? { km: g.head.km, regime: g.head.regime } : null,
    })),
    warnings: now.estimate.report.warnings,
    forecastWarnings: forecast.warnings,
  };
  write("forecast.json", JSON.stringify(report, null, 2) + "\n");
}
