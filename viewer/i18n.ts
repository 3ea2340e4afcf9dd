/**
 * Interface texts in English and Spanish. Data (sources, notes) is shown as it came; place names
 * in their Spanish form when the gazetteer has one (`placeLabel`).
 */
import { situationWords, MAX_SILENCE_DAYS } from "../src/index.ts";
import type { SplitCategory, StockCategory } from "../src/index.ts";
import type { Lang, LayerId } from "./state.ts";

/** The directions in words, for the legend and the border points' counts (written once). */
const DIRECTION_WORDS: Readonly<Record<Lang, Record<"northbound" | "southbound", string>>> = {
  en: { northbound: "northbound", southbound: "southbound" },
  es: { northbound: "hacia el norte", southbound: "hacia el sur" },
};

/** The situation panel's words: the library's, which the `report` command's files also use. */
const SITUATION_EN = situationWords("en");
const SITUATION_ES = situationWords("es");

const en = {
  title: "Caravans of Oct–Dec 2018: movement, flows and outcomes",
  play: "Play",
  pause: "Pause",
  stepBack: "Previous day",
  stepForward: "Next day",
  speed: "Speed",
  daysPerSecond: "days/s",
  dayPerSecond: "day/s",
  date: "Date",
  scrubber: "Replay date",
  theme: "Dark theme",
  language: "Español",
  languageLabel: "Cambiar a español",
  layers: "Layers",
  map: "Map of the corridor from Honduras and El Salvador to Tijuana",
  splitTitle: "Where the people who left are",
  splitNoteLedger:
    "Estimated people by category (ledger); 90 % intervals on hover and in the readout below.",
  headlineTitle: "Latest figures reported by the sources, as of",
  headlineNone: "No figure reported yet.",
  multiplesTitle: "People present at places, against shelter capacity",
  capacity: "capacity",
  noCapacity: "capacity not reported",
  details: "Details",
  detailsHint: "Select a group or a border point on the map (click, or Tab then Enter).",
  close: "Close",
  size: "People (estimate)",
  kmAlong: "Km along the route",
  body: "Body on the road (tail–head)",
  interval: "90 % interval",
  reports: "Reports behind the estimate",
  noReports: "No report names this group.",
  confidence: "confidence",
  /** A source's confidence code in words (`confidence: high`). */
  confidenceHigh: "high",
  confidenceMedium: "medium",
  confidenceLow: "low",
  sizeUnknown: "size not given",
  /** A group the state counts as unseen (no report for more than MAX_SILENCE_DAYS days). */
  notSeenSince: "not seen since",
  /** An arrived group whose people the counts at its destination hold ("arrived 17 Nov"). */
  arrivedOn: "arrived",
  /** A group's status of the day when it is not on the road (the state's, src/state/groupStatus.ts). */
  /** How an arrived group's people are accounted on the day (details panel). */
  arrivedCounted:
    "Arrived on {date}: its people are now counted at places (present at {place} in the situation panel), not by this size.",
  arrivedHeld:
    "Arrived on {date}: {held} of its people, whom no count at {place} holds yet, are counted present there (estimated, not counted); the rest are in the places' counts.",
  arrivedSizeNote:
    "The size is the group's estimated size, not people at a place: the estimator keeps reading reports that name the group after it arrived (people at its destination whom the sources attribute to the group), so it can still change; after its last report it is held.",
  onRoadPeople: "On the road this day (the ledger's in transit)",
  accounting: "Accounted as",
  statusArrived: "arrived at the end of its route",
  statusAccountedFor: "accounted for: all its people counted at places",
  statusDissolved: "dissolved: no report for more than {days} days",
  unseenNote:
    "No report for more than {days} days: its people are counted as unknown, not on the road; the position is its last estimate.",
  countsByDay: "Counts by day and direction",
  noCounts: "No counts at this point.",
  estimated: "Positions and sizes estimated from all sources (90 % intervals).",
  loadingReading: "Reading the data…",
  loadingEstimating: "Estimating where each group is (the library's estimator)…",
  loadingLedger: "Building the ledger of where people went…",
  loadingPreparing: "Preparing the map…",
  legendGroup: "group body; dot: median person",
  legendHalo: "halo: 90 % interval of size",
  legendBand: "band: 90 % interval of position",
  legendUncertain: "dashed: very uncertain",
  legendUnseen: "grey ring: not seen since its last report of any kind (unknown)",
  legendNorth: DIRECTION_WORDS.en.northbound,
  legendSouth: DIRECTION_WORDS.en.southbound,
  source: "Source",
  sources: "Sources",
  people: "people",
  loading: "Loading the 2018 replay…",
  failed: "The replay could not be loaded:",
  keyboardHelp: "Space: play/pause · ←/→: a day · Home/End: start/end · +/−: zoom",
  skipToControls: "Skip to the replay controls",
  zoomIn: "Zoom in",
  zoomOut: "Zoom out",
  zoomReset: "Whole corridor",
  day: "day",
  present: "present",
  northbound: DIRECTION_WORDS.en.northbound,
  southbound: DIRECTION_WORDS.en.southbound,
  unknown: "unknown direction",
  basemapCredit: "Basemap: Natural Earth",
  situationTitle: SITUATION_EN.situationTitle,
  situationNone: SITUATION_EN.situationNone,
  situationHindsight: SITUATION_EN.situationHindsight,
  /** The situation panel's switch: the replay of all the data, or as of the day. */
  basisSwitch: "Figures",
  basisHindsight: "With hindsight",
  basisAsOf: "As known on",
  situationAsOf: `As known on the day (the figures of dtm-flow report --as-of): ${SITUATION_EN.asOfBasis}`,
  asOfComputing: "computing the figures as known on the day…",
  asOfFailed: "The figures as known on the day could not be computed:",
  asOfRetry: "Switch again or change the day to try again.",
  asOfOtherData:
    "As known on the day cannot be computed for this replay; these figures are with hindsight.",
  asOfScope:
    "The split readout follows this switch; the map, the split chart, the small multiples of people present and the time–distance chart stay with hindsight and say so.",
  asOfScopeForecast: "The forecast panel shows the groups as known on the day.",
  asOfAfterData:
    "After the data: no figures as known on this day (dtm-flow report --as-of refuses it). The data run from",
  asOfBeforeData:
    "Before the data: no figures as known on this day (dtm-flow report --as-of refuses it). The data run from",
  /** The label on the panels that stay with hindsight while the switch is "As known on <day>". */
  hindsightBadge: "With hindsight: all the data, later reports included",
  departed: SITUATION_EN.departed,
  placesByStatus: SITUATION_EN.placesByStatus,
  dataQuality: SITUATION_EN.dataQuality,
  place: SITUATION_EN.place,
  travelling: SITUATION_EN.travelling,
  resting: SITUATION_EN.resting,
  waiting: SITUATION_EN.waiting,
  staying: SITUATION_EN.staying,
  noPlace: SITUATION_EN.noPlace,
};

