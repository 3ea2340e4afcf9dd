/**
 * The reason of a rejected row, a warning or a file that cannot be read, in English or Spanish,
 * and where it is (line, sheet, file): the one place front ends (viewer, notebooks) take these
 * words from. The importer gives each issue a `code`, the English `message`, and the values the
 * message is made of (`column`, `value`, `suggestions`, `params`; report.ts, IssueParams); in
 * Spanish each code of IMPORT_ISSUE_CODES is said again from those values. An issue without the
 * values its Spanish needs shows the English sentence, never a half-translated one.
 */
import { ROUTE_GEOMETRY_ES } from "../geo/routeGeometryText.ts";
import { SPANISH_BASIS, SPANISH_DIRECTION } from "./enums.ts";
import { ownOutputNamed } from "./own-outputs.ts";
import { columnHeaderText } from "./column-shown.ts";
import { suggestionNames } from "./suggestion-names.ts";
import { rejectedHeldText } from "./running-totals.ts";
import type { ImportIssueCode } from "./issue-codes.ts";
import type { IssueParams, TotalCheck } from "./report.ts";

/** The languages the import's reasons are said in. */
export type IssueLang = "en" | "es";

/** What is read of a rejection, a warning or a file's fatal problem. */
export interface IssueLike {
  code: string;
  message: string;
  column?: string;
  value?: string;
  suggestions?: string[];
  params?: IssueParams;
}

/**
 * The front end an issue is said in: the viewer's file panel (its column mapper is below the
 * sentence) or the command line (which says `--columns` after it, cli/read-input.ts).
 */
export type IssueFront = "viewer" | "cli";

/** The values of one issue, with `c` the column and `v` the cell as written. */
interface Parts {
  c: string;
  v: string;
  p: IssueParams;
  suggestions: string[];
  /** Where the sentence is shown; default the viewer. */
  front?: IssueFront;
}

/** The end of a missing column's sentence in Spanish, by front end: what to do about it there. */
const MISSING_COLUMN_END: Record<IssueFront, string> = {
  viewer: "; revise el encabezado o asigne la columna abajo.",
  cli: "; revise el encabezado.",
};

const q = (s: string | number) => `«${s}»`;
/** `(la fila rechazada 5 tiene 1,895)`: running-totals.ts `rejectedHeldText` in Spanish. */
const rejectedHeldEs = (lines: string, held: number) => {
  const list = lines.split(", ");
  const shown = list.length > 5 ? `${list.slice(0, 5).join(", ")}, …` : lines;
  return list.length === 1
    ? `(la fila rechazada ${shown} tiene ${n(held)})`
    : `(las filas rechazadas ${shown} tienen ${n(held)})`;
};
const n = (x: string | number | undefined) =>
  typeof x === "number" ? x.toLocaleString("es-MX") : x;
/** What an approximate figure was read as: its range or bound (`params.min`/`max`) or `read`. */
const approximateRead = (p: IssueParams) => {
  const min = p["min"];
  const max = p["max"];
  if (min !== undefined && max !== undefined) return `${n(min)}–${n(max)}`;
  if (min !== undefined) return `≥ ${n(min)}`;
  if (max !== undefined) return `≤ ${n(max)}`;
  return n(p["read"]);
};
/** invalid_coordinate by its cause (`params.variant`; read-places.ts, read-numbers.ts). */
const COORDINATE_PROBLEM: Record<string, (c: string, v: string, p: IssueParams) => string> = {
  sign: (c, v) =>
    `${c} ${q(v)}: el signo dice un hemisferio y la letra el otro; escriba solo uno de los dos.`,
  letter: (c, v, p) =>
    `${c} ${q(v)} lleva una ${p["axis"] === "lat" ? "letra de latitud (N o S)" : "letra de longitud (E, W u O)"}, no una de ${p["field"] === "lat" ? "latitud" : "longitud"}.`,
  range: (_c, v) => `las coordenadas ${v} no son grados válidos.`,
};
/** The earlier row an issue names (`params.first`), with its sheet when on another one (`firstSheet`). */
const firstRow = (p: IssueParams) =>
  p["firstSheet"] !== undefined
    ? `la fila ${p["first"]} de la hoja ${q(p["firstSheet"])}`
    : `la fila ${p["first"]}`;

/** What a blank required cell should have held (`params.need`), in Spanish. */
const NEED: Record<string, string> = {
  date: "se necesita una fecha",
  people: "se necesita un número de personas",
  name: "un lugar necesita un nombre",
  coordinates: "un lugar necesita latitud y longitud",
  category: "se necesita una categoría",
  basis: `indique cumulative (${SPANISH_BASIS.cumulative}) o present (${SPANISH_BASIS.present})`,
};

/** The workbook formats the importer does not read, in Spanish (unsupported_format). */
const UNREAD_FORMAT_ES: Record<string, string> = {
  ole2: "un libro de Excel 97–2003 (.xls),",
  ods: "una hoja de cálculo OpenDocument (.ods),",
  xlsb: "un libro binario de Excel (.xlsb),",
};

/** Table kinds in Spanish (for a missing column). */
const KIND: Record<string, string> = {
  counts: "conteos",
  sightings: "avistamientos",
  stocks: "cifras de stock",
  places: "lugares",
};

type Template = (x: Parts) => string | undefined;

