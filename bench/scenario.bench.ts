// Speed and memory of the influx scenario engine: 1,000 runs of a 10,000-person scenario over
// 120 days on the 2018 corridor (like 2018, calibrated once before timing), as runs per second,
// against a baseline measured in the same process: the same scenario with a single run (per-run
// cost with no aggregation over runs). Then the memory the summaries hold as the runs grow
// (100 → 10,000 runs), and the accuracy of the streaming (histogram) quantiles against exact ones
// on the same 1,000 runs. Seeded: identical work on every machine.
// Run: npx tsx bench/scenario.bench.ts   (REPEAT=5 by default: the best of 5 is reported;
// COHESION=0.94 runs the like-2018 parameters at another cohesion, e.g. the one fitted to the
// first arrivals, FIRST_AND_BULK_2018)
import { embedded2018 } from "../src/embedded/index.ts";
import { accumulateRun, createAccumulators } from "../src/scenario/accumulate.ts";
import { buildCorridor } from "../src/geo/corridor.ts";
import { compileScenario } from "../src/scenario/compile.ts";
import { like2018Parameters } from "../src/scenario/like2018.ts";
import { runScenario, runSeed } from "../src/scenario/runScenario.ts";
import { createRunBuffers, simulateRun } from "../src/scenario/simulateRun.ts";
import { StreamingQuantiles } from "../src/scenario/streamingQuantiles.ts";
import { validateScenario } from "../src/scenario/validateScenario.ts";
import { mulberry32 } from "../src/util/random.ts";

const repeat = Number(process.env.REPEAT ?? 5);
const dataset = embedded2018();
const corridor = buildCorridor(dataset);
const like2018 = like2018Parameters(dataset);
if (process.env.COHESION) like2018.movement.cohesion = Number(process.env.COHESION);
const input = (runs: number) => ({
  like: "2018",
  runs,
  seed: 2019,
  horizonDays: 120,
  waves: [{ origin: "Tecún Umán", date: "2019-01-15", people: 10000 }],
  destination: "Tijuana",
  shelters: [{ place: "Tijuana", capacity: 3000 }],
});
const scenarioOf = (runs: number) => {
  const { scenario, errors } = validateScenario(input(runs), { dataset, corridor, like2018 });
  if (!scenario) throw new Error(JSON.stringify(errors));
  return scenario;
};
const best = (f: () => void, times: number): number => {
  let fastest = Infinity;
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    f();
    fastest = Math.min(fastest, performance.now() - t);
  }
  return fastest;
};

// ── speed ──
runScenario(scenarioOf(300), { dataset, corridor }); // warm up the JIT on both paths
const single = scenarioOf(1);
const thousand = scenarioOf(1000);
const singleMs =
  best(() => {
    for (let i = 0; i < 200; i++) runScenario(single, { dataset, corridor });
  }, repeat) / 200;
const thousandMs = best(() => runScenario(thousand, { dataset, corridor }), repeat);
const compiled = compileScenario(thousand, corridor);
const buffers = createRunBuffers(compiled);
const kernelMs = best(() => {
  for (let run = 0; run < 1000; run++)
    simulateRun(compiled, mulberry32(runSeed(2019, run)), buffers);
}, repeat);

const places = compiled.places.length;
const groups = compiled.cohorts.length;
console.log(
  `1,000 runs × 10,000 people × 120 days, like 2018, Tecún Umán → Tijuana (${groups} groups, ${places} places); best of ${repeat}; Node ${process.version}`,
);
console.log("| measure | time | runs/s | ratio to the single-run baseline (per run) |");
console.log("|---|---|---|---|");
console.log(
  `| single-run scenario (baseline) | ${singleMs.toFixed(2)} ms | ${(1000 / singleMs).toFixed(0)} | 1.00 |`,
);
console.log(
  `| runScenario, 1,000 runs | ${(thousandMs / 1000).toFixed(2)} s | ${(1e6 / thousandMs).toFixed(0)} | ${(thousandMs / 1000 / singleMs).toFixed(2)} |`,
);
console.log(
  `| simulateRun kernel only, 1,000 runs | ${(kernelMs / 1000).toFixed(2)} s | ${(1e6 / kernelMs).toFixed(0)} | ${(kernelMs / 1000 / singleMs).toFixed(2)} |`,
);
console.log(
  `goal (1,000 runs in under 1 s): ${thousandMs < 1000 ? "met" : "NOT met"} (${(thousandMs / 1000).toFixed(2)} s)`,
);

// ── memory as the runs grow ──
/** Bytes of the summaries after `runs` runs (what runScenario holds besides one run's buffers). */
function summaryBytes(runs: number): { bytes: number; cells: number; ms: number } {
  const acc = createAccumulators(compiled, runs);
  const t = performance.now();
  for (let run = 0; run < runs; run++) {
    const error = simulateRun(compiled, mulberry32(runSeed(2019, run)), buffers);
    accumulateRun(acc, compiled, buffers, run, error);
  }
  acc.metrics.forEach((m) => m.quantiles());
  acc.totals.quantiles();
  const ms = performance.now() - t;
  const streams = [...acc.metrics, acc.totals, acc.peakPeople];
  const bytes =
    streams.reduce((sum, s) => sum + s.bytes, 0) +
    acc.overCount.byteLength +
    acc.personDays.byteLength +
    2 * places * (compiled.days + 1) * 4; // the two day histograms
  const cells = streams.reduce((sum, s) => sum + s.cells, 0);
  return { bytes, cells, ms };
}
console.log("");
console.log("| runs | summaries held | per-run tables (before) | time |");
console.log("|---|---|---|---|");
for (const runs of [100, 1000, 10000]) {
  const { bytes, cells, ms } = summaryBytes(runs);
  const before = cells * runs * 4;
  console.log(
    `| ${runs.toLocaleString("en-US")} | ${(bytes / 2 ** 20).toFixed(1)} MB | ${(before / 2 ** 20).toFixed(1)} MB | ${(ms / 1000).toFixed(2)} s |`,
  );
}

// ── accuracy of the histograms against exact quantiles, same 1,000 runs ──
{
  const D = compiled.days;
  const cells = places * D;
  const streaming = new StreamingQuantiles(cells, 1000);
  const exact = new StreamingQuantiles(cells, 1000, 1000);
  for (let run = 0; run < 1000; run++) {
    simulateRun(compiled, mulberry32(runSeed(2019, run)), buffers);
    streaming.addSlice(buffers.present, 0, 0, cells);
    exact.addSlice(buffers.present, 0, 0, cells);
    streaming.endRun();
    exact.endRun();
  }
  const a = streaming.quantiles();
  const b = exact.quantiles();
  let worst = 0;
  let worstShare = 0;
  let exactCells = 0;
  for (const key of ["p10", "p50", "p90"] as const) {
    for (let cell = 0; cell < cells; cell++) {
      const error = Math.abs(a[key][cell]! - b[key][cell]!);
      const spread = b.p90[cell]! - b.p10[cell]!;
      worst = Math.max(worst, error);
      if (spread > 0) worstShare = Math.max(worstShare, error / spread);
      if (error < 1e-9) exactCells++;
    }
  }
  console.log("");
  console.log(
    `people present, ${cells.toLocaleString("en-US")} place-days × p10/p50/p90, 1,000 runs: histogram vs exact — largest error ${worst.toFixed(1)} people, ${(100 * worstShare).toFixed(1)} % of that cell's p10–p90 spread at most; ${((100 * exactCells) / (3 * cells)).toFixed(1)} % of the quantiles identical.`,
  );
}
