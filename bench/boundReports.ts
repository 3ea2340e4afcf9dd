// "At least N" reports against the size interval (branch leftovers, stop 21): for every labelled
// sighting that gives only a lower bound (size_min, no best figure, no maximum) in the labelled
// development worlds, whether the truth on its day is at least N, and whether the day's 90 % size
// interval of its group holds N (or lies wholly below it), and holds the truth.
// Run: TZ=UTC npx tsx bench/boundReports.ts [--bed stress|simulate] [--worlds 16] [--seed-offset 200]
import { estimateTracks } from "../src/index.ts";
import { option, pct } from "./args.ts";
import { generateStressWorld } from "./worlds/stress.ts";
import { legacyWorld } from "./worlds/legacy.ts";
import type { ScorableWorld } from "./worlds/truth.ts";

const bed = process.argv.includes("--bed")
  ? process.argv[process.argv.indexOf("--bed") + 1]
  : "stress";
const worlds = option("worlds", 16);
const seedOffset = option("seed-offset", 200);
const make = (i: number): ScorableWorld =>
  bed === "simulate" ? legacyWorld(i, worlds, seedOffset) : generateStressWorld(i + 1 + seedOffset);

let n = 0;
let truthAbove = 0;
let below = 0;
let belowTruthAbove = 0;
let covered = 0;
let coveredBelow = 0;
for (let i = 0; i < worlds; i++) {
  const world = make(i);
  if (!world.labelled) continue;
  const est = estimateTracks(world.dataset);
  const at = new Map(est.tracks.map((p) => [`${p.group}|${p.date}`, p]));
  const truthAt = new Map(
    world.truth.flatMap((g) => g.days.map((d) => [`${g.group}|${d.date}`, d.size] as const)),
  );
  for (const s of world.dataset.sightings) {
    if (s.sizeMin === undefined || s.sizeBest !== undefined || s.sizeMax !== undefined) continue;
    const date = s.observedAt?.slice(0, 10);
    const group = world.sightingGroup[s.id ?? ""];
    const truth = truthAt.get(`${group}|${date}`);
    const p = at.get(`${s.caravanLabel}|${date}`);
    if (truth === undefined || !p || !(p.sizeHigh > 0)) continue;
    n++;
    const isBelow = p.sizeHigh < s.sizeMin;
    const cov = p.sizeLow <= truth && truth <= p.sizeHigh;
    if (truth >= s.sizeMin) truthAbove++;
    if (isBelow) below++;
    if (isBelow && truth >= s.sizeMin) belowTruthAbove++;
    if (cov) covered++;
    if (isBelow && cov) coveredBelow++;
  }
}
console.log(
  `${bed}, ${worlds} worlds from seed offset ${seedOffset}: ${n} "at least N" reports; truth ≥ N ${pct(truthAbove / n)}; ` +
    `interval wholly below N ${below} (${pct(below / n)}), of them truth ≥ N ${belowTruthAbove}, interval holds truth ${coveredBelow}; ` +
    `interval holds the truth on the reports' days ${pct(covered / n)}`,
);
