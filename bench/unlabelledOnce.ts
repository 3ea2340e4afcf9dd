// One estimate of the unlabelled speed world (bench/unlabelledSpeed.bench.ts's layout, no labels) by
// the estimator of a given src/index.ts, in a fresh process: its CPU seconds and a hash of the whole
// estimateTracks result (branch speed27). Run main and a branch alternately, each in its own
// process, so that neither pays for the other's first call or heap:
//   for r in 1 2; do for s in <main>/src/index.ts src/index.ts; do
//     TZ=UTC npx tsx bench/unlabelledOnce.ts --src $s --groups 100; done; done
// (<main>: `git archive <main> src | tar -x -C <main>` and node_modules linked beside it.)
import { createHash } from "node:crypto";
import { loadavg } from "node:os";
import { resolve } from "node:path";
import type { Dataset, estimateTracks as Estimate } from "../src/index.ts";
import { option, num } from "./args.ts";
import { generateStressWorld } from "./worlds/stress.ts";

const at = process.argv.indexOf("--src");
const src = resolve(at >= 0 ? process.argv[at + 1] : "src/index.ts");
const groups = option("groups", 100);
const seed = option("seed", 1);
const { estimateTracks } = (await import(src)) as { estimateTracks: typeof Estimate };
const world = generateStressWorld(seed, {
  groups,
  labelled: false,
  reportRate: 3.7,
  departureSpreadDays: 20,
  daysAfterLastDeparture: 30,
});
const dataset: Dataset = world.dataset;
const c0 = process.cpuUsage();
const result = estimateTracks(dataset);
const c = process.cpuUsage(c0);
const hash = createHash("sha1").update(JSON.stringify(result)).digest("hex").slice(0, 12);
console.log(
  `${src} | ${groups} groups, seed ${seed} | ${num((c.user + c.system) / 1e6, 2)} s CPU | hash ${hash} | load ${num(loadavg()[0], 1)}`,
);