/** A sheet not read (skipped-sheet.ts): its probe's reason in Spanish, and its data rows rejected. */
function skippedSheet(p: IssueParams, front?: IssueFront): string {
  if (p["summary"] !== undefined) {
    const rows = Number(p["summaryRows"] ?? 0);
    const said = "una hoja de resumen (su nombre lo dice)";
    const what = rows === 1 ? "su fila no se lee" : `sus ${rows} filas no se leen`;
    return `la hoja ${q(String(p["sheet"]))} se omite: ${said}, no son datos; ${what} (cambie el nombre de la hoja, o dele una columna de punto, si tiene conteos propios).`;
  }
  // The reason in the front end's words (the viewer's column mapper is below it; the CLI's is not).
  const reason =
    p["reason"] !== undefined
      ? issueText(
          "es",
          {
            code: String(p["reason"]),
            message: String(p["reasonText"] ?? ""),
            params: p,
          },
          front,
        ).replace(/\.$/, "")
      : `no tiene un encabezado utilizable en sus primeras ${p["rows"]} filas`;
  const rows = Number(p["dataRows"] ?? 0);
  if (!rows) return `la hoja ${q(String(p["sheet"]))} se omite: ${reason}.`;
  const counted =
    rows === 1
      ? "su fila de datos cuenta como rechazada"
      : `sus ${rows} filas de datos cuentan como rechazadas`;
  return `la hoja ${q(String(p["sheet"]))} no se lee: ${reason}; ${counted}.`;
}

function unknownPlace({ c, v, p, suggestions }: Parts): string | undefined {
  const said = `${c} ${q(v)}`;
  if (p["variant"] === "pcode_several")
    return `${said} es un P-código de ${suggestions.length} lugares conocidos (${suggestions.join(", ")}): escriba el nombre del lugar.`;
  if (p["variant"] === "pcode_none")
    return `${said} parece un P-código, pero ningún lugar conocido está en él: escriba el nombre del lugar, agréguelo a un archivo de lugares (adm2_pcode) o indique lat/lon.`;
  const mean = suggestions.length ? `; ¿quiso decir ${suggestions.map(q).join(", ")}?` : ".";
  return `${said} no es un lugar conocido${mean} Agréguelo a un archivo de lugares o indique lat/lon.`;
}

function outsideWindow({ c, p }: Parts): string | undefined {
  if (p["first"] !== undefined && p["maxGapDays"] !== undefined)
    return `${c} ${p["date"]} está a más de ${n(p["maxGapDays"])} días de las demás fechas de este archivo (${p["first"]} a ${p["last"]}); revise el año o indique las fechas que se aceptan.`;
  if (p["date"] === undefined) return undefined;
  return `${c} ${p["date"]} está fuera de las fechas pedidas (${p["from"] || "cualquiera"} a ${p["to"] || "cualquiera"}).`;
}

/** Spanish reasons by code: every code of IMPORT_ISSUE_CODES (the compiler checks). */
/** Month names for the day-past-the-month's-end reason (`invalid_date` with `month`). */
const MESES = [
  "enero",
  "febrero",
  "marzo",
  "abril",
  "mayo",
  "junio",
  "julio",
  "agosto",
  "septiembre",
  "octubre",
  "noviembre",
  "diciembre",
];

