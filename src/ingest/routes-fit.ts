/**
 * Whether a file's reports lie along the routes in use: the check for a forgotten `--route`
 * (tryout24 MED-H). An analyst with her own corridor who leaves out her route gets the embedded
 * 2018 routes, and the estimator then keeps only the few reports that happen to lie near them
 * (each other one warned `off_route`, its position ignored). When most positions are far from
 * every route, that is one fact about the whole file, said in one sentence.
 */
import { createRouteIndex } from "../geo/routeIndex.ts";
import type { RouteCollection } from "../model/route.ts";

/** A report farther than this from every route is "far" (km; 60 km: well beyond a road's bends and a place's spread, see FAR_SHARE). */
export const FAR_FROM_ROUTES_KM = 60;
/** More than this share of the positioned reports far from every route: the routes are not theirs. */
export const FAR_SHARE = 0.5;
/** Fewer positioned reports than this say nothing about the file as a whole. */
export const FAR_MIN_REPORTS = 3;

/** The reports' distances to the routes in use, when most of them are far. */
export interface FarFromRoutes {
  /** Reports with a position. */
  reports: number;
  /** Of those, farther than FAR_FROM_ROUTES_KM from every route. */
  far: number;
  /** Smallest, median and largest distance of the far ones, km (rounded). */
  minKm: number;
  medianKm: number;
  maxKm: number;
}

/**
 * The far reports when more than FAR_SHARE of at least FAR_MIN_REPORTS positioned reports lie
 * farther than FAR_FROM_ROUTES_KM from every route; undefined otherwise (or with no routes).
 * @example reportsFarFromRoutes([{ lat: 17.47, lon: -91.42 }, …], routes2018)?.far // => 10
 */
export function reportsFarFromRoutes(
  positions: readonly { lat?: number; lon?: number }[],
  routes: RouteCollection,
): FarFromRoutes | undefined {
  const placed = positions.filter(
    (p): p is { lat: number; lon: number } =>
      typeof p.lat === "number" && typeof p.lon === "number",
  );
  if (placed.length < FAR_MIN_REPORTS || !routes.features.length) return undefined;
  const index = createRouteIndex(routes);
  const far = placed
    .map((p) => index.project([p.lon, p.lat])?.distanceKm ?? Infinity)
    .filter((d) => d > FAR_FROM_ROUTES_KM)
    .sort((a, b) => a - b);
  if (far.length <= FAR_SHARE * placed.length) return undefined;
  return {
    reports: placed.length,
    far: far.length,
    minKm: Math.round(far[0]!),
    medianKm: Math.round(far[Math.floor(far.length / 2)]!),
    maxKm: Math.round(far[far.length - 1]!),
  };
}

/** The languages of the sentence. */
export type FarFromRoutesLang = "en" | "es";

/**
 * Which routes were in use, and so what to do: `route` the file given with --route (check that it
 * is the reports' route), or undefined for the embedded 2018 corridor (give your route). `via`:
 * the front end the sentence is said in, which names how she gives a route: "cli" (default,
 * `--route <file.geojson>`) or "viewer" (a route file loaded with the reports: there is no --route).
 */
export interface FarFromRoutesRoutes {
  route?: string;
  via?: "cli" | "viewer";
}

/** The sentence's words, per language: what to do, per front end and whether a route was given. */
const FAR_WORDS = {
  en: {
    corridor: "the 2018 corridor",
    give: {
      cli: "give your route with --route <file.geojson> (docs/contracts.md §1.5)",
      viewer: "load your route file (GeoJSON) with the reports",
    },
    check: {
      cli: "check that --route is the route these reports follow (docs/contracts.md §1.5)",
      viewer: "check that your route file is the route these reports follow",
    },
    say: (f: FarFromRoutes, span: string, median: string, name: string, todo: string) =>
      `${f.far} of ${f.reports} reports lie ${span} (median ${median} km) from the routes in use (${name}): most reports lie far from the routes: ${todo}.`,
  },
  es: {
    corridor: "el corredor de 2018",
    give: {
      cli: "indique su ruta con --route <archivo.geojson> (docs/contracts.md §1.5)",
      viewer: "cargue su archivo de ruta (GeoJSON) junto con los reportes",
    },
    check: {
      cli: "compruebe que --route es la ruta que siguen estos reportes (docs/contracts.md §1.5)",
      viewer: "compruebe que su archivo de ruta es la ruta que siguen estos reportes",
    },
    say: (f: FarFromRoutes, span: string, median: string, name: string, todo: string) =>
      `${f.far} de ${f.reports} reportes están a ${span} (mediana ${median} km) de las rutas en uso (${name}): la mayoría de los reportes está lejos de las rutas: ${todo}.`,
  },
} as const;

/**
 * The sentence: `10 of 12 reports lie 78–644 km (median 270 km) from the routes in use (the 2018
 * corridor): most reports lie far from the routes: give your route with --route <file.geojson>
 * (docs/contracts.md §1.5).` With `routes.route` (a route file given) it ends "check that --route
 * is the route these reports follow" instead; with `routes.via` "viewer", in the viewer's terms
 * ("load your route file (GeoJSON) with the reports"). English or Spanish: the one table of these words.
 */
export function farFromRoutesText(
  f: FarFromRoutes,
  routes: FarFromRoutesRoutes = {},
  lang: FarFromRoutesLang = "en",
): string {
  const w = FAR_WORDS[lang];
  const km = (x: number) => x.toLocaleString(lang === "es" ? "es-MX" : "en-US");
  const via = routes.via ?? "cli";
  const given = routes.route !== undefined;
  const name = !given ? w.corridor : via === "cli" ? `--route ${routes.route}` : routes.route!;
  const todo = (given ? w.check : w.give)[via];
  return w.say(f, `${km(f.minKm)}–${km(f.maxKm)} km`, km(f.medianKm), name, todo);
}
