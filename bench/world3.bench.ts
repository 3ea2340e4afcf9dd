// Held-out validation of the track estimator on a THIRD simulator (bench/world3/), never used for
// tuning: families deciding day by day, a caravan that splits, two that merge, six kinds of source
// with their own error laws, Spanish and English sheets read through the importer. The estimator
// is called as bench/stress.bench.ts calls it (`estimateTracks(world.dataset)`); the scoring is
// world3's own (bench/world3/score.ts). Figures and assumptions: bench/README.md § world3.
// Run: TZ=UTC npx tsx bench/world3.bench.ts [--worlds 50] [--seed-offset 0] [--per-world] [--no-body-tails]
//      [--forecast [--step 7] [--runs 200]] [--missing]
// World i (0-based) has seed i + 1 + offset; one world in three (i % 3 = 2) names no group.
// --forecast also scores rolling forecasts every `step` days (bench/world3/forecast.ts) against
// the last-two-reports baseline at leads 1–14 (a nowcast per as-of moment: ~5 s more per world).
// Development: W3_ORACLE=start|regime|day1|both|report starts the forecast from the truth (or the latest
// true report) instead of the nowcast, W3_ORACLE=diag prints the head start against the true front
// edge (bench/world3/forecast.ts `oracleStarts`; bench/README.md § fcshort).
import { estimateTracks } from "../src/index.ts";
import {
  LEADS,
  emptySkill,
  failures,
  headStartLine,
  leadOnePaceLines,
  scoreForecasts,
  emptyCell,
} from "./world3/forecast.ts";
import type { LeadCell, SkillTable } from "./world3/forecast.ts";
import { road } from "./world3/geography.ts";
import { addSums, emptySums, figures, scoreWorld } from "./world3/score.ts";
import type { Figures, WorldScore } from "./world3/score.ts";
import { missingCauses } from "./world3/missing.ts";
import type { MissingCauses } from "./worlds/missing.ts";
import { generateWorld3 } from "./world3/world.ts";
import { addSharpness, emptySharpness, sharpText } from "./worlds/sharpness.ts";
import type { Sharpness } from "./worlds/sharpness.ts";
import {
  option,
  pct,
  num,
  cpuMs,
  predictiveAssociationArg,
  splitPartsArg,
  peopleJoinArg,
  reachBackArg,
} from "./args.ts";

// --pred-assoc [--pred-birth N] [--pred-spread KM]: the association scores positions predictively
// (EstimateOptions.predictiveAssociation; off by default; bench/args.ts).
const predictiveAssociation = predictiveAssociationArg();
// --no-split-parts, --split-min-bodies N, --split-max-bodies N, --split-unnamed: EstimateOptions.splitParts, on by default (bench/args.ts).
const splitParts = splitPartsArg();

const worlds = option("worlds", 50);
const seedOffset = option("seed-offset", 0);
const perWorld = process.argv.includes("--per-world");
// --no-body-tails: the final passes read reports of the body as one normal (EstimateOptions.bodyTails).
const bodyTails = !process.argv.includes("--no-body-tails");
// --absorb-parts: short unlabelled tracks within another's body read as its parts
// (EstimateOptions.absorbParts; off by default).
const absorbParts = process.argv.includes("--absorb-parts");
// --join-bodies: tracks of one long body joined (EstimateOptions.joinBodies; off by default).
const joinBodies = process.argv.includes("--join-bodies-parts")
  ? "parts"
  : process.argv.includes("--join-bodies");
// --reach-back[-unlabelled]: tracks written back towards their departure
// (EstimateOptions.reachBack; off by default, docs/estimation.md § gaps27).
const reachBack = reachBackArg();

