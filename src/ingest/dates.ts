/**
 * Dates as they come (docs/import.md#values): ISO (`2018-10-13`, `2018-10-13T06:00:00-06:00`, with or
 * without an offset), `dd/mm/yyyy` or `mm/dd/yyyy` (the order is decided per file from the data),
 * Spanish and English month names (`13 de octubre de 2018`, `13-oct-18`, `Oct 13, 2018`), and
 * Excel serial day numbers (`43386` = 2018-10-13). Times keep their offset; a time without an
 * offset stays local (local time at the place: docs/contracts.md, conventions).
 */
import { excelSerialToIso, excelTimeOfDay, isoDateOf } from "../calendar/index.ts";

/** Day-month order of slashed dates. */
export type DateOrder = "dmy" | "mdy";

/** A parsed date: `date` is `YYYY-MM-DD`; `time` `HH:MM[:SS]` and `offset` `Z`/`±HH:MM` when given. */
export interface ParsedDate {
  date: string;
  time?: string;
  offset?: string;
}

export type DateParse =
  { ok: true; value: ParsedDate } | { ok: false; reason: "invalid" | "imprecise" | "ambiguous" };

const MONTHS: Record<string, number> = {
  ene: 1,
  enero: 1,
  jan: 1,
  january: 1,
  feb: 2,
  febrero: 2,
  february: 2,
  mar: 3,
  marzo: 3,
  march: 3,
  abr: 4,
  abril: 4,
  apr: 4,
  april: 4,
  may: 5,
  mayo: 5,
  jun: 6,
  junio: 6,
  june: 6,
  jul: 7,
  julio: 7,
  july: 7,
  ago: 8,
  agosto: 8,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  set: 9,
  septiembre: 9,
  setiembre: 9,
  september: 9,
  oct: 10,
  octubre: 10,
  october: 10,
  nov: 11,
  noviembre: 11,
  november: 11,
  dic: 12,
  diciembre: 12,
  dec: 12,
  december: 12,
};

const pad = (n: number) => String(n).padStart(2, "0");

/** The ISO date of four-digit year `y`, month `m`, day `d`, or undefined when not a real date. */
function validYmd(y: number, m: number, d: number): string | undefined {
  if (y < 1000 || y > 9999) return undefined;
  return isoDateOf(y, m, d);
}

function fullYear(y: string): number {
  const n = Number(y);
  return y.length <= 2 ? (n < 70 ? 2000 + n : 1900 + n) : n;
}

// Year first, also with slashes or dots (`2018/10/19`, as some systems and Excel locales write
// it): always year, month, day.
const ISO =
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;
const SLASHED =
  /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?:[T\s,]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?)?$/i;
const TIME_TAIL =
  /^(.*?)[T\s,]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?\s?m\.?)?(?:\s*(?:h|hrs|horas|hora local|local time))?(?:\s*\(.*\))?$/i;

function timeOf(
  h: string | undefined,
  min: string | undefined,
  s: string | undefined,
  ampm?: string,
) {
  if (h === undefined || min === undefined) return undefined;
  let hour = Number(h);
  if (ampm) {
    const pm = /^p/i.test(ampm);
    if (hour === 12) hour = pm ? 12 : 0;
    else if (pm) hour += 12;
  }
  if (hour > 23 || Number(min) > 59 || (s !== undefined && Number(s) > 59)) return null;
  return `${pad(hour)}:${min}` + (s !== undefined ? `:${s}` : "");
}

function offsetOf(z: string | undefined): string | undefined {
  if (!z) return undefined;
  if (/^z$/i.test(z)) return "Z";
  return z.includes(":") ? z : `${z.slice(0, 3)}:${z.slice(3)}`;
}

