// Splits the second reference table (data/sources/returns-stocks.csv, a copy of the reference
// file: returns, shelter occupancy, asylum claims, visas and exit counts) into the embedded stocks
// and aggregates. Every one of its rows lands in exactly one table (column `rs_line` = its line in
// the source file) or in RS_EXCLUDED with a reason. The decisions are listed here, line by line, so
// that a rebuild reproduces them and a reviewer can check each one.
//
// Rules against double counting (data/README.md, "Returns and stocks"):
// - A ledger return is placed by the country people returned TO. Only national series by country
//   of return (Honduras, El Salvador, Guatemala) are stocks. Figures by place of departure
//   (returns from Mexico, Tijuana, Baja California, Tecún Umán), programme caseloads (IOM's
//   assisted returns) and age subsets (minors) are subsets of those national series: they are
//   aggregates, never added on top.
// - Requests to return are not returns (aggregates). People who desisted at El Salvador's exit
//   posts are not in DGME's "returned" figure (it names them apart): aggregates.
// - A state total (Baja California) overlaps its cities (Tijuana, Mexicali): aggregate.
// - Head counts of a caravan while resting in Mexico City are the size of a group the sightings
//   already give (observations lines 65, 70, 72, 103, 106): aggregates, so the group is not
//   counted twice as people remaining.
// - Counts of people passing a point are kept as aggregates (the estimator's count records are
//   another area's inputs; see data/README.md).
// - A snapshot of people present needs its day: undated figures are aggregates, dated on the
//   earliest day the source allows, with the approximation in `notes`.
// - The same figure through two sources is used once; the other copy is excluded, naming it.
import type { Row } from "./csv.ts";
import { firstUrl } from "./observations.ts";

type Basis = "cumulative" | "present";

interface ToStock {
  table: "stocks";
  category: "asylum_claim" | "return" | "remaining";
  basis: Basis;
  /** Place name as in data/places.csv; blank for a national figure. */
  place?: string;
  why: string;
}

interface ToAggregate {
  table: "aggregates";
  measure: string;
  basis: Basis;
  place?: string;
  /** ISO date for a row the source leaves undated (`2018-12`): the earliest day it can hold. */
  date?: string;
  why: string;
}

type Rule = ToStock | ToAggregate;

const RETURN_HND = "cumulative returns to Honduras (national series by country of return)";
const RETURN_SLV = "cumulative returns to El Salvador (national series by country of return)";
const CLAIMS_MEX = "cumulative asylum claims in Mexico (national series, SEGOB/COMAR)";
const BY_ORIGIN =
  "returns counted where people left from: a subset of the national series by country of return (Honduras, El Salvador, Guatemala), never added to them";
const IOM_AVR = "IOM assisted voluntary returns: a programme subset of the national return series";
const REQUESTS = "requests to return, not completed returns";
const CROSSING = "people counted passing a point on one day, not a stock";
const RESTING =
  "head count of a caravan resting in Mexico City: the size of a group the sightings already give, not people who stayed";
const UNDATED_DEC5 =
  "the INM communiqué is undated (after 5 Dec); dated 6 Dec, the earliest day it can hold, so it is an aggregate, never a ledger stock";