const ES: Record<ImportIssueCode, Template> = {
  missing_value: ({ c, p }) => {
    const need = NEED[String(p["need"])];
    return need ? `${c}: celda vacía; ${need}.` : undefined;
  },
  invalid_date: ({ c, v, p }) =>
    p["month"] !== undefined
      ? `${c} ${q(v)} no es una fecha utilizable: ${MESES[Number(p["month"]) - 1]}${Number(p["month"]) === 2 ? ` de ${p["year"]}` : ""} tiene ${p["days"]} días.`
      : `${c} ${q(v)} no es una fecha utilizable: se espera p. ej. 2018-10-13, 13/10/2018 o 13 de octubre de 2018.`,
  date_imprecise: ({ c, v }) =>
    `${c} ${q(v)} no es una fecha utilizable: se necesita el día, no solo el mes o el año.`,
  date_too_early: ({ c, p }) =>
    p["date"] ? `${c} ${p["date"]} es anterior a ${p["earliest"]}; revise el año.` : undefined,
  date_in_future: ({ c, p }) =>
    p["date"]
      ? `${c} ${p["date"]} es posterior al día de la importación (${p["today"]}); revise el año.`
      : undefined,
  date_outside_window: outsideWindow,
  unknown_place: unknownPlace,
  negative_count: ({ c, v }) =>
    v.startsWith("(")
      ? `${c} ${q(v)} es negativo (-${v.slice(1, -1).trim()} en el formato contable de Excel); un conteo es de personas, 0 o más.`
      : `${c}: valor negativo (${v}); un conteo es de personas, 0 o más.`,
  formula_text: ({ c, v }) =>
    `${c} ${q(v)} es una fórmula escrita como texto, no su valor: guarde la hoja con el resultado de la fórmula (o escriba el número) e impórtela de nuevo.`,
  not_integer: ({ c, v }) => `${c} ${q(v)} no es un número entero de personas.`,
  invalid_number: ({ c, v }) => `${c} ${q(v)} no es un número.`,
  not_a_count: ({ c, v }) =>
    `${c} ${q(v)} es un rango o un límite; un conteo necesita un solo número (los tamaños con rangos van en un archivo de avistamientos).`,
  range_inverted: ({ c, v }) => `${c} ${q(v)}: el extremo bajo es mayor que el alto.`,
  too_many_people: ({ c, v }) =>
    `${c} ${q(v)} supera el máximo de personas que puede indicar una fila; revise la celda.`,
  invalid_direction: ({ c, v }) =>
    `${c} ${q(v)} no es una dirección: use ${SPANISH_DIRECTION.northbound}/northbound, ${SPANISH_DIRECTION.southbound}/southbound o unknown.`,
  invalid_category: ({ c, v, p }) =>
    p["choices"] !== undefined ? `${c} ${q(v)} no es una de ${p["choices"]}.` : undefined,
  invalid_basis: ({ c, v }) =>
    `${c} ${q(v)} no es cumulative (${SPANISH_BASIS.cumulative}) ni present (${SPANISH_BASIS.present}).`,
  missing_place: ({ p }) =>
    p["extraColumn"] !== undefined
      ? `falta el punto en sus columnas (fmp_id, fmp_name, lat/lon), pero la columna ${q(p["extraColumn"])}, conservada como columna adicional, dice ${q(p["place"] ?? "")}; si nombra el punto, asígnela: --columns fmp_name=${p["extraColumn"]}.`
      : "falta el lugar: indique el nombre del lugar o del punto, o latitud y longitud.",
  missing_total: ({ c, p }) => {
    if (p["columns"] === undefined) return undefined;
    // `sum` is given only when some part is (convert-count.ts), as the English says it.
    const partsGiven = p["sum"] !== undefined ? ` (las partes dadas suman ${n(p["sum"])})` : "";
    if (p["columns"] === "") {
      const es: Record<string, string> = {
        men: "hombres",
        women: "mujeres",
        boys: "niños varones",
        girls: "niñas",
      };
      const absent = String(p["absent"] ?? "")
        .split("\t")
        .map((f) => es[f] ?? f);
      return `${c}: celda vacía, y la hoja no tiene columna de ${absent.length > 1 ? `${absent.slice(0, -1).join(", ")} o ${absent.at(-1)}` : absent[0]}, así que el total se desconoce${partsGiven}.`;
    }
    const cells = String(p["cells"] ?? "").split("\t");
    const parts = String(p["columns"])
      .split("\t")
      .map((col, i) => (cells[i] ? `${col} ${q(cells[i])}` : `${col} (vacía)`));
    const list = parts.length > 1 ? `${parts.slice(0, -1).join(", ")} y ${parts.at(-1)}` : parts[0];
    return `${c}: celda vacía, y ${list} no ${parts.length > 1 ? "dan" : "da"} un número, así que el total se desconoce${partsGiven}.`;
  },
  point_name_in_id_column: ({ c, v, p }) =>
    p["place"] !== undefined
      ? `${c} ${q(v)} no es un código de punto sino el nombre de ${p["placeEs"] ?? p["place"]}: se escribe como fmp_name «${p["place"]}» (tal como está escrito, en fmp_name_as_written), para que el punto sea uno solo, lo nombre la columna que lo nombre; se dice solo en su primera fila.`
      : undefined,
  parts_exceed_total: ({ p }) =>
    p["sum"] !== undefined
      ? `las partes suman ${n(p["sum"])}, más que el total de ${n(p["total"])}.`
      : undefined,
  uac_exceeds_children: ({ p }) =>
    p["uac"] !== undefined
      ? `los niños no acompañados (${n(p["uac"])}) son más que niños + niñas (${n(p["children"])}).`
      : undefined,
  uac_exceeds_total: ({ p }) =>
    p["uac"] !== undefined
      ? `los niños no acompañados (${n(p["uac"])}) son más que el total (${n(p["total"])}).`
      : undefined,
  half_coordinate: () => "solo se da una de latitud y longitud.",
  total_row: () => "una fila de Total; se omite (no son datos).",
  total_row_mismatch: ({ c, p }) =>
    p["stated"] !== undefined
      ? `la fila de Total dice ${n(p["stated"])} en ${c}; las filas aceptadas de arriba suman ${n(p["computed"])}${p["rejectedLines"] !== undefined ? ` ${rejectedHeldEs(String(p["rejectedLines"]), Number(p["rejectedHeld"]))}` : ""}.`
      : undefined,
  total_from_parts: ({ c, p }) =>
    p["sum"] !== undefined
      ? `${c}: celda vacía; se toma la suma de las partes (${n(p["sum"])}).`
      : undefined,
  approximate: ({ c, v, p }) =>
    p["read"] !== undefined
      ? `${c} ${q(v)} es aproximado; se lee como ${approximateRead(p)}.`
      : undefined,
  approximate_without_size: ({ c }) =>
    `${c} dice que el tamaño es aproximado, pero la fila no da tamaño; se ignora la marca.`,
  direction_relative: ({ c, v, p }) =>
    p["tally"]
      ? `la columna ${c} es relativa al punto; se lee como desconocida (indique cuál de entrada y salida va hacia el norte en este punto: --incoming-is en la línea de comandos, incomingIs en la biblioteca).`
      : v
        ? `${c} ${q(v)} es relativa al punto; se lee como desconocida (indique cuál de entrada y salida va hacia el norte en este punto: --incoming-is en la línea de comandos, incomingIs en la biblioteca; o escriba norte/sur en la columna del sentido).`
        : undefined,
  direction_blank: ({ c }) => `${c}: celda vacía; la dirección se lee como desconocida.`,
  children_sex_unknown: ({ c, p }) =>
    p["at"] !== undefined
      ? `la columna ${p["at"]} ${q(c)} cuenta niños y niñas (la hoja no tiene columna de niñas), así que no se lee como niños varones: se conserva tal como está escrita, como el atributo extra ${q(c)} (asígnela con --columns boys=<columna> si cuenta solo varones).`
      : undefined,
  direction_column_missing: () =>
    "no hay columna de dirección; todas las filas se leen con dirección desconocida (añada una columna Dirección, o asígnela con --columns direction=<columna>, para decir norte o sur).",
  place_name_qualified: ({ c, v, p }) =>
    p["qualifierIs"] === "point_name"
      ? `${c} ${q(v)} se ubica en ${p["place"]} (${q(p["qualifier"]!)} queda como parte del nombre del punto).`
      : p["qualifierIs"] === "other"
        ? `${c} ${q(v)} se ubica en ${p["place"]} (${q(p["qualifier"]!)} no es su departamento, estado o país).`
        : p["place"] !== undefined
          ? `${c} ${q(v)} se lee como ${p["place"]} (las palabras después de ${q(p["head"]!)} se toman como su municipio, departamento, estado o país).`
          : undefined,
  place_from_code: ({ c, v, p }) => {
    if (p["place"] === undefined) return undefined;
    const read = `se lee como ${p["place"]}.`;
    if (p["how"] === "id") return `${c} ${q(v)} es el identificador de ${p["place"]}; ${read}`;
    const holds =
      p["others"] !== undefined
        ? `la única ciudad en él; ${p["others"]}, en el mismo municipio, se escriben por nombre o identificador`
        : "el único lugar conocido en él";
    return `${c} ${q(v)} es el P-código de ${p["place"]} (${holds}); ${read}`;
  },
  point_without_position: ({ c, v, p }) =>
    v
      ? `${c} ${q(v)} no es el identificador, el nombre ni el P-código de un solo lugar conocido${
          p["suggested"] !== undefined
            ? ` (¿quiso decir ${String(p["suggestedEs"] ?? p["suggested"])
                .split(", ")
                .map(q)
                .join(", ")}?)`
            : ""
        }, y la fila no da lat/lon: se conserva, pero sin posición (el estimador la deja de lado). Agregue el punto a un archivo de lugares, o indique su nombre o lat/lon.`
      : undefined,
  several_countries: ({ c, v, p }) =>
    p["countries"] !== undefined
      ? `${c} ${q(v)} nombra varios países (${p["countries"]}), y una fila lleva uno: se conserva tal como está escrito en los atributos extra (dé una fila por país para contar cada uno).`
      : undefined,
  unknown_country: ({ c, v }) =>
    v
      ? `${c} ${q(v)} no es un código ni un nombre de país conocido; se conserva tal como está escrito en los atributos extra.`
      : undefined,
  merged_cells_filled: ({ p }) =>
    p["ranges"] !== undefined
      ? `${p["count"] === 1 ? "1 rango combinado" : `${p["count"]} rangos combinados`} de celdas de datos (${p["ranges"]}) se leen con el valor del rango en cada una de sus celdas, como los muestra Excel (el archivo guarda el valor solo en la celda superior izquierda).`
      : undefined,
  sheet_skipped: ({ p, front }) =>
    p["repeat"] !== undefined
      ? `la hoja ${q(p["sheet"]!)} se omite: es un grupo de repetición de Kobo (sus filas pertenecen a los envíos de la hoja principal por _parent_index), no una tabla propia.`
      : p["sheet"] !== undefined
        ? skippedSheet(p, front)
        : undefined,
  point_from_sheet_name: ({ p }) =>
    p["sheet"] !== undefined
      ? `no hay columna de punto; el nombre de la hoja ${q(p["sheet"])} se usa como fmp_name.`
      : undefined,
  duplicate_column: ({ p }) =>
    p["field"] !== undefined
      ? `las columnas ${p["firstAt"]} ${q(p["first"]!)} y ${p["otherAt"]} ${q(p["other"]!)} se leen ambas como ${p["field"]}: ${p["field"]} se toma de la columna ${p["firstAt"]}; la columna ${p["otherAt"]} se conserva como el atributo extra ${q(p["other"]!)} (elija otra en la asignación de columnas).`
      : undefined,
  time_from_column: ({ p }) =>
    p["time"] !== undefined
      ? `la hora de cada observación se lee de la columna ${q(p["time"])} y se añade a la fecha de la columna ${q(p["date"]!)}; ${q(p["time"])} también se conserva tal como está escrita.`
      : undefined,
  invalid_time: ({ c, v }) =>
    `${c} ${q(v)} no es una hora del día (p. ej. 06:30 o 2:30 p. m.); la fila se lee solo con su fecha.`,
  time_conflict: ({ c, v, p }) =>
    p["dateTime"] !== undefined
      ? `${p["dateColumn"] ?? "la fecha"} tiene la hora ${p["dateTime"]} y ${c} dice ${q(v)}; se lee a las ${p["dateTime"]}.`
      : undefined,
  half_coordinate_ignored: ({ v, p }) =>
    p["place"] !== undefined
      ? `solo se da la ${p["given"] === "lat" ? "latitud" : "longitud"} (${v}), no la ${p["given"] === "lat" ? "longitud" : "latitud"}: se deja de lado y la fila se ubica por ${p["placeColumn"]} ${q(p["place"])}.`
      : undefined,
  half_coordinate_far: ({ v, p }) =>
    p["place"] !== undefined
      ? `solo se da la ${p["given"] === "lat" ? "latitud" : "longitud"} (${v}), no la ${p["given"] === "lat" ? "longitud" : "latitud"}, y está a más de 0,5° de la de ${p["place"]} (${n(p["own"])}): se deja de lado y la fila se ubica en ${p["place"]}; revise la celda.`
      : undefined,
  place_coordinates_far: ({ c, v, p }) =>
    p["place"] !== undefined && p["km"] !== undefined
      ? `${p["place"]} está a ${n(p["km"])} km de las coordenadas dadas (${p["lat"]}, ${p["lon"]}${p["near"] !== undefined ? `, cerca de ${p["near"]}` : ""}): la fila se ubica en ${p["place"]}, como dice ${c} ${q(v)}, y las coordenadas se conservan tal como se escribieron en lat_as_written y lon_as_written; revise la fila.`
      : undefined,
  invalid_coordinate: ({ c, v, p }) => COORDINATE_PROBLEM[String(p["variant"])]?.(c, v, p),
  duplicate_row: ({ p }) =>
    p["first"] !== undefined ? `igual que la fila ${p["first"]}; se conserva una vez.` : undefined,
  duplicate_record: ({ p }) =>
    p["first"] !== undefined
      ? `se lee igual que ${firstRow(p)} (misma hora, lugar, grupo, cifras, fuente y notas, escritos de otro modo); se conserva una vez.`
      : undefined,
  thousands_separator_mismatch: ({ c, v, p }) =>
    p["mark"] !== undefined && p["fileMark"] !== undefined && p["first"] !== undefined
      ? `${c} ${q(v)} separa los miles con ${q(p["mark"])}, pero este archivo los separa con ${q(p["fileMark"])} (primero en ${firstRow(p)}: ${q(p["firstValue"] ?? "")}); se lee como ${n(p["read"])} personas, pues una cifra de personas es entera, pero donde ${q(p["fileMark"])} separa los miles ${q(p["mark"])} es la coma decimal: revise la celda.`
      : undefined,
  duplicate_sighting_id: ({ v, p }) =>
    p["first"] !== undefined
      ? `el sighting_id ${q(v)} ya es el de ${firstRow(p)}, un reporte que dice otra cosa; se conserva el primero y esta fila se deja fuera: dé a cada reporte su propio id e importe el archivo de nuevo.`
      : undefined,
  sighting_id_qualified: ({ v, p }) =>
    p["id"] !== undefined
      ? `el sighting_id ${q(v)} es también el de ${firstRow(p)}: este reporte se conserva como ${q(p["id"])} para que cada reporte tenga su propio id.`
      : undefined,
  resubmission: ({ p }) =>
    p["first"] !== undefined
      ? `reenvío de Kobo: mismo _uuid que la fila ${p["first"]}; se conserva el primer envío.`
      : undefined,
  missing_column: ({ p, front }) =>
    p["columns"] !== undefined
      ? `no hay columna ${p["columns"]} para una tabla de ${KIND[String(p["kind"])] ?? p["kind"]} en la fila ${p["row"]}${p["lookedFor"] !== undefined ? ` (se buscaron los encabezados ${p["lookedFor"]})` : ""}${MISSING_COLUMN_END[front ?? "viewer"]}`
      : undefined,
  own_output: ({ p }) => {
    const own = p["output"] !== undefined ? ownOutputNamed(String(p["output"])) : undefined;
    return own
      ? `es el ${own.file} que escribe dtm-flow (${own.es.what}), no datos para leer: dé ${own.es.instead}.`
      : undefined;
  },
  empty_file: ({ p }) =>
    p["variant"] === "no_sheets"
      ? "el libro de Excel no tiene hojas."
      : "el archivo no tiene filas con datos.",
  excel_error: ({ c, v, p }) =>
    p["blanked"] !== undefined
      ? `${c} contiene el error de Excel ${v} (una fórmula que falló), no un valor: se deja vacía y se conserva la fila (su fecha, lugar y cifras son válidos); corrija la fórmula en la hoja.`
      : `${c} contiene el error de Excel ${v} (una fórmula que falló), no un valor: corrija la fórmula en la hoja, o vacíe la celda si el valor no se conoce.`,
  place_name_abbreviated: ({ c, v, p }) =>
    p["place"] !== undefined
      ? `${c} ${q(v)} se lee como ${p["place"]} (con la abreviatura escrita entera: ${q(p["long"]!)}).`
      : undefined,
  place_name_near_other: ({ c, v, p }) =>
    p["nearest"] !== undefined
      ? `${c} ${q(v)} es ${p["place"]}, a ${p["km"]} km de las coordenadas de la fila, pero ${p["nearest"]} está más cerca (${p["nearestKm"]} km): el punto conserva su nombre tal como está escrito; escriba el nombre del propio punto si es ${p["nearest"]}.`
      : undefined,
  place_name_replaced_characters: ({ c, v, p }) =>
    p["place"] !== undefined
      ? `${c} ${q(v)} se lee como ${p["place"]} (cada ?, _ o \uFFFD se lee como una letra que la codificación del archivo perdió: guarde la hoja como «CSV UTF-8» para conservarlas).`
      : undefined,
  unlikely_count: ({ c, p }) =>
    p["people"] !== undefined
      ? `${c}: ${n(p["people"])} personas en una fila son más de diez veces la mayor caravana de 2018 (hasta unas ${n(7000)}, ACNUR, 23 oct 2018); se conserva, pero revise si sobra una cifra.`
      : undefined,
  no_data_rows: ({ p }) =>
    p["row"] !== undefined
      ? `el archivo tiene un encabezado (fila ${p["row"]}) pero ninguna fila de datos debajo.`
      : undefined,
  caravan_label_spelling: ({ c, v, p }) =>
    p["label"] !== undefined
      ? `${c} ${q(v)} se lee como ${q(p["label"])}, como la escribe ${firstRow(p)} (la misma etiqueta con otras mayúsculas, acentos o espacios: un grupo, no dos); se conserva tal como está escrita en caravan_label_as_written.`
      : undefined,
  best_outside_range: ({ p }) =>
    p["best"] !== undefined
      ? `el tamaño más probable ${n(p["best"])} está fuera del rango ${n(p["min"])}–${n(p["max"])}.`
      : "el tamaño más probable está fuera de su rango.",
  cells_beyond_header: ({ p }) =>
    p["cells"] !== undefined
      ? `la fila tiene ${p["cells"]} celdas y el encabezado ${p["width"]}: ${p["shown"]} después de la última columna ${p["stray"] === 1 ? "no se lee" : "no se leen"} (¿un separador de más, o una columna sin encabezado?).`
      : undefined,
  column_mapping_conflict: ({ p }) =>
    p["variant"] === "two_meanings"
      ? `la asignación de columnas da a la columna ${q(p["column"]!)} dos significados (${q(p["first"]!)} y ${q(p["second"]!)}).`
      : p["variant"] === "two_columns"
        ? `la asignación de columnas da el campo ${q(p["field"]!)} a dos columnas (${q(p["first"]!)} y ${q(p["second"]!)}).`
        : "la asignación de columnas da un mismo campo a dos columnas, o dos campos a una: revísela.",
  coordinates_swapped: ({ p }) =>
    p["read"] !== undefined
      ? `la latitud y la longitud parecen intercambiadas; se leen como ${p["read"]} (revise las columnas).`
      : "la latitud y la longitud parecen intercambiadas; se leen al revés (revise las columnas).",
  count_scope_from_header: ({ c, p }) =>
    p["scope"] !== undefined
      ? `la columna ${p["at"]} ${q(c)} cuenta ${p["scope"] === "place" ? "las personas en un lugar (la ocupación de un albergue)" : "las personas que pasan por un punto ese día"}, no un grupo entero: la cifra de cada fila se lee como «al menos» para su grupo, y el encabezado se añade a las notas de la fila, donde lo lee el estimador.`
      : undefined,
  date_order_conflict: ({ p }) =>
    p["dmy"] !== undefined
      ? `las fechas con barras no concuerdan (${p["dmy"]} ${p["dmy"] === 1 ? "parece" : "parecen"} día/mes, ${p["mdy"]} mes/día); las ambiguas se leen como ${p["order"] === "mdy" ? "mm/dd" : "dd/mm"}.`
      : undefined,
  date_order_undecided: ({ p }) =>
    p["dates"] !== undefined
      ? `ninguna fecha de las primeras filas muestra si ${p["dates"]} ${p["dates"] === 1 ? "fecha con barras es" : "fechas con barras son"} día/mes o mes/día; se leen como dd/mm/aaaa (si son mm/dd, indique --date-order mdy, o dateOrder en la biblioteca).`
      : undefined,
  duplicate_place_id: ({ v, p }) =>
    p["first"] !== undefined
      ? `el place_id ${q(v)} ya lo usa la fila ${p["first"]} (${q(p["firstName"]!)}); se conserva la primera fila.`
      : undefined,
  place_name_shared: ({ v, p }) =>
    p["first"] === undefined
      ? undefined
      : p["country"] !== undefined
        ? `el nombre ${q(v)} también lo lleva la fila ${p["first"]} (${q(p["firstName"]!)}, ${p["firstId"]}) en ${p["country"]}, a ${n(p["km"])} km; el país de cada fila elige entre ellos (sin país, el primero).`
        : `el nombre ${q(v)} también lo lleva la fila ${p["first"]} (${q(p["firstName"]!)}, ${p["firstId"]}), a ${n(p["km"])} km: ¿dos identificadores para un mismo lugar? El nombre se lee como el primero.`,
  place_name_conflict: ({ v, p }) =>
    p["first"] !== undefined
      ? `el nombre ${q(v)} ya lo lleva la fila ${p["first"]} (${q(p["firstName"]!)}, ${p["firstId"]}), a ${n(p["km"])} km; un conteo que lo nombre podría referirse a cualquiera de los dos, así que se conserva la primera fila (cambie uno de los nombres, o dé a cada uno su país).`
      : undefined,
  encoding_switched: ({ p }) =>
    p["byte"] !== undefined
      ? `UTF-8 no válido en el byte ${n(p["byte"])}; el resto del archivo se leyó como Windows-1252.`
      : undefined,
  id_generated: ({ v }) => `place_id está vacío; se le asigna ${v || "un identificador"}.`,
  invalid_geopoint: ({ c, v }) => `${c} ${q(v)} no tiene la forma «lat lon [altitud precisión]».`,
  invalid_kind: ({ c, v }) => `${c} ${q(v)} no es uno de city, border_crossing, fmp, shelter.`,
  kind_blank: () => "el tipo de lugar está vacío; se lee como city.",
  long_total_mismatch: ({ p }) =>
    p["stated"] !== undefined
      ? `en el formato largo, la fila de total dice ${n(p["stated"])}, pero las filas de sexo × edad suman ${n(p["sum"])}.`
      : "en el formato largo, la fila de total no coincide con la suma de sus partes.",
  repeat_group_rows: ({ p }) =>
    p["variant"] === "direction"
      ? `las columnas ${p["columns"]} son una columna por sentido: cada fila se lee como dos filas de conteo, una por sentido escrito (el encabezado de cada una de ${p["columns"]} como sentido relativo al punto, norte o sur según --incoming-is / incomingIs; la celda de la columna como total), con la fecha y el punto de la fila en cada una; las filas conservan la línea de la fila.`
      : p["variant"] === "nationality"
        ? `las columnas ${p["columns"]} son una columna por nacionalidad: cada fila se lee como una fila de conteo por nacionalidad escrita (el encabezado de su columna como nacionalidad, su celda como total), con la fecha, el punto y la dirección de la fila en cada una; las filas conservan la línea de la fila, y una columna Total de la fila se conserva como la columna extra total_de_la_fila.`
        : p["variant"] === "sheet"
          ? `la hoja «${p["group"]}» es un grupo de repetición de Kobo: cada fila se lee con las columnas de su envío en la hoja «${p["main"]}» (${p["fields"]}), unidas por ${p["through"]}.${p["orphans"] ? ` Las filas ${p["orphans"]} nombran un envío que no está en «${p["main"]}»: se leen sin sus columnas.` : ""}`
          : `las columnas ${p["group"]}[1]/… a ${p["group"]}[${p["instances"]}]/… son las ${p["instances"]} repeticiones del grupo de repetición de Kobo ${p["group"]}: cada envío se lee como una fila por repetición escrita (${p["fields"]}), con la fecha, el punto y la dirección del envío en cada una; las filas conservan la línea del envío.`,
  number_too_large: ({ c, v }) =>
    `${c} ${q(v)} pasa de 2^53, demasiado grande para guardarse exactamente y muy por encima del máximo de personas que puede indicar una fila; revise la celda.`,
  outside_region: ({ p }) =>
    p["variant"] === "sign"
      ? `la longitud ${p["lon"]} está fuera de la región; ¿falta un signo menos?`
      : p["variant"] === "far"
        ? `las coordenadas ${p["lat"]}, ${p["lon"]} están fuera de la región cubierta (de Centroamérica a la frontera de EE. UU.).`
        : undefined,
  parts_do_not_add_up: ({ p }) =>
    p["sum"] !== undefined
      ? `hombres + mujeres + niños + niñas = ${n(p["sum"])}, no el total de ${n(p["total"])}.`
      : undefined,
  pcode_format: ({ c, v }) =>
    v ? `${c} ${q(v)} no parece un P-código (dos letras y cifras).` : undefined,
  repeated_header: () => "una copia de la fila de encabezado; se omite.",
  size_only: () =>
    "sin lugar ni coordenadas: se acepta solo como dato de tamaño (p. ej. una cifra nacional).",
  subtotal_row: () => "una fila de subtotal; se omite (no son datos).",
  unclosed_quote: () =>
    'unas comillas (") abiertas en esta fila no se cierran, así que todo lo que sigue hasta el final del archivo se leyó como una sola celda: cierre las comillas o quítelas.',
  unknown_code: ({ c, v }) =>
    v
      ? `${c} ${q(v)} no es un código conocido; se deja vacío y se conserva tal como está escrito en los atributos extra.`
      : undefined,
  unknown_column: ({ p }) =>
    p["key"] !== undefined
      ? `la asignación de columnas nombra una columna ${q(p["key"])} que el encabezado de la fila ${p["row"]} no tiene: sus columnas son ${p["columns"]} (también puede indicar su posición, contando desde 0).`
      : "la asignación de columnas nombra una columna que el encabezado no tiene (también puede indicar su posición, contando desde 0).",
  unknown_field: ({ p }) =>
    p["field"] !== undefined
      ? `la asignación de columnas da a la columna ${q(p["column"]!)} el campo ${q(p["field"])}, que no es un campo de una tabla de ${KIND[String(p["kind"])] ?? p["kind"]}: use uno de ${p["fields"]}, o «extra» o «ignore».`
      : "la asignación de columnas da a una columna un campo que no existe en este tipo de tabla.",
  unreadable_xlsx: () =>
    "el libro de Excel no se puede leer (¿dañado o protegido?): vuelva a guardarlo desde Excel (Archivo > Guardar como > Libro de Excel) o exporte la hoja como CSV, e impórtelo.",
  unsupported_format: ({ p }) =>
    p["variant"] === "named_workbook"
      ? `el archivo se llama ${p["ext"]} pero no es un libro de Excel legible (dañado, u otro tipo de archivo con ese nombre): vuelva a guardarlo desde Excel (Archivo > Guardar como > Libro de Excel) o exporte la hoja como CSV, e impórtelo.`
      : p["format"] === "binary"
        ? "el archivo contiene datos binarios, no una tabla escrita como texto (¿un PDF, una imagen, un archivo comprimido o dañado?): exporte la hoja como CSV o .xlsx e impórtela."
        : `el archivo es ${UNREAD_FORMAT_ES[String(p["format"])] ?? "de un formato"} que el importador no lee: guárdelo como .xlsx o CSV e impórtelo.`,
  // Route files (GeoJSON): `line` is the feature's position in the collection.
  bad_coordinates: ({ p }) => ROUTE_GEOMETRY_ES.bad_coordinates(p),
  crosses_antimeridian: ({ p }) => ROUTE_GEOMETRY_ES.crosses_antimeridian(p),
  crs_ignored: () =>
    "el archivo de rutas tiene un miembro crs, que RFC 7946 eliminó; las coordenadas se leen como grados WGS84 [lon, lat].",
  duplicate_route_id: ({ v, p }) => {
    const id = v || p["id"];
    return `el route_id ${id !== undefined ? q(id) + " " : ""}se usa dos veces.`;
  },
  extra_position_values: ({ p }) =>
    p["position"] !== undefined
      ? `la posición ${p["position"]} tiene ${p["values"]} valores, más que [lon, lat, altitud]; solo se leen lon y lat.`
      : "una posición tiene más valores que [lon, lat, altitud]; solo se leen lon y lat.",
  invalid_json: () => "el archivo de rutas no es JSON.",
  no_routes: ({ p }) => {
    const none = "el archivo de rutas no tiene ninguna ruta LineString utilizable";
    if (p["firstCode"] === undefined) return `${none}.`;
    // Its first reason, said from its own values (route.ts `firstReason`).
    const code = String(p["firstCode"]);
    const inner: IssueParams = {};
    for (const [k, v] of Object.entries(p)) if (k.startsWith("first.")) inner[k.slice(6)] = v;
    const first = Object.hasOwn(ES, code)
      ? ES[code as ImportIssueCode]({ c: "", v: "", p: inner, suggestions: [] })
      : undefined;
    if (first === undefined) return undefined;
    const more = Number(p["more"]);
    const rest = more ? ` (y ${more} ${more > 1 ? "problemas más" : "problema más"})` : "";
    const where = p["firstLine"] !== undefined ? `el elemento ${p["firstLine"]}: ` : "";
    return `${none}; ${where}${first.replace(/\.$/, "")}${rest}.`;
  },
  not_a_feature: () => "el elemento no es un Feature de GeoJSON con geometría.",
  not_a_linestring: ({ p }) => ROUTE_GEOMETRY_ES.not_a_linestring(p),
  not_geojson: () =>
    "el archivo de rutas no es una FeatureCollection de GeoJSON con LineStrings y propiedades route_id.",
  repeated_vertex: ({ p }) =>
    p["positions"] !== undefined
      ? `la ruta repite la posición anterior en ${p["count"] === 1 ? "la posición" : "las posiciones"} ${p["positions"]}${Number(p["more"]) > 0 ? ` y ${p["more"]} más` : ""}; se conserva (un tramo de longitud cero no cambia los km).`
      : "la ruta repite la posición anterior; se conserva (un tramo de longitud cero no cambia los km).",
  route_id_generated: ({ p }) =>
    p["id"] !== undefined
      ? `el elemento no tiene route_id; se le asigna ${q(p["id"])} por su posición.`
      : "el elemento no tiene route_id; se le asigna uno por su posición.",
  segment_too_long: ({ p }) => ROUTE_GEOMETRY_ES.segment_too_long(p),
  too_few_positions: ({ p }) => ROUTE_GEOMETRY_ES.too_few_positions(p),
  zero_length: ({ p }) => ROUTE_GEOMETRY_ES.zero_length(p),
};

