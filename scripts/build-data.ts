// `npm run data`: rebuilds the embedded 2018 data from data/places.csv and data/sources/ (the
// observations, the route waypoints and the situation report copied from the reference set) into
// data/*.csv, data/routes.geojson and src/embedded/generated/*.ts. `--check` only compares and
// exits 1 when a committed file differs from what the build makes.
import { readFileSync, writeFileSync, mkdirSync, existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { buildAll, buildReport } from "./data/build.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const check = process.argv.includes("--check");
const files = buildAll((p) => readFileSync(resolve(root, p), "utf8"));
let stale = 0;
for (const [path, content] of files) {
  const full = resolve(root, path);
  const same = existsSync(full) && readFileSync(full, "utf8") === content;
  if (same) continue;
  stale++;
  if (check) {
    console.error(`stale: ${path}`);
  } else {
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
    console.error(`wrote ${path}`);
  }
}
for (const line of buildReport((p) => readFileSync(resolve(root, p), "utf8"))) console.error(line);
console.error(`${files.size} files, ${stale} ${check ? "stale" : "updated"}`);
if (check && stale > 0) process.exit(1);
