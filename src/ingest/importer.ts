/**
 * The table importer: bytes or text in (pushed in chunks, or all at once), records and an import
 * report out. CSV/TSV/`;` text is parsed with papaparse's incremental parser (text-feed.ts); XLSX
 * workbooks are read sheet by sheet (workbook-import.ts); each sheet's rows go through a sheet
 * reader (sheet-reader.ts). Every data row ends up either accepted or rejected (with its line,
 * column, value, code and message): `report.accepted + report.rejected === report.dataRows`, always.
 */
import { createStreamDecoder } from "./decode.ts";
import type { StreamDecoder } from "./decode.ts";
import { namedWorkbook, sniffFormat, unsupportedFormat } from "./file-format.ts";
import { ImporterCore } from "./import-core.ts";
import type { ImportOptions, ImportResult, TableImporter } from "./import-options.ts";
import type { ImportReport } from "./report.ts";
import type { TableKind } from "./fields.ts";
import { LABEL_AS_WRITTEN } from "./read-labels.ts";
import { orderExtraColumns } from "./extra-columns.ts";
import { TextFeed } from "./text-feed.ts";
import { importWorkbook } from "./workbook-import.ts";

export type {
  ImportOptions,
  ImportResult,
  ImportedRecord,
  TableImporter,
} from "./import-options.ts";
export { columnLabel } from "./sheet-plan.ts";

/** How pushed chunks are read; `unsupported`: a format the importer refuses (see `finish`). */
type Mode = "unknown" | "text" | "bytes" | "xlsx" | "unsupported";

/**
 * Creates a streaming importer for one file.
 * @param kind the table kind, or undefined to detect it from the headers.
 * @param options see {@link ImportOptions}; `onRecord` makes memory independent of the file size.
 * @example
 * const importer = createTableImporter("counts", { fileName: "conteo.csv" });
 * for (const chunk of chunks) importer.push(chunk); // Uint8Array or string chunks, in order
 * const { records, report } = importer.finish();
 */
export function createTableImporter(
  kind: TableKind | undefined,
  options: ImportOptions = {},
): TableImporter {
  const said = options.kindSaid;
  const core = new ImporterCore({
    ...options,
    ...(kind ? { kind } : {}),
    ...(said ? { kind: said, readOwnOutputs: true } : {}),
  });
  const report = core.report;
  let mode: Mode = "unknown";
  let unsupported: "ods" | "ole2" | "binary" | undefined;
  let decoder: StreamDecoder | undefined;
  const zipParts: Uint8Array[] = [];
  const text = new TextFeed(core);
  let consumed = 0;
  let finished: ImportResult | undefined;

  /** The mode from the first chunk: text, a workbook, a refused format, or bytes to decode. */
  function detect(chunk: Uint8Array | string): void {
    if (typeof chunk === "string") {
      mode = "text";
      report.encoding = "text";
      return;
    }
    const format = sniffFormat(chunk);
    if (format === "zip" || format === "ods") mode = "xlsx";
    else if (format === "ole2" || format === "binary") {
      mode = "unsupported";
      unsupported = format;
    } else {
      mode = "bytes";
      decoder = createStreamDecoder();
    }
  }

  /** The rest of the decoded text, its encoding in the report, then the end of the sheet. */
  function finishText(): void {
    const rest = decoder ? decoder.finish() : "";
    if (decoder) {
      report.encoding = decoder.encoding ?? "utf-8";
      if (decoder.switchedAt !== undefined) {
        core.warn({
          line: 0,
          code: "encoding_switched",
          message: `invalid UTF-8 at byte ${decoder.switchedAt}; the rest of the file was read as Windows-1252.`,
          params: { byte: decoder.switchedAt },
        });
      }
    }
    text.push(rest, true);
    text.finish();
  }

  return {
    get report() {
      return report;
    },
    get consumed() {
      return consumed;
    },
    push(chunk) {
      if (finished) throw new Error("push() after finish()");
      consumed += chunk.length;
      if (mode === "unknown") detect(chunk);
      if (mode === "unsupported") return;
      if (mode === "xlsx") {
        zipParts.push(typeof chunk === "string" ? new TextEncoder().encode(chunk) : chunk);
        return;
      }
      const decoded =
        typeof chunk === "string"
          ? chunk
          : decoder
            ? decoder.push(chunk)
            : new TextDecoder().decode(chunk);
      if (decoder?.encoding) report.encoding = decoder.encoding;
      text.push(decoded, false);
    },
    finish() {
      if (finished) return finished;
      if (mode === "xlsx") importWorkbook(core, zipParts);
      else if (mode === "unsupported")
        report.fatal = unsupportedFormat(unsupported!, core.options.fileName);
      else {
        finishText();
        // Text under a workbook's name (an HTML table a web tool saved as .xls, a file renamed)
        // that no table header fits: said as no workbook, not as a header problem; text that
        // reads as a table is kept (nothing lost).
        if (report.fatal && report.fatal.code !== "empty_file" && namedWorkbook(core.options))
          report.fatal = unsupportedFormat("binary", core.options.fileName);
      }
      // A file with nothing in it has no kind to tell, unless the caller gave one (the layout
      // search still picked one from its empty rows).
      if (report.fatal?.code === "empty_file" && !core.options.kind) {
        core.kind = undefined;
        delete report.kind;
      }
      // A single-sheet reader that saw only blank rows never reached a layout.
      report.kind ??= core.kind;
      // A header with nothing under it (a blank template, an export of an empty form) is as
      // unusable as an empty file: said in one sentence rather than read as "0 rows, all fine".
      if (!report.fatal && report.dataRows === 0 && report.headerRow !== undefined)
        report.fatal = {
          code: "no_data_rows",
          message: `the file has a header (row ${report.headerRow}) but no data rows under it.`,
          params: { row: report.headerRow },
        };
      report.kindSource = core.options.kind ? "given" : "detected";
      finished = { kind: core.kind, records: core.records, report };
      return finished;
    },
  };
}

