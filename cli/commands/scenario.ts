/**
 * `dtm-flow scenario <scenario.json> --out <dir>`: an influx scenario (docs/contracts.md §3.3) — per place
 * and day, arrivals and people present as p10/p50/p90 with the needs they imply and the planning
 * figures beside them; a summary per place; the whole result as JSON.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { basename, resolve } from "node:path";
import type { Command, CommandContext } from "../command.ts";
import { parseOptions } from "../command.ts";
import { EXIT, EXIT_HELP, UserError } from "../errors.ts";
import { OptionError } from "../option-refusals.ts";
import { CSV_OPTIONS, csvChoice, noBomHelp } from "../csv-options.ts";
import type { CsvChoice } from "../csv-options.ts";
import { optionString, userInputStep } from "../dataset-options.ts";
import { SAFE_WRITING_HELP, openOutputFolder } from "../output.ts";
import { loadDataset } from "../read-input.ts";
import { jsonPointerLines, withLineColumn } from "../json-lines.ts";
import { LANG_OPTION, langOption } from "../lang-option.ts";
import { cliWords } from "../cli-words.ts";
import type { NotJsonWhy } from "../cli-words.ts";
import {
  buildCorridor,
  embedded2018,
  firstArrivalShown,
  formatCsv,
  hxlOption,
  like2018Parameters,
  scenarioErrorText,
  NEEDS_SHOWN_DECIMALS,
  placeLabel,
  runScenario,
  SCENARIO_LIMITS,
  SCENARIO_PLACE_DAY_COLUMNS,
  SCENARIO_SUMMARY_COLUMNS,
  SCENARIO_TOTAL_COLUMNS,
  scenarioPlaceDayRows,
  scenarioSummaryRows,
  scenarioTotalRows,
  scenarioKeyPlaces,
  scenarioPeakNeeds,
  shownNeed,
  situationWords,
  validateScenario,
  peakNoteText,
} from "../../src/index.ts";
import type { Calibration, PlaceResult, ScenarioResult, SituationLang } from "../../src/index.ts";

const HELP = `dtm-flow scenario — who arrives where and when, with uncertainty, and what it takes to
receive them: a seeded Monte Carlo of an influx scenario along the corridor.

Usage:
  dtm-flow scenario <scenario.json> [--runs N] [--seed N] [--route f.geojson] [--places f]
                    [--lang en|es] [--no-bom] [--hxl] --out <dir>

Options:
  --runs <N>        number of Monte Carlo runs, 1–10,000 (overrides the file; default 1000)
  --seed <N>        seed (overrides the file); the same seed gives the same output
  --route <file>    routes, GeoJSON LineStrings with route_id; default the 2018 corridor
  --places <file>   gazetteer, added in front of the embedded 2018 places
  --out <dir>       folder for the outputs (required)
  --lang <en|es>    language of the summary on stdout and of scenario-report.json's totalsNote:
                    en (default) or es, as report and forecast --lang; the CSV files are the
                    same in both
${noBomHelp("the three CSV files", 16)}
  --hxl             write an HXL hashtag row under the header of the three CSV files
                    (default none, so scripts read them as the viewer's downloads)

Limits (checked before any run, each refused with its JSON pointer and a sentence):
  people      at most 10,000,000 in all waves together (ranges count at their max)
  runs        1–10,000; beyond the first 32–128 runs (fewer for larger scenarios) the
              quantiles come from per-cell histograms (within about 0.5 % of each
              cell's range; exact below), so memory stays flat
  horizonDays 1–730 days (two years)

Places are read as the importer reads them: names or aliases (any case, accents or
not), place ids (MX-TAP) or admin-2 P-codes held by one known place (GT1217); a P-code,
a name with its state, or a name several places share is read with a warning. Dates are
ISO 8601, YYYY-MM-DD ("31/10/2018" is refused with "use 2018-10-31").

The scenario file is documented in schema/scenario.schema.json and docs/scenarios.md;
examples are in data/scenarios/. With "like": "2018" the movement and attrition
are calibrated on the estimated 2018 replay (about a second), and the file's own fields
override them.

Outputs:
  scenario-place-days.csv  per place and day: arrivals, people present (p10/p50/p90),
                           cumulative claims/returns/regularisations (claimants wait and the
                           regularised stay there: they count as present), over-capacity chance,
                           needs (water, latrines, covered space, hygiene kits) from the p50 and
                           p90 of people present, and the planning figures used
  scenario-summary.csv     per place: first arrival, peak (date and people), days over capacity
  scenario-totals.csv      per day, one consistent run (the median run by person-days present),
                           so the columns add up: entered = on the road + present at places
                           (travellers, at destination, claimants waiting, regularised staying)
                           + returned + onward
  scenario-report.json     the resolved scenario, parameters and where they came from, results

${SAFE_WRITING_HELP}

${EXIT_HELP}
An unusable scenario file lists each problem with its line and JSON pointer (exit 2).

Examples:
  dtm-flow scenario data/scenarios/tecun-uman-2019-01-15.json --out scenario/
  dtm-flow scenario data/scenarios/tecun-uman-2019-01-15.json --lang es --out escenario/`;

/** The files scenario writes, checked against its inputs before any work is done. */
const SCENARIO_OUTPUTS = [
  "scenario-place-days.csv",
  "scenario-summary.csv",
  "scenario-totals.csv",
  "scenario-report.json",
];

