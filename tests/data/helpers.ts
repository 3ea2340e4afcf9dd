// Shared helpers for the data tests: read repository files (never files outside it: CI has only the repo).
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseCsv, type Row } from "../../scripts/data/csv.ts";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

export function readRepo(path: string): string {
  return readFileSync(resolve(ROOT, path), "utf8");
}

export function readTable(path: string): Row[] {
  return parseCsv(readRepo(path));
}

/** The corridor's bounding box (El Salvador to Baja California), WGS84 degrees. */
export const REGION = { minLon: -118, maxLon: -87, minLat: 13, maxLat: 33 };

export function inRegion(lon: number, lat: number): boolean {
  return (
    Number.isFinite(lon) &&
    Number.isFinite(lat) &&
    lon >= REGION.minLon &&
    lon <= REGION.maxLon &&
    lat >= REGION.minLat &&
    lat <= REGION.maxLat
  );
}
