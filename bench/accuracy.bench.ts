// Accuracy of the track estimator on seeded simulated worlds of increasing difficulty, beside the
// naive baseline (linear interpolation of the raw reports). Run: npx tsx bench/accuracy.bench.ts
// Optional: WORLDS=50 (default) — the number of worlds.
import { estimateTracks } from "../src/estimate/estimateTracks.ts";
import { addSums, emptySums, figures, scoreWorld } from "../src/estimate/accuracy.ts";
import type { AccuracyFigures, AccuracySums } from "../src/estimate/accuracy.ts";
import { simulateWorld, worldOfDifficulty } from "../src/estimate/simulate.ts";
import { mulberry32 } from "../src/util/random.ts";

const worlds = Number(process.env.WORLDS ?? 50);
const bands = [
  { name: "easy (d < 0.34)", est: emptySums(), base: emptySums() },
  { name: "medium", est: emptySums(), base: emptySums() },
  { name: "hard (d ≥ 0.67)", est: emptySums(), base: emptySums() },
];
let estAll: AccuracySums = emptySums();
let baseAll: AccuracySums = emptySums();
let missing = 0;
const association = { right: 0, wrong: 0, newGroup: 0, leftOut: 0 };
let sightings = 0;
const started = performance.now();
for (let i = 0; i < worlds; i++) {
  const difficulty = worlds === 1 ? 0.5 : i / (worlds - 1);
  const world = simulateWorld(worldOfDifficulty(difficulty), mulberry32(1000 + i));
  sightings += world.dataset.sightings.length;
  const result = estimateTracks(world.dataset);
  const score = scoreWorld(world, result.tracks);
  // Where the unlabelled position reports went.
  const unlabelled = new Set(
    world.dataset.sightings
      .filter((s) => !s.caravanLabel && (s.lat !== undefined || s.placeName))
      .map((s) => s.id ?? ""),
  );
  for (const a of result.report.associations) {
    if (!unlabelled.has(a.sightingId)) continue;
    if (a.how === "new_group") association.newGroup++;
    else if (a.group === world.sightingGroup[a.sightingId]) association.right++;
    else association.wrong++;
  }
  association.leftOut += result.report.leftOut.filter((l) => unlabelled.has(l.sightingId)).length;
  estAll = addSums(estAll, score.estimator);
  baseAll = addSums(baseAll, score.baseline);
  missing += score.missing;
  const band = bands[Math.min(2, Math.floor(difficulty * 3))];
  band.est = addSums(band.est, score.estimator);
  band.base = addSums(band.base, score.baseline);
}
const seconds = (performance.now() - started) / 1000;

const pct = (x: number): string => `${(100 * x).toFixed(1)} %`;
const row = (name: string, e: AccuracyFigures, b: AccuracyFigures): string =>
  `| ${name} | ${e.positionMaeKm.toFixed(1)} | ${b.positionMaeKm.toFixed(1)} | ${(e.positionMaeKm / b.positionMaeKm).toFixed(2)} | ${pct(e.sizeMape)} | ${pct(b.sizeMape)} | ${(e.sizeMape / b.sizeMape).toFixed(2)} | ${pct(e.kmCoverage)} | ${pct(e.sizeCoverage)} | ${pct(b.kmCoverage)} / ${pct(b.sizeCoverage)} | ${e.n} |`;
console.log(
  `${worlds} seeded worlds (seeds 1000…${999 + worlds}), ${sightings} sightings, ${seconds.toFixed(1)} s`,
);
console.log(
  "| worlds | position MAE km | baseline | ratio | size MAPE | baseline | ratio | 90 % coverage km | 90 % coverage size | baseline coverage km / size | group-days |",
);
console.log("|---|---|---|---|---|---|---|---|---|---|---|");
for (const b of bands) console.log(row(b.name, figures(b.est), figures(b.base)));
const e = figures(estAll);
const b = figures(baseAll);
console.log(row("**all**", e, b));
console.log(`group-days without an estimate: ${missing}`);
const unlabelledTotal =
  association.right + association.wrong + association.newGroup + association.leftOut;
console.log(
  `unlabelled position reports (${unlabelledTotal}): ${pct(association.right / unlabelledTotal)} joined their true group, ${pct(association.wrong / unlabelledTotal)} another group, ${pct(association.newGroup / unlabelledTotal)} started or joined a new group, ${pct(association.leftOut / unlabelledTotal)} left out`,
);
const ok =
  e.positionMaeKm <= 0.6 * b.positionMaeKm &&
  e.sizeMape <= 0.6 * b.sizeMape &&
  e.kmCoverage >= 0.85 &&
  e.kmCoverage <= 0.95 &&
  e.sizeCoverage >= 0.85 &&
  e.sizeCoverage <= 0.95;
console.log(`goals (errors ≤ 0.6 × baseline, coverage 85–95 %): ${ok ? "met" : "NOT met"}`);
