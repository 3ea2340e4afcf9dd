/**
 * What the panel says on a file that met a listed file of its name (sameName.ts, panelState.ts),
 * in English and Spanish: what it replaced and why, or why both are kept, and the button that
 * takes the other way.
 */
import { numberLocale } from "../i18n.ts";
import type { Lang } from "../state.ts";
import type { EarlierVersion, SameNameNote } from "./panelState.ts";
import type { SameNameOverlap } from "./sameName.ts";

type Why = SameNameNote["why"];

const REPLACE_WHY: Record<Lang, Partial<Record<Why, string>>> = {
  en: {
    same_ground: "read as its corrected version",
    earlier_unusable: "the earlier one could not be used",
    analyst: "as you chose",
  },
  es: {
    same_ground: "se lee como su versión corregida",
    earlier_unusable: "el anterior no se podía usar",
    analyst: "como usted eligió",
  },
};

const KEEP_WHY: Record<Lang, Record<Why, string>> = {
  en: {
    same_ground: "the same points and days",
    earlier_unusable: "the earlier one could not be used",
    new_unusable: "this one cannot be used",
    new_held: "this one is held",
    other_kind: "another kind of table",
    other_places: "other points or places",
    other_days: "other days",
    other_sources: "another source",
    analyst: "as you chose",
  },
  es: {
    same_ground: "los mismos puntos y días",
    earlier_unusable: "el anterior no se podía usar",
    new_unusable: "este no se puede usar",
    new_held: "este está en espera",
    other_kind: "otro tipo de tabla",
    other_places: "otros puntos o lugares",
    other_days: "otros días",
    other_sources: "otra fuente",
    analyst: "como usted eligió",
  },
};

/** How two files kept side by side are used, by which of them is held (not in the replay). */
const KEPT_EN = {
  none: "both are used",
  new: "kept beside it; this one is held, not used",
  earlier: "kept beside it; the earlier one is held, not used",
  both: "both kept; both are held, neither is used",
};
const KEPT_ES: typeof KEPT_EN = {
  none: "se usan los dos",
  new: "se conserva a su lado; este está en espera, no se usa",
  earlier: "se conserva a su lado; el anterior está en espera, no se usa",
  both: "se conservan los dos; ambos están en espera, ninguno se usa",
};

const WORDS = {
  en: {
    keepBoth: "Keep both",
    replaceEarlier: "Replace the earlier one",
    redropped: "Given again unchanged (the same bytes): read once, not added twice.",
    inDrop:
      "Same name as another file in this drop (two folders): both are used. Remove one if it is a copy.",
    choicesKept: "Your column choices on it are kept.",
    choicesMissing: "Not applied (no such column in this version):",
    forcedKept: "Used anyway, as the earlier version was.",
  },
  es: {
    keepBoth: "Conservar los dos",
    replaceEarlier: "Sustituir al anterior",
    redropped:
      "Dado de nuevo sin cambios (los mismos bytes): se lee una vez, no se suma dos veces.",
    inDrop:
      "Mismo nombre que otro archivo de esta entrega (dos carpetas): se usan los dos. Quite uno si es una copia.",
    choicesKept: "Se conservan las columnas que usted asignó en él.",
    choicesMissing: "No se aplican (esa columna no está en esta versión):",
    forcedKept: "Se usa de todos modos, como la versión anterior.",
  },
};

export type SameNameWord = keyof (typeof WORDS)["en"];

/** A fixed text of the same-name notes and buttons. */
export function sameNameWord(lang: Lang, key: SameNameWord): string {
  return WORDS[lang][key];
}

