/**
 * Which part of a caravan's body a report describes: its head (vanguard), its tail (stragglers)
 * or the body as a whole (read as the median person). The held-out check predicts a report from
 * the matching quantile of the group's estimated body.
 */
import type { Sighting } from "../model/sighting.ts";

/** The part of a group's body a report is about. */
export type BodyPart = "head" | "median" | "tail";

// Words analysts write for parts of a caravan (es and en), after lower-casing and removing accents.
// Bare "head" is left out: "they head north" is common in notes.
const HEAD_WORDS =
  /\b(vanguard|vanguardia|avanzada|head of the (caravan|group)|lead(ing)? group|frontrunners)\b/;
const TAIL_WORDS = /\b(rear|rearguard|retaguardia|rezagad[oa]s?|straggl(ers?|ing)|tail end)\b/;
const BODY_WORDS = /\b(main body|grueso|cuerpo principal|main group)\b/;

/**
 * The body part a sighting describes. A `part` column (in `extra`) wins; otherwise the notes are
 * searched for words of a vanguard or of stragglers (es/en). A note naming both, or neither, means
 * the body as a whole (`median`).
 * @example
 * reportPart({ observedAt: "2018-11-13", notes: "Vanguard group." }); // => "head"
 * reportPart({ observedAt: "2018-11-13", extra: { part: "rezagados" } }); // => "tail"
 */
export function reportPart(sighting: Sighting): BodyPart {
  const column = sighting.extra?.part ?? sighting.extra?.parte;
  const fromColumn = column ? partOfText(column) : undefined;
  if (fromColumn) return fromColumn;
  return (sighting.notes ? partOfText(sighting.notes) : undefined) ?? "median";
}

function partOfText(text: string): BodyPart | undefined {
  const plain = text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
  if (BODY_WORDS.test(plain)) return "median";
  const head = HEAD_WORDS.test(plain);
  const tail = TAIL_WORDS.test(plain);
  if (head === tail) return undefined;
  return head ? "head" : "tail";
}
