/**
 * Builds the viewer's offline basemap: Natural Earth admin-0 countries (from the installed
 * `world-atlas` package, Natural Earth 4.1.0, public domain) clipped to the 2018 corridor, thinned
 * and rounded, written as one small GeoJSON file to public/basemap.json. The viewer fetches it
 * from its own origin, so no tile server, CDN or network is ever needed.
 *
 * Run: `npx tsx scripts/build-basemap.ts` (rerun only when the region or detail changes; the
 * output is committed).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { feature, mesh } from "topojson-client";
import type { Topology, GeometryCollection } from "topojson-specification";
import type { Feature, MultiPolygon, Polygon, Position } from "geojson";

/** Corridor window in degrees: San Salvador/San Pedro Sula in the south-east, Tijuana in the north-west. */
export const BBOX = { west: -119, south: 11.5, east: -85.5, north: 34 } as const;
/** Drop vertices closer than this to the last kept one (degrees; ~2 km). */
const MIN_STEP = 0.02;
/** Coordinates are rounded to this many decimals (~100 m). */
const DECIMALS = 3;

type Ring = Position[];

/** Sutherland–Hodgman clip of a closed ring against one half-plane. */
function clipEdge(
  ring: Ring,
  inside: (p: Position) => boolean,
  cut: (a: Position, b: Position) => Position,
): Ring {
  const out: Ring = [];
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i]!;
    const b = ring[(i + 1) % ring.length]!;
    const ia = inside(a);
    const ib = inside(b);
    if (ia && ib) out.push(b);
    else if (ia && !ib) out.push(cut(a, b));
    else if (!ia && ib) out.push(cut(a, b), b);
  }
  return out;
}

function atX(a: Position, b: Position, x: number): Position {
  const t = (x - a[0]!) / (b[0]! - a[0]!);
  return [x, a[1]! + t * (b[1]! - a[1]!)];
}
function atY(a: Position, b: Position, y: number): Position {
  const t = (y - a[1]!) / (b[1]! - a[1]!);
  return [a[0]! + t * (b[0]! - a[0]!), y];
}

/** Clips a ring to the BBOX rectangle (convex window, so Sutherland–Hodgman is exact). */
export function clipRing(ring: Ring): Ring {
  let r = ring.slice(0, -1);
  r = clipEdge(
    r,
    (p) => p[0]! >= BBOX.west,
    (a, b) => atX(a, b, BBOX.west),
  );
  r = clipEdge(
    r,
    (p) => p[0]! <= BBOX.east,
    (a, b) => atX(a, b, BBOX.east),
  );
  r = clipEdge(
    r,
    (p) => p[1]! >= BBOX.south,
    (a, b) => atY(a, b, BBOX.south),
  );
  r = clipEdge(
    r,
    (p) => p[1]! <= BBOX.north,
    (a, b) => atY(a, b, BBOX.north),
  );
  if (r.length < 3) return [];
  return [...r, r[0]!];
}

const round = (v: number) => Math.round(v * 10 ** DECIMALS) / 10 ** DECIMALS;

/** Thins a line: keeps the first and last vertex and every vertex at least MIN_STEP from the last kept. */
function thin(line: Position[], closed: boolean): Position[] {
  const out: Position[] = [];
  for (const p of line) {
    const last = out[out.length - 1];
    if (!last || Math.hypot(p[0]! - last[0]!, p[1]! - last[1]!) >= MIN_STEP) out.push(p);
  }
  const end = line[line.length - 1]!;
  if (out[out.length - 1] !== end) out.push(end);
  const rounded = out.map((p) => [round(p[0]!), round(p[1]!)]);
  if (closed && rounded.length < 4) return [];
  return rounded;
}

function polygons(f: Feature<Polygon | MultiPolygon>): Position[][][] {
  return f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
}

/** Splits a polyline into the pieces inside BBOX (vertex test; the window edge is off-screen anyway). */
function clipLine(line: Position[]): Position[][] {
  const pieces: Position[][] = [];
  let cur: Position[] = [];
  const pad = 0.5;
  for (const p of line) {
    const inside =
      p[0]! >= BBOX.west - pad &&
      p[0]! <= BBOX.east + pad &&
      p[1]! >= BBOX.south - pad &&
      p[1]! <= BBOX.north + pad;
    if (inside) cur.push(p);
    else if (cur.length) {
      pieces.push(cur);
      cur = [];
    }
  }
  if (cur.length) pieces.push(cur);
  return pieces.filter((l) => l.length > 1);
}

function main(): void {
  const require = createRequire(import.meta.url);
  const path = require.resolve("world-atlas/countries-10m.json");
  const topology = JSON.parse(readFileSync(path, "utf8")) as Topology<{
    countries: GeometryCollection<{ name: string }>;
  }>;
  const countries = feature(topology, topology.objects.countries);
  const features = [];
  for (const f of countries.features) {
    if (f.geometry === null) continue;
    const polys: Position[][][] = [];
    for (const poly of polygons(f as Feature<Polygon | MultiPolygon>)) {
      const rings = poly.map((ring) => thin(clipRing(ring), true)).filter((r) => r.length >= 4);
      // A polygon whose outer ring vanished is outside the window (holes alone mean nothing).
      if (rings.length && poly[0] && thin(clipRing(poly[0]), true).length >= 4) polys.push(rings);
    }
    if (!polys.length) continue;
    features.push({
      type: "Feature",
      id: String(f.id),
      properties: { name: f.properties?.name ?? "" },
      geometry: { type: "MultiPolygon", coordinates: polys },
    });
  }
  const borders = mesh(topology, topology.objects.countries, (a, b) => a !== b);
  const borderLines = borders.coordinates
    .flatMap(clipLine)
    .map((l) => thin(l, false))
    .filter((l) => l.length > 1);
  const out = {
    type: "FeatureCollection",
    bbox: [BBOX.west, BBOX.south, BBOX.east, BBOX.north],
    source: "Natural Earth 4.1.0 admin-0 countries (1:10m, public domain) via world-atlas 2.0.2",
    features: [
      ...features,
      {
        type: "Feature",
        id: "borders",
        properties: { name: "", kind: "borders" },
        geometry: { type: "MultiLineString", coordinates: borderLines },
      },
    ],
  };
  const target = new URL("../public/basemap.json", import.meta.url);
  const text = JSON.stringify(out);
  writeFileSync(target, text);
  console.log(
    `basemap: ${features.length} countries, ${borderLines.length} border lines, ${(text.length / 1024).toFixed(0)} KB -> public/basemap.json`,
  );
}

main();
