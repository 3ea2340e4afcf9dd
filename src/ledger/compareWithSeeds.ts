/**
 * Regression against a situation report: the ledger's value for each figure of the report that
 * bears on a ledger category, at the figure's date, countries and place, judged by the report's own
 * wording ("over 3,700", "at least 4,000", "some 7,200").
 */
import type { SeedFigure, SeedQualifier } from "../model/seed.ts";
import type { SplitCategory } from "../model/track.ts";
import type { People } from "../model/units.ts";
import { splitTotal } from "./splitTotal.ts";
import type { LedgerResult } from "./types.ts";

/** A measure about the caseload of one assistance programme ("assisted by IOM", "… Program"). */
const PROGRAMME = /\bassist|\bprogram/i;

/** How one report figure compares with the ledger. */
export interface SeedComparison {
  seed: SeedFigure;
  /** The ledger's value for the same thing (people, or percent for a share); undefined when it has none. */
  ledger?: { value: number; valueLow: number; valueHigh: number };
  /** Whether the ledger's value fits the report's wording; undefined when there is nothing to compare. */
  matches?: boolean;
  /** Why there is nothing to compare, when `ledger` is undefined. */
  reason?: string;
}

/**
 * Whether a value fits a report's wording: `exact` within ±5 % (rounding in print), `about`
 * within ±10 %, `over` and `at_least` at or above (reports print "over 8,500" for 7,200 + 1,300:
 * the number is a bound rounded down), `up_to` at or below; a range
 * (`valueMax`) must contain the value (widened by the same ±5 % / ±10 %).
 * @example
 * fitsWording(3736, { value: 3700, qualifier: "over" }); // => true
 */
export function fitsWording(
  value: number,
  seed: { value: number; valueMax?: number; qualifier: SeedQualifier },
): boolean {
  const slack = seed.qualifier === "about" ? 0.1 : 0.05;
  if (seed.valueMax !== undefined) {
    return value >= seed.value * (1 - slack) && value <= seed.valueMax * (1 + slack);
  }
  switch (seed.qualifier) {
    case "over":
    case "at_least":
      return value >= seed.value;
    case "up_to":
      return value <= seed.value;
    default:
      return Math.abs(value - seed.value) <= slack * seed.value;
  }
}

/**
 * Compares a ledger with the figures of a situation report. Only figures with a ledger `category`
 * are compared. A count of people is read from the split on the figure's date (the categories of
 * the figure's countries; for people remaining, at its one place); a percentage of asylum claims
 * is claims over the people who left. Figures counted in other units (children, a share of a
 * programme) or about one programme's caseload (a measure naming "assisted" or a "programme")
 * have no ledger value: the ledger does not split people by age or by programme.
 * @param ledger from `buildLedger`.
 * @param seeds e.g. `situationReport2018()`.
 * @returns one comparison per figure with a category, in the order given.
 * @example
 * compareWithSeeds(ledger, situationReport2018()).filter((c) => c.matches === false);
 */
export function compareWithSeeds(
  ledger: LedgerResult,
  seeds: readonly SeedFigure[],
): SeedComparison[] {
  const out: SeedComparison[] = [];
  for (const seed of seeds) {
    if (!seed.category) continue;
    const category: SplitCategory = seed.category;
    const countries = seed.countries.length > 0 ? seed.countries : undefined;
    // Returns are placed by where people went; the place named is where they left from.
    const placeName =
      category === "remaining" && seed.placeNames.length === 1 ? seed.placeNames[0] : undefined;
    if (seed.unit === "people" && PROGRAMME.test(seed.measure)) {
      out.push({
        seed,
        reason:
          "people helped by one programme, a subset: the ledger does not split people by programme",
      });
    } else if (seed.unit === "people") {
      const total = splitTotal(ledger.split, { date: seed.asOf, category, countries, placeName });
      out.push(
        total
          ? { seed, ledger: total, matches: fitsWording(total.value, seed) }
          : {
              seed,
              reason: `the ledger has no ${category} row for ${placeName ?? countries?.join("+") ?? "any country"} on ${seed.asOf}`,
            },
      );
    } else if (seed.unit === "percent" && category === "asylum_claim" && !seed.placeNames.length) {
      const claims = splitTotal(ledger.split, { date: seed.asOf, category, countries });
      const departed = ledger.departed.find((d) => d.date === seed.asOf);
      if (!claims || !departed || departed.value <= 0) {
        out.push({
          seed,
          reason: `the ledger has no ${category} or no people who left on ${seed.asOf}`,
        });
        continue;
      }
      const share = (v: People, d: People) => (100 * v) / d;
      const ledgerShare = {
        value: share(claims.value, departed.value),
        valueLow: share(claims.valueLow, Math.max(departed.valueHigh, 1)),
        valueHigh: share(claims.valueHigh, Math.max(departed.valueLow, 1)),
      };
      out.push({ seed, ledger: ledgerShare, matches: fitsWording(ledgerShare.value, seed) });
    } else {
      out.push({
        seed,
        reason:
          seed.unit === "percent"
            ? "a share of a programme's caseload: the ledger does not split people by programme"
            : `counted in ${seed.unit}: the ledger does not split people by age`,
      });
    }
  }
  return out;
}