type Dict = typeof en;

const es: Dict = {
  title: "Caravanas de oct.–dic. 2018: movimiento, flujos y desenlaces",
  play: "Reproducir",
  pause: "Pausa",
  stepBack: "Día anterior",
  stepForward: "Día siguiente",
  speed: "Velocidad",
  daysPerSecond: "días/s",
  dayPerSecond: "día/s",
  date: "Fecha",
  scrubber: "Fecha de la reproducción",
  theme: "Tema oscuro",
  language: "English",
  languageLabel: "Switch to English",
  layers: "Capas",
  map: "Mapa del corredor desde Honduras y El Salvador hasta Tijuana",
  splitTitle: "Dónde están las personas que salieron",
  splitNoteLedger:
    "Personas estimadas por categoría (balance); intervalos del 90 % al pasar el cursor y debajo.",
  headlineTitle: "Últimas cifras reportadas por las fuentes, al",
  headlineNone: "Aún no hay cifras reportadas.",
  multiplesTitle: "Personas presentes en cada lugar, frente a la capacidad del albergue",
  capacity: "capacidad",
  noCapacity: "capacidad no reportada",
  details: "Detalles",
  detailsHint: "Seleccione un grupo o un punto fronterizo en el mapa (clic, o Tab y luego Intro).",
  close: "Cerrar",
  size: "Personas (estimación)",
  kmAlong: "Km a lo largo de la ruta",
  body: "Cuerpo en la carretera (cola–cabeza)",
  interval: "intervalo del 90 %",
  reports: "Reportes en que se basa la estimación",
  noReports: "Ningún reporte nombra este grupo.",
  confidence: "confianza",
  confidenceHigh: "alta",
  confidenceMedium: "media",
  confidenceLow: "baja",
  sizeUnknown: "sin cifra",
  notSeenSince: "sin reportes desde el",
  arrivedOn: "llegó el",
  arrivedCounted:
    "Llegó el {date}: sus personas ya se cuentan en los lugares (presentes en {place}, en el panel de situación), no con este tamaño.",
  arrivedHeld:
    "Llegó el {date}: {held} de sus personas, que ningún conteo en {place} incluye aún, se cuentan como presentes allí (estimadas, no contadas); las demás están en los conteos de los lugares.",
  arrivedSizeNote:
    "El tamaño es el estimado del grupo, no personas en un lugar: el estimador sigue leyendo los reportes que nombran al grupo después de su llegada (personas en su destino que las fuentes atribuyen al grupo), así que puede seguir cambiando; tras su último reporte se mantiene.",
  onRoadPeople: "En camino este día (en tránsito del balance)",
  accounting: "Contabilizado como",
  statusArrived: "llegó al final de su ruta",
  statusAccountedFor: "contabilizado: todas sus personas contadas en lugares",
  statusDissolved: "disuelto: sin reportes desde hace más de {days} días",
  unseenNote:
    "Sin reportes desde hace más de {days} días: sus personas se cuentan como desconocidas, no en camino; la posición es su última estimación.",
  countsByDay: "Conteos por día y dirección",
  noCounts: "No hay conteos en este punto.",
  estimated: "Posiciones y tamaños estimados con todas las fuentes (intervalos del 90 %).",
  loadingReading: "Leyendo los datos…",
  loadingEstimating: "Estimando dónde está cada grupo (el estimador de la biblioteca)…",
  loadingLedger: "Construyendo el balance de adónde fueron las personas…",
  loadingPreparing: "Preparando el mapa…",
  legendGroup: "cuerpo del grupo; punto: persona mediana",
  legendHalo: "halo: intervalo del 90 % del tamaño",
  legendBand: "franja: intervalo del 90 % de la posición",
  legendUncertain: "discontinuo: muy incierto",
  legendUnseen: "anillo gris: sin reportes de ningún tipo desde hace tiempo (desconocido)",
  legendNorth: DIRECTION_WORDS.es.northbound,
  legendSouth: DIRECTION_WORDS.es.southbound,
  source: "Fuente",
  sources: "Fuentes",
  people: "personas",
  loading: "Cargando la reproducción de 2018…",
  failed: "No se pudo cargar la reproducción:",
  keyboardHelp: "Espacio: reproducir/pausa · ←/→: un día · Inicio/Fin: principio/final · +/−: zoom",
  skipToControls: "Ir a los controles de la reproducción",
  zoomIn: "Acercar",
  zoomOut: "Alejar",
  zoomReset: "Todo el corredor",
  day: "día",
  present: "presentes",
  northbound: DIRECTION_WORDS.es.northbound,
  southbound: DIRECTION_WORDS.es.southbound,
  unknown: "dirección desconocida",
  basemapCredit: "Mapa base: Natural Earth",
  situationTitle: SITUATION_ES.situationTitle,
  situationNone: SITUATION_ES.situationNone,
  situationHindsight: SITUATION_ES.situationHindsight,
  basisSwitch: "Cifras",
  basisHindsight: "En retrospectiva",
  basisAsOf: "Como se sabía el",
  situationAsOf: `Como se sabía ese día (las cifras de dtm-flow report --as-of): ${SITUATION_ES.asOfBasis}`,
  asOfComputing: "calculando las cifras como se sabían ese día…",
  asOfFailed: "No se pudieron calcular las cifras como se sabían ese día:",
  asOfRetry: "Vuelva a elegir o cambie de día para intentarlo de nuevo.",
  asOfOtherData:
    "Como se sabía ese día no se puede calcular para esta reproducción; estas cifras son en retrospectiva.",
  asOfScope:
    "La lectura del reparto sigue esta opción; el mapa, el gráfico del reparto, los gráficos de personas presentes y el gráfico tiempo–distancia quedan en retrospectiva y lo dicen.",
  asOfScopeForecast: "El panel de pronóstico muestra los grupos como se sabían ese día.",
  asOfAfterData:
    "Después de los datos: no hay cifras como se sabían este día (dtm-flow report --as-of lo rechaza). Los datos van del",
  asOfBeforeData:
    "Antes de los datos: no hay cifras como se sabían este día (dtm-flow report --as-of lo rechaza). Los datos van del",
  hindsightBadge: "En retrospectiva: todos los datos, incluidos los reportes posteriores",
  departed: SITUATION_ES.departed,
  placesByStatus: SITUATION_ES.placesByStatus,
  dataQuality: SITUATION_ES.dataQuality,
  place: SITUATION_ES.place,
  travelling: SITUATION_ES.travelling,
  resting: SITUATION_ES.resting,
  waiting: SITUATION_ES.waiting,
  staying: SITUATION_ES.staying,
  noPlace: SITUATION_ES.noPlace,
};

