/** The forecast's warnings about individual groups, as DtmWarnings (`source.module` "forecast"). */
import type { DtmWarning } from "../model/warning.ts";
import type { Corridor } from "../geo/corridor.ts";
import type { Nowcast } from "./nowcast.ts";
import { forecastWarning } from "./warningText.ts";
import type { ForecastWarningCode, ForecastWarningParamsByCode } from "./warningText.ts";

export type { ForecastWarningCode } from "./warningText.ts";

/** A forecast warning: code, English sentence and the values it is made of (warningText.ts). */
export type ForecastWarning = DtmWarning<ForecastWarningCode> & {
  params: ForecastWarningParamsByCode[ForecastWarningCode];
};

/**
 * What the reader of a forecast should know about its groups on the road (`onRoad`: the groups
 * the forecast moves on; arrived and dissolved ones carry their status instead), in nowcast order:
 * `route_not_in_corridor` (the group's route is not among the places and routes given) and
 * `no_place_ahead` (it is past every place on its route): no arrivals are forecast for it;
 * `size_unknown` (no source gave its size): its arrivals and positions have no people figures.
 * @example
 * forecastWarnings(now, corridor, new Set(["LGBT group"]))[0];
 * // => { code: "size_unknown", message: "No source gave the size of LGBT group; …", params: { group: "LGBT group" }, source: { module: "forecast" } }
 */
export function forecastWarnings(
  now: Nowcast,
  corridor: Corridor,
  onRoad: ReadonlySet<string>,
): ForecastWarning[] {
  const out: ForecastWarning[] = [];
  const add = <C extends ForecastWarningCode>(code: C, params: ForecastWarningParamsByCode[C]) =>
    out.push({ ...forecastWarning(code, params), source: { module: "forecast" } });
  for (const g of now.groups) {
    if (!onRoad.has(g.group)) continue;
    const route = corridor.routes.get(g.routeId);
    if (!route) {
      add("route_not_in_corridor", { group: g.group, route: g.routeId });
    } else if (!route.stops.some((stop) => stop.km > g.km.median)) {
      add("no_place_ahead", { group: g.group, route: g.routeId, km: Math.round(g.km.median) });
    }
    if (g.size === undefined) {
      add("size_unknown", { group: g.group });
    }
  }
  return out;
}
