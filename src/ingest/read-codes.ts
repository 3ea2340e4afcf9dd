/** Coded cells: a choice from a closed list, and country or nationality codes. */
import type { ImportIssueCode } from "./issue-codes.ts";
import { parseCountry } from "./enums.ts";
import type { IssueParams } from "./report.ts";
import { remember } from "./row-reader.ts";
import type { RowReader } from "./row-reader.ts";

/**
 * A required value from a closed list (stock category, basis…): `undefined` and a rejection
 * when the cell is blank (`missing_value`, "<column> is blank; <whenBlank>.") or not in the list
 * (`code`, "<column> "<text>" is not <expected>."). A closed list given as `expected` is written
 * "one of a, b, c" and sent as `params.choices` ("a, b, c"), so a front end says it in its own
 * language from the list the library checks against.
 */
export function readChoice<T>(
  r: RowReader,
  field: string,
  parse: (text: string) => T | undefined,
  code: ImportIssueCode,
  expected: string | readonly string[],
  whenBlank: string,
): T | undefined {
  const text = r.text(field);
  if (text === undefined) {
    r.reject(field, "missing_value", `${r.column(field)} is blank; ${whenBlank}.`, "", undefined, {
      need: field,
    });
    return undefined;
  }
  const value = parse(text);
  if (value === undefined) {
    const choices = typeof expected === "string" ? undefined : expected.join(", ");
    const said = choices === undefined ? expected : `one of ${choices}`;
    const params: IssueParams | undefined = choices === undefined ? undefined : { choices };
    r.reject(field, code, `${r.column(field)} "${text}" is not ${said}.`, text, undefined, params);
  }
  return value;
}

/**
 * A country or nationality code, or undefined; an unrecognised name is warned about and kept as
 * written, and the extra attributes (possibly new) are left in `extraOut`. No result object:
 * this runs on every row.
 */
export function readCountryCode(
  r: RowReader,
  field: string,
  extra: Record<string, string> | undefined,
  i: number | undefined = r.ctx.idx[field],
): string | undefined {
  r.extraOut = extra;
  const t = r.textAt(i);
  if (t === undefined) return undefined;
  let iso = r.countries.get(t);
  if (iso === undefined) iso = remember(r.countries, t, parseCountry(t) ?? null);
  if (iso) return iso;
  const several = severalCountries(t);
  if (several)
    r.warn(
      field,
      "several_countries",
      `${r.column(field)} "${t}" names several countries (${several.join(", ")}), and a row holds one: kept as written in the extra attributes (give one row per country to count each).`,
      t,
      { countries: several.join(", ") },
    );
  else
    r.warn(
      field,
      "unknown_country",
      `${r.column(field)} "${t}" is not a country code or name known; kept as written in the extra attributes.`,
      t,
    );
  r.extraOut = r.keepRaw(extra, field, t);
  return undefined;
}

/**
 * The countries of a cell that names several (a Kobo select_multiple's `hondurena guatemalteca`,
 * `Honduras, Guatemala`, `HND/GTM`, `Honduras y Guatemala`), or undefined unless every piece is a
 * country and there are two or more. Split on commas, semicolons, slashes, `+`, `y`/`and`, then on
 * spaces (`El Salvador` alone is one country: it is read before this is asked).
 */
export function severalCountries(text: string): string[] | undefined {
  for (const split of [/\s*(?:[,;/+]|\s(?:y|e|and)\s)\s*/i, /\s+/]) {
    const pieces = text.split(split).filter((x) => x !== "");
    if (pieces.length < 2) continue;
    const codes = pieces.map((x) => parseCountry(x));
    if (codes.every((c) => c !== undefined)) {
      const distinct = [...new Set(codes as string[])];
      if (distinct.length > 1) return distinct;
    }
  }
  return undefined;
}

export function readCountry(
  r: RowReader,
  field: string,
  extra: Record<string, string> | undefined,
): { value?: string; extra?: Record<string, string> } {
  const value = readCountryCode(r, field, extra);
  const out = r.extraOut;
  if (value !== undefined) return out ? { value, extra: out } : { value };
  return out ? { extra: out } : {};
}
