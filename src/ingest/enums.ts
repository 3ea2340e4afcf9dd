/**
 * Code lists read from what people write (Spanish or English, any case, with or without accents):
 * direction, estimate method, source type, confidence, stock category and basis, place kind,
 * countries (ISO3, ISO2, names and demonyms → ISO3).
 */
import type { Confidence, EstimateMethod, SourceType } from "../model/source.ts";
import type { Direction } from "../model/count.ts";
import type { StockBasis, StockCategory } from "../model/stock.ts";
import type { PlaceKind } from "../model/place.ts";
import { normalizeKey } from "./normalize.ts";

function table<T extends string>(entries: Record<T, string[]>): Map<string, T> {
  const map = new Map<string, T>();
  for (const [value, aliases] of Object.entries(entries) as [T, string[]][]) {
    map.set(normalizeKey(value), value);
    for (const alias of aliases) map.set(normalizeKey(alias), value);
  }
  return map;
}

/**
 * The Spanish word of each direction and stock basis: the first alias the tables below accept,
 * and the word the importer's messages and the viewer's Spanish reasons name
 * (viewer/analyst/issueText.ts), so it is written once.
 */
export const SPANISH_DIRECTION: Readonly<Record<"northbound" | "southbound", string>> = {
  northbound: "norte",
  southbound: "sur",
};
/** The Spanish word of each stock category, named beside its code when a category is refused. */
export const SPANISH_CATEGORY: Readonly<Record<StockCategory, string>> = {
  asylum_claim: "solicitud de asilo",
  return: "retorno",
  remaining: "permanecen",
  regularized: "regularizado",
  onward: "continuaron",
  other: "otro",
};

/**
 * The categories a stock figure may have, each with its Spanish word, for the sentence refusing
 * another: "asylum_claim (solicitud de asilo), return (retorno), …".
 */
export const STOCK_CATEGORY_CHOICES: readonly string[] = (
  Object.keys(SPANISH_CATEGORY) as StockCategory[]
).map((c) => `${c} (${SPANISH_CATEGORY[c]})`);
export const SPANISH_BASIS: Readonly<Record<StockBasis, string>> = {
  cumulative: "acumulado",
  present: "presente",
};

/**
 * Words of people coming in to the point, and of people going out of it (relative to the point,
 * not to the corridor), as a `Sentido` cell or a tally's column head writes them: the one list read
 * by the direction parser (`relative`), `--incoming-is` (convert-count.ts) and the
 * one-column-per-direction tally (repeat-columns.ts). Singular, plural (tallies head their columns
 * "Ingresos", "Egresos") and verb ("Entran", "Salen") forms.
 */
const INCOMING_WORDS = [
  "incoming",
  "inflow",
  "inflows",
  "in",
  "entrada",
  "entradas",
  "entrante",
  "entrantes",
  "entran",
  "ingreso",
  "ingresos",
].map(normalizeKey);
const OUTGOING_WORDS = [
  "outgoing",
  "outflow",
  "outflows",
  "out",
  "salida",
  "salidas",
  "saliente",
  "salientes",
  "salen",
  "egreso",
  "egresos",
].map(normalizeKey);
const INCOMING_SET = new Set(INCOMING_WORDS);
const OUTGOING_SET = new Set(OUTGOING_WORDS);

/** Whether a normalised key (normalizeKey) is a word of people coming in to the point. */
export function incomingWord(key: string): boolean {
  return INCOMING_SET.has(key);
}

/** Whether a normalised key (normalizeKey) is a word of people going out of the point. */
export function outgoingWord(key: string): boolean {
  return OUTGOING_SET.has(key);
}

/** `incoming`/`outgoing` and their Spanish forms: relative to the point, not to the corridor. */
export const RELATIVE_DIRECTIONS: ReadonlySet<string> = new Set([
  ...INCOMING_WORDS,
  ...OUTGOING_WORDS,
]);

