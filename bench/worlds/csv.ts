/**
 * Writes stress-world reports as a sightings sheet the way a Spanish-speaking team keeps one
 * (`;`-separated, UTF-8 with BOM, `dd/mm/yyyy` dates, decimal commas in coordinates, `4.000`
 * thousands, Spanish headers), and reads it back through the library's real importer, so the
 * benchmark tests the path users take (docs/contracts.md §1.2 for the columns).
 */
import { createGazetteer, importTable, isoDate } from "../../src/index.ts";
import type { ImportReport, Place, Sighting } from "../../src/index.ts";
import type { RawReport } from "./reports.ts";
import { spanishNumber } from "./reports.ts";

/** Headers as written (accents included); each maps to a docs/contracts.md §1.2 field through the importer's aliases. */
export const STRESS_HEADERS = [
  "id",
  "fecha",
  "lugar",
  "latitud",
  "longitud",
  "caravana",
  "cantidad",
  "mínimo",
  "máximo",
  "fuente",
  "tipo de fuente",
  "observaciones",
] as const;

const SOURCE_WORDS: Record<string, string> = {
  government: "gobierno",
  un: "ONU",
  dtm: "OIM DTM",
  ngo: "ONG",
  media: "medios",
  organiser: "organizadores",
  social_media: "redes sociales",
  other: "otro",
};

function cell(text: string): string {
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function fecha(day: number, hour: number | undefined): string {
  const [y, m, d] = isoDate(day).split("-");
  return hour === undefined
    ? `${d}/${m}/${y}`
    : `${d}/${m}/${y} ${String(hour).padStart(2, "0")}:00`;
}

const decimalComma = (v: number | undefined): string =>
  v === undefined ? "" : String(v).replace(".", ",");

/**
 * The sheet's text (BOM, CRLF line ends), reports in the order given.
 * @example
 * toSpanishCsv([]).split("\r\n")[0]; // => "\ufeffid;fecha;lugar;…"
 */
export function toSpanishCsv(reports: readonly RawReport[]): string {
  const lines = [STRESS_HEADERS.join(";")];
  for (const r of reports) {
    const s = r.size;
    const cantidad = s?.text ?? (s?.best !== undefined ? spanishNumber(s.best) : "");
    const ranged = s && s.text === undefined && s.best === undefined;
    lines.push(
      [
        r.id,
        fecha(r.day, r.hour),
        r.town ?? "",
        decimalComma(r.lat),
        decimalComma(r.lon),
        r.label ?? "",
        cantidad,
        ranged && s.min !== undefined ? spanishNumber(s.min) : "",
        ranged && s.max !== undefined ? spanishNumber(s.max) : "",
        r.sourceOrg,
        SOURCE_WORDS[r.sourceType] ?? "otro",
        r.notes,
      ]
        .map(cell)
        .join(";"),
    );
  }
  return `\ufeff${lines.join("\r\n")}\r\n`;
}

/**
 * Imports the sheet as sightings with the library's importer and the corridor's places.
 * @returns the sightings and the importer's report (rows accepted, rejected, warnings).
 */
export function importSpanishCsv(
  csv: string,
  places: Place[],
  fileName: string,
): { sightings: Sighting[]; report: ImportReport } {
  const result = importTable(csv, {
    kind: "sightings",
    fileName,
    gazetteer: createGazetteer(places),
  });
  return { sightings: result.records as Sighting[], report: result.report };
}