/**
 * Imports a whole file at once (bytes of a CSV/TSV/XLSX file, or text).
 * @example
 * const { kind, records, report } = importTable(bytes, { fileName: "conteo.csv" });
 * report.accepted + report.rejected === report.dataRows; // => true
 */
export function importTable(input: Uint8Array | string, options: ImportOptions = {}): ImportResult {
  const importer = createTableImporter(options.kind, options);
  importer.push(input);
  return importer.finish();
}

/**
 * Imports a file given as an async iterable of chunks (a Node stream, or chunks a browser read
 * from a `File`), calling `onProgress` after each chunk.
 */
export async function importChunks(
  chunks: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  options: ImportOptions = {},
  onProgress?: (consumed: number, report: ImportReport) => void,
): Promise<ImportResult> {
  const importer = createTableImporter(options.kind, options);
  for await (const chunk of chunks) {
    importer.push(chunk);
    onProgress?.(importer.consumed, importer.report);
  }
  return importer.finish();
}

/** Fields whose unrecognised values are kept as written, under the input column's name. */
const KEPT_AS_WRITTEN = new Set([
  "country",
  "nationality",
  "direction",
  "estimate_method",
  "source_type",
  "confidence",
  "place_pcode",
  "adm1_pcode",
]);

/**
 * Every key the `extra` attributes of this file's records can have: the extra columns, the
 * columns whose unrecognised codes are kept as written, and `place_name_as_written` /
 * `reported_at` for sightings, `fmp_name_as_written` for counts, `caravan_label_as_written` (read-labels.ts), `lat_as_written`/`lon_as_written` with coordinates. Writers that stream (and so must write the header first) use it.
 */
export function possibleExtraKeys(report: ImportReport): string[] {
  const keys = [...report.extraColumns];
  const columns = [...report.columns, ...Object.values(report.sheetColumns ?? {}).flat()];
  for (const c of columns) {
    if (c.field && KEPT_AS_WRITTEN.has(c.field)) keys.push(c.column);
    if (c.field === "sex" || c.field === "age" || c.field === "n") {
      if (!report.pivoted) keys.push(c.column);
    }
  }
  if (report.kind === "sightings") {
    if (columns.some((c) => c.field === "place_name")) keys.push("place_name_as_written");
    if (columns.some((c) => c.field === "reported_at")) keys.push("reported_at");
  }
  if (report.kind === "counts" && columns.some((c) => c.field === "fmp_name"))
    keys.push("fmp_name_as_written");
  if (columns.some((c) => c.field === "caravan_label")) keys.push(LABEL_AS_WRITTEN);
  // Coordinates left for the place's (place_coordinates_far) or a lone one (half_coordinate_*).
  if (columns.some((c) => c.field === "lat" || c.field === "lon" || c.field === "geopoint"))
    keys.push("lat_as_written", "lon_as_written");
  return orderExtraColumns([...new Set(keys)]);
}