const DIRECTION = table<Direction>({
  northbound: [
    SPANISH_DIRECTION.northbound,
    "n",
    // `Nte.`, the usual abbreviation of norte (read without its full stop).
    "nte",
    "north",
    "nb",
    "hacia el norte",
    "rumbo norte",
    "hacia norte",
    "al norte",
    "hacia eeuu",
    "hacia estados unidos",
    "hacia ee uu",
    "towards us",
    "to us",
    "northward",
    "subiendo",
    "ida",
    // Written as from-to, as some count sheets do.
    "sur norte",
    "sur a norte",
    "de sur a norte",
    "s n",
    "south north",
    // Coming FROM the south side of the corridor is going north (`Entrada desde el sur`).
    "desde el sur",
    "desde sur",
    "del sur",
    "from the south",
    "from south",
  ],
  southbound: [
    SPANISH_DIRECTION.southbound,
    "s",
    "south",
    "sb",
    "hacia el sur",
    "rumbo sur",
    "al sur",
    "retorno",
    "regreso",
    "return",
    "returning",
    "southward",
    "bajando",
    "vuelta",
    "retornos",
    "retornados",
    "retornadas",
    "norte sur",
    "norte a sur",
    "de norte a sur",
    "n s",
    "north south",
    // Coming FROM the north side of the corridor is going south (`Entrada desde el norte`).
    "desde el norte",
    "desde norte",
    "del norte",
    "from the north",
    "from north",
  ],
  unknown: [
    "desconocido",
    "indefinido",
    "undefined",
    "sin dato",
    "transito",
    "transit",
    "en transito",
    "otro",
    "other",
    "ambos",
    "both",
  ],
});

/**
 * Direction along the corridor, or `relative` for incoming/outgoing, or undefined when not
 * recognised. A cell written as a phrase (`Salida hacia Guatemala`, `Entrada desde México`) is
 * read by the direction words in it (directionInPhrase).
 * @example parseDirection("Hacia el norte") // => "northbound"
 * @example parseDirection("Salidas hacia Guatemala") // => "relative"
 */
export function parseDirection(text: string): Direction | "relative" | undefined {
  const key = normalizeKey(text);
  if (RELATIVE_DIRECTIONS.has(key)) return "relative";
  return DIRECTION.get(key) ?? directionInPhrase(key);
}

/**
 * The corridor phrases of the direction table of two words or more, each word two letters or
 * more (`hacia_el_norte`, `rumbo_sur`, `de_sur_a_norte`; not `n_s`), as found inside a phrase.
 */
const PHRASES_IN_TEXT: readonly [string, Direction][] = [...DIRECTION].filter(
  ([key, d]) => d !== "unknown" && key.includes("_") && key.split("_").every((w) => w.length >= 2),
);

/**
 * The way a relative direction goes, by the words of people coming in or going out in it: the
 * whole cell (`Entradas`) or a word of a phrase (`Salida hacia Guatemala`; phrase words of four
 * letters or more, so an English `in`/`out` inside a sentence is no direction). Undefined when it
 * has none, or words of both ways (`Entradas y salidas`).
 * @example relativeWay("Entrada desde México") // => "incoming"
 */
export function relativeWay(text: string): "incoming" | "outgoing" | undefined {
  const key = normalizeKey(text);
  if (INCOMING_SET.has(key)) return "incoming";
  if (OUTGOING_SET.has(key)) return "outgoing";
  const words = key.split("_").filter((w) => w.length >= 4);
  const incoming = words.some((w) => INCOMING_SET.has(w));
  const outgoing = words.some((w) => OUTGOING_SET.has(w));
  if (incoming === outgoing) return undefined;
  return incoming ? "incoming" : "outgoing";
}

/**
 * The single corridor words (`norte`, `sur`, `north`, `south`) by the direction they name alone;
 * inside a phrase they only ever veto (a phrase naming both ways), never decide.
 */
const CORRIDOR_WORDS: ReadonlyMap<string, Direction> = new Map([
  ["norte", "northbound"],
  ["north", "northbound"],
  ["sur", "southbound"],
  ["south", "southbound"],
]);

/**
 * A direction written as a phrase (normalizeKey form): the corridor direction of a phrase of the
 * table inside it — "towards" (`salida_hacia_el_norte` → northbound) or "from" a side
 * (`entrada_desde_el_sur` → northbound) — else `relative` when it holds a word of one way in or
 * out (relativeWay: `salida_hacia_guatemala`), else undefined. Undefined too for a phrase naming
 * both corridor directions (`hacia_el_norte_y_sur`: a corridor word left over after the phrase
 * names the other way), as docs/import.md says.
 */
