/**
 * The files of a world3 world, as its teams keep them, read back through the library's importer:
 * - `monitoreo.csv`: the monitoring team's sheet (UN, authorities, NGO shelters), Spanish headers,
 *   `;`, `dd/mm/yyyy hh:mm`, `1.234` thousands, a `parte` column;
 * - `press-log.csv`: the press and social-media log, English headers, `,`, ISO times, the part
 *   named only in the notes;
 * - `conteos-fmp.csv`: DTM border-post counts, Spanish headers, by sex and age.
 * Stock figures (claims, returns) are handed over as records.
 */
import { createGazetteer, importTable, isoDate } from "../../src/index.ts";
import type { CountRecord, ImportReport, Place, Sighting } from "../../src/index.ts";
import type { RawReport } from "./sources.ts";
import type { PostCount } from "./tallies.ts";

const SOURCE_ES: Record<string, string> = {
  media: "medios",
  un: "ONU",
  government: "gobierno",
  ngo: "ONG",
};
const METHOD_ES: Record<string, string> = {
  key_informant: "informante clave",
  registration: "registro",
  headcount: "conteo",
  media_report: "prensa",
};

function esCell(text: string): string {
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function enCell(text: string): string {
  return /[,"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** `1.234`-style thousands. */
export function miles(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}

function fecha(day: number, hour?: number): string {
  const [y, m, d] = isoDate(day).split("-");
  return hour === undefined
    ? `${d}/${m}/${y}`
    : `${d}/${m}/${y} ${String(hour).padStart(2, "0")}:00`;
}

/** The Spanish monitoring sheet (UTF-8 with BOM, CRLF). */
export function monitoringSheet(reports: readonly RawReport[]): string {
  const head =
    "id;fecha;lugar;latitud;longitud;caravana;parte;cantidad;mínimo;fuente;tipo de fuente;método;observaciones";
  const lines = [head];
  for (const r of reports) {
    lines.push(
      [
        r.id,
        fecha(r.day, r.hour),
        r.town ?? "",
        r.lat === undefined ? "" : String(r.lat).replace(".", ","),
        r.lon === undefined ? "" : String(r.lon).replace(".", ","),
        r.label ?? "",
        r.part ?? "",
        r.best === undefined ? "" : miles(r.best),
        r.min === undefined ? "" : miles(r.min),
        r.sourceOrg,
        SOURCE_ES[r.sourceType] ?? "otro",
        r.method ? (METHOD_ES[r.method] ?? "") : "",
        r.notes,
      ]
        .map(esCell)
        .join(";"),
    );
  }
  return `\ufeff${lines.join("\r\n")}\r\n`;
}

/** The English press log (plain UTF-8, LF). */
export function pressLog(reports: readonly RawReport[]): string {
  const lines = [
    "id,observed_at,place_name,lat,lon,caravan_label,size_best,size_min,source_org,source_type,notes",
  ];
  for (const r of reports) {
    const notes =
      r.part === "vanguardia"
        ? `The vanguard of the caravan. ${r.notes}`
        : r.part === "grueso"
          ? `The main body of the caravan. ${r.notes}`
          : r.part === "rezagados"
            ? `Stragglers behind the caravan. ${r.notes}`
            : r.notes;
    lines.push(
      [
        r.id,
        `${isoDate(r.day)}T${String(r.hour).padStart(2, "0")}:00`,
        r.town ?? "",
        r.lat === undefined ? "" : String(r.lat),
        r.lon === undefined ? "" : String(r.lon),
        r.label ?? "",
        r.best === undefined ? "" : String(r.best),
        r.min === undefined ? "" : String(r.min),
        r.sourceOrg,
        r.sourceType,
        notes,
      ]
        .map(enCell)
        .join(","),
    );
  }
  return `${lines.join("\n")}\n`;
}

/** The DTM border-post count sheet (Spanish headers). */
export function countSheet(counts: readonly PostCount[]): string {
  const lines = [
    "fecha;cod_punto;punto_de_monitoreo;país;latitud;longitud;dirección;hombres;mujeres;niños;niñas;total;fuente",
  ];
  for (const c of counts) {
    lines.push(
      [
        fecha(c.day),
        c.placeId,
        c.name,
        c.country ?? "",
        String(c.lat).replace(".", ","),
        String(c.lon).replace(".", ","),
        "hacia el norte",
        miles(c.men),
        miles(c.women),
        miles(c.boys),
        miles(c.girls),
        miles(c.men + c.women + c.boys + c.girls),
        "OIM DTM",
      ]
        .map(esCell)
        .join(";"),
    );
  }
  return `\ufeff${lines.join("\r\n")}\r\n`;
}

export interface ImportedWorld {
  sightings: Sighting[];
  counts: CountRecord[];
  reports: ImportReport[];
  rejected: number;
}

/** Reads the three files back through `importTable` with the gazetteer of `places`. */
export function importSheets(
  files: { monitoreo: string; press: string; conteos: string },
  places: Place[],
): ImportedWorld {
  const gazetteer = createGazetteer(places);
  const today = "2019-06-30";
  const es = importTable(files.monitoreo, {
    kind: "sightings",
    fileName: "monitoreo.csv",
    gazetteer,
    today,
  });
  const en = importTable(files.press, {
    kind: "sightings",
    fileName: "press-log.csv",
    gazetteer,
    today,
  });
  const co = importTable(files.conteos, {
    kind: "counts",
    fileName: "conteos-fmp.csv",
    gazetteer,
    today,
  });
  const reports = [es.report, en.report, co.report];
  return {
    sightings: [...(es.records as Sighting[]), ...(en.records as Sighting[])],
    counts: co.records as CountRecord[],
    reports,
    rejected: reports.reduce((a, r) => a + r.rejected, 0),
  };
}
