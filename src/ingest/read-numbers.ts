/** Numbers in cells: counts of people (with the per-row limit) and decimals. */
import type { RowReader } from "./row-reader.ts";
import type { IssueParams } from "./report.ts";
import { parseDecimal, parseDegrees, parseQuantity } from "./values.ts";
import type { Quantity } from "./values.ts";

/**
 * Most people one row may state (a count, a group size, a stock figure): 10 million, more than
 * the population of Honduras and more than a thousand times the largest 2018 caravan (up to about
 * 7,000: UNHCR, 23 October 2018), so a larger figure is a stray digit. It also keeps sums exact: 900 million rows at the limit stay below 2^53.
 */
export const MAX_PEOPLE_PER_ROW = 10_000_000;

/**
 * A formula kept as its text (`=SUMA(E7:H7)`, `=E7+F7`: a cell typed with a leading apostrophe,
 * or a sheet exported with "show formulas"): its value is in the sheet, not in the file.
 */
export function isFormulaText(t: string): boolean {
  return /^=\s*[\p{L}_][\p{L}\d_.]*\s*\(|^=\s*[A-Z]{1,3}\d+\s*[-+*/]/u.test(t);
}

/**
 * A people cell that is not a number: a formula as text is said as such, `formula_text`;
 * anything else is `invalid_number`.
 */
export function rejectNotANumber(r: RowReader, field: string, t: string): void {
  if (isFormulaText(t))
    r.reject(
      field,
      "formula_text",
      `${r.column(field)} "${t}" is a formula written as text, not its value: save the sheet with the formula's result (or type the number) and import it again.`,
      t,
    );
  else r.reject(field, "invalid_number", `${r.column(field)} "${t}" is not a number.`, t);
}

/**
 * Rejects a cell with a negative figure (`-5`, `(700)`, `hasta (500)`) as `negative_count`, the
 * one sentence for counts and sightings' sizes; `value` is the negative figure read. Excel's
 * accounting format `(700)` is named as such.
 */
export function rejectNegative(r: RowReader, field: string, t: string, value: number): void {
  r.reject(
    field,
    "negative_count",
    t.includes("(")
      ? `${r.column(field)} "${t}" is negative (${value} in Excel's accounting format); counts are people, 0 or more.`
      : `${r.column(field)} is negative (${t}); counts are people, 0 or more.`,
    t,
  );
}

/** A count of people: integer ≥ 0, or undefined when blank. Ranges and bounds are rejected. */
export function readCount(
  r: RowReader,
  field: string,
  i: number | undefined = r.ctx.idx[field],
): number | undefined {
  const t = r.textAt(i);
  if (t === undefined) return undefined;
  // Plain digits (most cells), read in place: the same value as isPlainInt + Number.
  const n = t.length;
  if (n <= 15) {
    let v = 0;
    let i = 0;
    for (; i < n; i++) {
      const d = t.charCodeAt(i) - 48;
      if (d < 0 || d > 9) break;
      v = v * 10 + d;
    }
    if (i === n && v <= MAX_PEOPLE_PER_ROW) return v;
  }
  const q = parseQuantity(t);
  if (q.kind === "unknown") return undefined;
  if (q.kind === "number") {
    if (q.value < 0) {
      rejectNegative(r, field, t, q.value);
      return undefined;
    }
    if (!withinPeopleLimit(r, field, t, q.value)) return undefined;
    if (!Number.isInteger(q.value)) {
      r.reject(
        field,
        "not_integer",
        `${r.column(field)} "${t}" is not a whole number of people.`,
        t,
      );
      return undefined;
    }
    if (q.approx) warnApproximate(r, field, t, q);
    r.ctx.thousands?.check(r, field, t, q.value);
    return q.value;
  }
  if (q.kind === "invalid") {
    rejectNotANumber(r, field, t);
    return undefined;
  }
  r.reject(
    field,
    "not_a_count",
    `${r.column(field)} "${t}" is a range or bound; a count needs one number (sizes with ranges belong in a sightings file).`,
    t,
  );
  return undefined;
}

/**
 * Warns that cell `t` is approximate (`aprox. 3000`, `3000 aprox.`, `unas 5000–7000`) and says how it
 * was read: the figure, the range or the bound, as English `read` and as numbers (`min`, `max`) so that
 * a front end formats a range or a bound as it formats a single figure (issue-text.ts). One rule for
 * counts and sightings.
 */
export function warnApproximate(
  r: RowReader,
  field: string,
  t: string,
  q: Exclude<Quantity, { kind: "unknown" | "invalid" }>,
): void {
  const read =
    q.kind === "number"
      ? q.value
      : q.kind === "range"
        ? `${q.min}–${q.max}`
        : q.kind === "atLeast"
          ? `≥ ${q.min}`
          : `≤ ${q.max}`;
  const bounds: IssueParams =
    q.kind === "range"
      ? { min: q.min, max: q.max }
      : q.kind === "atLeast"
        ? { min: q.min }
        : q.kind === "atMost"
          ? { max: q.max }
          : {};
  r.warn(field, "approximate", `${r.column(field)} "${t}" is approximate; read as ${read}.`, t, {
    read,
    ...bounds,
  });
}

/**
 * False (and the row rejected) when a number of people is beyond what one row may state: above
 * 2^53 it cannot even be stored exactly (`9007199254740993` would become …992), above
 * MAX_PEOPLE_PER_ROW it is a stray digit.
 */
export function withinPeopleLimit(r: RowReader, field: string, t: string, value: number): boolean {
  if (Math.abs(value) <= MAX_PEOPLE_PER_ROW) return true;
  if (!Number.isSafeInteger(value) && Number.isFinite(value) && Math.abs(value) >= 2 ** 53) {
    r.reject(
      field,
      "number_too_large",
      `${r.column(field)} "${t}" is beyond 2^53 (9,007,199,254,740,992), too large to be stored exactly, and far above ${MAX_PEOPLE_PER_ROW.toLocaleString("en-US")} people, the most one row may state; check the cell.`,
      t,
    );
  } else {
    r.reject(
      field,
      "too_many_people",
      `${r.column(field)} "${t}" is above ${MAX_PEOPLE_PER_ROW.toLocaleString("en-US")} people, the most one row may state; check the cell.`,
      t,
    );
  }
  return false;
}

/**
 * People in one row above which the row is kept but flagged (`unlikely_count`): more than ten
 * times the largest 2018 caravan ("up to 7,000 people or more", UNHCR briefing of 23 October 2018,
 * in data/sightings.csv), so a stray digit (`500000` for `500`) is seen before it becomes the
 * replay's "people who left". Far below MAX_PEOPLE_PER_ROW, which rejects.
 */
export const UNLIKELY_PEOPLE_PER_ROW = 100_000;

/** Warns when `value` people in one row (counts' total, a sighting's size) is above UNLIKELY_PEOPLE_PER_ROW. */
export function warnUnlikelyPeople(r: RowReader, field: string, value: number | undefined): void {
  if (value === undefined || value <= UNLIKELY_PEOPLE_PER_ROW) return;
  const people = value.toLocaleString("en-US");
  r.warn(
    field,
    "unlikely_count",
    `${r.column(field)}: ${people} people in one row is more than ten times the largest 2018 caravan (up to about 7,000, UNHCR, 23 Oct 2018); kept, but check the cell for a stray digit.`,
    String(value),
    { people: value, limit: UNLIKELY_PEOPLE_PER_ROW },
  );
}

/**
 * A coordinate cell (`lat` or `lon`): a decimal, or degrees with a hemisphere letter (values.ts,
 * parseDegrees). `axis` is the axis its letter names, for the caller to check against the column;
 * a sign against its letter (`-14.6 N`) is rejected as `invalid_coordinate`.
 */
export function readCoordinateCell(
  r: RowReader,
  field: string,
): { value?: number; axis?: "lat" | "lon" } {
  const t = r.text(field);
  if (t === undefined) return {};
  const plain = parseDecimal(t);
  if (plain !== undefined) return { value: plain };
  const d = parseDegrees(t);
  if (d === undefined) {
    r.reject(field, "invalid_number", `${r.column(field)} "${t}" is not a decimal number.`, t);
    return {};
  }
  if (d.signAgainstLetter) {
    r.reject(
      field,
      "invalid_coordinate",
      `${r.column(field)} "${t}": the sign says one hemisphere and the letter the other; write one of them.`,
      t,
      undefined,
      { variant: "sign" },
    );
    return {};
  }
  return d;
}
