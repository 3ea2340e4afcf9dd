/** Everything one replay or estimate runs on: the embedded 2018 data, or a user's files. */
import type { AggregateFigure } from "./aggregate.ts";
import type { CountRecord } from "./count.ts";
import type { Place } from "./place.ts";
import type { RouteCollection } from "./route.ts";
import type { Sighting } from "./sighting.ts";
import type { StockFigure } from "./stock.ts";

export interface Dataset {
  /** Short name shown to users, e.g. "Caravans Oct–Dec 2018 (embedded)". */
  name: string;
  places: Place[];
  routes: RouteCollection;
  sightings: Sighting[];
  counts: CountRecord[];
  stocks: StockFigure[];
  /**
   * Figures about all groups together (national totals, cumulative arrivals) that belong to no
   * single group and are not a ledger stock; extra evidence. `undefined` when a dataset has none.
   */
  aggregates?: AggregateFigure[];
  /** IANA time zone of the report (dates without an offset are local here). Default `America/Mexico_City`. */
  timeZone: string;
}

/** Default report time zone (docs/contracts.md §3.1). */
export const DEFAULT_TIME_ZONE = "America/Mexico_City";
