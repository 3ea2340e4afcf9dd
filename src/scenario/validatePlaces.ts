/**
 * Resolves the places and routes a scenario file names against the dataset the way the importer
 * reads places (names with or without accents, aliases, ids, P-codes: src/geo/resolvePlace.ts),
 * reporting unknown ones (with the closest names) at their JSON pointer.
 */
import type { Dataset } from "../model/dataset.ts";
import { createGazetteer } from "../geo/gazetteer.ts";
import { pcodeHolds, resolvePlace } from "../geo/resolvePlace.ts";
import type { PlaceResolution } from "../geo/resolvePlace.ts";
import type { Place } from "../model/place.ts";
import type { Checker } from "./checker.ts";
import { isObject } from "./checker.ts";
import type { Corridor } from "../geo/corridor.ts";
import type { RouteChoice } from "./types.ts";

/** A place as the file names it, with its id: `Tapachula (MX-TAP)`. */
const named = (p: Place): string => `${p.name} (${p.placeId})`;

/**
 * The place a resolution reads (src/geo/resolvePlace.ts, the importer's reading), warning at
 * `pointer` when the reading may not be what was meant (a shared name, a qualified name, a
 * P-code) and refusing, with the places it could be, when nothing or several places match.
 */
function readPlace(
  c: Checker,
  found: PlaceResolution,
  value: string,
  pointer: string,
): Place | undefined {
  const said = JSON.stringify(value);
  switch (found.how) {
    case "name":
      if (found.others.length)
        c.warn(
          pointer,
          "place_name_shared",
          `${said} names ${found.others.length + 1} known places (${[found.place, ...found.others].map(named).join(", ")}); read as the first, ${named(found.place)} — write the id of the one you mean`,
        );
      return found.place;
    case "qualified":
      c.warn(
        pointer,
        "place_name_qualified",
        `${said} read as ${named(found.place)} (the words after "${found.head}" taken as its department, state or country)`,
      );
      return found.place;
    case "id":
      return found.place;
    case "pcode":
      c.warn(
        pointer,
        "place_from_code",
        `${said} is the P-code of ${named(found.place)}, ${pcodeHolds(found.others)}; read as ${found.place.name}`,
      );
      return found.place;
    case "pcodeUnresolved":
      if (found.places.length)
        c.add(pointer, "pcode_many", {
          place: said,
          count: found.places.length,
          places: found.places.map(named).join(", "),
        });
      else c.add(pointer, "pcode_no_place", { place: said });
      return undefined;
    case "unknown": {
      const close = found.suggestions.map((p) => `"${p.name}"`);
      c.add(pointer, "unknown_place", {
        place: said,
        ...(close.length ? { suggestions: close.join(", ") } : {}),
      });
      return undefined;
    }
  }
}

/** Place and route lookups bound to one checker and corridor. */
export interface Resolver {
  corridor: Corridor;
  /** A place name, alias, id or P-code → its corridor index, or undefined after an error at `pointer`. */
  place(value: unknown, pointer: string): number | undefined;
  /** A route id or a list of { routeId, share } → route choices (undefined when absent or wrong). */
  routeChoices(value: unknown, pointer: string): RouteChoice[] | undefined;
}

/** The resolver of `dataset`'s places on `corridor`, reporting to `c`. */
export function createResolver(
  c: Checker,
  dataset: Pick<Dataset, "places">,
  corridor: Corridor,
): Resolver {
  const gazetteer = createGazetteer(dataset.places);
  const place = (value: unknown, pointer: string): number | undefined => {
    if (typeof value !== "string" || value.trim() === "") {
      if (value === undefined) c.add(pointer, "place_missing");
      else c.add(pointer, "place_not_text", { got: String(JSON.stringify(value)) });
      return undefined;
    }
    const found = readPlace(c, resolvePlace(gazetteer, value), value, pointer);
    if (!found) return undefined;
    const index = corridor.indexOf.get(found.placeId);
    if (index === undefined) {
      c.add(pointer, "place_off_routes", { place: found.name });
      return undefined;
    }
    return index;
  };
  const routeIds = [...corridor.routes.keys()].join(", ");
  const choice = (item: unknown, p: string): RouteChoice | undefined => {
    if (!isObject(item)) return void c.add(p, "expected_shape", { shape: "{ routeId, share }" });
    c.keys(item, ["routeId", "share"], p);
    if (typeof item.routeId !== "string" || !corridor.routes.has(item.routeId)) {
      c.add(`${p}/routeId`, "unknown_route", {
        route: String(JSON.stringify(item.routeId)),
        routes: routeIds,
      });
      return undefined;
    }
    const share = c.range(item.share, `${p}/share`, 0, 1, "a route share");
    if (typeof share === "number") return { routeId: item.routeId, share };
    if (share !== undefined) c.add(`${p}/share`, "not_a_range", { what: "a route share" });
    return undefined;
  };
  const routeChoices = (value: unknown, pointer: string): RouteChoice[] | undefined => {
    if (value === undefined) return undefined;
    if (typeof value === "string") {
      if (corridor.routes.has(value)) return [{ routeId: value, share: 1 }];
      c.add(pointer, "unknown_route", { route: `"${value}"`, routes: routeIds });
      return undefined;
    }
    if (!Array.isArray(value) || value.length === 0) {
      c.add(pointer, "expected_route", { routes: routeIds });
      return undefined;
    }
    const out = value.map((item: unknown, i) => choice(item, `${pointer}/${i}`));
    if (out.some((r) => r === undefined)) return undefined;
    const total = out.reduce((s, r) => s + r!.share, 0);
    if (Math.abs(total - 1) > 0.005) {
      c.add(pointer, "route_shares_sum", { total: +total.toFixed(4) });
      return undefined;
    }
    return out as RouteChoice[];
  };
  return { corridor, place, routeChoices };
}