/** Whole people and areas grouped by thousands (5,000), in both languages (as forecast's lines). */
const n = (v: number, digits = 0) => v.toLocaleString("en-US", { maximumFractionDigits: digits });

/**
 * The lines printed on stdout in `lang` (words from src/report/words.ts, places by their name in
 * the language, the library's placeLabel): the places planners ask about first.
 */
function summaryLines(result: ScenarioResult, lang: SituationLang = "en"): string[] {
  const w = situationWords(lang);
  const s = result.scenario;
  const p = s.planning;
  const lines = [
    w.scenarioHeading(s.name, n(s.runs), s.seed, s.start, s.horizonDays),
    w.scenarioPlanning({
      water: p.waterLitresPerPersonPerDay,
      latrineFirst: p.peoplePerLatrineInitial,
      latrineLater: p.peoplePerLatrineLater,
      latrineAfterDays: p.latrineLaterAfterDays,
      covered: p.coveredM2PerPerson,
      kits: p.hygieneKitsPerPersonPerMonth,
    }),
  ];
  // The places scenario-summary.csv lists that planners ask about first (the library's rule).
  for (const place of scenarioKeyPlaces(result)) lines.push(...placeLines(place, result, lang));
  const last = result.dates.length - 1;
  const t = result.medianRun.totals;
  const at = (series: number[]) => n(series[last]!);
  // Every term of the two sums the median run keeps (types.ts MedianRun), travellers resting at
  // places on the way included (scenario-totals.csv travelling_at_places = in transit − on road).
  lines.push(
    w.scenarioTotals({
      date: result.dates[last]!,
      run: result.medianRun.run + 1,
      departed: at(t.departed),
      onRoad: at(t.onRoad),
      present: at(t.presentAtPlaces),
      travelling: n(t.inTransit[last]! - t.onRoad[last]!),
      claims: at(t.asylumClaims),
      regularized: at(t.regularized),
      atDestination: at(t.atDestination),
      returns: at(t.returns),
      onward: at(t.leftDestination),
    }),
  );
  return lines;
}

