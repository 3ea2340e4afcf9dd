// Builds data/routes.geojson from data/sources/route-waypoints.csv. Every route is a complete path
// from its origin to its destination, so km along any route is 1-D from its first vertex; where
// routes share road they repeat the main route's vertices, and properties say where they meet.
import type { Row } from "./csv.ts";

const R = 6371.0088;
const rad = (d: number): number => (d * Math.PI) / 180;

/** Great-circle distance in km between two [lon, lat] points (haversine, mean Earth radius). */
export function haversine(a: readonly number[], b: readonly number[]): number {
  const dLat = rad(b[1]! - a[1]!);
  const dLon = rad(b[0]! - a[0]!);
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(rad(a[1]!)) * Math.cos(rad(b[1]!)) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(h));
}

interface Vertex {
  lon: number;
  lat: number;
  placeId: string;
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Cumulative km at each vertex. */
function cumulative(vs: readonly Vertex[]): number[] {
  const km = [0];
  for (let i = 1; i < vs.length; i++) {
    km.push(km[i - 1]! + haversine([vs[i - 1]!.lon, vs[i - 1]!.lat], [vs[i]!.lon, vs[i]!.lat]));
  }
  return km;
}

function stops(vs: readonly Vertex[]): { place_id: string; km: number }[] {
  const km = cumulative(vs);
  return vs.flatMap((v, i) =>
    v.placeId === "" ? [] : [{ place_id: v.placeId, km: round(km[i]!, 1) }],
  );
}

function feature(props: Record<string, unknown>, vs: readonly Vertex[]): object {
  return {
    type: "Feature",
    properties: { ...props, length_km: round(cumulative(vs).at(-1)!, 1), stops: stops(vs) },
    geometry: {
      type: "LineString",
      coordinates: vs.map((v) => [round(v.lon, 5), round(v.lat, 5)]),
    },
  };
}

/**
 * Builds the route FeatureCollection: `main` (San Pedro Sula → Tijuana), `mexicali` (the main
 * route up to Mexicali, where groups that stopped there ended) and `salvador` (San Salvador → La
 * Hachadura → Escuintla, then the main route to Tijuana).
 */
export function buildRoutes(waypoints: readonly Row[]): object {
  const byRoute = new Map<string, Vertex[]>();
  for (const w of waypoints) {
    const list = byRoute.get(w.route_id!) ?? [];
    list.push({ lon: Number(w.lon), lat: Number(w.lat), placeId: w.place_id ?? "" });
    byRoute.set(w.route_id!, list);
  }
  const main = byRoute.get("main");
  const approach = byRoute.get("salvador");
  if (!main || !approach) throw new Error("route-waypoints.csv needs routes main and salvador");
  const mainKm = cumulative(main);
  const indexOf = (id: string): number => {
    const i = main.findIndex((v) => v.placeId === id);
    if (i < 0) throw new Error(`main route has no vertex ${id}`);
    return i;
  };
  const joinId = approach.at(-1)!.placeId;
  const join = indexOf(joinId);
  const salvador = [...approach, ...main.slice(join + 1)];
  const mxl = indexOf("MX-MXL");
  const mexicali = main.slice(0, mxl + 1);
  return {
    type: "FeatureCollection",
    features: [
      feature(
        {
          route_id: "main",
          name: "San Pedro Sula → Guatemala City → Tecún Umán/Ciudad Hidalgo → Mexico City → Tijuana",
        },
        main,
      ),
      feature(
        {
          route_id: "mexicali",
          name: "San Pedro Sula → Mexicali (main route up to the Mexicali shelters)",
          parent_route_id: "main",
          parent_km: round(mainKm[mxl]!, 1),
        },
        mexicali,
      ),
      feature(
        {
          route_id: "salvador",
          name: "San Salvador → La Hachadura → Escuintla, then the main route to Tijuana",
          joins_route_id: "main",
          joins_at_km: round(mainKm[join]!, 1),
          joins_at_place_id: joinId,
        },
        salvador,
      ),
    ],
  };
}
