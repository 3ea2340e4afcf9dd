/**
 * Kobo / ODK label headers: a form exported with its labels (not its XML names) has the question
 * text as the column header — "¿Cuántas personas hay en el albergue?", "How many people are at the
 * shelter?", "¿Dónde está el grupo?". Such a header matches no alias, so it is read here by its
 * question words. A count question may also say what the figure covers (the people at one place,
 * or passing one point): that scope is read from the header with the estimator's own rule
 * (`readCountScope`), so the importer and the estimator never disagree about it.
 */
import { readCountScope } from "../estimate/partWords.ts";
import type { CountScope } from "../estimate/partWords.ts";
import type { TableKind } from "./fields.ts";
import { normalizeKey } from "./normalize.ts";

export type { CountScope };

// Keys as `normalizeKey` makes them: lower case, no accents, `_` between words.
const PEOPLE = "(personas|people|persons|migrantes|migrants|individuos|individuals|adultos|adults)";
/**
 * "How many people…", "¿Cuántas personas…", "Número de migrantes…", "Cantidad de personas…", and
 * label-like "Personas en el albergue", "People at the shelter".
 */
const HOW_MANY = new RegExp(
  `^(cuant[oa]s|how_many|numero_(de|total_de)|cantidad_(de|total_de)|total_de|number_of|total_number_of)(_.*)?_${PEOPLE}(_|$)` +
    `|^${PEOPLE}_(en|at|in|on|que|who|that|registrad[oa]s|albergad[oa]s|counted|contad[oa]s)(_|$)`,
);
/** "¿Dónde está el grupo?", "Where is the group?", "¿En qué lugar…?". */
const WHERE =
  /^(donde|a_donde_no|where|en_que_(lugar|sitio|punto|ciudad|municipio|localidad)|in_which_(place|town|city)|what_place|which_place)(_|$)/;
/** "¿Cuándo se vio el grupo?", "When was the group seen?", "¿En qué fecha…?", "Fecha de la observación". */
const WHEN =
  /^(cuando|when|en_que_fecha|what_date|on_what_date|fecha_de_la_(observacion|visita|conteo)|date_of_(the_)?(observation|sighting|count))(_|$)/;

/** "¿Qué caravana es?", "¿A qué grupo pertenece?", "Which caravan is it?". */
const WHICH_GROUP =
  /^(a_)?(que|cual|which|what)_(caravana|grupo|caravan|group)(_|$)|^(to_)?which_(caravan|group)(_|$)/;

/**
 * "¿Hacia dónde se dirige el grupo?", "¿En qué dirección va?", "Which direction is the flow
 * going?", "Where are they heading?": the direction of a count (before WHERE, which would read
 * "where … heading" as the place).
 */
const WHICH_WAY =
  /^(hacia_donde|en_que_(direccion|sentido)|in_which_direction|which_direction|what_direction)(_|$)|^where_.*_(going|heading|headed)(_|$)/;

const FIELDS: readonly { test: RegExp; field: Record<TableKind, string | undefined> }[] = [
  {
    test: WHICH_WAY,
    field: { sightings: undefined, counts: "direction", stocks: undefined, places: undefined },
  },
  {
    test: HOW_MANY,
    field: { sightings: "size", counts: "total", stocks: "value", places: undefined },
  },
  {
    test: WHERE,
    field: { sightings: "place_name", counts: "fmp_name", stocks: "place_name", places: undefined },
  },
  {
    test: WHEN,
    field: { sightings: "observed_at", counts: "date", stocks: "date", places: undefined },
  },
  {
    test: WHICH_GROUP,
    field: {
      sightings: "caravan_label",
      counts: undefined,
      stocks: "caravan_label",
      places: undefined,
    },
  },
];

/**
 * The field a question-text header asks for, or `undefined` when it is not such a question.
 * Only a few questions are read (how many people, where, when, which group, which way); anything else stays an extra
 * column, to be mapped by hand (`--columns`) if it holds a field.
 * @example
 * matchQuestion("¿Cuántas personas hay en el albergue?", "sightings"); // => "size"
 * matchQuestion("Where is the group?", "sightings"); // => "place_name"
 * matchQuestion("¿Cuántas personas hay en el albergue?", "counts"); // => "total"
 */
export function matchQuestion(header: string, kind: TableKind): string | undefined {
  const key = normalizeKey(header);
  if (!key) return undefined;
  for (const rule of FIELDS) if (rule.test.test(key)) return rule.field[kind];
  return undefined;
}

/** Words a count question or label starts with: "¿Cuántos…", "Número de…", "How many…". */
const COUNTING =
  /^(cuant[oa]s|how_many|numero_(total_)?de|cantidad_(total_)?de|total_de|number_of|total_number_of|n_de|no_de)_/;

/**
 * A header key without the counting words it starts with, so that "Número de niñas" reads as
 * `ninas` and "¿Cuántos NNA no acompañados?" as `nna_no_acompanados`; the key unchanged otherwise.
 * @example withoutCountingWords("numero_de_ninas"); // => "ninas"
 */
export function withoutCountingWords(key: string): string {
  return key.replace(COUNTING, "");
}

/** Words after a field's name that make a label about something else: an origin, a destination. */
const ELSEWHERE =
  /(^|_)(origen|origin|procedencia|destino|destination|nacimiento|birth|referencia|reference|anterior|previous|siguiente|next|residencia|residence|final)(_|$)/;

/**
 * True when the rest of a label header, after a field's name, goes on as a label of that field
 * ("del_flujo", "de_flujos", "principal"), not about another place or time ("de_origen",
 * "de_destino") and not as another name (`sentido_x`).
 * @example labelTail("de_origen"); // => false
 */
export function labelTail(rest: string): boolean {
  return LABEL_TAIL.test(rest) && !ELSEWHERE.test(rest);
}

/** How the rest of a label goes on from a field's name: "del flujo", "de flujos", "principal". */
const LABEL_TAIL =
  /^(de|del|of|principal|main|en|in|at|observad[oa]s?|reportad[oa]s?|observed|reported)(_|$)/;

/** Fields of a sighting that hold its figure: their header may say what the figure covers. */
export const SIZE_FIELDS = ["size", "size_best", "size_min", "size_max"] as const;

/**
 * What the figures of a column cover, read from its header: `place` (the people at one place,
 * "¿Cuántas personas hay en el albergue?"), `passage` (the people passing one point that day,
 * "¿Cuántas personas pasaron hoy por el punto de control?"), or `undefined` (the group).
 * @example headerScope("How many people are at the shelter?"); // => "place"
 */
export function headerScope(header: string): CountScope | undefined {
  return readCountScope(undefined, header);
}
