// Speed of the unlabelled association against a copy of main's src/ in the same process
// (branch speedscreen): the unlabelled speed world of bench/unlabelledSpeed.bench.ts, estimated by
// main's estimateTracks and by this tree's, alternating, CPU seconds each, with the scores of
// both and whether the tracks are the same (a hash of the tracks' JSON).
// Run: git archive <main> src | tar -x -C /tmp/main && ln -s $PWD/node_modules /tmp/main/node_modules
//      TZ=UTC npx tsx bench/speedscreen.bench.ts --main /tmp/main/src/index.ts --groups 10,20 [--seed 1]
// --neighbour-gate: this tree's estimateTracks with EstimateOptions.neighbourGate (docs/estimation.md
// § speed26); main's as it is. --branch-first: this tree's run first (the order's effect on CPU).
import { createHash } from "node:crypto";
import { estimateTracks } from "../src/index.ts";
import type { Dataset } from "../src/index.ts";
import { option, num, pct, cpuMs } from "./args.ts";
import { scoreTracks, summarizeScores } from "./worlds/score.ts";
import { generateStressWorld } from "./worlds/stress.ts";

const arg = (name: string, fallback: string): string => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : fallback;
};
const sizes = arg("groups", "10,20").split(",").map(Number);
const seed = option("seed", 1);
const mainPath = arg("main", "");
const neighbourGate = process.argv.includes("--neighbour-gate");
const branchFirst = process.argv.includes("--branch-first");

type Estimate = (d: Dataset) => ReturnType<typeof estimateTracks>;
const mainEstimate: Estimate | undefined = mainPath
  ? ((await import(mainPath)) as { estimateTracks: Estimate }).estimateTracks
  : undefined;

console.log(
  "| groups | reports | main s CPU | branch s CPU | ratio | same tracks | tracks found main / branch | km × naive main / branch | without estimate main / branch |",
);
console.log("|---|---|---|---|---|---|---|---|---|");
for (const n of sizes) {
  const world = generateStressWorld(seed, {
    groups: n,
    labelled: false,
    reportRate: 3.7,
    departureSpreadDays: 20,
    daysAfterLastDeparture: 30,
  });
  const runs: { ms: number; hash: string; found: number; km: number; miss: number }[] = [];
  const branch: Estimate = (d) => estimateTracks(d, neighbourGate ? { neighbourGate } : {});
  const order = branchFirst ? [branch, mainEstimate] : [mainEstimate, branch];
  for (const f of order) {
    if (!f) continue;
    const { ms, value } = cpuMs(() => f(world.dataset));
    const score = scoreTracks(world, value.tracks);
    const s = summarizeScores(score.sums);
    const hash = createHash("sha1").update(JSON.stringify(value.tracks)).digest("hex").slice(0, 10);
    runs.push({ ms, hash, found: score.foundGroups, km: s.kmRatio, miss: s.missingShare });
  }
  if (branchFirst && runs.length === 2) runs.reverse();
  const [m, b] = runs.length === 2 ? runs : [undefined, runs[0]];
  console.log(
    `| ${n} | ${world.dataset.sightings.length} | ${m ? num(m.ms / 1000, 2) : "–"} | ${num(b.ms / 1000, 2)} | ${m ? num(b.ms / m.ms, 2) : "–"} | ${m ? (m.hash === b.hash ? "yes" : "no") : "–"} | ${m?.found ?? "–"} / ${b.found} | ${m ? num(m.km, 2) : "–"} / ${num(b.km, 2)} | ${m ? pct(m.miss) : "–"} / ${pct(b.miss)} |`,
  );
}