/** Parts of a slashed date, for deciding the day-month order of a file. */
export function slashedParts(text: string): [number, number] | undefined {
  const m = SLASHED.exec(text.trim());
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

/** Excel serials belong to the calendar (src/calendar/excel.ts); re-exported for xlsx.ts and tests. */
export { excelSerialToIso };

/**
 * Parses one date or date-time cell.
 * @param order day-month order for slashed dates; undefined = only unambiguous ones (a part > 12).
 * @example
 * parseDate("13 de octubre de 2018"); // => { ok: true, value: { date: "2018-10-13" } }
 * parseDate("05/11/2018", "dmy");     // => { ok: true, value: { date: "2018-11-05" } }
 * parseDate("43386");                 // => { ok: true, value: { date: "2018-10-13" } }
 */
export function parseDate(text: string, order?: DateOrder): DateParse {
  const t = text.trim();
  let m = ISO.exec(t);
  if (m) {
    const date = validYmd(Number(m[1]), Number(m[2]), Number(m[3]));
    if (!date) return { ok: false, reason: "invalid" };
    const time = timeOf(m[4], m[5], m[6]);
    if (time === null) return { ok: false, reason: "invalid" };
    const offset = offsetOf(m[7]);
    return { ok: true, value: { date, ...(time ? { time } : {}), ...(offset ? { offset } : {}) } };
  }
  m = SLASHED.exec(t);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const y = fullYear(m[3]!);
    let use: DateOrder | undefined = order;
    if (a > 12 && b <= 12) use = "dmy";
    else if (b > 12 && a <= 12) use = "mdy";
    else if (a === b) use = "dmy";
    if (!use) return { ok: false, reason: "ambiguous" };
    const date = use === "dmy" ? validYmd(y, b, a) : validYmd(y, a, b);
    if (!date) return { ok: false, reason: "invalid" };
    const time = timeOf(m[4], m[5], m[6], m[7]);
    if (time === null) return { ok: false, reason: "invalid" };
    return { ok: true, value: { date, ...(time ? { time } : {}) } };
  }
  if (/^\d{4,5}(\.\d+)?$/.test(t)) {
    const serial = Number(t);
    // Excel serials 20000–80000 are 1954–2119; plain years such as 2018 are not serials.
    if (serial >= 20000 && serial < 80000) {
      const date = excelSerialToIso(serial);
      const time = excelTimeOfDay(serial, "minute");
      return { ok: true, value: time === undefined ? { date } : { date, time } };
    }
    if (/^\d{4}$/.test(t)) return { ok: false, reason: "imprecise" };
    return { ok: false, reason: "invalid" };
  }
  if (/^\d{4}-\d{1,2}$/.test(t)) return { ok: false, reason: "imprecise" };
  const named = parseNamedMonth(t);
  if (named) return named;
  // A date followed by a time, in any of the forms above: "13 oct 2018 06:00 hora local".
  const tail = TIME_TAIL.exec(t);
  if (tail && tail[1]) {
    const head = parseDate(tail[1], order);
    if (!head.ok) return head;
    const time = timeOf(tail[2], tail[3], tail[4], tail[5]);
    if (time === null || time === undefined) return { ok: false, reason: "invalid" };
    return { ok: true, value: { date: head.value.date, time } };
  }
  return { ok: false, reason: "invalid" };
}

function parseNamedMonth(t: string): DateParse | undefined {
  const s = t
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(
      /^(lunes|martes|miercoles|jueves|viernes|sabado|domingo|monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+/,
      "",
    )
    // Excel's long date with the weekday abbreviated ("vie., 19 de oct. de 2018"); the comma is
    // required, so that "mar 19, 2018" stays March.
    .replace(/^(lun|mar|mie|jue|vie|sab|dom|mon|tue|wed|thu|fri|sat|sun)\.?,\s+/, "")
    // The first of the month as Mexican documents write it: "1º de diciembre", "1ero. de".
    .replace(/^(\d{1,2})\s*(?:º|°|ª|ero|er|o)\.?(?=\s)/, "$1");
  // 13 de octubre de 2018 / 13-oct-18 / 13 oct. 2018 / 13 October 2018
  let m =
    /^(\d{1,2})(?:\s+de\s+|[\s\-./]+)([a-z]+)\.?(?:\s+del?\s+(?:l\s+)?|[\s\-./,]+)(\d{2}|\d{4})$/.exec(
      s,
    );
  if (m) {
    const month = MONTHS[m[2]!];
    if (!month) return undefined;
    const date = validYmd(fullYear(m[3]!), month, Number(m[1]));
    return date ? { ok: true, value: { date } } : { ok: false, reason: "invalid" };
  }
  // Oct 13, 2018 / October 13 2018
  m = /^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/.exec(s);
  if (m) {
    const month = MONTHS[m[1]!];
    if (!month) return undefined;
    const date = validYmd(Number(m[3]), month, Number(m[2]));
    return date ? { ok: true, value: { date } } : { ok: false, reason: "invalid" };
  }
  // octubre 2018 / oct-2018: a month only
  m = /^([a-z]+)\.?(?:\s+de\s+|[\s\-./]+)(\d{4})$/.exec(s);
  if (m && MONTHS[m[1]!]) return { ok: false, reason: "imprecise" };
  return undefined;
}

/** ISO text of a parsed date: `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM[:SS][offset]` when a time was given. */
export function formatParsedDate(p: ParsedDate): string {
  if (!p.time) return p.date;
  return `${p.date}T${p.time.length === 5 ? p.time + ":00" : p.time}${p.offset ?? ""}`;
}

/**
 * Decides the day-month order of a file from its slashed dates: any first part above 12 means
 * `dmy`, any second part above 12 means `mdy`. When both occur the majority wins and the
 * decision is `conflict`; when neither occurs it is `undecided`.
 */
export function decideDateOrder(parts: Iterable<[number, number]>): {
  order: DateOrder | undefined;
  evidence: { dmy: number; mdy: number };
  status: "decided" | "undecided" | "conflict";
} {
  let dmy = 0;
  let mdy = 0;
  for (const [a, b] of parts) {
    if (a > 12 && b <= 12) dmy++;
    else if (b > 12 && a <= 12) mdy++;
  }
  if (dmy === 0 && mdy === 0)
    return { order: undefined, evidence: { dmy, mdy }, status: "undecided" };
  const order: DateOrder = dmy >= mdy ? "dmy" : "mdy";
  return { order, evidence: { dmy, mdy }, status: dmy > 0 && mdy > 0 ? "conflict" : "decided" };
}
