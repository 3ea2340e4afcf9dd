// Route geometry benchmark: projection of points onto a long route, and positions along it.
// Seeded data (identical across runs): a 20,000-vertex random-walk route from San Pedro Sula
// towards Tijuana (≈ 0.25 km steps, ≈ 4,400 km), and 100,000 query points scattered around it
// (most within 30 km, like sightings; 5 % up to 300 km off). Speed is reported as a ratio to
// @turf/nearest-point-on-line and @turf/along measured in the same process on a sample.
// Times are CPU time of this process (process.cpuUsage, user + system), not wall time, so that
// other jobs on a shared machine do not inflate them; wall time is printed alongside.
// The same on a real route size: the embedded 2018 main route (216 vertices).
// Run: npx tsx bench/geo.bench.ts
import { along as turfAlong } from "@turf/along";
import { nearestPointOnLine } from "@turf/nearest-point-on-line";
import { lineString } from "@turf/helpers";
import { embedded2018 } from "../src/embedded/index.ts";
import { createRouteIndex, type RouteIndex } from "../src/geo/routeIndex.ts";
import type { RouteCollection } from "../src/model/route.ts";
import type { LonLat } from "../src/model/units.ts";
import { mulberry32 } from "../src/util/random.ts";

const VERTICES = 20_000;
const QUERIES = 100_000;
const TURF_SAMPLE = 100;
const ALONG_CALLS = 1_000_000;
const TURF_ALONG_SAMPLE = 200;

const random = mulberry32(2018);

/** CPU milliseconds (user + system) spent by this process since `start`. */
function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

function makeRoute(): LonLat[] {
  // Heading from San Pedro Sula (−88.0, 15.5) to Tijuana (−117.0, 32.5) with a wandering bearing.
  const coords: LonLat[] = [[-88.025, 15.504]];
  const target: LonLat = [-117.038, 32.514];
  let heading = 0;
  for (let i = 1; i < VERTICES; i++) {
    const [lon, lat] = coords[i - 1]!;
    const toTarget = Math.atan2(
      target[1] - lat,
      (target[0] - lon) * Math.cos((lat * Math.PI) / 180),
    );
    heading = 0.85 * heading + 0.15 * toTarget + (random() - 0.5) * 0.6;
    const stepKm = 0.1 + random() * 0.3;
    const dLat = (stepKm / 111.2) * Math.sin(heading);
    const dLon = (stepKm / (111.2 * Math.cos((lat * Math.PI) / 180))) * Math.cos(heading);
    coords.push([lon + dLon, lat + dLat]);
  }
  return coords;
}

const coords = makeRoute();
const collection: RouteCollection = {
  type: "FeatureCollection",
  features: [lineString(coords, { route_id: "bench" })],
};

let t0 = performance.now();
const index = createRouteIndex(collection);
const buildMs = performance.now() - t0;
const length = index.lengthKm("bench");

/** QUERIES points at random km along a route, moved off it: 95 % within 30 km, 5 % up to 300 km. */
function scatterAround(routes: RouteIndex, routeId: string): LonLat[] {
  const routeKm = routes.lengthKm(routeId);
  const out: LonLat[] = [];
  for (let i = 0; i < QUERIES; i++) {
    const [lon, lat] = routes.along(routeId, random() * routeKm);
    const offKm = random() < 0.95 ? random() * 30 : random() * 300;
    const angle = random() * 2 * Math.PI;
    out.push([
      lon + (offKm * Math.cos(angle)) / (111.2 * Math.cos((lat * Math.PI) / 180)),
      lat + (offKm * Math.sin(angle)) / 111.2,
    ]);
  }
  return out;
}
const queries = scatterAround(index, "bench");

// Warm up the JIT on a different slice, then time all queries.
for (let i = 0; i < 2000; i++) index.project(queries[i]!);
t0 = performance.now();
let cpu = process.cpuUsage();
let checksum = 0;
for (const q of queries) checksum += index.project(q)!.km;
const oursMs = cpuMsSince(cpu);
const oursWallMs = performance.now() - t0;
const oursPer = oursMs / QUERIES;

// The same count of points within 2 km of the road (a sighting snapped to a town on the route).
const nearQueries: LonLat[] = queries.map((_, i) => {
  const [lon, lat] = index.along("bench", ((i * 0.618034) % 1) * length);
  return [lon + (random() - 0.5) * 0.036, lat + (random() - 0.5) * 0.036];
});
cpu = process.cpuUsage();
for (const q of nearQueries) checksum += index.project(q)!.km;
const nearPer = cpuMsSince(cpu) / QUERIES;

const feature = collection.features[0]!;
nearestPointOnLine(feature, queries[0]!); // warm-up
let maxDiffM = 0;
cpu = process.cpuUsage();
const turfResults = [];
for (let i = 0; i < TURF_SAMPLE; i++) turfResults.push(nearestPointOnLine(feature, queries[i]!));
const turfMs = cpuMsSince(cpu);
const turfPer = turfMs / TURF_SAMPLE;
for (let i = 0; i < TURF_SAMPLE; i++) {
  const ours = index.project(queries[i]!)!;
  const theirs = turfResults[i]!.properties;
  maxDiffM = Math.max(
    maxDiffM,
    Math.abs(ours.distanceKm - theirs.pointDistance) * 1000,
    Math.abs(ours.km - theirs.totalDistance) * 1000,
  );
}