export type TextKey = keyof Dict;
const DICTS: Record<Lang, Dict> = { en, es };

/** The interface text for `key` in `lang`. */
export function tr(lang: Lang, key: TextKey): string {
  return DICTS[lang][key];
}

/** A replay speed in days per second: "1 day/s", "2 days/s" ("1 día/s", "2 días/s"). */
export function speedLabel(lang: Lang, daysPerSecond: number): string {
  return `${daysPerSecond} ${tr(lang, daysPerSecond === 1 ? "dayPerSecond" : "daysPerSecond")}`;
}

const CATEGORY: Record<Lang, Record<SplitCategory, string>> = {
  en: {
    asylum_claim: "Asylum claims",
    return: "Returns",
    remaining: "Remaining",
    regularized: "Regularised (visas)",
    onward: "Onward",
    other: "Other",
    in_transit: "In transit",
    unknown: "Unknown",
  },
  es: {
    asylum_claim: "Solicitudes de asilo",
    return: "Retornos",
    remaining: "Permanecen",
    regularized: "Regularizados (visas)",
    onward: "Siguieron",
    other: "Otros",
    in_transit: "En tránsito",
    unknown: "Desconocido",
  },
};

/** Name of a split / stock category. */
export function categoryName(lang: Lang, c: SplitCategory | StockCategory): string {
  return CATEGORY[lang][c];
}

