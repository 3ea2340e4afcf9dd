// Accuracy of the track estimator on seeded simulated worlds of increasing difficulty, beside the
// naive baseline (linear interpolation of the raw reports). Run: npx tsx bench/accuracy.bench.ts
// Optional: WORLDS=50 (default) — the number of worlds; BOUND_WORLDS=120 (default) — the worlds of
// the bound-only check at the end (0 to skip it).
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

// Groups known only by a lower bound (the size prior's case), which the worlds above hardly hold:
// in each world of 4 groups (all reports labelled, no size-only reports, no border counts) one
// group keeps a single size report, "more than X" from the media, with X at 30–100 % of its true
// size that day. Scored: is the truth inside the 90 % interval, and the interval's upper end over
// the largest size seen in the dataset (any figure, or another group's estimate).
const boundWorlds = Number(process.env.BOUND_WORLDS ?? 120);
let boundHits = 0;
const boundRatios: number[] = [];
for (let i = 0; i < boundWorlds; i++) {
  const base = worldOfDifficulty(0.3 + (0.4 * (i % 10)) / 9);
  const world = simulateWorld(
    {
      ...base,
      groups: 4,
      observation: { ...base.observation, missingLabelRate: 0, sizeOnlyRate: 0 },
    },
    mulberry32(5000 + i),
  );
  const target = world.truth[i % world.truth.length];
  const draw = mulberry32(9000 + i);
  const mine = world.dataset.sightings.filter(
    (s) => world.sightingGroup[s.id ?? ""] === target.group,
  );
  const keep = mine.find((s) => s.caravanLabel);
  const truthDay = target.days.find((d) => d.date === keep?.observedAt.slice(0, 10));
  if (!keep || !truthDay) continue;
  for (const s of mine) {
    delete s.sizeBest;
    delete s.sizeMin;
    delete s.sizeMax;
  }
  keep.sizeMin = Math.round(truthDay.size * (0.3 + 0.7 * draw()));
  keep.sourceType = "media";
  world.dataset.counts = [];
  const result = estimateTracks(world.dataset);
  const t = result.tracks.find((r) => r.group === keep.caravanLabel && r.date === truthDay.date);
  if (!t || !Number.isFinite(t.sizeHigh)) continue;
  if (truthDay.size >= t.sizeLow && truthDay.size <= t.sizeHigh) boundHits++;
  let largest = 0;
  for (const s of world.dataset.sightings) {
    for (const v of [s.sizeBest, s.sizeMin, s.sizeMax])
      if (v !== undefined && v > largest) largest = v;
  }
  for (const r of result.tracks) if (r.group !== t.group && r.size > largest) largest = r.size;
  boundRatios.push(t.sizeHigh / largest);
}
if (boundRatios.length > 0) {
  boundRatios.sort((a, b) => a - b);
  const nb = boundRatios.length;
  console.log(
    `bound-only groups (${nb} worlds): truth inside the 90 % interval ${pct(boundHits / nb)}; upper end ≤ 3 × the largest size seen in ${pct(boundRatios.filter((r) => r <= 3).length / nb)} (median ${boundRatios[nb >> 1].toFixed(2)} ×, worst ${boundRatios[nb - 1].toFixed(2)} ×)`,
  );
}
