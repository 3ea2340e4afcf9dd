/**
 * The Spanish sentences of a route geometry that cannot be used (checkRouteGeometry's codes and
 * params), said by the importer's rejection (ingest/issue-text.ts) and by `createRouteIndex`'s
 * refusal (text/inputProblem.ts): one wording wherever the problem is met.
 */
import type { RouteGeometryCode } from "./routeGeometry.ts";

/** The Spanish sentence of each geometry problem, from its params (the English message's values). */
export const ROUTE_GEOMETRY_ES: Record<
  RouteGeometryCode,
  (p: Readonly<Record<string, string | number | undefined>>) => string
> = {
  bad_coordinates: (p) =>
    p["variant"] === "not_numbers"
      ? `posición ${p["position"]} de la ruta: ${p["shown"]} no es [lon, lat] en números.`
      : p["variant"] === "swapped"
        ? `posición ${p["position"]} de la ruta: ${p["shown"]} tiene una latitud más allá de ±90°; parece [lat, lon], pero GeoJSON pone primero la longitud.`
        : p["variant"] === "range"
          ? `posición ${p["position"]} de la ruta: ${p["shown"]} no es [lon, lat] en grados (lon −180…180, lat −90…90).`
          : "la ruta tiene posiciones que no son grados [lon, lat] válidos.",
  crosses_antimeridian: (p) =>
    p["from"] !== undefined
      ? `la ruta cruza el antimeridiano entre las posiciones ${p["from"]} ${p["a"]} y ${p["to"]} ${p["b"]}; RFC 7946 pide cortarla allí: dé cada lado como su propia ruta.`
      : "la ruta cruza el antimeridiano; RFC 7946 pide cortarla allí: dé cada lado como su propia ruta.",
  not_a_linestring: () => "la geometría no es un LineString; una ruta es una línea.",
  segment_too_long: (p) =>
    p["degrees"] !== undefined
      ? `el tramo de la posición ${p["from"]} a la ${p["to"]} abarca ${p["degrees"]}° de arco, y el círculo máximo por sus extremos no está definido; agregue vértices a lo largo.`
      : "un tramo de la ruta abarca tanto arco que el círculo máximo por sus extremos no está definido; agregue vértices a lo largo.",
  too_few_positions: (p) =>
    p["positions"] !== undefined
      ? `la ruta tiene ${p["positions"]} ${p["positions"] === 1 ? "posición" : "posiciones"}; una ruta necesita al menos dos posiciones distintas [lon, lat].`
      : "la ruta tiene menos de dos posiciones distintas [lon, lat]; una ruta necesita al menos dos.",
  zero_length: () =>
    "todas las posiciones de la ruta son el mismo punto, así que mide 0 km; una ruta necesita dos posiciones distintas.",
};