/**
 * A category in words within a sentence, in `lang` (a code not known is shown as written); the
 * heading form is `categoryName`. English: the library's words (src/ledger/describe.ts).
 * @example
 * categoryWords("es", "unknown"); // => "personas de paradero desconocido"
 */
export function categoryWords(lang: Lang, c: string): string {
  // The situation update's one word table (src/report/words.ts), as the report command's.
  return (lang === "es" ? SITUATION_ES : SITUATION_EN).inSentence(c);
}

const LAYER_NAMES: Record<Lang, Record<LayerId, string>> = {
  en: {
    routes: "Route",
    places: "Places",
    labels: "Labels",
    groups: "Groups",
    uncertainty: "Uncertainty",
    trails: "Trails",
    flows: "Border flows",
  },
  es: {
    routes: "Ruta",
    places: "Lugares",
    labels: "Etiquetas",
    groups: "Grupos",
    uncertainty: "Incertidumbre",
    trails: "Estelas",
    flows: "Flujos fronterizos",
  },
};

export function layerName(lang: Lang, l: LayerId): string {
  return LAYER_NAMES[lang][l];
}

/**
 * A data set's name as shown in `lang`: the embedded 2018 name is translated wherever it appears
 * (alone, or after an analyst's file names: "conteo.csv + Caravans Oct–Dec 2018 (embedded)");
 * names of the user's own files are shown as they came. The rule and the words are the situation
 * update's (src/report/words.ts), so the report's files and the viewer say the same.
 */