const alongKm: number[] = [];
for (let i = 0; i < 1000; i++) alongKm.push(random() * length);
for (let i = 0; i < 100_000; i++) index.along("bench", alongKm[i % 1000]!);
cpu = process.cpuUsage();
for (let i = 0; i < ALONG_CALLS; i++) checksum += index.along("bench", alongKm[i % 1000]!)[0];
const alongMs = cpuMsSince(cpu);
cpu = process.cpuUsage();
for (let i = 0; i < TURF_ALONG_SAMPLE; i++) {
  turfAlong(feature, alongKm[i]!, { units: "kilometers" });
}
const turfAlongMs = cpuMsSince(cpu);
const alongPer = alongMs / ALONG_CALLS;
const turfAlongPer = turfAlongMs / TURF_ALONG_SAMPLE;

// The same measurements on a real route size: the embedded 2018 main route (216 vertices,
// San Pedro Sula → Tijuana), with Turf on a larger sample because it is ~100× cheaper there.
const REAL_TURF_SAMPLE = 2_000;
const realFeature = embedded2018().routes.features.find((f) => f.properties.route_id === "main")!;
const realIndex = createRouteIndex({ type: "FeatureCollection", features: [realFeature] });
const realLength = realIndex.lengthKm("main");
const realQueries = scatterAround(realIndex, "main");
for (let i = 0; i < 2000; i++) realIndex.project(realQueries[i]!);
cpu = process.cpuUsage();
for (const q of realQueries) checksum += realIndex.project(q)!.km;
const realPer = cpuMsSince(cpu) / QUERIES;
nearestPointOnLine(realFeature, realQueries[0]!);
cpu = process.cpuUsage();
let realMaxDiffM = 0;
for (let i = 0; i < REAL_TURF_SAMPLE; i++) {
  const theirs = nearestPointOnLine(realFeature, realQueries[i]!).properties;
  const ours = realIndex.project(realQueries[i]!)!;
  realMaxDiffM = Math.max(
    realMaxDiffM,
    Math.abs(ours.distanceKm - theirs.pointDistance) * 1000,
    Math.abs(ours.km - theirs.totalDistance) * 1000,
  );
}
// The comparison above costs a projection of ours per sample: negligible next to Turf's.
const realTurfPer = cpuMsSince(cpu) / REAL_TURF_SAMPLE;
cpu = process.cpuUsage();
for (let i = 0; i < ALONG_CALLS; i++) {
  checksum += realIndex.along("main", ((i % 1000) / 1000) * realLength)[0];
}
const realAlongPer = cpuMsSince(cpu) / ALONG_CALLS;
cpu = process.cpuUsage();
for (let i = 0; i < REAL_TURF_SAMPLE; i++) {
  turfAlong(realFeature, ((i % 1000) / 1000) * realLength, { units: "kilometers" });
}
const realTurfAlongPer = cpuMsSince(cpu) / REAL_TURF_SAMPLE;

const us = (ms: number) => `${(ms * 1000).toFixed(2)} µs`;
console.log(
  `route: ${VERTICES} vertices, ${length.toFixed(0)} km; index built in ${buildMs.toFixed(1)} ms`,
);
console.log(`| operation | dtm-flow | Turf 7.4 | ratio |`);
console.log(`|---|---|---|---|`);
console.log(
  `| project (${QUERIES.toLocaleString("en")} points; Turf on ${TURF_SAMPLE}) | ${us(oursPer)} | ${us(turfPer)} | ${(turfPer / oursPer).toFixed(0)}× |`,
);
console.log(
  `| project, points within 2 km (${QUERIES.toLocaleString("en")}) | ${us(nearPer)} | ≈ ${us(turfPer)} | ${(turfPer / nearPer).toFixed(0)}× |`,
);
console.log(
  `| along (${ALONG_CALLS.toLocaleString("en")} calls; Turf on ${TURF_ALONG_SAMPLE}) | ${us(alongPer)} | ${us(turfAlongPer)} | ${(turfAlongPer / alongPer).toFixed(0)}× |`,
);
console.log(
  `| project, embedded main route (${realFeature.geometry.coordinates.length} vertices; ${QUERIES.toLocaleString("en")} points; Turf on ${REAL_TURF_SAMPLE.toLocaleString("en")}) | ${us(realPer)} | ${us(realTurfPer)} | ${(realTurfPer / realPer).toFixed(0)}× |`,
);
console.log(
  `| along, embedded main route (${ALONG_CALLS.toLocaleString("en")} calls; Turf on ${REAL_TURF_SAMPLE.toLocaleString("en")}) | ${us(realAlongPer)} | ${us(realTurfAlongPer)} | ${(realTurfAlongPer / realAlongPer).toFixed(0)}× |`,
);
console.log(
  `projections/s: ${Math.round(1000 / oursPer).toLocaleString("en")}; along/s: ${Math.round(1000 / alongPer).toLocaleString("en")}`,
);
console.log(
  `wall time of the 100,000 projections: ${oursWallMs.toFixed(0)} ms (CPU ${oursMs.toFixed(0)} ms)`,
);
console.log(
  `largest difference from Turf on the sample (distance or km): ${maxDiffM.toExponential(2)} m`,
);
console.log(
  `largest difference from Turf on the embedded main route (distance or km): ${realMaxDiffM.toExponential(2)} m`,
);
console.log(`(checksum ${checksum.toFixed(3)})`);
