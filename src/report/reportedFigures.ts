/**
 * The figures the sources reported, one entry per figure of one report. A situation report's
 * figures (`SeedFigure`) may also be in the stock figures, taken from the same report: the 2018
 * data has the UN inter-agency report's "over 3,700" asylum claims in Mexico and "at least 4,000"
 * remaining in Tijuana (15 Dec 2018) both as stock rows (observations lines 135–136) and as
 * figures sr-01 and sr-02 of the report. Listed from both, a reader saw each figure twice.
 * A stock row repeats a report's figure when it is the same report (the
 * organisation the stock row names is the report's agency, before any parenthesis: "UN
 * inter-agency (UNHCR/IOM/UNICEF)" and "UN inter-agency (IOM, UNHCR, UNICEF)"), the same measure
 * (category), the same place and country, the same date and the same number. The report's figure
 * is kept: it carries the report's own qualifier ("over", "at least") and words; the stock row is
 * left out of the list, not out of the ledger (which reads stock rows only).
 */
import { normalizeName } from "../geo/normalizeName.ts";
import type { SeedFigure } from "../model/seed.ts";
import type { StockFigure } from "../model/stock.ts";

/** An organisation's name as one report is known by: lower case, without what is in parentheses. */
function organisation(name: string | undefined): string {
  return (name ?? "")
    .replace(/\s*\(.*$/, "")
    .trim()
    .toLowerCase();
}

/** One place list as a key: the names normalised, sorted, joined. */
function placesKey(names: readonly string[]): string {
  return names
    .map((n) => normalizeName(n))
    .filter(Boolean)
    .sort()
    .join("|");
}

/**
 * The stock rows that repeat a report's figure, with the id of the figure kept in their place.
 * @param stocks the dataset's stock figures (the keys are 0-based indexes into them).
 * @param seeds a situation report's figures (`situationReport2018()`); only figures of people with
 *   a category are compared.
 * @returns stock row → the seed figure's `id` it repeats.
 * @example
 * stocksRepeatingReport(embedded2018().stocks, situationReport2018());
 * // => Map { 51 => "sr-01", 52 => "sr-02", 53 => "sr-31" }
 */
export function stocksRepeatingReport(
  stocks: readonly StockFigure[],
  seeds: readonly SeedFigure[],
): Map<number, string> {
  const byKey = new Map<string, string>();
  for (const f of seeds) {
    if (f.category === undefined || f.unit !== "people") continue;
    for (const country of f.countries.length ? f.countries : [""])
      byKey.set(
        JSON.stringify([
          organisation(f.agency),
          f.category,
          placesKey(f.placeNames),
          country,
          f.asOf,
          f.value,
        ]),
        f.id,
      );
  }
  const out = new Map<number, string>();
  stocks.forEach((s, row) => {
    const id = byKey.get(
      JSON.stringify([
        organisation(s.sourceOrg),
        s.category,
        placesKey(s.placeName ? [s.placeName] : []),
        s.country ?? "",
        String(s.date).slice(0, 10),
        s.value,
      ]),
    );
    if (id !== undefined) out.set(row, id);
  });
  return out;
}