/** Line (in data/sources/returns-stocks.csv) → where the row goes and why. */
export const RS_RULES: Record<number, Rule> = {
  2: { table: "aggregates", measure: "crossed_into_el_salvador", basis: "present", why: CROSSING },
  3: {
    table: "aggregates",
    measure: "arrived_mexico_southern_border_cumulative",
    basis: "cumulative",
    place: "Ciudad Hidalgo",
    why: "cumulative arrivals at Mexico's southern border (all caravans)",
  },
  4: {
    table: "aggregates",
    measure: "returns_from_guatemala",
    basis: "cumulative",
    why: `Hondurans leaving Guatemala, as Guatemala counted them: ${BY_ORIGIN}`,
  },
  5: { table: "stocks", category: "return", basis: "cumulative", why: RETURN_HND },
  6: {
    table: "aggregates",
    measure: "return_requests_mexico",
    basis: "cumulative",
    place: "Ciudad Hidalgo",
    why: REQUESTS,
  },
  7: { table: "stocks", category: "asylum_claim", basis: "cumulative", why: CLAIMS_MEX },
  8: { table: "stocks", category: "return", basis: "cumulative", why: RETURN_HND },
  10: {
    table: "stocks",
    category: "asylum_claim",
    basis: "cumulative",
    why: `${CLAIMS_MEX}; likely the figure the observations give as ~1,700 on 24 Oct: pooled, not added (a cumulative series)`,
  },
  11: {
    table: "aggregates",
    measure: "return_requests_mexico",
    basis: "cumulative",
    place: "Tapachula",
    why: REQUESTS,
  },
  12: { table: "stocks", category: "return", basis: "cumulative", why: RETURN_HND },
  13: { table: "stocks", category: "return", basis: "cumulative", why: RETURN_HND },
  14: {
    table: "aggregates",
    measure: "return_requests_mexico",
    basis: "cumulative",
    why: REQUESTS,
  },
  15: {
    table: "aggregates",
    measure: "returns_from_mexico",
    basis: "cumulative",
    place: "Tapachula",
    why: BY_ORIGIN,
  },
  16: {
    table: "stocks",
    category: "asylum_claim",
    basis: "cumulative",
    why: `${CLAIMS_MEX}; Mexico's cumulative total, not the second caravan's; observations line 49 uses the same figure as a count at the Suchiate bridge`,
  },
  17: {
    table: "aggregates",
    measure: "crossed_into_mexico_bridge",
    basis: "present",
    place: "Ciudad Tecún Umán",
    why: CROSSING,
  },
  18: {
    table: "aggregates",
    measure: "exits_el_salvador",
    basis: "present",
    why: `${CROSSING}; DGME's own figure (AFP relayed 534, line 19: both kept)`,
  },
  19: {
    table: "aggregates",
    measure: "exits_el_salvador",
    basis: "present",
    why: `${CROSSING}; conflicts with DGME's 685 (line 18): both kept`,
  },
  20: {
    table: "stocks",
    category: "return",
    basis: "cumulative",
    why: `${RETURN_HND}; below the ~5,000 of 27 Oct: the ledger pools them (isotonic regression) and warns`,
  },
  21: {
    table: "aggregates",
    measure: "return_requests_mexico",
    basis: "cumulative",
    why: REQUESTS,
  },
  22: {
    table: "aggregates",
    measure: "temporary_ids_estas_en_tu_casa",
    basis: "cumulative",
    why: "temporary identity cards of the 'Estás en tu casa' programme, not humanitarian visas (the source says so)",
  },
  23: {
    table: "aggregates",
    measure: "asylum_claims_salvadorans_mexico",
    basis: "cumulative",
    place: "Ciudad Hidalgo",
    why: "Salvadoran asylum claims only: a subset of the national series of asylum claims in Mexico",
  },
  24: {
    table: "aggregates",
    measure: "exits_el_salvador",
    basis: "present",
    place: "La Hachadura border post",
    why: CROSSING,
  },
  25: { table: "aggregates", measure: "exits_el_salvador", basis: "present", why: CROSSING },
  26: { table: "aggregates", measure: "exits_el_salvador", basis: "present", why: CROSSING },
  27: { table: "stocks", category: "asylum_claim", basis: "cumulative", why: CLAIMS_MEX },
  28: {
    table: "aggregates",
    measure: "returns_from_mexico",
    basis: "cumulative",
    why: `asylum applicants who withdrew and went home to Guatemala and Honduras: ${BY_ORIGIN}`,
  },
  29: { table: "stocks", category: "return", basis: "cumulative", why: RETURN_SLV },
  30: {
    table: "aggregates",
    measure: "desisted_at_border_el_salvador",
    basis: "cumulative",
    why: "people who desisted at El Salvador's exit posts: DGME counts them apart from the people who returned (line 61: 1,300 returned, 487 desisted)",
  },
  31: {
    table: "aggregates",
    measure: "desisted_at_border_el_salvador",
    basis: "cumulative",
    place: "La Hachadura border post",
    why: "part of the 268 of line 30 (desisted at the exit posts, not returned)",
  },
  32: {
    table: "aggregates",
    measure: "desisted_at_border_el_salvador",
    basis: "cumulative",
    why: "part of the 268 of line 30 (desisted at the exit posts, not returned)",
  },
  33: {
    table: "aggregates",
    measure: "crossed_into_mexico_river",
    basis: "present",
    place: "Ciudad Hidalgo",
    why: CROSSING,
  },
  34: {
    table: "aggregates",
    measure: "waiting_at_bridge",
    basis: "present",
    place: "Suchiate bridge",
    why: "people waiting on the bridge to enter legally on one day: a group's members, not people who stayed",
  },
  35: { table: "stocks", category: "return", basis: "cumulative", why: RETURN_SLV },
  36: { table: "stocks", category: "return", basis: "cumulative", why: RETURN_SLV },
  37: { table: "stocks", category: "return", basis: "cumulative", why: RETURN_SLV },
  38: { table: "aggregates", measure: "sheltered_mexico_city", basis: "present", why: RESTING },
  39: { table: "stocks", category: "asylum_claim", basis: "cumulative", why: CLAIMS_MEX },
  40: { table: "aggregates", measure: "sheltered_mexico_city", basis: "present", why: RESTING },
  42: {
    table: "aggregates",
    measure: "returns_from_mexico",
    basis: "cumulative",
    why: `INM balance of people who took the return plan: ${BY_ORIGIN}`,
  },
  43: {
    table: "aggregates",
    measure: "sheltered_mexico_city",
    basis: "present",
    place: "Mexico City",
    why: RESTING,
  },
  44: {
    table: "aggregates",
    measure: "exits_el_salvador",
    basis: "present",
    place: "La Hachadura border post",
    why: CROSSING,
  },
  45: {
    table: "stocks",
    category: "remaining",
    basis: "present",
    place: "Mexico City",
    why: "people still in Mexico City when Palillo closed, after the caravans had left (moved to Casa del Peregrino); UNICEF counted 270 still there on 28 Nov",
  },
  46: {
    table: "aggregates",
    measure: "sheltered_mexico_city_cumulative",
    basis: "cumulative",
    place: "Mexico City",
    why: "people sheltered at Palillo over two weeks: cumulative, not a head count",
  },
  47: {
    table: "aggregates",
    measure: "crossed_into_mexico_river",
    basis: "present",
    place: "Ciudad Hidalgo",
    why: CROSSING,
  },
  48: {
    table: "stocks",
    category: "remaining",
    basis: "present",
    place: "Tijuana",
    why: "people present in Tijuana",
  },
  49: {
    table: "aggregates",
    measure: "arrived_baja_california_cumulative",
    basis: "cumulative",
    why: "cumulative arrivals in Baja California, not people present",
  },
  50: {
    table: "aggregates",
    measure: "present_baja_california",
    basis: "present",
    why: "Baja California as a whole (Tijuana + Mexicali): a state total overlapping its cities' figures",
  },
  51: {
    table: "aggregates",
    measure: "returns_from_tijuana",
    basis: "cumulative",
    place: "Tijuana",
    why: BY_ORIGIN,
  },
  52: {
    table: "stocks",
    category: "remaining",
    basis: "present",
    place: "Benito Juárez sports complex",
    why: "shelter registry (folds into Tijuana)",
  },
  53: {
    table: "aggregates",
    measure: "returns_from_tijuana",
    basis: "cumulative",
    place: "Tijuana",
    why: BY_ORIGIN,
  },
  54: {
    table: "aggregates",
    measure: "return_requests_mexico",
    basis: "cumulative",
    place: "Tijuana",
    why: REQUESTS,
  },
  55: {
    table: "aggregates",
    measure: "returns_from_baja_california",
    basis: "cumulative",
    why: BY_ORIGIN,
  },
  56: {
    table: "stocks",
    category: "remaining",
    basis: "present",
    place: "Benito Juárez sports complex",
    why: "shelter count (folds into Tijuana)",
  },
  57: {
    table: "stocks",
    category: "remaining",
    basis: "present",
    place: "El Barretal",
    why: "shelter count (folds into Tijuana)",
  },
  58: {
    table: "stocks",
    category: "remaining",
    basis: "present",
    place: "El Barretal",
    why: "shelter count (folds into Tijuana)",
  },
  59: {
    table: "aggregates",
    measure: "asylum_claims_salvadorans_mexico",
    basis: "cumulative",
    date: "2018-12-01",
    why: "Salvadoran asylum claims only (a subset of the national series); the article is undated (after 18 Nov, month 2018-12): dated 1 Dec, the earliest day it can hold",
  },
  60: {
    table: "aggregates",
    measure: "returns_from_baja_california",
    basis: "cumulative",
    date: "2018-12-06",
    why: `${BY_ORIGIN}; ${UNDATED_DEC5}`,
  },
  62: {
    table: "aggregates",
    measure: "returns_el_salvador_minors",
    basis: "cumulative",
    date: "2018-12-01",
    why: "minors only: an age subset of the returns to El Salvador; the article is undated (after 18 Nov, month 2018-12): dated 1 Dec, the earliest day it can hold",
  },
  63: {
    table: "aggregates",
    measure: "present_baja_california",
    basis: "present",
    date: "2018-12-06",
    why: `Baja California as a whole, overlapping its cities; ${UNDATED_DEC5}`,
  },
  64: {
    table: "aggregates",
    measure: "sheltered_tijuana",
    basis: "present",
    place: "Tijuana",
    date: "2018-12-06",
    why: `people in Tijuana's 21 shelters, part of the 3,116 in Tijuana the same communiqué gives; ${UNDATED_DEC5}`,
  },
  65: {
    table: "aggregates",
    measure: "present_mexicali",
    basis: "present",
    place: "Mexicali",
    date: "2018-12-06",
    why: `people in Mexicali; ${UNDATED_DEC5}`,
  },
  66: {
    table: "aggregates",
    measure: "humanitarian_visa_applications_baja_california",
    basis: "cumulative",
    date: "2018-12-06",
    why: `applications, not visas issued; ${UNDATED_DEC5}`,
  },
  67: {
    table: "aggregates",
    measure: "humanitarian_visas_delivered_baja_california",
    basis: "cumulative",
    date: "2018-12-06",
    why: `cards delivered to people the ledger already counts as remaining in Tijuana and Mexicali (a regularised row would count them twice); ${UNDATED_DEC5}`,
  },
  68: {
    table: "stocks",
    category: "return",
    basis: "cumulative",
    why: `${RETURN_HND}; the Honduran government's figure relayed by UNHCR in the situation report`,
  },
  69: {
    table: "aggregates",
    measure: "humanitarian_visa_applications_baja_california",
    basis: "cumulative",
    place: "Mexicali",
    why: "applications, not visas issued",
  },
  70: {
    table: "aggregates",
    measure: "accounted_for_tijuana",
    basis: "cumulative",
    place: "Tijuana",
    why: "'well located' of the 6,000 who reached Tijuana: includes the ~1,000 who returned (same briefing, observations line 133), not people present",
  },
  71: {
    table: "aggregates",
    measure: "returns_from_baja_california",
    basis: "cumulative",
    why: BY_ORIGIN,
  },
  72: {
    table: "stocks",
    category: "remaining",
    basis: "present",
    place: "El Barretal",
    why: "shelter estimate (folds into Tijuana)",
  },
  73: {
    table: "stocks",
    category: "remaining",
    basis: "present",
    place: "Benito Juárez sports complex",
    why: "people still around the closed shelter (folds into Tijuana)",
  },
  74: {
    table: "stocks",
    category: "remaining",
    basis: "present",
    place: "Mexicali",
    why: "people in Mexicali shelters (an upper bound)",
  },
  75: {
    table: "stocks",
    category: "return",
    basis: "cumulative",
    why: `${RETURN_HND}; the latest official figure before 15 Dec`,
  },
  76: {
    table: "aggregates",
    measure: "returns_iom_avr",
    basis: "cumulative",
    place: "Ciudad Tecún Umán",
    why: IOM_AVR,
  },
  77: {
    table: "stocks",
    category: "return",
    basis: "cumulative",
    why: "returns to Guatemala from Mexico: the only figure by country of return for Guatemala",
  },
  78: {
    table: "aggregates",
    measure: "returns_honduras_minors",
    basis: "cumulative",
    why: "children only (and may include non-caravan returnees): an age subset of the returns to Honduras",
  },
  79: { table: "aggregates", measure: "returns_iom_avr", basis: "cumulative", why: IOM_AVR },
  80: { table: "aggregates", measure: "returns_iom_avr", basis: "cumulative", why: IOM_AVR },
  81: {
    table: "stocks",
    category: "return",
    basis: "cumulative",
    why: `${RETURN_SLV}; the Salvadoran government's figure relayed by UNHCR, dated mid-December`,
  },
  82: { table: "aggregates", measure: "returns_iom_avr", basis: "cumulative", why: IOM_AVR },
  83: {
    table: "stocks",
    category: "remaining",
    basis: "present",
    place: "El Barretal",
    why: "shelter occupancy (unofficial; folds into Tijuana)",
  },
};

