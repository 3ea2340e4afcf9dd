/**
 * Resolves the places and routes a scenario file names against the dataset, reporting unknown
 * ones (with the closest names) at their JSON pointer.
 */
import type { Dataset } from "../model/dataset.ts";
import { createGazetteer } from "../geo/gazetteer.ts";
import type { Checker } from "./checker.ts";
import { isObject } from "./checker.ts";
import type { Corridor } from "../geo/corridor.ts";
import type { RouteChoice } from "./types.ts";

/** Place and route lookups bound to one checker and corridor. */
export interface Resolver {
  corridor: Corridor;
  /** A place name, alias or id → its corridor index, or undefined after an error at `pointer`. */
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
      c.add(pointer, `expected a place name, got ${JSON.stringify(value)}`);
      return undefined;
    }
    const found = gazetteer.find(value) ?? gazetteer.findById(value);
    if (!found) {
      const close = gazetteer.suggest(value, 3).map((m) => `"${m.place.name}"`);
      c.add(
        pointer,
        `unknown place "${value}"` + (close.length ? `; did you mean ${close.join(", ")}?` : ""),
      );
      return undefined;
    }
    const index = corridor.indexOf.get(found.placeId);
    if (index === undefined) {
      c.add(pointer, `place "${found.name}" is not on any route of the dataset`);
      return undefined;
    }
    return index;
  };
  const routeIds = [...corridor.routes.keys()].join(", ");
  const choice = (item: unknown, p: string): RouteChoice | undefined => {
    if (!isObject(item)) return void c.add(p, "expected { routeId, share }");
    c.keys(item, ["routeId", "share"], p);
    if (typeof item.routeId !== "string" || !corridor.routes.has(item.routeId)) {
      c.add(`${p}/routeId`, `unknown route ${JSON.stringify(item.routeId)}; routes: ${routeIds}`);
      return undefined;
    }
    const share = c.range(item.share, `${p}/share`, 0, 1, "a route share");
    if (typeof share === "number") return { routeId: item.routeId, share };
    if (share !== undefined) c.add(`${p}/share`, "a route share is a number, not a range");
    return undefined;
  };
  const routeChoices = (value: unknown, pointer: string): RouteChoice[] | undefined => {
    if (value === undefined) return undefined;
    if (typeof value === "string") {
      if (corridor.routes.has(value)) return [{ routeId: value, share: 1 }];
      c.add(pointer, `unknown route "${value}"; routes: ${routeIds}`);
      return undefined;
    }
    if (!Array.isArray(value) || value.length === 0) {
      c.add(pointer, `expected a route id or a list of { routeId, share }; routes: ${routeIds}`);
      return undefined;
    }
    const out = value.map((item: unknown, i) => choice(item, `${pointer}/${i}`));
    if (out.some((r) => r === undefined)) return undefined;
    const total = out.reduce((s, r) => s + r!.share, 0);
    if (Math.abs(total - 1) > 0.005) {
      c.add(pointer, `route shares must add up to 1, they add up to ${+total.toFixed(4)}`);
      return undefined;
    }
    return out as RouteChoice[];
  };
  return { corridor, place, routeChoices };
}