/**
 * The reason of an issue in `lang`: the library's English sentence in English; in Spanish the
 * Spanish form of its code, or the English sentence when the issue lacks the values it needs.
 * `front`: where it is shown (default the viewer); a missing column's Spanish sentence ends with
 * what to do there (the viewer's column mapper below; the command line adds its `--columns` hint).
 * @example
 * issueText("es", { code: "invalid_date", message: "…", column: "Fecha", value: "13/13/2018" });
 * // => 'Fecha «13/13/2018» no es una fecha utilizable: se espera p. ej. 2018-10-13, …'
 */
export function issueText(lang: IssueLang, issue: IssueLike, front: IssueFront = "viewer"): string {
  if (lang !== "es") return issue.message;
  // Own keys only: a code such as "constructor" is no template.
  const template = Object.hasOwn(ES, issue.code)
    ? (ES as Record<string, Template | undefined>)[issue.code]
    : undefined;
  const p = issue.params ?? {};
  const text = template?.({
    c: columnHeaderText("es", issue.column ?? ""),
    v: issue.value ?? "",
    p,
    suggestions: suggestionNames("es", issue),
    front,
  });
  if (text === undefined) return issue.message;
  // A row rejected because its whole file is unusable (sheet-reader.ts: `params.unusable`).
  return p["unusable"] !== undefined ? `archivo inutilizable: ${text}` : text;
}