/** "3 rows, 2 places, 2018-10-23 to 2018-10-24" of the earlier version. */
function earlierText(lang: Lang, e: EarlierVersion): string {
  const n = (x: number) => x.toLocaleString(numberLocale(lang));
  const es = lang === "es";
  const parts = [
    `${n(e.accepted)} ${es ? (e.accepted === 1 ? "fila" : "filas") : e.accepted === 1 ? "row" : "rows"}`,
    `${n(e.places)} ${es ? (e.places === 1 ? "lugar" : "lugares") : e.places === 1 ? "place" : "places"}`,
  ];
  if (e.days)
    parts.push(
      e.days[0] === e.days[1]
        ? e.days[0]
        : es
          ? `del ${e.days[0]} al ${e.days[1]}`
          : `${e.days[0]} to ${e.days[1]}`,
    );
  return parts.join(", ");
}

/**
 * What was compared: how many of the earlier file's points and days the new one holds (undefined
 * when nothing was).
 * @example overlapText("en", { where: [1, 2], days: [3, 7] }) // => "it holds 1 of the earlier file's 2 points or places and 3 of its 7 days"
 */
export function overlapText(lang: Lang, o: SameNameOverlap | undefined): string | undefined {
  const es = lang === "es";
  const where = o?.where;
  const days = o?.days;
  if (!where && !days) return undefined;
  if (es) {
    const parts = [
      ...(where ? [`${where[0]} de los ${where[1]} puntos o lugares`] : []),
      ...(days ? [`${days[0]} de los ${days[1]} días`] : []),
    ];
    return `este contiene ${parts.join(" y ")} del anterior`;
  }
  const parts = [
    ...(where ? [`${where[0]} of the earlier file's ${where[1]} points or places`] : []),
    ...(days ? [`${days[0]} of ${where ? "its" : "the earlier file's"} ${days[1]} days`] : []),
  ];
  return `it holds ${parts.join(" and ")}`;
}

/** The sentences of a note, in `lang`. */
export function sameNameNoteText(lang: Lang, note: SameNameNote): string {
  return [sameNameHead(lang, note), ...carriedText(lang, note)].join(" ");
}

/** The note's first sentence: what it replaced and why, or why both are kept. */
function sameNameHead(lang: Lang, note: SameNameNote): string {
  const es = lang === "es";
  if (note.decision === "keep_both") {
    if (note.why === "new_unusable")
      return es
        ? "Mismo nombre que un archivo anterior; este no se puede usar, y el anterior sigue en la reproducción."
        : "Same name as an earlier file; this one cannot be used, and the earlier one stays in the replay.";
    if (note.why === "new_held")
      return es
        ? "Mismo nombre que un archivo anterior; este está en espera (más filas rechazadas que aceptadas) y se conserva a su lado; el anterior sigue en la reproducción."
        : "Same name as an earlier file; this one is held (more rows rejected than accepted) and kept beside it; the earlier one stays in the replay.";
    const compared = overlapText(lang, note.overlap);
    const why = KEEP_WHY[lang][note.why] + (compared ? `; ${compared}` : "");
    return es
      ? `Mismo nombre que un archivo anterior, con otro contenido (${why}): ${KEPT_ES[note.held ?? "none"]}.`
      : `Same name as an earlier file, other content (${why}): ${KEPT_EN[note.held ?? "none"]}.`;
  }
  const compared = note.why === "same_ground" ? overlapText(lang, note.overlap) : undefined;
  const why = [compared, REPLACE_WHY[lang][note.why] ?? KEEP_WHY[lang][note.why]]
    .filter(Boolean)
    .join(": ");
  return es
    ? `Sustituye al archivo anterior del mismo nombre (${earlierText(lang, note.earlier)}): ${why}.`
    : `Replaces the earlier file of the same name (${earlierText(lang, note.earlier)}): ${why}.`;
}

/** What was carried over from the earlier file: column choices (and those not applied), "use anyway". */
function carriedText(lang: Lang, note: SameNameNote): string[] {
  return [
    note.choicesKept ? sameNameWord(lang, "choicesKept") : "",
    note.choicesMissing.length
      ? `${sameNameWord(lang, "choicesMissing")} ${note.choicesMissing.join(", ")}.`
      : "",
    note.decision === "replace" && note.forcedKept ? sameNameWord(lang, "forcedKept") : "",
  ].filter(Boolean);
}
