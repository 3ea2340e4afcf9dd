// Prints the route-leg check as a Markdown table: km along the embedded route (by @turf/length)
// against each road distance in data/route-legs.csv. Run: npx tsx scripts/data/legs-report.ts
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { length, lineString } from "@turf/turf";
import { embedded2018 } from "../../src/embedded/index.ts";
import { parseCsv } from "./csv.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const data = embedded2018();

function kmAt(routeId: string, placeId: string): number | undefined {
  const route = data.routes.features.find((f) => f.properties.route_id === routeId)!;
  const place = data.places.find((p) => p.placeId === placeId);
  if (place === undefined) return undefined;
  const c = route.geometry.coordinates;
  const i = c.findIndex(([lon, lat]) => lon === place.lon && lat === place.lat);
  if (i < 0) return undefined;
  return i === 0 ? 0 : length(lineString(c.slice(0, i + 1)), { units: "kilometers" });
}

console.log("| leg | from → to | route km | source km | ratio | tested |");
console.log("|---|---|---:|---:|---:|---|");
for (const l of parseCsv(readFileSync(resolve(root, "data/route-legs.csv"), "utf8"))) {
  const a = kmAt(l.route_id!, l.from_place_id!);
  const b = l.to_place_id ? kmAt(l.route_id!, l.to_place_id) : undefined;
  const km = a !== undefined && b !== undefined ? b - a : undefined;
  const src = `${l.bound === "at_least" ? ">" : "~"}${l.source_km}`;
  const ratio = km === undefined ? "—" : (km / Number(l.source_km)).toFixed(2);
  console.log(
    `| ${l.leg_id} | ${l.from_place_id} → ${l.to_place_id || "—"} | ${km?.toFixed(0) ?? "—"} | ${src} | ${ratio} | ${l.tested === "yes" ? "yes" : "no"} |`,
  );
}
