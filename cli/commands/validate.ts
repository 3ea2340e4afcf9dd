/** `dtm-flow validate <file> [--kind …]`: the import report only (docs/contracts.md §2). */
import { basename } from "node:path";
import type { Command } from "../command.ts";
import { parseOptions } from "../command.ts";
import { EXIT, EXIT_HELP } from "../errors.ts";
import { OptionError } from "../option-refusals.ts";
import { readPlacesFile, readRouteFile, readTableFile } from "../read-input.ts";
import { COLUMNS_HELP, columnsOptions, sheetsNotFound } from "../columns-option.ts";
import { READING_OPTIONS, readingChoice, readingOptionsHelp } from "../reading-options.ts";
import { DATE_WINDOW_HELP, DATE_WINDOW_OPTIONS, dateWindowOption } from "../dataset-options.ts";
import { TABLE_KINDS, createGazetteer, embedded2018, totalCheckText } from "../../src/index.ts";
import type { ImportReport, SituationLang, TableKind } from "../../src/index.ts";
import { columnLines, sheetColumnLines } from "../column-lines.ts";
import { counted, dataRowsPhrase } from "../plural.ts";
import { issueLine } from "../issue-line.ts";
import type { IssueLineItem } from "../issue-line.ts";
import { LANG_OPTION, langOption } from "../lang-option.ts";
import { cliWords } from "../cli-words.ts";

const HELP = `Usage: dtm-flow validate <file> [options]

Reads one file and prints its import report: the kind, encoding, delimiter, header and HXL rows,
how each column was mapped, and every rejected row (line, column, value, reason) and warning.
Nothing is written. Place names are checked against the embedded 2018 places (and --places).

Files: CSV, TSV, ;-separated text (any of UTF-8, UTF-8 with BOM, UTF-16, Windows-1252) or XLSX
(every sheet); a .geojson/.json file is checked as a route file.

Options:
  --kind <kind>          counts | sightings | stocks | places (default: detected from the headers)
  --places <file>        a places file whose names are known in addition to the embedded ones
${readingOptionsHelp(24)}
${DATE_WINDOW_HELP}
${COLUMNS_HELP}
  --json                 print the whole report as JSON instead of text
  --max-lines <n>        rejections and warnings listed in the text report (default 50)
  --lang <en|es>         language of the text report's counts, rejection reasons and warnings
                         (es: the viewer's Spanish sentences); codes and --json stay the same

Limits (docs/import.md): at most 10,000,000 people in one cell (larger numbers, and any beyond
2^53, are rejected with the reason); dates from 1900-01-01 to the day of the import, and within a
year of the file's other dates unless --from/--to are given. Excel 97–2003 .xls, OpenDocument .ods
and .xlsb files are recognised by content and refused with one sentence (save as .xlsx or CSV).
Also: a route file must be GeoJSON whose routes do not cross the antimeridian and have two
distinct positions each.

${EXIT_HELP}

Examples:
  dtm-flow validate data/samples/kobo-conteo-tecun-uman.csv
  dtm-flow validate data/samples/avistamientos-rangos.csv --kind sightings --json
  dtm-flow validate conteo.csv --columns direction=sentido_x`;

