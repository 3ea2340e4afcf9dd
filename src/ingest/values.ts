/**
 * Value parsing for counts, sizes and coordinates as analysts write them (docs/import.md#values):
 * Spanish and English thousands (`1.345`, `1,345`, `1 345`, `2 mil 731`), ranges
 * (`4.000–10.000`, `entre 500 y 700`), bounds (`más de 500`, `+500`, `500 o más`, `hasta 700`), approximations
 * (`aprox. 300`), and "not known" sentinels (`N/A`, `ND`, `-`, `Not available`), which are
 * unknown — never zero.
 */

/** Cells that mean "not known", lower-cased with punctuation runs as `_` (and `-`, `?` as written). */
const SENTINELS = new Set([
  "",
  "na",
  "n_a",
  "nd",
  "n_d",
  "ns_nr",
  "nsnr",
  "s_d",
  "sd",
  "not_available",
  "no_disponible",
  "sin_dato",
  "sin_datos",
  "sin_informacion",
  "sin_información",
  "desconocido",
  "unknown",
  "null",
  "none",
  "nan",
  "x",
]);

/** True for blank cells and the sentinels that mean "not known" (`N/A`, `ND`, `-`, `Not available`…). */
const unknownCache = new Map<string, boolean>();

/** First characters a sentinel can start with (after trimming), lower-cased. */
const SENTINEL_START = new Set(["n", "s", "d", "u", "x", "-", "?", ".", "…", "—", "–"]);

export function isUnknown(text: string): boolean {
  // Fast exit without copies for the common case, a cell starting with a visible ASCII character
  // that no sentinel starts with (the same answer as the general test below).
  const c0 = text.charCodeAt(0);
  if (c0 > 32 && c0 < 127) {
    const lower = c0 >= 65 && c0 <= 90 ? c0 | 0x20 : c0;
    if (
      lower !== 110 && // n
      lower !== 115 && // s
      lower !== 100 && // d
      lower !== 117 && // u
      lower !== 120 && // x
      lower !== 45 && // -
      lower !== 63 && // ?
      lower !== 46 // .
    )
      return false;
  }
  const first = text.trimStart().charAt(0).toLowerCase();
  if (first !== "" && !SENTINEL_START.has(first)) return false;
  const hit = unknownCache.get(text);
  if (hit !== undefined) return hit;
  const value = computeUnknown(text);
  // Cells repeat (place names, codes); a bounded memo keeps the check off the hot path.
  if (unknownCache.size < 10_000) unknownCache.set(text, value);
  return value;
}

function computeUnknown(text: string): boolean {
  const t = text.trim();
  if (t === "" || t === "-" || t === "–" || t === "—" || t === "?" || t === "..." || t === "…")
    return true;
  if (t.length > 20) return false;
  // Accents are kept here: "Ña" or "Ñá" are names, not "NA".
  const key = t
    .toLowerCase()
    .replace(/[\s/._-]+/g, "_")
    .replace(/^_+|_+$/g, "");
  return SENTINELS.has(key);
}

/** A parsed size or count cell. `approx` is set for "aprox.", "~", "about". */
export type Quantity =
  | { kind: "unknown" }
  | { kind: "number"; value: number; approx: boolean }
  | { kind: "range"; min: number; max: number; approx: boolean }
  | { kind: "atLeast"; min: number; approx: boolean }
  | { kind: "atMost"; max: number; approx: boolean }
  | { kind: "invalid" };

const PLAIN_INT = /^\d{1,15}$/;

/**
 * Parses one number of people: `1345`, `1.345`, `1,345`, `1 345`, `2 mil 731`, `4 mil`, `1.5 mil`,
 * `4k`, `12.0` (Excel). Dot or comma followed by exactly three digits is a thousands separator;
 * otherwise it is a decimal mark. Returns undefined when the text is not a number.
 * @example
 * parsePeopleNumber("1.345"); // => 1345
 */