/** One key place's line, and what to have ready for its p90 peak when anyone is there. */
function placeLines(p: PlaceResult, result: ScenarioResult, lang: SituationLang): string[] {
  const w = situationWords(lang);
  const f = p.firstArrival;
  const shown = firstArrivalShown(p.peakPeople);
  const share = Math.round(p.overCapacityAnyDayProbability * 100);
  // Each day's median and p90 over the runs, named so: not the runs' peaks (a median peak of 1,541
  // over a capacity of 1,000 with "0 days" read as a contradiction; runs peak on different days,
  // so each day's median stays lower).
  const over =
    p.capacity === undefined
      ? ""
      : share === 0
        ? w.scenarioWithinCapacity(n(p.capacity))
        : w.scenarioOverCapacity(
            n(p.capacity),
            share,
            p.daysOverCapacityP50.length,
            p.daysOverCapacityP90.length,
            p.daysOverCapacityP90[0],
          );
  // The peak: each run's highest day, its quantiles over the runs; its date among the runs with
  // anyone present (a run nobody stops in has a peak of 0 and no date).
  const d = p.peakDate;
  const when =
    d.p50 === undefined
      ? w.scenarioNobodyPresent
      : w.scenarioPeakOn(
          d.p50,
          String(d.p10),
          String(d.p90),
          d.probability < 1 ? Math.round(d.probability * 100) : undefined,
        );
  const lines = [
    "  " +
      w.scenarioPlaceLine({
        name: placeLabel(lang, p),
        // No arrival date beside a median peak of 0 (the library's rule).
        first50: shown ? f.p50 : w.scenarioNoneInMedianRun,
        first10: shown ? f.p10 : undefined,
        first90: shown ? f.p90 : "–",
        reachedPct: f.probability < 1 ? Math.round(f.probability * 100) : undefined,
        peak50: n(p.peakPeople.p50),
        peak10: n(p.peakPeople.p10),
        peak90: n(p.peakPeople.p90),
        when,
        over,
      }),
  ];
  // A two-moded peak: its median swings with the run count; the library's note (peakNote.ts).
  const note = peakNoteText(p, lang);
  if (note) lines.push(`    ${note}`);
  // What to have ready: needs for the p90 of the peak (the peak of 9 runs in 10 is below it).
  if (p.peakPeople.p90 > 0) {
    const needs = scenarioPeakNeeds(p, result);
    // scenario-summary.csv's figures rounded up to what a plan uses (0.1 m³ water, whole m²), as
    // the viewer's needs table shows them (the library's shownNeed).
    const need = (k: keyof typeof NEEDS_SHOWN_DECIMALS) =>
      n(shownNeed(k, needs[k][0]!), NEEDS_SHOWN_DECIMALS[k]);
    lines.push(
      "    " +
        w.scenarioReady(
          n(p.peakPeople.p90),
          need("waterM3PerDay"),
          need("latrines"),
          need("coveredM2"),
          need("hygieneKitsPerMonth"),
        ),
    );
  }
  return lines;
}

/** A whole-number option within 0…max, digits only (undefined when not given). */
function wholeOption(name: string, value: unknown, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = typeof value === "string" && /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < 0 || n > max) {
    throw new OptionError({ code: "whole_number_upto", option: name, value: String(value), max });
  }
  return n;
}

/**
 * Why a scenario file is not JSON: a text that does not start as JSON (`{` or `[`) is another
 * kind of file, a table when its first line has two or more cells; else the parser's reason with
 * its line and column (V8's English words, kept in English only).
 * @example notJsonWhy("Título: avistamientos\nfecha,lugar\n", "Unexpected token 'T'")
 * // => { kind: "table" }
 */