function directionInPhrase(key: string): Direction | "relative" | undefined {
  if (!key.includes("_")) return undefined;
  let rest = `_${key}_`;
  const found = new Set<Direction>();
  // Longest phrases first, so `desde_el_sur` is taken before any shorter phrase inside it.
  for (const [k, d] of PHRASES_BY_LENGTH) {
    if (!rest.includes(`_${k}_`)) continue;
    found.add(d);
    rest = rest.split(`_${k}_`).join("__");
  }
  if (found.size === 1) {
    const [d] = found;
    const leftover = rest.split("_").map((w) => CORRIDOR_WORDS.get(w));
    return leftover.some((w) => w !== undefined && w !== d) ? undefined : d;
  }
  if (found.size > 1) return undefined;
  return relativeWay(key) ? "relative" : undefined;
}

const PHRASES_BY_LENGTH = [...PHRASES_IN_TEXT].sort((a, b) => b[0].length - a[0].length);

const METHOD = table<EstimateMethod>({
  headcount: [
    "conteo",
    "conteo directo",
    "head count",
    "recuento",
    "count",
    "counted",
    "enumeracion",
  ],
  crowd_density: [
    "densidad",
    "crowd density",
    "jacobs",
    "metodo jacobs",
    "jacobs crowd formula",
    "density",
    "area density",
    "densidad de multitud",
    "densidad jacobs",
    "formula de jacobs",
    "densidad por area",
  ],
  vehicle_count: [
    "vehiculos",
    "conteo de vehiculos",
    "buses",
    "vehicles",
    "vehicle count",
    "conteo de buses",
  ],
  registration: [
    "registro",
    "registro oficial",
    "registration",
    "official registry",
    "official registration",
    "registered",
  ],
  key_informant: ["informante clave", "informantes clave", "key informant", "ki", "informante"],
  media_report: ["medios", "prensa", "media", "media report", "press", "noticia", "news"],
});
export function parseEstimateMethod(text: string): EstimateMethod | undefined {
  return METHOD.get(normalizeKey(text));
}

const SOURCE = table<SourceType>({
  dtm: ["oim", "iom", "oim dtm", "iom dtm", "matriz de seguimiento"],
  un: [
    "onu",
    "un agency",
    "acnur",
    "unhcr",
    "unicef",
    "naciones unidas",
    "united nations",
    "agencia onu",
  ],
  government: [
    "gobierno",
    "gov",
    "gob",
    "govt",
    "government agency",
    "autoridades",
    "authorities",
    "oficial",
    "official",
    "inm",
    "segob",
    "migracion",
  ],
  ngo: [
    "ong",
    "non governmental organization",
    "sociedad civil",
    "civil society",
    "cruz roja",
    "red cross",
    "msf",
  ],
  media: ["medios", "prensa", "press", "news", "periodico", "newspaper"],
  organiser: [
    "organizador",
    "organizadores",
    "organizer",
    "organizers",
    "organisers",
    "pueblo sin fronteras",
  ],
  social_media: ["redes sociales", "social media", "twitter", "facebook", "whatsapp", "x"],
  other: ["otro", "otros", "others"],
});
export function parseSourceType(text: string): SourceType | undefined {
  return SOURCE.get(normalizeKey(text));
}

const CONFIDENCE = table<Confidence>({
  high: ["alta", "alto", "h", "a"],
  medium: ["media", "medio", "med", "m", "moderate", "moderada"],
  low: ["baja", "bajo", "l", "b"],
});
export function parseConfidence(text: string): Confidence | undefined {
  return CONFIDENCE.get(normalizeKey(text));
}

