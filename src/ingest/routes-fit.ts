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
 * is the reports' route), or undefined for the embedded 2018 corridor (give your route).
 */
export interface FarFromRoutesRoutes {
  route?: string;
}

/**
 * The sentence: `10 of 12 reports lie 78–644 km (median 270 km) from the routes in use (the 2018
 * corridor): most reports lie far from the routes: give your route with --route <file.geojson>
 * (docs/contracts.md §1.5).` With `routes.route` (a route file given) it ends "check that --route
 * is the route these reports follow" instead. English or Spanish: the one table of these words.
 */
export function farFromRoutesText(
  f: FarFromRoutes,
  routes: FarFromRoutesRoutes = {},
  lang: FarFromRoutesLang = "en",
): string {
  const km = (x: number) => x.toLocaleString(lang === "es" ? "es-MX" : "en-US");
  const span = `${km(f.minKm)}–${km(f.maxKm)} km`;
  if (lang === "es") {
    const name = routes.route !== undefined ? `--route ${routes.route}` : "el corredor de 2018";
    const todo =
      routes.route !== undefined
        ? "compruebe que --route es la ruta que siguen estos reportes"
        : "indique su ruta con --route <archivo.geojson>";
    return `${f.far} de ${f.reports} reportes están a ${span} (mediana ${km(f.medianKm)} km) de las rutas en uso (${name}): la mayoría de los reportes está lejos de las rutas: ${todo} (docs/contracts.md §1.5).`;
  }
  const name = routes.route !== undefined ? `--route ${routes.route}` : "the 2018 corridor";
  const todo =
    routes.route !== undefined
      ? "check that --route is the route these reports follow"
      : "give your route with --route <file.geojson>";
  return `${f.far} of ${f.reports} reports lie ${span} (median ${km(f.medianKm)} km) from the routes in use (${name}): most reports lie far from the routes: ${todo} (docs/contracts.md §1.5).`;
}
