// Speed of the estimator on files WITHOUT labels (issue 13's speed goal, 100 groups × 10,000
// sightings < 10 s CPU, for unlabelled files): the association search (linkTracklets.ts,
// reassignReports.ts) must find the groups itself. Worlds: the stress speed world's layout
// (bench/worlds/stress.ts generateSpeedWorld: departures over 20 days, 30 days after the last,
// 3.7 reports per group-day) with N groups and no label on any report. Baseline, in the same
// process: the same world with every report labelled with its true group (nothing to associate).
// Time is the process's CPU time (user + system); figures are seeded and identical across runs.
// Run: TZ=UTC npx tsx bench/unlabelledSpeed.bench.ts [--groups 5,10,20] [--seed 1] (50 groups
// take minutes of CPU, 100 more: `--groups 50,100` when you mean it; `npm run bench` runs 5,10,20).
import { estimateTracks } from "../src/index.ts";
import type { Dataset } from "../src/index.ts";
import { option, num, pct, cpuMs, predictiveAssociationArg } from "./args.ts";
import { scoreTracks, summarizeScores } from "./worlds/score.ts";
import { generateStressWorld } from "./worlds/stress.ts";
import type { StressWorld } from "./worlds/stress.ts";

// --pred-assoc [--pred-birth N] [--pred-spread KM]: the association scores positions predictively
// (EstimateOptions.predictiveAssociation; off by default; bench/args.ts).
const predictiveAssociation = predictiveAssociationArg();

const at = process.argv.indexOf("--groups");
const sizes = (at >= 0 ? process.argv[at + 1] : "5,10,20").split(",").map(Number);
const seed = option("seed", 1);

/** The unlabelled speed world of `groups` groups (generateSpeedWorld's layout, no labels). */
function unlabelledWorld(groups: number): StressWorld {
  return generateStressWorld(seed, {
    groups,
    labelled: false,
    reportRate: 3.7,
    departureSpreadDays: 20,
    daysAfterLastDeparture: 30,
  });
}

/** The same reports, each labelled with the group it is truly of. */
function labelledCopy(world: StressWorld): Dataset {
  const sightings = world.dataset.sightings.map((s) => ({
    ...s,
    caravanLabel: s.id !== undefined ? world.sightingGroup[s.id] : undefined,
  }));
  return { ...world.dataset, sightings };
}

console.log(
  "| groups | reports | labelled (baseline) s CPU | unlabelled s CPU | ratio | tracks found | km × naive | without estimate |",
);
console.log("|---|---|---|---|---|---|---|---|");
for (const n of sizes) {
  const world = unlabelledWorld(n);
  const base = cpuMs(() => estimateTracks(labelledCopy(world), { predictiveAssociation }));
  const { ms, value } = cpuMs(() => estimateTracks(world.dataset, { predictiveAssociation }));
  const score = scoreTracks(world, value.tracks);
  const f = summarizeScores(score.sums);
  console.log(
    `| ${n} | ${world.dataset.sightings.length} | ${num(base.ms / 1000, 2)} | ${num(ms / 1000, 2)} | ${num(ms / base.ms, 1)}× | ${score.foundGroups} | ${num(f.kmRatio, 2)} | ${pct(f.missingShare)} |`,
  );
}
