/** The forecast's warnings about individual groups, as DtmWarnings (`source.module` "forecast"). */
import type { DtmWarning } from "../model/warning.ts";
import type { Corridor } from "../geo/corridor.ts";
import type { Nowcast } from "./nowcast.ts";

/** Codes of the forecast's warnings. */
export type ForecastWarningCode = "route_not_in_corridor" | "no_place_ahead" | "size_unknown";

/**
 * What the reader of a forecast should know about its groups on the road (`onRoad`: the groups
 * the forecast moves on; arrived and dissolved ones carry their status instead), in nowcast order:
 * `route_not_in_corridor` (the group's route is not among the places and routes given) and
 * `no_place_ahead` (it is past every place on its route): no arrivals are forecast for it;
 * `size_unknown` (no source gave its size): its arrivals and positions have no people figures.
 * @example
 * forecastWarnings(now, corridor, new Set(["LGBT group"]))[0];
 * // => { code: "size_unknown", message: "No source gave the size of LGBT group; …", source: { module: "forecast" } }
 */
export function forecastWarnings(
  now: Nowcast,
  corridor: Corridor,
  onRoad: ReadonlySet<string>,
): DtmWarning<ForecastWarningCode>[] {
  const out: DtmWarning<ForecastWarningCode>[] = [];
  const add = (code: ForecastWarningCode, message: string) =>
    out.push({ code, message, source: { module: "forecast" } });
  for (const g of now.groups) {
    if (!onRoad.has(g.group)) continue;
    const route = corridor.routes.get(g.routeId);
    if (!route) {
      add(
        "route_not_in_corridor",
        `${g.group} is on route ${g.routeId}, which the places and routes given do not have; no arrivals are forecast for it.`,
      );
    } else if (!route.stops.some((stop) => stop.km > g.km.median)) {
      add(
        "no_place_ahead",
        `${g.group} is at km ${Math.round(g.km.median)} of ${g.routeId}, past every place on it; no arrivals are forecast for it.`,
      );
    }
    if (g.size === undefined) {
      add(
        "size_unknown",
        `No source gave the size of ${g.group}; its arrivals and positions have no people figures.`,
      );
    }
  }
  return out;
}
