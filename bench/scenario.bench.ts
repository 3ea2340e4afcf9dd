// Speed of the influx scenario engine: 1,000 runs of a 10,000-person scenario over 120 days on
// the 2018 corridor (like 2018, calibrated once before timing), as runs per second, against a
// baseline measured in the same process: the same scenario with a single run (per-run cost with
// no aggregation over runs). Seeded: identical work on every machine.
// Run: npx tsx bench/scenario.bench.ts   (REPEAT=5 by default: the best of 5 is reported)
import { embedded2018 } from "../src/embedded/index.ts";
import { buildCorridor } from "../src/scenario/corridor.ts";
import { compileScenario } from "../src/scenario/compile.ts";
import { like2018Parameters } from "../src/scenario/like2018.ts";
import { runScenario, runSeed } from "../src/scenario/runScenario.ts";
import { createRunBuffers, simulateRun } from "../src/scenario/simulateRun.ts";
import { validateScenario } from "../src/scenario/validateScenario.ts";
import { mulberry32 } from "../src/util/random.ts";

const repeat = Number(process.env.REPEAT ?? 5);
const dataset = embedded2018();
const corridor = buildCorridor(dataset);
const like2018 = like2018Parameters(dataset);
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

// Warm up the JIT on both paths.
runScenario(scenarioOf(50), { dataset, corridor });
const single = scenarioOf(1);
const thousand = scenarioOf(1000);
// Baseline: a single-run scenario, timed over 200 calls (ms per call).
const singleMs =
  best(() => {
    for (let i = 0; i < 200; i++) runScenario(single, { dataset, corridor });
  }, repeat) / 200;
const thousandMs = best(() => runScenario(thousand, { dataset, corridor }), repeat);
// The kernel alone (no aggregation): 1,000 runs of simulateRun.
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
  `goal (1,000 runs in under 3 s): ${thousandMs < 3000 ? "met" : "NOT met"} (${(thousandMs / 1000).toFixed(2)} s)`,
);