export function notJsonWhy(text: string, reason: string): NotJsonWhy {
  const start = text.trimStart();
  if (!/^[[{]/.test(start)) {
    const lines = start.split(/\r?\n/, 3).filter((l) => l.trim() !== "");
    return lines.some((l) => /[,;\t]/.test(l)) ? { kind: "table" } : { kind: "text" };
  }
  const at = /line (\d+), column (\d+)/.exec(reason);
  return { kind: "json", reason, ...(at ? { line: Number(at[1]), column: Number(at[2]) } : {}) };
}

/**
 * The parsed scenario file, with `--runs` and `--seed` written over its own, and the line of
 * every JSON pointer in it (for the problems).
 */
function readScenarioJson(
  file: string,
  cwd: string,
  runs: number | undefined,
  seed: number | undefined,
  lang: SituationLang,
): { json: unknown; lines: Map<string, number> } {
  const path = resolve(cwd, file);
  if (!existsSync(path) || !statSync(path).isFile())
    throw new OptionError({ code: "scenario_missing", file });
  let json: unknown;
  const text = readFileSync(path, "utf8").replace(/^\uFEFF/, "");
  try {
    json = JSON.parse(text);
  } catch (error) {
    // V8 quotes the text around the fault and ends with "is not valid JSON" itself
    // (`Unexpected token '}', ..."waves": [}" is not valid JSON`): keep only the reason.
    const reason = withLineColumn(
      (error as Error).message.replace(/, (?:\.\.\.)?"[\s\S]*" is not valid JSON$/, ""),
      text,
    );
    throw new UserError(cliWords(lang).notScenarioJson(basename(file), notJsonWhy(text, reason)));
  }
  if (json && typeof json === "object" && !Array.isArray(json)) {
    const object = json as Record<string, unknown>;
    if (runs !== undefined) object.runs = runs;
    if (seed !== undefined) object.seed = seed;
  }
  return { json, lines: jsonPointerLines(text) };
}

/**
 * Where a problem is: "line 5, /waves/0/people". A pointer not written in the file (a field
 * left out, or set by --runs/--seed) takes the line of the nearest part written (a missing
 * `/waves/0/date` is reported at the wave's line); the whole file is "/".
 */
function problemPlace(
  pointer: string,
  lines: Map<string, number>,
  lang: SituationLang = "en",
): string {
  for (let p = pointer; ; p = p.slice(0, p.lastIndexOf("/"))) {
    const line = lines.get(p);
    if (line !== undefined) return cliWords(lang).problemAt(line, pointer || "/");
    if (p === "") return pointer || "/";
  }
}

/** "Like 2018" calibrated on the replay, when the scenario asks for it (a failure falls back). */
function calibrateLike2018(
  json: unknown,
  context: CommandContext,
  lang: SituationLang,
): Calibration | undefined {
  if ((json as { like?: unknown } | null)?.like !== "2018") return undefined;
  context.stderr(cliWords(lang).calibrating);
  try {
    return like2018Parameters(embedded2018());
  } catch (error) {
    // The scenario can still run on the parameters read from the 2018 accounts.
    context.stderr(cliWords(lang).calibrationFailed((error as Error).message));
    return undefined;
  }
}

/** Progress on stderr, every tenth of the runs. */
function progressLine(
  context: CommandContext,
  lang: SituationLang,
): (done: number, total: number) => void {
  let shown = -1;
  return (done, total) => {
    const tenth = Math.floor((10 * done) / total);
    if (tenth === shown) return;
    shown = tenth;
    context.stderr(cliWords(lang).running(total, tenth * 10));
  };
}

/**
 * The four output files; `csv`: byte-order mark (--no-bom) and hashtag rows (--hxl) of the CSVs;
 * `lang`: the language of scenario-report.json's totalsNote.
 */
function writeOutputs(
  out: ReturnType<typeof openOutputFolder>,
  result: ScenarioResult,
  like2018: Calibration | undefined,
  csv: CsvChoice,
  lang: SituationLang,
): void {
  const { bom, hxl } = csv;
  const placeDays = [...SCENARIO_PLACE_DAY_COLUMNS];
  out.write(
    "scenario-place-days.csv",
    formatCsv(scenarioPlaceDayRows(result), {
      columns: placeDays,
      bom,
      ...hxlOption("scenarioPlaceDays", placeDays, hxl),
    }),
  );
  const summaryColumns = [...SCENARIO_SUMMARY_COLUMNS];
  out.write(
    "scenario-summary.csv",
    formatCsv(scenarioSummaryRows(result), {
      columns: summaryColumns,
      bom,
      ...hxlOption("scenarioSummary", summaryColumns, hxl),
    }),
  );
  const totals = [...SCENARIO_TOTAL_COLUMNS];
  out.write(
    "scenario-totals.csv",
    formatCsv(scenarioTotalRows(result), {
      columns: totals,
      bom,
      ...hxlOption("scenarioTotals", totals, hxl),
    }),
  );
  const report = {
    lang,
    scenario: result.scenario,
    calibration: like2018 ? { notes: like2018.notes, fit: like2018.fit } : undefined,
    composition: result.composition,
    conservationError: result.conservationError,
    warnings: result.warnings,
    dates: result.dates,
    totalsNote: situationWords(lang).scenarioTotalsNote,
    // Places whose runs' peaks are two-moded (present in 35–65 % of runs): plan with the p90.
    peakNotes: result.places.flatMap((p) => {
      const note = peakNoteText(p, lang);
      return note ? [{ placeId: p.placeId, place: p.name, note }] : [];
    }),
    totals: result.totals,
    medianRun: result.medianRun,
    quantileMethod: result.quantileMethod,
    places: result.places,
  };
  out.write("scenario-report.json", JSON.stringify(report, null, 1) + "\n");
}

export const scenarioCommand: Command = {
  name: "scenario",
  summary: "influx scenario: arrivals, people present and needs per place and day (p10/p50/p90)",
  help: HELP,
  async run(argv, context) {
    const { values, positionals } = parseOptions(argv, {
      runs: { type: "string" },
      seed: { type: "string" },
      route: { type: "string" },
      places: { type: "string" },
      out: { type: "string" },
      ...LANG_OPTION,
      ...CSV_OPTIONS,
    });
    const lang = langOption(values);
    if (positionals.length !== 1)
      throw new UserError(cliWords(lang).scenarioFiles(positionals.length));
    const file = positionals[0]!;
    const runs = wholeOption("runs", values.runs, SCENARIO_LIMITS.maxRuns);
    if (runs === 0) throw new OptionError({ code: "at_least_one", option: "runs", value: "0" });
    const seed = wholeOption("seed", values.seed, 2 ** 32 - 1);
    const route = optionString(values, "route");
    const places = optionString(values, "places");
    // Every input (the scenario, --route, --places) is protected from the outputs, and --out is
    // checked before any work.
    const inputs = [file, route, places].filter((f): f is string => f !== undefined);
    const outDir = optionString(values, "out");
    const out = openOutputFolder(outDir, inputs, context.cwd, SCENARIO_OUTPUTS);
    const { json, lines } = readScenarioJson(file, context.cwd, runs, seed, lang);
    const custom = route !== undefined || places !== undefined;
    const dataset = custom
      ? (await loadDataset({ route, places }, context)).dataset
      : embedded2018();
    const corridor = userInputStep(() => buildCorridor(dataset));
    // The file's problems first, before the calibration's work: the parameters "like 2018" fills
    // in decide no problem (validateScenario reads the fallback ones until calibrated).
    const unusable = validateScenario(json, { dataset, corridor });
    const like2018 = unusable.scenario ? calibrateLike2018(json, context, lang) : undefined;
    const checked = unusable.scenario
      ? validateScenario(json, { dataset, corridor, like2018 })
      : unusable;
    const { scenario, errors } = checked;
    const words = cliWords(lang);
    for (const warning of checked.warnings) context.stderr(`${words.warning}: ${warning.message}`);
    if (!scenario) {
      context.stderr(words.scenarioProblems(basename(file), errors.length));
      for (const e of errors)
        context.stderr(`  ${problemPlace(e.pointer, lines, lang)}: ${scenarioErrorText(lang, e)}`);
      return EXIT.unusable;
    }
    const onProgress = progressLine(context, lang);
    const result = userInputStep(() => runScenario(scenario, { dataset, corridor, onProgress }));
    // What validation read with a warning (a P-code, a shared name) is kept with the results.
    const warnings = [...checked.warnings, ...result.warnings];
    writeOutputs(out, { ...result, warnings }, like2018, csvChoice(values), lang);
    for (const warning of result.warnings) context.stderr(`${words.warning}: ${warning.message}`);
    for (const line of summaryLines(result, lang)) context.stdout(line);
    context.stderr(words.scenarioWrote(out.dir));
    return EXIT.ok;
  },
};