// --people-join: tracks whose reports fit a larger track's people joined (EstimateOptions.peopleJoin;
// off by default, docs/estimation.md § assoc27).
const peopleJoin = peopleJoinArg();
// --body-charge: reports within a track's same-day body spread charged as its parts in the
// association search (EstimateOptions.bodyCharge; off by default, docs/estimation.md § assoc26).
const bodyCharge = process.argv.includes("--body-charge");
// --neighbour-gate: the association search fits only groups within a report's reach
// (EstimateOptions.neighbourGate; off by default, docs/estimation.md § speed26).
const neighbourGate = process.argv.includes("--neighbour-gate");
// --narrow-noise: days no check widens narrowed by the fitted noise scale (EstimateOptions.narrowNoise;
// off by default, docs/estimation.md § cal24).
const narrowNoise = process.argv.includes("--narrow-noise");
// --same-day-spread: a body's spread no wider than one day's reports show it
// (EstimateOptions.sameDaySpread; off by default, docs/estimation.md § cal25).
const sameDaySpread = process.argv.includes("--same-day-spread");
// --day-check-law: the day check widens only a reported day's prediction from the other days
// (EstimateOptions.dayCheckOnLaw; off by default since stop 25's review, docs/estimation.md § cal25).
const dayCheckOnLaw = process.argv.includes("--day-check-law");
// --report-check-on-noise: the reports' check widens a labelled group's reports' noise, not its
// whole posterior (EstimateOptions.reportCheckOnNoise; off by default, docs/estimation.md § cal25b).
const reportCheckOnNoise = process.argv.includes("--report-check-on-noise");
// --agreeing-as-point: a labelled group's day whose reports agree read with no body
// (EstimateOptions.agreeingAsPoint; off by default, docs/estimation.md § cal26).
const agreeingAsPoint = process.argv.includes("--agreeing-as-point");
const forecast = process.argv.includes("--forecast");
// --missing: the group-days without an estimate sorted by cause (bench/world3/missing.ts).
const missing = process.argv.includes("--missing");
const causes: Record<"labelled" | "unlabelled", MissingCauses> = {
  labelled: new Map(),
  unlabelled: new Map(),
};
const step = option("step", 7);
const runs = option("runs", 200);
const skill: SkillTable = emptySkill();
let moments = 0;
let forecastMs = 0;

const scores: WorldScore[] = [];
let genMs = 0;
let estMs = 0;
let worstMs = 0;
let sightings = 0;
let counts = 0;
let rejected = 0;
let splits = 0;
let merges = 0;
const crashes: string[] = [];
const index = road().index;
for (let i = 0; i < worlds; i++) {
  const seed = i + 1 + seedOffset;
  const gen = cpuMs(() => generateWorld3(seed, { labelled: i % 3 !== 2 }));
  const world = gen.value;
  // A crash of the estimator is a finding: the world is scored with no track (every day missing).
  const est = cpuMs(() => {
    try {
      return estimateTracks(world.dataset, {
        bodyTails,
        predictiveAssociation,
        absorbParts,
        joinBodies,
        peopleJoin,
        bodyCharge,
        reachBack,
        neighbourGate,
        narrowNoise,
        sameDaySpread,
        dayCheckOnLaw,
        reportCheckOnNoise,
        agreeingAsPoint,
        splitParts,
      }).tracks;
    } catch (e) {
      crashes.push(`${world.name}: ${String(e).slice(0, 120)}`);
      return [];
    }
  });
  genMs += gen.ms;
  estMs += est.ms;
  worstMs = Math.max(worstMs, gen.ms + est.ms);
  sightings += world.dataset.sightings.length;
  counts += world.dataset.counts.length;
  rejected += world.rejected;
  splits += world.events.filter((e) => e.includes("split off")).length;
  merges += world.events.filter((e) => e.includes("joined")).length;
  const score = scoreWorld(world, est.value, index);
  if (missing)
    missingCauses(world, est.value, index, causes[world.labelled ? "labelled" : "unlabelled"]);
  if (forecast) {
    const fc = cpuMs(() => scoreForecasts(world, index, skill, { step, runs }));
    moments += fc.value;
    forecastMs += fc.ms;
  }
  scores.push(score);
  if (perWorld) {
    const f = figures(score.sums);
    console.log(
      `${world.name}${world.labelled ? "" : " (unlabelled)"}: ${score.foundGroups} tracks for ${score.trueGroups} groups; km ${num(f.kmRatio, 2)} × naive, cover ${pct(f.kmCover)}; size ${num(f.sizeRatio, 2)} ×; without estimate ${pct(f.missingShare)}; ${world.events.join("; ")}`,
    );
  }
}

function pooled(filter: (s: WorldScore) => boolean): Figures & { sharp: Sharpness } {
  const s = emptySums();
  const sharp = emptySharpness();
  for (const w of scores.filter(filter)) {
    addSums(s, w.sums);
    addSharpness(sharp, w.sharp);
  }
  return { ...figures(s), sharp };
}

const all = pooled(() => true);
const lab = pooled((s) => s.labelled);
const unl = pooled((s) => !s.labelled);
const un = scores.filter((s) => !s.labelled);
const right = un.filter((s) => s.foundGroups === s.trueGroups).length;
const near = un.filter((s) => Math.abs(s.foundGroups - s.trueGroups) <= 1).length;
const found = un.reduce((a, s) => a + s.foundGroups, 0);
const truth = un.reduce((a, s) => a + s.trueGroups, 0);

console.log(
  `\n### world3: ${worlds} worlds (seeds ${1 + seedOffset}–${worlds + seedOffset}), ${sightings} sightings, ${counts} border counts, ${rejected} rows rejected by the importer; ${splits} splits, ${merges} merges\n`,
);
console.log("| figure | all | labelled | unlabelled |\n|---|---|---|---|");
const row = (name: string, f: (x: Figures & { sharp: Sharpness }) => string): void =>
  console.log(`| ${name} | ${f(all)} | ${f(lab)} | ${f(unl)} |`);