/** Lines of data/sources/returns-stocks.csv in no embedded table, with the reason. */
export const RS_EXCLUDED: Record<number, string> = {
  9:
    "3,433 returned to Honduras in the 48 hours to 21 Oct: a two-day flow, not a cumulative " +
    "total; the cumulative series (lines 5, 8, 12 and the observations) already covers those days.",
  41:
    "'fewer than 2,700' interim visitor documents (~6 Nov, read through a forum copy): the same " +
    "SEGOB figure as the 2,697 humanitarian visas of observations line 79 (AP), used once.",
  61:
    "El Salvador's 'more than 1,300' returned: the same DGME figure the situation report relays " +
    "as 1,300 'mid-December' (line 81), which is dated; this copy is undated and used once.",
};

const ISO3: Record<string, string> = { HN: "HND", GT: "GTM", SV: "SLV", MX: "MEX" };

/** The source's qualifier in the words the ledger reads (`value_qualifier`, see boundOf). */
const QUALIFIERS: Record<string, string> = {
  exact: "",
  approx: "about",
  at_least: "at_least",
  at_most: "up_to",
};

export interface ReturnsStocksResult {
  stocks: Row[];
  aggregates: Row[];
  excluded: { line: number; reason: string }[];
}

/**
 * Splits the rows of returns-stocks.csv into stocks and aggregates by RS_RULES.
 * @param rows parsed data/sources/returns-stocks.csv (row i is on line i + 2).
 * @param placeExists whether a place name resolves in data/places.csv.
 * @throws when a line has no rule, a rule names an unknown place, or a value is not a number.
 */