const CATEGORY = table<StockCategory>({
  asylum_claim: [
    "asilo",
    "solicitud de asilo",
    "solicitudes de asilo",
    "solicitantes de asilo",
    "asylum",
    "asylum claims",
    "asylum seekers",
    "refugio",
    "solicitud de refugio",
    // Mexico's COMAR words: a claim for refugee status ("condición de refugiado"). Not
    // "refugiados" alone: people recognised as refugees are decisions, not claims.
    "solicitudes de refugio",
    "solicitantes de refugio",
    "solicitud de condicion de refugiado",
    "solicitudes de condicion de refugiado",
    "solicitud de la condicion de refugiado",
    "solicitudes de la condicion de refugiado",
    "solicitantes de la condicion de refugiado",
    "condicion de refugiado",
    "asylum claim",
    "asylum applications",
    "comar",
  ],
  return: [
    "retorno",
    "retornos",
    "retornados",
    "returns",
    "returned",
    "deportacion",
    "deportados",
    "deportation",
    "retorno voluntario",
    "voluntary return",
    "retorno asistido",
  ],
  remaining: [
    "permanecen",
    "remain",
    "remaining",
    "en albergue",
    "en albergues",
    // A shelter's own words for the people it holds on the day (basis presente).
    "personas en albergue",
    "personas en albergues",
    "personas albergadas",
    "albergados",
    "in shelter",
    "people in shelter",
    "presentes",
    "presente",
    "present",
  ],
  regularized: [
    "regularizado",
    "regularizados",
    "regularised",
    "regularization",
    "regularizacion",
    "visa humanitaria",
    "visas humanitarias",
    "tvrh",
    "tarjeta de visitante por razones humanitarias",
    "humanitarian visa",
  ],
  onward: [
    "continuaron",
    "continuan",
    "continuaron al norte",
    "siguieron",
    "siguieron al norte",
    "siguieron su camino",
    "onward movement",
    "hacia eeuu",
    "hacia ee uu",
    "to the us",
    "cruzaron",
    // "Cruzaron a EE.UU." and its spellings: people who crossed the border north.
    "cruzaron a eeuu",
    "cruzaron a ee uu",
    "cruzaron a eua",
    "cruzaron a estados unidos",
    "cruzaron a usa",
    "crossed",
    "crossed to the us",
    "crossed into the us",
  ],
  other: ["otro", "otros", "others"],
});
/**
 * Words before a bracket that say nothing of the category (`Total (retornos)`, `Personas
 * (solicitudes de asilo)`): only after these, or after nothing, is the bracket read as the
 * category. Other words (`Rechazadas (solicitudes de asilo)`, `Negadas (visas humanitarias)`,
 * `Pendientes (retornos)`) say what happened to the bracket's people — rejected claims are not
 * claims — so the category is unknown and the row is rejected.
 */
const NEUTRAL_HEADS = new Set(
  ["", "total", "totales", "personas", "people", "persons", "cifra", "cifras", "figure", "numero"]
    .concat(["numero de personas", "cantidad", "casos", "cases", "count", "n"])
    .map(normalizeKey),
);

/**
 * A stock figure's category; a category explained in brackets (`Regularizados (visas
 * humanitarias)`) is read by the words before the bracket, else — when those are empty or
 * neutral (NEUTRAL_HEADS) — by the words in it.
 * @example
 * parseStockCategory("Total (retornos)"); // => "return"
 * parseStockCategory("Rechazadas (solicitudes de asilo)"); // => undefined
 */
export function parseStockCategory(text: string): StockCategory | undefined {
  const found = CATEGORY.get(normalizeKey(text));
  if (found) return found;
  const m = /^(.*?)\s*\(([^()]*)\)\s*$/.exec(text);
  if (!m) return undefined;
  const head = normalizeKey(m[1]!);
  const byHead = CATEGORY.get(head);
  if (byHead) return byHead;
  return NEUTRAL_HEADS.has(head) ? CATEGORY.get(normalizeKey(m[2]!)) : undefined;
}

const BASIS = table<StockBasis>({
  cumulative: [
    SPANISH_BASIS.cumulative,
    "acumulada",
    "total acumulado",
    "acumulados",
    "acumuladas",
    "acum",
    "cum",
    "cumul",
    "since start",
    "desde el inicio",
  ],
  present: [
    SPANISH_BASIS.present,
    "presentes",
    "actual",
    "en el lugar",
    "stock",
    "current",
    "at date",
  ],
});
export function parseStockBasis(text: string): StockBasis | undefined {
  return BASIS.get(normalizeKey(text));
}