/** The text report: summary, column mapping, rejections, warnings. */
export function formatReportText(
  report: ImportReport,
  maxLines = 50,
  lang: SituationLang = "en",
): string[] {
  const es = lang === "es";
  const lines: string[] = [];
  const words = cliWords(lang);
  lines.push(words.validateFile(report));
  lines.push(words.validateHeader(report));
  lines.push(
    es
      ? `${dataRowsPhrase(report.dataRows, report.rowsBeyondLines, true)}: ${counted(report.accepted, "aceptada")}, ${counted(report.rejected, "rechazada")}; ${counted(report.warnings.length, "aviso")}, ${counted(report.duplicates.length, "duplicado")}, ${counted(report.blankRows, "fila en blanco", "filas en blanco")}, ${counted(report.nonDataRows, "fila de total/encabezado", "filas de total/encabezado")}`
      : `${dataRowsPhrase(report.dataRows, report.rowsBeyondLines, false)}: ${report.accepted} accepted, ${report.rejected} rejected; ${counted(report.warnings.length, "warning")}, ${counted(report.duplicates.length, "duplicate")}, ${counted(report.blankRows, "blank row")}, ${counted(report.nonDataRows, "total/header row")}`,
  );
  lines.push(es ? "columnas:" : "columns:");
  lines.push(...columnLines(report.columns, lang));
  lines.push(...sheetColumnLines(report, lang));
  // The library's sentence (the viewer's too), in both languages.
  for (const t of report.totals) lines.push(totalCheckText(lang, t));
  const list = (title: string, items: IssueLineItem[]) => {
    if (!items.length) return;
    lines.push(`${title}:`);
    for (const i of items.slice(0, maxLines)) lines.push(issueLine(i, "row", lang));
    if (items.length > maxLines)
      lines.push(
        es
          ? `  … ${items.length - maxLines} más (--json las da todas)`
          : `  … ${items.length - maxLines} more (use --json for all)`,
      );
  };
  list(es ? "rechazadas" : "rejected", report.rejections);
  list(es ? "avisos" : "warnings", report.warnings);
  return lines;
}

export const validateCommand: Command = {
  name: "validate",
  summary: "check one input file and print its import report",
  help: HELP,
  async run(argv, context) {
    const { values, positionals } = parseOptions(argv, {
      kind: { type: "string" },
      places: { type: "string" },
      ...READING_OPTIONS,
      columns: { type: "string" },
      ...DATE_WINDOW_OPTIONS,
      json: { type: "boolean" },
      "max-lines": { type: "string" },
      ...LANG_OPTION,
    });
    const lang = langOption(values);
    if (positionals.length !== 1) throw new OptionError({ code: "validate_one_file" });
    const file = positionals[0]!;
    const kind = values.kind as string | undefined;
    if (kind !== undefined && !TABLE_KINDS.includes(kind as TableKind)) {
      throw new OptionError({
        code: "not_a_choice",
        option: "kind",
        value: kind,
        choices: TABLE_KINDS,
      });
    }
    const reading = readingChoice(values);
    const columns = columnsOptions(values.columns as string | undefined);
    const dateWindow = dateWindowOption(values);
    const maxLines = Number(values["max-lines"] ?? 50);
    if (/\.(geo)?json$/i.test(file)) {
      const r = readRouteFile(file, context, lang);
      if (values.json) context.stdout(JSON.stringify(r.report, null, 2));
      else {
        context.stdout(
          cliWords(lang).validateRoute({
            name: basename(file),
            features: r.report.features,
            accepted: r.report.accepted,
            rejected: r.report.rejected,
          }),
        );
        for (const x of [...r.report.rejections, ...r.report.warnings])
          context.stdout(issueLine(x, "feature", lang));
      }
      return r.report.rejected ? EXIT.rejected : EXIT.ok;
    }
    let places = embedded2018().places;
    if (values.places) {
      const p = await readPlacesFile(values.places as string, context, { lang });
      places = [...(p.records as typeof places), ...places];
    }
    const result = await readTableFile(file, kind as TableKind | undefined, context, {
      mappable: true,
      lang,
      ...(kind !== undefined ? { kindSaid: kind as TableKind } : {}),
      gazetteer: createGazetteer(places),
      ...reading,
      ...columns,
      ...(dateWindow ? { dateWindow } : {}),
      onRecord: () => {},
    });
    const report = result.report;
    const missing = sheetsNotFound(columns.sheetColumns, [report]);
    if (missing.length)
      context.stderr(cliWords(lang).columnsSheetUnknown(missing, report.sheets ?? []));
    if (values.json) context.stdout(JSON.stringify(report, null, 2));
    else
      for (const line of formatReportText(report, Number.isFinite(maxLines) ? maxLines : 50, lang))
        context.stdout(line);
    return report.rejected > 0 ? EXIT.rejected : EXIT.ok;
  },
};
