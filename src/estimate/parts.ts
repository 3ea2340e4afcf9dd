/**
 * Which part of a caravan a report describes. A caravan is a body strung out along the road: a
 * vanguard ahead, the main body, stragglers behind. Sources say which part they saw, in a `part`
 * column or in their notes, in Spanish or English; a report of the vanguard says where the head
 * is, not where the median person is.
 */

/** `head`: vanguard; `body`: main body; `tail`: rear, stragglers. */
export type BodyPart = "head" | "body" | "tail";

// Word stems, accents removed and lower-cased before matching (see `fold`).
const HEAD =
  /\b(vanguard|vanguardia|avanzada|punta|head of the (caravan|group|column)|first (group|members|ones|arrivals)|front of the|primer(os)? (grupo|contingente)|cabeza|los primeros|lead group|advance (group|party))/;
const BODY =
  /\b(main body|main group|bulk of|grueso|cuerpo principal|mayoria|the majority|la mayor parte|main caravan|contingente principal|most of the)/;
const TAIL =
  /\b(rear|rearguard|stragglers?|rezagad[oa]s?|retaguardia|ultimos|last (group|ones|members)|los ultimos|tail of the|remaining (group|members) behind|behind the (caravan|group))/;

/** Lower case without accents, so that `Rezagados`, `últimos` and `ultimos` match alike. */
function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
}

/**
 * The part a report describes: its `part` cell first, else words in its notes; `undefined` when
 * neither says. A `part` cell that names no known part is ignored (the notes may still say).
 * @example
 * readPart("avanzada"); // => "head"
 * readPart(undefined, "Los rezagados llegaron a Puebla"); // => "tail"
 * readPart(undefined, "Rest day in Huixtla"); // => undefined
 */
export function readPart(part?: string, notes?: string): BodyPart | undefined {
  if (part !== undefined && part.trim() !== "") {
    const p = fold(part.trim());
    if (/^(head|front|lead|cabeza|frente)$/.test(p) || HEAD.test(p)) return "head";
    if (/^(body|main|centro|centre|center|cuerpo)$/.test(p) || BODY.test(p)) return "body";
    if (/^(tail|back|cola|final)$/.test(p) || TAIL.test(p)) return "tail";
  }
  if (notes === undefined || notes === "") return undefined;
  const n = fold(notes);
  const head = HEAD.test(n);
  const body = BODY.test(n);
  const tail = TAIL.test(n);
  // Notes naming several parts ("the vanguard left, the main body stays") do not say which part
  // the figure describes.
  if (Number(head) + Number(body) + Number(tail) !== 1) return undefined;
  return head ? "head" : body ? "body" : "tail";
}