row(
  "median-person km error ÷ naive (told the labels)",
  (x) => `**${num(x.kmRatio, 2)} ×** (${num(x.kmMae, 0)} km)`,
);
row("size error (MAPE) ÷ naive", (x) => `**${num(x.sizeRatio, 2)} ×** (${pct(x.sizeMape)})`);
row("90 % km interval cover", (x) => `**${pct(x.kmCover)}** (${sharpText(x.sharp.km, "km")})`);
row(
  "90 % size interval cover",
  (x) => `**${pct(x.sizeCover)}** (${sharpText(x.sharp.size, "size")})`,
);
row(
  "head km (front edge) cover; error",
  (x) => `**${pct(x.headCover)}** (${sharpText(x.sharp.head, "km")}); ${num(x.headMae, 0)} km`,
);
row("tail km (rear edge) cover", (x) => `${pct(x.tailCover)} (${sharpText(x.sharp.tail, "km")})`);
row(
  "group-days without an estimate (not scored: at the route's end after the track ended there)",
  (x) => `**${pct(x.missingShare)}** of ${x.days} (${x.arrived})`,
);
console.log(
  `\nunlabelled worlds with the right number of groups: **${right} of ${un.length}** (within one: ${near}; ${found} tracks for ${truth} true groups)`,
);
console.log(
  `estimator crashes (world scored with no track): ${crashes.length}${crashes.map((c) => `\n- ${c}`).join("")}`,
);
if (missing) {
  for (const [which, m] of Object.entries(causes)) {
    console.log(`${which} group-days without an estimate by cause:`);
    for (const [c, { n, example }] of [...m].sort((a, b) => b[1].n - a[1].n))
      console.log(`  ${c}: ${n} (e.g. ${example})`);
  }
}
console.log(
  `CPU: simulator ${(genMs / 1000).toFixed(1)} s, estimator ${(estMs / 1000).toFixed(1)} s; slowest world ${(worstMs / 1000).toFixed(1)} s (goal ≤ 10 s)`,
);

function sumCells(cells: readonly LeadCell[]): LeadCell {
  const out = emptyCell();
  for (const c of cells) for (const k of Object.keys(out) as (keyof LeadCell)[]) out[k] += c[k];
  return out;
}

if (forecast) {
  const fmt = (c: LeadCell): string =>
    c.n === 0
      ? "0 | – | – | – | –"
      : `${c.n} | ${num(c.model / c.n, 2)} | ${num(c.base / c.n, 2)} | **${num(c.model / c.base, 2)}** | ${pct(c.covered / c.n)}`;
  console.log(
    `\nforecasts: ${moments} as-of moments every ${step} days, ${runs} runs, ${(forecastMs / 1000).toFixed(0)} s CPU; p50 arrival MAE (days), model vs last two reports\n`,
  );
  console.log(
    "| lead (days) | head: n | MAE model | MAE last-two | ratio | p10–p90 cover | bulk: n | MAE model | MAE last-two | ratio | p10–p90 cover |",
  );
  console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (let lead = 1; lead <= LEADS; lead++)
    console.log(`| ${lead} | ${fmt(skill.head[lead])} | ${fmt(skill.bulk[lead])} |`);
  const h = sumCells(skill.head);
  const b = sumCells(skill.bulk);
  console.log(`| **1–14** | ${fmt(h)} | ${fmt(b)} |`);
  for (const [k, all] of [
    ["head", h],
    ["bulk", b],
  ] as const) {
    const cells = [...skill[k].slice(1), all];
    const r6 = cells.map((c) => (c.base6 > 0 ? num(c.model / c.base6, 2) : "–")).join(" ");
    const now = cells.map((c) => `${Math.round((100 * c.baseNow) / Math.max(1, c.n))}`).join(" ");
    console.log(
      `${k} fairness, leads 1…14 and 1–14: ratio with the baseline's speed over ≥ 6 h ${r6}; baseline says "now" (% of cases) ${now}`,
    );
  }
  for (const line of leadOnePaceLines()) console.log(line);
  if (headStartLine()) console.log(headStartLine());
  console.log(
    `as-of moments where the nowcast or forecast threw (not scored): ${failures.length}${failures.map((c) => `\n- ${c}`).join("")}`,
  );
  console.log(
    `cases without a model forecast (unmatched or dissolved): head ${h.noModel}, bulk ${b.noModel}; without a baseline speed: ${h.noBase}, ${b.noBase}`,
  );
}
