/**
 * The embedded Oct–Dec 2018 replay data: places, routes, sightings, border-point counts, stock
 * figures and aggregate figures of the Central American caravans, compiled into the library from
 * the files in data/ (see data/README.md for where every row comes from). Generated modules, no
 * file access, so it works the same in Node, the browser and the packed package.
 */
import type { Dataset } from "../model/dataset.ts";
import { DEFAULT_TIME_ZONE } from "../model/dataset.ts";
import { AGGREGATES } from "./generated/aggregates.ts";
import { COUNTS } from "./generated/counts.ts";
import { PLACES } from "./generated/places.ts";
import { ROUTES } from "./generated/routes.ts";
import { SIGHTINGS } from "./generated/sightings.ts";
import { STOCKS } from "./generated/stocks.ts";

/** Name shown to users for the embedded dataset (its own module: words.ts reads it too). */
import { EMBEDDED_2018_NAME } from "./name.ts";
export { EMBEDDED_2018_NAME };

/**
 * The embedded 2018 dataset. Each call returns a fresh deep copy, so callers may sort or edit it.
 * Sizes are people as the source gave them (blank = the source gave none, never zero); routes are
 * `main` (San Pedro Sula → Tijuana), `mexicali` and `salvador`, km measured from each route's first
 * vertex. Sightings without a place or coordinates are size-only reports (national or regional
 * figures for one named group). Figures about all caravans together are in `aggregates`, never
 * given to one group.
 * @example
 * const data = embedded2018();
 * data.sightings.filter((s) => s.caravanLabel === "Honduran caravan 1").length; // 60
 */
export function embedded2018(): Dataset {
  return structuredClone({
    name: EMBEDDED_2018_NAME,
    places: PLACES,
    routes: ROUTES,
    sightings: SIGHTINGS,
    counts: COUNTS,
    stocks: STOCKS,
    aggregates: AGGREGATES,
    timeZone: DEFAULT_TIME_ZONE,
  });
}
