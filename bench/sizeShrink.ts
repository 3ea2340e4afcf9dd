/**
 * Why stress sizes sit below the truth (issue 13, branch sizeshrink): on labelled stress worlds,
 * per world the signed error ln(estimate / truth) beside the level error of the fitted source
 * biases (fitted bias − ln(figure / truth) over fresh body figures: what the reports cannot tell,
 * sourceBias.ts ANCHOR_LEVEL_SD); the signed error by phase of the true size and movement phase;
 * the estimate's daily change against the truth's; each source type's figures against the truth.
 * `TZ=UTC npx tsx bench/sizeShrink.ts --worlds 16 --seed-offset 200` (development seeds).
 */
import { estimateTracks, isoDate } from "../src/index.ts";
import { generateStressWorld } from "./worlds/stress.ts";
import type { StressTruthDay } from "./worlds/stress.ts";
import { option, num } from "./args.ts";

const worlds = option("worlds", 16);
const seedOffset = option("seed-offset", 200);

type Acc = Map<string, { n: number; s: number; abs: number }>;
function add(m: Acc, k: string, v: number): void {
  const a = m.get(k) ?? { n: 0, s: 0, abs: 0 };
  a.n++;
  a.s += v;
  a.abs += Math.abs(v);
  m.set(k, a);
}
function show(title: string, m: Acc): void {
  console.log(`\n${title}: key, n, mean signed, mean abs`);
  for (const [k, a] of [...m].sort()) {
    console.log(`- ${k}: ${a.n}, ${num(a.s / a.n, 3)}, ${num(a.abs / a.n, 3)}`);
  }
}

const byPhase: Acc = new Map();
const change: Acc = new Map();
const figures: Acc = new Map();

function phaseOf(prev: number | undefined, d: StressTruthDay): string {
  if (prev === undefined) return "first day";
  const r = Math.log(d.size / prev);
  return `${r > 0.01 ? "growing" : r < -0.01 ? "shrinking" : "steady"} ${d.phase}`;
}

for (let i = 0; i < worlds; i++) {
  const world = generateStressWorld(seedOffset + i + 1);
  if (!world.labelled) continue;
  const result = estimateTracks(world.dataset);
  const byKey = new Map(result.tracks.map((t) => [`${t.group}|${t.date}`, t]));
  const truthAt = new Map<string, number>();
  let est = { n: 0, s: 0 };
  for (const g of world.truth) {
    let prev: number | undefined;
    let prevEst: number | undefined;
    for (const d of g.days) {
      truthAt.set(`${g.group}|${d.date}`, d.size);
      const phase = phaseOf(prev, d);
      const t = byKey.get(`${g.label}|${d.date}`);
      if (t && t.size > 0) {
        const e = Math.log(t.size / d.size);
        add(byPhase, phase, e);
        est = { n: est.n + 1, s: est.s + e };
        if (prevEst !== undefined && prev !== undefined) {
          add(change, phase, Math.log(t.size / prevEst) - Math.log(d.size / prev));
        }
      }
      prev = d.size;
      prevEst = t && t.size > 0 ? t.size : undefined;
    }
  }
  const fitted = new Map(result.report.sourceBiases.map((b) => [b.sourceType, b.bias]));
  let level = { n: 0, s: 0 };
  for (const r of world.reports) {
    const truth = truthAt.get(`${r.group}|${isoDate(r.day)}`);
    if (!truth || !r.size?.best || r.kind !== "fresh") continue;
    const word = r.notes !== "" ? "part word" : "no word";
    add(figures, `${r.part} ${word}`, Math.log(r.size.best / truth));
    if (r.part !== "body") continue;
    add(figures, `body: ${r.sourceType}`, Math.log(r.size.best / truth));
    const lean = (fitted.get(r.sourceType) ?? 0) - Math.log(r.size.best / truth);
    level = { n: level.n + 1, s: level.s + lean };
  }
  console.log(
    `world ${world.seed}: signed ln(est/truth) ${num(est.s / est.n, 3)}, fitted bias − figures' (body) ${num(level.s / level.n, 3)}`,
  );
}
show("signed ln(est/truth) by phase of the true size, movement phase", byPhase);
show("estimate's daily ln change minus the truth's", change);
show("fresh figures ln(figure/truth)", figures);
