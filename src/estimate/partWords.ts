/**
 * The words of a report that say what it describes: which part of a caravan (vanguard, main body,
 * stragglers — a `part` column or words in the notes) and whether its count covers only one place
 * or one point. Spanish and English, accents and case ignored. Read by the importer (question
 * headers) and the estimator (parts.ts); nothing here depends on a group or an estimate.
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

/**
 * What a count covers when it is not the whole group: `place`, the people at one place (a
 * shelter's occupancy tonight, people waiting at a bridge: capped by the place, blind to the rest
 * of the body); `passage`, the people who passed one point that day (a checkpoint's registrations:
 * exact, but only of that day's passers). Either says the group holds at least that many, not
 * how many (docs/contracts.md §1.2; docs/estimation.md#counts-of-one-place-or-one-point).
 */
export type CountScope = "place" | "passage";

// Folded text (see `fold`). A place's occupancy: the shelter's, or people held at one place.
const PLACE =
  /\b(ocupacion del albergue|albergad[oa]s|en (el|los) albergues?|pernoct\w* en (el|los) albergues?|shelter (occupancy|count|capacity)|occupancy of the shelter|(in|at) (the |a |\w+ )?shelters?\b|sheltered\b|en espera de(l)? tramite|waiting (at|on) the (border )?bridge|remain(s|ing)? on the (border )?bridge)/;
// The day's passers at a point: registrations or counts "today" at a checkpoint.
const PASSAGE =
  /\b(registrad[oa]s (hoy|en el dia|este dia)|registered (today|this day|that day)|(registrad|pasaron|cruzaron|contad)\w* .{0,30}(punto|puesto) de control|(registered|passed|crossed|counted)\w* .{0,30}check ?points?|pasaron (hoy )?por (el )?(punto|puesto|reten))/;
// An estimate method that registers or counts the people passing when the notes name a checkpoint.
const CHECKPOINT = /\b((punto|puesto) de control|check ?points?|reten)\b/;

/**
 * The scope of a report's count: `place` or `passage` when its notes (or its `part` cell) say it
 * counts only the people at one place or passing one point, else `undefined` (a figure of the
 * group). A `registration` whose notes name a checkpoint counts that day's passers. Spanish and English, accents and case ignored.
 * @example
 * readCountScope("headcount", "Ocupación del albergue esta noche"); // => "place"
 * readCountScope("registration", "Personas registradas hoy en el punto de control"); // => "passage"
 * readCountScope(undefined, "5,000 to 6,000 at the migration checkpoint after breaking the cordon"); // => undefined
 */
export function readCountScope(
  method?: string,
  notes?: string,
  part?: string,
): CountScope | undefined {
  const text = fold(`${part ?? ""} | ${notes ?? ""}`);
  if (PASSAGE.test(text)) return "passage";
  if (method === "registration" && CHECKPOINT.test(text)) return "passage";
  if (PLACE.test(text)) return "place";
  return undefined;
}