export function datasetName(lang: Lang, name: string): string {
  return situationWords(lang).datasetName(name);
}

/** Place names in the language: the library's one rule (src/geo/placeLabel.ts). */
export { placeLabel } from "../src/index.ts";
export type { PlaceName, PlaceNames } from "../src/index.ts";

/**
 * The Intl locale for numbers and dates in `lang`. Spanish is `es-MX` (Mexico and Central America:
 * comma for thousands, point for decimals, "12,849.5"); bare `es` would give "12.849,5", so every
 * number the viewer prints goes through this.
 * @example
 * (12849.5).toLocaleString(numberLocale("es")); // => "12,849.5"
 */
export function numberLocale(lang: Lang): "es-MX" | "en-GB" {
  return lang === "es" ? "es-MX" : "en-GB";
}

/** A date formatted for people (UTC: dates are calendar dates, not instants). */
export function formatDate(lang: Lang, iso: string, withYear = true): string {
  const d = new Date(`${iso.slice(0, 10)}T12:00:00Z`);
  return new Intl.DateTimeFormat(numberLocale(lang), {
    day: "numeric",
    month: "short",
    ...(withYear ? { year: "numeric" } : {}),
    timeZone: "UTC",
  }).format(d);
}

/**
 * A figure exactly as computed, grouped by thousands in the language's style (17,500 m²;
 * 55.7 m³), for planning figures that other files give exactly (scenario-summary.csv).
 * @param digits most decimals shown (default 3); the library's precision where it states one
 *   (`NEEDS_SHOWN_DECIMALS` for the needs a plan reads).
 */
export function formatExact(lang: Lang, v: number, digits = 3): string {
  return new Intl.NumberFormat(numberLocale(lang), {
    maximumFractionDigits: digits,
  }).format(v);
}

/**
 * A count of people, whole people with the language's thousands separators: the one number
 * format of the viewer for people, the library's rule (`formatPeople` of src/ledger/describe.ts,
 * which the CLI's reports and files follow), so a figure on screen is the figure in the files
 * (the report's 29,915 (26,559–37,891), not 29,920 (26,560–37,890)); estimates and their 90 %
 * intervals alike (the intervals say how uncertain a figure is, the rounding would not).
 * @example
 * formatCount("es", 12849.4); // => "12,849"
 */
export function formatCount(lang: Lang, v: number): string {
  return new Intl.NumberFormat(numberLocale(lang)).format(Math.round(v));
}

/**
 * The state's status of a group in words, for a group not on the road ("arrived at the end of its
 * route"); empty for on_road or an unknown status.
 */
export function groupStatusText(lang: Lang, status: string | undefined): string {
  if (status === "arrived") return tr(lang, "statusArrived");
  if (status === "accounted_for") return tr(lang, "statusAccountedFor");
  if (status === "dissolved")
    return tr(lang, "statusDissolved").replace("{days}", String(MAX_SILENCE_DAYS));
  return "";
}

/** "not seen since 1 Nov" / "sin reportes desde el 1 nov": a group the state counts as unseen. */
export function notSeenSinceText(lang: Lang, iso: string): string {
  return `${tr(lang, "notSeenSince")} ${formatDate(lang, iso, false)}`;
}

/** "arrived 17 Nov" / "llegó el 17 nov": an arrived group whose people the counts there hold. */
export function arrivedOnText(lang: Lang, iso: string): string {
  return `${tr(lang, "arrivedOn")} ${formatDate(lang, iso, false)}`;
}

/** Why an unseen group has no one on the road, with the library's longest silence in days. */
export function unseenNoteText(lang: Lang): string {
  return tr(lang, "unseenNote").replace("{days}", String(MAX_SILENCE_DAYS));
}
