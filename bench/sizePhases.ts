/**
 * Where the size error of labelled worlds sits: each true group-day by the phase of its true size
 * (growing: up more than 1 % from the day before; shrinking: down more than 1 %; steady), the
 * error |ln(estimate / truth)|, the 90 % interval's cover and the share with truth above it.
 * `TZ=UTC npx tsx bench/sizePhases.ts --worlds 16 --seed-offset 200` (development seeds).
 */
import { estimateTracks } from "../src/index.ts";
import type { TrackPoint } from "../src/index.ts";
import { legacyWorld } from "./worlds/legacy.ts";
import { generateStressWorld } from "./worlds/stress.ts";
import type { ScorableWorld } from "./worlds/truth.ts";
import { option, pct, num } from "./args.ts";

const worlds = option("worlds", 16);
const seedOffset = option("seed-offset", 200);

interface Phase {
  n: number;
  absLog: number;
  covered: number;
  above: number;
}

function phaseOf(prev: number | undefined, size: number): string {
  if (prev === undefined) return "first day";
  const r = Math.log(size / prev);
  return r > 0.01 ? "growing" : r < -0.01 ? "shrinking" : "steady";
}

function score(world: ScorableWorld, tracks: readonly TrackPoint[], phases: Map<string, Phase>) {
  const byKey = new Map(tracks.map((t) => [`${t.group}|${t.date}`, t]));
  for (const g of world.truth) {
    let prev: number | undefined;
    for (const d of g.days) {
      const t = byKey.get(`${g.group}|${d.date}`);
      const phase = phaseOf(prev, d.size);
      prev = d.size;
      if (!t || !(t.size > 0) || !(d.size > 0)) continue;
      const p = phases.get(phase) ?? { n: 0, absLog: 0, covered: 0, above: 0 };
      p.n++;
      p.absLog += Math.abs(Math.log(t.size / d.size));
      if (d.size >= t.sizeLow && d.size <= t.sizeHigh) p.covered++;
      if (d.size > t.sizeHigh) p.above++;
      phases.set(phase, p);
    }
  }
}

function run(name: string, make: (i: number) => ScorableWorld): void {
  const phases = new Map<string, Phase>();
  for (let i = 0; i < worlds; i++) {
    const world = make(i);
    if (!world.labelled) continue;
    score(world, estimateTracks(world.dataset).tracks, phases);
  }
  console.log(
    `\n${name} (labelled worlds): phase, group-days, mean |ln est/truth|, 90 % cover, truth above`,
  );
  for (const [phase, p] of [...phases].sort()) {
    console.log(
      `- ${phase}: ${p.n}, ${num(p.absLog / p.n, 3)}, ${pct(p.covered / p.n)}, ${pct(p.above / p.n)}`,
    );
  }
}

run("stress", (i) => generateStressWorld(seedOffset + i + 1));
run("simulate.ts", (i) => legacyWorld(i, worlds, seedOffset));