export function splitReturnsStocks(
  rows: readonly Row[],
  placeExists: (name: string) => boolean,
): ReturnsStocksResult {
  const out: ReturnsStocksResult = { stocks: [], aggregates: [], excluded: [] };
  rows.forEach((r, i) => {
    const line = i + 2;
    const get = (k: string): string => (r[k] ?? "").trim();
    const excluded = RS_EXCLUDED[line];
    if (excluded !== undefined) {
      out.excluded.push({ line, reason: excluded });
      return;
    }
    const rule = RS_RULES[line];
    if (rule === undefined) throw new Error(`returns-stocks line ${line}: no rule`);
    if (rule.place !== undefined && !placeExists(rule.place)) {
      throw new Error(`returns-stocks line ${line}: place "${rule.place}" not in data/places.csv`);
    }
    const value = get("value");
    if (!/^\d+$/.test(value)) throw new Error(`returns-stocks line ${line}: value "${value}"`);
    const date = rule.table === "aggregates" && rule.date ? rule.date : get("date");
    if (!/^\d{4}-\d\d-\d\d$/.test(date)) {
      throw new Error(`returns-stocks line ${line}: date "${date}" needs a dated rule`);
    }
    const source = get("url");
    const url = firstUrl(source);
    const placeText = get("place");
    const qualifier = QUALIFIERS[get("value_qualifier")];
    if (qualifier === undefined) throw new Error(`returns-stocks line ${line}: qualifier`);
    const common = {
      source_org: get("source_org"),
      source_type: get("source_type"),
      confidence: get("confidence"),
      url,
      source_ref: source === url ? "" : source,
      quote: get("quote"),
      rs_line: String(line),
    };
    const notes = [
      placeText !== rule.place ? `place in source: ${placeText}` : "",
      `scope in source: ${get("group_or_scope")}`,
      `use: ${rule.why}`,
    ]
      .filter((p) => p !== "")
      .join("; ");
    const country = ISO3[get("country")] ?? "";
    if (rule.table === "stocks") {
      out.stocks.push({
        date,
        category: rule.category,
        value,
        basis: rule.basis,
        country,
        place_name: rule.place ?? "",
        caravan_label: "",
        nationality: "",
        ...common,
        notes,
        value_qualifier: qualifier,
        measure: `${get("measure")}_${rule.category === "remaining" ? "present" : "cumulative"}`,
      });
      return;
    }
    const bound = get("value_qualifier");
    out.aggregates.push({
      date,
      measure: rule.measure,
      value: bound === "at_least" || bound === "at_most" ? "" : value,
      value_min: bound === "at_least" ? value : "",
      value_max: bound === "at_most" ? value : "",
      basis: rule.basis,
      country,
      place_name: rule.place ?? "",
      ...common,
      notes: rule.date ? `date approximate (source: ${get("date")}); ${notes}` : notes,
    });
  });
  return out;
}
