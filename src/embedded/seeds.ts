/**
 * The figures of the UN inter-agency situation report "Response: Mixed Migration Flows from the
 * North of Central America, 15 October–15 December 2018" (IOM, UNHCR, UNICEF; published 27 Dec
 * 2018) as structured records, generated from seeds/situation-report-2018-12.csv.
 */
import type { SeedFigure } from "../model/seed.ts";
import { SEEDS } from "./generated/seeds.ts";

/**
 * Every figure of the December 2018 situation report, in report order. Each call returns a fresh
 * copy. Values are as printed (a `qualifier` says "over", "about", …); `category` is the ledger
 * category where one applies (asylum claims, returns, people remaining), for use as a regression
 * target.
 * @example
 * situationReport2018().find((s) => s.id === "sr-02");
 * // => { value: 3700, qualifier: "over", category: "asylum_claim", countries: ["MEX"], … }
 */
export function situationReport2018(): SeedFigure[] {
  return structuredClone(SEEDS);
}
