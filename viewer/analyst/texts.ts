/** Texts of the analyst panel in English and Spanish. File contents are always shown as written. */
import { numberLocale } from "../i18n.ts";
import type { Lang } from "../state.ts";
import type { FileKind } from "./workspace.ts";

const en = {
  title: "Your own files",
  intro:
    "Drop count sheets, sightings, stock figures, places (CSV, XLSX) or a GeoJSON route on the page. They are read in this browser only.",
  choose: "Choose files…",
  dropHere: "Drop the files to import them",
  reset: "Return to the 2018 replay",
  showing2018: "Showing the embedded 2018 replay.",
  showing2018NoneLeft:
    "None of your files can be used any more (see each file below): showing the embedded 2018 replay again.",
  showingFiles: "Showing your files.",
  reading: "Reading",
  rows: "rows",
  estimating: "Estimating tracks…",
  ledger: "Building the ledger…",
  preparing: "Preparing the replay…",
  computing: "Computing the replay…",
  used: "In the replay",
  held: "Not used yet: more rows were rejected than accepted. Fix the column mapping, or use the accepted rows anyway.",
  unusable: "This file cannot be used; the replay is unchanged.",
  failed: "The replay could not be computed with this file; the previous data is kept.",
  estimateWarning: "Estimate warning (as dtm-flow estimate says it)",
  useAnyway: "Use the accepted rows anyway",
  remove: "Remove",
  accepted: "accepted",
  rejected: "rejected",
  dataRows: "data rows",
  warnings: "warnings",
  routeFeatures: "route features",
  mapping: "Column mapping",
  column: "Column",
  field: "Field",
  how: "How",
  noField: "(no field: keep as extra)",
  reimport: "Re-import with this mapping",
  readAs: "It is not dtm-flow's output? Read it as",
  readAsChoose: "(choose what it holds)",
  readAsHeader: "as its header says (dtm-flow's own output: refused)",
  readAsChosen: "Read as you said (like dtm-flow import --kind):",
  incomingIs: "Incoming (entrada) at these points is (like dtm-flow import --incoming-is):",
  incomingUnsaid: "not said (direction read as unknown)",
  incomingNorthbound: "northbound",
  incomingSouthbound: "southbound",
  rejectedRows: "Rejected rows",
  warningRows: "Warnings",
  line: "Line",
  value: "Value",
  reason: "Reason",
  more: "more not shown",
  capped: "the importer kept the first 10,000 details",
  kind: "Kind",
  headerRow: "header row",
  unknownKind: "unknown",
  exportTitle: "Export the frame",
  png: "PNG",
  svg: "SVG",
  webm: "Video (WebM)",
  stopRecording: "Stop recording",
  recording: "Recording…",
  tables: "Tables (CSV, GeoJSON)",
  hxl: "With HXL hashtags (a second header row, for HDX)",
  preparingTables: "Preparing the tables…",
  tablesCorrected:
    "Table of the estimate with your corrections (evidence panel), as dtm-flow estimate and ledger --corrections write it; its name says “corrected”.",
  tablesAsRead:
    "Input table as read, without your corrections (nothing removed or relabelled): give it with your corrections.json to dtm-flow estimate --corrections.",
  tablesFailed: "The tables could not be written:",
  tablesPending: "these corrections are being applied: export again once the map shows them.",
  sources: "Sources",
  moreSources: "more",
  data: "Data",
  basemap: "Basemap: Natural Earth",
  noRecorder: "This browser cannot record the canvas (MediaRecorder).",
};

type Dict = typeof en;

