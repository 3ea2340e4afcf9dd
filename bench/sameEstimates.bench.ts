// Whether this tree's estimates are main's, byte for byte (branch speedexact: exact speed-ups
// must leave every number as it was): the whole estimateTracks result, as JSON, of the
// development worlds — stress and simulate.ts (seeds of `--seed-offset`, as bench/stress.bench.ts
// draws them), world3 (bench/world3.bench.ts), the unlabelled speed world at `--groups` — and the
// embedded 2018 data, estimated by a copy of main's src/ and by this tree's in one process, with a
// hash of each and the CPU seconds of each.
// Run: git archive main src | tar -x -C /tmp/main && ln -s $PWD/node_modules /tmp/main/node_modules
//      TZ=UTC npx tsx bench/sameEstimates.bench.ts --main /tmp/main/src/index.ts [--worlds 16]
//      [--seed-offset 200] [--groups 10,20] [--neighbour-gate]
// --neighbour-gate: this tree's estimates with EstimateOptions.neighbourGate (docs/estimation.md § speed26).
import { createHash } from "node:crypto";
import { embedded2018, estimateTracks } from "../src/index.ts";
import type { Dataset } from "../src/index.ts";
import { option, num, cpuMs } from "./args.ts";
import { legacyWorld } from "./worlds/legacy.ts";
import { generateStressWorld } from "./worlds/stress.ts";
import { generateWorld3 } from "./world3/world.ts";

const arg = (name: string, fallback: string): string => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : fallback;
};
const worlds = option("worlds", 16);
const seedOffset = option("seed-offset", 200);
const groups = arg("groups", "10,20").split(",").filter(Boolean).map(Number);
const mainPath = arg("main", "");
const neighbourGate = process.argv.includes("--neighbour-gate");
if (!mainPath) throw new Error("--main <path to a copy of main's src/index.ts> is required");
type Estimate = (d: Dataset) => unknown;
const mainEstimate = ((await import(mainPath)) as { estimateTracks: Estimate }).estimateTracks;

/** The beds: a name and a dataset each. */
function* beds(): Generator<[string, Dataset]> {
  yield ["2018", embedded2018()];
  for (let i = 0; i < worlds; i++) {
    yield [`stress ${i + 1 + seedOffset}`, generateStressWorld(i + 1 + seedOffset).dataset];
    yield [`simulate.ts ${i}`, legacyWorld(i, worlds, seedOffset).dataset];
  }
  for (let i = 0; i < Math.min(worlds, 12); i++) {
    const seed = i + 1 + seedOffset;
    yield [`world3 ${seed}`, generateWorld3(seed, { labelled: i % 3 !== 2 }).dataset];
  }
  for (const n of groups)
    yield [
      `unlabelled speed world, ${n} groups`,
      generateStressWorld(1, {
        groups: n,
        labelled: false,
        reportRate: 3.7,
        departureSpreadDays: 20,
        daysAfterLastDeparture: 30,
      }).dataset,
    ];
}

const hash = (value: unknown): string =>
  createHash("sha1").update(JSON.stringify(value)).digest("hex").slice(0, 12);

console.log("| bed | main s CPU | branch s CPU | same (hash of the whole result) |");
console.log("|---|---|---|---|");
let same = 0;
let all = 0;
for (const [name, dataset] of beds()) {
  const m = cpuMs(() => hash(mainEstimate(dataset)));
  const b = cpuMs(() => hash(estimateTracks(dataset, neighbourGate ? { neighbourGate } : {})));
  all++;
  if (m.value === b.value) same++;
  console.log(
    `| ${name} | ${num(m.ms / 1000, 2)} | ${num(b.ms / 1000, 2)} | ${m.value === b.value ? `yes (${b.value})` : `**no** (${m.value} / ${b.value})`} |`,
  );
}
console.log(`\n${same} of ${all} estimates the same as main's.`);
