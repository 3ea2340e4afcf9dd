/**
 * Regression against a situation report: the ledger's value for each figure of the report that
 * bears on a ledger category, at the figure's date, countries and place, judged by the report's own
 * wording ("over 3,700", "at least 4,000", "some 7,200").
 */
import { normalizeName } from "../geo/normalizeName.ts";
import type { SeedFigure, SeedQualifier } from "../model/seed.ts";
import type { StockFigure } from "../model/stock.ts";
import type { SplitCategory } from "../model/track.ts";
import type { IsoDate, Iso3, People } from "../model/units.ts";
import { categoryWords, formatPeople } from "./describe.ts";
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
  /**
   * The stock figures the ledger's value rests on: for each country (and place) the figures of
   * the latest date on or before the report's date. Empty when the ledger has none.
   */
  sources: SeedSource[];
  /** Why the ledger's value does not fit the report's wording, when `matches` is false. */
  gap?: string;
}

/** One stock figure behind a compared value. */
export interface SeedSource {
  /** 0-based index into `dataset.stocks`. */
  row: number;
  date: IsoDate;
  value: People;
  country?: Iso3;
  placeName?: string;
  sourceOrg?: string;
  url?: string;
  /** `at_least`, `up_to`, `about` … as the source worded it; undefined for a plain figure. */
  qualifier?: string;
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
 * The stock figures behind the ledger's value for a seed: for each (country, place) series of the
 * category that the seed names, the figures of the latest date on or before the seed's date.
 */
export function seedSources(
  ledger: LedgerResult,
  stocks: readonly StockFigure[],
  query: {
    category: SplitCategory;
    asOf: IsoDate;
    countries?: readonly Iso3[];
    placeName?: string;
  },
): SeedSource[] {
  const place = query.placeName === undefined ? undefined : normalizeName(query.placeName);
  const out: SeedSource[] = [];
  for (const source of ledger.sources) {
    if (source.category !== query.category) continue;
    if (query.countries && !query.countries.includes(source.country ?? "")) continue;
    if (place !== undefined && normalizeName(source.placeName ?? "") !== place) continue;
    // A country's own figures, not each of its places again (places have sources of their own).
    if (place === undefined && source.placeName !== undefined) continue;
    const dated = source.rows.filter((row) => stocks[row] && stocks[row]!.date <= query.asOf);
    const latest = dated.reduce((d, row) => (stocks[row]!.date > d ? stocks[row]!.date : d), "");
    for (const row of dated) {
      const f = stocks[row]!;
      if (f.date !== latest) continue;
      out.push({
        row,
        date: f.date,
        value: f.value,
        country: f.country,
        placeName: f.placeName,
        sourceOrg: f.sourceOrg,
        url: f.url,
        qualifier: f.extra?.["value_qualifier"] || undefined,
      });
    }
  }
  return out.sort((a, b) => a.row - b.row);
}

/**
 * Why a count of people does not fit: how far it is, and which of the figure's countries the
 * ledger has no figure for (or only older ones).
 */
function peopleGap(
  seed: SeedFigure,
  category: SplitCategory,
  value: number,
  sources: readonly SeedSource[],
): string {
  const direction = value < seed.value ? "below" : "above";
  const missing = seed.countries.filter((c) => !sources.some((s) => s.country === c));
  const latest = sources
    .map(
      (s) =>
        `${s.country ?? ""}${s.placeName ? " " + s.placeName : ""} ${formatPeople(s.value)} on ${s.date} (${s.sourceOrg ?? "source not named"})`,
    )
    .join("; ");
  return (
    `the ledger's ${formatPeople(value)} is ${formatPeople(Math.abs(value - seed.value))} ${direction} the report's ${seed.qualifier.replace("_", " ")} ${formatPeople(seed.value)}` +
    (missing.length > 0
      ? `; the inputs hold no figure of ${categoryWords(category)} for ${missing.join(", ")}`
      : "") +
    (latest ? `; latest figures by ${seed.asOf}: ${latest}` : "")
  );
}

/** Why a share of the people who left does not fit: the denominator the report implies. */
function shareGap(seed: SeedFigure, claims: number, departed: number): string {
  const high = seed.valueMax ?? seed.value;
  return (
    `the ledger's share is ${formatPeople(claims)} claims / ${formatPeople(departed)} people who left = ${((100 * claims) / departed).toFixed(1)} %; ` +
    `the report's ${seed.value}${seed.valueMax !== undefined ? `–${high}` : ""} % implies ${formatPeople((100 * claims) / high)}–${formatPeople((100 * claims) / seed.value)} people who left: ` +
    `the ledger's people who left (group peaks, departure totals and categories that overlap in the sources) is larger`
  );
}

/**
 * Compares a ledger with the figures of a situation report. Only figures with a ledger `category`
 * are compared. A count of people is read from the split on the figure's date (the categories of
 * the figure's countries; for people remaining, at its one place); a percentage of asylum claims
 * is claims over the people who left. Figures counted in other units (children, a share of a
 * programme) or about one programme's caseload (a measure naming "assisted" or a "programme")
 * have no ledger value: the ledger does not split people by age or by programme. Every
 * comparison names the stock figures its value rests on (`sources`, when `stocks` is given) and,
 * when it does not fit, why (`gap`).
 * @param ledger from `buildLedger`.
 * @param seeds e.g. `situationReport2018()`.
 * @param stocks the stock figures the ledger was built from (`dataset.stocks`), to name sources.
 * @returns one comparison per figure with a category, in the order given.
 * @example
 * compareWithSeeds(ledger, situationReport2018(), dataset.stocks).filter((c) => c.matches === false);
 */
export function compareWithSeeds(
  ledger: LedgerResult,
  seeds: readonly SeedFigure[],
  stocks: readonly StockFigure[] = [],
): SeedComparison[] {
  return seeds.flatMap((seed) =>
    seed.category ? [compareOne(ledger, seed, seed.category, stocks)] : [],
  );
}

function compareOne(
  ledger: LedgerResult,
  seed: SeedFigure,
  category: SplitCategory,
  stocks: readonly StockFigure[],
): SeedComparison {
  const countries = seed.countries.length > 0 ? seed.countries : undefined;
  // Returns are placed by where people went; the place named is where they left from.
  const placeName =
    category === "remaining" && seed.placeNames.length === 1 ? seed.placeNames[0] : undefined;
  const sources = seedSources(ledger, stocks, { category, asOf: seed.asOf, countries, placeName });
  if (seed.unit === "people" && PROGRAMME.test(seed.measure)) {
    return {
      seed,
      sources,
      reason:
        "people helped by one programme, a subset: the ledger does not split people by programme",
    };
  }
  if (seed.unit === "people") {
    const total = splitTotal(ledger.split, { date: seed.asOf, category, countries, placeName });
    if (!total) {
      return {
        seed,
        sources,
        reason: `the ledger has no row of ${categoryWords(category)} for ${placeName ?? countries?.join("+") ?? "any country"} on ${seed.asOf}`,
      };
    }
    const matches = fitsWording(total.value, seed);
    return {
      seed,
      ledger: total,
      matches,
      sources,
      ...(matches ? {} : { gap: peopleGap(seed, category, total.value, sources) }),
    };
  }
  if (seed.unit === "percent" && category === "asylum_claim" && !seed.placeNames.length) {
    const claims = splitTotal(ledger.split, { date: seed.asOf, category, countries });
    const departed = ledger.departed.find((d) => d.date === seed.asOf);
    if (!claims || !departed || departed.value <= 0) {
      return {
        seed,
        sources,
        reason: `the ledger has no ${categoryWords(category)} or no people who left on ${seed.asOf}`,
      };
    }
    const share = (v: People, d: People) => (100 * v) / d;
    const ledgerShare = {
      value: share(claims.value, departed.value),
      valueLow: share(claims.valueLow, Math.max(departed.valueHigh, 1)),
      valueHigh: share(claims.valueHigh, Math.max(departed.valueLow, 1)),
    };
    const matches = fitsWording(ledgerShare.value, seed);
    return {
      seed,
      ledger: ledgerShare,
      matches,
      sources,
      ...(matches ? {} : { gap: shareGap(seed, claims.value, departed.value) }),
    };
  }
  return {
    seed,
    sources,
    reason:
      seed.unit === "percent"
        ? "a share of a programme's caseload: the ledger does not split people by programme"
        : `counted in ${seed.unit}: the ledger does not split people by age`,
  };
}