export function parsePeopleNumber(text: string): number | undefined {
  let t = text.trim();
  if (PLAIN_INT.test(t)) return Number(t);
  t = t.replace(/[\s\u00a0\u202f]+/g, " ");
  let sign = 1;
  if (/^[-−]/.test(t)) {
    sign = -1;
    t = t.slice(1).trim();
  } else if (/^\(.+\)$/.test(t)) {
    // Excel's accounting format writes -20 as "(20)": read as the negative it is, so the row is
    // rejected as a negative count, not as "not a number".
    sign = -1;
    t = t.slice(1, -1).trim();
  }
  const mil = /^(\d+(?:[.,]\d+)?)\s*(?:mil|k|thousand)(?:\s+(\d{1,3}))?$/i.exec(t);
  if (mil) {
    const head = Number(mil[1]!.replace(",", "."));
    const rest = mil[2] ? Number(mil[2]) : 0;
    return sign * Math.round(head * 1000 + rest);
  }
  // Thousands grouped by space, dot, comma or apostrophe: 1 345 / 1.345.000 / 1,345 / 1'345.
  if (/^\d{1,3}([ .,'’])\d{3}(?:\1\d{3})*$/.test(t)) return sign * Number(t.replace(/\D/g, ""));
  // Grouped thousands with a decimal part: 1.345,5 / 1,345.5
  const grouped = /^(\d{1,3}(?:([.,])\d{3})+)([.,])(\d+)$/.exec(t);
  if (grouped && grouped[2] !== grouped[3]) {
    return sign * Number(grouped[1]!.replace(/\D/g, "") + "." + grouped[4]);
  }
  const decimal = /^(\d+)(?:[.,](\d+))?$/.exec(t);
  if (decimal) return sign * Number(decimal[1] + (decimal[2] ? "." + decimal[2] : ""));
  return undefined;
}

const APPROX =
  /^(?:aprox(?:imadamente)?\.?|approx(?:imately)?\.?|ca\.|circa|about|around|alrededor\s+de|cerca\s+de|m[aá]s\s+o\s+menos|unos|unas|some|~|≈)\s*/i;
const AT_LEAST =
  /^(?:m[aá]s\s+de|more\s+than|over|at\s+least|al\s+menos|por\s+lo\s+menos|m[ií]nimo|min\.?|>=?|≥|\+)\s*/i;
const AT_MOST =
  /^(?:menos\s+de|less\s+than|fewer\s+than|under|up\s+to|hasta|m[aá]ximo|max\.?|<=?|≤)\s*/i;
/**
 * A bound written after the number: `7.000 o más`, `7,000 or more`, `7000 como mínimo`, `700 o
 * menos`, `700 at most`. Without these a sightings row "7.000 o más" was rejected whole as not a
 * number (stop 20 leftover: the report was lost to the size). `500 mín.` and `500 max` as
 * `mín. 500` and `max 500` are read before the number (they were rejected).
 */
const AT_LEAST_AFTER =
  /\s+(?:(?:o|y)\s+m[aá]s|(?:or|and)\s+(?:more|over|above)|(?:como\s+)?m[ií]nimo|m[ií]n\.?|at\s+least|al\s+menos|por\s+lo\s+menos)$/i;
const AT_MOST_AFTER =
  /\s+(?:(?:o|y)\s+menos|or\s+(?:less|fewer)|(?:como\s+)?m[aá]ximo|m[aá]x\.?|at\s+most|a\s+lo\s+sumo)$/i;
/**
 * Which side a figure's qualifier word bounds it on, by the words a cell's bound is read with
 * (AT_LEAST, AT_MOST, before or after the number): `lower` ("more than", "al menos", ">",
 * `at_least`), `upper` ("fewer than", "menos de", "<", "≤", `up_to`, `less_than`), undefined for
 * anything else ("about"). Underscores and hyphens read as spaces (a `value_qualifier` code).
 * The one rule of a stock figure's `value_qualifier` (ledger, importer).
 * @example
 * qualifierBound("fewer than"); // => "upper"
 * qualifierBound("at_least");   // => "lower"
 * qualifierBound("about");      // => undefined
 */
export function qualifierBound(text: string): "lower" | "upper" | undefined {
  const t = text.trim().replace(/[_-]+/g, " ").replace(/\s+/g, " ");
  if (!t) return undefined;
  if (/^(?:below|no more than|not more than|maximum)$/i.test(t)) return "upper";
  if (/^(?:above|no less than|not less than|minimum)$/i.test(t)) return "lower";
  const before = (re: RegExp) => re.exec(t)?.[0].length === t.length;
  const after = (re: RegExp) => re.exec(" " + t)?.[0].length === t.length + 1;
  if (before(AT_MOST) || after(AT_MOST_AFTER)) return "upper";
  if (before(AT_LEAST) || after(AT_LEAST_AFTER)) return "lower";
  return undefined;
}

const BETWEEN = /^(?:entre|between|de)\s+(.+?)\s+(?:y|and|a)\s+(.+)$/i;
const RANGE = /^(.+?)\s*(?:–|—|-|\s+a\s+|\s+to\s+|\.\.)\s*(.+)$/i;
const TRAILING = /\s*(?:personas|people|persons|migrantes|migrants|pers\.?)$/i;
/** An approximation written after the number: `3000 aprox.`, `1.200 approx`, `500 ca.`. */
const APPROX_AFTER = /\s*(?:aprox(?:imadamente)?|approx(?:imately)?|ca)\.?$/i;

/**
 * Parses a size or count cell into a number, range or bound.
 * @example
 * parseQuantity("entre 4.000 y 10.000"); // => { kind: "range", min: 4000, max: 10000, approx: false }
 * parseQuantity("más de 500");           // => { kind: "atLeast", min: 500, approx: false }
 * parseQuantity("N/A");                  // => { kind: "unknown" }
 */
/** `1.345`, `1,345`, `12.345.678`: thousands grouped by dots or commas, read without a regex. */
function groupedThousands(text: string): number | undefined {
  const n = text.length;
  if (n < 5 || n > 19) return undefined;
  const sep = text.charCodeAt(n - 4);
  if (sep !== 46 && sep !== 44) return undefined;
  let value = 0;
  let digitsInGroup = 0;
  let groups = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      value = value * 10 + (c - 48);
      digitsInGroup++;
    } else if (c === sep) {
      if (digitsInGroup === 0 || (groups > 0 && digitsInGroup !== 3) || digitsInGroup > 3)
        return undefined;
      groups++;
      digitsInGroup = 0;
    } else return undefined;
  }
  return digitsInGroup === 3 && groups > 0 ? value : undefined;
}

/** True for 1–15 ASCII digits and nothing else (the common case, checked without a regex). */
export function isPlainInt(text: string): boolean {
  const n = text.length;
  if (n === 0 || n > 15) return false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

export function parseQuantity(text: string): Quantity {
  if (isPlainInt(text)) return { kind: "number", value: Number(text), approx: false };
  if (isUnknown(text)) return { kind: "unknown" };
  const grouped = groupedThousands(text);
  if (grouped !== undefined) return { kind: "number", value: grouped, approx: false };
  let t = text.trim();
  // "3000 personas aprox.", "3000 aprox. personas": the word after the number either way round.
  let approx = APPROX_AFTER.test(t);
  t = t.replace(APPROX_AFTER, "").replace(TRAILING, "");
  if (!approx && APPROX_AFTER.test(t)) {
    approx = true;
    t = t.replace(APPROX_AFTER, "");
  }
  const a = APPROX.exec(t);
  if (a) {
    approx = true;
    t = t.slice(a[0].length);
  }
  const after = AT_LEAST_AFTER.exec(t) ?? AT_MOST_AFTER.exec(t);
  if (after) {
    const v = parsePeopleNumber(t.slice(0, after.index).replace(TRAILING, ""));
    if (v === undefined) return { kind: "invalid" };
    return AT_LEAST_AFTER.test(t)
      ? { kind: "atLeast", min: v, approx }
      : { kind: "atMost", max: v, approx };
  }
  if (/\+$/.test(t)) {
    const v = parsePeopleNumber(t.slice(0, -1));
    return v === undefined ? { kind: "invalid" } : { kind: "atLeast", min: v, approx };
  }
  const least = AT_LEAST.exec(t);
  if (least) {
    const v = parsePeopleNumber(t.slice(least[0].length));
    return v === undefined ? { kind: "invalid" } : { kind: "atLeast", min: v, approx };
  }
  const most = AT_MOST.exec(t);
  if (most) {
    const v = parsePeopleNumber(t.slice(most[0].length));
    return v === undefined ? { kind: "invalid" } : { kind: "atMost", max: v, approx };
  }
  const single = parsePeopleNumber(t);
  if (single !== undefined) return { kind: "number", value: single, approx };
  const between = BETWEEN.exec(t) ?? RANGE.exec(t);
  if (between) {
    const lo = parsePeopleNumber(between[1]!);
    const hi = parsePeopleNumber(between[2]!);
    if (lo !== undefined && hi !== undefined) return { kind: "range", min: lo, max: hi, approx };
  }
  return { kind: "invalid" };
}

/**
 * Parses a decimal such as a coordinate: `14.6349`, `14,6349` (decimal comma), `-92.14`,
 * `−92,14`. Thousands separators are not expected here. Returns undefined when not a number.
 * @example
 * parseDecimal("14,6349"); // => 14.6349
 */
export function parseDecimal(text: string): number | undefined {
  const t = text.trim().replace(/^−/, "-").replace(/\s+/g, "");
  if (!/^[-+]?(\d+([.,]\d*)?|[.,]\d+)$/.test(t)) return undefined;
  return Number(t.replace(",", "."));
}

/** A coordinate read by `parseDegrees`. */
export interface Degrees {
  /** Decimal degrees, negative south and west. */
  value: number;
  /** The axis the hemisphere letter names: N/S latitude, E/W/O longitude; absent without a letter. */
  axis?: "lat" | "lon";
  /** A sign against its letter (`-14.6 N`, `+92.1 W`): which one is meant cannot be told. */
  signAgainstLetter?: boolean;
}

/**
 * A coordinate as GPS units and hand notes write it: degrees, minutes and seconds
 * (`14°40'38"N`, `92° 08' 25.5" O`), degrees and minutes (`14°40.63'N`) or decimal degrees with a
 * hemisphere letter (`14.6773 N`, `92.1404 W`). S, W and O (oeste) are negative. The letter's axis
 * is returned so that the caller can check it against the column (a W in the latitude column is
 * not a latitude). Two letters of different axes, or of different hemispheres, are not read.
 * Plain decimal numbers are `parseDecimal`'s.
 * @example
 * parseDegrees(`14°40'38"N`); // => { value: 14.677222…, axis: "lat" }
 * parseDegrees("92.1404 O");  // => { value: -92.1404, axis: "lon" }
 */
export function parseDegrees(text: string): Degrees | undefined {
  const m = DEGREES.exec(
    text
      .trim()
      .replace(/[′’´]/g, "'")
      .replace(/[″”]|''/g, '"'),
  );
  if (!m || (m[2] === undefined && !m[1] && !m[5])) return undefined;
  const num = (x: string | undefined) => (x === undefined ? 0 : Number(x.replace(",", ".")));
  const [deg, min, sec] = [num(m[2]), num(m[3]), num(m[4])];
  if (min >= 60 || sec >= 60) return undefined;
  const value = deg + min / 60 + sec / 3600;
  const sign = m[1] === "-" || m[1] === "+" ? m[1] : undefined;
  const letters = [sign ? undefined : m[1], m[5]].filter(Boolean).map((l) => l!.toUpperCase());
  if (letters.length === 2 && letters[0] !== letters[1]) return undefined;
  const letter = letters[0];
  const south = letter !== undefined && /^[SWO]$/.test(letter);
  const out: Degrees = { value: sign === "-" || south ? -value : value };
  if (letter !== undefined) {
    out.axis = /^[NS]$/.test(letter) ? "lat" : "lon";
    if ((sign === "-" && !south) || (sign === "+" && south)) out.signAgainstLetter = true;
  }
  return out;
}

/** `[hemisphere or sign] degrees[°] [minutes'] [seconds"] [hemisphere]`. */
const DEGREES =
  /^([-+NSEWO])?\s*(\d+(?:[.,]\d+)?)\s*(?:[°º]\s*(?:(\d+(?:[.,]\d+)?)\s*'\s*(?:(\d+(?:[.,]\d+)?)\s*")?)?)?\s*([NSEWO])?$/i;

/**
 * Parses a Kobo geopoint `"lat lon alt precision"` (or `"lat,lon"`) into latitude and longitude.
 * @example
 * parseGeopoint("14.6349 -92.1434 0 5"); // => { lat: 14.6349, lon: -92.1434 }
 */
export function parseGeopoint(text: string): { lat: number; lon: number } | undefined {
  const parts = text.trim().split(/[\s;]+|,\s+/);
  if (parts.length < 2) {
    const comma = text.split(",");
    if (comma.length !== 2) return undefined;
    parts.splice(0, parts.length, ...comma);
  }
  const lat = parseDecimal(parts[0]!);
  const lon = parseDecimal(parts[1]!);
  return lat === undefined || lon === undefined ? undefined : { lat, lon };
}

/**
 * Parses a share given as a fraction or percentage (`0.3`, `30%`, `30 %`, `30`) into 0–1.
 * Values above 1 are read as percentages.
 */
export function parseShare(text: string): number | undefined {
  const t = text.trim().replace(/\s*%$/, "");
  const v = parseDecimal(t);
  if (v === undefined) return undefined;
  return text.includes("%") || v > 1 ? v / 100 : v;
}