const es: Dict = {
  title: "Sus propios archivos",
  intro:
    "Suelte en la página hojas de conteo, avistamientos, cifras de stock, lugares (CSV, XLSX) o una ruta GeoJSON. Se leen solo en este navegador.",
  choose: "Elegir archivos…",
  dropHere: "Suelte los archivos para importarlos",
  reset: "Volver a la reproducción de 2018",
  showing2018: "Se muestra la reproducción de 2018 incluida.",
  showing2018NoneLeft:
    "Ya no se puede usar ninguno de sus archivos (vea cada archivo abajo): se vuelve a mostrar la reproducción de 2018 incluida.",
  showingFiles: "Se muestran sus archivos.",
  reading: "Leyendo",
  rows: "filas",
  estimating: "Estimando trayectorias…",
  ledger: "Construyendo el balance…",
  preparing: "Preparando la reproducción…",
  computing: "Calculando la reproducción…",
  used: "En la reproducción",
  held: "Aún no se usa: se rechazaron más filas de las que se aceptaron. Corrija la asignación de columnas o use de todos modos las filas aceptadas.",
  unusable: "Este archivo no se puede usar; la reproducción no cambia.",
  estimateWarning: "Aviso de la estimación (como lo dice dtm-flow estimate)",
  failed:
    "No se pudo calcular la reproducción con este archivo; se conservan los datos anteriores.",
  useAnyway: "Usar de todos modos las filas aceptadas",
  remove: "Quitar",
  accepted: "aceptadas",
  rejected: "rechazadas",
  dataRows: "filas de datos",
  warnings: "advertencias",
  routeFeatures: "elementos de ruta",
  mapping: "Asignación de columnas",
  column: "Columna",
  field: "Campo",
  how: "Cómo",
  noField: "(ningún campo: conservar como extra)",
  reimport: "Volver a importar con esta asignación",
  readAs: "¿No es un resultado de dtm-flow? Leerlo como",
  readAsChoose: "(elija qué contiene)",
  readAsHeader: "como dice su encabezado (resultado de dtm-flow: rechazado)",
  readAsChosen: "Leído como usted dijo (como dtm-flow import --kind):",
  incomingIs: "La entrada en estos puntos va (como dtm-flow import --incoming-is):",
  incomingUnsaid: "sin indicar (sentido leído como desconocido)",
  incomingNorthbound: "hacia el norte",
  incomingSouthbound: "hacia el sur",
  rejectedRows: "Filas rechazadas",
  warningRows: "Advertencias",
  line: "Fila",
  value: "Valor",
  reason: "Motivo",
  more: "más sin mostrar",
  capped: "el importador guardó los primeros 10.000 detalles",
  kind: "Tipo",
  headerRow: "fila de encabezado",
  unknownKind: "desconocido",
  exportTitle: "Exportar el cuadro",
  png: "PNG",
  svg: "SVG",
  webm: "Vídeo (WebM)",
  stopRecording: "Detener la grabación",
  recording: "Grabando…",
  tables: "Tablas (CSV, GeoJSON)",
  hxl: "Con etiquetas HXL (una segunda fila de encabezado, para HDX)",
  preparingTables: "Preparando las tablas…",
  tablesCorrected:
    "Tabla de la estimación con sus correcciones (panel de evidencia), como la escriben dtm-flow estimate y ledger --corrections; su nombre dice «corrected».",
  tablesAsRead:
    "Tabla de entrada tal como se leyó, sin sus correcciones (nada quitado ni reetiquetado): désela con su corrections.json a dtm-flow estimate --corrections.",
  tablesFailed: "No se pudieron escribir las tablas:",
  tablesPending:
    "estas correcciones se están aplicando: exporte de nuevo cuando el mapa las muestre.",
  sources: "Fuentes",
  moreSources: "más",
  data: "Datos",
  basemap: "Mapa base: Natural Earth",
  noRecorder: "Este navegador no puede grabar el lienzo (MediaRecorder).",
};

export type AnalystTextKey = keyof Dict;

/** The text of `key` in `lang`. */
export function at(lang: Lang, key: AnalystTextKey): string {
  return (lang === "es" ? es : en)[key];
}

/** Singular forms of the count words, where they differ ("1 warning", "1 advertencia"). */
const ONE: Record<Lang, Partial<Record<AnalystTextKey, string>>> = {
  en: { warnings: "warning", dataRows: "data row", routeFeatures: "route feature" },
  es: {
    accepted: "aceptada",
    rejected: "rechazada",
    warnings: "advertencia",
    dataRows: "fila de datos",
    routeFeatures: "elemento de ruta",
  },
};

/** `n` (formatted for `lang`) and the word of `key`, singular when `n` is 1: "1 warning", "2 warnings". */
export function countOf(lang: Lang, n: number, key: AnalystTextKey): string {
  return `${n.toLocaleString(numberLocale(lang))} ${(n === 1 ? ONE[lang][key] : undefined) ?? at(lang, key)}`;
}

/** A table's kind as the panel names it (the library's kind names are the contract's English). */
const KIND_NAMES: Record<Lang, Record<FileKind, string>> = {
  en: {
    counts: "counts",
    sightings: "sightings",
    stocks: "stock figures",
    places: "places",
    route: "route",
  },
  es: {
    counts: "conteos",
    sightings: "avistamientos",
    stocks: "cifras de stock",
    places: "lugares",
    route: "ruta",
  },
};

/** The kind of a file in `lang` ("conteos"); `unknownKind` when none was found. */
export function kindName(lang: Lang, kind: string | undefined): string {
  if (kind === undefined) return at(lang, "unknownKind");
  return Object.hasOwn(KIND_NAMES[lang], kind) ? KIND_NAMES[lang][kind as FileKind] : kind;
}

/**
 * How a column was recognised (the report's `how`) and its field, in `lang`: the library's words
 * (src/ingest/columnWords.ts), which `dtm-flow validate --lang es` says too.
 */
export {
  columnFieldText as fieldName,
  columnHowText as howName,
  hasFieldWords,
} from "../../src/index.ts";
