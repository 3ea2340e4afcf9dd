/**
 * `dtm-flow report --as-of DATE`: a situation update for analysts — headline figures as of the
 * date with their sources, a stacked area chart of the split, people present per place against
 * shelter capacity — as one self-contained HTML file (inline SVG, no scripts) and Markdown.
 */
import { basename } from "node:path";
import type { Command } from "../command.ts";
import { parseOptions } from "../command.ts";
import { SAFE_WRITING_HELP } from "../output.ts";
import {
  dateOption,
  datasetChoice,
  exitStatus,
  optionString,
  userInputStep,
} from "../dataset-options.ts";
import { EXIT_HELP } from "../errors.ts";
import { OptionError } from "../option-refusals.ts";
import {
  asOfMoment,
  buildSituationUpdate,
  formatPeople,
  leftOutOfFiles,
  renderHtml,
  reportDayPlace,
  reportRange,
  renderMarkdown,
  situationReport2018,
  situationWords,
} from "../../src/index.ts";
import { cliWords } from "../cli-words.ts";
import { LANG_OPTION, langOption } from "../lang-option.ts";
import { LEDGER_OPTIONS, LEDGER_OPTIONS_HELP, runLedger } from "./ledger.ts";

const HELP = `dtm-flow report — a situation update as of a date: headline figures (people who left,
asylum claims, returns, people remaining, in transit, unknown) each with its sources, a stacked
area chart of the split over time, and people present per place against shelter capacity.

Usage:
  dtm-flow report --as-of <date> [--lang en|es] [--title text] [--hindsight]
                  [--corrections f.json] [--out dir] [input options]

Options:
  --as-of <date>      the date of the update (required), e.g. 2018-12-15: what was known by
                      the end of that day, local time (--tz); a date-time such as
                      2018-12-15T12:00 keeps its time (the same rule as estimate and forecast)
  --lang <en|es>      language of situation-update.html and .md: en (default) or es, with the
                      words of the viewer's Spanish situation panel (charts and data-quality
                      warnings included); place names and sources' text stay as they came
  --title <text>      title of the update (default "Situation update", in es "Actualización
                      de la situación")
  --hindsight         use all the data, also figures and reports after the date (the
                      replay's view, as the viewer's situation panel); default: only what
                      was known by the end of the date
  --out <dir>         folder for situation-update.html and situation-update.md
                      (default: situation-update-<date> in the current folder)
${LEDGER_OPTIONS_HELP}

With none of --sightings, --counts, --stocks the embedded Oct–Dec 2018 data is used, and the
update sets the ledger beside the figures of the December 2018 UN situation report.
The HTML file is self-contained: inline CSS and SVG, no scripts, nothing loaded from other
hosts (sources' web addresses are shown as text).

Limits: --as-of is a real ISO 8601 date (2018-10-32 is refused, never rolled over) within the
days of the data (a date outside them is exit 2); routes must not cross the antimeridian and
need two distinct positions. Text from the input files is escaped in both the HTML and the
Markdown; only http(s) addresses become links.
${SAFE_WRITING_HELP}

${EXIT_HELP}

Examples:
  dtm-flow report --as-of 2018-12-15 --out informe/
  dtm-flow report --as-of 2018-12-15 --lang es --out informe-es/`;

export const reportCommand: Command = {
  name: "report",
  summary: "situation update as of a date: headline figures with sources, charts (HTML, Markdown)",
  help: HELP,
  async run(argv, context) {
    const { values } = parseOptions(
      argv,
      {
        ...LEDGER_OPTIONS,
        "as-of": { type: "string" },
        title: { type: "string" },
        ...LANG_OPTION,
        hindsight: { type: "boolean" },
      },
      false,
    );
    const asOf = dateOption(values, "as-of");
    if (asOf === undefined) throw new OptionError({ code: "as_of_required" });
    // The local date the update is for (a bare date: that day, to its end; a date-time keeps its
    // time), by the one as-of rule; runLedger checks the text again in the dataset's zone.
    const date = asOfMoment(asOf, datasetChoice(values).timeZone)?.date ?? asOf.slice(0, 10);
    const lang = langOption(values);
    const hindsight = values.hindsight === true;
    // As of the date (default): the replay reads only what was known by then.
    const run = await runLedger(
      values,
      context,
      {
        out: optionString(values, "out") ?? `situation-update-${date}`,
        files: ["situation-update.html", "situation-update.md"],
      },
      {},
      hindsight ? undefined : asOf,
      // Before estimating: a date well outside the inputs' days is refused at once (a day of
      // margin either side, for reports whose instant falls on another local day; the ledger's
      // own days decide below).
      (dataset) => {
        const span = reportRange(dataset, datasetChoice(values).timeZone);
        if (span && reportDayPlace(date, span, 1) !== "within")
          throw outside(date, span.first, span.last);
      },
    );
    const { ledger, loaded, out } = run;
    // The figures' dataset: the input, or with --corrections the corrected copy (runReplay).
    const { dataset } = run.replay;
    const range = reportRange(dataset, run.timeZone, {
      hindsight,
      ledgerDays: ledger.departed,
      from: dateOption(values, "from")?.slice(0, 10),
      to: dateOption(values, "to")?.slice(0, 10),
    });
    if (range === undefined) {
      throw new OptionError({ code: "nothing_to_report" });
    }
    if (reportDayPlace(date, range) !== "within") throw outside(date, range.first, range.last);
    const update = userInputStep(() =>
      buildSituationUpdate(
        { ledger, dataset, asOf: date, state: run.replay.state },
        {
          title: optionString(values, "title"),
          hindsight,
          lang,
          // The embedded 2018 data is set beside the December 2018 situation report's figures.
          seeds: loaded.embedded ? situationReport2018() : undefined,
          // Rows and sheets of the user's files that no figure uses: said in "Data quality".
          leftOut: leftOutOfFiles(loaded.reports),
          // Said under the basis: the figures are of the corrected data.
          ...(run.corrections && run.correctionsFile !== undefined
            ? {
                corrections: {
                  file: basename(run.correctionsFile),
                  list: run.corrections.corrections,
                },
              }
            : {}),
        },
      ),
    );
    out.write("situation-update.html", renderHtml(update));
    out.write("situation-update.md", renderMarkdown(update));
    // "12,849 people who left, 3,736 asylum claims, …": words and people grouped in the locale of
    // `lang` (formatPeople), no codes.
    const words = situationWords(lang);
    const headline = update.headlines
      .map((h) => `${formatPeople(h.value, lang)} ${words.inSentence(h.category)}`)
      .join(", ");
    context.stderr(cliWords(lang).reportDone(date, headline, out.dir));
    return exitStatus(loaded);
  },
};

/** The refusal of an --as-of outside the data's days. */
function outside(date: string, first: string, last: string): OptionError {
  return new OptionError({ code: "as_of_outside", date, first, last });
}