const PLACE_KIND = table<PlaceKind>({
  city: ["ciudad", "town", "municipio", "municipality", "pueblo", "localidad"],
  border_crossing: [
    "frontera",
    "paso fronterizo",
    "border",
    "border crossing",
    "crossing",
    "puesto fronterizo",
    "aduana",
  ],
  fmp: ["punto de monitoreo", "punto de monitoreo de flujos", "flow monitoring point", "punto"],
  shelter: ["albergue", "refugio", "casa del migrante", "shelter", "campamento", "camp"],
});
export function parsePlaceKind(text: string): PlaceKind | undefined {
  return PLACE_KIND.get(normalizeKey(text));
}

/** ISO3 codes of the countries on and around the corridor, with their names, ISO2 codes and demonyms. */
const COUNTRY = table<string>({
  HND: [
    "hn",
    "honduras",
    "hondureno",
    "hondurena",
    "hondurenos",
    "hondurenas",
    "hondurenian",
    "honduran",
    "catracho",
    "catracha",
  ],
  GTM: ["gt", "guatemala", "guatemalteco", "guatemalteca", "guatemaltecos", "guatemalan", "chapin"],
  SLV: [
    "sv",
    "el salvador",
    "salvador",
    "salvadoreno",
    "salvadorena",
    "salvadorenos",
    "salvadoran",
    "guanaco",
  ],
  MEX: ["mx", "mexico", "mejico", "mexicano", "mexicana", "mexican", "estados unidos mexicanos"],
  USA: [
    "us",
    "usa",
    "eeuu",
    "ee uu",
    "estados unidos",
    "united states",
    "united states of america",
    "estadounidense",
    "american",
  ],
  NIC: ["ni", "nicaragua", "nicaraguense", "nicaraguan"],
  CRI: ["cr", "costa rica", "costarricense", "costa rican"],
  PAN: ["pa", "panama", "panameno", "panamanian"],
  BLZ: ["bz", "belice", "belize", "beliceno", "belizean"],
  CUB: ["cu", "cuba", "cubano", "cubana", "cuban"],
  HTI: ["ht", "haiti", "haitiano", "haitiana", "haitian"],
  VEN: ["ve", "venezuela", "venezolano", "venezolana", "venezuelan"],
  ECU: ["ec", "ecuador", "ecuatoriano", "ecuatoriana", "ecuadorian"],
  COL: ["co", "colombia", "colombiano", "colombiana", "colombian"],
  CAN: ["ca", "canada", "canadiense", "canadian"],
});

/** The countries' names in `COUNTRY` (normalised), told from their demonyms. */
const COUNTRY_NAMES: ReadonlySet<string> = new Set(
  [
    "honduras",
    "guatemala",
    "el salvador",
    "salvador",
    "mexico",
    "mejico",
    "estados unidos",
    "nicaragua",
    "costa rica",
    "panama",
    "belice",
    "belize",
    "cuba",
    "haiti",
    "venezuela",
    "ecuador",
    "colombia",
    "canada",
  ].map(normalizeKey),
);

/**
 * Country as ISO3 from a code, name or demonym; any other 3-letter code is taken as ISO3 as written
 * (upper-cased). Undefined when not recognised.
 * @example
 * parseCountry("Hondureña"); // => "HND"
 */
export function parseCountry(text: string): string | undefined {
  // Both genders written at once, as official Spanish does: `hondureños/as`, `salvadoreño(a)`,
  // `guatemaltecos/as` are read as the first form. Only after a word of 4 letters or more with a
  // gender ending: `HND/ES` (Spain's ISO2 after Honduras's code) names two countries.
  // Only after a demonym: a country's name with an ending (`Honduras/ES`, `Venezuela/a`) is two
  // countries or a typo, not both genders.
  const head = normalizeKey(
    text.replace(/(\p{L}{3,}(?:os|as|es|o|a|e))\s*(?:\/|\()\s*(?:as|a|os|o|es)\s*\)?\s*$/iu, "$1"),
  );
  const key = COUNTRY_NAMES.has(head) ? normalizeKey(text) : head;
  const hit = COUNTRY.get(key);
  if (hit) return hit;
  // Plural demonyms (`venezolanos`, `nicaragüenses`) as the singular.
  const singular = key.endsWith("s") ? COUNTRY.get(key.slice(0, -1)) : undefined;
  if (singular) return singular;
  if (/^[a-z]{3}$/.test(key)) return key.toUpperCase();
  return undefined;
}