/**
 * The reason of a rejected row with the suggested names after it ("→ Tapachula") only when the
 * reason does not already name them (an unknown place's reason asks "did you mean …?" itself).
 */
export function issueReason(
  lang: IssueLang,
  issue: IssueLike,
  front: IssueFront = "viewer",
): string {
  const reason = issueText(lang, issue, front);
  const names = suggestionNames(lang, issue);
  const unnamed = names.some((s) => !reason.includes(s));
  return unnamed ? `${reason} → ${names.join(", ")}` : reason;
}

/** The noun of a numbered item in `issueWhere`'s words form: a table's row or a route file's feature. */
export type IssueUnit = "row" | "feature";

const UNIT_WORDS: Record<IssueLang, Record<IssueUnit, string>> = {
  en: { row: "row", feature: "feature" },
  es: { row: "fila", feature: "elemento" },
};

/**
 * Where an issue is. The one rule for every front end: line 0 is about a whole sheet or file (a
 * skipped sheet, a point taken from the sheet name), not a row, and is said as `sheet Resumen` /
 * `hoja Resumen`, `file` / `archivo`. A row is said as a table cell, `12` or `Resumen!12`
 * (sheet!row, as a spreadsheet names a cell's sheet: the viewer's and notebook's tables), or, with
 * `unit`, in words for a line of text: `row 12`, `Resumen row 12` (`fila 12`, `Resumen fila 12`;
 * the command line's issue lines).
 */
export function issueWhere(
  lang: IssueLang,
  issue: { line: number; sheet?: string | undefined },
  unit?: IssueUnit,
): string {
  if (issue.line > 0) {
    if (unit)
      return `${issue.sheet ? `${issue.sheet} ` : ""}${UNIT_WORDS[lang][unit]} ${issue.line}`;
    return issue.sheet ? `${issue.sheet}!${issue.line}` : String(issue.line);
  }
  if (issue.sheet) return `${lang === "es" ? "hoja" : "sheet"} ${issue.sheet}`;
  return lang === "es" ? "archivo" : "file";
}

/**
 * A Total row of the file set against the accepted rows above it, in one sentence:
 * "Total row 12 (sheet Resumen): Total personas says 2,500; the accepted rows add up to 2,440."
 */
export function totalCheckText(lang: IssueLang, t: TotalCheck): string {
  const f = (x: number) => x.toLocaleString(lang === "es" ? "es-MX" : "en-US");
  if (lang === "es") {
    // "La fila de Total (fila 12, …)": "Fila de Total 12" reads as "Total row number 12".
    const where = `La fila de Total (fila ${t.line}${t.sheet ? `, hoja ${t.sheet}` : ""})`;
    const held = t.rejected
      ? ` ${rejectedHeldEs(t.rejected.lines.join(", "), t.rejected.held)}`
      : "";
    return `${where}: ${t.column} dice ${f(t.stated)}; las filas aceptadas suman ${f(t.computed)}${t.matches ? " ✓" : ` — no coinciden${held}`}.`;
  }
  const where = `Total row ${t.line}${t.sheet ? ` (sheet ${t.sheet})` : ""}`;
  const held = t.rejected ? ` ${rejectedHeldText(t.rejected)}` : "";
  return `${where}: ${t.column} says ${f(t.stated)}; the accepted rows add up to ${f(t.computed)}${t.matches ? " ✓" : ` — they differ${held}`}.`;
}

/** The codes with a Spanish form (for tests: every code of IMPORT_ISSUE_CODES). */
export const SPANISH_ISSUE_CODES: readonly string[] = Object.keys(ES);
